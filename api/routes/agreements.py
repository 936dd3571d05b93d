"""Agreements (MOUs, contracts) with their parties, date, signing event and subject."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import Ctx, resolve
from api.models import AgreementItem, AgreementList, IsoDate, Party
from api.shared import NAMED_ERRORS, SourceBook, as_list, as_text_list, first, ref, responses
from graph.store import GraphReader
from queries.library import run_query

router = APIRouter(prefix="/api", tags=["agreements"])


@router.get("/agreements", response_model=AgreementList, responses=responses(*NAMED_ERRORS))
async def get_agreements(
    ctx: Ctx,
    party: Annotated[
        list[str],
        Query(
            description="Only agreements with all these parties (IRI, name or alias; repeatable)"
        ),
    ] = [],  # noqa: B006
    since: Annotated[IsoDate | None, Query(description="Earliest agreement date")] = None,
    until: Annotated[IsoDate | None, Query(description="Latest agreement date")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> AgreementList:
    """Agreements in date order (undated last) with parties, date, signing event and subject."""
    return await ctx.run(
        agreements, ctx.store, party, since, until, min(limit, ctx.settings.max_rows)
    )


def agreements(
    store: GraphReader, parties: list[str], since: dt.date | None, until: dt.date | None, limit: int
) -> AgreementList:
    iris = [resolve(store, p)["iri"] for p in parties[:10] if p.strip()]
    return AgreementList(
        items=find_agreements(
            store, SourceBook(store), parties=iris, since=since, until=until, limit=limit
        )
    )


def find_agreements(
    store: GraphReader,
    book: SourceBook,
    *,
    parties: list[str] | None = None,
    event: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 1000,
) -> list[AgreementItem]:
    params = {
        "parties": parties or [],
        "event": event,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "limit": limit,
    }
    rows = run_query(store, "agreements_list", params).records()
    book.load(s for row in rows for s in as_list(row["sources"]))
    return [agreement_item(row, book) for row in rows]


def agreement_item(row: dict[str, Any], book: SourceBook) -> AgreementItem:
    parties = sorted(
        (
            Party(
                iri=p["iri"],
                type=p.get("type"),
                name_ko=p.get("name_ko"),
                name_en=p.get("name_en"),
                evidence=as_text_list(p.get("evidence")),
                sources=as_text_list(p.get("sources")),
            )
            for p in as_list(row["parties"])
            if p
        ),
        key=lambda p: p.iri,
    )
    event = (
        ref(row["event_iri"], None, row["event_name_ko"], row["event_name_en"])
        if row["event_iri"]
        else None
    )
    return AgreementItem(
        iri=row["iri"],
        type=row["type"],
        labels=as_list(row["labels"]),
        name_ko=row["name_ko"],
        name_en=row["name_en"],
        date=row["date"],
        end_date=first(row["end_date"]),
        event=event,
        subject=as_text_list(row["subject"]),
        status=first(row["status"]),
        parties=parties,
        sources=book.refs(row["sources"]),
    )
