"""Cold timings of every analytics call (the cache is emptied before each), for `python -m bench --analytics`."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from graph.store import GraphStore
from services import analytics

CALLS: dict[str, Callable[[GraphStore], Any]] = {
    "people projection": lambda s: analytics.projection(s, "people"),
    "full projection": lambda s: analytics.projection(s, "full"),
    "centrality people": lambda s: analytics.centrality(s, "people"),
    "centrality full": lambda s: analytics.centrality(s, "full"),
    "communities people": lambda s: analytics.communities(s, "people"),
    "communities full": lambda s: analytics.communities(s, "full"),
    "brokers": analytics.brokers,
    "evolution": analytics.evolution,
}


def benchmark(store: GraphStore) -> dict[str, Any]:
    """Cold timings: the cache is cleared before every call, so each includes its reads from the store."""
    out: dict[str, Any] = {}
    for name, call in CALLS.items():
        analytics.clear_cache()
        started = time.perf_counter()
        value = call(store)
        out[name] = {"seconds": time.perf_counter() - started, "note": _note(value)}
    analytics.centrality(store, "people")
    started = time.perf_counter()
    analytics.centrality(store, "people")
    out["centrality people (cached)"] = {
        "seconds": time.perf_counter() - started,
        "note": "graph_version + lookup",
    }
    return out


def _note(value: Any) -> str:
    if isinstance(value, analytics.Projection):
        return f"{value.n} nodes, {value.edges} edges"
    if isinstance(value, dict) and "methods" in value:
        return f"{value['nodes']} nodes; betweenness {value['methods']['betweenness']}"
    if isinstance(value, dict) and value.get("method"):
        return str(value["method"])
    return ""
