"""Events in chronological order, and one event with its participants, agreements, venue and sources."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import Ctx, resolve
from api.models import (
    EntityRef,
    EventDetail,
    EventItem,
    EventList,
    EventType,
    IsoDate,
    Participant,
    PostAtEvent,
    StatementOut,
)
from api.routes.agreements import find_agreements
from api.routes.entities import relationships_of
from api.shared import (
    NAMED_ERRORS,
    SourceBook,
    as_bool,
    as_list,
    as_text_list,
    first,
    ref,
    ref_from,
    responses,
    summary,
    visible,
)
from graph.store import GraphReader
from queries.library import run_query

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=EventList, responses=responses(*NAMED_ERRORS))
async def list_events(
    ctx: Ctx,
    since: Annotated[IsoDate | None, Query(description="Earliest start date")] = None,
    until: Annotated[IsoDate | None, Query(description="Latest start date")] = None,
    type: Annotated[EventType | None, Query(description="Only events of this class")] = None,
    series: Annotated[
        str | None,
        Query(
            max_length=300, description="Only editions of this event series (IRI, name or alias)"
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> EventList:
    """Events in chronological order (ISO dates; undated events last unless a date range is given)."""
    return await ctx.run(
        events,
        ctx.store,
        since,
        until,
        type.value if type else None,
        series,
        min(limit, ctx.settings.max_rows),
    )


def events(
    store: GraphReader,
    since: dt.date | None,
    until: dt.date | None,
    type_: str | None,
    series: str | None,
    limit: int,
) -> EventList:
    series_iri = resolve(store, series, "EventSeries")["iri"] if series and series.strip() else None
    params = {
        "type": type_,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "series": series_iri,
        "limit": limit,
    }
    rows = run_query(store, "events_list", params).records()
    items = [
        EventItem(
            iri=r["iri"],
            type=r["type"],
            labels=as_list(r["labels"]),
            name_ko=r["name_ko"],
            name_en=r["name_en"],
            date=r["date"],
            end_date=r["end_date"],
            place=", ".join(p for p in r["places"] if p) or None,
            series=as_text_list(r["series"]),
        )
        for r in rows
    ]
    items.sort(key=lambda e: (e.date is None, e.date or "", e.iri))
    return EventList(items=items)


@router.get("/{id:path}", response_model=EventDetail, responses=responses(*NAMED_ERRORS))
async def get_event(
    ctx: Ctx,
    id: Annotated[str, Path(description="IRI (full or `id:…`), Korean or English name, or alias")],
) -> EventDetail:
    """An event: participants with roles and posts held that day, agreements signed, venue, statements, sources."""
    return await ctx.run(event_detail, ctx.store, id)


def event_detail(store: GraphReader, text: str) -> EventDetail:
    event = resolve(store, text, "Event")
    iri = event["iri"]
    book = SourceBook(store)
    props = visible(run_query(store, "entity_detail", {"iri": iri}).records()[0]["props"])
    relationships, _ = relationships_of(store, iri, book)
    posts: dict[str, list[PostAtEvent]] = {}
    for row in run_query(store, "event_participant_posts", {"event": iri}).records():
        posts.setdefault(row["person"], []).append(
            PostAtEvent(
                post=ref_from(row, "post") or EntityRef(),
                organization=ref_from(row, "org"),
                acting=as_bool(row["acting"]),
            )
        )
    detail = EventDetail(
        event=summary(event),
        properties=props,
        date=first(props.get("start_date")),
        end_date=first(props.get("end_date")),
        sources=book.refs(props.get("sources")),
    )
    for rel in relationships:
        key = (rel.type, rel.direction)
        if key == ("PARTICIPATED_IN", "in"):
            detail.participants.append(
                Participant(
                    entity=rel.other,
                    roles=rel.roles,
                    posts=posts.get(rel.other.iri or "", []),
                    sources=rel.sources,
                    evidence=rel.evidence,
                )
            )
        elif key == ("HELD_AT", "out"):
            detail.venues.append(rel.other)
        elif key == ("PART_OF_SERIES", "out"):
            detail.series.append(rel.other)
        elif key == ("SUB_EVENT_OF", "out"):
            detail.part_of.append(rel.other)
        elif key == ("SUB_EVENT_OF", "in"):
            detail.sub_events.append(rel.other)
        elif key == ("ORGANIZED_BY", "out"):
            detail.organizers.append(rel)
        elif key in {("SIGNED_AT", "in"), ("STATED_AT", "in")}:
            continue  # listed with their details below
        else:
            detail.other.append(rel)
    detail.participants.sort(
        key=lambda p: (p.entity.type != "Person", p.entity.name_ko or p.entity.name_en or "")
    )
    detail.agreements = find_agreements(store, book, event=iri)
    detail.statements = [
        StatementOut(
            iri=row["iri"],
            text=as_text_list(row["text"]),
            speakers=[
                ref(s["iri"], s.get("type"), s.get("name_ko"), s.get("name_en"))
                for s in as_list(row["speakers"])
                if s
            ],
            sources=book.refs(row["sources"]),
            evidence=as_text_list(row["evidence"]),
        )
        for row in run_query(store, "event_statements", {"event": iri}).records()
    ]
    return detail
