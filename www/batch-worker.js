// Checks the files of a batch off the main thread, one at a time (the page runs several of these):
// { id, name, file } -> { id, row, json } — the summary row and the result as JSON text (a
// batch keeps results, never texts). Files are told by their bytes, as the page tells them;
// PDF, Word files and saved pages are read by the file readers, loaded for the first such file.
import { check, checkGrid, checkPdf, bodyName } from "./gouji-core.js";
import { fileKind, decodeText, looksLikeHtml } from "./view/input.js";
import { rowOf } from "./batch-row.js";

let readers = null;

self.onmessage = async (e) => {
  const { id, name, file } = e.data;
  try {
    const result = await checkFile(new Uint8Array(await file.arrayBuffer()));
    if (result.error !== undefined) {
      self.postMessage({ id, row: { file: name, skipped: true, error: result.error, error_en: result.error_en } });
      return;
    }
    result.title ??= null;
    self.postMessage({ id, row: rowOf(name, result, bodyName(result.title ?? "") ?? null), json: JSON.stringify(result) });
  } catch (err) {
    self.postMessage({ id, row: { file: name, skipped: true, error: String(err?.message ?? err) } });
  }
};

async function checkFile(bytes) {
  if (fileKind(bytes) === "text") {
    const text = decodeText(bytes);
    if (text === null) return { error: "不是文本、网页、PDF 或 Word（.docx）文件", error_en: "not a text, web page, PDF or Word (.docx) file" };
    if (!looksLikeHtml(text)) return check(text);
  }
  readers ??= await import("./gouji-files.js");
  const out = readers.readFile(bytes);
  if (out.error !== undefined) return out;
  if (out.kind === "pdf") return Object.assign(checkPdf(out.pages), { input: "pdf" });
  if (out.grid) return Object.assign(checkGrid(out.grid), { input: out.kind });
  return check(out.text ?? "");
}

self.postMessage({ ready: true });
