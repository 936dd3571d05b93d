"""Pick the store from settings: Neo4j when NEO4J_URI is set, the embedded FalkorDB otherwise."""

from __future__ import annotations

from smekg.settings import Settings


def open_store(settings: Settings):
    if settings.neo4j_uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
        )
    from graph.falkordb_store import FalkorDBStore

    return FalkorDBStore(settings.store_dir, settings.graph_name)
