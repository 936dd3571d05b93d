/* smekg entity page: names, aliases, positions, relationships with sources, and the neighbourhood. */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var $ = function (id) { return document.getElementById(id); };
  var lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ko";

  function fail(res) {
    $("entity-status").textContent = "";
    var box = $("entity-error");
    S.clear(box);
    box.hidden = false;
    var title = res.status === 404 ? "Not found · 찾을 수 없음" : res.status === 409 ? "Which one? · 동명이인/중복 이름" : "Error";
    box.appendChild(S.el("strong", { text: title }));
    box.appendChild(S.el("p", { text: res.error }));
    var candidates = S.candidatesOf(res.data);
    if (candidates.length) {
      box.appendChild(S.el("ul", {}, candidates.map(function (c) {
        return S.el("li", {}, S.entityLink(c, lang), S.el("span", { class: "muted", text: " · " + S.classLabel(c.type, lang) }));
      })));
    }
  }

  S.api(S.entityApi(C.entity_id)).then(function (res) {
    if (!res.ok) { fail(res); return; }
    var detail = res.data, entity = detail.entity;
    var name = S.nameOf(entity, lang);
    document.title = name + " · smekg";
    var canonical = S.entityHref(entity.iri);
    if (location.pathname !== canonical) history.replaceState(null, "", canonical + location.search);
    $("entity-status").textContent = "";
    $("entity-name").textContent = name;
    var style = S.styleFor(entity);
    S.append(S.clear($("entity-sub")), S.swatch(style.group), " ",
      S.otherName(entity, lang) ? S.otherName(entity, lang) + " · " : null, S.classLabel(style.className, lang));
    var link = $("entity-permalink");
    link.setAttribute("href", canonical);
    link.textContent = location.origin + canonical;
    $("entity-iri").textContent = entity.iri;
    $("entity-graph-link").setAttribute("href", S.graphHref(entity.iri));
    $("entity-json-link").setAttribute("href", S.entityApi(entity.iri));
    $("entity-connect-a").value = S.compact(entity.iri);
    var person = C.met && (entity.labels || []).indexOf(C.met.person_class) >= 0;
    $("entity-met-link").hidden = !person;
    if (person) $("entity-met-link").setAttribute("href", S.metHref(entity.iri));
    var toggle = $("entity-lang");
    toggle.setAttribute("href", canonical + (lang === "en" ? "" : "?lang=en"));
    toggle.textContent = lang === "en" ? "한국어" : "English";
    S.renderEntity($("entity-detail"), detail, { lang: lang, heading: false });
    $("entity").hidden = false;
    drawNeighbourhood(entity);
  });

  function drawNeighbourhood(entity) {
    var container = $("entity-network");
    var status = $("entity-graph-status");
    var q = new URLSearchParams({ center: entity.iri, depth: "1", limit: "150" });
    S.api("/api/graph?" + q).then(function (res) {
      if (!res.ok) { status.textContent = res.error; container.dataset.state = "ready"; return; }
      var g = res.data;
      var nodes = new vis.DataSet((g.nodes || []).map(function (n) {
        var id = n.iri || n.id;
        return S.visNode(Object.assign({ iri: id }, n), lang, id === entity.iri ? { borderWidth: 4, size: 24 } : null);
      }));
      var seen = new Set();
      var edges = new vis.DataSet((g.edges || []).filter(function (e) {
        var id = e.id || e.from + "|" + e.type + "|" + e.to;
        if (seen.has(id) || !nodes.get(e.from) || !nodes.get(e.to)) return false;
        seen.add(id);
        return true;
      }).map(function (e) {
        return { id: e.id || e.from + "|" + e.type + "|" + e.to, from: e.from, to: e.to, label: S.relLabel(e.type, lang),
          title: S.el("div", { class: "tip" }, S.relLabel(e.type, lang), S.el("div", { class: "tip-type", text: e.type })) };
      }));
      status.textContent = nodes.length + " nodes · " + edges.length + " edges" + (g.truncated ? " (capped: open the graph explorer to narrow)" : "") +
        " · click a node to open its page";
      var network = new vis.Network(container, { nodes: nodes, edges: edges }, S.visOptions(nodes.length));
      S.freezeWhenStable(network, function () { container.dataset.state = "ready"; });
      if (nodes.length <= 1) container.dataset.state = "ready";
      network.on("click", function (params) {
        if (params.nodes.length && params.nodes[0] !== entity.iri) location.href = S.entityHref(params.nodes[0]);
      });
      window.smekgEntity = { network: network, nodes: nodes, edges: edges, entity: entity };
    });
  }
})();
