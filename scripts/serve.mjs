// Serves www/ (and the single-file build at /dist/gouji.html) on http://127.0.0.1:8080 with the
// right MIME types and the page's Content-Security-Policy as a header too.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || "127.0.0.1";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
};
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// test pages (the end-to-end tests set this) are served under /test/, and the rich-text editors
// their host pages embed (test-only packages of tests/e2e/node_modules) under /editors/
const testPages = process.env.GOUJI_TEST_PAGES;
const testEditors = process.env.GOUJI_TEST_EDITORS;
// a portal's page with an editor: the editors need inline styles and their own iframes; still
// nothing may be sent anywhere (connect-src 'none')
const EDITOR_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'none'; frame-src 'self' blob: about:; base-uri 'none'; form-action 'none'";

/** frame-ancestors for embed.html: the parent origins its address allows, else none. */
function frameAncestors(url) {
  if (!url.pathname.endsWith("/embed.html")) return "'none'";
  const allowed = (url.searchParams.get("parent") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(s));
  return allowed.length ? allowed.join(" ") : "'none'";
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith("/")) path += "index.html";
  let base = www;
  if (path.startsWith("/dist/")) base = root;
  else if (testPages && path.startsWith("/test/")) {
    base = testPages;
    path = path.slice("/test".length);
  } else if (testEditors && path.startsWith("/editors/")) {
    base = testEditors;
    path = path.slice("/editors".length);
  }
  const file = normalize(join(base, path));
  if (!file.startsWith(base + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    const headers = {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache",
    };
    // the single file carries its own CSP (with hashes of its inline script and style)
    let csp = CSP.replace("frame-ancestors 'none'", `frame-ancestors ${frameAncestors(url)}`);
    // a test host page frames the embed from another local origin, as a portal would
    if (base === testPages) csp += "; frame-src http://localhost:* http://127.0.0.1:*";
    if ((base === testPages && path.startsWith("/editors/")) || base === testEditors) csp = EDITOR_CSP;
    if (!url.pathname.startsWith("/dist/")) headers["Content-Security-Policy"] = csp;
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
  }
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`gouji is served at http://${host}:${actual}/  (single file: http://${host}:${actual}/dist/gouji.html)`);
});
