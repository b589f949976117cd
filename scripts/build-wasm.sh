#!/usr/bin/env bash
# Builds the WebAssembly module and the npm package into pkg/, and copies what the page needs into www/pkg/.
# Assumes scripts/setup.sh has run. Usage: scripts/build-wasm.sh [--dev]
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

profile=release
[ "${1:-}" = "--dev" ] && profile=dev
target="${CARGO_TARGET_DIR:-target}"
log "cargo build ($profile, wasm32-unknown-unknown)"
if [ "$profile" = release ]; then
  cargo build --lib --release --target wasm32-unknown-unknown
  wasm="$target/wasm32-unknown-unknown/release/maqal.wasm"
else
  cargo build --lib --target wasm32-unknown-unknown
  wasm="$target/wasm32-unknown-unknown/debug/maqal.wasm"
fi

log "wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2) --target web"
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name maqal "$wasm"

if [ "$profile" = release ]; then
  log "wasm-opt -O3 (binaryen from npm)"
  node_modules/.bin/wasm-opt -O3 --strip-debug --strip-producers pkg/maqal_bg.wasm -o pkg/maqal_bg.wasm
fi

# Package files: the generated glue plus the hand-written Node entry point, types and package.json.
cp npm/node.js npm/node.d.ts pkg/
cp LICENSE-MIT LICENSE-APACHE pkg/ 2>/dev/null || true
# The bundled data's sources and licences (THIRD_PARTY.md), and the WordNet licence that must go with its data.
cp THIRD_PARTY.md pkg/
cp data/wordnet/LICENSE pkg/WORDNET-LICENSE
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed "s/@VERSION@/$version/" npm/package.json > pkg/package.json
cp npm/README.md pkg/README.md

rm -rf www/pkg
mkdir -p www/pkg
cp pkg/maqal.js pkg/maqal_bg.wasm www/pkg/
raw=$(stat -c %s pkg/maqal_bg.wasm)
gz=$(gzip -9 -c pkg/maqal_bg.wasm | wc -c)
log "pkg/maqal_bg.wasm: $raw bytes raw, $gz bytes gzip -9"
