//! Fiscal Data Package (재정 데이터 패키지): a `datapackage.json` that
//! describes a budget CSV. What its model states is taken over the reader's
//! guesses: each measure's column, currency, scale (`factor`) and phase
//! (proposed, approved, adjusted, executed), the year (a `datetime`
//! dimension), and the code and label of each dimension. The descriptor
//! comes as the `package` option (parsed from JSON by the caller), so that
//! the CSV is read by the same path as any other.
//!
//! Both the model of the specification (v1, `model`) and the mapping of
//! its drafts (`mapping`) are read.

use crate::columns::{ColumnKind, ColumnOverride, Role};
use crate::error::{Error, ErrorKind};
use crate::options::Options;
use crate::unit::Unit;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A `datapackage.json`, as much of it as yesan uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Descriptor {
    pub name: Option<String>,
    pub title: Option<String>,
    pub resources: Vec<Resource>,
    pub model: Option<Model>,
    /// The drafts' name of the model.
    pub mapping: Option<Model>,
}

/// A file of the package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Resource {
    pub name: Option<String>,
    pub path: Option<ResourcePath>,
}

/// One path, or several files of one table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ResourcePath {
    One(String),
    Many(Vec<String>),
}

/// The logical model: measures (amount columns) and dimensions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Model {
    pub measures: BTreeMap<String, Measure>,
    pub dimensions: BTreeMap<String, Dimension>,
}

/// An amount column and what it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Measure {
    pub source: Option<String>,
    pub currency: Option<String>,
    /// The amounts are multiples of this (1000: in thousands).
    pub factor: Option<u64>,
    /// `proposed`, `approved`, `adjusted` or `executed`.
    pub phase: Option<String>,
    /// `expenditure` or `revenue`.
    pub direction: Option<String>,
}

/// A dimension: its attributes (columns), which of them is a code and which
/// a label, and its type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Dimension {
    pub attributes: BTreeMap<String, Attribute>,
    pub primary_key: Option<PrimaryKey>,
    pub dimension_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum PrimaryKey {
    One(String),
    Many(Vec<String>),
}

/// One column of a dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Attribute {
    pub source: Option<String>,
    /// This attribute is the label of the attribute named here (a code).
    pub labelfor: Option<String>,
}

impl Descriptor {
    /// The model, under either name.
    fn the_model(&self) -> Option<&Model> {
        self.model.as_ref().or(self.mapping.as_ref())
    }

    /// The path of the first resource (the budget's CSV).
    pub fn first_path(&self) -> Option<&str> {
        self.resources.iter().find_map(|r| match &r.path {
            Some(ResourcePath::One(path)) => Some(path.as_str()),
            Some(ResourcePath::Many(paths)) => paths.first().map(String::as_str),
            None => None,
        })
    }
}

/// A phase of the specification as a role.
fn role_of(phase: &str) -> Option<Role> {
    match phase.trim().to_ascii_lowercase().as_str() {
        "proposed" => Some(Role::Proposed),
        "approved" => Some(Role::Adopted),
        "adjusted" => Some(Role::Current),
        "executed" => Some(Role::Executed),
        _ => None,
    }
}

fn unit_of(factor: u64) -> Option<Unit> {
    match factor {
        1 => Some(Unit::Won),
        1_000 => Some(Unit::Thousand),
        10_000 => Some(Unit::TenThousand),
        100_000 => Some(Unit::HundredThousand),
        1_000_000 => Some(Unit::Million),
        10_000_000 => Some(Unit::TenMillion),
        100_000_000 => Some(Unit::HundredMillion),
        1_000_000_000 => Some(Unit::Billion),
        1_000_000_000_000 => Some(Unit::Trillion),
        _ => None,
    }
}

fn invalid(ko: String, en: String) -> Error {
    Error::new(ErrorKind::InvalidOption).with_detail(ko, en)
}

/// The options the package states, over the caller's own: its columns'
/// kinds and roles (the caller's corrections still win), units and currency.
pub fn apply(options: &Options) -> Result<Options, Error> {
    let Some(descriptor) = &options.package else {
        return Ok(options.clone());
    };
    let model = descriptor.the_model().ok_or_else(|| {
        invalid(
            "package: datapackage.json에 model(또는 mapping)이 없습니다".into(),
            "package: the datapackage.json has no model (or mapping)".into(),
        )
    })?;
    let mut stated: BTreeMap<String, ColumnOverride> = BTreeMap::new();
    let mut currencies: Vec<&str> = Vec::new();
    for (name, measure) in &model.measures {
        let column = measure.source.clone().unwrap_or_else(|| name.clone());
        let unit = match measure.factor {
            Some(factor) => Some(unit_of(factor).ok_or_else(|| {
                invalid(
                    format!("package: '{name}'의 factor {factor}는 10의 거듭제곱 단위가 아닙니다"),
                    format!("package: the factor {factor} of '{name}' is not a unit yesan knows (1, 1000, 1000000, …)"),
                )
            })?),
            None => None,
        };
        let role = measure.phase.as_deref().map(role_of);
        stated.insert(
            column,
            ColumnOverride {
                kind: Some(ColumnKind::Amount),
                role,
                unit,
                year: None,
            },
        );
        currencies.extend(measure.currency.as_deref());
    }
    for dimension in model.dimensions.values() {
        let datetime = dimension.dimension_type.as_deref() == Some("datetime");
        for (name, attribute) in &dimension.attributes {
            let column = attribute.source.clone().unwrap_or_else(|| name.clone());
            let is_code = dimension
                .attributes
                .values()
                .any(|a| a.labelfor.as_deref() == Some(name));
            let kind = match (datetime, is_code) {
                (true, _) => ColumnKind::Year,
                (false, true) => ColumnKind::Code,
                (false, false) => ColumnKind::Dimension,
            };
            stated.entry(column).or_insert(ColumnOverride {
                kind: Some(kind),
                role: None,
                unit: None,
                year: None,
            });
        }
    }
    let mut resolved = options.clone();
    // The caller's own corrections stand over the package's.
    for (column, correction) in &options.columns {
        stated.insert(column.clone(), correction.clone());
    }
    resolved.columns = stated;
    currencies.dedup();
    if resolved.currency.is_none() {
        if let [one] = currencies.as_slice() {
            resolved.currency = Some(one.to_ascii_uppercase());
        }
    }
    resolved.package = None;
    resolved.validate()?;
    Ok(resolved)
}

/// What the reader took from the package, to be said once in the report.
pub fn summary(descriptor: &Descriptor) -> (String, String) {
    let model = descriptor.the_model().cloned().unwrap_or_default();
    let title = descriptor
        .title
        .clone()
        .or_else(|| descriptor.name.clone())
        .unwrap_or_default();
    let measures = model.measures.len();
    let dimensions = model.dimensions.len();
    let directions: Vec<&str> = model
        .measures
        .values()
        .filter_map(|m| m.direction.as_deref())
        .collect();
    let direction = match directions.first() {
        Some(d) if directions.iter().all(|x| x == d) => format!(" ({d})"),
        _ => String::new(),
    };
    (
        format!("재정 데이터 패키지 '{title}'의 설명대로 읽었습니다: 금액 {measures}열{direction}, 분류 {dimensions}개"),
        format!("read as the Fiscal Data Package '{title}' describes it: {measures} measures{direction}, {dimensions} dimensions"),
    )
}

#[cfg(test)]
mod tests;
