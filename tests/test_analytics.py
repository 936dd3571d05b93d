"""Network analytics on the seed graph, answers checked by hand against the articles."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph import analytics

FORUM_2020 = "https://smekg.org/id/event-2020-07-02-sme-innovation-network-forum"
MEETING_2020 = "https://smekg.org/id/event-2020-10-29-ai-technology-companies-meeting"
PARK = "https://smekg.org/id/person-park-young-sun"


def _participants(store, event):
    rows = store.read("MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event {iri: $e}) RETURN p.iri", {"e": event}).rows
    return {r[0] for r in rows}


def test_forum_launch_is_a_clique_in_the_people_graph(store):
    graph = analytics.people_graph(store)
    forum = _participants(store, FORUM_2020)
    assert len(forum) == 21 and PARK in forum          # 박영선 co-chaired the 2020-07-02 launch
    for a in forum:
        for b in forum:
            if a != b:
                assert graph.has_edge(a, b)
                assert FORUM_2020 in graph[a][b]["events"]


def test_most_central_people_are_the_2020_attendees(store):
    result = analytics.centrality(store, "people", top=42)
    assert result["betweenness_exact"] and result["betweenness_sample"] is None
    top_degree = result["degree"]
    # the two 2020 events had 21 people each: everyone there is linked to the 20 others, the maximum
    assert top_degree[0]["degree"] == 20
    at_20 = {r["iri"] for r in top_degree if r["degree"] == 20}
    assert at_20 == _participants(store, FORUM_2020) | _participants(store, MEETING_2020)
    assert PARK in at_20
    # no one in the seed articles attends two events, so nobody bridges events among people
    assert all(r["betweenness"] == 0 for r in result["betweenness"])


def test_louvain_separates_the_2020_events(store):
    result = analytics.communities(store, "people", seed=42)
    sizes = [c["size"] for c in result["communities"]]
    assert sizes[:2] == [21, 21]
    forum = _participants(store, FORUM_2020)
    first_two = [{m["iri"] for m in c["members"]} for c in result["communities"][:2]]
    assert any(members <= forum for members in first_two)
    assert analytics.communities(store, "people", seed=42) == result  # seeded and cached


def test_brokers_between_government_and_foreign_partners(store):
    result = analytics.brokers(store, top=5)
    assert result["government_bodies"] > 0 and result["foreign_partners"] == 6
    assert result["method"] == "all government-foreign pairs"
    top = result["brokers"][0]
    assert top["disconnected_pairs"] > 0
    # a broker is a person or organisation that is neither a government body nor a foreign partner
    graph = analytics.full_graph(store)
    for row in result["brokers"]:
        data = graph.nodes[row["iri"]]
        assert (data["is_person"] or data["is_org"]) and not data["is_government"] and not data["is_foreign"]


def test_evolution_year_by_year(store):
    years = {y["year"]: y for y in analytics.evolution(store)["years"]}
    assert set(years) >= {2020, 2024, 2025, 2026}
    assert years[2020]["events"] == 2 and years[2020]["people"] == 42 and years[2020]["new_people"] == 42
    assert all(y["repeat_attendees"] == 0 for y in years.values())


def test_cache_is_keyed_by_graph_version(store):
    analytics.clear_cache()
    first = analytics.evolution(store)
    assert analytics.evolution(store) is first
    version = analytics.graph_version(store)
    assert any(k[1] == version for k in analytics._cache)


@pytest.fixture(scope="module")
def client(store):
    from api.app import create_app
    from api.routes.analytics import router
    from smekg.settings import Settings

    app = create_app(Settings(), store=store)
    if not any(getattr(r, "path", "").startswith("/api/analytics") for r in app.routes):
        app.include_router(router)
    with TestClient(app) as c:
        yield c


def test_analytics_endpoints(client):
    r = client.get("/api/analytics/centrality", params={"projection": "people", "top": 5})
    assert r.status_code == 200 and r.json()["degree"][0]["degree"] == 20
    assert client.get("/api/analytics/centrality", params={"projection": "full"}).json()["projection"] == "full"
    assert client.get("/api/analytics/communities").json()["communities"][0]["size"] == 21
    assert client.get("/api/analytics/brokers").json()["brokers"]
    assert client.get("/api/analytics/evolution").json()["years"][0]["year"] == 2020
    assert client.get("/api/analytics/centrality", params={"projection": "nope"}).status_code == 422
