//! The audit of the figures a table publishes. Every shown amount stands
//! for the interval of exact values that round to it; sums, rates, shares,
//! growth, unspent amounts and the settlement identities are recomputed on
//! those intervals, and a figure is reported only when no exact values
//! consistent with the shown ones could produce it. Each rate column's
//! rounding convention (half up, or cut) is worked out from the rows that
//! fit, named once, and the rest judged by it.
//!
//! Checks run on a small table held whole (a table pasted from a report, a
//! short CSV); the total rows of a data file are checked at any size.

pub mod interval;
mod rows;
mod totals;

use crate::analysis::execution::default_columns;
use crate::analysis::growth::default_pair;
use crate::budget::Budget;
use crate::columns::{Column, ColumnKind, Role};
use crate::hierarchy::Tree;
use crate::import::basis::HEADER as BASIS_HEADER;
use interval::{Interval, Rounding};
use rows::{Rows, Wholes};
use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A total or subtotal that its rows cannot add up to.
    Sum,
    /// A second breakdown of a total (사업예산 + 기본경비) that does not add up to it.
    SecondView,
    /// A 계 column that its sibling columns cannot add up to.
    RowSum,
    /// A share (비율, 비중) the amounts cannot give.
    Share,
    /// Shares of one total that cannot add up to 100 %.
    ShareTotal,
    /// An execution rate (집행률) the amounts cannot give.
    ExecutionRate,
    /// A difference (증감) the two amounts cannot give.
    GrowthAmount,
    /// A growth rate (증감률) the two amounts cannot give.
    GrowthRate,
    /// An unspent amount (집행잔액) that is not budget − executed − carried over.
    Unspent,
    /// 예산현액 ≠ 당초예산 + 전년이월 + 예산변경.
    Identity,
    /// A new item whose growth is printed as 100 %: it is new, not doubled.
    NewItem,
    /// A calculation basis (산출근거) whose product is not the amount shown.
    Basis,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The published figure is impossible.
    Error,
    /// Worth knowing, not wrong.
    Info,
}

/// A range of values, as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Range {
    pub low: String,
    pub high: String,
}

/// One published figure that cannot be right (or is worth a note).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// 1-based line of the row in the input.
    pub row: usize,
    /// 1-based column, and its header.
    pub column: usize,
    pub column_name: String,
    /// The row's name (its label cell).
    pub name: String,
    /// The figure as published.
    pub published: String,
    /// What the figure could be, for every set of exact values that round to
    /// the shown ones.
    pub possible: Option<Range>,
    /// The figure recomputed from the shown values.
    pub recomputed: Option<String>,
    pub message_ko: String,
    pub message_en: String,
}

/// A rate column's rounding convention, as worked out from its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Convention {
    pub column: String,
    pub rounding: Rounding,
    /// Rows that fit the convention, of the rows checked.
    pub fitting: usize,
    pub checked: usize,
}

/// Everything the audit found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    /// Whether the table was audited (it was held whole and small enough).
    pub audited: bool,
    /// How many published figures were checked.
    pub checked: usize,
    pub findings: Vec<Finding>,
    pub conventions: Vec<Convention>,
}

/// What a rate column measures.
#[derive(Debug, Clone, Copy)]
enum RateOf {
    Execution { executed: usize, budget: usize },
    Share { base: usize },
    Growth { from: usize, to: usize },
}

struct Context<'a> {
    budget: &'a Budget,
    rows: Rows<'a>,
    tree: Option<&'a Tree>,
    name: Option<usize>,
    audit: Audit,
    /// The wholes a share may be of, by the amount measure it is a share of.
    wholes: FxHashMap<usize, Wholes>,
}

/// Audits a budget's published figures: a table held whole as it was shown,
/// any other budget row by row (the checks that need the rows' sums and
/// the rebuilt tree apply to tables held whole only).
pub fn audit(budget: &Budget) -> Audit {
    let (rows, tree, name) = match &budget.structure {
        Some(structure) => (
            Rows::Shown(&structure.rows),
            structure.tree.as_ref(),
            structure.name_dimension,
        ),
        None => (Rows::Data(budget), None, None),
    };
    let mut context = Context {
        budget,
        rows,
        tree,
        name,
        audit: Audit::default(),
        wholes: FxHashMap::default(),
    };
    context.sums();
    context.row_sums();
    context.rates();
    context.share_totals();
    context.differences();
    context.unspent();
    context.identity();
    context.basis();
    totals::total_rows(budget, &mut context.audit);
    // A table held whole was audited even when nothing in it could be
    // checked; a data file, only when something was.
    context.audit.audited = budget.structure.is_some() || context.audit.checked > 0;
    context.audit
}

fn text(value: Decimal) -> String {
    value.normalize().to_string()
}

fn rounded(value: Decimal, places: u32) -> String {
    let mut v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(places);
    v.to_string()
}

fn range(interval: Interval, places: u32) -> Range {
    Range {
        low: rounded(interval.low, places),
        high: rounded(interval.high, places),
    }
}

impl Context<'_> {
    fn column(&self, measure: usize) -> &Column {
        &self.budget.columns[self.budget.measures[measure].column]
    }

    fn measure_of(&self, column: usize) -> Option<usize> {
        self.budget.measures.iter().position(|m| m.column == column)
    }

    fn amount_measures(&self) -> Vec<usize> {
        (0..self.budget.measures.len())
            .filter(|&m| self.column(m).kind == ColumnKind::Amount)
            .collect()
    }

    fn value(&self, row: usize, measure: usize) -> Option<Decimal> {
        self.rows.value(row, measure)
    }

    /// A shown amount in the budget's unit.
    fn scaled(&self, row: usize, measure: usize) -> Option<Decimal> {
        self.value(row, measure)?
            .checked_mul(self.budget.measures[measure].scale_factor())
    }

    /// The interval a shown amount stands for, in the budget's unit.
    fn amount(&self, row: usize, measure: usize) -> Option<Interval> {
        let value = self.value(row, measure)?;
        Interval::shown(value, Rounding::Round)?.scale(self.budget.measures[measure].scale_factor())
    }

    fn name(&self, row: usize) -> String {
        match self.rows {
            Rows::Shown(rows) => self.budget.label_of(&rows[row], self.name),
            Rows::Data(budget) => rows::data_row_name(budget, row),
        }
    }

    /// The rows that read as totals (only a table as shown has them).
    fn total_rows(&self) -> Vec<usize> {
        match self.rows {
            Rows::Shown(rows) => (0..rows.len()).filter(|&i| rows[i].total).collect(),
            Rows::Data(_) => Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn report(
        &mut self,
        kind: FindingKind,
        severity: Severity,
        row: usize,
        measure: usize,
        published: String,
        possible: Option<Range>,
        recomputed: Option<String>,
        (ko, en): (String, String),
    ) {
        let column = self.column(measure);
        let line = self.rows.line(row);
        let name = self.name(row);
        let place_ko = format!("{line}행 '{name}'의 '{}'", column.name);
        let place_en = format!("Row {line} '{name}', '{}'", column.name);
        self.audit.findings.push(Finding {
            kind,
            severity,
            row: line,
            column: column.index + 1,
            column_name: column.name.clone(),
            name,
            published,
            possible,
            recomputed,
            message_ko: format!("{place_ko}: {ko}"),
            message_en: format!("{place_en}: {en}"),
        });
    }

    /// Each parent against the sum of its children, and a second
    /// breakdown against the total it breaks down.
    fn sums(&mut self) {
        let Some(tree) = self.tree else { return };
        let amounts = self.amount_measures();
        for parent in 0..self.rows.len() {
            let children = tree.children(parent);
            let views: Vec<usize> = (0..self.rows.len())
                .filter(|&j| tree.parent[j] == Some(parent) && tree.view[j])
                .collect();
            for (group, kind) in [
                (children, FindingKind::Sum),
                (views, FindingKind::SecondView),
            ] {
                if group.is_empty() {
                    continue;
                }
                for &m in &amounts {
                    self.sum_check(parent, &group, m, kind);
                }
            }
        }
    }

    /// The interval and exact value of the sum of `cells` (row, measure),
    /// in the budget's unit; `None` when none is given or the sum overflows.
    fn sum(&self, cells: impl Iterator<Item = (usize, usize)>) -> Option<(Interval, Decimal)> {
        let mut total = Interval::point(Decimal::ZERO);
        let mut exact = Decimal::ZERO;
        let mut any = false;
        for (row, m) in cells {
            if let (Some(interval), Some(value)) = (self.amount(row, m), self.value(row, m)) {
                total = total.checked_add(interval)?;
                exact = exact
                    .checked_add(value.checked_mul(self.budget.measures[m].scale_factor())?)?;
                any = true;
            }
        }
        any.then_some((total, exact))
    }

    fn sum_check(&mut self, parent: usize, group: &[usize], m: usize, kind: FindingKind) {
        let Some((possible, exact)) = self.sum(group.iter().map(|&child| (child, m))) else {
            return;
        };
        let first = group.first().map_or(0, |&c| self.rows.line(c));
        let last = group.last().map_or(0, |&c| self.rows.line(c));
        self.compare(
            kind,
            parent,
            m,
            (possible, exact),
            (
                &format!("{first}~{last}행의 합"),
                &format!("the sum of rows {first}–{last}"),
            ),
        );
    }

    /// A `… 계` column against the columns beside it that share its heading.
    fn row_sums(&mut self) {
        let amounts = self.amount_measures();
        for &total in &amounts {
            let name = self.column(total).name.clone();
            let Some(prefix) = ["합계", "소계", "계"]
                .iter()
                .find_map(|word| name.strip_suffix(word).filter(|p| p.ends_with(' ')))
            else {
                continue;
            };
            let parts: Vec<usize> = amounts
                .iter()
                .copied()
                .filter(|&m| m != total && self.column(m).name.starts_with(prefix))
                .collect();
            if parts.is_empty() {
                continue;
            }
            for row in 0..self.rows.len() {
                if let Some(sum) = self.sum(parts.iter().map(|&m| (row, m))) {
                    self.compare(
                        FindingKind::RowSum,
                        row,
                        total,
                        sum,
                        ("옆 칸들의 합", "the sum of the cells beside it"),
                    );
                }
            }
        }
    }

    fn rate_of(&self, measure: usize) -> Option<RateOf> {
        let column = self.column(measure);
        let header: String = column
            .name
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
        let measure_of = |column: usize| self.measure_of(column);
        if has(&["집행률", "집행율", "execution"]) {
            let e = default_columns(&self.budget.columns)?;
            return Some(RateOf::Execution {
                executed: measure_of(e.executed)?,
                budget: measure_of(e.budget)?,
            });
        }
        if has(&["증감률", "증감율", "*100", "growth", "증가율"]) {
            let (from, to) = default_pair(&self.budget.columns)?;
            return Some(RateOf::Growth {
                from: measure_of(from)?,
                to: measure_of(to)?,
            });
        }
        if has(&["비율", "비중", "구성비", "share", "점유"]) {
            let base = self
                .budget
                .columns
                .iter()
                .filter(|c| c.kind == ColumnKind::Amount && c.index < column.index)
                .max_by_key(|c| c.index)?;
            return Some(RateOf::Share {
                base: measure_of(base.index)?,
            });
        }
        None
    }

    /// The wholes a share in `row` may be of: its parent and the grand total
    /// (or the sum of the data rows when there is no tree).
    fn share_wholes(&self, row: usize, base: usize) -> Vec<Interval> {
        let mut wholes = Vec::new();
        if let Some(tree) = self.tree {
            if let Some(parent) = tree.parent[row] {
                wholes.extend(self.amount(parent, base));
                let mut top = parent;
                while let Some(p) = tree.parent[top] {
                    top = p;
                }
                if top != parent {
                    wholes.extend(self.amount(top, base));
                }
            } else {
                wholes.extend(self.amount(row, base));
            }
        } else {
            // The sum of the data rows and each group (added up once), and
            // the amounts of the rows that read as totals.
            if let Some(w) = self.wholes.get(&base) {
                wholes.extend(w.of_row(self.rows, row));
            }
            if !self.rows.total(row) {
                wholes.extend(
                    self.total_rows()
                        .into_iter()
                        .filter_map(|i| self.amount(i, base)),
                );
            }
        }
        wholes
    }

    /// The intervals a rate in `row` could have, from the shown amounts.
    fn possible_rates(&self, row: usize, of: RateOf) -> Vec<Interval> {
        match of {
            RateOf::Execution { executed, budget } => {
                let (Some(e), Some(b)) = (self.amount(row, executed), self.amount(row, budget))
                else {
                    return Vec::new();
                };
                e.percent_of(b).into_iter().collect()
            }
            RateOf::Share { base } => {
                let Some(part) = self.amount(row, base) else {
                    return Vec::new();
                };
                self.share_wholes(row, base)
                    .into_iter()
                    .filter_map(|whole| part.percent_of(whole))
                    .collect()
            }
            RateOf::Growth { from, to } => {
                let (Some(f), Some(t)) = (self.amount(row, from), self.amount(row, to)) else {
                    return Vec::new();
                };
                let Some(difference) = t.checked_sub(f) else {
                    return Vec::new();
                };
                let base = if f.low.is_sign_negative() && f.high.is_sign_negative() {
                    Interval {
                        low: -f.high,
                        high: -f.low,
                    }
                } else {
                    f
                };
                difference.percent_of(base).into_iter().collect()
            }
        }
    }

    /// Every rate column checked against the amounts of its row, by the
    /// rounding convention most of its rows fit.
    fn rates(&mut self) {
        for m in 0..self.budget.measures.len() {
            if self.column(m).kind != ColumnKind::Rate {
                continue;
            }
            let Some(of) = self.rate_of(m) else { continue };
            if let RateOf::Share { base } = of {
                if self.tree.is_none() && !self.wholes.contains_key(&base) {
                    let scale = self.budget.measures[base].scale_factor();
                    self.wholes.insert(base, Wholes::of(self.rows, base, scale));
                }
            }
            let mut checks = Vec::new();
            for row in 0..self.rows.len() {
                let Some(published) = self.value(row, m) else {
                    continue;
                };
                if let RateOf::Growth { from, .. } = of {
                    let from_value = self.value(row, from).unwrap_or(Decimal::ZERO);
                    if from_value.is_zero() {
                        if published == Decimal::ONE_HUNDRED {
                            self.new_item(row, m);
                        }
                        continue;
                    }
                }
                let possible = self.possible_rates(row, of);
                if !possible.is_empty() {
                    checks.push((row, published, possible));
                }
            }
            if checks.is_empty() {
                continue;
            }
            let fits = |rounding: Rounding| {
                checks
                    .iter()
                    .filter(|(_, published, possible)| {
                        Interval::shown(*published, rounding)
                            .is_some_and(|shown| possible.iter().any(|p| p.meets(shown)))
                    })
                    .count()
            };
            let (round, cut) = (fits(Rounding::Round), fits(Rounding::Truncate));
            let rounding = if cut > round {
                Rounding::Truncate
            } else {
                Rounding::Round
            };
            self.audit.conventions.push(Convention {
                column: self.column(m).name.clone(),
                rounding,
                fitting: round.max(cut),
                checked: checks.len(),
            });
            for (row, published, possible) in checks {
                self.audit.checked += 1;
                let Some(shown) = Interval::shown(published, rounding) else {
                    continue;
                };
                if possible.iter().any(|p| p.meets(shown)) {
                    continue;
                }
                let places = published.scale() + 2;
                let best = possible[0];
                let recomputed = rounded(best.middle(), published.scale() + 1);
                let (kind, what_ko, what_en) = match of {
                    RateOf::Execution { .. } => {
                        (FindingKind::ExecutionRate, "집행률", "execution rate")
                    }
                    RateOf::Share { .. } => (FindingKind::Share, "비율", "share"),
                    RateOf::Growth { .. } => (FindingKind::GrowthRate, "증감률", "growth rate"),
                };
                let p = text(published);
                let range_text = format!(
                    "{}~{}",
                    rounded(best.low, places),
                    rounded(best.high, places)
                );
                let ko = format!("{what_ko} {p}%는 표시된 금액으로 나올 수 없습니다. 가능한 값은 {range_text}%, 계산하면 {recomputed}%입니다");
                let en = format!("the {what_en} {p}% cannot come from the amounts shown: it could be {} % to {} %; recomputed, {recomputed} %", rounded(best.low, places), rounded(best.high, places));
                self.report(
                    kind,
                    Severity::Error,
                    row,
                    m,
                    p,
                    Some(range(best, places)),
                    Some(recomputed),
                    (ko, en),
                );
            }
        }
    }

    fn new_item(&mut self, row: usize, m: usize) {
        let ko =
            "전년도 금액이 없는 신규 항목입니다. 100%는 두 배로 늘었다는 뜻이 아닙니다".to_string();
        let en =
            "a new item (nothing the year before); 100 % here means new, not doubled".to_string();
        self.report(
            FindingKind::NewItem,
            Severity::Info,
            row,
            m,
            "100".into(),
            None,
            None,
            (ko, en),
        );
    }

    /// Shares of one total should add up to 100 %.
    fn share_totals(&mut self) {
        let Some(tree) = self.tree else { return };
        let tops: Vec<usize> = (0..self.rows.len())
            .filter(|&i| tree.parent[i].is_none())
            .collect();
        let [root] = tops.as_slice() else { return };
        let children = tree.children(*root);
        if children.len() < 2 {
            return;
        }
        for m in 0..self.budget.measures.len() {
            if self.column(m).kind != ColumnKind::Rate
                || !matches!(self.rate_of(m), Some(RateOf::Share { .. }))
            {
                continue;
            }
            let rounding = self
                .audit
                .conventions
                .iter()
                .find(|c| c.column == self.column(m).name)
                .map_or(Rounding::Round, |c| c.rounding);
            let mut sum = Interval::point(Decimal::ZERO);
            let mut exact = Decimal::ZERO;
            let mut all = true;
            for &child in &children {
                match self.value(child, m) {
                    Some(v) => {
                        let next = Interval::shown(v, rounding)
                            .and_then(|shown| sum.checked_add(shown))
                            .zip(exact.checked_add(v));
                        let Some((next_sum, next_exact)) = next else {
                            return;
                        };
                        sum = next_sum;
                        exact = next_exact;
                    }
                    None => all = false,
                }
            }
            if !all {
                continue;
            }
            self.audit.checked += 1;
            if !sum.contains(Decimal::ONE_HUNDRED) {
                let lines: Vec<String> = children
                    .iter()
                    .map(|&c| self.rows.line(c).to_string())
                    .collect();
                let published = text(exact);
                let ko = format!(
                    "{}행의 비율을 더하면 {published}%로, 100%가 될 수 없습니다",
                    lines.join(", ")
                );
                let en = format!(
                    "the shares in rows {} add up to {published} %, which cannot be 100 %",
                    lines.join(", ")
                );
                self.report(
                    FindingKind::ShareTotal,
                    Severity::Error,
                    *root,
                    m,
                    published,
                    Some(range(sum, 2)),
                    Some("100".into()),
                    (ko, en),
                );
            }
        }
    }

    fn role(&self, role: Role) -> Option<usize> {
        (0..self.budget.measures.len()).find(|&m| {
            let c = self.column(m);
            c.kind == ColumnKind::Amount && c.role == Some(role)
        })
    }

    /// Checks `target` in every row against an interval computed per row.
    fn identity_check(
        &mut self,
        target: usize,
        kind: FindingKind,
        compute: impl Fn(&Self, usize) -> Option<(Interval, Decimal)>,
        what: (&str, &str),
    ) {
        for row in 0..self.rows.len() {
            if let Some(computed) = compute(self, row) {
                self.compare(kind, row, target, computed, what);
            }
        }
    }

    /// Compares the amount shown in (`row`, `target`) with what it should
    /// be, `(possible interval, exact value from the shown ones)`, and
    /// reports it when no exact values could make them meet.
    fn compare(
        &mut self,
        kind: FindingKind,
        row: usize,
        target: usize,
        (possible, exact): (Interval, Decimal),
        (what_ko, what_en): (&str, &str),
    ) {
        let (Some(shown), Some(published)) = (self.amount(row, target), self.value(row, target))
        else {
            return;
        };
        self.audit.checked += 1;
        if shown.meets(possible) {
            return;
        }
        let factor = self.budget.measures[target].scale_factor();
        let unscaled = |v: Decimal| text(v / factor);
        let p = text(published);
        let (range_ko, range_en) = if possible.low == possible.high {
            (String::new(), String::new())
        } else {
            let (low, high) = (unscaled(possible.low), unscaled(possible.high));
            (
                format!(" (반올림을 감안해도 {low}~{high})"),
                format!(" ({low} to {high} allowing for rounding)"),
            )
        };
        let ko = format!(
            "{p}은(는) {what_ko} {}과 맞지 않습니다{range_ko}",
            unscaled(exact)
        );
        let en = format!("{p} is not {what_en}, {}{range_en}", unscaled(exact));
        let range = Range {
            low: unscaled(possible.low),
            high: unscaled(possible.high),
        };
        self.report(
            kind,
            Severity::Error,
            row,
            target,
            p,
            Some(range),
            Some(unscaled(exact)),
            (ko, en),
        );
    }

    /// 증감 = to − from.
    fn differences(&mut self) {
        let Some(target) = self.role(Role::Difference) else {
            return;
        };
        let Some((from, to)) = default_pair(&self.budget.columns) else {
            return;
        };
        let (Some(from), Some(to)) = (self.measure_of(from), self.measure_of(to)) else {
            return;
        };
        self.identity_check(
            target,
            FindingKind::GrowthAmount,
            |c, row| {
                let (f, t) = (c.amount(row, from)?, c.amount(row, to)?);
                let exact = c.scaled(row, to)?.checked_sub(c.scaled(row, from)?)?;
                Some((t.checked_sub(f)?, exact))
            },
            ("두 금액의 차", "the difference of the two amounts"),
        );
    }

    /// 집행잔액 = 예산현액 (or 예산액) − 집행액 − 차년이월.
    fn unspent(&mut self) {
        let Some(target) = self.role(Role::Unspent) else {
            return;
        };
        let Some(e) = default_columns(&self.budget.columns) else {
            return;
        };
        let (Some(executed), Some(budget)) =
            (self.measure_of(e.executed), self.measure_of(e.budget))
        else {
            return;
        };
        let carried = e.carried_out.and_then(|c| self.measure_of(c));
        self.identity_check(
            target,
            FindingKind::Unspent,
            |c, row| {
                let mut possible = c
                    .amount(row, budget)?
                    .checked_sub(c.amount(row, executed)?)?;
                let mut exact = c
                    .scaled(row, budget)?
                    .checked_sub(c.scaled(row, executed)?)?;
                if let Some(carried) = carried {
                    if let (Some(i), Some(v)) = (c.amount(row, carried), c.scaled(row, carried)) {
                        possible = possible.checked_sub(i)?;
                        exact = exact.checked_sub(v)?;
                    }
                }
                Some((possible, exact))
            },
            (
                "예산 − 집행액 − 차년이월",
                "budget − executed − carried over",
            ),
        );
    }

    /// A calculation basis (산출근거): the amount stated against the product
    /// of its unit price and counts.
    fn basis(&mut self) {
        let named = |name: &str| {
            (0..self.budget.measures.len())
                .find(|&m| self.column(m).kind == ColumnKind::Amount && self.column(m).name == name)
        };
        let (Some(stated), Some(product)) = (named(BASIS_HEADER[3]), named(BASIS_HEADER[4])) else {
            return;
        };
        self.identity_check(
            stated,
            FindingKind::Basis,
            |c, row| {
                let value = c.scaled(row, product)?;
                Some((Interval::point(value), value))
            },
            ("산출근거의 곱", "the product of its calculation basis"),
        );
    }

    /// 예산현액 = 당초예산 + 전년이월 + 예산변경.
    fn identity(&mut self) {
        let (Some(current), Some(adopted)) = (self.role(Role::Current), self.role(Role::Adopted))
        else {
            return;
        };
        let (Some(carried_in), Some(change)) =
            (self.role(Role::CarriedIn), self.role(Role::Change))
        else {
            return;
        };
        self.identity_check(
            current,
            FindingKind::Identity,
            |c, row| {
                let mut possible = c.amount(row, adopted)?;
                let mut exact = c.scaled(row, adopted)?;
                for m in [carried_in, change] {
                    if let (Some(i), Some(v)) = (c.amount(row, m), c.scaled(row, m)) {
                        possible = possible.checked_add(i)?;
                        exact = exact.checked_add(v)?;
                    }
                }
                Some((possible, exact))
            },
            (
                "당초예산 + 전년이월 + 예산변경",
                "adopted + brought forward + changes",
            ),
        );
    }
}
