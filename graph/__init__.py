"""Graph stores: one small interface, two adapters (embedded FalkorDB, Neo4j), and a networkx projection."""

from graph.factory import open_store
from graph.store import (
    GraphStore,
    GraphWriter,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
)

__all__ = [
    "GraphStore",
    "GraphWriter",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "StoreError",
    "open_store",
]
