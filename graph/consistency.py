"""Answers that take several reads, consistent with one version of the graph.

A load swaps the whole graph in at once, and each adapter changes the graph's generation in the same
atomic step; an answer built from several queries (the graph view above all, which carries internal
ids from one query to the next) reads the generation before and after and is built again when a swap
came in between. Generations never repeat, so equal before and after means no swap happened.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from graph.store import GraphReader
from ontology.errors import SmekgError, StoreBusy

BUDGET_S = 10.0  # how long an answer keeps trying while changes keep coming
FIRST_PAUSE_S = 0.005
LONGEST_PAUSE_S = 0.25


def consistent[T](reader: GraphReader, answer: Callable[[], T], budget_s: float = BUDGET_S) -> T:
    """`answer()` computed within one generation of the graph.

    Built again when a change came in between, after a growing, jittered pause so that a reader
    slips between the changes of a steady writer (articles added one after another); gives up with
    StoreBusy only when no quiet moment came within `budget_s`.
    """
    deadline = time.monotonic() + budget_s
    pause = FIRST_PAUSE_S
    attempts = 0
    while True:
        attempts += 1
        before = reader.generation()
        try:
            value = answer()
        except (SmekgError, LookupError, ValueError, TypeError):
            # a read that saw the next graph can fail on the previous one's ids or names
            if reader.generation() == before:
                raise
        else:
            if reader.generation() == before:
                return value
        if time.monotonic() + pause > deadline:
            raise StoreBusy(
                f"the graph changed {attempts} times while this answer was being built "
                f"({budget_s:g} s); retry shortly"
            )
        time.sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, LONGEST_PAUSE_S)
