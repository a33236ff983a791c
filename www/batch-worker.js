// Checks the files of a batch off the main thread (the page runs several of these):
// { chunk: [{ id, name, file, walked }] } -> { id, row, json, cells, last } for each, as
// batch-check.js makes them (the core's row, the result and its cells as Blobs: a batch keeps
// results, never texts, and not in the page's memory; what pairing needs of the report, which
// the batch pairs from at the end, in a worker, no file read twice). PDF, Word files and saved pages
// are read by the file readers, pictures by the picture reader, each loaded for the first file
// that needs it.
import * as core from "./gouji-core.js";
import { checkBatchFile } from "./batch-check.js";

let readers = null;
let pictures = null;
const env = {
  core,
  readers: () => (readers ??= import("./gouji-files.js")),
  pictures: () => (pictures ??= import("./gouji-image.js")),
};

self.onmessage = async (e) => {
  const { chunk, pair } = e.data;
  // the batch's pairs, when every file is in (gouji::batch::pair_batch)
  if (pair) return self.postMessage({ paired: core.pairBatch(pair.rows, pair.lasts) });
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
    try {
      const got = await checkBatchFile(env, bytes ?? new Uint8Array(await c.file.arrayBuffer()), c.name, c.walked);
      self.postMessage({ id: c.id, ...got });
    } catch (err) {
      self.postMessage({ id: c.id, row: { file: c.name, skipped: true, error: String(err?.message ?? err) } });
    }
  }
};

self.postMessage({ ready: true });
