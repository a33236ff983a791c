// Loads the gouji core (WebAssembly) without any request: the module's bytes are embedded in
// pkg/gouji_wasm.js, so the page's Content-Security-Policy can say connect-src 'none'.
// The glue (pkg/gouji_bg.js) is wasm-bindgen's own; this file only instantiates it, as the
// generated bundler entry does.
import * as glue from "./pkg/gouji_bg.js";
import bytes from "./pkg/gouji_wasm.js";

const { instance } = await WebAssembly.instantiate(bytes, { "./gouji_bg.js": glue });
glue.__wbg_set_wasm(instance.exports);
if (instance.exports.__wbindgen_start) instance.exports.__wbindgen_start();

export { check, checkContent, checkGrid, checkHtml, checkCells, checkPdf, checkSeen, htmlToGrid, render, tablesHtml, tablesTsv, setCellText, formatName, bodyName, cellSource, cellsCsv, batchDisposition, batchUnreadable, pairBatch, summaryCsv, version } from "./pkg/gouji_bg.js";
