// The served page's entry point (no inline script: the CSP allows only the page's own files).
import { start } from "./app.js";

start(
  () => import("./gouji-page-core.js"),
  () => import("./gouji-files.js"),
  // the whole core (prev: last year's report), imported when it is first needed
  () => import("./gouji-core.js"),
);
