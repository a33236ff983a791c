// The iframe embed, for portals whose CSP cannot allow WebAssembly: the host page posts the
// text, this frame checks it here and posts the result back. Only the parent origins named in
// the frame's address (?parent=https://a.example,https://b.example) are listened to and
// answered; every message is validated; anything else is ignored.
//
//   host -> frame: { gouji: 1, type: "check", id, text, options? }   id: string or number
//   frame -> host: { gouji: 1, type: "ready" }
//                  { gouji: 1, type: "result", id, result }           result: docs/result.md
//                  { gouji: 1, type: "error", id, message }
import * as core from "./gouji-core.js";
import { GoujiView, TEMPLATE } from "./ui.js";

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
  if (!keys.every((k) => ["gouji", "type", "id", "text", "options"].includes(k))) return null;
  if (data.gouji !== 1 || data.type !== "check") return null;
  if (!(typeof data.id === "string" && data.id.length <= 200) && !Number.isSafeInteger(data.id)) return null;
  if (typeof data.text !== "string" || data.text.length > MAX_TEXT) return null;
  let options = {};
  if (data.options !== undefined) {
    const o = data.options;
    if (typeof o !== "object" || o === null || Object.keys(o).some((k) => k !== "format")) return null;
    // a string, checked by the core's own reading of format names (an unknown one is answered
    // with an error naming the accepted ones)
    if (o.format !== undefined && (typeof o.format !== "string" || o.format.length > 40)) return null;
    options = o.format ? { format: o.format } : {};
  }
  return { id: data.id, text: data.text, options };
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
    const result = view.check(req.text);
    e.source.postMessage({ gouji: 1, type: "result", id: req.id, result }, e.origin);
  } catch (err) {
    e.source.postMessage({ gouji: 1, type: "error", id: req.id, message: String(err?.message ?? err) }, e.origin);
  }
});

if (window.parent !== window) {
  for (const origin of origins) window.parent.postMessage({ gouji: 1, type: "ready" }, origin);
}
document.documentElement.dataset.ready = "true";
