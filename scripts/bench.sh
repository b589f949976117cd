#!/usr/bin/env bash
# Runs the benchmarks whose figures are recorded in BENCHMARKS.md: Wasm size, native criterion timings,
# the same work in headless Chromium with Intl.Segmenter as in-page peer, and Python YAKE as external peer.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" --browser
"$ROOT/scripts/build-wasm.sh"

log "size of pkg/maqal_bg.wasm"
echo "raw $(stat -c %s pkg/maqal_bg.wasm) bytes, gzip -9 $(gzip -9 -c pkg/maqal_bg.wasm | wc -c) bytes"

log "native (criterion)"
cargo bench --bench analyze --bench normalize --bench segment --bench stem -- --noplot 2>&1 | grep -E "^(analyze|normalize|segment|stem)/|tokens$|time:|thrpt:" | grep -v '%'


log "language detection on news paragraphs (../shared corpora)"
cargo bench --bench lang_accuracy 2>/dev/null | grep paragraphs

log "Chromium ($(chromium --version 2>/dev/null))"
node benches/browser/bench.mjs

log "peer: Python yake (n=3, top 10)"
venv="$TOOLS_DIR/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import yake' 2>/dev/null || "$venv/bin/pip" install --quiet yake
"$venv/bin/python" benches/yake_peer.py tests/fixtures/000_4a5a4cae09b4e272.txt tests/fixtures/004_8936998626512ca3.txt

log "peer: Python snowballstemmer 3.0.1 (pure Python) and PyStemmer"
"$venv/bin/python" -c 'import Stemmer, importlib.metadata as m; assert m.version("snowballstemmer") == "3.0.1"' 2>/dev/null || "$venv/bin/pip" install --quiet "snowballstemmer==3.0.1" PyStemmer
"$venv/bin/python" benches/stem_peer.py tests/fixtures/stems/ar.tsv tests/fixtures/stems/en.tsv
