#!/usr/bin/env bash
# Installs what building and testing yesan needs, skipping what is already
# there: the wasm32 target, wasm-pack, cargo-deny, the npm packages (wasm-opt from
# binaryen, the page's libraries, playwright-core) and, with --browser,
# Debian's Chromium and a Korean font for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

if ! command -v cargo >/dev/null; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; else
    say "Rust is needed: install it with rustup (see https://rustup.rs), then run this again"
    exit 1
  fi
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (about 2 minutes)"
  cargo install wasm-pack
fi

if ! command -v cargo-deny >/dev/null; then
  say "installing cargo-deny (about 2 minutes)"
  cargo install cargo-deny --locked
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (pinned in package-lock.json)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi -e nanum -e 'noto sans cjk' || missing+=(fonts-nanum)
  command -v python3 >/dev/null || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian's packages"
    as_root apt-get update -qq
    as_root apt-get install -y -qq "${missing[@]}"
  fi
fi
