//! The settlement identities a table's columns must keep in every row:
//! 증감 = to − from; 예산현액 = 당초예산 + 전년이월 + 예산변경; 집행잔액 =
//! 예산현액 − 집행액 − 차년이월 (− encumbrances); 미수납액 = 징수결정액 −
//! 수납액 − 불납결손액; and a calculation basis's product.

use super::interval::Interval;
use super::{Context, FindingKind};
use crate::analysis::execution::default_columns;
use crate::analysis::growth::default_pair;
use crate::columns::{ColumnKind, Role};
use crate::import::basis::HEADER as BASIS_HEADER;
use rust_decimal::Decimal;

impl Context<'_> {
    /// 증감 = to − from: of the growth pair, or of the budget and the
    /// executed amount (a budget-against-actual table's Variance,
    /// Avvikelse, Abweichung) in the direction most rows show.
    pub(super) fn differences(&mut self) {
        let Some(target) = self.role(Role::Difference) else {
            return;
        };
        let Some((from, to)) = self.difference_pair(target) else {
            return;
        };
        self.identity_check(
            target,
            FindingKind::GrowthAmount,
            |c, row| c.difference(row, from, to),
            ("두 금액의 차", "the difference of the two amounts"),
        );
    }

    /// The measures (from, to) whose difference `target` shows: the first
    /// of the growth pair and the two directions of budget and executed
    /// that most rows show; else the growth pair, if any.
    fn difference_pair(&self, target: usize) -> Option<(usize, usize)> {
        let measures = |(a, b): (usize, usize)| Some((self.measure_of(a)?, self.measure_of(b)?));
        let growth = default_pair(&self.budget.columns).and_then(measures);
        let execution =
            default_columns(&self.budget.columns).and_then(|e| measures((e.executed, e.budget)));
        let candidates = growth
            .into_iter()
            .chain(execution.into_iter().flat_map(|(e, b)| [(e, b), (b, e)]));
        candidates
            .into_iter()
            .find(|&(from, to)| self.mostly_differences(target, from, to))
            .or(growth)
    }

    /// `to − from` in `row`, as an interval of what the shown amounts
    /// allow and exactly from the shown ones.
    fn difference(&self, row: usize, from: usize, to: usize) -> Option<(Interval, Decimal)> {
        let (f, t) = (self.amount(row, from)?, self.amount(row, to)?);
        let exact = self.scaled(row, to)?.checked_sub(self.scaled(row, from)?)?;
        Some((t.checked_sub(f)?, exact))
    }

    /// Whether more than half of the rows that give `target`, `from` and
    /// `to` show `target` as `to − from` (within rounding).
    fn mostly_differences(&self, target: usize, from: usize, to: usize) -> bool {
        self.mostly_fits(target, &|c, row| c.difference(row, from, to))
    }

    /// 집행잔액 = 예산현액 (or 예산액) − 집행액 − 차년이월 (every
    /// carry-over column, or their total), and − encumbrances where the
    /// table shows them and most rows say the column is left after them
    /// (`Available Budget`, `Verfügbar`); checked where most rows fit.
    /// Where they fit no budget column, the budget may be funds released to
    /// be spent (the Philippines' `Unobligated Allotments` = `Allotments` −
    /// `Obligations`): an amount of no role before the executed column.
    pub(super) fn unspent(&mut self) {
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
        let mut less: Vec<usize> = e
            .carried_out
            .iter()
            .filter_map(|&c| self.measure_of(c))
            .collect();
        let committed = e.committed.and_then(|c| self.measure_of(c)).filter(|&m| {
            let with: Vec<usize> = less.iter().copied().chain([m]).collect();
            self.mostly_fits(target, &|c, row| c.left(row, budget, executed, &with))
        });
        less.extend(committed);
        // A column most of whose rows are not what is left (`Total
        // Available` meaning the budget itself) is not this identity.
        let fits = |budget: usize| {
            self.mostly_fits(target, &|c, row| c.left(row, budget, executed, &less))
        };
        let released = || {
            (0..executed).filter(|&m| {
                let c = self.column(m);
                c.kind == ColumnKind::Amount && c.role.is_none()
            })
        };
        let Some(budget) = [budget].into_iter().chain(released()).find(|&b| fits(b)) else {
            return;
        };
        self.identity_check(
            target,
            FindingKind::Unspent,
            |c, row| c.left(row, budget, executed, &less),
            match committed {
                Some(_) => (
                    "예산 − 집행액 − 차년이월 − 약정액",
                    "budget − executed − carried over − committed",
                ),
                None => (
                    "예산 − 집행액 − 차년이월",
                    "budget − executed − carried over",
                ),
            },
        );
    }

    /// `budget − executed − less…` in `row`: the interval the shown amounts
    /// allow and the exact value from them (the `less` a row leaves blank
    /// are taken as nothing).
    fn left(
        &self,
        row: usize,
        budget: usize,
        executed: usize,
        less: &[usize],
    ) -> Option<(Interval, Decimal)> {
        let mut possible = self
            .amount(row, budget)?
            .checked_sub(self.amount(row, executed)?)?;
        let mut exact = self
            .scaled(row, budget)?
            .checked_sub(self.scaled(row, executed)?)?;
        if let Some((i, v)) = self.sum(&mut less.iter().map(|&m| (row, m))) {
            possible = possible.checked_sub(i)?;
            exact = exact.checked_sub(v)?;
        }
        Some((possible, exact))
    }

    /// 미수납액 = 징수결정액 − 수납액 − 불납결손액 (収入未済額 = 調定額 −
    /// 収入済額 − 不納欠損額; Pendiente de cobro = derechos reconocidos −
    /// recaudación). What is due is the assessed column, or the executed
    /// one where a collected column stands beside it. Where no written-off
    /// column is shown, checked only where most rows fit.
    pub(super) fn uncollected(&mut self) {
        let Some(target) = self.role(Role::Uncollected) else {
            return;
        };
        let Some((due, collected)) = self.due_and_collected() else {
            return;
        };
        let written_off = self.role(Role::WrittenOff);
        let less: Vec<usize> = written_off.into_iter().collect();
        let compute = |c: &Self, row: usize| c.left(row, due, collected, &less);
        if written_off.is_none() && !self.mostly_fits(target, &compute) {
            return;
        }
        self.identity_check(
            target,
            FindingKind::Uncollected,
            compute,
            match written_off {
                Some(_) => (
                    "징수결정액 − 수납액 − 불납결손액",
                    "due − collected − written off",
                ),
                None => ("징수결정액 − 수납액", "due − collected"),
            },
        );
    }

    /// The measures of what is due and what was collected of it: the
    /// assessed column (징수결정액) and the executed column after it
    /// (수납액), or, where a collected column (Recaudación) stands beside
    /// an executed one (derechos reconocidos), the executed and the
    /// collected.
    pub(super) fn due_and_collected(&self) -> Option<(usize, usize)> {
        match self.role(Role::Collected) {
            Some(collected) => Some((
                self.role(Role::Assessed).or(self.role(Role::Executed))?,
                collected,
            )),
            None => {
                let due = self.role(Role::Assessed)?;
                Some((due, self.executed_after(due)?))
            }
        }
    }

    /// The first executed measure after `due` in the table (a file of both
    /// sides shows 지출액 first and 징수결정액, 수납액 later), else the first.
    fn executed_after(&self, due: usize) -> Option<usize> {
        let after = self.column(due).index;
        let executed = |m: &usize| {
            let c = self.column(*m);
            c.kind == ColumnKind::Amount && c.role == Some(Role::Executed)
        };
        let all: Vec<usize> = (0..self.budget.measures.len()).filter(executed).collect();
        all.iter()
            .copied()
            .find(|&m| self.column(m).index > after)
            .or(all.first().copied())
    }

    /// A calculation basis (산출근거): the amount stated against the product
    /// of its unit price and counts.
    pub(super) fn basis(&mut self) {
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

    /// 예산현액 = 당초예산 + 전년이월 + 예산변경 (every change column:
    /// South Africa's `Shifting of Funds` and `Virement` between its
    /// `Adjusted` and its `Final Appropriation`, the last current budget,
    /// whose base is the adopted budget or the current one before it).
    /// Where the table shows only one of 전년이월 and 예산변경
    /// (Modificaciones, DM, Änderungen), the other may be in 예산현액
    /// unshown: it is checked only where most rows show the identity.
    pub(super) fn identity(&mut self) {
        let currents = self.roles(Role::Current);
        let Some(&current) = currents.last() else {
            return;
        };
        let earlier = currents.iter().rev().nth(1).copied();
        let Some(adopted) = self.role(Role::Adopted).or(earlier) else {
            return;
        };
        let carried_in = self.role(Role::CarriedIn);
        let mut changes = self.roles(Role::Change);
        if Some(adopted) == earlier {
            // Steps of one budget: the changes between the two.
            changes.retain(|&m| adopted < m && m < current);
        }
        let change = changes.first().copied();
        let added: Vec<usize> = carried_in.into_iter().chain(changes).collect();
        let compute = |c: &Self, row: usize| {
            let mut possible = c.amount(row, adopted)?;
            let mut exact = c.scaled(row, adopted)?;
            for &m in &added {
                if let (Some(i), Some(v)) = (c.amount(row, m), c.scaled(row, m)) {
                    possible = possible.checked_add(i)?;
                    exact = exact.checked_add(v)?;
                }
            }
            Some((possible, exact))
        };
        let partial = carried_in.is_none() || change.is_none();
        if added.is_empty() || partial && !self.mostly_fits(current, &compute) {
            return;
        }
        self.identity_check(
            current,
            FindingKind::Identity,
            compute,
            match (carried_in, change) {
                (Some(_), Some(_)) => (
                    "당초예산 + 전년이월 + 예산변경",
                    "adopted + brought forward + changes",
                ),
                (Some(_), None) => ("당초예산 + 전년이월", "adopted + brought forward"),
                _ => ("당초예산 + 예산변경", "adopted + changes"),
            },
        );
    }
}
