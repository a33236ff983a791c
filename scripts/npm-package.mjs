// Assembles the npm package (dist/npm) from the web build and packs it (dist/gouji-VERSION.tgz):
// the JS API (`gouji`), the widget (`gouji/widget`), their TypeScript declarations, the CSS and
// the iframe embed. Run after scripts/web-build.mjs.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const out = join(root, "dist/npm");
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
mkdirSync(join(out, "view"), { recursive: true });
const view = readdirSync(join(www, "view")).filter((f) => f.endsWith(".js")).map((f) => `view/${f}`);
const files = ["gouji-core.js", "check-worker.js", "ui.js", ...view, "content.js", "samples.js", "gouji-widget.js", "editors.js", "gouji-css.js", "gouji.css", "embed.html", "embed.js", "favicon.svg",
  "pkg/gouji_bg.js", "pkg/gouji_wasm.js", "pkg/gouji.d.ts"];
for (const f of files) copyFileSync(join(www, f), join(out, f));

writeFileSync(join(out, "gouji-core.d.ts"), `// The JS API: check, checkGrid, checkHtml, checkCells, render, … and the result types.\nexport * from "./pkg/gouji.js";\n`);
writeFileSync(join(out, "gouji-widget.d.ts"), `import type { CheckResult } from "./pkg/gouji.js";

/** <gouji-check lang="zh-CN|en" format="auto|F2019|F2021" compact source="textarea-id"> */
export class GoujiCheck extends HTMLElement {
  /** The text being checked; setting it checks it. */
  value: string;
  /** The last result, or null before any text. */
  readonly result: CheckResult | null;
  /** Checks the text; fires gouji-result. With no argument: what the followed source (an
   *  editor, a textarea) holds now — a portal's gate before publishing. */
  check(text?: string): CheckResult | null;
  /** A rich-text editor to follow: a TinyMCE, UEditor, KindEditor, CKEditor 5 or wangEditor
   *  instance, or an adapter for another; reading it gives its adapter (or null). */
  editor: unknown | EditorAdapter | null;
}

/** What the widget needs of an editor (editors.js has one for each editor it knows). */
export interface EditorAdapter {
  name?: string;
  /** The editor's content as HTML (what the CMS publishes). */
  html(): string;
  /** Calls fn after each change; returns a function that stops it. */
  onChange(fn: () => void): () => void;
  /** The live element holding the content. */
  root(): Element | null;
  /** Writes a cell's new text through the editor's API, one undoable change; false if it cannot. */
  write(td: HTMLTableCellElement, text: string): boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    "gouji-check": GoujiCheck;
  }
  interface HTMLElementEventMap {
    /** After every check; detail is the result (null when there is no text). */
    "gouji-result": CustomEvent<CheckResult | null>;
  }
}
`);
const pkg = {
  name: "gouji",
  version,
  description: "Checks the figures of a 政府信息公开工作年度报告 entirely in the browser: a JS API and a <gouji-check> widget",
  license: "MIT",
  type: "module",
  main: "./gouji-core.js",
  types: "./gouji-core.d.ts",
  exports: {
    ".": { types: "./gouji-core.d.ts", default: "./gouji-core.js" },
    "./widget": { types: "./gouji-widget.d.ts", default: "./gouji-widget.js" },
    "./gouji.css": "./gouji.css",
    "./embed.html": "./embed.html",
    "./package.json": "./package.json",
  },
  sideEffects: ["./gouji-widget.js"],
  files: [...files, "gouji-core.d.ts", "gouji-widget.d.ts", "README.md"],
};
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
writeFileSync(join(out, "README.md"), `# gouji

Checks the figures of a 政府信息公开工作年度报告 entirely in the browser (WebAssembly embedded in
the JS: no request is made). See EMBEDDING.md in the gouji repository.

\`\`\`js
import { check, render } from "gouji";            // the API
import "gouji/widget";                             // defines <gouji-check>
const result = check(reportText);                 // docs/result.md object
\`\`\`
`);
const tgz = execFileSync("npm", ["pack", out, "--pack-destination", join(root, "dist"), "--silent"], { encoding: "utf8" }).trim().split("\n").pop();
console.log(`npm package: dist/${tgz}`);
