"""The graph as analytics reads it: lean id lists from the store, turned into sparse matrices.

Everything read or computed here is cached per graph version (`cached`). Reads return integer node
ids only, per label and per relationship type, through the store's id reads (each adapter reads them
its own fastest way); names are fetched at the end for the few nodes an answer shows (`describe`).
Two projections:
- `people`: people who took part in events; `adj` = the co-participation graph B·Bᵀ without the
  diagonal (weight = shared events), `incidence` = B, the person × event matrix;
- `full`: people, organisations, posts, events, agreements, series and statements, linked by the
  meeting-and-affiliation relationships, undirected and unweighted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from graph.store import GraphReader
from queries.cache import VersionedCache
from queries.cache import graph_version as answer_graph_version

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

    def rows(self, store_ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Row of each store id (-1 where the node is not in this projection)."""
        store_ids = np.asarray(store_ids, dtype=np.int64)
        if not self.n:
            return np.full(len(store_ids), -1)
        at = np.minimum(np.searchsorted(self.ids, store_ids), self.n - 1)
        return np.where(self.ids[at] == store_ids, at, -1)


# -- reads ------------------------------------------------------------------------------------------
# What the analytics read, by label and relationship: each adapter turns these into its own id reads
# (graph/cypher/<engine>/ids_*.cypher). The meeting-and-affiliation links other than PARTICIPATED_IN
# (source label, relationship type, target label or None for any): each starts from the type's
# rdfs:domain label, which validation guarantees, so the engine scans only those nodes.
KIND_LABELS = (
    "Person",
    "Organization",
    "GovernmentBody",
    "ForeignPartner",
    "Event",
    "Agreement",
    "Post",
    "EventSeries",
    "Statement",
)
PARTICIPATION = ("Agent", "PARTICIPATED_IN", "Event")
LINKS: tuple[tuple[str, str, str | None], ...] = (
    ("Person", "HOLDS_POST", None),
    ("Post", "POST_IN", None),
    ("Agent", "MEMBER_OF", None),
    ("Person", "AFFILIATED_WITH", None),
    ("Person", "CHAIR_OF", None),
    ("Post", "CHAIR_OF", None),
    ("Organization", "SUB_ORGANIZATION_OF", None),
    ("Agreement", "PARTY", None),
    ("Agreement", "SIGNED_AT", None),
    ("Event", "ORGANIZED_BY", None),
    ("Statement", "SPEAKER", None),
    ("Statement", "STATED_AT", None),
    ("Event", "SUB_EVENT_OF", None),
)


def _ids(values: list[int]) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def read_kinds(store: GraphReader) -> dict[str, np.ndarray]:
    """Label -> sorted internal ids."""
    found = store.ids_by_label(KIND_LABELS, timeout_ms=READ_TIMEOUT_MS)
    return {label: np.unique(_ids(ids)) for label, ids in found.items()}


def read_participations(store: GraphReader) -> tuple[np.ndarray, np.ndarray]:
    """(agent ids, event ids), one pair per participation."""
    ((agents, events),) = store.id_pairs([PARTICIPATION], timeout_ms=READ_TIMEOUT_MS)
    return _ids(agents), _ids(events)


def read_links(store: GraphReader) -> tuple[np.ndarray, np.ndarray]:
    """(source ids, target ids) of the other meeting-and-affiliation relationships."""
    pairs = store.id_pairs(LINKS, timeout_ms=READ_TIMEOUT_MS)
    sources = [np.zeros(0, np.int64)] + [_ids(s) for s, _ in pairs]
    targets = [np.zeros(0, np.int64)] + [_ids(t) for _, t in pairs]
    return np.concatenate(sources), np.concatenate(targets)


def read_event_years(store: GraphReader) -> tuple[np.ndarray, np.ndarray]:
    """(event ids ascending, start year or -1 where undated)."""
    ids, years = store.id_years("Event", "start_date", timeout_ms=READ_TIMEOUT_MS)
    id_array, year_array = _ids(ids), _ids(years)
    order = np.argsort(id_array)
    return id_array[order], year_array[order]


def describe(store: GraphReader, ids: Sequence[int] | np.ndarray) -> dict[int, dict[str, Any]]:
    """Internal id -> {iri, name_ko, name_en, type} for the nodes an answer shows."""
    return store.describe_ids([int(i) for i in ids], timeout_ms=READ_TIMEOUT_MS)


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
    blocks: Any = [[None, incidence], [incidence.T, None]]  # scipy-stubs type no mixed block lists
    bipartite: Any = sp.bmat(blocks, format="csr")
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


def graph_version(store: GraphReader) -> str:
    return answer_graph_version(store) or "unversioned"


# -- cached reads and projections -------------------------------------------------------------------
def label_ids(store: GraphReader) -> dict[str, np.ndarray]:
    return cached(store, "kinds", (), lambda: read_kinds(store))


def participations(store: GraphReader) -> tuple[np.ndarray, np.ndarray]:
    return cached(store, "participations", (), lambda: read_participations(store))


def projection(store: GraphReader, name: str) -> Projection:
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


def iri_order(store: GraphReader, proj: Projection) -> np.ndarray:
    """The projection's rows sorted by IRI: an order that does not depend on how the store numbered
    its nodes (reads every node's IRI: meant for the graphs networkx handles)."""
    names = describe(store, proj.ids)
    keys = [str((names.get(int(i)) or {}).get("iri") or "") for i in proj.ids]
    return np.array(sorted(range(proj.n), key=keys.__getitem__), dtype=np.int64)


def labelled(
    store: GraphReader,
    proj: Projection,
    rows: Iterable[int] | np.ndarray,
    extra: Callable[[int], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Names and type of the nodes at `rows`, each merged with extra(row)."""
    picked = [int(r) for r in rows]
    names = describe(store, proj.ids[picked])
    blank = {"iri": None, "name_ko": None, "name_en": None, "type": None}
    return [names.get(int(proj.ids[r]), blank) | extra(r) for r in picked]


def top_rows(scores: np.ndarray, top: int) -> np.ndarray:
    """The rows of the `top` highest scores, ties by row (store id)."""
    order = np.lexsort((np.arange(len(scores)), -scores))
    return order[:top]
