#!/usr/bin/env bash
# gouji's picture reader beside Tesseract 5 on the same cells (issue 24: "the anchor, measured
# side by side"). A developer's comparison, never a dependency of the project:
#   apt-get install tesseract-ocr poppler-utils
#   bash tools/bench/tesseract.sh
# For each shared scan: its pages' JPEGs (pdfimages), every cell gouji placed cropped from them
# (crates/image/examples/crops.rs), then Tesseract on each crop alone (digits only, one line:
# --psm 7, a whitelist of 0-9 . -). A blank cell is right for a reader that reads nothing.
# Prints, per scan, the cells right for Tesseract, for gouji's network alone and for gouji
# after the tables' arithmetic, and the time each took.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v tesseract >/dev/null || { echo "needs tesseract-ocr (apt-get install tesseract-ocr)"; exit 2; }
cargo build --quiet --release -p gouji-image --example crops
work=$(mktemp -d)
for pair in "hongze-2023-scan hongze-2023" "huaian-2024-scan huaian-2024"; do
  set -- $pair
  mkdir -p "$work/$1/pages"
  pdfimages -j "tests/fixtures/images/$1.pdf" "$work/$1/pages/p"
  ours=$(target/release/examples/crops "$work/$1/crops" "tests/fixtures/samples/$2.txt" "$work/$1/pages"/*.jpg)
  start=$(date +%s.%N)
  right_t=0; right_n=0; right_a=0; n=0
  while IFS=$'\t' read -r cell expected network arithmetic; do
    [ "$cell" = cell ] && continue
    n=$((n + 1))
    got=$(tesseract "$work/$1/crops/$cell.pgm" - --psm 7 -c tessedit_char_whitelist=0123456789.- 2>/dev/null | tr -d ' \n\f' || true)
    [ "$got" = "$expected" ] && right_t=$((right_t + 1))
    [ "$network" = "$expected" ] && right_n=$((right_n + 1))
    [ "$arithmetic" = "$expected" ] && right_a=$((right_a + 1))
  done < "$work/$1/crops/cells.tsv"
  took=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$1: $n cells — Tesseract $right_t right (${took%.*} s, one process a cell); gouji: network alone $right_n, with the arithmetic $right_a right ($ours)"
done
rm -rf "$work"
