#!/usr/bin/env bash
# Builds the page: the WebAssembly boundary (crates/wasm, size-optimised), then the embedded
# module, samples, checks, sizes and the single-file build (scripts/web-build.mjs).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_web_tools
# What `wasm-pack build --target bundler` does, step by step (the page embeds the module's
# bytes and needs the bundler glue, see ARCHITECTURE.md): the one release profile, with the
# size-optimising level for this build only.
say "cargo build -p gouji-wasm (wasm32, release, opt-level z, LTO)"
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  cargo build --quiet -p gouji-wasm --lib --release --target wasm32-unknown-unknown
say "wasm-bindgen $(wasm_bindgen_version) --target bundler"
rm -rf www/pkg
wasm-bindgen --target bundler --out-dir www/pkg --out-name gouji target/wasm32-unknown-unknown/release/gouji_wasm.wasm
say "wasm-opt -Os (binaryen from npm: Debian's is too old for wasm-bindgen's externref table)"
node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/gouji_bg.wasm -o www/pkg/gouji_bg.wasm
say "cargo build -p gouji-wasm --no-default-features (the page's first load: one report at a time, no prev)"
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  cargo build --quiet -p gouji-wasm --lib --release --target wasm32-unknown-unknown --no-default-features
rm -rf www/pkg-page
wasm-bindgen --target bundler --out-dir www/pkg-page --out-name gouji target/wasm32-unknown-unknown/release/gouji_wasm.wasm
node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg-page/gouji_bg.wasm -o www/pkg-page/gouji_bg.wasm
say "cargo build -p gouji-files-wasm (the file readers, loaded when a file is dropped)"
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  cargo build --quiet -p gouji-files-wasm --lib --release --target wasm32-unknown-unknown
rm -rf www/pkg-files
wasm-bindgen --target bundler --out-dir www/pkg-files --out-name gouji_files target/wasm32-unknown-unknown/release/gouji_files_wasm.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg-files/gouji_files_bg.wasm -o www/pkg-files/gouji_files_bg.wasm
say "cargo build -p gouji-image-wasm (the picture reader, loaded when a picture or a scan arrives)"
# for size: opt-level 3 and wasm-opt -O3 made it 8 % larger and no faster (a 6-page scan read
# in 1.4 s either way, in Chromium)
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  cargo build --quiet -p gouji-image-wasm --lib --release --target wasm32-unknown-unknown
rm -rf www/pkg-image
wasm-bindgen --target bundler --out-dir www/pkg-image --out-name gouji_image target/wasm32-unknown-unknown/release/gouji_image_wasm.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg-image/gouji_image_bg.wasm -o www/pkg-image/gouji_image_bg.wasm
say "embedding, checks, sizes, single-file build"
node scripts/web-build.mjs
say "npm package (dist/npm, dist/gouji-VERSION.tgz)"
node scripts/npm-package.mjs
