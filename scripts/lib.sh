# Shared by the scripts in this folder: paths, versions and small helpers. Source it; do not run it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Tools built for this project are cached per user, outside the clone, so that a fresh clone reuses them.
TOOLS_DIR=${MAQAL_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/maqal}
# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
WASM_BINDGEN_ROOT="$TOOLS_DIR/wasm-bindgen-$WASM_BINDGEN_VERSION"
export PATH="$WASM_BINDGEN_ROOT/bin:$HOME/.cargo/bin:$PATH"
if [ -f "$HOME/.cargo/env" ]; then . "$HOME/.cargo/env"; fi

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
