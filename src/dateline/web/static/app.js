/* dateline: small helpers shared by the page scripts (no libraries; nothing loaded from elsewhere). */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  /* An SVG element with attributes, appended to parent when given. */
  function svg(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  /* An HTML element with a class and text (text is never parsed as markup). */
  function el(name, cls, text, parent) {
    var node = document.createElement(name);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }

  /* The JSON inside <script type="application/json" id=...>, or null. */
  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  /* Call fn after resizes settle (charts redraw to the new width). */
  function onResize(fn) {
    var timer = null, width = window.innerWidth;
    window.addEventListener("resize", function () {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      clearTimeout(timer);
      timer = setTimeout(fn, 150);
    });
  }

  window.dateline = { svg: svg, el: el, readJSON: readJSON, onResize: onResize };
})();
