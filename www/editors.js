// The rich-text editors reports are written in, as <gouji-check> follows them (issue 23). One
// shape for every editor — a portal may pass its own for an editor not listed here:
//
//   { name,                      // for messages
//     html(),                    // the editor's content as HTML: what the CMS publishes
//     onChange(fn) -> off(),     // fn after each change of the content; off() stops
//     root(),                    // the live element holding the content (tables and all)
//     write(td, text, id) -> bool }  // writes a cell's new text through the editor's own API,
//                                // as one change its undo can take back (id: the cell's id)
//
// `adapt(instance)` recognises TinyMCE, UEditor, KindEditor, CKEditor 5 and wangEditor by their
// own APIs; `editorOn(element)` finds the editor a portal created on an element (source="ID").
// `liveCell` finds, in the editor's live content, the cell a result's cell was read from: the
// core names the <td> of the checked HTML a position came from (cellSource), and that <td>'s
// place — its table, row and cell index — is the same in the editor's content.

const fn = (x) => typeof x === "function";

const ADAPTERS = [
  // TinyMCE (an iframe whose body is editable): getContent/setContent, undoManager, events
  {
    test: (e) => fn(e?.getContent) && fn(e?.getBody) && fn(e?.on) && fn(e?.undoManager?.transact),
    make: (e) => ({
      name: "TinyMCE",
      html: () => e.getContent(),
      root: () => e.getBody(),
      onChange(f) {
        const events = "input change undo redo SetContent";
        e.on(events, f);
        return () => e.off(events, f);
      },
      write(td, text) {
        e.undoManager.transact(() => {
          td.textContent = text;
        });
        e.setDirty?.(true);
        e.dispatch ? e.dispatch("change") : e.fire?.("change");
        return true;
      },
    }),
  },
  // UEditor (an iframe): getContent, addListener('contentChange'), saveScene for its undo
  {
    test: (e) => fn(e?.getContent) && fn(e?.addListener) && fn(e?.fireEvent) && e?.body,
    make: (e) => ({
      name: "UEditor",
      html: () => e.getContent(),
      root: () => e.body,
      onChange(f) {
        e.addListener("contentChange", f);
        return () => e.removeListener("contentChange", f);
      },
      write(td, text) {
        e.fireEvent("saveScene");
        td.textContent = text;
        e.fireEvent("saveScene");
        e.fireEvent("contentChange");
        return true;
      },
    }),
  },
  // KindEditor (an iframe): html(), its edit area's afterChange(fn), edit.doc; addBookmark for
  // its undo
  {
    test: (e) => fn(e?.html) && fn(e?.edit?.afterChange) && e?.srcElement,
    make: (e) => {
      const listeners = new Set();
      e.edit.afterChange(() => listeners.forEach((f) => f()));
      return {
        name: "KindEditor",
        html: () => e.html(),
        root: () => e.edit?.doc?.body ?? null,
        onChange(f) {
          listeners.add(f);
          return () => listeners.delete(f);
        },
        write(td, text) {
          e.addBookmark?.();
          td.textContent = text;
          e.addBookmark?.();
          e.sync?.();
          listeners.forEach((f) => f());
          return true;
        },
      };
    },
  },
  // CKEditor 5 (its own model): getData, model.document change:data, a model change
  {
    test: (e) => fn(e?.getData) && fn(e?.model?.change) && e?.editing?.view,
    make: (e) => ({
      name: "CKEditor 5",
      html: () => e.getData(),
      root: () => e.editing.view.getDomRoot(),
      onChange(f) {
        e.model.document.on("change:data", f);
        return () => e.model.document.off("change:data", f);
      },
      write(td, text) {
        const view = e.editing.view.domConverter.mapDomToView(td);
        const cell = view && e.editing.mapper.toModelElement(view);
        if (!cell) return false;
        e.model.change((w) => {
          w.remove(w.createRangeIn(cell));
          const p = w.createElement("paragraph");
          w.insertText(text, p);
          w.append(p, cell);
        });
        return true;
      },
    }),
  },
  // wangEditor 5 (its own Slate model): getHtml, on('change'), the cell's text replaced as a
  // selection (one step of its history)
  {
    test: (e) => fn(e?.getHtml) && fn(e?.getEditableContainer) && fn(e?.insertText),
    make: (e) => ({
      name: "wangEditor",
      html: () => e.getHtml(),
      root: () => e.getEditableContainer(),
      onChange(f) {
        e.on("change", f);
        return () => e.off("change", f);
      },
      write(td, text) {
        const path = slatePath(e, td);
        if (!path) return false;
        const leaf = firstText(e, path);
        if (!leaf) return false;
        const [at, node] = leaf;
        e.select({ anchor: { path: at, offset: 0 }, focus: { path: at, offset: node.text.length } });
        e.insertText(text);
        return true;
      },
    }),
  },
];

/** The adapter for an editor instance (or an adapter given as such); null for none known. */
export function adapt(editor) {
  if (editor && fn(editor.html) && fn(editor.onChange) && fn(editor.write) && fn(editor.root)) return editor;
  for (const a of ADAPTERS) if (a.test(editor)) return a.make(editor);
  return null;
}

/** The editor a portal created on the element `el` (the textarea or div it replaced), if any. */
export function editorOn(el) {
  if (!el) return null;
  const w = el.ownerDocument.defaultView ?? window;
  const id = el.id;
  const tiny = id && w.tinymce?.get?.(id);
  if (tiny) return tiny;
  const ue = id && w.UE?.instants && Object.values(w.UE.instants).find((x) => x.key === id || x.container?.id === id);
  if (ue) return ue;
  const kind = w.KindEditor?.instances?.find?.((x) => x.srcElement?.[0] === el || x.srcElement === el);
  if (kind) return kind;
  // CKEditor 5 keeps its instance on the editable element, and the source element beside it
  if (el.ckeditorInstance) return el.ckeditorInstance;
  for (const ed of el.ownerDocument.querySelectorAll(".ck-editor__editable")) {
    if (ed.ckeditorInstance?.sourceElement === el) return ed.ckeditorInstance;
  }
  return null;
}

/** The live cell of the editor's content that a result's cell `at` ({row, cell} of the grid
 *  read from `html`) was read from; null when it cannot be found. */
export function liveCell(core, adapter, html, at) {
  if (!at || !("row" in at)) return null;
  const doc = new DOMParser().parseFromString(html, "text/html");
  const src = core.cellSource(doc.body, at.row, at.cell);
  const place = src && address(doc.body, src);
  return place && cellAt(adapter.root(), place);
}

/** A table cell's place in `root`: { table, row, cell } (the table's index among the tables
 *  under root, the row's and the cell's index as the DOM counts them); null for no cell. */
export function address(root, td) {
  const table = td?.closest?.("table");
  if (!table || !td.parentElement) return null;
  return { table: Array.from(root.querySelectorAll("table")).indexOf(table), row: td.parentElement.rowIndex, cell: td.cellIndex };
}

/** The cell at a place (`address`) under `root`: an embed's fix message says where. */
export function cellAt(root, place) {
  return root?.querySelectorAll("table")[place.table]?.rows[place.row]?.cells[place.cell] ?? null;
}

/** The Slate path of the table cell `td` renders in wangEditor: the editor's tables, rows and
 *  cells counted as the DOM counts them. */
function slatePath(e, td) {
  const tables = Array.from(e.getEditableContainer().querySelectorAll("table"));
  const t = tables.indexOf(td.closest("table"));
  const paths = [];
  const walk = (nodes, path) =>
    nodes.forEach((n, i) => {
      if (n.type === "table") paths.push([...path, i]);
      else if (n.children) walk(n.children, [...path, i]);
    });
  walk(e.children, []);
  const table = paths[t];
  if (!table) return null;
  const node = table.reduce((n, i) => (n.children ?? n)[i], e.children);
  const rows = node.children.filter((r) => r.type === "table-row");
  const r = td.parentElement.rowIndex;
  const row = rows[r];
  if (!row) return null;
  const cells = row.children.filter((c) => c.type === "table-cell" && !c.hidden);
  const c = cells[td.cellIndex];
  return c ? [...table, node.children.indexOf(row), row.children.indexOf(c)] : null;
}

/** The first text leaf under the node at `path`: [its path, the leaf]. */
function firstText(e, path) {
  let node = path.reduce((n, i) => (n.children ?? n)[i], e.children);
  const at = [...path];
  while (node && node.children) {
    at.push(0);
    node = node.children[0];
  }
  return node && typeof node.text === "string" ? [at, node] : null;
}
