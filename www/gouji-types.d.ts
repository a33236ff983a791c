/** Options of every check (all optional). */
export interface CheckOptions {
  /** Check against this format instead of the one the report's year calls for. */
  format?: "auto" | "F2019" | "F2021";
  /** Last year's report, to check this one against (X-CARRY, X-PREV, X-TEXT, X-MATCH): its
   *  text, or its grid, saved page or PDF pages (as the file readers give them). Checked in its
   *  own year's format. */
  prev?: string | Content;
  /** A batch's file name: the result also carries `batch: { row, last }` (its summary row, and
   *  what pairing needs of it, for `pairBatch`). Not in the page's first-load module. */
  batch?: string;
}

/** A file's content as the page reads it (and `checkContent` checks it): its text, a saved
 *  page's HTML, a grid of rows (a saved page's or a Word file's tables: `input` says which), a
 *  PDF's text page by page, or what the picture reader read from a picture. */
export type Content =
  | { text: string }
  | { html: string }
  | { grid: string[][]; input?: "html" | "docx" }
  | { pages: string[] }
  | { pictured: Pictured };

/** Where a cell or finding came from: 1-based line and column (Unicode characters) in text;
 *  in a PDF, its 1-based page and the line on that page as rebuilt from glyph positions;
 *  0-based row and cell in a grid (after rowspan/colspan expansion); or, for a figure read from
 *  a picture, its 1-based page and the cell's box in that page's pixels. */
export type At =
  | { line: number; col: number }
  | { page: number; line: number; col: number }
  | { row: number; cell: number }
  | { page: number; x: number; y: number; w: number; h: number };

export interface Cell {
  /** The figure, or null when blank or not a number. */
  value: number | null;
  /** The text as written in the report. */
  raw: string;
  /** Present and true for blank, "/", "-", "—", "无". */
  blank?: boolean;
  at?: At;
  /** 元 / 万元 / 亿元 where the cell states it. */
  unit?: string;
  /** How the figure was obtained when not simply printed there: "split" (recovered from
   *  figures run together), "image" (recognised in a picture). */
  read?: "split" | "image";
  /** For a figure read from a picture: how likely the reading is (0–1). */
  confidence?: number;
}

export interface Suspect {
  cell: string;
  fix: number;
}

export interface Finding {
  rule:
    | "P3-ROW" | "P3-SUM" | "P3-BAL" | "P4-SUM"
    | "P2-PUB" | "P2-NEG" | "P2-INFORCE" | "P2-UNIT"
    | "CELL-VALUE" | "CELL-BLANK" | "TABLE-MISSING" | "TABLE-EXTRA"
    | "FMT-MIX" | "TXT-NUM" | "YEAR"
    | "X-CARRY" | "X-PREV" | "X-TEXT" | "X-MATCH"
    | "DOC-PARTS" | "DOC-TEMPLATE" | "DOC-P5" | "DOC-FEES";
  severity: "error" | "warning" | "info";
  /** Whose the finding is: "report" (the arithmetic or the format forces it) or "reading" (gouji
   *  could not read or place something; not counted as the report's error). */
  source: "report" | "reading";
  cells: string[];
  expected?: number;
  actual?: number;
  suspects: Suspect[];
  /** Every suspect's fix is needed, not one of them (one cause with several cells to fill: a
   *  总计 column left blank or printed as 0). Absent when the suspects are alternatives. */
  fix_all?: boolean;
  message: string;
  message_en: string;
  at?: At;
  /** Present when one cause breaks several relations (one wrong cell; a 总计 column left
   *  unfilled): this one finding stands for them all, each listed here in its own words. */
  relations?: BrokenRelation[];
  /** Last year's cells a cross-year finding (X-CARRY, X-PREV) names; `cells` are this year's. */
  prev_cells?: string[];
}

/** One failing relation inside a finding that stands for several. */
export interface BrokenRelation {
  rule: "P3-ROW" | "P3-SUM" | "P3-BAL" | "P4-SUM";
  cells: string[];
  expected: number;
  actual: number;
  message: string;
  message_en: string;
}

export interface CheckResult {
  schema: number;
  format: "F2019" | "F2021" | "mixed" | "unknown";
  year: number | null;
  title: string | null;
  input: "text" | "tsv" | "pipe" | "figures" | "grid" | "html" | "form" | "docx" | "pdf" | "glued" | "image";
  cells: { [id: string]: Cell };
  findings: Finding[];
  /** The report's errors, warnings and notes; `unread`: what gouji could not read. */
  summary: { errors: number; warnings: number; infos: number; unread: number; cells_read: number };
  tables: { p2: "F2019" | "F2021" | null; p3: "F2019" | "F2021" | null; p4: boolean };
  version: string;
  /** What evaluators compute from the tables, each a fraction (0.595 for 59.5 %), null where a
   *  cell is missing or the denominator is 0: 公开率 (（一）+（二）)/（七）, the correction rates of
   *  review and suit (结果纠正 / 总计), 结转率 (四 / (一 + 二)). */
  indicators: {
    disclosure_rate: number | null;
    review_correction_rate: number | null;
    suit_correction_rate: number | null;
    carry_rate: number | null;
  };
  /** With the option `batch`: the report's summary row, and what pairing needs of it. */
  batch?: { row: BatchRow; last: object };
  /** Last year's report, where this one was compared with it. */
  prev?: {
    title: string | null;
    year: number | null;
    format: "F2019" | "F2021" | "mixed" | "unknown";
    /** Last year's indicators: the change is this year's `indicators` against these. */
    indicators: CheckResult["indicators"];
  };
}

/** What the image module (gouji-image.js, `readPictures`) read from a picture — a scan's
 *  pages, a screenshot: each placed cell's readings, best first, with their probabilities, and
 *  its box in the page's pixels; `checkSeen` checks it. */
export interface Pictured {
  cells: { id: string; readings: [string, number][]; page: number; x: number; y: number; w: number; h: number }[];
  p2: "F2019" | "F2021" | null;
  p3: "F2019" | "F2021" | null;
  /** Tables or rows seen but not placed: [Chinese, English]. */
  unread: [string, string][];
}

/** A report's line of a batch's summary (the command line's summary too: `gouji::batch::Row`). */
export interface BatchRow {
  file: string;
  body: string | null;
  year: number | null;
  format: string;
  verdict: "pass" | "errors" | "partial" | "unusable" | "unreadable";
  errors: number;
  warnings: number;
  unread: number;
  /** The most serious finding, in words (for a file not read: why). */
  worst: string;
  worst_en: string;
  indicators: CheckResult["indicators"] | null;
  /** Last year's report it was compared with, within the batch. */
  pair?: string;
  /** The earlier file of the batch that is the same report (the same figures). */
  same_as?: string;
}

/** What pairing said of a report: compared with last year's, the same report as an earlier
 *  file, or one of two different reports of one body and year (neither paired). */
export type BatchNote =
  | { pair: { file: string; prev: string }; findings: Finding[] }
  | { same: { file: string; first: string } }
  | { clash: { file: string; others: string[] }; findings: Finding[] };
