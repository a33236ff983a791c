// Many reports at once in the page (issue 15): files dropped or a folder chosen are checked in
// Web Workers (as many as the machine has cores), their rows stream into a summary table —
// sortable, filterable by verdict, body and year — and a row opens its report in the normal
// view, with a way back. Exports: the summary as CSV (with a BOM, for Excel) and every result as
// JSON. Memory stays flat: a batch keeps each report's summary row, its result as a Blob (in the
// browser's blob store, not the page's memory) and its File (a handle), never the texts. Imported when a batch is first given.
import { summaryCsv, resultsJson, cellsCsv } from "./batch-export.js";
import { BatchTable } from "./batch-table.js";

/** Files a worker is given at a time, read as one Blob (one read of many small files: reading
 *  them one by one is bound by each read's latency, several times the check's cost). */
const CHUNK = 16;

/** Starts a batch of `files` (File objects, in the order to show; `paths` what to call them)
 *  in `view`; returns it. */
export function startBatch(view, files, paths = files.map((f) => f.name)) {
  view.batch?.stop();
  const b = new Batch(view, files, paths);
  view.batch = b;
  b.run();
  return b;
}

class Batch {
  constructor(view, files, paths) {
    this.view = view;
    this.files = files;
    this.paths = paths;
    this.rows = new Array(files.length).fill(null);
    this.json = new Array(files.length).fill(null);
    this.cells = new Array(files.length).fill(null);
    /** what pairing needs of each report, kept from its own check (the core's `Last`) */
    this.lasts = new Array(files.length).fill(null);
    this.done = 0;
    this.workers = [];
    this.table = new BatchTable(this);
    this.show(true);
    this.table.draw();
  }

  // ---- the table ----------------------------------------------------------------------


  /** Shows the batch (true) or the normal view of one report (false). */
  show(batch) {
    this.table.box.hidden = !batch;
    this.table.backBar.hidden = batch;
    this.view.batchMode(batch ? "table" : "report");
  }








  // ---- checking -------------------------------------------------------------------------

  run() {
    this.next = 0;
    const n = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8, this.files.length));
    if (location.protocol === "file:" || typeof Worker !== "function") return this.runHere();
    for (let k = 0; k < n; k++) {
      let w;
      try {
        w = new Worker(new URL("./batch-worker.js", import.meta.url), { type: "module" });
      } catch {
        return this.runHere();
      }
      w.busy = new Set();
      w.onmessage = (e) => {
        // a few files in flight per worker, so that none waits on a file's reading
        if (e.data.ready) {
          this.feed(w);
          this.feed(w);
          return;
        }
        w.busy.delete(e.data.id);
        this.take(e.data);
        // two chunks in flight: the next is sent when one is done
        if (w.busy.size <= CHUNK) this.feed(w);
      };
      w.onerror = (e) => {
        e.preventDefault?.();
        // a worker that never started: the rest is checked here
        this.workers = this.workers.filter((x) => x !== w);
        w.terminate();
        for (const id of w.busy) this.take({ id, row: { file: this.paths[id], skipped: true, error: String(e.message ?? "worker") } });
        if (!this.workers.length) this.runHere();
      };
      this.workers.push(w);
    }
  }

  /** Gives a worker the next file: the File itself (a handle), which the worker reads, so that
   *  the reading too is off this thread. */
  feed(w) {
    if (this.stopped) return;
    if (this.next < this.files.length) {
      const chunk = [];
      while (chunk.length < CHUNK && this.next < this.files.length) {
        const id = this.next++;
        w.busy.add(id);
        // found in a folder (a path), or named on its own: the core's rule tells them apart
        chunk.push({ id, name: this.paths[id], file: this.files[id], walked: this.paths[id].includes("/") });
      }
      w.postMessage({ chunk });
    }
  }

  /** Every report in: the batch's pairs (one body's consecutive years, the same report given
   *  twice, two different reports of one body and year), made by the core from what each
   *  report's check kept (`pairBatch`: the command line's pairing, no file read again), and
   *  counted into the rows. */
  async pair() {
    if (this.stopped) return;
    const reports = [];
    this.rows.forEach((r, i) => r && !r.skipped && reports.push(i));
    const rows = reports.map((i) => this.rows[i]);
    const lasts = reports.map((i) => this.lasts[i] ?? null);
    this.lasts = [];
    // in a worker (it has the core; a thousand reports' pairing is no pause of the page), or
    // here where there is none
    const w = this.workers[0];
    const inWorker = (w) =>
      new Promise((resolve) => {
        w.onmessage = (e) => e.data.paired && resolve(e.data.paired);
        w.onerror = () => resolve(null);
        w.postMessage({ pair: { rows, lasts } });
      });
    const paired = (w && (await inWorker(w))) ?? (await this.view.loadFull()).pairBatch(rows, lasts);
    if (this.stopped) return;
    reports.forEach((i, k) => (this.rows[i] = paired.rows[k]));
    this.notes = paired.notes;
    // a paired report opens beside last year's: the file its row names
    const at = new Map(this.paths.map((p, i) => [p, i]));
    this.prevOf = new Map();
    for (const i of reports) if (this.rows[i].pair) this.prevOf.set(i, at.get(this.rows[i].pair));
    this.finish();
  }

  take({ id, row, json, cells, last }) {
    this.rows[id] = row;
    this.json[id] = json ?? null;
    this.cells[id] = cells ?? null;
    this.lasts[id] = last ?? null;
    this.done++;
    this.table.draw();
    if (this.done === this.files.length) this.pair();
  }

  finish() {
    this.paired = true;
    // the rows drawn before their pairs' findings came in: drawn again
    this.table.redraw();
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  /** Where workers cannot start (the single file, opened from disk): here, a file a task, as
   *  a worker checks it (batch-check.js), then paired as the workers' batch is. */
  async runHere() {
    const v = this.view;
    const [core, { checkBatchFile }] = await Promise.all([v.loadFull(), import("./batch-check.js")]);
    const env = {
      core,
      readers: () => (v.loadFiles ? v.loadFiles() : Promise.reject(new Error(v.t("file-no-reader", { name: "" })))),
      pictures: () => import("./gouji-image.js"),
    };
    while (!this.stopped && this.next < this.files.length) {
      const id = this.next++;
      const name = this.paths[id];
      const bytes = new Uint8Array(await this.files[id].arrayBuffer());
      this.take({ id, ...(await checkBatchFile(env, bytes, name, name.includes("/"))) });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  stop() {
    this.stopped = true;
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.table.box?.remove();
    this.table.backBar?.remove();
  }

  close() {
    this.stop();
    const v = this.view;
    v.batch = null;
    v.batchMode(null);
    v.draw();
  }

  // ---- one report, and back ---------------------------------------------------------------

  /** Opens a row's report in the normal view: its file read again (the batch kept no text). */
  async open(i) {
    const r = this.rows[i];
    if (!r || r.skipped) return;
    this.show(false);
    this.opened = i;
    const v = this.view;
    // a report paired with last year's opens beside it, as the batch compared them
    const j = this.prevOf?.get(i);
    if (j !== undefined) await v.readPrevFile(this.files[j], this.paths[j]);
    else if (v.prev) await v.clearPrev();
    await v.readFile(this.files[i]);
    this.table.backBar.focus();
  }

  back() {
    this.show(true);
    this.table.drawNow();
    this.table.focusRow(this.opened);
  }

  // ---- exports: batch-export.js -----------------------------------------------------------

  exportCsv() {
    summaryCsv(this);
  }

  exportJson() {
    resultsJson(this);
  }

  exportCells() {
    cellsCsv(this);
  }
}

