"""Source articles: metadata, credits (publisher, reporters, photographers, contacts), and what they mention."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import Ctx, expand_iri, has_control_characters
from api.models import ArticleOut, Credit
from api.shared import as_list, as_text_list, first, responses, summary, unique, visible
from graph.store import GraphReader
from ontology.errors import NotFound
from queries.library import run_query

router = APIRouter(prefix="/api/sources", tags=["sources"])

MENTIONS_LIMIT = 500


@router.get("/{article:path}", response_model=ArticleOut, responses=responses(400, 404, 408, 503))
async def get_source(
    ctx: Ctx,
    article: Annotated[
        str, Path(description="Article id (`002_f72b6778ec84ef75`), `art:…`, or the article IRI")
    ],
) -> ArticleOut:
    """An article's headline, publication date, publisher, reporters, notes, and the entities it mentions."""
    return await ctx.run(article_detail, ctx.store, article)


def article_detail(store: GraphReader, text: str) -> ArticleOut:
    key = expand_iri(text.strip())
    rows = (
        []
        if has_control_characters(key)
        else run_query(store, "article_detail", {"id": key}).records()
    )
    if not rows:
        raise NotFound(f"no source article {text!r}")
    row = rows[0]
    props = visible(row["props"])
    credits = [
        Credit(
            role=c["role"],
            iri=c.get("iri"),
            type=c.get("type"),
            name_ko=c.get("name_ko"),
            name_en=c.get("name_en"),
        )
        for c in as_list(row["credits"])
        if c
    ]
    credits.sort(key=lambda c: (c.role, c.iri or ""))
    publishers = unique(
        [c.name_ko or c.name_en for c in credits if c.role == "PUBLISHER"]
        + as_text_list(props.get("publisher_name"))
    )
    mentions = run_query(
        store, "article_mentions", {"article_id": row["article_id"], "limit": MENTIONS_LIMIT}
    ).records()
    return ArticleOut(
        article_id=row["article_id"],
        iri=row["iri"],
        headline=first(props.get("headline")),
        date_published=first(props.get("date_published")),
        publisher=publishers,
        source_file=first(props.get("source_file")),
        properties=props,
        credits=credits,
        mentions=[summary(m) for m in mentions],
    )
