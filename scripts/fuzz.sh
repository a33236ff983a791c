#!/usr/bin/env bash
# Fuzzes the readers and the whole check + render with cargo-fuzz (libFuzzer, nightly).
#   scripts/fuzz.sh [--runs N | --time SECONDS] [TARGET...]
#   targets: text grid check_render pdf docx html glued image_decode image_grid
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
[ ${#targets[@]} -gt 0 ] || targets=(text grid check_render pdf docx html glued image_decode image_grid)
cd fuzz
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  say "fuzzing $t (${limit[*]})"
  # no sanitizer: the crate has no unsafe code; speed buys executions
  # the file readers' seeds are the test fixtures themselves (and, for PDF, a few small
  # hand-made files of fuzz/seeds-pdf), not copies of them
  case "$t" in
    pdf) seeds=(seeds-pdf ../tests/fixtures/files); max_len=32768 ;;
    docx) seeds=(seeds-docx ../tests/fixtures/files); max_len=32768 ;;
    html) seeds=(../tests/fixtures/html seeds-html); max_len=65536 ;;
    glued) seeds=(seeds-glued); max_len=16384 ;;
    # the picture reader: a small PNG of part 四 (4 bytes choose the decoder), a ruled table
    # drawn in bytes (each a 4 × 4 block); a page's reading is slow, so a second's timeout is 5
    image_decode) seeds=(seeds-image); max_len=16384 ;;
    image_grid) seeds=(seeds-image-grid); max_len=8192 ;;
    *) seeds=(seeds); max_len=4096 ;;
  esac
  mkdir -p "corpus-min/$t"
  timeout=1
  case "$t" in image_*) timeout=5 ;; esac
  cargo +nightly fuzz run -O -s none "$t" "corpus/$t" "${seeds[@]}" "corpus-min/$t" -- "${limit[@]}" -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
done
