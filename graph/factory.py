"""Open a store from plain arguments: Neo4j when a URI is given, the embedded FalkorDB otherwise."""

from __future__ import annotations

from pathlib import Path

from graph.store import GraphStore


def open_store(
    store_dir: Path,
    graph_name: str,
    *,
    neo4j_uri: str | None = None,
    neo4j_user: str = "neo4j",
    neo4j_password: str = "",
    neo4j_database: str = "neo4j",
) -> GraphStore:
    """The embedded FalkorDB under `store_dir` (graph `graph_name`), or Neo4j at `neo4j_uri`."""
    if neo4j_uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    from graph.falkordb_store import FalkorDBStore

    return FalkorDBStore(store_dir, graph_name)
