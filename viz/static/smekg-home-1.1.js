/* smekg home page: search (to the search page), the exports, and the legend. */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config;
  var legend = document.getElementById("home-legend");
  C.group_order.forEach(function (g) { if (C.groups[g]) legend.appendChild(S.legendItem(g, "ko")); });

  var list = document.getElementById("home-exports");
  S.api("/api/export").then(function (res) {
    if (!res.ok) { list.appendChild(S.el("li", { class: "error", text: res.error })); return; }
    res.data.items.forEach(function (f) {
      list.appendChild(S.el("li", {}, S.el("a", { href: f.href, download: f.filename, dataset: { format: f.name } }, f.filename),
        S.el("span", { class: "muted", text: " — " + f.description })));
    });
  });
})();
