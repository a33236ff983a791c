// Loads gouji's file readers (PDF, Word .docx, saved pages) — a WebAssembly module of its own,
// imported only when a file is dropped, so the page's first load stays light. Like the core,
// its bytes are embedded (pkg-files/gouji_files_wasm.js): nothing is fetched but this script.
import * as glue from "./pkg-files/gouji_files_bg.js";
import bytes from "./pkg-files/gouji_files_wasm.js";

const { instance } = await WebAssembly.instantiate(bytes, { "./gouji_files_bg.js": glue });
glue.__wbg_set_wasm(instance.exports);
if (instance.exports.__wbindgen_start) instance.exports.__wbindgen_start();

export { readFile, binaryKind, isHtml } from "./pkg-files/gouji_files_bg.js";
