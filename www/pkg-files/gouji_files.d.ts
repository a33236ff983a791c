/* tslint:disable */
/* eslint-disable */

/**
 * Reads a file's bytes: `{ kind: "pdf", pages }` (each page's text), `{ kind: "docx" | "html", grid,
 * tables }` or `{ kind: "text", text }`; `{ error, error_en }` when it cannot be read (what
 * was wrong and what to do). Never throws for a bad file.
 */
export function readFile(bytes: Uint8Array | number[]): any;
