/* smekg source page: an article's metadata, its text with every evidence quote highlighted and
 * linked to the facts it supports, and the facts grouped by kind. The text arrives as text/plain and
 * is put into the page as text nodes: a quote's highlight is a <mark> around a text node. */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var $ = function (id) { return document.getElementById(id); };
  var lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ko";
  var facts = [], quotes = [], marksByAnchor = {}, articleId = null;

  function fail(text) {
    $("source-status").textContent = "";
    var box = $("source-error");
    box.hidden = false;
    box.textContent = text;
    $("source").dataset.state = "error";
  }

  var key = C.article_id;
  Promise.all([
    S.api("/api/sources/" + encodeURIComponent(key) + "/facts"),
    fetch("/api/sources/" + encodeURIComponent(key) + "/text", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .catch(function () { return null; }),
  ]).then(function (results) {
    var res = results[0], text = results[1];
    if (!res.ok) { fail(res.error); return; }
    var data = res.data, article = data.article;
    articleId = article.article_id;
    facts = data.facts || [];
    quotes = data.quotes || [];
    document.title = (article.headline || article.article_id) + " · smekg";
    var canonical = "/source/" + encodeURIComponent(article.article_id);
    if (location.pathname !== canonical) history.replaceState(null, "", canonical + location.search + location.hash);
    $("source-headline").textContent = article.headline || article.article_id;
    renderMeta(article);
    $("source-permalink").setAttribute("href", canonical);
    $("source-permalink").textContent = location.origin + canonical;
    $("source-text-link").setAttribute("href", "/api/sources/" + encodeURIComponent(article.article_id) + "/text");
    $("source-json-link").setAttribute("href", "/api/sources/" + encodeURIComponent(article.article_id) + "/facts");
    renderText(text);
    renderFacts(data);
    renderMentions(article.mentions || []);
    $("source-status").textContent = "";
    $("source-article").hidden = false;
    $("source").dataset.state = "ready";
    followHash();
  });

  /* ---- metadata ------------------------------------------------------------------------------- */

  function renderMeta(article) {
    var meta = S.clear($("source-meta"));
    function fact(label, value) {
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
      meta.appendChild(S.el("dt", { text: label }));
      meta.appendChild(S.el("dd", {}, value));
    }
    var credits = article.credits || [];
    function people(role) {
      var list = credits.filter(function (c) { return c.role === role; });
      return list.length ? list.map(function (c, i) { return [i ? ", " : null, S.entityLink(c, lang)]; }) : null;
    }
    fact("Publisher · 발행처", people("PUBLISHER") || (article.publisher || []).join(", "));
    fact("Published · 발행일", article.date_published);
    fact("Authors · 기자", people("AUTHOR"));
    fact("Photographs · 사진", people("PHOTOGRAPHER"));
    fact("Contacts · 문의", people("CONTACT_FOR"));
    // An address from the data, shown as text and linked only when it is http(s): no other scheme.
    var url = article.original_url;
    fact("Original · 원문", url && /^https?:\/\//i.test(url)
      ? S.el("a", { class: "external", rel: "noopener noreferrer nofollow", target: "_blank", text: url, dataset: { url: url } })
      : S.el("span", { class: "muted", text: "not recorded in the capture · 캡처에 원문 주소가 없습니다" }));
    fact("Captured as · 파일", article.source_file);
    var props = article.properties || {};
    fact("Notes · 비고", S.asList(props.note).concat(S.asList(props.description)).map(function (n) { return S.el("p", { text: n }); }));
    fact("Dates · 날짜 추론", S.asList(props.date_reasoning).map(function (n) { return S.el("p", { text: n }); }));
    fact("Unclear · 모호성", S.asList(props.ambiguity).map(function (n) { return S.el("p", { text: n }); }));
    var link = meta.querySelector("a.external");
    if (link) link.href = link.dataset.url;  // set as a property after the check above
  }

  /* ---- text with highlighted quotes ----------------------------------------------------------- */

  /** Split the text at every quote occurrence's start and end; each piece knows the quotes over it. */
  function segments(text) {
    var cuts = new Set([0, text.length]);
    var spans = [];
    quotes.forEach(function (q, qi) {
      var at = 0, first = true;
      if (!q.quote) return;
      while ((at = text.indexOf(q.quote, at)) >= 0) {
        spans.push({ start: at, end: at + q.quote.length, quote: qi, first: first });
        cuts.add(at);
        cuts.add(at + q.quote.length);
        first = false;
        at += Math.max(1, q.quote.length);
      }
    });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      var over = spans.filter(function (s) { return s.start <= a && s.end >= b; });
      out.push({ text: text.slice(a, b), start: a, spans: over });
    }
    return { pieces: out, spans: spans };
  }

  function renderText(text) {
    var box = S.clear($("source-text"));
    var missing = $("missing-quotes");
    if (text === null) {
      box.appendChild(S.el("p", { class: "muted", text: "No stored text for this article. · 저장된 본문이 없습니다. The facts and their quotes are listed beside." }));
      $("quote-count").textContent = "";
      return;
    }
    var seg = segments(text);
    var anchored = {};
    seg.pieces.forEach(function (piece) {
      if (!piece.spans.length) { box.appendChild(document.createTextNode(piece.text)); return; }
      var ids = piece.spans.map(function (s) { return s.quote; });
      var mark = S.el("mark", { class: "quote", tabindex: "0", role: "button",
        dataset: { quotes: ids.join(" "), anchors: ids.map(function (i) { return quotes[i].anchor; }).join(" ") },
        title: "Show the facts this passage supports · 근거가 된 사실 보기" }, piece.text);
      if (ids.length > 1) mark.classList.add("overlap");
      piece.spans.forEach(function (s) {
        var anchor = quotes[s.quote].anchor;
        (marksByAnchor[anchor] = marksByAnchor[anchor] || []).push(mark);
        if (s.first && s.start === piece.start && !anchored[anchor]) {
          mark.id = anchor;  // the quote's anchor: its first occurrence's first piece
          anchored[anchor] = true;
        }
      });
      mark.addEventListener("click", function () { selectQuotes(ids, true); });
      mark.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); selectQuotes(ids, true); } });
      box.appendChild(mark);
    });
    var notFound = quotes.filter(function (q) { return !marksByAnchor[q.anchor]; });
    $("quote-count").textContent = "(" + (quotes.length - notFound.length) + " quoted passages)";
    box.dataset.quotes = String(quotes.length - notFound.length);
    if (notFound.length) {
      missing.hidden = false;
      S.clear(missing).appendChild(S.el("strong", { text: notFound.length + " quote(s) not found verbatim in the stored text · 본문에서 찾지 못한 인용: " }));
      notFound.forEach(function (q) { missing.appendChild(S.el("blockquote", { class: "evidence", text: q.quote })); });
    }
  }

  function clearSelection() {
    Array.prototype.forEach.call(document.querySelectorAll("mark.selected, .fact.selected"), function (n) { n.classList.remove("selected"); });
  }

  /** Highlight quotes (indexes into `quotes`) in the text and their facts in the list. */
  function selectQuotes(indexes, scrollFacts) {
    clearSelection();
    var factIds = new Set();
    indexes.forEach(function (qi) {
      var q = quotes[qi];
      (marksByAnchor[q.anchor] || []).forEach(function (m) { m.classList.add("selected"); });
      (q.facts || []).forEach(function (f) { factIds.add(f); });
    });
    var first = null;
    factIds.forEach(function (f) {
      var item = document.getElementById("fact-" + f);
      if (item) { item.classList.add("selected"); if (!first) first = item; }
    });
    $("source").dataset.selected = indexes.map(function (qi) { return quotes[qi].anchor; }).join(" ");
    if (first && scrollFacts) first.scrollIntoView({ block: "nearest" });
  }

  /** `#q-…` (or several, joined with +): mark those quotes and scroll to the first one in the text;
   * `#find=…`: highlight a searched text. */
  function followHash() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    Array.prototype.forEach.call(document.querySelectorAll("mark.target"), function (m) { m.classList.remove("target"); });
    if (!hash) return;
    if (hash.indexOf("find=") === 0) { find(hash.slice(5)); return; }
    var wanted = hash.split("+").filter(function (a) { return marksByAnchor[a]; });
    if (!wanted.length) {
      $("source-status").textContent = "The linked quote is not in this article's text. · 연결된 인용문이 이 기사 본문에 없습니다.";
      return;
    }
    var indexes = [];
    quotes.forEach(function (q, i) { if (wanted.indexOf(q.anchor) >= 0) indexes.push(i); });
    selectQuotes(indexes, false);
    wanted.forEach(function (a) { marksByAnchor[a].forEach(function (m) { m.classList.add("target"); }); });
    var first = document.getElementById(wanted[0]) || marksByAnchor[wanted[0]][0];
    first.scrollIntoView({ block: "center" });
    $("source").dataset.target = wanted.join(" ");
  }
  window.addEventListener("hashchange", followHash);

  /** Wrap every occurrence of `needle` (case-insensitive) in the text in <mark class="found">. */
  function find(needle) {
    needle = String(needle || "").normalize("NFC").toLowerCase();
    if (!needle) return;
    var walker = document.createTreeWalker($("source-text"), NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      var text = node.nodeValue, lower = text.toLowerCase(), at = lower.indexOf(needle);
      if (at < 0) return;
      var frag = document.createDocumentFragment(), pos = 0;
      while (at >= 0) {
        frag.appendChild(document.createTextNode(text.slice(pos, at)));
        var hit = S.el("mark", { class: "found" }, text.slice(at, at + needle.length));
        if (!first) first = hit;
        frag.appendChild(hit);
        pos = at + needle.length;
        at = lower.indexOf(needle, pos);
      }
      frag.appendChild(document.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
    if (first) first.scrollIntoView({ block: "center" });
    $("source").dataset.found = String(document.querySelectorAll("mark.found").length);
  }

  /* ---- facts ------------------------------------------------------------------------------------ */

  function renderFacts(data) {
    var box = S.clear($("fact-groups"));
    $("fact-count").textContent = "(" + facts.length + (data.truncated ? "+" : "") + ")";
    if (!facts.length) box.appendChild(S.el("p", { class: "muted", text: "No relationship cites this article. · 이 기사를 근거로 한 관계가 없습니다." }));
    (data.groups || []).forEach(function (group) {
      var items = group.facts.map(function (i) { return facts[i]; });
      box.appendChild(S.el("section", { class: "fact-group", dataset: { kind: group.kind } },
        S.el("h3", {}, group.label_ko + " · " + group.label_en, S.el("span", { class: "muted", text: " (" + items.length + ")" })),
        S.el("ul", { class: "facts-list" }, items.map(factItem))));
    });
  }

  function factItem(f) {
    var qualifiers = Object.keys(f.qualifiers || {}).map(function (k) {
      var info = (C.properties || {})[k];
      return (info ? info.label_ko : k) + ": " + S.asList(f.qualifiers[k]).join(", ");
    });
    var others = (f.sources || []).filter(function (s) { return s !== articleId; });
    return S.el("li", { class: "fact", id: "fact-" + f.index, dataset: { type: f.type, anchors: (f.anchors || []).join(" ") } },
      S.el("div", { class: "fact-line" },
        S.entityLink(f.subject, lang), " ",
        S.el("span", { class: "rel", title: f.type, text: "—" + S.relLabel(f.type, lang) + "→" }), " ",
        S.entityLink(f.object, lang),
        f.object_date ? S.el("span", { class: "dates", text: " · " + f.object_date }) : null,
        (f.roles || []).length ? S.el("span", { class: "roles", text: " · " + f.roles.join(", ") }) : null,
        qualifiers.length ? S.el("span", { class: "muted", text: " · " + qualifiers.join("; ") }) : null),
      (f.evidence || []).map(function (q, i) {
        var anchor = (f.anchors || [])[i];
        return S.el("blockquote", { class: "evidence" },
          q, " ", anchor ? S.el("a", { class: "to-text", href: "#" + anchor, title: "Show in the text · 본문에서 보기", text: "↑ in text" }) : null);
      }),
      others.length ? S.el("div", { class: "sources" }, "Also in · 다른 출처: ",
        others.map(function (s, i) { return [i ? " · " : null, S.sourceEl(s, f.other_evidence)]; })) : null);
  }

  function renderMentions(mentions) {
    var list = S.clear($("source-mentions"));
    mentions.forEach(function (m) {
      var style = S.styleFor(m);
      list.appendChild(S.el("li", {}, S.swatch(style.group), " ", S.entityLink(m, lang),
        S.el("span", { class: "muted", text: " · " + S.classLabel(style.className, lang) })));
    });
  }

  window.smekgSource = { find: find, selectQuotes: selectQuotes, get quotes() { return quotes; }, get facts() { return facts; } };
})();
