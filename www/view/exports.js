// Output actions: the corrected tables copied (HTML and tab-separated), JSON and CSV saved.
// Methods of GoujiView (ui.js), mixed into it there: `this` is the view.

export class Exports {
  // ---- output actions -------------------------------------------------------------------

  copyTables() {
    const html = this.core.tablesHtml(this.result, this.lang);
    const tsv = this.core.tablesTsv(this.result);
    const onCopy = (e) => {
      e.clipboardData.setData("text/html", `<meta charset="utf-8">${html}`);
      e.clipboardData.setData("text/plain", tsv);
      e.preventDefault();
    };
    document.addEventListener("copy", onCopy, { once: true });
    document.execCommand("copy");
    document.removeEventListener("copy", onCopy);
    this.notice(this.t("copied"));
  }

  /** Saves `body` — a text, or Blob parts (texts and Blobs) — as the file `name`. */
  download(name, type, body) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob(Array.isArray(body) ? body : [body], { type }));
    a.download = name;
    a.hidden = true;
    this.root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  }

  baseName() {
    return (this.result.title || "gouji").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  }

  exportCsv() {
    const field = (v) => {
      const s = v == null ? "" : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const at = (a) => (!a ? "" : "page" in a ? `p${a.page}:${a.line}:${a.col}` : "line" in a ? `${a.line}:${a.col}` : `r${a.row + 1}c${a.cell + 1}`);
    const lines = [["类型 kind", "编号 id", "数值或级别 value/severity", "原文 raw", "位置 at", "说明 message", "建议 fix"]];
    for (const f of this.result.findings) {
      const fixes = f.suspects.map((s) => `${s.cell}=${s.fix}`).join("; ");
      lines.push(["问题 finding", f.rule, f.severity, f.cells.join(" "), at(f.at), `${f.message} / ${f.message_en}`, fixes]);
    }
    for (const [id, c] of Object.entries(this.result.cells)) {
      lines.push(["单元格 cell", id, c.value ?? "", c.raw, at(c.at), c.blank ? "空 blank" : "", ""]);
    }
    // a BOM so that Excel and WPS read the UTF-8 as such
    const csv = "\ufeff" + lines.map((l) => l.map(field).join(",")).join("\r\n") + "\r\n";
    this.download(`${this.baseName()}.csv`, "text/csv;charset=utf-8", csv);
  }

}
