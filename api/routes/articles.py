"""POST /api/articles and DELETE /api/articles/{article} (API key): change the graph article by article.

The graph is changed in place, atomically (readers see it before or after the change), and the
article file lands in (or leaves) data/articles with it; a refused change leaves both as they were.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.deps import Ctx, require_api_key
from api.shared import responses
from loaders.errors import Problem

router = APIRouter(prefix="/api", tags=["articles"], dependencies=[Depends(require_api_key)])

TRIG_TYPES = ("application/trig", "text/trig", "text/plain")


class ChangeOut(BaseModel):
    """What the change did, and the graph after it."""

    added: list[str] = Field(..., description="Article ids new to the graph")
    replaced: list[str] = Field(..., description="Loaded articles replaced by the file given")
    removed: list[str]
    unchanged: list[str] = Field(..., description="Articles already loaded from the same file")
    version: str = Field(..., description="The graph version after the change")
    nodes: int
    edges: int
    node_delta: int
    edge_delta: int
    elapsed_ms: float


class ProblemOut(BaseModel):
    file: str
    message: str
    focus: str = ""
    field: str = ""
    line: int | None = None


class ChangeRefusedOut(BaseModel):
    """Why the change was refused; the graph and data/ are unchanged."""

    detail: str
    problems: list[ProblemOut]


def _refused(status: int, detail: str, problems: list[Problem]) -> JSONResponse:
    body = ChangeRefusedOut(
        detail=detail,
        problems=[
            ProblemOut(file=p.file, message=p.message, focus=p.focus, field=p.field, line=p.line)
            for p in problems
        ],
    )
    return JSONResponse(status_code=status, content=body.model_dump())


REFUSED: dict[int | str, dict[str, Any]] = {
    422: {
        "model": ChangeRefusedOut,
        "description": "Refused (invalid, conflicting, or needed by other articles); nothing changed",
    }
}


@router.post(
    "/articles",
    response_model=ChangeOut,
    responses={**responses(401, 403, 413, 503), **REFUSED},
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "TriG: one or more article named graphs, as `smekg ingest` writes them",
            "content": {t: {"schema": {"type": "string"}} for t in TRIG_TYPES},
        }
    },
)
async def add_articles_route(ctx: Ctx, request: Request) -> ChangeOut | JSONResponse:
    """Add articles (a graph for an article already loaded replaces it), checked in the context of
    the loaded graph; the file is written to data/articles only when the graph took the change."""
    from services.articles import ArticleInput, ChangeRefused, add_articles

    body = await request.body()
    if not body.strip():
        return _refused(422, "the body is empty", [Problem("request body", "no TriG given")])
    try:
        report = await run_in_threadpool(
            add_articles,
            ctx.admin,
            ctx.settings.data_dir,
            [ArticleInput("request body", body)],
        )
    except ChangeRefused as exc:
        return _refused(422, "the articles were refused; nothing changed", exc.problems)
    return ChangeOut(**report.as_dict())


@router.delete(
    "/articles/{article}",
    response_model=ChangeOut,
    responses={**responses(401, 403, 404, 503), **REFUSED},
)
async def remove_article_route(
    ctx: Ctx,
    article: Annotated[
        str,
        Path(
            min_length=1,
            max_length=200,
            pattern=r"^[A-Za-z0-9_.:-]+$",
            description="Article id (002_f72b6778ec84ef75 or art:002_…)",
        ),
    ],
) -> ChangeOut | JSONResponse:
    """Take an article out of the graph and data/articles; refused, naming the articles that depend
    on it, when the rest of the data would not be valid without it."""
    from services.articles import ArticleNotFound, ChangeRefused, remove_articles

    try:
        report = await run_in_threadpool(
            remove_articles, ctx.admin, ctx.settings.data_dir, [article]
        )
    except ArticleNotFound as exc:
        return JSONResponse(status_code=404, content={"detail": str(exc.problems[0].message)})
    except ChangeRefused as exc:
        return _refused(422, "the removal was refused; nothing changed", exc.problems)
    return ChangeOut(**report.as_dict())
