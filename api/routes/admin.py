"""Write endpoints (API key required): reload the graph from the data folder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.deps import Ctx, require_api_key
from api.models import LoadProblemsOut, ReloadOut
from api.shared import responses
from graph.store import GraphStore
from loaders import LoadError, LoadReport, load_data

router = APIRouter(prefix="/api", tags=["admin"], dependencies=[Depends(require_api_key)])

_reloading = threading.Lock()


@router.post(
    "/reload",
    response_model=ReloadOut,
    responses={
        **responses(401, 403, 503),
        409: {
            "model": LoadProblemsOut,
            "description": "The data did not validate, or a reload is running; the graph is unchanged",
        },
    },
)
async def reload(ctx: Ctx):
    """Validate the data folder and swap in a freshly built graph; the old graph serves until it succeeds."""
    if not _reloading.acquire(blocking=False):
        return JSONResponse(
            status_code=409, content={"detail": "a reload is already running", "problems": []}
        )
    try:
        started = time.perf_counter()
        try:
            report = await run_in_threadpool(
                _locked_load, ctx.store.inner, ctx.settings.data_dir, ctx.settings.batch_size
            )
        except LoadError as exc:
            problems = [str(p) for p in getattr(exc, "problems", [])] or [str(exc)]
            return JSONResponse(
                status_code=409,
                content={
                    "detail": "the data did not validate; the graph in service is unchanged",
                    "problems": problems,
                },
            )
    finally:
        _reloading.release()
    return ReloadOut(
        files=report.files,
        nodes=report.nodes,
        edges=report.edges,
        version=report.version,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
    )


def _locked_load(store: GraphStore, data_dir: Path, batch_size: int) -> LoadReport:
    """A reload waits for a running `smekg add` / `remove` and finishes one a killed process left."""
    from services.articles import exclusive, recover

    with exclusive(data_dir):
        recover(store, data_dir)
        return load_data(store, data_dir, batch_size=batch_size)
