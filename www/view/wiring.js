// The view's event handlers, each scoped to its root.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.

export class Wiring {
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
      const file = e.dataTransfer?.files?.[0];
      if (file) this.readFile(file);
    });
    // a file picker beside the drop: the same reading
    const picker = this.q("#file");
    this.q("#open-file").addEventListener("click", () => picker.click());
    picker.addEventListener("change", () => {
      const file = picker.files?.[0];
      if (file) this.readFile(file);
      picker.value = "";
    });
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
