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
        names = ", ".join(f"{c.get('name_ko') or c.get('name_en')} <{c['iri']}>" for c in candidates[:10])
        super().__init__(f"{text!r} is ambiguous: {names}")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def resolve_entity(store: GraphStore, text: str, label: str | None = None) -> dict[str, Any]:
    """An IRI, Korean or English name, or alias → exactly one entity; exact matches beat partial ones."""
    text = normalise(text)
    if not text:
        raise EntityNotFound("empty name")
    lowered = text.lower()
    exact = run_query(store, "entity_by_name", {"name": text, "lowered": lowered}).records()
    if label:
        exact = [e for e in exact if label in e["labels"]]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise AmbiguousName(text, exact)
    partial = run_query(store, "entity_search", {"lowered": lowered, "type": label, "limit": 20}).records()
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise AmbiguousName(text, partial)
    kind = f" {label}" if label else ""
    raise EntityNotFound(f"no{kind} entity matches {text!r}")


def search_entities(store: GraphStore, text: str, label: str | None, limit: int) -> list[dict[str, Any]]:
    return run_query(
        store, "entity_search", {"lowered": normalise(text).lower(), "type": label, "limit": limit}
    ).records()


def who_met_whom(store: GraphStore, person_iri: str, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """Group co-participants by person: the events they shared, and the articles that say so."""
    rows = run_query(store, "who_met_whom", {"person": person_iri, "since": since, "until": until}).records()
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = people.setdefault(
            row["iri"],
            {
                "person": {"iri": row["iri"], "name_ko": row["name_ko"], "name_en": row["name_en"]},
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
    return sorted(people.values(), key=lambda e: (e["events"][0]["date"] or "", e["person"]["name_ko"] or ""))
