"""Answers that take several reads, consistent with one version of the graph.

A load swaps the whole graph in at once, and each adapter changes the graph's generation in the same
atomic step; an answer built from several queries (the graph view above all, which carries internal
ids from one query to the next) reads the generation before and after and is built again when a swap
came in between. Generations never repeat, so equal before and after means no swap happened.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.store import GraphReader
from ontology.errors import SmekgError, StoreBusy

ATTEMPTS = 3


def consistent[T](reader: GraphReader, answer: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """`answer()` computed within one generation of the graph (retried when a swap interleaved)."""
    for attempt in range(attempts):
        before = reader.generation()
        try:
            value = answer()
        except (SmekgError, LookupError, ValueError, TypeError):
            # a read that saw the next graph can fail on the previous one's ids or names
            if attempt + 1 < attempts and reader.generation() != before:
                continue
            raise
        if reader.generation() == before:
            return value
    raise StoreBusy(
        f"the graph was replaced {attempts} times while this answer was being built; retry shortly"
    )
