// The npm package: `npm pack` makes an installable tarball; installed into a scratch project,
// the API works from Node, from a bundler (esbuild) and from a plain <script type="module">,
// the widget works in Chromium, and the TypeScript declarations type-check a consumer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync, rmSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, normalize, sep } from "node:path";
import { ROOT, fixture, launch, openPage } from "./helpers.mjs";

let dir, server, url, browser;

before(async () => {
  const tgz = readdirSync(join(ROOT, "dist")).find((f) => /^gouji-.*\.tgz$/.test(f));
  assert.ok(tgz, "dist/gouji-*.tgz (scripts/npm-package.mjs) is there");
  dir = mkdtempSync(join(tmpdir(), "gouji-consumer-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(ROOT, "dist", tgz)], { cwd: dir, stdio: "pipe" });
  // a consumer's static server (no CSP of ours: the consumer's page is its own)
  const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the API from Node", () => {
  writeFileSync(join(dir, "api.mjs"), `import { check, render, tablesTsv, version } from "gouji";
import { readFileSync } from "node:fs";
const r = check(readFileSync(process.argv[2], "utf8"));
console.log(JSON.stringify({ errors: r.summary.errors, html: render(r).includes("gouji-cell-p4.review.total"), tsv: tablesTsv(r).length > 0, version: version() }));
`);
  const out = JSON.parse(execFileSync(process.execPath, ["api.mjs", join(ROOT, "tests/fixtures/samples/hongze-2023.txt")], { cwd: dir, encoding: "utf8" }));
  assert.deepEqual(out, { errors: 2, html: true, tsv: true, version: JSON.parse(readFileSync(join(dir, "node_modules/gouji/package.json"), "utf8")).version });
});

test("the API through a bundler (esbuild)", () => {
  writeFileSync(join(dir, "entry.mjs"), `import { check } from "gouji";\nconsole.log(check(process.argv[2]).summary.errors);\n`);
  execFileSync(join(ROOT, "node_modules/.bin/esbuild"), ["entry.mjs", "--bundle", "--format=esm", "--platform=node", "--outfile=bundle.mjs"], { cwd: dir, stdio: "pipe" });
  const out = execFileSync(process.execPath, ["bundle.mjs", fixture("samples/hongze-2023.txt")], { cwd: dir, encoding: "utf8" });
  assert.equal(out.trim(), "2");
});

test("the declarations type-check a consumer", () => {
  writeFileSync(join(dir, "use.ts"), `import { check, type CheckResult } from "gouji";
import { GoujiCheck } from "gouji/widget";
const r: CheckResult = check("x");
const w = document.querySelector("gouji-check");
w?.addEventListener("gouji-result", (e) => { const n: number | undefined = e.detail?.summary.errors; console.log(n); });
const el: GoujiCheck | null = w;
export { r, el };
`);
  execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler", "--lib", "es2022,dom", "use.ts"], { cwd: dir, stdio: "pipe" });
});

test("the widget and the API in a plain page", async () => {
  writeFileSync(join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><link rel="icon" href="node_modules/gouji/favicon.svg">
<script type="module" src="node_modules/gouji/gouji-widget.js"></script>
<script type="module">
  import { check } from "./node_modules/gouji/gouji-core.js";
  window.apiErrors = check(${JSON.stringify(fixture("samples/hongze-2023.txt"))}).summary.errors;
</script>
<gouji-check id="w" compact></gouji-check>`);
  const { page, context, errors, afterLoad } = await openPage(browser, url, { waitFor: "html" });
  await page.waitForFunction(() => window.apiErrors !== undefined && document.querySelector("#w")?.shadowRoot?.querySelector("#out"));
  assert.equal(await page.evaluate(() => window.apiErrors), 2);
  const errorsInWidget = await page.evaluate((t) => document.querySelector("#w").check(t).summary.errors, fixture("samples/hongze-2023.txt"));
  assert.equal(errorsInWidget, 2);
  assert.deepEqual(afterLoad(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
