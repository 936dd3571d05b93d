"""A review in progress: the reviewer's decisions laid over a proposal (`ingest.review_proposal`).

The state is plain JSON kept beside the proposal: a decision per fact (accepted / rejected), corrections
(a participation's role; a holding's title, organisation, date and acting flag; an event's date), facts the
reviewer added from a selected passage, and the answers given to uncertain matches. The proposal itself is
never changed by a decision, so a new run of the pipeline (after a match was answered) keeps every
decision whose fact is still proposed, and undo is a matter of putting back an earlier state.

`effective_facts` applies the state to the proposal: what would be committed, fact by fact.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ingest.review_text import locate, squashed, verbatim
from ontology.errors import BadInput
from ontology.vocabulary import SMEKG

ACCEPTED, REJECTED = "accepted", "rejected"
MAX_QUOTE = 400
MAX_NAME = 120
HISTORY = 200
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReviewActionError(BadInput):
    """An action that cannot be applied (unknown fact, a quote not in the text, a bad date…)."""


def empty_state() -> dict[str, Any]:
    return {"decisions": {}, "edits": {}, "entity_edits": {}, "added": [], "matches": []}


@dataclass
class Resolvers:
    """What the workbench lends the state to turn names into IRIs (see `ingest.review`)."""

    post: Callable[
        [str, str, str], tuple[str, str, bool]
    ]  # (org IRI, org name, title) → (IRI, label, new)
    mint: Callable[[str, str], str]  # (prefix, name) → a fresh IRI
    known_name: Callable[[str], str | None]  # IRI → the graph's name of it, if it has one


# -- reading values from JSON actions ------------------------------------------------------------------
def _text(value: Any, field: str, limit: int = MAX_NAME) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ReviewActionError(f"{field}: a non-empty text is needed")
    value = " ".join(value.split())
    if len(value) > limit:
        raise ReviewActionError(f"{field}: at most {limit} characters")
    if any(ord(c) < 32 for c in value):
        raise ReviewActionError(f"{field}: no control characters")
    return value


def _date(value: Any, field: str) -> str:
    if not isinstance(value, str) or not _ISO.match(value):
        raise ReviewActionError(f"{field}: a date YYYY-MM-DD is needed")
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ReviewActionError(f"{field}: {value} is not a date") from exc
    return value


# -- the effective facts ---------------------------------------------------------------------------------
def _literal(value: str, datatype: str | None = None) -> dict[str, Any]:
    return {"v": value, **({"dt": datatype} if datatype else {})}


def _organization(value: Any, proposal: dict[str, Any], resolvers: Resolvers) -> dict[str, Any]:
    """{"iri": …} of a known or proposed organisation, or {"name": …} of a new one (an IRI is minted)."""
    if not isinstance(value, dict):
        raise ReviewActionError("organization: give {iri} or {name}")
    if value.get("iri"):
        iri = _text(value["iri"], "organization.iri", 300)
        entity = proposal["entities"].get(iri)
        name = (entity or {}).get("name") or resolvers.known_name(iri)
        if not name:
            raise ReviewActionError(
                f"organization: {iri} is neither in this article nor in the graph"
            )
        return {"iri": iri, "name": name, "new": False}
    name = _text(value.get("name"), "organization.name")
    return {"iri": resolvers.mint("org", name), "name": name, "new": True}


def _holding_post(org: dict[str, Any], title: str, resolvers: Resolvers) -> dict[str, Any]:
    iri, label, new = resolvers.post(org["iri"], org["name"], title)
    return {"iri": iri, "label": label, "new": new}


def effective_facts(proposal: dict[str, Any], state: dict[str, Any]) -> list[dict[str, Any]]:
    """Every fact with the reviewer's decision and corrections applied (added facts last)."""
    decisions, edits = state["decisions"], state["edits"]
    out = []
    for fact in proposal["facts"]:
        fact = copy.deepcopy(fact)
        edit = edits.get(fact["id"], {})
        fact["decision"] = decisions.get(fact["id"])
        fact["added"] = False
        fact["edited"] = {}
        if "role" in edit and fact["predicate"] == "participatedIn":
            before = sorted(
                {q["v"] for e in fact["evidence"] for q in e["qualifiers"].get("role", [])}
            )
            for evidence in fact["evidence"]:
                evidence["qualifiers"]["role"] = [_literal(edit["role"])]
            fact["edited"]["role"] = {"from": ", ".join(before), "to": edit["role"]}
        if fact["predicate"] == "holdsPost":
            _edit_holding(fact, edit)
        out.append(fact)
    for added in state["added"]:
        out += _added_facts(added, decisions)
    for fact in out:
        fact["roles"] = sorted(
            {q["v"] for e in fact["evidence"] for q in e["qualifiers"].get("role", [])}
        )
    return out


def _edit_holding(fact: dict[str, Any], edit: dict[str, Any]) -> None:
    holding = fact["holding"]
    if "post" in edit:
        fact["edited"]["title"] = {"from": holding["title"], "to": edit["title"]}
        if edit["organization"]["iri"] != holding["organization"]:
            fact["edited"]["organization"] = {
                "from": holding["organization"],
                "to": edit["organization"]["iri"],
            }
        holding.update(
            post=edit["post"]["iri"],
            organization=edit["organization"]["iri"],
            title=edit["title"],
            written=edit["title"],
            post_label=edit["post"]["label"],
            new_post=edit["post"],
            new_organization=edit["organization"] if edit["organization"]["new"] else None,
        )
        fact["object"] = edit["post"]["iri"]
    for evidence in fact["evidence"]:
        qualifiers = evidence["qualifiers"]
        if "as_of" in edit:
            before = ", ".join(q["v"] for q in qualifiers.get("asOf", []))
            qualifiers["asOf"] = [_literal(edit["as_of"], XSD_DATE)]
            fact["edited"]["as_of"] = {"from": before, "to": edit["as_of"]}
        if "acting" in edit:
            if edit["acting"]:
                qualifiers["acting"] = [_literal("true", XSD_BOOLEAN)]
            else:
                qualifiers.pop("acting", None)
            fact["edited"]["acting"] = {"to": bool(edit["acting"])}
    holding["as_of"] = next(
        (q["v"] for e in fact["evidence"] for q in e["qualifiers"].get("asOf", [])), None
    )
    holding["acting"] = any(e["qualifiers"].get("acting") for e in fact["evidence"])


def _evidence(added: dict[str, Any], **qualifiers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "quote": added["quote"],
            "confidence": 1.0,
            "note": "added by a reviewer from the selected passage",
            "class": "Assertion",
            "qualifiers": {k: v for k, v in qualifiers.items() if v},
            "span": added["span"],
        }
    ]


def _added_facts(added: dict[str, Any], decisions: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    person = added["person"]
    base = {"added": True, "edited": {}, "confidence": 1.0, "added_by": added["id"]}
    if added.get("post"):
        fid = added["id"] + "h"
        out.append(
            {
                **base,
                "id": fid,
                "group": "holding",
                "predicate": "holdsPost",
                "subject": person["iri"],
                "object": added["post"]["iri"],
                "evidence": [
                    {**e, "class": "Holding"}
                    for e in _evidence(
                        added,
                        asOf=[_literal(added["as_of"], XSD_DATE)] if added.get("as_of") else [],
                    )
                ],
                "holding": {
                    "post": added["post"]["iri"],
                    "organization": added["organization"]["iri"],
                    "title": added["title"],
                    "written": added["title"],
                    "post_label": added["post"]["label"],
                    "new_post": added["post"],
                    "new_organization": added["organization"]
                    if added["organization"]["new"]
                    else None,
                    "as_of": added.get("as_of"),
                    "acting": False,
                },
                "decision": decisions.get(fid),
                "key": ["holdsPost", person["iri"], added["post"]["iri"]],
            }
        )
    if added.get("event"):
        fid = added["id"] + "p"
        out.append(
            {
                **base,
                "id": fid,
                "group": "participation",
                "predicate": "participatedIn",
                "subject": person["iri"],
                "object": added["event"],
                "evidence": [
                    {**e, "class": "Participation"}
                    for e in _evidence(added, role=[_literal(added.get("role") or "attendee")])
                ],
                "decision": decisions.get(fid),
                "key": ["participatedIn", person["iri"], added["event"]],
            }
        )
    return out


def added_entities(proposal: dict[str, Any], state: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Nodes the reviewer's corrections and additions introduce (new people, posts, organisations)."""
    out: dict[str, dict[str, Any]] = {}

    def node(iri: str, kind: str, cls: str, name: str, new: bool = True) -> None:
        if iri in proposal["entities"] or iri in out:
            return
        out[iri] = {
            "iri": iri,
            "key": iri,
            "kind": kind,
            "types": [cls],
            "desc": [
                {"p": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "iri": str(SMEKG[cls])},
                {"p": "http://www.w3.org/2004/02/skos/core#prefLabel", "v": name, "lang": "ko"},
            ],
            "links": [],
            "names": [name],
            "name": name,
            "mention": name,
            "status": "new" if new else "linked",
            "merge": None,
            "candidates": [],
            "added": True,
        }

    def holding_nodes(org: dict[str, Any] | None, post: dict[str, Any] | None) -> None:
        # a node the article does not describe is written with its type and name (a known one with
        # the graph's own name), so that the article graph never refers to an untyped node
        if org:
            node(org["iri"], "organisation", "Organization", org["name"], bool(org.get("new")))
        if post:
            node(post["iri"], "post", "Post", post["label"], bool(post.get("new")))

    for edit in state["edits"].values():
        if "post" in edit:
            holding_nodes(edit["organization"], edit["post"])
    for added in state["added"]:
        if added["person"].get("new"):
            node(added["person"]["iri"], "person", "Person", added["person"]["name"])
        holding_nodes(added.get("organization"), added.get("post"))
    return out


def effective_entity(entity: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """An entity with the reviewer's corrections to it (an event's date)."""
    edit = state["entity_edits"].get(entity["key"]) or state["entity_edits"].get(entity["iri"])
    if not edit:
        return entity
    entity = copy.deepcopy(entity)
    if "start_date" in edit:
        start = str(SMEKG.startDate)
        before = [d["v"] for d in entity["desc"] if d["p"] == start]
        entity["desc"] = [
            d
            for d in entity["desc"]
            if d["p"] not in (start, str(SMEKG.dateReasoning))
            and not (d["p"] == str(SMEKG.ambiguity) and d["v"] == "No date in the article.")
        ]
        entity["desc"].append({"p": start, "v": edit["start_date"], "dt": XSD_DATE})
        entity["desc"].append(
            {
                "p": str(SMEKG.dateReasoning),
                "v": f"Date {edit['start_date']} set by a reviewer"
                + (f" (extracted: {', '.join(before)})." if before else "."),
            }
        )
        entity["edited"] = {"start_date": {"from": ", ".join(before), "to": edit["start_date"]}}
    return entity


def entity_date(entity: dict[str, Any]) -> str | None:
    return next((d["v"] for d in entity["desc"] if d["p"] == str(SMEKG.startDate)), None)


# -- actions ----------------------------------------------------------------------------------------------
def _fact_ids(action: dict[str, Any], known: set[str]) -> list[str]:
    ids = action.get("facts")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise ReviewActionError("facts: a list of fact ids is needed")
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ReviewActionError(f"unknown fact(s): {', '.join(unknown[:5])}")
    return list(dict.fromkeys(ids))


def _quote(proposal: dict[str, Any], action: dict[str, Any]) -> tuple[str, list[int]]:
    """The selected passage as evidence: it must be the text at [start, end) (one paragraph)."""
    text = proposal["text"]
    start, end = action.get("start"), action.get("end")
    quote = action.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise ReviewActionError("quote: select the passage that states the fact")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if text[start:end].strip() != quote.strip():
            raise ReviewActionError("quote: the selection is not the text at the given place")
        span = [start, end]
    else:
        found = locate(text, quote, squashed(text))
        if found is None:
            raise ReviewActionError("quote: the passage is not in the article's text")
        span = list(found)
    if "\n" in text[span[0] : span[1]].strip():
        raise ReviewActionError("quote: select a passage within one paragraph")
    passage = verbatim(text, span[0], span[1])
    if len(passage) < 2 or len(passage) > MAX_QUOTE:
        raise ReviewActionError(f"quote: between 2 and {MAX_QUOTE} characters")
    lead = len(text[span[0] : span[1]]) - len(text[span[0] : span[1]].lstrip())
    return passage, [span[0] + lead, span[0] + lead + len(passage)]


def describe(fact: dict[str, Any], names: dict[str, str]) -> str:
    subject = names.get(fact["subject"], fact["subject"].rsplit("/", 1)[-1])
    obj = names.get(fact["object"], fact["object"].rsplit("/", 1)[-1])
    return f"{subject} —{fact['predicate']}→ {obj}"


def apply_action(
    proposal: dict[str, Any],
    state: dict[str, Any],
    action: dict[str, Any],
    resolvers: Resolvers,
) -> tuple[dict[str, Any], str]:
    """The state after `action` and a label for the undo list. Match answers are handled by the
    workbench (they write decisions.csv and run the pipeline again), not here."""
    state = copy.deepcopy(state)
    op = action.get("op")
    facts = effective_facts(proposal, state)
    by_id = {f["id"]: f for f in facts}
    names = {iri: e["name"] for iri, e in proposal["entities"].items()}
    names.update({iri: e["name"] for iri, e in added_entities(proposal, state).items()})
    if op in ("accept", "reject", "reset"):
        ids = _fact_ids(action, set(by_id))
        for fid in ids:
            if op == "reset":
                state["decisions"].pop(fid, None)
            else:
                state["decisions"][fid] = ACCEPTED if op == "accept" else REJECTED
        verb = {"accept": "Accepted", "reject": "Rejected", "reset": "Undecided"}[op]
        what = describe(by_id[ids[0]], names) if len(ids) == 1 else f"{len(ids)} facts"
        return state, f"{verb}: {what}"
    if op == "accept_above":
        threshold = action.get("threshold", 0.9)
        if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
            raise ReviewActionError("threshold: a number from 0 to 1")
        chosen = [
            f["id"]
            for f in facts
            if f["decision"] is None and (f["confidence"] or 0) >= threshold - 1e-9
        ]
        for fid in chosen:
            state["decisions"][fid] = ACCEPTED
        return state, f"Accepted {len(chosen)} undecided fact(s) with confidence ≥ {threshold:.2f}"
    if op == "edit":
        return _edit(proposal, state, action, by_id, names, resolvers)
    if op == "edit_entity":
        key = action.get("entity")
        entity = next(
            (e for e in proposal["entities"].values() if key in (e["key"], e["iri"])), None
        )
        if entity is None or entity["kind"] not in ("event", "agreement"):
            raise ReviewActionError(
                "entity: only the date of an event or agreement can be corrected"
            )
        start = _date(action.get("start_date"), "start_date")
        state["entity_edits"][entity["key"]] = {"start_date": start}
        return state, f"Date of {entity['name']}: {start}"
    if op == "add_person":
        return _add_person(proposal, state, action, resolvers, names)
    if op == "add_participation":
        return _add_participation(proposal, state, action, names)
    raise ReviewActionError(f"unknown action {op!r}")


def _edit(
    proposal: dict[str, Any],
    state: dict[str, Any],
    action: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    names: dict[str, str],
    resolvers: Resolvers,
) -> tuple[dict[str, Any], str]:
    fid = action.get("fact")
    fact = by_id.get(fid) if isinstance(fid, str) else None
    if fact is None or fid is None:
        raise ReviewActionError(f"unknown fact {fid!r}")
    if fact["added"]:
        raise ReviewActionError("a fact you added is corrected by undoing it and adding it again")
    edit = dict(state["edits"].get(fid, {}))
    changed = []
    if "role" in action:
        if fact["predicate"] != "participatedIn":
            raise ReviewActionError("role: only a participation has a role")
        edit["role"] = _text(action["role"], "role", 40)
        changed.append(f"role {edit['role']}")
    if (
        any(k in action for k in ("title", "organization", "as_of", "acting"))
        and fact["predicate"] != "holdsPost"
    ):
        raise ReviewActionError("title, organization, as_of and acting belong to a post held")
    if "title" in action or "organization" in action:
        original = next(f for f in proposal["facts"] if f["id"] == fid)["holding"]
        title = (
            _text(action["title"], "title", 60)
            if "title" in action
            else edit.get("title", original["title"])
        )
        if "organization" in action:
            org = _organization(action["organization"], proposal, resolvers)
        elif "organization" in edit:
            org = edit["organization"]
        else:
            org_iri = original["organization"]
            org = {
                "iri": org_iri,
                "name": names.get(org_iri) or resolvers.known_name(org_iri) or "",
                "new": False,
            }
        if title == original["title"] and org["iri"] == original["organization"]:
            for k in ("title", "organization", "post"):
                edit.pop(k, None)
        else:
            edit.update(title=title, organization=org, post=_holding_post(org, title, resolvers))
        changed.append(f"post {org['name']} {title}")
    if "as_of" in action:
        edit["as_of"] = _date(action["as_of"], "as_of")
        changed.append(f"as of {edit['as_of']}")
    if "acting" in action:
        edit["acting"] = bool(action["acting"])
        changed.append("acting" if edit["acting"] else "not acting")
    if not changed:
        raise ReviewActionError(
            "nothing to correct: give role, title, organization, as_of or acting"
        )
    state["edits"][fid] = edit
    if not edit:
        state["edits"].pop(fid)
    return state, f"Corrected {describe(fact, names)}: {', '.join(changed)}"


def _event(proposal: dict[str, Any], value: Any) -> str:
    if not isinstance(value, str) or proposal["entities"].get(value, {}).get("kind") != "event":
        raise ReviewActionError("event: choose one of the article's events")
    return value


def _add_person(
    proposal: dict[str, Any],
    state: dict[str, Any],
    action: dict[str, Any],
    resolvers: Resolvers,
    names: dict[str, str],
) -> tuple[dict[str, Any], str]:
    quote, span = _quote(proposal, action)
    name = _text(action.get("name"), "name", 60)
    existing = action.get("same_as")
    if existing:
        known = resolvers.known_name(existing) if isinstance(existing, str) else None
        if not known:
            raise ReviewActionError("same_as: not a person the graph knows")
        person = {"iri": existing, "name": known, "new": False}
    else:
        person = {"iri": resolvers.mint("person", name), "name": name, "new": True}
    added: dict[str, Any] = {
        "id": _next_id(state),
        "type": "person",
        "person": person,
        "quote": quote,
        "span": span,
    }
    title = action.get("title")
    if title or action.get("organization"):
        added["title"] = _text(title, "title", 60)
        added["organization"] = _organization(action.get("organization"), proposal, resolvers)
        added["post"] = _holding_post(added["organization"], added["title"], resolvers)
        if action.get("as_of"):
            added["as_of"] = _date(action["as_of"], "as_of")
    if action.get("event"):
        added["event"] = _event(proposal, action["event"])
        added["role"] = _text(action.get("role") or "attendee", "role", 40)
    if not added.get("post") and not added.get("event"):
        raise ReviewActionError(
            "say what the passage states: a title and organisation, or an event"
        )
    state["added"].append(added)
    for suffix in ("h", "p"):
        if added.get("post" if suffix == "h" else "event"):
            state["decisions"][added["id"] + suffix] = ACCEPTED
    return state, f"Added {person['name']}" + (
        f" at {names.get(added.get('event', ''), '')}" if added.get("event") else ""
    )


def _add_participation(
    proposal: dict[str, Any], state: dict[str, Any], action: dict[str, Any], names: dict[str, str]
) -> tuple[dict[str, Any], str]:
    quote, span = _quote(proposal, action)
    person_iri = action.get("person")
    entities = {**proposal["entities"], **added_entities(proposal, state)}
    person = entities.get(person_iri) if isinstance(person_iri, str) else None
    if person is None or person["kind"] != "person":
        raise ReviewActionError("person: choose one of the article's people")
    added: dict[str, Any] = {
        "id": _next_id(state),
        "type": "participation",
        "person": {"iri": person["iri"], "name": person["name"], "new": False},
        "quote": quote,
        "span": span,
        "event": _event(proposal, action.get("event")),
        "role": _text(action.get("role") or "attendee", "role", 40),
    }
    state["added"].append(added)
    state["decisions"][added["id"] + "p"] = ACCEPTED
    return state, f"Added {person['name']} at {names.get(added['event'], '')} ({added['role']})"


def _next_id(state: dict[str, Any]) -> str:
    used = {a["id"] for a in state["added"]}
    n = len(state["added"]) + 1
    while f"a{n}" in used:
        n += 1
    return f"a{n}"


def carry_over(state: dict[str, Any], proposal: dict[str, Any]) -> dict[str, Any]:
    """After a new run: keep the decisions and corrections whose facts are still proposed; facts the
    reviewer added are kept as they are."""
    ids = {f["id"] for f in proposal["facts"]} | {
        a["id"] + s for a in state["added"] for s in ("h", "p")
    }
    keys = {e["key"] for e in proposal["entities"].values()}
    out = copy.deepcopy(state)
    out["decisions"] = {k: v for k, v in state["decisions"].items() if k in ids}
    out["edits"] = {k: v for k, v in state["edits"].items() if k in ids}
    out["entity_edits"] = {k: v for k, v in state["entity_edits"].items() if k in keys}
    return out
