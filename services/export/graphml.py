"""GraphML export (for Gephi, yEd, networkx): the stored graph as a networkx projection."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from graph.projection import to_networkx
from graph.store import GraphStore
from services.export.records import iter_edges, iter_nodes


def stored_networkx(store: GraphStore) -> nx.MultiDiGraph[str]:
    """The whole stored graph as a networkx multigraph (nodes keyed by IRI)."""
    return to_networkx(iter_nodes(store), iter_edges(store))


def _graphml_value(value: Any) -> Any:
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


def to_graphml_ready(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """GraphML holds scalars only: lists become ' | '-joined strings."""
    ready: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        ready.add_node(node, **{k: _graphml_value(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        ready.add_edge(source, target, key=key, **{k: _graphml_value(v) for k, v in data.items()})
    return ready


def export_graphml(store: GraphStore) -> str:
    """The stored graph as a GraphML document."""
    buffer = io.BytesIO()
    nx.write_graphml(to_graphml_ready(stored_networkx(store)), buffer)
    return buffer.getvalue().decode("utf-8")
