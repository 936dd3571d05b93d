"""`smekg ingest` and `smekg eval`, the command-line layer over the `ingest` package: settings and default paths
are read here and passed to the pipeline as plain values. Register them on the main app with `register(app)`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from smekg.settings import REPO_ROOT, Settings

out = Console(emoji=False, highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, emoji=False, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    err.print("[bold red]error:[/] ", end="")
    err.print(message, markup=False)
    raise typer.Exit(code)


def _settings() -> Settings:
    return Settings.from_env()


def ingest(
    files: list[Path] = typer.Argument(
        ..., help="Saved articles (plain text or HTML) or folders of them, ingested as one batch"
    ),
    out_dir: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Where to write <article>.trig and "
        "<article>.review.md (default var/ingest; json: only if given)",
    ),
    load: bool = typer.Option(
        False, "--load", help="Add the new articles to the graph and data/articles (smekg add)"
    ),
    format: str = typer.Option(
        "text", "--format", "-f", help="text (summary) or json (graph on stdout)"
    ),
    date: str | None = typer.Option(
        None, "--date", help="Publication date YYYY-MM-DD for an article that prints none"
    ),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Curated data (default data/)"),
    from_store: bool = typer.Option(
        False,
        "--gazetteer-from-store",
        help="Read known entities from the loaded store instead of data/",
    ),
) -> None:
    """Extract candidate facts from Korean articles, linked to the graph, each with its evidence."""
    from ingest.service import expand_paths, ingest_paths

    if format not in ("text", "json"):
        _fail(f"unknown format {format!r}: use text or json")
    when = None
    if date:
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            _fail(f"--date expects YYYY-MM-DD, got {date!r}")
    settings = _settings()
    data_dir = data_dir or settings.data_dir
    if out_dir is None and (format == "text" or load):
        out_dir = REPO_ROOT / "var" / "ingest"
    store = None
    try:
        if load or from_store:
            from graph import open_store

            store = open_store(**settings.store_arguments())
        outcome = ingest_paths(
            expand_paths(list(files)),
            data_dir,
            out_dir,
            date=when,
            store=store,
            gazetteer_from_store=from_store,
        )
        if load and outcome.ok and outcome.results and store is not None:  # add, not a reload
            from services.articles import ChangeRefused, add_files

            trig = [w for r in outcome.results for w in r.written if w.suffix == ".trig"]
            try:
                outcome.loaded = add_files(store, data_dir, trig)
            except ChangeRefused as exc:
                outcome.errors["load"] = str(exc)
    except Exception as exc:  # never a traceback for the user
        _fail(f"ingest failed: {type(exc).__name__}: {exc}", 2)
    finally:
        if store is not None:
            store.close()
    for path, message in outcome.errors.items():
        err.print(f"[bold red]error:[/] {path}: ", end="")
        err.print(message, markup=False)
    if format == "json":
        sys.stdout.write(
            json.dumps(outcome.graph or {"nodes": [], "edges": []}, ensure_ascii=False, indent=1)
            + "\n"
        )
    else:
        _summary(outcome)
    if outcome.errors:
        if load:
            err.print("nothing was loaded: fix the files above and run again")
        raise typer.Exit(1)


def _summary(outcome: Any) -> None:
    table = Table(
        "article",
        "date",
        "people",
        "orgs",
        "events",
        "facts",
        "new entities",
        "to review",
        "written",
    )
    for r in outcome.results:
        ex = r.extraction
        new = outcome.reports[r.stem].split("## New entities", 1)[-1].count("\n- `")
        pending = sum(1 for m in ex.merges if not m.applied)
        table.add_row(
            r.stem,
            str(ex.meta.date),
            str(len(ex.people)),
            str(len(ex.orgs)),
            str(len(ex.events)),
            str(len(r.confidence)),
            str(new),
            str(pending),
            ", ".join(p.name for p in r.written) or "—",
        )
    if outcome.results:
        out.print(table)
    if outcome.loaded is not None:
        report = outcome.loaded
        out.print(
            f"loaded {report.files} files: {report.nodes} nodes, {report.edges} relationships"
        )


def evaluate(
    articles: list[Path] = typer.Argument(
        None,
        help="With --gold: the articles (or folders) to ingest as one batch and score "
        "(default: the gold file's folder)",
    ),
    gold: Path | None = typer.Option(
        None,
        "--gold",
        help="Score against a corpus annotated in the gold format (e.g. ../shared/devset/gold.json) "
        "instead of the seed articles",
    ),
    seeds: Path | None = typer.Option(
        None, help="Folder of seed articles (default ../shared/seeds)"
    ),
    output: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="JSON file (default var/eval/eval.json, with --gold var/eval/gold.json)",
    ),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Curated data (default data/)"),
    check: bool = typer.Option(True, "--validate/--no-validate", help="Also validate each output"),
    show: int = typer.Option(
        25, "--show", help="With --gold: misses and false finds listed per kind (-1: all)"
    ),
    export: Path | None = typer.Option(
        None, "--export", help="With --gold: also write the batch's export-shaped JSON here"
    ),
) -> None:
    """Score extraction per fact kind: the seed articles against their curated graphs, or (--gold) any corpus in
    the gold format — precision, recall, F1, and every miss and false find with its sentence."""
    settings = _settings()
    data = data_dir or settings.data_dir
    if gold is not None:
        _evaluate_gold(gold, list(articles or []), data, output, show, export)
        return
    if articles:
        _fail("articles are only given with --gold (plain `smekg eval` scores the seeds)")
    _evaluate_seeds(seeds, output, data, check)


def _evaluate_seeds(seeds: Path | None, output: Path | None, data_dir: Path, check: bool) -> None:
    from ingest.evaluate import evaluate as evaluate_seeds
    from ingest.evaluate import write_report

    seeds = seeds or REPO_ROOT.parent / "shared" / "seeds"
    output = output or REPO_ROOT / "var" / "eval" / "eval.json"
    if not seeds.is_dir():
        _fail(f"seed folder {seeds} does not exist")
    try:
        report = evaluate_seeds(seeds, data_dir, data_dir / "review" / "decisions.csv", check)
    except Exception as exc:
        _fail(f"evaluation failed: {type(exc).__name__}: {exc}", 2)
    write_report(report, output)
    table = Table("fact kind", "tp", "fp", "fn", "precision", "recall", "F1")
    for kind, s in report["totals"].items():
        table.add_row(
            kind,
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
        )
    out.print(table)
    invalid = [a for a, d in report["articles"].items() if not d["valid"]]
    if invalid:
        err.print(f"[yellow]output of {', '.join(invalid)} did not validate[/]")
    out.print(f"wrote {output}")


def _evaluate_gold(
    gold: Path,
    articles: list[Path],
    data_dir: Path,
    output: Path | None,
    show: int,
    export: Path | None,
) -> None:
    from ingest.evaluate import write_report
    from ingest.goldeval import evaluate_gold

    if not gold.is_file():
        _fail(f"gold file {gold} does not exist")
    articles = articles or [gold.parent]
    missing = [str(p) for p in articles if not p.exists()]
    if missing:
        _fail(f"no such article or folder: {', '.join(missing)}")
    output = output or REPO_ROOT / "var" / "eval" / "gold.json"
    try:
        report = evaluate_gold(gold, articles, data_dir, data_dir / "review" / "decisions.csv")
    except Exception as exc:
        _fail(f"evaluation failed: {type(exc).__name__}: {exc}", 2)
    if not report["articles"]:
        _fail("none of the given articles is annotated in the gold file")
    graph = report.pop("export")
    if export:
        export.parent.mkdir(parents=True, exist_ok=True)
        export.write_text(json.dumps(graph, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_report(report, output)
    for path, message in report["errors"].items():
        err.print(f"[bold red]error:[/] {path}: ", end="")
        err.print(message, markup=False)
    summary = Table(
        "fact kind",
        "gold",
        "predicted",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "F1",
        title=f"{len(report['articles'])} articles scored against {gold.name}",
    )
    for kind, s in report["kinds"].items():
        summary.add_row(
            kind,
            str(s["gold"]),
            str(s["predicted"]),
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
        )
    out.print(summary)
    for kind, s in report["kinds"].items():
        rows = [("miss", m) for m in s["misses"]] + [("false", m) for m in s["false_finds"]]
        table = Table(
            "",
            "article",
            "fact",
            "sentence",
            title=f"{kind}: precision {s['precision']:.3f}, recall {s['recall']:.3f}, F1 {s['f1']:.3f}",
            caption=s["note"],
        )
        for what, item in rows if show < 0 else rows[:show]:
            table.add_row(what, item["article"][:24], item["what"], item["sentence"][:220])
        if show >= 0 and len(rows) > show:
            table.add_row("…", "", f"{len(rows) - show} more in {output}", "")
        out.print(table)
    out.print(f"score.py: {report['summary']}")
    out.print(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("eval")(evaluate)


app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Ingest and evaluate (standalone entry point)."
)
register(app)

if __name__ == "__main__":
    app()
