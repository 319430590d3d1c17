/* The article reader: selecting a highlight shows what was found there, its evidence and its rule. */
(function () {
  "use strict";
  var d = window.dateline;
  var text = document.getElementById("article-text");
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var notes = d.readJSON("notes") || {};
  if (!text || !panel || !body) return;

  function marksOf(ann) {
    return Array.prototype.filter.call(text.querySelectorAll(".hl[data-ann]"), function (node) {
      return node.getAttribute("data-ann").split(" ").indexOf(ann) >= 0;
    });
  }

  function clearFocus() {
    Array.prototype.forEach.call(document.querySelectorAll(".focus"), function (node) {
      node.classList.remove("focus");
    });
  }

  function showNotes(anns) {
    body.textContent = "";
    var close = d.el("button", "close", "Close", body);
    close.type = "button";
    close.addEventListener("click", function () { panel.classList.remove("open"); clearFocus(); });
    anns.forEach(function (ann) {
      var note = notes[ann];
      if (!note) return;
      var box = d.el("section", "note note-" + note.kind, null, body);
      box.setAttribute("data-ann", ann);
      d.el("h3", null, note.title, box);
      var list = d.el("dl", null, null, box);
      note.fields.forEach(function (pair) {
        d.el("dt", null, pair[0], list);
        d.el("dd", null, pair[1], list);
      });
      if (note.evidence) {
        d.el("p", "evidence", note.evidence, box);
      }
      var jump = d.el("a", null, note.kind === "entity" ? "in the list" : "in the list below", box);
      jump.href = "#" + ann;
    });
    panel.classList.add("open");
  }

  function focus(ann, scroll) {
    clearFocus();
    var marks = marksOf(ann);
    marks.forEach(function (node) { node.classList.add("focus"); });
    var item = document.getElementById(ann);
    if (item) item.classList.add("focus");
    if (marks.length && scroll) marks[0].scrollIntoView({ block: "center" });
    showNotes([ann]);
  }

  function select(node) {
    var anns = (node.getAttribute("data-ann") || "").split(" ").filter(Boolean);
    if (!anns.length) return;
    clearFocus();
    marksOf(anns[0]).forEach(function (mark) { mark.classList.add("focus"); });
    showNotes(anns);
  }

  text.addEventListener("click", function (event) {
    var node = event.target.closest(".hl, .tag");
    if (node) select(node);
  });
  text.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.classList.contains("hl")) {
      event.preventDefault();
      select(event.target);
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.show[data-show]"), function (button) {
    button.addEventListener("click", function () { focus(button.getAttribute("data-show"), true); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-toggle]"), function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
  var wanted = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (wanted && notes[wanted]) focus(wanted, true);
})();
