// The gouji page: paste a report, see what is wrong on the official tables, fix it in place.
// Everything runs here, in this tab: nothing is sent anywhere (see the page's CSP).
import SAMPLES from "./samples.js";

const $ = (sel, el = document) => el.querySelector(sel);
const $$ = (sel, el = document) => Array.from(el.querySelectorAll(sel));

const I18N = {
  zh: {
    title: "政府信息公开工作年度报告校验",
    privacy: "数据只在本浏览器中处理，不会上传",
    input: "输入", result: "检查结果", paste: "粘贴报告", form: "填写表格", samples: "示例",
    choose: "选择…", format: "格式", auto: "自动",
    placeholder: "在此粘贴年报全文或表格（支持网页、Word、WPS、Excel、PDF 复制的内容），或把 .txt / .html 文件拖到这里",
    "form-help": "在右侧表格中直接填写数字；可从 Excel 复制一行、一列或一块数字，粘贴到某一格，会像电子表格一样依次填入。",
    "form-format": "表格格式",
    "howto-h": "怎么用",
    "howto-1": "从网页、Word、WPS 或 PDF 复制年报全文（或其中的表格），粘贴到上面的框里。",
    "howto-2": "右侧立即显示检查结果：哪一格错了、应该是多少。",
    "howto-3": "点击错误的格子可以直接修改；点「复制更正后的表格」把表格粘回 Word、WPS 或网站后台。",
    copy: "复制更正后的表格", csv: "导出 CSV", json: "导出 JSON", print: "打印",
    empty: "粘贴年报后，这里会显示检查结果。也可以先看一个示例。",
    copied: "已复制表格（HTML 与制表符文本），可直接粘贴到 Word、WPS、Excel 或网站后台。",
    "edit-stale": "原文中这一格已经改变，无法直接修改；请在左侧原文中修改。",
    "edit-missing": "这一格没有从原文中读到，无法在此修改；请在左侧原文中补上，或使用「填写表格」。",
    "source-line": "原文第 {line} 行：",
    "source-grid": "粘贴的表格第 {row} 行第 {cell} 格",
    "html-read": "已按网页/Word 表格结构读取粘贴内容。",
    "file-read": "已读取文件 {name}。",
    "file-bad": "只能读取 .txt 或 .html 文件。",
    "no-wasm": "此浏览器无法运行校验程序（不支持 WebAssembly）。请切换到浏览器的极速模式，或使用 Chrome / Edge / Firefox 新版本。",
    checked: "检查时间",
  },
  en: {
    title: "Annual disclosure report checker",
    privacy: "Your data stays in this browser and is never uploaded",
    input: "Input", result: "Result", paste: "Paste report", form: "Fill in the form", samples: "Samples",
    choose: "Choose…", format: "Format", auto: "Auto",
    placeholder: "Paste a whole report or its tables here (copied from a web page, Word, WPS, Excel or a PDF), or drop a .txt / .html file",
    "form-help": "Type figures into the tables on the right; paste a row, a column or a block of figures from a spreadsheet into a cell and it fills the cells as a spreadsheet would.",
    "form-format": "Form",
    "howto-h": "How to use it",
    "howto-1": "Copy a report (or its tables) from a web page, Word, WPS or a PDF and paste it into the box above.",
    "howto-2": "The result appears at once: which cell is wrong, and what it should be.",
    "howto-3": "Click a wrong cell to correct it; “Copy corrected table” puts the tables on the clipboard for Word, WPS or your CMS.",
    copy: "Copy corrected table", csv: "Export CSV", json: "Export JSON", print: "Print",
    empty: "Paste a report and the result appears here. Or try a sample first.",
    copied: "Tables copied (HTML and tab-separated text): paste them into Word, WPS, Excel or your CMS.",
    "edit-stale": "This cell has changed in the text; correct it in the text on the left.",
    "edit-missing": "This cell was not read from the text, so it cannot be corrected here; add it in the text, or use the form.",
    "source-line": "Text line {line}: ",
    "source-grid": "Pasted table, row {row}, cell {cell}",
    "html-read": "The pasted tables were read with their structure (web page / Word).",
    "file-read": "Read the file {name}.",
    "file-bad": "Only .txt and .html files can be read.",
    "no-wasm": "This browser cannot run the checker (no WebAssembly). Switch to the browser's fast (Chromium) mode, or use a recent Chrome, Edge or Firefox.",
    checked: "Checked",
  },
};

let core = null;
let lang = "zh";
/** What is being checked: pasted text, pasted HTML (as a grid), or the form. */
let source = { kind: "text", text: "" };
let result = null;
let timer = 0;

const t = (key, vars = {}) => (I18N[lang][key] ?? I18N.zh[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");

function applyLang() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of $$("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of $$("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const b of $$("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  document.title = lang === "zh" ? "勾稽 · 政府信息公开工作年度报告校验" : "gouji · annual disclosure report checker";
}

function options() {
  const format = $("#format").value;
  return format === "auto" ? {} : { format };
}

function notice(text) {
  $("#notice").textContent = text || "";
}

/** Checks the current source and draws the result. */
function runCheck() {
  clearTimeout(timer);
  if (source.kind === "text" && !source.text.trim()) {
    result = null;
  } else if (source.kind === "text") {
    result = core.check(source.text, options());
  } else if (source.kind === "html") {
    result = core.checkGrid(source.grid, options());
    result.input = "html";
  } else {
    result = core.checkCells(source.cells, source.format);
  }
  draw();
}

function draw() {
  const out = $("#out");
  $("#howto").hidden = !!result;
  for (const id of ["#copy", "#csv", "#json", "#print"]) $(id).disabled = !result || result.summary.cells_read === 0;
  if (!result) {
    out.innerHTML = "";
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = t("empty");
    out.append(p);
    return;
  }
  // the core's HTML escapes everything it was given (render.rs builds it by construction)
  out.innerHTML = core.render(result, lang);
  for (const td of $$("td.gouji-cell", out)) {
    td.tabIndex = 0;
    const label = cellLabel(td);
    if (label) td.setAttribute("aria-label", label);
  }
  for (const li of $$("li.gouji-finding", out)) li.tabIndex = 0;
  $("#print-footer").textContent = `${result.title ?? ""} · ${t("checked")} ${new Date().toLocaleString(lang === "zh" ? "zh-CN" : "en")} · gouji ${result.version}`;
}

/** A cell's row and column headers, for screen readers. */
function cellLabel(td) {
  const tr = td.closest("tr");
  const row = tr ? $$("th[scope=row]", tr).map((th) => th.textContent).join(" ") : "";
  const value = td.querySelector(".gouji-v")?.textContent ?? "";
  return `${row} ${value}`.trim();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(runCheck, 150);
}

// ---- input ---------------------------------------------------------------------------------

function setText(text) {
  source = { kind: "text", text };
  $("#text").value = text;
  runCheck();
}

function onPaste(e) {
  const html = e.clipboardData?.getData("text/html") ?? "";
  if (!/<table[\s>]/i.test(html)) return; // plain text: the textarea takes it, input event checks
  e.preventDefault();
  const plain = e.clipboardData.getData("text/plain");
  const grid = core.htmlToGrid(html);
  source = { kind: "html", html, grid };
  $("#text").value = plain || grid.map((r) => r.join("\t")).join("\n");
  notice(t("html-read"));
  runCheck();
}

async function readFile(file) {
  if (!/\.(txt|html?)$/i.test(file.name)) {
    notice(t("file-bad"));
    return;
  }
  const text = await file.text();
  showPaste();
  if (/\.html?$/i.test(file.name)) {
    const grid = core.htmlToGrid(text);
    source = { kind: "html", html: text, grid };
    $("#text").value = grid.map((r) => r.join("\t")).join("\n");
    runCheck();
  } else {
    setText(text);
  }
  notice(t("file-read", { name: file.name }));
}

function showPaste() {
  $("#mode-paste").setAttribute("aria-pressed", "true");
  $("#mode-form").setAttribute("aria-pressed", "false");
  $("#paste-pane").hidden = false;
  $("#form-pane").hidden = true;
}

function showForm() {
  $("#mode-paste").setAttribute("aria-pressed", "false");
  $("#mode-form").setAttribute("aria-pressed", "true");
  $("#paste-pane").hidden = true;
  $("#form-pane").hidden = false;
  source = { kind: "form", format: $("#form-format").value, cells: {} };
  runCheck();
}

// ---- editing in place ----------------------------------------------------------------------

/** Writes `value` into cell `id` of the source. Returns false (and says why) if it cannot. */
function writeCell(id, value) {
  if (source.kind === "form") {
    source.cells[id] = value;
    return true;
  }
  const cell = result?.cells[id];
  if (!cell || !cell.at) {
    notice(t("edit-missing"));
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
    const next = core.setCellText(source.text, cell.at.line, cell.at.col, cell.raw, value);
    if (next === undefined) {
      notice(t("edit-stale"));
      return false;
    }
    source.text = next;
    $("#text").value = next;
    return true;
  }
  return false;
}

function commit(id, value) {
  if (writeCell(id, value.trim())) {
    runCheck();
    focusCell(id);
  }
}

function focusCell(id) {
  const td = document.getElementById(`gouji-cell-${id}`);
  if (!td) return;
  td.scrollIntoView({ block: "center", behavior: "instant" });
  td.focus({ preventScroll: true });
}

function startEdit(td) {
  if (td.querySelector("input")) return;
  const id = td.dataset.cell;
  const cell = result?.cells[id];
  const input = document.createElement("input");
  input.type = "text";
  input.inputMode = "numeric";
  input.className = "gouji-edit";
  input.value = cell ? cell.raw : source.kind === "form" ? source.cells[id] ?? "" : "";
  input.setAttribute("aria-label", cellLabel(td));
  td.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (save) => {
    if (done) return;
    done = true;
    if (save && input.value !== (cell ? cell.raw : "")) commit(id, input.value);
    else draw(), focusCell(id);
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); finish(true); }
    else if (e.key === "Escape") { e.preventDefault(); finish(false); }
  });
  input.addEventListener("blur", () => finish(true));
  input.addEventListener("paste", (e) => {
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    done = true;
    pasteBlock(td, text);
  });
}

/** A block of figures pasted into a cell fills the cells to its right and below, as a
 *  spreadsheet would (rows by table row, columns by value cell). */
function pasteBlock(td, text) {
  const rows = text.replace(/\r/g, "").replace(/\n$/, "").split("\n").map((r) => r.split("\t"));
  const tr = td.closest("tr");
  const body = tr.closest("table");
  const trs = $$("tr", body).filter((r) => r.querySelector("td.gouji-cell"));
  const r0 = trs.indexOf(tr);
  const c0 = $$("td.gouji-cell", tr).indexOf(td);
  const writes = [];
  rows.forEach((vals, i) => {
    const row = trs[r0 + i];
    if (!row) return;
    const cells = $$("td.gouji-cell", row);
    vals.forEach((v, j) => {
      const cell = cells[c0 + j];
      if (cell) writes.push([cell.dataset.cell, v.trim()]);
    });
  });
  // write in reverse so positions earlier on a line stay valid while later ones change
  for (const [id, v] of writes.reverse()) writeCell(id, v);
  runCheck();
  focusCell(td.dataset.cell);
}

function showSource(id) {
  const cell = result?.cells[id];
  const box = $("#source");
  box.textContent = "";
  if (!cell?.at) return;
  if ("line" in cell.at && source.kind === "text") {
    const lines = source.text.split("\n");
    const line = lines[cell.at.line - 1] ?? "";
    box.textContent = t("source-line", { line: cell.at.line }) + line.trim();
    // select the figure in the text: columns count characters; the textarea counts UTF-16
    let offset = 0;
    for (let i = 0; i < cell.at.line - 1; i++) offset += lines[i].length + 1;
    const chars = Array.from(line);
    const before = chars.slice(0, cell.at.col - 1).join("").length;
    const len = Array.from(cell.raw).join("").length;
    const ta = $("#text");
    ta.setSelectionRange(offset + before, offset + before + len);
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (cell.at.line - 4) * lineHeight);
  } else if ("row" in cell.at) {
    box.textContent = t("source-grid", { row: cell.at.row + 1, cell: cell.at.cell + 1 });
  }
}

// ---- output actions ------------------------------------------------------------------------

function copyTables() {
  const html = core.tablesHtml(result, lang);
  const tsv = core.tablesTsv(result);
  const onCopy = (e) => {
    e.clipboardData.setData("text/html", `<meta charset="utf-8">${html}`);
    e.clipboardData.setData("text/plain", tsv);
    e.preventDefault();
  };
  document.addEventListener("copy", onCopy, { once: true });
  document.execCommand("copy");
  document.removeEventListener("copy", onCopy);
  notice(t("copied"));
}

function download(name, type, text) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

function baseName() {
  return (result.title || "gouji").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
}

function csvField(v) {
  const s = v == null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function exportCsv() {
  const lines = [["类型 kind", "编号 id", "数值或级别 value/severity", "原文 raw", "位置 at", "说明 message", "建议 fix"]];
  for (const f of result.findings) {
    const fixes = f.suspects.map((s) => `${s.cell}=${s.fix}`).join("; ");
    lines.push(["问题 finding", f.rule, f.severity, f.cells.join(" "), atText(f.at), `${f.message} / ${f.message_en}`, fixes]);
  }
  for (const [id, c] of Object.entries(result.cells)) {
    lines.push(["单元格 cell", id, c.value ?? "", c.raw, atText(c.at), c.blank ? "空 blank" : "", ""]);
  }
  // a BOM so that Excel and WPS read the UTF-8 as such
  download(`${baseName()}.csv`, "text/csv;charset=utf-8", "\ufeff" + lines.map((l) => l.map(csvField).join(",")).join("\r\n") + "\r\n");
}

function atText(at) {
  if (!at) return "";
  return "line" in at ? `${at.line}:${at.col}` : `r${at.row + 1}c${at.cell + 1}`;
}

// ---- wiring --------------------------------------------------------------------------------

function wire() {
  const ta = $("#text");
  ta.addEventListener("paste", onPaste);
  ta.addEventListener("input", () => {
    source = { kind: "text", text: ta.value };
    notice("");
    schedule();
  });
  const input = $(".input");
  input.addEventListener("dragover", (e) => e.preventDefault());
  input.addEventListener("drop", (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) readFile(file);
  });
  for (const b of $$("[data-lang]")) {
    b.addEventListener("click", () => {
      lang = b.dataset.lang;
      applyLang();
      draw();
    });
  }
  $("#mode-paste").addEventListener("click", () => {
    showPaste();
    setText(ta.value);
  });
  $("#mode-form").addEventListener("click", showForm);
  $("#form-format").addEventListener("change", () => {
    if (source.kind === "form") {
      source.format = $("#form-format").value;
      runCheck();
    }
  });
  $("#format").addEventListener("change", runCheck);
  const samples = $("#samples");
  SAMPLES.forEach((s, i) => {
    const o = document.createElement("option");
    o.value = String(i);
    o.textContent = s.label;
    samples.append(o);
  });
  samples.addEventListener("change", () => {
    const s = SAMPLES[Number(samples.value)];
    if (!s) return;
    showPaste();
    setText(s.text);
    notice("");
  });
  const out = $("#out");
  out.addEventListener("click", (e) => {
    const fix = e.target.closest("a.gouji-fix");
    if (fix) {
      e.preventDefault();
      commit(fix.dataset.cell, fix.dataset.fix);
      return;
    }
    const go = e.target.closest("a.gouji-goto");
    if (go) {
      e.preventDefault();
      const id = go.getAttribute("href").slice("#gouji-cell-".length);
      focusCell(id);
      showSource(id);
      return;
    }
    const li = e.target.closest("li.gouji-finding");
    if (li) {
      const id = li.dataset.cell.slice("gouji-cell-".length);
      focusCell(id);
      showSource(id);
      return;
    }
    const td = e.target.closest("td.gouji-cell");
    if (td && !e.target.closest("input")) {
      showSource(td.dataset.cell);
      startEdit(td);
    }
  });
  out.addEventListener("keydown", (e) => {
    const li = e.target.closest?.("li.gouji-finding");
    if (li && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      const id = li.dataset.cell.slice("gouji-cell-".length);
      focusCell(id);
      showSource(id);
      return;
    }
    const td = e.target.closest?.("td.gouji-cell");
    if (td && e.target === td && (e.key === "Enter" || e.key === "F2")) {
      e.preventDefault();
      startEdit(td);
    }
  });
  $("#copy").addEventListener("click", copyTables);
  $("#json").addEventListener("click", () => download(`${baseName()}.json`, "application/json", JSON.stringify(result, null, 2)));
  $("#csv").addEventListener("click", exportCsv);
  $("#print").addEventListener("click", () => window.print());
}

/** Starts the page; `loadCore` gives the core's API (the served page imports gouji-core.js,
 *  the single-file build instantiates the embedded module itself). */
export async function start(loadCore) {
  const fail = () => {
    $("#boot").textContent = I18N.zh["no-wasm"] + " " + I18N.en["no-wasm"];
  };
  if (typeof WebAssembly !== "object") return fail();
  try {
    core = await loadCore();
  } catch (e) {
    console.error(e);
    return fail();
  }
  $("#boot").hidden = true;
  $(".panes").hidden = false;
  wire();
  applyLang();
  draw();
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  document.documentElement.dataset.ready = "true";
}
