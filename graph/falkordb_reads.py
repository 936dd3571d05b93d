"""FalkorDB's reads that need an engine trick: the packed graph view, id bitsets, joined id columns.

Each statement's comment (graph/cypher/falkordb/) gives its reason and the upstream issue:
- the graph view packs nodes and edges into one JSON text value (the driver parses a result value by
  value in Python); FalkorDB's toJSON does not escape '"' and '\\', so they travel as the stand-ins
  U+FFFF and U+FFFE, which `refuse_stand_ins` keeps out of the data;
- sets of internal ids travel as bitsets (FalkorDB's `IN` scans a list for every row);
- analytics id columns travel as one comma-joined string per column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

from graph.statements import identifier, statement
from graph.store import NodeHandle, QueryResult, Reached, ViewEdge, ViewNode
from ontology.errors import LoadRefused

Read = Callable[..., QueryResult]  # the store's read(cypher, params, *, timeout_ms=…)

QUOTE, BACKSLASH = "\uffff", "\ufffe"  # Unicode noncharacters: never text, refused in data at load
STAND_INS = {"quote": QUOTE, "backslash": BACKSLASH}
BITS = 31  # ids per integer of a bitset (exact in every engine's integer arithmetic)


def bitset(ids: Iterable[NodeHandle]) -> list[int] | None:
    """Internal node ids → the `seen` / `members` parameter (None for no ids)."""
    numbers = [int(i) for i in ids]
    if not numbers:
        return None
    words = [0] * (max(numbers) // BITS + 1)
    for i in numbers:
        words[i // BITS] |= 1 << (i % BITS)
    return words


def _unpack(value: Any) -> list[Any]:
    """A packed column: JSON text with the stand-ins turned back into escapes."""
    if not value:
        return []
    text = str(value).replace(BACKSLASH, "\\\\").replace(QUOTE, '\\"')
    return cast(list[Any], json.loads(text, strict=False))  # control characters arrive unescaped


def view_nodes(read: Read, iris: Sequence[str], timeout_ms: int | None) -> list[ViewNode]:
    params = {"iris": list(iris), **STAND_INS}
    rows = read(statement("falkordb", "view_nodes"), params, timeout_ms=timeout_ms).rows
    return cast(list[ViewNode], _unpack(rows[0][0]) if rows else [])


def view_edges(
    read: Read,
    iris: Sequence[str],
    members: Sequence[NodeHandle],
    types: Sequence[str] | None,
    limit: int,
    timeout_ms: int | None,
) -> list[ViewEdge]:
    params = {
        "iris": list(iris),
        "members": bitset(members),
        "types": list(types) if types else None,
        "limit": limit,
        **STAND_INS,
    }
    rows = read(statement("falkordb", "view_edges"), params, timeout_ms=timeout_ms).rows
    return [cast(ViewEdge, tuple(edge)) for edge in (_unpack(rows[0][0]) if rows else [])]


def expand(
    read: Read,
    frontier: Sequence[str],
    seen: Iterable[NodeHandle],
    types: Sequence[str] | None,
    dates: Mapping[str, str | None],
    fanout: int,
    limit: int,
    timeout_ms: int | None,
) -> list[Reached]:
    params: dict[str, Any] = {
        "frontier": list(frontier),
        "seen": bitset(seen),
        "since": dates.get("since"),
        "until": dates.get("until"),
        "fanout": fanout,
        "limit": limit,
    }
    name = "expand"
    if types:
        name, params["types"] = "expand_typed", list(types)
    result = read(statement("falkordb", name), params, timeout_ms=timeout_ms)
    return cast(list[Reached], result.records())


def _ints(joined: Any) -> list[int]:
    return [int(i) for i in str(joined).split(",")] if joined else []


def _union(template: str, branches: list[dict[str, str]]) -> str:
    parts = []
    for branch in branches:
        text = template
        for placeholder, value in branch.items():
            text = text.replace(placeholder, value)
        parts.append(text)
    return "\nUNION ALL\n".join(parts)


def ids_by_label(read: Read, labels: Sequence[str], timeout_ms: int | None) -> dict[str, list[int]]:
    if not labels:
        return {}
    template = statement("falkordb", "ids_by_label")
    cypher = _union(
        template,
        [{"__LABEL__": identifier(label), "__NAME__": label} for label in labels],
    )
    out: dict[str, list[int]] = {label: [] for label in labels}
    for label, joined in read(cypher, timeout_ms=timeout_ms).rows:
        out[label] = _ints(joined)
    return out


def id_pairs(
    read: Read, links: Sequence[tuple[str, str, str | None]], timeout_ms: int | None
) -> list[tuple[list[int], list[int]]]:
    if not links:
        return []
    branches = [
        {
            "__SOURCE__": identifier(source),
            "__TYPE__": identifier(type_),
            "__TARGET__": f":{identifier(target)}" if target else "",
            "__INDEX__": str(index),
        }
        for index, (source, type_, target) in enumerate(links)
    ]
    cypher = _union(statement("falkordb", "id_pairs"), branches)
    out: list[tuple[list[int], list[int]]] = [([], []) for _ in links]
    for index, sources, targets in read(cypher, timeout_ms=timeout_ms).rows:
        out[int(index)] = (_ints(sources), _ints(targets))
    return out


def id_years(
    read: Read, label: str, key: str, timeout_ms: int | None
) -> tuple[list[int], list[int]]:
    cypher = (
        statement("falkordb", "id_years")
        .replace("__LABEL__", identifier(label))
        .replace("__KEY__", identifier(key))
    )
    rows = read(cypher, timeout_ms=timeout_ms).rows
    joined_ids, joined_years = rows[0] if rows else ("", "")
    ids = _ints(joined_ids)
    years = str(joined_years).split(",") if ids else []
    return ids, [int(y) if y.isdigit() else -1 for y in years]


def describe_ids(
    read: Read, ids: Sequence[int], timeout_ms: int | None
) -> dict[int, dict[str, Any]]:
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return {}
    rows = read(statement("falkordb", "describe_ids"), {"ids": wanted}, timeout_ms=timeout_ms).rows
    return {
        int(i): {"iri": iri, "name_ko": ko, "name_en": en, "type": type_}
        for i, iri, ko, en, type_ in rows
    }


def ids_of(read: Read, iris: Sequence[str], timeout_ms: int | None) -> dict[str, int]:
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    rows = read(statement("falkordb", "ids_of"), {"iris": wanted}, timeout_ms=timeout_ms).rows
    return {str(iri): int(i) for iri, i in rows}


def refuse_stand_ins(params: Mapping[str, Any] | None) -> None:
    """Data must not hold the graph view's stand-ins (noncharacters, never text): refused at load."""
    if not params:
        return
    text = json.dumps(params, ensure_ascii=False, default=str)
    for char, name in ((QUOTE, "U+FFFF"), (BACKSLASH, "U+FFFE")):
        at = text.find(char)
        if at >= 0:
            context = text[max(0, at - 60) : at + 20].replace(char, f"<{name}>")
            raise LoadRefused(
                f"a text value holds {name}, a Unicode noncharacter the graph view uses internally; "
                f"remove it from the data (near: …{context}…)"
            )
