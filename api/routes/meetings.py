"""Who met whom: people who took part in the same events, and how two entities are linked."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.deps import Ctx, resolve
from api.models import (
    EntityRef,
    Hop,
    IsoDate,
    MetEntry,
    MetOrganisation,
    MetOut,
    SharedEvent,
    WhoMetWhom,
)
from api.shared import (
    NAMED_ERRORS,
    SourceBook,
    as_list,
    as_text_list,
    ref,
    responses,
    summary,
    unique,
)
from graph.store import GraphReader
from ontology.errors import BadInput
from queries.cache import cached
from queries.library import run_query
from services.answers.questions import DEFAULT_EVENTS, DEFAULT_PEOPLE, who_met_whom_page

router = APIRouter(prefix="/api", tags=["meetings"])

MAX_PEOPLE = 10_000  # the API answers at most SMEKG_MAX_ROWS people per page
MAX_OFFSET = 1_000_000
MAX_EVENTS = 50

NameParam = Query(
    min_length=1,
    max_length=300,
    description="IRI (full or `id:…`), Korean or English name, or alias",
)


@router.get("/who-met-whom", response_model=WhoMetWhom, responses=responses(*NAMED_ERRORS))
async def get_who_met_whom(
    ctx: Ctx,
    person: Annotated[str, NameParam],
    since: Annotated[IsoDate | None, Query(description="Earliest event date")] = None,
    until: Annotated[IsoDate | None, Query(description="Latest event date")] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PEOPLE, description="Most people per page (at most SMEKG_MAX_ROWS)")
    ] = DEFAULT_PEOPLE,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="People to skip (`next_offset`)")
    ] = 0,
    events: Annotated[
        int, Query(ge=1, le=MAX_EVENTS, description="Most shared events listed per person (latest)")
    ] = DEFAULT_EVENTS,
) -> Response:
    """People who took part in the same events as `person` (attended, spoke, chaired, signed); never
    reporters. Ranked by shared events, then the latest one; paged with `limit` and `offset`."""
    page = (min(limit, ctx.settings.max_rows), offset, events)
    body = await ctx.run(_who_met_whom, ctx.store, person, since, until, *page)
    return Response(content=body, media_type="application/json")


def _who_met_whom(
    store: GraphReader,
    person: str,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    offset: int,
    events: int,
) -> bytes:
    """The page as JSON, kept per graph version: a repeated or shared question is served as stored bytes."""
    entity = resolve(store, person, "Person")
    key = (entity["iri"], since, until, limit, offset, events)
    page: bytes = cached(
        store,
        "who_met_whom",
        key,
        lambda: (
            _page(store, entity, since, until, *key[3:]).model_dump_json(by_alias=True).encode()
        ),
    )
    return page


def _page(
    store: GraphReader,
    entity: dict[str, Any],
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    offset: int,
    events: int,
) -> WhoMetWhom:
    since_s = since.isoformat() if since else None
    until_s = until.isoformat() if until else None
    page = who_met_whom_page(store, entity["iri"], since_s, until_s, limit, offset, events)
    return WhoMetWhom(
        person=summary(entity),
        since=since_s,
        until=until_s,
        total=page["total"],
        offset=offset,
        limit=limit,
        events_per_person=events,
        more=page["more"],
        next_offset=offset + len(page["met"]) if page["more"] else None,
        met=[MetEntry.model_validate(entry) for entry in page["met"]],
        organisations=[MetOrganisation.model_validate(o) for o in page["organisations"]],
        events=page["events"],
        events_all=page["events_all"],
        explanation=page["explanation"],
        explanation_ko=page["explanation_ko"],
        articles=_articles(store, page),
    )


def _articles(store: GraphReader, page: dict[str, Any]) -> dict[str, Any]:
    """Headlines of every article the page cites (its rows carry bare article ids)."""
    ids = {
        s
        for entry in page["met"] + page["organisations"]
        for event in entry["events"]
        for s in event.get("sources") or []
    }
    book = SourceBook(store)
    return {ref.article_id: ref for ref in book.refs(sorted(ids))}


@router.get("/met", response_model=MetOut, responses=responses(*NAMED_ERRORS))
async def get_met(ctx: Ctx, a: Annotated[str, NameParam], b: Annotated[str, NameParam]) -> MetOut:
    """Whether `a` and `b` met (shared events, with evidence); otherwise the shortest chain linking them."""
    return await ctx.run(met, ctx.store, a, b)


def met(store: GraphReader, a_text: str, b_text: str) -> MetOut:
    a = resolve(store, a_text, "Agent")
    b = resolve(store, b_text, "Agent")
    if a["iri"] == b["iri"]:
        raise BadInput(f"{a_text!r} and {b_text!r} are the same entity <{a['iri']}>")
    book = SourceBook(store)
    events = shared_events(store, a["iri"], b["iri"], book)
    if events:
        return MetOut(a=summary(a), b=summary(b), met=True, events=events, path=[])
    chains = run_query(
        store, "meeting_path", {"a": a["iri"], "b": b["iri"], "max_hops": 6, "limit": 1}
    ).records()
    if not chains:
        return MetOut(
            a=summary(a),
            b=summary(b),
            met=False,
            events=[],
            path=[],
            note="no chain of meetings or affiliations of up to 6 steps links them",
        )
    path = hops(chains[0]["nodes"], chains[0]["edges"], book)
    return MetOut(
        a=summary(a),
        b=summary(b),
        met=False,
        events=[],
        path=path,
        note=f"they did not meet at a recorded event; linked in {len(path)} steps",
    )


def _node_ref(node: dict[str, Any]) -> EntityRef:
    return ref(node["iri"], node.get("type"), node.get("name_ko"), node.get("name_en"))


def hops(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], book: SourceBook) -> list[Hop]:
    """Turn a path into steps; person → event ← person becomes one `meeting` step through the event."""
    out: list[Hop] = []
    i = 0
    while i < len(edges):
        here, edge = nodes[i], edges[i]
        props = edge.get("props") or {}
        if (
            i + 1 < len(edges)
            and edge["type"] == "PARTICIPATED_IN"
            and edges[i + 1]["type"] == "PARTICIPATED_IN"
            and "Event" in as_list(nodes[i + 1].get("labels"))
            and edge["target"] == nodes[i + 1]["iri"]
            and edges[i + 1]["target"] == nodes[i + 1]["iri"]
        ):
            other = edges[i + 1].get("props") or {}
            out.append(
                Hop(
                    from_=_node_ref(here),
                    to=_node_ref(nodes[i + 2]),
                    kind="meeting",
                    type="PARTICIPATED_IN",
                    event=_node_ref(nodes[i + 1]),
                    roles=unique(
                        as_text_list(props.get("roles")) + as_text_list(other.get("roles"))
                    ),
                    sources=book.refs(
                        as_list(props.get("sources")) + as_list(other.get("sources"))
                    ),
                    evidence=unique(
                        as_text_list(props.get("evidence")) + as_text_list(other.get("evidence"))
                    ),
                )
            )
            i += 2
            continue
        out.append(
            Hop(
                from_=_node_ref(here),
                to=_node_ref(nodes[i + 1]),
                kind="relationship",
                type=edge["type"],
                direction="forward" if edge["source"] == here["iri"] else "backward",
                roles=as_text_list(props.get("roles")),
                sources=book.refs(props.get("sources")),
                evidence=as_text_list(props.get("evidence")),
            )
        )
        i += 1
    return out


def shared_events(store: GraphReader, a: str, b: str, book: SourceBook) -> list[SharedEvent]:
    """The events both IRIs took part in, with each one's roles, the quotes and the sources."""
    rows = run_query(store, "met_at_events", {"a": a, "b": b}).records()
    return [
        SharedEvent(
            iri=row["iri"],
            type=row["type"],
            name_ko=row["name_ko"],
            name_en=row["name_en"],
            date=row["date"],
            end_date=row["end_date"],
            place=", ".join(p for p in row["places"] if p) or None,
            roles_a=as_text_list(row["roles_a"]),
            roles_b=as_text_list(row["roles_b"]),
            evidence=unique(as_text_list(row["evidence_a"]) + as_text_list(row["evidence_b"])),
            sources=book.refs(row["sources"]),
        )
        for row in rows
    ]
