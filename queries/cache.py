"""Answers kept per graph version: a repeated question costs one `graph_version` read and a look-up.

The graph changes only when it is (re)loaded, which writes a new `GraphInfo` version and load time;
answers computed for an older version are never served. Bounded (least recently used goes first).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable

from graph.store import GraphStore
from queries.library import run_query

MAX_ENTRIES = 256

_entries: OrderedDict[tuple, Any] = OrderedDict()
_lock = threading.Lock()


def graph_version(store: GraphStore) -> str | None:
    """The loaded graph's version and load time; None without `GraphInfo` (then nothing is cached)."""
    rows = run_query(store, "graph_version").rows
    if not rows or rows[0][0] is None:
        return None
    return f"{rows[0][0]}@{rows[0][1]}"


def store_key(store: GraphStore) -> str:
    inner = getattr(store, "inner", store)
    return f"{type(inner).__name__}:{getattr(inner, 'graph_name', '')}:{id(inner)}"


def cached(store: GraphStore, name: str, key: Hashable, compute: Callable[[], Any]) -> Any:
    """compute() once per (store, graph version, name, key); callers must not mutate the value."""
    version = graph_version(store)
    if version is None:
        return compute()
    full = (store_key(store), version, name, key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]
    value = compute()
    with _lock:
        _entries[full] = value
        _entries.move_to_end(full)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
