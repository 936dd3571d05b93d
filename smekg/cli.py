"""The `smekg` command: load, validate, inspect and query the knowledge graph."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

from graph.store import GraphBackend, GraphReader
from smekg.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
EXIT_LOAD_BUSY = 3  # `smekg load` while another load (any process) holds the load lock
_PIPE_WIDTH = None if sys.stdout.isatty() else 240  # piped output: wide tables, no folding
out = Console(emoji=False, highlight=False, width=_PIPE_WIDTH)
err = Console(stderr=True, emoji=False, highlight=False, soft_wrap=True)


def _store(settings: Settings) -> GraphBackend:
    from graph import open_store

    return open_store(**settings.store_arguments())


def _fail(message: str, code: int = 1) -> None:
    err.print("[bold red]error:[/] ", end="")
    err.print(message, markup=False)
    raise typer.Exit(code)


@app.command()
def load(
    data_dir: Path | None = typer.Option(None, help="Folder with entities.ttl and articles/*.trig"),
) -> None:
    """Validate the curated RDF and load it into the graph store (the old graph stays until it succeeds).

    One load runs at a time across processes: while another holds the load lock this exits with
    code 3 and changes nothing."""
    from loaders import load_data
    from ontology.errors import LoadBusy, SmekgError
    from services.articles import exclusive, recover

    settings = Settings.from_env()
    data_dir = data_dir or settings.data_dir
    store = _store(settings)
    try:
        with Progress(
            TextColumn("{task.description:>14}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
        ) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(step: str, done: int, total: int) -> None:
                if step not in tasks:
                    tasks[step] = bar.add_task(step, total=total)
                bar.update(tasks[step], completed=done, total=total)

            # no `smekg add` / `remove` meanwhile; first finish or undo one a killed process left
            with exclusive(data_dir):
                recover(store, data_dir)
                report = load_data(
                    store, data_dir, batch_size=settings.batch_size, progress=progress
                )
    except LoadBusy as exc:
        _fail(str(exc), EXIT_LOAD_BUSY)
    except SmekgError as exc:
        _fail(str(exc))
    finally:
        store.close()
    out.print(
        f"loaded {report.files} files: {report.nodes} nodes, {report.edges} relationships "
        f"into {settings.store_kind} (version {report.version})"
    )


@app.command()
def validate(
    files: list[Path] = typer.Argument(
        None, help="Files to check (default: the whole data folder)"
    ),
    data_dir: Path | None = typer.Option(None),
    pyshacl: bool = typer.Option(
        False, "--pyshacl", help="Also run pyshacl (slow) as a cross-check"
    ),
) -> None:
    """Check the data (syntax, known terms, evidence, SHACL) without writing anything."""
    from loaders import LoadError, prepare
    from loaders.sources import data_files, read_sources

    settings = Settings.from_env()
    data_dir = data_dir or settings.data_dir
    chosen = list(files) if files else None
    try:
        pg, used = prepare(data_dir, chosen)
    except LoadError as exc:
        _fail(str(exc))
    if pyshacl:
        from loaders.validation_pyshacl import pyshacl_problems

        problems = pyshacl_problems(read_sources(chosen or data_files(data_dir)))
        if problems:
            _fail(
                "pyshacl disagrees with the loader's validator:\n"
                + "\n".join(f"  - {p}" for p in problems)
            )
        out.print("pyshacl agrees: no violations")
    out.print(f"valid: {len(used)} files, {len(pg.nodes)} nodes, {len(pg.edges)} relationships")


@app.command()
def stats() -> None:
    """Counts per label and relationship type in the loaded graph."""
    from queries import run_query

    settings = Settings.from_env()
    store = _store(settings)
    try:
        info = run_query(store, "graph_info").records()
        if not info:
            _fail("the graph is empty: run `smekg load` first")
        labels = run_query(store, "label_counts").rows
        types = run_query(store, "relationship_counts").rows
    finally:
        store.close()
    meta = info[0]
    out.print(
        f"graph version {meta['version']} loaded {meta['loaded_at']}: "
        f"{meta['node_count']} nodes, {meta['edge_count']} relationships"
    )
    _print_table(["label", "count"], labels)
    _print_table(["relationship type", "count"], types)


@app.command()
def query(
    cypher: str = typer.Argument(..., help="A read-only Cypher query"),
    param: list[str] = typer.Option(
        [], "--param", "-p", help="name=value (value parsed as JSON if it can be)"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table"),
) -> None:
    """Run read-only Cypher with parameters; writes are refused, time and rows are bounded
    (the same console as POST /api/cypher)."""
    from ontology.errors import SmekgError
    from services.console import console_payload, run_console

    settings = Settings.from_env()
    params = dict(_parse_param(p) for p in param)
    store = _store(settings)
    try:
        result = run_console(
            store,
            cypher,
            params,
            timeout_ms=settings.query_timeout_ms,
            max_rows=settings.max_rows,
        )
    except SmekgError as exc:
        _fail(str(exc))
    finally:
        store.close()
    if as_json:
        out.print_json(json.dumps(console_payload(result), ensure_ascii=False))
        return
    _print_table(result.columns, result.rows)
    if result.truncated:
        err.print(f"[yellow]truncated at {settings.max_rows} rows (SMEKG_MAX_ROWS)[/]")


@app.command("who-met-whom")
def who_met_whom_cmd(
    name: str = typer.Argument(..., help="A person's Korean or English name, alias or IRI"),
    since: str | None = typer.Option(None, help="Earliest event date, YYYY-MM-DD"),
    until: str | None = typer.Option(None, help="Latest event date, YYYY-MM-DD"),
    limit: int = typer.Option(100, min=1, help="Most people (ranked by shared events)"),
    offset: int = typer.Option(0, min=0, help="People to skip (the next page)"),
    events: int = typer.Option(5, min=1, help="Most shared events per person (latest)"),
) -> None:
    """People who took part in the same events as NAME, with event, date, place and source."""
    settings = Settings.from_env()
    store = _store(settings)
    try:
        _print_who_met_whom(
            store, name, since, until, min(limit, settings.max_rows), offset, events
        )
    finally:
        store.close()


def _print_who_met_whom(
    store: GraphReader,
    name: str,
    since: str | None,
    until: str | None,
    limit: int = 100,
    offset: int = 0,
    events: int = 5,
) -> None:
    from services.answers.questions import (
        AmbiguousName,
        EntityNotFound,
        resolve_entity,
        who_met_whom_page,
    )

    try:
        person = resolve_entity(store, name, label="Person")
    except (AmbiguousName, EntityNotFound) as exc:
        _fail(str(exc))
    page = who_met_whom_page(store, person["iri"], since, until, limit, offset, events)
    met = page["met"]
    title = f"{person['name_ko'] or ''} {person['name_en'] or ''}".strip()
    shown = (
        f" (showing {offset + 1}–{offset + len(met)})" if met and (offset or page["more"]) else ""
    )
    out.print(f"[bold]{title}[/] met {page['total']} people{shown}")
    if page["more"]:
        err.print(f"more: --offset {offset + len(met)}")
    rows = []
    for entry in met:
        for event in entry["events"]:
            rows.append(
                [
                    entry["person"]["name_ko"],
                    entry["person"]["name_en"] or "",
                    entry["shared_events"],
                    event["name_ko"],
                    event["date"],
                    event["place"] or "",
                    ", ".join(entry["sources"]),
                ]
            )
    _print_table(["person", "english", "shared", "event", "date", "place", "sources"], rows)


@app.command()
def export(
    format: str = typer.Option(
        "json", "--format", "-f", help="json, trig, ttl, jsonld, graphml, nodes.csv or edges.csv"
    ),
    output: Path | None = typer.Option(None, "--out", "-o", help="File to write (default: stdout)"),
) -> None:
    """Export the loaded graph: JSON, TriG, Turtle, JSON-LD, GraphML, or CSV of nodes or edges."""
    settings = Settings.from_env()
    store = _store(settings)
    try:
        text = _export_text(store, format)
    finally:
        store.close()
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


def _export_text(store: GraphReader, format: str) -> str:
    from services.export.formats import FORMATS, export_text

    if format not in FORMATS:
        _fail(f"unknown format {format!r}: use {', '.join(FORMATS)}")
    return export_text(store, format, Settings.from_env().data_dir)


@app.command()
def demo(person: str = typer.Option("박영선", help="Whose meetings to show")) -> None:
    """Print the graph's statistics and an example who-met-whom answer (run after `smekg load`)."""
    stats()
    settings = Settings.from_env()
    store = _store(settings)
    try:
        _print_who_met_whom(store, person, None, None)
    finally:
        store.close()


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Interface (default SMEKG_HOST or 127.0.0.1)"),
    port: int | None = typer.Option(None, help="Port (default SMEKG_PORT or 8000)"),
) -> None:
    """Serve the API and the browser pages over the loaded graph (embedded store unless NEO4J_URI is set)."""
    import uvicorn

    from api.app import create_app

    settings = Settings.from_env()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port)


def _parse_param(text: str) -> tuple[str, object]:
    name, sep, raw = text.partition("=")
    if not sep or not name:
        _fail(f"--param expects name=value, got {text!r}")
    try:
        return name, json.loads(raw)
    except json.JSONDecodeError:
        return name, raw


def _print_table(columns: list[str], rows: list[list[object]]) -> None:
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*[_cell(v) for v in row])
    out.print(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _register_ingest() -> None:
    from smekg.cli_ingest import register

    register(app)


_register_ingest()


def _register_articles() -> None:
    from smekg.cli_articles import register

    register(app)


_register_articles()

if __name__ == "__main__":
    app()
