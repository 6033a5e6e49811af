//! Published rates against the amounts of their row: execution rates
//! (집행률), shares (비율, 비중) of the whole or of each group the row is in,
//! and growth rates (증감률); each rate column's rounding convention (half
//! up, or cut) worked out from the rows that fit; shares of one total that
//! cannot add up to 100 %.

use super::interval::{Interval, Rounding};
use super::rows::Wholes;
use super::{range, rounded, text, Context, Convention, FindingKind, Severity};
use crate::analysis::execution::default_columns;
use crate::analysis::growth::default_pair;
use crate::columns::{lexicon, ColumnKind, Role};
use rust_decimal::{Decimal, RoundingStrategy};

/// What a rate column measures.
#[derive(Debug, Clone, Copy)]
pub(super) enum RateOf {
    /// Executed ÷ budget, or (executed + committed) ÷ budget: a
    /// budget-to-actual report's `% Used` often counts encumbrances.
    Execution {
        executed: usize,
        budget: usize,
        committed: Option<usize>,
    },
    /// 징수율: collected ÷ due (or ÷ budget), worked out as an execution rate.
    Collection {
        collected: usize,
        due: usize,
    },
    Share {
        base: usize,
    },
    Growth {
        from: usize,
        to: usize,
    },
}

impl Context<'_> {
    fn rate_of(&self, measure: usize) -> Option<RateOf> {
        let column = self.column(measure);
        let header: String = column
            .name
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
        // Execution, growth and share in the languages of the lexicon
        // (columns::lexicon), lower-cased and without spaces.
        // Beside these, a rate whose header names the executed amount
        // (`Toteutuma-%`, `Realisasi (%)`, `Wykonanie %`) is one.
        const EXECUTION: [&str; 9] = [
            "execution",
            // Mexico's `% Avance` (financial progress).
            "avance",
            "exécution",
            "réalisation",
            "ejecución",
            "execução",
            "realizzazione",
            "ausschöpfung",
            "vollzug",
        ];
        const GROWTH: [&str; 11] = [
            "증감률",
            "증감율",
            "*100",
            "growth",
            "증가율",
            "croissance",
            "crecimiento",
            "増減率",
            "伸び率",
            "增长率",
            "增减率",
        ];
        const SHARE: [&str; 9] = [
            "비율",
            "비중",
            "구성비",
            "share",
            "점유",
            "anteil",
            "構成比",
            "占比",
            "比重",
        ];
        // A collection rate (징수율, 수납률, 収入率): collected ÷ due, or
        // collected ÷ budget where most rows say so.
        const COLLECTION: [&str; 9] = [
            "징수율",
            "징수률",
            "수납률",
            "수납율",
            "収入率",
            "収納率",
            "徴収率",
            "collection",
            "cobro",
        ];
        if has(&COLLECTION) {
            return self.collection_rate(measure);
        }
        let named = lexicon::role_of_rate(&column.name);
        // `% Used`, `Percent Used` (not `Unused`).
        let used = has(&["used"]) && !has(&["unused"]);
        if has(&EXECUTION) || used || named == Some(Role::Executed) {
            let [plain, with_committed] = self.execution_rates();
            let plain = plain?;
            return Some(
                with_committed
                    .filter(|&with| {
                        !self.mostly_rates(measure, plain) && self.mostly_rates(measure, with)
                    })
                    .unwrap_or(plain),
            );
        }
        if has(&GROWTH) {
            return self.growth_rate();
        }
        if has(&SHARE) {
            return self.share_rate(measure);
        }
        self.unnamed_rate(measure)
    }

    /// Executed ÷ budget, and (executed + committed) ÷ budget where the
    /// table shows encumbrances.
    fn execution_rates(&self) -> [Option<RateOf>; 2] {
        let Some(e) = default_columns(&self.budget.columns) else {
            return [None, None];
        };
        let (Some(executed), Some(budget)) =
            (self.measure_of(e.executed), self.measure_of(e.budget))
        else {
            return [None, None];
        };
        let with = |committed| RateOf::Execution {
            executed,
            budget,
            committed,
        };
        let committed = e.committed.and_then(|c| self.measure_of(c));
        [Some(with(None)), committed.map(|c| with(Some(c)))]
    }

    /// The growth rate of the default pair of years or budgets.
    fn growth_rate(&self) -> Option<RateOf> {
        let (from, to) = default_pair(&self.budget.columns)?;
        Some(RateOf::Growth {
            from: self.measure_of(from)?,
            to: self.measure_of(to)?,
        })
    }

    /// The share of the whole of the amount column before the rate.
    fn share_rate(&self, measure: usize) -> Option<RateOf> {
        let index = self.column(measure).index;
        let base = self
            .budget
            .columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Amount && c.index < index)
            .max_by_key(|c| c.index)?;
        Some(RateOf::Share {
            base: self.measure_of(base.index)?,
        })
    }

    /// A rate whose header names none of the rates above (`Performance
    /// (%)`, `Absorption Rate`, `Expenditure as % of final appropriation`,
    /// a bare `%`): the first of an execution, a collection, a growth rate
    /// and a share that most of its rows fit; none where none does.
    fn unnamed_rate(&self, measure: usize) -> Option<RateOf> {
        let collection = self.collection_of_due();
        let candidates = self
            .execution_rates()
            .into_iter()
            .chain([collection, self.growth_rate(), self.share_rate(measure)])
            .flatten();
        candidates
            .into_iter()
            .find(|&of| self.mostly_rates(measure, of))
    }

    /// What a collection rate column measures: the first of collected ÷
    /// due and executed ÷ budget that most of its rows fit, else the first
    /// there is.
    fn collection_rate(&self, measure: usize) -> Option<RateOf> {
        let of_due = self.collection_of_due();
        let of_budget = default_columns(&self.budget.columns).and_then(|e| {
            Some(RateOf::Collection {
                collected: self.measure_of(e.executed)?,
                due: self.measure_of(e.budget)?,
            })
        });
        let candidates = || of_due.into_iter().chain(of_budget);
        candidates()
            .find(|&of| self.mostly_rates(measure, of))
            .or_else(|| candidates().next())
    }

    /// Collected ÷ due, where the table shows both.
    fn collection_of_due(&self) -> Option<RateOf> {
        self.due_and_collected()
            .map(|(due, collected)| RateOf::Collection { collected, due })
    }

    /// Whether more than half of the rows that give a rate in `measure`
    /// and the amounts of `of` show a rate they allow (rounded or cut).
    fn mostly_rates(&self, measure: usize, of: RateOf) -> bool {
        let (mut fits, mut compared) = (0usize, 0usize);
        for row in 0..self.rows.len() {
            let Some(published) = self.value(row, measure) else {
                continue;
            };
            let possible = self.possible_rates(row, of);
            if possible.is_empty() {
                continue;
            }
            compared += 1;
            let fit = [Rounding::Round, Rounding::Truncate].iter().any(|&r| {
                Interval::shown(published, r)
                    .is_some_and(|shown| possible.iter().any(|p| p.meets(shown)))
            });
            fits += usize::from(fit);
        }
        fits * 2 > compared
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

    /// The interval of `(part + plus) ÷ whole × 100` in `row`, from the
    /// shown amounts; none where the part or the whole is not given.
    fn ratio(&self, row: usize, part: usize, plus: Option<usize>, whole: usize) -> Vec<Interval> {
        let (Some(mut p), Some(w)) = (self.amount(row, part), self.amount(row, whole)) else {
            return Vec::new();
        };
        if let Some(more) = plus.and_then(|m| self.amount(row, m)) {
            match p.checked_add(more) {
                Some(sum) => p = sum,
                None => return Vec::new(),
            }
        }
        p.percent_of(w).into_iter().collect()
    }

    /// The intervals a rate in `row` could have, from the shown amounts.
    fn possible_rates(&self, row: usize, of: RateOf) -> Vec<Interval> {
        match of {
            RateOf::Execution {
                executed,
                budget,
                committed,
            } => self.ratio(row, executed, committed, budget),
            RateOf::Collection { collected, due } => self.ratio(row, collected, None, due),
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
    pub(super) fn rates(&mut self) {
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
            let checks = self.rate_checks(m, of);
            if checks.is_empty() {
                continue;
            }
            let rounding = self.convention(m, &checks);
            for (row, published, possible) in checks {
                self.audit.checked += 1;
                let Some(shown) = Interval::shown(published, rounding) else {
                    continue;
                };
                if !possible.iter().any(|p| p.meets(shown)) {
                    self.rate_finding(row, m, of, published, possible[0]);
                }
            }
        }
    }

    /// Each row's published rate and the intervals the amounts allow (a new
    /// item printed as 100 % is a note of its own, not a check).
    fn rate_checks(&mut self, m: usize, of: RateOf) -> Vec<(usize, Decimal, Vec<Interval>)> {
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
        checks
    }

    /// The rounding the column's rows fit best (half up, or cut), named once.
    fn convention(&mut self, m: usize, checks: &[(usize, Decimal, Vec<Interval>)]) -> Rounding {
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
        rounding
    }

    /// A published rate no exact values consistent with the shown amounts give.
    fn rate_finding(
        &mut self,
        row: usize,
        m: usize,
        of: RateOf,
        published: Decimal,
        best: Interval,
    ) {
        // Enough digits that the figures shown do not themselves round to
        // the published one (96.245, not 96.25, against a published 96.3).
        let scale = published.scale();
        let places = scale + 2;
        let mut digits = scale + 1;
        let rounds_to_published = |places: u32| {
            let shown = best
                .middle()
                .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            shown.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero) == published
        };
        while digits < scale + 8 && rounds_to_published(digits) {
            digits += 1;
        }
        let recomputed = rounded(best.middle(), digits);
        let (kind, what_ko, what_en) = match of {
            RateOf::Execution { .. } => (FindingKind::ExecutionRate, "집행률", "execution rate"),
            RateOf::Collection { .. } => (FindingKind::CollectionRate, "징수율", "collection rate"),
            RateOf::Share { .. } => (FindingKind::Share, "비율", "share"),
            RateOf::Growth { .. } => (FindingKind::GrowthRate, "증감률", "growth rate"),
        };
        let p = text(published);
        let (low, high) = (rounded(best.low, places), rounded(best.high, places));
        // Amounts shown exactly allow one rate: no range to give.
        let (ko, en) = if low == high {
            (
                format!("{what_ko} {p}%는 표시된 금액으로 나올 수 없습니다. 계산하면 {recomputed}%입니다"),
                format!("the {what_en} {p}% cannot come from the amounts shown: recomputed, {recomputed} %"),
            )
        } else {
            (
                format!("{what_ko} {p}%는 표시된 금액으로 나올 수 없습니다. 가능한 값은 {low}~{high}%, 계산하면 {recomputed}%입니다"),
                format!("the {what_en} {p}% cannot come from the amounts shown: it could be {low} % to {high} %; recomputed, {recomputed} %"),
            )
        };
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
    pub(super) fn share_totals(&mut self) {
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
}
