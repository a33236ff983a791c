#!/usr/bin/env bash
# Sets up what is missing, builds gouji (the page, the single file, the command line) and
# serves the page on http://127.0.0.1:8080 (PORT to change it). Ctrl-C stops it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_web_tools
bash scripts/build-web.sh
say "cargo build --release (the command line: target/release/gouji)"
cargo build --release --quiet
say "serving the page"
exec node scripts/serve.mjs
