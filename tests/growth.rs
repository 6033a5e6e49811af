//! How the work grows with the input, for every shape that once grew faster
//! than its size (issue 11): each is read at a size n and at 4n, and the
//! time may grow by no more than n log n would (4 × log 4n / log n), with
//! room for noise. No absolute time is asserted: a slow machine is slow at
//! both sizes, while a quadratic shape is 16 times slower at 4n.

use std::time::{Duration, Instant};
use yesan::{analyze_text, Options};

/// One measurement at a time: the tests of this file run in parallel
/// otherwise, and would time each other.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The least time of three runs (the others carry the noise).
fn time(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let _ = analyze_text(text, &Options::default());
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Asserts that making the input 4 times larger costs no more than n log n
/// allows (times 2.5 for noise; quadratic growth is 16).
fn grows_no_faster_than_n_log_n(shape: &str, n: usize, make: impl Fn(usize) -> String) {
    let _alone = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let small = time(&make(n)).as_secs_f64().max(1e-4);
    let large = time(&make(4 * n)).as_secs_f64();
    let n = n as f64;
    let allowed = 4.0 * (4.0 * n).ln() / n.ln() * 2.5;
    assert!(
        large / small <= allowed,
        "{shape}: {small:.4}s at n, {large:.4}s at 4n: grew {:.1}×, at most {allowed:.1}× allowed",
        large / small
    );
}

#[test]
fn rows_alternating_with_a_grand_total() {
    grows_no_faster_than_n_log_n("total rows", 4_000, |n| {
        let mut text = String::from("구분,금액\n");
        for i in 0..n {
            text.push_str(&format!("항목{i},{}\n계,{}\n", i + 1, i + 1));
        }
        text
    });
}

#[test]
fn section_totals_that_close_no_run_of_rows() {
    // Every `Subtotal` is tried against the runs of rows above it back to
    // earlier totals (a bounded number of them) and the run from the top.
    grows_no_faster_than_n_log_n("section totals", 4_000, |n| {
        let mut text = String::from("Item,Amount\n");
        for i in 0..n {
            text.push_str(&format!("Item {i},{}\nSubtotal,{}\n", i + 1, i + 7));
        }
        text
    });
}

#[test]
fn many_share_columns() {
    grows_no_faster_than_n_log_n("share columns", 200, |n| {
        let mut text = String::from("구분,예산액");
        for c in 0..40 {
            text.push_str(&format!(",비율{c}(%)"));
        }
        text.push('\n');
        for r in 0..n {
            text.push_str(&format!("항목{r},{}", r % 97 + 1));
            for c in 0..40 {
                text.push_str(&format!(",{}.{}", (r + c) % 3, c % 10));
            }
            text.push('\n');
        }
        text
    });
}

#[test]
fn a_calculation_basis_line_of_points() {
    grows_no_faster_than_n_log_n("basis line", 5_000, |n| {
        format!(
            "과목\t산출근거\t금액\n사무관리비\t{} 150,000원*15인 = 2,250천원\t2,250\n",
            "1.".repeat(n)
        )
    });
}

#[test]
fn rebuilding_a_tree_from_negative_amounts() {
    grows_no_faster_than_n_log_n("tree search", 200, |n| {
        let mut text = String::from("구분");
        for c in 0..10 {
            text.push_str(&format!(",금액{c}"));
        }
        text.push('\n');
        for r in 0..n {
            text.push_str(&format!("항목{r}"));
            for c in 0..10 {
                let v = ((r * 31 + c * 17) % 101) as i64 - 50;
                text.push_str(&format!(",{v}"));
            }
            text.push('\n');
        }
        text
    });
}

#[test]
fn a_deep_hierarchy() {
    grows_no_faster_than_n_log_n("levels", 32, |levels| {
        let mut text: String = (0..levels).map(|l| format!("L{l},")).collect();
        text.push_str("금액\n");
        for r in 0..20 {
            for l in 0..levels {
                text.push_str(&format!("v{r}_{l},"));
            }
            text.push_str(&format!("{}\n", r + 1));
        }
        text
    });
}

#[test]
fn html_cells_that_span() {
    grows_no_faster_than_n_log_n("html spans", 200, |n| {
        let mut html = String::from("<table><tr><th>구분</th><th>금액</th></tr>");
        for r in 0..n {
            html.push_str(&format!(
                "<tr><td>항목{r}</td><td colspan=10 rowspan=2>{r}</td></tr>"
            ));
        }
        html.push_str("</table>");
        html
    });
}
