// Input: typed or pasted text, pasted HTML (its tables keep their structure), dropped files, the
// form.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.
import { BIG } from "./template.js";
import { pageStarts } from "./checking.js";

export class Input {
  // ---- input ----------------------------------------------------------------------------

  setText(text) {
    this.source = { kind: "text", text };
    this.show(text);
    this.runCheck();
  }

  /** Shows the text in the paste area; a large one only in part, read-only, so the browser
   *  does not lay out megabytes of text (the whole text is kept and checked). */
  show(text) {
    const ta = this.q("#text");
    const big = text.length > BIG;
    ta.readOnly = big;
    ta.value = big ? text.slice(0, 4000) + "\n" + this.t("shown-part", { n: text.length.toLocaleString() }) : text;
    this.root.classList.toggle("gouji-big", big);
  }

  onPaste(e) {
    const html = e.clipboardData?.getData("text/html") ?? "";
    if (!/<table[\s>]/i.test(html)) {
      const plain = e.clipboardData?.getData("text/plain") ?? "";
      // a large paste is taken here, not laid out in the textarea; a small one the textarea takes
      if (plain.length > BIG || this.q("#text").readOnly) {
        e.preventDefault();
        this.notice(this.t("big-paste"));
        this.setText(plain);
      }
      return;
    }
    e.preventDefault();
    const plain = e.clipboardData.getData("text/plain");
    const grid = this.core.htmlToGrid(html);
    this.source = { kind: "html", html, grid };
    this.q("#text").value = plain || grid.map((r) => r.join("\t")).join("\n");
    this.notice(this.t("html-read"));
    this.runCheck();
  }

  /** A file's grid (a saved page's, a Word file's) as the source: shown as tab-separated
   *  rows, and checked. */
  setGrid(grid, { html = null, input } = {}) {
    this.source = input ? { kind: "html", html, grid, input } : { kind: "html", html, grid };
    this.show(grid.map((r) => r.join("\t")).join("\n"));
    this.runCheck();
  }

  /** A dropped or picked file, told by its bytes: text (UTF-8, UTF-16, GBK) and saved pages
   *  here; PDF and Word files by the file readers, loaded for the first such file. */
  async readFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = fileKind(bytes);
    if (kind === "text") {
      const text = decodeText(bytes);
      if (text === null) return this.notice(this.t("file-bad", { name: file.name }));
      this.showPaste();
      if (looksLikeHtml(text)) {
        this.setGrid(this.core.htmlToGrid(text), { html: text });
      } else {
        this.setText(text);
      }
      return this.notice(this.t("file-read", { name: file.name }));
    }
    if (!this.loadFiles) return this.notice(this.t("file-no-reader", { name: file.name }));
    this.notice(this.t("file-reading", { name: file.name }));
    let out;
    try {
      const readers = await this.loadFiles();
      out = readers.readFile(bytes);
    } catch (e) {
      console.error(e);
      return this.notice(this.t("file-failed", { name: file.name }));
    }
    if (out.error !== undefined) return this.notice(`${file.name}：${this.lang === "zh" ? out.error : out.error_en}`);
    this.showPaste();
    if (out.kind === "pdf") {
      const text = out.pages.join("");
      this.source = { kind: "text", text, input: "pdf", pageStarts: pageStarts(out.pages) };
      this.show(text);
      this.runCheck();
      this.notice(this.t("file-read-pdf", { name: file.name, n: out.pages.length }));
    } else if (out.grid) {
      this.setGrid(out.grid, { input: out.kind });
      this.notice(this.t(out.kind === "docx" ? "file-read-docx" : "file-read", { name: file.name, n: out.tables }));
    } else {
      this.setText(out.text ?? "");
      this.notice(this.t("file-read", { name: file.name }));
    }
  }

  showPaste() {
    this.q("#mode-paste").setAttribute("aria-pressed", "true");
    this.q("#mode-form").setAttribute("aria-pressed", "false");
    this.q("#paste-pane").hidden = false;
    this.q("#form-pane").hidden = true;
  }

  showForm() {
    this.q("#mode-paste").setAttribute("aria-pressed", "false");
    this.q("#mode-form").setAttribute("aria-pressed", "true");
    this.q("#paste-pane").hidden = true;
    this.q("#form-pane").hidden = false;
    this.source = { kind: "form", format: this.q("#form-format").value, cells: {} };
    this.runCheck();
  }

}

/** What a file's first bytes say it is: "pdf", "zip" (.docx), "ole" (an old .doc/.wps),
 *  "image", or "text" (anything else: decoded, or refused, as text). */
export function fileKind(b) {
  const starts = (...m) => m.every((x, i) => b[i] === x);
  const head = new TextDecoder("latin1").decode(b.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (starts(0x50, 0x4b)) return "zip";
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "ole";
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46)) return "image";
  return "text";
}

/** Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK; null for none of them. */
export function decodeText(b) {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  if (b.subarray(0, 4096).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(b);
    } catch {
      return null;
    }
  }
}

/** A saved page: a doctype or <html> first, or table markup near the start. */
export function looksLikeHtml(text) {
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4096).toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || (head.startsWith("<") && /<(table|body|meta)[\s>]/.test(head));
}
