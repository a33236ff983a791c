// A portal's CKEditor 5 (classic, with tables), as its CMS creates it.
const { ClassicEditor, Essentials, Paragraph, Table, TableToolbar } = CKEDITOR;
ClassicEditor.create(document.querySelector("#body"), { licenseKey: "GPL", plugins: [Essentials, Paragraph, Table, TableToolbar] })
  .then((editor) => { window.editor = editor; document.documentElement.dataset.editor = "ready"; });
