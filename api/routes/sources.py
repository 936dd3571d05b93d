"""Source articles: metadata and credits, the stored text (as text), and the facts taken from each.

`GET /api/sources/{article}/text` serves the article's text as `text/plain` (with a sandboxing CSP,
so that even a text holding markup can never run in a browser); `/facts` lists the relationships the
article is a source of, grouped by kind, with the quotes that support them located in the text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import PlainTextResponse

from api.deps import Ctx, expand_iri, has_control_characters
from api.models import ArticleFacts, ArticleOut, Credit, Fact, FactGroup, QuoteSpan
from api.shared import (
    as_list,
    as_text_list,
    first,
    json_errors,
    ref,
    responses,
    summary,
    unique,
    visible,
)
from graph.store import GraphReader
from ontology.errors import NotFound
from queries.library import run_query
from services.texts import quote_anchor, read_text

router = APIRouter(prefix="/api/sources", tags=["sources"])

MENTIONS_LIMIT = 500
FACTS_LIMIT = 2000
ArticleParam = PathParam(
    description="Article id (`002_f72b6778ec84ef75`), `art:…`, or the article IRI"
)
EDGE_META = {"sources", "evidence", "roles"}
_URL = re.compile(r"https?://[^\s<>\"']+")

# The kinds facts are listed under on a source page, in this order; relationship types not named
# here are listed under "other".
KINDS: list[tuple[str, str, str, tuple[str, ...]]] = [
    (
        "meetings",
        "행사·참석",
        "Events and who took part",
        ("PARTICIPATED_IN", "ORGANIZED_BY", "HELD_AT", "SUB_EVENT_OF", "PART_OF_SERIES"),
    ),
    (
        "posts",
        "직위·소속",
        "Posts, memberships and affiliations",
        ("HOLDS_POST", "POST_IN", "CHAIR_OF", "MEMBER_OF", "AFFILIATED_WITH"),
    ),
    ("agreements", "협약", "Agreements", ("PARTY", "SIGNED_AT")),
    ("statements", "발언", "Statements", ("SPEAKER", "STATED_AT", "ABOUT")),
    (
        "policy",
        "사업·정책·예산",
        "Programmes, policies and budgets",
        ("MANAGED_BY", "PARTNER_IN", "ISSUED_BY", "BUDGET_FOR", "UNDER_REVIEW_BY", "DISCUSSED_AT"),
    ),
    (
        "organisations",
        "조직 구조·장소",
        "Organisations and places",
        ("SUB_ORGANIZATION_OF", "SUBSIDIARY_OF", "LOCATED_IN"),
    ),
    ("credits", "기사 정보", "Credits", ("PUBLISHER", "AUTHOR", "PHOTOGRAPHER", "CONTACT_FOR")),
]
OTHER = ("other", "기타", "Other facts")
KIND_OF = {t: kind for kind, _, _, types in KINDS for t in types}


@router.get(
    "/{article:path}/text",
    response_class=PlainTextResponse,
    responses={
        200: {"content": {"text/plain": {}}, "description": "The article's text, as stored"},
        **json_errors(404, 408, 503),
    },
)
async def get_source_text(ctx: Ctx, article: Annotated[str, ArticleParam]) -> PlainTextResponse:
    """The article's stored text (UTF-8 plain text; 404 when the article or its text is unknown)."""
    row = await ctx.run(_article_row, ctx.store, article)
    text = read_text(ctx.settings.data_dir, row["article_id"])
    if text is None:
        raise NotFound(f"no stored text for article {row['article_id']!r}")
    return PlainTextResponse(
        text,
        media_type="text/plain; charset=utf-8",
        headers={
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "sandbox; default-src 'none'",
            "Content-Disposition": f'inline; filename="{row["article_id"]}.txt"',
        },
    )


@router.get(
    "/{article:path}/facts",
    response_model=ArticleFacts,
    responses=responses(400, 404, 408, 503),
)
async def get_source_facts(ctx: Ctx, article: Annotated[str, ArticleParam]) -> ArticleFacts:
    """The article, the relationships it is a source of (grouped by kind, each with its quotes), and
    every quote with its anchor on the source page and whether it occurs in the stored text."""
    return await ctx.run(article_facts, ctx.store, ctx.settings.data_dir, article)


@router.get("/{article:path}", response_model=ArticleOut, responses=responses(400, 404, 408, 503))
async def get_source(ctx: Ctx, article: Annotated[str, ArticleParam]) -> ArticleOut:
    """An article's headline, publication date, publisher, reporters, notes, and the entities it mentions."""
    return await ctx.run(article_detail, ctx.store, article, ctx.settings.data_dir)


def _article_row(store: GraphReader, text: str) -> dict[str, Any]:
    key = expand_iri(text.strip())
    rows = (
        []
        if has_control_characters(key) or not key
        else run_query(store, "article_detail", {"id": key}).records()
    )
    if not rows:
        raise NotFound(f"no source article {text!r}")
    return rows[0]


def original_url(props: dict[str, Any]) -> str | None:
    """The article's web address: a `url` property, else a note or description saying `Source: https://…`."""
    for value in as_text_list(props.get("url")):
        if _URL.fullmatch(value.strip()):
            return value.strip()
    for key in ("note", "notes", "description"):
        for value in as_text_list(props.get(key)):
            match = _URL.search(value)
            if match and value.lower().lstrip().startswith(("source", "url", "출처", "원문")):
                return match.group(0).rstrip(".,;)")
    return None


def article_detail(store: GraphReader, text: str, data_dir: Path | None = None) -> ArticleOut:
    row = _article_row(store, text)
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
    has_text = data_dir is not None and read_text(data_dir, row["article_id"]) is not None
    return ArticleOut(
        article_id=row["article_id"],
        iri=row["iri"],
        headline=first(props.get("headline")),
        date_published=first(props.get("date_published")),
        publisher=publishers,
        source_file=first(props.get("source_file")),
        original_url=original_url(props),
        has_text=has_text,
        properties=props,
        credits=credits,
        mentions=[summary(m) for m in mentions],
    )


def article_facts(store: GraphReader, data_dir: Path, text: str) -> ArticleFacts:
    article = article_detail(store, text, data_dir)
    body = read_text(data_dir, article.article_id)
    rows = run_query(
        store, "article_facts", {"article_id": article.article_id, "limit": FACTS_LIMIT + 1}
    ).records()
    quotes: dict[str, QuoteSpan] = {}
    facts: list[Fact] = []
    for row in rows[:FACTS_LIMIT]:
        props = row["props"] or {}
        evidence = as_text_list(props.get("evidence"))
        here = [q for q in evidence if body is not None and q in body]
        if body is None:
            here = evidence  # no text to tell the articles' quotes apart: list them all
        fact = Fact(
            index=len(facts),
            kind=KIND_OF.get(row["type"], OTHER[0]),
            type=row["type"],
            subject=ref(
                row["source_iri"], row["source_type"], row["source_name_ko"], row["source_name_en"]
            ),
            object=ref(
                row["target_iri"], row["target_type"], row["target_name_ko"], row["target_name_en"]
            ),
            object_date=row["target_date"],
            roles=as_text_list(props.get("roles")),
            qualifiers={k: v for k, v in props.items() if k not in EDGE_META},
            evidence=here,
            anchors=[quote_anchor(q) for q in here],
            other_evidence=[q for q in evidence if q not in here],
            sources=as_text_list(props.get("sources")),
        )
        facts.append(fact)
        for quote in here:
            span = quotes.setdefault(
                quote,
                QuoteSpan(
                    quote=quote, anchor=quote_anchor(quote), found=body is not None, facts=[]
                ),
            )
            span.facts.append(fact.index)
    groups = []
    for kind, label_ko, label_en, _ in [*KINDS, (*OTHER, ())]:
        members = [f.index for f in facts if f.kind == kind]
        if members:
            groups.append(FactGroup(kind=kind, label_ko=label_ko, label_en=label_en, facts=members))
    ordered = sorted(quotes.values(), key=lambda q: (body.find(q.quote) if body else 0, q.anchor))
    return ArticleFacts(
        article=article,
        facts=facts,
        groups=groups,
        quotes=ordered,
        truncated=len(rows) > FACTS_LIMIT,
    )
