// Accessibility in Chromium: axe-core (WCAG 2.1 A and AA) on the page, the widget and the portal
// example, each with a report's findings on screen; the keyboard alone reaches and corrects a
// cell; findings are announced in a live region; the page works at 200% zoom and 360 px wide.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, fixture, openPage, pasteText, verdict, serverAndBrowser } from "./helpers.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const env = serverAndBrowser();

/** axe-core's WCAG 2.1 AA violations (evaluated through the DevTools protocol: the page's CSP
 *  stays as it is). */
async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target?.join(" ")} — ${v.help}`);
  });
}

test("axe: the page, empty and with findings, in both languages", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  assert.deepEqual(await violations(page), []);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  assert.deepEqual(await violations(page), []);
  await page.click('[data-lang="en"]');
  assert.deepEqual(await violations(page), []);
  await page.click("#mode-form");
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("axe: last year's report beside this one, and a batch's table", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/huaian-2024.txt"));
  await page.click("#prev summary");
  await page.fill("#prev-text", fixture("prev/huaian-2023-carry.txt"));
  await page.waitForSelector("#prev-out:not([hidden])");
  assert.deepEqual(await violations(page), []);
  await page.evaluate((texts) => {
    const dt = new DataTransfer();
    texts.forEach((t, i) => dt.items.add(new File([t], `r${i}.txt`, { type: "text/plain" })));
    document.querySelector(".input").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [fixture("samples/hongze-2023.txt"), fixture("samples/guidong-2020.txt")]);
  await page.waitForSelector("#batch[data-done=true]");
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("axe: the widget and the portal example", async () => {
  const w = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: "html" });
  await w.page.waitForFunction(() => document.querySelector("#a")?.shadowRoot?.querySelector("#out"));
  await w.page.evaluate((t) => document.querySelector("#a").check(t), fixture("samples/hongze-2023.txt"));
  assert.deepEqual(await violations(w.page), []);
  await w.context.close();
  const p = await openPage(env.browser, env.server.url + "examples/portal.html", { waitFor: "html" });
  await p.page.waitForFunction(() => document.querySelector("gouji-check")?.shadowRoot?.querySelector("#out"));
  await p.page.fill("#body", fixture("samples/hongze-2023.txt"));
  await p.page.waitForTimeout(300);
  assert.deepEqual(await violations(p.page), []);
  await p.context.close();
});

test("the keyboard alone: paste, move through findings, correct a cell, export", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await page.focus("#text");
  await page.keyboard.insertText(fixture("samples/hongze-2023.txt"));
  await page.waitForTimeout(300);
  assert.match(await verdict(page), /发现 2 处错误/);
  // Tab from the text area to the first finding, Enter goes to its cell
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.matches?.("li.gouji-finding"))) && guard++ < 40) await page.keyboard.press("Tab");
  assert.ok(guard < 40, "a finding is reachable with Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "gouji-cell-p4.review.total");
  // Enter edits the focused cell; type the fix; Enter saves
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("11");
  await page.keyboard.press("Enter");
  assert.match(await verdict(page), /发现 1 处错误/);
  // the export buttons are reachable and work from the keyboard
  await page.focus("#json");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.ok(await download.path());
  await context.close();
});

test("findings are announced: the result sits in a live region, the verdict is a status", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/hongze-2023.txt"));
  assert.equal(await page.getAttribute("#out", "aria-live"), "polite");
  assert.equal(await page.getAttribute(".gouji-verdict", "role"), "status");
  // tables: captions, th with scope, wrong cells name their findings by id
  assert.equal(await page.locator("table.gouji-table caption").count(), 3);
  assert.equal(await page.locator("table.gouji-table th:not([scope])").count(), 0);
  const described = await page.getAttribute('[id="gouji-cell-p4.review.total"]', "aria-describedby");
  assert.ok(described && (await page.locator(`[id="${described.split(" ")[0]}"]`).count()) === 1);
  await context.close();
});

test("200% zoom and a 360 px wide screen: nothing needs sideways scrolling but the tables", async () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 640, height: 500 }]) {
    const { page, context } = await openPage(env.browser, env.server.url, { viewport });
    await pasteText(page, fixture("samples/hongze-2023.txt"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than a ${viewport.width}px screen`);
    assert.equal(await page.locator("#text").isVisible(), true);
    assert.equal(await page.locator(".gouji-verdict").isVisible(), true);
    await context.close();
  }
});
