"""What the loader writes to, described from the loader's side (structural: any store that has these
methods will do, and the loader never imports the stores)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

Statement = tuple[str, dict[str, Any]]


class GraphWriter(Protocol):
    """Parameterised Cypher against the graph being built."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> None: ...

    def run_all(self, statements: Iterable[Statement]) -> None:
        """Run independent statements (any order); all have finished when this returns."""
        ...


class LoadTarget(Protocol):
    """A store that builds a new graph aside, checks its counts, and swaps it in (or refuses)."""

    def replace_graph(
        self,
        build: Callable[[GraphWriter], None],
        *,
        expected_nodes: int | None = None,
        expected_relationships: int | None = None,
    ) -> None: ...
