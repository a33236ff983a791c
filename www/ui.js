// The gouji view: paste a report (or fill in the form), see what is wrong on the official
// tables, fix it in place. The page (app.js) and the <gouji-check> widget (gouji-widget.js)
// both mount this one view: no second implementation. Everything runs in this browser tab.
//
// The view is one class, GoujiView, written by concern in view/: its words (strings.js), its
// markup (template.js), checking and drawing (checking.js), input (input.js), editing in place
// (editing.js), output actions (exports.js) and event wiring (wiring.js).
import { I18N } from "./view/strings.js";
import { TEMPLATE, MAX_CHARS, BIG } from "./view/template.js";
import { Checking } from "./view/checking.js";
import { Input } from "./view/input.js";
import { Editing } from "./view/editing.js";
import { Exports } from "./view/exports.js";
import { Wiring } from "./view/wiring.js";
import { Prev } from "./view/prev.js";

export { I18N, TEMPLATE, MAX_CHARS };

/** The worker that checks large inputs: beside this file (and beside a bundle made of it). */
const WORKER_URL = new URL("./check-worker.js", import.meta.url);

export class GoujiView {
  /**
   * @param {Element} root  the element holding TEMPLATE
   * @param {object} core   the API of gouji-core.js
   * @param {object} opts   { lang, format, compact, samples, onResult(result), loadFiles() }:
   *                        `loadFiles` gives the file readers' API (gouji-files.js), loaded
   *                        when a PDF or Word file is dropped; without it only text is read
   */
  constructor(root, core, opts = {}) {
    this.root = root;
    this.workerUrl = opts.workerUrl ?? WORKER_URL;
    this.core = core;
    this.lang = opts.lang === "en" ? "en" : "zh";
    this.samples = opts.samples ?? [];
    /** (i) => Promise<text>, for samples given by their labels alone */
    this.loadSample = opts.loadSample;
    this.onResult = opts.onResult ?? (() => {});
    this.loadFiles = opts.loadFiles ?? null;
    /** gives the whole core (prev: last year's report); by default the view's own core */
    this.loadFull = opts.loadFull ?? (async () => this.core);
    this.prev = null;
    /** gives batch.js (many files at once), where the host offers it (the page) */
    this.loadBatch = opts.loadBatch ?? null;
    if (this.loadBatch) this.q("#open-folder").hidden = false;
    /** gives pictures.js (scans, screenshots: read, checked, their crops shown), where offered */
    this.loadPictures = opts.loadPictures ?? null;
    /** sessionStorage key under which the source survives a reload of the tab (the page's). */
    this.persistKey = opts.persist ?? null;
    /** What is being checked: pasted text, pasted HTML (as a grid), or the form. */
    this.source = { kind: "text", text: "" };
    this.result = null;
    this.timer = 0;
    /** A host's textarea or editor that the view follows (the widget's `source`). */
    this.sourceEl = null;
    this.setFormat(opts.format ?? "auto", { check: false });
    this.setCompact(!!opts.compact);
    this.wire();
    this.wirePrev();
    this.applyLang();
    this.draw();
    this.restore();
  }

  /** Brings back what the user pasted, typed or corrected before the tab was reloaded. */
  restore() {
    if (!this.persistKey) return;
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(this.persistKey) ?? "null");
    } catch {
      return;
    }
    if (!saved || typeof saved !== "object") return;
    if (["auto", "F2019", "F2021"].includes(saved.format)) this.q("#format").value = saved.format;
    const p = saved.prev;
    const strings = (a) => Array.isArray(a) && a.every((x) => typeof x === "string");
    const prev = typeof p?.text === "string" ? { text: p.text } : strings(p?.pages) ? { pages: p.pages } : Array.isArray(p?.grid) && p.grid.every(strings) ? { grid: p.grid } : null;
    if (prev) {
      this.q("#prev-text").value = prev.text ?? (prev.pages ? prev.pages.join("") : prev.grid.map((r) => r.join("\t")).join("\n"));
      this.q("#prev").open = true;
      this.setPrev(prev);
    }
    const src = saved.source;
    if (src?.kind === "text" && typeof src.text === "string") {
      this.setText(src.text);
    } else if (src?.kind === "html" && Array.isArray(src.grid)) {
      this.source = { kind: "html", html: "", grid: src.grid.map((r) => (Array.isArray(r) ? r.map(String) : [])) };
      this.q("#text").value = typeof saved.shown === "string" ? saved.shown : "";
      this.runCheck();
    } else if (src?.kind === "form" && src.cells && typeof src.cells === "object") {
      this.q("#form-format").value = src.format === "F2019" ? "F2019" : "F2021";
      this.showForm();
      this.source.cells = Object.fromEntries(Object.entries(src.cells).map(([k, v]) => [String(k), String(v)]));
      this.runCheck();
    }
  }

  /** Keeps the source in this tab's sessionStorage (never localStorage: gone with the tab). */
  persist() {
    if (!this.persistKey) return;
    // a picture's pages are not kept (megabytes of pixels): it is given again after a reload
    if (this.source.kind === "image" || (this.source.kind === "text" && this.source.text.length > BIG)) {
      sessionStorage.removeItem(this.persistKey);
      return;
    }
    const { kind } = this.source;
    const source = kind === "html" ? { kind, grid: this.source.grid } : this.source;
    // last year's report too, unless it is large
    const prev = this.prev && JSON.stringify(this.prev).length <= BIG ? this.prev : null;
    try {
      sessionStorage.setItem(this.persistKey, JSON.stringify({ source, format: this.q("#format").value, shown: this.q("#text").value, prev }));
    } catch {
      // over the storage quota (a huge paste): it is still here until the tab is reloaded
      this.notice(this.t("not-kept"));
    }
  }

  /** The batch's table (`"table"`), one of its reports (`"report"`), or no batch (`null`):
   *  what the view shows around it. */
  batchMode(mode) {
    const table = mode === "table";
    for (const s of ["#out", ".actions"]) this.q(s).hidden = table;
    if (table) this.q("#prev-out").hidden = true;
    mode ? (this.root.dataset.batch = mode) : delete this.root.dataset.batch;
  }

  /** The batch's elements, placed before the result. */
  placeBatch(...els) {
    this.q("#out").before(...els);
  }

  q(sel) {
    return this.root.querySelector(sel);
  }

  qa(sel, el = this.root) {
    return Array.from(el.querySelectorAll(sel));
  }

  t(key, vars = {}) {
    return (I18N[this.lang][key] ?? I18N.zh[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");
  }

  // ---- public --------------------------------------------------------------------------

  /** Checks `text` as if pasted. */
  check(text) {
    this.setText(String(text ?? ""));
    return this.result;
  }

  get value() {
    return this.source.kind === "text" ? this.source.text : this.q("#text").value;
  }

  setLang(lang) {
    this.lang = lang === "en" ? "en" : "zh";
    this.applyLang();
    this.draw();
  }

  /** Sets the format option by any name the core reads (`auto`, `F2019`, `F2021`, …); an
   *  unknown name is said plainly (and nothing is checked under a guessed format). Returns
   *  whether the name was taken. */
  setFormat(format, { check = true } = {}) {
    let name;
    try {
      name = this.core.formatName(String(format ?? "auto"));
    } catch (e) {
      this.notice(String(e?.message ?? e));
      return false;
    }
    this.q("#format").value = name;
    if (check) this.runCheck();
    return true;
  }

  setCompact(compact) {
    this.root.classList.toggle("gouji-compact", compact);
  }

  /** Follows a host's <textarea> or contenteditable editor: checks its content as it changes. */
  follow(el) {
    if (this.unfollow) this.unfollow();
    this.editor = null;
    this.sourceEl = el;
    this.root.classList.toggle("gouji-following", !!el);
    if (!el) return;
    const read = () => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerText);
    const onInput = () => {
      this.source = { kind: "text", text: read() };
      this.schedule();
    };
    el.addEventListener("input", onInput);
    this.unfollow = () => el.removeEventListener("input", onInput);
    this.source = { kind: "text", text: read() };
    this.runCheck();
  }

}

// the view's parts, one class: their methods go onto GoujiView as if written in it
for (const part of [Checking, Input, Editing, Exports, Wiring, Prev]) {
  for (const name of Object.getOwnPropertyNames(part.prototype)) {
    if (name !== "constructor") Object.defineProperty(GoujiView.prototype, name, Object.getOwnPropertyDescriptor(part.prototype, name));
  }
}
