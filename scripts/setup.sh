#!/usr/bin/env bash
# Installs what building and testing Maqal needs, skipping whatever is already there. Safe to run repeatedly.
#   scripts/setup.sh            toolchain for building and serving (Rust + wasm32 target, wasm-bindgen CLI, npm packages)
#   scripts/setup.sh --browser  also Chromium, ChromeDriver and fonts for the browser tests (Debian packages)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    *) echo "setup.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup.sh: '$*' needs root (or sudo)" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Rust: the toolchain comes from rustup; add the WebAssembly target and the lint tools.
if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
  echo "setup.sh: cargo and rustup are required (https://rustup.rs)" >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "rustup component add $component"
    rustup component add "$component"
  fi
done

# wasm-bindgen CLI, exactly the version of the crate in Cargo.lock, cached outside the clone.
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION into $WASM_BINDGEN_ROOT (about 2 minutes, once)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked --debug \
    --root "$WASM_BINDGEN_ROOT" --quiet
fi

# Node.js and the npm dev packages (binaryen's wasm-opt, playwright-core, stopwords-iso, typescript).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ $browser = 1 ]; then
  apt_install chromium chromium-driver fonts-noto-core
fi
log "setup done (wasm-bindgen $WASM_BINDGEN_VERSION, node $(node --version))"
