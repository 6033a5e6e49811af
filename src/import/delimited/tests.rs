use super::*;
use crate::columns::ColumnKind;
use crate::Unit;

fn budget(text: &str) -> Budget {
    read(text, None, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn error(text: &str) -> Error {
    match read(text, None, &Options::default()) {
        Ok(_) => panic!("{text:?} was read without error"),
        Err(error) => error,
    }
}

#[test]
fn sniffs_tab_comma_semicolon_and_pipe() {
    for (text, delimiter) in [
        ("부서\t예산액\n가\t1,000\n", '\t'),
        ("부서,예산액\n가,\"1,000\"\n", ','),
        ("부서;예산액\n가;1000\n", ';'),
        ("부서|예산액\n가|1000\n", '|'),
    ] {
        let b = budget(text);
        assert_eq!(b.source().delimiter, Some(delimiter), "{text:?}");
        assert_eq!(b.rows(), 1);
    }
}

#[test]
fn title_and_caption_lines_are_skipped_and_the_unit_kept() {
    let text =
        "2016년 예산편성 세부내역\n(단위 : 백만원)\n부서,2016 예산\n시민소통담당관,\"12,198\"\n";
    let b = budget(text);
    assert_eq!(b.source().header_row, 3);
    assert_eq!(
        b.source().caption,
        ["2016년 예산편성 세부내역", "(단위 : 백만원)"]
    );
    assert_eq!(b.unit(), Some(Unit::Million));
    assert_eq!(b.columns()[1].kind, ColumnKind::Amount);
    assert_eq!(b.columns()[1].year, Some(2016));
}

#[test]
fn errors_name_the_row() {
    let ragged = error("부서,예산액\n가,1\n나\n");
    assert_eq!(
        (ragged.kind(), ragged.row()),
        (ErrorKind::RaggedRow, Some(3))
    );
    let extra = error("부서,예산액\n가,1,9\n");
    assert_eq!((extra.kind(), extra.row()), (ErrorKind::RaggedRow, Some(2)));
    let quote = error("부서,예산액\n가,1\n\"나,2\n다,3\n");
    assert_eq!(
        (quote.kind(), quote.row()),
        (ErrorKind::UnterminatedQuote, Some(3))
    );
}

#[test]
fn empty_trailing_cells_and_blank_lines_are_harmless() {
    let b = budget("부서,예산액,\n가,1,\n\n나,2,\n");
    assert_eq!(b.rows(), 2);
}

#[test]
fn footnotes_are_left_out_with_a_warning() {
    let b = budget("부서,예산액\n가,1\n※ 예산현액에 사고이월액 포함\n");
    assert_eq!(b.rows(), 1);
    let note = b.warnings().iter().find(|w| w.code == "note_row");
    assert_eq!(note.and_then(|w| w.row), Some(3));
}

#[test]
fn a_single_column_is_not_a_table() {
    assert_eq!(error("가\n나\n다\n").kind(), ErrorKind::NoAmountColumn);
    assert_eq!(error(" \n\n").kind(), ErrorKind::Empty);
}
