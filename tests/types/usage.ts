// Type-checked (tsc --noEmit --strict) against the generated declarations: the JS API and the
// result types as a TypeScript user sees them. Not run.
import { check, checkGrid, checkHtml, checkCells, render, tablesTsv, version } from "../../www/pkg/gouji.js";
import type { CheckResult, Finding, Cell, At, BrokenRelation } from "../../www/pkg/gouji.js";

const r: CheckResult = check("一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1");
const r2: CheckResult = check("…", { format: "F2021" });
const g: CheckResult = checkGrid([["规章", "1", "0", "1"]]);
const h: CheckResult = checkHtml("<table><tr><td>1</td></tr></table>", { format: "auto" });
const f: CheckResult = checkCells({ "p4.review.total": "3" }, "F2019");
const errors: number = r.summary.errors + r2.summary.warnings + g.summary.infos + h.summary.cells_read + f.schema;
const first: Finding | undefined = r.findings[0];
const fix: number | undefined = first?.suspects[0]?.fix;
const broken: BrokenRelation[] = first?.relations ?? [];
const brokenRules: string = broken.map((b) => `${b.rule} ${b.expected} ${b.actual}`).join();
const cell: Cell | undefined = r.cells["p3.new.total"];
const at: At | undefined = cell?.at;
const line: number | undefined = at && "line" in at ? at.line : undefined;
const html: string = render(r, "en");
const tsv: string = tablesTsv(r);
const v: string = version();
const year: number | null = r.year;
export { errors, fix, brokenRules, line, html, tsv, v, year };
