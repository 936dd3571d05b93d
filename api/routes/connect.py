"""How are A and B connected? (`GET /api/connect?a=&b=`): the shortest chains of meetings, posts,
memberships and agreements between two entities, each step with its quotes and sources; the events
both took part in; and, for two organisations, the people, events and agreements that interlock them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import Ctx, resolve
from api.models import Chain, ConnectOut
from api.routes.meetings import hops, shared_events
from api.routes.organizations import interlocks
from api.shared import (
    NAMED_ERRORS,
    SourceBook,
    as_list,
    path_of,
    responses,
    summary,
)
from graph.store import GraphStore
from ontology.errors import BadInput
from queries.library import run_query

router = APIRouter(prefix="/api", tags=["meetings"])

MAX_HOPS = 6  # the bound written in meeting_path.cypher
NameParam = Query(
    min_length=1,
    max_length=300,
    description="IRI (full or `id:…`), Korean or English name, or alias",
)


@router.get("/connect", response_model=ConnectOut, responses=responses(*NAMED_ERRORS))
async def get_connect(
    ctx: Ctx,
    a: Annotated[str, NameParam],
    b: Annotated[str, NameParam],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="Longest chain")] = MAX_HOPS,
    limit: Annotated[int, Query(ge=1, le=20, description="Most chains")] = 5,
) -> ConnectOut:
    """Shortest chains (each step with evidence and sources), shared events, and interlocks."""
    return await ctx.run(connect, ctx.store, a, b, max_hops, limit)


def connect(store: GraphStore, a_text: str, b_text: str, max_hops: int, limit: int) -> ConnectOut:
    a, b = resolve(store, a_text), resolve(store, b_text)
    if a["iri"] == b["iri"]:
        raise BadInput(f"{a_text!r} and {b_text!r} are the same entity <{a['iri']}>")
    book = SourceBook(store)
    rows = run_query(
        store,
        "meeting_path",
        {"a": a["iri"], "b": b["iri"], "max_hops": max_hops, "limit": limit * 4},
    ).records()
    chains: list[Chain] = []
    seen: set[tuple[str, ...]] = set()
    for row in rows:
        key = tuple(f"{e['source']}|{e['type']}|{e['target']}" for e in row["edges"])
        if key in seen:
            continue
        seen.add(key)
        book.load(s for e in row["edges"] for s in as_list((e.get("props") or {}).get("sources")))
        chains.append(_chain(row, book))
        if len(chains) >= limit:
            break
    agents = "Agent" in a["labels"] and "Agent" in b["labels"]
    shared = shared_events(store, a["iri"], b["iri"], book) if agents else []
    organisations = "Organization" in a["labels"] and "Organization" in b["labels"]
    links = interlocks(store, a["iri"], b["iri"]) if organisations else None
    if chains:
        note = f"{len(chains)} shortest chain(s) of {chains[0].length} step(s)" + (
            f"; they took part in {len(shared)} event(s) together" if shared else ""
        )
    else:
        note = f"no chain of meetings, posts, memberships or agreements of up to {max_hops} steps"
    return ConnectOut(
        a=summary(a),
        b=summary(b),
        max_hops=max_hops,
        chains=chains,
        shared_events=shared,
        interlocks=links,
        note=note,
    )


def _chain(row: dict[str, Any], book: SourceBook) -> Chain:
    nodes, edges = path_of(row)
    return Chain(
        length=len(edges), nodes=nodes, edges=edges, hops=hops(row["nodes"], row["edges"], book)
    )
