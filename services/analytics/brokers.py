"""Brokers: people or organisations whose removal most lengthens government ↔ foreign-partner paths."""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from graph.store import GraphStore
from services.analytics import algorithms as algo
from services.analytics import data

BROKER_PAIR_WORK = (
    300_000_000  # government bodies × arcs × (candidates + 2): ≈ one BFS each (≈ 5 s here)
)
BROKER_MIN_SAMPLE = 4  # fewest government bodies when sampled


def brokers(
    store: GraphStore,
    top: int = 10,
    candidates: int = 30,
    seed: int = 42,
    government_sample: int | None = None,
) -> dict[str, Any]:
    """People or organisations whose removal most disconnects or lengthens government↔foreign-partner paths.

    On the `full` projection. Candidates are the `candidates` people and organisations (not themselves
    government bodies or foreign partners) that most shortest paths from government bodies to foreign
    partners go through (betweenness restricted to those paths, as networkx's
    `betweenness_centrality_subset`); each is removed in turn and the (government body, foreign
    partner) pairs that become disconnected, and the mean increase in path length of those still
    connected, are measured. Every government body is a source while sources × arcs × (candidates + 2)
    stays within BROKER_PAIR_WORK; above it (or with `government_sample`) a seeded random sample of
    government bodies is, and the answer says so.
    """

    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        proj = data.projection(store, "full")
        gov = np.flatnonzero(proj.kinds["GovernmentBody"])
        foreign = np.flatnonzero(proj.kinds["ForeignPartner"])
        result: dict[str, Any] = {
            "government_bodies": len(gov),
            "foreign_partners": len(foreign),
            "nodes": proj.n,
            "sampled": False,
            "government_sample": None,
        }
        if not len(gov) or not len(foreign):
            return result | {
                "brokers": [],
                "method": None,
                "seconds": time.perf_counter() - started,
            }
        affordable = BROKER_PAIR_WORK // max(1, proj.adj.nnz * (candidates + 2))
        size = government_sample or max(BROKER_MIN_SAMPLE, affordable)
        sources = gov
        if size < len(gov):
            sources = np.sort(np.random.default_rng(seed).choice(gov, size=size, replace=False))
            result |= {"sampled": True, "government_sample": size}
        target = np.zeros(proj.n, dtype=bool)
        target[foreign] = True
        deps = algo.dependencies(proj.adj, sources, target)
        between = (
            deps.sum(axis=0) / 2 * (len(gov) / len(sources))
        )  # as networkx's subset betweenness
        eligible = (proj.kinds["Person"] | proj.kinds["Organization"]) & (between > 0)
        eligible[gov] = eligible[foreign] = False
        pool = [
            int(r)
            for r in data.top_rows(np.where(eligible, between, -1.0), candidates)
            if eligible[r]
        ]
        base = algo.pair_distances(proj.adj, sources)[:, foreign]
        base[sources[:, None] == foreign[None, :]] = -1  # a body that is both is not a pair
        connected = base >= 0
        rows = []
        for v in pool:
            after = base.copy()
            for i in np.flatnonzero(
                deps[:, v] > 0
            ):  # other sources' paths to foreign partners avoid v
                after[i] = algo.distances(proj.adj, [sources[i]], v)[foreign]
            kept = connected & (after >= 0)
            rows.append(
                {
                    "row": v,
                    "disconnected_pairs": int((connected & (after < 0)).sum()),
                    "mean_path_increase": float((after - base)[kept].mean()) if kept.any() else 0.0,
                    "paths_lengthened": int((kept & (after > base)).sum()),
                    "betweenness_gov_foreign": float(between[v]),
                }
            )
        rows.sort(
            key=lambda r: (
                -r["disconnected_pairs"],
                -r["mean_path_increase"],
                -r["betweenness_gov_foreign"],
                r["row"],
            )
        )
        rows = rows[:top]
        named = data.labelled(store, proj, [int(r["row"]) for r in rows], lambda r: {})
        listed = [
            name | {k: v for k, v in r.items() if k != "row"}
            for name, r in zip(named, rows, strict=True)
        ]
        method = "all government-foreign pairs"
        if result["sampled"]:
            method = (
                f"pairs of {len(sources)} random government bodies (of {len(gov)}, seed {seed}) "
                "and every foreign partner; betweenness scaled by "
                f"{len(gov)}/{len(sources)}"
            )
        return result | {
            "method": method,
            "pairs_connected": int(connected.sum()),
            "candidates": len(pool),
            "candidates_eligible": int(eligible.sum()),
            "betweenness_sources": len(sources),
            "brokers": listed,
            "seconds": time.perf_counter() - started,
        }

    answer: dict[str, Any] = data.cached(
        store, "brokers", (top, candidates, seed, government_sample), compute
    )
    return answer
