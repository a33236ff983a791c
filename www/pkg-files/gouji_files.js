/* @ts-self-types="./gouji_files.d.ts" */
import * as wasm from "./gouji_files_bg.wasm";
import { __wbg_set_wasm } from "./gouji_files_bg.js";

__wbg_set_wasm(wasm);
wasm.__wbindgen_start();
export {
    readFile
} from "./gouji_files_bg.js";
