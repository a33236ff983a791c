// What a file holds, told by its bytes: the page's one reading of a file — the view's drop and
// pick, the batch's workers, the single file, last year's report. Text (UTF-8, UTF-16 with a
// BOM, GBK) and saved pages are read here; everything else by the file readers (gouji-files.js,
// loaded by the caller for the first such file), whose `readFile` is `gouji_files` itself.
// `fileKind` is `gouji_files::binary_kind`'s magic, byte for byte (a Chromium test holds the
// two to the same answer on every file fixture).

/** What a file's first bytes say it is: "pdf" (`%PDF-` within the first KB), "zip" (a .docx
 *  or another archive: the file readers tell them apart), "ole" (an old .doc/.wps), "image"
 *  (PNG, JPEG), "binary" (GIF, TIFF, RIFF), or "text" (anything else: decoded, or refused). */
export function fileKind(b) {
  const starts = (...m) => m.every((x, i) => b[i] === x);
  const head = new TextDecoder("latin1").decode(b.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (starts(0x50, 0x4b, 3, 4) || starts(0x50, 0x4b, 5, 6)) return "zip";
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "ole";
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return "image";
  if (["GIF8", "II*\0", "MM\0*", "RIFF"].includes(head.slice(0, 4))) return "binary";
  return "text";
}

/** Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK; null for none of them. */
export function decodeText(b) {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  if (b.subarray(0, 4096).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(b);
    } catch {
      return null;
    }
  }
}

/** A saved page: a doctype or <html> first, or table markup near the start. */
export function looksLikeHtml(text) {
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4096).toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || (head.startsWith("<") && /<(table|body|meta)[\s>]/.test(head));
}

/** What a file holds, with `kind` (what its bytes say it is: "text", "html", or the file
 *  readers' kind): `{ text }`, `{ grid, input, tables }` (a saved page, a Word file, read by the
 *  file readers), `{ grid, html }` (a saved page read by `htmlToGrid`), `{ pages }`
 *  (a PDF's text), `{ pictures, scan }` (a picture or a scan's pages, as stored: for the
 *  picture reader), `{ error, error_en }` (why the file readers cannot read it, and what to
 *  do), or `{ notText }` (taken for text, and none: the caller says so in its words).
 *  `readers()` gives the file readers; `htmlToGrid` (where there is a DOM: the core's, over the
 *  browser's parser) reads a saved page here, else the file readers read it. */
export async function readContent(bytes, { readers, htmlToGrid = null }) {
  const kind = fileKind(bytes);
  if (kind === "text") {
    const text = decodeText(bytes);
    if (text === null) return { kind: "text", notText: true };
    if (!looksLikeHtml(text)) return { kind: "text", text };
    if (htmlToGrid) return { kind: "html", grid: htmlToGrid(text), html: text };
  }
  // the file readers give the shape the core's checkContent takes back (gouji-content-js), or
  // why not; a picture's or a scan's pictures, as stored, for the picture reader
  const out = (await readers()).readFile(bytes);
  if (out.pictures) out.scan = out.kind === "pdf";
  return out;
}
