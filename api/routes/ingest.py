"""POST /api/ingest (API key): run the ingestion pipeline on one article and return the review and RDF.

Nothing is written to the graph or to data/ unless `load` is true: then an article that validates
is added as `smekg add` / POST /api/articles add it (checked in the context of the graph, atomic).
The file name must be a plain name (422 otherwise), and errors never show where files sit on the
server.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel, Field, field_validator

from api.deps import Ctx, require_api_key
from api.models import text_only
from api.shared import responses

router = APIRouter(prefix="/api", tags=["admin"], dependencies=[Depends(require_api_key)])


MAX_FILENAME_BYTES = 200  # below every file system's 255-byte limit, with room for suffixes


class IngestRequest(BaseModel):
    text: Annotated[str, AfterValidator(text_only)] = Field(
        ..., min_length=1, description="The article: plain text as saved from the page, or HTML"
    )
    filename: str = Field(
        "article.txt",
        max_length=200,
        description="Name used for the article id (.txt or .html): a plain file name, at most "
        f"{MAX_FILENAME_BYTES} bytes in UTF-8, no folders or control characters",
    )
    date: dt.date | None = Field(None, description="Publication date, when the article has none")
    load: bool = Field(
        False, description="Add the article to the graph and data/articles (as POST /api/articles)"
    )

    @field_validator("filename")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        if not value.strip() or value in (".", ".."):
            raise ValueError("a file name is needed")
        text_only(value)
        if any(c in value for c in "/\\") or any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise ValueError("a plain file name: no folders, no control characters")
        if len(value.encode("utf-8", "replace")) > MAX_FILENAME_BYTES:
            raise ValueError(f"at most {MAX_FILENAME_BYTES} bytes in UTF-8")
        return value


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
async def ingest_article(ctx: Ctx, body: IngestRequest) -> IngestOut | JSONResponse:
    """Extract people, posts, organisations, events, participation, agreements and amounts with evidence."""
    from ingest.service import ingest_text

    outcome = await run_in_threadpool(
        ingest_text, body.text, body.filename, ctx.settings.data_dir, date=body.date
    )
    answer = outcome.as_dict()
    answer.pop("loaded", None)
    answer["errors"] = [
        {"file": body.filename, "message": _no_server_paths(e["message"], ctx.settings.data_dir)}
        for e in answer["errors"]
    ]
    for article in answer["articles"]:
        article.pop("written", None)  # nothing is written here; never show server paths
    if outcome.errors:
        refused = IngestRefused(
            detail="the article could not be ingested; nothing was written", errors=answer["errors"]
        )
        return JSONResponse(status_code=400, content=refused.model_dump(mode="json"))
    if body.load:  # issue 13: the reviewed RDF goes in with `add`, not a reload
        from services.articles import ArticleInput, ChangeRefused, add_articles

        files = [ArticleInput(a["file"], a["rdf"].encode()) for a in answer["articles"]]
        try:
            report = await run_in_threadpool(add_articles, ctx.admin, ctx.settings.data_dir, files)
        except ChangeRefused as exc:
            errors = [IngestError(file=p.file, message=str(p)) for p in exc.problems]
            refused = IngestRefused(
                detail="the graph refused the article; nothing changed", errors=errors
            )
            return JSONResponse(status_code=400, content=refused.model_dump(mode="json"))
        answer["loaded"] = report.as_dict()
    return IngestOut(**answer)


_UPLOAD_DIR = re.compile(r"(?:/[^\s/]+)*/smekg-upload-[^/\s]+/")


def _no_server_paths(message: str, data_dir: Path) -> str:
    """Messages name the uploaded file and data/ files, never where they sit on the server."""
    message = _UPLOAD_DIR.sub("", message)
    for folder, shown in ((str(data_dir.resolve()), "data"), (str(data_dir), "data")):
        message = message.replace(folder, shown)
    return message
