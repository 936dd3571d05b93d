"""Graph stores: a read-only view and a writer side, two adapters (embedded FalkorDB, Neo4j), each
keeping its engine's quirks inside; the console guard; and a networkx projection."""

from graph.factory import open_store
from graph.store import (
    GraphAdmin,
    GraphBackend,
    GraphCounts,
    GraphReader,
    GraphStore,
    GraphWriter,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    StoreBusy,
    StoreError,
    StoreUnavailable,
)

__all__ = [
    "GraphAdmin",
    "GraphBackend",
    "GraphCounts",
    "GraphReader",
    "GraphStore",
    "GraphWriter",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "open_store",
]
