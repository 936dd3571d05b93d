/* smekg connection finder: /connect?a=…&b=… draws the shortest chains between two entities as a path
 * and lists every step with its quote and source (GET /api/connect); shared events and, for two
 * organisations, their interlocks follow. Names and quotes are text. */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") === "en" ? "en" : "ko";
  var main = $("connect");

  $("connect-a").value = params.get("a") || "";
  $("connect-b").value = params.get("b") || "";
  if (params.get("max_hops")) $("connect-hops").value = params.get("max_hops");

  /* ---- picking the two ends ----------------------------------------------------------------- */

  function suggest(input, list) {
    var seq = 0;
    input.addEventListener("input", S.debounce(function () {
      var text = input.value.trim(), mine = ++seq;
      if (text.length < 1) { S.clear(list); return; }
      S.api("/api/entities?" + new URLSearchParams({ q: text, limit: "8" })).then(function (res) {
        if (mine !== seq) return;
        S.clear(list);
        if (!res.ok) return;
        (res.data.items || []).forEach(function (item) {
          var style = S.styleFor(item);
          list.appendChild(S.el("li", {}, S.el("button", { type: "button", class: "result", dataset: { iri: item.iri },
            onclick: function () { input.value = S.compact(item.iri); input.dataset.name = S.nameOf(item, lang); S.clear(list); } },
            S.swatch(style.group), " ", S.nameOf(item, lang),
            S.el("span", { class: "muted", text: " · " + S.classLabel(style.className, lang) }))));
        });
      });
    }, 200));
  }
  suggest($("connect-a"), $("suggest-a"));
  suggest($("connect-b"), $("suggest-b"));
  $("connect-swap").addEventListener("click", function () {
    var a = $("connect-a").value;
    $("connect-a").value = $("connect-b").value;
    $("connect-b").value = a;
  });
  $("connect-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = new URLSearchParams({ a: $("connect-a").value.trim(), b: $("connect-b").value.trim() });
    if ($("connect-hops").value !== "6") q.set("max_hops", $("connect-hops").value);
    history.pushState(null, "", "/connect?" + q);
    find();
  });
  window.addEventListener("popstate", function () {
    var p = new URLSearchParams(location.search);
    $("connect-a").value = p.get("a") || "";
    $("connect-b").value = p.get("b") || "";
    find();
  });

  /* ---- the answer ---------------------------------------------------------------------------- */

  var seq = 0;
  function find() {
    var a = $("connect-a").value.trim(), b = $("connect-b").value.trim();
    S.clear($("suggest-a")); S.clear($("suggest-b"));
    $("connect-error").hidden = true;
    $("connect-candidates").hidden = true;
    if (!a || !b) { $("connect-result").hidden = true; main.dataset.state = "idle"; return; }
    var mine = ++seq;
    main.dataset.state = "loading";
    $("connect-status").textContent = "Looking for connections… · 찾는 중";
    var q = new URLSearchParams({ a: a, b: b, max_hops: $("connect-hops").value, limit: "5" });
    S.api("/api/connect?" + q).then(function (res) {
      if (mine !== seq) return;
      if (!res.ok) { fail(res); return; }
      show(res.data);
    });
  }

  function fail(res) {
    main.dataset.state = "error";
    $("connect-status").textContent = "";
    $("connect-result").hidden = true;
    var box = $("connect-error");
    box.hidden = false;
    box.textContent = res.error;
    var candidates = S.candidatesOf(res.data);
    if (candidates.length) {
      var list = S.clear($("connect-candidates"));
      list.hidden = false;
      list.appendChild(S.el("p", { text: "Which one? · 어느 쪽인가요?" }));
      list.appendChild(S.el("ul", {}, candidates.map(function (c) {
        return S.el("li", {}, S.entityLink(c, lang), S.el("span", { class: "muted", text: " · " + S.classLabel(c.type, lang) + " · " + S.compact(c.iri) }));
      })));
    }
  }

  function show(data) {
    document.title = S.nameOf(data.a, lang) + " ↔ " + S.nameOf(data.b, lang) + " · smekg";
    $("connect-status").textContent = data.note || "";
    S.append(S.clear($("connect-ends")),
      S.entityLink(data.a, lang), " ↔ ", S.entityLink(data.b, lang), " · ",
      S.el("a", { href: S.graphHref(data.a.iri) }, "open in the explorer · 그래프에서 보기"));
    $("connect-result").hidden = false;
    drawChains(data);
    listChains(data);
    listShared(data.shared_events || [], data);
    listInterlocks(data.interlocks, data);
    main.dataset.state = "ready";
    main.dataset.chains = String((data.chains || []).length);
  }

  /* ---- the path as a picture ----------------------------------------------------------------- */

  var network = null;
  function drawChains(data) {
    var box = $("connect-network");
    var nodes = new vis.DataSet(), edges = new vis.DataSet();
    (data.chains || []).forEach(function (chain) {
      chain.nodes.forEach(function (n, i) {
        var level = i;
        var existing = nodes.get(n.iri);
        if (existing) return;
        var extra = { level: level };
        if (n.iri === data.a.iri || n.iri === data.b.iri) extra = { level: level, borderWidth: 4, size: 22, font: { size: 15 } };
        nodes.add(S.visNode(n, lang, extra));
      });
      chain.edges.forEach(function (e) {
        var id = e.from + "|" + e.type + "|" + e.to;
        if (!edges.get(id)) edges.add({ id: id, from: e.from, to: e.to, label: S.relLabel(e.type, lang), smEvidence: e.evidence });
      });
    });
    box.hidden = !nodes.length;
    if (!nodes.length) return;
    var options = S.visOptions(nodes.length);
    options.layout = { hierarchical: { enabled: true, direction: "LR", sortMethod: "directed", levelSeparation: 230, nodeSpacing: 110 } };
    options.physics = { enabled: false };
    options.edges = Object.assign({}, options.edges, { smooth: { enabled: true, type: "cubicBezier", forceDirection: "horizontal", roundness: 0.4 } });
    if (network) network.destroy();
    network = new vis.Network(box, { nodes: nodes, edges: edges }, options);
    network.once("afterDrawing", function () { network.fit({ animation: false }); box.dataset.state = "ready"; });
    network.on("click", function (params) {
      if (params.nodes.length) location.href = S.entityHref(params.nodes[0]);
    });
    window.smekgConnect = { network: network, nodes: nodes, edges: edges, data: data };
  }

  /* ---- the chains as tables ------------------------------------------------------------------ */

  function stepRelation(hop) {
    if (hop.kind === "meeting") {
      return [S.el("span", { class: "rel", text: "met at · 함께 참석 " }), S.entityLink(hop.event, lang),
        hop.roles.length ? S.el("span", { class: "roles", text: " (" + hop.roles.join(", ") + ")" }) : null];
    }
    var arrow = hop.direction === "backward" ? "←" : "→";
    return [S.el("span", { class: "rel", title: hop.type, text: arrow + " " + S.relLabel(hop.type, lang) + " " + arrow }),
      hop.roles.length ? S.el("span", { class: "roles", text: " (" + hop.roles.join(", ") + ")" }) : null];
  }

  function listChains(data) {
    var box = S.clear($("connect-chains"));
    var chains = data.chains || [];
    if (!chains.length) {
      box.appendChild(S.el("p", { class: "note", text: "No chain of meetings, posts, memberships or agreements links them within " +
        data.max_hops + " steps. · 연결 경로가 없습니다." }));
      return;
    }
    chains.forEach(function (chain, ci) {
      box.appendChild(S.el("h2", {}, "Chain " + (ci + 1) + " · 경로 " + (ci + 1),
        S.el("span", { class: "muted", text: " (" + chain.hops.length + " step" + (chain.hops.length === 1 ? "" : "s") + ")" })));
      box.appendChild(S.el("table", { class: "results chain", dataset: { chain: ci } },
        S.el("thead", {}, S.el("tr", {}, ["#", "From · 출발", "How · 관계", "To · 도착", "Evidence · 근거 인용", "Source · 출처"].map(function (h) {
          return S.el("th", { text: h });
        }))),
        S.el("tbody", {}, chain.hops.map(function (hop, i) {
          return S.el("tr", { class: "hop", dataset: { kind: hop.kind, quotes: hop.evidence.length } },
            S.el("td", { class: "rownum", text: i + 1 }),
            S.el("td", {}, S.entityLink(hop.from, lang)),
            S.el("td", {}, stepRelation(hop)),
            S.el("td", {}, S.entityLink(hop.to, lang)),
            S.el("td", { class: "quotes" }, hop.evidence.length ? hop.evidence.map(function (q) { return S.el("blockquote", { class: "evidence", text: q }); })
              : S.el("span", { class: "error", text: "no quote" })),
            S.el("td", { class: "sources" }, (hop.sources || []).map(function (s, j) { return [j ? S.el("br") : null, S.sourceEl(s, hop.evidence)]; })));
        }))));
    });
  }

  function listShared(events, data) {
    var section = $("shared-section");
    section.hidden = !events.length;
    var tbody = S.clear($("shared-table").querySelector("tbody"));
    events.forEach(function (e) {
      tbody.appendChild(S.el("tr", {},
        S.el("td", {}, S.entityLink(e, lang)),
        S.el("td", { class: "date", text: e.date || "" }),
        S.el("td", { text: e.place || "" }),
        S.el("td", {}, S.nameOf(data.a, lang) + ": " + (e.roles_a.join(", ") || "–"), S.el("br"),
          S.nameOf(data.b, lang) + ": " + (e.roles_b.join(", ") || "–")),
        S.el("td", {}, S.evidenceEl(e.evidence, e.sources))));
    });
  }

  function tieText(t) {
    var bits = [S.relLabel(t.tie, lang)];
    if (t.roles && t.roles.length) bits.push(t.roles.join(", "));
    if (t.as_of && t.as_of.length) bits.push("as of " + t.as_of.join(", "));
    if (t.acting) bits.push("acting · 직무대행");
    return bits.join(" · ");
  }

  function listInterlocks(links, data) {
    var section = $("interlocks-section");
    section.hidden = !links;
    if (!links) return;
    var box = S.clear($("interlocks"));
    box.appendChild(S.el("h3", {}, "People tied to both · 두 기관 모두와 연결된 사람 (" + links.people.length + ")"));
    if (!links.people.length) box.appendChild(S.el("p", { class: "muted", text: "None recorded. · 기록 없음" }));
    box.appendChild(S.el("ul", { class: "relationships" }, links.people.map(function (p) {
      return S.el("li", {}, S.entityLink(p.person, lang),
        S.el("div", {}, S.nameOf(data.a, lang) + ": ", p.ties_a.map(function (t) { return [S.entityLink(t.via, lang), " (" + tieText(t) + ") "]; })),
        S.el("div", {}, S.nameOf(data.b, lang) + ": ", p.ties_b.map(function (t) { return [S.entityLink(t.via, lang), " (" + tieText(t) + ") "]; })));
    })));
    box.appendChild(S.el("h3", {}, "Events both were linked to · 두 기관이 관련된 행사 (" + links.events.length + ")"));
    box.appendChild(S.el("ul", { class: "relationships" }, links.events.map(function (e) {
      function via(list) {
        return list.map(function (l, i) { return [i ? ", " : null, S.entityLink(l.via, lang), " " + S.relLabel(l.link, lang) + (l.roles.length ? " (" + l.roles.join(", ") + ")" : "")]; });
      }
      return S.el("li", {}, S.entityLink(e.event, lang), e.date ? S.el("span", { class: "dates", text: " · " + e.date }) : null,
        S.el("div", { class: "muted" }, S.nameOf(data.a, lang) + ": ", via(e.links_a)),
        S.el("div", { class: "muted" }, S.nameOf(data.b, lang) + ": ", via(e.links_b)));
    })));
    box.appendChild(S.el("h3", {}, "Agreements with both · 두 기관이 맺은 협약 (" + links.agreements.length + ")"));
    box.appendChild(S.el("ul", { class: "relationships" }, links.agreements.map(function (ag) {
      return S.el("li", {}, S.entityLink(ag, lang), ag.date ? S.el("span", { class: "dates", text: " · " + ag.date }) : null,
        ag.subject.length ? S.el("div", { text: ag.subject.join("; ") }) : null,
        ag.parties.map(function (p) { return S.el("div", { class: "muted" }, S.entityLink(p, lang), S.evidenceEl(p.evidence, p.sources)); }));
    })));
  }

  find();
})();
