// Measures the page budgets in real headless Chromium (figures for the record, not assertions):
// check + render of huaian-2024.txt (median of many runs), the time until the page is ready,
// and for a 20 MB paste the longest main-thread gap while the worker checks and the time to the
// answer (the end-to-end tests assert only that it ran in the worker with the page answering);
// and a 5-page PDF dropped: from the drop to the result drawn, the first time (the file readers'
// module loaded and instantiated) and again (budget 300 ms).
import { startServer, launch, openPage, fixture, fixtureBytes, pasteAndWait, dropAndTime } from "../tests/e2e/helpers.mjs";

const server = await startServer();
const browser = await launch();
try {
  const readies = [];
  for (let i = 0; i < 7; i++) {
    const { page, context } = await openPage(browser, server.url);
    readies.push(Number(await page.getAttribute("html", "data-ready-ms")));
    if (i < 6) await context.close();
    else {
      const text = fixture("samples/huaian-2024.txt");
      const times = await page.evaluate(async (text) => {
        const core = await import("./gouji-core.js");
        const runs = [];
        for (let i = 0; i < 300; i++) {
          const t = performance.now();
          core.render(core.check(text, {}), "zh");
          runs.push(performance.now() - t);
        }
        runs.sort((a, b) => a - b);
        return { median: runs[150], p90: runs[270] };
      }, text);
      readies.sort((a, b) => a - b);
      console.log(`check + render of huaian-2024.txt in Chromium: median ${times.median.toFixed(2)} ms, p90 ${times.p90.toFixed(2)} ms (budget 2 ms)`);
      console.log(`page ready after navigation (localhost): median ${readies[3]} ms, worst ${readies[6]} ms (budget 300 ms)`);
      const huge = await pasteAndWait(page, `() => ${JSON.stringify(fixture("samples/hongze-2023.txt"))}.repeat(2400)`);
      console.log(`a 20 MB paste: checked in the ${huge.checkedIn}, answered after ${huge.ms.toFixed(0)} ms, longest main-thread gap ${huge.gap.toFixed(0)} ms (budget 100 ms)`);
      const pdf = fixtureBytes("files/hongze-2023.pdf");
      const drops = [];
      for (let k = 0; k < 6; k++) drops.push(await dropAndTime(page, `hongze-${k}.pdf`, pdf));
      const again = drops.slice(1).sort((a, b) => a - b);
      console.log(`a 5-page PDF dropped (hongze-2023.pdf, ${pdf.length} B): drawn ${drops[0].toFixed(0)} ms after the drop the first time (the readers' module loaded), median ${again[2].toFixed(0)} ms after (budget 300 ms)`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
