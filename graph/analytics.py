"""Network analytics over the stored graph: centrality, communities, brokers and year-by-year evolution.

Two projections, both read through named queries (queries/analytics_*.cypher):
- `people`: the people-only co-participation graph; two people are linked when they took part in the
  same event, the edge weight is the number of shared events;
- `full`: the undirected graph of "meeting and affiliation" relationships (the types `meeting_path`
  follows) between people, organisations, posts, events, agreements and statements — no article
  bylines or places.

Exact where affordable, sampled on large graphs: betweenness is exact up to `EXACT_BETWEENNESS_MAX`
nodes and otherwise uses `k` sampled pivots (seeded; the sample size is part of the answer).
Results are cached per graph version (the `graph_info` query's version and load time), so a repeated
call is a dictionary look-up until the graph is reloaded.
"""
from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any, Callable

import networkx as nx

from graph.store import GraphStore
from queries.library import run_query

EXACT_BETWEENNESS_MAX = 2000   # nodes; above this betweenness is sampled
BETWEENNESS_SAMPLE = 200       # pivots when sampled
BROKER_EXACT_MAX = 20000       # nodes; above this brokers use one multi-source BFS per candidate
READ_TIMEOUT_MS = 120_000
MEETING_TYPES = ["PARTICIPATED_IN", "HOLDS_POST", "POST_IN", "MEMBER_OF", "AFFILIATED_WITH", "CHAIR_OF",
                 "SUB_ORGANIZATION_OF", "PARTY", "SIGNED_AT", "ORGANIZED_BY", "SPEAKER", "STATED_AT",
                 "SUB_EVENT_OF"]
PROJECTIONS = ("people", "full")

_cache: dict[tuple, Any] = {}
_lock = threading.Lock()


# -- versions and caching ---------------------------------------------------------------------------
def graph_version(store: GraphStore) -> str:
    rows = run_query(store, "graph_info", timeout_ms=READ_TIMEOUT_MS).rows
    if not rows:
        return "unversioned"
    version, loaded_at = rows[0][0], rows[0][1]
    return f"{version}@{loaded_at}"


def _store_key(store: GraphStore) -> str:
    inner = getattr(store, "inner", store)
    return f"{type(inner).__name__}:{getattr(inner, 'graph_name', '')}:{id(inner)}"


def cached(store: GraphStore, name: str, params: tuple, compute: Callable[[], Any]) -> Any:
    """compute() once per (store, graph version, name, params); concurrent callers wait for the first."""
    key = (_store_key(store), graph_version(store), name, params)
    with _lock:
        if key in _cache:
            return _cache[key]
    value = compute()
    with _lock:
        stale = [k for k in _cache if k[0] == key[0] and k[1] != key[1]]
        for k in stale:  # an older version of this graph: drop it
            del _cache[k]
        _cache[key] = value
    return value


def clear_cache() -> None:
    with _lock:
        _cache.clear()


# -- projections ----------------------------------------------------------------------------------
def _nodes(store: GraphStore) -> dict[str, dict[str, Any]]:
    out = {}
    for iri, type_, ko, en, person, org, gov, foreign in run_query(store, "analytics_nodes",
                                                                   timeout_ms=READ_TIMEOUT_MS).rows:
        out[iri] = {"iri": iri, "type": type_, "name_ko": ko, "name_en": en, "is_person": bool(person),
                    "is_org": bool(org), "is_government": bool(gov), "is_foreign": bool(foreign)}
    return out


def participations(store: GraphStore) -> list[dict[str, Any]]:
    return cached(store, "participations", (), lambda: run_query(
        store, "analytics_participations", timeout_ms=READ_TIMEOUT_MS).records())


def people_graph(store: GraphStore) -> nx.Graph:
    """People linked when they took part in the same event; weight = shared events, events = their IRIs."""
    def build() -> nx.Graph:
        graph = nx.Graph()
        by_event: dict[str, list[str]] = defaultdict(list)
        for row in participations(store):
            if not row["is_person"]:
                continue
            graph.add_node(row["agent"], name_ko=row["name_ko"], name_en=row["name_en"])
            by_event[row["event"]].append(row["agent"])
        for event, people in by_event.items():
            for a, b in combinations(sorted(set(people)), 2):
                if graph.has_edge(a, b):
                    graph[a][b]["weight"] += 1
                    graph[a][b]["events"].append(event)
                else:
                    graph.add_edge(a, b, weight=1, events=[event])
        return graph
    return cached(store, "people_graph", (), build)


def full_graph(store: GraphStore) -> nx.Graph:
    """Undirected meeting-and-affiliation graph over people, organisations, posts, events, agreements."""
    def build() -> nx.Graph:
        nodes = _nodes(store)
        graph = nx.Graph()
        for iri, data in nodes.items():
            graph.add_node(iri, **{k: v for k, v in data.items() if k != "iri"})
        for source, target, _ in run_query(store, "analytics_edges", {"types": MEETING_TYPES},
                                           timeout_ms=READ_TIMEOUT_MS).rows:
            if source in nodes and target in nodes and source != target:
                graph.add_edge(source, target)
        return graph
    return cached(store, "full_graph", (), build)


def projection(store: GraphStore, name: str) -> nx.Graph:
    if name not in PROJECTIONS:
        raise ValueError(f"projection must be one of {PROJECTIONS}, not {name!r}")
    return people_graph(store) if name == "people" else full_graph(store)


def _describe(graph: nx.Graph, node: str) -> dict[str, Any]:
    data = graph.nodes[node]
    return {"iri": node, "name_ko": data.get("name_ko"), "name_en": data.get("name_en"), "type": data.get("type")}


# -- centrality -----------------------------------------------------------------------------------
def centrality(store: GraphStore, projection_name: str = "people", top: int = 20, seed: int = 42) -> dict[str, Any]:
    """Degree, betweenness (exact or sampled, with the sample size) and eigenvector centrality, top `top`."""
    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        graph = projection(store, projection_name)
        n = graph.number_of_nodes()
        result: dict[str, Any] = {"projection": projection_name, "nodes": n, "edges": graph.number_of_edges()}
        if n == 0:
            return result | {"degree": [], "betweenness": [], "eigenvector": [], "betweenness_sample": None,
                             "seconds": 0.0}
        degree = dict(graph.degree())
        norm = max(1, n - 1)
        if n <= EXACT_BETWEENNESS_MAX:
            between = nx.betweenness_centrality(graph)
            sample = None
        else:
            sample = min(BETWEENNESS_SAMPLE, n)
            between = nx.betweenness_centrality(graph, k=sample, seed=seed)
        eigen = _eigenvector(graph)

        def ranked(scores: dict[str, float], key: str) -> list[dict[str, Any]]:
            order = sorted(scores, key=lambda v: (-scores[v], v))[:top]
            return [_describe(graph, v) | {key: scores[v], "degree": degree[v]} for v in order]

        result.update({
            "degree": ranked({v: d / norm for v, d in degree.items()}, "degree_centrality"),
            "betweenness": ranked(between, "betweenness"),
            "betweenness_sample": sample,
            "betweenness_exact": sample is None,
            "eigenvector": ranked(eigen, "eigenvector"),
            "seconds": time.perf_counter() - started,
        })
        return result
    return cached(store, "centrality", (projection_name, top, seed), compute)


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per connected component (power iteration; weight-free for stability)."""
    scores: dict[str, float] = {v: 0.0 for v in graph}
    components = sorted(nx.connected_components(graph), key=len, reverse=True)
    largest = components[0]
    sub = graph.subgraph(largest)
    if len(largest) == 1:
        scores[next(iter(largest))] = 1.0
        return scores
    try:
        scores.update(nx.eigenvector_centrality(sub, max_iter=1000, tol=1e-6))
    except nx.PowerIterationFailedConvergence:
        scores.update(nx.eigenvector_centrality(sub, max_iter=1000, tol=1e-4))
    return scores  # other components score 0: eigenvector centrality is a property of the giant component


# -- communities ----------------------------------------------------------------------------------
def communities(store: GraphStore, projection_name: str = "people", seed: int = 42, top: int = 20,
                members: int = 10) -> dict[str, Any]:
    """Louvain communities (seeded), largest first, each with its best-connected members."""
    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        graph = projection(store, projection_name)
        if graph.number_of_nodes() == 0:
            return {"projection": projection_name, "count": 0, "modularity": None, "communities": [], "seconds": 0.0}
        weight = "weight" if projection_name == "people" else None
        parts = nx.community.louvain_communities(graph, weight=weight, seed=seed)
        parts = sorted(parts, key=lambda c: (-len(c), min(c)))
        modularity = nx.community.modularity(graph, parts, weight=weight)
        out = []
        for index, part in enumerate(parts[:top]):
            best = sorted(part, key=lambda v: (-graph.degree(v), v))[:members]
            out.append({"id": index, "size": len(part), "members": [_describe(graph, v) for v in best]})
        return {"projection": projection_name, "count": len(parts), "modularity": modularity, "seed": seed,
                "communities": out, "seconds": time.perf_counter() - started}
    return cached(store, "communities", (projection_name, seed, top, members), compute)


# -- brokers --------------------------------------------------------------------------------------
def brokers(store: GraphStore, top: int = 10, candidates: int = 30, seed: int = 42) -> dict[str, Any]:
    """People or organisations whose removal most disconnects or lengthens government↔foreign-partner paths.

    On the `full` projection. Candidates are the people and organisations (not themselves government
    bodies or foreign partners) with the highest betweenness restricted to government→foreign paths;
    each is removed in turn and the pairs (government body, foreign partner) that become disconnected,
    and the mean increase in path length of those still connected, are measured. Graphs above
    BROKER_EXACT_MAX nodes measure, instead of every pair, each foreign partner's distance to the
    nearest government body (one multi-source BFS per candidate), and sample the betweenness pivots.
    """
    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        graph = full_graph(store)
        gov = sorted(v for v, d in graph.nodes(data=True) if d.get("is_government"))
        foreign = sorted(v for v, d in graph.nodes(data=True) if d.get("is_foreign"))
        result: dict[str, Any] = {"government_bodies": len(gov), "foreign_partners": len(foreign),
                                  "nodes": graph.number_of_nodes()}
        if not gov or not foreign:
            return result | {"brokers": [], "method": None, "seconds": time.perf_counter() - started}
        large = graph.number_of_nodes() > BROKER_EXACT_MAX
        sources = gov
        if large and len(gov) > 50:
            sources = sorted(random.Random(seed).sample(gov, 50))
        between = nx.betweenness_centrality_subset(graph, sources=sources, targets=foreign)
        endpoints = set(gov) | set(foreign)
        pool = [v for v, d in graph.nodes(data=True)
                if (d.get("is_person") or d.get("is_org")) and v not in endpoints and between.get(v, 0) > 0]
        pool = sorted(pool, key=lambda v: (-between[v], v))[:candidates]
        measure = _nearest_distances if large else _pair_distances
        base = measure(graph, gov, foreign)
        rows = []
        for v in pool:
            view = nx.restricted_view(graph, [v], [])
            after = measure(view, gov, foreign)
            lost = [k for k in base if k not in after]
            kept = [k for k in base if k in after]
            longer = sum(after[k] - base[k] for k in kept) / len(kept) if kept else 0.0
            rows.append(_describe(graph, v) | {
                "disconnected_pairs": len(lost), "mean_path_increase": longer,
                "paths_lengthened": sum(1 for k in kept if after[k] > base[k]),
                "betweenness_gov_foreign": between[v]})
        rows.sort(key=lambda r: (-r["disconnected_pairs"], -r["mean_path_increase"], -r["betweenness_gov_foreign"], r["iri"]))
        return result | {
            "method": "nearest-government distance per foreign partner" if large else "all government-foreign pairs",
            "pairs_connected": len(base), "candidates": len(pool),
            "betweenness_sources": len(sources), "brokers": rows[:top], "seconds": time.perf_counter() - started}
    return cached(store, "brokers", (top, candidates, seed), compute)


def _pair_distances(graph, gov: list[str], foreign: list[str]) -> dict[tuple[str, str], int]:
    targets = set(foreign)
    out = {}
    for g in gov:
        if g not in graph:
            continue
        for node, dist in nx.single_source_shortest_path_length(graph, g).items():
            if node in targets and node != g:
                out[(g, node)] = dist
    return out


def _nearest_distances(graph, gov: list[str], foreign: list[str]) -> dict[str, int]:
    dist = {}
    frontier = [g for g in gov if g in graph]
    seen = set(frontier)
    depth = 0
    targets = set(foreign)
    while frontier:
        nxt = []
        for node in frontier:
            if node in targets:
                dist[node] = depth
            for nb in graph[node]:
                if nb not in seen:
                    seen.add(nb)
                    nxt.append(nb)
        frontier, depth = nxt, depth + 1
    return dist


# -- evolution ------------------------------------------------------------------------------------
def evolution(store: GraphStore) -> dict[str, Any]:
    """Per year: events, people and organisations taking part, newcomers, returning actors, repeat attendees."""
    def compute() -> dict[str, Any]:
        started = time.perf_counter()
        by_year: dict[int, dict[str, Any]] = defaultdict(lambda: {"events": set(), "people": Counter(), "orgs": Counter()})
        undated = 0
        for row in participations(store):
            date = row["date"]
            if not date:
                undated += 1
                continue
            year = int(str(date)[:4])
            bucket = by_year[year]
            bucket["events"].add(row["event"])
            (bucket["people"] if row["is_person"] else bucket["orgs"])[row["agent"]] += 1
        seen_people: set[str] = set()
        seen_orgs: set[str] = set()
        years = []
        for year in sorted(by_year):
            b = by_year[year]
            people, orgs = set(b["people"]), set(b["orgs"])
            years.append({
                "year": year, "events": len(b["events"]), "people": len(people), "organisations": len(orgs),
                "new_people": len(people - seen_people), "returning_people": len(people & seen_people),
                "new_organisations": len(orgs - seen_orgs), "returning_organisations": len(orgs & seen_orgs),
                "repeat_attendees": sum(1 for c in b["people"].values() if c >= 2),
                "top_attendees": [{"iri": iri, "events": c} for iri, c in
                                  sorted(b["people"].items(), key=lambda kv: (-kv[1], kv[0]))[:5]],
            })
            seen_people |= people
            seen_orgs |= orgs
        return {"years": years, "undated_participations": undated, "seconds": time.perf_counter() - started}
    return cached(store, "evolution", (), compute)


# -- timing helper for the bench ------------------------------------------------------------------
def benchmark(store: GraphStore) -> dict[str, Any]:
    """Cold timings of every call on one graph (cache cleared first), then a cached repeat."""
    clear_cache()
    out: dict[str, Any] = {}
    for name, fn in (("people projection", lambda: people_graph(store)),
                     ("full projection", lambda: full_graph(store)),
                     ("centrality people", lambda: centrality(store, "people")),
                     ("centrality full", lambda: centrality(store, "full")),
                     ("communities people", lambda: communities(store, "people")),
                     ("brokers", lambda: brokers(store)),
                     ("evolution", lambda: evolution(store))):
        started = time.perf_counter()
        value = fn()
        note = ""
        if isinstance(value, nx.Graph):
            note = f"{value.number_of_nodes()} nodes, {value.number_of_edges()} edges"
        elif isinstance(value, dict) and "betweenness_sample" in value:
            note = f"betweenness sample k={value['betweenness_sample']}" if value["betweenness_sample"] else "exact"
        elif isinstance(value, dict) and "method" in value:
            note = str(value["method"])
        out[name] = {"seconds": time.perf_counter() - started, "note": note}
    started = time.perf_counter()
    centrality(store, "people")
    out["centrality people (cached)"] = {"seconds": time.perf_counter() - started, "note": "graph_info + lookup"}
    return out
