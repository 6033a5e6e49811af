//! The codes of a hierarchy's names: where a code column stands beside the
//! column whose names it codes (사업코드 beside 사업명, `Fund` `001` beside
//! `Fund Description`), each node of that level gets its code.

use crate::budget::{Budget, Dimension};
use rustc_hash::FxHashMap;

/// The code of every name of one level.
pub struct LevelCodes<'a> {
    names: &'a Dimension,
    codes: &'a Dimension,
    /// Name id → code id, the first code a name is seen with.
    by_name: FxHashMap<u32, u32>,
}

impl LevelCodes<'_> {
    /// The code of a name of this level.
    pub fn code_of(&self, name: &str) -> Option<&str> {
        let id = self.names.find(name)?;
        let code = self.by_name.get(&id)?;
        Some(self.codes.label(*code)).filter(|c| !c.is_empty())
    }
}

/// For each level of `by`, its codes, when a code column codes it (and both
/// columns were kept while reading).
pub fn level_codes<'a>(budget: &'a Budget, by: &[usize]) -> Vec<Option<LevelCodes<'a>>> {
    by.iter()
        .map(|&level| {
            let column = budget.columns().iter().find(|c| c.code_of == Some(level))?;
            let names = budget.dimension(level)?;
            let codes = budget.dimension(column.index)?;
            let mut by_name = FxHashMap::default();
            for row in 0..budget.rows() {
                by_name
                    .entry(names.id(row))
                    .or_insert_with(|| codes.id(row));
            }
            Some(LevelCodes {
                names,
                codes,
                by_name,
            })
        })
        .collect()
}
