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

  /** What a file holds (content.js's reading), with `said` (what was read, for the user), or
   *  `{ error }` saying why it cannot be read. */
  async contentOf(file, progress = () => {}) {
    const name = file.name;
    let got;
    try {
      // the reading of a file: a module of its own (the page's first load checks typed and
      // pasted text), loaded with the first file
      const { readContent } = await import("../content.js");
      got = await readContent(new Uint8Array(await file.arrayBuffer()), {
        readers: () => {
          if (!this.loadFiles) throw this.t("file-no-reader", { name });
          progress(this.t("file-reading", { name }));
          return this.loadFiles();
        },
        htmlToGrid: (html) => this.core.htmlToGrid(html),
      });
    } catch (e) {
      console.error(e);
      return { error: typeof e === "string" ? e : this.t("file-failed", { name }) };
    }
    if (got.notText) return { error: this.t("file-bad", { name }) };
    if (got.error !== undefined) return { error: `${name}：${this.lang === "zh" ? got.error : got.error_en}` };
    got.said = this.t(got.pages ? "file-read-pdf" : got.kind === "docx" ? "file-read-docx" : "file-read", { name, n: got.pages?.length ?? got.tables });
    return got;
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
