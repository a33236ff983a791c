// End-to-end: the <gouji-check> widget, the iframe embed and the portal example, in headless
// Chromium. None of them may make a request after loading.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SAMPLES, fixture, openPage, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const DEFINED = "html"; // pages wait for the custom element below
const widgetReady = (page, sel) => page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector("#out"), sel);
const verdictOf = (page, sel) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector(".gouji-verdict")?.textContent ?? "", sel);

test("two widgets on one page stay independent; the event carries the result", async () => {
  const { page, context, afterLoad, errors } = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: DEFINED });
  await widgetReady(page, "#a");
  await widgetReady(page, "#b");
  const results = await page.evaluate(
    ([hongze, huaian]) =>
      new Promise((resolve) => {
        const got = {};
        document.addEventListener("gouji-result", (e) => {
          got[e.target.id] = e.detail;
          if (got.a && got.b) resolve(got);
        });
        document.querySelector("#a").check(hongze);
        document.querySelector("#b").value = huaian;
      }),
    [fixture("samples/hongze-2023.txt"), fixture("samples/huaian-2024.txt")],
  );
  assert.equal(results.a.summary.errors, 2);
  assert.equal(results.b.summary.errors, 0);
  assert.match(await verdictOf(page, "#a"), /发现 2 处错误/);
  assert.match(await verdictOf(page, "#b"), /Passed/); // lang="en"
  // the same ids live in each shadow root, apart
  assert.equal(await page.evaluate(() => document.querySelector("#a").shadowRoot.querySelectorAll('[id="gouji-cell-p4.review.total"].error').length), 1);
  assert.equal(await page.evaluate(() => document.querySelector("#b").shadowRoot.querySelectorAll(".gouji-cell.error").length), 0);
  assert.equal(await page.evaluate(() => document.querySelector("#a").result.summary.errors), 2);
  // compact: summary and findings only
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#b").shadowRoot.querySelector(".gouji-table")).display), "none");
  assert.deepEqual(afterLoad(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an unknown format attribute is said plainly, naming the accepted ones", async () => {
  const { page, context } = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: DEFINED });
  await widgetReady(page, "#a");
  const notice = () => page.evaluate(() => document.querySelector("#a").shadowRoot.querySelector("#notice").textContent);
  await page.evaluate(() => document.querySelector("#a").setAttribute("format", "F1999"));
  assert.match(await notice(), /unknown format “F1999”: use auto, F2019 or F2021/);
  await page.evaluate(() => document.querySelector("#a").setAttribute("format", "2019"));
  assert.equal(await page.evaluate(() => document.querySelector("#a").shadowRoot.querySelector("#format").value), "F2019");
  await context.close();
});

test("the gouji-result event is right for each sample", async () => {
  const { page, context } = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: DEFINED });
  await widgetReady(page, "#a");
  for (const name of SAMPLES) {
    const detail = await page.evaluate(
      (text) =>
        new Promise((resolve) => {
          document.querySelector("#a").addEventListener("gouji-result", (e) => resolve(e.detail), { once: true });
          document.querySelector("#a").check(text);
        }),
      fixture(`samples/${name}.txt`),
    );
    const expected = JSON.parse(fixture(`samples/${name}.json`));
    assert.deepEqual(detail, expected, name);
  }
  await context.close();
});

test("source= follows a textarea as it is typed into", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: DEFINED });
  await widgetReady(page, "#c");
  const hongze = fixture("samples/hongze-2023.txt");
  await page.fill("#editor", hongze.slice(0, 2000)); // the tables are not there yet
  await page.waitForTimeout(300);
  assert.doesNotMatch(await verdictOf(page, "#c"), /发现 2 处错误/);
  await page.fill("#editor", hongze);
  await page.waitForTimeout(300);
  assert.match(await verdictOf(page, "#c"), /发现 2 处错误/);
  // typing a correction into the host's editor
  await page.evaluate(() => {
    const t = document.querySelector("#editor");
    const lines = t.value.split("\n");
    lines[148] = lines[148].replace(/^10(\s+)1(\s+)0(\s+)0(\s+)0/, "10$11$20$30$411");
    t.value = lines.join("\n");
    t.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForTimeout(300);
  assert.match(await verdictOf(page, "#c"), /发现 1 处错误/);
  assert.deepEqual(afterLoad(), []);
  await context.close();
});

test("a hostile host page neither breaks the widget nor is changed by it", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url + "test/hostile.html", { waitFor: DEFINED });
  const before = await page.evaluate(() => ({
    p: getComputedStyle(document.querySelector("#host-text")).fontFamily,
    table: getComputedStyle(document.querySelector("#host-table")).display,
  }));
  await widgetReady(page, "#w");
  await page.evaluate((t) => document.querySelector("#w").check(t), fixture("samples/hongze-2023.txt"));
  const inside = await page.evaluate(() => {
    const root = document.querySelector("#w").shadowRoot;
    const cell = root.querySelector('[id="gouji-cell-p4.review.total"]');
    const table = root.querySelector("#gouji-p3");
    const verdict = root.querySelector(".gouji-verdict");
    return {
      table: getComputedStyle(table).display,
      cell: getComputedStyle(cell).display,
      cellBorder: getComputedStyle(cell).borderTopColor,
      font: getComputedStyle(verdict).fontFamily,
      color: getComputedStyle(verdict).color,
      verdictVisible: verdict.getBoundingClientRect().height > 0,
    };
  });
  assert.equal(inside.table, "table");
  assert.equal(inside.cell, "table-cell");
  assert.notEqual(inside.cellBorder, "rgb(0, 255, 0)");
  assert.doesNotMatch(inside.font, /Comic Sans|fantasy/);
  assert.notEqual(inside.color, "rgb(255, 0, 255)");
  assert.equal(inside.verdictVisible, true);
  const after = await page.evaluate(() => ({
    p: getComputedStyle(document.querySelector("#host-text")).fontFamily,
    table: getComputedStyle(document.querySelector("#host-table")).display,
  }));
  assert.deepEqual(after, before, "the widget's CSS does not leak into the host");
  assert.deepEqual(afterLoad(), []);
  await context.close();
});

test("the iframe embed answers allowed origins only, and only well-formed messages", async () => {
  const port = new URL(env.server.url).port;
  const host = `http://127.0.0.1:${port}`;
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url + "test/frame-host.html", { waitFor: DEFINED });
  const hongze = fixture("samples/hongze-2023.txt");
  const outcome = await page.evaluate(
    async ([host, port, hongze, huaian]) => {
      const frame = (parent) =>
        new Promise((resolve) => {
          const f = document.createElement("iframe");
          f.sandbox = "allow-scripts allow-same-origin";
          // another origin than the host page (localhost, not 127.0.0.1)
          f.src = `http://localhost:${port}/embed.html?parent=${encodeURIComponent(parent)}`;
          f.addEventListener("load", () => resolve(f));
          document.body.append(f);
        });
      const replies = [];
      window.addEventListener("message", (e) => replies.push({ origin: e.origin, data: e.data }));
      const allowed = await frame(host);
      const other = await frame("https://portal.example.gov.cn");
      await new Promise((r) => setTimeout(r, 300));
      const readyCount = replies.filter((r) => r.data?.type === "ready").length;
      for (const bad of [
        "check",
        { gouji: 1, type: "check", id: 1 },
        { gouji: 1, type: "check", id: 2, text: 5 },
        { gouji: 1, type: "check", id: { x: 1 }, text: "a" },
        { gouji: 1, type: "check", id: 3, text: "a", extra: true },
        { gouji: 2, type: "check", id: 5, text: "a" },
        null,
      ]) allowed.contentWindow.postMessage(bad, "*");
      other.contentWindow.postMessage({ gouji: 1, type: "check", id: "other", text: hongze }, "*");
      await new Promise((r) => setTimeout(r, 300));
      const afterBad = replies.filter((r) => r.data?.type !== "ready").length;
      allowed.contentWindow.postMessage({ gouji: 1, type: "check", id: "ok", text: hongze, options: { format: "auto" } }, "*");
      // an unknown format is answered with an error naming the accepted ones, never checked
      // as a guess; a request that names no format is checked as auto, whatever came before
      allowed.contentWindow.postMessage({ gouji: 1, type: "check", id: "odd", text: huaian, options: { format: "F1999" } }, "*");
      allowed.contentWindow.postMessage({ gouji: 1, type: "check", id: "2019", text: huaian, options: { format: "F2019" } }, "*");
      allowed.contentWindow.postMessage({ gouji: 1, type: "check", id: "none", text: huaian }, "*");
      await new Promise((r) => setTimeout(r, 800));
      const reply = (id) => replies.find((r) => r.data?.id === id);
      return { readyCount, afterBad, answer: reply("ok"), odd: reply("odd"), forced: reply("2019"), none: reply("none") };
    },
    [host, port, hongze, fixture("samples/huaian-2024.txt")],
  );
  assert.equal(outcome.readyCount, 1, "only the frame that allows this host says ready to it");
  assert.equal(outcome.afterBad, 0, "malformed messages and other origins get no answer");
  assert.equal(outcome.answer.origin, `http://localhost:${port}`);
  assert.equal(outcome.answer.data.type, "result");
  assert.equal(outcome.answer.data.result.summary.errors, 2);
  assert.equal(outcome.odd.data.type, "error");
  assert.match(outcome.odd.data.message, /unknown format “F1999”: use auto, F2019 or F2021/);
  // huaian-2024 is an F2021 report: checked as F2019 its tables are a mix of formats
  assert.deepEqual(outcome.forced.data.result.findings.map((f) => f.rule), ["FMT-MIX"]);
  assert.deepEqual(outcome.none.data.result.findings, [], "a request without a format is checked as auto");
  assert.deepEqual(afterLoad().filter((r) => !r.url.includes("/embed.html") && !r.url.startsWith(`http://localhost:${port}/`)), []);
  await context.close();
});

test("the portal example enables 发布 only when the report is clean", async () => {
  const { page, context, afterLoad, errors } = await openPage(env.browser, env.server.url + "examples/portal.html", { waitFor: DEFINED });
  await widgetReady(page, "gouji-check");
  assert.equal(await page.isDisabled("#publish"), true);
  await page.fill("#body", fixture("samples/hongze-2023.txt"));
  await page.waitForFunction(() => /2 处数据错误/.test(document.querySelector("#why").textContent));
  assert.equal(await page.isDisabled("#publish"), true);
  await page.fill("#body", fixture("samples/huaian-2024.txt"));
  await page.waitForFunction(() => !document.querySelector("#publish").disabled);
  assert.match(await page.textContent("#why"), /可以发布/);
  // fixing through the widget writes into the CMS textarea
  await page.fill("#body", fixture("samples/hongze-2023.txt"));
  await page.waitForFunction(() => document.querySelector("#publish").disabled);
  await page.evaluate(() => {
    const root = document.querySelector("gouji-check").shadowRoot;
    root.querySelector('a.gouji-fix[data-cell="p4.review.total"]').click();
    root.querySelector('a.gouji-fix[data-cell="p4.suit_after_review.total"]').click();
  });
  await page.waitForFunction(() => !document.querySelector("#publish").disabled);
  assert.match((await page.inputValue("#body")).split("\n")[148], /\s11\s/);
  assert.deepEqual(afterLoad(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
