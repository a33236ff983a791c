// Hostile pastes in real Chromium: over a hundred script-injection payloads in labels, cells and
// prose, pasted as text and as HTML, into the page and into the widget. No script runs (no
// dialog, no console marker, no global set), the rendered output holds no active element or
// attribute, and no request is made.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixture, openPage, pasteText, pasteHtml, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

const PAYLOADS = fixture("hostile/payloads.txt").split("\n").filter(Boolean);
const BASE = fixture("rules/TABLE-EXTRA.fail.txt");

/** A report with a batch of payloads in a label, a cell, the prose and a part 三 label. */
function reportWith(batch) {
  return batch.reduce(
    (text, p, i) =>
      i % 4 === 0 ? text.replace("其他主动公开文件", `其他主动公开文件${p}`)
      : i % 4 === 1 ? text.replace("我县全年受理", `${p}我县全年受理`)
      : i % 4 === 2 ? text.replace("（一）予以公开", `（一）予以公开${p}`)
      : text + `\n${p}`,
    BASE,
  );
}

/** The same as an HTML page: payloads raw in cells and paragraphs (markup, not text). */
function htmlWith(batch) {
  const rows = BASE.split("\n").map((l) => `<tr>${l.split("\t").map((c) => `<td>${c}</td>`).join("")}</tr>`);
  batch.forEach((p, i) => {
    rows[(i * 7) % rows.length] = rows[(i * 7) % rows.length].replace("<td>", `<td>${p}`);
  });
  return `<html><body><p>${batch.join("</p><p>")}</p><table>${rows.join("")}</table></body></html>`;
}

/** Every element and attribute under `root` is one the renderer makes, inert. */
function scan(root) {
  const TAGS = new Set(["DIV", "P", "SPAN", "OL", "LI", "A", "TABLE", "CAPTION", "THEAD", "TBODY", "TR", "TH", "TD", "INPUT"]);
  const bad = [];
  for (const el of root.querySelectorAll("*")) {
    if (!TAGS.has(el.tagName)) bad.push(`<${el.tagName}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === "src" || a.name === "style" || a.name === "srcdoc") bad.push(`${el.tagName}[${a.name}]`);
      if (a.name === "href" && !a.value.startsWith("#")) bad.push(`${el.tagName}[href=${a.value}]`);
    }
  }
  return bad;
}

function watch(page) {
  const seen = { dialogs: 0, markers: 0 };
  page.on("dialog", async (d) => {
    seen.dialogs++;
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (m.text().includes("GOUJI-PWNED")) seen.markers++;
  });
  return seen;
}

async function assertClean(page, seen, afterLoad, rootExpr) {
  assert.equal(await page.evaluate(() => window.__gouji_pwned), undefined, "a payload ran");
  assert.equal(seen.dialogs, 0, "a dialog opened");
  assert.equal(seen.markers, 0, "a payload logged");
  const bad = await page.evaluate(`(${scan})(${rootExpr})`);
  assert.deepEqual(bad, []);
  assert.deepEqual(afterLoad(), []);
}

const batches = [];
for (let i = 0; i < PAYLOADS.length; i += 12) batches.push(PAYLOADS.slice(i, i + 12));

test(`the page: ${PAYLOADS.length} payloads pasted as text and as HTML`, async () => {
  assert.ok(PAYLOADS.length >= 100);
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  const seen = watch(page);
  for (const batch of batches) {
    await pasteText(page, reportWith(batch));
    await assertClean(page, seen, afterLoad, `document.querySelector("#out")`);
    await pasteHtml(page, htmlWith(batch), reportWith(batch));
    await assertClean(page, seen, afterLoad, `document.querySelector("#out")`);
  }
  // and a cell edited to a payload
  await pasteText(page, BASE);
  await page.click('[id="gouji-cell-p3.new.natural"]');
  await page.fill("input.gouji-edit", PAYLOADS[4]);
  await page.keyboard.press("Enter");
  await assertClean(page, seen, afterLoad, `document.querySelector("#out")`);
  await context.close();
});

test(`the widget: ${PAYLOADS.length} payloads through check() and an HTML paste`, async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url + "test/two.html", { waitFor: "html" });
  await page.waitForFunction(() => document.querySelector("#a")?.shadowRoot?.querySelector("#out"));
  const seen = watch(page);
  const root = `document.querySelector("#a").shadowRoot.querySelector("#out")`;
  for (const batch of batches) {
    await page.evaluate((t) => document.querySelector("#a").check(t), reportWith(batch));
    await assertClean(page, seen, afterLoad, root);
    await page.evaluate((html) => {
      const dt = new DataTransfer();
      dt.setData("text/html", html);
      const ta = document.querySelector("#a").shadowRoot.querySelector("#text");
      ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, htmlWith(batch));
    await page.waitForTimeout(50);
    await assertClean(page, seen, afterLoad, root);
  }
  await context.close();
});
