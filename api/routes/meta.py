"""Service endpoints: health (store and graph version) and the ontology file."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse

from api.deps import Ctx
from api.models import HealthOut
from api.shared import responses
from graph.store import GraphStore, StoreError
from ontology.vocabulary import ONTOLOGY_PATH
from queries.library import run_query

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=HealthOut, responses=responses(408, 503))
async def healthz(ctx: Ctx):
    """The store kind and the loaded graph's version (503 when the graph is missing or the store is down)."""
    graph = getattr(ctx.store, "graph_name", None) or (
        ctx.settings.graph_name if ctx.store.kind == "falkordb" else ctx.settings.neo4j_database
    )
    try:
        rows = (await ctx.run(_graph_version, ctx.store)).records()
    except StoreError as exc:
        body = HealthOut(status="empty", store=ctx.store.kind, graph=graph)
        return JSONResponse(status_code=503, content={**body.model_dump(), "detail": str(exc)})
    if not rows:
        body = HealthOut(status="empty", store=ctx.store.kind, graph=graph)
        return JSONResponse(
            status_code=503,
            content={**body.model_dump(), "detail": "the graph is empty: run `smekg load`"},
        )
    info = rows[0]
    return HealthOut(
        status="ok",
        store=ctx.store.kind,
        graph=graph,
        version=info["version"],
        loaded_at=info["loaded_at"],
        node_count=info["node_count"],
        edge_count=info["edge_count"],
    )


def _graph_version(store: GraphStore):
    return run_query(store, "graph_version")


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
