"""Values kept per graph version: a repeated question costs one `graph_version` read and a look-up.

The graph changes only when it is (re)loaded, which writes a new `GraphInfo` version and load time;
values computed for an older version are dropped and never served, and a graph without a version is
never cached. Concurrent callers of the same key wait for the first one's computation. Two caches
use this: the API's answers (bounded, least recently used goes first) and analytics (`services/analytics/data.py`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store import GraphStore
from queries.library import run_query

MAX_ENTRIES = 256
T = TypeVar("T")


def graph_version(store: GraphStore) -> str | None:
    """The loaded graph's version and load time; None without `GraphInfo` (then nothing is cached)."""
    rows = run_query(store, "graph_version").rows
    if not rows or rows[0][0] is None:
        return None
    return f"{rows[0][0]}@{rows[0][1]}"


def consistent(store: GraphStore, compute: Callable[[], T], attempts: int = 10) -> T:  # noqa: UP047
    """compute() over one whole version of the graph: an answer built from several queries is
    computed again when the graph changed meanwhile (`smekg add` changes it in place)."""
    for attempt in range(attempts):
        version = graph_version(store)
        try:
            value = compute()
        except Exception:
            if attempt + 1 < attempts and graph_version(store) != version:
                continue  # e.g. a node went away between two of its queries
            raise
        if graph_version(store) == version:
            break
    return value


def store_key(store: GraphStore) -> str:
    inner = getattr(store, "inner", store)
    return f"{type(inner).__name__}:{getattr(inner, 'graph_name', '')}:{id(inner)}"


class VersionedCache:
    """compute() once per (store, graph version, name, key); callers must not mutate the value."""

    def __init__(self, max_entries: int | None = None):
        self.max_entries = max_entries
        self.entries: OrderedDict[tuple, Any] = OrderedDict()
        self._computing: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def cached(
        self, store: GraphStore, name: str, key: Hashable, compute: Callable[[], Any]
    ) -> Any:
        """If the graph is reloaded while computing, the value is computed again on the new graph."""
        for _ in range(3):
            version = graph_version(store)
            if version is None:
                return compute()
            value, fresh = self._once((store_key(store), version, name, key), compute)
            if not fresh or graph_version(store) == version:
                break
        return value

    def _once(self, full: tuple, compute: Callable[[], Any]) -> tuple[Any, bool]:
        """(value, whether this call computed it)."""
        with self._lock:
            if full in self.entries:
                self.entries.move_to_end(full)
                return self.entries[full], False
            gate = self._computing.setdefault(full, threading.Lock())
        with gate:
            with self._lock:
                if full in self.entries:
                    return self.entries[full], False
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(full, None)
            with self._lock:
                self._store(full, value)
        return value, True

    def _store(self, full: tuple, value: Any) -> None:
        for old in [k for k in self.entries if k[0] == full[0] and k[1] != full[1]]:
            del self.entries[old]  # an older version of this graph
        self.entries[full] = value
        while self.max_entries is not None and len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()


_answers = VersionedCache(MAX_ENTRIES)
cached = _answers.cached
clear = _answers.clear
