#!/usr/bin/env bash
# Runs every cargo-fuzz target for a set time each, going on from the corpus
# in fuzz/corpus/ (kept in the repository), and prints each run's final
# statistics. Needs the nightly toolchain and cargo-fuzz (installed here if
# missing). Findings land in fuzz/artifacts/<target>/: each becomes a
# regression test in tests/ (see FUZZING.md).
#
#   scripts/fuzz.sh [seconds-per-target=300] [target …]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bytes report_table html stream basis options format sheet parallel parts prepared)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  echo "== $target: ${seconds}s"
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
    -dict=fuzz/yesan.dict -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 2>&1 | grep -E '^(stat::|#[0-9]+[[:space:]]+DONE|==|SUMMARY|.*(panicked|Timeout|deadly signal|out-of-memory))' || true
done
