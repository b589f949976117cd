#!/usr/bin/env bash
# Sets up what is missing, builds the WebAssembly package and serves the page.
# Usage: scripts/run.sh [--port 8080] [--host 127.0.0.1]   (or PORT=... HOST=... scripts/run.sh)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-wasm.sh"
exec node scripts/serve.mjs "$@"
