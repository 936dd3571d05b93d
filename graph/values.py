"""Turn driver values (nodes, relationships, paths, temporal types) into plain JSON-ready data."""

from __future__ import annotations

import datetime as dt
from typing import Any


def plain(value: Any) -> Any:
    """Recursively convert a FalkorDB or Neo4j result value to dicts, lists, strings and numbers."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    converter = _converter_for(value)
    if converter is not None:
        return converter(value)
    return str(value)


def _converter_for(value: Any):
    module = type(value).__module__
    name = type(value).__name__
    if module.startswith("falkordb"):
        return {"Node": _falkor_node, "Edge": _falkor_edge, "Path": _falkor_path}.get(name)
    if module.startswith("neo4j"):
        if name in ("Node",):
            return _neo4j_node
        if name == "Path":
            return _neo4j_path
        if hasattr(value, "start_node") and hasattr(value, "type"):
            return _neo4j_relationship
        if hasattr(value, "iso_format"):
            return lambda v: v.iso_format()
    return None


def _falkor_node(node: Any) -> dict[str, Any]:
    return {
        "id": str(node.id),
        "labels": list(node.labels or []),
        "properties": plain(dict(node.properties or {})),
    }


def _falkor_edge(edge: Any) -> dict[str, Any]:
    src = edge.src_node.id if hasattr(edge.src_node, "id") else edge.src_node
    dst = edge.dest_node.id if hasattr(edge.dest_node, "id") else edge.dest_node
    return {
        "id": str(edge.id),
        "type": edge.relation,
        "start": str(src),
        "end": str(dst),
        "properties": plain(dict(edge.properties or {})),
    }


def _falkor_path(path: Any) -> dict[str, Any]:
    return {
        "nodes": [_falkor_node(n) for n in path.nodes()],
        "relationships": [_falkor_edge(e) for e in path.edges()],
    }


def _neo4j_node(node: Any) -> dict[str, Any]:
    return {"id": node.element_id, "labels": sorted(node.labels), "properties": plain(dict(node))}


def _neo4j_relationship(rel: Any) -> dict[str, Any]:
    return {
        "id": rel.element_id,
        "type": rel.type,
        "start": rel.start_node.element_id,
        "end": rel.end_node.element_id,
        "properties": plain(dict(rel)),
    }


def _neo4j_path(path: Any) -> dict[str, Any]:
    return {
        "nodes": [_neo4j_node(n) for n in path.nodes],
        "relationships": [_neo4j_relationship(r) for r in path.relationships],
    }
