"""Questions researchers ask, built on the named queries: which entity is meant, and who met whom."""

from __future__ import annotations

import unicodedata
from typing import Any

from graph.store import GraphStore
from queries.library import run_query


class EntityNotFound(LookupError):
    pass


class AmbiguousName(LookupError):
    def __init__(self, text: str, candidates: list[dict[str, Any]]):
        self.text = text
        self.candidates = candidates
        names = ", ".join(
            f"{c.get('name_ko') or c.get('name_en')} <{c['iri']}>" for c in candidates[:10]
        )
        super().__init__(f"{text!r} is ambiguous: {names}")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def resolve_entity(store: GraphStore, text: str, label: str | None = None) -> dict[str, Any]:
    """An IRI, Korean or English name, or alias → exactly one entity; exact matches beat partial ones."""
    text = normalise(text)
    if not text:
        raise EntityNotFound("empty name")
    if text.startswith(("https://", "http://")):  # an IRI: one index look-up instead of a name scan
        found = run_query(store, "entity_by_iri", {"iri": text}).records()
        if found and (not label or label in found[0]["labels"]):
            return found[0]
    lowered = text.lower()
    exact = run_query(store, "entity_by_name", {"name": text, "lowered": lowered}).records()
    if label:
        exact = [e for e in exact if label in e["labels"]]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise AmbiguousName(text, exact)
    partial = run_query(
        store, "entity_search", {"lowered": lowered, "type": label, "limit": 20}
    ).records()
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise AmbiguousName(text, partial)
    kind = f" {label}" if label else ""
    raise EntityNotFound(f"no{kind} entity matches {text!r}")


def search_entities(
    store: GraphStore, text: str, label: str | None, limit: int
) -> list[dict[str, Any]]:
    return run_query(
        store, "entity_search", {"lowered": normalise(text).lower(), "type": label, "limit": limit}
    ).records()


DEFAULT_PEOPLE = 100
DEFAULT_EVENTS = 5


def who_met_whom_page(
    store: GraphStore,
    person_iri: str,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_PEOPLE,
    offset: int = 0,
    events: int = DEFAULT_EVENTS,
) -> dict[str, Any]:
    """One page of co-participants, ranked by shared events then the latest one, and `total` people met.

    Each entry has `shared_events`, `last_met` and the person's `events` most recent shared events
    (listed oldest first) with the articles that report them (`sources`).
    """
    params = {
        "person": person_iri,
        "since": since,
        "until": until,
        "skip": offset,
        "limit": limit,
        "events": events,
    }
    rows = run_query(store, "who_met_whom_ranked", params).records()
    if rows:
        total = rows[0]["total"]
    elif offset > 0:  # past the end: count with a one-row page
        first = run_query(
            store, "who_met_whom_ranked", {**params, "skip": 0, "limit": 1, "events": 1}
        ).records()
        total = first[0]["total"] if first else 0
    else:
        total = 0
    met = _group(rows)
    for entry in met:
        entry["events"].sort(key=lambda e: (e["date"] is None, e["date"] or "", e["iri"]))
    more = offset + len(met) < total
    return {"total": total, "offset": offset, "limit": limit, "more": more, "met": met}


def who_met_whom(
    store: GraphStore,
    person_iri: str,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_PEOPLE,
    offset: int = 0,
    events: int = DEFAULT_EVENTS,
) -> list[dict[str, Any]]:
    """The entries of `who_met_whom_page`: people met, the events they shared, the articles saying so."""
    met: list[dict[str, Any]] = who_met_whom_page(
        store, person_iri, since, until, limit, offset, events
    )["met"]
    return met


def _group(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows (one per person and event, in rank order) → one entry per person, rank order kept."""
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = people.setdefault(
            row["iri"],
            {
                "person": {"iri": row["iri"], "name_ko": row["name_ko"], "name_en": row["name_en"]},
                "shared_events": row["shared"],
                "last_met": row["last_met"],
                "events": [],
                "sources": [],
            },
        )
        entry["events"].append(
            {
                "iri": row["event_iri"],
                "name_ko": row["event_name_ko"],
                "name_en": row["event_name_en"],
                "date": row["date"],
                "end_date": row["end_date"],
                "place": ", ".join(p for p in row["places"] if p) or None,
                "roles": row["roles"] or [],
                "evidence": row["evidence"] or [],
            }
        )
        for source in row["sources"] or []:
            if source not in entry["sources"]:
                entry["sources"].append(source)
    return list(people.values())
