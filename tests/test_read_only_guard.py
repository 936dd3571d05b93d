"""The console guard refuses writes and outside-reaching clauses, and lets reads through."""

import pytest

from graph import QueryRefused
from graph.read_only import check_read_only


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n) RETURN n",
        "MATCH (n) MERGE (m {iri: n.iri})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n) SET n.x = 1",
        "MATCH (n) REMOVE n.x",
        "MATCH (n) WITH n CREATE (m)",
        "LOAD CSV FROM 'http://example.com/x.csv' AS row RETURN row",
        "CALL apoc.load.json('http://example.com')",
        "CALL db.idx.fulltext.createNodeIndex('Entity', 'name')",
        "match (n) with n   cReAtE (m)",
    ],
)
def test_writes_and_outside_calls_are_refused(cypher):
    with pytest.raises(QueryRefused):
        check_read_only(cypher)


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (n:Person) RETURN n.name_ko",
        "MATCH (n) WHERE n.name_ko = 'CREATE' RETURN n",
        "MATCH (n) RETURN n // DELETE everything? no",
        "CALL db.labels()",
    ],
)
def test_reads_pass(cypher):
    check_read_only(cypher)


def test_engine_refuses_a_write_even_without_the_guard(store):
    with pytest.raises(QueryRefused):
        store.read("CREATE (n:Entity {iri: 'sneaky'}) RETURN n")
    assert store.read("MATCH (n:Entity {iri: 'sneaky'}) RETURN n").rows == []
