"""Shortest paths between two entities, as node and edge lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Ctx, resolve
from api.models import PathOut, PathsOut
from api.shared import NAMED_ERRORS, path_of, responses, summary
from graph.store import GraphReader
from ontology.errors import BadInput
from queries.library import run_query

router = APIRouter(prefix="/api", tags=["paths"])

MAX_HOPS = 6  # the bound written in shortest_paths.cypher


@router.get("/paths", response_model=PathsOut, responses=responses(*NAMED_ERRORS))
async def get_paths(
    ctx: Ctx,
    from_: Annotated[
        str,
        Query(alias="from", min_length=1, max_length=300, description="Start: IRI, name or alias"),
    ],
    to: Annotated[str, Query(min_length=1, max_length=300, description="End: IRI, name or alias")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="Longest path to return")] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="Most paths to return")] = 10,
) -> PathsOut:
    """All shortest paths (either direction, any relationship) of at most `max_hops` steps."""
    return await ctx.run(paths, ctx.store, from_, to, max_hops, limit)


def paths(store: GraphReader, from_text: str, to_text: str, max_hops: int, limit: int) -> PathsOut:
    start = resolve(store, from_text)
    end = resolve(store, to_text)
    if start["iri"] == end["iri"]:
        raise BadInput(f"{from_text!r} and {to_text!r} are the same entity <{start['iri']}>")
    rows = run_query(
        store,
        "shortest_paths",
        {"a": start["iri"], "b": end["iri"], "max_hops": max_hops, "limit": limit},
    ).records()
    found = []
    for row in rows:
        nodes, edges = path_of(row)
        found.append(PathOut(length=len(edges), nodes=nodes, edges=edges))
    return PathsOut(from_=summary(start), to=summary(end), max_hops=max_hops, paths=found)
