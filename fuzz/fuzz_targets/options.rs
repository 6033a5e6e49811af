//! Options from the input (as JSON) over a small real table.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const TABLE: &str = "부서,사업,예산현액,집행액,집행률(%)\n총무과,행정,\"12,198\",\"6,135\",50.3\n총무과,홍보,2960,2610,88.2\n복지과,돌봄,△5,0,\n";

fuzz_target!(|data: &[u8]| {
    let Ok(options) = serde_json::from_slice::<yesan::Options>(data) else {
        return;
    };
    common::check(yesan::analyze_text(TABLE, &options));
});
