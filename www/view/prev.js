// Last year's report beside this one: an optional second input (paste or drop), checked with
// the whole core (gouji-core.js, loaded when last year's report is first given), its tables
// drawn under this year's result with the cells the comparison read marked.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.

export class Prev {
  // ---- last year's report ---------------------------------------------------------------

  wirePrev() {
    const ta = this.q("#prev-text");
    let timer;
    ta.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.setPrev(ta.value.trim() ? { text: ta.value } : null), 150);
    });
    const pane = this.q("#prev");
    pane.addEventListener("dragover", (e) => e.preventDefault());
    pane.addEventListener("drop", (e) => {
      // last year's file is not this year's: the input area's drop must not take it
      e.preventDefault();
      e.stopPropagation();
      const file = e.dataTransfer?.files?.[0];
      if (file) this.readPrevFile(file);
    });
    const picker = this.q("#prev-file");
    this.q("#prev-open").addEventListener("click", () => picker.click());
    picker.addEventListener("change", () => {
      const file = picker.files?.[0];
      if (file) this.readPrevFile(file);
      picker.value = "";
    });
    this.q("#prev-clear").addEventListener("click", () => this.clearPrev());
  }

  /** Sets last year's report: `{ text }`, `{ grid }` or `{ pages }` (as `check`'s `prev`
   *  takes it), or null for none; the whole core is loaded the first time. */
  async setPrev(prev, name = "") {
    this.prev = prev;
    this.prevResult = null;
    if (prev) {
      try {
        this.full ??= await this.loadFull();
      } catch (e) {
        console.error(e);
        this.prev = null;
        this.q("#prev-source").textContent = this.t("prev-failed");
        return;
      }
      if (this.prev !== prev) return; // a newer one was given meanwhile
      // last year's own result, for its tables (checked in its own year's format)
      this.prevResult = this.full.checkContent(prev);
    }
    const p = this.prevResult;
    this.q("#prev-source").textContent = !p ? "" : p.summary.cells_read === 0 ? this.t("prev-none") : this.t("prev-read", { name: name || p.title || this.t("prev-h"), year: p.year ?? "?" });
    this.runCheck();
  }

  /** Last year's report as text (the widget's `prev`), shown in its input; null for none. */
  setPrevText(text) {
    const t = text == null ? "" : String(text);
    this.q("#prev-text").value = t;
    if (t.trim()) this.q("#prev").open = true;
    return this.setPrev(t.trim() ? { text: t } : null);
  }

  /** The core that checks: the whole one, once it is loaded. */
  checker() {
    return this.full ?? this.core;
  }

  /** Loads the whole core — the page's first load leaves out last year's report, the form's
   *  check and the decoder of figures run together — then checks again. */
  async useFull() {
    if (this.full || this.root.dataset.loading) return;
    this.root.dataset.loading = "full";
    try {
      this.full = await this.loadFull();
      this.runCheck();
    } finally {
      delete this.root.dataset.loading;
    }
  }

  /** A dropped or picked file as last year's report (read as this year's would be). */
  /** Last year's report from a file (`name`: what to call it), shown and checked against. */
  async readPrevFile(file, name = file.name) {
    const got = await this.contentOf(file);
    if (got.error) {
      this.q("#prev-source").textContent = got.error;
      return;
    }
    this.q("#prev").open = true;
    this.q("#prev-text").value = got.pages ? got.pages.join("") : got.grid ? got.grid.map((r) => r.join("\t")).join("\n") : got.text;
    return this.setPrev(got.pages ? { pages: got.pages } : got.grid ? { grid: got.grid } : got.text.trim() ? { text: got.text } : null, name);
  }

  /** No last year's report. */
  clearPrev() {
    this.q("#prev-text").value = "";
    return this.setPrev(null);
  }

  /** Last year's tables under this year's result, the cells the comparison read marked. */
  drawPrev() {
    const box = this.q("#prev-out");
    const p = this.prevResult;
    const r = this.result;
    box.hidden = !(p && r && r.prev && p.summary.cells_read > 0);
    if (box.hidden) return box.replaceChildren();
    const h = document.createElement("h3");
    h.textContent = this.t("prev-tables", { name: p.title ?? this.t("prev-h") });
    const tables = document.createElement("div");
    tables.className = "gouji-prev-tables";
    // the core's drawing of last year's result (escaped by construction), its tables alone
    tables.innerHTML = this.core.render(p, this.lang);
    for (const el of tables.querySelectorAll(".gouji-verdict, .gouji-meta, .gouji-findings")) el.remove();
    // its cells' ids are this year's: renamed, so that a finding's link finds this year's cell
    for (const el of this.qa("[id]", tables)) el.id = "gouji-prev-" + el.id;
    const read = new Set(r.findings.flatMap((f) => f.prev_cells ?? []));
    for (const id of read) tables.querySelector(`[id="gouji-prev-gouji-cell-${CSS.escape(id)}"]`)?.classList.add("gouji-prev-cell");
    box.replaceChildren(h, tables);
  }
}
