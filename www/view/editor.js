// The view following a rich-text editor (the widget's and the iframe's, issue 23): methods put
// onto GoujiView when the widget or the embed imports this (the page has no editor, and does
// not load it). Following an editor, a fix is written through the editor's own API at the cell
// of its content the figure was read from, and a fix that cannot be placed is not offered.
import { GoujiView } from "../ui.js";

const base = { writeCell: GoujiView.prototype.writeCell, draw: GoujiView.prototype.draw };

class Editor {
  /** Follows a rich-text editor through its adapter (editors.js): its HTML is read as a pasted
   *  table is, once its changes settle; a fix is written into the editor's own content through
   *  the adapter, at the cell `locate(html, at)` finds there. */
  followEditor(adapter, locate) {
    if (this.unfollow) this.unfollow();
    this.sourceEl = null;
    this.editor = adapter ? { adapter, locate } : null;
    this.root.classList.toggle("gouji-following", !!adapter);
    if (!adapter) return;
    let timer;
    // no check per keystroke on a long report: once the editor has been quiet a moment
    const off = adapter.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => this.readEditor(), 300);
    });
    this.unfollow = () => {
      clearTimeout(timer);
      off?.();
    };
    this.readEditor();
  }

  /** Checks what the followed editor holds now. */
  readEditor() {
    const html = this.editor.adapter.html();
    this.source = { kind: "html", html, grid: this.core.htmlToGrid(html) };
    this.runCheck();
  }

  writeCell(id, value) {
    const { source } = this;
    if (this.editor) {
      // through the editor's own API, at the cell of its content the figure was read from
      const cell = this.result?.cells[id];
      const td = cell && this.editor.locate(source.html, cell.at);
      if (!td || !this.editor.adapter.write(td, value, id)) {
        this.notice(this.t("edit-missing"));
        return false;
      }
      this.readEditor();
      return false; // checked already, with what the editor now holds
    }
    return base.writeCell.call(this, id, value);
  }

  draw() {
    base.draw.call(this);
    const out = this.q("#out");
    const result = this.result;
    if (!result) return;
    // following an editor: a fix offered as one click only where its cell can be written back
    if (this.editor) {
      for (const a of this.qa("a.gouji-fix, button.gouji-fix-all", out)) {
        const ids = a.dataset.fixes ? a.dataset.fixes.split(";").map((f) => f.split("=")[0]) : [a.dataset.cell];
        if (ids.every((id) => this.editor.locate(this.source.html, result.cells[id]?.at))) continue;
        const plain = document.createElement("span");
        plain.textContent = a.tagName === "BUTTON" ? "" : a.textContent;
        a.replaceWith(plain);
      }
    }
  }
}

for (const name of Object.getOwnPropertyNames(Editor.prototype)) {
  if (name !== "constructor") Object.defineProperty(GoujiView.prototype, name, Object.getOwnPropertyDescriptor(Editor.prototype, name));
}
