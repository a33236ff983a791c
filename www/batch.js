// Many reports at once in the page (issue 15): files dropped or a folder chosen are checked in
// Web Workers (as many as the machine has cores), their rows stream into a summary table —
// sortable, filterable by verdict, body and year — and a row opens its report in the normal
// view, with a way back. Exports: the summary as CSV (with a BOM, for Excel) and every result as
// JSON. Memory stays flat: a batch keeps each report's summary row, its result as a Blob (in the
// browser's blob store, not the page's memory) and its File (a handle), never the texts. Imported when a batch is first given.
import { summaryCsv, resultsJson, cellsCsv } from "./batch-export.js";

const WORDS = {
  zh: {
    head: "批量检查：{n} 份文件", done: "已检查 {k} / {n} 份", skipped: "（{n} 份不是年报，已跳过）",
    all: "全部", pass: "通过", errors: "有错误", partial: "未能完整检查", unusable: "无法检查", unreadable: "无法读取", skip: "已跳过",
    body: "机关", year: "年度", "any-year": "全部年度", csv: "导出汇总 CSV", json: "导出全部结果 JSON", cells: "导出全部单元格 CSV",
    close: "关闭批量结果", back: "← 返回批量结果", file: "文件", format: "格式", verdict: "结论",
    nerr: "错误", nwarn: "提醒", worst: "最主要的问题", shown: "显示 {k} / {n} 份", more: "再显示 {n} 份",
  },
  en: {
    head: "Batch: {n} files", done: "Checked {k} of {n}", skipped: " ({n} not reports, skipped)",
    all: "All", pass: "Passed", errors: "With errors", partial: "Not fully checked", unusable: "Unusable", unreadable: "Could not be read", skip: "Skipped",
    body: "Body", year: "Year", "any-year": "All years", csv: "Export summary CSV", json: "Export all results (JSON)", cells: "Export every cell (CSV)",
    close: "Close the batch", back: "← Back to the batch", file: "File", format: "Format", verdict: "Verdict",
    nerr: "Errors", nwarn: "Warnings", worst: "Main finding", shown: "Showing {k} of {n}", more: "Show {n} more",
  },
};

/** Rows the table shows at first, and more on each asking. */
const PAGE = 200;
/** Files a worker is given at a time, read as one Blob (one read of many small files: reading
 *  them one by one is bound by each read's latency, several times the check's cost). */
const CHUNK = 16;

const COLUMNS = ["file", "body", "year", "format", "verdict", "errors", "warnings", "worst"];
const HEAD = { file: "file", body: "body", year: "year", format: "format", verdict: "verdict", errors: "nerr", warnings: "nwarn", worst: "worst" };

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
    /** rows drawn in the files' order so far (undefined: the table is sorted or filtered) */
    this.appended = 0;
    this.limit = PAGE;
    this.sort = { key: null, dir: 1 };
    this.filter = { verdict: "", body: "", year: "" };
    this.workers = [];
    this.mount();
  }

  t(key, vars = {}) {
    const w = WORDS[this.view.lang] ?? WORDS.zh;
    return (w[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");
  }

  // ---- the table ----------------------------------------------------------------------

  mount() {
    const v = this.view;
    const box = document.createElement("section");
    box.className = "gouji-batch";
    box.id = "batch";
    box.setAttribute("aria-label", this.t("head", { n: this.files.length }));
    const h = document.createElement("h3");
    const progress = document.createElement("progress");
    progress.max = this.files.length;
    progress.value = 0;
    const count = document.createElement("p");
    count.className = "batch-count";
    count.setAttribute("role", "status");
    const filters = document.createElement("div");
    filters.className = "toolbar batch-filters";
    const verdict = select(["", "pass", "errors", "partial", "unusable", "unreadable", "skip"].map((k) => [k, this.t(k || "all")]));
    verdict.id = "batch-verdict";
    verdict.setAttribute("aria-label", this.t("verdict"));
    const body = document.createElement("input");
    body.type = "search";
    body.id = "batch-body";
    body.placeholder = this.t("body");
    body.setAttribute("aria-label", this.t("body"));
    const year = select([["", this.t("any-year")]]);
    year.id = "batch-year";
    year.setAttribute("aria-label", this.t("year"));
    const csv = button(this.t("csv"), () => this.exportCsv());
    csv.id = "batch-csv";
    const json = button(this.t("json"), () => this.exportJson());
    json.id = "batch-json";
    const cells = button(this.t("cells"), () => this.exportCells());
    cells.id = "batch-cells";
    const close = button(this.t("close"), () => this.close());
    close.id = "batch-close";
    filters.append(verdict, body, year, csv, json, cells, close);
    const shown = document.createElement("p");
    shown.className = "batch-shown";
    const wrap = document.createElement("div");
    wrap.className = "gouji-scroll";
    const table = document.createElement("table");
    table.className = "batch-table";
    const tr = document.createElement("tr");
    for (const key of COLUMNS) {
      const th = document.createElement("th");
      th.scope = "col";
      th.append(button(this.t(HEAD[key]), () => this.sortBy(key)));
      th.dataset.key = key;
      tr.append(th);
    }
    table.createTHead().append(tr);
    this.tbody = table.createTBody();
    wrap.append(table);
    const more = button(this.t("more", { n: PAGE }), () => {
      this.limit += PAGE;
      this.appended = undefined;
      this.drawNow();
    });
    more.id = "batch-more";
    more.hidden = true;
    box.append(h, progress, count, filters, shown, wrap, more);
    this.more = more;
    Object.assign(this, { box, h, progress, count, verdict, body, year, shown });
    // a user's change is drawn at once; results streaming in, once a frame
    verdict.addEventListener("change", () => { this.filter.verdict = verdict.value; this.drawNow(); });
    body.addEventListener("input", () => { this.filter.body = body.value.trim(); this.drawNow(); });
    year.addEventListener("change", () => { this.filter.year = year.value; this.drawNow(); });
    this.tbody.addEventListener("click", (e) => {
      const tr = e.target.closest("tr[data-i]");
      if (tr) this.open(Number(tr.dataset.i));
    });
    // the bar back from a report opened in the normal view
    this.backBar = button(this.t("back"), () => this.back());
    this.backBar.id = "batch-back";
    this.backBar.hidden = true;
    const out = v.q("#out");
    out.before(this.backBar, box);
    this.show(true);
    this.draw();
  }

  /** Shows the batch (true) or the normal view of one report (false). */
  show(batch) {
    const v = this.view;
    this.box.hidden = !batch;
    this.backBar.hidden = batch;
    v.q("#out").hidden = batch;
    v.q("#prev-out").hidden = batch || v.q("#prev-out").hidden;
    v.q(".actions").hidden = batch;
    v.root.dataset.batch = batch ? "table" : "report";
  }

  /** The rows to show: filtered, then sorted (stable: the files' order breaks ties). */
  visible() {
    const { verdict, body, year } = this.filter;
    let out = [];
    this.rows.forEach((r, i) => {
      if (!r) return;
      const kind = r.skipped ? "skip" : r.verdict;
      if (verdict && kind !== verdict) return;
      if (body && !(r.body ?? r.file).includes(body) && !r.file.includes(body)) return;
      if (year && String(r.year) !== year) return;
      out.push(i);
    });
    const { key, dir } = this.sort;
    if (key) {
      const val = (i) => {
        const r = this.rows[i];
        const x = key === "verdict" ? ["errors", "unreadable", "partial", "unusable", "pass"].indexOf(r.verdict) : r[key];
        return x ?? (typeof x === "number" ? -1 : "");
      };
      out = out
        .map((i) => [val(i), i])
        .sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1] - b[1]))
        .map((x) => x[1]);
    }
    return out;
  }

  sortBy(key) {
    this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
    for (const th of this.box.querySelectorAll("th")) {
      th.setAttribute("aria-sort", th.dataset.key === key ? (this.sort.dir === 1 ? "ascending" : "descending") : "none");
    }
    this.drawNow();
  }

  /** Redraws while results stream in: the progress once a frame, the table at most every
   *  half second, and at the end. The table shows `this.limit` rows at most (more on asking):
   *  a table of a thousand rows costs the page a long pause at every change. */
  draw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const now = performance.now();
      if (this.done === this.files.length || now - (this.drawnAt ?? 0) > 500) this.drawNow();
      else this.drawCount();
    });
  }

  drawCount() {
    const n = this.files.length;
    const skipped = this.rows.filter((r) => r?.skipped).length;
    this.progress.value = this.done;
    this.count.textContent = this.t("done", { k: this.done, n }) + (skipped ? this.t("skipped", { n: skipped }) : "");
  }

  drawNow() {
    this.drawnAt = performance.now();
    const n = this.files.length;
    this.h.textContent = this.t("head", { n });
    this.drawCount();
    const { verdict, body, year } = this.filter;
    if (!this.sort.key && !verdict && !body && !year) {
      // the files' own order, unfiltered: only the rows come in since are added, as far as
      // they follow on (a thousand rows redrawn every half second would hold the page up)
      if (this.appended === undefined) {
        this.tbody.replaceChildren();
        this.appended = 0;
      }
      const add = [];
      while (this.appended < n && this.appended < this.limit && this.rows[this.appended]) add.push(this.rowEl(this.appended++));
      this.tbody.append(...add);
      this.finishDraw(this.appended === Math.min(n, this.limit), n);
      return;
    }
    const show = this.visible();
    this.tbody.replaceChildren(...show.slice(0, this.limit).map((i) => this.rowEl(i)));
    this.appended = undefined;
    this.finishDraw(true, show.length);
  }

  rowEl(i) {
    const en = this.view.lang === "en";
    const r = this.rows[i];
    const tr = document.createElement("tr");
    tr.dataset.i = String(i);
    tr.className = r.skipped ? "skip" : r.verdict;
    const cells = r.skipped
      ? [r.file, "", "", "", this.t("skip"), "", "", en ? r.error_en ?? r.error : r.error]
      : [r.file, r.body ?? "", r.year ?? "", r.format, this.t(r.verdict), r.errors, r.warnings, en ? r.worst_en : r.worst];
    cells.forEach((c, k) => {
      const td = document.createElement("td");
      if (k === 0 && !r.skipped) {
        // a button: the row opens from the keyboard too
        const b = button(String(c), () => {});
        b.className = "batch-open";
        td.append(b);
      } else td.textContent = String(c);
      tr.append(td);
    });
    return tr;
  }

  /** `all`: every row there is to show (up to the limit) is drawn; `matching`: how many rows
   *  the filters let through. */
  finishDraw(all, matching) {
    const n = this.files.length;
    this.shown.textContent = this.t("shown", { k: this.tbody.rows.length, n: this.rows.filter(Boolean).length });
    this.more.hidden = matching <= this.tbody.rows.length;
    this.box.dataset.done = String(this.done === n && !!this.paired && all);
    // the years seen, for the filter
    const years = [...new Set(this.rows.filter((r) => r?.year).map((r) => r.year))].sort();
    if (years.length !== this.year.options.length - 1) {
      const keep = this.year.value;
      this.year.replaceChildren(...select([["", this.t("any-year")], ...years.map((y) => [String(y), String(y)])]).options);
      this.year.value = keep;
    }
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
    const core = await this.view.loadFull();
    if (this.stopped) return;
    const reports = [];
    this.rows.forEach((r, i) => r && !r.skipped && reports.push(i));
    const { rows, notes } = core.pairBatch(reports.map((i) => this.rows[i]), reports.map((i) => this.lasts[i] ?? null));
    reports.forEach((i, k) => (this.rows[i] = rows[k]));
    this.notes = notes;
    // a paired report opens beside last year's: the file its row names
    const at = new Map(this.paths.map((p, i) => [p, i]));
    this.prevOf = new Map();
    for (const i of reports) if (this.rows[i].pair) this.prevOf.set(i, at.get(this.rows[i].pair));
    this.lasts = [];
    this.finish();
  }

  take({ id, row, json, cells, last }) {
    this.rows[id] = row;
    this.json[id] = json ?? null;
    this.cells[id] = cells ?? null;
    this.lasts[id] = last ?? null;
    this.done++;
    this.draw();
    if (this.done === this.files.length) this.pair();
  }

  finish() {
    this.paired = true;
    // the rows drawn before their pairs' findings came in: drawn again
    this.appended = undefined;
    this.drawNow();
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
    this.box?.remove();
    this.backBar?.remove();
  }

  close() {
    this.stop();
    const v = this.view;
    v.batch = null;
    v.q("#out").hidden = false;
    v.q(".actions").hidden = false;
    delete v.root.dataset.batch;
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
    if (j !== undefined) {
      const got = await v.contentOf(this.files[j]);
      const prev = got.pages ? { pages: got.pages } : got.grid ? { grid: got.grid } : got.text !== undefined ? { text: got.text } : null;
      v.q("#prev-text").value = got.pages ? got.pages.join("") : got.grid ? got.grid.map((r) => r.join("\t")).join("\n") : got.text ?? "";
      v.q("#prev").open = !!prev;
      await v.setPrev(prev, this.paths[j]);
    } else if (v.prev) {
      v.q("#prev-text").value = "";
      await v.setPrev(null);
    }
    await v.readFile(this.files[i]);
    this.view.q("#batch-back")?.focus();
  }

  back() {
    this.show(true);
    this.drawNow();
    const row = this.tbody.querySelector(`tr[data-i="${this.opened}"] button`);
    row?.focus();
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

function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function select(options) {
  const s = document.createElement("select");
  for (const [value, text] of options) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    s.append(o);
  }
  return s;
}
