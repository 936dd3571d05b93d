"""Adding one article to a large graph (issue 13), side by side with the full reload of the same data.

`python -m bench incremental --sizes 1e5,1e6` — for each size: the generated ecosystem (cached as for
`run`) without a few held-out articles of about 50 relationships is fully loaded (the loader in a
child process: total time and peak RSS — the full reload of the data); then, in another child
process on that graph, each held-out article is added and removed again, several rounds (so every
add meets the graph at the same size): p50/p95 of `add_articles` and `remove_articles`, the
allocation peak of one add (tracemalloc) and the child's peak RSS. Last, one `smekg add` and one
`smekg remove` as commands (a fresh process each, imports and all).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench import harness

RELATIONSHIPS = re.compile(r"rdf:subject ")


def held_out(data: Path, count: int, low: int = 45, high: int = 60) -> list[Path]:
    """`count` articles with low..high relationships, spread over the corpus (not the first ones)."""
    found = []
    articles = sorted((data / "articles").glob("*.trig"))
    for path in articles[len(articles) // 3 :] + articles[: len(articles) // 3]:
        if low <= len(RELATIONSHIPS.findall(path.read_text(encoding="utf-8"))) <= high:
            found.append(path)
            if len(found) == count:
                break
    return found


def prepare_dir(data: Path, target: Path, out: list[Path]) -> Path:
    """A data folder of hard links to `data` without the held-out articles."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "articles").mkdir(parents=True)
    skip = {p.name for p in out}
    for path in data.glob("*.ttl"):
        os.link(path, target / path.name)
    for path in (data / "articles").glob("*.trig"):
        if path.name not in skip:
            os.link(path, target / "articles" / path.name)
    return target


def changes_child(
    store_dir: Path, graph: str, data_dir: Path, articles: list[Path], rounds: int
) -> dict[str, Any]:
    """In a child process: add and remove each article `rounds` times; then allocation peaks."""
    from graph.falkordb_store import FalkorDBStore
    from services.articles import ArticleInput, add_articles, remove_articles

    store = FalkorDBStore(store_dir, graph)
    inputs = [ArticleInput.from_path(p) for p in articles]
    opened = _status("VmRSS")
    adds: list[float] = []
    removes: list[float] = []
    first = None
    for _ in range(rounds):
        for item, path in zip(inputs, articles, strict=True):
            started = time.perf_counter()
            report = add_articles(store, data_dir, [item])
            took = time.perf_counter() - started
            if first is None:
                first = {"seconds": took, "edge_delta": report.edge_delta}
            else:
                adds.append(took)
            started = time.perf_counter()
            remove_articles(store, data_dir, [path.stem])
            removes.append(time.perf_counter() - started)
    peaks = []
    for item, path in zip(inputs[:3], articles[:3], strict=True):
        tracemalloc.start()
        add_articles(store, data_dir, [item])
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
        remove_articles(store, data_dir, [path.stem])
    out = {
        "first_add_s": first,
        "add": harness.stats(adds),
        "remove": harness.stats(removes),
        "add_alloc_peak_mb": max(peaks),
        # VmHWM, not ru_maxrss: a child's ru_maxrss keeps the parent's peak across fork and exec
        "child_peak_rss_mb": _status("VmHWM"),
        "rss_at_open_mb": opened,
        "rss_growth_during_changes_mb": _status("VmRSS") - opened,
        "server_peak_rss_mb": harness.store_server_peak(store),
    }
    store.close()
    return out


def _status(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _command(args: list[str], store_dir: Path, graph: str, data_dir: Path) -> float:
    env = {
        **os.environ,
        "SMEKG_STORE_DIR": str(store_dir),
        "SMEKG_GRAPH": graph,
        "SMEKG_DATA_DIR": str(data_dir),
    }
    env.pop("NEO4J_URI", None)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", "from smekg.cli import app; app()", *args],
        cwd=harness.REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"smekg {' '.join(args)} failed: {proc.stderr[-2000:]}")
    return time.perf_counter() - started


def measure(size: int, data: Path, work: Path, count: int, rounds: int) -> dict[str, Any]:
    articles = held_out(data, count)
    data_dir = prepare_dir(data, work / f"incr-data-{size}", articles)
    store_dir = work / f"incr-store-{size}"
    shutil.rmtree(store_dir, ignore_errors=True)
    graph = "bench_incremental"
    res: dict[str, Any] = {
        "articles": [p.stem for p in articles],
        "relationships": [
            len(RELATIONSHIPS.findall(p.read_text(encoding="utf-8"))) for p in articles
        ],
    }
    full = harness.run_load("loader", data_dir, store_dir, graph)
    print(f"   full load: {full}", file=sys.stderr)
    res["full_load"] = full
    from graph.falkordb_store import FalkorDBStore

    server = FalkorDBStore(store_dir, graph)  # the running server the changes attach to (as serve)
    try:
        _changes(res, store_dir, graph, data_dir, articles, rounds)
    finally:
        server.close()
    shutil.rmtree(store_dir, ignore_errors=True)
    shutil.rmtree(data_dir, ignore_errors=True)
    return res


def _changes(
    res: dict[str, Any],
    store_dir: Path,
    graph: str,
    data_dir: Path,
    articles: list[Path],
    rounds: int,
) -> None:
    cmd = [
        sys.executable,
        "-m",
        "bench",
        "_changes",
        str(store_dir),
        graph,
        str(data_dir),
        json.dumps([str(p) for p in articles]),
        str(rounds),
    ]
    proc = subprocess.run(cmd, cwd=harness.REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"changes failed: {proc.stderr[-3000:]}")
    res["changes"] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"   changes: {res['changes']}", file=sys.stderr)
    res["command_add_s"] = _command(["add", str(articles[0])], store_dir, graph, data_dir)
    res["command_remove_s"] = _command(["remove", articles[0].stem], store_dir, graph, data_dir)


def report(result: dict[str, Any]) -> str:
    lines = [
        "| size | relationships | full reload s | loader peak RSS MB | add p50 / p95 ms | "
        "remove p50 / p95 ms | first add in a process ms | `smekg add` command s | "
        "`smekg remove` command s | add allocation peak MB | adding process peak RSS MB "
        "(growth over the changes) | reload ÷ add p95 |",
        "|" + "---|" * 12,
    ]
    for size, res in result["sizes"].items():
        full, ch = res["full_load"], res["changes"]
        lines.append(
            f"| {size} | {full['edges']} | {full['total_s']:.1f} | {full['loader_peak_rss_mb']:.0f} | "
            f"{ch['add']['p50'] * 1000:.0f} / {ch['add']['p95'] * 1000:.0f} | "
            f"{ch['remove']['p50'] * 1000:.0f} / {ch['remove']['p95'] * 1000:.0f} | "
            f"{ch['first_add_s']['seconds'] * 1000:.0f} | {res['command_add_s']:.2f} | "
            f"{res['command_remove_s']:.2f} | {ch['add_alloc_peak_mb']:.1f} | "
            f"{ch['child_peak_rss_mb']:.0f} ({ch['rss_growth_during_changes_mb']:+.1f}) | "
            f"{full['total_s'] / ch['add']['p95']:.0f}× |"
        )
    return "\n".join(lines)
