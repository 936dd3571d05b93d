"""Neo4j (single server, cluster or Aura) through the official driver, selected by NEO4J_URI."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from graph.store import (
    GraphWriter,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
)
from graph.values import plain

SCHEMA_STATEMENTS = (
    "CREATE CONSTRAINT smekg_entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE",
    "CREATE INDEX smekg_entity_name_ko IF NOT EXISTS FOR (n:Entity) ON (n.name_ko)",
    "CREATE INDEX smekg_entity_name_en IF NOT EXISTS FOR (n:Entity) ON (n.name_en)",
    "CREATE INDEX smekg_event_start IF NOT EXISTS FOR (n:Event) ON (n.start_date)",
)


class _TxWriter:
    def __init__(self, tx: Any):
        self._tx = tx

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        self._tx.run(cypher, params or {}).consume()

    def run_all(self, statements: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """One transaction is not thread-safe: statements run one after the other."""
        for cypher, params in statements:
            self.run(cypher, params)


class Neo4jStore:
    """Reads run in READ transactions (routed to readers in a cluster); a load is one transaction."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str):
        from neo4j import GraphDatabase

        self._driver = GraphDatabase.driver(uri, auth=(user, password))
        self._database = database

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
        console: bool = False,  # Neo4j stops a transaction at its time-out itself: no rationing needed
    ) -> QueryResult:
        from neo4j import Query
        from neo4j.exceptions import ClientError, CypherSyntaxError, Neo4jError

        started = time.perf_counter()
        query = Query(cypher, timeout=None if timeout_ms is None else timeout_ms / 1000)

        def work(tx: Any) -> tuple[list[str], list[list[Any]], bool]:
            result = tx.run(query, params or {})
            rows: list[list[Any]] = []
            truncated = False
            for record in result:  # streamed: stop pulling at the cap
                if max_rows is not None and len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append([plain(v) for v in record.values()])
            return list(result.keys()), rows, truncated

        try:
            with self._driver.session(
                database=self._database, default_access_mode="READ"
            ) as session:
                columns, rows, truncated = session.execute_read(work)
        except CypherSyntaxError as exc:
            raise QuerySyntaxError(exc.message or str(exc)) from exc
        except ClientError as exc:
            code = exc.code or ""
            if "Timeout" in code or "TransactionTimedOut" in code:
                raise QueryTimeout(f"query stopped at the time limit: {exc.message}") from exc
            if "Forbidden" in code or "WriteOnReadOnly" in code or "AccessMode" in code:
                raise QueryRefused(f"the console is read-only: {exc.message}") from exc
            raise QuerySyntaxError(exc.message or str(exc)) from exc
        except Neo4jError as exc:
            raise StoreError(str(exc)) from exc
        return QueryResult(columns, rows, truncated, (time.perf_counter() - started) * 1000)

    def replace_graph(self, build: Callable[[GraphWriter], None]) -> None:
        """Delete and rebuild inside one write transaction: readers see the old graph until commit."""
        with self._driver.session(database=self._database) as session:
            for statement in SCHEMA_STATEMENTS:
                session.run(statement).consume()

            def work(tx: Any) -> None:
                tx.run("MATCH (n:Entity) DETACH DELETE n").consume()
                build(_TxWriter(tx))

            session.execute_write(work)

    def close(self) -> None:
        self._driver.close()

    # -- incremental changes (smekg add / remove; issue 13) --------------------------------------
    def apply_atomic(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run one write statement (a whole change) in one write transaction and return its rows.

        A statement that returns no row did not apply (its version check failed): the transaction
        is rolled back, so even the lock it took on GraphInfo leaves no trace.
        """
        from neo4j.exceptions import Neo4jError

        def work(tx: Any) -> list[list[Any]]:
            rows = [[plain(v) for v in record.values()] for record in tx.run(cypher, params)]
            if not rows:
                raise _NotApplied
            return rows

        try:
            with self._driver.session(database=self._database) as session:
                result: list[list[Any]] = session.execute_write(work)
                return result
        except _NotApplied:
            return []
        except Neo4jError as exc:
            raise StoreError(str(exc)) from exc


class _NotApplied(Exception):
    """The change's version check failed; roll the transaction back."""
