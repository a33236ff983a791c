// Tables published as images in the page (issue 24): a scanned PDF dropped, a screenshot
// pasted, read by the picture reader (a WebAssembly module of its own, loaded with the first
// picture) and checked by the whole core — the same cells and findings as the command line;
// each cell's crop shown beside it, and a figure typed over a reading checked again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ROOT, fixtureBytes, openPage, verdict, cellClass, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const loadedPictures = (requests) => requests.filter((r) => /gouji-image\.js|pkg-image\/|pictures\.js/.test(r.url));

/** The result's cells as the page holds them: how many were read from the picture, how many
 *  of those are marked unsure in the tables. */
const imageCells = (page) => page.evaluate(() => {
  const tds = Array.from(document.querySelectorAll("td.gouji-cell"));
  return { cells: tds.length, unsure: tds.filter((td) => td.classList.contains("unsure")).length };
});

/** Gives a picture through the file picker (the drop's path: the same readFile) and waits for
 *  its tables. (A drop from the test carries the bytes as a string through page.evaluate, which
 *  takes the test 20 s for a 2 MB scan; the picker hands Chromium the file.) */
async function pickPicture(page, name, bytes) {
  const before = await page.getAttribute("main", "data-drawn");
  await page.setInputFiles("#file", { name, mimeType: "application/octet-stream", buffer: bytes });
  await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before, { timeout: 60000 });
}

test("a scanned PDF given: read, checked as its text is, crops shown, a correction re-checked", async () => {
  const { page, context, requests, errors } = await openPage(env.browser, env.server.url);
  // the first load does not bring the picture reader
  assert.deepEqual(loadedPictures(requests), []);
  await pickPicture(page, "洪泽区2023年报-扫描.pdf", fixtureBytes("images/hongze-2023-scan.pdf"));
  // the text's findings: part 四's two broken totals (the command line's, tests/images.rs)
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.match(await cellClass(page, "p4.review.total"), /suspect/);
  assert.match(await cellClass(page, "p3.granted.natural"), /gouji-cell/);
  assert.match(await page.textContent("#notice"), /已从图片 洪泽区2023年报-扫描\.pdf 识别 186 格/);
  assert.ok(loadedPictures(requests).length >= 2, "the picture module is loaded on the drop");
  assert.ok(loadedPictures(requests).every((r) => r.url.startsWith(env.server.url)));

  // a cell's crop beside it on hover: the pixels the reader saw, and what it read
  await page.hover('[id="gouji-cell-p3.granted.natural"]');
  const pop = await page.waitForSelector("#gouji-crop-pop canvas");
  const size = await pop.evaluate((c) => [c.width, c.height]);
  assert.ok(size[0] > 10 && size[1] > 10, `a crop of the cell's box: ${size}`);
  const inked = await pop.evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
    return dark;
  });
  assert.ok(inked > 0, "the crop shows the figure's ink");
  assert.match(await page.textContent("#gouji-crop-pop"), /读作 \d+（把握 \d+%）/);

  // every crop in the tables, at once
  await page.check("label.gouji-crops input");
  await page.waitForSelector("td.gouji-cell canvas.gouji-crop");
  const crops = await page.$$eval("td.gouji-cell canvas.gouji-crop", (cs) => cs.length);
  assert.equal(crops, 186);

  // the fix, typed in: the cell confirmed and the tables checked again
  await page.click('a.gouji-fix[data-cell="p4.review.total"]');
  await page.waitForFunction(() => /发现 1 处错误/.test(document.querySelector(".gouji-verdict").textContent));
  assert.match(await page.getAttribute('[id="gouji-cell-p4.review.total"]', "title"), /已核对/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a screenshot pasted from the clipboard is read as a dropped picture is", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  const before = await page.getAttribute("main", "data-drawn");
  const base64 = fixtureBytes("images/huaian-2024-page-screenshot.png").toString("base64");
  await page.evaluate((base64) => {
    const bin = atob(base64);
    const body = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) body[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([body], "image.png", { type: "image/png" }));
    document.querySelector("#text").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, base64);
  await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before, { timeout: 60000 });
  assert.match(await verdict(page), /通过/);
  const { cells } = await imageCells(page);
  assert.ok(cells >= 200, `${cells} cells`);
  assert.match(await page.textContent("#notice"), /识别 200 格/);
  // the paste area holds no text: the picture is the source
  assert.equal(await page.inputValue("#text"), "");
  await context.close();
});

test("a picture with no table is said so, and the single file reads a scan with no request", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  // a picture with no table, dropped: a logo drawn on a canvas
  await page.evaluate(async () => {
    const c = document.createElement("canvas");
    c.width = 400;
    c.height = 200;
    const g = c.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, 400, 200);
    g.fillStyle = "#a00";
    g.font = "60px sans-serif";
    g.fillText("政务公开", 40, 120);
    const blob = await new Promise((r) => c.toBlob(r, "image/png"));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], "logo.png", { type: "image/png" }));
    const target = document.querySelector(".input");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /未能从中识别出年度报告的表格/.test(document.querySelector("#notice").textContent), null, { timeout: 60000 });
  assert.match(await page.textContent("#notice"), /^logo\.png：这是一张图片/);
  await context.close();

  const single = await openPage(env.browser, "file://" + ROOT + "/dist/gouji.html");
  const n = single.requests.length;
  await pickPicture(single.page, "huaian-scan.pdf", fixtureBytes("images/huaian-2024-scan.pdf"));
  assert.match(await verdict(single.page), /通过/);
  assert.equal(single.requests.length, n);
  await single.context.close();
});

test("a folder of pictures in the page's batch: each read in a worker, as the command line reads it", async () => {
  const { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "gouji-pictures-"));
  mkdirSync(join(dir, "scans"));
  copyFileSync(join(ROOT, "tests/fixtures/images/hongze-2023-scan.pdf"), join(dir, "scans/洪泽区2023-扫描.pdf"));
  copyFileSync(join(ROOT, "tests/fixtures/images/huaian-2024-page-screenshot.png"), join(dir, "scans/淮安市2024-截图.png"));
  copyFileSync(join(ROOT, "tests/fixtures/files/scanned.pdf"), join(dir, "scans/空白扫描.pdf"));
  writeFileSync(join(dir, "scans/说明.txt"), "这里是扫描件。");
  const { page, context } = await openPage(env.browser, env.server.url);
  await page.setInputFiles("#folder", join(dir, "scans"));
  await page.waitForSelector("#batch[data-done=true]", { timeout: 60000 });
  const rows = await page.$$eval("#batch tbody tr", (l) => l.map((tr) => Array.from(tr.cells, (td) => td.textContent)));
  const byFile = (name) => rows.find((r) => r[0].endsWith("/" + name));
  // read from their pictures: the scan's two errors, the screenshot passed
  assert.equal(byFile("洪泽区2023-扫描.pdf")[4], "有错误");
  assert.equal(byFile("洪泽区2023-扫描.pdf")[5], "2");
  assert.equal(byFile("淮安市2024-截图.png")[4], "通过");
  // a scan with no table is a report that could not be read, said so; a text with none is passed over
  assert.equal(byFile("空白扫描.pdf")[4], "无法读取");
  assert.match(byFile("空白扫描.pdf")[7], /扫描件/);
  assert.equal(byFile("说明.txt")[4], "已跳过");
  await context.close();
});
