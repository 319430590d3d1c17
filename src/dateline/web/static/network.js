/* The actor network: a force-directed layout (Fruchterman-Reingold, deterministic start) drawn as SVG.
   Nodes are actor codes sized by their events; arrows run source -> target, coloured by the pair's most
   common quad class and thicker with more events. Drag a node to move it; select it to open its page. */
(function () {
  "use strict";
  var d = window.dateline;
  var figure = document.getElementById("network");
  if (!figure) return;
  var graph = d.readJSON(figure.getAttribute("data-graph"));
  if (!graph) return;
  var QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

  function dominant(edge) {
    var best = 0, most = 0;
    QUADS.forEach(function (name, i) {
      if (edge.quads[name] > most) { most = edge.quads[name]; best = i + 1; }
    });
    return best;
  }

  function layout(nodes, edges, width, height) {
    var n = nodes.length, area = width * height, k = Math.sqrt(area / Math.max(n, 1)) * 0.5;
    nodes.forEach(function (node, i) {  /* start on a circle, heaviest first: the same picture every time */
      var angle = 2 * Math.PI * i / Math.max(n, 1);
      node.x = width / 2 + Math.cos(angle) * width * 0.35;
      node.y = height / 2 + Math.sin(angle) * height * 0.35;
    });
    var temperature = width / 8;
    for (var step = 0; step < 300; step++) {
      nodes.forEach(function (node) { node.dx = 0; node.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var push = k * k / dist;
          a.dx += dx / dist * push; a.dy += dy / dist * push;
          b.dx -= dx / dist * push; b.dy -= dy / dist * push;
        }
      }
      edges.forEach(function (edge) {
        var a = edge.from, b = edge.to;
        if (a === b) return;
        var dx = a.x - b.x, dy = a.y - b.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var pull = dist * dist / k;
        a.dx -= dx / dist * pull; a.dy -= dy / dist * pull;
        b.dx += dx / dist * pull; b.dy += dy / dist * pull;
      });
      nodes.forEach(function (node) {
        node.dx += (width / 2 - node.x) * 0.05;  /* gravity keeps separate parts on screen */
        node.dy += (height / 2 - node.y) * 0.05;
        var len = Math.sqrt(node.dx * node.dx + node.dy * node.dy) || 1;
        node.x += node.dx / len * Math.min(len, temperature);
        node.y += node.dy / len * Math.min(len, temperature);
        node.x = Math.min(width - 30, Math.max(30, node.x));
        node.y = Math.min(height - 20, Math.max(20, node.y));
      });
      temperature = Math.max(temperature * 0.97, 0.5);
    }
    fit(nodes, width, height);
  }

  /* Stretch the finished layout to fill the box (leaving room for labels). */
  function fit(nodes, width, height) {
    if (nodes.length < 2) return;
    var xs = nodes.map(function (node) { return node.x; }), ys = nodes.map(function (node) { return node.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    nodes.forEach(function (node) {
      node.x = x1 > x0 ? 45 + (node.x - x0) / (x1 - x0) * (width - 90) : width / 2;
      node.y = y1 > y0 ? 40 + (node.y - y0) / (y1 - y0) * (height - 70) : height / 2;
    });
  }

  function ends(edge) {
    var a = edge.from, b = edge.to;
    var dx = b.x - a.x, dy = b.y - a.y, dist = Math.sqrt(dx * dx + dy * dy) || 1;
    var shift = edge.mutual ? 4 : 0;  /* A->B and B->A side by side, not on top of each other */
    var ox = -dy / dist * shift, oy = dx / dist * shift;
    return { x1: a.x + dx / dist * a.r + ox, y1: a.y + dy / dist * a.r + oy,
             x2: b.x - dx / dist * (b.r + 4) + ox, y2: b.y - dy / dist * (b.r + 4) + oy };
  }

  function draw() {
    var old = figure.querySelector("svg");
    if (old) old.remove();
    var width = Math.max(figure.clientWidth || 800, 300);
    var height = width < 600 ? Math.round(width * 1.15) : Math.round(Math.min(width * 0.62, 640));
    var root = d.svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "Actor network" });
    figure.insertBefore(root, figure.firstChild);
    if (!graph.nodes.length) {
      d.svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", "class": "empty" }, root)
        .textContent = "No events between two coded actors match these filters.";
      return;
    }
    var defs = d.svg("defs", {}, root);
    var marker = d.svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6,
      markerHeight: 6, orient: "auto-start-reverse" }, defs);
    d.svg("path", { d: "M 0 0 L 10 5 L 0 10 z" }, marker);
    var byCode = {}, most = 1;
    var nodes = graph.nodes.map(function (node) {
      var copy = { code: node.code, name: node.name, events: node.events, out: node.as_source, inc: node.as_target };
      byCode[node.code] = copy;
      most = Math.max(most, node.events);
      return copy;
    });
    nodes.forEach(function (node) { node.r = 5 + 13 * Math.sqrt(node.events / most); });
    var edges = graph.edges.map(function (edge) {
      return { from: byCode[edge.source], to: byCode[edge.target], data: edge };
    }).filter(function (edge) { return edge.from && edge.to; });
    var pairs = {};
    edges.forEach(function (edge) { pairs[edge.data.source + " " + edge.data.target] = true; });
    edges.forEach(function (edge) { edge.mutual = !!pairs[edge.data.target + " " + edge.data.source]; });
    layout(nodes, edges, width, height);
    var lines = d.svg("g", { "class": "edges" }, root);
    edges.forEach(function (edge) {
      var e = edge.data;
      var line = d.svg("line", { "class": "edge q" + dominant(e), "stroke-width": 1 + 1.6 * Math.log2(1 + e.events),
        "marker-end": "url(#arrow)" }, lines);
      d.svg("title", {}, line).textContent = e.source + " → " + e.target + ": " + e.events + " events" +
        (e.mean_goldstein === null ? "" : ", mean Goldstein " + e.mean_goldstein.toFixed(1));
      edge.line = line;
    });
    var group = d.svg("g", { "class": "nodes" }, root);
    nodes.forEach(function (node) {
      var circle = d.svg("circle", { "class": "node", r: node.r, "data-code": node.code, tabindex: 0 }, group);
      d.svg("title", {}, circle).textContent = node.code + (node.name ? " (" + node.name + ")" : "") + ": " +
        node.events + " events, " + node.out + " as source, " + node.inc + " as target";
      var label = d.svg("text", { "class": "label", "text-anchor": "middle" }, group);
      label.textContent = node.code;
      node.circle = circle; node.label = label;
      bind(node, root);
    });
    place(nodes, edges);
  }

  function place(nodes, edges) {
    nodes.forEach(function (node) {
      node.circle.setAttribute("cx", node.x); node.circle.setAttribute("cy", node.y);
      node.label.setAttribute("x", node.x); node.label.setAttribute("y", node.y - node.r - 4);
    });
    edges.forEach(function (edge) {
      var p = ends(edge);
      Object.keys(p).forEach(function (key) { edge.line.setAttribute(key, p[key]); });
    });
    figure.nodes = nodes; figure.edges = edges;
  }

  function bind(node, root) {
    var dragging = false, moved = false;
    function open() { window.location.href = "/actors/" + encodeURIComponent(node.code); }
    node.circle.addEventListener("pointerdown", function (event) {
      dragging = true; moved = false;
      node.circle.setPointerCapture(event.pointerId);
    });
    node.circle.addEventListener("pointermove", function (event) {
      if (!dragging) return;
      var box = root.getBoundingClientRect(), view = root.viewBox.baseVal;
      node.x = (event.clientX - box.left) * view.width / box.width;
      node.y = (event.clientY - box.top) * view.height / box.height;
      moved = true;
      place(figure.nodes, figure.edges);
    });
    node.circle.addEventListener("pointerup", function () {
      dragging = false;
      if (!moved) open();
    });
    node.circle.addEventListener("keydown", function (event) { if (event.key === "Enter") open(); });
  }

  draw();
  d.onResize(draw);
})();
