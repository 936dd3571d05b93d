/* smekg review workbench: a new article in, its proposed facts decided, the graph grows.
 *
 * Every call goes to /api/review/… with the API key (entered once per tab, kept in sessionStorage,
 * sent as X-API-Key). Every decision is saved by the server as it is made and the page redraws from
 * the server's answer, so a reload loses nothing. The article text, names and quotes are data: they
 * reach the page as text nodes only (S.el / textContent), never as markup.
 */
(function () {
  "use strict";
  var S = window.SMEKG, C = S.config, R = C.review || {};
  var $ = function (id) { return document.getElementById(id); };
  var KEY = "smekg.review.key";
  var ROLE_LABELS = {};
  (R.roles || []).forEach(function (r) { ROLE_LABELS[r.value] = r.label_ko + " · " + r.label_en; });
  var KIND_LABELS = {};
  (R.mention_kinds || []).forEach(function (k) { KIND_LABELS[k.kind] = k.label_ko + " · " + k.label_en; });
  var STATUS_LABELS = { linked: "linked · 연결됨", "new": "new · 새 개체", uncertain: "uncertain · 확인 필요" };

  var state = {
    items: [], item: null, id: null, busy: false, tab: "facts", filter: null, selection: null,
    pieces: [], factsById: {}, focus: null, pendingDrop: false,
  };

  /* ---- the key and the API ------------------------------------------------------------------- */

  function key() { return sessionStorage.getItem(KEY) || ""; }

  function call(method, path, body, contentType) {
    var options = { method: method, headers: { "X-API-Key": key() } };
    if (body !== undefined) {
      if (contentType) { options.body = body; options.headers["Content-Type"] = contentType; }
      else { options.body = JSON.stringify(body); options.headers["Content-Type"] = "application/json"; }
    }
    return S.api(path, options).then(function (res) {
      if (res.status === 401 || res.status === 403) {
        sessionStorage.removeItem(KEY);
        askKey(res.status === 403 ? "This key is not valid for this server. · 키가 맞지 않습니다." : null);
      }
      return res;
    });
  }

  function status(text, kind) {
    var line = $("rv-status");
    line.textContent = text || "";
    line.className = "rv-status " + (kind || "muted");
  }

  function askKey(message) {
    $("rv-app").hidden = true;
    $("rv-key").hidden = false;
    $("rv-key-error").hidden = !message;
    $("rv-key-error").textContent = message || "";
    $("review").dataset.state = "key";
    status("");
    $("rv-key-input").focus();
  }

  $("rv-key").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var value = $("rv-key-input").value.trim();
    if (!value) return;
    sessionStorage.setItem(KEY, value);
    $("rv-key-input").value = "";
    start();
  });

  /* ---- start ------------------------------------------------------------------------------------ */

  function start() {
    if (!R.key_configured) {
      $("rv-nokey").hidden = false;
      $("review").dataset.state = "nokey";
      status("");
      return;
    }
    if (!key()) { askKey(null); return; }
    $("rv-key").hidden = true;
    status("Loading the queue… · 대기 목록을 불러오는 중…");
    loadQueue().then(function (ok) {
      if (!ok) return;
      $("rv-app").hidden = false;
      $("review").dataset.state = "ready";
      status("");
      var wanted = new URLSearchParams(location.search).get("item");
      if (wanted) openItem(wanted);
    });
  }

  function loadQueue() {
    return call("GET", "/api/review/articles").then(function (res) {
      if (!res.ok) {
        if (res.status !== 401 && res.status !== 403) status(res.error, "error");
        return false;
      }
      state.items = res.data.items;
      renderQueue();
      return true;
    });
  }

  /* ---- in: files and pasted text ---------------------------------------------------------------- */

  function inMessage(ok, text) {
    var list = $("rv-in-messages");
    list.appendChild(S.el("li", { class: ok ? "ok" : "error", text: (ok ? "✓ " : "✗ ") + text }));
    while (list.children.length > 12) list.removeChild(list.firstChild);
  }

  function dateParam() {
    var d = S.isoDate($("rv-date").value);
    return d ? "&date=" + d : "";
  }

  function mb(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }

  function uploadFiles(files) {
    files = Array.prototype.slice.call(files || []);
    if (!files.length) return;
    var first = null;
    var next = function () {
      var file = files.shift();
      if (!file) {
        $("rv-files").value = "";
        return loadQueue().then(function () {
          setBusy(false);
          status("");
          if (first) openItem(first);
        });
      }
      if (!/\.(txt|html?)$/i.test(file.name)) {
        inMessage(false, file.name + ": only .txt or .html files are read · .txt, .html 파일만 읽습니다");
        return next();
      }
      if (file.size > R.max_bytes) {
        inMessage(false, file.name + " is " + mb(file.size) + "; an article file may be at most " + mb(R.max_bytes) +
          " · 파일이 너무 큽니다. Nothing was queued.");
        return next();
      }
      if (file.size === 0) {
        inMessage(false, file.name + " is empty: there is no article to read · 빈 파일입니다");
        return next();
      }
      status("Reading " + file.name + "… · 읽는 중…");
      return call("POST", "/api/review/files?name=" + encodeURIComponent(file.name) + dateParam(), file, "application/octet-stream")
        .then(function (res) {
          if (res.ok) {
            inMessage(true, file.name + " → " + res.data.id + " (" + res.data.counts.facts + " facts · 사실)");
            first = first || res.data.id;
          } else if (res.status !== 401 && res.status !== 403) {
            inMessage(false, res.error);
          }
          return next();
        });
    };
    setBusy(true);
    next();
  }

  $("rv-files").addEventListener("change", function () { uploadFiles(this.files); });
  var drop = $("rv-drop");
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (ev) { ev.preventDefault(); uploadFiles(ev.dataTransfer.files); });

  $("rv-paste-go").addEventListener("click", function () {
    var text = $("rv-paste").value;
    if (!text.trim()) { inMessage(false, "Paste an article's text first · 본문을 붙여 넣으세요"); return; }
    var body = { text: text };
    var name = $("rv-paste-name").value.trim();
    if (name) body.filename = name;
    var d = S.isoDate($("rv-date").value);
    if (d) body.date = d;
    setBusy(true);
    status("Reading the pasted text… · 읽는 중…");
    call("POST", "/api/review/paste", body).then(function (res) {
      setBusy(false);
      status("");
      if (res.ok) {
        inMessage(true, "pasted text → " + res.data.id + " (" + res.data.counts.facts + " facts · 사실)");
        $("rv-paste").value = "";
        $("rv-paste-name").value = "";
        loadQueue().then(function () { openItem(res.data.id); });
      } else if (res.status !== 401 && res.status !== 403) {
        inMessage(false, res.error);
      }
    });
  });

  /* ---- the queue ------------------------------------------------------------------------------- */

  function countsText(c) {
    return "✓" + c.accepted + " ✗" + c.rejected + " ?" + c.undecided;
  }

  function renderQueue() {
    var open = S.clear($("rv-list")), done = S.clear($("rv-done"));
    var n = { open: 0, done: 0 };
    state.items.forEach(function (it) {
      var committed = it.status === "committed";
      n[committed ? "done" : "open"]++;
      var li = S.el("li", { class: "rv-item" + (it.id === state.id ? " current" : ""), dataset: { id: it.id, status: it.status } },
        S.el("a", { href: "/review?item=" + encodeURIComponent(it.id), class: "rv-item-title", text: it.title || it.file }),
        S.el("div", { class: "muted rv-item-meta" },
          it.id, it.date ? " · " + it.date : "", " · ",
          S.el("span", { class: "rv-item-counts", text: countsText(it.counts) }),
          it.counts.uncertain ? S.el("span", { class: "badge uncertain", text: " ⚠ " + it.counts.uncertain }) : null,
          it.changed_since_commit ? S.el("span", { class: "badge changed", text: " changed · 수정됨" }) : null));
      li.querySelector("a").addEventListener("click", function (ev) { ev.preventDefault(); openItem(it.id); });
      (committed ? done : open).appendChild(li);
    });
    if (!n.open) open.appendChild(S.el("li", { class: "muted", text: "Nothing waiting. · 대기 중인 기사가 없습니다." }));
    if (!n.done) done.appendChild(S.el("li", { class: "muted", text: "None yet. · 아직 없습니다." }));
    $("rv-open-count").textContent = "(" + n.open + ")";
    $("rv-done-count").textContent = "(" + n.done + ")";
  }

  /* ---- one article ------------------------------------------------------------------------------ */

  function openItem(id) {
    status("Opening " + id + "…");
    return call("GET", "/api/review/articles/" + encodeURIComponent(id)).then(function (res) {
      if (!res.ok) {
        if (res.status !== 401 && res.status !== 403) status(res.error, "error");
        return;
      }
      state.id = id;
      state.filter = null;
      state.pendingDrop = false;
      $("rv-commit-result").hidden = true;
      S.clear($("rv-commit-result"));
      var url = "/review?item=" + encodeURIComponent(id);
      if (location.pathname + location.search !== url) history.replaceState(null, "", url);
      show(res.data);
      status("");
      renderQueue();
    });
  }

  function show(item) {
    state.item = item;
    state.factsById = {};
    item.facts.forEach(function (f) { state.factsById[f.id] = f; });
    $("rv-empty").hidden = true;
    $("rv-doc").hidden = false;
    $("rv-side-body").hidden = false;
    $("review").dataset.item = item.id;
    $("review").dataset.revision = item.updated;
    renderHead(item);
    renderLegend(item);
    renderText(item);
    renderToolbar(item);
    renderFacts(item);
    renderEntities(item);
    renderNotes(item);
    renderCommit(item);
    applyFilter();
    selectTab(state.tab);
  }

  /** Save one decision; the server answers with the article as it now stands. */
  function act(action, done) {
    if (state.busy || !state.id) return Promise.resolve(null);
    setBusy(true);
    status("Saving… · 저장 중…");
    return call("POST", "/api/review/articles/" + encodeURIComponent(state.id) + "/actions", action).then(function (res) {
      setBusy(false);
      if (!res.ok) {
        if (res.status !== 401 && res.status !== 403) status(res.error, "error");
        if (done) done(res);
        return res;
      }
      var scroll = $("rv-panel-facts").scrollTop;
      show(res.data);
      $("rv-panel-facts").scrollTop = scroll;
      status("Saved · 저장됨: " + (res.data.undo || "—"), "ok");
      var summary = state.items.filter(function (i) { return i.id === state.id; })[0];
      if (summary) { summary.counts = Object.assign({}, summary.counts, res.data.counts); summary.changed_since_commit = res.data.changed_since_commit; renderQueue(); }
      if (done) done(res);
      return res;
    });
  }

  function setBusy(on) {
    state.busy = on;
    $("review").dataset.busy = on ? "1" : "";
    Array.prototype.forEach.call(document.querySelectorAll(".rv-side button, .rv-in button"), function (b) {
      if (on) { b.dataset.wasDisabled = b.disabled ? "1" : ""; b.disabled = true; }
      else { b.disabled = b.dataset.wasDisabled === "1"; }
    });
  }

  function renderHead(item) {
    var a = item.article;
    $("rv-title").textContent = a.title || item.id;
    document.title = (a.title || item.id) + " · Review · smekg";
    var bits = [a.date ? "published " + a.date : "no date", a.publisher, a.press_release ? "press release · 보도자료" : null,
      "file " + a.source_file, "article id " + item.id].filter(Boolean);
    $("rv-meta").textContent = bits.join(" · ");
    var kicker = $("rv-kicker");
    if (item.status === "committed") {
      kicker.textContent = item.changed_since_commit
        ? "Committed, changed since · 반영 후 수정됨 — commit again to replace the graph's copy"
        : "Committed · 그래프에 반영됨 — reopened: correct and commit again to replace it";
      kicker.className = "kicker committed";
    } else {
      kicker.textContent = "Under review · 검토 중";
      kicker.className = "kicker";
    }
  }

  function renderLegend(item) {
    var box = S.clear($("rv-legend"));
    var counts = {};
    item.mentions.forEach(function (m) { counts[m.kind] = (counts[m.kind] || 0) + 1; });
    (R.mention_kinds || []).forEach(function (k) {
      box.appendChild(S.el("span", { class: "rv-legend-item", dataset: { kind: k.kind } },
        S.el("mark", { class: "m m-" + k.kind, text: k.label_ko }), " " + k.label_en,
        S.el("span", { class: "muted", text: " " + (counts[k.kind] || 0) })));
    });
    box.appendChild(S.el("span", { class: "rv-legend-item" }, S.el("span", { class: "ev-sample", text: "근거" }), " evidence"));
  }

  /* ---- the text: mentions and evidence ---------------------------------------------------------- */

  function renderText(item) {
    var text = item.text, box = S.clear($("rv-text"));
    var cuts = new Set([0, text.length]);
    item.mentions.forEach(function (m) { cuts.add(m.start); cuts.add(m.end); });
    var spans = [];
    item.facts.forEach(function (f) {
      f.evidence.forEach(function (e) {
        if (e.span) { spans.push({ start: e.span[0], end: e.span[1], fact: f.id }); cuts.add(e.span[0]); cuts.add(e.span[1]); }
      });
    });
    (item.lines || []).forEach(function (l) { cuts.add(l[0]); cuts.add(l[1]); });
    var points = Array.from(cuts).filter(function (p) { return p >= 0 && p <= text.length; }).sort(function (a, b) { return a - b; });
    state.pieces = [];
    var mi = 0, mentions = item.mentions;
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      if (a === b) continue;
      while (mi < mentions.length && mentions[mi].end <= a) mi++;
      var mention = mi < mentions.length && mentions[mi].start <= a && mentions[mi].end >= b ? mentions[mi] : null;
      var facts = spans.filter(function (s) { return s.start <= a && s.end >= b; }).map(function (s) { return s.fact; });
      var line = (item.lines || []).filter(function (l) { return l[0] <= a && l[1] >= b; })[0];
      var cls = [];
      if (facts.length) cls.push("ev");
      if (line) cls.push("ln-" + line[2]);
      var node;
      if (mention) {
        cls.push("m", "m-" + mention.kind);
        node = S.el("mark", { class: cls.join(" "), tabindex: "0", role: "button",
          title: (KIND_LABELS[mention.kind] || mention.kind) + (mention.facts.length ? " · " + mention.facts.length + " fact(s)" : ""),
          dataset: { start: a, end: b, kind: mention.kind, entity: mention.entity || "", facts: mention.facts.join(" ") } }, text.slice(a, b));
      } else {
        node = S.el("span", { class: cls.join(" ") || null, dataset: { start: a, end: b, facts: facts.join(" ") } }, text.slice(a, b));
      }
      state.pieces.push({ start: a, end: b, node: node, facts: facts });
      box.appendChild(node);
    }
    box.dataset.mentions = String(mentions.length);
    box.dataset.kinds = Object.keys(item.mentions.reduce(function (o, m) { o[m.kind] = 1; return o; }, {})).sort().join(" ");
  }

  $("rv-text").addEventListener("click", function (ev) {
    var piece = ev.target.closest("[data-start]");
    if (!piece || hasSelection()) return;
    var ids = (piece.dataset.facts || "").split(" ").filter(Boolean);
    if (!ids.length) { setFilter(null); return; }
    var label = piece.dataset.kind ? (KIND_LABELS[piece.dataset.kind] || piece.dataset.kind) + " “" + piece.textContent + "”" : "“" + S.truncate(piece.textContent, 30) + "”";
    setFilter({ ids: ids, label: label, node: piece });
  });
  $("rv-text").addEventListener("keydown", function (ev) {
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.matches("mark.m")) { ev.preventDefault(); ev.target.click(); }
  });

  function light(fact, on, scroll) {
    Array.prototype.forEach.call(document.querySelectorAll("#rv-text .lit"), function (n) { n.classList.remove("lit"); });
    if (!on || !fact) return;
    var first = null;
    fact.evidence.forEach(function (e) {
      if (!e.span) return;
      state.pieces.forEach(function (p) {
        if (p.start < e.span[1] && e.span[0] < p.end) { p.node.classList.add("lit"); first = first || p.node; }
      });
    });
    if (first && scroll) first.scrollIntoView({ block: "center", behavior: "auto" });
  }

  /* ---- selecting text to add what was missed ----------------------------------------------------- */

  function hasSelection() {
    var sel = window.getSelection();
    return sel && !sel.isCollapsed && sel.toString().trim().length > 0;
  }

  /** Offset of (node, offset) in the article text: the piece's start plus the offset inside it. */
  function textOffset(node, offset) {
    var box = $("rv-text");
    if (node === box) {
      var piece = box.childNodes[offset] || null;
      return piece ? +piece.dataset.start : state.item.text.length;
    }
    var el = node.nodeType === 3 ? node.parentNode : node;
    var holder = el.closest ? el.closest("[data-start]") : null;
    if (!holder || !box.contains(holder)) return null;
    if (node.nodeType === 3) return +holder.dataset.start + offset;
    return +holder.dataset[offset ? "end" : "start"];
  }

  document.addEventListener("mouseup", function () { setTimeout(checkSelection, 0); });
  document.addEventListener("keyup", function (ev) { if (ev.shiftKey) checkSelection(); });

  function checkSelection() {
    var bar = $("rv-selbar");
    var sel = window.getSelection();
    if (!state.item || !sel || sel.isCollapsed || !sel.rangeCount) { bar.hidden = true; return; }
    var range = sel.getRangeAt(0);
    if (!$("rv-text").contains(range.commonAncestorContainer)) { bar.hidden = true; return; }
    var start = textOffset(range.startContainer, range.startOffset);
    var end = textOffset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { bar.hidden = true; return; }
    var raw = state.item.text.slice(start, end);
    var lead = raw.length - raw.replace(/^\s+/, "").length, trail = raw.length - raw.replace(/\s+$/, "").length;
    start += lead; end -= trail;
    if (end <= start) { bar.hidden = true; return; }
    state.selection = { start: start, end: end, quote: state.item.text.slice(start, end) };
    var rect = range.getBoundingClientRect(), host = $("rv-doc").getBoundingClientRect();
    bar.style.top = (rect.bottom - host.top + 6) + "px";
    bar.style.left = Math.max(0, rect.left - host.left) + "px";
    bar.hidden = false;
  }

  $("rv-add-person").addEventListener("click", function () { openAdd("person"); });
  $("rv-add-part").addEventListener("click", function () { openAdd("participation"); });

  function entitiesOf(kind) {
    return (state.item ? state.item.entities : []).filter(function (e) { return e.kind === kind; });
  }

  function option(value, label, selected) {
    var o = S.el("option", { value: value, text: label });
    if (selected) o.selected = true;
    return o;
  }

  function roleInput(id, value) {
    var list = S.el("datalist", { id: id + "-roles" }, (R.roles || []).map(function (r) {
      return S.el("option", { value: r.value, text: r.label_ko + " · " + r.label_en });
    }));
    var input = S.el("input", { type: "text", id: id, list: id + "-roles", maxlength: "40", value: value || "attendee", "aria-label": "Role" });
    return [input, list];
  }

  function eventSelect(id) {
    var main = state.item.article.main_event;
    return S.el("select", { id: id, "aria-label": "Event · 행사" }, entitiesOf("event").map(function (e) {
      return option(e.iri, e.name + (e.date ? " (" + e.date + ")" : ""), e.iri === main);
    }));
  }

  /** An organisation: one of the article's, or another by name (found in the graph, or new). */
  function orgPicker(id, current) {
    var select = S.el("select", { id: id, "aria-label": "Organisation" },
      entitiesOf("organisation").map(function (e) { return option(e.iri, e.name, e.iri === current); }),
      option("", "another… · 다른 조직", false));
    var other = S.el("input", { type: "text", id: id + "-name", maxlength: "120", placeholder: "organisation name · 조직명", hidden: true });
    var found = S.el("select", { id: id + "-found", hidden: true, "aria-label": "Organisation in the graph" });
    select.addEventListener("change", function () { other.hidden = !!select.value; found.hidden = true; if (!select.value) other.focus(); });
    other.addEventListener("input", S.debounce(function () {
      var q = other.value.trim();
      if (q.length < 2) { found.hidden = true; return; }
      S.api("/api/entities?type=Organization&limit=8&q=" + encodeURIComponent(q)).then(function (res) {
        var rows = res.ok ? (res.data.items || []) : [];
        S.clear(found);
        found.appendChild(option("", "new organisation “" + q + "” · 새 조직", true));
        rows.forEach(function (r) { found.appendChild(option(r.iri, (r.name_ko || r.name_en || r.iri) + " (in the graph)", false)); });
        found.hidden = false;
      });
    }, 250));
    var value = function () {
      if (select.value) return { iri: select.value };
      if (!found.hidden && found.value) return { iri: found.value };
      return other.value.trim() ? { name: other.value.trim() } : null;
    };
    return { nodes: [select, other, found], value: value };
  }

  function field(label, control) {
    return S.el("label", { class: "rv-field" }, S.el("span", { text: label }), control);
  }

  function openAdd(kind) {
    var sel = state.selection;
    $("rv-selbar").hidden = true;
    if (!sel || !state.item) return;
    if (sel.quote.indexOf("\n") >= 0) { status("Select a passage within one paragraph · 한 문단 안에서 선택하세요", "error"); return; }
    var box = S.clear($("rv-add"));
    box.hidden = false;
    box.dataset.kind = kind;
    var error = S.el("p", { class: "error", role: "alert", hidden: true });
    box.appendChild(S.el("h3", { text: kind === "person" ? "Add a person · 인물 추가" : "Add a participation · 참여 추가" }));
    box.appendChild(S.el("p", { class: "muted", text: "Evidence (the selection, verbatim) · 근거:" }));
    box.appendChild(S.el("blockquote", { class: "evidence", id: "rv-add-quote", text: sel.quote }));
    var form = S.el("form", { class: "rv-form", id: "rv-add-form" });
    var submit;
    if (kind === "person") {
      var guess = sel.quote.length <= 6 && !/\s/.test(sel.quote) ? sel.quote : "";
      var name = S.el("input", { type: "text", id: "rv-add-name", maxlength: "60", required: true, value: guess, placeholder: "name as written · 이름" });
      var same = S.el("select", { id: "rv-add-same", "aria-label": "Same as a person in the graph" }, option("", "a new person · 새 인물", true));
      var lookup = S.debounce(function () {
        var q = name.value.trim();
        if (q.length < 2) return;
        S.api("/api/entities?type=Person&limit=8&q=" + encodeURIComponent(q)).then(function (res) {
          var rows = res.ok ? (res.data.items || []) : [];
          S.clear(same).appendChild(option("", "a new person · 새 인물", true));
          rows.forEach(function (r) { same.appendChild(option(r.iri, "same as " + (r.name_ko || r.iri) + " in the graph", false)); });
        });
      }, 250);
      name.addEventListener("input", lookup);
      lookup();
      var title = S.el("input", { type: "text", id: "rv-add-title", maxlength: "60", placeholder: "title · 직함 (optional)" });
      var org = orgPicker("rv-add-org", null);
      var event = eventSelect("rv-add-event");
      var atEvent = S.el("input", { type: "checkbox", id: "rv-add-at", checked: true });
      form.appendChild(field("Name · 이름", name));
      form.appendChild(field("Who is it · 동일 인물", same));
      form.appendChild(field("Title · 직함", title));
      form.appendChild(field("Organisation · 소속", org.nodes));
      form.appendChild(S.el("label", { class: "rv-field" }, atEvent, S.el("span", { text: " took part in · 참여한 행사" })));
      form.appendChild(field("Event · 행사", event));
      form.appendChild(field("Role · 역할", roleInput("rv-add-role", "attendee")));
      submit = function () {
        var action = { op: "add_person", quote: sel.quote, start: sel.start, end: sel.end, name: name.value.trim() };
        if (same.value) action.same_as = same.value;
        if (title.value.trim()) { action.title = title.value.trim(); action.organization = org.value(); }
        if (atEvent.checked && event.value) { action.event = event.value; action.role = $("rv-add-role").value.trim() || "attendee"; }
        return action;
      };
    } else {
      var person = S.el("select", { id: "rv-add-person-iri", "aria-label": "Person · 인물" }, entitiesOf("person").map(function (e) { return option(e.iri, e.name, false); }));
      entitiesOf("person").some(function (e, i) {
        if (sel.quote.indexOf(e.mention || e.name) >= 0) { person.selectedIndex = i; return true; }
        return false;
      });
      form.appendChild(field("Person · 인물", person));
      form.appendChild(field("Event · 행사", eventSelect("rv-add-event")));
      form.appendChild(field("Role · 역할", roleInput("rv-add-role", "attendee")));
      submit = function () {
        return { op: "add_participation", quote: sel.quote, start: sel.start, end: sel.end, person: person.value,
          event: $("rv-add-event").value, role: $("rv-add-role").value.trim() || "attendee" };
      };
    }
    form.appendChild(S.el("div", { class: "row" },
      S.el("button", { type: "submit", class: "primary", text: "Add · 추가" }),
      S.el("button", { type: "button", text: "Cancel · 취소", onclick: function () { box.hidden = true; } })));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      act(submit(), function (res) {
        if (res.ok) { box.hidden = true; window.getSelection().removeAllRanges(); }
        else { error.hidden = false; error.textContent = res.error; }
      });
    });
    box.appendChild(form);
    box.appendChild(error);
    var first = form.querySelector("input, select");
    if (first) first.focus();
  }

  /* ---- toolbar ------------------------------------------------------------------------------------ */

  function renderToolbar(item) {
    var c = item.counts;
    S.clear($("rv-counts")).appendChild(S.el("span", {},
      S.el("span", { class: "c-acc", text: "✓ " + c.accepted }), " ",
      S.el("span", { class: "c-rej", text: "✗ " + c.rejected }), " ",
      S.el("span", { class: "c-und", text: "? " + c.undecided }),
      S.el("span", { class: "muted", text: " of " + c.facts })));
    $("rv-counts").title = c.accepted + " accepted, " + c.rejected + " rejected, " + c.undecided + " undecided";
    var undo = $("rv-undo");
    undo.disabled = !item.undo;
    undo.textContent = item.undo ? "Undo · 되돌리기: " + S.truncate(item.undo, 40) : "Undo";
    undo.title = item.undo || "Nothing to undo";
    updateThreshold();
    $("rv-tab-facts").textContent = "(" + item.facts.length + ")";
    var uncertain = item.entities.filter(function (e) { return e.status === "uncertain"; }).length;
    $("rv-tab-entities").textContent = "(" + item.entities.length + (uncertain ? ", ⚠ " + uncertain : "") + ")";
    $("rv-tab-notes").textContent = "(" + (item.notes.length + item.unread.length) + ")";
  }

  function threshold() {
    var t = parseFloat($("rv-threshold").value);
    return isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.9;
  }
  function updateThreshold() {
    var t = threshold();
    var n = state.item ? state.item.facts.filter(function (f) { return !f.decision && (f.confidence || 0) >= t - 1e-9; }).length : 0;
    $("rv-accept-above").textContent = "Accept all ≥ " + t.toFixed(2) + " (" + n + ")";
  }
  $("rv-threshold").addEventListener("input", updateThreshold);
  $("rv-accept-above").addEventListener("click", function () { act({ op: "accept_above", threshold: threshold() }); });
  $("rv-undo").addEventListener("click", function () { act({ op: "undo" }); });
  $("rv-rerun").addEventListener("click", function () { act({ op: "rerun" }); });

  Array.prototype.forEach.call(document.querySelectorAll(".rv-tabs [role=tab]"), function (tab) {
    tab.addEventListener("click", function () { selectTab(tab.dataset.tab); });
  });
  function selectTab(name) {
    state.tab = name;
    Array.prototype.forEach.call(document.querySelectorAll(".rv-tabs [role=tab]"), function (tab) {
      tab.setAttribute("aria-selected", tab.dataset.tab === name ? "true" : "false");
    });
    ["facts", "entities", "notes"].forEach(function (t) { $("rv-panel-" + t).hidden = t !== name; });
  }

  /* ---- facts ------------------------------------------------------------------------------------- */

  function badge(status) {
    return status && status !== "linked" ? S.el("span", { class: "badge st-" + status, text: status === "new" ? "new" : "?" , title: STATUS_LABELS[status] }) : null;
  }

  function refEl(ref) {
    var name = S.el("span", { class: "ref k-" + ref.kind, text: ref.name });
    if (ref.status === "linked" && ref.iri && ref.kind !== "other") {
      name = S.el("a", { class: "ref k-" + ref.kind, href: S.entityHref(ref.iri), target: "_blank", rel: "noopener", text: ref.name, title: "In the graph: " + S.compact(ref.iri) });
    }
    return S.el("span", { class: "fact-ref" }, name, badge(ref.status), ref.date ? S.el("span", { class: "dates", text: " (" + ref.date + ")" }) : null);
  }

  function relLabel(f) {
    var type = f.predicate.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
    return S.relLabel(type, "ko");
  }

  function renderFacts(item) {
    var box = S.clear($("rv-panel-facts"));
    if (!item.facts.length) box.appendChild(S.el("p", { class: "muted", text: "No facts were proposed; add them from the text. · 제안된 사실이 없습니다." }));
    item.groups.forEach(function (g) {
      var facts = item.facts.filter(function (f) { return f.group === g.key; });
      var undecided = facts.filter(function (f) { return !f.decision; }).length;
      box.appendChild(S.el("section", { class: "rv-group", dataset: { group: g.key } },
        S.el("h3", {}, g.label_ko + " · " + g.label_en, S.el("span", { class: "muted", text: " (" + facts.length + (undecided ? ", " + undecided + " undecided" : "") + ")" })),
        S.el("ul", { class: "rv-facts" }, facts.map(factItem))));
    });
  }

  function factItem(f) {
    var li = S.el("li", { class: "rv-fact", id: "fact-" + f.id, tabindex: "0",
      dataset: { id: f.id, decision: f.decision || "", predicate: f.predicate, group: f.group } });
    if (f.decision) li.classList.add(f.decision);
    if (f.problems.length) li.classList.add("has-problem");
    var accept = S.el("button", { type: "button", class: "dec acc", title: "Accept · 채택 (a)", "aria-pressed": f.decision === "accepted" ? "true" : "false", text: "✓" });
    var reject = S.el("button", { type: "button", class: "dec rej", title: "Reject · 기각 (r)", "aria-pressed": f.decision === "rejected" ? "true" : "false", text: "✗" });
    accept.addEventListener("click", function () { act({ op: f.decision === "accepted" ? "reset" : "accept", facts: [f.id] }); });
    reject.addEventListener("click", function () { act({ op: f.decision === "rejected" ? "reset" : "reject", facts: [f.id] }); });
    var conf = f.confidence === null || f.confidence === undefined ? "—" : f.confidence.toFixed(2);
    var main = S.el("div", { class: "fact-main" },
      S.el("span", { class: "decide" }, accept, reject), " ",
      refEl(f.subject), " ",
      S.el("span", { class: "rel", title: f.predicate, text: "—" + relLabel(f) + "→" }), " ",
      f.holding ? holdingEl(f) : refEl(f.object),
      S.el("span", { class: "conf" + (f.confidence >= 0.9 ? " high" : f.confidence < 0.75 ? " low" : ""), title: "extraction confidence · 추출 신뢰도", text: f.added ? "added" : conf }));
    li.appendChild(main);
    var quals = [];
    if (f.predicate === "participatedIn") {
      quals.push(S.el("span", { class: "roles", text: "role · 역할: " + (f.roles.map(function (r) { return ROLE_LABELS[r] ? r + " (" + ROLE_LABELS[r].split(" · ")[0] + ")" : r; }).join(", ") || "—") }));
    }
    if (f.holding) {
      if (f.holding.as_of) quals.push(S.el("span", { class: "dates", text: "as of " + f.holding.as_of }));
      if (f.holding.acting) quals.push(S.el("span", { class: "badge acting", text: "acting · 직무대행" }));
    }
    Object.keys(f.edited || {}).forEach(function (k) {
      var e = f.edited[k];
      quals.push(S.el("span", { class: "badge edited", text: "corrected " + k + (e && e.from !== undefined ? ": " + (e.from || "—") + " → " + e.to : "") }));
    });
    if (f.added) quals.push(S.el("span", { class: "badge added", text: "added by you · 직접 추가" }));
    if (f.committed) quals.push(S.el("span", { class: "badge in-graph", text: "in the graph · 반영됨" }));
    var editable = !f.added && (f.predicate === "participatedIn" || f.predicate === "holdsPost");
    if (editable) {
      quals.push(S.el("button", { type: "button", class: "link-button rv-edit", text: "✎ correct · 수정", onclick: function () { openEdit(li, f); } }));
    }
    if (quals.length) li.appendChild(S.el("div", { class: "fact-quals" }, quals.map(function (q) { return [q, " "]; })));
    f.evidence.forEach(function (e) {
      li.appendChild(S.el("blockquote", { class: "evidence" + (e.span ? "" : " unplaced"), title: e.note || "" },
        e.quote, e.span ? null : S.el("span", { class: "muted", text: " (not in the shown text)" })));
    });
    f.problems.forEach(function (p) {
      li.appendChild(S.el("div", { class: "fact-problem", role: "alert", text: "⚠ " + p }));
    });
    li.addEventListener("mouseenter", function () { light(f, true, false); });
    li.addEventListener("mouseleave", function () { if (state.focus !== f.id) light(null, false); });
    li.addEventListener("click", function (ev) {
      if (ev.target.closest("button, a, input, select, form")) return;
      focusFact(f.id, true);
    });
    li.addEventListener("focus", function () { state.focus = f.id; light(f, true, false); });
    return li;
  }

  function holdingEl(f) {
    var h = f.holding;
    return S.el("span", { class: "holding" },
      S.el("span", { class: "title", text: h.title }), " · ",
      h.organization ? refEl(h.organization) : S.el("span", { class: "muted", text: "?" }),
      badge(h.post.status));
  }

  function focusFact(id, scroll) {
    var f = state.factsById[id];
    if (!f) return;
    state.focus = id;
    Array.prototype.forEach.call(document.querySelectorAll(".rv-fact.focused"), function (n) { n.classList.remove("focused"); });
    var li = $("fact-" + id);
    if (li) { li.classList.add("focused"); if (document.activeElement !== li) li.focus({ preventScroll: !scroll }); }
    light(f, true, scroll);
  }

  function openEdit(li, f) {
    var old = li.querySelector(".rv-form");
    if (old) { old.remove(); return; }
    var form = S.el("form", { class: "rv-form rv-edit-form" });
    var error = S.el("p", { class: "error", role: "alert", hidden: true });
    var collect;
    if (f.predicate === "participatedIn") {
      form.appendChild(field("Role · 역할", roleInput("rv-edit-role-" + f.id, f.roles[0] || "attendee")));
      var event = f.object;
      var date = S.el("input", { type: "date", class: "rv-edit-date", value: event.date || "" });
      form.appendChild(field("Date of " + S.truncate(event.name, 24) + " · 행사 날짜", date));
      collect = function () {
        var actions = [];
        var role = form.querySelector("input[list]").value.trim();
        if (role && role !== (f.roles[0] || "")) actions.push({ op: "edit", fact: f.id, role: role });
        if (date.value && date.value !== (event.date || "")) actions.push({ op: "edit_entity", entity: event.iri, start_date: date.value });
        return actions;
      };
    } else {
      var h = f.holding;
      var title = S.el("input", { type: "text", class: "rv-edit-title", maxlength: "60", value: h.title, required: true });
      var org = orgPicker("rv-edit-org-" + f.id, h.organization ? h.organization.iri : null);
      var asOf = S.el("input", { type: "date", class: "rv-edit-asof", value: h.as_of || "" });
      var acting = S.el("input", { type: "checkbox", class: "rv-edit-acting", checked: !!h.acting });
      form.appendChild(field("Title · 직함", title));
      form.appendChild(field("Organisation · 소속", org.nodes));
      form.appendChild(field("As of · 기준일", asOf));
      form.appendChild(S.el("label", { class: "rv-field" }, acting, S.el("span", { text: " acting · 직무대행" })));
      collect = function () {
        var action = { op: "edit", fact: f.id };
        var o = org.value();
        if (title.value.trim() !== h.title) action.title = title.value.trim();
        if (o && (o.name || o.iri !== (h.organization && h.organization.iri))) { action.organization = o; action.title = title.value.trim(); }
        if (asOf.value && asOf.value !== (h.as_of || "")) action.as_of = asOf.value;
        if (acting.checked !== !!h.acting) action.acting = acting.checked;
        return Object.keys(action).length > 2 ? [action] : [];
      };
    }
    form.appendChild(S.el("div", { class: "row" },
      S.el("button", { type: "submit", class: "primary", text: "Save · 저장" }),
      S.el("button", { type: "button", text: "Cancel · 취소", onclick: function () { form.remove(); } })));
    form.appendChild(error);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var actions = collect();
      if (!actions.length) { form.remove(); return; }
      var run = function () {
        var action = actions.shift();
        if (!action) return;
        act(action, function (res) {
          if (!res.ok) {
            var again = $("fact-" + f.id);
            if (again) again.appendChild(S.el("div", { class: "fact-problem", role: "alert", text: "⚠ " + res.error }));
          } else run();
        });
      };
      run();
    });
    li.appendChild(form);
    var first = form.querySelector("input");
    if (first) first.focus();
  }

  /* ---- filter: the facts of a highlight --------------------------------------------------------- */

  function setFilter(filter) {
    state.filter = filter;
    applyFilter();
    if (filter) {
      selectTab("facts");
      var first = $("fact-" + filter.ids[0]);
      if (first) first.scrollIntoView({ block: "nearest" });
    }
  }

  function applyFilter() {
    var bar = $("rv-filter");
    Array.prototype.forEach.call(document.querySelectorAll(".rv-fact.hit, #rv-text .picked"), function (n) { n.classList.remove("hit", "picked"); });
    var filter = state.filter;
    if (!filter) { bar.hidden = true; $("rv-panel-facts").classList.remove("filtered"); return; }
    var ids = filter.ids.filter(function (id) { return state.factsById[id]; });
    ids.forEach(function (id) { var li = $("fact-" + id); if (li) li.classList.add("hit"); });
    if (filter.node && document.body.contains(filter.node)) filter.node.classList.add("picked");
    $("rv-panel-facts").classList.add("filtered");
    bar.hidden = false;
    S.clear(bar).appendChild(S.el("span", {}, "Facts of · 관련 사실: " + filter.label + " (" + ids.length + ") ",
      S.el("button", { type: "button", class: "link-button", text: "show all · 전체 보기", onclick: function () { setFilter(null); } })));
  }

  /* ---- entities --------------------------------------------------------------------------------- */

  function renderEntities(item) {
    var box = S.clear($("rv-panel-entities"));
    var sections = [["uncertain", "Uncertain matches · 확인 필요", "The graph has someone of a similar name: is it the same person? Your answer goes to data/review/decisions.csv and is replayed by every later run."],
      ["new", "New to the graph · 새 개체", "Not found in the graph: committing adds them."],
      ["linked", "Linked to the graph · 그래프의 개체와 연결", "Resolved to a node the graph already has."]];
    sections.forEach(function (s) {
      var list = item.entities.filter(function (e) { return e.status === s[0]; });
      if (!list.length) return;
      box.appendChild(S.el("section", { class: "rv-entities", dataset: { status: s[0] } },
        S.el("h3", {}, s[1], S.el("span", { class: "muted", text: " (" + list.length + ")" })),
        S.el("p", { class: "muted", text: s[2] }),
        S.el("ul", {}, list.map(entityItem))));
    });
  }

  function entityItem(e) {
    var li = S.el("li", { class: "rv-entity st-" + e.status, dataset: { iri: e.iri, kind: e.kind, status: e.status } });
    var name = e.status === "linked" ? S.el("a", { href: S.entityHref(e.iri), target: "_blank", rel: "noopener", text: e.name }) : S.el("strong", { text: e.name });
    li.appendChild(S.el("div", { class: "ent-main" },
      S.el("span", { class: "kind k-" + e.kind, text: e.kind }), " ", name,
      e.mention && e.mention !== e.name ? S.el("span", { class: "muted", text: " (written “" + e.mention + "”)" }) : null,
      e.date ? S.el("span", { class: "dates", text: " · " + e.date }) : null,
      S.el("span", { class: "muted", text: " · " + e.facts + " fact(s) · " }),
      S.el("code", { class: "iri", text: S.compact(e.iri) })));
    if (e.merge) {
      li.appendChild(S.el("div", { class: "muted" }, "matched: " + e.merge.reason + " (" + Number(e.merge.confidence).toFixed(2) + ")"));
    }
    if (e.kind === "event") {
      var date = S.el("input", { type: "date", value: e.date || "", "aria-label": "Date of " + e.name });
      li.appendChild(S.el("div", { class: "row" }, "Date · 날짜 ", date,
        S.el("button", { type: "button", text: "Set date · 날짜 수정", onclick: function () {
          if (S.isoDate(date.value)) act({ op: "edit_entity", entity: e.iri, start_date: date.value });
        } })));
    }
    e.candidates.forEach(function (c) {
      var known = S.el("div", { class: "rv-known", hidden: true });
      li.appendChild(S.el("div", { class: "rv-candidate", dataset: { candidate: c.iri } },
        S.el("span", { class: "muted", text: "candidate · 후보: " }),
        c.in_graph ? S.el("a", { href: S.entityHref(c.iri), target: "_blank", rel: "noopener", text: c.name }) : S.el("strong", { text: c.name }),
        S.el("span", { class: "conf", text: " " + Number(c.confidence).toFixed(2) }),
        S.el("span", { class: "muted", text: " — " + c.reason + " " }),
        S.el("button", { type: "button", class: "rv-same", text: "Same as " + c.name + " · 동일 인물", onclick: function () {
          act({ op: "match", mention: c.mention, candidate: c.iri, decision: "same" });
        } }), " ",
        S.el("button", { type: "button", class: "rv-not-same", text: "Not the same · 다른 인물", onclick: function () {
          act({ op: "match", mention: c.mention, candidate: c.iri, decision: "not-same" });
        } }), " ",
        c.in_graph ? S.el("button", { type: "button", class: "link-button", text: "what the graph knows", onclick: function () { knowledge(known, c.iri); } }) : null,
        known));
    });
    if (e.status === "linked" && e.kind === "person" && e.merge && e.merge.confidence < 1) {
      li.appendChild(S.el("div", { class: "row" }, S.el("button", { type: "button", class: "rv-not-same", text: "Not the same person · 다른 인물", onclick: function () {
        act({ op: "match", mention: e.mention, candidate: e.iri, decision: "not-same" });
      } })));
    }
    e.answers.forEach(function (a) {
      li.appendChild(S.el("div", { class: "rv-answer", text: "✓ decided · 결정: " + a.mention + (a.decision === "same" ? " is " : " is not ") + a.candidate_name + " (decisions.csv)" }));
    });
    if (e.status === "linked") {
      var known = S.el("div", { class: "rv-known", hidden: true });
      li.appendChild(S.el("button", { type: "button", class: "link-button", text: "what the graph already knows · 그래프의 정보", onclick: function () { knowledge(known, e.iri); } }));
      li.appendChild(known);
    }
    return li;
  }

  /** What the graph already knows of an entity (the public read API; no key needed). */
  function knowledge(box, iri) {
    if (!box.hidden) { box.hidden = true; return; }
    box.hidden = false;
    S.clear(box).appendChild(S.el("span", { class: "muted", text: "Loading…" }));
    S.api(S.entityApi(iri)).then(function (res) {
      S.clear(box);
      if (!res.ok) { box.appendChild(S.el("span", { class: "error", text: res.error })); return; }
      var d = res.data, ent = d.entity || {};
      var positions = S.asList(d.positions).slice(0, 4).map(function (p) {
        return S.el("li", {}, S.nameOf(p.post), p.organization ? " — " + S.nameOf(p.organization) : "",
          p.as_of && S.asList(p.as_of).length ? S.el("span", { class: "muted", text: " (as of " + S.asList(p.as_of).join(", ") + ")" }) : null);
      });
      box.appendChild(S.el("div", {},
        S.el("strong", { text: S.nameOf(ent) }), " · ", S.classLabel(ent.type, "ko"),
        S.asList(ent.aliases).length ? S.el("span", { class: "muted", text: " · also " + S.asList(ent.aliases).join(", ") }) : null));
      if (positions.length) box.appendChild(S.el("ul", { class: "positions" }, positions));
      box.appendChild(S.el("div", { class: "muted" }, S.asList(d.relationships).length + " relationship(s) in " + S.asList(d.sources).length + " article(s) · ",
        S.el("a", { href: S.entityHref(iri), target: "_blank", rel: "noopener", text: "entity page" })));
    });
  }

  /* ---- notes ------------------------------------------------------------------------------------- */

  function renderNotes(item) {
    var box = S.clear($("rv-panel-notes"));
    box.appendChild(S.el("h3", { text: "What the extraction says is missing or uncertain · 추출 메모" }));
    if (!item.notes.length) box.appendChild(S.el("p", { class: "muted", text: "Nothing. · 없음" }));
    box.appendChild(S.el("ul", {}, item.notes.map(function (n) { return S.el("li", { text: n }); })));
    box.appendChild(S.el("h3", { text: "Sentences that name someone but gave no fact · 사실이 나오지 않은 문장" }));
    box.appendChild(S.el("p", { class: "muted", text: "Read them and add what the rules missed: click one to select it in the text." }));
    if (!item.unread.length) box.appendChild(S.el("p", { class: "muted", text: "None. · 없음" }));
    box.appendChild(S.el("ul", { class: "rv-unread" }, item.unread.map(function (u) {
      return S.el("li", {}, S.el("a", { href: "#", text: u.sentence, onclick: function (ev) {
        ev.preventDefault();
        if (u.span) selectRange(u.span[0], u.span[1]);
      } }), S.el("span", { class: "muted", text: " — " + u.names.join(", ") }));
    })));
    if (item.history.length) {
      box.appendChild(S.el("h3", { text: "Decisions, latest first · 결정 기록" }));
      box.appendChild(S.el("ol", { class: "rv-history" }, item.history.map(function (h) { return S.el("li", { text: h }); })));
    }
    box.appendChild(S.el("pre", { id: "rv-trig-text", class: "rv-trig", hidden: true }));
  }

  function selectRange(start, end) {
    var startPiece = state.pieces.filter(function (p) { return p.start <= start && start < p.end; })[0];
    var endPiece = state.pieces.filter(function (p) { return p.start < end && end <= p.end; })[0];
    if (!startPiece || !endPiece) return;
    var range = document.createRange();
    range.setStart(startPiece.node.firstChild, start - startPiece.start);
    range.setEnd(endPiece.node.firstChild, end - endPiece.start);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    startPiece.node.scrollIntoView({ block: "center" });
    checkSelection();
  }

  $("rv-trig").addEventListener("click", function () {
    if (!state.id) return;
    fetch("/api/review/articles/" + encodeURIComponent(state.id) + "/trig", { headers: { "X-API-Key": key() }, credentials: "same-origin" })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (r) {
        selectTab("notes");
        var pre = $("rv-trig-text");
        pre.hidden = false;
        pre.textContent = r.ok ? r.text : "Could not build the TriG: " + r.text;
        pre.scrollIntoView({ block: "start" });
      });
  });

  /* ---- commit ------------------------------------------------------------------------------------ */

  function renderCommit(item) {
    var c = item.counts, committed = item.status === "committed";
    var bits = [c.accepted + " accepted fact(s) will be written"];
    if (c.undecided) bits.push(c.undecided + " undecided will be left out");
    if (c.rejected) bits.push(c.rejected + " rejected");
    $("rv-commit-state").textContent = bits.join(" · ") + (committed && item.committed ? " · last committed " + item.committed.at : "");
    var button = $("rv-commit");
    button.textContent = committed ? "Commit again (replaces the graph's copy) · 다시 반영" : "Commit " + c.accepted + " fact(s) to the graph · 그래프에 반영";
    button.disabled = !c.accepted || state.busy;
    if (committed && item.committed && $("rv-commit-result").hidden) showLinks(item.committed.links, item.committed.change, true);
    if (item.problems.length) showProblems(item.problems, true);
    $("rv-drop-item").textContent = "Remove from queue";
  }

  $("rv-commit").addEventListener("click", function () {
    if (state.busy || !state.id) return;
    setBusy(true);
    status("Validating and adding to the graph… · 검증 후 그래프에 반영 중…");
    call("POST", "/api/review/articles/" + encodeURIComponent(state.id) + "/commit").then(function (res) {
      setBusy(false);
      if (res.ok) {
        show(res.data.item);
        showLinks(res.data.links, res.data.change, false);
        status("Committed · 반영됨: the graph now has this article's accepted facts.", "ok");
        loadQueue();
      } else if (res.status === 422 && res.data && res.data.problems) {
        status("The commit was refused; nothing changed · 반영이 거부되었습니다 (변경 없음)", "error");
        openItem(state.id).then(function () { showProblems(res.data.problems, false); });
      } else if (res.status !== 401 && res.status !== 403) {
        status(res.error, "error");
        showProblems([{ facts: [], message: res.error }], false);
      }
    });
  });

  function showProblems(problems, quiet) {
    var box = S.clear($("rv-commit-result"));
    box.hidden = false;
    box.className = "rv-result refused";
    box.dataset.fresh = quiet ? "" : "1";
    box.appendChild(S.el("strong", { text: "Commit refused — the graph and data/ are unchanged · 반영 거부 (변경 없음)" }));
    box.appendChild(S.el("ul", {}, problems.map(function (p) {
      var facts = (p.facts || []).map(function (id) { return state.factsById[id]; }).filter(Boolean);
      return S.el("li", {}, p.message,
        facts.length ? [" — ", facts.map(function (f, i) {
          return [i ? ", " : null, S.el("a", { href: "#fact-" + f.id, text: f.subject.name + " → " + (f.holding ? f.holding.title : f.object.name), onclick: function (ev) {
            ev.preventDefault(); selectTab("facts"); var li = $("fact-" + f.id); if (li) { li.scrollIntoView({ block: "center" }); focusFact(f.id, true); }
          } })];
        })] : null);
    })));
    if (!quiet) {
      var first = problems.map(function (p) { return (p.facts || [])[0]; }).filter(Boolean)[0];
      if (first && $("fact-" + first)) { selectTab("facts"); $("fact-" + first).scrollIntoView({ block: "center" }); }
    }
  }

  function showLinks(links, change, quiet) {
    var box = S.clear($("rv-commit-result"));
    box.hidden = false;
    box.className = "rv-result done";
    box.dataset.fresh = quiet ? "" : "1";
    box.appendChild(S.el("strong", { text: quiet ? "In the graph, as last committed · 그래프에 반영된 내용" : "Committed · 반영 완료" }));
    if (change && !quiet) {
      box.appendChild(S.el("div", { class: "muted", text: (change.added && change.added.length ? "added" : change.replaced && change.replaced.length ? "replaced" : "unchanged") +
        " · graph now " + change.nodes + " nodes, " + change.edges + " relationships (" + (change.edge_delta >= 0 ? "+" : "") + change.edge_delta + ")" }));
    }
    var list = S.el("ul", { class: "rv-links" });
    if (links.graph) list.appendChild(S.el("li", {}, S.el("a", { href: S.graphHref(links.graph), id: "rv-link-graph", text: "Open in the graph explorer · 그래프에서 보기" })));
    if (links.source) list.appendChild(S.el("li", {}, S.el("a", { href: links.source, id: "rv-link-source", text: "Source page with the quotes · 출처 기사" })));
    box.appendChild(list);
    box.appendChild(S.el("div", { class: "rv-link-entities" }, (links.entities || []).map(function (e, i) {
      return [i ? " · " : null, S.el("a", { href: S.entityHref(e.iri), class: "k-" + e.kind, text: e.name })];
    })));
  }

  $("rv-drop-item").addEventListener("click", function () {
    if (!state.id || state.busy) return;
    var button = $("rv-drop-item");
    if (!state.pendingDrop) {
      state.pendingDrop = true;
      button.textContent = "Click again to remove " + state.id + " from the queue";
      setTimeout(function () { state.pendingDrop = false; if (button) button.textContent = "Remove from queue"; }, 4000);
      return;
    }
    state.pendingDrop = false;
    call("DELETE", "/api/review/queue/" + encodeURIComponent(state.id)).then(function (res) {
      if (!res.ok) { status(res.error, "error"); return; }
      state.id = null; state.item = null;
      $("rv-doc").hidden = true; $("rv-side-body").hidden = true; $("rv-empty").hidden = false;
      history.replaceState(null, "", "/review");
      loadQueue();
    });
  });

  /* ---- keyboard: j/k move, a accept, r reject, u undo -------------------------------------------- */

  document.addEventListener("keydown", function (ev) {
    if (!state.item || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable]")) return;
    var visible = Array.prototype.filter.call(document.querySelectorAll(".rv-fact"), function (n) { return n.offsetParent !== null; });
    var at = visible.findIndex(function (n) { return n.dataset.id === state.focus; });
    if (ev.key === "j" || ev.key === "k") {
      ev.preventDefault();
      var next = visible[Math.max(0, Math.min(visible.length - 1, at + (ev.key === "j" ? 1 : -1)))];
      if (next) { selectTab("facts"); focusFact(next.dataset.id, true); next.scrollIntoView({ block: "nearest" }); }
    } else if ((ev.key === "a" || ev.key === "r") && state.focus && state.factsById[state.focus]) {
      ev.preventDefault();
      var id = state.focus, f = state.factsById[id];
      var op = ev.key === "a" ? (f.decision === "accepted" ? "reset" : "accept") : (f.decision === "rejected" ? "reset" : "reject");
      act({ op: op, facts: [id] }).then(function () {
        var li = $("fact-" + id);
        if (li) focusFact(id, false);
      });
    } else if (ev.key === "u") {
      ev.preventDefault();
      if (state.item.undo) act({ op: "undo" });
    }
  });

  window.smekgReview = { get state() { return state; }, open: openItem, act: act };
  start();
})();
