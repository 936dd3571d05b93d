"""The review workbench's API (`/review`; every route needs the API key): the queue of articles read by
the ingest pipeline, each with its text, mentions, proposed facts and entity resolution; decisions saved
as they are made; commit to the live graph with the incremental add.

* `GET /api/review/articles` — the queue; `POST /api/review/paste` — a pasted article (JSON);
  `POST /api/review/files?name=…&date=…` — an uploaded `.txt`/`.html` file (the body is the file).
* `GET /api/review/articles/{id}` — the article under review; `DELETE /api/review/queue/{id}` takes it
  out of the queue (one method per path: the framework's 405 answers list one route's methods).
* `POST /api/review/articles/{id}/actions` — one decision: accept, reject, reset, accept_above, edit,
  edit_entity, add_person, add_participation, match (written to the decisions file), undo, rerun.
* `POST /api/review/articles/{id}/commit` — accepted facts → TriG → validated → added to the graph;
  refused (422) with the problems beside the facts they concern, changing nothing.
* `GET /api/review/articles/{id}/trig` — the TriG a commit would write now.

Messages never show where files sit on the server.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import AfterValidator, BaseModel, Field, JsonValue

from api.deps import Ctx, require_api_key
from api.limits import LARGER_BODIES
from api.models import text_only
from api.shared import json_errors, responses

router = APIRouter(prefix="/api/review", tags=["review"], dependencies=[Depends(require_api_key)])

UPLOAD_PATH, PASTE_PATH = "/api/review/files", "/api/review/paste"
# The most any configuration may take; SMEKG_REVIEW_MAX_BYTES is smaller.
UPLOAD_CAP = 64 * 1024 * 1024
MAX_PASTE_CHARS = 200_000  # a pasted article
# The largest valid paste, even with every character escaped as a surrogate pair (12 bytes), fits.
PASTE_CAP = 4 * 1024 * 1024
LARGER_BODIES[UPLOAD_PATH] = UPLOAD_CAP
LARGER_BODIES[PASTE_PATH] = PASTE_CAP

ItemId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=120,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        description="The article's id in the queue (also its id in the graph)",
    ),
]


# -- models -------------------------------------------------------------------------------------------------
class Counts(BaseModel):
    facts: int
    accepted: int
    rejected: int
    undecided: int
    added: int = 0
    corrected: int = 0
    uncertain: int | None = None


class ItemSummary(BaseModel):
    id: str
    file: str = Field(..., description="The file name the article was given with")
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    status: Literal["open", "committed"]
    changed_since_commit: bool = False
    created: str
    updated: str
    counts: Counts
    committed_at: str | None = None


class QueueOut(BaseModel):
    items: list[ItemSummary]
    max_bytes: int = Field(
        ..., description="The largest article file taken (SMEKG_REVIEW_MAX_BYTES)"
    )


class Refused(BaseModel):
    """Nothing was queued (or changed): why."""

    detail: str
    item: str | None = Field(None, description="The queued article this one duplicates")


class CommitProblem(BaseModel):
    facts: list[str] = Field(..., description="Ids of the facts the problem is about")
    entity: str | None = None
    field: str = ""
    message: str


class CommitRefusedOut(BaseModel):
    """The commit was refused; the graph, data/ and the review are unchanged."""

    detail: str
    problems: list[CommitProblem]


class InvalidRequestOut(BaseModel):
    """The request itself did not validate (the framework's own 422)."""

    detail: list[dict[str, JsonValue]]


class EntityRefOut(BaseModel):
    iri: str
    name: str
    kind: str
    status: str
    date: str | None = None


class EvidenceOut(BaseModel):
    quote: str
    span: list[int] | None = Field(
        None, description="[start, end) in `text`, or null when not in it"
    )
    confidence: float | None = None
    note: str = ""


class HoldingOut(BaseModel):
    post: EntityRefOut
    organization: EntityRefOut | None = None
    title: str
    as_of: str | None = None
    acting: bool = False


class FactOut(BaseModel):
    id: str
    group: str
    predicate: str
    subject: EntityRefOut
    object: EntityRefOut
    confidence: float | None = None
    decision: Literal["accepted", "rejected"] | None = None
    added: bool = False
    edited: dict[str, JsonValue] = {}
    roles: list[str] = []
    committed: bool = Field(False, description="In the graph since the last commit")
    problems: list[str] = Field([], description="Why the last commit was refused, for this fact")
    evidence: list[EvidenceOut]
    holding: HoldingOut | None = None


class MentionOut(BaseModel):
    start: int
    end: int
    kind: str
    entity: str | None = None
    text: str
    facts: list[str]


class EntityOut(BaseModel):
    iri: str
    key: str
    kind: str
    name: str
    names: list[str] = []
    mention: str = ""
    types: list[str] = []
    status: Literal["linked", "new", "uncertain"]
    merge: dict[str, JsonValue] | None = None
    candidates: list[dict[str, JsonValue]] = []
    answers: list[dict[str, JsonValue]] = []
    known: dict[str, JsonValue] | None = None
    date: str | None = None
    edited: dict[str, JsonValue] | None = None
    added: bool = False
    facts: int = 0


class GroupOut(BaseModel):
    key: str
    label_ko: str
    label_en: str


class ItemOut(BaseModel):
    """An article under review, as the workbench draws it."""

    id: str
    file: str
    status: Literal["open", "committed"]
    changed_since_commit: bool
    created: str
    updated: str
    article: dict[str, JsonValue]
    text: str
    lines: list[list[JsonValue]] = Field(
        ..., description="[start, end, kind] of lines that are no body text"
    )
    mentions: list[MentionOut]
    mention_kinds: list[str]
    groups: list[GroupOut]
    facts: list[FactOut]
    entities: list[EntityOut]
    notes: list[str]
    unread: list[dict[str, JsonValue]]
    counts: Counts
    undo: str | None = Field(None, description="What undo would take back")
    history: list[str]
    committed: dict[str, JsonValue] | None = None
    problems: list[CommitProblem]


class PasteIn(BaseModel):
    text: Annotated[str, AfterValidator(text_only)] = Field(
        ..., min_length=1, max_length=MAX_PASTE_CHARS, description="The article's text as copied"
    )
    filename: str | None = Field(
        None, max_length=120, description="A name for it (the article id is made from it)"
    )
    date: dt.date | None = Field(None, description="Publication date, when the text prints none")


class ActionIn(BaseModel):
    """One decision; which fields count depends on `op`."""

    op: Literal[
        "accept",
        "reject",
        "reset",
        "accept_above",
        "edit",
        "edit_entity",
        "add_person",
        "add_participation",
        "match",
        "undo",
        "rerun",
    ]
    facts: list[Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=2000)
    threshold: float | None = Field(None, ge=0, le=1)
    fact: str | None = Field(None, max_length=40)
    role: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=60)
    organization: dict[str, Annotated[str, Field(max_length=300)]] | None = Field(
        None, description="{iri} of an organisation, or {name} of a new one"
    )
    as_of: str | None = Field(None, max_length=10)
    acting: bool | None = None
    entity: str | None = Field(None, max_length=300)
    start_date: str | None = Field(None, max_length=10)
    quote: str | None = Field(None, max_length=2000)
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    name: str | None = Field(None, max_length=60)
    same_as: str | None = Field(None, max_length=300)
    person: str | None = Field(None, max_length=300)
    event: str | None = Field(None, max_length=300)
    mention: str | None = Field(None, max_length=120)
    candidate: str | None = Field(None, max_length=300)
    decision: Literal["same", "not-same"] | None = None

    def as_action(self) -> dict[str, Any]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class CommitOut(BaseModel):
    item: ItemOut
    change: dict[str, JsonValue] | None = Field(
        None, description="What the incremental add changed (added/replaced, version, counts)"
    )
    links: dict[str, JsonValue]


# -- helpers --------------------------------------------------------------------------------------------------
def _workbench(ctx: Ctx) -> Any:
    from ingest.review import Workbench

    s = ctx.settings
    return Workbench(s.review_queue_dir, s.data_dir, s.decisions_path, s.review_max_bytes)


def _plain(ctx: Ctx, message: str) -> str:
    from ingest.review import plain_message

    s = ctx.settings
    return plain_message(message, s.review_queue_dir, s.data_dir)


def _refused(ctx: Ctx, exc: Any) -> JSONResponse:
    body = Refused(detail=_plain(ctx, exc.message), item=getattr(exc, "item", None))
    return JSONResponse(status_code=getattr(exc, "status", 400), content=body.model_dump())


def _bad(ctx: Ctx, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=400, content={"detail": _plain(ctx, str(exc))})


QUEUE_ERRORS = {
    **responses(401, 403, 413),
    400: {
        "model": Refused,
        "description": "Not a usable article (empty, binary, not Korean, no date…); nothing queued",
    },
    409: {
        "model": Refused,
        "description": "The same file is in the queue already (`item` names it)",
    },
}


# -- routes ----------------------------------------------------------------------------------------------------
@router.get("/articles", response_model=QueueOut, responses=responses(401, 403))
async def review_queue(ctx: Ctx) -> QueueOut:
    """The articles waiting for review, then those committed (reopen one to correct it)."""
    workbench = _workbench(ctx)
    items = await run_in_threadpool(workbench.items)
    return QueueOut(items=items, max_bytes=ctx.settings.review_max_bytes)


@router.post("/paste", status_code=201, response_model=ItemSummary, responses=QUEUE_ERRORS)
async def review_paste(ctx: Ctx, body: PasteIn) -> ItemSummary | JSONResponse:
    """Queue a pasted article: it is read by the ingest pipeline now."""
    from ingest.review import ReviewInputError

    workbench = _workbench(ctx)
    try:
        summary = await run_in_threadpool(workbench.add_text, body.text, body.filename, body.date)
    except ReviewInputError as exc:
        return _refused(ctx, exc)
    return ItemSummary(**summary)


@router.post(
    "/files",
    status_code=201,
    response_model=ItemSummary,
    responses=QUEUE_ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "The article file as saved (plain text or HTML; UTF-8 or CP949)",
            "content": {
                t: {"schema": {"type": "string", "format": "binary"}}
                for t in ("application/octet-stream", "text/plain", "text/html")
            },
        }
    },
)
async def review_upload(
    ctx: Ctx,
    request: Request,
    name: Annotated[
        str, Query(min_length=1, max_length=200, description="The file's name (.txt, .html)")
    ],
    date: Annotated[
        dt.date | None, Query(description="Publication date, when the article prints none")
    ] = None,
) -> ItemSummary | JSONResponse:
    """Queue an uploaded article file: it is read by the ingest pipeline now."""
    from ingest.review import ReviewInputError

    limit = ctx.settings.review_max_bytes
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        return _refused(
            ctx,
            ReviewInputError(
                f"{name} is {int(length) / 1_048_576:.1f} MB; an article file may be at most "
                f"{limit / 1_048_576:.1f} MB (SMEKG_REVIEW_MAX_BYTES)",
                status=413,
            ),
        )
    raw = await request.body()
    if any(ord(c) < 32 for c in name) or "/" in name or "\\" in name:
        return _refused(ctx, ReviewInputError("the file name must be a plain name"))
    workbench = _workbench(ctx)
    try:
        summary = await run_in_threadpool(workbench.add, raw, name, date)
    except ReviewInputError as exc:
        return _refused(ctx, exc)
    return ItemSummary(**summary)


@router.get("/articles/{item}", response_model=ItemOut, responses=responses(401, 403, 404))
async def review_item(ctx: Ctx, item: ItemId) -> ItemOut:
    """An article under review: text, mentions, facts, entities and decisions so far."""
    workbench = _workbench(ctx)
    data = await run_in_threadpool(lambda: workbench.view(workbench.get(item)))
    return ItemOut(**data)


@router.delete("/queue/{item}", status_code=204, responses=responses(401, 403, 404))
async def review_drop(ctx: Ctx, item: ItemId) -> None:
    """Take the article out of the queue (what was committed stays in the graph)."""
    workbench = _workbench(ctx)
    await run_in_threadpool(workbench.drop, item)


@router.post(
    "/articles/{item}/actions",
    response_model=ItemOut,
    responses={
        **responses(401, 403, 404),
        400: {"model": Refused, "description": "The decision cannot be applied"},
    },
)
async def review_action(ctx: Ctx, item: ItemId, action: ActionIn) -> ItemOut | JSONResponse:
    """Save one decision (undo takes back the last one); returns the article as it now stands."""
    from ingest.review import ReviewActionError, ReviewInputError

    workbench = _workbench(ctx)
    try:
        data = await run_in_threadpool(
            lambda: workbench.view(workbench.act(item, action.as_action()))
        )
    except ReviewInputError as exc:
        return _refused(ctx, exc)
    except ReviewActionError as exc:
        return _bad(ctx, exc)
    return ItemOut(**data)


@router.post(
    "/articles/{item}/commit",
    response_model=CommitOut,
    responses={
        **responses(401, 403, 404, 503),
        422: {
            "model": CommitRefusedOut | InvalidRequestOut,
            "description": "Refused: the problems name the facts; nothing changed (or a malformed id)",
        },
    },
)
async def review_commit(ctx: Ctx, item: ItemId) -> CommitOut | JSONResponse:
    """Accepted facts → the article's TriG (curated layout) → validated with data/ → added to the live
    graph (an article committed before is replaced); its text is kept in data/texts/."""
    from ingest.review import ReviewCommitRefused

    workbench = _workbench(ctx)
    try:
        done = await run_in_threadpool(workbench.commit, item, ctx.admin)
    except ReviewCommitRefused as exc:
        body = CommitRefusedOut(
            detail=exc.message,
            problems=[
                CommitProblem(**{**p, "message": _plain(ctx, p["message"])}) for p in exc.problems
            ],
        )
        return JSONResponse(status_code=422, content=body.model_dump())
    view = await run_in_threadpool(workbench.view, done)
    committed = done["committed"]
    return CommitOut(item=ItemOut(**view), change=committed.get("change"), links=committed["links"])


@router.get(
    "/articles/{item}/trig",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}}, **json_errors(401, 403, 404)},
)
async def review_trig(ctx: Ctx, item: ItemId) -> PlainTextResponse:
    """The TriG a commit would write now (the accepted facts in the curated layout)."""
    workbench = _workbench(ctx)
    text = await run_in_threadpool(workbench.preview, item)
    return PlainTextResponse(text, media_type="text/plain; charset=utf-8")
