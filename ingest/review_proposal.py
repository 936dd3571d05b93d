"""What the review workbench shows of one extracted article: the proposal.

A proposal is plain JSON built from one run of the pipeline (`ingest.service.ingest_paths`): the article's
text, every mention in it by kind, the proposed facts — one per relationship, with each evidence quote, its
confidence and where it sits in the text — and every entity with how it was resolved (linked to a node the
graph has, new, or uncertain with ranked candidates). It also keeps what each entity's node says besides
its relationships (types, names, literals), so that accepted facts can be written back in the curated
layout (`ingest.review_trig`).

Facts and entities carry keys made from the names the article writes (not from IRIs), so that a decision
taken on a fact survives a new run of the pipeline — after a match was answered, the person's IRI changes
but their facts keep their ids.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from rdflib import RDF, BNode, Literal, URIRef

from ingest.gazetteer import GraphIndex
from ingest.model import Extraction, Person
from ingest.pipeline import Result
from ingest.review_text import MENTION_KINDS, find_mentions, locate, squashed
from ontology.vocabulary import ART, SMEKG, load_vocabulary, local_name

FORMAT = 1

# Fact groups in the order the workbench lists them: (key, Korean label, English label, predicates).
GROUPS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("participation", "참여", "Participation", ("participatedIn",)),
    ("holding", "직위", "Posts held", ("holdsPost",)),
    (
        "affiliation",
        "소속",
        "Membership and affiliation",
        ("memberOf", "affiliatedWith", "chairOf"),
    ),
    ("event", "행사", "Events", ("organizedBy", "heldAt", "subEventOf", "partOfSeries")),
    ("agreement", "협약", "Agreements", ("party", "signedAt")),
    (
        "organisation",
        "조직",
        "Organisations",
        ("subOrganizationOf", "postIn", "partnerIn", "subsidiaryOf"),
    ),
    ("place", "장소", "Places", ("locatedIn",)),
    ("amount", "금액", "Amounts", ("managedBy", "budgetFor")),
    ("statement", "발언", "Statements", ("speaker", "statedAt", "about", "discussedAt")),
    (
        "article",
        "기사 정보",
        "Article credits",
        ("author", "photographer", "publisher", "contactFor"),
    ),
    ("other", "기타", "Other", ()),
]
_GROUP_OF = {p: key for key, _ko, _en, predicates in GROUPS for p in predicates}
# Entity kinds, most specific first: the first class an entity has (with its superclasses) decides.
ENTITY_KINDS = [
    ("Article", "article"),
    ("Person", "person"),
    ("Post", "post"),
    ("Event", "event"),
    ("EventSeries", "event"),
    ("Agreement", "agreement"),
    ("Budget", "amount"),
    ("Statement", "statement"),
    ("Place", "place"),
    ("Organization", "organisation"),
]
_EVIDENCE_KEYS = {str(RDF.type), str(RDF.subject), str(RDF.predicate), str(RDF.object)}
_SKIP_ON_EVIDENCE = {str(SMEKG.quote), str(SMEKG.note)}


def group_of(predicate: str) -> str:
    return _GROUP_OF.get(predicate, "other")


def fact_id(key: list[str]) -> str:
    digest = hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()
    return "f" + digest[:10]


def term(value: Any) -> dict[str, Any]:
    """An RDF object as JSON: {"iri": …} or {"v": lexical, "dt": datatype, "lang": language}."""
    if isinstance(value, URIRef):
        return {"iri": str(value)}
    if isinstance(value, Literal):
        out: dict[str, Any] = {"v": str(value)}
        if value.datatype:
            out["dt"] = str(value.datatype)
        if value.language:
            out["lang"] = value.language
        return out
    return {"v": str(value)}


def _kind_of(types: set[str]) -> str:
    vocab = load_vocabulary()
    every = set(types)
    for name in types:
        every.update(local_name(c) for c in vocab.superclasses.get(SMEKG[name], ()))
    return next((kind for cls, kind in ENTITY_KINDS if cls in every), "other")


def _confidence(note: str) -> tuple[float | None, str]:
    """'extraction confidence 0.85; why' → (0.85, 'why')."""
    head, _, rest = note.partition(";")
    if head.startswith("extraction confidence "):
        try:
            return float(head.split()[-1]), rest.strip()
        except ValueError:
            pass
    return None, note


def local_keys(ex: Extraction) -> dict[str, str]:
    """IRI → a key made from the names the article writes (stable across runs of the pipeline)."""
    keys: dict[str, str] = {str(ART[ex.meta.stem]): "article"}
    for person in ex.people.values():
        if person.iri:
            keys.setdefault(person.iri, "person:" + person.name)
        for h in person.holdings:
            org = ex.orgs.get(h.org) if h.org else None
            if h.post_iri and org:
                keys.setdefault(h.post_iri, f"post:{org.name} {h.title}")
    for org in ex.orgs.values():
        if org.iri:
            keys.setdefault(org.iri, "org:" + org.name)
    for event in ex.events.values():
        if event.iri:
            keys.setdefault(event.iri, "event:" + event.name)
    for place in ex.places.values():
        if place.iri:
            keys.setdefault(place.iri, "place:" + place.name)
    for agreement in ex.agreements:
        if agreement.iri:
            keys.setdefault(agreement.iri, "agreement:" + agreement.name)
    for budget in ex.budgets:
        if budget.iri:
            keys.setdefault(budget.iri, "budget:" + budget.label)
    for statement in ex.statements:
        if statement.iri:
            speaker = ex.people[statement.speaker].name if statement.speaker in ex.people else ""
            keys.setdefault(statement.iri, f"statement:{speaker}:{statement.text[:40]}")
    return keys


def article_text(result: Result, body_text: str, raw_lines: list[str]) -> str:
    """The text the reviewer reads and the curated data keeps: the article as the pipeline read it, plus
    any line of the capture an evidence quote comes from that the body left out (a copyright line naming
    the publisher), so that every quote is in the text verbatim."""
    quotes = {str(q) for g in result.dataset.graphs() for q in g.objects(None, SMEKG.quote)}
    flat = squashed(body_text)
    extra: list[str] = []
    for quote in sorted(quotes):
        if locate(body_text, quote, flat) is not None:
            continue
        line = next((ln.strip() for ln in raw_lines if quote in ln), None)
        if line and line not in extra:
            extra.append(line)
    return body_text + ("\n\n" + "\n".join(extra) if extra else "")


def build(
    result: Result,
    text: str,
    index: GraphIndex,
    *,
    source_file: str,
    line_kinds: list[tuple[int, int, str]],
    report: str = "",
    unread: list[tuple[int, str, list[str]]] | None = None,
) -> dict[str, Any]:
    """The proposal of one pipeline run (see the module docstring)."""
    ex = result.extraction
    graph = next((g for g in result.dataset.graphs() if len(g)), None)
    if graph is None:  # pragma: no cover - the pipeline always writes the article node
        raise ValueError("the extraction wrote no graph")
    keys = local_keys(ex)
    flat = squashed(text)

    # -- evidence nodes → facts (one per relationship) -------------------------------------------------
    facts: dict[tuple[str, str, str], dict[str, Any]] = {}
    covered: set[tuple[str, str, str]] = set()
    for node in sorted(graph.subjects(RDF.subject, None), key=str):
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if not isinstance(s, URIRef) or not isinstance(p, URIRef) or not isinstance(o, URIRef):
            continue
        triple = (str(s), str(p), str(o))
        covered.add(triple)
        confidence, note = _confidence(str(graph.value(node, SMEKG.note) or ""))
        quote = str(graph.value(node, SMEKG.quote) or "")
        span = locate(text, quote, flat)
        qualifiers: dict[str, list[dict[str, Any]]] = {}
        for q, value in graph.predicate_objects(node):
            if str(q) in _EVIDENCE_KEYS or str(q) in _SKIP_ON_EVIDENCE:
                continue
            qualifiers.setdefault(local_name(str(q)), []).append(term(value))
        evidence_class = graph.value(node, RDF.type)
        fact = facts.setdefault(
            triple,
            {
                "predicate": local_name(str(p)),
                "subject": str(s),
                "object": str(o),
                "evidence": [],
            },
        )
        fact["evidence"].append(
            {
                "quote": quote,
                "confidence": confidence,
                "note": note,
                "class": local_name(str(evidence_class)) if evidence_class else "Assertion",
                "qualifiers": qualifiers,
                "span": list(span) if span else None,
            }
        )

    # -- entities: everything the article graph says of a node besides its relationships -----------------
    entities: dict[str, dict[str, Any]] = {}
    for subject in sorted(set(graph.subjects()), key=str):
        if isinstance(subject, BNode) or not isinstance(subject, URIRef):
            continue
        desc: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        types: set[str] = set()
        for p, o in sorted(
            graph.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1]))
        ):
            if p == RDF.type and isinstance(o, URIRef):
                types.add(local_name(str(o)))
                desc.append({"p": str(p), **term(o)})
            elif isinstance(o, Literal):
                desc.append({"p": str(p), **term(o)})
            elif (str(subject), str(p), str(o)) not in covered:
                links.append(
                    {"p": str(p), **term(o)}
                )  # a link without evidence: kept with the node
        entities[str(subject)] = {
            "iri": str(subject),
            "key": keys.get(str(subject), str(subject)),
            "types": sorted(types),
            "kind": _kind_of(types),
            "desc": desc,
            "links": links,
        }
    _describe_entities(entities, ex, index)

    # -- holdings: a post held by someone is shown with the holding (title, organisation) ----------------
    posts = _posts(ex)
    held = {f["object"] for f in facts.values() if f["predicate"] == "holdsPost"}
    out: list[dict[str, Any]] = []
    title_spans: list[tuple[int, int, str, str]] = []
    names = {iri: e["name"] for iri, e in entities.items()}
    for (subj, _pred, obj), fact in facts.items():
        if fact["predicate"] == "postIn" and subj in held:
            continue  # written with the holding that names the post
        key = [fact["predicate"], keys.get(subj, subj), keys.get(obj, obj)]
        fact["key"] = key
        fact["group"] = group_of(fact["predicate"])
        known = [e["confidence"] for e in fact["evidence"] if e["confidence"] is not None]
        fact["confidence"] = max(known) if known else None
        if fact["predicate"] == "holdsPost":
            org, title, written = posts.get(obj, (None, "", ""))
            if org is None:
                org = next(
                    (
                        f["object"]
                        for (ps, pp, _po), f in facts.items()
                        if ps == obj and f["predicate"] == "postIn"
                    ),
                    None,
                )
            fact["holding"] = {"post": obj, "organization": org, "title": title, "written": written}
            for evidence in fact["evidence"]:
                if evidence["span"]:
                    start, end = evidence["span"]
                    title_spans.append((start, end, names.get(subj, ""), written or title))
        out.append(fact)
    seen: dict[str, int] = {}
    for fact in out:
        base = fact_id(fact["key"])
        seen[base] = seen.get(base, 0) + 1
        fact["id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    order = {key: i for i, (key, *_rest) in enumerate(GROUPS)}
    out.sort(key=lambda f: (order[f["group"]], -(f["confidence"] or 0), f["id"]))

    mentions = find_mentions(text, ex, title_spans)
    meta = ex.meta
    main = ex.main_event
    notes = list(dict.fromkeys([*ex.warnings, *meta.ambiguity]))
    notes += [f"{e.name}: {e.ambiguity}" for e in ex.events.values() if e.ambiguity]
    return {
        "format": FORMAT,
        "article": {
            "id": meta.stem,
            "iri": str(ART[meta.stem]),
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else None,
            "date_reasoning": meta.date_reasoning,
            "publisher": meta.publisher_name,
            "press_release": meta.press_release,
            "authors": [n for n, _q in meta.authors],
            "source_file": source_file,
            "main_event": main.iri if main else None,
        },
        "text": text,
        "lines": [list(x) for x in line_kinds],
        "mentions": [m.as_dict(text) for m in mentions],
        "mention_kinds": list(MENTION_KINDS),
        "facts": out,
        "entities": entities,
        "notes": notes,
        "unread": [
            {
                "line": line,
                "sentence": sentence,
                "names": names_,
                "span": _span(text, sentence, flat),
            }
            for line, sentence, names_ in (unread or [])
        ],
        "report": report,
    }


def _span(text: str, sentence: str, flat: tuple[str, list[int]]) -> list[int] | None:
    found = locate(text, sentence, flat)
    return list(found) if found else None


def _posts(ex: Extraction) -> dict[str, tuple[str | None, str, str]]:
    """Post IRI → (organisation IRI, title, the title as written)."""
    out: dict[str, tuple[str | None, str, str]] = {}
    for person in ex.people.values():
        for h in person.holdings:
            org = ex.orgs.get(h.org) if h.org else None
            if h.post_iri and org:
                out.setdefault(h.post_iri, (org.iri, h.title, h.text))
    return out


def _describe_entities(
    entities: dict[str, dict[str, Any]], ex: Extraction, index: GraphIndex
) -> None:
    """Name, names as written, and resolution (linked / new / uncertain with candidates) of each entity."""
    written: dict[str, list[str]] = {}
    for person in ex.people.values():
        if person.iri:
            written.setdefault(person.iri, []).extend([person.name, *person.variants])
    for org in ex.orgs.values():
        if org.iri:
            written.setdefault(org.iri, []).extend([org.name, *org.names])
    for event in ex.events.values():
        if event.iri:
            written.setdefault(event.iri, []).extend([event.name, *event.aliases])
    for place in ex.places.values():
        if place.iri:
            written.setdefault(place.iri, []).extend([place.name, *place.aliases])
    mention_of = {p.iri: p.name for p in ex.people.values() if p.iri}
    for iri, entity in entities.items():
        labels = [
            d["v"]
            for d in entity["desc"]
            if d["p"].endswith("#prefLabel") and d.get("lang") == "ko"
        ]
        known = index.entities.get(iri)
        names = list(dict.fromkeys(written.get(iri, []) + labels))
        entity["names"] = names
        entity["name"] = (known.name_ko if known and known.name_ko else None) or (
            names[0] if names else iri.rsplit("/", 1)[-1]
        )
        if entity["kind"] == "article":
            entity["name"] = ex.meta.title or entity["name"]
        elif entity["kind"] == "statement":
            said = next((d["v"] for d in entity["desc"] if d["p"] == str(SMEKG.text)), "")
            entity["name"] = "“" + (said[:48] + "…" if len(said) > 48 else said) + "”"
        entity["mention"] = mention_of.get(iri, names[0] if names else "")
        entity["status"] = "linked" if known else "new"
        entity["merge"] = None
        entity["candidates"] = []
        if known:
            entity["known"] = {
                "name_ko": known.name_ko,
                "name_en": known.name_en,
                "aliases": list(known.aliases)[:12],
                "types": sorted(known.types),
            }
    for merge in ex.merges:
        owner: Person | None = next(
            (p for p in ex.people.values() if merge.mention in (p.name, *p.variants) and p.iri),
            None,
        )
        if owner is None or owner.iri not in entities:
            continue
        entity = entities[owner.iri]
        if merge.applied and merge.candidate_iri == owner.iri:
            entity["merge"] = {"confidence": merge.confidence, "reason": merge.reason}
        elif not merge.applied:
            entity["candidates"].append(
                {
                    "kind": merge.kind,
                    "mention": merge.mention,
                    "iri": merge.candidate_iri,
                    "name": merge.candidate_name,
                    "confidence": merge.confidence,
                    "reason": merge.reason,
                    "in_graph": merge.candidate_iri in index.entities,
                }
            )
    for entity in entities.values():
        entity["candidates"].sort(key=lambda c: -c["confidence"])
        if entity["candidates"] and entity["status"] == "new":
            entity["status"] = "uncertain"
