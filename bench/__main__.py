"""`python -m bench generate|run|report` — see bench/README.md."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness
from bench.generate import generate

REPO = harness.REPO
WORK = REPO / "var" / "bench"


def _sizes(text: str) -> list[int]:
    return [int(float(x)) for x in text.split(",") if x.strip()]


def data_for(size: int, seed: int, work: Path = WORK) -> Path:
    out = work / f"data-{size}-s{seed}"
    stamp = out / ".generated.json"
    if not stamp.exists():
        summary = generate(out, size, seed)
        stamp.write_text(json.dumps(summary))
    return out


def cmd_generate(args: argparse.Namespace) -> None:
    print(json.dumps(generate(Path(args.out), args.size, args.seed), ensure_ascii=False))


def cmd_load_child(args: argparse.Namespace) -> None:
    out = harness.load_child(args.mode, Path(args.data), Path(args.store), args.graph, args.batch)
    print(json.dumps(out))


def measure_loading(
    args: argparse.Namespace,
    size: int,
    data: Path,
    files: list[Path],
    res: dict[str, Any],
    save: Callable[[], None],
) -> None:
    """Parse, SHACL and load figures for one size; leaves the loader's graph in var/bench/store-{size}."""
    # parse, side by side
    if size <= args.parse_max:
        reps = args.repeats if size < 100000 else max(1, args.repeats // 2)
        parse: dict[str, dict[str, Any]] = {}
        parsers: list[tuple[str, Callable[[], int]]] = [
            (
                "project read_sources (pyoxigraph → loader terms)",
                lambda: harness.parse_project(files),
            ),
            ("pyoxigraph.parse (quads only)", lambda: harness.parse_pyoxigraph(files)),
        ]
        if size <= args.rdflib_parse_max:
            parsers += [
                ("rdflib trig", lambda: harness.parse_rdflib(files)),
                ("oxrdflib ox-trig", lambda: harness.parse_rdflib(files, "ox-trig", "ox-turtle")),
            ]
        for name, fn in parsers:
            parse[name] = {"triples": fn()}
        for _ in range(reps):
            for name, fn in parsers:
                parse[name].setdefault("samples", []).append(harness.timed(fn, 1)[0])
        for row in parse.values():
            row.update(harness.stats(row.pop("samples")))
            row["triples_per_s"] = row["triples"] / row["p50"]
        res["parse"] = parse
        save()
    # SHACL: the loader's validator, and pyshacl on the same data where affordable
    shacl: dict[str, Any] = {
        "project (loaders.shacl)": harness.stats(
            [harness.shacl_project(files) for _ in range(args.shacl_repeats)]
        )
    }
    if size <= args.shacl_max:
        shacl["pyshacl (materialised types, no inference)"] = harness.stats(
            [harness.shacl_pyshacl(files) for _ in range(max(1, args.shacl_repeats // 3))]
        )
    res["shacl"] = shacl
    save()
    # loads, alternating
    store_dir = WORK / f"store-{size}"
    shutil.rmtree(store_dir, ignore_errors=True)
    loads: dict[str, Any] = {}
    modes = list(harness.LOAD_MODES)
    reps = args.load_repeats if size < 100000 else 1
    for _ in range(reps):
        for mode in modes:
            r = harness.run_load(mode, data, store_dir, f"bench_{mode}")
            print(f"   load {mode}: {r}", file=sys.stderr)
            loads.setdefault(mode, []).append(r)
    summary = {}
    for mode, runs in loads.items():
        edges = runs[0]["edges"]
        total = harness.stats([r["total_s"] for r in runs])
        write = harness.stats([r["write_s"] for r in runs])
        summary[mode] = {
            "edges": edges,
            "nodes": runs[0]["nodes"],
            "total": total,
            "write": write,
            "rel_per_s_total": edges / total["p50"],
            "rel_per_s_write": edges / write["p50"],
            "loader_peak_rss_mb": max(r["loader_peak_rss_mb"] for r in runs),
            "server_peak_rss_mb": max((r["server_peak_rss_mb"] or 0) for r in runs),
        }
        if mode == "loader":
            summary[mode]["prepare"] = harness.stats([r["prepare_s"] for r in runs])
            summary[mode]["steps"] = {
                k: harness.stats([r["steps"][k] for r in runs]) for k in runs[0]["steps"]
            }
    ceiling = max(summary[m]["rel_per_s_write"] for m in ("create", "create-pipelined"))
    summary["loader"]["ratio_to_create"] = summary["loader"]["rel_per_s_total"] / ceiling
    summary["loader"]["write_ratio_to_create"] = summary["loader"]["rel_per_s_write"] / ceiling
    res["load"] = summary
    save()


def reuse_loading(out_path: Path, size: int, store_dir: Path, res: dict[str, Any]) -> None:
    """--reuse: keep the parse, SHACL and load figures of the previous run and its kept store."""
    previous = (
        json.loads(out_path.read_text())["sizes"].get(str(size)) if out_path.exists() else None
    )
    if not previous or "load" not in previous or not (store_dir / "smekg.rdb").exists():
        sys.exit(
            f"--reuse needs {out_path} with load figures for {size} and the store kept in {store_dir} (--keep)"
        )
    res.update({k: previous[k] for k in ("parse", "shacl", "load") if k in previous})
    res["reused_loading_from"] = previous.get("measured_at", "an earlier run")


def cmd_run(args: argparse.Namespace) -> None:
    result = {"machine": harness.machine(), "args": vars(args) | {"func": None}, "sizes": {}}
    out_path = Path(args.out)
    out_path.parent.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        out_path.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))

    for size in _sizes(args.sizes):
        t0 = time.perf_counter()
        data = data_for(size, args.seed)
        files = sorted(data.glob("*.ttl")) + sorted(data.glob("articles/*.trig"))
        res: dict[str, Any] = {
            "generated": json.loads((data / ".generated.json").read_text()),
            "generate_s": time.perf_counter() - t0,
            "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        }
        result["sizes"][str(size)] = res
        print(f"== size {size}: {res['generated']}", file=sys.stderr)
        store_dir = WORK / f"store-{size}"
        if args.reuse:
            reuse_loading(out_path, size, store_dir, res)
        else:
            measure_loading(args, size, data, files, res, save)
        # queries: store vs API, on the graph written by the loader (or the MERGE writer when too big)
        from graph.falkordb_store import FalkorDBStore

        graph = "bench_loader"
        store = FalkorDBStore(store_dir, graph)
        params = harness.pick_params(store)
        res["query_params"] = params["_hub"]
        res["queries"] = harness.bench_queries(store, params, args.query_repeats)
        save()
        if args.analytics:
            try:
                from bench.analytics_timing import benchmark

                res["analytics"] = benchmark(store)
            except Exception as exc:
                res["analytics"] = {"error": f"{type(exc).__name__}: {exc}"}
            save()
        store.close()
        from queries.cache import MAX_ENTRIES

        people = params["_people"]
        res["load_test"] = {
            "hub (repeated, cached)": harness.load_test(
                store_dir,
                graph,
                [params["_hub"]["iri"]],
                clients=args.clients,
                requests=args.requests,
                max_seconds=args.max_seconds,
            )
        }
        if len(people) > MAX_ENTRIES:
            res["load_test"][f"{len(people)} most active people in turn (first requests)"] = (
                harness.load_test(
                    store_dir,
                    graph,
                    people,
                    clients=args.clients,
                    requests=args.requests,
                    max_seconds=args.max_seconds,
                )
            )
        print(f"   load test: {res['load_test']}", file=sys.stderr)
        save()
        if not args.keep:
            shutil.rmtree(store_dir, ignore_errors=True)
    save()
    print(report(result))


def report(result: dict[str, Any]) -> str:
    """Markdown tables from a results file."""
    m = result["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['mem_mb']} MB RAM, Python {m['python']}, {m['os']}",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        "",
    ]
    sizes = result["sizes"]
    lines += [
        "### Load: the loader against the engine's ceiling (median of runs)",
        "",
        "ceiling = the faster of plain `UNWIND … CREATE` of the same rows sent one after the other and "
        "through the loader's two-connection pipeline; ratio = loader rel/s ÷ ceiling rel/s.",
        "",
        "| size | edges | nodes | loader total s (p50/p95) | parse | index | checks | SHACL | mapping | write | "
        "CREATE s | CREATE pipelined s | loader rel/s | ceiling rel/s | loader/ceiling | write/ceiling | "
        "loader peak RSS MB | server peak RSS MB (during the loader's run) |",
        "|" + "---|" * 18,
    ]
    for size, res in sizes.items():
        ld = res.get("load", {})
        lo, cr, cp = ld.get("loader"), ld.get("create"), ld.get("create-pipelined")
        if not (lo and cr and cp):
            continue

        def step(k: str, lo: dict[str, Any] = lo) -> str:
            return f"{lo['steps'][k]['p50']:.2f}" if k in lo.get("steps", {}) else "—"

        ceiling = max(cr["rel_per_s_write"], cp["rel_per_s_write"])
        lines.append(
            f"| {size} | {lo['edges']} | {lo['nodes']} | "
            f"{lo['total']['p50']:.2f}/{lo['total']['p95']:.2f} | "
            f"{step('parsing')} | {step('indexing')} | {step('checking')} | {step('shapes')} | "
            f"{step('mapping')} | "
            f"{lo['write']['p50']:.2f} | {cr['write']['p50']:.2f} | {cp['write']['p50']:.2f} | "
            f"{lo['rel_per_s_total']:.0f} | {ceiling:.0f} | **{lo['ratio_to_create']:.2f}** | "
            f"{lo['write_ratio_to_create']:.2f} | {lo['loader_peak_rss_mb']:.0f} | {lo['server_peak_rss_mb']:.0f} |"
        )
    lines += [
        "",
        "### Parse (whole data dir; triples/s at the median)",
        "",
        "| size | parser | triples | p50 s | p95 s | triples/s |",
        "|---|---|---|---|---|---|",
    ]
    for size, res in sizes.items():
        for name, row in res.get("parse", {}).items():
            lines.append(
                f"| {size} | {name} | {row['triples']} | {row['p50']:.2f} | {row['p95']:.2f} | "
                f"{row['triples_per_s']:.0f} |"
            )
    lines += [
        "",
        "### SHACL (seconds, p50/p95)",
        "",
        "| size | variant | p50 | p95 | n |",
        "|---|---|---|---|---|",
    ]
    for size, res in sizes.items():
        for name, row in res.get("shacl", {}).items():
            lines.append(f"| {size} | {name} | {row['p50']:.2f} | {row['p95']:.2f} | {row['n']} |")
    names = sorted({q for res in sizes.values() for q in res.get("queries", {})})
    lines += [
        "",
        "### Named queries: store vs API, ms (p50 / p95); ratio = API p50 / store p50",
        "",
        "| query | " + " | ".join(f"{s}: store | {s}: API | {s}: ratio" for s in sizes) + " |",
        "|---|" + "---|---|---|" * len(sizes),
    ]
    for q in names:
        cells = []
        for res in sizes.values():
            row = res.get("queries", {}).get(q, {})
            st, ap = row.get("store"), row.get("api")
            cells.append(
                f"{st['p50'] * 1000:.1f} / {st['p95'] * 1000:.1f}"
                if st
                else ("err" if "error" in row else "—")
            )
            cells.append(
                f"{ap['p50'] * 1000:.1f} / {ap['p95'] * 1000:.1f}"
                if ap
                else ("err" if "api_error" in row else "—")
            )
            cells.append(f"{row['ratio_p50']:.2f}" if row.get("ratio_p50") else "—")
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "### API under load: /api/who-met-whom, uvicorn (one worker) on 127.0.0.1, httpx.AsyncClient",
        "",
        "| size | who | clients | requests | errors | req/s | p50 ms | p95 ms "
        "| uvicorn peak RSS MB | FalkorDB peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, res in sizes.items():
        for who, lt in (res.get("load_test") or {}).items():
            lines.append(
                f"| {size} | {who} | {lt['clients']} | {lt['requests']} | {lt['errors']} | {lt['rps']:.0f} | "
                f"{lt['p50'] * 1000:.1f} | {lt['p95'] * 1000:.1f} | "
                f"{lt['server_peak_rss_mb'] or 0:.0f} | {lt['db_peak_rss_mb'] or 0:.0f} |"
            )
    if any("analytics" in res for res in sizes.values()):
        lines += [
            "",
            "### Analytics (seconds, cold = first call for a graph version; cached calls are dict look-ups)",
            "",
            "| size | call | seconds | note |",
            "|---|---|---|---|",
        ]
        for size, res in sizes.items():
            for name, row in (res.get("analytics") or {}).items():
                if isinstance(row, dict):
                    lines.append(
                        f"| {size} | {name} | {row.get('seconds', 0):.2f} | {row.get('note', '')} |"
                    )
                else:
                    lines.append(f"| {size} | {name} | — | {row} |")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> None:
    print(report(json.loads(Path(args.results).read_text())))


def cmd_incremental(args: argparse.Namespace) -> None:
    """Adding one article of about 50 relationships against the full reload, per size (issue 13)."""
    from bench import incremental

    result = {"machine": harness.machine(), "args": vars(args) | {"func": None}, "sizes": {}}
    out_path = Path(args.out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(args.work)
    for size in _sizes(args.sizes):
        data = data_for(size, args.seed, work)
        print(f"== size {size}", file=sys.stderr)
        result["sizes"][str(size)] = incremental.measure(
            size, data, work, args.articles, args.rounds
        ) | {"measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
        out_path.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    print(incremental.report(result))


def cmd_changes_child(args: argparse.Namespace) -> None:
    from bench import incremental

    articles = [Path(p) for p in json.loads(args.articles)]
    out = incremental.changes_child(
        Path(args.store), args.graph, Path(args.data), articles, args.rounds
    )
    print(json.dumps(out))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = parser.add_subparsers(required=True)
    g = sub.add_parser(
        "generate", help="write a synthetic ecosystem (entities.ttl + articles/*.trig)"
    )
    g.add_argument(
        "--size", type=lambda s: int(float(s)), required=True, help="relationships, e.g. 1e4"
    )
    g.add_argument("--seed", type=int, default=42)
    g.add_argument("--out", required=True)
    g.set_defaults(func=cmd_generate)
    r = sub.add_parser("run", help="generate (cached under var/bench/) and measure every size")
    r.add_argument("--sizes", default="1e3,1e4")
    r.add_argument("--seed", type=int, default=42)
    r.add_argument("--repeats", type=int, default=5, help="parse repeats")
    r.add_argument("--load-repeats", type=int, default=3)
    r.add_argument("--shacl-repeats", type=int, default=3)
    r.add_argument("--query-repeats", type=int, default=30)
    r.add_argument(
        "--shacl-max",
        type=lambda s: int(float(s)),
        default=10**4,
        help="largest size also validated with pyshacl, for comparison",
    )
    r.add_argument(
        "--rdflib-parse-max",
        type=lambda s: int(float(s)),
        default=10**5,
        help="largest size also parsed with rdflib and oxrdflib, for comparison",
    )
    r.add_argument("--parse-max", type=lambda s: int(float(s)), default=10**6)
    r.add_argument("--clients", type=int, default=16)
    r.add_argument("--requests", type=int, default=2000)
    r.add_argument("--max-seconds", type=float, default=30)
    r.add_argument("--analytics", action="store_true")
    r.add_argument("--keep", action="store_true", help="keep the stores under var/bench/")
    r.add_argument(
        "--reuse",
        action="store_true",
        help="skip parse/SHACL/loads: use the store kept by --keep and the load figures already in --out",
    )
    r.add_argument("--out", default=str(REPO / "bench" / "results" / "latest.json"))
    r.set_defaults(func=cmd_run)
    rep = sub.add_parser("report", help="print the markdown tables of a results file")
    rep.add_argument("results")
    rep.set_defaults(func=cmd_report)
    inc = sub.add_parser(
        "incremental", help="add one article to large graphs against the full reload (issue 13)"
    )
    inc.add_argument("--sizes", default="1e5")
    inc.add_argument("--seed", type=int, default=42)
    inc.add_argument(
        "--articles", type=int, default=10, help="held-out articles of ~50 relationships"
    )
    inc.add_argument("--rounds", type=int, default=3, help="times each is added and removed")
    inc.add_argument("--work", default=str(WORK), help="data cache and stores (default var/bench)")
    inc.add_argument("--out", default=str(REPO / "bench" / "results" / "incremental.json"))
    inc.set_defaults(func=cmd_incremental)
    ch = sub.add_parser("_changes", help=argparse.SUPPRESS)
    ch.add_argument("store")
    ch.add_argument("graph")
    ch.add_argument("data")
    ch.add_argument("articles")
    ch.add_argument("rounds", type=int)
    ch.set_defaults(func=cmd_changes_child)
    c = sub.add_parser("_load", help=argparse.SUPPRESS)
    c.add_argument("mode", choices=list(harness.LOAD_MODES))
    c.add_argument("data")
    c.add_argument("store")
    c.add_argument("graph")
    c.add_argument("batch", type=int)
    c.set_defaults(func=cmd_load_child)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
