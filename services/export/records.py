"""Read the whole graph out of a store, a page at a time, as plain node and edge dicts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.store import GraphStore
from loaders.provenance import is_internal

PAGE = 5000
INTERNAL_KEYS = {"search_text"}  # and the bookkeeping keys starting with `_` (loaders.provenance)


def iter_nodes(store: GraphStore) -> Iterator[dict[str, Any]]:
    from queries.library import run_query

    skip = 0
    while True:
        rows = run_query(store, "export_nodes", {"skip": skip, "limit": PAGE}).rows
        for labels, props in rows:
            node = {
                "iri": props.get("iri"),
                "labels": labels,
                "name_ko": props.get("name_ko"),
                "name_en": props.get("name_en"),
                "aliases": props.get("aliases", []),
            }
            node.update(
                {
                    k: v
                    for k, v in sorted(props.items())
                    if k not in node and k not in INTERNAL_KEYS and not is_internal(k)
                }
            )
            yield node
        if len(rows) < PAGE:
            return
        skip += PAGE


def iter_edges(store: GraphStore) -> Iterator[dict[str, Any]]:
    from queries.library import run_query

    skip = 0
    while True:
        rows = run_query(store, "export_edges", {"skip": skip, "limit": PAGE}).rows
        for source, target, type_, props in rows:
            edge = {
                "source": source,
                "target": target,
                "type": type_,
                "sources": props.get("sources", []),
                "evidence": props.get("evidence", []),
            }
            edge.update(
                {k: v for k, v in sorted(props.items()) if k not in edge and not is_internal(k)}
            )
            yield edge
        if len(rows) < PAGE:
            return
        skip += PAGE


def export_json(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    return {"nodes": list(iter_nodes(store)), "edges": list(iter_edges(store))}
