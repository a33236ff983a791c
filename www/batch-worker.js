// Checks the files of a batch off the main thread, one at a time (the page runs several of these):
// { chunk: [{ id, name, file }] } -> { id, row, json } for each — the summary row and the result as JSON (a Blob: a
// batch keeps results, never texts, and not in the page's memory); { id, file, prev } (a pair) -> { id, pair: findings }. Files are told by their bytes, as the page tells them;
// PDF, Word files and saved pages are read by the file readers, loaded for the first such file.
import { check, checkGrid, checkPdf, checkSeen, bodyName, cellsCsv, batchDisposition } from "./gouji-core.js";
import { fileKind, decodeText, looksLikeHtml } from "./view/input.js";
import { rowOf } from "./batch-row.js";

let readers = null;
let pictures = null;

self.onmessage = async (e) => {
  const { chunk, id, file, prev } = e.data;
  if (prev) return comparePair(id, file, prev);
  // a chunk of files read as one Blob (one read, not one per file), then checked one by one
  let all = null;
  try {
    all = new Uint8Array(await new Blob(chunk.map((c) => c.file)).arrayBuffer());
  } catch {
    // a file that cannot be read: each is read on its own below, and says so
  }
  let at = 0;
  for (const c of chunk) {
    const size = c.file.size;
    const bytes = all ? all.subarray(at, at + size) : null;
    at += size;
    await checkOne(c.id, c.name, bytes ?? c.file, c.walked);
  }
};

async function checkOne(id, name, from, walked) {
  try {
    const result = await checkFile(from instanceof Uint8Array ? from : new Uint8Array(await from.arrayBuffer()));
    // the core's rule (the command line's): a folder's file that is no report is passed over,
    // a report's file that cannot be read is a row
    // (a picture in which no table was found read no cell: the command line's rule for it)
    const read = result.nothing ? 0 : result.error !== undefined ? null : result.summary.cells_read;
    const skip = batchDisposition(result.kind, read, walked);
    if (skip) {
      self.postMessage({ id, row: { file: name, skipped: true, error: result.error ?? skip, error_en: result.error_en ?? skip } });
      return;
    }
    if (result.error !== undefined) {
      self.postMessage({ id, row: unreadable(name, result) });
      return;
    }
    result.title ??= null;
    delete result.kind;
    // the result as a Blob: held by the browser's blob store, not in the page's memory
    self.postMessage({
      id,
      row: rowOf(name, result, bodyName(result.title ?? "") ?? null),
      json: new Blob([JSON.stringify(result)], { type: "application/json" }),
      cells: new Blob([cellsCsv(result, name, false)], { type: "text/csv" }),
    });
  } catch (err) {
    self.postMessage({ id, row: { file: name, skipped: true, error: String(err?.message ?? err) } });
  }
}

/** A report's file that could not be read: a row, as the command line's summary has it. */
function unreadable(file, r) {
  return { file, body: null, year: null, format: "unknown", verdict: "unreadable", errors: 0, warnings: 0, unread: 0, worst: r.error_en, worst_en: r.error_en, indicators: null, error: r.error };
}

/** One pair of a batch (one body's consecutive years): both files read again, this year's
 *  checked against last year's; its cross-year findings back (`{ id, pair }`). */
async function comparePair(id, file, prevFile) {
  try {
    const { kind, ...prev } = await contentOf(new Uint8Array(await prevFile.arrayBuffer()));
    if (prev.error !== undefined) return self.postMessage({ id, pair: [] });
    const r = await checkFile(new Uint8Array(await file.arrayBuffer()), { prev: prev.text !== undefined ? { text: prev.text } : prev });
    // the note that the pair could not be confirmed is left out, as the command line does
    self.postMessage({ id, pair: (r.findings ?? []).filter((f) => f.rule.startsWith("X-") && f.rule !== "X-MATCH") });
  } catch (err) {
    self.postMessage({ id, pair: [], error: String(err?.message ?? err) });
  }
}

/** What a file holds, as `check`'s `prev` takes it: `{ text }`, `{ grid }` or `{ pages }`,
 *  with `kind`, what its bytes say it is ("text", "html", or the file readers' kind). */
async function contentOf(bytes) {
  if (fileKind(bytes) === "text") {
    const text = decodeText(bytes);
    if (text === null) return { error: "不是文本、网页、PDF 或 Word（.docx）文件", error_en: "not a text, web page, PDF or Word (.docx) file", kind: "text" };
    if (!looksLikeHtml(text)) return { text, kind: "text" };
  }
  readers ??= await import("./gouji-files.js");
  const out = readers.readFile(bytes);
  if (out.error !== undefined) return out;
  // a picture, a scan's pages: read by the picture reader (loaded with the first)
  if (out.pictures) {
    pictures ??= await import("./gouji-image.js");
    const read = pictures.readPictures(out.pictures, out.kind === "pdf");
    return read.error !== undefined ? { ...read, kind: out.kind } : { pictured: read.pictured, kind: out.kind };
  }
  if (out.kind === "pdf") return { pages: out.pages, kind: "pdf" };
  if (out.grid) return { grid: out.grid, input: out.kind, kind: out.kind };
  return { text: out.text ?? "", kind: out.kind ?? "text" };
}

async function checkFile(bytes, options = {}) {
  const c = await contentOf(bytes);
  if (c.error !== undefined) return c;
  const kind = { kind: c.kind };
  if (c.pictured) return Object.assign(checkSeen(c.pictured, options), kind);
  if (c.pages) return Object.assign(checkPdf(c.pages, options), { input: "pdf" }, kind);
  if (c.grid) return Object.assign(checkGrid(c.grid, options), { input: c.input }, kind);
  return Object.assign(check(c.text, options), kind);
}

self.postMessage({ ready: true });
