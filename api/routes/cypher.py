"""The read-only Cypher console: writes refused, time limited, rows capped."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import Ctx
from api.models import CypherRequest, CypherResult
from api.shared import responses
from graph.read_only import check_read_only
from graph.store import GraphStore, QueryResult

router = APIRouter(prefix="/api", tags=["console"])


@router.post("/cypher", response_model=CypherResult, responses=responses(400, 403, 408, 413, 503))
async def run_cypher(ctx: Ctx, body: CypherRequest) -> CypherResult:
    """Run read-only Cypher with parameters.

    Refused with 403: CREATE, MERGE, DELETE, SET, REMOVE, DROP, FOREACH, LOAD CSV, CALL { … } and
    procedures outside a read-only allow-list. Syntax errors are 400 with the engine's message; a
    query over the time limit (SMEKG_QUERY_TIMEOUT_MS) is stopped and answered 408; rows beyond
    SMEKG_MAX_ROWS are cut with `truncated: true`. Nodes, relationships and paths come back as JSON
    objects with ids, labels or type, and properties.
    """
    check_read_only(body.query)
    result = await ctx.run(
        _read,
        ctx.store,
        body.query,
        body.params,
        ctx.settings.query_timeout_ms,
        ctx.settings.max_rows,
    )
    return CypherResult(
        columns=result.columns,
        rows=result.rows,
        truncated=result.truncated,
        elapsed_ms=round(result.elapsed_ms, 2),
    )


def _read(
    store: GraphStore, query: str, params: dict[str, Any], timeout_ms: int, max_rows: int
) -> QueryResult:
    try:
        return store.read(query, params, timeout_ms=timeout_ms, max_rows=max_rows, console=True)
    except (ValueError, TypeError) as exc:  # the driver cannot encode a parameter
        raise HTTPException(400, f"parameters not accepted: {exc}") from exc
