// The widget inside the rich-text editors reports are written in (issue 23): for each editor, a
// portal's page with the real editor (test-only npm packages, served locally), a Word-style
// report body with one wrong figure put in through the editor's own API, the widget given the
// editor: its errors named, its one-click fix written into the editor's content through the
// editor (so what the CMS submits holds the corrected figure, and the editor's undo takes it
// back), the check passing after — and no request leaving the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, openPage, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();
const BODY = readFileSync(join(ROOT, "tests/e2e/pages/editors/report-body.html"), "utf8");

/** The widget's last result, once a check has drawn something other than `before`. */
const result = (page) => page.evaluate(() => document.getElementById("gouji").result);
async function settled(page, want) {
  await page.waitForFunction((want) => {
    const r = document.getElementById("gouji").result;
    return r && r.summary.errors === want;
  }, want, { timeout: 10000 });
  return result(page);
}

const EDITORS = [
  { name: "tinymce", set: (html) => window.editor.setContent(html), get: () => window.editor.getContent(), undo: () => window.editor.undoManager.undo() },
  { name: "ckeditor5", set: (html) => window.editor.setData(html), get: () => window.editor.getData(), undo: () => window.editor.execute("undo") },
  { name: "kindeditor", set: (html) => window.editor.html(html), get: () => window.editor.html(), undo: null },
  // wangEditor: set as a paste sets it (its paste path keeps spanned tables)
  {
    name: "wangeditor",
    set: (html) => {
      const e = window.editor;
      e.focus();
      const dt = new DataTransfer();
      dt.setData("text/html", html);
      dt.setData("text/plain", "");
      e.insertData(dt);
    },
    get: () => window.editor.getHtml(),
    undo: () => window.editor.undo(),
  },
];

for (const ed of EDITORS) {
  test(`${ed.name}: the widget follows the editor, names the wrong figure, and its fix goes through the editor`, async () => {
    const { page, context, afterLoad, errors } = await openPage(env.browser, `${env.server.url}test/editors/${ed.name}.html`, { waitFor: "html[data-editor=ready]" });
    await page.waitForFunction(() => customElements.get("gouji-check") && document.getElementById("gouji").shadowRoot?.querySelector(".gouji"));
    await page.evaluate(`(${ed.set})(${JSON.stringify(BODY)})`);
    await page.evaluate(() => { document.getElementById("gouji").editor = window.editor; });
    const r = await settled(page, 1);
    assert.equal(r.input, "html");
    assert.ok(r.summary.cells_read >= 190, `${r.summary.cells_read} cells read`);
    const bad = r.findings.find((f) => f.severity === "error");
    assert.deepEqual(bad.suspects, [{ cell: "p3.granted.natural", fix: 1288 }]);
    // the gate: what the editor holds now
    assert.equal(await page.evaluate(() => document.getElementById("gouji").check().summary.errors), 1);
    // the one-click fix, written into the editor's own content
    await page.locator('gouji-check a.gouji-fix[data-cell="p3.granted.natural"]').click();
    const fixed = await settled(page, 0);
    assert.equal(fixed.cells["p3.granted.natural"].raw, "1288");
    const html = await page.evaluate(`(${ed.get})()`);
    assert.match(html, />\s*1288\s*</);
    assert.doesNotMatch(html, />\s*1289\s*</);
    // the editor's undo takes it back, and the widget follows
    if (ed.undo) {
      await page.evaluate(`(${ed.undo})()`);
      await settled(page, 1);
    }
    assert.deepEqual(errors, []);
    assert.ok(afterLoad().every((q) => q.url.startsWith(env.server.url)), JSON.stringify(afterLoad()));
    await context.close();
  });
}

test("the iframe embed: the portal posts its editor's HTML, and a fix comes back as a cell change to apply through the editor", async () => {
  const { page, context } = await openPage(env.browser, `${env.server.url}test/frame-host.html`, { waitFor: null });
  const port = new URL(env.server.url).port;
  const out = await page.evaluate(async ([host, port, body]) => {
    const f = document.createElement("iframe");
    f.sandbox = "allow-scripts allow-same-origin";
    f.src = `http://localhost:${port}/embed.html?parent=${encodeURIComponent(host)}`;
    const replies = [];
    window.addEventListener("message", (e) => replies.push(e.data));
    await new Promise((r) => { f.addEventListener("load", r); document.body.append(f); });
    await new Promise((r) => setTimeout(r, 300));
    f.contentWindow.postMessage({ gouji: 1, type: "check", id: "body", html: body }, "*");
    // both text and html, or neither: not a request
    f.contentWindow.postMessage({ gouji: 1, type: "check", id: "both", html: body, text: "x" }, "*");
    await new Promise((r) => setTimeout(r, 800));
    return { result: replies.find((m) => m?.id === "body" && m.type === "result")?.result, both: replies.some((m) => m?.id === "both") };
  }, [env.server.url.replace(/\/$/, ""), port, BODY]);
  assert.equal(out.both, false);
  assert.equal(out.result.input, "html");
  assert.equal(out.result.summary.errors, 1);
  // the fix, clicked in the frame, comes back as where to write what
  const frame = page.frameLocator("iframe");
  const fix = page.waitForFunction(() => window.__fix, null, { timeout: 5000 });
  await page.evaluate(() => window.addEventListener("message", (e) => { if (e.data?.type === "fix") window.__fix = e.data; }));
  await frame.locator('a.gouji-fix[data-cell="p3.granted.natural"]').click();
  await fix;
  const msg = await page.evaluate(() => window.__fix);
  assert.deepEqual({ cell: msg.cell, value: msg.value, id: msg.id }, { cell: "p3.granted.natural", value: "1288", id: "body" });
  // the place names the cell in the posted HTML: the 1289 written there
  const there = await page.evaluate(([body, at]) => {
    const doc = new DOMParser().parseFromString(body, "text/html");
    return doc.querySelectorAll("table")[at.table].rows[at.row].cells[at.cell].textContent.trim();
  }, [BODY, msg.at]);
  assert.equal(there, "1289");
  await context.close();
});

test("source=ID finds the editor a portal created on that element, even one started after the widget", async () => {
  const { page, context } = await openPage(env.browser, `${env.server.url}test/editors/tinymce.html`, { waitFor: "html[data-editor=ready]" });
  await page.waitForFunction(() => document.getElementById("gouji").shadowRoot?.querySelector(".gouji"));
  await page.evaluate((html) => window.editor.setContent(html), BODY);
  await page.evaluate(() => document.getElementById("gouji").setAttribute("source", "body"));
  const r = await settled(page, 1);
  assert.equal(r.input, "html");
  assert.equal(await page.evaluate(() => document.getElementById("gouji").editor?.name), "TinyMCE");
  // typing in the editor is followed, once its changes settle
  await page.evaluate(() => {
    const td = Array.from(window.editor.getBody().querySelectorAll("td")).find((c) => c.textContent.trim() === "1289");
    window.editor.undoManager.transact(() => { td.textContent = "1288"; });
    window.editor.dispatch("input");
  });
  await settled(page, 0);
  await context.close();
});
