"""Network analytics: GET /api/analytics/{centrality,communities,brokers,evolution}.

Computed with services/analytics/measures.py on the people co-participation projection or the full
meeting-and-affiliation graph, cached per graph version; exact on small graphs, sampled on large ones,
and every answer says which (`sampled`, `sample_size`/`government_sample`, `methods`/`method`). A cold
call on a large graph can take seconds, so it runs in a worker thread with its own limit
(ANALYTICS_LIMIT_S) rather than the query time limit; the event loop keeps serving meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Ctx
from ontology.errors import QueryTimeout
from services import analytics
from services.analytics import caveats

router = APIRouter(prefix="/api/analytics", tags=["analytics"])


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Caveat(BaseModel):
    """What the table beside it cannot tell (a degenerate measure, a broker made by one edge…)."""

    measure: str
    level: Literal["warning", "note"]
    en: str
    ko: str


class Ranked(_Open):
    """An entity with its score(s) and degree."""

    iri: str
    name_ko: str | None = None
    name_en: str | None = None
    type: str | None = None


class Centrality(_Open):
    projection: str
    nodes: int
    edges: int
    degree: list[Ranked]
    betweenness: list[Ranked]
    eigenvector: list[Ranked]
    betweenness_sample: int | None = None
    betweenness_exact: bool = True
    sampled: bool = False
    sample_size: int | None = None
    methods: dict[str, str] = {}
    seconds: float
    caveats: list[Caveat] = []


class Communities(_Open):
    projection: str
    count: int
    modularity: float | None = None
    communities: list[dict[str, Any]]
    seed: int | None = None
    method: str | None = None
    sampled: bool = False
    seconds: float
    caveats: list[Caveat] = []


class Brokers(_Open):
    government_bodies: int
    foreign_partners: int
    nodes: int
    method: str | None = None
    sampled: bool = False
    government_sample: int | None = None
    candidates: int | None = None
    brokers: list[Ranked]
    seconds: float
    caveats: list[Caveat] = []


class Year(_Open):
    year: int
    events: int
    people: int
    organisations: int
    new_people: int
    returning_people: int
    repeat_attendees: int


class Evolution(_Open):
    years: list[Year]
    undated_participations: int
    sampled: bool = False
    seconds: float
    caveats: list[Caveat] = []


ANALYTICS_LIMIT_S = 60
ALL = 10**9  # every community and every member
Projection = Literal["people", "full"]


async def _run[T](fn: Callable[..., T], *args: Any) -> T:
    try:
        with anyio.fail_after(ANALYTICS_LIMIT_S):
            return await anyio.to_thread.run_sync(lambda: fn(*args), abandon_on_cancel=True)
    except TimeoutError as exc:
        raise QueryTimeout(
            f"analytics took longer than {ANALYTICS_LIMIT_S} s; retry later (the result is cached when done)",
        ) from exc


@router.get("/centrality", response_model=Centrality)
async def get_centrality(
    ctx: Ctx, projection: Projection = "people", top: Annotated[int, Query(ge=1, le=200)] = 20
) -> dict[str, Any]:
    """Degree, betweenness (exact, or sampled from `sample_size` sources) and eigenvector centrality;
    `methods` says how each was computed."""
    result = await _run(analytics.centrality, ctx.store, projection, top)
    return {**result, "caveats": await _run(caveats.centrality, result, ctx.store)}


@router.get("/communities", response_model=Communities)
async def get_communities(
    ctx: Ctx,
    projection: Projection = "people",
    seed: Annotated[int, Query(ge=0)] = 42,
    top: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Louvain communities (seeded), largest first, with their best-connected members and the modularity;
    `method` names the Louvain variant (networkx's, or the vectorised one on large graphs)."""
    result = await _run(analytics.communities, ctx.store, projection, seed, top)
    return {**result, "caveats": await _run(caveats.communities, result, ctx.store)}


class Membership(BaseModel):
    iri: str
    community: int = Field(description="Index of the community, largest first (as in /communities)")


class Memberships(BaseModel):
    projection: str
    count: int
    members: list[Membership]


@router.get("/communities/members", response_model=Memberships)
async def get_community_members(
    ctx: Ctx, projection: Projection = "full", seed: Annotated[int, Query(ge=0)] = 42
) -> dict[str, Any]:
    """Every entity of the projection with the index of its Louvain community (what the graph
    explorer colours nodes by)."""
    result = await _run(analytics.communities, ctx.store, projection, seed, ALL, ALL)
    members = [
        {"iri": m["iri"], "community": c["id"]}
        for c in result["communities"]
        for m in c["members"]
        if m.get("iri")
    ]
    return {"projection": projection, "count": result["count"], "members": members}


@router.get("/brokers", response_model=Brokers)
async def get_brokers(ctx: Ctx, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """People or organisations whose removal most disconnects or lengthens government↔foreign-partner paths;
    on large graphs from a sample of `government_sample` government bodies (`sampled`)."""
    result = await _run(analytics.brokers, ctx.store, top)
    return {**result, "caveats": await _run(caveats.brokers, result, ctx.store)}


@router.get("/evolution", response_model=Evolution)
async def get_evolution(ctx: Ctx) -> dict[str, Any]:
    """Year by year: events, people and organisations taking part, newcomers, returning and repeat attendees."""
    result = await _run(analytics.evolution, ctx.store)
    return {**result, "caveats": caveats.evolution(result)}
