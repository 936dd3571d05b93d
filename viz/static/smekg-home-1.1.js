/* smekg home page: entity search and the legend. */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var form = document.getElementById("home-search");
  var input = document.getElementById("home-q");
  var list = document.getElementById("home-results");
  var status = document.getElementById("home-status");

  var legend = document.getElementById("home-legend");
  C.group_order.forEach(function (g) { if (C.groups[g]) legend.appendChild(S.legendItem(g, "ko")); });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    status.textContent = "Searching…";
    S.api("/api/entities?" + new URLSearchParams({ q: q, limit: "30" })).then(function (res) {
      S.clear(list);
      if (!res.ok) { status.textContent = res.error; return; }
      var items = res.data.items || [];
      status.textContent = items.length ? items.length + " found" : "Nothing matches.";
      items.forEach(function (item) {
        var style = S.styleFor(item);
        list.appendChild(S.el("li", {},
          S.swatch(style.group), " ",
          S.el("a", { href: S.entityHref(item.iri) }, S.nameOf(item, "ko")),
          S.otherName(item, "ko") ? S.el("span", { class: "muted", text: " " + S.otherName(item, "ko") }) : null,
          S.el("span", { class: "muted", text: " · " + S.classLabel(style.className, "ko") + " · " }),
          S.el("a", { href: S.graphHref(item.iri) }, "graph")));
      });
    });
  });
})();
