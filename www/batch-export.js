// The page batch's exports: the summary as CSV (the core's: the command line's, byte for byte), every
// result as JSON (stitched from the results' Blobs, never read into the page), and every cell of
// every report as CSV (the command line's --cells-csv: the core's rows, made in the workers).
export async function summaryCsv(b) {
  // the core's summary (the command line's --summary-csv, byte for byte)
  const core = await b.view.loadFull();
  const reports = b.rows.filter((r) => r && !r.skipped);
  const skipped = b.rows.filter((r) => r?.skipped).length;
  b.view.download("gouji-summary.csv", "text/csv;charset=utf-8", core.summaryCsv(reports, skipped));
}

export function resultsJson(b) {
  // the results as checked, stitched from their Blobs (never read into this page)
  const parts = [];
  b.rows.forEach((r, i) => {
    if (!r) return;
    parts.push(!b.json[i] ? [`{"file":${JSON.stringify(r.file)},"error":${JSON.stringify(r.error ?? r.worst)}}`] : [`{"file":${JSON.stringify(r.file)},"result":`, b.json[i], "}"]);
  });
  // then what pairing said (a pair's findings, a report given twice, two different reports of
  // one year), a record each, as the command line's --json writes them
  for (const note of b.notes ?? []) parts.push([JSON.stringify(note)]);
  // the parts as they are (the results' Blobs are not read into this page): one Blob of them
  const body = ["[\n"];
  parts.forEach((p, k) => body.push(...(k ? [",\n"] : []), ...p));
  body.push("\n]\n");
  b.view.download("gouji-results.json", "application/json", body);
}


/** Every cell of every report, a row each (the core's rows, made in the workers as Blobs),
 *  after the header: what the command line's --cells-csv writes. */
export async function cellsCsv(b) {
  const core = await b.view.loadFull();
  const parts = [core.cellsCsv(null)];
  for (const c of b.cells) if (c) parts.push(c);
  b.view.download("gouji-cells.csv", "text/csv;charset=utf-8", parts);
}
