"""A networkx projection of the stored graph, for analytics and GraphML export."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.export import iter_edges, iter_nodes
from graph.store import GraphStore


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Nodes keyed by IRI with their properties; one edge per relationship, keyed by its type."""
    graph = nx.MultiDiGraph()
    for node in iter_nodes(store):
        graph.add_node(node["iri"], **node)
    for edge in iter_edges(store):
        graph.add_edge(edge["source"], edge["target"], key=edge["type"], **edge)
    return graph


def _graphml_value(value: Any) -> Any:
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


def to_graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML holds scalars only: lists become ' | '-joined strings."""
    ready = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        ready.add_node(node, **{k: _graphml_value(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        ready.add_edge(source, target, key=key, **{k: _graphml_value(v) for k, v in data.items()})
    return ready
