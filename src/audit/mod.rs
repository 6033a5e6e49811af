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

mod identities;
pub mod interval;
mod rates;
mod rows;
mod totals;

use crate::budget::Budget;
use crate::columns::total_words::{total_kind, TotalKind};
use crate::columns::{Column, ColumnKind, Role};
use crate::hierarchy::Tree;
use crate::korean::{
    after,
    Particle::{Topic, With},
};
use interval::{Interval, Rounding};

/// What a cell should be in a row: the interval the shown amounts allow
/// and the exact value from them.
type Compute<'a, C> = dyn Fn(&C, usize) -> Option<(Interval, Decimal)> + 'a;
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
    /// A collection rate (징수율, 수납률) the amounts cannot give.
    CollectionRate,
    /// A difference (증감) the two amounts cannot give.
    GrowthAmount,
    /// A growth rate (증감률) the two amounts cannot give.
    GrowthRate,
    /// An unspent amount (집행잔액) that is not budget − executed − carried over.
    Unspent,
    /// 예산현액 ≠ 당초예산 + 전년이월 + 예산변경.
    Identity,
    /// 미수납액 ≠ 징수결정액 − 수납액 − 불납결손액 (what is still due).
    Uncollected,
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
    context.uncollected();
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
    fn sum(&self, cells: &mut dyn Iterator<Item = (usize, usize)>) -> Option<(Interval, Decimal)> {
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
        let Some((possible, exact)) = self.sum(&mut group.iter().map(|&child| (child, m))) else {
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

    /// Columns that add up the amount columns beside them in each row: `X
    /// 합계` of the `X …` columns, and a column named by a total word alone
    /// (`Total` after `Q1` … `Q4`, `합계`, `Summa`, `Insgesamt`) of the
    /// amount columns since the previous such column, or of those after it
    /// up to the next (`계`, `국비`, `시비`, `구비`), where most rows say it
    /// is their sum.
    fn row_sums(&mut self) {
        let amounts = self.amount_measures();
        let mut since = 0;
        for (at, &total) in amounts.iter().enumerate() {
            let name = self.column(total).name.clone();
            let prefixed = ["합계", "소계", "계"]
                .iter()
                .find_map(|word| name.strip_suffix(word).filter(|p| p.ends_with(' ')));
            if let Some(prefix) = prefixed {
                let parts: Vec<usize> = amounts
                    .iter()
                    .copied()
                    .filter(|&m| m != total && self.column(m).name.starts_with(prefix))
                    .collect();
                self.check_row_sums(total, &parts);
            } else if total_kind(&name) == Some(TotalKind::Total) {
                let before = amounts[since..at].to_vec();
                since = at + 1;
                // `계` before its parts (계, 국비, 시비, 구비): the columns up
                // to the next total column.
                let after: Vec<usize> = amounts[at + 1..]
                    .iter()
                    .copied()
                    .take_while(|&m| total_kind(&self.column(m).name) != Some(TotalKind::Total))
                    .collect();
                let parts = [before, after]
                    .into_iter()
                    .find(|parts| parts.len() >= 2 && self.mostly_sums(total, parts));
                if let Some(parts) = parts {
                    self.check_row_sums(total, &parts);
                }
            }
        }
    }

    /// Whether more than half of the rows that give `total` and any of
    /// `parts` show it as their sum (within rounding).
    fn mostly_sums(&self, total: usize, parts: &[usize]) -> bool {
        self.mostly_fits(total, &|c, row| c.sum(&mut parts.iter().map(|&m| (row, m))))
    }

    /// Checks `total` in every row against the sum of `parts` there.
    fn check_row_sums(&mut self, total: usize, parts: &[usize]) {
        if parts.is_empty() {
            return;
        }
        for row in 0..self.rows.len() {
            if let Some(sum) = self.sum(&mut parts.iter().map(|&m| (row, m))) {
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

    fn role(&self, role: Role) -> Option<usize> {
        self.roles(role).first().copied()
    }

    /// The amount measures of `role`, in the table's order.
    fn roles(&self, role: Role) -> Vec<usize> {
        (0..self.budget.measures.len())
            .filter(|&m| {
                let c = self.column(m);
                c.kind == ColumnKind::Amount && c.role == Some(role)
            })
            .collect()
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
        let exact_text = unscaled(exact);
        let ko = format!(
            "{p}{} {what_ko} {exact_text}{} 맞지 않습니다{range_ko}",
            after(&p, Topic),
            after(&exact_text, With)
        );
        let en = format!("{p} is not {what_en}, {exact_text}{range_en}");
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

    /// Whether more than half of the rows where `target` and `compute` both
    /// give a value show `target` as what `compute` gives (within
    /// rounding).
    fn mostly_fits(&self, target: usize, compute: &Compute<'_, Self>) -> bool {
        let (mut fits, mut compared) = (0usize, 0usize);
        for row in 0..self.rows.len() {
            if let (Some((possible, _)), Some(shown)) =
                (compute(self, row), self.amount(row, target))
            {
                compared += 1;
                fits += usize::from(shown.meets(possible));
            }
        }
        fits * 2 > compared
    }
}
