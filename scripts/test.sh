#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting, lints, native tests (unit, integration, doctests),
# generated-data checks, the WebAssembly build, Wasm tests in headless Chromium, the npm package tests and the
# end-to-end page tests.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" --browser

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --features cli --quiet -- -D warnings
cargo clippy --lib --tests --target wasm32-unknown-unknown --quiet -- -D warnings

log "cargo test (native, with the command-line tool)"
cargo test --features cli --quiet

log "generated data matches its generators"
node data/stopwords/generate.mjs --check
"$ROOT/scripts/build-utf16-copy.sh" --check

log "build the WebAssembly package"
"$ROOT/scripts/build-wasm.sh"
ln -sfn ../pkg node_modules/maqal

log "wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm

log "node --test: npm package and end-to-end page tests"
node --test --test-concurrency=1 tests/js/ tests/e2e/
