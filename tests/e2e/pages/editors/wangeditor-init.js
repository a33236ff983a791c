// A portal's wangEditor 5, as its CMS creates it.
window.editor = wangEditor.createEditor({ selector: "#editor", html: "<p><br></p>", mode: "default" });
document.documentElement.dataset.editor = "ready";
