// The gouji view: paste a report (or fill in the form), see what is wrong on the official
// tables, fix it in place. The page (app.js) and the <gouji-check> widget (gouji-widget.js)
// both mount this one view: no second implementation. Everything runs in this browser tab.

export const I18N = {
  zh: {
    title: "政府信息公开工作年度报告校验",
    privacy: "数据只在此浏览器标签页中处理，不会上传；关闭标签页即清除",
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
    "text-label": "年报文本",
    "no-wasm": "此浏览器无法运行校验程序（不支持 WebAssembly）。请切换到浏览器的极速模式，或使用 Chrome / Edge / Firefox 新版本。",
    checked: "检查时间",
    "not-kept": "内容太大，刷新页面后将无法恢复（仍可在本页继续使用）。",
    "too-big": "内容有 {n} 百万字符，超过 {max} 百万字符的上限，未检查。请只粘贴年报本身。",
    checking: "内容较大，正在检查……",
    "shown-part": "……（共 {n} 个字符，这里只显示开头；全部内容都在检查）",
    "big-paste": "粘贴的内容较大：左侧只显示开头，全部内容都在检查。要修改，请在原文件中修改后重新粘贴，或点表格中的格子直接更正。",
    recovered: "检查时出错，校验程序已重新启动；您的内容都还在。请再试一次，或只粘贴年报的表格。",
  },
  en: {
    title: "Annual disclosure report checker",
    privacy: "Your data stays in this browser tab, is never uploaded, and is gone when you close the tab",
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
    "text-label": "Report text",
    "no-wasm": "This browser cannot run the checker (no WebAssembly). Switch to the browser's fast (Chromium) mode, or use a recent Chrome, Edge or Firefox.",
    checked: "Checked",
    "not-kept": "Too large to keep if the tab is reloaded (you can go on using it here).",
    "too-big": "The input has {n} million characters, over the limit of {max} million: not checked. Paste the report alone.",
    checking: "A large input: checking…",
    "shown-part": "… ({n} characters in all; only the beginning is shown here, all of it is checked)",
    "big-paste": "A large paste: only its beginning is shown on the left, all of it is checked. Correct cells in the tables, or edit the original and paste again.",
    recovered: "Checking failed; the checker was restarted and your text is all still here. Try again, or paste the report's tables alone.",
  },
};

/** The view's markup (inside the page's <main>, or the widget's shadow root). */
export const TEMPLATE = `
  <section class="input" aria-labelledby="input-h">
    <h2 id="input-h" class="sr-only" data-i18n="input">输入</h2>
    <div class="toolbar">
      <button type="button" id="mode-paste" aria-pressed="true" data-i18n="paste">粘贴报告</button>
      <button type="button" id="mode-form" aria-pressed="false" data-i18n="form">填写表格</button>
      <label class="select"><span data-i18n="samples">示例</span>
        <select id="samples"><option value="" data-i18n="choose">选择…</option></select>
      </label>
      <label class="select"><span data-i18n="format">格式</span>
        <select id="format">
          <option value="auto" data-i18n="auto">自动</option>
          <option value="F2021">2021</option>
          <option value="F2019">2019</option>
        </select>
      </label>
    </div>
    <div id="paste-pane">
      <textarea id="text" spellcheck="false" autocomplete="off" data-i18n-placeholder="placeholder" placeholder="在此粘贴年报全文或表格（支持网页、Word、WPS、Excel、PDF 复制的内容），或把 .txt / .html 文件拖到这里" aria-label="年报文本"></textarea>
      <p id="source" class="source" aria-live="polite"></p>
    </div>
    <div id="form-pane" hidden>
      <p data-i18n="form-help">在右侧表格中直接填写数字；可从 Excel 复制一行、一列或一块数字，粘贴到某一格，会像电子表格一样依次填入。</p>
      <label class="select"><span data-i18n="form-format">表格格式</span>
        <select id="form-format"><option value="F2021">2021年版</option><option value="F2019">2019年版</option></select>
      </label>
    </div>
    <div class="howto" id="howto">
      <h3 data-i18n="howto-h">怎么用</h3>
      <ol>
        <li data-i18n="howto-1">从网页、Word、WPS 或 PDF 复制年报全文（或其中的表格），粘贴到上面的框里。</li>
        <li data-i18n="howto-2">右侧立即显示检查结果：哪一格错了、应该是多少。</li>
        <li data-i18n="howto-3">点击错误的格子可以直接修改；点「复制更正后的表格」把表格粘回 Word、WPS 或网站后台。</li>
      </ol>
    </div>
  </section>
  <section class="result" aria-labelledby="result-h">
    <h2 id="result-h" class="sr-only" data-i18n="result">检查结果</h2>
    <div class="actions">
      <button type="button" id="copy" data-i18n="copy">复制更正后的表格</button>
      <button type="button" id="csv" data-i18n="csv">导出 CSV</button>
      <button type="button" id="json" data-i18n="json">导出 JSON</button>
      <button type="button" id="print" data-i18n="print">打印</button>
    </div>
    <p id="notice" class="notice" role="status" aria-live="polite"></p>
    <div id="out" aria-live="polite"></div>
    <p class="print-footer" id="print-footer"></p>
  </section>
`;

/** Past this many characters the input is not checked (documented in README.md). */
export const MAX_CHARS = 25_000_000;
/** Past this many characters checking runs in a Web Worker, off the main thread. */
const BIG = 200_000;

export class GoujiView {
  /**
   * @param {Element} root  the element holding TEMPLATE
   * @param {object} core   the API of gouji-core.js
   * @param {object} opts   { lang, format, compact, samples, onResult(result) }
   */
  constructor(root, core, opts = {}) {
    this.root = root;
    this.core = core;
    this.lang = opts.lang === "en" ? "en" : "zh";
    this.samples = opts.samples ?? [];
    this.onResult = opts.onResult ?? (() => {});
    /** sessionStorage key under which the source survives a reload of the tab (the page's). */
    this.persistKey = opts.persist ?? null;
    /** What is being checked: pasted text, pasted HTML (as a grid), or the form. */
    this.source = { kind: "text", text: "" };
    this.result = null;
    this.timer = 0;
    /** A host's textarea or editor that the view follows (the widget's `source`). */
    this.sourceEl = null;
    this.q("#format").value = opts.format ?? "auto";
    this.setCompact(!!opts.compact);
    this.wire();
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
    if (this.source.kind === "text" && this.source.text.length > BIG) {
      sessionStorage.removeItem(this.persistKey);
      return;
    }
    const { kind } = this.source;
    const source = kind === "html" ? { kind, grid: this.source.grid } : this.source;
    try {
      sessionStorage.setItem(this.persistKey, JSON.stringify({ source, format: this.q("#format").value, shown: this.q("#text").value }));
    } catch {
      // over the storage quota (a huge paste): it is still here until the tab is reloaded
      this.notice(this.t("not-kept"));
    }
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

  setFormat(format) {
    this.q("#format").value = ["F2019", "F2021"].includes(format) ? format : "auto";
    this.runCheck();
  }

  setCompact(compact) {
    this.root.classList.toggle("gouji-compact", compact);
  }

  /** Follows a host's <textarea> or contenteditable editor: checks its content as it changes. */
  follow(el) {
    if (this.unfollow) this.unfollow();
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

  // ---- checking and drawing -------------------------------------------------------------

  options() {
    const format = this.q("#format").value;
    return format === "auto" ? {} : { format };
  }

  notice(text) {
    this.q("#notice").textContent = text || "";
  }

  runCheck() {
    clearTimeout(this.timer);
    const { core, source } = this;
    const size = source.kind === "text" ? source.text.length : source.kind === "html" ? source.grid.reduce((n, r) => n + r.join("\t").length + 1, 0) : 0;
    if (size > MAX_CHARS) {
      this.result = null;
      this.draw();
      this.notice(this.t("too-big", { n: (size / 1e6).toFixed(1), max: MAX_CHARS / 1e6 }));
      return;
    }
    if (size > BIG && this.checkInWorker()) return;
    if (source.kind === "text" && !source.text.trim()) {
      this.result = null;
    } else if (source.kind === "text") {
      this.result = core.check(source.text, this.options());
    } else if (source.kind === "html") {
      this.result = core.checkGrid(source.grid, this.options());
      this.result.input = "html";
    } else {
      this.result = core.checkCells(source.cells, source.format);
    }
    this.root.dataset.checkedIn = "page";
    this.draw();
    this.persist();
    this.onResult(this.result);
  }

  schedule() {
    clearTimeout(this.timer);
    const big = this.source.kind === "text" && this.source.text.length > BIG;
    this.timer = setTimeout(() => this.runCheck(), big ? 500 : 150);
  }

  /** Checks the source in a module worker; false where workers are not to be had (file://,
   *  or a worker that failed to start: then the check runs here). */
  checkInWorker() {
    if (this.noWorker || location.protocol === "file:" || typeof Worker !== "function") return false;
    if (!this.worker) {
      try {
        this.worker = new Worker(new URL("./check-worker.js", import.meta.url), { type: "module" });
      } catch {
        this.noWorker = true;
        return false;
      }
      this.workerReady = false;
      this.worker.onmessage = (e) => {
        if (e.data?.ready) {
          this.workerReady = true;
          if (this.queued) this.worker.postMessage(this.queued);
          this.queued = null;
        } else {
          this.onWorker(e.data);
        }
      };
      this.worker.onerror = (e) => {
        e.preventDefault?.();
        if (!this.workerReady) {
          // it never started: check here from now on
          this.noWorker = true;
          this.worker = null;
          this.queued = null;
          this.runCheck();
        } else {
          this.onWorker({ id: this.pendingId, error: String(e.message ?? "worker") });
        }
      };
    }
    const { source } = this;
    this.pendingId = (this.pendingId ?? 0) + 1;
    const msg = source.kind === "html"
      ? { id: this.pendingId, kind: "grid", grid: source.grid, options: this.options() }
      : { id: this.pendingId, kind: "text", text: source.text, options: this.options() };
    this.notice(this.t("checking"));
    this.root.setAttribute("aria-busy", "true");
    if (this.workerReady) this.worker.postMessage(msg);
    else this.queued = msg;
    return true;
  }

  onWorker({ id, result, error }) {
    if (id !== this.pendingId) return; // an older request: a newer one is under way
    this.root.removeAttribute("aria-busy");
    if (error !== undefined) {
      // the worker's WebAssembly instance may be broken: drop it, the next check starts afresh
      this.worker?.terminate();
      this.worker = null;
      this.result = null;
      this.draw();
      this.notice(this.t("recovered"));
      return;
    }
    this.result = result;
    if (this.source.kind === "html") this.result.input = "html";
    this.root.dataset.checkedIn = "worker";
    this.notice("");
    this.draw();
    this.persist();
    this.onResult(this.result);
  }

  applyLang() {
    for (const el of this.qa("[data-i18n]")) el.textContent = this.t(el.dataset.i18n);
    for (const el of this.qa("[data-i18n-placeholder]")) el.placeholder = this.t(el.dataset.i18nPlaceholder);
    this.q("#text").setAttribute("aria-label", this.t("text-label"));
  }

  draw() {
    const out = this.q("#out");
    const result = this.result;
    // a counter of drawings, for tests and hosts that wait for a check to finish
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn ?? 0) + 1);
    this.q("#howto").hidden = !!result;
    for (const id of ["#copy", "#csv", "#json", "#print"]) this.q(id).disabled = !result || result.summary.cells_read === 0;
    if (!result) {
      out.replaceChildren();
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = this.t("empty");
      out.append(p);
      return;
    }
    // the core's HTML escapes everything it was given (render.rs builds it by construction)
    out.innerHTML = this.core.render(result, this.lang);
    for (const td of this.qa("td.gouji-cell", out)) {
      td.tabIndex = 0;
      const label = this.cellLabel(td);
      if (label) td.setAttribute("aria-label", label);
    }
    for (const li of this.qa("li.gouji-finding", out)) li.tabIndex = 0;
    this.q("#print-footer").textContent = `${result.title ?? ""} · ${this.t("checked")} ${new Date().toLocaleString(this.lang === "zh" ? "zh-CN" : "en")} · gouji ${result.version}`;
  }

  /** A cell's row headers and value, for screen readers. */
  cellLabel(td) {
    const tr = td.closest("tr");
    const row = tr ? this.qa("th[scope=row]", tr).map((th) => th.textContent).join(" ") : "";
    const value = td.querySelector(".gouji-v")?.textContent ?? "";
    return `${row} ${value}`.trim();
  }

  cell(id) {
    return this.q(`[id="gouji-cell-${CSS.escape(id)}"]`);
  }

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

  // ---- editing in place -----------------------------------------------------------------

  /** Writes `value` into cell `id` of the source. Returns false (and says why) if it cannot. */
  writeCell(id, value) {
    const { source } = this;
    if (source.kind === "form") {
      source.cells[id] = value;
      return true;
    }
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
      const next = this.core.setCellText(source.text, cell.at.line, cell.at.col, cell.raw, value);
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
      const line = lines[cell.at.line - 1] ?? "";
      box.textContent = this.t("source-line", { line: cell.at.line }) + line.trim();
      // select the figure in the text: columns count characters; the textarea counts UTF-16
      let offset = 0;
      for (let i = 0; i < cell.at.line - 1; i++) offset += lines[i].length + 1;
      const before = Array.from(line).slice(0, cell.at.col - 1).join("").length;
      const ta = this.q("#text");
      ta.setSelectionRange(offset + before, offset + before + cell.raw.length);
      const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
      ta.scrollTop = Math.max(0, (cell.at.line - 4) * lineHeight);
    } else if ("row" in cell.at) {
      box.textContent = this.t("source-grid", { row: cell.at.row + 1, cell: cell.at.cell + 1 });
    }
  }

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

  download(name, type, text) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
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
    const at = (a) => (!a ? "" : "line" in a ? `${a.line}:${a.col}` : `r${a.row + 1}c${a.cell + 1}`);
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

  // ---- wiring ---------------------------------------------------------------------------

  wire() {
    const ta = this.q("#text");
    ta.addEventListener("paste", (e) => this.onPaste(e));
    ta.addEventListener("input", () => {
      this.source = { kind: "text", text: ta.value };
      this.notice("");
      this.schedule();
    });
    const input = this.q(".input");
    input.addEventListener("dragover", (e) => e.preventDefault());
    input.addEventListener("drop", (e) => {
      e.preventDefault();
      const file = e.dataTransfer?.files?.[0];
      if (file) this.readFile(file);
    });
    this.q("#mode-paste").addEventListener("click", () => {
      this.showPaste();
      this.setText(ta.value);
    });
    this.q("#mode-form").addEventListener("click", () => this.showForm());
    this.q("#form-format").addEventListener("change", () => {
      if (this.source.kind === "form") {
        this.source.format = this.q("#form-format").value;
        this.runCheck();
      }
    });
    this.q("#format").addEventListener("change", () => this.runCheck());
    const samples = this.q("#samples");
    this.samples.forEach((s, i) => {
      const o = document.createElement("option");
      o.value = String(i);
      o.textContent = s.label;
      samples.append(o);
    });
    samples.addEventListener("change", () => {
      const s = this.samples[Number(samples.value)];
      if (!s) return;
      this.showPaste();
      this.setText(s.text);
      this.notice("");
    });
    const out = this.q("#out");
    const goTo = (id) => {
      this.focusCell(id);
      this.showSource(id);
    };
    out.addEventListener("click", (e) => {
      const fix = e.target.closest("a.gouji-fix");
      if (fix) {
        e.preventDefault();
        this.commit(fix.dataset.cell, fix.dataset.fix);
        return;
      }
      const go = e.target.closest("a.gouji-goto");
      if (go) {
        e.preventDefault();
        goTo(go.getAttribute("href").slice("#gouji-cell-".length));
        return;
      }
      const li = e.target.closest("li.gouji-finding");
      if (li) {
        goTo(li.dataset.cell.slice("gouji-cell-".length));
        return;
      }
      const td = e.target.closest("td.gouji-cell");
      if (td && !e.target.closest("input")) {
        this.showSource(td.dataset.cell);
        this.startEdit(td);
      }
    });
    out.addEventListener("keydown", (e) => {
      const li = e.target.closest?.("li.gouji-finding");
      if (li && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        goTo(li.dataset.cell.slice("gouji-cell-".length));
        return;
      }
      const td = e.target.closest?.("td.gouji-cell");
      if (td && e.target === td && (e.key === "Enter" || e.key === "F2")) {
        e.preventDefault();
        this.startEdit(td);
      }
    });
    this.q("#copy").addEventListener("click", () => this.copyTables());
    this.q("#json").addEventListener("click", () =>
      this.download(`${this.baseName()}.json`, "application/json", JSON.stringify(this.result, null, 2)),
    );
    this.q("#csv").addEventListener("click", () => this.exportCsv());
    this.q("#print").addEventListener("click", () => window.print());
  }
}
