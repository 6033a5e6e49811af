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

/// What is wrong with a compound file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Its structure cannot be right.
    Bad(String),
    /// A sheet says it uses this many cells, more than the file's size allows.
    TooLarge(u64),
}

impl From<String> for Fault {
    fn from(text: String) -> Fault {
        Fault::Bad(text)
    }
}

impl From<&str> for Fault {
    fn from(text: &str) -> Fault {
        Fault::Bad(text.to_string())
    }
}

/// Checks the file's allocation tables and the ranges its sheets say they
/// use (at most `max_cells`). A file too short or of an unknown sector size
/// is left to calamine, which refuses it.
pub fn check(bytes: &[u8], max_cells: usize) -> Result<(), Fault> {
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
    links(&mini, "mini FAT")?;
    let workbook = workbook_stream(&sectors, &fat, &mini);
    sheet_sizes(&workbook, max_cells)
}

/// The bytes of a chain of sectors (checked: it ends), at most `len`.
fn chain<'a>(
    table: &[u32],
    start: u32,
    len: usize,
    get: impl Fn(u32) -> Option<&'a [u8]>,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = start;
    while at < MARKERS && out.len() < len {
        let Some(sector) = get(at) else { break };
        out.extend_from_slice(sector);
        at = table.get(at as usize).copied().unwrap_or(u32::MAX);
    }
    out.truncate(len);
    out
}

/// The workbook's stream (`Workbook`, or `Book` in older files), as calamine
/// will read it: from the mini stream when it is small, else from sectors.
fn workbook_stream(sectors: &Sectors, fat: &[u32], mini: &[u32]) -> Vec<u8> {
    let start = u32_at(sectors.bytes, 48).unwrap_or(u32::MAX);
    let directory = chain(fat, start, usize::MAX, |n| sectors.get(n));
    let entries: Vec<(String, u32, usize)> = directory
        .chunks_exact(128)
        .map(|entry| {
            let length = usize::from(u16::from_le_bytes([entry[64], entry[65]])).clamp(2, 64) - 2;
            let name: Vec<u16> = entry[..length]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let start = u32_at(entry, 116).unwrap_or(u32::MAX);
            let size = u32_at(entry, 120).unwrap_or(0) as usize;
            (String::from_utf16_lossy(&name), start, size)
        })
        .collect();
    let Some(&(_, root_start, root_size)) = entries.first() else {
        return Vec::new();
    };
    let Some((_, start, size)) = entries.iter().find(|(name, ..)| {
        name.eq_ignore_ascii_case("Workbook") || name.eq_ignore_ascii_case("Book")
    }) else {
        return Vec::new();
    };
    let cutoff = u32_at(sectors.bytes, 56).unwrap_or(4096) as usize;
    if *size < cutoff {
        let ministream = chain(fat, root_start, root_size, |n| sectors.get(n));
        chain(mini, *start, *size, |n| {
            ministream.get(n as usize * 64..(n as usize + 1) * 64)
        })
    } else {
        chain(fat, *start, *size, |n| sectors.get(n))
    }
}

/// Each sheet's DIMENSIONS record (the range it says it uses), read as
/// calamine reads it, which makes room for every cell of it at once: the
/// range must not end before it starts, nor hold more than `max_cells`.
fn sheet_sizes(stream: &[u8], max_cells: usize) -> Result<(), Fault> {
    let mut at = 0;
    while let (Some(kind), Some(length)) = (stream.get(at..at + 2), stream.get(at + 2..at + 4)) {
        let kind = u16::from_le_bytes([kind[0], kind[1]]);
        let length = usize::from(u16::from_le_bytes([length[0], length[1]]));
        let Some(data) = stream.get(at + 4..at + 4 + length) else {
            break;
        };
        if kind == 0x0200 {
            dimensions(data, max_cells)?;
        }
        at += 4 + length;
    }
    Ok(())
}

fn dimensions(data: &[u8], max_cells: usize) -> Result<(), Fault> {
    let word = |at: usize| u32::from(u16::from_le_bytes([data[at], data[at + 1]]));
    let (first_row, rows_end, first_column, columns_end) = match data.len() {
        10 => (word(0), word(2), word(4), word(6)),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            word(8),
            word(10),
        ),
        _ => return Ok(()),
    };
    let first_column = if first_column > 0xFF || columns_end < first_column {
        0
    } else {
        first_column
    };
    if rows_end == 0 || columns_end == 0 {
        return Ok(());
    }
    let (last_row, last_column) = (rows_end - 1, columns_end - 1);
    if last_row < first_row || last_column < first_column {
        return Err(Fault::Bad(format!(
            "a sheet's range ends before it starts (rows {first_row}–{last_row}, columns {first_column}–{last_column})"
        )));
    }
    let cells = (u64::from(last_row - first_row) + 1) * (u64::from(last_column - first_column) + 1);
    if cells > max_cells as u64 {
        return Err(Fault::TooLarge(cells));
    }
    Ok(())
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
