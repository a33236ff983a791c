// Input: typed or pasted text, pasted HTML (its tables keep their structure), dropped files, the
// form.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.
import { BIG } from "./template.js";

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

  async readFile(file) {
    if (!/\.(txt|html?)$/i.test(file.name)) {
      this.notice(this.t("file-bad"));
      return;
    }
    const text = await file.text();
    this.showPaste();
    if (/\.html?$/i.test(file.name)) {
      const grid = this.core.htmlToGrid(text);
      this.source = { kind: "html", html: text, grid };
      this.q("#text").value = grid.map((r) => r.join("\t")).join("\n");
      this.runCheck();
    } else {
      this.setText(text);
    }
    this.notice(this.t("file-read", { name: file.name }));
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
