// The view's event handlers, each scoped to its root.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.

export class Wiring {
  /** One file is read into the view; several (or a folder's) are a batch, where the host
   *  offers one (the page: batch.js, imported then). */
  async takeFiles(files, paths = files.map((f) => f.webkitRelativePath || f.name)) {
    if (!files.length) return;
    if (files.length === 1 || !this.loadBatch) return this.readFile(files[0]);
    const { startBatch } = await this.loadBatch();
    startBatch(this, files, paths);
  }

  // ---- wiring ---------------------------------------------------------------------------

  wire() {
    const ta = this.q("#text");
    ta.addEventListener("paste", (e) => this.onPaste(e));
    ta.addEventListener("input", () => {
      this.source = { kind: "text", text: ta.value };
      this.notice("");
      this.schedule();
    });
    const input = this.q(".input");
    input.addEventListener("dragover", (e) => e.preventDefault());
    input.addEventListener("drop", (e) => {
      e.preventDefault();
      // folders are read from their entries, which last only as long as the event
      const entries = Array.from(e.dataTransfer?.items ?? [], (i) => i.webkitGetAsEntry?.()).filter(Boolean);
      if (this.loadBatch && entries.some((x) => x.isDirectory)) filesOf(entries).then(([files, paths]) => this.takeFiles(files, paths));
      else this.takeFiles(Array.from(e.dataTransfer?.files ?? []));
    });
    // file pickers beside the drop: the same reading; several files or a folder are a batch
    for (const [button, id] of [["#open-file", "#file"], ["#open-folder", "#folder"]]) {
      const picker = this.q(id);
      this.q(button).addEventListener("click", () => picker.click());
      picker.addEventListener("change", () => {
        const files = Array.from(picker.files ?? []).filter((f) => !hidden(f.webkitRelativePath || f.name));
        files.sort((a, b) => cmp(a.webkitRelativePath || a.name, b.webkitRelativePath || b.name));
        this.takeFiles(files);
        picker.value = "";
      });
    }
    this.q("#mode-paste").addEventListener("click", () => {
      this.showPaste();
      this.setText(ta.value);
    });
    this.q("#mode-form").addEventListener("click", () => this.showForm());
    this.q("#form-format").addEventListener("change", () => {
      if (this.source.kind === "form") {
        this.source.format = this.q("#form-format").value;
        this.runCheck();
      }
    });
    this.q("#format").addEventListener("change", () => this.runCheck());
    const samples = this.q("#samples");
    this.samples.forEach((s, i) => {
      const o = document.createElement("option");
      o.value = String(i);
      o.textContent = s.label;
      samples.append(o);
    });
    samples.addEventListener("change", async () => {
      const i = Number(samples.value);
      const s = this.samples[i];
      if (!s) return;
      const text = s.text ?? (await this.loadSample(i));
      this.showPaste();
      this.setText(text);
      this.notice("");
    });
    const out = this.q("#out");
    const goTo = (id) => {
      this.focusCell(id);
      this.showSource(id);
    };
    out.addEventListener("click", (e) => {
      const fix = e.target.closest("a.gouji-fix");
      if (fix) {
        e.preventDefault();
        this.commit(fix.dataset.cell, fix.dataset.fix);
        return;
      }
      const all = e.target.closest("button.gouji-fix-all");
      if (all) {
        this.commitAll(all.dataset.fixes.split(";").map((p) => p.split("=")));
        return;
      }
      const go = e.target.closest("a.gouji-goto");
      if (go) {
        e.preventDefault();
        goTo(go.getAttribute("href").slice("#gouji-cell-".length));
        return;
      }
      const li = e.target.closest("li.gouji-finding");
      if (li) {
        goTo(li.dataset.cell.slice("gouji-cell-".length));
        return;
      }
      const td = e.target.closest("td.gouji-cell");
      if (td && !e.target.closest("input")) {
        this.showSource(td.dataset.cell);
        this.startEdit(td);
      }
    });
    out.addEventListener("keydown", (e) => {
      const li = e.target.closest?.("li.gouji-finding");
      if (li && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        goTo(li.dataset.cell.slice("gouji-cell-".length));
        return;
      }
      const td = e.target.closest?.("td.gouji-cell");
      if (td && e.target === td && (e.key === "Enter" || e.key === "F2")) {
        e.preventDefault();
        this.startEdit(td);
      }
    });
    this.q("#copy").addEventListener("click", () => this.copyTables());
    this.q("#json").addEventListener("click", () =>
      this.download(`${this.baseName()}.json`, "application/json", JSON.stringify(this.result, null, 2)),
    );
    this.q("#csv").addEventListener("click", () => this.exportCsv());
    this.q("#print").addEventListener("click", () => window.print());
  }

}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** A hidden file or folder (「.git」, 「.DS_Store」) anywhere in a path: left out, as the CLI does. */
const hidden = (path) => path.split("/").some((p) => p.startsWith("."));

/** The files under dropped entries (folders walked), in the order of their paths: [files, paths]. */
async function filesOf(entries) {
  const out = [];
  const walk = async (entry) => {
    if (hidden(entry.name)) return;
    if (entry.isFile) {
      out.push([entry.fullPath, await new Promise((resolve, reject) => entry.file(resolve, reject))]);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      // readEntries gives a hundred at a time, until an empty batch
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) await walk(e);
  out.sort((a, b) => cmp(a[0], b[0]));
  return [out.map((x) => x[1]), out.map((x) => x[0].replace(/^\//, ""))];
}
