"""What the rest of the project sees of a graph store: a read-only view, and a writer/admin side.

- `GraphReader` is all that queries, services, the API and the console get: reads (time limited, rows
  capped), the console's rationed read, the graph's generation and live counts, and the few reads
  that need an engine trick (the packed graph view, id sets, id columns for analytics), implemented
  inside each adapter. There is no way to write through it.
- `GraphAdmin` is what the loader (and an incremental loader) gets: replace the whole graph through a
  staged build with its counts checked before the swap, or apply one atomic batch of statements.
- `GraphBackend` is both: what `open_store` returns and what the command and the API's start-up own.
Both adapters return the same shapes (plain JSON-ready values, ints for analytics ids), so no caller
checks which engine it talks to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

from ontology.errors import (
    GraphEmpty,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    StoreBusy,
    StoreError,
    StoreUnavailable,
)

__all__ = [
    "GraphAdmin",
    "GraphBackend",
    "GraphCounts",
    "GraphEmpty",
    "GraphReader",
    "GraphStore",
    "GraphWriter",
    "NodeHandle",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "Reached",
    "Statement",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "ViewEdge",
    "ViewNode",
]

Statement = tuple[str, dict[str, Any]]
# An engine's own node id (FalkorDB: an int, Neo4j: an element id), valid within one generation only.
NodeHandle = int | str


@dataclass
class QueryResult:
    """Columns and rows of plain, JSON-ready values (nodes, edges and paths as dicts)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class GraphCounts:
    """Entities (nodes labelled Entity) and relationships in a graph."""

    nodes: int
    relationships: int


class ViewNode(TypedDict):
    iri: str
    type: str | None
    labels: list[str]
    name_ko: str | None
    name_en: str | None
    date: str | None
    handle: NodeHandle


class Reached(TypedDict):
    """An entity one hop out: how many frontier entities link to it, and how many of those hit fanout."""

    handle: NodeHandle
    iri: str
    links: int
    capped: int


# source IRI, target IRI, type, sources (article ids), evidence (quotes), roles
ViewEdge = tuple[str, str, str, list[str], list[str], list[str]]


class GraphReader(Protocol):
    """A read-only view of one graph."""

    kind: str  # "falkordb" or "neo4j"
    graph_name: str  # the graph (FalkorDB) or database (Neo4j) served
    identity: str  # stable for one store and graph: what caches key on
    read_only_procedures: frozenset[str]  # lower-case names the console may CALL

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a read-only query with an engine time-out (and an app-side deadline)."""
        ...

    def console_read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Ad hoc Cypher (already through the guard): rationed, so a runaway holds one engine thread at most."""
        ...

    def generation(self) -> str | None:
        """Changes with every swap of the graph (never repeats); None when the graph was never swapped in."""
        ...

    def counts(self) -> GraphCounts:
        """Entities and relationships in the live graph, read from the engine."""
        ...

    # -- reads that need an engine trick (each adapter says which and why) --------------------------
    def view_nodes(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> list[ViewNode]:
        """The graph view's node details for these IRIs, with each node's handle."""
        ...

    def view_edges(
        self,
        iris: Sequence[str],
        members: Sequence[NodeHandle],
        types: Sequence[str] | None,
        limit: int,
        *,
        timeout_ms: int | None = None,
    ) -> list[ViewEdge]:
        """Relationships from `iris` to any node in `members` (handles of the same set), ordered."""
        ...

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
        """One bounded hop: each frontier entity takes at most `fanout` unseen neighbours (dated ones
        within since/until), ranked by links, undated first, most recent, IRI."""
        ...

    def ids_by_label(
        self, labels: Sequence[str], *, timeout_ms: int | None = None
    ) -> dict[str, list[int]]:
        """Label → integer ids of its nodes (ids are consistent within one generation)."""
        ...

    def id_pairs(
        self,
        links: Sequence[tuple[str, str, str | None]],
        *,
        timeout_ms: int | None = None,
    ) -> list[tuple[list[int], list[int]]]:
        """For each (source label, relationship type, target label or None): parallel id lists."""
        ...

    def id_years(
        self, label: str, key: str, *, timeout_ms: int | None = None
    ) -> tuple[list[int], list[int]]:
        """Ids of `label` nodes and the year of their date property `key` (-1 without one)."""
        ...

    def describe_ids(
        self, ids: Sequence[int], *, timeout_ms: int | None = None
    ) -> dict[int, dict[str, Any]]:
        """Id → {iri, name_ko, name_en, type} for the nodes an analytics answer shows."""
        ...

    def ids_of(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> dict[str, int]:
        """IRI → the id analytics reads give that entity (describe_ids the other way round)."""
        ...


# What services annotate their store parameter with: the read-only view.
GraphStore = GraphReader


class GraphWriter(Protocol):
    """What a build writes through: parameterised Cypher against the staged graph."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None: ...

    def run_all(self, statements: Iterable[Statement]) -> None:
        """Run independent statements (any order); all have finished when this returns."""
        ...


class GraphAdmin(Protocol):
    """The writer side: one load at a time across processes, and nothing half-done ever served."""

    def replace_graph(
        self,
        build: Callable[[GraphWriter], None],
        *,
        expected_nodes: int | None = None,
        expected_relationships: int | None = None,
    ) -> None:
        """Build a new graph with `build` into a staging area of its own and swap it in only if it
        succeeded entirely and holds exactly the expected counts (LoadMismatch otherwise); another
        load running is LoadBusy. The old graph serves until the swap."""
        ...

    def apply_atomic(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run one write statement (a whole incremental change) atomically: readers see the graph
        before or after it, and the graph's generation changes with it. Returns its rows (none
        when the statement's own guard matched nothing, and then nothing changed)."""
        ...

    def close(self) -> None: ...


class GraphBackend(GraphReader, GraphAdmin, Protocol):
    """An adapter: the read-only view and the writer side of one graph."""
