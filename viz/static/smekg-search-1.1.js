/* smekg search page: ranked names with a type facet (GET /api/entities) and full-text hits in the
 * evidence quotes and the article texts (GET /api/search). Matches are highlighted as text. */
(function () {
  "use strict";
  var S = window.SMEKG;
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") === "en" ? "en" : "ko";
  var main = $("search");
  var MATCH = { exact: "exact · 일치", prefix: "starts with · 시작", partial: "contains · 포함", spaced: "ignoring spaces · 띄어쓰기 무시" };
  var q = (params.get("q") || "").trim();
  var type = params.get("type") || "";
  $("search-page-q").value = q;

  $("search-page-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    go($("search-page-q").value.trim(), "");
  });
  function go(text, kind) {
    var p = new URLSearchParams({ q: text });
    if (kind) p.set("type", kind);
    history.pushState(null, "", "/search?" + p);
    q = text; type = kind;
    run();
  }
  window.addEventListener("popstate", function () {
    var p = new URLSearchParams(location.search);
    q = (p.get("q") || "").trim(); type = p.get("type") || "";
    $("search-page-q").value = q;
    run();
  });

  /** Text with every occurrence of the terms wrapped in <mark class="term">, all as text nodes. */
  function highlighted(text, terms) {
    var frag = document.createDocumentFragment();
    var lower = text.toLowerCase(), pos = 0;
    var needles = terms.map(function (t) { return t.toLowerCase(); }).filter(Boolean);
    while (pos < text.length) {
      var best = -1, len = 0;
      needles.forEach(function (n) {
        var at = lower.indexOf(n, pos);
        if (at >= 0 && (best < 0 || at < best || (at === best && n.length > len))) { best = at; len = n.length; }
      });
      if (best < 0) break;
      frag.appendChild(document.createTextNode(text.slice(pos, best)));
      frag.appendChild(S.el("mark", { class: "term" }, text.slice(best, best + len)));
      pos = best + len;
    }
    frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }

  var seq = 0;
  function run() {
    if (!q) { main.dataset.state = "idle"; return; }
    var mine = ++seq;
    main.dataset.state = "loading";
    document.title = q + " · Search · smekg";
    $("search-status").textContent = "Searching… · 검색 중";
    var entityQuery = new URLSearchParams({ q: q, limit: "50" });
    if (type) entityQuery.set("type", type);
    Promise.all([
      S.api("/api/entities?" + entityQuery),
      S.api("/api/search?" + new URLSearchParams({ q: q, limit: "50" })),
    ]).then(function (results) {
      if (mine !== seq) return;
      var names = results[0], text = results[1];
      if (!names.ok || !text.ok) {
        main.dataset.state = "error";
        $("search-error").hidden = false;
        $("search-error").textContent = (names.ok ? text : names).error;
        return;
      }
      $("search-error").hidden = true;
      showFacets(names.data);
      showEntities(names.data);
      showText(text.data);
      $("search-status").textContent = names.data.total + " names · " + text.data.passages_total + " sentences · " +
        text.data.quotes.length + (text.data.quotes_more ? "+" : "") + " quoted facts";
      $("search-results").hidden = false;
      main.dataset.state = "ready";
    });
  }

  function showFacets(data) {
    var box = S.clear($("facets"));
    if (!(data.facets || []).length) return;
    box.appendChild(S.el("button", { type: "button", class: "facet", "aria-pressed": String(!type),
      onclick: function () { go(q, ""); } }, "All · 전체 (" + data.total + ")"));
    data.facets.forEach(function (f) {
      if (!f.type) return;
      box.appendChild(S.el("button", { type: "button", class: "facet", "aria-pressed": String(type === f.type), dataset: { type: f.type },
        onclick: function () { go(q, f.type); } }, S.classLabel(f.type, lang) + " (" + f.count + ")"));
    });
  }

  function showEntities(data) {
    var list = S.clear($("entity-hits"));
    var items = data.items || [];
    $("entity-count").textContent = "(" + items.length + (type ? " · " + S.classLabel(type, lang) : "") + ")";
    if (!items.length) list.appendChild(S.el("li", { class: "muted", text: "No name matches. · 일치하는 이름이 없습니다." }));
    items.forEach(function (item) {
      var style = S.styleFor(item);
      list.appendChild(S.el("li", { class: "hit", dataset: { iri: item.iri, match: item.match || "" } },
        S.swatch(style.group), " ",
        S.el("a", { href: S.entityHref(item.iri) }, highlighted(S.nameOf(item, lang), [q])),
        S.otherName(item, lang) ? S.el("span", { class: "muted" }, " ", highlighted(S.otherName(item, lang), [q])) : null,
        S.el("span", { class: "muted", text: " · " + S.classLabel(style.className, lang) }),
        item.match ? S.el("span", { class: "match", text: MATCH[item.match] || item.match }) : null,
        (item.aliases || []).length ? S.el("div", { class: "muted" }, "also · 별칭: ", highlighted(item.aliases.join(", "), [q])) : null,
        S.el("div", { class: "actions" },
          S.el("a", { href: S.graphHref(item.iri) }, "graph"), " · ",
          S.el("a", { href: S.connectHref(item.iri, "") }, "connect…"))));
    });
  }

  function showText(data) {
    var terms = data.terms || [];
    $("terms").textContent = terms.length > 1 ? "Also searched, as other names of the same entity · 같은 개체의 다른 이름도 검색: " +
      terms.slice(1).join(", ") : "";
    var passages = S.clear($("passage-hits"));
    $("passage-count").textContent = "(" + data.passages_total + ")";
    if (!data.passages.length) passages.appendChild(S.el("li", { class: "muted", text: "No sentence says it. · 해당 문장이 없습니다." }));
    data.passages.forEach(function (p) {
      var needle = terms.find(function (t) { return p.text.toLowerCase().indexOf(t.toLowerCase()) >= 0; }) || q;
      passages.appendChild(S.el("li", { class: "hit passage", dataset: { article: p.article_id } },
        S.el("blockquote", { class: "evidence" }, highlighted(p.text, terms)),
        S.el("a", { class: "source", href: "/source/" + encodeURIComponent(p.article_id) + "#find=" + encodeURIComponent(needle) },
          p.headline || p.article_id, p.date_published ? S.el("span", { class: "muted", text: " (" + p.date_published + ")" }) : null)));
    });
    var quotes = S.clear($("quote-hits"));
    $("quote-count").textContent = "(" + data.quotes.length + (data.quotes_more ? "+" : "") + ")";
    data.quotes.forEach(function (h) {
      quotes.appendChild(S.el("li", { class: "hit quote-hit", dataset: { type: h.type } },
        S.el("div", {}, S.entityLink(h.subject, lang), " ", S.el("span", { class: "rel", text: "—" + S.relLabel(h.type, lang) + "→" }), " ",
          S.entityLink(h.object, lang)),
        h.evidence.map(function (e) { return S.el("blockquote", { class: "evidence" }, highlighted(e, terms)); }),
        S.el("div", { class: "sources" }, "Source · 출처: ", h.sources.map(function (s, i) { return [i ? " · " : null, S.sourceEl(s, h.evidence)]; }))));
    });
  }

  run();
})();
