"""Write endpoints (API key required): reload the graph from the data folder."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from api.deps import Ctx, require_api_key
from api.models import LoadProblemsOut, ReloadOut
from api.shared import responses
from graph.store import GraphBackend
from loaders import LoadError, LoadReport, load_data
from ontology.errors import LoadBusy

router = APIRouter(prefix="/api", tags=["admin"], dependencies=[Depends(require_api_key)])

_reloading = threading.Lock()  # this process's reloads; the store's load lock covers all processes


@router.post(
    "/reload",
    response_model=ReloadOut,
    responses={
        **responses(401, 403, 503),
        409: {
            "model": LoadProblemsOut,
            "description": "The data did not validate, or another load (from any process) is "
            "running; the graph is unchanged",
        },
    },
)
async def reload(ctx: Ctx) -> ReloadOut:
    """Validate the data folder and swap in a freshly built graph; the old graph serves until it succeeds.
    Only one load runs at a time across processes (`smekg load` included); the other gets 409."""
    if not _reloading.acquire(blocking=False):
        raise LoadBusy("a reload is already running in this server; the graph is unchanged")
    try:
        started = time.perf_counter()
        report = await run_in_threadpool(
            _locked_load, ctx.admin, ctx.settings.data_dir, ctx.settings.batch_size
        )
    except LoadError as exc:
        raise _relative(exc, ctx.settings.data_dir) from None
    finally:
        _reloading.release()
    return ReloadOut(
        files=report.files,
        nodes=report.nodes,
        edges=report.edges,
        version=report.version,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
    )


def _relative(exc: LoadError, data_dir: Path) -> LoadError:
    """The same problems, with files named inside the data folder rather than where it sits."""
    root = str(data_dir.resolve())

    def inside(file: str) -> str:
        if file.startswith(root):
            return "data" + file[len(root) :]
        return file.replace(str(data_dir), "data")

    return LoadError([replace(p, file=inside(p.file)) for p in exc.problems])


def _locked_load(store: GraphBackend, data_dir: Path, batch_size: int) -> LoadReport:
    """A reload waits for a running `smekg add` / `remove` and finishes one a killed process left."""
    from services.articles import exclusive, recover

    with exclusive(data_dir):
        recover(store, data_dir)
        return load_data(store, data_dir, batch_size=batch_size)
