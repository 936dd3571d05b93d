"""Service endpoints: health (store and graph version) and the ontology file."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse

from api.deps import Ctx
from api.models import HealthOut
from api.shared import responses
from graph.store import GraphCounts, GraphReader, StoreError
from ontology.vocabulary import ONTOLOGY_PATH
from queries.library import run_query

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=HealthOut, responses=responses(408, 503))
async def healthz(ctx: Ctx) -> HealthOut | JSONResponse:
    """The store kind, the loaded graph's version, and its entity and relationship counts as read
    from the live graph (503 when the graph is missing or the store is down or restarting)."""
    graph = ctx.store.graph_name
    try:
        found = await ctx.run(_health, ctx.store)
    except StoreError as exc:
        body = HealthOut(status="empty", store=ctx.store.kind, graph=graph)
        return JSONResponse(
            status_code=503,
            content={**body.model_dump(), "detail": str(exc)},
            headers={"Retry-After": "1"},
        )
    if found is None:
        body = HealthOut(status="empty", store=ctx.store.kind, graph=graph)
        return JSONResponse(
            status_code=503,
            content={**body.model_dump(), "detail": "the graph is empty: run `smekg load`"},
        )
    info, counts = found
    return HealthOut(
        status="ok",
        store=ctx.store.kind,
        graph=graph,
        version=info["version"],
        loaded_at=info["loaded_at"],
        node_count=counts.nodes,
        edge_count=counts.relationships,
    )


def _health(store: GraphReader) -> tuple[dict[str, Any], GraphCounts] | None:
    """The version record and the live counts (read within one generation by Context.run)."""
    rows = run_query(store, "graph_version").records()
    return (rows[0], store.counts()) if rows else None


@router.get(
    "/ontology.ttl",
    response_class=FileResponse,
    responses={200: {"content": {"text/turtle": {}}, "description": "The OWL ontology in Turtle"}},
)
async def ontology() -> FileResponse:
    """The ontology (classes, relationship types, labels in Korean and English) as Turtle."""
    return FileResponse(
        ONTOLOGY_PATH,
        media_type="text/turtle; charset=utf-8",
        filename="smekg.ttl",
        content_disposition_type="inline",
    )
