use super::*;

fn rows(values: &[(&[i64], bool)]) -> Vec<Row> {
    values
        .iter()
        .map(|(v, hint)| Row {
            values: v.iter().map(|&x| Some(Decimal::from(x))).collect(),
            hint: *hint,
        })
        .collect()
}

#[test]
fn parent_first_lists_become_trees() {
    // 합계 → (A → a1, a2), (B → b1, b2, b3)
    let table = rows(&[
        (&[100], true),
        (&[40], false),
        (&[15], false),
        (&[25], false),
        (&[60], false),
        (&[10], false),
        (&[20], false),
        (&[30], false),
    ]);
    let tree = rebuild(&table);
    assert_eq!(
        tree.parent,
        [
            None,
            Some(0),
            Some(1),
            Some(1),
            Some(0),
            Some(4),
            Some(4),
            Some(4)
        ]
    );
    assert!(tree.complete);
}

#[test]
fn sums_hold_within_rounding_only() {
    // 41,018 over three rounded parts adding up to 41,019: ± 0.5 each.
    let table = rows(&[
        (&[41_018], false),
        (&[12_199], false),
        (&[2_960], false),
        (&[25_860], false),
    ]);
    assert_eq!(rebuild(&table).parent, [None, Some(0), Some(0), Some(0)]);
    // 41,018 over parts adding up to 41,023: no tree.
    let table = rows(&[
        (&[41_018], false),
        (&[12_199], false),
        (&[2_964], false),
        (&[25_860], false),
    ]);
    assert_eq!(rebuild(&table).parent, [None; 4]);
}

#[test]
fn a_breakdown_by_kind_then_by_department_is_a_second_view() {
    // 합계 100 = 사업 90 + 기본경비 10 = 부서A 70 + 부서B 30
    let table = rows(&[
        (&[100], true),
        (&[90], false),
        (&[10], false),
        (&[70], false),
        (&[65], false),
        (&[5], false),
        (&[30], false),
        (&[25], false),
        (&[5], false),
    ]);
    let tree = rebuild(&table);
    assert_eq!(tree.children(0), [3, 6]);
    assert_eq!(
        tree.view,
        [false, true, true, false, false, false, false, false, false]
    );
    assert_eq!(tree.children(3), [4, 5]);
}

#[test]
fn a_hinted_total_may_be_a_parent_with_a_wrong_column() {
    // 000: 계 278,792 for 2015 where the items add up to 238,792, but 2014
    // and 2016 add up.
    let table = rows(&[
        (&[123_176, 278_792, 151_757], true),
        (&[9_800, 9_800, 9_800], false),
        (&[55_976, 170_892, 83_857], false),
        (&[4_000, 4_000, 4_000], false),
        (&[50_400, 51_100, 51_100], false),
        (&[3_000, 3_000, 3_000], false),
    ]);
    let tree = rebuild(&table);
    assert_eq!(tree.children(0), [1, 2, 3, 4, 5]);
    assert_eq!(agreement(&table, 0, &[1, 2, 3, 4, 5]), (2, 1, true));
    // Without the hint, the same row is not a sum.
    let mut unhinted = table.clone();
    unhinted[0].hint = false;
    assert_eq!(rebuild(&unhinted).children(0), Vec::<usize>::new());
}

#[test]
fn pathological_tables_end_quickly() {
    let table: Vec<Row> = (0..400)
        .map(|i| Row {
            values: vec![Some(Decimal::from(if i % 3 == 0 { 0 } else { 1 }))],
            hint: false,
        })
        .collect();
    let tree = rebuild(&table);
    assert_eq!(tree.parent.len(), 400);
}
