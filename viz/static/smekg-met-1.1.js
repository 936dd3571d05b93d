/* smekg who met whom as a table (GET /api/who-met-whom): one row per person or organisation and shared
 * event, with the post held that day, the role, the event, date, place and quote; when the answer is
 * empty or partial the API's explanation is shown above the table. */
(function () {
  "use strict";
  var S = window.SMEKG;
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") === "en" ? "en" : "ko";
  var main = $("met");
  $("met-person").value = params.get("person") || "";
  $("met-since").value = S.isoDate(params.get("since"));
  $("met-until").value = S.isoDate(params.get("until"));

  var seq = 0;
  $("met-person").addEventListener("input", S.debounce(function () {
    var text = this.value.trim(), mine = ++seq, list = $("met-suggest");
    if (!text) { S.clear(list); return; }
    S.api("/api/entities?" + new URLSearchParams({ q: text, type: S.config.met.person_class, limit: "8" })).then(function (res) {
      if (mine !== seq) return;
      S.clear(list);
      (res.ok ? res.data.items : []).forEach(function (item) {
        list.appendChild(S.el("li", {}, S.el("button", { type: "button", class: "result",
          onclick: function () { $("met-person").value = S.compact(item.iri); S.clear(list); } }, S.nameOf(item, lang),
          S.otherName(item, lang) ? S.el("span", { class: "muted", text: " " + S.otherName(item, lang) }) : null)));
      });
    });
  }, 200));

  $("met-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = new URLSearchParams({ person: $("met-person").value.trim() });
    if ($("met-since").value) q.set("since", $("met-since").value);
    if ($("met-until").value) q.set("until", $("met-until").value);
    history.pushState(null, "", "/who-met-whom?" + q);
    load(0);
  });
  window.addEventListener("popstate", function () { location.reload(); });

  function load(offset) {
    var person = $("met-person").value.trim();
    S.clear($("met-suggest"));
    if (!person) return;
    main.dataset.state = "loading";
    $("met-error").hidden = true;
    $("met-status").textContent = "Loading… · 불러오는 중";
    var q = new URLSearchParams({ person: person, limit: "100", offset: String(offset || 0), events: "10" });
    if ($("met-since").value) q.set("since", $("met-since").value);
    if ($("met-until").value) q.set("until", $("met-until").value);
    S.api("/api/who-met-whom?" + q).then(function (res) {
      if (!res.ok) {
        main.dataset.state = "error";
        $("met-status").textContent = "";
        $("met-error").hidden = false;
        $("met-error").textContent = res.error;
        var candidates = S.candidatesOf(res.data);
        if (candidates.length) {
          $("met-error").appendChild(S.el("ul", {}, candidates.map(function (c) {
            return S.el("li", {}, S.el("a", { href: "/who-met-whom?person=" + encodeURIComponent(S.compact(c.iri)) }, S.nameOf(c, lang)),
              S.el("span", { class: "muted", text: " · " + S.classLabel(c.type, lang) }));
          })));
        }
        return;
      }
      show(res.data);
    });
  }

  function postsText(posts) {
    return (posts || []).map(function (p) {
      return S.nameOf(p.post, lang) + (p.acting ? " (acting · 직무대행)" : "");
    }).join("; ");
  }

  function show(d) {
    var person = d.person;
    document.title = "Who met " + S.nameOf(person, lang) + " · smekg";
    var range = d.since || d.until ? " · " + (d.since || "…") + " – " + (d.until || "…") : "";
    S.append(S.clear($("met-head")), S.entityLink(person, lang), range, " · ",
      S.el("a", { href: "/graph?center=" + encodeURIComponent(person.iri) + "&mode=met" }, "as a graph · 그래프로"));
    $("met-status").textContent = d.total + " people met at " + d.events + " event(s)" +
      ((d.organisations || []).length ? "; " + d.organisations.length + " organisations took part too" : "") +
      " · 인물 " + d.total + "명, 기관 " + (d.organisations || []).length + "곳";
    var explain = $("met-explain");
    explain.hidden = !d.explanation;
    S.clear(explain);
    if (d.explanation) {
      explain.appendChild(S.el("p", { text: d.explanation }));
      if (d.explanation_ko) explain.appendChild(S.el("p", { lang: "ko", text: d.explanation_ko }));
    }
    var tbody = S.clear($("met-table").querySelector("tbody"));
    function rows(entry, who, isOrg) {
      (entry.events || []).forEach(function (ev, i) {
        tbody.appendChild(S.el("tr", { class: isOrg ? "org" : "person", dataset: { iri: who.iri, event: ev.iri } },
          S.el("td", {}, i === 0 ? S.entityLink(who, lang) : S.el("span", { class: "muted", text: "〃 " + S.nameOf(who, lang) })),
          S.el("td", { text: postsText(ev.posts) || (isOrg ? "" : "–") }),
          S.el("td", { class: "roles", text: (ev.roles || []).join(", ") }),
          S.el("td", {}, S.entityLink(ev, lang)),
          S.el("td", { class: "date", text: ev.date ? ev.date + (ev.end_date && ev.end_date !== ev.date ? " – " + ev.end_date : "") : "undated" }),
          S.el("td", { text: ev.place || "" }),
          S.el("td", { class: "quote" }, (ev.evidence || []).map(function (q) { return S.el("blockquote", { class: "evidence", text: q }); })),
          S.el("td", { class: "sources" }, (ev.sources || []).map(function (s, j) {
            return [j ? S.el("br") : null, S.sourceEl((d.articles || {})[s] || s, ev.evidence)];
          }))));
      });
    }
    (d.met || []).forEach(function (entry) { rows(entry, entry.person, false); });
    (d.organisations || []).forEach(function (entry) { rows(entry, entry.organization, true); });
    if (!tbody.children.length) {
      tbody.appendChild(S.el("tr", {}, S.el("td", { colspan: 8, class: "muted", text: "No one recorded. · 기록 없음" })));
    }
    var more = $("met-more");
    S.clear(more);
    if (d.more) {
      more.appendChild(S.el("button", { type: "button", onclick: function () { load(d.next_offset); } },
        "Next " + d.limit + " people · 다음"));
    }
    $("met-result").hidden = false;
    main.dataset.state = "ready";
    main.dataset.people = String((d.met || []).length);
    main.dataset.organisations = String((d.organisations || []).length);
  }

  if ($("met-person").value) load(0);
})();
