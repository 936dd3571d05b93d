/* The offline view: draws the inlined data with vis-network; every name and quote is text. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { label: String(n.label || ""), title: String(n.title || "") });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return Object.assign({}, e, { id: "e" + i, label: String(e.label || ""), title: String(e.title || "") });
  }));
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, data.options);
  network.once("afterDrawing", function () { network.fit({ animation: false }); });
  var details = document.getElementById("details");
  function clear() { while (details.firstChild) details.removeChild(details.firstChild); }
  network.on("click", function (params) {
    clear();
    if (params.nodes.length) {
      var n = nodes.get(params.nodes[0]);
      details.appendChild(el("h2", n.label));
      (n.smDetails || []).forEach(function (line) { details.appendChild(el("p", line)); });
      details.appendChild(el("p", n.id)).className = "muted";
    } else if (params.edges.length) {
      var e = edges.get(params.edges[0]);
      var a = nodes.get(e.from), b = nodes.get(e.to);
      details.appendChild(el("h2", e.label || e.smType));
      details.appendChild(el("p", (a ? a.label : e.from) + " → " + (b ? b.label : e.to)));
      (e.smEvidence || []).forEach(function (q) { details.appendChild(el("blockquote", q)); });
      if ((e.smSources || []).length) details.appendChild(el("p", "Source · 출처: " + e.smSources.join(", "))).className = "muted";
    }
  });
  window.smekgView = { network: network, nodes: nodes, edges: edges };
})();
