# lede's build. `make serve` builds the page and serves it; `make test` runs every check CI runs (.ci/run).
# Each target installs what it needs first through scripts/setup.sh, which only checks when all is in place.
#
#   make serve [PORT=8080]  build the wasm package into www/pkg and serve www/ on http://127.0.0.1:$(PORT)/
#   make test               fmt, clippy, native tests, release build, wasm tests in headless Chromium, the page end-to-end
#                           suites (tests/e2e/run.mjs: screenshots in target/e2e/), then the extension's
#                           (target/extension/, tests/e2e-ext/run.mjs)
#   make extension          the browser extension, unpacked in target/extension/ (load it from chrome://extensions)
#   make build              release CLI (target/release/lede) and the page (www/pkg, www/sample.txt)
#   make bench              speed (native, wasm in Node, next to compromise) and size; writes record/bench-DATE.json
#   make setup              install the whole toolchain (rust targets, wasm-pack, wasm-bindgen-cli, chromium, npm tools)
#   make clean              remove build outputs (not node_modules or installed tools)
#   make score [SCORE_FLAGS=--show-errors]  score the CLI on tests/eval, the seed and CoNLL-2003 dev (scripts/score.sh)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

PORT ?= 8080
# Extra lints for `make test`, e.g. CLIPPY_FLAGS="-D warnings -A dead_code" while recognisers are still stubs.
CLIPPY_FLAGS ?= -D warnings
# wasm-pack finds wasm-opt (npm binaryen 132) and wasm-bindgen only on PATH; never Debian's binaryen.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

SETUP := scripts/setup.sh
# The wasm build: opt-level 2 with LLVM's inliner held to opt-level "s"'s threshold (75), then wasm-opt -Oz. Measured
# 2026-11-28 against opt-level "s" (callgrind of Node, instructions per annotate call on news-1mb; gzip of the .wasm):
# "s" 345.8 M, 141.3 KB; this 304.5 M (-12%), 143.0 KB; opt-level 2 alone 284.4 M but 151.4 KB (over the budget with
# the glue); threshold 40 326.9 M, 139.8 KB; 110 305.9 M, 144.0 KB. The native CLI keeps the release profile's opt-level 3.
WASM_OPT_ENV := CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C llvm-args=-inline-threshold=75"
WASM_PACK_BUILD := $(WASM_OPT_ENV) wasm-pack build --release --target web --out-dir www/pkg

.PHONY: all serve test build wasm cli setup clean score bench extension

all: build

setup:
	$(SETUP) all

## The page: the wasm package, and the sample article www/sample.txt, a git-ignored copy of tests/fixtures/seed.txt
## (one source of truth: the end-to-end test compares the page's annotations of it with the CLI's of the fixture).
wasm:
	$(SETUP) wasm node
	$(WASM_PACK_BUILD)
	cp tests/fixtures/seed.txt www/sample.txt
	@printf 'lede: www/pkg/lede_bg.wasm is %s bytes, %s gzipped\n' \
	  "$$(wc -c < www/pkg/lede_bg.wasm)" "$$(gzip -9 -c www/pkg/lede_bg.wasm | wc -c)"

## The browser extension, unpacked in target/extension/ (load it from there): extension/'s files, the wasm package the
## page uses (with the JS snippets its glue imports) and the page's describe.js (the tooltip texts), copied rather than
## duplicated in the source.
EXT := target/extension
define EXTENSION_FILES
rm -rf $(EXT)
mkdir -p $(EXT)/pkg
cp extension/manifest.json extension/*.js extension/*.css extension/*.html $(EXT)/
cp www/pkg/lede.js www/pkg/lede_bg.wasm $(EXT)/pkg/
cp -r www/pkg/snippets $(EXT)/pkg/
cp www/describe.js $(EXT)/
@echo "lede: the extension is in $(EXT)/ (chrome://extensions, Developer mode, Load unpacked)"
endef
extension: wasm
	$(EXTENSION_FILES)

cli:
	$(SETUP) rust
	cargo build --release

build: cli wasm

serve: wasm
	@echo "lede: open http://127.0.0.1:$(PORT)/"
	node scripts/serve.mjs www $(PORT)

test:
	$(SETUP) all
	cargo fmt --check
	cargo clippy --all-targets -- $(CLIPPY_FLAGS)
	cargo test
	cargo build --release
	wasm-pack test --headless --chrome -- --test web
	$(WASM_PACK_BUILD)
	node scripts/check-size.mjs www/pkg
	cp tests/fixtures/seed.txt www/sample.txt
	node tests/e2e/run.mjs
	$(EXTENSION_FILES)
	node tests/e2e-ext/run.mjs
	@echo "lede: all checks passed"

## Accuracy against the gold files of tests/eval and the seed, and person F1 on CoNLL-2003 dev ($LEDE_EVAL, default ../shared/eval).
score:
	$(SETUP) rust
	scripts/score.sh $(SCORE_FLAGS)

## The benchmark, not part of `make test` (timings are not deterministic): seeded inputs (benches/gen.mjs), the native
## timing loop (benches/native.rs), then the wasm build in Node next to compromise, and the sizes (benches/node.mjs).
bench:
	$(SETUP) wasm node
	node benches/gen.mjs
	cargo bench --bench native
	$(WASM_OPT_ENV) wasm-pack build --release --target nodejs --out-dir target/pkg-node
	$(WASM_OPT_ENV) wasm-pack build --release --target web --out-dir target/pkg-web
	node benches/node.mjs

clean:
	cargo clean
	rm -rf www/pkg www/sample.txt
