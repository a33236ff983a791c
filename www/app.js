// The gouji page: the header (language, privacy note) around one GoujiView (ui.js).
// Everything runs here, in this tab: nothing is sent anywhere (see the page's CSP).
import SAMPLES from "./sample-labels.js";
import { GoujiView, TEMPLATE, I18N } from "./ui.js";

/** Starts the page; `loadCore` gives the core's API (the served page imports gouji-core.js,
 *  the single-file build instantiates the embedded module itself); `loadFiles` the file
 *  readers' (gouji-files.js), called when a PDF or Word file is first dropped; `loadFull` the
 *  whole core (gouji-core.js: prev, last year's report), called when one is first given. */
export async function start(loadCore, loadFiles, loadFull = loadCore) {
  const boot = document.querySelector("#boot");
  const fail = () => {
    boot.textContent = I18N.zh["no-wasm"] + " " + I18N.en["no-wasm"];
  };
  if (typeof WebAssembly !== "object") return fail();
  let core;
  try {
    core = await loadCore();
  } catch (e) {
    console.error(e);
    return fail();
  }
  const main = document.querySelector("main");
  main.innerHTML = TEMPLATE;
  let files = null;
  let full = null;
  const view = new GoujiView(main, core, {
    samples: SAMPLES,
    // the texts are loaded on the first choice (a module of their own: not part of the first load)
    loadSample: (i) => import("./samples.js").then((m) => m.default[i].text),
    persist: "gouji:page",
    loadFiles: loadFiles && (() => (files ??= loadFiles())),
    loadFull: () => (full ??= loadFull()),
    // many files at once: a module of its own, imported when a batch is first given
    loadBatch: () => import("./batch.js"),
    // scans, screenshots: a module of its own (with the picture reader), imported with the first
    loadPictures: () => import("./pictures.js"),
  });
  const setLang = (lang) => {
    view.setLang(lang);
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = lang === "zh" ? "勾稽 · 政府信息公开工作年度报告校验" : "gouji · annual disclosure report checker";
    for (const el of document.querySelectorAll("header [data-i18n]")) el.textContent = I18N[lang][el.dataset.i18n];
    for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  };
  for (const b of document.querySelectorAll("[data-lang]")) b.addEventListener("click", () => setLang(b.dataset.lang));
  boot.hidden = true;
  main.hidden = false;
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  document.documentElement.dataset.ready = "true";
}
