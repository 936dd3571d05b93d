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
