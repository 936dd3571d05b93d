"""The browser pages in Debian's Chromium (headless, via Playwright) against a real uvicorn server
over the seed graph in embedded FalkorDB. Every request that would leave 127.0.0.1 is aborted and
recorded; the tests assert there were none and that no page logged a load error.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pytest

from tests.browser_support import (
    build_app,
    live_server,
    open_page,
    screenshot,
    wait_graph_ready,
)
from viz.network import page_config

OH = "오영주"


@pytest.fixture(scope="module")
def oh_iri(api) -> str:
    items = api.get("/api/entities", params={"q": OH}).json()["items"]
    matches = [i for i in items if i["name_ko"] == OH]
    assert len(matches) == 1, items
    return matches[0]["iri"]


def clean(watch) -> None:
    """No request left 127.0.0.1, nothing failed to load, no error was logged, no dialog opened."""
    assert watch.blocked == [], f"requests off 127.0.0.1: {watch.blocked}"
    assert watch.load_errors() == [], watch.load_errors()
    assert watch.dialogs == []


VISIBLE = """() => {
  const g = window.smekgGraph;
  return g.nodeView.get().map(n => ({id: n.id, date: n.smDate, group: n.smGroup}));
}"""
PAINTED = """(selector) => {
  const canvas = document.querySelector(selector + ' canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]) painted++;
  return painted;
}"""
NODE_POINT = """(id) => {
  const n = window.smekgGraph.network;
  const box = document.getElementById('network').getBoundingClientRect();
  const p = n.canvasToDOM(n.getPosition(id));
  return {x: box.left + p.x, y: box.top + p.y, width: box.width, height: box.height, left: box.left, top: box.top};
}"""
EDGE_WITH_EVIDENCE = """(id) => {
  const e = window.smekgGraph.edgeView.get().find(e => (e.from === id || e.to === id) && e.smData.evidence.length);
  return {id: e.id, type: e.smType, evidence: e.smData.evidence};
}"""
EDGE_POINT = """(id) => {
  const n = window.smekgGraph.network;
  const middle = n.body.edges[id].edgeType.getPoint(0.5);
  n.moveTo({position: middle, scale: 1.5, animation: false});
  const box = document.getElementById('network').getBoundingClientRect();
  const p = n.canvasToDOM(middle);
  return {x: box.left + p.x, y: box.top + p.y};
}"""


def test_graph_page_renders_nodes(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph")
        wait_graph_ready(page)
        visible = page.evaluate(VISIBLE)
        assert len(visible) > 100  # the seed graph's overview
        status = page.locator("#graph-status")
        assert int(status.get_attribute("data-nodes")) == len(visible)
        assert int(status.get_attribute("data-edges")) > 0
        assert page.evaluate(PAINTED, "#network") > 1000  # the canvas was drawn on
        # Large view: no improvedLayout, physics frozen once stabilised.
        assert page.evaluate("smekgGraph.network.layoutEngine.options.improvedLayout") is False
        assert page.evaluate("smekgGraph.network.physics.options.enabled") is False
        # Legend and type filters come from the ontology's colour groups.
        groups = page_config()["groups"]
        assert page.locator("#group-filters input[type=checkbox]").count() == len(groups)
        assert {v["group"] for v in visible} <= set(groups)
        people = page.locator("#group-filters input[data-group=person]")
        people.uncheck()
        assert all(v["group"] != "person" for v in page.evaluate(VISIBLE))
        people.check()
        assert len(page.evaluate(VISIBLE)) == len(visible)
        # Relationship filter: hiding one type removes its edges from the view.
        first_rel = page.locator("#rel-filters input[type=checkbox]").first
        rel = first_rel.get_attribute("data-rel")
        first_rel.uncheck()
        assert (
            page.evaluate(
                f"smekgGraph.edgeView.get().filter(e => e.smType === {json.dumps(rel)}).length"
            )
            == 0
        )
        first_rel.check()
        screenshot(page, "graph-overview")
        clean(watch)


def test_node_cap_is_visible_and_narrows(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph?limit=50")
        wait_graph_ready(page)
        assert len(page.evaluate(VISIBLE)) <= 50
        note = page.locator("#cap-note")
        assert note.is_visible()
        assert "Node cap" in note.inner_text() and "50" in note.inner_text()
        clean(watch)


def test_search_centres_on_oh_young_ju(browser, server, oh_iri):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph")
        wait_graph_ready(page)
        page.fill("#search-q", OH)
        page.press("#search-q", "Enter")
        page.wait_for_function(
            "iri => smekgGraph.state.center === iri && smekgGraph.state.ready",
            arg=oh_iri,
            timeout=30_000,
        )
        assert page.locator("#center-name").inner_text() == OH
        assert page.evaluate("smekgGraph.network.getSelectedNodes()") == [oh_iri]
        point = page.evaluate(NODE_POINT, oh_iri)
        # Centred: her node sits in the middle of the canvas.
        assert abs(point["x"] - (point["left"] + point["width"] / 2)) < 5
        assert abs(point["y"] - (point["top"] + point["height"] / 2)) < 5
        assert oh_iri in [v["id"] for v in page.evaluate(VISIBLE)]
        page.wait_for_selector(f"#details[data-iri='{oh_iri}'] blockquote.evidence")
        assert OH in page.locator("#details").inner_text()
        assert "center=" in page.url
        clean(watch)


def test_date_filter_hides_2020_events(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph")
        wait_graph_ready(page)
        before = page.evaluate(VISIBLE)
        dated_2020 = [v for v in before if (v["date"] or "").startswith("2020")]
        assert any(v["group"] == "event" for v in dated_2020), "the seed overview shows 2020 events"
        later = [v for v in before if (v["date"] or "") >= "2021"]
        assert later
        page.fill("#since", "2021-01-01")
        page.wait_for_function(f"() => smekgGraph.nodeView.length < {len(before)}")
        after = page.evaluate(VISIBLE)
        assert not [v for v in after if (v["date"] or "").startswith("2020")]
        assert {v["id"] for v in later} <= {v["id"] for v in after}
        hidden = json.dumps([v["id"] for v in dated_2020])
        # Their edges are hidden with them.
        assert (
            page.evaluate(
                f"smekgGraph.edgeView.get().filter(e => {hidden}.includes(e.from) || {hidden}.includes(e.to)).length"
            )
            == 0
        )
        assert "of" in page.locator("#graph-status").inner_text()
        assert "since=2021-01-01" in page.url
        page.click("#clear-dates")
        page.wait_for_function(f"() => smekgGraph.nodeView.length === {len(before)}")
        clean(watch)


def test_clicking_a_node_shows_a_source_quote(browser, server, api):
    # The forum's launch in 2020 and the people around it; click one of them.
    launch = next(e for e in api.get("/api/events").json()["items"] if e["date"] == "2020-07-02")
    graph = api.get("/api/graph", params={"center": launch["iri"], "depth": 1}).json()
    target = next(n for n in graph["nodes"] if n["type"] == "Person")
    detail = api.get(f"/api/entities/{quote(target['id'], safe='')}").json()
    quotes = {q for r in detail["relationships"] for q in r["evidence"]}
    assert quotes
    with open_page(browser, server) as (page, watch):
        page.goto(f"/graph?center={quote(launch['iri'], safe='')}&depth=1")
        wait_graph_ready(page)
        page.evaluate(
            "id => smekgGraph.network.focus(id, {scale: 1.5, animation: false})", target["id"]
        )
        point = page.evaluate(NODE_POINT, target["id"])
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector(f"#details[data-iri='{target['id']}'] blockquote.evidence")
        shown = page.locator("#details blockquote.evidence").all_inner_texts()
        assert set(shown) & quotes
        assert page.locator("#details a.source").count() > 0
        assert (
            page.locator("#details a.source")
            .first.get_attribute("href")
            .startswith("/api/sources/")
        )
        # Clicking an edge shows its type and evidence.
        edge = page.evaluate(EDGE_WITH_EVIDENCE, target["id"])
        point = page.evaluate(EDGE_POINT, edge["id"])
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector(f"#details[data-edge='{edge['id']}'] blockquote.evidence")
        assert set(page.locator("#details blockquote.evidence").all_inner_texts()) == set(
            edge["evidence"]
        )
        assert edge["type"] in page.locator("#details").inner_text()
        # Back to the person, for the screenshot.
        page.evaluate(
            "id => smekgGraph.network.focus(id, {scale: 1.5, animation: false})", target["id"]
        )
        point = page.evaluate(NODE_POINT, target["id"])
        page.mouse.click(point["x"], point["y"])
        page.wait_for_selector(f"#details[data-iri='{target['id']}'] blockquote.evidence")
        page.evaluate("smekgGraph.network.fit({animation: false})")
        box = page.locator("#network").bounding_box()
        page.mouse.move(box["x"] + 3, box["y"] + 3)  # off the nodes: no tooltip over the picture
        page.wait_for_timeout(300)
        screenshot(page, "graph", docs=True)
        clean(watch)


def test_who_met_whom_mode(browser, server, api):
    park = api.get("/api/entities", params={"q": "박영선"}).json()["items"][0]["iri"]
    met = api.get("/api/who-met-whom", params={"person": park}).json()["met"]
    assert met
    with open_page(browser, server) as (page, watch):
        page.goto(f"/graph?center={quote(park, safe='')}&mode=met")
        wait_graph_ready(page)
        ids = {v["id"] for v in page.evaluate(VISIBLE)}
        assert park in ids
        assert {m["person"]["iri"] for m in met} <= ids
        assert {e["iri"] for m in met for e in m["events"]} <= ids
        assert "who met whom" in page.locator("#graph-status").inner_text()
        clean(watch)


def test_console_runs_a_named_query(browser, server, api, tmp_path):
    events = api.get("/api/events").json()["items"]
    with open_page(browser, server) as (page, watch):
        page.goto("/console")
        page.wait_for_selector("#examples button.example[data-name='events_list']")
        page.click("#examples button.example[data-name='events_list']")
        page.wait_for_selector("table.results tbody tr")
        rows = page.locator("table.results tbody tr")
        assert 0 < rows.count() <= 25
        assert events[0]["date"] in page.locator("table.results").inner_text()
        assert "row" in page.locator("#run-status").inner_text()
        assert (
            "MATCH (e:Event)" in page.locator("#query").input_value()
        )  # the query's text, ready to edit
        screenshot(page, "console", docs=True)
        with page.expect_download() as download:
            page.click("#download-csv")
        path = tmp_path / "result.csv"
        download.value.save_as(path)
        content = path.read_text(encoding="utf-8-sig")
        table = list(csv.reader(io.StringIO(content)))
        assert table[0][:3] == ["iri", "type", "labels"]
        assert len(table) == rows.count() + 1
        with page.expect_download() as download:
            page.click("#download-json")
        path = tmp_path / "result.json"
        download.value.save_as(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["columns"][0] == "iri" and len(data["rows"]) == rows.count()
        clean(watch)


def test_console_graph_view_and_ctrl_enter(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/console")
        page.fill("#query", "MATCH p = (:Person)-[:PARTICIPATED_IN]->(:Event) RETURN p LIMIT 15")
        page.fill("#params", "{}")
        page.press("#query", "Control+Enter")
        page.wait_for_selector("table.results tbody tr")
        tab = page.locator("#tab-graph")
        assert tab.is_enabled()
        tab.click()
        page.wait_for_function("() => document.querySelector('#console-network canvas') !== null")
        page.wait_for_timeout(500)
        assert page.evaluate(PAINTED, "#console-network") > 500
        screenshot(page, "console-graph")
        page.click("#tab-table")
        clean(watch)


def test_console_shows_refusal_for_create(browser, server, api):
    before = api.get("/healthz").json()
    with open_page(browser, server, expected_http_errors={400, 403}) as (page, watch):
        page.goto("/console")
        page.fill("#query", "CREATE (n:Person {name_ko: '가짜'}) RETURN n")
        page.press("#query", "Control+Enter")
        message = page.locator("#message[data-kind='refused']")
        message.wait_for()
        text = message.inner_text()
        assert "403" in text and "read-only" in text
        assert page.locator("table.results").count() == 0
        # A syntax error is shown as such, with the engine's message.
        page.fill("#query", "MATCH (n RETURN n")
        page.press("#query", "Control+Enter")
        page.locator("#message[data-kind='error']").wait_for()
        assert "400" in page.locator("#message").inner_text()
        # Parameters that are not JSON never reach the server.
        page.fill("#query", "RETURN $x AS x")
        page.fill("#params", "{x: 1")
        page.press("#params", "Control+Enter")
        assert "not valid JSON" in page.locator("#message").inner_text()
        page.fill("#params", '{"x": "<b>bold</b>"}')
        page.press("#params", "Control+Enter")
        page.wait_for_selector("table.results td >> text=<b>bold</b>")
        assert page.locator("table.results b").count() == 0
        clean(watch)
    assert api.get("/healthz").json()["node_count"] == before["node_count"]


@pytest.fixture(scope="module")
def tight_server(store) -> str:
    """The same graph with a three-row cap and a short time limit."""
    with live_server(build_app(store, max_rows=3, query_timeout_ms=300)) as url:
        yield url


def test_console_shows_truncation_and_timeouts(browser, tight_server):
    with open_page(browser, tight_server, expected_http_errors={408}) as (page, watch):
        page.goto("/console")
        page.fill("#query", "MATCH (n:Person) RETURN n.name_ko AS name")
        page.press("#query", "Control+Enter")
        page.locator("#message[data-kind='truncated']").wait_for()
        assert page.locator("table.results tbody tr").count() == 3
        assert "Truncated" in page.locator("#message").inner_text()
        page.fill(
            "#query",
            "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c "
            "RETURN count(*) AS n",
        )
        page.press("#query", "Control+Enter")
        page.locator("#message[data-kind='timeout']").wait_for(timeout=30_000)
        assert "408" in page.locator("#message").inner_text()
        clean(watch)


def test_entity_page(browser, server, api, oh_iri):
    detail = api.get(f"/api/entities/{quote(oh_iri, safe='')}").json()
    with open_page(browser, server) as (page, watch):
        page.goto(f"/entity/{quote(OH)}")  # by name: the page settles on the IRI's address
        page.wait_for_selector("#entity:not([hidden])")
        assert page.locator("#entity-name").inner_text() == OH
        assert page.url.endswith("/entity/id:" + oh_iri.rsplit("/", 1)[-1])
        assert page.locator("#entity-iri").inner_text() == oh_iri
        body = page.locator("#entity-detail").inner_text()
        assert detail["entity"]["name_en"] in body
        position = detail["positions"][0]
        assert position["post"]["name_ko"] in body and position["as_of"][0] in body
        quotes = page.locator("#entity-detail blockquote.evidence").all_inner_texts()
        assert quotes and set(quotes) <= {
            q for r in detail["relationships"] for q in r["evidence"]
        } | {q for p in detail["positions"] for q in p["evidence"]}
        assert page.locator("#entity-detail a.source").count() > 0
        wait_graph_ready(page, "#entity-network")
        assert page.evaluate("smekgEntity.nodes.length") > 1
        assert page.evaluate(PAINTED, "#entity-network") > 500
        assert page.title().startswith(OH)
        screenshot(page, "entity", docs=True)
        clean(watch)


def test_entity_page_unknown_and_ambiguous(browser, server):
    with open_page(browser, server, expected_http_errors={404, 409}) as (page, watch):
        page.goto("/entity/" + quote("존재하지않는이름"))
        page.locator("#entity-error").wait_for()
        assert "Not found" in page.locator("#entity-error").inner_text()
        clean(watch)


def test_home_page_links_and_search(browser, server, oh_iri):
    with open_page(browser, server) as (page, watch):
        page.goto("/")
        assert page.locator("a[href='/graph']").count() >= 1
        assert page.locator("a[href='/console']").count() >= 1
        page.fill("#home-q", OH)
        page.press("#home-q", "Enter")
        link = page.locator("#home-results a", has_text=OH).first
        link.wait_for()
        assert link.get_attribute("href") == "/entity/id:" + oh_iri.rsplit("/", 1)[-1]
        clean(watch)


PAGES = ["/", "/graph", "/console", "/entity/id:org-mss"]


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_127_0_0_1(browser, server, path):
    with open_page(browser, server) as (page, watch):
        page.goto(path)
        if path in ("/graph",):
            wait_graph_ready(page)
        elif path.startswith("/entity"):
            wait_graph_ready(page, "#entity-network")
        else:
            page.wait_for_load_state("networkidle")
        resources = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        assert resources and all(r.startswith(server + "/") for r in resources), resources
        for selector, attr in (("script[src]", "src"), ("link[href]", "href")):
            for value in page.locator(selector).evaluate_all(
                f"els => els.map(e => e.getAttribute('{attr}'))"
            ):
                assert value.startswith("/static/") or value.startswith("data:"), value
        clean(watch)


def test_the_guard_blocks_and_records_outside_requests(browser, server):
    """The harness itself: a request to another host is aborted and recorded."""
    from playwright.sync_api import Error as PlaywrightError

    with open_page(browser, server) as (page, watch):
        page.goto("/")
        with pytest.raises(PlaywrightError):
            page.goto("https://example.org/x")
        assert watch.blocked == ["https://example.org/x"]
