// The view's markup and its limits.

/** The view's markup (inside the page's <main>, or the widget's shadow root). */
export const TEMPLATE = `
  <section class="input" aria-labelledby="input-h">
    <h2 id="input-h" class="sr-only" data-i18n="input">输入</h2>
    <div class="toolbar">
      <button type="button" id="mode-paste" aria-pressed="true" data-i18n="paste">粘贴报告</button>
      <button type="button" id="mode-form" aria-pressed="false" data-i18n="form">填写表格</button>
      <button type="button" id="open-file" data-i18n="open-file">打开文件…</button>
      <button type="button" id="open-folder" data-i18n="open-folder" hidden>打开文件夹…</button>
      <input type="file" id="folder" hidden webkitdirectory multiple>
      <input type="file" id="file" hidden multiple accept=".pdf,.docx,.html,.htm,.txt,.md,.png,.jpg,.jpeg,image/png,image/jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain">
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
      <textarea id="text" spellcheck="false" autocomplete="off" data-i18n-placeholder="placeholder" placeholder="在此粘贴年报全文或表格（支持网页、Word、WPS、Excel、PDF 复制的内容），或把文件本身拖到这里（PDF、Word .docx、网页、文本）" aria-label="年报文本"></textarea>
      <p id="source" class="source" aria-live="polite"></p>
    </div>
    <details id="prev" class="prev">
      <summary data-i18n="prev-h">上一年度报告（可选）</summary>
      <p data-i18n="prev-help">粘贴或拖入上一年度的年报（文本、PDF、Word、网页），核对本年「上年结转」与上年「结转下年度」等跨年度数据。</p>
      <textarea id="prev-text" spellcheck="false" autocomplete="off" data-i18n-placeholder="prev-placeholder" placeholder="在此粘贴上一年度的年报，或把文件拖到这里" aria-label="上一年度报告"></textarea>
      <div class="toolbar">
        <button type="button" id="prev-open" data-i18n="open-file">打开文件…</button>
        <input type="file" id="prev-file" hidden accept=".pdf,.docx,.html,.htm,.txt,.md,.png,.jpg,.jpeg,image/png,image/jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain">
        <button type="button" id="prev-clear" data-i18n="prev-clear">清除</button>
      </div>
      <p id="prev-source" class="source" aria-live="polite"></p>
    </details>
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
    <section id="prev-out" class="prev-out" hidden></section>
    <p class="print-footer" id="print-footer"></p>
  </section>
`;

/** Past this many characters the input is not checked (documented in README.md). */
export const MAX_CHARS = 25_000_000;
/** Past this many characters checking runs in a Web Worker, off the main thread. */
export const BIG = 200_000;
