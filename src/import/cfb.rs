//! A check of an OLE compound file (.xls) before calamine opens it
//! (feature `spreadsheet`). calamine follows a file's sector chains as the
//! file says, with no end where a chain loops back on itself, and reads a
//! table sector the file cuts short as whole words: fuzzing found a .xls of
//! 5 KB whose looping directory chain grew a buffer to 4 GiB
//! (`tests/fixtures/fuzz/sheet-cfb-loop.xls`), and one cut inside a table
//! sector that panicked (`sheet-cfb-short-sector.xls`). So the allocation
//! tables (the FAT and the mini FAT) are checked first: their sectors are
//! whole, every link points into its table or ends the chain, and no chain
//! loops. A valid file always passes.

/// Sector numbers from here up are markers (end of chain, free, …), not links.
const MARKERS: u32 = 0xFFFF_FFFA;
const HEADER_DIFAT: usize = 109;

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The file as sectors: sector `n` follows the header, at `(n + 1) × size`.
struct Sectors<'a> {
    bytes: &'a [u8],
    size: usize,
}

impl<'a> Sectors<'a> {
    fn get(&self, n: u32) -> Option<&'a [u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(self.size)?;
        self.bytes.get(start..start.checked_add(self.size)?)
    }

    fn count(&self) -> usize {
        self.bytes.len() / self.size
    }
}

/// Checks the file's allocation tables; `Err` says what is wrong. A file too
/// short or of an unknown sector size is left to calamine, which refuses it.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let (Some(shift), true) = (bytes.get(30..32), bytes.len() >= 512) else {
        return Ok(());
    };
    let size = match u16::from_le_bytes([shift[0], shift[1]]) {
        9 => 512,
        12 => 4096,
        _ => return Ok(()),
    };
    let sectors = Sectors { bytes, size };
    let fat = fat(&sectors)?;
    links(&fat, "FAT")?;
    let mini = mini_fat(&sectors, &fat)?;
    links(&mini, "mini FAT")
}

/// The FAT: the sectors the header's DIFAT and the DIFAT chain name.
fn fat(sectors: &Sectors) -> Result<Vec<u32>, String> {
    let mut ids: Vec<u32> = (0..HEADER_DIFAT)
        .filter_map(|i| u32_at(sectors.bytes, 76 + 4 * i))
        .collect();
    let mut next = u32_at(sectors.bytes, 68).unwrap_or(u32::MAX);
    let mut seen = 0;
    while next < MARKERS {
        seen += 1;
        if seen > sectors.count() {
            return Err("the DIFAT chain loops".to_string());
        }
        let entries: Vec<u32> = words(whole(sectors, next)?).collect();
        let (last, rest) = entries.split_last().ok_or("an empty DIFAT sector")?;
        ids.extend_from_slice(rest);
        next = *last;
    }
    let mut fat = Vec::new();
    for id in ids.into_iter().filter(|&id| id < MARKERS) {
        fat.extend(words(whole(sectors, id)?));
    }
    Ok(fat)
}

/// A sector of the tables, whole: calamine reads a table sector that the
/// file cuts short as words, and panics on the odd bytes.
fn whole<'a>(sectors: &Sectors<'a>, n: u32) -> Result<&'a [u8], String> {
    sectors
        .get(n)
        .ok_or_else(|| format!("the file ends before the end of table sector {n}"))
}

/// The mini FAT: a chain of sectors through the FAT (which has been checked,
/// so the chain ends).
fn mini_fat(sectors: &Sectors, fat: &[u32]) -> Result<Vec<u32>, String> {
    let mut table = Vec::new();
    let mut next = u32_at(sectors.bytes, 60).unwrap_or(u32::MAX);
    while next < MARKERS {
        table.extend(words(whole(sectors, next)?));
        next = fat.get(next as usize).copied().unwrap_or(u32::MAX);
    }
    Ok(table)
}

/// Every link in the table points into it, and no chain loops (a walk
/// over the table as a graph, each entry visited once).
fn links(table: &[u32], name: &str) -> Result<(), String> {
    if let Some(at) = table
        .iter()
        .position(|&n| n < MARKERS && n as usize >= table.len())
    {
        return Err(format!(
            "the {name} links sector {at} to {}, beyond its {} sectors",
            table[at],
            table.len()
        ));
    }
    // 0: not seen, 1: on the walk now, 2: ends well.
    let mut state = vec![0u8; table.len()];
    let mut walk = Vec::new();
    for start in 0..table.len() {
        let mut at = start;
        while at < table.len() && state[at] == 0 {
            state[at] = 1;
            walk.push(at);
            let next = table[at];
            if next >= MARKERS {
                break;
            }
            at = next as usize;
        }
        if at < table.len() && state[at] == 1 && table[walk[walk.len() - 1]] < MARKERS {
            return Err(format!(
                "the {name} has a chain that loops back to sector {at}"
            ));
        }
        for &visited in &walk {
            state[visited] = 2;
        }
        walk.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_that_end_pass_and_a_loop_or_a_link_out_of_the_table_does_not() {
        const END: u32 = 0xFFFF_FFFE;
        const FREE: u32 = 0xFFFF_FFFF;
        assert!(links(&[1, 2, END, FREE, END], "FAT").is_ok());
        assert!(links(&[1, 2, 0], "FAT").unwrap_err().contains("loops"));
        assert!(
            links(&[END, 1], "FAT").unwrap_err().contains("loops"),
            "a sector linked to itself"
        );
        assert!(links(&[7, END], "FAT").unwrap_err().contains("beyond"));
        // Two chains joining into one that ends are fine.
        assert!(links(&[2, 2, 3, END], "FAT").is_ok());
    }
}
