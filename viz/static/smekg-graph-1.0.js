/* smekg graph explorer: vis-network over GET /api/graph and GET /api/who-met-whom.
 *
 * The server sends the vis-network options (built with pyvis), the ontology's classes, colour
 * groups and relationship labels. Filters by type, relationship and date work on the loaded view
 * (DataView filters); centre, depth, node cap and mode reload it. Physics stops once stable.
 */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var $ = function (id) { return document.getElementById(id); };
  var container = $("network");

  function clampInt(value, lo, hi, fallback) {
    var n = parseInt(value, 10);
    return isNaN(n) ? fallback : Math.max(lo, Math.min(hi, n));
  }
  var query = new URLSearchParams(location.search);
  var state = {
    center: query.get("center") || null,
    centerNode: null,
    depth: clampInt(query.get("depth"), 1, 3, 2),
    limit: clampInt(query.get("limit"), 1, C.limits.max_nodes, C.limits.default_nodes),
    since: S.isoDate(query.get("since")),
    until: S.isoDate(query.get("until")),
    lang: query.get("lang") === "en" ? "en" : "ko",
    mode: query.get("mode") === "met" ? "met" : "neighbourhood",
    hiddenGroups: new Set((query.get("hide") || "").split(",").filter(Boolean)),
    hiddenRels: new Set((query.get("hiderel") || "").split(",").filter(Boolean)),
    edgeLabels: query.get("edgelabels") !== "0",
    loaded: { since: "", until: "", truncated: false, note: null, nodes: 0, edges: 0 },
    ready: false,
  };

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });
  var network = null;
  var loadSeq = 0;

  window.smekgGraph = {
    state: state, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    get network() { return network; },
    centre: function (iri) { return selectCenter(iri); },
  };

  /* ---- filters -------------------------------------------------------------------------------- */

  function inDates(date) {
    if (!date) return true;
    if (state.since && date < state.since) return false;
    if (state.until && date > state.until) return false;
    return true;
  }
  function nodeVisible(n) {
    return !state.hiddenGroups.has(n.smGroup) && inDates(n.smDate);
  }
  function edgeVisible(e) {
    if (state.hiddenRels.has(e.smType)) return false;
    var a = nodes.get(e.from), b = nodes.get(e.to);
    return !!(a && b && nodeVisible(a) && nodeVisible(b));
  }
  /** Remember where the drawn nodes are, so that nodes shown again come back to their place.
   * (network.storePositions() fails when the data set holds nodes the view filters out.) */
  function keepPositions() {
    if (!network) return;
    var positions = network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) { return { id: id, x: positions[id].x, y: positions[id].y }; }));
  }
  function refilter() {
    keepPositions();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    updateStatus();
    updateUrl();
  }

  /* ---- controls ------------------------------------------------------------------------------- */

  var limitSelect = $("limit");
  [50, 100, 150, C.limits.default_nodes, 600, C.limits.max_nodes]
    .filter(function (v, i, all) { return all.indexOf(v) === i && v <= C.limits.max_nodes; })
    .sort(function (a, b) { return a - b; })
    .forEach(function (v) { limitSelect.appendChild(S.el("option", { value: v, text: v })); });
  if (!Array.prototype.some.call(limitSelect.options, function (o) { return +o.value === state.limit; })) {
    limitSelect.appendChild(S.el("option", { value: state.limit, text: state.limit }));
  }
  limitSelect.value = String(state.limit);
  $("depth").value = String(state.depth);
  $("lang").value = state.lang;
  $("since").value = state.since;
  $("until").value = state.until;
  $("met-mode").checked = state.mode === "met";
  $("edge-labels").checked = state.edgeLabels;

  var groupBoxes = {};
  function buildGroupFilters() {
    var box = S.clear($("group-filters"));
    C.group_order.forEach(function (g) {
      if (!C.groups[g]) return;
      var input = S.el("input", { type: "checkbox", value: g, dataset: { group: g } });
      input.checked = !state.hiddenGroups.has(g);
      input.addEventListener("change", function () {
        if (input.checked) state.hiddenGroups.delete(g); else state.hiddenGroups.add(g);
        refilter();
      });
      var count = S.el("span", { class: "count muted" });
      groupBoxes[g] = { input: input, count: count };
      box.appendChild(S.el("label", { class: "filter-item" }, input, S.legendItem(g, state.lang), count));
    });
  }
  buildGroupFilters();

  function buildRelFilters() {
    var box = S.clear($("rel-filters"));
    var counts = {};
    edges.forEach(function (e) { counts[e.smType] = (counts[e.smType] || 0) + 1; });
    state.hiddenRels.forEach(function (t) { if (!(t in counts)) counts[t] = 0; });
    var types = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
    if (!types.length) box.appendChild(S.el("p", { class: "muted", text: "No relationships in view." }));
    types.forEach(function (t) {
      var input = S.el("input", { type: "checkbox", value: t, dataset: { rel: t } });
      input.checked = !state.hiddenRels.has(t);
      input.addEventListener("change", function () {
        if (input.checked) state.hiddenRels.delete(t); else state.hiddenRels.add(t);
        refilter();
      });
      box.appendChild(S.el("label", { class: "filter-item", title: t }, input, " ", S.relLabel(t, state.lang),
        S.el("span", { class: "count muted", text: " " + counts[t] })));
    });
  }

  function updateCounts() {
    var total = {}, shown = {};
    nodes.forEach(function (n) {
      total[n.smGroup] = (total[n.smGroup] || 0) + 1;
      if (nodeVisible(n)) shown[n.smGroup] = (shown[n.smGroup] || 0) + 1;
    });
    Object.keys(groupBoxes).forEach(function (g) {
      var t = total[g] || 0;
      groupBoxes[g].count.textContent = t ? " " + (shown[g] || 0) + "/" + t : "";
    });
  }

  $("all-groups").addEventListener("click", function () {
    state.hiddenGroups.clear();
    Object.keys(groupBoxes).forEach(function (g) { groupBoxes[g].input.checked = true; });
    refilter();
  });
  $("all-rels").addEventListener("click", function () {
    state.hiddenRels.clear();
    buildRelFilters();
    refilter();
  });
  $("depth").addEventListener("change", function () { state.depth = +this.value; load(); });
  limitSelect.addEventListener("change", function () { state.limit = +this.value; load(); });
  $("met-mode").addEventListener("change", function () { state.mode = this.checked ? "met" : "neighbourhood"; load(); });
  $("lang").addEventListener("change", function () {
    state.lang = this.value;
    buildGroupFilters();
    buildRelFilters();
    relabel();
    updateCounts();
    updateUrl();
    if (state.centerNode) setCenterName(state.centerNode);
  });
  $("edge-labels").addEventListener("change", function () { state.edgeLabels = this.checked; relabel(); updateUrl(); });

  function onDates() {
    state.since = S.isoDate($("since").value);
    state.until = S.isoDate($("until").value);
    // The loaded view was cut to the dates it was loaded with: a wider range needs a reload.
    var wider = (state.loaded.since && (!state.since || state.since < state.loaded.since)) ||
      (state.loaded.until && (!state.until || state.until > state.loaded.until));
    if (wider) load(); else refilter();
  }
  $("since").addEventListener("change", onDates);
  $("until").addEventListener("change", onDates);
  $("clear-dates").addEventListener("click", function () { $("since").value = ""; $("until").value = ""; onDates(); });
  $("clear-center").addEventListener("click", function () {
    state.center = null; state.centerNode = null;
    setCenterName(null);
    load();
  });
  $("fit").addEventListener("click", function () { if (network) network.fit({ animation: false }); });
  $("relayout").addEventListener("click", function () {
    if (!network) return;
    setReady(false, "Laying out…");
    network.setOptions({ physics: { enabled: true } });
    S.freezeWhenStable(network, function () { setReady(true); });
    network.stabilize();
  });

  /* ---- search --------------------------------------------------------------------------------- */

  var results = $("search-results");
  var searchSeq = 0;
  function search(text) {
    var seq = ++searchSeq;
    text = text.trim();
    if (!text) { S.clear(results); return Promise.resolve([]); }
    return S.api("/api/entities?" + new URLSearchParams({ q: text, limit: "12" })).then(function (res) {
      if (seq !== searchSeq) return [];
      S.clear(results);
      if (!res.ok) { results.appendChild(S.el("li", { class: "error", text: res.error })); return []; }
      var items = res.data.items || [];
      if (!items.length) results.appendChild(S.el("li", { class: "muted", text: "Nothing matches." }));
      items.forEach(function (item) {
        var style = S.styleFor(item);
        results.appendChild(S.el("li", {},
          S.el("button", { type: "button", class: "result", dataset: { iri: item.iri },
            onclick: function () { S.clear(results); selectCenter(item.iri, item); } },
          S.swatch(style.group), " ", S.nameOf(item, state.lang),
          S.otherName(item, state.lang) ? S.el("span", { class: "muted", text: " " + S.otherName(item, state.lang) }) : null,
          S.el("span", { class: "muted", text: " · " + S.classLabel(style.className, state.lang) }))));
      });
      return items;
    });
  }
  $("search-q").addEventListener("input", S.debounce(function () { search(this.value); }, 250));
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search($("search-q").value).then(function (items) {
      if (items.length) { S.clear(results); selectCenter(items[0].iri, items[0]); }
    });
  });

  function setCenterName(node) {
    $("center-name").textContent = node ? S.nameOf(node, state.lang) : "overview (best-connected)";
  }
  function selectCenter(iri, node) {
    state.center = iri;
    state.centerNode = node || null;
    if (node) setCenterName(node);
    return load();
  }

  /* ---- loading -------------------------------------------------------------------------------- */

  function setReady(ready, text) {
    state.ready = ready;
    container.dataset.state = ready ? "ready" : "loading";
    if (text) $("graph-status").textContent = text;
    if (ready) updateStatus();
  }
  function showError(text) {
    var box = $("graph-error");
    box.textContent = text;
    box.hidden = !text;
  }

  function load() {
    var seq = ++loadSeq;
    setReady(false, "Loading…");
    showError("");
    updateUrl();
    var request = state.mode === "met" && state.center ? loadMet() : loadGraph();
    return request.then(function (view) {
      if (seq !== loadSeq) return;
      if (view.error) {
        showError(view.error);
        if (view.candidates && view.candidates.length) showCandidates(view.candidates);
        setReady(true);
        return;
      }
      state.loaded = { since: state.since, until: state.until, truncated: !!view.truncated, note: view.note || null,
        nodes: view.nodes.length, edges: view.edges.length };
      draw(view);
    });
  }

  function loadGraph() {
    var q = new URLSearchParams();
    if (state.center) { q.set("center", state.center); q.set("depth", String(state.depth)); }
    q.set("limit", String(state.limit));
    if (state.since) q.set("since", state.since);
    if (state.until) q.set("until", state.until);
    if (state.hiddenRels.size) {
      Object.keys(C.relationships).forEach(function (t) { if (!state.hiddenRels.has(t)) q.append("types", t); });
    }
    return S.api("/api/graph?" + q).then(function (res) {
      if (!res.ok) return { error: res.error, candidates: S.candidatesOf(res.data) };
      var g = res.data;
      if (g.center) state.center = g.center;
      return { nodes: g.nodes || [], edges: g.edges || [], truncated: g.truncated, note: g.note };
    });
  }

  /** Who met whom: the centre person, the events they took part in, and the others there. */
  function loadMet() {
    // people ranked by shared events; half the node cap, the rest for the events they shared
    var q = new URLSearchParams({ person: state.center, limit: String(Math.max(1, Math.floor(state.limit / 2))) });
    if (state.since) q.set("since", state.since);
    if (state.until) q.set("until", state.until);
    return S.api("/api/who-met-whom?" + q).then(function (res) {
      if (!res.ok) {
        var text = res.status === 404 ? "Who met whom needs a person as the centre: " + res.error : res.error;
        return { error: text, candidates: S.candidatesOf(res.data) };
      }
      var d = res.data, M = C.met;
      var person = Object.assign({ type: M.person_class }, d.person);
      state.center = person.iri;
      var byId = {}, edgeList = [];
      byId[person.iri] = person;
      (d.met || []).forEach(function (entry) {
        var other = Object.assign({ type: M.person_class, labels: [M.person_class] }, entry.person);
        byId[other.iri] = byId[other.iri] || other;
        (entry.events || []).forEach(function (ev) {
          byId[ev.iri] = byId[ev.iri] || Object.assign({ type: M.event_class, labels: [M.event_class] }, ev);
          edgeList.push({ from: person.iri, to: ev.iri, type: M.edge_type, roles: [], sources: entry.sources || [], evidence: [] });
          edgeList.push({ from: other.iri, to: ev.iri, type: M.edge_type, roles: ev.roles || [], sources: entry.sources || [], evidence: ev.evidence || [] });
        });
      });
      var all = Object.keys(byId).map(function (k) { return byId[k]; });
      var shown = (d.met || []).length, total = d.total || shown;
      return {
        nodes: all, edges: edgeList, truncated: !!d.more || all.length > state.limit,
        note: total + " people met " + S.nameOf(person, state.lang) + " at shared events" +
          (shown < total ? " (the " + shown + " with the most shared events shown)" : ""),
      };
    });
  }

  function showCandidates(candidates) {
    S.clear(results);
    results.appendChild(S.el("li", { class: "muted", text: "Which one? · 어느 쪽인가요?" }));
    candidates.forEach(function (c) {
      results.appendChild(S.el("li", {}, S.el("button", { type: "button", class: "result",
        onclick: function () { S.clear(results); selectCenter(c.iri, c); } },
      S.nameOf(c, state.lang), S.el("span", { class: "muted", text: " · " + S.classLabel(c.type, state.lang) }))));
    });
  }

  function edgeText(e) {
    if (!state.edgeLabels) return "";
    var roles = S.asList(e.smRoles);
    return S.relLabel(e.smType, state.lang) + (roles.length ? " (" + roles.join(", ") + ")" : "");
  }

  function draw(view) {
    var list = view.nodes.slice(0, state.limit);
    var ids = new Set();
    var visNodes = [];
    list.forEach(function (n) {
      var id = n.iri || n.id;
      if (!id || ids.has(id)) return;
      ids.add(id);
      visNodes.push(S.visNode(Object.assign({ iri: id }, n), state.lang,
        id === state.center ? { borderWidth: 4, size: (S.styleFor(n).size || 14) + 6, font: { size: 15 } } : null));
    });
    var seen = new Set();
    var visEdges = [];
    view.edges.forEach(function (e) {
      if (!ids.has(e.from) || !ids.has(e.to)) return;
      var id = e.id || e.from + "|" + e.type + "|" + e.to;
      if (seen.has(id)) return;
      seen.add(id);
      var edge = { id: id, from: e.from, to: e.to, smType: e.type, smRoles: e.roles || [], smData: e };
      edge.label = edgeText(edge);
      edge.title = S.el("div", { class: "tip" }, S.relLabel(e.type, state.lang), S.el("div", { class: "tip-type", text: e.type }));
      visEdges.push(edge);
    });
    if (network) network.setOptions({ physics: { enabled: false } });
    nodes.clear();
    edges.clear();
    nodes.add(visNodes);
    edges.add(visEdges);
    var centerNode = state.center ? nodes.get(state.center) : null;
    if (centerNode) { state.centerNode = centerNode.smData; setCenterName(centerNode.smData); }
    else if (!state.center) setCenterName(null);
    buildRelFilters();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    showCapNote(view, visNodes.length);

    var options = S.visOptions(nodeView.length);
    if (!network) {
      network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
      bindNetwork();
    } else {
      network.setOptions(options);
      network.setData({ nodes: nodeView, edges: edgeView });
    }
    if (!nodeView.length) {
      network.setOptions({ physics: { enabled: false } });
      setReady(true);
      return;
    }
    setReady(false, "Laying out " + nodeView.length + " nodes…");
    S.freezeWhenStable(network, function () {
      if (state.center && nodes.get(state.center)) {
        network.focus(state.center, { scale: Math.max(network.getScale(), 0.9), animation: false });
        network.selectNodes([state.center]);
        showNode(state.center);
      }
      setReady(true);
    });
  }

  function showCapNote(view, drawn) {
    var note = $("cap-note");
    var capped = view.truncated || view.nodes.length > drawn;
    note.hidden = !capped;
    S.clear(note);
    if (!capped) return;
    note.appendChild(S.el("strong", { text: "Node cap: showing " + drawn + " nodes (max " + state.limit + "). " }));
    note.appendChild(document.createTextNode(
      "More are connected. Narrow the view: search and centre on an entity, lower the depth, hide relationship " +
      "types, or set dates; or raise Max nodes (up to " + C.limits.max_nodes + ")."));
    if (view.note) note.appendChild(S.el("span", { class: "muted", text: " (" + view.note + ")" }));
  }

  function relabel() {
    nodes.update(nodes.map(function (n) {
      var data = n.smData;
      return { id: n.id, label: S.truncate(S.nameOf(data, state.lang), 28), title: S.tooltip(data, S.styleFor(data), state.lang) };
    }));
    edges.update(edges.map(function (e) { return { id: e.id, label: edgeText(e) }; }));
  }

  function updateStatus() {
    var status = $("graph-status");
    var text = nodeView.length + " nodes · " + edgeView.length + " edges shown";
    if (nodeView.length !== nodes.length || edgeView.length !== edges.length) {
      text += " (of " + nodes.length + " · " + edges.length + " loaded)";
    }
    if (state.mode === "met" && state.center) text += " · who met whom";
    status.textContent = text;
    status.dataset.nodes = String(nodeView.length);
    status.dataset.edges = String(edgeView.length);
    status.dataset.loadedNodes = String(nodes.length);
  }

  function updateUrl() {
    var q = new URLSearchParams();
    if (state.center) q.set("center", state.center);
    if (state.center && state.depth !== 2) q.set("depth", String(state.depth));
    if (state.limit !== C.limits.default_nodes) q.set("limit", String(state.limit));
    if (state.since) q.set("since", state.since);
    if (state.until) q.set("until", state.until);
    if (state.lang !== "ko") q.set("lang", state.lang);
    if (state.mode === "met") q.set("mode", "met");
    if (state.hiddenGroups.size) q.set("hide", Array.from(state.hiddenGroups).join(","));
    if (state.hiddenRels.size) q.set("hiderel", Array.from(state.hiddenRels).join(","));
    if (!state.edgeLabels) q.set("edgelabels", "0");
    var url = "/graph" + (q.toString() ? "?" + q : "");
    history.replaceState(null, "", url);
    $("permalink").setAttribute("href", url);
  }

  /* ---- details -------------------------------------------------------------------------------- */

  var details = $("details");
  var detailSeq = 0;
  function bindNetwork() {
    network.on("click", function (params) {
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) {
        var n = nodes.get(params.nodes[0]);
        selectCenter(n.id, n.smData);
      }
    });
    network.on("stabilizationProgress", function (p) {
      $("graph-status").textContent = "Laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) return;
    var seq = ++detailSeq;
    var data = n.smData;
    var isPerson = C.classes[n.smClass] && C.classes[C.met.person_class] &&
      C.classes[n.smClass].group === C.classes[C.met.person_class].group;
    S.clear(details);
    delete details.dataset.edge;
    details.dataset.iri = id;
    details.appendChild(S.el("h2", { class: "entity-title", text: S.nameOf(data, state.lang) }));
    details.appendChild(S.el("p", { class: "actions" },
      S.el("button", { type: "button", onclick: function () { selectCenter(id, data); } }, "Centre here · 중심으로"),
      isPerson ? S.el("button", { type: "button", onclick: function () {
        $("met-mode").checked = true; state.mode = "met"; selectCenter(id, data);
      } }, "Who met whom") : null,
      S.el("a", { href: S.entityHref(id), class: "button" }, "Entity page")));
    var body = S.el("div", { class: "detail-body" }, S.el("p", { class: "muted", text: "Loading…" }));
    details.appendChild(body);
    S.api(S.entityApi(id)).then(function (res) {
      if (seq !== detailSeq) return;
      if (!res.ok) { S.clear(body).appendChild(S.el("p", { class: "error", text: res.error })); return; }
      S.renderEntity(body, res.data, { lang: state.lang, heading: false });
      details.dataset.state = "ready";
    });
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    ++detailSeq;
    var data = e.smData, a = nodes.get(e.from), b = nodes.get(e.to);
    S.clear(details);
    delete details.dataset.iri;
    details.dataset.edge = id;
    details.appendChild(S.el("h2", { class: "entity-title" }, S.relLabel(e.smType, state.lang),
      S.el("span", { class: "muted", text: " " + e.smType })));
    details.appendChild(S.el("p", {},
      S.entityLink(Object.assign({ iri: e.from }, a && a.smData), state.lang), " → ",
      S.entityLink(Object.assign({ iri: e.to }, b && b.smData), state.lang)));
    if (S.asList(data.roles).length) details.appendChild(S.el("p", { text: "Role · 역할: " + data.roles.join(", ") }));
    details.appendChild(S.evidenceEl(data.evidence, data.sources) ||
      S.el("p", { class: "muted", text: "Open either entity for the evidence." }));
    details.dataset.state = "ready";
  }

  /* ---- start ---------------------------------------------------------------------------------- */

  load();
})();
