#!/usr/bin/env bash
# Assembles src/utf16_copy.wat into src/utf16_copy.wasm (committed: the crate builds without binaryen) with
# binaryen's wasm-as from npm. Usage: scripts/build-utf16-copy.sh [--check]  (--check: fail if the committed binary
# differs from what the source gives).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
out=src/utf16_copy.wasm
[ "${1:-}" = "--check" ] && out=$(mktemp)
node_modules/.bin/wasm-as --enable-gc --enable-reference-types src/utf16_copy.wat -o "$out"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$out" src/utf16_copy.wasm; then
    rm -f "$out"
    log "src/utf16_copy.wasm is not what src/utf16_copy.wat assembles to: run scripts/build-utf16-copy.sh"
    exit 1
  fi
  rm -f "$out"
  log "src/utf16_copy.wasm matches its source"
fi
