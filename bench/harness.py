"""The benchmark harness: load, parse, SHACL, queries (store vs API), API under load, memory.

Every figure is the median and p95 over repeated runs; comparisons (loader vs plain CREATE, rdflib vs
Oxigraph, store vs API) are taken side by side in the same run, alternating.  Loads run in a child
process so that each one's peak RSS (ru_maxrss) is its own; the FalkorDB server's peak is read from
/proc/<pid>/status (VmHWM) of the redis-server the child started.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from graph.falkordb_store import FalkorDBStore
    from graph.store import GraphBackend, GraphStore, GraphWriter
    from loaders.mapping import PropertyGraph
    from loaders.writer import Statement

REPO = Path(__file__).resolve().parent.parent


# -- statistics and machine -------------------------------------------------------------------------
def stats(samples: list[float]) -> dict[str, float]:
    """Median and p95 (nearest rank) of a list of samples, plus n."""
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0, "p50": float("nan"), "p95": float("nan")}
    rank = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return {"n": len(ordered), "p50": statistics.median(ordered), "p95": ordered[rank]}


def timed(fn: Callable[[], Any], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def machine() -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    versions: dict[str, str | None] = {}
    for mod in (
        "rdflib",
        "pyshacl",
        "pyoxigraph",
        "oxrdflib",
        "networkx",
        "falkordb",
        "fastapi",
        "httpx",
    ):
        try:
            from importlib.metadata import version

            versions[mod] = version(mod)
        except Exception:
            versions[mod] = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "mem_mb": mem,
        "python": platform.python_version(),
        "os": platform.platform(),
        "versions": versions,
    }


def _server_pids(store_dir: Path) -> list[int]:
    import psutil

    pids = []
    for proc in psutil.process_iter(["pid", "cmdline", "name"]):
        try:
            cmd = " ".join(proc.info["cmdline"] or [])
        except Exception:
            continue
        if "redis" in (proc.info["name"] or "") + cmd and str(store_dir) in cmd:
            pids.append(proc.info["pid"])
    return pids


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def store_server_peak(store: FalkorDBStore) -> float | None:
    """Peak RSS (VmHWM) of the redis-server behind an open FalkorDBStore."""
    try:
        return peak_rss_mb(store.engine.pid)
    except Exception:
        return None


def server_peak_mb(store_dir: Path) -> float | None:
    from graph.falkordb_store import FalkorDBStore

    probe = FalkorDBStore(store_dir, "bench_probe")
    try:
        return store_server_peak(probe)
    finally:
        probe.close()


# -- parsing --------------------------------------------------------------------------------------
def parse_rdflib(files: list[Path], fmt_trig: str = "trig", fmt_ttl: str = "turtle") -> int:
    from rdflib import Dataset

    total = 0
    for path in files:
        ds = Dataset()
        ds.parse(path, format=fmt_trig if path.suffix == ".trig" else fmt_ttl)
        total += sum(len(g) for g in ds.graphs())
    return total


def parse_pyoxigraph(files: list[Path]) -> int:
    import pyoxigraph

    total = 0
    for path in files:
        fmt = pyoxigraph.RdfFormat.TRIG if path.suffix == ".trig" else pyoxigraph.RdfFormat.TURTLE
        with open(path, "rb") as fh:
            total += sum(1 for _ in pyoxigraph.parse(fh, format=fmt))
    return total


def parse_project(files: list[Path]) -> int:
    from loaders.sources import read_sources

    return read_sources(files).triple_count()


# -- SHACL: the project's validator (loaders.shacl) against pyshacl, same data, same shapes ------------
def shacl_project(files: list[Path]) -> float:
    """Seconds for the loader's SHACL step (compiled shapes over the one-pass index)."""
    from loaders.index import build_index, load_ontology
    from loaders.sources import read_sources
    from loaders.validation import check_shapes

    sources = read_sources(files)
    index = build_index(sources, load_ontology())
    started = time.perf_counter()
    problems = check_shapes(sources, index)
    assert not problems, problems[:3]
    return time.perf_counter() - started


def shacl_pyshacl(files: list[Path]) -> float:
    """Seconds for pyshacl over the same union (types materialised first, no inference)."""
    from loaders.sources import read_sources
    from loaders.validation_pyshacl import pyshacl_problems

    sources = read_sources(files)
    started = time.perf_counter()
    problems = pyshacl_problems(sources)
    assert not problems, problems[:3]
    return time.perf_counter() - started


# -- loading (child process) ----------------------------------------------------------------------
LOAD_MODES = ("loader", "create", "create-pipelined")


def _create_statements(pg: PropertyGraph, batch_size: int) -> Iterator[Statement | None]:
    """The engine's ceiling: plain parameterised UNWIND … CREATE of the same rows (no dates, no provenance work)."""
    from collections import defaultdict

    from loaders.writer import _batches, _safe

    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in pg.nodes.values():
        groups[tuple(node.labels)].append({"iri": node.iri, "props": node.props})
    for labels, rows in groups.items():
        lab = ":".join(_safe(x) for x in labels)
        for batch in _batches(rows, batch_size):
            yield (
                f"UNWIND $rows AS row CREATE (n:{lab}) SET n = row.props, n.iri = row.iri",
                {"rows": batch},
            )
    yield None  # every node exists before the first relationship
    egroups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in pg.edges:
        egroups[edge.type].append({"s": edge.source, "o": edge.target, "props": edge.props})
    for etype, rows in egroups.items():
        for batch in _batches(rows, batch_size):
            yield (
                (
                    "UNWIND $rows AS row MATCH (a:Entity {iri: row.s}) MATCH (b:Entity {iri: row.o}) "
                    f"CREATE (a)-[r:{_safe(etype)}]->(b) SET r = row.props"
                ),
                {"rows": batch},
            )


def _create_rows(writer: GraphWriter, pg: PropertyGraph, batch_size: int, pipelined: bool) -> None:
    statements = list(_create_statements(pg, batch_size))
    split = statements.index(None)
    for phase in (statements[:split], statements[split + 1 :]):
        rows = [statement for statement in phase if statement is not None]
        if pipelined:
            writer.run_all(rows)
        else:
            for cypher, params in rows:
                writer.run(cypher, params)


def load_child(
    mode: str, data_dir: Path, store_dir: Path, graph: str, batch_size: int
) -> dict[str, Any]:
    """Run in a child: one load in `mode` (see LOAD_MODES); prints timings and peak RSS."""
    from graph.falkordb_store import FalkorDBStore
    from loaders.pipeline import load_data, prepare

    store = FalkorDBStore(store_dir, graph)
    out: dict[str, Any] = {"mode": mode}
    if mode == "loader":
        steps: dict[str, float] = {}
        begun: dict[str, float] = {}

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if stage in ("nodes", "relationships"):
                begun.setdefault("write", now)
            elif done == 0:
                begun[stage] = now
            elif done == total:
                steps[stage] = now - begun[stage]

        started = time.perf_counter()
        report = load_data(store, data_dir, batch_size=batch_size, progress=progress)
        out["total_s"] = time.perf_counter() - started
        out["edges"], out["nodes"] = report.edges, report.nodes
        out["steps"] = steps
        out["prepare_s"] = steps.get("validating", 0.0)
        out["write_s"] = out["total_s"] - out["prepare_s"]
    else:
        pg, _ = prepare(data_dir)
        out["edges"], out["nodes"] = len(pg.edges), len(pg.nodes)
        started = time.perf_counter()
        store.replace_graph(lambda w: _create_rows(w, pg, batch_size, mode == "create-pipelined"))
        out["write_s"] = out["total_s"] = time.perf_counter() - started
    out["loader_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["server_peak_rss_mb"] = store_server_peak(store)
    store.close()
    return out


def run_load(
    mode: str, data_dir: Path, store_dir: Path, graph: str, batch_size: int = 500
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        "bench",
        "_load",
        mode,
        str(data_dir),
        str(store_dir),
        graph,
        str(batch_size),
    ]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"load {mode} failed: {proc.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures


# -- queries ---------------------------------------------------------------------------------------
def pick_params(store: GraphStore) -> dict[str, Any]:
    """Parameters for every named query, taken from the loaded graph (a hub person, an event, an org…)."""

    def one(cypher: str) -> list[Any]:
        rows = store.read(cypher, timeout_ms=60000).rows
        return rows[0] if rows else [None]

    hub = one(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->() RETURN p.iri, p.name_ko, count(r) AS c ORDER BY c DESC LIMIT 1"
    )
    other = one("MATCH (p:Person)-[:PARTICIPATED_IN]->() WITH p SKIP 37 LIMIT 1 RETURN p.iri")[0]
    event = one(
        "MATCH (e:Event)<-[r:PARTICIPATED_IN]-() RETURN e.iri, count(r) AS c ORDER BY c DESC LIMIT 1"
    )[0]
    org = one(
        "MATCH (o:Organization)<-[:POST_IN]-() RETURN o.iri, count(*) AS c ORDER BY c DESC LIMIT 1"
    )[0]
    article = one("MATCH (a:Article) RETURN a.article_id LIMIT 1")[0]
    iris = [
        r[0]
        for r in store.read(
            "MATCH (n:Entity {iri: $h})-[]-(m:Entity) RETURN DISTINCT m.iri LIMIT 200",
            {"h": hub[0]},
            timeout_ms=60000,
        ).rows
    ]
    name = hub[1]
    ids = [
        r[0]
        for r in store.read(
            "MATCH (n:Entity) WHERE n.iri IN $iris RETURN id(n)", {"iris": iris}, timeout_ms=60000
        ).rows
    ]
    people = [
        r[0]
        for r in store.read(
            "MATCH (p:Person)-[:PARTICIPATED_IN]->() RETURN p.iri, count(*) AS c ORDER BY c DESC LIMIT 1000",
            timeout_ms=60000,
        ).rows
    ]
    from graph.falkordb_reads import STAND_INS, bitset

    return {
        "agreements_list": {"parties": [], "since": None, "until": None, "limit": 100},
        "article_detail": {"id": article},
        "article_mentions": {"article_id": article, "limit": 100},
        "articles_by_id": {"ids": [article]},
        "entity_by_name": {"name": name, "lowered": name.lower() if name else None},
        "entity_detail": {"iri": hub[0]},
        "entity_positions": {"iri": hub[0]},
        "entity_relationships": {"iri": hub[0], "limit": 100},
        "entity_search": {"lowered": "김", "type": "Person", "limit": 50},
        "event_participant_posts": {"event": event},
        "events_list": {"type": None, "since": None, "until": None, "series": None, "limit": 100},
        "export_edges": {"skip": 0, "limit": 1000},
        "export_nodes": {"skip": 0, "limit": 1000},
        "graph_edges": {"iris": iris, "members": bitset(ids), "types": None, "limit": 1000},
        "graph_info": {},
        "graph_version": {},
        "who_met_whom_ranked": {
            "person": hub[0],
            "since": None,
            "until": None,
            "skip": 0,
            "limit": 100,
            "events": 5,
        },
        "entity_by_iri": {"iri": hub[0]},
        "graph_expand": {
            "frontier": [hub[0]],
            "seen": None,
            "since": None,
            "until": None,
            "fanout": 20000,
            "limit": 1001,
        },
        "graph_expand_typed": {
            "frontier": [hub[0]],
            "seen": None,
            "types": ["PARTICIPATED_IN", "HOLDS_POST"],
            "since": None,
            "until": None,
            "fanout": 20000,
            "limit": 1001,
        },
        "graph_overview_all": {"since": None, "until": None, "limit": 2001},
        "graph_view_nodes": {"iris": iris, **STAND_INS},
        "graph_view_edges": {
            "iris": iris,
            "members": bitset(ids),
            "types": None,
            "limit": 20001,
            **STAND_INS,
        },
        "graph_overview": {"types": None, "since": None, "until": None, "limit": 150},
        "label_counts": {},
        "relationship_counts": {},
        "meeting_path": {"a": hub[0], "b": other, "max_hops": 6, "limit": 1},
        "met_at_events": {"a": hub[0], "b": other},
        "org_events": {"org": org},
        "org_people": {"org": org},
        "shortest_paths": {"a": hub[0], "b": other, "max_hops": 6, "limit": 10},
        "who_met_whom": {"person": hub[0], "since": None, "until": None},
        "_hub": {"iri": hub[0], "name": hub[1], "degree": hub[2], "other": other},
        "_people": people,
    }


def bench_queries(
    store: GraphBackend, params: dict[str, Any], repeats: int, api: bool = True
) -> dict[str, Any]:
    """p50/p95 per named query at the store (run_query) and through the API (/api/queries/{name})."""
    from queries.library import list_queries, run_query

    results: dict[str, Any] = {}
    client = None
    if api:
        from fastapi.testclient import TestClient

        from api.app import create_app
        from smekg.settings import Settings

        settings = Settings(query_timeout_ms=60000, max_rows=100000)
        client = TestClient(create_app(settings, store=store))
    for query in list_queries():
        p = {k: v for k, v in params.get(query.name, {}).items() if k in query.params}
        row: dict[str, Any] = {}
        try:
            run_query(store, query.name, p, timeout_ms=60000)  # warm-up
            store_t = timed(_named(store, query.name, p), repeats)
            row["store"] = stats(store_t)
            row["rows"] = len(run_query(store, query.name, p, timeout_ms=60000).rows)
        except Exception as exc:  # a query another helper added with parameters we do not know
            row["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
            results[query.name] = row
            continue
        if client is not None:
            qp = {
                k: json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
                for k, v in p.items()
                if v is not None
            }
            url = f"/api/queries/{query.name}"
            resp = client.get(url, params=qp)
            if resp.status_code == 200:
                api_t = timed(_get(client, url, qp), repeats)
                row["api"] = stats(api_t)
                row["ratio_p50"] = (
                    row["api"]["p50"] / row["store"]["p50"] if row["store"]["p50"] else None
                )
            else:
                row["api_error"] = f"{resp.status_code} {resp.text[:200]}"
        results[query.name] = row
    if (
        client is not None
    ):  # the page endpoints the targets name; "first" = answer cache emptied before each call
        from queries import cache

        hub = params["_hub"]

        def first(url: str, qp: dict[str, Any]) -> Any:
            cache.clear()
            return client.get(url, params=qp)

        routes: tuple[tuple[str, str, dict[str, Any], bool], ...] = (
            (
                "route who-met-whom hub limit=100 (first request)",
                "/api/who-met-whom",
                {"person": hub["iri"], "limit": 100, "events": 5},
                True,
            ),
            (
                "route who-met-whom hub limit=100 (repeated)",
                "/api/who-met-whom",
                {"person": hub["iri"], "limit": 100, "events": 5},
                False,
            ),
            (
                "route graph hub depth=2 limit=1000",
                "/api/graph",
                {"center": hub["iri"], "depth": 2, "limit": 1000},
                True,
            ),
            (
                "route graph hub depth=2 limit=2000",
                "/api/graph",
                {"center": hub["iri"], "depth": 2, "limit": 2000},
                True,
            ),
            ("route graph overview limit=150 (first request)", "/api/graph", {"limit": 150}, True),
        )
        for label, url, qp, cold in routes:
            resp = client.get(url, params=qp)
            if resp.status_code != 200:
                results[label] = {"api_error": f"{resp.status_code} {resp.text[:200]}"}
                continue
            call = functools.partial(first, url, qp) if cold else _get(client, url, qp)
            results[label] = {"api": stats(timed(call, repeats))}
        client.close()
    return results


# -- API under load ---------------------------------------------------------------------------------
def _named(store: GraphStore, name: str, params: dict[str, Any]) -> Callable[[], Any]:
    """One run of a named query, for `timed`."""
    from queries.library import run_query

    return lambda: run_query(store, name, params, timeout_ms=60000)


def _get(client: TestClient, url: str, params: dict[str, Any]) -> Callable[[], Any]:
    """One GET through the API, for `timed`."""
    return lambda: client.get(url, params=params)


def load_test(
    store_dir: Path,
    graph: str,
    people: list[str],
    clients: int = 16,
    requests: int = 2000,
    max_seconds: float = 30.0,
    port: int | None = None,
) -> dict[str, Any]:
    """uvicorn on 127.0.0.1 in a child; `clients` concurrent httpx.AsyncClient workers, bounded in count and time.

    Request i asks who-met-whom for people[i % len(people)]: one person measures repeated (cached)
    answers; more people than the answer cache holds measure first requests.
    """
    import asyncio

    import httpx

    if port is None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
    env = dict(
        os.environ,
        SMEKG_STORE_DIR=str(store_dir),
        SMEKG_GRAPH=graph,
        SMEKG_QUERY_TIMEOUT_MS="10000",
    )
    env.pop("NEO4J_URI", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "api.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/api/queries", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        latencies: list[float] = []
        errors = 0
        first_error: list[str] = []

        async def main() -> float:
            nonlocal errors
            remaining = [requests]
            deadline = time.perf_counter() + max_seconds
            limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
            async with httpx.AsyncClient(base_url=base, timeout=15, limits=limits) as client:

                async def worker() -> None:
                    nonlocal errors
                    while remaining[0] > 0 and time.perf_counter() < deadline:
                        remaining[0] -= 1
                        person = people[remaining[0] % len(people)]
                        t0 = time.perf_counter()
                        resp = await client.get("/api/who-met-whom", params={"person": person})
                        latencies.append(time.perf_counter() - t0)
                        if resp.status_code != 200:
                            errors += 1
                            if not first_error:
                                first_error.append(f"{resp.status_code} {resp.text[:200]}")

                started = time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(clients)))
                return time.perf_counter() - started

        elapsed = asyncio.run(main())
        out = {
            "clients": clients,
            "people": len(people),
            "requests": len(latencies),
            "errors": errors,
            "seconds": elapsed,
            "rps": len(latencies) / elapsed if elapsed else None,
            **stats(latencies),
            "server_peak_rss_mb": peak_rss_mb(server.pid),
            "db_peak_rss_mb": server_peak_mb(store_dir),
            "first_error": first_error[0] if first_error else None,
        }
        return out
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
