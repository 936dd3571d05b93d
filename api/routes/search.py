"""Full-text search over the evidence quotes and the stored article texts (`GET /api/search`).

Korean-aware: text is compared in NFC and case-folded, and a text that is exactly a name or alias of
an entity is searched together with that entity's other names (중기부 finds sentences that say
중소벤처기업부). Names are searched by `GET /api/entities`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Ctx, has_control_characters
from api.models import PassageHit, QuoteHit, TextSearchOut
from api.shared import READ_ERRORS, SourceBook, as_text_list, ref, responses, summary, unique
from graph.store import GraphStore
from queries.library import run_query
from services.answers.questions import normalise
from services.texts import contains_term, find_passages

router = APIRouter(prefix="/api", tags=["search"])

MAX_NAMED = 5  # entities whose names widen the search
MIN_TERM = 2  # shorter names (one syllable) are not searched in texts


@router.get("/search", response_model=TextSearchOut, responses=responses(*READ_ERRORS))
async def search_text(
    ctx: Ctx,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text to look for")],
    limit: Annotated[int, Query(ge=1, le=500, description="Most quotes and passages each")] = 50,
) -> TextSearchOut:
    """Evidence quotes and sentences of the stored article texts containing `q` (or another name of
    the entity `q` names)."""
    return await ctx.run(text_search, ctx.store, ctx.settings.data_dir, q, limit)


def text_search(store: GraphStore, data_dir: Path, q: str, limit: int) -> TextSearchOut:
    text = normalise(q)
    if has_control_characters(text) or not text:
        return TextSearchOut(
            q=q, terms=[], quotes=[], quotes_more=False, passages=[], passages_total=0
        )
    lowered = text.lower()
    named = run_query(store, "entity_by_name", {"name": text, "lowered": lowered}).records()
    named = named[:MAX_NAMED]
    names = [
        n
        for entity in named
        for n in [entity.get("name_ko"), entity.get("name_en"), *entity.get("aliases", [])]
        if n and len(n.strip()) >= MIN_TERM
    ]
    terms = unique([text, *(normalise(n) for n in names)])
    rows = run_query(
        store, "evidence_search", {"terms": [t.lower() for t in terms], "limit": limit + 1}
    ).records()
    book = SourceBook(store)
    book.load(s for row in rows[:limit] for s in as_text_list(row["sources"]))
    quotes = [
        QuoteHit(
            subject=ref(
                row["source_iri"], row["source_type"], row["source_name_ko"], row["source_name_en"]
            ),
            type=row["type"],
            object=ref(
                row["target_iri"], row["target_type"], row["target_name_ko"], row["target_name_en"]
            ),
            evidence=[
                e for e in as_text_list(row["evidence"]) if any(contains_term(e, t) for t in terms)
            ],
            sources=book.refs(row["sources"]),
        )
        for row in rows[:limit]
    ]
    quotes = [hit for hit in quotes if hit.evidence]
    passages, passages_total = find_passages(data_dir, terms, limit)
    book.load(p.article_id for p in passages)
    hits = []
    for passage in passages:
        source = book.refs([passage.article_id])[0]
        hits.append(
            PassageHit(
                article_id=passage.article_id,
                headline=source.headline,
                date_published=source.date_published,
                text=passage.text,
                offset=passage.start,
            )
        )
    return TextSearchOut(
        q=q,
        terms=terms,
        named=[summary(n) for n in named],
        quotes=quotes,
        quotes_more=len(rows) > limit,
        passages=hits,
        passages_total=passages_total,
    )
