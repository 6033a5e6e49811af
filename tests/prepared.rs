//! The second module's side of reading HTML tables and decoded text: what
//! `prepared::prepare` makes of a file, sent across as the JavaScript layer
//! sends it (serialised and read back), is read by the core to the very
//! report a build with every reader gives, for every HTML fixture and for
//! texts in every encoding, an HTML-looking text with no table among them.

mod common;

use common::fixture;
use yesan::import::prepared::{self, Prepared};
use yesan::{analyze, Options};

/// The report of `bytes` read through a prepared text, as JSON.
fn through_prepared(bytes: &[u8], options: &Options) -> String {
    let prepared = prepared::prepare(bytes, options).unwrap_or_else(|e| panic!("{e}"));
    let crossed: Prepared = serde_json::from_str(&serde_json::to_string(&prepared).unwrap())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(crossed, prepared, "crosses unchanged");
    let report = prepared::read(crossed, options)
        .and_then(|budget| budget.report(options))
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_string(&report).unwrap()
}

fn whole(bytes: &[u8], options: &Options) -> String {
    let report = analyze(bytes, options).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_string(&report).unwrap()
}

#[test]
fn html_tables_and_texts_read_through_the_second_module_give_the_same_report() {
    let options = Options::default();
    for name in [
        "reports/004_history.html",
        "reports/000_budget.txt",
        "reports/001_departments.md",
        "encodings/programs.cp949.csv",
        "encodings/programs.utf16le.csv",
        "seoul_2016_programs.csv",
    ] {
        let bytes = fixture(name);
        assert_eq!(
            through_prepared(&bytes, &options),
            whole(&bytes, &options),
            "{name}"
        );
    }
}

#[test]
fn a_text_that_only_mentions_a_table_is_prepared_as_text() {
    let csv = "사업,예산\n\"<table> 안내 </td>\",100\n도로,200\n";
    let prepared = prepared::prepare(csv.as_bytes(), &Options::default()).unwrap();
    assert!(matches!(prepared, Prepared::Text { .. }), "{prepared:?}");
    let options = Options::default();
    assert_eq!(
        through_prepared(csv.as_bytes(), &options),
        whole(csv.as_bytes(), &options)
    );
}

#[test]
fn an_html_table_keeps_its_encoding_and_bold_rows() {
    let html = "<table><tr><th>구분</th><th>예산</th></tr><tr><td>도로</td><td>100</td></tr>\
                <tr><td><b>소계</b></td><td>100</td></tr><tr><td>복지</td><td>50</td></tr></table>";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(html);
    let prepared = prepared::prepare(&bytes, &Options::default()).unwrap();
    let Prepared::Html {
        encoding,
        table,
        bold,
    } = prepared
    else {
        panic!("not a table");
    };
    assert_eq!(encoding, Some(yesan::import::encoding::TextEncoding::Cp949));
    assert_eq!(
        table.rows[2],
        (3, vec!["소계".to_string(), "100".to_string()])
    );
    assert_eq!(bold, [3]);
    let options = Options::default();
    assert_eq!(through_prepared(&bytes, &options), whole(&bytes, &options));
}
