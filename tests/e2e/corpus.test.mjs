// The corpus of reports as published (tests/published/, issue 20), in the page: every file
// dropped as a user drops it (the clipboard's HTML pasted as a browser pastes it), and the
// page's tables and findings held to the same `expected` as the command line
// (crates/cli/tests/published.rs): every cell's figure (blank as blank), every finding's
// severity, rule and fixes, nothing unread that the command line read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT, openPage, dropFile, pasteHtml, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();
const CORPUS = join(ROOT, "tests/published");

function expected(dir) {
  const x = { cells: [], findings: [], unread: 0 };
  for (const line of readFileSync(join(dir, "expected"), "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [kind, ...rest] = line.split(" ");
    if (kind === "cell") x.cells.push([rest[0], rest[1] === "(blank)" ? "" : rest[1]]);
    else if (kind === "finding") x.findings.push(rest.join(" "));
    else if (kind === "unread") x.unread = Number(rest[0]);
  }
  x.findings.sort();
  return x;
}

/** What the page shows: each cell's figure and whether it is blank; each finding (the report's
 *  and what could not be read) as "severity rule cell=fix…"; how many things it could not read. */
const shown = (page) =>
  page.evaluate(() => {
    const cells = {};
    for (const td of document.querySelectorAll("#out td.gouji-cell")) {
      if (td.closest(".gouji-prev")) continue;
      cells[td.dataset.cell] = { v: td.querySelector(".gouji-v")?.textContent ?? "", blank: td.classList.contains("blank"), missing: td.classList.contains("missing") || td.classList.contains("unread") };
    }
    const findings = [];
    // the report's findings and, listed apart, what gouji could not read: both as expected
    for (const li of document.querySelectorAll("#out ol.gouji-findings > li.gouji-finding")) {
      const sev = ["error", "warning", "info"].find((s) => li.classList.contains(s));
      const fixes = [...li.querySelectorAll("a.gouji-fix")].map((a) => `${a.dataset.cell}=${a.dataset.fix}`);
      findings.push([sev, li.dataset.rule, ...fixes].join(" "));
    }
    const unread = document.querySelectorAll("#out .gouji-unread-list > li.gouji-finding").length;
    return { cells, findings: findings.sort(), unread };
  });

const cases = readdirSync(CORPUS).filter((d) => statSync(join(CORPUS, d)).isDirectory()).sort();

test("every shape of every published report, dropped or pasted, shows its expected cells and findings", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  let files = 0;
  for (const name of cases) {
    const dir = join(CORPUS, name);
    const x = expected(dir);
    for (const file of readdirSync(dir).filter((f) => f !== "expected").sort()) {
      const what = `${name}/${file}`;
      const bytes = readFileSync(join(dir, file));
      if (file === "clipboard.html") {
        // the browser's clipboard HTML of the tables, pasted
        const before = await page.getAttribute("main", "data-drawn");
        await pasteHtml(page, bytes.toString("utf8"));
        await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before, { timeout: 10000 });
      } else {
        await dropFile(page, file, bytes);
      }
      // figures run together: the first-load core says so, and the whole core is loaded to split them
      await page.waitForFunction(() => !document.querySelector("main").dataset.loading, null, { timeout: 10000 });
      const got = await shown(page);
      assert.equal(got.unread, x.unread, `${what}: unread`);
      assert.deepEqual(got.findings, x.findings, `${what}: findings`);
      for (const [id, raw] of x.cells) {
        const c = got.cells[id];
        assert.ok(c && !c.missing, `${what}: ${id} not read`);
        assert.equal(c.blank, raw === "", `${what}: ${id} blank`);
        if (raw !== "") assert.equal(c.v, raw, `${what}: ${id}`);
      }
      files++;
    }
  }
  assert.ok(files >= 25, `${files} files`);
  assert.ok(afterLoad().every((r) => r.url.startsWith(env.server.url)), JSON.stringify(afterLoad()));
  await context.close();
});

test("a 总计 column left blank: one error, its fixes worded as one action, filled by one button", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await dropFile(page, "zero-total.html", readFileSync(join(CORPUS, "huaian-2024-zero-total/page.html")));
  const errors = page.locator("#out ol.gouji-findings:not(.gouji-unread-list) > li.gouji-finding.error");
  assert.equal(await errors.count(), 1);
  const fixes = await errors.locator(".gouji-fixes").textContent();
  assert.match(fixes, /逐行补全：/);
  assert.doesNotMatch(fixes, /，或 /);
  // every relation it stands for is drawn: the rows' cells as related
  assert.match(await page.getAttribute('[id="gouji-cell-p3.new.natural"]', "class"), /related/);
  await errors.locator("button.gouji-fix-all").click();
  await page.waitForFunction(() => /通过/.test(document.querySelector(".gouji-verdict")?.textContent ?? ""));
  assert.equal(await page.textContent('[id="gouji-cell-p3.new.total"] .gouji-v'), "3119");
  assert.equal(await page.textContent('[id="gouji-cell-p3.total.total"] .gouji-v'), "3050");
  await context.close();
});

test("figures run together, pasted: the whole core is loaded once, and each split cell is drawn as split", async () => {
  const { page, context, afterLoad } = await openPage(env.browser, env.server.url);
  const text = readFileSync(join(CORPUS, "huaian-2024-crawled/report.txt"), "utf8");
  await page.fill("#text", text);
  await page.waitForFunction(() => document.querySelectorAll("#out td.gouji-cell.split").length > 0, null, { timeout: 10000 });
  await page.waitForFunction(() => !document.querySelector("main").dataset.loading);
  assert.equal(await page.locator("#out td.gouji-cell.split").count(), 190);
  assert.equal(await page.locator('[id="gouji-cell-p3.new.natural"] .gouji-v').textContent(), "3001");
  assert.match(await page.getAttribute('[id="gouji-cell-p3.new.natural"]', "title"), /由勾稽关系拆分/);
  // what the relations leave open is listed apart, with its candidate readings
  assert.match(await page.locator(".gouji-unread").textContent(), /可拆为：.*12 1 1 6 20/);
  assert.doesNotMatch(await page.textContent(".gouji-verdict"), /发现 \d+ 处错误/);
  const late = afterLoad().map((r) => r.url);
  assert.ok(late.every((u) => u.startsWith(env.server.url)), late.join("\n"));
  await context.close();
});
