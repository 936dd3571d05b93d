"""Write a property graph into the store's fresh staging graph with batched, parameterised Cypher.

The staging graph starts empty and the mapping has already merged every node (by IRI) and every
relationship (by subject, type and object, with its sources and evidence), so plain
`UNWIND … CREATE` is enough: no MERGE look-ups. Statements go to `writer.run_all`, which the
embedded store pipelines. Labels and relationship types cannot be parameters in Cypher; they come
from the ontology's allow-list (class and property names), never from data values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from loaders.mapping import ENTITY_LABEL, EdgeRow, NodeRow, PropertyGraph
from loaders.provenance import FORMAT
from loaders.target import GraphWriter

GRAPH_INFO_LABEL = "GraphInfo"  # the one node that describes the load (version, time, counts)
Progress = Callable[[str, int, int], None]
Statement = tuple[str, dict[str, Any]]
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _safe(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"refusing to use {name!r} as a label, type or key")
    return name


def _batches(rows: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _split_dates(
    props: dict[str, Any], date_keys: set[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    if date_keys.isdisjoint(props):
        return props, {}
    plain = {k: v for k, v in props.items() if k not in date_keys}
    dates = {k: v for k, v in props.items() if k in date_keys}
    return plain, dates


def _date_assignments(var: str, rows: list[dict[str, Any]]) -> str:
    """`SET x.k = date(...)` for every date key present in the batch (lists become lists of dates)."""
    kinds: dict[str, bool] = {}
    for row in rows:
        for key, value in row.get("dates", {}).items():
            kinds[key] = kinds.get(key, False) or isinstance(value, list)
    parts = []
    for key, is_list in sorted(kinds.items()):
        key = _safe(key)
        expr = f"[d IN row.dates.{key} | date(d)]" if is_list else f"date(row.dates.{key})"
        parts.append(f"{var}.{key} = {expr}")
    return (", " + ", ".join(parts)) if parts else ""


def _row(key_values: dict[str, Any], props: dict[str, Any], date_keys: set[str]) -> dict[str, Any]:
    plain, dates = _split_dates(props, date_keys)
    row = {**key_values, "props": plain}
    if dates:
        row["dates"] = dates
    return row


def node_statements(
    nodes: list[NodeRow], date_keys: set[str], batch_size: int, progress: Progress | None = None
) -> Iterator[Statement]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        props = {**node.props, **node.internal} if node.internal else node.props
        groups[tuple(node.labels)].append(_row({"iri": node.iri}, props, date_keys))
    done = 0
    for labels, rows in sorted(groups.items()):
        label_list = ":".join(_safe(label) for label in dict.fromkeys((ENTITY_LABEL, *labels)))
        for batch in _batches(rows, batch_size):
            cypher = (
                f"UNWIND $rows AS row CREATE (n:{label_list}) SET n = row.props, n.iri = row.iri"
                + _date_assignments("n", batch)
            )
            yield cypher, {"rows": batch}
            done += len(batch)
            if progress:
                progress("nodes", done, len(nodes))


def edge_statements(
    edges: list[EdgeRow], date_keys: set[str], batch_size: int, progress: Progress | None = None
) -> Iterator[Statement]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        props = {**edge.props, **edge.internal} if edge.internal else edge.props
        groups[edge.type].append(_row({"s": edge.source, "o": edge.target}, props, date_keys))
    done = 0
    for edge_type, rows in sorted(groups.items()):
        for batch in _batches(rows, batch_size):
            cypher = (
                "UNWIND $rows AS row MATCH (a:Entity {iri: row.s}) MATCH (b:Entity {iri: row.o}) "
                f"CREATE (a)-[r:{_safe(edge_type)}]->(b) SET r = row.props"
                + _date_assignments("r", batch)
            )
            yield cypher, {"rows": batch}
            done += len(batch)
            if progress:
                progress("relationships", done, len(edges))


def write_graph_info(writer: GraphWriter, info: dict[str, Any]) -> None:
    """One :GraphInfo node describing this load (when, from what, how big): a graph version for caches."""
    writer.run(f"MERGE (g:{GRAPH_INFO_LABEL} {{key: 'current'}}) SET g += $info", {"info": info})


def write_property_graph(
    writer: GraphWriter,
    pg: PropertyGraph,
    info: dict[str, Any],
    batch_size: int,
    progress: Progress | None = None,
) -> None:
    """Nodes first (every relationship's ends must exist), then relationships, then the version node."""
    writer.run_all(node_statements(list(pg.nodes.values()), pg.date_keys, batch_size, progress))
    writer.run_all(edge_statements(pg.edges, pg.date_keys, batch_size, progress))
    write_graph_info(writer, {**info, "provenance": FORMAT})
