// Last year's report beside this one (issue 15), in the page and in the widget: the whole core
// loaded only when last year's report is first given; the cross-year findings, last year's
// tables with the compared cells marked, each indicator's change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixture, openPage, pasteText, dropFile, verdict, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const wholeCore = (requests) => requests.filter((r) => /\/gouji-core\.js|\/pkg\//.test(r.url));
const drawnAfter = (page, before) => page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b && /上一年度/.test(document.querySelector("#out").textContent), before, { timeout: 10000 });

test("the page checks this year's report against last year's, pasted or dropped", async () => {
  const { page, context, requests, afterLoad, errors } = await openPage(env.browser, env.server.url);
  await pasteText(page, fixture("samples/huaian-2024.txt"));
  assert.match(await verdict(page), /通过/);
  // one report at a time needs only the page's own core
  assert.deepEqual(wholeCore(requests), []);

  // last year's report, which carried 30 (not 34) of its applications over: pasted
  await page.click("#prev summary");
  let before = await page.getAttribute("main", "data-drawn");
  await page.fill("#prev-text", fixture("prev/huaian-2023-carry.txt"));
  await drawnAfter(page, before);
  assert.match(await verdict(page), /发现 2 处错误/);
  const findings = await page.$$eval("li.gouji-finding", (l) => l.map((x) => x.textContent));
  assert.ok(findings.some((f) => /上年结转.*填报为34.*上一年度报告.*结转下年度继续办理」为30/.test(f)), findings.join("\n"));
  assert.match(await page.textContent("#prev-source"), /已读取上一年度报告：淮安市人民政府2023年政府信息公开工作年度报告（2023年度）/);
  assert.match(await page.textContent("#out"), /已与上一年度报告核对/);
  // each indicator with last year's beside it
  assert.match(await page.textContent(".gouji-indicators"), /公开率 [\d.]+%（上年 [\d.]+%，[+−][\d.]+ 个百分点）/);
  // last year's tables, the cells compared marked, their ids apart from this year's
  assert.equal(await page.isVisible("#prev-out"), true);
  const marked = await page.$$eval("#prev-out .gouji-prev-cell", (l) => l.map((x) => x.id));
  assert.ok(marked.includes("gouji-prev-gouji-cell-p3.carried_out.natural"), marked.join(","));
  assert.equal(await page.$$eval('[id="gouji-cell-p3.carried_in.natural"]', (l) => l.length), 1);
  // the whole core was loaded for it, from the page's own origin
  assert.ok(wholeCore(requests).length >= 1);
  // nothing lost: a reload brings back both reports, compared again
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  await page.waitForFunction(() => /已与上一年度报告核对/.test(document.querySelector("#out").textContent));
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.match(await page.inputValue("#prev-text"), /淮安市人民政府/);

  // cleared: this year's report alone again
  before = await page.getAttribute("main", "data-drawn");
  await page.click("#prev-clear");
  await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before);
  assert.match(await verdict(page), /通过/);
  assert.equal(await page.isVisible("#prev-out"), false);

  // dropped as a file onto last year's input: read there, not as this year's report
  before = await page.getAttribute("main", "data-drawn");
  await dropFile(page, "淮安2023.txt", fixture("prev/huaian-2023-carry.txt"), "text/plain", { target: "#prev", wait: "none" });
  await drawnAfter(page, before);
  assert.match(await verdict(page), /发现 2 处错误/);
  assert.match(await page.inputValue("#text"), /2024 年政府信息公开工作年度报告/);

  // a mismatched pair is said, not compared
  before = await page.getAttribute("main", "data-drawn");
  await page.fill("#prev-text", fixture("samples/hongze-2023.txt"));
  await drawnAfter(page, before);
  assert.match(await page.textContent("#out"), /两份报告不是同一机关的/);
  assert.match(await verdict(page), /通过/);

  assert.ok(afterLoad().every((r) => r.url.startsWith(env.server.url)), JSON.stringify(afterLoad()));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the widget takes last year's report as a property and from prev-source", async () => {
  const { page, context, afterLoad, errors } = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: "html" });
  await page.waitForFunction(() => document.querySelector("#a")?.shadowRoot?.querySelector("#out"));
  const errorsOf = (prev) =>
    page.evaluate(
      ([text, prev]) =>
        new Promise((resolve) => {
          const w = document.querySelector("#a");
          w.addEventListener("gouji-result", (e) => e.detail.prev && resolve(e.detail.findings.filter((f) => f.rule === "X-CARRY").length));
          w.check(text);
          w.prev = prev;
        }),
      [fixture("samples/huaian-2024.txt"), prev],
    );
  assert.equal(await errorsOf(fixture("prev/huaian-2023-carry.txt")), 2);
  assert.equal(await page.evaluate(() => document.querySelector("#a").prev.length > 1000), true);
  // prev-source: an element of the host page holding last year's report
  const carried = await page.evaluate(
    ([text, prev]) =>
      new Promise((resolve) => {
        const ta = document.createElement("textarea");
        ta.id = "last-year";
        ta.value = prev;
        document.body.append(ta);
        const w = document.querySelector("#b");
        w.addEventListener("gouji-result", (e) => e.detail.prev && resolve(e.detail.findings.filter((f) => f.rule === "X-CARRY").length));
        w.check(text);
        w.setAttribute("prev-source", "last-year");
      }),
    [fixture("samples/huaian-2024.txt"), fixture("prev/huaian-2023-carry.txt")],
  );
  assert.equal(carried, 2);
  assert.deepEqual(afterLoad().filter((r) => !r.url.startsWith(env.server.url)), []);
  assert.deepEqual(errors, []);
  await context.close();
});
