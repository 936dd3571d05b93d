/* smekg pages: shared helpers (configuration, DOM building, API calls, entity details).
 *
 * Names, quotes and every other value from the graph are data: they reach the page through
 * textContent and setAttribute only, never through innerHTML. Class and group names, colours and
 * labels come from the ontology through the page configuration (a JSON block rendered by the server).
 */
(function () {
  "use strict";

  var S = (window.SMEKG = {});
  S.config = JSON.parse(document.getElementById("smekg-config").textContent);
  var C = S.config;

  /* ---- DOM ------------------------------------------------------------------------------------ */

  function append(node, children) {
    children.forEach(function (child) {
      if (Array.isArray(child)) {
        append(node, child);
      } else if (child !== null && child !== undefined && child !== false) {
        node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  /** el("a", {href: "/x", class: "c", text: "name"}, child…): strings become text nodes. */
  S.el = function (tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key === "href") node.setAttribute("href", S.safeHref(value));
      else if (key === "dataset") Object.keys(value).forEach(function (k) { node.dataset[k] = String(value[k]); });
      else if (key.slice(0, 2) === "on" && typeof value === "function") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    return append(node, Array.prototype.slice.call(arguments, 2));
  };
  S.append = function (node) { return append(node, Array.prototype.slice.call(arguments, 1)); };
  S.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };
  /** Only same-origin paths and fragments are used as links. */
  S.safeHref = function (href) {
    href = String(href);
    if (href.charAt(0) === "#" || (href.charAt(0) === "/" && href.charAt(1) !== "/" && href.charAt(1) !== "\\")) return href;
    return "#";
  };
  S.truncate = function (text, max) {
    text = String(text || "");
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  };

  /* ---- API ------------------------------------------------------------------------------------ */

  /** fetch + JSON: {ok, status, data, error}; never throws. */
  S.api = function (path, options) {
    options = options || {};
    var headers = Object.assign({ Accept: "application/json" }, options.headers || {});
    return fetch(path, Object.assign({}, options, { headers: headers, credentials: "same-origin" }))
      .then(function (resp) {
        return resp.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
          if (!resp.ok) {
            return { ok: false, status: resp.status, data: data, error: S.errorText(data, resp.statusText || "error") };
          }
          return { ok: true, status: resp.status, data: data };
        });
      })
      .catch(function (err) {
        return { ok: false, status: 0, data: null, error: "The server could not be reached (" + err.message + ")." };
      });
  };

  /** FastAPI error bodies: {"detail": "…"}, {"detail": [{loc, msg}…]} (422) or {"detail": {…}}. */
  S.errorText = function (data, fallback) {
    if (!data) return fallback;
    var detail = data.detail !== undefined ? data.detail : data;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail.map(function (d) {
        var loc = Array.isArray(d.loc) ? d.loc.join(".") + ": " : "";
        return loc + (d.msg || JSON.stringify(d));
      }).join("\n");
    }
    if (detail && typeof detail.detail === "string") return detail.detail;
    return JSON.stringify(detail);
  };
  S.candidatesOf = function (data) {
    if (!data) return [];
    if (Array.isArray(data.candidates)) return data.candidates;
    if (data.detail && Array.isArray(data.detail.candidates)) return data.detail.candidates;
    return [];
  };

  /* ---- IRIs and names ------------------------------------------------------------------------- */

  S.compact = function (iri) {
    iri = String(iri || "");
    if (iri.indexOf(C.namespaces.id) === 0) return "id:" + iri.slice(C.namespaces.id.length);
    if (iri.indexOf(C.namespaces.art) === 0) return "art:" + iri.slice(C.namespaces.art.length);
    return iri;
  };
  function encodeId(iri) {
    return encodeURIComponent(S.compact(iri)).replace(/%3A/gi, ":");
  }
  S.entityHref = function (iri) { return "/entity/" + encodeId(iri); };
  S.entityApi = function (iri) { return "/api/entities/" + encodeId(iri); };
  S.graphHref = function (iri) { return "/graph?center=" + encodeURIComponent(iri); };
  S.connectHref = function (a, b) {
    var q = new URLSearchParams();
    if (a) q.set("a", S.compact(a));
    if (b) q.set("b", S.compact(b));
    return "/connect" + (q.toString() ? "?" + q : "");
  };
  S.metHref = function (iri) { return "/who-met-whom?person=" + encodeURIComponent(S.compact(iri)); };
  S.searchHref = function (q) { return "/search?q=" + encodeURIComponent(q); };

  /** The anchor of a quote on its article's page: "q-" + FNV-1a (32 bit) of the trimmed NFC text, as
   * services/texts.py computes it, so any page can link to a quote without asking the server. */
  S.quoteAnchor = function (quote) {
    var text = String(quote || "").trim().normalize("NFC");
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return "q-" + ("0000000" + h.toString(16)).slice(-8);
  };
  /** An article's source page, at the anchors of the given quotes (the page marks whichever it holds). */
  S.sourceHref = function (articleId, quotes) {
    var anchors = asList(quotes).filter(Boolean).map(S.quoteAnchor);
    return "/source/" + encodeURIComponent(articleId) + (anchors.length ? "#" + anchors.join("+") : "");
  };

  S.nameOf = function (x, lang) {
    if (!x) return "";
    var ko = x.name_ko, en = x.name_en;
    var name = lang === "en" ? en || ko : ko || en;
    return name || x.label || S.compact(x.iri || x.id || "");
  };
  S.otherName = function (x, lang) {
    if (!x) return "";
    var other = lang === "en" ? x.name_ko : x.name_en;
    return other && other !== S.nameOf(x, lang) ? other : "";
  };
  S.classLabel = function (name, lang) {
    var info = C.classes[name];
    if (!info) return name || "";
    return lang === "en" ? info.label_en || info.name : info.label_ko || info.label_en || info.name;
  };
  S.relLabel = function (type, lang) {
    var info = C.relationships[type];
    if (!info) return type;
    return (lang === "en" ? info.label_en : info.label_ko || info.label_en) || type;
  };
  S.groupLabel = function (group, lang) {
    var info = C.groups[group];
    if (!info) return group;
    return lang === "en" ? info.label_en : info.label_ko;
  };

  /** The colour group, colour and shape of a node from its classes (labels) and most specific type. */
  S.styleFor = function (node) {
    var order = C.group_order;
    var candidates = [];
    (node.labels || []).forEach(function (l) { if (C.classes[l]) candidates.push(C.classes[l]); });
    if (node.type && C.classes[node.type]) candidates.push(C.classes[node.type]);
    var best = null;
    candidates.forEach(function (c) {
      if (!best) { best = c; return; }
      var rank = order.indexOf(c.group), bestRank = order.indexOf(best.group);
      if (rank < bestRank) best = c;
      else if (rank === bestRank && best.name !== node.type && (c.name === node.type || c.depth > best.depth)) best = c;
    });
    var group = best ? best.group : C.groups[node.group] ? node.group : "other";
    var info = C.groups[group] || { shape: "dot", size: 12, color: "#9e9e9e" };
    return {
      group: group,
      className: best ? best.name : node.type || "",
      color: best ? best.color : node.color || info.color,
      shape: info.shape,
      size: info.size,
    };
  };

  function shade(hex, factor) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || "");
    if (!m) return hex;
    var n = parseInt(m[1], 16);
    var r = Math.round(((n >> 16) & 255) * factor), g = Math.round(((n >> 8) & 255) * factor), b = Math.round((n & 255) * factor);
    return "#" + ((1 << 24) | (Math.min(r, 255) << 16) | (Math.min(g, 255) << 8) | Math.min(b, 255)).toString(16).slice(1);
  }

  /** A tooltip as DOM (vis-network appends an Element as it is; a string would be text too). */
  S.tooltip = function (node, style, lang) {
    var other = S.otherName(node, lang);
    return S.el("div", { class: "tip" },
      S.el("strong", { text: S.nameOf(node, lang) }),
      other ? S.el("div", { text: other }) : null,
      S.el("div", { class: "tip-type", text: S.classLabel(style.className, lang) + (node.date ? " · " + node.date : "") }));
  };

  /** A vis-network node for an entity ({iri|id, type, labels, name_ko, name_en, date}). */
  S.visNode = function (node, lang, extra) {
    var style = S.styleFor(node);
    var id = node.iri || node.id;
    return Object.assign({
      id: id,
      label: S.truncate(S.nameOf(node, lang), 28),
      title: S.tooltip(node, style, lang),
      shape: style.shape,
      size: style.size,
      color: {
        background: style.color, border: shade(style.color, 0.7),
        highlight: { background: style.color, border: "#111111" },
        hover: { background: style.color, border: "#111111" },
      },
      smGroup: style.group,
      smClass: style.className,
      smDate: node.date ? String(node.date).slice(0, 10) : null,
      smData: node,
    }, extra || {});
  };

  S.visOptions = function (count) {
    var large = count > C.limits.large_view;
    return JSON.parse(JSON.stringify(C.vis_options[large ? "large" : "small"]));
  };

  /** Stop the physics once the layout has settled (vis-network's physics is quadratic). */
  S.freezeWhenStable = function (network, done) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      if (done) done();
    });
  };

  /* ---- legend --------------------------------------------------------------------------------- */

  S.swatch = function (group) {
    var info = C.groups[group] || {};
    var sw = S.el("span", { class: "swatch shape-" + (info.shape || "dot"), "aria-hidden": "true" });
    sw.style.setProperty("--swatch", info.color || "#9e9e9e");
    return sw;
  };
  S.legendItem = function (group, lang) {
    var info = C.groups[group];
    var classes = info.classes.map(function (c) { return S.classLabel(c, lang); }).join(", ");
    return S.el("span", { class: "legend-item", title: classes }, S.swatch(group), S.groupLabel(group, lang));
  };

  /* ---- entity details ------------------------------------------------------------------------- */

  function asList(value) {
    if (value === null || value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }
  S.asList = asList;

  S.entityLink = function (ref, lang) {
    if (!ref || !ref.iri) return S.el("span", { text: S.nameOf(ref, lang) || "?" });
    var other = S.otherName(ref, lang);
    return S.el("a", { href: S.entityHref(ref.iri), class: "entity-link", dataset: { iri: ref.iri } },
      S.nameOf(ref, lang), other ? S.el("span", { class: "muted", text: " " + other }) : null);
  };

  /** A source article (a SourceRef object or a bare article id), linked to the quotes on its page. */
  S.sourceEl = function (src, quotes) {
    if (!src) return null;
    if (typeof src === "string") return S.el("a", { class: "source", href: S.sourceHref(src, quotes) }, "기사 " + src);
    var bits = [src.publisher, src.date_published].filter(Boolean).join(", ");
    return S.el("a", { class: "source", href: S.sourceHref(src.article_id, quotes) },
      src.headline || "기사 " + src.article_id, bits ? S.el("span", { class: "muted", text: " (" + bits + ")" }) : null);
  };

  /** Evidence quotes with their sources: each quote in its own block, as text; every source links to
   * its article's page at these quotes. */
  S.evidenceEl = function (evidence, sources) {
    var quotes = asList(evidence);
    var srcs = asList(sources);
    if (!quotes.length && !srcs.length) return null;
    return S.el("div", { class: "evidence-block" },
      quotes.map(function (q) { return S.el("blockquote", { class: "evidence", text: q }); }),
      srcs.length ? S.el("div", { class: "sources" }, "Source · 출처: ",
        srcs.map(function (s, i) { return [i ? " · " : null, S.sourceEl(s, quotes)]; })) : null);
  };

  var TIMELINE_KINDS = { post: "직위 · post", event: "행사 · event", statement: "발언 · statement",
    agreement: "협약 · agreement", article: "기사 · article" };
  function holdingDate(h) {
    var dates = asList(h.as_of);
    if (h.start_date || h.end_date) return (h.start_date || "…") + " – " + (h.end_date || "…");
    return dates.length ? "as of " + dates.join(", ") : "undated · 날짜 없음";
  }

  /** Every stored property that the facts list above does not show, labelled from the ontology. */
  var SHOWN_ELSEWHERE = { iri: 1, name_ko: 1, name_en: 1, aliases: 1, type: 1, sources: 1, start_date: 1, end_date: 1 };
  S.propertiesEl = function (props, lang) {
    var list = S.el("dl", { class: "facts properties" });
    Object.keys(props || {}).sort(function (a, b) {
      var order = ["text", "headline", "description", "amount", "amount_text", "currency", "fiscal_year", "change_rate",
        "status", "subject", "date_published", "start_time", "end_time", "edition", "theme", "country",
        "date_reasoning", "ambiguity", "note", "notes"];
      var ia = order.indexOf(a), ib = order.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
    }).forEach(function (key) {
      if (SHOWN_ELSEWHERE[key]) return;
      var values = asList(props[key]).filter(function (v) { return v !== null && v !== ""; });
      if (!values.length) return;
      var info = (C.properties || {})[key];
      var label = info ? (lang === "en" ? info.label_en : info.label_ko + " · " + info.label_en) : key;
      var flagged = key === "ambiguity" || key === "date_reasoning";
      list.appendChild(S.el("dt", { class: flagged ? "flag" : null, dataset: { key: key }, text: label }));
      list.appendChild(S.el("dd", { class: flagged ? "flag" : null, dataset: { key: key } },
        values.map(function (v) {
          var text = typeof v === "number" && key === "amount" ? v.toLocaleString("ko-KR") :
            typeof v === "number" && key === "change_rate" ? (v * 100).toFixed(1) + "%" : String(v);
          return S.el(key === "text" ? "blockquote" : "p", { class: key === "text" ? "evidence statement-text" : null, text: text });
        })));
    });
    return list;
  };

  function dateText(x) {
    var parts = [];
    if (x.as_of && asList(x.as_of).length) parts.push("as of " + asList(x.as_of).join(", "));
    if (x.start_date || x.end_date) parts.push((x.start_date || "…") + " – " + (x.end_date || "…"));
    if (x.acting) parts.push("acting · 직무대행");
    return parts.join("; ");
  }

  /** Names, aliases, positions with dates, relationships with sources and quotes, and articles. */
  S.renderEntity = function (container, detail, opts) {
    opts = opts || {};
    var lang = opts.lang || "ko";
    var entity = detail.entity || {};
    var props = detail.properties || {};
    S.clear(container);
    if (opts.heading !== false) {
      container.appendChild(S.el("h2", { class: "entity-title" }, S.nameOf(entity, lang)));
      var other = S.otherName(entity, lang);
      container.appendChild(S.el("p", { class: "entity-sub" },
        other ? other + " · " : null, S.classLabel(entity.type, lang),
        " · ", S.el("a", { href: S.entityHref(entity.iri) }, "entity page")));
    }
    var facts = S.el("dl", { class: "facts" });
    function fact(label, value) {
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
      facts.appendChild(S.el("dt", { text: label }));
      facts.appendChild(S.el("dd", {}, value));
    }
    fact("한국어", entity.name_ko);
    fact("English", entity.name_en);
    fact("Also · 별칭", asList(entity.aliases).join(" · "));
    // Most specific class first: 중앙행정기관(부처) ⊂ 정부기관 ⊂ 조직 ⊂ 행위자.
    fact("Type · 유형", asList(entity.labels).filter(function (l) { return C.classes[l]; })
      .sort(function (a, b) { return C.classes[b].depth - C.classes[a].depth; })
      .map(function (l) { return S.classLabel(l, lang); }).join(" ⊂ ") || S.classLabel(entity.type, lang));
    var dates = [props.start_date, props.end_date].map(function (d) { return asList(d).join(", "); });
    if (dates[0] || dates[1]) fact("Date · 날짜", dates[0] + (dates[1] ? " – " + dates[1] : ""));
    fact("IRI", S.el("code", { text: entity.iri }));
    container.appendChild(facts);
    container.appendChild(S.propertiesEl(props, lang));

    var holders = asList(detail.holders);
    if (holders.length) {
      container.appendChild(S.el("h3", {}, "Holders · 재직자 (" + holders.length + ", earliest first)"));
      container.appendChild(S.el("ol", { class: "timeline holders" }, holders.map(function (h) {
        return S.el("li", { class: "timeline-item" + (h.acting ? " acting" : ""), dataset: { iri: h.person.iri || "" } },
          S.el("span", { class: "when", text: holdingDate(h) }),
          S.el("span", { class: "what" }, S.entityLink(h.person, lang),
            h.acting ? S.el("span", { class: "badge acting", text: "acting · 직무대행" }) : null,
            asList(h.note).length ? S.el("span", { class: "muted", text: " · " + asList(h.note).join("; ") }) : null),
          S.evidenceEl(h.evidence, h.sources));
      })));
    }

    var timeline = asList(detail.timeline);
    if (timeline.length && opts.timeline !== false) {
      container.appendChild(S.el("h3", {}, "Timeline · 연표 (" + timeline.length + ")"));
      container.appendChild(S.el("ol", { class: "timeline" }, timeline.map(function (t) {
        return S.el("li", { class: "timeline-item kind-" + t.kind + (t.acting ? " acting" : ""), dataset: { kind: t.kind } },
          S.el("span", { class: "when", text: t.date ? t.date + (t.end_date ? " – " + t.end_date : "") : "undated · 날짜 없음" }),
          S.el("span", { class: "what" },
            S.el("span", { class: "kind", text: TIMELINE_KINDS[t.kind] || t.kind }), " ",
            S.entityLink(t.entity, lang),
            t.organization ? [" — ", S.entityLink(t.organization, lang)] : null,
            asList(t.roles).length ? S.el("span", { class: "roles", text: " · " + asList(t.roles).join(", ") }) : null,
            t.acting ? S.el("span", { class: "badge acting", text: "acting · 직무대행" }) : null,
            t.kind === "post" && asList(t.as_of).length > 1 ? S.el("span", { class: "dates", text: " · as of " + asList(t.as_of).join(", ") }) : null),
          S.evidenceEl(t.evidence, t.sources));
      })));
    }

    var positions = asList(detail.positions);
    if (positions.length) {
      container.appendChild(S.el("h3", {}, "Positions · 직위 (" + positions.length + ")"));
      container.appendChild(S.el("ul", { class: "positions" }, positions.map(function (p) {
        return S.el("li", { class: "position" },
          S.entityLink(p.post, lang),
          p.organization ? [" — ", S.entityLink(p.organization, lang)] : null,
          dateText(p) ? S.el("span", { class: "dates", text: " (" + dateText(p) + ")" }) : null,
          S.evidenceEl(p.evidence, p.sources));
      })));
    }

    var rels = asList(detail.relationships);
    container.appendChild(S.el("h3", {}, "Relationships · 관계 (" + rels.length + (detail.relationships_truncated ? "+, truncated" : "") + ")"));
    if (!rels.length) container.appendChild(S.el("p", { class: "muted", text: "No relationships." }));
    var byType = {};
    rels.forEach(function (r) { (byType[r.type] = byType[r.type] || []).push(r); });
    Object.keys(byType).sort().forEach(function (type) {
      var list = byType[type];
      container.appendChild(S.el("h4", { class: "rel-type" }, S.relLabel(type, lang), S.el("span", { class: "muted", text: " " + type + " · " + list.length })));
      container.appendChild(S.el("ul", { class: "relationships" }, list.map(function (r) {
        var qualifiers = Object.keys(r.qualifiers || {}).map(function (k) {
          return k + ": " + asList(r.qualifiers[k]).join(", ");
        });
        return S.el("li", { class: "relationship", dataset: { type: r.type } },
          S.el("span", { class: "dir", title: r.direction === "in" ? "incoming" : "outgoing", text: r.direction === "in" ? "← " : "→ " }),
          S.entityLink(r.other, lang),
          r.other && r.other.type ? S.el("span", { class: "muted", text: " · " + S.classLabel(r.other.type, lang) }) : null,
          r.other_date ? S.el("span", { class: "dates", text: " · " + r.other_date }) : null,
          asList(r.roles).length ? S.el("span", { class: "roles", text: " · role: " + asList(r.roles).join(", ") }) : null,
          qualifiers.length ? S.el("span", { class: "muted", text: " · " + qualifiers.join("; ") }) : null,
          S.evidenceEl(r.evidence, r.sources));
      })));
    });

    var sources = asList(detail.sources);
    if (sources.length) {
      container.appendChild(S.el("h3", {}, "Mentioned in · 출처 기사 (" + sources.length + ")"));
      container.appendChild(S.el("ul", { class: "articles" }, sources.map(function (s) { return S.el("li", {}, S.sourceEl(s)); })));
    }
    return container;
  };

  /* ---- misc ----------------------------------------------------------------------------------- */

  S.download = function (filename, mime, text) {
    var blob = new Blob([text], { type: mime });
    var url = URL.createObjectURL(blob);
    var a = S.el("a", { download: filename });
    a.href = url;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 0);
  };
  S.debounce = function (fn, ms) {
    var timer = null;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  };
  S.isoDate = function (value) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value || "") ? value : "";
  };
})();
