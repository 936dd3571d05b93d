"""Write a property graph through a store's writer with batched, parameterised UNWIND … MERGE.

Labels and relationship types cannot be parameters in Cypher; they come from the ontology's
allow-list (class and property names), never from data values.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable, Iterable

from graph.store import GraphWriter
from loaders.mapping import EdgeRow, NodeRow, PropertyGraph

Progress = Callable[[str, int, int], None]
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _safe(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"refusing to use {name!r} as a label, type or key")
    return name


def _batches(rows: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _split_dates(props: dict[str, Any], date_keys: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    plain = {k: v for k, v in props.items() if k not in date_keys}
    dates = {k: v for k, v in props.items() if k in date_keys}
    return plain, dates


def _date_assignments(var: str, rows: list[dict[str, Any]]) -> str:
    """`SET x.k = date(...)` for every date key present in the batch (lists become lists of dates)."""
    kinds: dict[str, bool] = {}
    for row in rows:
        for key, value in row["dates"].items():
            kinds[key] = kinds.get(key, False) or isinstance(value, list)
    parts = []
    for key, is_list in sorted(kinds.items()):
        key = _safe(key)
        expr = f"[d IN row.dates.{key} | date(d)]" if is_list else f"date(row.dates.{key})"
        parts.append(f"{var}.{key} = {expr}")
    return (" SET " + ", ".join(parts)) if parts else ""


def write_nodes(writer: GraphWriter, nodes: list[NodeRow], date_keys: set[str], batch_size: int,
                progress: Progress | None = None) -> None:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        props, dates = _split_dates(node.props, date_keys)
        groups[tuple(node.labels)].append({"iri": node.iri, "props": props, "dates": dates})
    done = 0
    for labels, rows in sorted(groups.items()):
        extra = [_safe(label) for label in labels if label != "Entity"]
        set_labels = f" SET n:{':'.join(extra)}" if extra else ""
        for batch in _batches(rows, batch_size):
            cypher = (
                "UNWIND $rows AS row MERGE (n:Entity {iri: row.iri}) SET n += row.props"
                + set_labels
                + _date_assignments("n", batch)
            )
            writer.run(cypher, {"rows": batch})
            done += len(batch)
            if progress:
                progress("nodes", done, len(nodes))


def write_edges(writer: GraphWriter, edges: list[EdgeRow], date_keys: set[str], batch_size: int,
                progress: Progress | None = None) -> None:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        props, dates = _split_dates(edge.props, date_keys)
        groups[edge.type].append({"s": edge.source, "o": edge.target, "props": props, "dates": dates})
    done = 0
    for edge_type, rows in sorted(groups.items()):
        for batch in _batches(rows, batch_size):
            cypher = (
                "UNWIND $rows AS row MATCH (a:Entity {iri: row.s}) MATCH (b:Entity {iri: row.o}) "
                f"MERGE (a)-[r:{_safe(edge_type)}]->(b) SET r += row.props"
                + _date_assignments("r", batch)
            )
            writer.run(cypher, {"rows": batch})
            done += len(batch)
            if progress:
                progress("relationships", done, len(edges))


def write_graph_info(writer: GraphWriter, info: dict[str, Any]) -> None:
    """One :GraphInfo node describing this load (when, from what, how big): a graph version for caches."""
    writer.run("MERGE (g:GraphInfo {key: 'current'}) SET g += $info", {"info": info})


def write_property_graph(writer: GraphWriter, pg: PropertyGraph, info: dict[str, Any], batch_size: int,
                         progress: Progress | None = None) -> None:
    write_nodes(writer, list(pg.nodes.values()), pg.date_keys, batch_size, progress)
    write_edges(writer, pg.edges, pg.date_keys, batch_size, progress)
    write_graph_info(writer, info)
