"""The store interface that loaders, queries and the API rely on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol


class StoreError(Exception):
    """A graph store could not do what was asked."""


class QueryRefused(StoreError):
    """The query would write, or uses a clause the read-only console does not allow."""


class QueryTimeout(StoreError):
    """The query ran past its time limit and was stopped."""


class StoreBusy(StoreError):
    """Every console slot is taken by a query the engine is still running; try again shortly."""


class QuerySyntaxError(StoreError):
    """The engine could not parse or plan the query; the message is the engine's."""


@dataclass
class QueryResult:
    """Columns and rows of plain, JSON-ready values (nodes, edges and paths as dicts)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class GraphWriter(Protocol):
    """What a loader writes through: parameterised Cypher against the staged graph."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None: ...

    def run_all(self, statements: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Run independent statements (any order); all have finished when this returns."""
        ...


class GraphStore(Protocol):
    """A property-graph database that speaks Cypher."""

    kind: str  # "falkordb" or "neo4j": selects query dialect variants

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
        console: bool = False,
    ) -> QueryResult:
        """Run a read-only query; `console=True` marks ad hoc Cypher, which may be rationed."""
        ...

    def replace_graph(self, build: Callable[[GraphWriter], None]) -> None:
        """Build a new graph with `build` and swap it in only if it succeeds entirely."""
        ...

    def close(self) -> None: ...
