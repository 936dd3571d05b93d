"""`smekg review list|show|accept|reject|match|undo|commit|drop`: the review workbench from the command
line, over the same queue (SMEKG_REVIEW_QUEUE) and decisions file as the `/review` page, for batch work.
Articles enter the queue with `smekg ingest DIR --queue` (or the page). Fact ids are the ones
`smekg review show` prints; any unambiguous prefix of an id will do."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from smekg.settings import Settings

out = Console(emoji=False, highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, emoji=False, highlight=False, soft_wrap=True)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Review queued articles: decide their facts and commit them to the graph.",
)


def _fail(message: str, code: int = 1) -> None:
    err.print("[bold red]error:[/] ", end="")
    err.print(message, markup=False)
    raise typer.Exit(code)


def workbench(settings: Settings | None = None) -> Any:
    from ingest.review import Workbench

    s = settings or Settings.from_env()
    return Workbench(s.review_queue_dir, s.data_dir, s.decisions_path, s.review_max_bytes)


def _item(wb: Any, item_id: str) -> dict[str, Any]:
    from ontology.errors import SmekgError

    try:
        item: dict[str, Any] = wb.get(item_id)
    except SmekgError as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits
    return item


def _fact_ids(view: dict[str, Any], wanted: list[str]) -> list[str]:
    ids = [f["id"] for f in view["facts"]]
    chosen = []
    for prefix in wanted:
        hits = [i for i in ids if i == prefix] or [i for i in ids if i.startswith(prefix)]
        if len(hits) != 1:
            _fail(
                f"{prefix!r} names {'no fact' if not hits else f'{len(hits)} facts'} of "
                f"{view['id']} (see `smekg review show {view['id']}`)"
            )
        chosen.append(hits[0])
    return chosen


def _act(item_id: str, action: dict[str, Any]) -> dict[str, Any]:
    from ontology.errors import SmekgError

    wb = workbench()
    try:
        taken_back = wb.view(wb.get(item_id))["undo"] if action["op"] == "undo" else None
        view: dict[str, Any] = wb.view(wb.act(item_id, action))
    except SmekgError as exc:
        _fail(str(exc))
        raise
    done = f"took back: {taken_back}" if action["op"] == "undo" else view["undo"]
    out.print(f"{item_id}: ", end="")
    out.print(done, markup=False)
    _counts(view)
    return view


def _counts(view: dict[str, Any]) -> None:
    c = view["counts"]
    out.print(
        f"  {c['accepted']} accepted, {c['rejected']} rejected, {c['undecided']} undecided "
        f"of {c['facts']} facts"
    )


@app.command("list")
def list_items(
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """The queue: articles to review, then those committed."""
    items = workbench().items()
    if format == "json":
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
        return
    if not items:
        out.print("the review queue is empty (add articles with `smekg ingest FILES --queue`)")
        return
    table = Table("id", "status", "date", "title", "✓", "✗", "?", "uncertain")
    for it in items:
        c = it["counts"]
        status = it["status"] + (" (changed)" if it["changed_since_commit"] else "")
        table.add_row(
            it["id"],
            status,
            it["date"] or "",
            (it["title"] or it["file"])[:60],
            str(c["accepted"]),
            str(c["rejected"]),
            str(c["undecided"]),
            str(c.get("uncertain") or ""),
        )
    out.print(table)


@app.command()
def show(
    item_id: str = typer.Argument(..., metavar="ID", help="The article's id in the queue"),
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """An article's facts (id, decision, confidence, evidence) and its uncertain matches."""
    wb = workbench()
    view = wb.view(_item(wb, item_id))
    if format == "json":
        view.pop("text", None)
        sys.stdout.write(json.dumps(view, ensure_ascii=False, indent=1) + "\n")
        return
    a = view["article"]
    out.print(
        f"[bold]{a['title']}[/] — {a['date']} · {a.get('publisher') or ''} · {view['id']} ({view['status']})"
    )
    table = Table("fact", "", "subject", "relationship", "object", "conf.", "evidence")
    marks = {"accepted": "✓", "rejected": "✗", None: "?"}
    for f in view["facts"]:
        obj = f["object"]["name"]
        if f.get("holding"):
            h = f["holding"]
            obj = f"{h['title']} · {(h.get('organization') or {}).get('name', '?')}"
        relation = f["predicate"] + (f" ({', '.join(f['roles'])})" if f["roles"] else "")
        conf = (
            "added"
            if f["added"]
            else f"{f['confidence']:.2f}"
            if f["confidence"] is not None
            else ""
        )
        table.add_row(
            f["id"],
            marks[f["decision"]],
            f["subject"]["name"],
            relation,
            obj,
            conf,
            f["evidence"][0]["quote"][:80] if f["evidence"] else "",
        )
    out.print(table)
    for e in view["entities"]:
        for c in e["candidates"]:
            out.print(
                f"uncertain: {c['mention']} → {c['name']} <{c['iri']}> {c['confidence']:.2f} ({c['reason']}); "
                f"answer with `smekg review match {view['id']} {c['mention']} {c['iri']} same|not-same`",
                markup=False,
                soft_wrap=True,  # a command to copy: never broken across lines
            )
    for p in view["problems"]:
        out.print(f"[red]last commit refused:[/] {', '.join(p['facts']) or '—'}: ", end="")
        out.print(p["message"], markup=False)
    _counts(view)


@app.command()
def accept(
    item_id: str = typer.Argument(..., metavar="ID"),
    facts: list[str] = typer.Argument(None, metavar="[FACT]...", help="Fact ids (or prefixes)"),
    above: float | None = typer.Option(
        None, "--above", help="Accept every undecided fact with at least this confidence"
    ),
) -> None:
    """Accept facts by id, or every undecided one at or above a confidence (`--above 0.9`)."""
    if above is not None:
        if facts:
            _fail("give fact ids or --above, not both")
        _act(item_id, {"op": "accept_above", "threshold": above})
        return
    if not facts:
        _fail("give fact ids (see `smekg review show ID`) or --above 0.9")
    wb = workbench()
    ids = _fact_ids(wb.view(_item(wb, item_id)), list(facts))
    _act(item_id, {"op": "accept", "facts": ids})


@app.command()
def reject(
    item_id: str = typer.Argument(..., metavar="ID"),
    facts: list[str] = typer.Argument(..., metavar="FACT...", help="Fact ids (or prefixes)"),
) -> None:
    """Reject facts: they are not written when the article is committed."""
    wb = workbench()
    ids = _fact_ids(wb.view(_item(wb, item_id)), list(facts))
    _act(item_id, {"op": "reject", "facts": ids})


@app.command()
def match(
    item_id: str = typer.Argument(..., metavar="ID"),
    mention: str = typer.Argument(..., help="The name as the article writes it"),
    candidate: str = typer.Argument(..., help="The candidate's IRI (as `show` lists it)"),
    decision: str = typer.Argument(..., help="same or not-same"),
) -> None:
    """Answer an uncertain match; the answer goes to the decisions file and the article is read again."""
    if decision not in ("same", "not-same"):
        _fail("the decision is same or not-same")
    _act(item_id, {"op": "match", "mention": mention, "candidate": candidate, "decision": decision})


@app.command()
def undo(item_id: str = typer.Argument(..., metavar="ID")) -> None:
    """Take back the last decision on an article."""
    _act(item_id, {"op": "undo"})


@app.command()
def commit(
    items: list[str] = typer.Argument(..., metavar="ID...", help="Articles to commit, in order"),
) -> None:
    """Write each article's accepted facts as its TriG, validate, and add it to the graph (an article
    committed before is replaced); a refused article changes nothing and the others still go in."""
    from graph import open_store
    from ingest.review import ReviewCommitRefused
    from ontology.errors import SmekgError

    settings = Settings.from_env()
    wb = workbench(settings)
    store = open_store(**settings.store_arguments())
    refused = 0
    try:
        for item_id in items:
            try:
                done = wb.commit(item_id, store)
            except ReviewCommitRefused as exc:
                refused += 1
                err.print(f"[bold red]refused:[/] {item_id}: ", end="")
                err.print(exc.message, markup=False)
                for p in exc.problems:
                    err.print(f"  - {', '.join(p['facts']) or '—'}: ", end="")
                    err.print(p["message"], markup=False)
                continue
            except SmekgError as exc:
                refused += 1
                err.print(f"[bold red]error:[/] {item_id}: ", end="")
                err.print(str(exc), markup=False)
                continue
            change = done["committed"].get("change") or {}
            what = "replaced" if change.get("replaced") else "added"
            out.print(
                f"{item_id}: {what}, {done['committed']['counts']['accepted']} facts; graph now "
                f"{change.get('nodes', '?')} nodes, {change.get('edges', '?')} relationships"
            )
    finally:
        store.close()
    if refused:
        raise typer.Exit(1)


@app.command()
def drop(item_id: str = typer.Argument(..., metavar="ID")) -> None:
    """Take an article out of the queue (what was committed stays in the graph)."""
    from ontology.errors import SmekgError

    try:
        workbench().drop(item_id)
    except SmekgError as exc:
        _fail(str(exc))
    out.print(f"{item_id}: taken out of the review queue")


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="review")
