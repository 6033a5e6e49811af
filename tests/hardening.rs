//! Inputs made to cost a lot: each is read within its budget of work or
//! refused with its own error, never a panic, a stall or a dead module.
//! The shapes are those an outside fuzzing run found (issue 11); the
//! reproducers are written here from their descriptions.

use yesan::{analyze_text, ErrorKind, Options};

fn read(text: &str) -> Result<yesan::Report, yesan::Error> {
    analyze_text(text, &Options::default())
}

#[test]
fn nineteen_digit_numbers_are_read_exactly() {
    let r = read("a,b\nx,9999999999999999999\ny,1\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.totals[0].value.as_deref(), Some("10000000000000000000"));
}

#[test]
fn html_spans_that_would_make_a_huge_grid_are_refused() {
    // About 99 KB of cells spanning 100 × 100 each.
    let cell = "<td colspan=100 rowspan=100>1</td>";
    let mut html = String::from("<table><tr><th>a</th><th>b</th></tr>");
    while html.len() < 99_000 {
        html.push_str("<tr>");
        for _ in 0..10 {
            html.push_str(cell);
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    let error = read(&html).err().map(|e| e.kind());
    assert_eq!(error, Some(ErrorKind::TooComplex));
    // One row of 30,000 such cells (about 1 MB).
    let row = format!("<table><tr>{}</tr></table>", cell.repeat(30_000));
    let error = read(&row).err().map(|e| e.kind());
    assert_eq!(error, Some(ErrorKind::TooComplex));
}

#[test]
fn html_spans_within_the_budget_are_laid_out() {
    let html = "<table><tr><td colspan=3>(단위: 천원)</td></tr>\
                <tr><th>구분</th><th>2015 예산</th><th>2016 예산</th></tr>\
                <tr><td rowspan=2>가</td><td>1</td><td>2</td></tr>\
                <tr><td>3</td><td>4</td></tr></table>";
    let r = read(html).unwrap_or_else(|e| panic!("{e}"));
    let totals: Vec<_> = r.totals.iter().map(|t| t.value.as_deref()).collect();
    assert_eq!(totals, [Some("4"), Some("6")]);
    assert_eq!(r.unit.map(|u| u.label), Some("천원"));
}

#[test]
fn many_total_rows_are_checked_in_one_pass() {
    // Rows alternating with a grand total 계: every total row used to be
    // compared by adding up every row again.
    let mut text = String::from("구분,금액\n");
    for i in 0..20_000 {
        text.push_str(&format!("항목{i},{}\n계,{}\n", i + 1, i + 1));
    }
    let r = read(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.rows, 20_000);
    assert_eq!(r.totals[0].value.as_deref(), Some("200010000"));
    assert_eq!(r.audit.checked, 20_000);
    // Each 계 differs from the whole but equals the row above it, the run
    // it closes.
    assert!(r.audit.findings.is_empty(), "{:?}", &r.audit.findings[..1]);
}

/// A deterministic stream of small numbers for the made-up tables below.
fn numbers(seed: u64) -> impl Iterator<Item = i64> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 101) as i64 - 50
    })
}

#[test]
fn rebuilding_a_hierarchy_of_negative_amounts_stops_at_its_work_budget() {
    // 998 rows × 10 amount columns with negative amounts, one name column:
    // negative amounts keep the search from pruning long runs of children.
    let mut values = numbers(7);
    let mut text = String::from("구분");
    for c in 0..10 {
        text.push_str(&format!(",금액{c}"));
    }
    text.push('\n');
    for r in 0..998 {
        text.push_str(&format!("항목{r}"));
        for _ in 0..10 {
            text.push_str(&format!(",{}", values.next().unwrap_or(0)));
        }
        text.push('\n');
    }
    let r = read(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.rows > 0);
    assert!(r.structure.is_some());
}

#[test]
fn a_calculation_basis_line_of_endless_points_is_read_once() {
    let text = format!("산출근거\n{}\n", "1.".repeat(50_000));
    let error = read(&text).err().map(|e| e.kind());
    assert_eq!(error, Some(ErrorKind::NoAmountColumn));
}

#[test]
fn a_hierarchy_of_999_levels_stops_at_32() {
    let mut text: String = (0..999).map(|l| format!("L{l},")).collect();
    text.push_str("금액\n");
    for r in 0..20 {
        for l in 0..999 {
            text.push_str(&format!("v{r}_{l},"));
        }
        text.push_str(&format!("{}\n", r + 1));
    }
    let r = read(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.totals[0].value.as_deref(), Some("210"));
    assert_eq!(r.hierarchy.len(), yesan::report::MAX_TREE_LEVELS);
    assert!(r.warnings.iter().any(|w| w.code == "hierarchy_cut"));
    let mut depth = 0;
    let mut node = &r.tree;
    while let Some(child) = node.children.first() {
        node = child;
        depth += 1;
    }
    assert_eq!(depth, 32);
}

/// Every input the fuzzers found a fault with (tests/fixtures/fuzz/) is
/// read again: a report or an error with its code, never a panic.
#[test]
fn fuzz_findings_never_fail_again() {
    let folder = format!("{}/tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        if let Err(error) = yesan::analyze(&bytes, &Options::default()) {
            assert!(!error.code().is_empty(), "{:?}", entry.path());
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Err(error) = analyze_text(&text, &Options::default()) {
            assert!(!error.code().is_empty(), "{:?}", entry.path());
        }
        count += 1;
    }
    assert!(count >= 1, "the findings are in {folder}");
}

/// The fuzzer's .xls whose directory chain loops back on itself: calamine
/// would follow it until 4 GiB were allocated; the check before it says so.
#[test]
fn a_spreadsheet_whose_sector_chain_loops_is_refused_at_once() {
    let error = fuzz_finding("sheet-cfb-loop.xls");
    assert_eq!(error.code(), "bad_spreadsheet");
    assert!(
        error.message_en().contains("loops"),
        "{}",
        error.message_en()
    );
}

/// The fuzzer's .xls cut inside a sector of its allocation table: calamine
/// read it as whole words and panicked; the check before it refuses it.
#[test]
fn a_spreadsheet_cut_inside_its_allocation_table_is_refused() {
    let error = fuzz_finding("sheet-cfb-short-sector.xls");
    assert_eq!(error.code(), "bad_spreadsheet");
}

/// The fuzzer's .xls whose sheet says it uses billions of cells: calamine
/// makes room for all of them at once (467 GB); the check before it reads
/// the sheet's DIMENSIONS record and refuses it.
#[test]
fn a_spreadsheet_whose_sheet_claims_billions_of_cells_is_refused() {
    let error = fuzz_finding("sheet-xls-dimensions.xls");
    assert_eq!(error.code(), "too_complex");
    assert!(
        error.message_en().contains("11695515702 cells"),
        "{}",
        error.message_en()
    );
}

/// The fuzzer's .xls with a cut shared-string record, on which calamine's
/// .xls reader panics: natively that is an error of the file (in
/// WebAssembly a trap, after which the package and the page make a fresh
/// module).
#[test]
fn a_spreadsheet_on_which_calamine_panics_is_an_error_of_the_file() {
    let error = fuzz_finding("sheet-xls-sst-short.xls");
    assert_eq!(error.code(), "bad_spreadsheet");
    assert!(
        error.message_en().contains("calamine"),
        "{}",
        error.message_en()
    );
}

/// What reading one of the fuzzers' findings (tests/fixtures/fuzz/) gives:
/// an error of the file.
fn fuzz_finding(name: &str) -> yesan::Error {
    let path = format!("{}/tests/fixtures/fuzz/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    yesan::analyze(&bytes, &Options::default()).unwrap_err()
}
