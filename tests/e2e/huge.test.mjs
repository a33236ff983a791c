// Huge and odd input in real Chromium: a large input is checked in a worker while the page keeps
// answering, the page answers or says the input is over the documented limit, and keeps the
// user's text. No assertion here is about time (the machines are shared): how long the main
// thread is blocked and how long an answer takes are measured by scripts/measure-page.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixture, openPage, pasteAndWait, verdict, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

test("a 20 MB paste: checked in a worker, the page stays responsive, the text is kept", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  const hongze = fixture("samples/hongze-2023.txt");
  const r = await pasteAndWait(page, `() => ${JSON.stringify(hongze)}.repeat(2400)`);
  assert.ok(r.kept, "the text is kept");
  assert.equal(r.checkedIn, "worker", "checked in the worker");
  assert.ok(r.ticksWhileBusy > 0, "the page ran its own tasks while the worker checked");
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
    const r = await pasteAndWait(page, build);
    assert.ok(r.kept);
    // the large ones in the worker, with the page answering meanwhile; the small one here
    assert.equal(r.checkedIn, r.size > 200000 ? "worker" : "page", `${r.size} characters`);
    if (r.checkedIn === "worker") assert.ok(r.ticksWhileBusy > 0, "the page ran its own tasks meanwhile");
    assert.ok((await page.textContent("#out")).length > 0);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("over the documented limit: said plainly, nothing checked, text kept", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  const r = await pasteAndWait(page, `() => "x".repeat(26000000)`);
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
  // the zero-width space inside 1​0 is part of the figure (not a separator): the review row reads
  // 10 1 0 0 11, and nothing is left unread
  assert.equal(await page.locator('[id="gouji-cell-p4.review.upheld"] .gouji-v').textContent(), "10");
  assert.equal(await page.locator('[id="gouji-cell-p4.review.total"] .gouji-v').textContent(), "11");
  assert.doesNotMatch(await verdict(page), /未能读取/);
  await context.close();
});
