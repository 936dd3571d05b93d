"""A bounded neighbourhood for the graph view: the most relevant entities around a centre, hop by hop.

Each hop is one `graph_expand` query: every frontier entity takes at most `fanout` neighbours (the
hop's scan budget shared among the frontier), ranked by how many frontier entities link to them. A
hop that is not the last keeps at most half the room, so a hub's direct neighbours leave space for
the second hop; the leftovers of earlier hops fill any room left at the end. Node and relationship
details come back packed in one value each (graph_view_nodes, graph_view_edges).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.store import GraphStore
from queries.library import run_query

SCAN_BUDGET = 20_000  # neighbours taken per hop, shared among the frontier
MIN_FANOUT = 10  # neighbours taken from each frontier entity, at least
BITS = 31  # internal ids per integer in the bitsets the queries take (exact in every engine)
QUOTE, BACKSLASH = "\uffff", "\ufffe"  # noncharacters, never in text: graph_view_* stand-ins
STAND_INS = {"quote": QUOTE, "backslash": BACKSLASH}


def bitset(ids: Iterable[int]) -> list[int] | None:
    """Internal node ids → the `seen` / `members` parameter of graph_expand and graph_edges."""
    ids = list(ids)
    if not ids:
        return None
    words = [0] * (max(ids) // BITS + 1)
    for i in ids:
        words[i // BITS] |= 1 << (i % BITS)
    return words


@dataclass
class Neighbourhood:
    iris: list[str]
    more: bool = False
    _spare: list[str] = field(default_factory=list)


def around(
    store: GraphStore,
    start: dict[str, Any],
    depth: int,
    types: list[str] | None,
    dates: dict[str, str | None],
    limit: int,
) -> Neighbourhood:
    """`start` (a view_nodes entry: iri, id) and at most `limit - 1` entities within `depth` hops."""
    hood = Neighbourhood([start["iri"]])
    seen, frontier = {start["id"]}, [start["iri"]]
    for hop in range(depth):
        if not frontier:
            break
        room = max(0, limit - len(hood.iris))
        cap = room if hop == depth - 1 else math.ceil(room / 2)
        expandable = frontier[: SCAN_BUDGET // MIN_FANOUT]
        fanout = max(MIN_FANOUT, SCAN_BUDGET // len(expandable))
        name, extra = ("graph_expand_typed", {"types": types}) if types else ("graph_expand", {})
        params = {"frontier": expandable, "seen": bitset(seen), "fanout": fanout, "limit": room + 1}
        rows = run_query(store, name, {**params, **extra, **dates}).records()
        if len(rows) > room or (rows and rows[0]["capped"]) or len(expandable) < len(frontier):
            hood.more = True
        taken = rows[:cap]
        hood.iris += [r["iri"] for r in taken]
        hood._spare += [r["iri"] for r in rows[cap:room]]
        seen.update(r["id"] for r in taken)
        frontier = [r["iri"] for r in taken]
    _backfill(hood, limit)
    return hood


def _backfill(hood: Neighbourhood, limit: int) -> None:
    """Room left after the last hop goes to earlier hops' leftovers, strongest first."""
    shown = set(hood.iris)
    spare = [iri for iri in dict.fromkeys(hood._spare) if iri not in shown]
    room = max(0, limit - len(hood.iris))
    hood.iris += spare[:room]
    if len(spare) > room:
        hood.more = True


def view_nodes(store: GraphStore, iris: list[str]) -> dict[str, dict[str, Any]]:
    """IRI → {iri, type, labels, name_ko, name_en, date, id}, through one packed value."""
    rows = run_query(store, "graph_view_nodes", {"iris": iris, **STAND_INS}).rows
    return {node["iri"]: node for node in (_unpack(rows[0][0]) if rows else [])}


def view_edges(
    store: GraphStore, iris: list[str], ids: list[int], types: list[str] | None, limit: int
) -> list[list[Any]]:
    """[source, target, type, sources, evidence, roles] among the entities, at most `limit`."""
    params = {"iris": iris, "members": bitset(ids), "types": types, "limit": limit}
    rows = run_query(store, "graph_view_edges", {**params, **STAND_INS}).rows
    try:
        return _unpack(rows[0][0]) if rows else []
    except json.JSONDecodeError:  # a quote or backslash in an IRI or article id: plain rows
        plain = run_query(store, "graph_edges", params).rows
        return [[s, t, ty, src or [], ev or [], ro or []] for s, t, ty, src, ev, ro in plain]


def _unpack(value: Any) -> list[Any]:
    """A packed column: JSON text from FalkorDB (stand-ins back to escapes), a list from Neo4j."""
    if isinstance(value, str):
        text = value.replace(BACKSLASH, "\\\\").replace(QUOTE, '\\"')
        return json.loads(text, strict=False)  # control characters arrive unescaped
    return value or []
