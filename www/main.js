// The served page's entry point (no inline script: the CSP allows only the page's own files).
import { start } from "./app.js";

start(() => import("./gouji-core.js"), () => import("./gouji-files.js"));
