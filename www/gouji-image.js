// Loads gouji's picture reader (scans, screenshots, pictures of the tables) — a WebAssembly
// module of its own, imported only when a picture or a scanned PDF arrives, so neither the
// page's first load nor the file readers carry its decoders and weights. Its bytes are
// embedded (pkg-image/gouji_image_wasm.js): nothing is fetched but this script.
import * as glue from "./pkg-image/gouji_image_bg.js";
import bytes from "./pkg-image/gouji_image_wasm.js";

const { instance } = await WebAssembly.instantiate(bytes, { "./gouji_image_bg.js": glue });
glue.__wbg_set_wasm(instance.exports);
if (instance.exports.__wbindgen_start) instance.exports.__wbindgen_start();

export { readPictures } from "./pkg-image/gouji_image_bg.js";
