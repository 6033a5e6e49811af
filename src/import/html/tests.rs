use super::*;

#[test]
fn a_table_nested_in_a_cell_is_found_with_its_spans() {
    let html = r#"<p>○ 집행현황</p><table border="1"><tr><td>outer<table><thead><tr><th>구 분</th><th>2012년</th><th>2013년</th></tr></thead>
        <tbody><tr><td>예 산 액</td><td>365,000</td><td>406,800</td></tr><tr><td><b>집행율(%)</b></td><td colspan="2">54.8</td></tr></tbody></table></td></tr></table>"#;
    let grids = tables(html).unwrap_or_default();
    assert_eq!(grids.len(), 2, "the inner and the outer table");
    assert_eq!(grids[0].bold, [3]);
    assert_eq!(
        grids[0].rows,
        [
            ["구 분", "2012년", "2013년"],
            ["예 산 액", "365,000", "406,800"],
            ["집행율(%)", "54.8", ""],
        ]
    );
    let best = best_table(grids);
    assert_eq!(best.map(|g| g.rows.len()), Some(3));
}

#[test]
fn entities_and_rowspans() {
    let html =
        "<table><tr><td rowspan=2>계</td><td>1&nbsp;000</td></tr><tr><td>2</td></tr></table>";
    assert_eq!(
        tables(html).unwrap_or_default()[0].rows,
        [["계", "1 000"], ["", "2"]]
    );
    assert!(has_table(html));
    assert!(!has_table("부서,예산액"));
}
