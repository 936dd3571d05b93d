/* smekg Cypher console: POST /api/cypher, named queries from GET /api/queries, table and graph views,
 * CSV and JSON downloads, and clear messages for errors (400), refusals (403), time-outs (408) and
 * truncated results. Values are shown as text.
 */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var $ = function (id) { return document.getElementById(id); };
  var textarea = $("query"), highlight = $("query-highlight"), paramsBox = $("params");
  var last = null;
  var running = false;
  var activeExample = null;
  var cm = null;  // Neo4j's CodeMirror 6 Cypher editor, when its script loaded
  var HISTORY_KEY = "smekg.console.history", HISTORY_MAX = 50;

  /* ---- the editor: CodeMirror with Cypher support, else a highlighted textarea ------------------ */

  var KEYWORDS = ("MATCH OPTIONAL WHERE RETURN WITH UNWIND ORDER BY LIMIT SKIP AS AND OR NOT XOR IN IS NULL " +
    "TRUE FALSE DISTINCT CASE WHEN THEN ELSE END CREATE MERGE DELETE DETACH SET REMOVE CALL YIELD UNION ALL " +
    "EXISTS ASC DESC ASCENDING DESCENDING CONTAINS STARTS ENDS LOAD CSV FROM FOREACH ON COUNT").split(" ");
  var KEYWORD_SET = new Set(KEYWORDS);
  var TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?)|(`[^`]*`?)|(\$[A-Za-z_][\w]*)|(:[A-Za-z_][\w]*)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][\w]*)/g;

  function paint() {
    var text = textarea.value;
    var out = document.createDocumentFragment();
    var pos = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) {
      if (m.index > pos) out.appendChild(document.createTextNode(text.slice(pos, m.index)));
      var cls = m[1] ? "tok-comment" : m[2] || m[3] ? "tok-string" : m[4] ? "tok-param" : m[5] ? "tok-label" :
        m[6] ? "tok-number" : KEYWORD_SET.has(m[7].toUpperCase()) ? "tok-keyword" : null;
      out.appendChild(cls ? S.el("span", { class: cls, text: m[0] }) : document.createTextNode(m[0]));
      pos = m.index + m[0].length;
    }
    out.appendChild(document.createTextNode(text.slice(pos) + "\n"));
    S.clear(highlight).appendChild(out);
    syncScroll();
  }
  function syncScroll() {
    highlight.scrollTop = textarea.scrollTop;
    highlight.scrollLeft = textarea.scrollLeft;
  }
  textarea.addEventListener("input", function () { paint(); clearMark(); });
  textarea.addEventListener("scroll", syncScroll);
  paint();

  function getQuery() { return cm ? cm.codemirror.state.doc.toString() : textarea.value; }
  function setQuery(text) {
    if (cm) cm.setValue(text); else { textarea.value = text; paint(); }
    clearMark();
  }

  function onKey(ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") {
      ev.preventDefault();
      ev.stopPropagation();
      run();
    }
  }
  textarea.addEventListener("keydown", onKey);
  paramsBox.addEventListener("keydown", onKey);
  $("run").addEventListener("click", function () { run(); });

  /** Labels, relationship types and property keys of the loaded graph, and the parameters given. */
  var schema = { labels: [], relationshipTypes: [], propertyKeys: [], parameters: [] };
  function paramNames() {
    try {
      var value = JSON.parse(paramsBox.value || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
    } catch (e) { return []; }
  }
  function pushSchema() {
    schema.parameters = paramNames();
    if (cm) cm.setSchema(schema);
  }
  paramsBox.addEventListener("input", S.debounce(pushSchema, 300));

  function startEditor() {
    var factory = window.SmekgCypherEditor && window.SmekgCypherEditor.createCypherEditor;
    var host = $("cm-editor");
    if (!factory) {
      $("editor-kind").textContent = "Plain editor: the Cypher editor script did not load.";
      document.body.dataset.editor = "textarea";
      return;
    }
    try {
      var made = factory(host, {
        value: textarea.value, autofocus: false, lint: true, lineNumbers: true, lineWrapping: false,
        autocomplete: true, history: true, theme: "light", tooltipAbsolute: true, schema: schema,
        placeholder: "MATCH (n) RETURN n LIMIT 10",
      });
      cm = made && made.editor ? made.editor : made;  // 1.0.3 answers {editor}; later versions the api itself
    } catch (err) {
      cm = null;
      $("editor-kind").textContent = "Plain editor: the Cypher editor failed to start (" + err.message + ").";
      document.body.dataset.editor = "textarea";
      return;
    }
    host.hidden = false;
    $("editor").hidden = true;
    host.addEventListener("keydown", onKey, true);  // before CodeMirror's own Mod-Enter
    cm.onValueChanged(function () { clearMark(); });
    document.body.dataset.editor = "codemirror";
    $("editor-kind").textContent = "Cypher highlighting, linting as you type, completion from the live schema (Neo4j's CodeMirror support).";
    S.api("/api/schema").then(function (res) {
      if (!res.ok) return;
      schema.labels = res.data.labels.map(function (l) { return l.name; });
      schema.relationshipTypes = res.data.relationship_types.map(function (r) { return r.name; });
      var keys = new Set();
      res.data.node_properties.concat(res.data.relationship_properties).forEach(function (k) { keys.add(k.name); });
      schema.propertyKeys = Array.from(keys).sort();
      pushSchema();
      document.body.dataset.schema = "loaded";
    });
  }

  /* ---- marking an error's position ------------------------------------------------------------ */

  var marker = null;
  function clearMark() {
    if (marker) { marker.remove(); marker = null; }
    document.body.dataset.errorAt = "";
  }
  /** Select the text at [from, to) and put a marker under it. */
  function markError(from, to) {
    clearMark();
    var text = getQuery();
    from = Math.max(0, Math.min(from, text.length));
    to = Math.max(from + 1, Math.min(to, text.length));
    document.body.dataset.errorAt = String(from);
    if (cm) {
      var Selection = cm.getSelection().constructor;
      cm.setSelection(Selection.single(from, to), true);
      cm.focus();
      var coords = cm.codemirror.coordsAtPos(from);
      var host = $("cm-editor"), box = host.getBoundingClientRect();
      if (coords) {
        marker = S.el("span", { class: "error-marker", title: "The error is here · 오류 위치", text: "▲" });
        marker.style.left = Math.round(coords.left - box.left - 5) + "px";
        marker.style.top = Math.round(coords.bottom - box.top) + "px";
        host.appendChild(marker);
      }
    } else {
      textarea.focus();
      textarea.setSelectionRange(from, to);
    }
  }
  /** Where an engine error points: "line: 3, column: 4, offset: 44" (FalkorDB), "(line 3, column 4
   * (offset: 44))" (Neo4j), or a quoted name ("'m' not defined", "Variable `m` not defined"). */
  function errorPosition(message, query) {
    var m = /offset:?\s*(\d+)/i.exec(message);
    var at = null;
    if (m) at = parseInt(m[1], 10);
    else {
      var lc = /line:?\s*(\d+),?\s*column:?\s*(\d+)/i.exec(message);
      if (lc) {
        var lines = query.split("\n"), line = parseInt(lc[1], 10), col = parseInt(lc[2], 10);
        at = 0;
        for (var i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
        at += col - 1;
      } else {
        var name = /['`]([A-Za-z_][\w]*)['`] not defined/.exec(message);
        if (name) {
          var re = new RegExp("\\b" + name[1] + "\\b");
          var hit = re.exec(query);
          if (hit) return { from: hit.index, to: hit.index + name[1].length };
        }
      }
    }
    if (at === null || isNaN(at)) return null;
    // The whole word the engine stopped in (FalkorDB points into it: RET|RUN).
    var from = at, to = at;
    while (from > 0 && /[\w$]/.test(query.charAt(from - 1))) from--;
    while (to < query.length && /[\w$]/.test(query.charAt(to))) to++;
    return { from: from, to: Math.max(to, from + 1) };
  }

  /** $parameters the query uses (outside strings and comments), with their first position. */
  function usedParams(query) {
    var out = {}, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(query))) {
      if (m[4] && !(m[4].slice(1) in out)) out[m[4].slice(1)] = m.index;
    }
    return out;
  }

  /* ---- messages ------------------------------------------------------------------------------- */

  var KINDS = {
    400: ["error", "Query error (400)", "The engine could not run the query."],
    403: ["refused", "Refused (403): the console is read-only", "Writes and clauses that reach outside the graph are not allowed."],
    408: ["timeout", "Timed out (408)", "The query ran past the time limit and was stopped. Narrow it or add LIMIT."],
    413: ["error", "Too large (413)", "The request is too large."],
    422: ["error", "Request not accepted (422)", "Check the query and the parameters."],
    503: ["error", "Store unavailable (503)", "The graph store is not ready."],
  };
  function showMessage(kind, title, text, hint) {
    var box = $("message");
    S.clear(box);
    box.className = "message " + kind;
    box.dataset.kind = kind;
    box.appendChild(S.el("strong", { class: "message-title", text: title }));
    if (hint) box.appendChild(S.el("div", { class: "message-hint", text: hint }));
    if (text) box.appendChild(S.el("pre", { class: "message-text", text: text }));
    box.hidden = false;
  }
  function hideMessage() {
    var box = $("message");
    box.hidden = true;
    box.dataset.kind = "";
    S.clear(box);
  }
  function showFailure(res) {
    var kind = KINDS[res.status];
    if (kind) showMessage(kind[0], kind[1], res.error, kind[2]);
    else if (res.status === 0) showMessage("error", "No answer", res.error);
    else showMessage("error", "Failed (" + res.status + ")", res.error);
  }

  /* ---- running -------------------------------------------------------------------------------- */

  function readParams() {
    var text = paramsBox.value.trim();
    if (!text) return {};
    var value;
    try { value = JSON.parse(text); } catch (e) {
      showMessage("error", "Parameters are not valid JSON", e.message, 'Write a JSON object, e.g. {"name": "오영주"}.');
      return null;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      showMessage("error", "Parameters must be a JSON object", text, 'e.g. {"name": "오영주", "limit": 10}');
      return null;
    }
    return value;
  }

  function run() {
    if (running) return Promise.resolve();
    var query = getQuery();
    if (!query.trim()) { showMessage("error", "Nothing to run", "", "Type a Cypher query first."); return Promise.resolve(); }
    var params = readParams();
    if (params === null) return Promise.resolve();
    var used = usedParams(query);
    var missing = Object.keys(used).filter(function (name) { return !(name in params); });
    if (missing.length) {
      showMessage("error", "Missing parameter" + (missing.length > 1 ? "s " : " ") + missing.map(function (n) { return "$" + n; }).join(", "),
        "", "Add " + missing.map(function (n) { return JSON.stringify(n) + ": …"; }).join(", ") +
        " to the parameters (a JSON object), or write the value into the query. · 매개변수를 추가하세요.");
      $("message").dataset.missing = missing.join(" ");
      markError(used[missing[0]], used[missing[0]] + missing[0].length + 1);
      return Promise.resolve();
    }
    running = true;
    $("run").disabled = true;
    $("run-status").textContent = "Running…";
    document.body.dataset.console = "running";
    var named = activeExample && activeExample.text === query ? activeExample : null;
    var request = named ? S.api("/api/queries/" + encodeURIComponent(named.name) + "?" + namedQuery(params))
      : S.api("/api/cypher", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query: query, params: params }),
      });
    return request.then(function (res) {
      running = false;
      $("run").disabled = false;
      document.body.dataset.console = "done";
      remember(query, params, res);
      if (!res.ok) {
        $("run-status").textContent = "";
        last = null;
        clearResults();
        showFailure(res);
        var where = res.status === 400 ? errorPosition(res.error || "", query) : null;
        if (where) {
          markError(where.from, where.to);
          var box = $("message");
          box.appendChild(S.el("div", { class: "message-hint", text: "Marked in the editor: " + where.from + "–" + where.to +
            " (“" + query.slice(where.from, where.to) + "”) · 편집기에 표시했습니다" }));
        }
        return;
      }
      hideMessage();
      clearMark();
      last = Object.assign({ query: query, params: params }, res.data);
      render(last);
    });
  }

  /** A named query's parameters as its route takes them: every value JSON-encoded. */
  function namedQuery(params) {
    var q = new URLSearchParams();
    Object.keys(params).forEach(function (k) { q.set(k, JSON.stringify(params[k])); });
    return q.toString();
  }

  /* ---- history and permalinks --------------------------------------------------------------- */

  function loadHistory() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]").filter(function (h) { return h && typeof h.q === "string"; }); }
    catch (e) { return []; }
  }
  function remember(query, params, res) {
    var list = loadHistory().filter(function (h) { return !(h.q === query && JSON.stringify(h.p) === JSON.stringify(params)); });
    list.unshift({ q: query, p: params, at: new Date().toISOString().slice(0, 19).replace("T", " "), ok: res.ok,
      rows: res.ok && res.data && res.data.rows ? res.data.rows.length : null, status: res.status });
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(list.slice(0, HISTORY_MAX))); } catch (e) { /* full: keep going */ }
    showHistory();
  }
  function showHistory() {
    var box = S.clear($("history"));
    var list = loadHistory();
    if (!list.length) box.appendChild(S.el("li", { class: "muted", text: "No queries yet. · 기록 없음" }));
    list.forEach(function (h, i) {
      box.appendChild(S.el("li", {}, S.el("button", { type: "button", class: "example history-item", dataset: { index: i },
        title: h.q, onclick: function () {
          activeExample = null;
          setQuery(h.q);
          paramsBox.value = JSON.stringify(h.p || {});
          pushSchema();
        } },
        S.el("span", { class: "example-name", text: h.at + (h.ok ? " · " + h.rows + " rows" : " · " + h.status) }),
        S.el("span", { class: "example-desc", text: h.q }))));
    });
  }
  $("history-clear").addEventListener("click", function () { localStorage.removeItem(HISTORY_KEY); showHistory(); });

  function permalink() {
    var q = new URLSearchParams({ q: getQuery() });
    var params = readParams();
    if (params && Object.keys(params).length) q.set("p", JSON.stringify(params));
    return location.origin + "/console?" + q;
  }
  $("permalink-make").addEventListener("click", function () {
    var box = $("permalink");
    box.hidden = false;
    box.value = permalink();
    box.select();
    if (navigator.clipboard) navigator.clipboard.writeText(box.value).catch(function () {});
  });

  /* ---- values --------------------------------------------------------------------------------- */

  function isNode(v) { return v && typeof v === "object" && !Array.isArray(v) && "id" in v && Array.isArray(v.labels) && "properties" in v; }
  function isRel(v) { return v && typeof v === "object" && !Array.isArray(v) && "type" in v && "start" in v && "end" in v && "properties" in v; }
  function isPath(v) { return v && typeof v === "object" && Array.isArray(v.nodes) && Array.isArray(v.relationships); }

  function nodeName(v) {
    var p = v.properties || {};
    return S.nameOf({ name_ko: p.name_ko, name_en: p.name_en, iri: p.iri }, "ko") || p.headline || "#" + v.id;
  }
  function cell(v) {
    if (v === null || v === undefined) return S.el("span", { class: "null", text: "null" });
    if (isNode(v)) {
      var p = v.properties || {};
      var label = S.el("span", { class: "chip node" }, "(:" + v.labels.filter(function (l) { return C.classes[l]; }).slice(0, 3).join(":") + ") ", nodeName(v));
      return p.iri ? S.el("a", { href: S.entityHref(p.iri), class: "cell-link" }, label) : label;
    }
    if (isRel(v)) {
      return S.el("span", { class: "chip rel", title: S.asList((v.properties || {}).evidence).join("\n") },
        "[:" + v.type + "] ", S.el("span", { class: "muted", text: v.start + "→" + v.end }));
    }
    if (isPath(v)) {
      return S.el("span", { class: "chip path" }, "path: " + v.nodes.map(nodeName).join(" → "));
    }
    if (Array.isArray(v)) {
      return S.el("span", { class: "list" }, v.map(function (x, i) { return [i ? ", " : null, cell(x)]; }));
    }
    if (typeof v === "object") return S.el("code", { class: "json", text: JSON.stringify(v) });
    if (typeof v === "string" && v.indexOf(C.namespaces.id) === 0 && !/\s/.test(v)) {
      return S.el("a", { href: S.entityHref(v), class: "cell-link iri", text: S.compact(v) });
    }
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) return S.el("span", { class: "date", text: v });
    return S.el("span", { class: typeof v, text: String(v) });
  }

  function clearResults() {
    S.clear($("result-table"));
    $("download-csv").disabled = true;
    $("download-json").disabled = true;
    $("tab-graph").disabled = true;
    $("tab-graph").textContent = "Graph";
    showTab("table");
  }

  function render(result) {
    var table = $("result-table");
    S.clear(table);
    var rows = result.rows || [], columns = result.columns || [];
    $("run-status").textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + " · " +
      Math.round(result.elapsed_ms || 0) + " ms" + (result.truncated ? " · truncated" : "");
    if (result.truncated) {
      showMessage("truncated", "Truncated: only the first " + rows.length + " rows are shown",
        "", "The console caps the rows of a result. Add LIMIT, or narrow the query, to see the rest.");
    }
    if (!columns.length) {
      table.appendChild(S.el("p", { class: "muted", text: "The query returned no columns." }));
    } else {
      table.appendChild(S.el("table", { class: "results", dataset: { rows: rows.length } },
        S.el("thead", {}, S.el("tr", {}, S.el("th", { class: "rownum", text: "#" }), columns.map(function (c) { return S.el("th", { text: c }); }))),
        S.el("tbody", {}, rows.map(function (row, i) {
          return S.el("tr", {}, S.el("td", { class: "rownum", text: i + 1 }), row.map(function (v) { return S.el("td", {}, cell(v)); }));
        }))));
      if (!rows.length) table.appendChild(S.el("p", { class: "muted empty", text: "No rows." }));
    }
    $("download-csv").disabled = false;
    $("download-json").disabled = false;
    var graph = collectGraph(rows);
    var tab = $("tab-graph");
    tab.disabled = !graph.nodes.size;
    tab.textContent = graph.nodes.size ? "Graph (" + graph.nodes.size + " nodes, " + graph.rels.size + " relationships)" : "Graph";
    currentGraph = graph;
    if (!graph.nodes.size) showTab("table");
    else if (!$("result-graph").hidden) drawGraph();
  }

  /* ---- graph view ----------------------------------------------------------------------------- */

  var currentGraph = null;
  var network = null;
  var gNodes = new vis.DataSet(), gEdges = new vis.DataSet();

  function collectGraph(rows) {
    var graph = { nodes: new Map(), rels: new Map() };
    function walk(v) {
      if (!v || typeof v !== "object") return;
      if (isNode(v)) { graph.nodes.set(String(v.id), v); return; }
      if (isRel(v)) { graph.rels.set(String(v.id), v); return; }
      if (isPath(v)) { v.nodes.forEach(walk); v.relationships.forEach(walk); return; }
      if (Array.isArray(v)) { v.forEach(walk); return; }
      Object.keys(v).forEach(function (k) { walk(v[k]); });
    }
    rows.forEach(function (row) { row.forEach(walk); });
    graph.rels.forEach(function (r) {
      [r.start, r.end].forEach(function (id) {
        if (!graph.nodes.has(String(id))) graph.nodes.set(String(id), { id: id, labels: [], properties: {}, placeholder: true });
      });
    });
    return graph;
  }

  function drawGraph() {
    var graph = currentGraph;
    if (!graph) return;
    var list = Array.from(graph.nodes.values()).slice(0, C.limits.max_nodes);
    var ids = new Set(list.map(function (n) { return "n" + n.id; }));
    gNodes.clear();
    gEdges.clear();
    gNodes.add(list.map(function (n) {
      var p = n.properties || {};
      var entity = { iri: "n" + n.id, type: p.type, labels: n.labels, name_ko: p.name_ko, name_en: p.name_en,
        date: S.asList(p.start_date || p.date_published)[0] };
      if (!entity.name_ko && !entity.name_en) entity.name_ko = nodeName(n);
      var vn = S.visNode(entity, "ko", { smRaw: n });
      if (n.placeholder) vn.color = { background: "#e0e0e0", border: "#9e9e9e" };
      return vn;
    }));
    gEdges.add(Array.from(graph.rels.values()).filter(function (r) {
      return ids.has("n" + r.start) && ids.has("n" + r.end);
    }).map(function (r) {
      return { id: "r" + r.id, from: "n" + r.start, to: "n" + r.end, label: r.type, smRaw: r,
        title: S.el("div", { class: "tip" }, S.relLabel(r.type, "ko"), S.el("div", { class: "tip-type", text: r.type })) };
    }));
    var options = S.visOptions(gNodes.length);
    if (!network) {
      network = new vis.Network($("console-network"), { nodes: gNodes, edges: gEdges }, options);
      network.on("click", function (params) {
        if (params.nodes.length) showRaw(gNodes.get(params.nodes[0]).smRaw, true);
        else if (params.edges.length) showRaw(gEdges.get(params.edges[0]).smRaw, false);
      });
    } else {
      network.setOptions(options);
      network.setData({ nodes: gNodes, edges: gEdges });
    }
    S.freezeWhenStable(network);
  }

  function showRaw(v, node) {
    var box = S.clear($("console-details"));
    var p = v.properties || {};
    box.appendChild(S.el("h3", {}, node ? nodeName(v) : "[:" + v.type + "]",
      S.el("span", { class: "muted", text: node ? " (:" + v.labels.join(":") + ")" : " " + v.start + " → " + v.end })));
    if (node && p.iri) box.appendChild(S.el("p", {}, S.el("a", { href: S.entityHref(p.iri) }, "Entity page")));
    if (!node) { var ev = S.evidenceEl(p.evidence, p.sources); if (ev) box.appendChild(ev); }
    box.appendChild(S.el("dl", { class: "facts" }, Object.keys(p).sort().map(function (k) {
      return [S.el("dt", { text: k }), S.el("dd", {}, cell(p[k]))];
    })));
  }

  function showTab(which) {
    var graph = which === "graph";
    $("tab-table").setAttribute("aria-selected", String(!graph));
    $("tab-graph").setAttribute("aria-selected", String(graph));
    $("result-table").hidden = graph;
    $("result-graph").hidden = !graph;
    if (graph) drawGraph();
  }
  $("tab-table").addEventListener("click", function () { showTab("table"); });
  $("tab-graph").addEventListener("click", function () { showTab("graph"); });

  /* ---- downloads ------------------------------------------------------------------------------ */

  function csvCell(v) {
    if (v === null || v === undefined) return "";
    var text = typeof v === "object" ? JSON.stringify(v) : String(v);
    // A spreadsheet would run a cell that starts with = + - @ as a formula: keep it text.
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function stamp() {
    return new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  }
  $("download-csv").addEventListener("click", function () {
    if (!last) return;
    var lines = [last.columns.map(csvCell).join(",")].concat(last.rows.map(function (r) { return r.map(csvCell).join(","); }));
    S.download("smekg-result-" + stamp() + ".csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
  });
  $("download-json").addEventListener("click", function () {
    if (!last) return;
    S.download("smekg-result-" + stamp() + ".json", "application/json", JSON.stringify(last, null, 2));
  });

  /* ---- named queries -------------------------------------------------------------------------- */

  /** A starting value for a parameter from its documented meaning (limits, lists, optional values). */
  function defaultFor(name, meaning) {
    var m = (meaning || "").toLowerCase();
    if (name === "limit" || /maximum/.test(m)) return 25;
    if (/\blist\b/.test(m)) return [];
    if (/\bnull\b/.test(m)) return null;
    if (/lower-case|text/.test(m)) return "";
    return null;
  }

  function useExample(q) {
    setQuery(q.text);
    activeExample = q;
    var params = {};
    Object.keys(q.params || {}).forEach(function (k) { params[k] = defaultFor(k, q.params[k]); });
    paramsBox.value = JSON.stringify(params, null, 1).replace(/\n\s*/g, " ");
    pushSchema();
    Array.prototype.forEach.call(document.querySelectorAll(".example.active"), function (b) { b.classList.remove("active"); });
    var button = document.querySelector('.example[data-name="' + CSS.escape(q.name) + '"]');
    if (button) button.classList.add("active");
    return run();
  }

  $("example-filter").addEventListener("input", function () {
    var text = this.value.trim().toLowerCase();
    Array.prototype.forEach.call(document.querySelectorAll("#examples li"), function (li) {
      li.hidden = !!text && li.textContent.toLowerCase().indexOf(text) < 0;
    });
  });

  S.api("/api/queries").then(function (res) {
    var list = $("examples");
    if (!res.ok) { $("examples-status").textContent = "Named queries could not be loaded: " + res.error; return; }
    var items = (res.data && res.data.items) || [];  // the public library only: internal reads are not served
    $("examples-status").textContent = items.length + " queries";
    items.forEach(function (q) {
      var params = Object.keys(q.params || {});
      list.appendChild(S.el("li", {},
        S.el("button", { type: "button", class: "example", title: q.description, dataset: { name: q.name },
          onclick: function () { useExample(q); } },
          S.el("span", { class: "example-name", text: q.name }),
          S.el("span", { class: "example-desc", text: q.description }),
          params.length ? S.el("span", { class: "example-params", text: "params: " + params.join(", ") }) : null)));
    });
  });

  /* ---- start ---------------------------------------------------------------------------------- */

  startEditor();
  showHistory();
  var start = new URLSearchParams(location.search);
  if (start.get("q")) {  // a permalink: the query and its parameters, run at once
    setQuery(start.get("q"));
    if (start.get("p")) paramsBox.value = start.get("p");
    pushSchema();
    run();
  }

  window.smekgConsole = {
    run: run,
    get last() { return last; },
    get query() { return getQuery(); },
    set query(text) { activeExample = null; setQuery(text); },
    get editor() { return cm ? "codemirror" : "textarea"; },
    get cm() { return cm; },
    permalink: permalink,
  };
})();
