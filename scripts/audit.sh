#!/usr/bin/env bash
# The supply chain (`make audit`, run by CI): the licences, duplicates and
# sources of every crate (cargo-deny, offline), RustSec advisories for the
# crates and npm advisories for what the page ships (d3). Where the advisory
# databases cannot be reached (this workplace reaches only the package
# registries) that is said plainly and the check is skipped; a reachable
# database that reports a problem fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[audit]\033[0m %s\n' "$*"; }

command -v cargo-deny >/dev/null || { say "installing cargo-deny (about 2 minutes)"; cargo install cargo-deny --locked; }

cargo deny check licenses bans sources

if db=$(cargo deny fetch 2>&1); then
  cargo deny check advisories
else
  say "RustSec advisory database unreachable: advisories not checked ($(echo "$db" | grep -m1 -o 'Could not resolve host: [^ ]*' || echo 'fetch failed'))"
fi

out=$(npm audit --omit=dev 2>&1) && status=0 || status=$?
if echo "$out" | grep -q "audit endpoint returned an error"; then
  say "npm advisory endpoint unreachable: what the page ships (npm ls --omit=dev) not checked"
  npm ls --omit=dev --all 2>/dev/null | head -3
elif [ $status -ne 0 ]; then
  echo "$out"
  exit $status
else
  echo "$out" | tail -1
fi
