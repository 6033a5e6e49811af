# yesan: two commands do everything.
#   make demo   installs what is missing, builds, serves the page on http://127.0.0.1:8080
#   make test   installs what is missing, runs every test (Rust, WASM in Node, browser)

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
VENDOR := www/vendor

.PHONY: all setup setup-browser build demo serve test test-rust test-wasm test-browser test-bundlers audit fuzz bench clean

all: build

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

# pkg/ is the npm package (wasm-pack's module, made a package by
# scripts/package.mjs from npm/); www/ gets a copy of the module and of the
# page's libraries, so that www/ alone is the whole static site.
build: setup
	wasm-pack build --release --target web --out-dir pkg -- --no-default-features --features js
	wasm-pack build sheets --release --target web --out-dir ../pkg/sheets --no-pack
	node scripts/package.mjs
	rm -rf www/pkg $(VENDOR)
	mkdir -p www/pkg $(VENDOR)
	cp pkg/yesan.js pkg/yesan_bg.wasm pkg/api.js pkg/money.js pkg/loading.js pkg/readers.js pkg/expand.js pkg/cp949.js www/pkg/
	mkdir -p www/pkg/sheets
	cp pkg/sheets/yesan_sheets.js pkg/sheets/yesan_sheets_bg.wasm www/pkg/sheets/
	esbuild scripts/d3-parts.js --bundle --format=esm --minify --log-level=warning --outfile=$(VENDOR)/d3.js

demo: build serve

serve:
	@echo "yesan: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

test: setup-browser build test-rust test-wasm test-browser test-bundlers audit

test-rust:
	cargo test --all-targets
	cargo test --doc
	# The core WebAssembly module's build: without CP949's index and HTML.
	cargo test --no-default-features --test core_module
	# The fuzz targets still build (they are run by scripts/fuzz.sh, on nightly).
	cargo check --manifest-path fuzz/Cargo.toml --bins

test-wasm:
	node --test tests/node/
	tsc -p tests/node/tsconfig.json
	node bench/run.mjs --smoke

test-browser:
	node --test --test-concurrency=1 tests/browser/

# The npm package built into examples/vite's app by Vite, webpack, esbuild
# and Rollup (their versions pinned in tests/bundlers/package-lock.json).
# `npm install --no-save` installs what the lock file says and leaves it as
# it is; `npm ci` would refuse it, since the registry reachable here lacks
# the other platforms' optional packages (Rollup's and Rolldown's binaries),
# which a complete lock file would list.
test-bundlers:
	cd tests/bundlers && npm install --no-save --no-audit --no-fund --loglevel=error
	node --test --test-concurrency=1 tests/bundlers/

# The supply chain: licences, duplicates and sources (cargo-deny), and the
# advisories of crates and of what the page ships where their databases can
# be reached. The last step of `make test`.
audit:
	scripts/audit.sh

# Coverage-guided fuzzing (FUZZING.md): every target for FUZZ_SECONDS each,
# going on from fuzz/corpus/. Needs the nightly toolchain (installed by the
# script with rustup if missing); not part of `make test`.
FUZZ_SECONDS ?= 300
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The benchmarks (see BENCHMARKS.md): yesan against DuckDB-WASM, Arquero and
# PapaParse on 1M lines, yesan alone at 10k–3M lines, in Chromium, a 1 GB
# file dropped on the page, and the core's hot paths with criterion. Not
# part of `make test`.
BENCH_LINES ?= 1000000
bench: setup-browser build
	cd bench && npm ci --no-audit --no-fund
	node bench/run.mjs $(BENCH_LINES)
	for n in 10000 100000 1000000 3000000; do node bench/run.mjs $$n yesan,yesan-stream; done
	node bench/browser.mjs $(BENCH_LINES)
	node bench/page.mjs 6200000
	cargo bench --bench core

clean:
	rm -rf pkg www/pkg $(VENDOR) test-results
