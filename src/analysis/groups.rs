//! Rows grouped by their labels in some dimensions (a GROUP BY), each group
//! numbered in the order it first appears in the file: the one pass over
//! the rows that the rollup and the totals of a split budget make.
//!
//! A row's key is its label ids, one per dimension, combined into one
//! number (`id₀·n₁·n₂ + id₁·n₂ + id₂` for dimensions of n₀, n₁, n₂
//! values). Budget hierarchies have few combinations (5 years × 12
//! bureaus × 96 departments is 5,760), so the key usually indexes a table
//! with a slot for every combination (a perfect hash, as fast databases
//! aggregate small key domains); a larger domain is hashed, and one that
//! does not fit in 64 bits is kept as the ids themselves.

use crate::budget::Dimension;
use rustc_hash::FxHashMap;

/// The rows' groups: each row's group, and each group's first row and
/// number of rows, groups in the order they first appear.
#[derive(Debug, Default)]
pub struct Grouping {
    /// The group of each row.
    pub of_row: Vec<u32>,
    /// Each group's first row.
    pub first_rows: Vec<usize>,
    /// Each group's number of rows.
    pub sizes: Vec<usize>,
}

impl Grouping {
    /// How many groups the rows fall into.
    pub fn len(&self) -> usize {
        self.first_rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first_rows.is_empty()
    }
}

/// The most slots a table of every combination may have (16 MiB of ids),
/// and at most this many per row of the budget, so that a small budget
/// with many possible combinations is hashed instead.
const MAX_SLOTS: u64 = 1 << 22;
const SLOTS_PER_ROW: u64 = 4;

/// How a row's ids become its group.
enum Keys {
    /// A slot for every combination of ids: `u32::MAX` until seen.
    Table(Vec<u32>),
    /// The combined key, hashed.
    Hashed(FxHashMap<u64, u32>),
    /// The ids themselves, when their combinations do not fit in 64 bits.
    Ids(FxHashMap<Vec<u32>, u32>),
}

impl Keys {
    /// The group of `row`, `next` when its ids are new.
    #[inline]
    fn group_of(&mut self, ids: &[&[u32]], strides: &[u64], row: usize, next: u32) -> u32 {
        match self {
            Keys::Table(slots) => {
                let slot = &mut slots[key(ids, strides, row) as usize];
                if *slot == u32::MAX {
                    *slot = next;
                }
                *slot
            }
            Keys::Hashed(map) => *map.entry(key(ids, strides, row)).or_insert(next),
            Keys::Ids(map) => {
                let row_ids: Vec<u32> = ids.iter().map(|ids| ids[row]).collect();
                *map.entry(row_ids).or_insert(next)
            }
        }
    }
}

/// Groups `rows` rows by their ids in `dimensions` (none: one group).
pub fn group(dimensions: &[&Dimension], rows: usize) -> Grouping {
    let keys: Vec<(&[u32], usize)> = dimensions.iter().map(|d| (d.ids(), d.distinct())).collect();
    group_by(&keys, rows, usize::MAX).unwrap_or_default()
}

/// The groups of a grouping split further by a dimension: each group of
/// `groups` cut by the ids in `dimension` (one level deeper in a tree);
/// `None` as soon as there are more than `limit`.
pub fn split(groups: &Grouping, dimension: &Dimension, limit: usize) -> Option<Grouping> {
    let keys = [
        (groups.of_row.as_slice(), groups.len()),
        (dimension.ids(), dimension.distinct()),
    ];
    group_by(&keys, groups.of_row.len(), limit)
}

/// Groups `rows` rows by their values in `columns`, each a value per row
/// and how many values it has (every value below that); `None` as soon as
/// there are more than `limit` groups.
fn group_by(columns: &[(&[u32], usize)], rows: usize, limit: usize) -> Option<Grouping> {
    let ids: Vec<&[u32]> = columns.iter().map(|c| c.0).collect();
    // Each column's stride in the combined key, innermost 1.
    let mut strides = vec![0u64; ids.len()];
    let mut domain: Option<u64> = Some(1);
    for (stride, &(_, values)) in strides.iter_mut().zip(columns).rev() {
        *stride = domain.unwrap_or(0);
        domain = domain.and_then(|d| d.checked_mul(values.max(1) as u64));
    }
    let mut keys = match domain {
        Some(d) if d <= MAX_SLOTS && d <= (rows as u64).saturating_mul(SLOTS_PER_ROW).max(1024) => {
            Keys::Table(vec![u32::MAX; d as usize])
        }
        Some(_) => Keys::Hashed(FxHashMap::default()),
        None => Keys::Ids(FxHashMap::default()),
    };
    let mut grouping = Grouping {
        of_row: Vec::with_capacity(rows),
        ..Grouping::default()
    };
    for row in 0..rows {
        let next = u32::try_from(grouping.len()).unwrap_or(u32::MAX);
        let group = keys.group_of(&ids, &strides, row, next);
        if group == next {
            if grouping.len() == limit {
                return None;
            }
            grouping.first_rows.push(row);
            grouping.sizes.push(0);
        }
        grouping.sizes[group as usize] += 1;
        grouping.of_row.push(group);
    }
    Some(grouping)
}

/// A row's ids combined into one number (see the module's notes): below
/// the product of the dimensions' sizes, since every id is below its
/// dimension's size.
#[inline]
fn key(ids: &[&[u32]], strides: &[u64], row: usize) -> u64 {
    ids.iter()
        .zip(strides)
        .map(|(ids, &stride)| u64::from(ids[row]) * stride)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dimension(labels: &[&str]) -> Dimension {
        let mut d = Dimension::new(0);
        for label in labels {
            d.push(label);
        }
        d
    }

    /// The groups found by comparing the labels themselves.
    fn plainly(columns: &[&[&str]], rows: usize) -> Vec<u32> {
        let mut seen: Vec<Vec<&str>> = Vec::new();
        (0..rows)
            .map(|row| {
                let key: Vec<&str> = columns.iter().map(|c| c[row]).collect();
                let at = seen.iter().position(|k| *k == key).unwrap_or_else(|| {
                    seen.push(key);
                    seen.len() - 1
                });
                at as u32
            })
            .collect()
    }

    #[test]
    fn numbers_groups_in_the_order_they_first_appear() {
        let years = ["2024", "2025", "2024", "2025", "2024"];
        let offices = ["총무과", "총무과", "재무과", "총무과", "총무과"];
        let d = [dimension(&years), dimension(&offices)];
        let g = group(&[&d[0], &d[1]], 5);
        assert_eq!(g.of_row, vec![0, 1, 2, 1, 0]);
        assert_eq!(g.first_rows, vec![0, 1, 2]);
        assert_eq!(g.sizes, vec![2, 2, 1]);
        assert_eq!(group(&[], 3).of_row, vec![0, 0, 0]);
        // One level deeper: the years' groups cut by office.
        let deeper = split(&group(&[&d[0]], 5), &d[1], 3);
        assert_eq!(deeper.as_ref().map(|d| &d.of_row), Some(&g.of_row));
        assert_eq!(deeper.map(|d| d.sizes), Some(g.sizes));
        assert!(split(&group(&[&d[0]], 5), &d[1], 2).is_none());
        assert!(group(&[&d[0]], 0).is_empty());
    }

    #[test]
    fn every_kind_of_key_gives_the_same_groups() {
        // Many values in few rows (hashed), and so many levels that their
        // combinations do not fit in 64 bits (the ids themselves).
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for (levels, values, rows) in [(2, 4, 500), (3, 3000, 400), (9, 200, 300)] {
            let texts: Vec<Vec<String>> = (0..levels)
                .map(|_| (0..rows).map(|_| next(values).to_string()).collect())
                .collect();
            let columns: Vec<Vec<&str>> = texts
                .iter()
                .map(|c| c.iter().map(String::as_str).collect())
                .collect();
            let dims: Vec<Dimension> = columns.iter().map(|c| dimension(c)).collect();
            let refs: Vec<&Dimension> = dims.iter().collect();
            let slices: Vec<&[&str]> = columns.iter().map(Vec::as_slice).collect();
            assert_eq!(
                group(&refs, rows).of_row,
                plainly(&slices, rows),
                "{levels} levels"
            );
        }
    }
}
