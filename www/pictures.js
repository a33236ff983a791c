// Pictures in the view — a scan's pages, a screenshot, a picture of the tables: read by the
// picture reader (gouji-image.js), checked by the whole core (`checkSeen`: the tables'
// arithmetic chooses among each cell's readings), and shown so that the user can confirm what
// the machine could not: each cell read from the picture has its crop beside it (on hover and
// focus, or in every cell at once), a reading not sure enough is marked (the core's
// "?核对"), and a figure typed over a reading is checked again as confirmed.
// Imported with the first picture: none of this is in the page's first load.

const WORDS = {
  zh: {
    reading: "正在识别 {name} 中的表格…",
    read: "已从图片 {name} 识别 {n} 格：请与图片核对标有虚线框的 {unsure} 格；点击单元格可改正，改正后重新检查",
    "read-sure": "已从图片 {name} 识别 {n} 格（悬停或聚焦单元格可看原图）",
    failed: "无法识别 {name} 中的图片",
    crops: "在表中显示原图",
    as: "读作 {v}（把握 {p}%）",
    blank: "读作空白（把握 {p}%）",
    or: "，或 {v}",
    typed: "已核对：{v}",
  },
  en: {
    reading: "reading the tables in {name}…",
    read: "{n} cells read from the picture {name}: compare the {unsure} with dashed borders with the picture; click a cell to correct it, and it is checked again",
    "read-sure": "{n} cells read from the picture {name} (hover over or focus a cell to see the picture)",
    failed: "the pictures in {name} could not be read",
    crops: "show the picture in the tables",
    as: "read as {v} ({p}% sure)",
    blank: "read as blank ({p}% sure)",
    or: ", or {v}",
    typed: "confirmed: {v}",
  },
};

const say = (view, key, vars = {}) => (WORDS[view.lang]?.[key] ?? WORDS.zh[key]).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");

/** A file's pictures (`got`: the file readers' `{ pictures, scan }`) read, checked and shown. */
export async function takePictures(view, got, name) {
  install(view);
  view.notice(say(view, "reading", { name }));
  view.root.setAttribute("aria-busy", "true");
  let read;
  try {
    const full = await view.loadFull();
    view.full ??= full;
    read = await readOffThread(got.pictures, !!got.scan);
  } catch (e) {
    console.error(e);
    return view.notice(say(view, "failed", { name }));
  } finally {
    view.root.removeAttribute("aria-busy");
  }
  if (read.error !== undefined) return view.notice(`${name}：${view.lang === "zh" ? read.error : read.error_en}`);
  view.showPaste();
  view.q("#text").value = "";
  view.source = { kind: "image", pictured: read.pictured, pages: read.pages, typed: new Map(), name };
  view.runCheck();
  const cells = Object.values(view.result?.cells ?? {}).filter((c) => c.read === "image");
  const unsure = cells.filter((c) => c.confidence < 0.9).length;
  view.notice(say(view, unsure ? "read" : "read-sure", { name, n: cells.length, unsure }));
}

/** The view's picture methods (checking.js and editing.js call them for a source of kind
 *  "image"), and the crops' events: once per view. */
function install(view) {
  if (view.checkImage) return;
  view.checkImage = () => view.full.checkSeen(view.source.pictured, view.options());
  view.writeSeen = (id, value) => writeSeen(view, id, value);
  view.decorate = (out) => decorate(view, out);
  const out = view.q("#out");
  const show = (e) => {
    const td = e.target.closest?.("td.gouji-cell");
    if (td && view.source.kind === "image") popUp(view, td);
  };
  out.addEventListener("mouseover", show);
  out.addEventListener("focusin", show);
  out.addEventListener("mouseout", () => popDown(view));
  out.addEventListener("focusout", () => popDown(view));
}

/** A figure typed over a reading: its one reading now, sure (blank when nothing is typed). */
function writeSeen(view, id, value) {
  const { pictured, typed } = view.source;
  let cell = pictured.cells.find((c) => c.id === id);
  if (!cell) {
    // a cell the picture did not give: typed in, with no box to show
    cell = { id, readings: [], page: 0, x: 0, y: 0, w: 0, h: 0 };
    pictured.cells.push(cell);
  }
  cell.readings = value === "" ? [] : [[value, 1]];
  typed.set(id, value);
  return true;
}

/** The seen cell of a table cell, and its result. */
function seenOf(view, td) {
  const id = td.dataset.cell;
  const cell = view.result?.cells?.[id];
  const seen = view.source.pictured?.cells.find((c) => c.id === id);
  return cell && seen && seen.page > 0 ? { id, cell, seen } : null;
}

/** The crop of a cell's box from its page, as a canvas (drawn from the pixels the reader saw). */
function crop(view, seen) {
  const page = view.source.pages[seen.page - 1];
  const pad = 2;
  const x0 = Math.max(0, seen.x - pad), y0 = Math.max(0, seen.y - pad);
  const x1 = Math.min(page.w, seen.x + seen.w + pad), y1 = Math.min(page.h, seen.y + seen.h + pad);
  const w = Math.max(1, x1 - x0), h = Math.max(1, y1 - y0);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const img = new ImageData(w, h);
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * page.w + x0;
    for (let x = 0; x < w; x++) {
      const v = page.gray[row + x] ?? 255;
      const o = (y * w + x) * 4;
      img.data[o] = img.data[o + 1] = img.data[o + 2] = v;
      img.data[o + 3] = 255;
    }
  }
  canvas.getContext("2d").putImageData(img, 0, 0);
  canvas.className = "gouji-crop";
  canvas.setAttribute("role", "img");
  canvas.style.display = "block";
  canvas.style.background = "#fff";
  canvas.style.border = "1px solid #bbb";
  canvas.style.maxWidth = "100%";
  return canvas;
}

/** What the reader made of a cell: its reading, how sure, the other readings. */
function readingWords(view, id, seen) {
  const typed = view.source.typed.get(id);
  if (typed !== undefined) return say(view, "typed", { v: typed || "—" });
  const [first, ...rest] = seen.readings;
  const cell = view.result.cells[id];
  const p = Math.round((cell.confidence ?? first?.[1] ?? 1) * 100);
  let words = cell.blank ? say(view, "blank", { p }) : say(view, "as", { v: cell.raw, p });
  for (const [v] of [first, ...rest].filter((r) => r && r[0] !== cell.raw).slice(0, 2)) words += say(view, "or", { v });
  return words;
}

function popUp(view, td) {
  popDown(view);
  const got = seenOf(view, td);
  if (!got) return;
  const box = document.createElement("div");
  box.className = "gouji-crop-pop";
  box.setAttribute("role", "tooltip");
  box.id = "gouji-crop-pop";
  Object.assign(box.style, { position: "fixed", zIndex: "20", background: "#fff", border: "1px solid #666", boxShadow: "0 2px 8px #0004", padding: "4px", pointerEvents: "none", font: "13px/1.4 sans-serif", color: "#222", maxWidth: "320px" });
  const c = crop(view, got.seen);
  c.style.width = `${Math.min(300, Math.max(60, got.seen.w * 1.5))}px`;
  c.style.imageRendering = "pixelated";
  const words = document.createElement("div");
  words.textContent = readingWords(view, got.id, got.seen);
  box.append(c, words);
  const r = td.getBoundingClientRect();
  box.style.left = `${Math.max(4, Math.min(r.left, innerWidth - 330))}px`;
  box.style.top = `${r.bottom + 4 + 120 > innerHeight ? Math.max(4, r.top - 130) : r.bottom + 4}px`;
  view.root.append(box);
  const described = td.getAttribute("aria-describedby") ?? "";
  if (!described.includes(box.id)) td.setAttribute("aria-describedby", `${described} ${box.id}`.trim());
}

function popDown(view) {
  view.root.querySelector("#gouji-crop-pop")?.remove();
}

/** After each drawing: a toggle for the crops in every cell, the crops where it is on, and
 *  the cells typed over said so. */
function decorate(view, out) {
  popDown(view);
  if (view.source.kind !== "image" || !view.result) return;
  const label = document.createElement("label");
  label.className = "gouji-crops";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = !!view.showCrops;
  box.addEventListener("change", () => {
    view.showCrops = box.checked;
    view.draw();
  });
  label.append(box, " ", say(view, "crops"));
  out.prepend(label);
  for (const td of view.qa("td.gouji-cell", out)) {
    const got = seenOf(view, td);
    if (!got) continue;
    if (view.source.typed.has(got.id)) td.title = say(view, "typed", { v: view.source.typed.get(got.id) || "—" });
    if (view.showCrops) {
      const c = crop(view, got.seen);
      c.setAttribute("aria-label", readingWords(view, got.id, got.seen));
      td.append(c);
    }
  }
}

/** The picture reader's answer for `pictures`: in a worker (the page stays responsive while a
 *  scan is read; one worker, kept for the next picture, which then costs no module loading),
 *  or here where workers cannot start (the single file, opened from disk). */
let worker = null;
let queue = Promise.resolve();

/** A picture worker, once it says it is ready. */
function started() {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL("./picture-worker.js", import.meta.url), { type: "module" });
    w.onmessage = (e) => e.data?.ready && resolve(w);
    w.onerror = (e) => {
      e.preventDefault?.();
      reject(new Error(String(e.message ?? "worker")));
    };
  });
}

async function readOffThread(pictures, scan) {
  if (location.protocol !== "file:" && typeof Worker === "function") {
    try {
      worker ??= started();
      const w = await worker;
      const read = (queue = queue.then(
        () =>
          new Promise((resolve, reject) => {
            w.onmessage = (e) => resolve(e.data);
            w.onerror = (e) => {
              e.preventDefault?.();
              reject(new Error(String(e.message ?? "worker")));
            };
            w.postMessage({ pictures, scan });
          }),
      ));
      return await read;
    } catch (e) {
      console.error(e);
      (await worker.catch(() => null))?.terminate();
      worker = null;
      queue = Promise.resolve();
    }
  }
  const image = await import("./gouji-image.js");
  // the notice painted before the reading holds this thread
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return image.readPictures(pictures, scan);
}
