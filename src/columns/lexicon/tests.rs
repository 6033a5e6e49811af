use super::*;

/// Every row of the lexicon, alone as a header, means what it says
/// (no earlier row shadows it).
#[test]
fn every_row_reads_as_itself() {
    for entry in LEXICON {
        let word = entry.word.trim_start_matches('=');
        let header = match word.strip_suffix('*') {
            Some(stem) => format!("{stem}xyz"),
            None => word.to_string(),
        };
        let found = lookup(&header).map(|e| e.meaning);
        // `변경` inside `예산변경`, `잔액` inside `집행잔액`: the longer word
        // stands first and means the same or more.
        assert!(
            found == Some(entry.meaning)
                || lookup(&header).is_some_and(|e| e.word != entry.word && header.contains(e.word)),
            "{} ({}) reads as {found:?}",
            entry.word,
            entry.lang
        );
    }
}

#[test]
fn headers_of_real_files() {
    let cases = [
        ("Adopted Budget", Some(Meaning::Role(Role::Adopted))),
        ("FY2023 Amended Budget", Some(Meaning::Role(Role::Current))),
        ("Actual Expenditure", Some(Meaning::Role(Role::Executed))),
        ("Prior Year Actual", Some(Meaning::Role(Role::Previous))),
        ("Appropriation", Some(Meaning::Role(Role::Adopted))),
        ("Presupuesto Aprobado", Some(Meaning::Role(Role::Adopted))),
        ("Modificado", Some(Meaning::Role(Role::Current))),
        ("Ejercido", Some(Meaning::Role(Role::Executed))),
        ("Importe", Some(Meaning::Money)),
        ("ProgramID", Some(Meaning::Code)),
        ("Fund Code", Some(Meaning::Code)),
        ("Clave", Some(Meaning::Code)),
        ("Número de cuenta", Some(Meaning::Code)),
        ("Код", Some(Meaning::Code)),
        ("사업코드", Some(Meaning::Code)),
        ("Fiscal Year", Some(Meaning::Year)),
        ("Forward Estimates", Some(Meaning::Role(Role::Projected))),
        ("Approved Estimates", Some(Meaning::Role(Role::Adopted))),
        ("Original Estimates", Some(Meaning::Role(Role::Adopted))),
        ("Final Budget", Some(Meaning::Role(Role::Current))),
        (
            "Variance with Final Budget",
            Some(Meaning::Role(Role::Difference)),
        ),
        ("Actual Released", Some(Meaning::OtherMoney)),
        ("Unpaid Obligations", Some(Meaning::OtherMoney)),
        ("예산배정액", Some(Meaning::OtherMoney)),
        ("Unobligated Balance", Some(Meaning::Role(Role::Unspent))),
        ("Obligations", Some(Meaning::Role(Role::Executed))),
        (
            "Total available for use",
            Some(Meaning::Role(Role::Current)),
        ),
        ("Available Budget", Some(Meaning::Role(Role::Unspent))),
        ("Recommended", Some(Meaning::Role(Role::Proposed))),
        ("% Change", Some(Meaning::Rate)),
        ("집행률(%)", Some(Meaning::Rate)),
        ("Department", None),
        ("Fund Description", Some(Meaning::Classification)),
        ("Notes", Some(Meaning::Note)),
        ("Actualizado", Some(Meaning::Role(Role::Current))),
        ("Annotated", None),
        ("Utfall 2024", Some(Meaning::Role(Role::Executed))),
        ("Oprindeligt budget", Some(Meaning::Role(Role::Adopted))),
        ("Korrigeret budget", Some(Meaning::Role(Role::Current))),
        ("Revidert budsjett", Some(Meaning::Role(Role::Current))),
        ("Regnskap 2023", Some(Meaning::Role(Role::Executed))),
        ("Muutettu talousarvio", Some(Meaning::Role(Role::Current))),
        ("Toteutuma", Some(Meaning::Role(Role::Executed))),
        ("Toteutuma-%", Some(Meaning::Rate)),
        ("Avvikelse", Some(Meaning::Role(Role::Difference))),
        ("Mandats émis", Some(Meaning::Role(Role::Executed))),
        ("BP 2024", Some(Meaning::Role(Role::Adopted))),
        ("Ansatz 2025", Some(Meaning::Role(Role::Adopted))),
        ("Planung 2026", Some(Meaning::Role(Role::Projected))),
        ("Finanzplanung 2027", Some(Meaning::Role(Role::Projected))),
        ("Ergebnis 2023", Some(Meaning::Role(Role::Executed))),
        ("Remanentes de crédito", Some(Meaning::Role(Role::Unspent))),
        ("DM", Some(Meaning::Role(Role::Change))),
        ("Kostenstelle", Some(Meaning::Code)),
        ("Dotações iniciais", Some(Meaning::Role(Role::Adopted))),
        ("Dotações corrigidas", Some(Meaning::Role(Role::Current))),
        ("Pagamentos", Some(Meaning::Role(Role::Executed))),
        ("Plan 2024", Some(Meaning::Role(Role::Adopted))),
        ("Sachkonto", Some(Meaning::Code)),
        ("Budget Adjustments", Some(Meaning::Role(Role::Change))),
        ("Amended", Some(Meaning::Role(Role::Current))),
        (
            "Obligaciones reconocidas netas",
            Some(Meaning::Role(Role::Executed)),
        ),
    ];
    for (header, meaning_of) in cases {
        assert_eq!(meaning(header), meaning_of, "{header}");
    }
}

#[test]
fn the_role_beside_a_rate() {
    for (header, role) in [
        ("집행률", Some(Role::Executed)),
        ("Toteutuma-%", Some(Role::Executed)),
        ("Realisasi (%)", Some(Role::Executed)),
        ("Wykonanie %", Some(Role::Executed)),
        ("증감률", Some(Role::Difference)),
        ("Share (%)", None),
    ] {
        assert_eq!(role_of_rate(header), role, "{header}");
    }
}

#[test]
fn the_language_of_a_tables_headers_tells_its_decimal_mark() {
    let headers = |list: &[&str]| {
        let headers: Vec<String> = list.iter().map(|h| h.to_string()).collect();
        languages(&headers)
    };
    assert!(decimal_comma_language(&headers(&[
        "Programma",
        "Begroting 2024",
        "Realisatie 2023"
    ])));
    assert!(decimal_comma_language(&headers(&[
        "Kode",
        "Anggaran",
        "Realisasi"
    ])));
    assert!(decimal_comma_language(&headers(&[
        "Udvalg",
        "Oprindeligt budget",
        "Regnskab"
    ])));
    assert!(!decimal_comma_language(&headers(&[
        "Nature of expense",
        "Budget",
        "Actual"
    ])));
    assert!(!decimal_comma_language(&headers(&[
        "부서",
        "예산액",
        "집행액"
    ])));
}

#[test]
fn words_split_at_camel_case_and_punctuation() {
    assert_eq!(words("ProgramID"), ["program", "id"]);
    assert_eq!(words("FY22-23 Budget"), ["fy22", "23", "budget"]);
    assert_eq!(words("Fund_Description"), ["fund", "description"]);
}
