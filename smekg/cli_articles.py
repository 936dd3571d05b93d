"""`smekg add` and `smekg remove`: change the loaded graph article by article, without a rebuild.

Registered on the main command by `register(app)` (smekg/cli.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

out = Console(emoji=False, highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, emoji=False, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    err.print("[bold red]error:[/] ", end="")
    err.print(message, markup=False)
    raise typer.Exit(code)


def add(
    files: list[Path] = typer.Argument(
        ..., help="Article TriG files (one or more named graphs each)"
    ),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Curated data (default data/)"),
) -> None:
    """Add articles to the loaded graph and to data/articles; a file for an article already loaded
    replaces it. Checked with the loader's checks and SHACL in the context of the graph; applied as
    one atomic change, or refused with nothing changed."""
    from services.articles import ArticleInput

    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        _fail(f"no such file: {', '.join(missing)}")
    _run("add", data_dir, [ArticleInput.from_path(p) for p in files])


def remove(
    articles: list[str] = typer.Argument(..., help="Article ids (002_f72b6778ec84ef75, or art:…)"),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Curated data (default data/)"),
) -> None:
    """Take articles out of the loaded graph and data/articles (refused, naming the articles that
    depend on them, when the rest of the data would no longer be valid without them)."""
    _run("remove", data_dir, articles)


def _run(what: str, data_dir: Path | None, items: list[Any]) -> None:
    from graph import StoreError, open_store
    from services.articles import ChangeRefused, add_articles, remove_articles
    from smekg.settings import Settings

    settings = Settings.from_env()
    folder = data_dir or settings.data_dir
    store = open_store(**settings.store_arguments())
    try:
        change = add_articles if what == "add" else remove_articles
        report = change(store, folder, items)
    except ChangeRefused as exc:
        _fail(str(exc))
    except StoreError as exc:
        _fail(f"the store refused the change: {exc}")
    finally:
        store.close()
    parts = []
    for label, ids in (
        ("added", report.added),
        ("replaced", report.replaced),
        ("removed", report.removed),
        ("unchanged (already loaded as it is)", report.unchanged),
    ):
        if ids:
            parts.append(f"{label} {', '.join(ids)}")
    out.print("; ".join(parts) or "nothing to do")
    out.print(
        f"graph version {report.version}: {report.nodes} nodes ({report.node_delta:+d}), "
        f"{report.edges} relationships ({report.edge_delta:+d}) in {report.elapsed_ms:.0f} ms"
    )


def register(app: typer.Typer) -> None:
    app.command("add")(add)
    app.command("remove")(remove)
