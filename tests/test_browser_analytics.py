"""The analytics page (/analytics) in Debian's Chromium (headless, via Playwright) against a real uvicorn
server over the seed graph: centrality tables for both projections, communities, brokers and the
year-by-year evolution, all from /api/analytics. No request may leave 127.0.0.1 and nothing may log an error.
"""

from __future__ import annotations

import re

import pytest

from tests.browser_support import open_page, screenshot
from viz.pages import ASSETS

# The two 2020 events whose attendees all met each other: every one of them has degree 20 in the
# people co-participation projection.
TOP_EVENT_DATES = ("2020-07-02", "2020-10-29")


@pytest.fixture(scope="module")
def top_event_people(api) -> set[str]:
    events = [e for e in api.get("/api/events").json()["items"] if e["date"] in TOP_EVENT_DATES]
    assert {e["date"] for e in events} == set(TOP_EVENT_DATES), events
    people: set[str] = set()
    for event in events:
        graph = api.get("/api/graph", params={"center": event["iri"], "depth": 1}).json()
        people |= {n["id"] for n in graph["nodes"] if n["type"] == "Person"}
    assert people
    return people


def clean(watch) -> None:
    assert watch.blocked == [], f"requests off 127.0.0.1: {watch.blocked}"
    assert watch.load_errors() == [], watch.load_errors()
    assert watch.dialogs == []


ROWS = """(tableId) => Array.from(document.querySelectorAll('#' + tableId + ' tbody tr')).map(tr => ({
  iri: tr.dataset.iri || null,
  cells: Array.from(tr.cells).map(td => td.textContent.trim()),
  href: tr.querySelector('a.entity-link') ? tr.querySelector('a.entity-link').getAttribute('href') : null,
}))"""


def wait_ready(page, projection: str) -> None:
    page.wait_for_selector(
        f"#analytics[data-state='ready'][data-projection='{projection}']", timeout=60_000
    )


def test_analytics_page_renders_the_seed_graph(browser, server, api, top_event_people):
    with open_page(browser, server) as (page, watch):
        page.goto("/")
        page.click("a.card[href='/analytics']")
        wait_ready(page, "people")
        assert page.locator(".topnav a[href='/analytics']").get_attribute("aria-current") == "page"

        # Top people by degree: the 2020 forum launch or roundtable attendees, degree 20, each linking
        # to its entity page.
        degree = page.evaluate(ROWS, "degree-table")
        assert len(degree) == 20
        assert {row["iri"] for row in degree} <= top_event_people
        assert all(row["cells"][3] == "20" for row in degree)
        for row in degree:
            assert row["href"].startswith("/entity/id:"), row
        first = degree[0]
        assert api.get(first["href"]).status_code == 200
        for table in ("betweenness-table", "eigenvector-table"):
            rows = page.evaluate(ROWS, table)
            assert len(rows) == 20 and all(r["href"].startswith("/entity/id:") for r in rows), table

        # The seed graph is small: betweenness is exact, so no sample note.
        centrality = api.get("/api/analytics/centrality", params={"projection": "people"}).json()
        assert centrality["betweenness_sample"] is None
        assert page.locator("#sample-note").is_hidden()
        assert str(centrality["nodes"]) in page.locator("#centrality-status").inner_text()

        # Communities, brokers and evolution match the API.
        communities = api.get("/api/analytics/communities", params={"projection": "people"}).json()
        rows = page.evaluate(ROWS, "communities-table")
        assert len(rows) == len(communities["communities"]) > 0
        assert [r["cells"][1] for r in rows] == [str(c["size"]) for c in communities["communities"]]
        assert page.locator("#communities-table a.entity-link").count() > 0

        brokers = api.get("/api/analytics/brokers", params={"top": 20}).json()["brokers"]
        rows = page.evaluate(ROWS, "brokers-table")
        assert [r["iri"] for r in rows] == [b["iri"] for b in brokers] and rows

        years = api.get("/api/analytics/evolution").json()["years"]
        rows = page.evaluate(ROWS, "evolution-table")
        assert [r["cells"][:6] for r in rows] == [
            [
                str(y[k])
                for k in (
                    "year",
                    "events",
                    "people",
                    "new_people",
                    "returning_people",
                    "repeat_attendees",
                )
            ]
            for y in years
        ]
        assert rows[0]["cells"][0] == "2020"
        screenshot(page, "analytics-people", full_page=True)

        # Switching to the full graph reloads centrality and communities (events now lead by degree).
        page.check("input[name=projection][value=full]")
        wait_ready(page, "full")
        full = api.get("/api/analytics/centrality", params={"projection": "full"}).json()
        degree = page.evaluate(ROWS, "degree-table")
        assert [r["iri"] for r in degree] == [d["iri"] for d in full["degree"]]
        assert degree[0]["cells"][2]  # a type (class label) is shown in the full graph
        assert "projection=full" in page.url
        screenshot(page, "analytics-full", full_page=True)
        clean(watch)


def test_analytics_projection_from_the_address(browser, server):
    with open_page(browser, server) as (page, watch):
        page.goto("/analytics?projection=full")
        wait_ready(page, "full")
        assert page.locator("input[name=projection][value=full]").is_checked()
        assert page.locator("#degree-table tbody tr").count() == 20
        clean(watch)


EVIL = '<img src=x onerror="window.__pwned=1">'


def test_sampled_betweenness_note_and_names_stay_text(browser, server, api):
    """A large graph's answer (sampled betweenness, a name with markup) as the page would get it."""
    data = api.get("/api/analytics/centrality", params={"projection": "people", "top": 20}).json()
    data["betweenness_sample"] = 64
    data["nodes"] = 5000
    data["degree"][0]["name_ko"] = EVIL

    with open_page(browser, server) as (page, watch):
        page.route("**/api/analytics/centrality*", lambda route: route.fulfill(json=data))
        page.goto("/analytics")
        wait_ready(page, "people")
        note = page.locator("#sample-note")
        assert note.is_visible()
        assert (
            "sampled" in note.inner_text()
            and "64" in note.inner_text()
            and "표본" in note.inner_text()
        )
        link = page.locator("#degree-table tbody tr").first.locator("a.entity-link")
        assert link.inner_text() == EVIL
        assert page.locator("#analytics img").count() == 0
        assert page.evaluate("window.__pwned") is None
        clean(watch)


def test_analytics_page_serves_only_its_own_assets(api):
    resp = api.get("/analytics")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert f'src="{ASSETS["analytics_js"]}"' in resp.text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", resp.text.lower())
    assert api.get(ASSETS["analytics_js"]).status_code == 200
    assert 'href="/analytics"' in api.get("/").text
