"""Neo4j (single server, cluster or Aura) through the official driver, selected by NEO4J_URI.

Reads run in READ transactions (routed to readers in a cluster) with the time limit as the
transaction time-out, which Neo4j enforces itself; the console needs no rationing. A load is one
write transaction (delete, rebuild, count check, new generation), so readers see the old graph until
the commit and a failed or refused load leaves it untouched; the driver retries a transaction that
failed for a transient reason (a deadlock, a leader switch) by running `build` again from the start.
One load at a time across processes: a lock node (`:SmekgState {key: 'load-lock'}`, owner and expiry,
renewed while the load runs); without it two loads would serialise on Neo4j's own locks (or one would
be rolled back as a deadlock and retried), so the lock only turns the second into a clear LoadBusy.
There is no staging graph: the transaction is the staging area.
Analytics ids: element ids (strings) are mapped to integers by the adapter, consistently for the life
of the process. No Neo4j server runs on the development machines: this adapter has been reviewed and
its Cypher linted, not run.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from neo4j import GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import (
    ClientError,
    CypherSyntaxError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.lease import Lease
from graph.neo4j_values import plain
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
    LoadMismatch,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    StoreBusy,
    StoreError,
    StoreUnavailable,
)

# Procedures the console may CALL: Neo4j's read-only ones (by lower-case bare name).
READ_ONLY_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "dbms.components",
    }
)


def _cypher(name: str) -> str:
    return statement("neo4j", name)


class _TxWriter:
    def __init__(self, tx: ManagedTransaction):
        self._tx = tx

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        self._tx.run(cypher, params or {}).consume()

    def run_all(self, statements: Iterable[Statement]) -> None:
        """One transaction is not thread-safe: statements run one after the other."""
        for cypher, params in statements:
            self.run(cypher, params)


class Neo4jStore:
    """Reads in READ transactions; a load or a batch is one write transaction under the load lock."""

    kind = "neo4j"
    read_only_procedures = READ_ONLY_PROCEDURES

    def __init__(self, uri: str, user: str, password: str, database: str):
        self._driver = GraphDatabase.driver(uri, auth=(user, password))
        self._database = database
        self.graph_name = database
        self.identity = f"neo4j:{uri}#{database}"
        self._ids: dict[str, int] = {}
        self._element_ids: list[str] = []
        self._ids_lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------------
    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        started = time.perf_counter()
        timeout_s = None if timeout_ms is None else timeout_ms / 1000

        # the time limit is the transaction's own time-out (a Query object is for session.run only)
        @unit_of_work(timeout=timeout_s)
        def work(tx: ManagedTransaction) -> tuple[list[str], list[list[Any]], bool]:
            result = tx.run(cypher, params or {})
            rows: list[list[Any]] = []
            truncated = False
            for record in result:  # streamed: stop pulling at the cap
                if max_rows is not None and len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append([plain(v) for v in record.values()])
            return list(result.keys()), rows, truncated

        with (
            _translated(),
            self._driver.session(database=self._database, default_access_mode="READ") as session,
        ):
            columns, rows, truncated = session.execute_read(work)
        return QueryResult(columns, rows, truncated, (time.perf_counter() - started) * 1000)

    def console_read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Neo4j stops a transaction at its time-out itself (parsing included): no rationing."""
        return self.read(cypher, params, timeout_ms=timeout_ms, max_rows=max_rows)

    def generation(self) -> str | None:
        rows = self.read(_cypher("read_generation")).rows
        return None if not rows or rows[0][0] is None else str(rows[0][0])

    def counts(self) -> GraphCounts:
        nodes = self.read(_cypher("count_nodes")).rows[0][0]
        relationships = self.read(_cypher("count_relationships")).rows[0][0]
        return GraphCounts(int(nodes), int(relationships))

    # -- graph view ----------------------------------------------------------------------------
    def view_nodes(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> list[ViewNode]:
        rows = self.read(_cypher("view_nodes"), {"iris": list(iris)}, timeout_ms=timeout_ms).rows
        return cast(list[ViewNode], rows[0][0] if rows else [])

    def view_edges(
        self,
        iris: Sequence[str],
        members: Sequence[NodeHandle],
        types: Sequence[str] | None,
        limit: int,
        *,
        timeout_ms: int | None = None,
    ) -> list[ViewEdge]:
        params = {
            "iris": list(iris),
            "members": [str(m) for m in members],
            "types": list(types) if types else None,
            "limit": limit,
        }
        rows = self.read(_cypher("view_edges"), params, timeout_ms=timeout_ms).rows
        return [cast(ViewEdge, tuple(edge)) for edge in (rows[0][0] if rows else [])]

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
        params = {
            "frontier": list(frontier),
            "seen": [str(s) for s in seen],
            "types": list(types) if types else None,
            "since": since,
            "until": until,
            "fanout": fanout,
            "limit": limit,
        }
        result = self.read(_cypher("expand"), params, timeout_ms=timeout_ms)
        return cast(list[Reached], result.records())

    # -- analytics ids (element ids mapped to integers) ------------------------------------------
    def _intern(self, element_ids: Iterable[str]) -> list[int]:
        with self._ids_lock:
            out = []
            for element_id in element_ids:
                number = self._ids.get(element_id)
                if number is None:
                    number = self._ids[element_id] = len(self._element_ids)
                    self._element_ids.append(element_id)
                out.append(number)
            return out

    def ids_by_label(
        self, labels: Sequence[str], *, timeout_ms: int | None = None
    ) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {label: [] for label in labels}
        params = {"labels": list(labels)}
        for label, ids in self.read(_cypher("ids_by_label"), params, timeout_ms=timeout_ms).rows:
            out[label] = self._intern(ids)
        return out

    def id_pairs(
        self, links: Sequence[tuple[str, str, str | None]], *, timeout_ms: int | None = None
    ) -> list[tuple[list[int], list[int]]]:
        if not links:
            return []
        params = {"links": [{"source": s, "type": t, "target": o} for s, t, o in links]}
        out: list[tuple[list[int], list[int]]] = [([], []) for _ in links]
        rows = self.read(_cypher("id_pairs"), params, timeout_ms=timeout_ms).rows
        for index, sources, targets in rows:
            out[int(index)] = (self._intern(sources), self._intern(targets))
        return out

    def id_years(
        self, label: str, key: str, *, timeout_ms: int | None = None
    ) -> tuple[list[int], list[int]]:
        params = {"label": label, "key": key}
        rows = self.read(_cypher("id_years"), params, timeout_ms=timeout_ms).rows
        element_ids, years = rows[0] if rows else ([], [])
        return self._intern(element_ids), [int(y) if str(y).isdigit() else -1 for y in years]

    def describe_ids(
        self, ids: Sequence[int], *, timeout_ms: int | None = None
    ) -> dict[int, dict[str, Any]]:
        with self._ids_lock:
            wanted = [self._element_ids[i] for i in sorted(set(ids)) if i < len(self._element_ids)]
        if not wanted:
            return {}
        rows = self.read(_cypher("describe_ids"), {"ids": wanted}, timeout_ms=timeout_ms).rows
        numbers = self._intern(row[0] for row in rows)
        return {
            number: {"iri": iri, "name_ko": ko, "name_en": en, "type": type_}
            for number, (_, iri, ko, en, type_) in zip(numbers, rows, strict=True)
        }

    def ids_of(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> dict[str, int]:
        wanted = sorted(set(iris))
        if not wanted:
            return {}
        rows = self.read(_cypher("ids_of"), {"iris": wanted}, timeout_ms=timeout_ms).rows
        numbers = self._intern(row[1] for row in rows)
        return {str(row[0]): number for row, number in zip(rows, numbers, strict=True)}

    # -- writing -------------------------------------------------------------------------------

    def replace_graph(
        self,
        build: Callable[[GraphWriter], None],
        *,
        expected_nodes: int | None = None,
        expected_relationships: int | None = None,
    ) -> None:
        """Delete and rebuild inside one write transaction, counts checked before the commit."""
        with _translated():
            with self._driver.session(database=self._database) as session:
                for schema in statements("neo4j", "schema"):
                    session.run(schema).consume()
            with self._lease():

                def work(tx: ManagedTransaction) -> None:
                    tx.run(_cypher("delete_entities")).consume()
                    build(_TxWriter(tx))
                    _check_counts(tx, expected_nodes, expected_relationships)
                    _new_generation(tx)

                self._write(work)

    def _write(self, work: Callable[[ManagedTransaction], None]) -> None:
        with self._driver.session(database=self._database) as session:
            session.execute_write(work)

    def _lease(self) -> Lease:
        def take(token: str, ttl_ms: int) -> bool:
            def work(tx: ManagedTransaction) -> bool:
                params = {"token": token, "ttl_ms": ttl_ms}
                record = tx.run(_cypher("acquire_lock"), params).single()
                return bool(record and record["acquired"])

            with self._driver.session(database=self._database) as session:
                return session.execute_write(work)

        def give_back(token: str) -> None:
            def work(tx: ManagedTransaction) -> None:
                tx.run(_cypher("release_lock"), {"token": token}).consume()

            self._write(work)

        def holder() -> str | None:
            rows = self.read(_cypher("lock_owner")).rows
            return None if not rows or rows[0][0] is None else str(rows[0][0])

        return Lease(take, take, give_back, holder)

    # -- incremental changes (smekg add / remove) ---------------------------------------------
    def apply_atomic(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run one write statement (a whole change) in one write transaction and return its rows,
        with a new generation written in the same transaction.

        A statement that returns no row did not apply (its version check failed): the transaction
        is rolled back, so even the lock it took on GraphInfo leaves no trace.
        """

        def work(tx: ManagedTransaction) -> list[list[Any]]:
            rows = [[plain(v) for v in record.values()] for record in tx.run(cypher, params)]
            if not rows:
                raise _NotApplied
            _new_generation(tx)
            return rows

        try:
            with _translated(), self._driver.session(database=self._database) as session:
                result: list[list[Any]] = session.execute_write(work)
                return result
        except _NotApplied:
            return []

    def close(self) -> None:
        self._driver.close()


def _check_counts(tx: ManagedTransaction, nodes: int | None, relationships: int | None) -> None:
    if nodes is None and relationships is None:
        return
    found_nodes = tx.run(_cypher("count_nodes")).single(strict=True)[0]
    found_edges = tx.run(_cypher("count_relationships")).single(strict=True)[0]
    if (nodes is not None and found_nodes != nodes) or (
        relationships is not None and found_edges != relationships
    ):
        raise LoadMismatch(
            f"the rebuilt graph holds {found_nodes} entities and {found_edges} relationships, the "
            f"mapping produced {nodes} and {relationships}; the transaction was rolled back"
        )


def _new_generation(tx: ManagedTransaction) -> None:
    tx.run(_cypher("write_generation"), {"token": uuid.uuid4().hex}).consume()


@contextmanager
def _translated() -> Iterator[None]:
    """Neo4j's errors as the project's: lost server, time-out, refusal, syntax, transient."""
    try:
        yield
    except (Neo4jError, ServiceUnavailable, SessionExpired) as exc:
        raise _translate(exc) from exc


def _translate(exc: BaseException) -> StoreError:
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return StoreUnavailable(f"the Neo4j server is unavailable; retry shortly ({exc})")
    if isinstance(exc, CypherSyntaxError):
        return QuerySyntaxError(exc.message or str(exc))
    if isinstance(exc, TransientError):
        return StoreBusy(f"Neo4j asked to retry: {exc.message or exc}")
    if isinstance(exc, ClientError):
        code = exc.code or ""
        if "Timeout" in code or "TransactionTimedOut" in code:
            return QueryTimeout(f"query stopped at the time limit: {exc.message}")
        if "Forbidden" in code or "WriteOnReadOnly" in code or "AccessMode" in code:
            return QueryRefused(f"the console is read-only: {exc.message}")
        return QuerySyntaxError(exc.message or str(exc))
    return StoreError(str(exc))


class _NotApplied(Exception):
    """The change's version check failed; roll the transaction back."""
