"""The article under review as the page (and `smekg review show`) draws it: its text, mentions with the
facts they take part in, facts with names, decisions and the last commit's problems, entities with how
they were resolved, and the undo list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ingest.review_proposal import GROUPS
from ingest.review_state import (
    ACCEPTED,
    REJECTED,
    added_entities,
    effective_entity,
    effective_facts,
    entity_date,
)

Ref = Callable[[str], dict[str, Any]]
_STATUS_ORDER = {"uncertain": 0, "new": 1, "linked": 2}


def counts(facts: list[dict[str, Any]]) -> dict[str, int]:
    """How many facts there are, and how many are accepted, rejected, undecided, added, corrected."""
    return {
        "facts": len(facts),
        "accepted": sum(1 for f in facts if f["decision"] == ACCEPTED),
        "rejected": sum(1 for f in facts if f["decision"] == REJECTED),
        "undecided": sum(1 for f in facts if f["decision"] is None),
        "added": sum(1 for f in facts if f.get("added")),
        "corrected": sum(1 for f in facts if f.get("edited")),
    }


def _referrer(entities: dict[str, dict[str, Any]]) -> Ref:
    """IRI → {iri, name, kind, status[, date]} of the article's entity (or the IRI's tail)."""

    def ref(iri: str) -> dict[str, Any]:
        entity = entities.get(iri)
        if entity is None:
            return {"iri": iri, "name": iri.rsplit("/", 1)[-1], "kind": "other", "status": "linked"}
        out = {
            "iri": iri,
            "name": entity["name"],
            "kind": entity["kind"],
            "status": entity["status"],
        }
        date = entity_date(entity)
        if date:
            out["date"] = date
        return out

    return ref


def _holding(fact: dict[str, Any], ref: Ref) -> dict[str, Any]:
    h, evidence = fact["holding"], fact["evidence"]
    as_of = h.get("as_of") or next(
        (q["v"] for e in evidence for q in e["qualifiers"].get("asOf", [])), None
    )
    return {
        "post": ref(h["post"]),
        "organization": ref(h["organization"]) if h.get("organization") else None,
        "title": h["title"],
        "as_of": as_of,
        "acting": h.get("acting") or any(e["qualifiers"].get("acting") for e in evidence),
    }


def _fact(
    fact: dict[str, Any], ref: Ref, committed: set[str], problems: list[str]
) -> dict[str, Any]:
    view = {
        "id": fact["id"],
        "group": fact["group"],
        "predicate": fact["predicate"],
        "subject": ref(fact["subject"]),
        "object": ref(fact["object"]),
        "confidence": fact["confidence"],
        "decision": fact["decision"],
        "added": bool(fact.get("added")),
        "edited": fact.get("edited") or {},
        "roles": fact.get("roles", []),
        "committed": fact["id"] in committed,
        "problems": problems,
        "evidence": [
            {k: e[k] for k in ("quote", "span", "confidence", "note")} for e in fact["evidence"]
        ],
    }
    if fact.get("holding"):
        view["holding"] = _holding(fact, ref)
    return view


def _touched(fact: dict[str, Any], with_post: bool) -> tuple[Any, ...]:
    """The IRIs a shown fact is about (subject, object, and a holding's organisation and post)."""
    holding = fact.get("holding") or {}
    found = (
        fact["subject"]["iri"],
        fact["object"]["iri"],
        (holding.get("organization") or {}).get("iri"),
    )
    return (*found, (holding.get("post") or {}).get("iri")) if with_post else found


def _mentions(proposal: dict[str, Any], shown: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each mention with the facts it is in: by its entity, or inside their evidence."""
    out = []
    for m in proposal["mentions"]:
        linked = [
            f["id"]
            for f in shown
            if (m["entity"] and m["entity"] in _touched(f, with_post=True))
            or any(
                e["span"] and e["span"][0] <= m["start"] and m["end"] <= e["span"][1]
                for e in f["evidence"]
            )
        ]
        out.append({**m, "facts": linked})
    return out


def _entities(
    entities: dict[str, dict[str, Any]], shown: list[dict[str, Any]], state: dict[str, Any]
) -> list[dict[str, Any]]:
    """The entities with their resolution and the answers given, uncertain first."""
    answers: dict[str, list[dict[str, Any]]] = {}
    for answer in state["matches"]:
        answers.setdefault(answer["mention"], []).append(answer)
    out = []
    for iri, entity in entities.items():
        if entity["kind"] == "article":
            continue
        names = entity.get("names", [])
        out.append(
            {
                "iri": iri,
                "key": entity["key"],
                "kind": entity["kind"],
                "name": entity["name"],
                "names": names,
                "mention": entity.get("mention", ""),
                "types": entity.get("types", []),
                "status": entity["status"],
                "merge": entity.get("merge"),
                "candidates": entity.get("candidates", []),
                "answers": [a for n in names for a in answers.get(n, [])],
                "known": entity.get("known"),
                "date": entity_date(entity),
                "edited": entity.get("edited"),
                "added": bool(entity.get("added")),
                "facts": sum(1 for f in shown if iri in _touched(f, with_post=False)),
            }
        )
    out.sort(key=lambda e: (_STATUS_ORDER.get(e["status"], 3), e["kind"], e["name"]))
    return out


def view_item(item: dict[str, Any]) -> dict[str, Any]:
    """The item as the page draws it: text, mentions (with the facts they take part in), facts with
    names and decisions, entities with their resolution, the undo list's last step, the commit."""
    proposal, state = item["proposal"], item["state"]
    facts = effective_facts(proposal, state)
    entities = {
        iri: effective_entity(e, state) for iri, e in proposal["entities"].items()
    } | added_entities(proposal, state)
    committed = set((item.get("committed") or {}).get("facts", []))
    problems: dict[str, list[str]] = {}
    for problem in item.get("problems", []):
        for fid in problem.get("facts", []):
            problems.setdefault(fid, []).append(problem["message"])
    ref = _referrer(entities)
    shown = [_fact(f, ref, committed, problems.get(f["id"], [])) for f in facts]
    history = item.get("history", [])
    return {
        "id": item["id"],
        "file": item["file"],
        "status": item["status"],
        "changed_since_commit": item.get("changed_since_commit", False),
        "created": item["created"],
        "updated": item["updated"],
        "article": proposal["article"],
        "text": proposal["text"],
        "lines": proposal["lines"],
        "mentions": _mentions(proposal, shown),
        "mention_kinds": proposal["mention_kinds"],
        "groups": [
            {"key": key, "label_ko": ko, "label_en": en}
            for key, ko, en, _p in GROUPS
            if any(f["group"] == key for f in shown)
        ],
        "facts": shown,
        "entities": _entities(entities, shown, state),
        "notes": proposal["notes"],
        "unread": proposal["unread"],
        "counts": counts(facts),
        "undo": history[-1]["label"] if history else None,
        "history": [h["label"] for h in history[-20:]][::-1],
        "committed": item.get("committed"),
        "problems": item.get("problems", []),
    }
