#!/usr/bin/env bash
# Fuzzes the readers and the whole check + render with cargo-fuzz (libFuzzer, nightly).
#   scripts/fuzz.sh [--runs N | --time SECONDS] [TARGET...]     targets: text grid check_render pdf docx html glued
# Each target starts from its seeds (fuzz/seeds: the samples and fixtures; for the file
# readers, tests/fixtures/files and tests/fixtures/html, and fuzz/seeds-pdf's small PDFs), the committed corpus sample
# fuzz/corpus-min/TARGET and its working corpus fuzz/corpus/TARGET,
# which it grows. A crash, a timeout over 1 s or an allocation over 2 GB stops it and leaves the
# input in fuzz/artifacts/TARGET/: copy it to fuzz/regressions/ so the test suite keeps it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_rust
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
limit=(-runs=1000000)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) limit=(-runs="$2"); shift 2 ;;
    --time) limit=(-max_total_time="$2"); shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(text grid check_render pdf docx html glued)
cd fuzz
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  say "fuzzing $t (${limit[*]})"
  # no sanitizer: the crate has no unsafe code; speed buys executions
  # the file readers' seeds are the test fixtures themselves (and, for PDF, a few small
  # hand-made files of fuzz/seeds-pdf), not copies of them
  case "$t" in
    pdf) seeds=(seeds-pdf ../tests/fixtures/files); max_len=32768 ;;
    docx) seeds=(../tests/fixtures/files); max_len=32768 ;;
    html) seeds=(../tests/fixtures/html seeds-html); max_len=65536 ;;
    glued) seeds=(seeds-glued); max_len=16384 ;;
    *) seeds=(seeds); max_len=4096 ;;
  esac
  mkdir -p "corpus-min/$t"
  cargo +nightly fuzz run -O -s none "$t" "corpus/$t" "${seeds[@]}" "corpus-min/$t" -- "${limit[@]}" -timeout=1 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
done
