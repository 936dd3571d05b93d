/* smekg analytics page: centrality, communities, brokers and year-by-year evolution from /api/analytics.
 * Every value from the graph reaches the page as text (S.el builds text nodes). */
(function () {
  "use strict";
  var S = window.SMEKG;
  var main = document.getElementById("analytics");
  var errorBox = document.getElementById("analytics-error");
  var form = document.getElementById("projection-form");
  var TOP = 20;
  var PROJECTIONS = ["people", "full"];
  var generation = 0;

  function byId(id) { return document.getElementById(id); }
  function body(tableId) { return S.clear(byId(tableId).querySelector("tbody")); }
  function num(value, digits) {
    if (value === null || value === undefined) return "–";
    if (typeof value !== "number") return String(value);
    return digits === undefined ? String(value) : value.toFixed(digits);
  }
  function cell(value, digits) { return S.el("td", { class: "num", text: num(value, digits) }); }

  function nameCell(item) {
    var other = S.otherName(item, "ko");
    return S.el("td", {},
      S.el("a", { href: S.entityHref(item.iri), class: "entity-link", dataset: { iri: item.iri } }, S.nameOf(item, "ko")),
      other ? S.el("span", { class: "muted other-name", text: other }) : null);
  }
  function typeCell(item) {
    if (!item.type) return S.el("td", { class: "muted col-type", text: "" });
    var style = S.styleFor(item);
    return S.el("td", { class: "col-type" }, S.swatch(style.group), " ", S.classLabel(style.className || item.type, "ko"));
  }
  function emptyRow(tbody, columns, text) {
    tbody.appendChild(S.el("tr", {}, S.el("td", { colspan: columns, class: "muted", text: text })));
  }
  function fail(statusId, res) {
    byId(statusId).textContent = "Could not load · 불러오지 못했습니다: " + res.error;
    errorBox.hidden = false;
    errorBox.textContent = res.error;
  }

  /* ---- caveats: what a table cannot tell, said beside it ------------------------------------------ */

  function caveatEl(c) {
    return S.el("div", { class: "caveat " + c.level, role: c.level === "warning" ? "alert" : null, dataset: { measure: c.measure } },
      S.el("strong", { text: c.level === "warning" ? "Caution · 주의: " : "Note · 참고: " }),
      S.el("p", { text: c.en }), S.el("p", { lang: "ko", text: c.ko }));
  }
  function showCaveats(boxId, caveats, filter) {
    var box = S.clear(byId(boxId));
    (caveats || []).filter(filter || function () { return true; }).forEach(function (c) { box.appendChild(caveatEl(c)); });
  }

  /* ---- centrality ----------------------------------------------------------------------------- */

  function rankedTable(tableId, items, scoreKey, digits) {
    var tbody = body(tableId);
    if (!items.length) { emptyRow(tbody, 5, "No data · 데이터 없음"); return; }
    items.forEach(function (item, i) {
      tbody.appendChild(S.el("tr", { dataset: { iri: item.iri } },
        cell(i + 1), nameCell(item), typeCell(item), cell(item.degree),
        item.betweenness_se === undefined ? cell(item[scoreKey], digits)
          : S.el("td", { class: "num", text: num(item[scoreKey], digits) + " ± " + num(item.betweenness_se, digits) })));
    });
  }

  function showCentrality(data) {
    var label = data.projection === "full" ? "full graph · 전체 그래프" : "people projection · 인물 공동참석망";
    byId("centrality-status").textContent = "Top " + TOP + " of " + data.nodes + " nodes and " + data.edges +
      " edges (" + label + ") · 노드 " + data.nodes + "개, 링크 " + data.edges + "개";
    var note = byId("sample-note");
    if (data.betweenness_sample) {
      note.hidden = false;
      note.textContent = "Betweenness is sampled: " + data.betweenness_sample + " pivot nodes of " + data.nodes +
        " · 매개 중심성은 표본 추정값입니다 (표본 " + data.betweenness_sample + "개 / 노드 " + data.nodes + "개)." +
        (data.methods && data.methods.betweenness ? " " + data.methods.betweenness : "");
    } else {
      note.hidden = true;
      note.textContent = "";
    }
    rankedTable("degree-table", data.degree || [], "degree_centrality", 4);
    rankedTable("betweenness-table", data.betweenness || [], "betweenness", 4);
    rankedTable("eigenvector-table", data.eigenvector || [], "eigenvector", 4);
    var caveats = data.caveats || [];
    showCaveats("centrality-caveats", caveats, function (c) { return c.measure === "all"; });
    ["degree", "betweenness", "eigenvector"].forEach(function (m) {
      showCaveats(m + "-caveats", caveats, function (c) { return c.measure === m; });
      var degenerate = caveats.some(function (c) { return c.measure === m && c.level === "warning"; });
      byId(m + "-table").classList.toggle("degenerate", degenerate);
    });
  }

  /* ---- communities ---------------------------------------------------------------------------- */

  function showCommunities(data) {
    var tbody = body("communities-table");
    var mod = data.modularity === null || data.modularity === undefined ? "–" : data.modularity.toFixed(3);
    byId("communities-status").textContent = data.count + " communities (Louvain), modularity " + mod +
      " · 커뮤니티 " + data.count + "개, 모듈성 " + mod + (data.method ? " · " + data.method : "");
    showCaveats("communities-caveats", data.caveats);
    var list = data.communities || [];
    if (!list.length) { emptyRow(tbody, 3, "No communities · 커뮤니티 없음"); return; }
    list.forEach(function (community, i) {
      var members = S.el("td", { class: "members" });
      (community.members || []).forEach(function (m, j) {
        if (j) members.appendChild(document.createTextNode(", "));
        members.appendChild(S.el("a", { href: S.entityHref(m.iri), class: "entity-link", dataset: { iri: m.iri } },
          S.nameOf(m, "ko")));
      });
      if ((community.members || []).length < community.size) {
        members.appendChild(S.el("span", { class: "muted", text: " … (+" + (community.size - community.members.length) + ")" }));
      }
      tbody.appendChild(S.el("tr", {}, cell(i + 1), cell(community.size), members));
    });
  }

  /* ---- brokers -------------------------------------------------------------------------------- */

  function showBrokers(data) {
    var tbody = body("brokers-table");
    byId("brokers-status").textContent = data.government_bodies + " government bodies and " + data.foreign_partners +
      " foreign partners in a graph of " + data.nodes + " nodes" + (data.method ? " (" + data.method + ")" : "") +
      " · 정부 기관 " + data.government_bodies + "곳, 해외 파트너 " + data.foreign_partners + "곳";
    showCaveats("brokers-caveats", data.caveats);
    var flagged = (data.caveats || []).filter(function (c) { return c.level === "warning"; })
      .map(function (c) { return c.en; }).join(" ");
    var list = data.brokers || [];
    if (!list.length) { emptyRow(tbody, 7, "No brokers found · 중개자 없음"); return; }
    list.forEach(function (item, i) {
      var made = flagged.indexOf((item.name_ko || item.name_en || item.iri) + " ranks here only because") >= 0;
      tbody.appendChild(S.el("tr", { class: made ? "flagged" : null, title: made ? "A broker made by one edge · 관계 하나로 만들어진 순위" : null,
        dataset: { iri: item.iri, oneEdge: made ? "1" : "0" } },
        cell(i + 1), nameCell(item), typeCell(item), cell(item.disconnected_pairs), cell(item.paths_lengthened),
        cell(item.mean_path_increase, 2), cell(item.betweenness_gov_foreign, 2)));
    });
  }

  /* ---- evolution ------------------------------------------------------------------------------ */

  function showEvolution(data) {
    var tbody = body("evolution-table");
    var years = data.years || [];
    showCaveats("evolution-caveats", data.caveats);
    byId("evolution-status").textContent = years.length + " years with dated events · 행사 연도 " + years.length + "개" +
      (data.undated_participations ? " · " + data.undated_participations + " undated participations not counted · 날짜 없는 참석 " +
        data.undated_participations + "건 제외" : "");
    if (!years.length) { emptyRow(tbody, 7, "No dated events · 날짜가 있는 행사 없음"); return; }
    years.forEach(function (y) {
      tbody.appendChild(S.el("tr", { dataset: { year: y.year } },
        cell(y.year), cell(y.events), cell(y.people), cell(y.new_people), cell(y.returning_people),
        cell(y.repeat_attendees), cell(y.organisations)));
    });
  }

  /* ---- loading -------------------------------------------------------------------------------- */

  function load(path, statusId, show) {
    byId(statusId).textContent = "Loading… · 불러오는 중";
    return S.api(path).then(function (res) {
      if (!res.ok) { fail(statusId, res); return false; }
      show(res.data);
      return true;
    });
  }

  function currentProjection() {
    var p = new URLSearchParams(window.location.search).get("projection");
    return PROJECTIONS.indexOf(p) >= 0 ? p : "people";
  }

  function loadProjection(projection, alsoGlobal) {
    var mine = ++generation;
    main.dataset.state = "loading";
    main.dataset.projection = projection;
    errorBox.hidden = true;
    var q = "projection=" + encodeURIComponent(projection) + "&top=" + TOP;
    function guard(show) { return function (data) { if (mine === generation) show(data); }; }
    var jobs = [
      load("/api/analytics/centrality?" + q, "centrality-status", guard(showCentrality)),
      load("/api/analytics/communities?projection=" + encodeURIComponent(projection) + "&top=12",
        "communities-status", guard(showCommunities)),
    ];
    if (alsoGlobal) {
      jobs.push(load("/api/analytics/brokers?top=" + TOP, "brokers-status", showBrokers));
      jobs.push(load("/api/analytics/evolution", "evolution-status", showEvolution));
    }
    Promise.all(jobs).then(function (oks) {
      if (mine !== generation) return;
      main.dataset.state = oks.every(Boolean) ? "ready" : "error";
    });
  }

  var initial = currentProjection();
  Array.prototype.forEach.call(form.querySelectorAll("input[name=projection]"), function (input) {
    input.checked = input.value === initial;
    input.addEventListener("change", function () {
      if (!input.checked) return;
      var url = new URL(window.location.href);
      url.searchParams.set("projection", input.value);
      window.history.replaceState(null, "", url.pathname + url.search);
      loadProjection(input.value, false);
    });
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  loadProjection(initial, true);
})();
