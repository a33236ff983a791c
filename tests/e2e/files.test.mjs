// Files dropped onto the page (issue 14): the official PDFs and the filled Word template read by
// the file readers — a WebAssembly module of their own, loaded only on the first such drop —
// as the same cells and findings as their text; bad files refused with what to do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ROOT, fixtureBytes, openPage, dropFile, verdict, cellClass, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const loadedReaders = (requests) => requests.filter((r) => /gouji-files\.js|pkg-files\//.test(r.url));

test("the official PDFs and the Word template, dropped, read as their text samples", async () => {
  const { page, context, requests, afterLoad } = await openPage(env.browser, env.server.url);
  // the first load does not bring the file readers
  assert.deepEqual(loadedReaders(requests), []);
  await dropFile(page, "洪泽区2023年报.pdf", fixtureBytes("files/hongze-2023.pdf"));
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.match(await cellClass(page, "p4.review.total"), /suspect/);
  assert.match(await page.textContent("#notice"), /已读取 PDF 文件 洪泽区2023年报\.pdf（5 页）/);
  // loaded once, from the page's own origin, after the drop
  assert.ok(loadedReaders(requests).length >= 1);
  assert.ok(loadedReaders(requests).every((r) => r.url.startsWith(env.server.url)));

  // a finding points to its page; the fix is written back into the PDF's text
  await page.click("li.gouji-finding >> nth=0");
  assert.match(await page.textContent("#source"), /PDF 第 4 页第 \d+ 行：10/);
  const sel = await page.evaluate(() => { const t = document.querySelector("#text"); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(sel, "0");
  await page.click('a.gouji-fix[data-cell="p4.review.total"]');
  assert.match(await verdict(page), /发现 1 处错误/);

  await dropFile(page, "huaian.pdf", fixtureBytes("files/huaian-2024.pdf"));
  assert.match(await verdict(page), /通过/);
  assert.match(await page.textContent("#notice"), /（6 页）/);

  await dropFile(page, "淮安市年报.docx", fixtureBytes("files/huaian-2024.docx"));
  assert.match(await verdict(page), /通过/);
  assert.match(await page.textContent("#notice"), /已读取 Word 文件 淮安市年报\.docx（3 个表格）/);
  assert.ok(afterLoad().every((r) => r.url.startsWith(env.server.url)), JSON.stringify(afterLoad()));
  await context.close();
});

test("a scan, an encrypted PDF, an old .doc and a GBK text: each answered plainly", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await dropFile(page, "scan.pdf", fixtureBytes("files/scanned.pdf"), undefined, { wait: "notice" });
  await page.waitForFunction(() => /扫描件/.test(document.querySelector("#notice").textContent));
  assert.match(await page.textContent("#notice"), /scan\.pdf：这是扫描件（图片），未能从中识别出年度报告的表格/);
  await dropFile(page, "locked.pdf", fixtureBytes("files/encrypted.pdf"), undefined, { wait: "notice" });
  await page.waitForFunction(() => /已加密/.test(document.querySelector("#notice").textContent));
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  await dropFile(page, "old.doc", ole, undefined, { wait: "notice" });
  await page.waitForFunction(() => /另存为 \.docx/.test(document.querySelector("#notice").textContent));
  // text in GBK (as Notepad and many CMSs still save it) reads as the report
  await dropFile(page, "hongze-gbk.txt", fixtureBytes("files/hongze-2023.gbk.txt"));
  assert.match(await verdict(page), /发现 2 处错误/);
  await context.close();
});

test("the single file reads a dropped PDF with no request at all", async () => {
  const { page, context, requests } = await openPage(env.browser, "file://" + process.cwd() + "/dist/gouji.html");
  const before = requests.length;
  await dropFile(page, "hongze.pdf", fixtureBytes("files/hongze-2023.pdf"));
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.equal(requests.length, before);
  await context.close();
});

test("the file picker reads the same files as the drop", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  const chooser = page.waitForEvent("filechooser");
  await page.click("#open-file");
  const before = await page.getAttribute("main", "data-drawn");
  await (await chooser).setFiles({ name: "淮安市年报-错字.docx", mimeType: "application/octet-stream", buffer: fixtureBytes("files/huaian-2024-typo.docx") });
  await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before);
  assert.match(await verdict(page), /发现 1 处错误/);
  assert.match(await cellClass(page, "p3.granted.natural"), /suspect/);
  await context.close();
});

test("the page's sniff (content.js) says what gouji_files::sniff says, on every file fixture and the edge cases", async () => {
  // its two halves: the first bytes' magic (binary_kind), then a text's markup (is_html)
  const { readdirSync, readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const dir = (d) => readdirSync(join(ROOT, "tests/fixtures", d)).map((f) => join(d, f));
  const files = [...dir("files"), ...dir("html"), ...dir("images"), ...dir("hostile"), ...dir("samples").filter((f) => f.endsWith(".txt"))];
  // a picture's or a PDF's kind is in its first bytes (a zip is read whole: a .docx or not)
  const cases = files.map((f) => {
    const b = readFileSync(join(ROOT, "tests/fixtures", f));
    return [f, Array.from(/\.(png|pdf)$/.test(f) ? b.subarray(0, 4096) : b)];
  });
  const edge = {
    "PK alone": [0x50, 0x4b, 0x41, 0x42],
    "an empty zip": [0x50, 0x4b, 5, 6, ...new Array(18).fill(0)],
    "GIF": [...Buffer.from("GIF89a"), 0, 0],
    "TIFF": [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0],
    "TIFF, big-endian": [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8],
    "WebP": [...Buffer.from("RIFF\0\0\0\0WEBPVP8 ")],
    "OLE, cut short": [0xd0, 0xcf, 0x11, 0xe0],
    "OLE": [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0],
    "%PDF- after junk": [...Buffer.alloc(500, 0x20), ...Buffer.from("%PDF-1.4\n")],
    "UTF-16LE": [0xff, 0xfe, ...Buffer.from("<html><table>", "utf16le")],
    "GBK": [...Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6])],
    "NUL bytes": [0x41, 0, 0x42, 0],
    "a JPEG": [0xff, 0xd8, 0xff, 0xe0, 0, 0x10],
    "empty": [],
  };
  for (const [k, v] of Object.entries(edge)) cases.push([k, v]);
  const { page, context } = await openPage(env.browser, env.server.url);
  const out = await page.evaluate(async (cases) => {
    const { fileKind, decodeText, looksLikeHtml } = await import("/content.js");
    const { binaryKind, isHtml } = await import("/gouji-files.js");
    return cases.flatMap(([name, bytes]) => {
      const b = new Uint8Array(bytes);
      const out = [[name, fileKind(b), binaryKind(b) ?? "text"]];
      const text = out[0][1] === "text" ? decodeText(b) : null;
      if (text !== null) out.push([name + " (as text)", looksLikeHtml(text) ? "html" : "text", isHtml(text) ? "html" : "text"]);
      return out;
    });
  }, cases);
  // the page tells a zip from a .docx by reading it (the file readers): a zip is either
  const same = (js, rust) => js === rust || (js === "zip" && rust === "docx") || (js === "ole" && rust === "doc");
  const differ = out.filter(([, js, rust]) => !same(js, rust));
  assert.deepEqual(differ, []);
  assert.ok(out.length > 40, `${out.length} cases`);
  await context.close();
});

test("what the file readers give, the core's checkContent takes back as it is (one shape: gouji-content-js)", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const files = { "files/hongze-2023.pdf": "pdf", "files/huaian-2024.docx": "docx", "html/gov-page.html": "html", "files/hongze-2023.gbk.txt": "text" };
  const cases = Object.entries(files).map(([f, input]) => [f, input, Array.from(readFileSync(join(ROOT, "tests/fixtures", f)))]);
  const { page, context } = await openPage(env.browser, env.server.url);
  const out = await page.evaluate(async (cases) => {
    const { readFile } = await import("/gouji-files.js");
    const core = await import("/gouji-core.js");
    return cases.map(([name, , bytes]) => {
      const content = readFile(new Uint8Array(bytes));
      if (content.error) return [name, content.error_en, 0];
      const r = core.checkContent(content);
      return [name, r.input, r.summary.cells_read];
    });
  }, cases);
  for (const [name, input] of cases) {
    const got = out.find((o) => o[0] === name);
    // (the readers' module reads GBK text only where the command line's does: the page decodes it itself)
    if (input === "text" && /GBK|UTF-8/.test(got[1])) continue;
    assert.equal(got[1], input, name);
    assert.ok(got[2] >= 180, `${name}: ${got[2]} cells`);
  }
  await context.close();
});
