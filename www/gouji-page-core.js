// The page's first-load core (WebAssembly): one report at a time, pasted or dropped, without
// prev (last year's report), the form's check or the decoder of figures run together; the
// whole core, gouji-core.js, is imported when one of those is first needed. Loaded
// without any request: the module's bytes are embedded in pkg-page/gouji_wasm.js, so the page's
// Content-Security-Policy can say connect-src 'none'. The glue is wasm-bindgen's own.
import * as glue from "./pkg-page/gouji_bg.js";
import bytes from "./pkg-page/gouji_wasm.js";

const { instance } = await WebAssembly.instantiate(bytes, { "./gouji_bg.js": glue });
glue.__wbg_set_wasm(instance.exports);
if (instance.exports.__wbindgen_start) instance.exports.__wbindgen_start();

export { check, checkGrid, checkPdf, htmlToGrid, render, tablesHtml, tablesTsv, setCellText, formatName } from "./pkg-page/gouji_bg.js";
