"""The browser graph: nodes and edges around a centre (or the best-connected part of the graph) for vis-network."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import Ctx, resolve
from api.models import GraphOut, IsoDate, RelationshipType, VisEdge, VisNode
from api.shared import NAMED_ERRORS, as_list, as_text_list, responses
from graph.store import GraphStore
from ontology.vocabulary import Vocabulary
from queries.library import run_query

router = APIRouter(prefix="/api", tags=["graph"])

MAX_DEPTH = 3
EDGES_PER_NODE = 10


@router.get("/graph", response_model=GraphOut, responses=responses(*NAMED_ERRORS))
async def get_graph(
    ctx: Ctx,
    center: Annotated[
        str | None,
        Query(
            max_length=300,
            description="Centre entity (IRI, name or alias); omit for an overview of the best-connected entities",
        ),
    ] = None,
    depth: Annotated[
        int, Query(ge=1, le=MAX_DEPTH, description="Relationships to follow out from the centre")
    ] = 1,
    types: Annotated[
        list[RelationshipType] | None,
        Query(description="Only these relationship types (repeatable)"),
    ] = None,
    since: Annotated[
        IsoDate | None, Query(description="Leave out events and articles dated before this")
    ] = None,
    until: Annotated[
        IsoDate | None, Query(description="Leave out events and articles dated after this")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most nodes to return")] = 150,
) -> GraphOut:
    """Nodes (id = IRI, label, names, type, colour group) and edges (from, to, type, sources, evidence)."""
    type_names = sorted({t.value for t in types}) if types else None
    return await ctx.run(
        graph_view,
        ctx.store,
        ctx.vocab,
        center,
        depth,
        type_names,
        since,
        until,
        min(limit, ctx.settings.max_rows),
    )


def graph_view(
    store: GraphStore,
    vocab: Vocabulary,
    center: str | None,
    depth: int,
    types: list[str] | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> GraphOut:
    dates = {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
    }
    more = False
    if center and center.strip():
        start = resolve(store, center)["iri"]
        order, seen, frontier = [start], {start}, [start]
        for _ in range(depth):
            if not frontier:
                break
            room = limit - len(order)
            found = [
                r["iri"]
                for r in run_query(
                    store,
                    "graph_neighbours",
                    {
                        "frontier": frontier,
                        "seen": sorted(seen),
                        "types": types,
                        "limit": room + 1,
                        **dates,
                    },
                ).records()
            ]
            if len(found) > room:
                more, found = True, found[:room]
            if not found:
                break
            order += found
            seen.update(found)
            frontier = found
        center_iri: str | None = start
    else:
        rows = run_query(
            store, "graph_overview", {"types": types, "limit": limit + 1, **dates}
        ).records()
        more = len(rows) > limit
        order = [r["iri"] for r in rows[:limit]]
        center_iri = None

    details = {r["iri"]: r for r in run_query(store, "graph_nodes", {"iris": order}).records()}
    nodes = [_node(details[iri], vocab) for iri in order if iri in details]
    edge_cap = max(limit * EDGES_PER_NODE, 100)
    edge_rows = run_query(
        store, "graph_edges", {"iris": order, "types": types, "limit": edge_cap + 1}
    ).records()
    edges_cut = len(edge_rows) > edge_cap
    edges = [_edge(row) for row in edge_rows[:edge_cap]]
    truncated = more or edges_cut
    note = None
    if truncated:
        note = (
            f"showing {len(nodes)} nodes and {len(edges)} edges; more are connected: raise limit (at most "
            "1000), lower depth, or narrow with types, since and until"
        )
    return GraphOut(center=center_iri, nodes=nodes, edges=edges, truncated=truncated, note=note)


def _node(row: dict[str, Any], vocab: Vocabulary) -> VisNode:
    info = vocab.class_by_name(row["type"] or "")
    label = row["name_ko"] or row["name_en"] or row["iri"].rsplit("/", 1)[-1]
    kind = (info.label_en or info.name) if info else (row["type"] or "entity")
    title = " / ".join(x for x in (row["name_ko"], row["name_en"]) if x) or row["iri"]
    return VisNode(
        id=row["iri"],
        label=label,
        name_ko=row["name_ko"],
        name_en=row["name_en"],
        type=row["type"],
        labels=as_list(row["labels"]),
        group=info.group if info else "other",
        color=info.color if info else None,
        title=f"{title} ({kind})" + (f", {row['date']}" if row.get("date") else ""),
        date=row.get("date"),
    )


def _edge(row: dict[str, Any]) -> VisEdge:
    return VisEdge(
        id=f"{row['source']}|{row['type']}|{row['target']}",
        from_=row["source"],
        to=row["target"],
        type=row["type"],
        label=row["type"],
        roles=as_text_list(row["roles"]),
        sources=as_text_list(row["sources"]),
        evidence=as_text_list(as_list(row["evidence"])),
    )
