"""CSV exports for spreadsheets: one table of nodes and one of edges.

UTF-8 with a byte-order mark (so that Excel reads Korean), one row per node or edge, one column per
property (lists joined with ` | `), and a leading `'` on any cell a spreadsheet would run as a
formula (`=`, `+`, `-`, `@`). Edges carry both ends' names beside their IRIs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from graph.store import GraphStore
from services.export.records import iter_edges, iter_nodes

NODE_COLUMNS = ["iri", "type", "name_ko", "name_en", "aliases", "labels", "sources"]
EDGE_COLUMNS = [
    "source",
    "source_name_ko",
    "source_name_en",
    "type",
    "target",
    "target_name_ko",
    "target_name_en",
    "roles",
    "evidence",
    "sources",
]


def cell(value: Any) -> str:
    """A value as spreadsheet-safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = " | ".join(cell(v) for v in value)
    else:
        text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        text = "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _table(rows: list[dict[str, Any]], first: list[str]) -> str:
    columns = first + sorted({k for row in rows for k in row} - set(first))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return "\ufeff" + buffer.getvalue()


def nodes_csv(nodes: Iterable[dict[str, Any]]) -> str:
    return _table(list(nodes), NODE_COLUMNS)


def edges_csv(edges: Iterable[dict[str, Any]], names: dict[str, dict[str, Any]]) -> str:
    rows = []
    for edge in edges:
        row = dict(edge)
        for end in ("source", "target"):
            node = names.get(edge[end], {})
            row[f"{end}_name_ko"] = node.get("name_ko")
            row[f"{end}_name_en"] = node.get("name_en")
        rows.append(row)
    return _table(rows, EDGE_COLUMNS)


def export_nodes_csv(store: GraphStore) -> str:
    return nodes_csv(iter_nodes(store))


def export_edges_csv(store: GraphStore) -> str:
    names = {n["iri"]: n for n in iter_nodes(store)}
    return edges_csv(iter_edges(store), names)
