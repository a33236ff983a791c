#!/usr/bin/env bash
# The layers, as the compiler and cargo see them (issue: "let the crate graph be the layering"):
# the core depends on serde alone and spells no target; the file readers add inflate alone; only
# crates/wasm, crates/files-wasm and crates/image-wasm (the page's modules) and the shape they share
# (crates/content-js) name a browser crate.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fail() { echo "layering: $*" >&2; exit 1; }
deps=$(cargo tree -p gouji -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u | tr '\n' ' ')
for d in $deps; do
  case "$d" in gouji|serde|serde_core|serde_derive|proc-macro2|quote|unicode-ident|syn) ;; *) fail "the core depends on $d";; esac
done
if grep -rn 'cfg(target_arch' src/; then fail "src/ must not switch on the target"; fi
# the file readers: the core and inflate, nothing of a browser or a terminal
fdeps=$(cargo tree -p gouji-files -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u | tr '\n' ' ')
for d in $fdeps; do
  case "$d" in gouji|gouji-files|miniz_oxide|adler2|serde|serde_core|serde_derive|proc-macro2|quote|unicode-ident|syn) ;; *) fail "gouji-files depends on $d";; esac
done
if grep -rn 'cfg(target_arch' crates/files/src/; then fail "crates/files/src must not switch on the target"; fi
# the picture reader: the core, the zune decoders and the fax decoder, nothing else
ideps=$(cargo tree -p gouji-image -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u | tr '\n' ' ')
for d in $ideps; do
  case "$d" in gouji|gouji-image|zune-core|zune-jpeg|zune-png|zune-inflate|simd-adler32|fax|serde|serde_core|serde_derive|proc-macro2|quote|unicode-ident|syn) ;; *) fail "gouji-image depends on $d";; esac
done
if grep -rn 'cfg(target_arch' crates/image/src/; then fail "crates/image/src must not switch on the target"; fi
for p in gouji-cli gouji-testkit gouji-tools gouji-files gouji-image; do
  if cargo tree -p "$p" -e normal --prefix none | grep -qE '^(wasm-bindgen|js-sys|web-sys|serde-wasm-bindgen) '; then
    fail "$p depends on a browser crate"
  fi
done
echo "core: $deps; file readers: $fdeps; no cfg(target_arch) in either; browser crates only in crates/wasm, crates/files-wasm, crates/image-wasm and crates/content-js"
