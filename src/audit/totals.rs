//! The total rows of a data file of any size (합계, 소계, Total, Subtotal)
//! against the rows they total: checked while reading, in one pass (see
//! `import::totals`), and reported here. Data files hold exact values, so
//! a total is wrong when it differs at all.

use super::{Audit, Finding, FindingKind, Severity};
use crate::budget::Budget;
use crate::korean::{
    after,
    Particle::{Topic, With},
};

/// Adds every compared total to the audit, and a finding for each that differs.
pub fn total_rows(budget: &Budget, audit: &mut Audit) {
    if budget.total_checks.is_empty() {
        return;
    }
    audit.audited = true;
    for check in &budget.total_checks {
        audit.checked += 1;
        if check.shown == check.sum {
            continue;
        }
        let column = &budget.columns[check.column];
        let (line, name) = (check.line, &check.label);
        audit.findings.push(Finding {
            kind: FindingKind::Sum,
            severity: Severity::Error,
            row: line,
            column: column.index + 1,
            column_name: column.name.clone(),
            name: name.clone(),
            published: check.shown.to_string(),
            possible: None,
            recomputed: Some(check.sum.to_string()),
            message_ko: format!(
                "{line}행 '{name}'의 '{}': 표시된 합계 {}{} 해당 행들의 합 {}{} 다릅니다",
                column.name,
                check.shown,
                after(&check.shown.to_string(), Topic),
                check.sum,
                after(&check.sum.to_string(), With)
            ),
            message_en: format!(
                "Row {line} '{name}', '{}': the total {} differs from the sum of its rows, {}",
                column.name, check.shown, check.sum
            ),
        });
    }
}
