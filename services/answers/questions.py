"""Questions researchers ask, built on the named queries: which entity is meant, and who met whom."""

from __future__ import annotations

import unicodedata
from typing import Any

from graph.store import GraphStore
from ontology.errors import Ambiguous, NotFound
from queries.library import run_query


class EntityNotFound(NotFound):
    pass


class AmbiguousName(Ambiguous):
    def __init__(self, text: str, candidates: list[dict[str, Any]]):
        self.text = text
        self.candidates = candidates
        names = ", ".join(
            f"{c.get('name_ko') or c.get('name_en')} <{c['iri']}>" for c in candidates[:10]
        )
        super().__init__(f"{text!r} is ambiguous: {names}", candidates)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def search_params(text: str) -> dict[str, str]:
    """entity_search's `lowered` and `squeezed` (spaces removed: 중소벤처 기업부 finds 중소벤처기업부)."""
    lowered = normalise(text).lower()
    return {"lowered": lowered, "squeezed": "".join(lowered.split())}


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
        store, "entity_search", {**search_params(text), "type": label, "limit": 20}
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
        store, "entity_search", {**search_params(text), "type": label, "limit": limit}
    ).records()


DEFAULT_PEOPLE = 100
DEFAULT_EVENTS = 5
ORG_ROWS = 2000  # organisation–event rows read for the organisation counterparts


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
    page = {"total": total, "offset": offset, "limit": limit, "more": more, "met": met}
    page["organisations"] = _organisations(store, person_iri, since, until, limit, events)
    _add_posts(store, met + page["organisations"])
    page.update(_explain(store, person_iri, since, until, total, page["organisations"]))
    return page


def _organisations(
    store: GraphStore,
    person_iri: str,
    since: str | None,
    until: str | None,
    limit: int,
    events: int,
) -> list[dict[str, Any]]:
    """Organisations at the person's events (most recent events first), one entry per organisation."""
    params = {"person": person_iri, "since": since, "until": until, "limit": ORG_ROWS}
    by_org: dict[str, dict[str, Any]] = {}
    for row in run_query(store, "who_met_whom_orgs", params).records():
        entry = by_org.setdefault(
            row["iri"],
            {
                "organization": {
                    "iri": row["iri"],
                    "type": row["type"],
                    "name_ko": row["name_ko"],
                    "name_en": row["name_en"],
                },
                "shared_events": 0,
                "last_met": row["date"],
                "events": [],
            },
        )
        entry["shared_events"] += 1
        if len(entry["events"]) < events:
            entry["events"].append(_event(row))
    ranked = sorted(by_org.values(), key=lambda e: e["organization"]["iri"])
    ranked.sort(key=lambda e: e["last_met"] or "", reverse=True)  # latest first, undated last
    ranked.sort(key=lambda e: -e["shared_events"])
    ranked = ranked[:limit]
    for entry in ranked:
        entry["events"].sort(key=lambda e: (e["date"] is None, e["date"] or "", e["iri"]))
    return ranked


def _add_posts(store: GraphStore, entries: list[dict[str, Any]]) -> None:
    """Each person's posts as of each shared event's date (organisations hold none)."""
    events = sorted({e["iri"] for entry in entries for e in entry["events"] if e.get("date")})
    posts: dict[tuple[str, str], list[dict[str, Any]]] = {}
    if events:
        for row in run_query(store, "events_participant_posts", {"events": events}).records():
            posts.setdefault((row["person"], row["event"]), []).append(
                {
                    "post": {
                        "iri": row["post_iri"],
                        "name_ko": row["post_name_ko"],
                        "name_en": row["post_name_en"],
                    },
                    "organization": {
                        "iri": row["org_iri"],
                        "name_ko": row["org_name_ko"],
                        "name_en": row["org_name_en"],
                    }
                    if row["org_iri"]
                    else None,
                    "acting": row["acting"] if isinstance(row["acting"], bool) else None,
                }
            )
    for entry in entries:
        who = str((entry.get("person") or entry.get("organization") or {}).get("iri"))
        for event in entry["events"]:
            event["posts"] = posts.get((who, event["iri"]), [])


def _explain(
    store: GraphStore,
    person_iri: str,
    since: str | None,
    until: str | None,
    total: int,
    organisations: list[dict[str, Any]],
) -> dict[str, Any]:
    """Counts of the person's events, and a sentence saying why the answer is empty or partial."""
    rows = run_query(
        store, "person_event_counts", {"person": person_iri, "since": since, "until": until}
    ).records()
    counts = {k: int(v or 0) for k, v in (rows[0] if rows else {}).items()}
    events_all, in_range = counts.get("events", 0), counts.get("in_range", 0)
    undated, orgs = counts.get("undated", 0), counts.get("organisations", 0)
    out: dict[str, Any] = {"events": in_range, "events_all": events_all}
    window = _window(since, until)
    en = ko = None
    if events_all == 0:
        en = (
            "No event is recorded for this person, so no one is recorded as met "
            "(who met whom counts the people at the same events)."
        )
        ko = "이 인물이 참석한 행사가 기록되어 있지 않아 만난 사람이 없습니다 (같은 행사 참석자를 셉니다)."
    elif in_range == 0:
        en = f"The {events_all} recorded event(s) of this person all fall outside {window[0]}."
        ko = f"기록된 행사 {events_all}건이 모두 {window[1]} 밖에 있습니다."
        if undated:
            en += f" {undated} of them have no date and are left out when dates are given."
            ko += f" 그중 {undated}건은 날짜가 없어 기간을 정하면 제외됩니다."
    elif total == 0 and orgs:
        names = ", ".join(_name(o["organization"]) for o in organisations[:8])
        en = (
            f"At this person's {in_range} event(s){window[2]} the articles name no other person: "
            f"the other participants recorded are {orgs} organisation(s) ({names}), listed below as counterparts."
        )
        ko = (
            f"이 인물이 참석한 행사 {in_range}건{window[3]}에서 기사가 다른 인물을 기록하지 않았습니다. "
            f"함께 참석한 것으로 기록된 것은 기관 {orgs}곳({names})이며 아래에 상대 기관으로 표시합니다."
        )
    elif total == 0:
        en = f"No one else is recorded as taking part in this person's {in_range} event(s){window[2]}."
        ko = (
            f"이 인물이 참석한 행사 {in_range}건{window[3]}에 다른 참석자가 기록되어 있지 않습니다."
        )
    elif orgs:
        en = f"{orgs} organisation(s) also took part in these events; they are listed apart from the people."
        ko = f"이 행사들에는 기관 {orgs}곳도 참석했으며 인물과 따로 표시합니다."
    if undated and (since or until) and in_range and en is None:
        en = f"{undated} undated event(s) of this person are left out when dates are given."
        ko = f"날짜가 없는 행사 {undated}건은 기간을 정하면 제외됩니다."
    out["explanation"], out["explanation_ko"] = en, ko
    return out


def _window(since: str | None, until: str | None) -> tuple[str, str, str, str]:
    """How a date range reads in a sentence: (en, ko, en suffix, ko suffix)."""
    if since and until:
        return (
            f"{since} – {until}",
            f"{since} ~ {until}",
            f" between {since} and {until}",
            f"({since} ~ {until})",
        )
    if since:
        return f"the dates from {since}", f"{since} 이후", f" from {since}", f"({since} 이후)"
    if until:
        return f"the dates until {until}", f"{until} 이전", f" until {until}", f"({until} 이전)"
    return "the dates given", "주어진 기간", "", ""


def _name(entity: dict[str, Any]) -> str:
    return str(entity.get("name_ko") or entity.get("name_en") or entity.get("iri"))


def _event(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "iri": row["event_iri"],
        "name_ko": row["event_name_ko"],
        "name_en": row["event_name_en"],
        "date": row["date"],
        "end_date": row["end_date"],
        "place": ", ".join(p for p in row["places"] if p) or None,
        "roles": row["roles"] or [],
        "evidence": row["evidence"] or [],
        "sources": sorted(set(row["sources"] or [])),
    }


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
        entry["events"].append(_event(row))
        for source in row["sources"] or []:
            if source not in entry["sources"]:
                entry["sources"].append(source)
    return list(people.values())
