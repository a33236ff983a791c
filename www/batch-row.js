// A batch's summary row of one result: the same columns as the command line's summary
// (crates/cli/src/batch.rs, Row::of), for the page's table and its CSV.

/** The verdict's kind: "unusable" (no table read), "errors", "partial" (not fully read), "pass". */
export function verdictOf(s) {
  return s.cells_read === 0 ? "unusable" : s.errors > 0 ? "errors" : s.unread > 0 ? "partial" : "pass";
}

export function rowOf(file, r, body) {
  const s = r.summary;
  // the worst: the first of the report's own findings that is not information, else the first
  const worst = r.findings.find((f) => f.source !== "reading" && f.severity !== "info") ?? r.findings[0];
  return {
    file,
    body,
    year: r.year ?? null,
    format: r.format,
    verdict: verdictOf(s),
    errors: s.errors,
    warnings: s.warnings,
    unread: s.unread,
    worst: worst ? `${worst.rule} ${worst.message}` : "",
    worst_en: worst ? `${worst.rule} ${worst.message_en}` : "",
    indicators: r.indicators,
  };
}
