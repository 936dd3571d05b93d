"""A lexical guard for console queries: refuse writes and clauses that reach outside the graph.

The engines' own read-only modes run as well (FalkorDB's GRAPH.RO_QUERY, Neo4j read transactions);
this guard adds what those modes let through (LOAD CSV, apoc.*, writing procedures) and gives a
clear message before anything reaches the engine.
"""

from __future__ import annotations

import re

from graph.store import QueryRefused

MAX_QUERY_CHARS = 20_000

_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|USING\s+PERIODIC\s+COMMIT"
    r"|IN\s+TRANSACTIONS|ALTER|GRANT|REVOKE|DENY|START\s+DATABASE|STOP\s+DATABASE)\b",
    re.IGNORECASE,
)
_CALL = re.compile(r"\bCALL\s*(\{|[A-Za-z_][\w.]*)", re.IGNORECASE)
_READ_PROCEDURES = {
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.indexes",
    "db.constraints",
    "db.schema.visualization",
    "db.idx.fulltext.querynodes",
    "algo.bfs",
    "algo.pagerank",
    "algo.wcc",
    "algo.betweenness",
    "algo.spPaths",
    "algo.sspaths",
}
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)


def strip_literals(cypher: str) -> str:
    """Blank out comments, string literals and quoted names so keywords inside them do not count."""
    without_comments = _COMMENTS.sub(" ", cypher)
    return _STRINGS.sub("''", without_comments)


def check_read_only(cypher: str) -> None:
    """Raise QueryRefused if the query could write or call outside the read-only allow-list."""
    if len(cypher) > MAX_QUERY_CHARS:
        raise QueryRefused(
            f"query is {len(cypher)} characters; the console accepts at most {MAX_QUERY_CHARS}"
        )
    code = strip_literals(cypher)
    match = _WRITE_CLAUSES.search(code)
    if match:
        clause = " ".join(match.group(1).split()).upper()
        raise QueryRefused(f"the console is read-only: {clause} is not allowed")
    for call in _CALL.finditer(code):
        target = call.group(1)
        if target == "{":
            raise QueryRefused("the console is read-only: CALL { … } subqueries are not allowed")
        if target.lower() not in {p.lower() for p in _READ_PROCEDURES}:
            raise QueryRefused(
                f"the console is read-only: procedure {target} is not on the read-only allow-list"
            )
