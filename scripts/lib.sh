# Shared helpers for the scripts: idempotent installs (each step skipped when already there).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

apt_install() { # apt_install PKG... (only the missing ones)
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    say "installing the Rust toolchain (rustup)"
    apt_install curl ca-certificates build-essential
    curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
  fi
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
}

# The exact wasm-bindgen version of Cargo.lock (the CLI must match it).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# What the build of the page uses: the wasm32 target, Node.js and npm, the npm packages and the
# wasm-bindgen CLI of the exact version in Cargo.lock.
ensure_web_tools() {
  ensure_rust
  rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  ensure_npm_packages
  local want; want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "cargo install wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# binaryen (a current wasm-opt: Debian's is too old for wasm-bindgen's externref tables),
# playwright-core and typescript, at the versions of package-lock.json.
ensure_npm_packages() {
  if ! cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.gouji-installed-lock" 2>/dev/null; then
    say "npm ci (binaryen, playwright-core, typescript, axe-core, esbuild)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --silent && cp package-lock.json node_modules/.gouji-installed-lock)
  fi
}

# What only the tests use: wasm-pack (it runs the WebAssembly tests; the build does not need it),
# Chromium with its driver, and the rich-text editors the widget is tested inside (the test-only
# package tests/e2e/package.json: TinyMCE, CKEditor 5, wangEditor, KindEditor).
ensure_browser_tools() {
  ensure_web_tools
  command -v wasm-pack >/dev/null 2>&1 || { say "cargo install wasm-pack (a few minutes, once)"; cargo install wasm-pack; }
  apt_install chromium chromium-driver
  if ! cmp -s "$ROOT/tests/e2e/package-lock.json" "$ROOT/tests/e2e/node_modules/.gouji-installed-lock" 2>/dev/null; then
    say "npm ci in tests/e2e (the editors the widget is tested inside; test-only)"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --silent && cp package-lock.json node_modules/.gouji-installed-lock)
  fi
}
