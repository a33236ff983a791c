// <gouji-check>: gouji inside any page, in its own Shadow DOM (the host's CSS cannot reach it,
// its CSS cannot leak). One <script type="module" src=".../gouji-widget.js"> loads it.
//
//   attributes: lang (zh-CN | en), format (auto | F2019 | F2021), compact, source (the id of a
//               <textarea> or contenteditable element in the page, or of the element a rich-text
//               editor was created on, checked live as staff type),
//               prev-source (the id of an element holding last year's report, followed likewise)
//   properties: value (the text), result (docs/result.md object, or null), prev (last year's report
//               as text, or null: this year's is then checked against it — X-CARRY, X-PREV, …),
//               editor (a TinyMCE, UEditor, KindEditor, CKEditor 5 or wangEditor instance, or an
//               adapter of one shape for any other: editors.js; its HTML is followed, and a
//               one-click fix goes through the editor's own API, undoably)
//   method:     check(text) -> result; check() -> the result of what the followed source holds now
//   event:      gouji-result (bubbles, composed), detail = the result, after every check
//
// It mounts the same view as the page (ui.js): same features, same rendering.
import * as core from "./gouji-core.js";
import { GoujiView, TEMPLATE } from "./ui.js";
import "./view/editor.js";
import SAMPLES from "./samples.js";
import { adapt, editorOn, liveCell } from "./editors.js";
import CSS from "./gouji-css.js";

// one constructed stylesheet for every widget: applied at once (no unstyled flash), no request
let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

export class GoujiCheck extends HTMLElement {
  static observedAttributes = ["lang", "format", "compact", "source", "prev-source"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.view = null;
    this.pending = null;
    this.pendingPrev = null;
    this.unfollowPrev = null;
  }

  connectedCallback() {
    if (this.view) return;
    const root = this.shadowRoot;
    root.adoptedStyleSheets = [styles()];
    const box = document.createElement("div");
    box.className = "gouji panes";
    box.setAttribute("part", "view");
    box.innerHTML = TEMPLATE; // the view's own markup, a constant
    root.replaceChildren(box);
    this.view = new GoujiView(box, core, {
      lang: this.lang,
      format: this.getAttribute("format") ?? "auto",
      compact: this.hasAttribute("compact"),
      samples: SAMPLES,
      onResult: (result) => {
        this.dispatchEvent(new CustomEvent("gouji-result", { detail: result, bubbles: true, composed: true }));
      },
    });
    if (this.pendingEditor) {
      this.followEditor(this.pendingEditor);
      this.pendingEditor = null;
    } else {
      this.follow();
    }
    this.followPrev();
    if (this.pendingPrev !== null) {
      this.view.setPrevText(this.pendingPrev);
      this.pendingPrev = null;
    }
    if (this.pending !== null) {
      this.view.check(this.pending);
      this.pending = null;
    }
  }

  disconnectedCallback() {
    clearInterval(this.waiting);
    this.view?.follow(null);
    this.unfollowPrev?.();
  }

  attributeChangedCallback(name) {
    if (!this.view) return;
    if (name === "lang") this.view.setLang(this.lang);
    else if (name === "format") this.view.setFormat(this.getAttribute("format"));
    else if (name === "compact") this.view.setCompact(this.hasAttribute("compact"));
    else if (name === "source") this.follow();
    else if (name === "prev-source") this.followPrev();
  }

  /** "en" or "zh" from the lang attribute (zh-CN by default). */
  get lang() {
    return (this.getAttribute("lang") ?? "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh";
  }

  follow() {
    clearInterval(this.waiting);
    const id = this.getAttribute("source");
    const el = id ? this.ownerDocument.getElementById(id) : null;
    if (id && !el) console.warn(`gouji-check: no element with id "${id}" to follow`);
    const editor = editorOn(el);
    if (editor) return this.followEditor(editor);
    this.view.follow(el);
    // an editor the portal creates on the element later (editors start asynchronously)
    if (el && !el.isContentEditable) {
      let tries = 0;
      this.waiting = setInterval(() => {
        const later = editorOn(el);
        if (later) this.followEditor(later);
        if (later || ++tries > 80) clearInterval(this.waiting);
      }, 250);
    }
  }

  followEditor(instance) {
    clearInterval(this.waiting);
    const adapter = instance && adapt(instance);
    if (instance && !adapter) {
      throw new TypeError("gouji-check: not an editor gouji knows (TinyMCE, UEditor, KindEditor, CKEditor 5, wangEditor): give an adapter { html, onChange, root, write } (see EMBEDDING.md)");
    }
    this.adapter = adapter;
    this.view.followEditor(adapter, (html, at) => adapter && liveCell(core, adapter, html, at));
  }

  /** The rich-text editor followed (its adapter), or null. */
  get editor() {
    return this.adapter ?? null;
  }

  set editor(instance) {
    if (!this.view) {
      this.pendingEditor = instance;
      return;
    }
    this.followEditor(instance ?? null);
  }

  /** Follows the element `prev-source` names: its text is last year's report. */
  followPrev() {
    this.unfollowPrev?.();
    this.unfollowPrev = null;
    const id = this.getAttribute("prev-source");
    if (!id) return;
    const el = this.ownerDocument.getElementById(id);
    if (!el) return console.warn(`gouji-check: no element with id "${id}" for last year's report`);
    const read = () => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerText);
    const onInput = () => this.view.setPrevText(read());
    el.addEventListener("input", onInput);
    this.unfollowPrev = () => el.removeEventListener("input", onInput);
    onInput();
  }

  /** Last year's report (text), against which this year's is checked; null for none. */
  get prev() {
    return this.view ? this.view.prev?.text ?? null : this.pendingPrev;
  }

  set prev(text) {
    if (!this.view) this.pendingPrev = text == null ? null : String(text);
    else this.view.setPrevText(text);
  }

  /** The text being checked. */
  get value() {
    return this.view ? this.view.value : this.pending ?? "";
  }

  set value(text) {
    this.check(text);
  }

  /** The last result (docs/result.md), or null before any text. */
  get result() {
    return this.view?.result ?? null;
  }

  /** Checks `text`; returns the result (and fires gouji-result). With no argument, checks what
   *  the followed source (an editor, a textarea) holds now: a portal's gate before publishing. */
  check(text) {
    if (!this.view) {
      this.pending = String(text ?? "");
      return null;
    }
    if (text === undefined) {
      if (this.view.editor) this.view.readEditor();
      else if (this.view.sourceEl) this.view.follow(this.view.sourceEl);
      return this.view.result;
    }
    return this.view.check(text);
  }
}

if (!customElements.get("gouji-check")) customElements.define("gouji-check", GoujiCheck);
