"""FalkorDB's result values (falkordb-py's Node, Edge and Path) as plain data."""

from __future__ import annotations

from typing import Any

from falkordb import Edge, Node, Path

from graph import values


def plain(value: Any) -> Any:
    return values.plain(value, _convert)


def _convert(value: Any) -> Any:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Edge):
        return _edge(value)
    if isinstance(value, Path):
        return {
            "nodes": [_node(n) for n in value.nodes()],
            "relationships": [_edge(e) for e in value.edges()],
        }
    return NotImplemented


def _node(node: Any) -> dict[str, Any]:
    return {
        "id": str(node.id),
        "labels": list(node.labels or []),
        "properties": plain(dict(node.properties or {})),
    }


def _edge(edge: Any) -> dict[str, Any]:
    src = edge.src_node.id if hasattr(edge.src_node, "id") else edge.src_node
    dst = edge.dest_node.id if hasattr(edge.dest_node, "id") else edge.dest_node
    return {
        "id": str(edge.id),
        "type": edge.relation,
        "start": str(src),
        "end": str(dst),
        "properties": plain(dict(edge.properties or {})),
    }
