// Reads a picture's or a scan's pages off the page's thread (a 5-page scan takes a second or
// two): { pictures, scan } -> the picture reader's answer (gouji-image.js `readPictures`), its
// pages' pixels handed over, not copied.
import { readPictures } from "./gouji-image.js";

self.onmessage = (e) => {
  const { pictures, scan } = e.data;
  let read;
  try {
    read = readPictures(pictures, scan);
  } catch (err) {
    read = { error: String(err?.message ?? err), error_en: String(err?.message ?? err) };
  }
  const buffers = (read.pages ?? []).map((p) => p.gray?.buffer).filter(Boolean);
  self.postMessage(read, buffers);
};

// the module (and the picture reader) loaded: a message sent before would have found no
// listener (a module worker's top-level await)
self.postMessage({ ready: true });
