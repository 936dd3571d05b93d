"""`smekg ingest` and `smekg eval` as plain typer command functions; register them on the main app with
`register(app)` (or `app.command("ingest")(ingest)` and `app.command("eval")(evaluate_seeds)`)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

out = Console(emoji=False, highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, emoji=False, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    err.print("[bold red]error:[/] ", end="")
    err.print(message, markup=False)
    raise typer.Exit(code)


def _settings():
    from smekg.settings import Settings

    return Settings.from_env()


def ingest(
    files: list[Path] = typer.Argument(..., help="Saved articles: plain text or HTML"),
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
    from ingest.service import ingest_paths
    from smekg.settings import REPO_ROOT

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
            list(files),
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


def _summary(outcome) -> None:
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


def evaluate_seeds(
    seeds: Path | None = typer.Option(
        None, help="Folder of seed articles (default ../shared/seeds)"
    ),
    output: Path | None = typer.Option(
        None, "--out", "-o", help="JSON file (default var/eval/eval.json)"
    ),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Curated data (default data/)"),
    check: bool = typer.Option(True, "--validate/--no-validate", help="Also validate each output"),
) -> None:
    """Score extraction of the seed articles against their curated graphs: precision, recall, F1 per fact kind."""
    from ingest.evaluate import evaluate, write_report
    from smekg.settings import REPO_ROOT

    settings = _settings()
    seeds = seeds or REPO_ROOT.parent / "shared" / "seeds"
    output = output or REPO_ROOT / "var" / "eval" / "eval.json"
    if not seeds.is_dir():
        _fail(f"seed folder {seeds} does not exist")
    try:
        report = evaluate(
            seeds,
            data_dir or settings.data_dir,
            (data_dir or settings.data_dir) / "review" / "decisions.csv",
            check,
        )
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


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("eval")(evaluate_seeds)


app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Ingest and evaluate (standalone entry point)."
)
register(app)

if __name__ == "__main__":
    app()
