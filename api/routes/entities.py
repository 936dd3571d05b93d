"""Entities: search across Korean and English names and aliases; one entity with its posts and relationships."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import Ctx, has_control_characters, resolve
from api.models import EntityDetail, EntityList, EntityType, Position, Relationship
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
from graph.store import GraphStore
from queries.library import run_query
from services.answers.questions import normalise

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
    """Entities whose names or aliases contain `q` (case-insensitive, partial)."""
    if has_control_characters(q):
        return EntityList(items=[])  # no name holds control characters
    params = {
        "lowered": normalise(q).lower(),
        "type": type.value if type else None,
        "limit": min(limit, ctx.settings.max_rows),
    }
    rows = (await ctx.run(run_query, ctx.store, "entity_search", params)).records()
    return EntityList(items=[summary(row) for row in rows])


@router.get("/{id:path}", response_model=EntityDetail, responses=responses(*NAMED_ERRORS))
async def get_entity(
    ctx: Ctx,
    id: Annotated[str, Path(description="IRI (full or `id:…`), Korean or English name, or alias")],
) -> EntityDetail:
    """The entity, the posts it holds (with dates), and all its relationships with sources and evidence."""
    return await ctx.run(entity_detail, ctx.store, id)


def entity_detail(store: GraphStore, text: str) -> EntityDetail:
    entity = resolve(store, text)
    iri = entity["iri"]
    book = SourceBook(store)
    node = run_query(store, "entity_detail", {"iri": iri}).records()[0]
    props = visible(node["props"])
    relationships, truncated = relationships_of(store, iri, book)
    positions = [
        Position(
            post=ref_from(row, "post"),
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
    positions.sort(key=lambda p: (min(p.as_of or [p.start_date or "9999"]), p.post.iri or ""))
    return EntityDetail(
        entity=summary(entity),
        properties=props,
        positions=positions,
        relationships=relationships,
        relationships_truncated=truncated,
        sources=book.refs(props.get("sources")),
    )


def relationships_of(
    store: GraphStore, iri: str, book: SourceBook
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
