"""The read-only Cypher console over HTTP: the same function as `smekg query` (services/console.py)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import Ctx
from api.models import CypherRequest, CypherResult
from api.shared import responses
from services.console import console_payload, run_console

router = APIRouter(prefix="/api", tags=["console"])


@router.post("/cypher", response_model=CypherResult, responses=responses(400, 403, 408, 413, 503))
async def run_cypher(ctx: Ctx, body: CypherRequest) -> CypherResult:
    """Run read-only Cypher with parameters.

    Refused with 403 before any engine sees the query: CREATE, MERGE, DELETE, SET, REMOVE, DROP,
    FOREACH, LOAD (CSV), admin commands, CALL { … } and procedures outside the store's read-only
    allow-list, reduce(), and queries too large to parse safely (nesting deeper than 12 levels, too
    many tokens, clauses or pattern elements, range() beyond 100,000 elements or with non-literal
    bounds). Syntax errors are 400; a query over the time limit (SMEKG_QUERY_TIMEOUT_MS) is stopped
    and answered 408; while an earlier console query still runs in the engine, 503 (busy); rows
    beyond SMEKG_MAX_ROWS are cut with `truncated: true`. Nodes, relationships and paths come back
    as JSON objects with ids, labels or type, and properties.
    """
    result = await ctx.run_single(
        run_console,
        ctx.store,
        body.query,
        body.params,
        timeout_ms=ctx.settings.query_timeout_ms,
        max_rows=ctx.settings.max_rows,
    )
    return CypherResult(**console_payload(result))
