"""Relationship uniqueness as Neo4j has it, in every named query.

Neo4j never binds one relationship to two relationship patterns of the same MATCH; FalkorDB can (so
`(p)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(q)` may pair a person with themself through one
relationship). Every named query that has two relationship patterns that could match the same
relationship therefore says so with an explicit inequality, and the answers are checked on the seed
graph against what Neo4j would return.
"""

from __future__ import annotations

import re

import pytest

from queries.library import DIALECTS, HERE, run_query

OH = "https://smekg.org/id/person-oh-young-ju"
HAN = "https://smekg.org/id/person-han-seong-sook"
CLAUSE = re.compile(
    r"\b(OPTIONAL\s+MATCH|MATCH|WITH|RETURN|UNWIND|ORDER\s+BY|CALL|UNION|WHERE)\b", re.IGNORECASE
)
REL = re.compile(r"\[\s*(\w*)\s*(?::\s*([\w|]+))?([^\]]*)\]")


def _body(path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("//"))


def _clauses(text: str) -> list[tuple[str, str]]:
    """(keyword, text) of each clause, in order."""
    marks = list(CLAUSE.finditer(text))
    return [
        (
            m.group(1).upper().split()[0],
            text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)],
        )
        for i, m in enumerate(marks)
    ]


def patterns_needing_inequality(text: str) -> list[str]:
    """MATCH clauses with two fixed-length relationship patterns that could match one relationship
    (same or unspecified types) and no `<>` in their WHERE."""
    clauses = _clauses(text)
    missing = []
    for i, (keyword, pattern) in enumerate(clauses):
        if keyword not in ("MATCH", "OPTIONAL"):
            continue
        rels = [m for m in REL.finditer(pattern) if "*" not in m.group(3)]
        types = [set(m.group(2).split("|")) if m.group(2) else None for m in rels]
        clash = any(
            a is None or b is None or a & b for j, a in enumerate(types) for b in types[j + 1 :]
        )
        if not clash:
            continue
        where = clauses[i + 1][1] if i + 1 < len(clauses) and clauses[i + 1][0] == "WHERE" else ""
        if "<>" not in where:
            missing.append(pattern.strip())
    return missing


QUERY_FILES = sorted(HERE.glob("*.cypher"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_patterns_that_could_reuse_a_relationship_say_they_must_not(path):
    assert path.stem.split(".")[-1] in DIALECTS or "." not in path.stem
    assert patterns_needing_inequality(_body(path)) == []


def test_the_check_finds_a_pattern_without_the_inequality():
    bad = "MATCH (p)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(q) RETURN q"
    good = "MATCH (p)-[a:PARTICIPATED_IN]->(e)<-[b:PARTICIPATED_IN]-(q) WHERE a <> b RETURN q"
    typed = "MATCH (p)-[:HOLDS_POST]->(x)-[:POST_IN]->(o) RETURN o"
    assert patterns_needing_inequality(bad) and not patterns_needing_inequality(good)
    assert not patterns_needing_inequality(typed)


def test_no_one_meets_themself(store):
    """On FalkorDB, without the inequalities, each of these would list the person among those met."""
    for person in (OH, HAN):
        rows = run_query(
            store, "who_met_whom", {"person": person, "since": None, "until": None}
        ).records()
        assert person not in {r["iri"] for r in rows}
        ranked = run_query(
            store,
            "who_met_whom_ranked",
            {"person": person, "since": None, "until": None, "skip": 0, "limit": 100, "events": 5},
        ).records()
        assert person not in {r["iri"] for r in ranked}
        same = run_query(store, "met_at_events", {"a": person, "b": person}).records()
        assert same == []  # Neo4j: the one participation cannot be both ends


def test_falkordb_would_reuse_the_relationship_without_the_inequality(store):
    """The engine behaviour the inequalities guard against (documented for console users)."""
    rows = store.read(
        "MATCH (p:Person {iri: $p})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(q:Person) "
        "RETURN DISTINCT q.iri AS iri",
        {"p": HAN},
    ).records()
    fixed = store.read(
        "MATCH (p:Person {iri: $p})-[a:PARTICIPATED_IN]->(e:Event)<-[b:PARTICIPATED_IN]-(q:Person) "
        "WHERE a <> b RETURN DISTINCT q.iri AS iri",
        {"p": HAN},
    ).records()
    assert fixed == []
    if store.kind == "falkordb":
        assert [r["iri"] for r in rows] == [HAN]  # one relationship matched twice
