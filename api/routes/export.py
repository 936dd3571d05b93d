"""Downloads of the whole graph: JSON, TriG, Turtle, JSON-LD, GraphML and CSV (`GET /api/export/{name}`).

Each is built once per graph version and kept (queries.cache), so a second download is immediate.
"""

from __future__ import annotations

from pathlib import Path as PathLike
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from api.deps import Ctx
from api.models import ExportFormat, ExportList
from api.shared import json_errors
from graph.store import GraphStore
from ontology.errors import NotFound
from queries.cache import cached
from services.export.formats import FORMATS, export_text

router = APIRouter(prefix="/api/export", tags=["export"])


@router.get("", response_model=ExportList)
async def list_exports() -> ExportList:
    """The export formats, with their file names and media types."""
    return ExportList(
        items=[
            ExportFormat(
                name=f.name,
                filename=f.filename,
                media_type=f.media_type,
                description=f.description,
                href=f"/api/export/{f.name}",
            )
            for f in FORMATS.values()
        ]
    )


@router.get(
    "/{name}",
    response_class=Response,
    responses={
        200: {
            "content": {f.media_type: {} for f in FORMATS.values()},
            "description": "The whole graph in the format, as a download",
        },
        **json_errors(404, 408, 503),
    },
)
async def get_export(
    ctx: Ctx,
    name: Annotated[str, Path(max_length=40, description="A format from GET /api/export")],
) -> Response:
    """The whole graph as a file: `json`, `trig`, `ttl`, `jsonld`, `graphml`, `nodes.csv`, `edges.csv`."""
    if name not in FORMATS:
        raise NotFound(f"no export format {name!r}; known: {', '.join(FORMATS)}")
    fmt = FORMATS[name]
    body = await ctx.run(_build, ctx.store, name, ctx.settings.data_dir)
    return Response(
        body,
        media_type=f"{fmt.media_type}; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{fmt.filename}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


def _build(store: GraphStore, name: str, data_dir: PathLike) -> bytes:
    body: bytes = cached(
        store, "export", (name, str(data_dir)), lambda: export_text(store, name, data_dir).encode()
    )
    return body
