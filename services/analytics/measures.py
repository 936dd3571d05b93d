"""Network analytics over the stored graph: centrality, communities, brokers and year-by-year evolution.

Projections (services/analytics/data.py) are read from the store as id lists and held as scipy sparse
matrices; the algorithms (services/analytics/algorithms.py) are sparse-matrix versions of Brandes, ARPACK and
Louvain, with networkx's Louvain on small graphs. FalkorDB's own `algo.betweenness` and
`algo.pageRank` follow relationship direction, so they do not fit these undirected projections.

Exact where affordable, sampled on large graphs, and every answer says which (`sampled`,
`sample_size`, `methods`/`method`): betweenness is exact while (nodes × arcs) stays within
`BETWEENNESS_WORK`, otherwise it uses k seeded random sources with k = BETWEENNESS_WORK / arcs
(between BETWEENNESS_MIN_SAMPLE and BETWEENNESS_SAMPLE). Results are cached per graph version (the
`graph_version` version and load time): a repeated call is a dictionary look-up until the next load.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, cast

import networkx as nx
import numpy as np
import scipy.sparse as sp

from graph.store import GraphStore
from services.analytics import algorithms as algo
from services.analytics import data
from services.analytics.data import Projection, cached, projection

BETWEENNESS_WORK = 50_000_000  # sources × arcs of one betweenness run (≈ 3 s here)
BETWEENNESS_SAMPLE = 200  # most sources when sampled
BETWEENNESS_MIN_SAMPLE = 32  # fewest sources when sampled
LOUVAIN_NX_MAX_EDGES = 50_000  # networkx's Louvain up to this many edges, the vectorised one above


# -- centrality -------------------------------------------------------------------------------------
def centrality(
    store: GraphStore,
    projection_name: str = "people",
    top: int = 20,
    seed: int = 42,
    sample: int | None = None,
) -> dict[str, Any]:
    """Degree, betweenness (exact or sampled) and eigenvector centrality, top `top` of each.

    `sample` forces betweenness from that many random sources (exact if it covers every node).
    """

    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        proj = projection(store, projection_name)
        n = proj.n
        result: dict[str, Any] = {"projection": projection_name, "nodes": n, "edges": proj.edges}
        between, error, info = _betweenness(proj, seed, sample)
        eigen = algo.eigenvector(proj.adj, proj.components)
        degree = np.diff(proj.adj.indptr)
        norm = max(1, n - 1)
        result["methods"] = {
            "degree": "exact: distinct neighbours / (nodes - 1)",
            "betweenness": info.pop("betweenness_method"),
            "eigenvector": "ARPACK (scipy eigsh, tolerance 1e-6) on the largest connected component, "
            "unweighted; other components score 0",
        }
        result.update(info)
        lists = {
            "degree": (degree / norm, "degree_centrality"),
            "betweenness": (between, "betweenness"),
            "eigenvector": (eigen, "eigenvector"),
        }
        for key, (scores, field) in lists.items():
            result[key] = data.labelled(
                store,
                proj,
                data.top_rows(scores, top),
                _scored(scores, field, degree),
            )
            if (
                key == "betweenness" and error is not None
            ):  # sampled: each estimate's standard error
                for row, r in zip(result[key], data.top_rows(scores, top), strict=True):
                    row["betweenness_se"] = float(error[r])
        result["seconds"] = time.perf_counter() - started
        return result

    answer: dict[str, Any] = cached(
        store, "centrality", (projection_name, top, seed, sample), compute
    )
    return answer


def _scored(scores: np.ndarray, field: str, degree: np.ndarray) -> Callable[[int], dict[str, Any]]:
    """The score and degree of a row, for `labelled`."""
    return lambda r: {field: float(scores[r]), "degree": int(degree[r])}


def _betweenness(
    proj: Projection, seed: int, sample: int | None
) -> tuple[np.ndarray, np.ndarray | None, dict[str, Any]]:
    """Brandes from all or k random sources, normalised as networkx (by (n-1)(n-2), times n/k)."""
    n = proj.n
    graph: sp.csr_matrix
    if proj.name == "people":  # paths between people through the events they attended
        incidence = proj.incidence
        assert incidence is not None  # the people projection always has one
        blocks: list[list[sp.spmatrix[Any] | None]] = [[None, incidence], [incidence.T, None]]
        graph = cast(sp.csr_matrix, sp.bmat(blocks, format="csr"))
        targets = np.arange(graph.shape[0]) < n
        where = (
            "on the person-event graph: shortest paths between people through the events they "
            "attended (two people who shared several events are joined by one path per event)"
        )
    else:
        graph, targets, where = proj.adj, None, "on the full graph"
    affordable = BETWEENNESS_WORK // max(graph.nnz, 1)
    if n == 0:
        return np.zeros(0), None, _between_info(None, where, "no nodes")
    if sample is None and n <= affordable:
        k, sources = None, np.arange(n)
    else:
        k = min(n, sample or min(BETWEENNESS_SAMPLE, max(BETWEENNESS_MIN_SAMPLE, affordable)))
        sources = np.sort(np.random.default_rng(seed).choice(n, size=k, replace=False))
        if k == n:
            k = None
    total, squares = algo.betweenness(graph, sources, targets)
    scale = (1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0) * n
    mean = total[:n] / len(sources)
    if k is None:
        return mean * scale, None, _between_info(None, where, f"exact (Brandes from all {n} nodes)")
    error = (
        np.sqrt(np.maximum(squares[:n] / k - mean**2, 0.0) / k) * scale
    )  # standard error of the estimate
    return (
        mean * scale,
        error,
        _between_info(
            k,
            where,
            f"sampled: Brandes from {k} random source nodes of {n} "
            f"(seed {seed}), scaled by {n}/{k}; betweenness_se is the "
            "standard error of each estimate",
        ),
    )


def _between_info(k: int | None, where: str, how: str) -> dict[str, Any]:
    return {
        "betweenness_sample": k,
        "betweenness_exact": k is None,
        "sampled": k is not None,
        "sample_size": k,
        "betweenness_method": f"{how}, {where}",
    }


# -- communities ------------------------------------------------------------------------------------
def communities(
    store: GraphStore,
    projection_name: str = "people",
    seed: int = 42,
    top: int = 20,
    members: int = 10,
    vectorised: bool | None = None,
) -> dict[str, Any]:
    """Louvain communities (seeded), largest first, each with its best-connected members.

    networkx's Louvain up to LOUVAIN_NX_MAX_EDGES edges, the vectorised one (analytics_algo.louvain)
    above, or as `vectorised` says. People are weighted by shared events, the full graph is not.
    """

    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        proj = projection(store, projection_name)
        if proj.n == 0:
            return {
                "projection": projection_name,
                "count": 0,
                "modularity": None,
                "communities": [],
                "seed": seed,
                "method": None,
                "sampled": False,
                "seconds": 0.0,
            }
        fast = proj.edges > LOUVAIN_NX_MAX_EDGES if vectorised is None else vectorised
        if fast:
            labels, method = _louvain_vectorised(proj, seed)
        else:
            labels, method = _louvain_networkx(proj, seed, data.iri_order(store, proj))
        modularity = algo.modularity(proj.adj, labels)
        _, labels = np.unique(labels, return_inverse=True)
        sizes = np.bincount(labels)
        lowest = np.full(len(sizes), proj.n)
        np.minimum.at(lowest, labels, np.arange(proj.n))
        ranked = np.lexsort((lowest, -sizes))[:top]  # largest first, ties by their first row
        order = np.lexsort(
            (np.arange(proj.n), -np.diff(proj.adj.indptr), labels)
        )  # best-connected first
        starts = np.searchsorted(labels[order], ranked)
        shown = [
            order[start : start + min(members, sizes[label])]
            for label, start in zip(ranked, starts, strict=True)
        ]
        names = data.describe(store, proj.ids[np.concatenate(shown)] if shown else [])
        out = [
            {
                "id": index,
                "size": int(sizes[label]),
                "members": [names.get(int(proj.ids[r]), {"iri": None}) for r in rows],
            }
            for index, (label, rows) in enumerate(zip(ranked, shown, strict=True))
        ]
        return {
            "projection": projection_name,
            "count": len(sizes),
            "modularity": modularity,
            "seed": seed,
            "method": method,
            "sampled": False,
            "communities": out,
            "seconds": time.perf_counter() - started,
        }

    answer: dict[str, Any] = cached(
        store, "communities", (projection_name, seed, top, members, vectorised), compute
    )
    return answer


def _louvain_networkx(proj: Projection, seed: int, order: np.ndarray) -> tuple[np.ndarray, str]:
    """Louvain visits nodes in the graph's order: given rows in IRI order (`order`), the same data
    gives the same communities however the store numbered its nodes (a reload numbers them anew)."""
    graph = nx.from_scipy_sparse_array(proj.adj[order][:, order])
    weight = "weight" if proj.name == "people" else None
    labels = np.zeros(proj.n, dtype=np.int64)
    for index, part in enumerate(nx.community.louvain_communities(graph, weight=weight, seed=seed)):
        labels[order[sorted(part)]] = index
    return labels, f"Louvain (networkx, seed {seed}, nodes in IRI order)"


def _louvain_vectorised(proj: Projection, seed: int) -> tuple[np.ndarray, str]:
    if proj.name == "people":
        labels = algo.louvain(proj.adj, seed=seed, incidence=proj.incidence)
    else:
        labels = algo.louvain(proj.adj, seed=seed)
    return labels, (
        f"Louvain with synchronous local moves (scipy sparse, seed {seed}): every node moves to "
        "its best neighbouring community at once, a seeded random 70% of them per round"
    )


# -- evolution --------------------------------------------------------------------------------------
def evolution(store: GraphStore) -> dict[str, Any]:
    """Per year: events, people and organisations taking part, newcomers, returning actors, repeat attendees."""

    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        agents, events = data.participations(store)
        event_ids, event_years = data.read_event_years(store)
        at = np.minimum(np.searchsorted(event_ids, events), max(len(event_ids) - 1, 0))
        year = (
            np.where(event_ids[at] == events, event_years[at], -1)
            if len(event_ids)
            else np.full(len(events), -1)
        )
        dated = year >= 0
        agents, events, year = agents[dated], events[dated], year[dated]
        person = np.isin(agents, data.label_ids(store).get("Person", np.zeros(0, np.int64)))
        span = 10_000  # years are 4 digits: one key per (agent, year), sorted by agent then year
        keys, first, counts = np.unique(agents * span + year, return_index=True, return_counts=True)
        agent, pair_year, pair_person = keys // span, keys % span, person[first]
        starts = np.r_[True, agent[1:] != agent[:-1]]
        new = pair_year == pair_year[starts][np.cumsum(starts) - 1]  # the agent's first year
        years: list[dict[str, Any]] = []
        tops: dict[int, list[tuple[int, int]]] = {}
        for y in np.unique(year):
            here = pair_year == y
            people, orgs = here & pair_person, here & ~pair_person
            best = np.flatnonzero(people)[np.lexsort((agent[people], -counts[people]))[:5]]
            tops[int(y)] = [(int(agent[r]), int(counts[r])) for r in best]
            years.append(
                {
                    "year": int(y),
                    "events": len(np.unique(events[year == y])),
                    "people": int(people.sum()),
                    "organisations": int(orgs.sum()),
                    "new_people": int((people & new).sum()),
                    "returning_people": int((people & ~new).sum()),
                    "new_organisations": int((orgs & new).sum()),
                    "returning_organisations": int((orgs & ~new).sum()),
                    "repeat_attendees": int((people & (counts >= 2)).sum()),
                }
            )
        names = data.describe(store, [a for top in tops.values() for a, _ in top])
        for entry in years:
            entry["top_attendees"] = [
                names.get(a, {"iri": None}) | {"events": c} for a, c in tops[entry["year"]]
            ]
        return {
            "years": years,
            "undated_participations": int((~dated).sum()),
            "sampled": False,
            "seconds": time.perf_counter() - started,
        }

    answer: dict[str, Any] = cached(store, "evolution", (), compute)
    return answer
