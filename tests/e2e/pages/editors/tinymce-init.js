// A portal's TinyMCE, as its CMS creates it (the editor's own files, served locally).
tinymce.init({ selector: "#body", license_key: "gpl", plugins: "table", promotion: false, branding: false, base_url: "/editors/tinymce", suffix: ".min", height: 400 })
  .then(([editor]) => { window.editor = editor; document.documentElement.dataset.editor = "ready"; });
