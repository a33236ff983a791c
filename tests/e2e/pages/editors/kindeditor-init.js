// A portal's KindEditor 4, as older CMSs create it.
KindEditor.ready((K) => {
  window.editor = K.create("#body", { basePath: "/editors/kindeditor/", loadStyleMode: false, items: [] });
  document.documentElement.dataset.editor = "ready";
});
