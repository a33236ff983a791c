// Checks large inputs off the main thread, so the page stays responsive. One request at a time:
// { id, kind: "text" | "grid" | "pdf", text?, grid?, pages?, options } -> { id, result } or { id, error }.
// If the WebAssembly instance traps, the page drops this worker and starts a fresh one.
import { check, checkGrid, checkPdf } from "./gouji-core.js";

self.onmessage = (e) => {
  const { id, kind, text, grid, pages, options } = e.data;
  try {
    const result = kind === "grid" ? checkGrid(grid, options) : kind === "pdf" ? checkPdf(pages, options) : check(text, options);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};

self.postMessage({ ready: true });
