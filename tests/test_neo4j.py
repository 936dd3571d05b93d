"""The Neo4j adapter against a real server; these run only when NEO4J_URI is set."""

import os

import pytest

from tests.conftest import DATA_DIR

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="NEO4J_URI is not set: no Neo4j server is available on this machine (set NEO4J_URI, "
    "NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE to run the Neo4j adapter tests)",
)


@pytest.fixture(scope="module")
def neo4j_store():
    from graph.neo4j_store import Neo4jStore
    from loaders import load_data

    store = Neo4jStore(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
        os.environ.get("NEO4J_DATABASE", "neo4j"),
    )
    load_data(store, DATA_DIR)
    yield store
    store.close()


def test_neo4j_load_and_who_met_whom(neo4j_store):
    from services.answers.questions import resolve_entity, who_met_whom

    person = resolve_entity(neo4j_store, "박영선", label="Person")
    names = {e["person"]["name_ko"] for e in who_met_whom(neo4j_store, person["iri"])}
    assert "이병헌" in names and "유근일" not in names


def test_neo4j_refuses_writes(neo4j_store):
    from graph import QueryRefused

    with pytest.raises(QueryRefused):
        neo4j_store.read("CREATE (n:Entity {iri: 'x'}) RETURN n")


def test_neo4j_alias_resolution(neo4j_store):
    from services.answers.questions import resolve_entity

    assert resolve_entity(neo4j_store, "기정원")["iri"] == "https://smekg.org/id/org-tipa"


def test_neo4j_engine_trick_reads_have_the_shapes_every_adapter_returns(neo4j_store):
    from services.analytics.data import KIND_LABELS, LINKS, PARTICIPATION

    mss = "https://smekg.org/id/org-mss"
    (start,) = neo4j_store.view_nodes([mss])
    assert start["iri"] == mss and isinstance(start["handle"], str) and start["labels"]
    hop = neo4j_store.expand(
        [mss], [start["handle"]], types=None, since=None, until=None, fanout=1000, limit=1000
    )
    assert hop and all(set(r) == {"handle", "iri", "links", "capped"} for r in hop)
    iris = [mss] + [r["iri"] for r in hop]
    handles = [start["handle"]] + [r["handle"] for r in hop]
    edges = neo4j_store.view_edges(iris, handles, None, 1000)
    assert edges and all(isinstance(e, tuple) and len(e) == 6 for e in edges)
    kinds = neo4j_store.ids_by_label(KIND_LABELS)
    assert len(kinds["Person"]) == 60 and all(isinstance(i, int) for i in kinds["Person"])
    ((agents, events),) = neo4j_store.id_pairs([PARTICIPATION])
    assert len(agents) == len(events) == 77
    assert len(neo4j_store.id_pairs(LINKS)) == len(LINKS)
    ids, years = neo4j_store.id_years("Event", "start_date")
    assert len(ids) == len(years) == 20 and 2020 in years
    assert set(neo4j_store.describe_ids(ids[:2])) == set(ids[:2])
    counts = neo4j_store.counts()
    assert (counts.nodes, counts.relationships) == (268, 364)
    assert neo4j_store.generation()


def test_neo4j_load_lock_and_atomic_change(neo4j_store):
    from ontology.errors import LoadBusy

    with neo4j_store._lease(), pytest.raises(LoadBusy):
        load_data_again(neo4j_store)
    generation = neo4j_store.generation()
    assert neo4j_store.apply_atomic("CREATE (:Entity {iri: 'urn:batch'}) RETURN 1", {}) == [[1]]
    assert neo4j_store.generation() != generation
    load_data_again(neo4j_store)
    assert neo4j_store.counts().nodes == 268


def load_data_again(store):
    from loaders import load_data

    load_data(store, DATA_DIR)
