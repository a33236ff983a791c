// End-to-end: the page as served by the main command and as the single file, in real headless
// Chromium. Every test also checks that no request left the page after it loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SAMPLES, fixture, openPage, pasteText, pasteHtml, verdict, cellClass, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const EXPECT = {
  "guidong-2020": { errors: 0, verdict: /通过/ },
  "hongze-2023": { errors: 2, verdict: /发现 2 处错误/, wrong: ["p4.review.total", "p4.suit_after_review.total"] },
  "huaian-2024": { errors: 0, verdict: /通过/ },
};

test("the server sends the CSP header and the right MIME types", async () => {
  const res = await fetch(env.server.url);
  assert.match(res.headers.get("content-security-policy"), /default-src 'none'.*connect-src 'none'/);
  assert.match(res.headers.get("content-type"), /text\/html/);
  const js = await fetch(env.server.url + "app.js");
  assert.match(js.headers.get("content-type"), /text\/javascript/);
  assert.equal((await fetch(env.server.url + "../Cargo.toml")).status, 404);
});

for (const name of SAMPLES) {
  test(`${name}: pasted as plain text, the expected errors sit on the right cells`, async () => {
    const { page, context, afterLoad, errors } = await openPage(env.browser, env.server.url);
    await pasteText(page, fixture(`samples/${name}.txt`));
    assert.match(await verdict(page), EXPECT[name].verdict);
    for (const id of EXPECT[name].wrong ?? []) assert.match(await cellClass(page, id), /\berror\b/, id);
    assert.equal(await page.locator("td.gouji-cell.error").count() > 0, EXPECT[name].errors > 0);
    assert.deepEqual(afterLoad(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("pasted as HTML (a government page, a Word table), tables keep their structure", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  await pasteHtml(page, fixture("html/gov-page.html"), "ignored plain text");
  assert.match(await verdict(page), /通过/);
  assert.match(await page.textContent("#notice"), /表格结构/);
  assert.equal(await page.locator('[id="gouji-cell-p3.new.total"] .gouji-v').textContent(), "3119");
  await pasteHtml(page, fixture("html/word-table.html"));
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.match(await cellClass(page, "p3.granted.business"), /\bblank\b/);
  // nothing in the pasted markup ran
  assert.equal(await page.evaluate(() => window.__gouji_pwned), undefined);
  assert.deepEqual(afterLoad(), []);
  await context.close();
});

test("fixing the wrong cells in place makes the report pass; the text follows", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  await page.click('a.gouji-fix[data-cell="p4.review.total"]');
  assert.match(await verdict(page), /发现 1 处错误/);
  await page.click('a.gouji-fix[data-cell="p4.suit_after_review.total"]');
  assert.match(await verdict(page), /通过/);
  const text = await page.inputValue("#text");
  assert.match(text.split("\n")[148], /^10\s+1\s+0\s+0\s+11\s+0\s+0\s+0\s+0\s+0\s+5\s+0\s+0\s+0\s+5$/);
  // typing into a cell: a wrong figure is caught at once, with its fix
  await page.click('[id="gouji-cell-p3.new.natural"]');
  await page.fill("input.gouji-edit", "22");
  await page.keyboard.press("Enter");
  assert.match(await verdict(page), /错误/);
  assert.equal(await page.locator('a.gouji-fix[data-cell="p3.new.natural"][data-fix="21"]').count() > 0, true);
  assert.deepEqual(afterLoad(), []);
  await context.close();
});

test("clicking a finding focuses its cell and shows the source line", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  await page.click("li.gouji-finding >> nth=0");
  assert.equal(await page.evaluate(() => document.activeElement.id), "gouji-cell-p4.review.total");
  assert.match(await page.textContent("#source"), /原文第 149 行：10/);
  const sel = await page.evaluate(() => { const t = document.querySelector("#text"); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(sel, "0");
  await context.close();
});

test("exports: JSON is the result object, CSV has a BOM; copying puts HTML and TSV on the clipboard", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#json")]);
  const result = JSON.parse(readFileSync(await json.path(), "utf8"));
  assert.equal(result.schema, 1);
  assert.equal(result.summary.errors, 2);
  assert.equal(result.cells["p4.review.total"].raw, "0");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
  const bytes = readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString("utf8"), /P4-SUM/);
  await page.evaluate(() => {
    // on window: after the page's own listener on document has set the data
    window.addEventListener("copy", (e) => {
      window.__copied = { html: e.clipboardData.getData("text/html"), text: e.clipboardData.getData("text/plain") };
    });
  });
  await page.click("#copy");
  const copied = await page.evaluate(() => window.__copied);
  assert.match(copied.html, /<table/);
  assert.match(copied.text, /行政复议结果维持\t/);
  assert.deepEqual(afterLoad(), []);
  await context.close();
});

test("the empty form: type figures, paste a block as a spreadsheet would", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  await page.click("#mode-form");
  await page.click('[id="gouji-cell-p4.review.upheld"]');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "10\t1\t0\t0\t12\n");
    document.querySelector("input.gouji-edit").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(100);
  assert.equal(await page.locator('[id="gouji-cell-p4.review.total"] .gouji-v').textContent(), "12");
  assert.match(await verdict(page), /发现 1 处错误/);
  await page.click('a.gouji-fix[data-cell="p4.review.total"]');
  assert.match(await verdict(page), /通过/);
  // the form's check is not part of the first load: the whole core, from the page's own origin
  const late = afterLoad().map((r) => r.url);
  assert.ok(late.length > 0 && late.every((u) => u.startsWith(env.server.url) && /gouji-core\.js|pkg\//.test(u)), late.join("\n"));
  await context.close();
});

test("English, samples one click away, print stylesheet", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  const before = await page.getAttribute("main", "data-drawn");
  await page.selectOption("#samples", { index: 2 });
  await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before);
  assert.match(await verdict(page), /发现 2 处错误/);
  await page.click('[data-lang="en"]');
  assert.match(await verdict(page), /2 errors/);
  assert.match(await page.textContent("#copy"), /Copy corrected table/);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".input").isVisible(), false);
  assert.equal(await page.locator("#gouji-p3").isVisible(), true);
  // the samples' texts are not part of the first load: one module, from the page's own origin
  assert.deepEqual(afterLoad().map((r) => r.url), [env.server.url + "samples.js"]);
  await context.close();
});

test("the single-file build works from file:// with no request at all", async () => {
  const file = "file://" + join(ROOT, "dist/gouji.html");
  const { page, context, requests, errors } = await openPage(env.browser, file);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  assert.match(await verdict(page), /发现 2 处错误/);
  await page.click('a.gouji-fix[data-cell="p4.review.total"]');
  assert.match(await verdict(page), /发现 1 处错误/);
  assert.deepEqual(requests.map((r) => r.url), [file]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("nothing lost: the text and corrections survive re-checks, language, format and a reload", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  await page.click('a.gouji-fix[data-cell="p4.review.total"]');
  await page.click('[data-lang="en"]');
  await page.selectOption("#format", "F2021");
  await page.selectOption("#format", "auto");
  assert.match(await verdict(page), /1 errors/);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert.match(await verdict(page), /发现 1 处错误/);
  const text = await page.inputValue("#text");
  assert.match(text.split("\n")[148], /^10\s+1\s+0\s+0\s+11\s/);
  // only sessionStorage: nothing in localStorage, cookies or IndexedDB
  const stores = await page.evaluate(async () => ({
    local: localStorage.length,
    cookies: document.cookie,
    idb: (await indexedDB.databases()).length,
    session: sessionStorage.length,
  }));
  assert.deepEqual(stores, { local: 0, cookies: "", idb: 0, session: 1 });
  assert.match(await page.textContent(".privacy"), /标签页/);
  assert.deepEqual(afterLoad().filter((r) => !r.url.startsWith(env.server.url)), []);
  await context.close();
});
