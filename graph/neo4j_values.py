"""Neo4j's result values (graph types and its own temporal types) as plain data."""

from __future__ import annotations

from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

from graph import values


def plain(value: Any) -> Any:
    return values.plain(value, _convert)


def _convert(value: Any) -> Any:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return _relationship(value)
    if isinstance(value, Path):
        return {
            "nodes": [_node(n) for n in value.nodes],
            "relationships": [_relationship(r) for r in value.relationships],
        }
    if isinstance(value, Date | DateTime | Time):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    return NotImplemented


def _node(node: Node) -> dict[str, Any]:
    return {"id": node.element_id, "labels": sorted(node.labels), "properties": plain(dict(node))}


def _relationship(rel: Relationship) -> dict[str, Any]:
    start, end = rel.start_node, rel.end_node
    return {
        "id": rel.element_id,
        "type": rel.type,
        "start": start.element_id if start is not None else None,
        "end": end.element_id if end is not None else None,
        "properties": plain(dict(rel)),
    }
