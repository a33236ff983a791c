// Huge and odd input in real Chromium: the page stays responsive (no task blocks input for more
// than 100 ms while a large input is checked in a worker), answers within seconds or says the
// input is over the documented limit, and keeps the user's text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixture, openPage, verdict, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

/** Puts `text` in the paste area (as a paste would) and measures the longest main-thread gap
 *  until the verdict changes; returns { gap, ms }. */
async function paste(page, build) {
  return page.evaluate(async (build) => {
    const text = new Function(`return (${build})`)()();
    const ta = document.querySelector("#text");
    const main = document.querySelector("main");
    const before = main.dataset.drawn;
    let last = performance.now();
    let gap = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
    }, 10);
    const t0 = performance.now();
    // a paste, as the clipboard gives it
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    const pasted = ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    if (pasted) {
      // not taken by the page (a small paste): the textarea would insert it
      ta.value = text;
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
    await new Promise((resolve) => {
      const check = () => (main.dataset.drawn !== before || document.querySelector("#notice").textContent.includes("上限") ? resolve() : setTimeout(check, 20));
      check();
    });
    clearInterval(tick);
    const kept = ta.value.length === text.length || (ta.readOnly && ta.value.startsWith(text.slice(0, 100)));
    return { gap, ms: performance.now() - t0, kept };
  }, build.toString());
}

test("a 20 MB paste: checked in a worker, the page stays responsive, the text is kept", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  const hongze = fixture("samples/hongze-2023.txt");
  const r = await paste(page, `() => ${JSON.stringify(hongze)}.repeat(2400)`);
  assert.ok(r.kept, "the text is kept");
  assert.ok(r.ms < 15000, `answered in ${r.ms} ms`);
  assert.ok(r.gap < 100, `the main thread was blocked for ${r.gap} ms`);
  assert.ok((await verdict(page)).length > 0);
  assert.deepEqual(afterLoad().filter((x) => !x.url.endsWith("/check-worker.js") && !x.url.includes("/pkg/") && !x.url.endsWith("/gouji-core.js")), []);
  await context.close();
});

test("a million short lines, one 5 MB line, NUL bytes, lone surrogates: answered, never a crash", async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.url);
  for (const build of [
    `() => "1\\n".repeat(1000000)`,
    `() => "一、本年新收政府信息公开申请数量 " + "12345 ".repeat(850000)`,
    `() => "三、收到和处理政府信息公开申请情况\\n\\0\\0" + "\\0".repeat(1000) + "（一）予以公开\\t1\\0\\t0"`,
    `() => "（一）予以公开\\t\\uD800\\t\\uDFFF\\t3\\uD83D\\t0\\t0\\t0\\t3"`,
  ]) {
    const r = await paste(page, build);
    assert.ok(r.kept);
    assert.ok(r.gap < 100 || r.ms < 100, `blocked ${r.gap} ms`);
    assert.ok((await page.textContent("#out")).length > 0);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("over the documented limit: said plainly, nothing checked, text kept", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  const r = await paste(page, `() => "x".repeat(26000000)`);
  assert.ok(r.kept);
  assert.match(await page.textContent("#notice"), /超过 25 百万字符的上限/);
  await context.close();
});

test("zero-width spaces, right-to-left marks and full-width digits inside figures are read", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  const hongze = fixture("samples/hongze-2023.txt")
    .replace("10    1      0   0    0", "1\u200b0    \u200f1      ０   0    1１")
    .replace("21    0      0     0   0   0     21", "２１    0      0     0   0   0     2\u200d1");
  await page.fill("#text", hongze);
  await page.waitForTimeout(300);
  assert.match(await verdict(page), /发现 1 处错误/);
  assert.equal(await page.locator('[id="gouji-cell-p3.new.total"] .gouji-v').textContent(), "21");
  await context.close();
});
