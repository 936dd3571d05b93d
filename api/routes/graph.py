"""The browser graph: nodes and edges around a centre (or the best-connected part of the graph) for vis-network."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Any

import pydantic_core
from fastapi import APIRouter, Query, Response

from api.deps import Ctx, resolve
from api.models import GraphOut, IsoDate, RelationshipType
from api.shared import NAMED_ERRORS, as_list, as_text_list, responses
from graph.store import GraphStore
from ontology.vocabulary import Vocabulary
from queries.cache import cached, consistent
from queries.library import run_query
from services.answers.neighbourhood import around, view_edges, view_nodes

router = APIRouter(prefix="/api", tags=["graph"])

MAX_DEPTH = 3
MAX_NODES = 2000
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
    limit: Annotated[
        int, Query(ge=1, le=MAX_NODES, description="Most nodes to return (the most relevant first)")
    ] = 150,
) -> Response:
    """Nodes (id = IRI, label, names, type, colour group) and edges (from, to, type, sources, evidence)."""
    type_names = sorted({t.value for t in types}) if types else None
    ask = functools.partial(
        graph_view, ctx.store, ctx.vocab, center, depth, type_names, since, until, limit
    )
    view = await ctx.run(consistent, ctx.store, ask)  # one whole graph version per answer
    # Built here in GraphOut's shape; thousands of nodes and edges are serialised in one pass
    # rather than validated model by model (the tests check the answers against the schema).
    return Response(pydantic_core.to_json(view), media_type="application/json")


def graph_view(
    store: GraphStore,
    vocab: Vocabulary,
    center: str | None,
    depth: int,
    types: list[str] | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> dict[str, Any]:
    """The view as plain data in GraphOut's shape."""
    dates = {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
    }
    if center and center.strip():
        start_iri = resolve(store, center)["iri"]
        start = view_nodes(store, [start_iri])[start_iri]
        hood = around(store, start, depth, types, dates, limit)
        order, more, center_iri = hood.iris, hood.more, start_iri
    else:
        key = (tuple(types) if types else None, dates["since"], dates["until"])
        rows = cached(store, "graph_overview", key, lambda: _overview(store, types, dates))
        more = len(rows) > limit
        order = [r["iri"] for r in rows[:limit]]
        center_iri = None

    details = view_nodes(store, order)
    edge_cap = max(limit * EDGES_PER_NODE, 100)
    edge_rows = view_edges(store, order, [r["id"] for r in details.values()], types, edge_cap + 1)
    edges_cut = len(edge_rows) > edge_cap
    infos: dict[str, Any] = {}
    nodes = [_node(details[iri], vocab, infos) for iri in order if iri in details]
    edges = [_edge(*row) for row in edge_rows[:edge_cap] if row[1] in details]
    truncated = more or edges_cut
    note = None
    if truncated:
        note = (
            f"showing {len(nodes)} nodes and {len(edges)} edges; more are connected: raise limit (at most "
            f"{MAX_NODES}), lower depth, or narrow with types, since and until"
        )
    return {
        "center": center_iri,
        "nodes": nodes,
        "edges": edges,
        "truncated": truncated,
        "note": note,
    }


def _overview(
    store: GraphStore, types: list[str] | None, dates: dict[str, str | None]
) -> list[dict[str, Any]]:
    """The best-connected entities, enough for the largest view (cached per graph version)."""
    params = {"limit": MAX_NODES + 1, **dates}
    if types:  # relationships of these types
        return run_query(store, "graph_overview", {**params, "types": types}).records()
    return run_query(store, "graph_overview_all", params).records()  # distinct neighbours


def _node(row: dict[str, Any], vocab: Vocabulary, infos: dict[str, Any]) -> dict[str, Any]:
    type_ = row["type"] or ""
    if type_ not in infos:
        infos[type_] = vocab.class_by_name(type_)
    info = infos[type_]
    label = row["name_ko"] or row["name_en"] or row["iri"].rsplit("/", 1)[-1]
    kind = (info.label_en or info.name) if info else (row["type"] or "entity")
    title = " / ".join(x for x in (row["name_ko"], row["name_en"]) if x) or row["iri"]
    return {
        "id": row["iri"],
        "label": label,
        "name_ko": row["name_ko"],
        "name_en": row["name_en"],
        "type": row["type"],
        "labels": as_list(row["labels"]),
        "group": info.group if info else "other",
        "color": info.color if info else None,
        "title": f"{title} ({kind})" + (f", {row['date']}" if row.get("date") else ""),
        "date": row.get("date"),
    }


def _edge(
    source: str, target: str, type_: str, sources: Any, evidence: Any, roles: Any
) -> dict[str, Any]:
    return {
        "id": f"{source}|{type_}|{target}",
        "from": source,
        "to": target,
        "type": type_,
        "label": type_,
        "roles": _texts(roles),
        "sources": _texts(sources),
        "evidence": _texts(evidence),
    }


def _texts(value: Any) -> list[Any]:
    """A list property as it arrives (items are text in the data), a scalar as a list."""
    if type(value) is list:
        return value
    return as_text_list(value)
