#!/usr/bin/env bash
# Keyphrase quality benchmark: runs benches/kp_quality.py (Maqal's native command and Python YAKE on the same
# documents) over every JSONL dataset in the directory given (default ../shared/kp). Extra arguments after the
# directory go to the script (e.g. --limit 100).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
dir="${1:-../shared/kp}"
shift || true
venv="$TOOLS_DIR/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import yake, snowballstemmer' 2>/dev/null || "$venv/bin/pip" install --quiet yake snowballstemmer
maqal="${CARGO_TARGET_DIR:-target}/release/maqal"
[ -x "$maqal" ] || cargo build --release --features cli
"$venv/bin/python" benches/kp_quality.py --maqal "$maqal" "$@" "$dir"/*.jsonl
