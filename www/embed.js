// The iframe embed, for portals whose CSP cannot allow WebAssembly: the host page posts the
// text — or its editor's HTML — this frame checks it here and posts the result back. Only the
// parent origins named in the frame's address (?parent=https://a.example,https://b.example) are
// listened to and answered; every message is validated; anything else is ignored.
//
//   host -> frame: { gouji: 1, type: "check", id, text | html, options? }   id: string or number
//   frame -> host: { gouji: 1, type: "ready" }
//                  { gouji: 1, type: "result", id, result }           result: docs/result.md
//                  { gouji: 1, type: "error", id, message }
//                  { gouji: 1, type: "fix", id, cell, value, at }     a one-click fix of HTML
//                      checked: the portal writes `value` into the cell at `at` ({ table, row,
//                      cell } of the HTML it posted: editors.js's cellAt finds it in the
//                      editor) through its editor, then posts the editor's HTML again
import * as core from "./gouji-core.js";
import { GoujiView, TEMPLATE } from "./ui.js";
import "./view/editor.js";
import { address, liveCell } from "./editors.js";

const MAX_TEXT = 20 * 1024 * 1024;

/** The allowed parent origins, from ?parent=… (exact origins, https or http://localhost). */
export function allowedOrigins(search) {
  const list = new URLSearchParams(search).get("parent") ?? "";
  return list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => {
      try {
        const u = new URL(s);
        return u.origin === s && (u.protocol === "https:" || u.hostname === "localhost" || u.hostname === "127.0.0.1");
      } catch {
        return false;
      }
    });
}

/** The message as a check request, or null if it is not exactly one. */
export function request(data) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const keys = Object.keys(data);
  if (!keys.every((k) => ["gouji", "type", "id", "text", "html", "options"].includes(k))) return null;
  if (data.gouji !== 1 || data.type !== "check") return null;
  if (!(typeof data.id === "string" && data.id.length <= 200) && !Number.isSafeInteger(data.id)) return null;
  // exactly one of text and html, a string within the limit
  const body = data.html ?? data.text;
  if ((data.html !== undefined) === (data.text !== undefined)) return null;
  if (typeof body !== "string" || body.length > MAX_TEXT) return null;
  let options = {};
  if (data.options !== undefined) {
    const o = data.options;
    if (typeof o !== "object" || o === null || Object.keys(o).some((k) => k !== "format")) return null;
    // a string, checked by the core's own reading of format names (an unknown one is answered
    // with an error naming the accepted ones)
    if (o.format !== undefined && (typeof o.format !== "string" || o.format.length > 40)) return null;
    options = o.format ? { format: o.format } : {};
  }
  return data.html !== undefined ? { id: data.id, html: data.html, options } : { id: data.id, text: data.text, options };
}

const origins = allowedOrigins(location.search);
const root = document.getElementById("view");
root.innerHTML = TEMPLATE; // the view's own markup, a constant
const view = new GoujiView(root, core, { lang: new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh" });
view.setCompact(new URLSearchParams(location.search).has("compact"));

window.addEventListener("message", (e) => {
  if (e.source !== window.parent || !origins.includes(e.origin)) return;
  const req = request(e.data);
  if (!req) return;
  try {
    // each request says its own format: one that says none is checked as auto, whatever the
    // request before it said
    view.setFormat(core.formatName(req.options.format ?? "auto"), { check: false });
    let result;
    if (req.html !== undefined) {
      // the portal's editor, here as the HTML it posted: a fix goes back as a cell change
      const doc = new DOMParser().parseFromString(req.html, "text/html");
      const adapter = {
        name: "portal",
        html: () => req.html,
        onChange: () => () => {},
        root: () => doc.body,
        write(td, value, cell) {
          e.source.postMessage({ gouji: 1, type: "fix", id: req.id, cell, value, at: address(doc.body, td) }, e.origin);
          return true;
        },
      };
      view.followEditor(adapter, (html, at) => liveCell(core, adapter, html, at));
      result = view.result;
    } else {
      view.followEditor(null);
      result = view.check(req.text);
    }
    e.source.postMessage({ gouji: 1, type: "result", id: req.id, result }, e.origin);
  } catch (err) {
    e.source.postMessage({ gouji: 1, type: "error", id: req.id, message: String(err?.message ?? err) }, e.origin);
  }
});

if (window.parent !== window) {
  for (const origin of origins) window.parent.postMessage({ gouji: 1, type: "ready" }, origin);
}
document.documentElement.dataset.ready = "true";
