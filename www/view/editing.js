// Editing in place: a cell corrected in the tables is written back where it was read.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.
import { textLine } from "./checking.js";

export class Editing {
  // ---- editing in place -----------------------------------------------------------------

  /** Writes `value` into cell `id` of the source. Returns false (and says why) if it cannot. */
  writeCell(id, value) {
    const { source } = this;
    if (source.kind === "form") {
      source.cells[id] = value;
      return true;
    }
    // a figure read from a picture, confirmed or corrected (pictures.js)
    if (source.kind === "image") return this.writeSeen(id, value);
    const cell = this.result?.cells[id];
    if (!cell || !cell.at) {
      this.notice(this.t("edit-missing"));
      return false;
    }
    if (source.kind === "html" && "row" in cell.at) {
      const row = source.grid[cell.at.row];
      if (!row) return false;
      while (row.length <= cell.at.cell) row.push("");
      row[cell.at.cell] = value;
      return true;
    }
    if (source.kind === "text" && "line" in cell.at) {
      const next = this.core.setCellText(source.text, textLine(source, cell.at), cell.at.col, cell.raw, value);
      if (next === undefined) {
        this.notice(this.t("edit-stale"));
        return false;
      }
      source.text = next;
      this.show(next);
      // a followed textarea takes the correction too (an editor with markup does not)
      if (this.sourceEl && "value" in this.sourceEl) this.sourceEl.value = next;
      return true;
    }
    return false;
  }

  commit(id, value) {
    if (this.writeCell(id, value.trim())) {
      this.runCheck();
      this.focusCell(id);
    }
  }

  /** Several fixes of one cause at once ([[id, value], …]), then one check. Written from the
   *  last cell in the source to the first, so no write moves a cell still to be written. */
  commitAll(fixes) {
    const at = ([id]) => Object.values(this.result?.cells[id]?.at ?? {});
    const later = (a, b) => {
      const [x, y] = [at(a), at(b)];
      const i = x.findIndex((v, k) => v !== y[k]);
      return i < 0 ? 0 : y[i] - x[i];
    };
    let wrote = false;
    for (const [id, value] of [...fixes].sort(later)) wrote = this.writeCell(id, value.trim()) || wrote;
    if (wrote) {
      this.runCheck();
      this.focusCell(fixes[0][0]);
    }
  }

  focusCell(id) {
    const td = this.cell(id);
    if (!td) return;
    td.scrollIntoView({ block: "center", behavior: "instant" });
    td.focus({ preventScroll: true });
  }

  startEdit(td) {
    if (td.querySelector("input")) return;
    const id = td.dataset.cell;
    const cell = this.result?.cells[id];
    const input = document.createElement("input");
    input.type = "text";
    input.inputMode = "numeric";
    input.className = "gouji-edit";
    input.value = cell ? cell.raw : this.source.kind === "form" ? this.source.cells[id] ?? "" : "";
    input.setAttribute("aria-label", this.cellLabel(td));
    td.replaceChildren(input);
    input.focus();
    input.select();
    let done = false;
    const finish = (save) => {
      if (done) return;
      done = true;
      if (save && input.value !== (cell ? cell.raw : "")) this.commit(id, input.value);
      else {
        this.draw();
        this.focusCell(id);
      }
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        finish(true);
      } else if (e.key === "Escape") {
        e.preventDefault();
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
    input.addEventListener("paste", (e) => {
      const text = e.clipboardData?.getData("text/plain") ?? "";
      if (!/[\t\n]/.test(text.trim())) return;
      e.preventDefault();
      done = true;
      this.pasteBlock(td, text);
    });
  }

  /** A block of figures pasted into a cell fills the cells to its right and below, as a
   *  spreadsheet would (rows by table row, columns by value cell). */
  pasteBlock(td, text) {
    const rows = text.replace(/\r/g, "").replace(/\n$/, "").split("\n").map((r) => r.split("\t"));
    const tr = td.closest("tr");
    const table = tr.closest("table");
    const trs = this.qa("tr", table).filter((r) => r.querySelector("td.gouji-cell"));
    const r0 = trs.indexOf(tr);
    const c0 = this.qa("td.gouji-cell", tr).indexOf(td);
    const writes = [];
    rows.forEach((vals, i) => {
      const row = trs[r0 + i];
      if (!row) return;
      const cells = this.qa("td.gouji-cell", row);
      vals.forEach((v, j) => {
        const cell = cells[c0 + j];
        if (cell) writes.push([cell.dataset.cell, v.trim()]);
      });
    });
    // write in reverse so positions earlier on a line stay valid while later ones change
    for (const [id, v] of writes.reverse()) this.writeCell(id, v);
    this.runCheck();
    this.focusCell(td.dataset.cell);
  }

  showSource(id) {
    const cell = this.result?.cells[id];
    const box = this.q("#source");
    box.textContent = "";
    if (!cell?.at) return;
    if ("line" in cell.at && this.source.kind === "text") {
      const lines = this.source.text.split("\n");
      const n = textLine(this.source, cell.at);
      const line = lines[n - 1] ?? "";
      const where = "page" in cell.at ? this.t("source-page", { page: cell.at.page, line: cell.at.line }) : this.t("source-line", { line: n });
      box.textContent = where + line.trim();
      // select the figure in the text: columns count characters; the textarea counts UTF-16
      let offset = 0;
      for (let i = 0; i < n - 1; i++) offset += lines[i].length + 1;
      const before = Array.from(line).slice(0, cell.at.col - 1).join("").length;
      const ta = this.q("#text");
      ta.setSelectionRange(offset + before, offset + before + cell.raw.length);
      const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
      ta.scrollTop = Math.max(0, (n - 4) * lineHeight);
    } else if ("row" in cell.at) {
      box.textContent = this.t("source-grid", { row: cell.at.row + 1, cell: cell.at.cell + 1 });
    }
  }

}
