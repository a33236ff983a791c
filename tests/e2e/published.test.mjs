// Reports as published, dropped onto the page as files (issue 13): a PDF's text in block order
// and in reading order, a table that writes zero as a blank, a wrong cell that breaks two
// relations. What gouji could not read stands apart from the report's errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixture, openPage, dropFile, verdict, cellClass, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const reportErrors = (page) => page.locator("ol.gouji-findings:not(.gouji-unread-list) > li.gouji-finding.error").count();
const unread = (page) => page.locator(".gouji-unread li.gouji-finding").allTextContents();

test("a PDF's text in block order, dropped: its lost structure is said apart, never as the report's errors", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  await dropFile(page, "淮安市2024年报（复制）.txt", fixture("published/pdf-block-order-huaian-2024.txt"));
  assert.match(await verdict(page), /未能完整检查/);
  assert.doesNotMatch(await verdict(page), /发现 \d+ 处错误|通过/);
  assert.equal(await reportErrors(page), 0);
  const notRead = await unread(page);
  assert.ok(notRead.some((t) => /结构在复制时丢失/.test(t) && /请拖入 PDF 文件本身/.test(t)), notRead.join("\n"));
  assert.match(await page.textContent("#notice"), /淮安市2024年报（复制）\.txt/);

  // hongze in block order: part 四 still reads (its two real errors), parts 二 and 三 not
  await dropFile(page, "hongze.txt", fixture("published/pdf-block-order-hongze-2023.txt"));
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.equal(await reportErrors(page), 2);
  assert.equal((await unread(page)).length, 3);
  assert.match(await cellClass(page, "p4.review.total"), /suspect/);
  // after the page's load, only the module that reads files (content.js), once for both drops
  assert.deepEqual(afterLoad().map((r) => new URL(r.url).pathname), ["/content.js"]);
  await context.close();
});

test("the same PDFs' text in reading order, dropped, read as the reports they are", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await dropFile(page, "huaian.txt", fixture("published/pdf-raw-huaian-2024.txt"));
  assert.match(await verdict(page), /通过/);
  await dropFile(page, "hongze.txt", fixture("published/pdf-raw-hongze-2023.txt"));
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.equal((await unread(page)).length, 0);
  await context.close();
});

test("blank rows and a blank part 四 row pass with notes; blank cells are shown as blank", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await dropFile(page, "blank.txt", fixture("published/blank-part4-row.tsv.txt"));
  assert.match(await verdict(page), /通过/);
  assert.match(await cellClass(page, "p4.review.total"), /blank/);
  assert.equal(await page.locator("li.gouji-finding.warning").count(), 2);
  await context.close();
});

test("one wrong cell breaking its row and its column is one error listing both relations", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await dropFile(page, "typo.txt", fixture("rules/P3-SUM.fail.txt"));
  assert.match(await verdict(page), /发现 1 处错误/);
  const item = page.locator("li.gouji-finding.error");
  assert.equal(await item.count(), 1);
  assert.deepEqual(await item.locator(".gouji-relations > li").evaluateAll((l) => l.map((x) => x.dataset.rule)), ["P3-ROW", "P3-SUM"]);
  assert.match(await cellClass(page, "p3.rejected.confirm.business"), /suspect/);
  await context.close();
});
