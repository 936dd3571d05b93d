"""Network analytics: centrality, communities, brokers and the ecosystem year by year, cached per graph version."""

from services.analytics.brokers import brokers
from services.analytics.data import (
    PROJECTIONS,
    Projection,
    cached_versions,
    clear_cache,
    graph_version,
    projection,
)
from services.analytics.measures import centrality, communities, evolution

__all__ = [
    "PROJECTIONS",
    "Projection",
    "brokers",
    "cached_versions",
    "centrality",
    "clear_cache",
    "communities",
    "evolution",
    "graph_version",
    "projection",
]
