//! The boundary's tests, run in WebAssembly by wasm-pack (the crate is a cdylib only, so they
//! live inside it):
//!
//! - `wasm-pack test --node crates/wasm`: each export without a DOM (`node`);
//! - `wasm-pack test --headless --chrome crates/wasm --features dom-tests`: the same in Chromium,
//!   and HTML read with the browser's own parser (`dom`).

mod node;

#[cfg(feature = "dom-tests")]
mod dom;

#[cfg(feature = "dom-tests")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
