/* The multiverse explorer (explore.html): pick a claim and a value for each of its choices; the page
   shows that specification's verdict, its estimate, its place on the specification curve and the
   single changes that flip it. The data are in the page (#explorer-data, written by the book build
   from results/multiverse_<claim>.csv), so it works from file:// with no server. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    var node = tag.indexOf("svg:") === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(x) {
    if (x === null || x === undefined) return "–";
    var a = Math.abs(x);
    return a >= 100 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
  }

  function init() {
    var root = document.querySelector(".compendium-explorer");
    if (!root) return;
    var data = JSON.parse(document.getElementById("explorer-data").textContent);
    var words = data.words;
    var claimSelect = root.querySelector('select[name="claim"]');
    var choices = root.querySelector("#choices");
    var verdictEl = root.querySelector("#verdict"), estimateEl = root.querySelector("#estimate");
    var shareEl = root.querySelector("#share"), flipsEl = root.querySelector("#flips");
    var svg = root.querySelector("#curve");
    var claim = null, lookup = null, selects = [];

    function chosen() { return selects.map(function (s) { return s.selectedIndex; }); }
    function rowOf(indices) { return lookup.get(indices.join(",")); }
    function name(d, i) { return d.names[i]; }

    function buildClaim(c) {
      claim = c;
      choices.textContent = "";
      selects = c.dimensions.map(function (d) {
        var wrap = el("div", {"class": "explorer-choice"});
        var label = el("label", {"for": "choice-" + d.name}, d.label);
        var select = el("select", {name: d.name, id: "choice-" + d.name});
        d.values.forEach(function (v, i) {
          var option = el("option", {value: v}, name(d, i) + (i === d["default"] ? " ✓" : ""));
          select.appendChild(option);
        });
        select.selectedIndex = d["default"];
        select.addEventListener("change", update);
        wrap.appendChild(label);
        wrap.appendChild(select);
        if (d.help) wrap.appendChild(el("small", {}, d.help));
        choices.appendChild(wrap);
        return select;
      });
      var n = c.dimensions.length;
      lookup = new Map();
      c.rows.forEach(function (r) { lookup.set(r.slice(0, n).join(","), r); });
      update();
    }

    function sameCut(indices) {
      var cut = claim.dimensions.map(function (d) { return d.name; }).indexOf("as_of");
      return claim.rows.filter(function (r) { return cut < 0 || r[cut] === indices[cut]; });
    }

    function drawCurve(indices, row) {
      svg.textContent = "";
      var n = claim.dimensions.length;
      var rows = sameCut(indices).filter(function (r) { return r[n + 1] !== null; });
      rows.sort(function (a, b) { return a[n + 1] - b[n + 1]; });
      if (!rows.length) return;
      var lo = rows[0][n + 1], hi = rows[rows.length - 1][n + 1];
      if (hi === lo) { hi = lo + 1; lo = lo - 1; }
      var left = 60, right = 710, top = 12, bottom = 200;
      function x(i) { return left + (rows.length === 1 ? 0.5 : i / (rows.length - 1)) * (right - left); }
      function y(v) { return bottom - (v - lo) / (hi - lo) * (bottom - top); }
      svg.appendChild(el("svg:line", {x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#888"}));
      svg.appendChild(el("svg:line", {x1: left, y1: top, x2: left, y2: bottom, stroke: "#888"}));
      [lo, (lo + hi) / 2, hi].forEach(function (v) {
        svg.appendChild(el("svg:text", {x: left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 12}, format(v)));
      });
      svg.appendChild(el("svg:text", {x: (left + right) / 2, y: 228, "text-anchor": "middle", "font-size": 12},
                         rows.length + " " + words.rank));
      // One path of dots per verdict (a few elements, not thousands: fast to draw).
      var at = -1, paths = {};
      rows.forEach(function (r, i) {
        paths[r[n]] = (paths[r[n]] || "") + "M" + x(i).toFixed(1) + "," + y(r[n + 1]).toFixed(1) + "h0";
        if (r === row) at = i;
      });
      Object.keys(paths).forEach(function (v) {
        svg.appendChild(el("svg:path", {d: paths[v], stroke: claim.colors[v], "stroke-width": 4,
                                        "stroke-linecap": "round", fill: "none", "data-verdict": claim.verdicts[v]}));
      });
      if (at >= 0) {
        svg.appendChild(el("svg:circle", {id: "curve-marker", cx: x(at), cy: y(row[n + 1]), r: 9, fill: "none",
                                          stroke: "#111", "stroke-width": 2.5, "data-rank": at + 1}));
      }
    }

    function update() {
      var indices = chosen(), row = rowOf(indices), n = claim.dimensions.length;
      flipsEl.textContent = "";
      if (!row) {
        verdictEl.setAttribute("data-verdict", "");
        verdictEl.textContent = words.excluded;
        estimateEl.textContent = shareEl.textContent = "";
        drawCurve(indices, null);
        return;
      }
      var verdict = claim.verdicts[row[n]];
      verdictEl.setAttribute("data-verdict", verdict);
      verdictEl.style.borderColor = claim.colors[row[n]];
      verdictEl.textContent = words.verdict + ": " + claim.verdict_names[row[n]];
      estimateEl.textContent = words.estimate + (claim.estimate ? " (" + claim.estimate + ")" : "") + ": " + format(row[n + 1]);
      var cut = sameCut(indices), same = cut.filter(function (r) { return r[n] === row[n]; }).length;
      shareEl.textContent = words.share + ": " + Math.round(100 * same / cut.length) + "% " + words.of + " " +
        cut.length.toLocaleString(data.lang) + " " + words.specifications;
      claim.dimensions.forEach(function (d, i) {
        d.values.forEach(function (v, j) {
          if (j === indices[i]) return;
          var moved = indices.slice(); moved[i] = j;
          var other = rowOf(moved);
          if (!other || other[n] === row[n]) return;
          var item = el("li", {"data-choice": d.name, "data-value": v, "data-verdict": claim.verdicts[other[n]]});
          var link = el("a", {href: "#"}, d.label + " = " + name(d, j) + " → " + claim.verdict_names[other[n]]);
          link.addEventListener("click", function (event) {
            event.preventDefault(); selects[i].selectedIndex = j; update();
          });
          item.appendChild(link);
          flipsEl.appendChild(item);
        });
      });
      if (!flipsEl.children.length) flipsEl.appendChild(el("li", {}, words.no_flip));
      drawCurve(indices, row);
    }

    claimSelect.addEventListener("change", function () {
      buildClaim(data.claims[claimSelect.selectedIndex]);
    });
    root.querySelector("#reset").addEventListener("click", function () {
      buildClaim(data.claims[claimSelect.selectedIndex]);
    });
    if (data.claims.length) buildClaim(data.claims[0]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
