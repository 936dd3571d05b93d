"""The HTTP API: `create_app()` builds the FastAPI application over a graph store.

Read endpoints are open; write endpoints need the API key (SMEKG_API_KEY) in the X-API-Key header.
CORS is closed unless SMEKG_CORS_ORIGINS lists origins. Errors are JSON `{"detail": …}`, their status
set in one table (api/errors.py): 400 bad query or input, 401/403 key or write refused, 404 unknown
name, 408 time limit, 409 ambiguous name (with `candidates`) or load refused, 413 body too large,
422 invalid parameters, 503 store unavailable, busy or restarting. Every answer carries
`X-Content-Type-Options: nosniff`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import errors
from api.deps import API_KEY_HEADER, BoundedStore, Context
from api.headers import SecurityHeaders
from api.limits import BodySizeLimit
from api.routes import (
    admin,
    agreements,
    analytics,
    articles,
    connect,
    cypher,
    entities,
    events,
    export,
    graph,
    ingest,
    meetings,
    meta,
    organizations,
    paths,
    queries,
    schema,
    search,
    sources,
    views,
)
from graph.store import GraphBackend
from ontology.vocabulary import Vocabulary, load_vocabulary
from smekg.settings import Settings
from viz.pages import install as install_pages

DESCRIPTION = """
Questions about the Korean SME-innovation policy ecosystem, answered from a knowledge graph in which
every relationship carries its source articles and a verbatim evidence quote.

* Names: wherever an entity is asked for, give its IRI (`https://smekg.org/id/org-tipa` or
  `id:org-tipa`), its Korean or English name, or an alias (`기정원`, `TIPA`). An ambiguous name answers
  409 with the candidates; an unknown one 404.
* Console (`POST /api/cypher`): read-only Cypher; writes, `LOAD`, `CALL {…}`, procedures outside the
  store's read-only allow-list, `reduce()` and queries too large to parse safely (deep nesting, huge
  `range()`s) are refused (403) before the engine sees them; queries are stopped at
  SMEKG_QUERY_TIMEOUT_MS (408), one console query runs in the engine at a time (503 while it does),
  and rows are capped at SMEKG_MAX_ROWS (`truncated: true`).
* Answers are built from one version of the graph, even while it is being reloaded. When the graph
  engine is lost or restarting, answers are 503 with `Retry-After` until it is back.
* Write endpoints need the key from SMEKG_API_KEY in the `X-API-Key` header; one load runs at a time
  (409 for the other).
"""


def _context(settings: Settings, store: GraphBackend, vocab: Vocabulary) -> Context:
    """Routes read through the bounded read-only view; the reload route alone gets the writer side."""
    return Context(settings, BoundedStore(store, settings.query_timeout_ms), store, vocab)


def create_app(settings: Settings | None = None, store: GraphBackend | None = None) -> FastAPI:
    """The API over `store` (opened from settings, and closed on shutdown, when not given)."""
    settings = settings or Settings.from_env()
    vocab = load_vocabulary()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = None
        if app.state.context is None:
            from graph.factory import open_store

            opened = open_store(**settings.store_arguments())
            app.state.context = _context(settings, opened, vocab)
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
    app.state.context = _context(settings, store, vocab) if store is not None else None

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
        search,
        export,
        connect,
        views,
        schema,
        meta,
        admin,
        analytics,
        ingest,
        articles,
    ):
        app.include_router(module.router)
    install_pages(app)
    errors.install(app)
    app.add_middleware(BodySizeLimit)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", API_KEY_HEADER],
        )
    app.add_middleware(SecurityHeaders)  # outermost: every answer gets the headers
    return app
