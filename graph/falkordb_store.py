"""The embedded default store: FalkorDB started by the program itself (see falkordb_engine.py).

Reads run as GRAPH.RO_QUERY with the engine time-out and an app-side deadline; the console's reads
hold one slot until the engine has really finished them. A load takes the load lock in the engine
(one load at a time across processes), builds into a staging graph of its own, checks the staged
counts against what the mapping produced, and swaps it in with a new generation in one atomic step.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from functools import partial
from pathlib import Path
from typing import Any

import redis
from falkordb import Graph

from graph import falkordb_reads as tricks
from graph.falkordb_engine import Engine, EngineLimits
from graph.falkordb_values import plain
from graph.lease import Lease
from graph.read_only import ConsoleLimits, check_parameters
from graph.statements import statement, statements
from graph.store import (
    GraphCounts,
    GraphWriter,
    NodeHandle,
    QueryResult,
    Reached,
    Statement,
    ViewEdge,
    ViewNode,
)
from ontology.errors import (
    BadInput,
    GraphEmpty,
    LoadBusy,
    LoadMismatch,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    StoreBusy,
    StoreError,
)

log = logging.getLogger(__name__)

DEADLINE_GRACE_MS = 1500  # the app-side deadline fires this long after the engine's own time-out
_READERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="falkordb-read")
# FalkorDB checks its time-out between operations, not inside one long expression, so a console
# query can outlive its deadline in the engine. Console queries hold a slot until the engine really
# returns; with the slots taken, new console queries are answered "busy" while named queries go on.
CONSOLE_SLOTS = 1
WRITE_PIPELINE = 2  # load batches in flight: one being encoded while the engine runs the other
_CONSOLE = threading.BoundedSemaphore(CONSOLE_SLOTS)
# Parameters travel as Cypher text (falkordb-py's CYPHER header) and go through the same parser as
# the query: every read bounds their nesting (the console and named queries bound their cost too).
PARAMETER_LIMITS = ConsoleLimits(max_parse_cost=2**21)

# Procedures the console may CALL: FalkorDB's read-only ones (by lower-case bare name).
READ_ONLY_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.indexes",
        "db.constraints",
        "db.meta.stats",
        "db.idx.fulltext.querynodes",
        "db.idx.fulltext.queryrelationships",
        "algo.bfs",
        "algo.pagerank",
        "algo.wcc",
        "algo.betweenness",
        "algo.sppaths",
        "algo.sspaths",
    }
)

# Lua: each touches the lock only if the token holds it (the swap checks it in the same step).
_TAKE = "return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0"
_RENEW = (
    "if redis.call('GET', KEYS[1]) == ARGV[1] then "
    "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end"
)
_GIVE_BACK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end"
_SWAP = (
    "if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end "
    "redis.call('RENAME', KEYS[2], KEYS[3]) redis.call('SET', KEYS[4], ARGV[2]) return 1"
)


class _FalkorWriter:
    """Runs the loader's statements against the staging graph; refuses the view's stand-ins in data."""

    def __init__(self, graph: Any, engine: Engine):
        self._graph = graph
        self._engine = engine

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        tricks.refuse_stand_ins(params)
        _engine_call(self._engine, lambda: self._graph.query(cypher, params or {}))

    def run_all(self, statements: Iterable[Statement]) -> None:
        """Two connections in turn: one batch is encoded and sent while the engine runs the other.

        The engine applies writes to a graph one at a time, so this overlaps the client's work with
        the engine's rather than adding write concurrency. At most a few batches wait in memory.
        """
        pending: deque[Future[None]] = deque()
        with ThreadPoolExecutor(
            max_workers=WRITE_PIPELINE, thread_name_prefix="falkordb-write"
        ) as pool:
            try:
                for cypher, params in statements:
                    if len(pending) >= WRITE_PIPELINE:
                        pending.popleft().result()
                    pending.append(pool.submit(self.run, cypher, params))
                while pending:
                    pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()


class FalkorDBStore:
    """Embedded FalkorDB; the data directory persists between runs and processes share one server."""

    kind = "falkordb"
    read_only_procedures = READ_ONLY_PROCEDURES

    def __init__(self, store_dir: Path, graph_name: str, *, limits: EngineLimits | None = None):
        self.graph_name = graph_name
        self.identity = f"falkordb:{store_dir.resolve()}#{graph_name}"
        self._engine = Engine(store_dir, limits or EngineLimits())
        self._lock_key = f"smekg:load-lock:{graph_name}"
        self._generation_key = f"smekg:generation:{graph_name}"

    @property
    def engine(self) -> Engine:
        return self._engine

    def _graph(self, name: str | None = None, *, console: bool = False) -> Any:
        """A fresh falkordb-py handle: its schema cache (label and key ids) never outlives a swap."""
        client = self._engine.console_client if console else self._engine.client
        return Graph(client, name or self.graph_name)

    # -- reading -------------------------------------------------------------------------------
    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a read-only query (GRAPH.RO_QUERY) with an engine time-out and an app-side deadline."""
        return self._read(cypher, params, timeout_ms, max_rows, console=False)

    def console_read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        if not _CONSOLE.acquire(blocking=False):
            raise StoreBusy(
                "the console is busy: an earlier query is still running in the engine; retry shortly"
            )
        return self._read(cypher, params, timeout_ms, max_rows, console=True)

    def _read(
        self,
        cypher: str,
        params: dict[str, Any] | None,
        timeout_ms: int | None,
        max_rows: int | None,
        *,
        console: bool,
    ) -> QueryResult:
        """`console`: the slot is taken; it is given back when the engine has answered."""
        started = time.perf_counter()
        if timeout_ms is not None:  # the engine refuses a time-out above its TIMEOUT_MAX
            timeout_ms = min(timeout_ms, self._engine.limits.timeout_max_ms)
        try:
            check_parameters(params, PARAMETER_LIMITS)
            future = _READERS.submit(self._ro_query, cypher, params or {}, timeout_ms, console)
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

    def _ro_query(
        self, cypher: str, params: dict[str, Any], timeout_ms: int | None, console: bool
    ) -> Any:
        graph = self._graph(console=console)
        return _engine_call(
            self._engine, lambda: graph.ro_query(cypher, params, timeout=timeout_ms)
        )

    def generation(self) -> str | None:
        """The token the last full load wrote, and how many incremental changes came since."""
        value = self._engine.call(lambda: self._engine.client.get(self._generation_key))
        if value is None:
            return None
        token = value.decode() if isinstance(value, bytes) else str(value)
        try:
            rows = self.read(statement("falkordb", "read_changes")).rows
        except GraphEmpty:
            return token
        return f"{token}+{rows[0][0] or 0}" if rows else token

    def counts(self) -> GraphCounts:
        nodes = self.read(statement("falkordb", "count_nodes")).rows
        relationships = self.read(statement("falkordb", "count_relationships")).rows
        return GraphCounts(int(nodes[0][0]), int(relationships[0][0]))

    # -- reads with an engine trick (graph/falkordb_reads.py) -----------------------------------
    def view_nodes(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> list[ViewNode]:
        return tricks.view_nodes(self.read, iris, timeout_ms)

    def view_edges(
        self,
        iris: Sequence[str],
        members: Sequence[NodeHandle],
        types: Sequence[str] | None,
        limit: int,
        *,
        timeout_ms: int | None = None,
    ) -> list[ViewEdge]:
        return tricks.view_edges(self.read, iris, members, types, limit, timeout_ms)

    def expand(
        self,
        frontier: Sequence[str],
        seen: Iterable[NodeHandle],
        *,
        types: Sequence[str] | None,
        since: str | None,
        until: str | None,
        fanout: int,
        limit: int,
        timeout_ms: int | None = None,
    ) -> list[Reached]:
        dates = {"since": since, "until": until}
        return tricks.expand(self.read, frontier, seen, types, dates, fanout, limit, timeout_ms)

    def ids_by_label(
        self, labels: Sequence[str], *, timeout_ms: int | None = None
    ) -> dict[str, list[int]]:
        return tricks.ids_by_label(self.read, labels, timeout_ms)

    def id_pairs(
        self, links: Sequence[tuple[str, str, str | None]], *, timeout_ms: int | None = None
    ) -> list[tuple[list[int], list[int]]]:
        return tricks.id_pairs(self.read, links, timeout_ms)

    def id_years(
        self, label: str, key: str, *, timeout_ms: int | None = None
    ) -> tuple[list[int], list[int]]:
        return tricks.id_years(self.read, label, key, timeout_ms)

    def describe_ids(
        self, ids: Sequence[int], *, timeout_ms: int | None = None
    ) -> dict[int, dict[str, Any]]:
        return tricks.describe_ids(self.read, ids, timeout_ms)

    def ids_of(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> dict[str, int]:
        return tricks.ids_of(self.read, iris, timeout_ms)

    # -- writing -------------------------------------------------------------------------------
    def replace_graph(
        self,
        build: Callable[[GraphWriter], None],
        *,
        expected_nodes: int | None = None,
        expected_relationships: int | None = None,
    ) -> None:
        """Build into a staging graph of this load's own, check its counts, swap it in atomically."""
        with self._lease() as lease:
            self._drop_stale_staging()
            staging_name = f"{self.graph_name}__staging__{uuid.uuid4().hex[:12]}"
            staging = self._graph(staging_name)
            try:
                for index in statements("falkordb", "indexes"):
                    _engine_call(self._engine, partial(staging.query, index))
                build(_FalkorWriter(staging, self._engine))
                _engine_call(self._engine, lambda: staging.query("RETURN 1"))  # the key exists
                self._check_counts(staging_name, expected_nodes, expected_relationships)
                self._swap(lease, staging_name)
            except BaseException:
                self._drop(staging_name)
                raise
        self._persist()

    def apply_atomic(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run one write statement (a whole incremental change) as ONE query and return its rows.

        FalkorDB runs a write query under the graph's write lock from its first write to its end,
        and write queries one at a time, so readers see the graph before or after the whole
        statement (several GRAPH.QUERY calls in MULTI/EXEC would each take and release the lock).
        The statement counts itself in `GraphInfo.changes`, which `generation` reads, so answers
        built from several reads notice the change.
        """
        tricks.refuse_stand_ins(params)
        graph = self._graph()
        result = _engine_call(self._engine, lambda: graph.query(cypher, params))
        return [[plain(v) for v in row] for row in result.result_set or []]

    def _lease(self) -> Lease:
        client = self._engine.client
        key = self._lock_key

        def take(token: str, ttl_ms: int) -> bool:
            return bool(self._engine.call(lambda: client.eval(_TAKE, 1, key, token, ttl_ms)))

        def renew(token: str, ttl_ms: int) -> bool:
            return bool(self._engine.call(lambda: client.eval(_RENEW, 1, key, token, ttl_ms)))

        def give_back(token: str) -> None:
            self._engine.call(lambda: client.eval(_GIVE_BACK, 1, key, token))

        def holder() -> str | None:
            value = self._engine.call(lambda: client.get(key))
            return None if value is None else str(value)

        return Lease(take, renew, give_back, holder)

    def _check_counts(
        self, staging_name: str, nodes: int | None, relationships: int | None
    ) -> None:
        if nodes is None and relationships is None:
            return
        graph = self._graph(staging_name)
        found_nodes = _engine_call(
            self._engine, lambda: graph.ro_query(statement("falkordb", "count_nodes"))
        ).result_set[0][0]
        found_edges = _engine_call(
            self._engine, lambda: graph.ro_query(statement("falkordb", "count_relationships"))
        ).result_set[0][0]
        if (nodes is not None and found_nodes != nodes) or (
            relationships is not None and found_edges != relationships
        ):
            raise LoadMismatch(
                f"the staged graph holds {found_nodes} entities and {found_edges} relationships, "
                f"the mapping produced {nodes} and {relationships}; nothing was swapped in"
            )

    def _swap(self, lease: Lease, staging_name: str) -> None:
        """RENAME staging over the live graph and write a new generation, if the lock is still ours."""
        keys = (self._lock_key, staging_name, self.graph_name, self._generation_key)
        generation = uuid.uuid4().hex
        swapped = self._engine.call(
            lambda: self._engine.client.eval(_SWAP, 4, *keys, lease.token, generation)
        )
        if not swapped:
            raise LoadBusy("the load lock expired before the swap; nothing was swapped in")

    def _drop_stale_staging(self) -> None:
        """Staging graphs of loads that crashed (none can be running: the lock is ours)."""
        prefix = f"{self.graph_name}__staging"
        for name in self._list_graphs():
            if name.startswith(prefix):
                self._drop(name)

    def _list_graphs(self) -> list[str]:
        names = self._engine.command("GRAPH.LIST")
        return [str(n) for n in names or []]

    def _drop(self, name: str) -> None:
        try:
            if name in self._list_graphs():
                self._engine.command("GRAPH.DELETE", name)
        except StoreError as exc:  # the engine is gone: nothing to drop until it is back
            log.warning("could not drop %s: %s", name, exc)

    def _persist(self) -> None:
        try:
            self._engine.command("SAVE")
        except redis.ResponseError as exc:  # a background save already running is fine
            log.debug("SAVE not done: %s", exc)

    def drop_graph(self) -> None:
        """Delete this store's graph and any staging graph a crashed load left (for tests and tools)."""
        self._drop(self.graph_name)
        self._drop_stale_staging()
        self._engine.call(lambda: self._engine.client.delete(self._generation_key))

    def close(self) -> None:
        """Drop this process's connections; the last process to leave saves and stops the server."""
        self._engine.close()


def _engine_call(engine: Engine, fn: Callable[[], Any]) -> Any:
    """An engine call with its errors as the project's: lost engine, time-out, refusal, syntax."""
    try:
        return engine.call(fn)
    except redis.TimeoutError as exc:
        raise QueryTimeout(
            f"the engine did not answer within {engine.limits.socket_timeout_s:.0f} s"
        ) from exc
    except redis.ResponseError as exc:
        raise _translate(exc) from exc
    except (ValueError, TypeError) as exc:  # the client cannot encode a parameter
        raise BadInput(f"parameters not accepted: {exc}") from exc


def _column_name(header: Any) -> str:
    if isinstance(header, list | tuple) and len(header) == 2:
        return str(header[1])
    return str(header)


def _translate(exc: redis.ResponseError) -> StoreError:
    message = str(exc)
    lowered = message.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout(f"query stopped at the time limit: {message}")
    if "read-only" in lowered or "read only" in lowered:
        return QueryRefused(f"the console is read-only: {message}")
    if "empty key" in lowered:
        return GraphEmpty("the graph is empty: run `smekg load` first")
    if "mem consumption exceeded" in lowered or ("memory" in lowered and "capacity" in lowered):
        return QueryRefused(
            "the query needed more memory than the engine allows one query (QUERY_MEM_CAPACITY)"
        )
    if "max pending queries" in lowered or ("queue" in lowered and "full" in lowered):
        return StoreBusy("the graph engine has too many queries waiting; retry shortly")
    return QuerySyntaxError(message)
