#!/usr/bin/env bash
# Builds the page: the core to WebAssembly (size-optimised), then the embedded module, samples,
# checks, sizes and the single-file build (scripts/web-build.mjs).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_web_tools
say "wasm-pack build (release, opt-level z, LTO)"
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  wasm-pack build --target bundler --release --out-dir www/pkg --out-name gouji --no-pack
say "wasm-opt -Os (binaryen from npm: Debian's is too old for wasm-bindgen's externref table)"
node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/gouji_bg.wasm -o www/pkg/gouji_bg.wasm
say "embedding, checks, sizes, single-file build"
node scripts/web-build.mjs
