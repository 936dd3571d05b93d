"""The read-only Cypher console: one function for `smekg query` and `POST /api/cypher`.

The guard (graph/read_only.py) checks the query's tokens and parameters first, with the store's own
read-only procedure allow-list; the store's console read then runs it rationed, with the time limit
and the row cap; the answer has one shape wherever it is shown.
"""

from __future__ import annotations

from typing import Any

from graph.read_only import DEFAULT_LIMITS, ConsoleLimits, check_console_query
from graph.store import GraphReader, QueryResult


def run_console(
    store: GraphReader,
    cypher: str,
    params: dict[str, Any] | None,
    *,
    timeout_ms: int,
    max_rows: int,
    limits: ConsoleLimits = DEFAULT_LIMITS,
) -> QueryResult:
    """Refuse (QueryRefused, QuerySyntaxError) or run `cypher` read-only, bounded in time and rows."""
    check_console_query(cypher, params, store.read_only_procedures, limits)
    return store.console_read(cypher, params or {}, timeout_ms=timeout_ms, max_rows=max_rows)


def console_payload(result: QueryResult) -> dict[str, Any]:
    """The answer as the API and `smekg query --json` give it."""
    return {
        "columns": result.columns,
        "rows": result.rows,
        "truncated": result.truncated,
        "elapsed_ms": round(result.elapsed_ms, 2),
    }
