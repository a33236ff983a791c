// Checking and drawing: the core on this thread or, for a large input, in a Web Worker; the
// result drawn into the view.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.
import { BIG, MAX_CHARS } from "./template.js";

export class Checking {
  // ---- checking and drawing -------------------------------------------------------------

  options() {
    const format = this.q("#format").value;
    const o = format === "auto" ? {} : { format };
    // last year's report, once the whole core that compares with it is loaded (prev.js)
    if (this.prev && this.full) o.prev = this.prev;
    return o;
  }

  notice(text) {
    this.q("#notice").textContent = text || "";
  }

  runCheck() {
    clearTimeout(this.timer);
    const { source } = this;
    const core = this.checker();
    const size = source.kind === "text" ? source.text.length : source.kind === "html" ? source.grid.reduce((n, r) => n + r.join("\t").length + 1, 0) : 0;
    if (size > MAX_CHARS) {
      this.result = null;
      this.draw();
      this.notice(this.t("too-big", { n: (size / 1e6).toFixed(1), max: MAX_CHARS / 1e6 }));
      return;
    }
    if (size > BIG && this.checkInWorker()) return;
    if (source.kind === "text" && !source.text.trim()) {
      this.result = null;
    } else if (source.kind === "text" && source.pageStarts) {
      this.result = core.checkPdf(pagesOf(source), this.options());
    } else if (source.kind === "text") {
      this.result = core.check(source.text, this.options());
    } else if (source.kind === "html") {
      this.result = core.checkGrid(source.grid, this.options());
    } else if (source.kind === "image") {
      // pictures.js: the picture's readings, checked by the whole core
      this.result = this.checkImage();
    } else if (core.checkCells) {
      this.result = core.checkCells(source.cells, source.format);
    } else {
      return this.useFull();
    }
    // figures run together: the first-load core says so (input "glued"); the whole one splits them
    if (this.result?.input === "glued" && !this.full) this.useFull();
    this.markInput();
    this.root.dataset.checkedIn = "page";
    this.draw();
    this.persist();
    this.onResult(this.result);
  }

  /** The result's `input` says what the user gave: a pasted or saved page ("html"), a file
   *  read by the file readers ("pdf", "docx"). */
  markInput() {
    if (!this.result) return;
    if (this.source.input) this.result.input = this.source.input;
    else if (this.source.kind === "html") this.result.input = "html";
  }

  schedule() {
    clearTimeout(this.timer);
    const big = this.source.kind === "text" && this.source.text.length > BIG;
    this.timer = setTimeout(() => this.runCheck(), big ? 500 : 150);
  }

  /** Checks the source in a module worker; false where workers are not to be had (file://,
   *  or a worker that failed to start: then the check runs here). */
  checkInWorker() {
    if (this.noWorker || location.protocol === "file:" || typeof Worker !== "function") return false;
    if (!this.worker) {
      try {
        this.worker = new Worker(this.workerUrl, { type: "module" });
      } catch {
        this.noWorker = true;
        return false;
      }
      this.workerReady = false;
      this.worker.onmessage = (e) => {
        if (e.data?.ready) {
          this.workerReady = true;
          if (this.queued) this.worker.postMessage(this.queued);
          this.queued = null;
        } else {
          this.onWorker(e.data);
        }
      };
      this.worker.onerror = (e) => {
        e.preventDefault?.();
        if (!this.workerReady) {
          // it never started: check here from now on
          this.noWorker = true;
          this.worker = null;
          this.queued = null;
          this.runCheck();
        } else {
          this.onWorker({ id: this.pendingId, error: String(e.message ?? "worker") });
        }
      };
    }
    const { source } = this;
    this.pendingId = (this.pendingId ?? 0) + 1;
    const msg = source.kind === "html"
      ? { id: this.pendingId, kind: "grid", grid: source.grid, options: this.options() }
      : source.pageStarts
        ? { id: this.pendingId, kind: "pdf", pages: pagesOf(source), options: this.options() }
        : { id: this.pendingId, kind: "text", text: source.text, options: this.options() };
    this.notice(this.t("checking"));
    this.root.setAttribute("aria-busy", "true");
    if (this.workerReady) this.worker.postMessage(msg);
    else this.queued = msg;
    return true;
  }

  onWorker({ id, result, error }) {
    if (id !== this.pendingId) return; // an older request: a newer one is under way
    this.root.removeAttribute("aria-busy");
    if (error !== undefined) {
      // the worker's WebAssembly instance may be broken: drop it, the next check starts afresh
      this.worker?.terminate();
      this.worker = null;
      this.result = null;
      this.draw();
      this.notice(this.t("recovered"));
      return;
    }
    this.result = result;
    this.markInput();
    this.root.dataset.checkedIn = "worker";
    this.notice("");
    this.draw();
    this.persist();
    this.onResult(this.result);
  }

  applyLang() {
    for (const el of this.qa("[data-i18n]")) el.textContent = this.t(el.dataset.i18n);
    for (const el of this.qa("[data-i18n-placeholder]")) el.placeholder = this.t(el.dataset.i18nPlaceholder);
    this.q("#text").setAttribute("aria-label", this.t("text-label"));
  }

  draw() {
    const out = this.q("#out");
    const result = this.result;
    // a counter of drawings, for tests and hosts that wait for a check to finish
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn ?? 0) + 1);
    this.q("#howto").hidden = !!result;
    for (const id of ["#copy", "#csv", "#json", "#print"]) this.q(id).disabled = !result || result.summary.cells_read === 0;
    this.drawPrev();
    if (!result) {
      out.replaceChildren();
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = this.t("empty");
      out.append(p);
      return;
    }
    // the core's HTML escapes everything it was given (render.rs builds it by construction)
    out.innerHTML = this.core.render(result, this.lang);
    for (const td of this.qa("td.gouji-cell", out)) {
      td.tabIndex = 0;
      const label = this.cellLabel(td);
      if (label) td.setAttribute("aria-label", label);
    }
    for (const li of this.qa("li.gouji-finding", out)) li.tabIndex = 0;
    // a picture's cells: their crops and marks (pictures.js)
    this.decorate?.(out);
    this.q("#print-footer").textContent = `${result.title ?? ""} · ${this.t("checked")} ${new Date().toLocaleString(this.lang === "zh" ? "zh-CN" : "en")} · gouji ${result.version}`;
  }

  /** A cell's row headers and value, for screen readers. */
  cellLabel(td) {
    const tr = td.closest("tr");
    const row = tr ? this.qa("th[scope=row]", tr).map((th) => th.textContent).join(" ") : "";
    const value = td.querySelector(".gouji-v")?.textContent ?? "";
    return `${row} ${value}`.trim();
  }

  cell(id) {
    return this.q(`[id="gouji-cell-${CSS.escape(id)}"]`);
  }

}

/** A PDF's text as its pages again (a correction keeps every line where it was). */
export function pagesOf(source) {
  const lines = source.text.split("\n");
  const starts = source.pageStarts;
  return starts.map((start, i) => lines.slice(start - 1, (starts[i + 1] ?? lines.length + 1) - 1).join("\n") + "\n");
}

/** Where the PDF's pages begin in their text, one after another (1-based line numbers). */
export function pageStarts(pages) {
  const starts = [];
  let line = 1;
  for (const p of pages) {
    starts.push(line);
    line += p.split("\n").length - 1;
  }
  return starts;
}

/** The line of the text a position points to: a PDF position counts lines on its page. */
export function textLine(source, at) {
  return "page" in at && source.pageStarts ? source.pageStarts[at.page - 1] + at.line - 1 : at.line;
}
