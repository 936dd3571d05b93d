"""Open a store from plain arguments: Neo4j when a URI is given, the embedded FalkorDB otherwise."""

from __future__ import annotations

from pathlib import Path

from graph.store import GraphBackend


def open_store(
    store_dir: Path,
    graph_name: str,
    *,
    neo4j_uri: str | None = None,
    neo4j_user: str = "neo4j",
    neo4j_password: str = "",
    neo4j_database: str = "neo4j",
    engine_timeout_max_ms: int = 120_000,
    engine_query_mem_mb: int = 2048,
    engine_max_queued: int = 256,
) -> GraphBackend:
    """The embedded FalkorDB under `store_dir` (graph `graph_name`, started with the engine limits
    given), or Neo4j at `neo4j_uri` (whose limits are its server's own configuration)."""
    if neo4j_uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    from graph.falkordb_engine import EngineLimits
    from graph.falkordb_store import FalkorDBStore

    limits = EngineLimits(engine_timeout_max_ms, engine_query_mem_mb, engine_max_queued)
    return FalkorDBStore(store_dir, graph_name, limits=limits)
