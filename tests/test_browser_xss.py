"""Names and quotes are data: an entity named `<img src=x onerror=alert(1)>` (with script-like aliases,
event names and evidence quotes) is loaded into its own graph and shown on the graph page, the entity
page and the console, in real Chromium. No dialog may fire, and no element may be made from the data.
"""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest

from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from smekg.settings import REPO_ROOT
from tests.browser_support import (
    build_app,
    console_run,
    live_server,
    open_page,
    screenshot,
    wait_graph_ready,
)

NAME = "<img src=x onerror=alert(1)>"
NAME_EN = "<script>alert(2)</script>"
ALIAS = '"><svg onload=alert(3)>'
EVENT = "<b onmouseover=alert(4)>행사</b>"
QUOTE = "<img src=x onerror=alert(5)> 인용문 </blockquote><script>alert(6)</script>"
HEADLINE = "<script>alert(7)</script> 기사"
PERSON_IRI = "https://smekg.org/id/person-xss-test"
EVENT_IRI = "https://smekg.org/id/event-2021-01-05-xss-test"

# One extra article, modelled as docs/modelling.md says (names, dates, reified quotes).
XSS_ARTICLE = f"""
@prefix smekg: <https://smekg.org/ontology#> .
@prefix id:    <https://smekg.org/id/> .
@prefix art:   <https://smekg.org/article/> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .

art:900_xss0000000000000 {{
  art:900_xss0000000000000 a smekg:Article ;
      smekg:headline "{HEADLINE}"@ko ;
      smekg:datePublished "2021-01-05"^^xsd:date ;
      smekg:publisherName "<i>테스트</i>"@ko ;
      smekg:sourceFile "900_xss0000000000000.txt" .

  id:event-2021-01-05-xss-test a smekg:Meeting ;
      skos:prefLabel "{EVENT}"@ko ;
      smekg:startDate "2021-01-05"^^xsd:date .

  id:person-xss-test a smekg:Person ;
      skos:prefLabel "{NAME}"@ko, "{NAME_EN}"@en ;
      skos:altLabel '{ALIAS}'@ko .

  id:person-xss-test smekg:participatedIn id:event-2021-01-05-xss-test .
  [] a smekg:Participation ;
     rdf:subject id:person-xss-test ; rdf:predicate smekg:participatedIn ;
     rdf:object id:event-2021-01-05-xss-test ;
     smekg:role "attendee" ;
     smekg:quote "{QUOTE}" .

  id:person-park-young-sun smekg:participatedIn id:event-2021-01-05-xss-test .
  [] a smekg:Participation ;
     rdf:subject id:person-park-young-sun ; rdf:predicate smekg:participatedIn ;
     rdf:object id:event-2021-01-05-xss-test ;
     smekg:role "speaker" ;
     smekg:quote "{QUOTE}" .
}}
"""

INJECTED = """() => ({
  images: document.querySelectorAll('img').length,
  scripts: Array.from(document.scripts).filter(s => !s.src && s.type !== 'application/json').length,
  svgs: document.querySelectorAll('svg').length,
  bold: document.querySelectorAll('main b, aside b').length,
  italic: document.querySelectorAll('main i, aside i').length,
})"""
NOTHING_INJECTED = {"images": 0, "scripts": 0, "svgs": 0, "bold": 0, "italic": 0}


TEXT = f"""{HEADLINE}
<script>alert(9)</script>
<img src=x onerror=alert(10)>
{QUOTE}
<a href="javascript:alert(11)">link</a> 끝.
"""


@pytest.fixture(scope="module")
def xss_data(tmp_path_factory):
    """A test-only data folder: the curated data plus one article whose names, quotes and stored
    text hold markup (never the curated data itself)."""
    data = tmp_path_factory.mktemp("xss") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "articles" / "900_xss0000000000000.trig").write_text(XSS_ARTICLE, encoding="utf-8")
    (data / "texts" / "900_xss0000000000000.txt").write_text(TEXT, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def xss_store(store_dir, xss_data):
    data = xss_data
    graph = FalkorDBStore(store_dir, "browser_xss")
    load_data(graph, data)
    yield graph
    graph.drop_graph()
    graph.close()


@pytest.fixture(scope="module")
def server(xss_store, xss_data) -> str:
    with live_server(build_app(xss_store, data_dir=xss_data)) as url:
        yield url


def safe(page, watch) -> None:
    assert watch.dialogs == [], watch.dialogs
    assert page.evaluate(INJECTED) == NOTHING_INJECTED
    assert watch.blocked == []
    assert watch.load_errors() == []


def test_graph_page_shows_the_name_as_text(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph")
        wait_graph_ready(page)
        page.fill("#search-q", "<img")
        page.locator("#search-results button.result").first.wait_for()
        assert NAME in page.locator("#search-results").inner_text()
        page.press("#search-q", "Enter")
        page.wait_for_function(
            "iri => smekgGraph.state.center === iri && smekgGraph.state.ready", arg=PERSON_IRI
        )
        assert page.locator("#center-name").inner_text() == NAME
        page.wait_for_selector(f"#details[data-iri='{PERSON_IRI}'] blockquote.evidence")
        details = page.locator("#details").inner_text()
        assert NAME in details and NAME_EN in details and ALIAS in details and EVENT in details
        assert QUOTE in page.locator("#details blockquote.evidence").all_inner_texts()
        assert HEADLINE in details
        # The hover tooltip is DOM text too.
        box = page.locator("#network").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
        assert NAME in page.locator("div.vis-tooltip").inner_text()
        # English labels, and the who-met-whom view built from the same names.
        page.select_option("#lang", "en")
        assert page.evaluate("iri => smekgGraph.nodes.get(iri).label", PERSON_IRI) == NAME_EN
        page.check("#met-mode")
        page.wait_for_function("() => smekgGraph.state.ready && smekgGraph.state.mode === 'met'")
        page.wait_for_function("iri => smekgGraph.nodes.get(iri) !== null", arg=EVENT_IRI)
        screenshot(page, "xss-graph")
        safe(page, watch)


def test_entity_page_shows_the_name_as_text(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/entity/" + quote(NAME, safe=""))
        page.wait_for_selector("#entity:not([hidden])")
        assert page.locator("#entity-name").inner_text() == NAME
        assert page.title() == f"{NAME} · smekg"
        body = page.locator("#entity-detail").inner_text()
        assert NAME_EN in body and ALIAS in body and EVENT in body and HEADLINE in body
        assert QUOTE in page.locator("#entity-detail blockquote.evidence").all_inner_texts()
        wait_graph_ready(page, "#entity-network")
        screenshot(page, "xss-entity")
        safe(page, watch)
        # The event's page: a name with markup in it, and its participants.
        page.goto("/entity/" + quote("id:event-2021-01-05-xss-test", safe=":"))
        page.wait_for_selector("#entity:not([hidden])")
        assert page.locator("#entity-name").inner_text() == EVENT
        assert NAME in page.locator("#entity-detail").inner_text()
        safe(page, watch)


def test_entity_address_with_markup_is_text(browser, server):
    with open_page(browser, server, expected_http_errors={404, 409}) as (page, watch):
        page.goto("/entity/" + quote("<script>alert(8)</script>", safe=""))
        page.locator("#entity-error").wait_for()
        assert "<script>alert(8)</script>" in page.locator("#entity-error").inner_text()
        safe(page, watch)


def test_console_shows_the_name_as_text(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/console")
        console_run(
            page,
            "MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event) WHERE p.name_ko STARTS WITH $prefix "
            "RETURN p, p.name_ko AS name, r, r.evidence AS quote, e",
            '{"prefix": "<img"}',
        )
        page.wait_for_selector("table.results tbody tr")
        table = page.locator("table.results").inner_text()
        assert NAME in table and QUOTE in table and EVENT in table
        page.click("#tab-graph")
        page.wait_for_function("() => document.querySelector('#console-network canvas') !== null")
        page.wait_for_timeout(300)
        screenshot(page, "xss-console")
        safe(page, watch)


ARTICLE = "900_xss0000000000000"


def test_source_page_shows_an_article_text_with_markup_as_text(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto(f"/source/{ARTICLE}")
        page.wait_for_selector("#source[data-state='ready']")
        assert page.locator("#source-headline").inner_text() == HEADLINE
        text = page.locator("#source-text").inner_text()
        assert "<script>alert(9)</script>" in text and "<img src=x onerror=alert(10)>" in text
        assert page.locator("#source-text mark.quote").first.inner_text() in QUOTE
        assert page.locator("#source-text a").count() == 0
        facts = page.locator("#fact-groups").inner_text()
        assert NAME in facts and EVENT in facts and QUOTE in facts
        page.locator("#source-text mark.quote").first.click()
        assert page.locator("li.fact.selected").count() == 2
        safe(page, watch)


def test_search_who_met_whom_and_connect_show_markup_as_text(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/search?q=" + quote("<img", safe=""))
        page.wait_for_selector("#search[data-state='ready']")
        assert NAME in page.locator("#entity-hits").inner_text()
        assert "<img src=x onerror=alert(10)>" in page.locator("#passage-hits").inner_text()
        assert QUOTE in page.locator("#quote-hits").inner_text()
        safe(page, watch)
        page.goto("/who-met-whom?person=" + quote(PERSON_IRI, safe=""))
        page.wait_for_selector("#met[data-state='ready']")
        table = page.locator("#met-table").inner_text()
        assert "박영선" in table and EVENT in table and QUOTE in table
        assert NAME in page.locator("#met-head").inner_text()
        safe(page, watch)
        page.goto("/connect?a=" + quote(PERSON_IRI, safe="") + "&b=" + quote("박영선"))
        page.wait_for_selector("#connect[data-state='ready']")
        chain = page.locator("table.chain").first.inner_text()
        assert NAME in chain and EVENT in chain and QUOTE in chain
        safe(page, watch)


def test_offline_html_export_shows_markup_as_text(browser, server, tmp_path):
    with open_page(browser, server) as (page, watch):
        page.goto("/graph?center=" + quote(PERSON_IRI, safe="") + "&depth=1")
        page.wait_for_function("() => smekgGraph.state.ready && smekgGraph.nodes.length > 1")
        page.click("#export-menu summary")
        with page.expect_download() as download:
            page.click("#export-html")
        path = tmp_path / "view.html"
        download.value.save_as(path)
        safe(page, watch)
    html = path.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>alert" not in html
    context = browser.new_context(offline=True)
    try:
        copy = context.new_page()
        dialogs: list[str] = []
        copy.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        copy.goto(path.as_uri())
        copy.wait_for_function("() => window.smekgView && smekgView.nodes.length > 1")
        assert copy.title() == NAME
        assert copy.locator("h1").inner_text() == NAME
        labels = copy.evaluate("smekgView.nodes.get().map(n => n.label)")
        assert NAME in labels
        assert copy.evaluate("document.querySelectorAll('img, svg, b').length") == 0
        assert dialogs == []
    finally:
        context.close()
