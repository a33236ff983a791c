#!/usr/bin/env bash
# Builds the page: the core to WebAssembly (size-optimised), then the embedded module, samples,
# checks, sizes and the single-file build (scripts/web-build.mjs).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_web_tools
# What `wasm-pack build --target bundler` does, step by step: the crate stays an rlib in
# Cargo.toml (a cdylib + rlib crate made the native binaries fail to link on rebuilds), and is
# compiled as a cdylib only here.
say "cargo rustc --crate-type cdylib (wasm32, release, opt-level z, LTO)"
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib
say "wasm-bindgen $(wasm_bindgen_version) --target bundler"
rm -rf www/pkg
wasm-bindgen --target bundler --out-dir www/pkg --out-name gouji target/wasm32-unknown-unknown/release/gouji.wasm
say "wasm-opt -Os (binaryen from npm: Debian's is too old for wasm-bindgen's externref table)"
node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/gouji_bg.wasm -o www/pkg/gouji_bg.wasm
say "embedding, checks, sizes, single-file build"
node scripts/web-build.mjs
say "npm package (dist/npm, dist/gouji-VERSION.tgz)"
node scripts/npm-package.mjs
