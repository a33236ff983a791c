// The page batch's summary table: its rows stream in (the files' own order, drawn as they follow
// on; sorted or filtered, drawn again), sortable by any column, filterable by verdict, body and
// year, at most `PAGE` rows at a time (more on asking); the toolbar of exports and the way back
// from a report. It draws what the batch (batch.js) holds and calls it for every action.

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
const COLUMNS = ["file", "body", "year", "format", "verdict", "errors", "warnings", "worst"];
const HEAD = { file: "file", body: "body", year: "year", format: "format", verdict: "verdict", errors: "nerr", warnings: "nwarn", worst: "worst" };

export class BatchTable {
  /** `b`: the batch (its rows, files, progress, and the actions the table's buttons call). */
  constructor(b) {
    this.b = b;
    /** rows drawn in the files' order so far (undefined: the table is sorted or filtered) */
    this.appended = 0;
    this.limit = PAGE;
    this.sort = { key: null, dir: 1 };
    this.filter = { verdict: "", body: "", year: "" };
    this.mount();
  }

  t(key, vars = {}) {
    const w = WORDS[this.b.view.lang] ?? WORDS.zh;
    return (w[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");
  }

  /** Redraws from the first row (the rows changed: their pairs counted in). */
  redraw() {
    this.appended = undefined;
    this.drawNow();
  }

  mount() {
    const v = this.b.view;
    const box = document.createElement("section");
    box.className = "gouji-batch";
    box.id = "batch";
    box.setAttribute("aria-label", this.t("head", { n: this.b.files.length }));
    const h = document.createElement("h3");
    const progress = document.createElement("progress");
    progress.max = this.b.files.length;
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
    const csv = button(this.t("csv"), () => this.b.exportCsv());
    csv.id = "batch-csv";
    const json = button(this.t("json"), () => this.b.exportJson());
    json.id = "batch-json";
    const cells = button(this.t("cells"), () => this.b.exportCells());
    cells.id = "batch-cells";
    const close = button(this.t("close"), () => this.b.close());
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
      if (tr) this.b.open(Number(tr.dataset.i));
    });
    // the bar back from a report opened in the normal view
    this.backBar = button(this.t("back"), () => this.b.back());
    this.backBar.id = "batch-back";
    this.backBar.hidden = true;
    v.placeBatch(this.backBar, box);
  }

  /** Focuses row `i`'s button (back from its report). */
  focusRow(i) {
    this.tbody.querySelector(`tr[data-i="${i}"] button`)?.focus();
  }

  /** The rows to show: filtered, then sorted (stable: the files' order breaks ties). */
  visible() {
    const { verdict, body, year } = this.filter;
    let out = [];
    this.b.rows.forEach((r, i) => {
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
        const r = this.b.rows[i];
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
      if (this.b.done === this.b.files.length || now - (this.drawnAt ?? 0) > 500) this.drawNow();
      else this.drawCount();
    });
  }

  drawCount() {
    const n = this.b.files.length;
    const skipped = this.b.rows.filter((r) => r?.skipped).length;
    this.progress.value = this.b.done;
    this.count.textContent = this.t("done", { k: this.b.done, n }) + (skipped ? this.t("skipped", { n: skipped }) : "");
  }

  drawNow() {
    this.drawnAt = performance.now();
    const n = this.b.files.length;
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
      while (this.appended < n && this.appended < this.limit && this.b.rows[this.appended]) add.push(this.rowEl(this.appended++));
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
    const en = this.b.view.lang === "en";
    const r = this.b.rows[i];
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
    const n = this.b.files.length;
    this.shown.textContent = this.t("shown", { k: this.tbody.rows.length, n: this.b.rows.filter(Boolean).length });
    this.more.hidden = matching <= this.tbody.rows.length;
    this.box.dataset.done = String(this.b.done === n && !!this.b.paired && all);
    // the years seen, for the filter
    const years = [...new Set(this.b.rows.filter((r) => r?.year).map((r) => r.year))].sort();
    if (years.length !== this.year.options.length - 1) {
      const keep = this.year.value;
      this.year.replaceChildren(...select([["", this.t("any-year")], ...years.map((y) => [String(y), String(y)])]).options);
      this.year.value = keep;
    }
  }
}

export function button(text, onClick) {
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
