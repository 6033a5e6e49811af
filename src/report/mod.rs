//! The report: a plain, JSON-serialisable picture of a budget's analysis.
//! Amounts are exact decimal strings; rates and shares are rounded half up
//! here, and only here, to the precision the caller chose.

use crate::analysis::codes::level_codes;
use crate::analysis::execution::{default_columns, Basis, ExecutionColumns};
use crate::analysis::groups::{group, split, Grouping};
use crate::analysis::growth::{default_pair, GrowthStatus};
use crate::analysis::rollup::{amount_columns, count_columns, order_years, rollup, rollup_grouped};
use crate::analysis::totals::{totals, totals_by, Total};
use crate::audit::{audit, Audit};
use crate::budget::{Budget, Source, Warning};
use crate::columns::sides::{whole_side, Side};
use crate::columns::{Column, ColumnKind};
use crate::error::{Error, ErrorKind};
use crate::korean::{
    after,
    Particle::{Subject, Topic},
};
use crate::options::{Options, Precision};
use crate::unit::Unit;
use nodes::NodeContext;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

mod nodes;
mod series;

pub use series::SeriesReport;

/// The whole analysis of a budget.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub source: Source,
    /// The unit of every amount in the report; `null` when the table states none.
    pub unit: Option<UnitInfo>,
    /// The currency of the amounts (ISO 4217: `KRW`, `USD`); `null` when
    /// nothing states it (the amounts are then taken as written).
    pub currency: Option<String>,
    /// Number of data rows.
    pub rows: usize,
    pub columns: Vec<Column>,
    /// Names of the dimension columns the tree is rolled up by.
    pub hierarchy: Vec<String>,
    /// Totals of every amount column; `value` is `null` when the budget is
    /// split by side or year (see `groups`), since nothing adds those.
    pub totals: Vec<TotalReport>,
    /// The parts a side or year column splits the budget into, each with
    /// its own totals, growth and execution; empty when there is no split.
    pub groups: Vec<GroupReport>,
    /// Growth of the whole budget, when two amounts can be compared.
    pub growth: Option<GrowthReport>,
    /// Execution of the whole budget, when there is an executed column.
    pub execution: Option<ExecutionReport>,
    /// The side of the whole budget where it says it is one: `revenue`
    /// for a revenue settlement (columns of what is due, collected,
    /// uncollected or written off, or a title that names revenue alone:
    /// `2024년 세입결산`; and no column of spending's: unspent, carried
    /// over, committed); `null` otherwise (a budget split by side
    /// gives each part's side in `groups`).
    pub side: Option<Side>,
    /// The compared amount year by year, when there are three years or more
    /// (or several files): each year's total, growth from year to year, and
    /// the average annual growth.
    pub series: Option<SeriesReport>,
    pub tree: NodeReport,
    pub warnings: Vec<Warning>,
    pub precision: PrecisionReport,
    /// The published figures checked, and those that cannot be right.
    pub audit: Audit,
    /// The rows of a report table with the tree rebuilt from their sums.
    pub structure: Option<Vec<StructureRow>>,
}

/// One part of a budget split by side (세입/세출) or year.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupReport {
    /// The values of the split columns, outermost first (`["Revenue"]`).
    pub path: Vec<String>,
    /// The side the part is on, when a side column names it.
    pub side: Option<Side>,
    pub rows: usize,
    pub totals: Vec<TotalReport>,
    pub growth: Option<GrowthReport>,
    pub execution: Option<ExecutionReport>,
}

/// One row of a report table in its rebuilt tree.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StructureRow {
    /// 1-based line of the row.
    pub row: usize,
    pub name: String,
    /// Line of the row this one is part of; `null` at the top.
    pub parent: Option<usize>,
    pub depth: usize,
    pub kind: StructureKind,
    /// The amounts and rates as shown, by column name.
    pub values: Named,
}

/// What a row of a report table is in the rebuilt tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StructureKind {
    /// The sum of the rows below it.
    Sum,
    /// An item: counted in the totals.
    Item,
    /// A second breakdown of its parent (counted once, through the other).
    View,
    /// Reads as a total but nothing below adds up to it: left out.
    Unmatched,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitInfo {
    pub code: Unit,
    /// Its Korean name: `천원` where the amounts are won, the scale alone
    /// (`천`, `백만`) where they are another currency or none is stated,
    /// and empty for amounts as written.
    pub label: &'static str,
    /// Won per unit, e.g. `"1000"`.
    pub factor: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct PrecisionReport {
    pub rate: u32,
    pub share: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TotalReport {
    pub column: String,
    pub role: Option<crate::columns::Role>,
    /// Exact sum; `null` when no row gives a value.
    pub value: Option<String>,
    pub given: usize,
    pub missing: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrowthReport {
    pub from: String,
    pub to: String,
    pub status: GrowthStatus,
    pub difference: Option<String>,
    pub rate: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionReport {
    pub executed: String,
    pub budget: String,
    pub basis: Basis,
    /// The carried-over columns subtracted from the unspent amount
    /// (차년이월, or 명시이월, 사고이월 and 계속비이월).
    pub carried_out: Vec<String>,
    /// The encumbrances column subtracted from the unspent amount too.
    pub committed: Option<String>,
    pub rate: Option<String>,
    pub unspent: Option<String>,
}

/// One node of the rollup tree.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeReport {
    pub name: String,
    /// The name's code, where a code column codes this level (`001`).
    pub code: Option<String>,
    pub path: Vec<String>,
    pub depth: usize,
    pub rows: usize,
    /// Exact subtotal per amount column, by column name.
    pub amounts: Named,
    /// Exact subtotal per count column (인구, 세대수), by column name: people
    /// and households, for amounts per head.
    pub counts: Named,
    /// Percent of the parent's amount, per amount column (the root: 100).
    pub share_of_parent: Named,
    /// Percent of the whole budget's amount, per amount column.
    pub share_of_total: Named,
    pub growth: Option<NodeGrowth>,
    pub execution: Option<NodeExecution>,
    pub children: Vec<NodeReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NodeGrowth {
    pub status: GrowthStatus,
    pub difference: Option<String>,
    pub rate: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NodeExecution {
    pub rate: Option<String>,
    pub unspent: Option<String>,
}

/// An ordered map from column name to an optional decimal string, serialised
/// as a JSON object in column order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named(pub Vec<(String, Option<String>)>);

impl Named {
    /// The value for a column name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| value.as_deref())
    }
}

impl Serialize for Named {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Rounds half up (away from zero at the midpoint) and pads to `places`.
///
/// ```
/// use yesan::report::round;
/// use rust_decimal::Decimal;
/// assert_eq!(round(Decimal::new(45566, 3), 1), "45.6");
/// assert_eq!(round(Decimal::new(-125, 2), 1), "-1.3");
/// assert_eq!(round(Decimal::from(100), 2), "100.00");
/// ```
pub fn round(value: Decimal, places: u32) -> String {
    let mut rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded.to_string()
}

fn exact(value: Option<Decimal>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// The most nodes a report's tree may have; deeper levels are left out
/// (with a warning) rather than building a tree no page could show.
pub const MAX_TREE_NODES: usize = 20_000;

/// The most levels a report's tree may have; deeper ones are left out with
/// the same warning as a tree with too many nodes.
pub const MAX_TREE_LEVELS: usize = 32;

/// What the analysis compares, resolved to column indices.
struct Plan {
    by: Vec<usize>,
    /// The levels left out because the tree would have had too many nodes.
    cut: Vec<usize>,
    /// The rows grouped by the levels kept, when counting them made them.
    groups: Option<Grouping>,
    amounts: Vec<usize>,
    growth: Option<(usize, usize)>,
    execution: Option<ExecutionColumns>,
    precision: Precision,
}

impl Budget {
    /// Analyses the budget: totals, the rollup tree with shares, growth and
    /// execution, as a [`Report`].
    pub fn report(&self, options: &Options) -> Result<Report, Error> {
        options.validate()?;
        let mut plan = self.plan(options)?;
        let mut tree = match plan.groups.take() {
            Some(groups) => rollup_grouped(self, &plan.by, groups)?,
            None => rollup(self, &plan.by)?,
        };
        let years: Vec<bool> = plan
            .by
            .iter()
            .map(|&c| self.columns[c].kind == ColumnKind::Year)
            .collect();
        order_years(&mut tree, &years);
        let names: Vec<String> = plan
            .amounts
            .iter()
            .map(|&c| self.columns[c].name.clone())
            .collect();
        let counts: Vec<String> = count_columns(self)
            .iter()
            .map(|&c| self.columns[c].name.clone())
            .collect();
        let position = |column: usize| plan.amounts.iter().position(|&c| c == column);
        let growth_at = plan
            .growth
            .and_then(|(from, to)| Some((position(from)?, position(to)?)));
        let execution_at = plan.execution.as_ref().and_then(|e| {
            Some((
                position(e.executed)?,
                position(e.budget)?,
                e.carried_out
                    .iter()
                    .chain(&e.committed)
                    .filter_map(|&c| position(c))
                    .collect(),
            ))
        });
        let split = self.split.len();
        let context = NodeContext {
            names: &names,
            counts: &counts,
            codes: level_codes(self, &plan.by),
            growth: growth_at,
            execution: execution_at,
            precision: plan.precision,
            split,
        };
        let mut tree_report = context.node(&tree, &tree.amounts, &tree.amounts, &[]);
        let split_totals = split > 0;
        let sums = totals(self)?;
        let series = plan
            .growth
            .and_then(|(_, to)| series::series_report(self, &sums, to, plan.precision.rate));
        let totals = self.total_reports(&sums, split_totals);
        let groups = self.group_reports(&plan, &tree_report)?;
        if split_totals {
            tree_report.without_amounts();
        }
        let mut warnings = self.report_warnings(&plan.cut);
        let every_level = options.by.is_none() && plan.cut.is_empty();
        let pivoted = self.columns.iter().any(|c| c.kind == ColumnKind::Pivoted);
        if every_level && !pivoted {
            warnings.extend(same_path_warning(&tree_report));
        }
        let growth = self.growth_report(&plan, tree_report.growth.clone());
        let execution = self.execution_report(&plan, tree_report.execution.clone());
        Ok(Report {
            source: self.source.clone(),
            unit: self.unit.map(|unit| UnitInfo {
                code: unit,
                label: unit.label(self.currency.as_deref() == Some("KRW")),
                factor: unit.factor().to_string(),
            }),
            currency: self.currency.clone(),
            rows: self.rows(),
            columns: self.columns.clone(),
            hierarchy: plan
                .by
                .iter()
                .map(|&c| self.columns[c].name.clone())
                .collect(),
            totals,
            groups,
            growth,
            execution,
            side: (self.split.is_empty())
                .then(|| whole_side(&self.columns, &self.source.caption))
                .flatten(),
            series,
            tree: tree_report,
            warnings,
            precision: PrecisionReport {
                rate: plan.precision.rate,
                share: plan.precision.share,
            },
            audit: audit(self),
            structure: self.structure_rows(),
        })
    }

    /// Totals as reported; `hide_values` for the whole of a split budget,
    /// whose parts are never added together.
    fn total_reports(&self, totals: &[Total], hide_values: bool) -> Vec<TotalReport> {
        totals
            .iter()
            .map(|t| TotalReport {
                column: self.columns[t.column].name.clone(),
                role: self.columns[t.column].role,
                value: if hide_values { None } else { exact(t.value) },
                given: t.given,
                missing: t.missing,
            })
            .collect()
    }

    /// A node's growth, naming the columns compared.
    fn growth_report(&self, plan: &Plan, growth: Option<NodeGrowth>) -> Option<GrowthReport> {
        plan.growth.zip(growth).map(|((from, to), g)| GrowthReport {
            from: self.columns[from].name.clone(),
            to: self.columns[to].name.clone(),
            status: g.status,
            difference: g.difference,
            rate: g.rate,
        })
    }

    /// A node's execution, naming the columns and the basis.
    fn execution_report(
        &self,
        plan: &Plan,
        execution: Option<NodeExecution>,
    ) -> Option<ExecutionReport> {
        plan.execution
            .as_ref()
            .zip(execution)
            .map(|(e, x)| ExecutionReport {
                executed: self.columns[e.executed].name.clone(),
                budget: self.columns[e.budget].name.clone(),
                basis: e.basis,
                carried_out: e
                    .carried_out
                    .iter()
                    .map(|&c| self.columns[c].name.clone())
                    .collect(),
                committed: e.committed.map(|c| self.columns[c].name.clone()),
                rate: x.rate,
                unspent: x.unspent,
            })
    }

    /// The parts of a split budget: the nodes at the depth of the split.
    fn group_reports(&self, plan: &Plan, tree: &NodeReport) -> Result<Vec<GroupReport>, Error> {
        let depth = self.split.len();
        if depth == 0 {
            return Ok(Vec::new());
        }
        let parts = totals_by(self, &self.split)?;
        let side_column = self
            .split
            .iter()
            .position(|&c| self.columns[c].kind == ColumnKind::Side);
        let mut nodes = Vec::new();
        tree.collect_at(depth, &mut nodes);
        Ok(nodes
            .into_iter()
            .map(|node| GroupReport {
                path: node.path.clone(),
                side: side_column
                    .and_then(|i| node.path.get(i))
                    .and_then(|v| crate::columns::sides::side_of(v)),
                rows: node.rows,
                totals: parts
                    .iter()
                    .find(|(labels, _)| *labels == node.path)
                    .map(|(_, totals)| self.total_reports(totals, false))
                    .unwrap_or_default(),
                growth: self.growth_report(plan, node.growth.clone()),
                execution: self.execution_report(plan, node.execution.clone()),
            })
            .collect())
    }

    /// The rows of a small table as shown, with their place in the tree
    /// rebuilt from the sums (flat when the hierarchy is in the columns).
    fn structure_rows(&self) -> Option<Vec<StructureRow>> {
        let structure = self.structure.as_ref()?;
        let tree = structure.tree.as_ref();
        Some(
            structure
                .rows
                .iter()
                .enumerate()
                .map(|(i, row)| StructureRow {
                    row: row.line,
                    name: self.label_of(row, structure.name_dimension),
                    parent: tree
                        .and_then(|t| t.parent[i])
                        .map(|p| structure.rows[p].line),
                    depth: tree.map_or(0, |t| t.depth(i)),
                    kind: match tree {
                        Some(t) if t.view[i] => StructureKind::View,
                        Some(t) if t.is_parent(i) => StructureKind::Sum,
                        Some(_) if row.total => StructureKind::Unmatched,
                        None if row.total => StructureKind::Sum,
                        _ => StructureKind::Item,
                    },
                    values: Named(
                        self.measures
                            .iter()
                            .zip(&row.values)
                            .map(|(m, v)| {
                                (
                                    self.columns[m.column].name.clone(),
                                    v.map(|v| v.to_string()),
                                )
                            })
                            .collect(),
                    ),
                })
                .collect(),
        )
    }

    /// Resolves the options' column names against the budget.
    fn plan(&self, options: &Options) -> Result<Plan, Error> {
        let by = match &options.by {
            Some(names) => names
                .iter()
                .map(|name| {
                    self.column_of_kind(
                        name,
                        &[
                            ColumnKind::Dimension,
                            ColumnKind::Code,
                            ColumnKind::Year,
                            ColumnKind::Side,
                            ColumnKind::Phase,
                        ],
                    )
                })
                .collect::<Result<Vec<_>, _>>()?,
            None => self.default_hierarchy(),
        };
        // The split columns stand first, whatever the caller asked: nothing
        // adds two sides or two years.
        let by: Vec<usize> = self
            .split
            .iter()
            .copied()
            .chain(by.into_iter().filter(|c| !self.split.contains(c)))
            .collect();
        let (by, cut, groups) = self.cap_hierarchy(by);
        let growth = match &options.growth {
            Some(spec) => Some((
                self.column_of_kind(&spec.from, &[ColumnKind::Amount])?,
                self.column_of_kind(&spec.to, &[ColumnKind::Amount])?,
            )),
            None => default_pair(&self.columns),
        };
        let execution = match &options.execution {
            Some(spec) => Some(ExecutionColumns {
                executed: self.column_of_kind(&spec.executed, &[ColumnKind::Amount])?,
                budget: self.column_of_kind(&spec.budget, &[ColumnKind::Amount])?,
                basis: Basis::Chosen,
                carried_out: Vec::new(),
                committed: None,
            }),
            None => default_columns(&self.columns),
        };
        Ok(Plan {
            by,
            cut,
            groups,
            amounts: amount_columns(self),
            growth,
            execution,
            precision: options.precision,
        })
    }

    /// The hierarchy without the levels that would make the tree larger than
    /// [`MAX_TREE_NODES`]: `(levels kept, levels cut, the rows grouped by
    /// the levels kept when they were counted)`. Every level is counted
    /// exactly, one at a time, and counting stops at the first level that
    /// is too large.
    fn cap_hierarchy(&self, mut by: Vec<usize>) -> (Vec<usize>, Vec<usize>, Option<Grouping>) {
        // Each node carries its path: a tree deeper than this would cost
        // nodes × depth however few its rows.
        if by.len() > MAX_TREE_LEVELS {
            let cut = by.split_off(MAX_TREE_LEVELS);
            return (by, cut, None);
        }
        let dimensions: Vec<_> = by.iter().filter_map(|&c| self.dimension(c)).collect();
        // No level can have more nodes than the product of the distinct
        // values above it: when even that fits, there is nothing to count.
        let mut bound = 1usize;
        let mut level_bound = 1usize;
        for dimension in &dimensions {
            level_bound = level_bound.saturating_mul(dimension.distinct());
            bound = bound.saturating_add(level_bound);
        }
        if bound <= MAX_TREE_NODES {
            return (by, Vec::new(), None);
        }
        // Each level's nodes are the groups of the level above cut by it.
        let mut groups = group(&[], self.rows());
        let mut nodes = 1;
        for (level, dimension) in dimensions.iter().enumerate() {
            match split(&groups, dimension, MAX_TREE_NODES - nodes) {
                Some(deeper) => groups = deeper,
                None => return (by[..level].to_vec(), by[level..].to_vec(), Some(groups)),
            }
            nodes += groups.len();
        }
        (by, Vec::new(), Some(groups))
    }

    fn report_warnings(&self, cut: &[usize]) -> Vec<Warning> {
        let mut warnings = self.warnings.clone();
        if let Some(&first) = cut.first() {
            let mut names: Vec<&str> = cut
                .iter()
                .take(3)
                .map(|&c| self.columns[c].name.as_str())
                .collect();
            if cut.len() > 3 {
                names.push("…");
            }
            warnings.push(Warning {
                code: "hierarchy_cut",
                row: None,
                column: Some(first + 1),
                message_ko: format!(
                    "항목이 {MAX_TREE_NODES}개 또는 계층이 {MAX_TREE_LEVELS}단계를 넘어 '{}' 단계부터는 나누지 않았습니다. 더 적은 계층을 골라 주세요",
                    names.join(" › ")
                ),
                message_en: format!(
                    "the tree would have more than {MAX_TREE_NODES} items or {MAX_TREE_LEVELS} levels, so it stops before '{}'; choose fewer levels",
                    names.join(" › ")
                ),
            });
        }
        warnings
    }

    fn column_of_kind(&self, name: &str, kinds: &[ColumnKind]) -> Result<usize, Error> {
        let column = self.column_named(name).ok_or_else(|| {
            let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
            Error::new(ErrorKind::UnknownColumn).with_detail(
                format!("'{name}' (있는 열: {})", names.join(", ")),
                format!("'{name}' (the columns are: {})", names.join(", ")),
            )
        })?;
        if kinds.contains(&column.kind) {
            Ok(column.index)
        } else {
            let wanted = if kinds.contains(&ColumnKind::Amount) {
                ("금액 열", "an amount column")
            } else {
                ("구분(차원) 열", "a dimension column")
            };
            Err(Error::new(ErrorKind::InvalidOption)
                .at_column(column.index + 1, &column.name)
                .with_detail(
                    format!(
                        "'{name}'{} {}{} 아닙니다",
                        after(name, Topic),
                        wanted.0,
                        after(wanted.0, Subject)
                    ),
                    format!("'{name}' is not {}", wanted.1),
                ))
        }
    }
}

/// Rows whose names are the same at every level are one item of the tree,
/// added together: said once, so that fewer items than rows is explained
/// (`2,335개 (2,336행)`).
fn same_path_warning(tree: &NodeReport) -> Option<Warning> {
    fn walk<'a>(
        node: &'a NodeReport,
        items: &mut usize,
        rows: &mut usize,
        names: &mut Vec<&'a str>,
    ) {
        if node.children.is_empty() && node.depth > 0 && node.rows > 1 {
            *items += 1;
            *rows += node.rows;
            if names.len() < 3 {
                names.push(&node.name);
            }
        }
        for child in &node.children {
            walk(child, items, rows, names);
        }
    }
    let (mut items, mut rows, mut names) = (0, 0, Vec::new());
    walk(tree, &mut items, &mut rows, &mut names);
    (items > 0).then(|| {
        let examples = names.join(", ");
        Warning {
            code: "same_path",
            row: None,
            column: None,
            message_ko: format!("{items}개 항목은 이름이 모든 단계에서 같은 행 {rows}개를 더한 것입니다 (예: {examples}). 그래서 항목 수가 행 수보다 적습니다"),
            message_en: format!("{items} items add up {rows} rows whose names are the same at every level (e.g. {examples}), so there are fewer items than rows"),
        }
    })
}
