"""The HTTP API: `create_app()` builds the FastAPI application over a graph store.

Read endpoints are open; write endpoints need the API key (SMEKG_API_KEY) in the X-API-Key header.
CORS is closed unless SMEKG_CORS_ORIGINS lists origins. Errors are JSON `{"detail": …}`: 400 bad
query, 401/403 key or write refused, 404 unknown name, 408 time limit, 409 ambiguous name (with
`candidates`), 413 body too large, 422 invalid parameters, 503 store unavailable.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.deps import API_KEY_HEADER, BoundedStore, Context
from api.limits import BodySizeLimit
from api.routes import (
    admin,
    agreements,
    analytics,
    articles,
    cypher,
    entities,
    events,
    graph,
    ingest,
    meetings,
    meta,
    organizations,
    paths,
    queries,
    sources,
)
from api.shared import summary
from graph.store import GraphStore, QueryRefused, QuerySyntaxError, QueryTimeout, StoreError
from ontology.vocabulary import load_vocabulary
from services.answers.questions import AmbiguousName, EntityNotFound
from smekg.settings import Settings
from viz.pages import install as install_pages

log = logging.getLogger(__name__)

DESCRIPTION = """
Questions about the Korean SME-innovation policy ecosystem, answered from a knowledge graph in which
every relationship carries its source articles and a verbatim evidence quote.

* Names: wherever an entity is asked for, give its IRI (`https://smekg.org/id/org-tipa` or
  `id:org-tipa`), its Korean or English name, or an alias (`기정원`, `TIPA`). An ambiguous name answers
  409 with the candidates; an unknown one 404.
* Console (`POST /api/cypher`): read-only Cypher; writes, `LOAD CSV`, `CALL {…}` and procedures outside
  a read-only allow-list are refused (403); queries are stopped at SMEKG_QUERY_TIMEOUT_MS (408) and rows
  capped at SMEKG_MAX_ROWS (`truncated: true`).
* Write endpoints need the key from SMEKG_API_KEY in the `X-API-Key` header.
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API over `store` (opened from settings, and closed on shutdown, when not given)."""
    settings = settings or Settings.from_env()
    vocab = load_vocabulary()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        opened = None
        if app.state.context is None:
            from graph.factory import open_store

            opened = open_store(**settings.store_arguments())
            app.state.context = Context(
                settings, BoundedStore(opened, settings.query_timeout_ms), vocab
            )
        try:
            yield
        finally:
            if opened is not None:
                app.state.context = None
                opened.close()

    # docs_url/redoc_url off: FastAPI serves Swagger UI and ReDoc from a CDN, and pages must work offline
    app = FastAPI(
        title="smekg API",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.context = (
        Context(settings, BoundedStore(store, settings.query_timeout_ms), vocab)
        if store is not None
        else None
    )

    for module in (
        entities,
        meetings,
        paths,
        events,
        organizations,
        agreements,
        queries,
        cypher,
        graph,
        sources,
        meta,
        admin,
        analytics,
        ingest,
        articles,
    ):
        app.include_router(module.router)
    install_pages(app)
    _add_error_handlers(app)
    app.add_middleware(BodySizeLimit)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", API_KEY_HEADER],
        )
    return app


def _error(status: int, detail: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail, **extra})


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EntityNotFound)
    async def not_found(_: Request, exc: EntityNotFound) -> JSONResponse:
        return _error(404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(AmbiguousName)
    async def ambiguous(_: Request, exc: AmbiguousName) -> JSONResponse:
        candidates = [summary(c).model_dump() for c in exc.candidates]
        return _error(
            409,
            f"{exc.text!r} matches {len(candidates)} entities; ask again with one of their IRIs",
            candidates=candidates,
        )

    @app.exception_handler(QueryRefused)
    async def refused(_: Request, exc: QueryRefused) -> JSONResponse:
        return _error(403, str(exc))

    @app.exception_handler(QuerySyntaxError)
    async def syntax(_: Request, exc: QuerySyntaxError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout(_: Request, exc: QueryTimeout) -> JSONResponse:
        return _error(408, str(exc))

    @app.exception_handler(StoreError)
    async def unavailable(_: Request, exc: StoreError) -> JSONResponse:
        log.warning("store error: %s", exc)
        return _error(503, str(exc))

    @app.exception_handler(RecursionError)
    async def too_deep(_: Request, exc: RecursionError) -> JSONResponse:
        return _error(422, "the request is nested too deeply")
