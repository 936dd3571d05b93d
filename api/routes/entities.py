"""Entities: search across Korean and English names and aliases; one entity with its posts and relationships."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from api.deps import Ctx, has_control_characters, resolve
from api.models import (
    EntityDetail,
    EntityHit,
    EntityList,
    EntityRef,
    EntityType,
    Holder,
    Position,
    Relationship,
    TimelineEntry,
    TypeCount,
)
from api.shared import (
    NAMED_ERRORS,
    READ_ERRORS,
    SourceBook,
    as_bool,
    as_list,
    as_text_list,
    ref,
    ref_from,
    responses,
    summary,
    visible,
)
from graph.store import GraphReader
from queries.library import run_query
from services.answers.questions import search_params

router = APIRouter(prefix="/api/entities", tags=["entities"])

RELATIONSHIP_LIMIT = 500
EDGE_META = {"sources", "evidence", "roles"}


@router.get("", response_model=EntityList, responses=responses(*READ_ERRORS))
async def search_entities(
    ctx: Ctx,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Part of a Korean or English name or an alias; empty lists all",
        ),
    ] = "",
    type: Annotated[
        EntityType | None, Query(description="Only entities with this class (label)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> EntityList:
    """Entities whose names or aliases contain `q` (case-insensitive, NFC, spaces optional), ranked: an
    exact name or alias first, then names starting with `q`, then names containing it; with the number
    of matches per type (`facets`) for all types."""
    if has_control_characters(q):
        return EntityList(items=[], total=0)  # no name holds control characters
    return await ctx.run(
        search, ctx.store, q, type.value if type else None, min(limit, ctx.settings.max_rows)
    )


MATCHES: tuple[Literal["exact", "prefix", "partial", "spaced"], ...] = (
    "exact",
    "prefix",
    "partial",
    "spaced",
)


def search(store: GraphReader, text: str, type_: str | None, limit: int) -> EntityList:
    params = search_params(text)
    rows = run_query(store, "entity_search", {**params, "type": type_, "limit": limit}).records()
    facets = [
        TypeCount(type=r["type"], count=r["count"])
        for r in run_query(store, "entity_search_facets", params).records()
    ]
    items = [
        EntityHit(**summary(row).model_dump(), match=MATCHES[min(int(row["rank"]), 3)])
        for row in rows
    ]
    return EntityList(items=items, total=sum(f.count for f in facets), facets=facets)


@router.get("/{id:path}", response_model=EntityDetail, responses=responses(*NAMED_ERRORS))
async def get_entity(
    ctx: Ctx,
    id: Annotated[str, Path(description="IRI (full or `id:…`), Korean or English name, or alias")],
) -> EntityDetail:
    """The entity, the posts it holds (with dates), and all its relationships with sources and evidence."""
    return await ctx.run(entity_detail, ctx.store, id)


def entity_detail(store: GraphReader, text: str) -> EntityDetail:
    entity = resolve(store, text)
    iri = entity["iri"]
    book = SourceBook(store)
    node = run_query(store, "entity_detail", {"iri": iri}).records()[0]
    props = visible(node["props"])
    relationships, truncated = relationships_of(store, iri, book)
    relationships.sort(key=lambda r: (r.type, _relationship_date(r), r.other.iri or ""))
    positions = [
        Position(
            post=ref_from(row, "post") or EntityRef(),
            organization=ref_from(row, "org"),
            as_of=as_text_list(row["as_of"]),
            start_date=row["start_date"],
            end_date=row["end_date"],
            acting=as_bool(row["acting"]),
            sources=book.refs(row["sources"]),
            evidence=as_text_list(row["evidence"]),
        )
        for row in run_query(store, "entity_positions", {"iri": iri}).records()
    ]
    positions.sort(key=lambda p: (_first_date(p.as_of, p.start_date), p.post.iri or ""))
    return EntityDetail(
        entity=summary(entity),
        properties=props,
        positions=positions,
        relationships=relationships,
        relationships_truncated=truncated,
        holders=holders(relationships),
        timeline=timeline(positions, relationships),
        sources=book.refs(props.get("sources")),
    )


def _relationship_date(rel: Relationship) -> str:
    """Within a type, relationships in date order: the holding's or the other end's date; undated last."""
    dates = [
        *as_text_list(rel.qualifiers.get("as_of")),
        *as_text_list(rel.qualifiers.get("start_date")),
        *([rel.other_date] if rel.other_date else []),
    ]
    return min(dates) if dates else "9999"


def _first_date(as_of: list[str], start: str | None) -> str:
    """A holding's sort key: its first observed or start date; undated last."""
    dates = [d for d in [*as_of, start] if d]
    return min(dates) if dates else "9999"


def holders(relationships: list[Relationship]) -> list[Holder]:
    """Who held this post (incoming HOLDS_POST), earliest first; acting holders marked."""
    out = []
    for rel in relationships:
        if rel.type != "HOLDS_POST" or rel.direction != "in":
            continue
        q = rel.qualifiers
        out.append(
            Holder(
                person=rel.other,
                as_of=sorted(as_text_list(q.get("as_of"))),
                start_date=_text(q.get("start_date")),
                end_date=_text(q.get("end_date")),
                acting=as_bool(q.get("acting")),
                note=as_text_list(q.get("note")),
                sources=rel.sources,
                evidence=rel.evidence,
            )
        )
    out.sort(key=lambda h: (_first_date(h.as_of, h.start_date), h.person.iri or ""))
    return out


TIMELINE_KINDS = {
    ("PARTICIPATED_IN", "out"): "event",
    ("SPEAKER", "in"): "statement",
    ("PARTY", "in"): "agreement",
    ("AUTHOR", "in"): "article",
    ("PHOTOGRAPHER", "in"): "article",
    ("CONTACT_FOR", "out"): "article",
}


def timeline(positions: list[Position], relationships: list[Relationship]) -> list[TimelineEntry]:
    """Posts held and events taken part in (and statements made, agreements signed, articles
    credited), in date order; undated entries last."""
    entries = [
        TimelineEntry(
            date=_first_date(p.as_of, p.start_date) if (p.as_of or p.start_date) else None,
            end_date=p.end_date,
            kind="post",
            entity=p.post,
            organization=p.organization,
            as_of=p.as_of,
            acting=p.acting,
            sources=p.sources,
            evidence=p.evidence,
        )
        for p in positions
    ]
    for rel in relationships:
        kind = TIMELINE_KINDS.get((rel.type, rel.direction))
        if kind is None:
            continue
        entries.append(
            TimelineEntry(
                date=rel.other_date,
                kind=kind,  # type: ignore[arg-type]
                entity=rel.other,
                organization=None,
                roles=rel.roles,
                sources=rel.sources,
                evidence=rel.evidence,
            )
        )
    order = ["post", "event", "statement", "agreement", "article"]
    entries.sort(
        key=lambda e: (e.date is None, e.date or "", order.index(e.kind), e.entity.iri or "")
    )
    return entries


def _text(value: Any) -> str | None:
    items = as_list(value)
    return str(items[0]) if items else None


def relationships_of(
    store: GraphReader, iri: str, book: SourceBook
) -> tuple[list[Relationship], bool]:
    rows = run_query(
        store, "entity_relationships", {"iri": iri, "limit": RELATIONSHIP_LIMIT + 1}
    ).records()
    truncated = len(rows) > RELATIONSHIP_LIMIT
    book.load(s for row in rows for s in as_list(row["props"].get("sources")))
    return [relationship(row, book) for row in rows[:RELATIONSHIP_LIMIT]], truncated


def relationship(row: dict[str, Any], book: SourceBook) -> Relationship:
    props = row["props"] or {}
    return Relationship(
        type=row["type"],
        direction="out" if row["outgoing"] else "in",
        other=ref(row["other_iri"], row["other_type"], row["other_name_ko"], row["other_name_en"]),
        other_date=row.get("other_date"),
        roles=as_text_list(props.get("roles")),
        qualifiers={k: v for k, v in visible(props).items() if k not in EDGE_META},
        sources=book.refs(props.get("sources")),
        evidence=as_text_list(props.get("evidence")),
    )
