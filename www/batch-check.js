// One file of the page's batch, read and checked: what each batch worker does, and what the
// batch does on the page itself where workers cannot start (the single file, opened from disk) —
// one code for both. The core decides (the command line's rules, `gouji::batch`): which file is
// a row and which is passed over, the row, what pairing needs of the report. The modules come
// from the caller: `core` (the whole core), `readers()` (the file readers) and `pictures()` (the
// picture reader), loaded for the first file that needs them.
import { readContent } from "./content.js";

/** `{ row, json, cells, last }` for a report (the result and its cells as Blobs), `{ row }` for
 *  a file that is passed over (`row.skipped`) or could not be read (the core's row). */
export async function checkBatchFile(env, bytes, name, walked) {
  const { core } = env;
  try {
    const result = await checkFile(env, bytes, { batch: name });
    // a folder's file that is no report is passed over, a report's file that cannot be read is a
    // row (a picture in which no table was found read no cell)
    const read = result.nothing ? 0 : result.error !== undefined ? null : result.summary.cells_read;
    const skip = core.batchDisposition(result.kind, read, walked);
    if (skip) return { row: { file: name, skipped: true, error: result.error ?? skip, error_en: result.error_en ?? skip } };
    if (result.error !== undefined) return { row: core.batchUnreadable(name, result.error, result.error_en ?? result.error) };
    const { kind, batch, ...r } = result;
    r.title ??= null;
    return {
      row: batch.row,
      last: batch.last,
      json: new Blob([JSON.stringify(r)], { type: "application/json" }),
      cells: new Blob([core.cellsCsv(r, name, false)], { type: "text/csv" }),
    };
  } catch (err) {
    return { row: { file: name, skipped: true, error: String(err?.message ?? err) } };
  }
}

/** What a file holds (content.js's reading), a picture's read by the picture reader:
 *  `{ text }`, `{ grid, input }`, `{ pages }` or `{ pictured }`, with `kind`; or `{ error }`. */
async function contentOf(env, bytes) {
  const c = await readContent(bytes, { readers: env.readers });
  if (c.notText) return { ...c, error: "不是文本、网页、PDF 或 Word（.docx）文件，无法读取", error_en: "not text, a web page, PDF or Word (.docx): it cannot be read" };
  if (!c.pictures) return c;
  const read = (await env.pictures()).readPictures(c.pictures, c.scan);
  return read.error !== undefined ? { ...read, kind: c.kind } : { pictured: read.pictured, kind: c.kind };
}

async function checkFile(env, bytes, options) {
  const c = await contentOf(env, bytes);
  if (c.error !== undefined) return c;
  // one dispatch, the core's, for every kind of content
  return Object.assign(env.core.checkContent(c, options), { kind: c.kind });
}
