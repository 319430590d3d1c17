/* Stacked bar charts drawn as SVG from JSON in the page: {periods: [...], series: [{name, cls, values}]}. */
(function () {
  "use strict";
  var d = window.dateline;

  function niceMax(value) {
    if (value <= 5) return Math.max(value, 1);
    var step = Math.pow(10, Math.floor(Math.log10(value)));
    var scaled = value / step;
    var nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
    return nice * step;
  }

  function draw(figure) {
    var data = d.readJSON(figure.getAttribute("data-chart"));
    var old = figure.querySelector("svg");
    if (old) old.remove();
    if (!data || !data.periods || !data.periods.length) return;
    var width = Math.max(figure.clientWidth || 640, 300);
    var height = width < 500 ? 200 : 260;
    var pad = { left: 36, right: 8, top: 10, bottom: 34 };
    var plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
    var n = data.periods.length;
    var totals = data.periods.map(function (_, i) {
      return data.series.reduce(function (sum, s) { return sum + (s.values[i] || 0); }, 0);
    });
    var top = niceMax(Math.max.apply(null, totals));
    var root = d.svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": figure.getAttribute("aria-label") || "chart", "class": "bars" }, null);
    var ticks = top <= 5 ? top : 4;
    for (var t = 0; t <= ticks; t++) {
      var value = Math.round(top * t / ticks);
      var y = pad.top + plotH - plotH * value / top;
      d.svg("line", { x1: pad.left, x2: width - pad.right, y1: y, y2: y, "class": t ? "grid" : "axis" }, root);
      d.svg("text", { x: pad.left - 5, y: y + 4, "text-anchor": "end" }, root).textContent = String(value);
    }
    var slot = plotW / n, bar = Math.max(Math.min(slot * 0.8, 48), 1);
    var every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(plotW / 64))));
    data.periods.forEach(function (period, i) {
      var x = pad.left + slot * i + (slot - bar) / 2, base = pad.top + plotH;
      data.series.forEach(function (s) {
        var v = s.values[i] || 0;
        if (!v) return;
        var h = plotH * v / top;
        base -= h;
        var rect = d.svg("rect", { x: x, y: base, width: bar, height: h, "class": s.cls, "data-period": period }, root);
        d.svg("title", {}, rect).textContent = period + " · " + s.name + ": " + v;
      });
      if (i % every === 0) {
        d.svg("text", { x: pad.left + slot * i + slot / 2, y: height - pad.bottom + 16, "text-anchor": "middle" }, root)
          .textContent = period;
      }
    });
    figure.insertBefore(root, figure.firstChild);
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-chart]"), draw);
  }
  drawAll();
  d.onResize(drawAll);
})();
