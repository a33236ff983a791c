// The portal example: the 发布 button stays disabled while the widget reports errors.
const button = document.getElementById("publish");
const why = document.getElementById("why");
const widget = document.querySelector("gouji-check");

widget.addEventListener("gouji-result", (e) => {
  const r = e.detail;
  if (!r) {
    button.disabled = true;
    why.textContent = "请先填写年报正文。";
  } else if (r.summary.cells_read === 0) {
    button.disabled = true;
    why.textContent = "没有读到年报表格，暂不能发布。";
  } else if (r.summary.errors > 0) {
    button.disabled = true;
    why.textContent = `年报中有 ${r.summary.errors} 处数据错误，改正后才能发布。`;
  } else {
    button.disabled = false;
    why.textContent = r.summary.warnings > 0 ? `数据勾稽关系正确（另有 ${r.summary.warnings} 处提醒）。` : "数据勾稽关系正确，可以发布。";
  }
});

document.getElementById("article").addEventListener("submit", (e) => {
  e.preventDefault();
  why.textContent = "（示例）已发布。";
});
