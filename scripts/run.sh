#!/usr/bin/env bash
# Sets up what is missing, builds the command line, and checks the sample reports with it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_rust
say "cargo build --release"
cargo build --release --quiet
for f in tests/fixtures/samples/*.txt; do
  target/release/gouji check "$f" || true
done
say "gouji is built: target/release/gouji check [--json | --html] FILE..."
