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
    // a screenshot pasted: read as a picture file is
    const picture = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith("image/"));
    if (picture) {
      e.preventDefault();
      return this.readFile(picture);
    }
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
    const got = await this.contentOf(file, (text) => this.notice(text));
    if (got.error) return this.notice(got.error);
    if (got.pictures) {
      if (!this.loadPictures) return this.notice(this.t("file-no-reader", { name: file.name }));
      return (await this.loadPictures()).takePictures(this, got, file.name);
    }
    this.showPaste();
    if (got.pages) {
      const text = got.pages.join("");
      this.source = { kind: "text", text, input: "pdf", pageStarts: pageStarts(got.pages) };
      this.show(text);
      this.runCheck();
    } else if (got.grid) {
      this.setGrid(got.grid, got.input ? { input: got.input } : { html: got.html });
    } else {
      this.setText(got.text);
    }
    this.notice(got.said);
  }

  /** What a file holds: `{ text }`, `{ grid, html?, input? }` or `{ pages }`, with `said`
   *  (what was read, for the user), or `{ error }` saying why it cannot be read. */
  async contentOf(file, progress = () => {}) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = fileKind(bytes);
    const name = file.name;
    if (kind === "text") {
      const text = decodeText(bytes);
      if (text === null) return { error: this.t("file-bad", { name }) };
      const said = this.t("file-read", { name });
      return looksLikeHtml(text) ? { grid: this.core.htmlToGrid(text), html: text, said } : { text, said };
    }
    if (!this.loadFiles) return { error: this.t("file-no-reader", { name }) };
    progress(this.t("file-reading", { name }));
    let out;
    try {
      const readers = await this.loadFiles();
      out = readers.readFile(bytes);
    } catch (e) {
      console.error(e);
      return { error: this.t("file-failed", { name }) };
    }
    if (out.error !== undefined) return { error: `${name}：${this.lang === "zh" ? out.error : out.error_en}` };
    // a picture or a scan's pages, as stored: read by pictures.js (loaded with the first)
    if (out.pictures) return { pictures: out.pictures, scan: out.kind === "pdf" };
    if (out.kind === "pdf") return { pages: out.pages, said: this.t("file-read-pdf", { name, n: out.pages.length }) };
    if (out.grid) return { grid: out.grid, input: out.kind, said: this.t(out.kind === "docx" ? "file-read-docx" : "file-read", { name, n: out.tables }) };
    return { text: out.text ?? "", said: this.t("file-read", { name }) };
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
