"""Interlocks: the people and events that link two organisations (or their sub-organisations)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from api.deps import Ctx, resolve
from api.models import EntityRef, EventLink, InterlockEvent, InterlockPerson, InterlocksOut, Tie
from api.routes.agreements import find_agreements
from api.shared import (
    NAMED_ERRORS,
    SourceBook,
    as_bool,
    as_list,
    as_text_list,
    ref,
    ref_from,
    responses,
    summary,
)
from graph.store import GraphReader
from ontology.errors import BadInput
from queries.library import run_query

router = APIRouter(prefix="/api/organizations", tags=["organizations"])

OrgParam = Path(
    description="IRI (full or `id:…`), Korean or English name, or alias of an organisation"
)


@router.get(
    "/{a:path}/interlocks/{b:path}",
    response_model=InterlocksOut,
    responses=responses(*NAMED_ERRORS),
)
async def get_interlocks(
    ctx: Ctx, a: Annotated[str, OrgParam], b: Annotated[str, OrgParam]
) -> InterlocksOut:
    """People tied to both (posts, memberships, affiliations, chairs), events both took part in, shared agreements."""
    return await ctx.run(interlocks, ctx.store, a, b)


def interlocks(store: GraphReader, a_text: str, b_text: str) -> InterlocksOut:
    a = resolve(store, a_text)
    b = resolve(store, b_text)
    if a["iri"] == b["iri"]:
        raise BadInput(f"{a_text!r} and {b_text!r} are the same entity <{a['iri']}>")
    book = SourceBook(store)
    ties_a, ties_b = _ties(store, a["iri"], book), _ties(store, b["iri"], book)
    people = [
        InterlockPerson(person=ties_a[iri][0], ties_a=ties_a[iri][1], ties_b=ties_b[iri][1])
        for iri in sorted(set(ties_a) & set(ties_b), key=lambda i: ties_a[i][0].name_ko or i)
    ]
    events_a, events_b = _events(store, a["iri"], book), _events(store, b["iri"], book)
    events = [
        InterlockEvent(
            event=events_a[iri][0],
            date=events_a[iri][1],
            links_a=events_a[iri][2],
            links_b=events_b[iri][2],
        )
        for iri in set(events_a) & set(events_b)
    ]
    events.sort(key=lambda e: (e.date is None, e.date or "", e.event.iri or ""))
    agreements = find_agreements(store, book, parties=[a["iri"], b["iri"]])
    return InterlocksOut(
        a=summary(a), b=summary(b), people=people, events=events, agreements=agreements
    )


def _ties(store: GraphReader, org: str, book: SourceBook) -> dict[str, tuple[Any, list[Tie]]]:
    rows = run_query(store, "org_people", {"org": org}).records()
    book.load(s for row in rows for s in as_list(row["sources"]))
    out: dict[str, tuple[Any, list[Tie]]] = {}
    for row in rows:
        person = ref(row["iri"], "Person", row["name_ko"], row["name_en"])
        tie = Tie(
            tie=row["tie"],
            via=ref_from(row, "via") or EntityRef(),
            unit=ref_from(row, "unit") or EntityRef(),
            roles=as_text_list(row["roles"]),
            as_of=as_text_list(row["as_of"]),
            start_date=_one(row["start_date"]),
            end_date=_one(row["end_date"]),
            acting=as_bool(row["acting"]),
            sources=book.refs(row["sources"]),
            evidence=as_text_list(row["evidence"]),
        )
        entry = out.setdefault(row["iri"], (person, []))
        if tie not in entry[1]:
            entry[1].append(tie)
    return out


def _events(
    store: GraphReader, org: str, book: SourceBook
) -> dict[str, tuple[Any, str | None, list[EventLink]]]:
    rows = run_query(store, "org_events", {"org": org}).records()
    book.load(s for row in rows for s in as_list(row["sources"]))
    out: dict[str, tuple[Any, str | None, list[EventLink]]] = {}
    for row in rows:
        event = ref(row["event_iri"], row["event_type"], row["event_name_ko"], row["event_name_en"])
        link = EventLink(
            via=ref_from(row, "via") or EntityRef(),
            link=row["link"],
            roles=as_text_list(row["roles"]),
            sources=book.refs(row["sources"]),
            evidence=as_text_list(row["evidence"]),
        )
        entry = out.setdefault(row["event_iri"], (event, row["date"], []))
        if link not in entry[2]:
            entry[2].append(link)
    return out


def _one(value: Any) -> str | None:
    items = as_list(value)
    return str(items[0]) if items else None
