"""The researcher's workbench in Debian's Chromium against a real server over the seed graph in the
embedded FalkorDB (issue 15): source pages, an explorer that builds up, the connection finder,
who-met-whom that explains itself, search that ranks, complete entity pages, honest analytics and
the console's editor. Every request off 127.0.0.1 is aborted and recorded; none may happen."""

from __future__ import annotations

import itertools
import json
from urllib.parse import quote
from xml.etree import ElementTree as ET

from tests.browser_support import console_run, open_page, screenshot, wait_graph_ready

ID = "https://smekg.org/id/"
TIPA, FRAUNHOFER = ID + "org-tipa", ID + "org-fraunhofer"
FORUM_2025 = ID + "event-2025-09-04-sme-innovation-network-forum"


def clean(watch) -> None:
    assert watch.blocked == [], f"requests off 127.0.0.1: {watch.blocked}"
    assert watch.load_errors() == [], watch.load_errors()
    assert watch.dialogs == []


def graph_ready(page, index: int | None = None) -> None:
    condition = "smekgGraph.state.ready && smekgGraph.nodes.length > 0"
    if index is not None:
        condition += f" && smekgGraph.state.index === {index}"
    page.wait_for_function(f"() => {condition}", timeout=30_000)


VIEW = """() => ({ids: smekgGraph.nodes.getIds().sort(), pos: smekgGraph.network.getPositions(),
  index: smekgGraph.state.index})"""
ON_SCREEN = """() => { const n = smekgGraph.network, box = document.getElementById('network');
  return smekgGraph.nodeView.getIds().every(id => { const p = n.canvasToDOM(n.getPosition(id));
    return p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight; }); }"""
NODE_POINT = """(id) => { const n = smekgGraph.network;
  const box = document.getElementById('network').getBoundingClientRect();
  const p = n.canvasToDOM(n.getPosition(id)); return {x: box.left + p.x, y: box.top + p.y}; }"""
EDGE_POINT = """(id) => { const n = smekgGraph.network; const middle = n.body.edges[id].edgeType.getPoint(0.5);
  n.moveTo({position: middle, scale: 1.5, animation: false});
  const box = document.getElementById('network').getBoundingClientRect(); const p = n.canvasToDOM(middle);
  return {x: box.left + p.x, y: box.top + p.y}; }"""
PAINTED = """(selector) => { const c = document.querySelector(selector + ' canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let k = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i]) k++; return k; }"""


def centre_url(iri: str, **extra: str) -> str:
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in extra.items())
    return f"/graph?center={quote(iri, safe='')}&depth=1" + (f"&{query}" if query else "")


# -- 1. source pages ------------------------------------------------------------------------------------
def test_source_page_highlights_the_quote_of_an_edge_clicked_on_the_graph(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto(centre_url(TIPA))
        graph_ready(page)
        edge = page.evaluate(
            """() => smekgGraph.edgeView.get().filter(e => e.smType === 'PARTY')
                 .map(e => ({id: e.id, evidence: e.smData.evidence}))[0]"""
        )
        point = page.evaluate(EDGE_POINT, edge["id"])
        page.mouse.click(point["x"], point["y"])
        link = page.locator(f"#details[data-edge='{edge['id']}'] a.source").first
        link.wait_for()
        href = link.get_attribute("href")
        assert href.startswith("/source/") and "#q-" in href
        link.click()
        page.wait_for_selector("#source[data-state='ready']")
        target = page.evaluate("document.getElementById('source').dataset.target")
        assert target
        marked = page.evaluate(
            "a => Array.from(document.querySelectorAll('mark.target')).map(m => m.textContent).join('')",
            target,
        )
        assert marked in edge["evidence"]  # the quote, highlighted in the article's text
        assert page.locator(f"#{target.split()[0]}").is_visible()
        facts = page.locator("li.fact.selected")
        assert facts.count() >= 1 and marked in facts.first.inner_text()
        # For the picture: the page from its top, the text panel scrolled to the quote.
        page.evaluate(
            """a => { window.scrollTo(0, 0); const m = document.getElementById(a);
                 const panel = document.querySelector('.source-text-wrap');
                 panel.scrollTop = m.offsetTop - panel.offsetTop - 120; }""",
            target.split()[0],
        )
        screenshot(page, "source", docs=True)
        clean(watch)


def test_source_page_shows_credits_text_and_facts_by_kind(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/source/002_f72b6778ec84ef75")
        page.wait_for_selector("#source[data-state='ready']")
        meta = page.locator("#source-meta").inner_text()
        assert "전자신문" in meta and "2020-07-02" in meta and "유근일" in meta and "이동근" in meta
        assert "not recorded in the capture" in meta  # the captures hold no original address
        assert page.locator("#source-text").inner_text().startswith("산학연관 中企기술혁신")
        assert int(page.locator("#source-text").get_attribute("data-quotes")) == 42
        kinds = page.locator(".fact-group").evaluate_all("els => els.map(e => e.dataset.kind)")
        assert kinds[:2] == ["meetings", "posts"] and "credits" in kinds
        mark = page.locator("mark.quote", has_text="박영선 중소벤처기업부 장관").first
        mark.click()
        selected = page.locator("li.fact.selected")
        assert selected.count() >= 1
        assert all("박영선" in t for t in selected.all_inner_texts())
        # A fact's "↑ in text" goes back to its quote.
        selected.first.locator("a.to-text").first.click()
        page.wait_for_function("() => document.getElementById('source').dataset.target")
        clean(watch)


# -- 3. the explorer --------------------------------------------------------------------------------------
def test_double_click_expands_in_place_and_back_restores_the_previous_view(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto(centre_url(TIPA))
        graph_ready(page, 0)
        assert page.evaluate(ON_SCREEN)  # fit on load
        before = page.evaluate(VIEW)
        assert FORUM_2025 in before["ids"]
        point = page.evaluate(NODE_POINT, FORUM_2025)
        page.mouse.dblclick(point["x"], point["y"])
        graph_ready(page, 1)
        after = page.evaluate(VIEW)
        assert set(before["ids"]) < set(after["ids"])  # neighbours added, nothing lost
        for iri in before["ids"]:  # and nothing moved
            assert abs(before["pos"][iri]["x"] - after["pos"][iri]["x"]) < 0.5
            assert abs(before["pos"][iri]["y"] - after["pos"][iri]["y"]) < 0.5
        assert FRAUNHOFER in after["ids"] and page.evaluate(ON_SCREEN)
        assert "added around" in page.locator("#graph-status").get_attribute("data-note")
        page.go_back()  # the browser's Back: the previous view, not the previous page
        graph_ready(page, 0)
        back = page.evaluate(VIEW)
        assert back["ids"] == before["ids"] and page.url.startswith(server + "/graph")
        assert all(abs(back["pos"][i]["x"] - before["pos"][i]["x"]) < 0.5 for i in before["ids"])
        page.click("#redo")
        graph_ready(page, 1)
        assert page.evaluate(VIEW)["ids"] == after["ids"]
        page.locator("#network").click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+z")
        graph_ready(page, 0)
        page.keyboard.press("Control+Shift+Z")
        graph_ready(page, 1)
        page.evaluate("smekgGraph.network.fit({animation: false})")
        page.mouse.move(5, 5)
        screenshot(page, "explorer", docs=True)
        clean(watch)


def test_overview_sizes_labels_dates_pins_and_community_colours(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph")
        wait_graph_ready(page)
        nodes = page.evaluate(
            """() => smekgGraph.nodes.get().map(n => ({id: n.id, size: n.size, label: n.label,
                 degree: smekgGraph.degree(n.id)}))"""
        )
        labelled = [n for n in nodes if n["label"]]
        unlabelled = [n for n in nodes if not n["label"]]
        assert 12 <= len(labelled) < len(nodes) / 2  # the best-connected are named first
        assert min(n["degree"] for n in labelled) >= max(n["degree"] for n in unlabelled)
        by_degree = sorted(nodes, key=lambda n: n["degree"])
        assert by_degree[-1]["size"] > by_degree[0]["size"]
        assert all(a["size"] <= b["size"] for a, b in itertools.pairwise(by_degree))
        # Zooming in (the mouse wheel) labels more nodes.
        box = page.locator("#network").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(6):
            page.mouse.wheel(0, -300)
        page.wait_for_function(f"() => smekgGraph.labelled().length > {len(labelled)}")
        page.evaluate("() => { smekgGraph.network.fit({animation: false}); }")
        # A date range hides events outside it, and the people it leaves without events.
        park, oh = ID + "person-park-young-sun", ID + "person-oh-young-ju"
        shown = "id => smekgGraph.nodeView.get(id) !== null"
        assert page.evaluate(shown, park) and page.evaluate(shown, oh)
        page.fill("#since", "2021-01-01")
        page.wait_for_function("id => smekgGraph.nodeView.get(id) === null", arg=park)
        assert page.evaluate(shown, oh)  # her events are in 2024
        assert page.evaluate(shown, ID + "person-yu-geun-il")  # a reporter: never had an event
        page.click("#clear-dates")
        page.wait_for_function(shown, arg=park)
        # Dragging a node pins it.
        target = by_degree[-1]["id"]
        start = page.evaluate(NODE_POINT, target)
        page.mouse.move(start["x"], start["y"])
        page.mouse.down()
        page.mouse.move(start["x"] + 60, start["y"] + 40, steps=8)
        page.mouse.up()
        page.wait_for_function("id => smekgGraph.state.pinned.has(id)", arg=target)
        assert page.evaluate("id => smekgGraph.nodes.get(id).fixed", target) is True
        # Colour by community, from the analytics.
        page.check("#colour-communities")
        page.wait_for_function("() => document.getElementById('network').dataset.communities")
        colours = page.evaluate(
            "() => new Set(smekgGraph.nodes.get().map(n => n.color.background)).size"
        )
        assert colours >= 8
        assert page.locator("#community-legend .legend-item").count() >= 3
        assert "colour=community" in page.url
        clean(watch)


def test_view_exports_png_svg_and_an_html_file_that_opens_offline(browser, server, tmp_path):
    with open_page(browser, server) as (page, watch):
        page.goto(centre_url(TIPA))
        graph_ready(page)
        count = page.evaluate("smekgGraph.nodeView.length")
        page.click("#export-menu summary")
        with page.expect_download() as png:
            page.click("#export-png")
        assert png.value.suggested_filename.endswith(".png")
        png.value.save_as(tmp_path / "view.png")
        assert (tmp_path / "view.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        with page.expect_download() as svg:
            page.click("#export-svg")
        svg.value.save_as(tmp_path / "view.svg")
        root = ET.parse(tmp_path / "view.svg").getroot()
        ns = "{http://www.w3.org/2000/svg}"
        assert root.tag == ns + "svg" and not root.findall(f".//{ns}script")
        texts = {t.text for t in root.iter(ns + "text")}
        assert "중소기업기술정보진흥원" in texts
        assert len(root.findall(f".//{ns}g[@data-iri]")) == count
        with page.expect_download() as html:
            page.click("#export-html")
        path = tmp_path / "view.html"
        html.value.save_as(path)
        clean(watch)
    offline = browser.new_context(offline=True)
    outside: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    offline.route("**/*", guard)
    try:
        copy = offline.new_page()
        errors: list[str] = []
        copy.on("pageerror", lambda e: errors.append(str(e)))
        copy.goto(path.as_uri())
        copy.wait_for_function("() => window.smekgView && smekgView.nodes.length > 0")
        assert copy.evaluate("smekgView.nodes.length") == count
        assert copy.evaluate("smekgView.edges.length") > 0
        assert "중소기업기술정보진흥원" in copy.title()
        copy.wait_for_timeout(200)
        assert copy.evaluate(PAINTED, "#network") > 500
        assert outside == [] and errors == []
    finally:
        offline.close()


def test_a_shared_named_view_restores_centre_filters_nodes_and_positions(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto(centre_url(TIPA, since="2024-01-01"))
        graph_ready(page)
        page.evaluate("id => smekgGraph.expand(id)", FORUM_2025)
        graph_ready(page, 1)
        view = page.evaluate(VIEW)
        page.click("#share-menu summary")
        page.fill("#view-name", "TIPA–Fraunhofer 2025")
        page.click("#share-make")
        url = page.locator("#share-url").input_value()
        assert "#view=" in url and "since=2024-01-01" in url and "center=id%3Aorg-tipa" in url
        clean(watch)
    with open_page(browser, server) as (page, watch):
        page.goto(url)
        graph_ready(page)
        again = page.evaluate(VIEW)
        assert again["ids"] == view["ids"]
        assert all(abs(again["pos"][i]["x"] - view["pos"][i]["x"]) <= 1 for i in view["ids"])
        assert page.locator("#view-title").inner_text() == "View · 보기: TIPA–Fraunhofer 2025"
        assert page.title().startswith("TIPA–Fraunhofer 2025")
        assert page.locator("#since").input_value() == "2024-01-01"
        assert page.evaluate("smekgGraph.state.center") == TIPA
        clean(watch)


# -- 4. the connection finder ------------------------------------------------------------------------------
def test_connect_tipa_and_fraunhofer_shows_a_path_whose_every_hop_has_a_quote(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/connect?a=TIPA&b=Fraunhofer")
        page.wait_for_selector("#connect[data-state='ready']")
        page.wait_for_selector("#connect-network[data-state='ready']")
        assert int(page.locator("#connect").get_attribute("data-chains")) >= 1
        hops = page.locator("table.chain tr.hop")
        assert hops.count() >= 2
        for i in range(hops.count()):
            row = hops.nth(i)
            assert row.locator("blockquote.evidence").count() >= 1
            assert row.locator("a.source").first.get_attribute("href").startswith("/source/")
        assert page.evaluate(PAINTED, "#connect-network") > 500
        names = page.evaluate("smekgConnect.nodes.get().map(n => n.id)")
        assert TIPA in names and FRAUNHOFER in names
        assert "2025 중소기업 혁신 네트워크 포럼" in page.locator("#shared-section").inner_text()
        assert "글로벌 R&D 협력 업무협약" in page.locator("#interlocks").inner_text()
        screenshot(page, "connect", docs=True)
        clean(watch)


def test_connections_are_reachable_from_entity_pages_and_the_explorer(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/entity/id:org-tipa")
        page.wait_for_selector("#entity:not([hidden])")
        page.fill("#entity-connect-b", "Fraunhofer")
        page.click("#entity-connect button[type=submit]")
        page.wait_for_selector("#connect[data-state='ready']")
        assert "a=id%3Aorg-tipa" in page.url and page.locator("table.chain").count() >= 1
        page.goto(centre_url(TIPA))
        graph_ready(page)
        point = page.evaluate(NODE_POINT, TIPA)
        page.mouse.click(point["x"], point["y"])
        page.locator("#details button.connect-from").click()
        assert page.locator("#connect-banner").is_visible()
        point = page.evaluate(NODE_POINT, FORUM_2025)
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector("#connect[data-state='ready']")
        assert "b=id%3Aevent-2025-09-04" in page.url
        clean(watch)


# -- 5. who met whom ---------------------------------------------------------------------------------------
def test_who_met_whom_for_han_seong_sook_lists_organisations_and_says_why_no_people(
    browser, server
):
    with open_page(browser, server) as (page, watch):
        page.goto("/who-met-whom?person=" + quote("한성숙"))
        page.wait_for_selector("#met[data-state='ready']")
        explain = page.locator("#met-explain").inner_text()
        assert "name no other person" in explain and "기관" in explain
        rows = page.locator("#met-table tbody tr.org")
        assert rows.count() == 4
        table = page.locator("#met-table").inner_text()
        for name in ("프라운호퍼", "퍼듀대학교", "슈타인바이스 재단", "중소기업기술정보진흥원"):
            assert name in table
        assert "2025-09-04" in table and "그랜드조선 제주" in table
        assert rows.first.locator("blockquote.evidence").count() >= 1
        assert rows.first.locator("a.source").first.get_attribute("href").startswith("/source/")
        # A person who met people: posts held that day are listed.
        page.goto("/who-met-whom?person=" + quote("오영주"))
        page.wait_for_selector("#met[data-state='ready']")
        assert "포인투테크놀로지 대표" in page.locator("#met-table").inner_text()
        clean(watch)


# -- 6. search ----------------------------------------------------------------------------------------------
def test_search_ranks_mit_first_and_finds_sentences_in_articles(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/search?q=MIT")
        page.wait_for_selector("#search[data-state='ready']")
        first = page.locator("#entity-hits li.hit").first
        assert first.get_attribute("data-iri") == ID + "org-mit"
        assert first.get_attribute("data-match") == "exact"
        page.locator("#facets button[data-type='University']").click()
        page.wait_for_function("() => document.getElementById('entity-hits').children.length === 1")
        assert "type=University" in page.url
        page.goto("/search?q=" + quote("기술이전"))
        page.wait_for_selector("#search[data-state='ready']")
        passage = page.locator("#passage-hits li.passage").first
        assert "기술이전" in passage.inner_text()
        assert passage.locator("mark.term").inner_text() == "기술이전"
        passage.locator("a.source").click()
        page.wait_for_selector("#source[data-state='ready']")
        page.wait_for_function("() => document.getElementById('source').dataset.found")
        assert page.locator("mark.found").first.inner_text() == "기술이전"
        clean(watch)


# -- 2. entity pages ------------------------------------------------------------------------------------------
def test_entity_pages_show_every_property_and_dated_timelines(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/entity/id:post-mss-minister")
        page.wait_for_selector("#entity:not([hidden])")
        holders = page.locator("ol.holders li")
        assert [h.split("as of ")[1][:10] for h in holders.all_inner_texts()] == [
            "2020-07-02",
            "2024-08-13",
            "2025-09-04",
            "2026-07-01",
        ]
        assert "직무대행" in holders.nth(3).inner_text() and "acting" in holders.nth(
            3
        ).get_attribute("class")
        page.goto("/entity/id:budget-mss-rnd-2026")
        page.wait_for_selector("#entity:not([hidden])")
        props = page.locator("dl.properties").inner_text()
        assert "2,195,500,000,000" in props and "2026" in props and "45.0%" in props
        assert "2조1955억원" in props and "날짜 추론 근거" in props
        page.goto("/entity/" + quote("오영주"))
        page.wait_for_selector("#entity:not([hidden])")
        kinds = page.locator("ol.timeline li.timeline-item").evaluate_all(
            "els => els.map(e => e.dataset.kind)"
        )
        assert kinds[:2] == ["post", "event"]
        assert page.locator("#entity-met-link").get_attribute("href").startswith("/who-met-whom")
        clean(watch)


# -- 8. analytics ---------------------------------------------------------------------------------------------
def test_analytics_say_beside_the_tables_when_a_measure_is_degenerate(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/analytics")
        page.wait_for_selector("#analytics[data-state='ready']")
        warning = page.locator("#betweenness-caveats .caveat.warning")
        assert "Every betweenness is 0" in warning.inner_text()
        assert "degenerate" in page.locator("#betweenness-table").get_attribute("class")
        flagged = page.locator("#brokers-table tbody tr.flagged")
        assert flagged.count() >= 1
        assert "이장섭" in flagged.first.inner_text()
        assert "국회 hangs off 이장섭" in page.locator("#brokers-caveats").inner_text()
        clean(watch)


# -- 9. the console ---------------------------------------------------------------------------------------------
def test_console_editor_completes_from_the_schema_and_marks_errors(browser, server):
    with open_page(browser, server, expected_http_errors={400}) as (page, watch):
        page.goto("/console")
        page.wait_for_function("() => document.body.dataset.schema === 'loaded'")
        assert page.evaluate("smekgConsole.editor") == "codemirror"
        page.click(".cm-content")
        page.keyboard.press("Control+a")
        page.keyboard.type("MATCH (n:Pers")
        page.keyboard.press("Control+Space")
        options = page.locator(".cm-tooltip-autocomplete li")
        options.first.wait_for()
        assert "Person" in options.all_inner_texts()
        page.keyboard.press("Escape")
        # Internal queries are not offered as examples.
        page.wait_for_selector("#examples button.example[data-name='who_met_whom']")
        assert page.locator("#examples button.example[data-name='export_nodes']").count() == 0
        # A missing parameter is named, and marked where it is used.
        console_run(page, "MATCH (n:Person)\nWHERE n.name_ko = $name\nRETRUN n", "{}")
        assert "Missing parameter $name" in page.locator("#message").inner_text()
        assert page.evaluate("document.body.dataset.errorAt") == str(
            len("MATCH (n:Person)\nWHERE n.name_ko = ")
        )
        # The engine's error position is marked in the editor.
        console_run(
            page, "MATCH (n:Person)\nWHERE n.name_ko = $name\nRETRUN n", '{"name": "오영주"}'
        )
        page.wait_for_selector("#message[data-kind='error']")
        page.wait_for_function("() => document.body.dataset.errorAt !== ''")
        start = int(page.evaluate("document.body.dataset.errorAt"))
        assert page.evaluate("smekgConsole.query").startswith("RETRUN", start)
        assert page.locator(".error-marker").count() == 1
        page.wait_for_selector(".cm-lintRange-error, .cm-lintRange")  # linted as typed
        clean(watch)


def test_console_history_permalinks_and_names_in_named_queries(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/console")
        page.wait_for_function("() => document.body.dataset.editor")
        console_run(
            page,
            "MATCH (n:Person) WHERE n.name_ko = $name RETURN n.name_ko AS name",
            '{"name": "오영주"}',
        )
        page.wait_for_selector("table.results tbody tr")
        assert page.locator("#history li").count() >= 1
        assert "n.name_ko = $name" in page.locator("#history").inner_text()
        page.click("#permalink-make")
        link = page.locator("#permalink").input_value()
        assert link.startswith(server + "/console?q=") and "p=" in link
        page.goto(link)
        page.wait_for_selector("table.results tbody tr")
        assert page.locator("table.results tbody").inner_text().strip() == "1\t오영주"
        # A named query's IRI parameter takes a name.
        page.click("#examples button.example[data-name='who_met_whom']")
        page.wait_for_function("() => document.body.dataset.console === 'done'")
        page.fill("#params", json.dumps({"person": "박영선", "since": None, "until": None}))
        page.click("#run")
        page.wait_for_function("() => document.body.dataset.console === 'done'")
        page.wait_for_selector("table.results tbody tr")
        assert page.locator("table.results tbody tr").count() == 20
        clean(watch)


def test_console_falls_back_to_a_textarea_when_the_editor_script_fails(browser, server):
    with open_page(browser, server) as (page, watch):
        page.route("**/static/cypher-editor-*.js", lambda route: route.abort())
        page.goto("/console")
        page.wait_for_function("() => document.body.dataset.editor === 'textarea'")
        assert page.locator("#query").is_visible() and page.locator("#cm-editor").is_hidden()
        assert "Plain editor" in page.locator("#editor-kind").inner_text()
        console_run(page, "MATCH (n:Person) RETURN count(n) AS people")
        page.wait_for_selector("table.results tbody tr")
        assert page.locator("table.results tbody").inner_text().strip() == "1\t60"
        assert watch.blocked == [] and watch.page_errors == [] and watch.dialogs == []
        assert [f for f in watch.failed if "cypher-editor" not in f] == []


def test_who_met_whom_mode_in_the_explorer_explains_and_draws_organisations(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph?center=" + quote(ID + "person-han-seong-sook", safe="") + "&mode=met")
        wait_graph_ready(page)
        ids = page.evaluate("smekgGraph.nodes.getIds()")
        assert {TIPA, FRAUNHOFER, FORUM_2025} <= set(ids)
        note = page.locator("#cap-note")
        assert note.is_visible() and "name no other person" in note.inner_text()
        assert note.locator("a").get_attribute("href").startswith("/who-met-whom?person=")
        clean(watch)
