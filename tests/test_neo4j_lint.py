"""Neo4j's Cypher front end sees every file meant for Neo4j, with the ontology's schema, and reports
what Neo4j 5 would: deprecated id(), CALL without a scope, unknown types, FalkorDB-only functions."""

from __future__ import annotations

import shutil

import pytest

from ontology.vocabulary import load_vocabulary
from queries.library import HERE as QUERIES
from queries.neo4j_lint import (
    TOOL,
    created_labels,
    declared_parameters,
    lint,
    neo4j_files,
    schema,
)

needs_node = pytest.mark.skipif(
    shutil.which("node") is None or not (TOOL / "node_modules").is_dir(),
    reason="needs Node and `make cypher-lint-deps` (npm ci in tools/cypher-lint)",
)


def test_files_meant_for_neo4j_are_base_files_and_neo4j_variants(tmp_path):
    for name in ("q.cypher", "q.neo4j.cypher", "q.falkordb.cypher", "falkordb/r.cypher"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("RETURN 1\n", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in neo4j_files(tmp_path)] == [
        "q.cypher",
        "q.neo4j.cypher",
    ]
    assert QUERIES / "meeting_path.cypher" in neo4j_files()
    assert QUERIES / "internal" / "export_nodes.cypher" in neo4j_files()


def test_a_variant_takes_its_base_files_parameters(tmp_path):
    (tmp_path / "q.cypher").write_text("// params: a: one; b: two\nRETURN $a, $b\n")
    (tmp_path / "q.neo4j.cypher").write_text("RETURN $a\n")
    assert declared_parameters(tmp_path / "q.neo4j.cypher") == ["a", "b"]
    (tmp_path / "statement.cypher").write_text("// An adapter's own statement.\nRETURN $token\n")
    assert declared_parameters(tmp_path / "statement.cypher") is None  # then: what it uses


def test_labels_the_projects_own_statements_create_join_the_schema(tmp_path):
    (tmp_path / "lock.cypher").write_text("MERGE (l:SmekgState {key: 'lock'}) RETURN l\n")
    (tmp_path / "read.cypher").write_text("MATCH (n:Entity) CREATE (m:Mark:Flag) RETURN n, m\n")
    assert created_labels(sorted(tmp_path.glob("*.cypher"))) == {"SmekgState", "Mark", "Flag"}


def test_the_schema_is_the_ontologys():
    vocab = load_vocabulary()
    built = schema(vocab)
    assert {"Entity", "GraphInfo", "Person", "Event"} <= set(built["labels"])
    assert "Holding" not in built["labels"]  # a reification class is never a node
    assert set(built["relationshipTypes"]) == set(vocab.edge_types.values())
    assert {"iri", "start_date", "date_published", "evidence"} <= set(built["propertyKeys"])


@needs_node
def test_what_neo4j_5_would_refuse_or_warn_about_is_reported(tmp_path):
    query = tmp_path / "bad.cypher"
    query.write_text(
        "// params: iri: an IRI\n"
        "MATCH (n:Entity {iri: $iri})-[:KNOWS]->(m:Robot)\n"
        "CALL { WITH n MATCH (n)--(o) RETURN o }\n"
        "RETURN id(n) AS i, string.join(['a'], ',') AS j, $other AS k\n",
        encoding="utf-8",
    )
    found = {(f.line, f.severity, f.message.split(".")[0]) for f in lint([query])}
    assert (2, "warning", "Relationship type KNOWS is not present in the database") in found
    assert (2, "warning", "Label Robot is not present in the database") in found
    assert any(line == 3 and "CALL subquery without a variable scope" in m for line, _, m in found)
    assert (4, "warning", "Function id is deprecated") in found
    assert (4, "error", "Function string") in found
    assert (4, "error", "Parameter $other is not defined") in found


@needs_node
def test_a_clean_query_with_a_rendered_set_has_no_findings(tmp_path):
    query = tmp_path / "good.cypher"
    query.write_text(
        "// params: a: IRI\nMATCH (a:Entity {iri: $a})-[:{{relationships:tie}}]->(o:Organization)\n"
        "RETURN elementId(o) AS id, o.name_ko AS name\n",
        encoding="utf-8",
    )
    assert lint([query]) == []
