/* smekg graph explorer: a picture that builds up.
 *
 * A view is a set of entities with their positions. Double-click (or "Expand") adds a node's
 * neighbours around it and keeps every other node where it is; each such step is a browser-history
 * entry, so Back / Forward (and Undo / Redo, Ctrl+Z / Ctrl+Shift+Z) step through the views. Nodes are
 * sized by their connections in the view, and the best-connected are labelled first (more labels
 * as you zoom in). Filters by type, relationship and date work on the view; a date range also hides
 * people left without events. Dragging pins a node. The view exports as PNG, SVG and one offline
 * HTML file, and "Share view" makes a link that restores the centre, filters, nodes and positions.
 * Data: GET /api/graph (neighbourhoods), POST /api/view/subgraph (a set of entities and the
 * relationships among them), GET /api/who-met-whom, GET /api/analytics/communities/members.
 */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var $ = function (id) { return document.getElementById(id); };
  var container = $("network");
  var EXPAND_LIMIT = 60;
  var PALETTE = ["#e63946", "#1d3557", "#2a9d8f", "#f4a261", "#6a4c93", "#8ab17d", "#e76f51", "#457b9d",
    "#b5838d", "#ffb703", "#264653", "#d62828"];
  var PERSON_GROUP = (C.classes[C.met.person_class] || {}).group;
  var EVENT_GROUP = (C.classes[C.met.event_class] || {}).group;

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
    colour: query.get("colour") === "community" ? "community" : "type",
    pinned: new Set(),
    expanded: new Set(),
    viewName: "",
    loaded: { since: "", until: "", truncated: false, note: null, nodes: 0, edges: 0 },
    ready: false,
    index: 0,
    connectFrom: null,
    fontSize: null,
  };

  var known = { nodes: new Map(), edges: new Map() };  // every entity and relationship seen, by id
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });
  var network = null;
  var loadSeq = 0;
  var personEvents = new Map();
  var degrees = new Map();
  var communities = null;
  var labelled = new Set();

  window.smekgGraph = {
    state: state, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    get network() { return network; },
    centre: function (iri) { return selectCenter(iri); },
    expand: function (iri) { return expand(iri); },
    undo: function () { undo(); }, redo: function () { redo(); },
    snapshot: function () { return snapshot(); },
    labelled: function () { return Array.from(labelled); },
    shareUrl: function (name) { return shareUrl(name); },
    degree: function (id) { return degrees.get(id) || 0; },
  };

  /* ---- filters -------------------------------------------------------------------------------- */

  function inDates(date) {
    if (!date) return true;
    if (state.since && date < state.since) return false;
    if (state.until && date > state.until) return false;
    return true;
  }
  function shownByType(n) { return !state.hiddenGroups.has(n.smGroup) && inDates(n.smDate); }
  function nodeVisible(n) {
    if (!shownByType(n)) return false;
    if ((state.since || state.until) && n.smGroup === PERSON_GROUP) {
      // A person whose every event in the view is outside the dates is left without events: hidden.
      var events = personEvents.get(n.id);
      if (events && events.length && !events.some(function (e) { var en = nodes.get(e); return en && shownByType(en); })) return false;
    }
    return true;
  }
  function edgeVisible(e) {
    if (state.hiddenRels.has(e.smType)) return false;
    var a = nodes.get(e.from), b = nodes.get(e.to);
    return !!(a && b && nodeVisible(a) && nodeVisible(b));
  }
  /** Remember where the drawn nodes are, so that nodes shown again come back to their place. */
  function keepPositions() {
    if (!network) return;
    var positions = network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) { return { id: id, x: positions[id].x, y: positions[id].y }; }));
  }
  function refilter() {
    keepPositions();
    nodeView.refresh();
    edgeView.refresh();
    restyle();
    updateCounts();
    updateStatus();
    updateUrl(true);
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
  function syncControls() {
    limitSelect.value = String(state.limit);
    $("depth").value = String(state.depth);
    $("lang").value = state.lang;
    $("since").value = state.since;
    $("until").value = state.until;
    $("met-mode").checked = state.mode === "met";
    $("edge-labels").checked = state.edgeLabels;
    $("colour-communities").checked = state.colour === "community";
  }
  syncControls();

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
    updateUrl(true);
    if (state.centerNode) setCenterName(state.centerNode);
  });
  $("edge-labels").addEventListener("change", function () { state.edgeLabels = this.checked; relabel(); updateUrl(true); });
  $("colour-communities").addEventListener("change", function () {
    state.colour = this.checked ? "community" : "type";
    recolour();
    updateUrl(true);
  });

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
  $("fit").addEventListener("click", function () { fitView(); });
  $("relayout").addEventListener("click", function () {
    if (!network) return;
    setReady(false, "Laying out…");
    nodes.update(nodes.getIds().filter(function (id) { return !state.pinned.has(id); }).map(function (id) { return { id: id, fixed: false }; }));
    network.setOptions({ physics: { enabled: true } });
    S.freezeWhenStable(network, function () { fitView(); setReady(true); pushView(); });
    network.stabilize();
  });
  $("undo").addEventListener("click", undo);
  $("redo").addEventListener("click", redo);
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target && ev.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if ((ev.ctrlKey || ev.metaKey) && (ev.key === "z" || ev.key === "Z")) {
      ev.preventDefault();
      if (ev.shiftKey) redo(); else undo();
    } else if ((ev.ctrlKey || ev.metaKey) && (ev.key === "y" || ev.key === "Y")) {
      ev.preventDefault();
      redo();
    } else if (ev.key === "Escape" && state.connectFrom) {
      cancelConnect();
    }
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
      if (!items.length) {
        results.appendChild(S.el("li", { class: "muted" }, "No name matches. ",
          S.el("a", { href: S.searchHref(text) }, "Search quotes and articles · 본문 검색")));
      }
      items.forEach(function (item) {
        var style = S.styleFor(item);
        results.appendChild(S.el("li", {},
          S.el("button", { type: "button", class: "result", dataset: { iri: item.iri, match: item.match || "" },
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
    state.viewName = "";
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

  function typesParam(q) {
    if (state.hiddenRels.size) {
      Object.keys(C.relationships).forEach(function (t) { if (!state.hiddenRels.has(t)) q.append("types", t); });
    }
  }
  function shownTypes() {
    return state.hiddenRels.size ? Object.keys(C.relationships).filter(function (t) { return !state.hiddenRels.has(t); }) : null;
  }

  /** A new view from the server (centre, overview or who-met-whom): replaces the drawn one. */
  function load(options) {
    options = options || {};
    var seq = ++loadSeq;
    setReady(false, "Loading…");
    showError("");
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
      state.pinned.clear();
      state.expanded.clear();
      draw(view, null, function () { if (options.replace) replaceView(); else pushView(); });
    });
  }

  function loadGraph() {
    var q = new URLSearchParams();
    if (state.center) { q.set("center", state.center); q.set("depth", String(state.depth)); }
    q.set("limit", String(state.limit));
    if (state.since) q.set("since", state.since);
    if (state.until) q.set("until", state.until);
    typesParam(q);
    return S.api("/api/graph?" + q).then(function (res) {
      if (!res.ok) return { error: res.error, candidates: S.candidatesOf(res.data) };
      var g = res.data;
      if (g.center) state.center = g.center;
      return { nodes: g.nodes || [], edges: g.edges || [], truncated: g.truncated, note: g.note };
    });
  }

  /** Who met whom: the centre person, the events they took part in, and the people and organisations
   * there; the answer's explanation is shown when it is empty or partial. */
  function loadMet() {
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
      function link(entry, other) {
        (entry.events || []).forEach(function (ev) {
          byId[ev.iri] = byId[ev.iri] || Object.assign({ type: M.event_class, labels: [M.event_class] }, ev);
          edgeList.push({ from: person.iri, to: ev.iri, type: M.edge_type, roles: [], sources: ev.sources || entry.sources || [], evidence: [] });
          edgeList.push({ from: other.iri, to: ev.iri, type: M.edge_type, roles: ev.roles || [], sources: ev.sources || entry.sources || [], evidence: ev.evidence || [] });
        });
      }
      (d.met || []).forEach(function (entry) {
        var other = Object.assign({ type: M.person_class, labels: [M.person_class] }, entry.person);
        byId[other.iri] = byId[other.iri] || other;
        link(entry, other);
      });
      (d.organisations || []).forEach(function (entry) {
        var org = Object.assign({ labels: [entry.organization.type] }, entry.organization);
        byId[org.iri] = byId[org.iri] || org;
        link(entry, org);
      });
      var all = Object.keys(byId).map(function (k) { return byId[k]; });
      var shown = (d.met || []).length, total = d.total || shown;
      var note = total + " people met " + S.nameOf(person, state.lang) + " at shared events" +
        (shown < total ? " (the " + shown + " with the most shared events shown)" : "") +
        ((d.organisations || []).length ? "; " + d.organisations.length + " organisations took part too" : "");
      if (d.explanation) note += ". " + d.explanation;
      return { nodes: all, edges: edgeList, truncated: !!d.more || all.length > state.limit, note: note, met: d };
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

  /* ---- drawing -------------------------------------------------------------------------------- */

  function edgeText(e) {
    if (!state.edgeLabels) return "";
    var roles = S.asList(e.smRoles);
    return S.relLabel(e.smType, state.lang) + (roles.length ? " (" + roles.join(", ") + ")" : "");
  }
  function edgeId(e) { return e.id || e.from + "|" + e.type + "|" + e.to; }

  function remember(list, edgeList) {
    (list || []).forEach(function (n) {
      var id = n.iri || n.id;
      if (id) known.nodes.set(id, Object.assign({}, known.nodes.get(id) || {}, n, { iri: id }));
    });
    (edgeList || []).forEach(function (e) { known.edges.set(edgeId(e), e); });
  }

  function visNodeFor(id, position) {
    var data = known.nodes.get(id) || { iri: id };
    var vn = S.visNode(Object.assign({ iri: id }, data), state.lang);
    vn.smLabel = vn.label;
    vn.smBaseColor = vn.color.background;
    if (position) { vn.x = position[0]; vn.y = position[1]; }
    if (state.pinned.has(id)) vn.fixed = true;
    return vn;
  }
  function visEdgeFor(e) {
    var edge = { id: edgeId(e), from: e.from, to: e.to, smType: e.type, smRoles: e.roles || [], smData: e };
    edge.label = edgeText(edge);
    edge.title = S.el("div", { class: "tip" }, S.relLabel(e.type, state.lang), S.el("div", { class: "tip-type", text: e.type }));
    return edge;
  }

  /** Replace the drawn view with `view` (nodes, edges); `positions` (id → [x, y]) keeps a layout. */
  function draw(view, positions, done) {
    remember(view.nodes, view.edges);
    var ids = [];
    var seen = new Set();
    view.nodes.slice(0, state.limit).forEach(function (n) {
      var id = n.iri || n.id;
      if (id && !seen.has(id)) { seen.add(id); ids.push(id); }
    });
    if (network) network.setOptions({ physics: { enabled: false } });
    nodes.clear();
    edges.clear();
    nodes.add(ids.map(function (id) { return visNodeFor(id, positions && positions[id]); }));
    setEdges(view.edges);
    afterDataChange();
    showCapNote(view, ids.length);
    var centerNode = state.center ? nodes.get(state.center) : null;
    if (centerNode) { state.centerNode = known.nodes.get(state.center); setCenterName(state.centerNode); }
    else if (!state.center) setCenterName(null);

    var options = S.visOptions(nodeView.length);
    options.nodes = Object.assign({}, options.nodes, { shapeProperties: { interpolation: false } });
    if (positions) options.physics.enabled = false;  // a kept layout: nothing moves
    if (!network) {
      network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
      bindNetwork();
    } else {
      network.setOptions(options);
      network.setData({ nodes: nodeView, edges: edgeView });
    }
    var finish = function () {
      fitView();
      if (state.center && nodes.get(state.center)) {
        network.selectNodes([state.center]);
        showNode(state.center);
      }
      relabelForZoom();
      setReady(true);
      if (done) done();
    };
    if (!nodeView.length || positions) {
      network.setOptions({ physics: { enabled: false } });
      finish();
      return;
    }
    setReady(false, "Laying out " + nodeView.length + " nodes…");
    S.freezeWhenStable(network, finish);
  }

  /** Edges among the drawn nodes (from a list of edge data), deduplicated. */
  function setEdges(list) {
    remember(null, list);
    var seen = new Set(edges.getIds());
    var add = [];
    list.forEach(function (e) {
      var id = edgeId(e);
      if (seen.has(id) || !nodes.get(e.from) || !nodes.get(e.to)) return;
      seen.add(id);
      add.push(visEdgeFor(e));
    });
    edges.add(add);
  }

  /** Degrees, people's events, sizes, labels, colours and counts after nodes or edges changed. */
  function afterDataChange() {
    personEvents = new Map();
    degrees = new Map();
    var neighbours = new Map();
    edges.forEach(function (e) {
      [[e.from, e.to], [e.to, e.from]].forEach(function (pair) {
        if (!neighbours.has(pair[0])) neighbours.set(pair[0], new Set());
        neighbours.get(pair[0]).add(pair[1]);
      });
      var a = nodes.get(e.from), b = nodes.get(e.to);
      if (!a || !b) return;
      if (a.smGroup === PERSON_GROUP && b.smGroup === EVENT_GROUP) push(personEvents, a.id, b.id);
      if (b.smGroup === PERSON_GROUP && a.smGroup === EVENT_GROUP) push(personEvents, b.id, a.id);
    });
    neighbours.forEach(function (set, id) { degrees.set(id, set.size); });
    nodeView.refresh();
    edgeView.refresh();
    restyle();
    buildRelFilters();
    updateCounts();
  }
  function push(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }

  /** Size by degree in the view (square root, so hubs do not swamp the picture). */
  function restyle() {
    var max = 1;
    degrees.forEach(function (d) { if (d > max) max = d; });
    var updates = [];
    nodes.forEach(function (n) {
      var d = degrees.get(n.id) || 0;
      var size = Math.round(8 + 26 * Math.sqrt(d / max));
      if (n.id === state.center) size += 4;
      var border = n.id === state.center ? 4 : state.pinned.has(n.id) ? 3 : 1;
      var dashes = state.pinned.has(n.id) ? [5, 3] : false;
      if (n.size !== size || n.borderWidth !== border || String(n.smDashes) !== String(dashes)) {
        updates.push({ id: n.id, size: size, borderWidth: border, smDashes: dashes, shapeProperties: { borderDashes: dashes } });
      }
    });
    if (updates.length) nodes.update(updates);
    recolour();
    relabelForZoom();
  }

  /** Labels for the best-connected first: how many depends on the zoom; the centre, the selected
   * and the pinned nodes are always labelled. */
  function relabelForZoom() {
    var visible = nodeView.getIds();
    var scale = network ? network.getScale() : 1;
    var budget = scale >= 1.15 || visible.length <= 40 ? visible.length : Math.max(12, Math.round(visible.length * Math.pow(scale / 1.15, 2)));
    var ranked = visible.slice().sort(function (a, b) {
      return (degrees.get(b) || 0) - (degrees.get(a) || 0) || (a < b ? -1 : 1);
    });
    var want = new Set(ranked.slice(0, budget));
    if (state.center) want.add(state.center);
    state.pinned.forEach(function (id) { want.add(id); });
    if (network) network.getSelectedNodes().forEach(function (id) { want.add(id); });
    // Labels keep a readable size on screen (about 12–15 px) however far the view is zoomed out: one
    // font size for all (an option, cheap), a larger one for the five best-connected and the centre.
    var fontSize = Math.max(12, Math.min(60, Math.round(13 / Math.max(scale, 0.05))));
    if (network && fontSize !== state.fontSize) {
      state.fontSize = fontSize;
      network.setOptions({ nodes: { font: { size: fontSize } } });
    }
    var big = new Set(ranked.slice(0, 5));
    if (state.center) big.add(state.center);
    var bigSize = Math.round(fontSize * 1.2);
    var updates = [];
    nodes.forEach(function (n) {
      var label = want.has(n.id) ? n.smLabel : "";
      var font = big.has(n.id) ? bigSize : n.font ? fontSize : null;  // null: the option's size
      var change = {};
      if (n.label !== label) change.label = label;
      if (font !== null && (!n.font || n.font.size !== font)) change.font = { size: font };
      if (Object.keys(change).length) updates.push(Object.assign({ id: n.id }, change));
    });
    if (updates.length) nodes.update(updates);
    labelled = new Set(Array.from(want).filter(function (id) { return nodes.get(id); }));
    container.dataset.labelled = String(labelled.size);
  }

  function relabel() {
    nodes.update(nodes.map(function (n) {
      var data = known.nodes.get(n.id) || n.smData;
      var text = S.truncate(S.nameOf(data, state.lang), 28);
      return { id: n.id, smLabel: text, label: labelled.has(n.id) ? text : "", title: S.tooltip(data, S.styleFor(data), state.lang) };
    }));
    edges.update(edges.map(function (e) { return { id: e.id, label: edgeText(e) }; }));
  }

  /* ---- colour by community -------------------------------------------------------------------- */

  function recolour() {
    if (state.colour === "community" && !communities) {
      loadCommunities();
      return;
    }
    var updates = [];
    nodes.forEach(function (n) {
      var colour = n.smBaseColor;
      if (state.colour === "community") {
        var c = communities.get(n.id);
        colour = c === undefined ? "#cfd4da" : PALETTE[c % PALETTE.length];
      }
      if (!colour) return;
      var current = n.color && n.color.background;
      if (current !== colour) {
        updates.push({ id: n.id, color: { background: colour, border: "#555555",
          highlight: { background: colour, border: "#111111" }, hover: { background: colour, border: "#111111" } } });
      }
    });
    if (updates.length) nodes.update(updates);
    communityLegend();
  }
  var communityRequest = null;
  function loadCommunities() {
    if (communityRequest) return;
    $("graph-status").textContent = "Loading communities…";
    communityRequest = S.api("/api/analytics/communities/members?projection=full").then(function (res) {
      communityRequest = null;
      if (!res.ok) { showError("Communities could not be loaded: " + res.error); state.colour = "type"; syncControls(); return; }
      communities = new Map();
      res.data.members.forEach(function (m) { communities.set(m.iri, m.community); });
      container.dataset.communities = String(res.data.count);
      recolour();
      updateStatus();
    });
  }
  function communityLegend() {
    var box = $("community-legend");
    box.hidden = state.colour !== "community" || !communities;
    if (box.hidden) return;
    var counts = {};
    nodes.forEach(function (n) { var c = communities.get(n.id); if (c !== undefined) counts[c] = (counts[c] || 0) + 1; });
    S.clear(box);
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).slice(0, 12).forEach(function (c) {
      var sw = S.el("span", { class: "swatch shape-dot", "aria-hidden": "true" });
      sw.style.setProperty("--swatch", PALETTE[c % PALETTE.length]);
      box.appendChild(S.el("span", { class: "legend-item" }, sw, "community " + (+c + 1) + " (" + counts[c] + ")"));
    });
    box.appendChild(S.el("span", { class: "legend-item muted", text: "grey: not in the analysed graph (places, documents)" }));
  }

  /* ---- fitting -------------------------------------------------------------------------------- */

  /** Fit every shown node on screen; with a centre, keep the centre in the middle. */
  function fitView() {
    if (!network || !nodeView.length) return;
    var ids = nodeView.getIds();
    var positions = network.getPositions(ids);
    var centre = state.center && positions[state.center];
    if (!centre) { network.fit({ nodes: ids, animation: false }); return; }
    var dx = 1, dy = 1;
    ids.forEach(function (id) {
      var p = positions[id];
      dx = Math.max(dx, Math.abs(p.x - centre.x));
      dy = Math.max(dy, Math.abs(p.y - centre.y));
    });
    var w = container.clientWidth, h = container.clientHeight;
    var scale = Math.min((w / 2 - 40) / dx, (h / 2 - 40) / dy, 1.6);
    network.moveTo({ position: { x: centre.x, y: centre.y }, scale: Math.max(scale, 0.05), animation: false });
  }

  function allOnScreen() {
    var w = container.clientWidth, h = container.clientHeight;
    return nodeView.getIds().every(function (id) {
      var p = network.canvasToDOM(network.getPosition(id));
      return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
    });
  }

  /* ---- expanding in place ---------------------------------------------------------------------- */

  function expand(id) {
    if (!state.ready || !nodes.get(id)) return Promise.resolve();
    var seq = ++loadSeq;
    setReady(false, "Adding the neighbours of " + S.nameOf(known.nodes.get(id), state.lang) + "…");
    keepPositions();
    var q = new URLSearchParams({ center: id, depth: "1", limit: String(EXPAND_LIMIT) });
    if (state.since) q.set("since", state.since);
    if (state.until) q.set("until", state.until);
    typesParam(q);
    return S.api("/api/graph?" + q).then(function (res) {
      if (seq !== loadSeq) return null;
      if (!res.ok) { showError(res.error); setReady(true); return null; }
      remember(res.data.nodes, res.data.edges);
      var room = Math.max(0, state.limit - nodes.length);
      var fresh = (res.data.nodes || []).map(function (n) { return n.iri || n.id; })
        .filter(function (nid) { return nid && !nodes.get(nid); });
      var dropped = Math.max(0, fresh.length - room);
      fresh = fresh.slice(0, room);
      var all = nodes.getIds().concat(fresh);
      return S.api("/api/view/subgraph", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ iris: all, types: shownTypes() }),
      }).then(function (sub) {
        if (seq !== loadSeq) return;
        if (!sub.ok) { showError(sub.error); setReady(true); return; }
        remember(sub.data.nodes, sub.data.edges);
        state.expanded.add(id);
        placeAround(id, fresh);
        setEdges(sub.data.edges);
        afterDataChange();
        var note = fresh.length + " added around " + S.nameOf(known.nodes.get(id), state.lang) +
          (dropped ? " (" + dropped + " more left out: the view holds at most " + state.limit + " nodes)" : "") +
          (res.data.truncated ? "; more neighbours exist than one step adds" : "");
        settle(fresh, function () {
          if (!allOnScreen()) fitView();  // the view moves, the nodes do not
          relabelForZoom();
          setReady(true);
          pushView();
          $("graph-status").dataset.note = note;
          flash(note);
        });
      });
    });
  }

  /** New nodes on a ring around their anchor, outside the nodes already drawn there. */
  function placeAround(anchorId, ids) {
    if (!ids.length) return;
    var anchor = network.getPositions([anchorId])[anchorId] || { x: 0, y: 0 };
    var radius = 110 + 6 * ids.length;
    nodes.add(ids.map(function (nid, i) {
      var angle = (2 * Math.PI * i) / ids.length;
      return visNodeFor(nid, [anchor.x + radius * Math.cos(angle), anchor.y + radius * Math.sin(angle)]);
    }));
  }

  /** A short physics run that moves only the new nodes; everything else stays where it is. */
  function settle(freshIds, done) {
    if (!freshIds.length) { done(); return; }
    var fresh = new Set(freshIds);
    nodes.update(nodes.getIds().filter(function (nid) { return !fresh.has(nid); }).map(function (nid) { return { id: nid, fixed: true }; }));
    network.setOptions({ physics: { enabled: true, stabilization: { enabled: true, iterations: 120, fit: false, updateInterval: 50 } } });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      keepPositions();
      nodes.update(nodes.getIds().map(function (nid) { return { id: nid, fixed: state.pinned.has(nid) }; }));
      relabelForZoom();
      done();
    });
    network.stabilize(120);
  }

  function removeNode(id) {
    if (!nodes.get(id)) return;
    keepPositions();
    nodes.remove(id);
    edges.remove(edges.getIds({ filter: function (e) { return e.from === id || e.to === id; } }));
    state.pinned.delete(id);
    state.expanded.delete(id);
    if (state.center === id) { state.center = null; setCenterName(null); }
    afterDataChange();
    S.clear(details).appendChild(S.el("p", { class: "muted", text: "Removed from the view. Undo (Ctrl+Z) brings it back." }));
    pushView();
  }

  function togglePin(id) {
    var pinned = !state.pinned.has(id);
    if (pinned) state.pinned.add(id); else state.pinned.delete(id);
    keepPositions();
    nodes.update({ id: id, fixed: pinned });
    restyle();
    replaceView();
    return pinned;
  }

  var flashTimer = null;
  function flash(text) {
    var status = $("graph-status");
    status.textContent = text;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(updateStatus, 4000);
  }

  /* ---- history: views as browser-history entries ----------------------------------------------- */

  function snapshot() {
    var pos = {};
    var drawn = network ? network.getPositions() : {};
    nodes.forEach(function (n) {
      var p = drawn[n.id] || (n.x !== undefined ? { x: n.x, y: n.y } : null);
      if (p) pos[n.id] = [Math.round(p.x), Math.round(p.y)];
    });
    return {
      center: state.center, mode: state.mode, depth: state.depth, limit: state.limit,
      nodes: nodes.getIds(), pos: pos, pinned: Array.from(state.pinned), expanded: Array.from(state.expanded),
      name: state.viewName, note: state.loaded.note, truncated: state.loaded.truncated,
    };
  }

  function pushView() {
    state.index += 1;
    sessionStorage.setItem("smekg.graph.top", String(state.index));
    history.pushState({ smekg: 1, index: state.index, snap: snapshot() }, "", urlFor());
    updateUndo();
    updateUrl(false);
  }
  function replaceView() {
    history.replaceState({ smekg: 1, index: state.index, snap: snapshot() }, "", urlFor());
    updateUndo();
  }
  function topIndex() { return parseInt(sessionStorage.getItem("smekg.graph.top") || "0", 10) || 0; }
  function updateUndo() {
    $("undo").disabled = state.index <= 0;
    $("redo").disabled = state.index >= topIndex();
    container.dataset.index = String(state.index);
  }
  function undo() { if (state.index > 0 && state.ready) history.back(); }
  function redo() { if (state.index < topIndex() && state.ready) history.forward(); }

  window.addEventListener("popstate", function (ev) {
    var st = ev.state;
    if (!st || !st.smekg) return;
    state.index = st.index;
    restore(st.snap);
    updateUndo();
  });

  /** Draw a snapshot: its nodes at their positions (fetching any this page has not seen). */
  function restore(snap) {
    var seq = ++loadSeq;
    state.center = snap.center;
    state.mode = snap.mode || "neighbourhood";
    state.depth = snap.depth || state.depth;
    state.limit = snap.limit || state.limit;
    state.viewName = snap.name || "";
    state.pinned = new Set(snap.pinned || []);
    state.expanded = new Set(snap.expanded || []);
    state.loaded.note = snap.note || null;
    state.loaded.truncated = !!snap.truncated;
    syncControls();
    showViewTitle();
    var missing = snap.nodes.filter(function (id) { return !known.nodes.has(id); });
    var ready = missing.length ? fetchSubgraph(snap.nodes) : Promise.resolve(true);
    setReady(false, "Restoring the view…");
    return ready.then(function (ok) {
      if (seq !== loadSeq) return;
      if (!ok) { setReady(true); return; }
      var members = new Set(snap.nodes);
      var edgeList = [];
      known.edges.forEach(function (e) { if (members.has(e.from) && members.has(e.to)) edgeList.push(e); });
      var view = { nodes: snap.nodes.map(function (id) { return known.nodes.get(id) || { iri: id }; }), edges: edgeList,
        truncated: snap.truncated, note: snap.note };
      draw(view, snap.pos, null);
    });
  }

  function fetchSubgraph(ids) {
    return S.api("/api/view/subgraph", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ iris: ids }),
    }).then(function (res) {
      if (!res.ok) { showError(res.error); return false; }
      remember(res.data.nodes, res.data.edges);
      return true;
    });
  }

  /* ---- shareable named views ------------------------------------------------------------------ */

  function encodeView(text) {
    var bytes = new TextEncoder().encode(text), bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function decodeView(text) {
    var bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  }
  function filterQuery() {
    var q = new URLSearchParams();
    if (state.center) q.set("center", S.compact(state.center));
    if (state.center && state.depth !== 2) q.set("depth", String(state.depth));
    if (state.limit !== C.limits.default_nodes) q.set("limit", String(state.limit));
    if (state.since) q.set("since", state.since);
    if (state.until) q.set("until", state.until);
    if (state.lang !== "ko") q.set("lang", state.lang);
    if (state.mode === "met") q.set("mode", "met");
    if (state.hiddenGroups.size) q.set("hide", Array.from(state.hiddenGroups).join(","));
    if (state.hiddenRels.size) q.set("hiderel", Array.from(state.hiddenRels).join(","));
    if (!state.edgeLabels) q.set("edgelabels", "0");
    if (state.colour === "community") q.set("colour", "community");
    return q;
  }
  function urlFor() {
    var q = filterQuery();
    return "/graph" + (q.toString() ? "?" + q : "");
  }
  /** A link that restores this view: the filters in the query, the nodes and positions in the fragment. */
  function shareUrl(name) {
    keepPositions();
    state.viewName = (name || "").trim();
    var snap = snapshot();
    var payload = { v: 1, n: state.viewName, c: snap.center ? S.compact(snap.center) : null,
      x: Array.from(state.expanded).map(S.compact),
      p: snap.nodes.map(function (id) {
        var p = snap.pos[id] || [0, 0];
        return [S.compact(id), p[0], p[1], state.pinned.has(id) ? 1 : 0];
      }) };
    replaceView();
    showViewTitle();
    return location.origin + urlFor() + "#view=" + encodeView(JSON.stringify(payload));
  }
  function expandIri(id) {
    if (id.indexOf("id:") === 0) return C.namespaces.id + id.slice(3);
    if (id.indexOf("art:") === 0) return C.namespaces.art + id.slice(4);
    return id;
  }
  function sharedView() {
    var m = /^#view=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (!m) return null;
    try {
      var payload = JSON.parse(decodeView(m[1]));
      if (!payload || !Array.isArray(payload.p)) return null;
      var pos = {}, ids = [], pinned = [];
      payload.p.slice(0, C.limits.max_nodes).forEach(function (row) {
        if (!Array.isArray(row) || typeof row[0] !== "string") return;
        var id = expandIri(row[0]);
        ids.push(id);
        pos[id] = [Number(row[1]) || 0, Number(row[2]) || 0];
        if (row[3]) pinned.push(id);
      });
      return { center: payload.c ? expandIri(String(payload.c)) : null, mode: state.mode, depth: state.depth, limit: Math.max(state.limit, ids.length),
        nodes: ids, pos: pos, pinned: pinned, expanded: (payload.x || []).map(function (x) { return expandIri(String(x)); }),
        name: typeof payload.n === "string" ? payload.n.slice(0, 120) : "" };
    } catch (e) {
      showError("The shared view in this link could not be read (" + e.message + ").");
      return null;
    }
  }
  function showViewTitle() {
    var box = $("view-title");
    box.hidden = !state.viewName;
    box.textContent = state.viewName ? "View · 보기: " + state.viewName : "";
    document.title = (state.viewName ? state.viewName + " · " : "") + "Graph explorer · smekg";
  }
  $("share-make").addEventListener("click", function () {
    var url = shareUrl($("view-name").value);
    var box = $("share-url");
    box.value = url;
    box.select();
    if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () {});
  });

  /* ---- exports -------------------------------------------------------------------------------- */

  function stamp() { return new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-"); }
  function downloadBlob(name, blob) {
    var url = URL.createObjectURL(blob);
    var a = S.el("a", { download: name });
    a.href = url;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 0);
  }
  $("export-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    if (!canvas) return;
    var out = document.createElement("canvas");
    out.width = canvas.width; out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    out.toBlob(function (blob) { downloadBlob("smekg-view-" + stamp() + ".png", blob); }, "image/png");
  });

  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function shapePoints(shape, x, y, r) {
    function poly(n, offset, radius) {
      var pts = [];
      for (var i = 0; i < n; i++) {
        var a = offset + (2 * Math.PI * i) / n;
        pts.push((x + radius * Math.cos(a)).toFixed(1) + "," + (y + radius * Math.sin(a)).toFixed(1));
      }
      return pts.join(" ");
    }
    if (shape === "triangle") return poly(3, -Math.PI / 2, r * 1.15);
    if (shape === "triangleDown") return poly(3, Math.PI / 2, r * 1.15);
    if (shape === "diamond") return poly(4, 0, r * 1.15);
    if (shape === "hexagon") return poly(6, 0, r);
    if (shape === "star") {
      var pts = [];
      for (var i = 0; i < 10; i++) {
        var a = -Math.PI / 2 + (Math.PI * i) / 5, rr = i % 2 ? r * 0.5 : r * 1.15;
        pts.push((x + rr * Math.cos(a)).toFixed(1) + "," + (y + rr * Math.sin(a)).toFixed(1));
      }
      return pts.join(" ");
    }
    return null;
  }
  /** The view as an SVG drawing: edges, shapes in their colours, and every label as text. */
  function buildSvg() {
    var ids = nodeView.getIds();
    var pos = network.getPositions(ids);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id];
      minX = Math.min(minX, p.x); minY = Math.min(minY, p.y); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y);
    });
    if (!ids.length) { minX = minY = 0; maxX = maxY = 100; }
    var pad = 60, padX = 180;
    var svg = svgEl("svg", { xmlns: SVG, viewBox: [minX - padX, minY - pad, maxX - minX + 2 * padX, maxY - minY + 2 * pad].join(" "),
      width: Math.round(maxX - minX + 2 * padX), height: Math.round(maxY - minY + 2 * pad),
      "font-family": "NanumGothic, 'Noto Sans KR', sans-serif" });
    svg.appendChild(svgEl("title", {}, state.viewName || "smekg view"));
    svg.appendChild(svgEl("rect", { x: minX - padX, y: minY - pad, width: maxX - minX + 2 * padX, height: maxY - minY + 2 * pad, fill: "#ffffff" }));
    var edgeGroup = svgEl("g", { class: "edges", stroke: "#9aa5b1", "stroke-width": 1, fill: "none" });
    edgeView.forEach(function (e) {
      var a = pos[e.from], b = pos[e.to];
      if (!a || !b) return;
      var line = svgEl("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1) });
      line.appendChild(svgEl("title", {}, S.relLabel(e.smType, state.lang)));
      edgeGroup.appendChild(line);
      if (e.label) {
        edgeGroup.appendChild(svgEl("text", { x: ((a.x + b.x) / 2).toFixed(1), y: ((a.y + b.y) / 2).toFixed(1), "font-size": 8,
          fill: "#5f6b7a", stroke: "none", "text-anchor": "middle" }, e.label));
      }
    });
    svg.appendChild(edgeGroup);
    var nodeGroup = svgEl("g", { class: "nodes" });
    nodeView.forEach(function (n) {
      var p = pos[n.id];
      if (!p) return;
      var r = n.size || 12, colour = (n.color && n.color.background) || "#9e9e9e";
      var g = svgEl("g", { "data-iri": n.id });
      g.appendChild(svgEl("title", {}, S.nameOf(known.nodes.get(n.id) || n.smData, state.lang)));
      var points = shapePoints(n.shape, p.x, p.y, r);
      if (points) g.appendChild(svgEl("polygon", { points: points, fill: colour, stroke: "#333333", "stroke-width": 1 }));
      else if (n.shape === "square") g.appendChild(svgEl("rect", { x: (p.x - r).toFixed(1), y: (p.y - r).toFixed(1), width: 2 * r, height: 2 * r, fill: colour, stroke: "#333333" }));
      else g.appendChild(svgEl("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r, fill: colour, stroke: "#333333" }));
      if (n.label) {
        g.appendChild(svgEl("text", { x: p.x.toFixed(1), y: (p.y + r + 12).toFixed(1), "font-size": 12, "text-anchor": "middle",
          fill: "#1b1f23", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }, n.label));
      }
      nodeGroup.appendChild(g);
    });
    svg.appendChild(nodeGroup);
    return new XMLSerializer().serializeToString(svg);
  }
  $("export-svg").addEventListener("click", function () {
    if (!network) return;
    downloadBlob("smekg-view-" + stamp() + ".svg", new Blob([buildSvg()], { type: "image/svg+xml" }));
  });
  window.smekgGraph.svg = function () { return buildSvg(); };

  /** The view for POST /api/view/html: which entities, where and in what colour (the server reads
   * their names, relationships and quotes from the graph). */
  function viewPayload() {
    var ids = nodeView.getIds();
    var pos = network.getPositions(ids);
    return {
      title: (state.viewName || (state.centerNode ? S.nameOf(state.centerNode, state.lang) : "smekg overview")).slice(0, 200),
      subtitle: [state.since || state.until ? (state.since || "…") + " – " + (state.until || "…") : null,
        state.mode === "met" ? "who met whom" : null].filter(Boolean).join(" · "),
      url: shareUrl(state.viewName).slice(0, 2000),
      lang: state.lang,
      types: shownTypes(),
      nodes: ids.map(function (id) {
        var n = nodes.get(id);
        return { id: S.compact(id), x: Math.round(pos[id].x), y: Math.round(pos[id].y),
          color: (n.color && n.color.background) || null, size: Math.round(n.size || 12) };
      }),
    };
  }
  $("export-html").addEventListener("click", function () {
    if (!network) return;
    $("graph-status").textContent = "Building the HTML file…";
    fetch("/api/view/html", { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
      body: JSON.stringify(viewPayload()) })
      .then(function (resp) {
        if (!resp.ok) return resp.text().then(function (t) { throw new Error(t); });
        return resp.blob();
      })
      .then(function (blob) { downloadBlob("smekg-view-" + stamp() + ".html", blob); updateStatus(); })
      .catch(function (err) { showError("The HTML file could not be built: " + err.message); });
  });
  window.smekgGraph.viewPayload = function () { return viewPayload(); };

  /* ---- notes, status, address ------------------------------------------------------------------ */

  function showCapNote(view, drawn) {
    var note = $("cap-note");
    var capped = view.truncated || view.nodes.length > drawn;
    var explained = view.met && (view.met.explanation || (view.met.organisations || []).length);
    note.hidden = !capped && !explained;
    S.clear(note);
    if (capped) {
      note.appendChild(S.el("strong", { text: "Node cap: showing " + drawn + " nodes (max " + state.limit + "). " }));
      note.appendChild(document.createTextNode(
        "More are connected. Narrow the view: search and centre on an entity, lower the depth, hide relationship " +
        "types, or set dates; or raise Max nodes (up to " + C.limits.max_nodes + ")."));
    }
    if (view.note && (capped || explained)) note.appendChild(S.el("span", { class: capped ? "muted" : null, text: " (" + view.note + ")" }));
    if (view.met) {
      note.appendChild(document.createTextNode(" "));
      note.appendChild(S.el("a", { href: S.metHref(state.center) }, "Open as a table · 표로 보기"));
    }
  }

  function updateStatus() {
    var status = $("graph-status");
    var text = nodeView.length + " nodes · " + edgeView.length + " edges shown";
    if (nodeView.length !== nodes.length || edgeView.length !== edges.length) {
      text += " (of " + nodes.length + " · " + edges.length + " loaded)";
    }
    if (state.mode === "met" && state.center) text += " · who met whom";
    if (state.expanded.size) text += " · " + state.expanded.size + " expanded";
    if (state.pinned.size) text += " · " + state.pinned.size + " pinned";
    status.textContent = text;
    status.dataset.nodes = String(nodeView.length);
    status.dataset.edges = String(edgeView.length);
    status.dataset.loadedNodes = String(nodes.length);
  }

  /** The page's address (query only); `replace` rewrites the current entry instead of a new one. */
  function updateUrl(replace) {
    var url = urlFor();
    if (replace && history.state && history.state.smekg) {
      history.replaceState(Object.assign({}, history.state, { snap: snapshot() }), "", url);
    } else if (replace) {
      history.replaceState(history.state, "", url);
    }
    $("permalink").setAttribute("href", url);
  }

  /* ---- details -------------------------------------------------------------------------------- */

  var details = $("details");
  var detailSeq = 0;
  function bindNetwork() {
    network.on("click", function (params) {
      if (params.nodes.length && state.connectFrom) { finishConnect(params.nodes[0]); return; }
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
      relabelForZoom();
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) expand(params.nodes[0]);
    });
    network.on("dragEnd", function (params) {
      if (!params.nodes.length) return;
      params.nodes.forEach(function (id) { state.pinned.add(id); nodes.update({ id: id, fixed: true }); });
      keepPositions();
      restyle();
      replaceView();
      updateStatus();
    });
    network.on("zoom", S.debounce(relabelForZoom, 120));
    network.on("stabilizationProgress", function (p) {
      $("graph-status").textContent = "Laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) return;
    var seq = ++detailSeq;
    var data = known.nodes.get(id) || n.smData;
    var isPerson = n.smGroup === PERSON_GROUP;
    S.clear(details);
    delete details.dataset.edge;
    details.dataset.iri = id;
    details.dataset.state = "loading";
    details.appendChild(S.el("h2", { class: "entity-title", text: S.nameOf(data, state.lang) }));
    var pin = S.el("button", { type: "button", class: "pin", onclick: function () {
      pin.textContent = togglePin(id) ? "Unpin · 고정 해제" : "Pin · 고정";
    } }, state.pinned.has(id) ? "Unpin · 고정 해제" : "Pin · 고정");
    details.appendChild(S.el("p", { class: "actions" },
      S.el("button", { type: "button", class: "expand", onclick: function () { expand(id); } }, "Expand · 이웃 추가"),
      S.el("button", { type: "button", onclick: function () { selectCenter(id, data); } }, "Centre here · 중심으로"),
      pin,
      S.el("button", { type: "button", onclick: function () { removeNode(id); } }, "Hide · 숨기기"),
      S.el("button", { type: "button", class: "connect-from", onclick: function () { startConnect(id); } }, "Connect to… · 연결"),
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
    var data = e.smData, a = known.nodes.get(e.from), b = known.nodes.get(e.to);
    S.clear(details);
    delete details.dataset.iri;
    details.dataset.edge = id;
    details.appendChild(S.el("h2", { class: "entity-title" }, S.relLabel(e.smType, state.lang),
      S.el("span", { class: "muted", text: " " + e.smType })));
    details.appendChild(S.el("p", {},
      S.entityLink(Object.assign({ iri: e.from }, a), state.lang), " → ",
      S.entityLink(Object.assign({ iri: e.to }, b), state.lang)));
    if (S.asList(data.roles).length) details.appendChild(S.el("p", { text: "Role · 역할: " + data.roles.join(", ") }));
    details.appendChild(S.evidenceEl(data.evidence, data.sources) ||
      S.el("p", { class: "muted", text: "Open either entity for the evidence." }));
    details.appendChild(S.el("p", { class: "actions" },
      S.el("a", { class: "button", href: S.connectHref(e.from, e.to) }, "How else are they connected? · 연결 찾기")));
    details.dataset.state = "ready";
  }

  /* ---- connect two entities from the graph ------------------------------------------------------ */

  function startConnect(id) {
    state.connectFrom = id;
    var banner = $("connect-banner");
    banner.hidden = false;
    S.clear(banner).appendChild(document.createTextNode("Connect " + S.nameOf(known.nodes.get(id), state.lang) +
      " to…: click another node (Esc cancels) · 연결할 다른 노드를 누르세요 "));
    banner.appendChild(S.el("button", { type: "button", class: "link-button", onclick: cancelConnect }, "cancel"));
  }
  function cancelConnect() {
    state.connectFrom = null;
    $("connect-banner").hidden = true;
  }
  function finishConnect(id) {
    var from = state.connectFrom;
    cancelConnect();
    if (from && from !== id) location.href = S.connectHref(from, id);
  }

  /* ---- start ---------------------------------------------------------------------------------- */

  updateUndo();
  var shared = sharedView();
  if (history.state && history.state.smekg) {
    state.index = history.state.index;  // a reload: the entry keeps its view
    restore(history.state.snap).then(function () { updateUndo(); });
  } else if (shared) {
    state.index = 0;
    sessionStorage.setItem("smekg.graph.top", "0");
    restore(shared).then(function () { replaceView(); updateUrl(false); });
  } else {
    sessionStorage.setItem("smekg.graph.top", "0");
    load({ replace: true });
  }
})();
