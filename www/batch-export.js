// The page batch's exports: the summary as CSV (with a BOM, the command line's columns), every
// result as JSON (stitched from the results' Blobs, never read into the page), and every cell of
// every report as CSV (the command line's --cells-csv: the core's rows, made in the workers).
export function summaryCsv(b) {
  const field = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rate = (x) => (x == null ? "" : String(x));
  const lines = ["文件 file,机关 body,年度 year,格式 format,结论 verdict,错误 errors,提醒 warnings,未能读取 unread,最主要的问题 worst,公开率 disclosure_rate,行政复议纠错率 review_correction_rate,行政诉讼纠错率 suit_correction_rate,结转率 carry_rate"];
  const VERDICT = { pass: "通过 passed", errors: "错误 errors", partial: "未能完整检查 not fully checked", unusable: "无法检查 unusable", unreadable: "无法读取 unreadable" };
  let withErrors = 0, errors = 0, warnings = 0, unread = 0, skipped = 0, n = 0;
  for (const r of b.rows) {
    if (!r) continue;
    if (r.skipped) { skipped++; continue; }
    n++;
    withErrors += r.errors > 0 ? 1 : 0;
    errors += r.errors;
    warnings += r.warnings;
    unread += r.unread;
    const v = r.verdict === "errors" ? `${r.errors} 处错误 errors` : VERDICT[r.verdict];
    const i = r.indicators ?? {};
    lines.push([field(r.file), field(r.body ?? ""), r.year ?? "", r.format, field(v), r.errors, r.warnings, r.unread, field(r.worst), rate(i.disclosure_rate), rate(i.review_correction_rate), rate(i.suit_correction_rate), rate(i.carry_rate)].join(","));
  }
  lines.push(`合计 total (${n} reports; ${skipped} skipped),,,,${withErrors} with errors,${errors},${warnings},${unread},`);
  b.view.download("gouji-summary.csv", "text/csv;charset=utf-8", "\uFEFF" + lines.join("\r\n") + "\r\n");
}

export function resultsJson(b) {
  // the results as checked, stitched from their Blobs (never read into this page)
  const parts = [];
  b.rows.forEach((r, i) => {
    if (!r) return;
    parts.push(!b.json[i] ? [`{"file":${JSON.stringify(r.file)},"error":${JSON.stringify(r.error)}}`] : [`{"file":${JSON.stringify(r.file)},"result":`, b.json[i], "}"]);
  });
  // then one record per pair, as the command line's --json writes them
  for (const [i, found] of b.pairFindings ?? []) {
    parts.push([JSON.stringify({ pair: { file: b.paths[i], prev: b.paths[b.prevOf.get(i)] }, findings: found })]);
  }
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
