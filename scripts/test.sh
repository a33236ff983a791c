#!/usr/bin/env bash
# Runs every test, as CI does: formatting, lints, the native test suite, the benchmark harness.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_rust

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (all targets, warnings are errors)"
cargo clippy --all-targets --quiet -- -D warnings
say "cargo test (unit, integration, property, CLI tests)"
cargo test --quiet
say "benchmark harness (quick run; full figures: cargo bench)"
cargo bench --quiet --bench check -- --quick
