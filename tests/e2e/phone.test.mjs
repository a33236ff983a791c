// Phone-sized screens (360–414 px): the official tables stay legible. Labels are several
// characters wide, the table scrolls sideways inside its own box so the 总计 column is
// reachable, and the page itself never scrolls sideways.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixture, openPage, pasteText, serverAndBrowser } from "./helpers.mjs";

const env = serverAndBrowser();

for (const width of [360, 390, 414]) {
  test(`at ${width} px the tables are legible and the page does not scroll sideways`, async () => {
    const { page, context } = await openPage(env.browser, env.server.url, { viewport: { width, height: 800 } });
    await pasteText(page, fixture("samples/hongze-2023.txt"));
    const m = await page.evaluate(() => {
      const table = document.querySelector(".gouji-table");
      const em = parseFloat(getComputedStyle(table).fontSize);
      const labels = [...table.querySelectorAll("th[scope=row]")].map((th) => th.getBoundingClientRect().width / em);
      const box = table.closest(".result");
      return { page: document.documentElement.scrollWidth, viewport: innerWidth, narrowest: Math.min(...labels), box: box.scrollWidth > box.clientWidth };
    });
    assert.ok(m.page <= m.viewport, `the page is ${m.page} px wide in a ${m.viewport} px screen`);
    assert.ok(m.narrowest >= 4, `the narrowest row label is ${m.narrowest.toFixed(1)} characters wide`);
    // the 总计 column: scrolled to inside the table's box, it is on screen
    await page.locator('[id="gouji-cell-p3.new.total"]').scrollIntoViewIfNeeded();
    const total = await page.locator('[id="gouji-cell-p3.new.total"]').boundingBox();
    assert.ok(total && total.x >= 0 && total.x + total.width <= width, JSON.stringify(total));
    assert.equal(await page.evaluate(() => document.documentElement.scrollLeft), 0);
    await context.close();
  });
}
