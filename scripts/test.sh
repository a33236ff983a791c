#!/usr/bin/env bash
# Runs every test, as CI does (.ci/run calls this): formatting and lints (native and wasm32),
# the native suite, the web build with its size budget and network check, the WebAssembly
# tests (Node and headless Chrome), the TypeScript declarations, the end-to-end tests in
# headless Chromium, and the benchmark harnesses (figures printed, not asserted).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_browser_tools

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (native: core, file readers, CLI, test kit, tools; wasm32: the core and the page's two modules), warnings are errors"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy -p gouji --target wasm32-unknown-unknown --lib --quiet -- -D warnings
cargo clippy -p gouji-wasm --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings
cargo clippy -p gouji-wasm --target wasm32-unknown-unknown --lib --no-default-features --quiet -- -D warnings
cargo clippy -p gouji-files-wasm --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings
cargo clippy -p gouji-content-js --target wasm32-unknown-unknown --lib --quiet -- -D warnings
cargo clippy -p gouji-image-wasm --target wasm32-unknown-unknown --lib --quiet -- -D warnings
say "the core names no browser crate and no target (the crate graph is the layering)"
bash scripts/check-layers.sh
say "cargo test (core: unit, integration, property, mutation; CLI; doctests)"
cargo test --quiet
say "web build (size budget, no network references, single file)"
bash scripts/build-web.sh
say "wasm-pack test --node (the boundary without a DOM)"
wasm-pack test --node crates/wasm
say "wasm-pack test --node crates/files-wasm (the file readers as the page's second module)"
wasm-pack test --node crates/files-wasm
say "wasm-pack test --headless --chrome (HTML read with the browser's parser)"
wasm-pack test --headless --chrome crates/wasm --features dom-tests
say "tsc --noEmit (the TypeScript declarations as a user sees them)"
node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 --moduleResolution bundler --lib es2022,dom tests/types/usage.ts
say "end-to-end tests in headless Chromium (the page, the single file, the widget, the iframe, the npm package)"
node --test --test-concurrency=1 tests/e2e/
say "benchmarks (quick): native, and the page in Chromium"
cargo bench --quiet --bench check -- --quick
cargo bench --quiet -p gouji-files --features images --bench read
node scripts/measure-page.mjs
