"""The graph as analytics reads it: lean id lists from the store, turned into sparse matrices.

Everything read or computed here is cached per graph version (`cached`). Reads return internal node
ids only: one row per label or relationship type holding a list (or, on FalkorDB, one comma-joined
string, which its driver parses several times faster than a list, let alone a row per relationship
with IRIs and names). Names are fetched at the end for the few nodes an answer shows (`describe`).
Two projections:
- `people`: people who took part in events; `adj` = the co-participation graph B·Bᵀ without the
  diagonal (weight = shared events), `incidence` = B, the person × event matrix;
- `full`: people, organisations, posts, events, agreements, series and statements, linked by the
  meeting-and-affiliation relationships, undirected and unweighted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from graph.store import GraphStore
from queries.cache import VersionedCache
from queries.cache import graph_version as answer_graph_version
from queries.library import run_query

READ_TIMEOUT_MS = 120_000
FULL_LABELS = ("Person", "Organization", "Event", "Agreement", "Post", "EventSeries", "Statement")
PROJECTIONS = ("people", "full")


@dataclass
class Projection:
    """Rows are nodes (`ids`: their internal store ids, ascending); `adj` is symmetric."""

    name: str
    ids: np.ndarray
    adj: sp.csr_matrix
    kinds: dict[str, np.ndarray]  # label -> boolean mask over rows
    incidence: sp.csr_matrix | None = None  # people: person × event, 0/1
    components: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def edges(self) -> int:
        return int(self.adj.nnz // 2)

    def rows(self, store_ids) -> np.ndarray:
        """Row of each store id (-1 where the node is not in this projection)."""
        store_ids = np.asarray(store_ids, dtype=np.int64)
        if not self.n:
            return np.full(len(store_ids), -1)
        at = np.minimum(np.searchsorted(self.ids, store_ids), self.n - 1)
        return np.where(self.ids[at] == store_ids, at, -1)


# -- reads ------------------------------------------------------------------------------------------
def _ids(values) -> np.ndarray:
    """A list of ids, or (FalkorDB's variants of the queries) one comma-separated string of them."""
    if isinstance(values, str):
        return np.array(values.split(","), dtype=np.int64) if values else np.zeros(0, np.int64)
    return np.asarray(values or [], dtype=np.int64)


def read_kinds(store: GraphStore) -> dict[str, np.ndarray]:
    """Label -> sorted internal ids."""
    out: dict[str, list[np.ndarray]] = {}
    for label, ids in run_query(store, "analytics_kinds", timeout_ms=READ_TIMEOUT_MS).rows:
        out.setdefault(label, []).append(_ids(ids))
    return {label: np.unique(np.concatenate(parts)) for label, parts in out.items()}


def read_participations(store: GraphStore) -> tuple[np.ndarray, np.ndarray]:
    """(agent ids, event ids), one pair per participation."""
    rows = run_query(store, "analytics_participation_ids", timeout_ms=READ_TIMEOUT_MS).rows
    agents, events = rows[0] if rows else ([], [])
    return _ids(agents), _ids(events)


def read_links(store: GraphStore) -> tuple[np.ndarray, np.ndarray]:
    """(source ids, target ids) of the other meeting-and-affiliation relationships."""
    sources, targets = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for _, s, t in run_query(store, "analytics_links", timeout_ms=READ_TIMEOUT_MS).rows:
        sources.append(_ids(s))
        targets.append(_ids(t))
    return np.concatenate(sources), np.concatenate(targets)


def read_event_years(store: GraphStore) -> tuple[np.ndarray, np.ndarray]:
    """(event ids ascending, start year or -1 where undated)."""
    rows = run_query(store, "analytics_event_years", timeout_ms=READ_TIMEOUT_MS).rows
    events, years = rows[0] if rows else ([], [])
    ids = _ids(events)
    if isinstance(years, str):
        years = years.split(",") if ids.size else []
    year = np.array([int(y) if y and str(y).isdigit() else -1 for y in years], dtype=np.int64)
    order = np.argsort(ids)
    return ids[order], year[order]


def describe(store: GraphStore, ids) -> dict[int, dict[str, Any]]:
    """Internal id -> {iri, name_ko, name_en, type} for the nodes an answer shows."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return {}
    rows = run_query(store, "analytics_describe", {"ids": wanted}, timeout_ms=READ_TIMEOUT_MS).rows
    return {
        int(i): {"iri": iri, "name_ko": ko, "name_en": en, "type": type_}
        for i, iri, ko, en, type_ in rows
    }


# -- projections ------------------------------------------------------------------------------------
def _mask(ids: np.ndarray, kinds: dict[str, np.ndarray], label: str) -> np.ndarray:
    return np.isin(ids, kinds.get(label, np.zeros(0, np.int64)), assume_unique=True)


def _masks(ids: np.ndarray, kinds: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {
        label: _mask(ids, kinds, label)
        for label in ("Person", "Organization", "GovernmentBody", "ForeignPartner")
    }


def people_projection(
    kinds: dict[str, np.ndarray], agents: np.ndarray, events: np.ndarray
) -> Projection:
    keep = np.isin(agents, kinds.get("Person", np.zeros(0, np.int64)))
    people, person_rows = np.unique(agents[keep], return_inverse=True)
    event_ids, event_cols = np.unique(events[keep], return_inverse=True)
    incidence = sp.csr_matrix(
        (np.ones(len(person_rows)), (person_rows, event_cols)), shape=(len(people), len(event_ids))
    )
    incidence.data[:] = 1.0  # a repeated participation counts once
    adj = (incidence @ incidence.T).tocsr()
    adj.setdiag(0)
    adj.eliminate_zeros()
    bipartite = sp.bmat([[None, incidence], [incidence.T, None]], format="csr")
    components = connected_components(bipartite, directed=False)[1][: len(people)]
    return Projection("people", people, adj, _masks(people, kinds), incidence, components)


def full_projection(
    kinds: dict[str, np.ndarray], sources: np.ndarray, targets: np.ndarray
) -> Projection:
    ids = np.unique(
        np.concatenate([kinds.get(label, np.zeros(0, np.int64)) for label in FULL_LABELS])
    )
    projection = Projection("full", ids, sp.csr_matrix((len(ids), len(ids))), _masks(ids, kinds))
    s, t = projection.rows(sources), projection.rows(targets)
    keep = (s >= 0) & (t >= 0) & (s != t)
    s, t = s[keep], t[keep]
    adj = sp.csr_matrix(
        (np.ones(2 * len(s)), (np.concatenate([s, t]), np.concatenate([t, s]))),
        shape=(len(ids), len(ids)),
    )
    adj.data[:] = 1.0  # parallel relationships count once
    projection.adj = adj
    projection.components = connected_components(adj, directed=False)[1]
    return projection


# -- versions and caching ---------------------------------------------------------------------------
_analytics = VersionedCache()  # unbounded: a few projections and answers per graph version
cached = _analytics.cached
clear_cache = _analytics.clear


def cached_versions() -> set[str]:
    """The graph versions that cached values belong to (what the cache holds, for tests and tools)."""
    return {key[1] for key in list(_analytics.entries)}


def graph_version(store: GraphStore) -> str:
    return answer_graph_version(store) or "unversioned"


# -- cached reads and projections -------------------------------------------------------------------
def label_ids(store: GraphStore) -> dict[str, np.ndarray]:
    return cached(store, "kinds", (), lambda: read_kinds(store))


def participations(store: GraphStore) -> tuple[np.ndarray, np.ndarray]:
    return cached(store, "participations", (), lambda: read_participations(store))


def projection(store: GraphStore, name: str) -> Projection:
    """The `people` or `full` projection (see the module's docstring), cached per graph version."""
    if name not in PROJECTIONS:
        raise ValueError(f"projection must be one of {PROJECTIONS}, not {name!r}")
    if name == "people":
        return cached(
            store, "people", (), lambda: people_projection(label_ids(store), *participations(store))
        )

    def build() -> Projection:
        agents, events = participations(store)
        sources, targets = read_links(store)
        return full_projection(
            label_ids(store), np.concatenate([agents, sources]), np.concatenate([events, targets])
        )

    return cached(store, "full", (), build)


def labelled(
    store: GraphStore, proj: Projection, rows, extra: Callable[[int], dict]
) -> list[dict[str, Any]]:
    """Names and type of the nodes at `rows`, each merged with extra(row)."""
    rows = [int(r) for r in rows]
    names = describe(store, proj.ids[rows])
    blank = {"iri": None, "name_ko": None, "name_en": None, "type": None}
    return [names.get(int(proj.ids[r]), blank) | extra(r) for r in rows]


def top_rows(scores: np.ndarray, top: int) -> np.ndarray:
    """The rows of the `top` highest scores, ties by row (store id)."""
    order = np.lexsort((np.arange(len(scores)), -scores))
    return order[:top]
