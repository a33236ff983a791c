// Shared by the end-to-end tests: the local server, Debian's Chromium, request recording.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (p) => readFileSync(join(ROOT, "tests/fixtures", p), "utf8");
export const fixtureBytes = (p) => readFileSync(join(ROOT, "tests/fixtures", p));
export const SAMPLES = ["guidong-2020", "hongze-2023", "huaian-2024"];

/** Starts scripts/serve.mjs on a free port; resolves to { url, stop }. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs")], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", GOUJI_TEST_PAGES: join(ROOT, "tests/e2e/pages"), GOUJI_TEST_EDITORS: join(ROOT, "tests/e2e/node_modules") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d) => {
      const m = d.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}/`, stop: () => child.kill() });
    });
    child.on("error", reject);
    setTimeout(() => reject(new Error("the server did not start")), 10000);
  });
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

/** A page that records every request; `afterLoad()` returns those made after the page was ready. */
export async function openPage(browser, url, { viewport, waitFor = "html[data-ready=true]" } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: viewport ?? { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const requests = [];
  let ready = false;
  const errors = [];
  page.on("request", (r) => requests.push({ url: r.url(), afterReady: ready }));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 10000 });
  ready = true;
  return {
    page,
    context,
    errors,
    requests,
    /** Requests after the page was ready; blob: URLs are the page's own downloads, made in memory. */
    afterLoad: () => requests.filter((r) => r.afterReady && !r.url.startsWith("blob:")),
  };
}

/** Pastes plain text as a user would (the textarea's own input). */
export async function pasteText(page, text) {
  await page.fill("#text", text);
  await page.waitForTimeout(250);
}

/** Pastes clipboard HTML (with its plain text) into the paste area. */
export async function pasteHtml(page, html, plain = "") {
  await page.evaluate(([html, plain]) => {
    const dt = new DataTransfer();
    dt.setData("text/html", html);
    dt.setData("text/plain", plain);
    document.querySelector("#text").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [html, plain]);
  await page.waitForTimeout(100);
}

export const verdict = (page) => page.textContent(".gouji-verdict");
export const cellClass = (page, id) => page.getAttribute(`[id="gouji-cell-${id}"]`, "class");

/** Starts the server and the browser before a test file's tests and stops them after; the
 *  returned object's `server` and `browser` are set once they are up. */
export function serverAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** Puts the text `build` returns (a function's source, run in the page) in the paste area as a
 *  paste would, and waits for the answer. Returns what a test asserts — whether the text was
 *  kept, where it was checked (`checkedIn`: "worker" or "page"), how many 10 ms timer tasks ran
 *  while the view was busy (`ticksWhileBusy`: the page answering while the worker checks) —
 *  and, for scripts/measure-page.mjs only, the figures no test asserts: the longest main-thread
 *  gap (`gap`, ms) and the time to the answer (`ms`). */
export async function pasteAndWait(page, build) {
  return page.evaluate(async (build) => {
    const text = new Function(`return (${build})`)()();
    const ta = document.querySelector("#text");
    const main = document.querySelector("main");
    const before = main.dataset.drawn;
    delete main.dataset.checkedIn;
    let last = performance.now();
    let gap = 0;
    let ticksWhileBusy = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
      if (main.querySelector("[aria-busy=true]") || main.getAttribute("aria-busy") === "true") ticksWhileBusy++;
    }, 10);
    const t0 = performance.now();
    // a paste, as the clipboard gives it
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    const pasted = ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    if (pasted) {
      // not taken by the page (a small paste): the textarea would insert it
      ta.value = text;
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
    await new Promise((resolve) => {
      const check = () => (main.dataset.drawn !== before || document.querySelector("#notice").textContent.includes("上限") ? resolve() : setTimeout(check, 20));
      check();
    });
    clearInterval(tick);
    const kept = ta.value.length === text.length || (ta.readOnly && ta.value.startsWith(text.slice(0, 100)));
    return { gap, ms: performance.now() - t0, kept, size: text.length, checkedIn: main.dataset.checkedIn, ticksWhileBusy };
  }, build.toString());
}

/** Drops a file onto the paste area as a file manager would (a DataTransfer holding a File);
 *  `content` is text, or a Buffer of the file's bytes. Waits for the view to draw, or (`wait:
 *  "notice"`) for its notice to change (a file refused draws nothing), or (`wait: "none"`) not at all;
 *  `target` is where it is dropped (the paste area by default). */
export async function dropFile(page, name, content, type = "application/octet-stream", { wait = "drawn", target = ".input" } = {}) {
  const before = await page.getAttribute("main", "data-drawn");
  const notice = await page.textContent("#notice");
  const base64 = Buffer.isBuffer(content) ? content.toString("base64") : null;
  await page.evaluate(([name, content, base64, type, where]) => {
    const dt = new DataTransfer();
    let body = content;
    if (base64 !== null) {
      const bin = atob(base64);
      body = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) body[i] = bin.charCodeAt(i);
    }
    dt.items.add(new File([body], name, { type }));
    const target = document.querySelector(where);
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, content, base64, type, target]);
  if (wait === "notice") {
    await page.waitForFunction((n) => document.querySelector("#notice").textContent !== n, notice, { timeout: 10000 });
  } else if (wait === "drawn") {
    await page.waitForFunction((b) => document.querySelector("main").dataset.drawn !== b, before, { timeout: 10000 });
  }
}

/** Drops a file's bytes and times, inside the page, the drop to the result drawn (ms): for
 *  scripts/measure-page.mjs only (no test asserts a duration). */
export async function dropAndTime(page, name, buffer) {
  return page.evaluate(async ([name, base64]) => {
    const bin = atob(base64);
    const body = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) body[i] = bin.charCodeAt(i);
    const main = document.querySelector("main");
    const before = main.dataset.drawn;
    const dt = new DataTransfer();
    dt.items.add(new File([body], name));
    const t0 = performance.now();
    document.querySelector(".input").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (main.dataset.drawn !== before) {
          mo.disconnect();
          resolve();
        }
      });
      mo.observe(main, { attributes: true, attributeFilter: ["data-drawn"] });
    });
    return performance.now() - t0;
  }, [name, buffer.toString("base64")]);
}
