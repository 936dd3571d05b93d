"""A bounded neighbourhood for the graph view: the most relevant entities around a centre, hop by hop.

Each hop is one `expand` read: every frontier entity takes at most `fanout` neighbours (the hop's scan
budget shared among the frontier), ranked by how many frontier entities link to them. A hop that is
not the last keeps at most half the room, so a hub's direct neighbours leave space for the second
hop; the leftovers of earlier hops fill any room left at the end. How each engine does these reads
(packed values, id bitsets) is its adapter's business; node handles are valid within one generation
of the graph, so a caller builds a view inside `graph.consistency.consistent`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.store import GraphReader, NodeHandle, ViewEdge, ViewNode

SCAN_BUDGET = 20_000  # neighbours taken per hop, shared among the frontier
MIN_FANOUT = 10  # neighbours taken from each frontier entity, at least


@dataclass
class Neighbourhood:
    iris: list[str]
    more: bool = False
    _spare: list[str] = field(default_factory=list)


def around(
    store: GraphReader,
    start: ViewNode,
    depth: int,
    types: list[str] | None,
    dates: dict[str, str | None],
    limit: int,
) -> Neighbourhood:
    """`start` (a view_nodes entry) and at most `limit - 1` entities within `depth` hops."""
    hood = Neighbourhood([start["iri"]])
    seen: set[NodeHandle] = {start["handle"]}
    frontier = [start["iri"]]
    for hop in range(depth):
        if not frontier:
            break
        room = max(0, limit - len(hood.iris))
        cap = room if hop == depth - 1 else math.ceil(room / 2)
        expandable = frontier[: SCAN_BUDGET // MIN_FANOUT]
        fanout = max(MIN_FANOUT, SCAN_BUDGET // len(expandable))
        rows = store.expand(
            expandable,
            seen,
            types=types,
            since=dates.get("since"),
            until=dates.get("until"),
            fanout=fanout,
            limit=room + 1,
        )
        if len(rows) > room or (rows and rows[0]["capped"]) or len(expandable) < len(frontier):
            hood.more = True
        taken = rows[:cap]
        hood.iris += [r["iri"] for r in taken]
        hood._spare += [r["iri"] for r in rows[cap:room]]
        seen.update(r["handle"] for r in taken)
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


def view_nodes(store: GraphReader, iris: Sequence[str]) -> dict[str, ViewNode]:
    """IRI → {iri, type, labels, name_ko, name_en, date, handle}."""
    return {node["iri"]: node for node in store.view_nodes(iris)}


def view_edges(
    store: GraphReader,
    iris: Sequence[str],
    handles: Sequence[NodeHandle],
    types: list[str] | None,
    limit: int,
) -> list[ViewEdge]:
    """(source, target, type, sources, evidence, roles) among the entities, at most `limit`."""
    return store.view_edges(iris, handles, types, limit)
