"""Network analytics on the seed graph, answers checked by hand against the articles."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from fastapi.testclient import TestClient

from services import analytics
from services.analytics import algorithms as analytics_algo

FORUM_2020 = "https://smekg.org/id/event-2020-07-02-sme-innovation-network-forum"
MEETING_2020 = "https://smekg.org/id/event-2020-10-29-ai-technology-companies-meeting"
PARK = "https://smekg.org/id/person-park-young-sun"


def _participants(store, event):
    rows = store.read(
        "MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event {iri: $e}) RETURN p.iri", {"e": event}
    ).rows
    return {r[0] for r in rows}


def _ids(store, iris):
    rows = store.read(
        "UNWIND $iris AS i MATCH (n:Entity {iri: i}) RETURN ID(n)", {"iris": sorted(iris)}
    ).rows
    return [r[0] for r in rows]


def _labels(store, iri):
    return set(store.read("MATCH (n:Entity {iri: $i}) RETURN labels(n)", {"i": iri}).rows[0][0])


def test_forum_launch_is_a_clique_in_the_people_graph(store):
    people = analytics.projection(store, "people")
    forum = _participants(store, FORUM_2020)
    assert len(forum) == 21 and PARK in forum  # 박영선 co-chaired the 2020-07-02 launch
    rows = people.rows(_ids(store, forum))
    assert (rows >= 0).all()
    block = people.adj[rows][:, rows].toarray()
    assert (block[~np.eye(21, dtype=bool)] >= 1).all()  # everyone there met the 20 others
    event_column = people.incidence[rows].toarray()
    assert (event_column.sum(axis=0) == 21).sum() == 1  # through one event they all attended


def test_most_central_people_are_the_2020_attendees(store):
    result = analytics.centrality(store, "people", top=42)
    assert result["betweenness_exact"] and result["betweenness_sample"] is None
    assert result["sampled"] is False and result["sample_size"] is None
    assert (
        result["methods"]["betweenness"].startswith("exact")
        and "person-event" in result["methods"]["betweenness"]
    )
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
    assert result["method"].startswith("Louvain (networkx") and result["sampled"] is False


def test_vectorised_louvain_finds_the_same_2020_groups(store):
    result = analytics.communities(store, "people", seed=42, vectorised=True)
    assert "synchronous" in result["method"]
    assert [c["size"] for c in result["communities"]][:2] == [21, 21]
    forum = _participants(store, FORUM_2020)
    assert any({m["iri"] for m in c["members"]} <= forum for c in result["communities"][:2])


def test_brokers_between_government_and_foreign_partners(store):
    result = analytics.brokers(store, top=5)
    assert result["government_bodies"] > 0 and result["foreign_partners"] == 6
    assert result["method"] == "all government-foreign pairs"
    top = result["brokers"][0]
    assert top["disconnected_pairs"] > 0
    assert result["sampled"] is False and result["candidates"] <= 30
    # a broker is a person or organisation that is neither a government body nor a foreign partner
    for row in result["brokers"]:
        labels = _labels(store, row["iri"])
        assert labels & {"Person", "Organization"} and not labels & {
            "GovernmentBody",
            "ForeignPartner",
        }


def test_brokers_from_a_sample_of_government_bodies_say_so(store):
    exact = analytics.brokers(store, top=30)
    assert exact["sampled"] is False and exact["government_sample"] is None
    result = analytics.brokers(store, top=30, government_sample=3)
    assert result["sampled"] and result["government_sample"] == result["betweenness_sources"] == 3
    assert result["method"].startswith("pairs of 3 random government bodies")
    assert result["pairs_connected"] <= 3 * result["foreign_partners"]
    # whoever cuts sampled pairs apart also cuts pairs in the full measure
    cut = {r["iri"] for r in result["brokers"] if r["disconnected_pairs"]}
    assert cut <= {r["iri"] for r in exact["brokers"] if r["disconnected_pairs"]}


def test_evolution_year_by_year(store):
    years = {y["year"]: y for y in analytics.evolution(store)["years"]}
    assert set(years) >= {2020, 2024, 2025, 2026}
    assert (
        years[2020]["events"] == 2
        and years[2020]["people"] == 42
        and years[2020]["new_people"] == 42
    )
    assert all(y["repeat_attendees"] == 0 for y in years.values())
    assert all(a["events"] == 1 and a["iri"] for a in years[2020]["top_attendees"])


def test_sampled_betweenness_says_so(store):
    full = analytics.centrality(store, "full", top=5, sample=10)
    assert full["sampled"] and full["sample_size"] == full["betweenness_sample"] == 10
    assert not full["betweenness_exact"] and full["methods"]["betweenness"].startswith(
        "sampled: Brandes from 10 "
    )
    assert all(row["betweenness_se"] >= 0 for row in full["betweenness"])
    exact = analytics.centrality(store, "full", top=5)
    assert exact["betweenness_exact"] and all(
        "betweenness_se" not in row for row in exact["betweenness"]
    )
    reference = nx.betweenness_centrality(
        nx.from_scipy_sparse_array(analytics.projection(store, "full").adj)
    )
    assert [r["betweenness"] for r in exact["betweenness"]] == pytest.approx(
        sorted(reference.values())[::-1][:5]
    )
    people = analytics.centrality(store, "people", top=5, sample=5)
    assert (
        people["sampled"]
        and people["sample_size"] == 5
        and "person-event" in people["methods"]["betweenness"]
    )
    covering = analytics.centrality(
        store, "full", top=5, sample=10_000
    )  # a sample of everyone is exact
    assert covering["betweenness_exact"] and covering["sample_size"] is None


def _random_graph(seed):
    graph = nx.gnm_random_graph(120, 300, seed=seed)
    graph.add_edges_from([(120, 121), (121, 122)])  # a second component
    return graph, nx.to_scipy_sparse_array(graph, nodelist=range(123), format="csr")


@pytest.mark.parametrize("seed", [1, 2])
def test_sparse_algorithms_agree_with_networkx(seed):
    graph, adj = _random_graph(seed)
    exact = analytics_algo.betweenness(adj, np.arange(123))[0] / 2
    reference = nx.betweenness_centrality(graph, normalized=False)
    assert np.allclose(exact, [reference[v] for v in range(123)])
    subset = analytics_algo.betweenness(adj, np.arange(10, 30), np.arange(123) < 10)[0] / 2
    reference = nx.betweenness_centrality_subset(graph, sources=range(10, 30), targets=range(10))
    assert np.allclose(subset, [reference[v] for v in range(123)])
    eigen = analytics_algo.eigenvector(adj)
    giant = max(nx.connected_components(graph), key=len)
    reference = nx.eigenvector_centrality_numpy(graph.subgraph(giant))
    assert np.allclose([eigen[v] for v in giant], [reference[v] for v in giant], atol=1e-5)
    assert eigen[120] == eigen[121] == eigen[122] == 0
    nearest = analytics_algo.distances(adj, [0, 5], blocked=7)
    reference = nx.multi_source_dijkstra_path_length(nx.restricted_view(graph, [7], []), {0, 5})
    assert (
        all(nearest[v] == reference.get(v, -1) for v in range(123) if v != 7) and nearest[7] == -1
    )


def test_vectorised_louvain_is_close_to_networkx():
    graph = nx.planted_partition_graph(8, 40, 0.3, 0.01, seed=3)
    adj = nx.to_scipy_sparse_array(graph, nodelist=range(320), format="csr")
    labels = analytics_algo.louvain(adj, seed=42)
    reference = nx.community.louvain_communities(graph, seed=42)
    parts = [set(np.flatnonzero(labels == c)) for c in np.unique(labels)]
    assert analytics_algo.modularity(adj, labels) == pytest.approx(
        nx.community.modularity(graph, parts)
    )
    assert analytics_algo.modularity(adj, labels) >= 0.97 * nx.community.modularity(
        graph, reference
    )
    incidence = nx.bipartite.biadjacency_matrix(
        nx.bipartite.random_graph(60, 15, 0.2, seed=4), range(60)
    )
    projected = (incidence @ incidence.T).tocsr()
    projected.setdiag(0)
    projected.eliminate_zeros()
    through = analytics_algo.louvain(None, seed=42, incidence=incidence)
    direct = analytics_algo.louvain(projected, seed=42)
    assert analytics_algo.modularity(projected, through) == pytest.approx(
        analytics_algo.modularity(projected, direct)
    )


def test_cache_is_keyed_by_graph_version(small_store):
    analytics.clear_cache()
    first = analytics.evolution(small_store)
    assert analytics.evolution(small_store) is first
    version = analytics.graph_version(small_store)
    assert version in analytics.cached_versions()
    assert [year["year"] for year in first["years"]] == [2024, 2025]  # tests/fixtures/graph/


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
    assert (
        client.get("/api/analytics/centrality", params={"projection": "full"}).json()["projection"]
        == "full"
    )
    assert client.get("/api/analytics/communities").json()["communities"][0]["size"] == 21
    assert client.get("/api/analytics/brokers").json()["brokers"]
    assert client.get("/api/analytics/evolution").json()["years"][0]["year"] == 2020
    assert client.get("/api/analytics/centrality", params={"projection": "nope"}).status_code == 422
    assert client.get("/api/analytics/communities", params={"projection": "full"}).json()["method"]
