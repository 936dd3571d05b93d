"""POST /api/ingest (API key): run the ingestion pipeline on one article and return the review and RDF.

Nothing is written to the graph or to data/ unless `load` is true: then an article that validates
is added as `smekg add` / POST /api/articles add it (checked in the context of the graph, atomic).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.deps import Ctx, require_api_key
from api.shared import responses

router = APIRouter(prefix="/api", tags=["admin"], dependencies=[Depends(require_api_key)])


class IngestRequest(BaseModel):
    text: str = Field(
        ..., min_length=1, description="The article: plain text as saved from the page, or HTML"
    )
    filename: str = Field(
        "article.txt", max_length=200, description="Name used for the article id (.txt or .html)"
    )
    date: dt.date | None = Field(None, description="Publication date, when the article has none")
    load: bool = Field(
        False, description="Add the article to the graph and data/articles (as POST /api/articles)"
    )


class IngestedArticle(BaseModel):
    article: str
    file: str
    date: str
    title: str | None = None
    report: str = Field(
        ...,
        description="Markdown review report: facts with evidence and confidence, new entities, uncertain merges",
    )
    rdf: str = Field(
        ..., description="TriG: one named graph for the article, in the curated layout"
    )
    pending_merges: int


class IngestError(BaseModel):
    file: str
    message: str


class IngestOut(BaseModel):
    articles: list[IngestedArticle]
    graph: dict[str, Any] = Field(
        ..., description="The extracted facts in the shape of `smekg export --format json`"
    )
    errors: list[IngestError]
    loaded: dict[str, Any] | None = Field(
        None, description="With `load`: what adding the article changed (as POST /api/articles)"
    )


class IngestRefused(BaseModel):
    """A body that could not be read, or an article that could not be ingested (what is missing in `errors`)."""

    detail: str
    errors: list[IngestError] = []


@router.post(
    "/ingest",
    response_model=IngestOut,
    responses={
        **responses(401, 403, 413),
        400: {"model": IngestRefused, "description": "The article could not be ingested"},
    },
)
async def ingest_article(ctx: Ctx, body: IngestRequest):
    """Extract people, posts, organisations, events, participation, agreements and amounts with evidence."""
    from ingest.service import ingest_text

    outcome = await run_in_threadpool(
        ingest_text, body.text, body.filename, ctx.settings.data_dir, date=body.date
    )
    answer = outcome.as_dict()
    answer.pop("loaded", None)
    if outcome.errors:
        refused = IngestRefused(
            detail="the article could not be ingested; nothing was written", errors=answer["errors"]
        )
        return JSONResponse(status_code=400, content=refused.model_dump(mode="json"))
    if body.load:  # issue 13: the reviewed RDF goes in with `add`, not a reload
        from services.articles import ArticleInput, ChangeRefused, add_articles

        files = [ArticleInput(a["file"], a["rdf"].encode()) for a in answer["articles"]]
        try:
            report = await run_in_threadpool(
                add_articles, ctx.store.inner, ctx.settings.data_dir, files
            )
        except ChangeRefused as exc:
            errors = [IngestError(file=p.file, message=str(p)) for p in exc.problems]
            refused = IngestRefused(
                detail="the graph refused the article; nothing changed", errors=errors
            )
            return JSONResponse(status_code=400, content=refused.model_dump(mode="json"))
        answer["loaded"] = report.as_dict()
    return IngestOut(**answer)
