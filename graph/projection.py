"""A networkx projection of graph records (nodes keyed by IRI, one edge per relationship)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx


def to_networkx(
    nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]]
) -> nx.MultiDiGraph[str]:
    """Nodes keyed by IRI with their properties; one edge per relationship, keyed by its type."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node["iri"], **node)
    for edge in edges:
        graph.add_edge(edge["source"], edge["target"], key=edge["type"], **edge)
    return graph
