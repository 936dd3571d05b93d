"""Accepted facts → the article's TriG in the curated layout, and validation problems → the facts they
are about.

The article graph holds the article node, every entity an accepted fact touches (its types, names and
literals as the extraction wrote them, with the reviewer's corrections), each accepted relationship as a
plain triple, and per evidence quote a reified smekg:Assertion / Participation / Holding node carrying the
quote verbatim, the extraction confidence and the review. Evidence nodes are named after their fact
(`_:e_<fact>_<n>`), so a problem the loader reports on one names the fact beside which it is shown.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from ingest.review_state import ACCEPTED, REJECTED, added_entities, effective_entity
from ontology.vocabulary import ART, ID, SMEKG

REVIEW_NOTE = "Extracted by `smekg ingest` and reviewed in the review workbench"
_AWAITING = "Extracted automatically by `smekg ingest`; facts await review."
_LABEL = re.compile(r"[^A-Za-z0-9_]")


def _object(value: dict[str, Any]) -> URIRef | Literal:
    if "iri" in value:
        return URIRef(value["iri"])
    return Literal(
        value["v"],
        lang=value.get("lang"),
        datatype=URIRef(value["dt"]) if value.get("dt") else None,
    )


def evidence_label(fact_id: str, n: int) -> str:
    return f"e_{_LABEL.sub('_', fact_id)}_{n}"


def included(facts: list[dict[str, Any]], article_iri: str) -> set[str]:
    """The nodes the accepted facts touch, and the article node."""
    nodes = {article_iri}
    for fact in facts:
        nodes |= {fact["subject"], fact["object"]}
        holding = fact.get("holding")
        if holding and holding.get("organization"):
            nodes |= {holding["post"], holding["organization"]}
    return nodes


def build_dataset(
    proposal: dict[str, Any],
    state: dict[str, Any],
    facts: list[dict[str, Any]],
    reviewed_on: str,
) -> tuple[Dataset, dict[str, str]]:
    """The article graph of the accepted facts and {evidence node label: fact id}."""
    article = proposal["article"]
    article_iri = article["iri"]
    accepted = [f for f in facts if f["decision"] == ACCEPTED]
    entities = {
        iri: effective_entity(e, state) for iri, e in proposal["entities"].items()
    } | added_entities(proposal, state)
    nodes = included(accepted, article_iri)

    ds = Dataset()
    for prefix, ns in (
        ("smekg", SMEKG),
        ("id", ID),
        ("art", ART),
        ("skos", SKOS),
        ("rdfs", RDFS),
        ("xsd", XSD),
    ):
        ds.bind(prefix, ns)
    g = ds.graph(URIRef(article_iri))
    for iri in sorted(nodes):
        entity = entities.get(iri)
        if entity is None:
            continue
        for d in entity["desc"]:
            if iri == article_iri and d["p"] == str(SMEKG.note) and d.get("v") == _AWAITING:
                continue
            g.add((URIRef(iri), URIRef(d["p"]), _object(d)))
        for link in entity.get("links", []):
            if link.get("iri") in nodes:
                g.add((URIRef(iri), URIRef(link["p"]), URIRef(link["iri"])))
    counts = {
        "accepted": len(accepted),
        "rejected": sum(1 for f in facts if f["decision"] == REJECTED),
        "added": sum(1 for f in accepted if f.get("added")),
        "corrected": sum(1 for f in accepted if f.get("edited")),
    }
    g.add(
        (
            URIRef(article_iri),
            SMEKG.note,
            Literal(
                f"{REVIEW_NOTE} on {reviewed_on}: {counts['accepted']} facts accepted "
                f"({counts['corrected']} corrected, {counts['added']} added by the reviewer), "
                f"{counts['rejected']} rejected."
            ),
        )
    )

    labels: dict[str, str] = {}
    for fact in accepted:
        s, p, o = URIRef(fact["subject"]), SMEKG[fact["predicate"]], URIRef(fact["object"])
        g.add((s, p, o))
        for n, evidence in enumerate(fact["evidence"], start=1):
            label = evidence_label(fact["id"], n)
            labels[label] = fact["id"]
            _evidence(g, BNode(label), s, p, o, evidence, fact)
        holding = fact.get("holding")
        if holding and holding.get("organization"):
            post, org = URIRef(holding["post"]), URIRef(holding["organization"])
            g.add((post, SMEKG.postIn, org))
            for n, evidence in enumerate(fact["evidence"], start=1):
                label = evidence_label(fact["id"], 100 + n)
                labels[label] = fact["id"]
                plain = {**evidence, "class": "Assertion", "qualifiers": {}}
                _evidence(g, BNode(label), post, SMEKG.postIn, org, plain, fact)
    return ds, labels


def _evidence(
    g: Any,
    node: BNode,
    s: URIRef,
    p: URIRef,
    o: URIRef,
    evidence: dict[str, Any],
    fact: dict[str, Any],
) -> None:
    g.add((node, RDF.type, SMEKG[evidence.get("class") or "Assertion"]))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, SMEKG.quote, Literal(evidence["quote"])))
    parts = []
    if evidence.get("confidence") is not None and not fact.get("added"):
        parts.append(f"extraction confidence {evidence['confidence']:.2f}")
    if evidence.get("note"):
        parts.append(evidence["note"])
    if fact.get("edited"):
        parts.append("corrected by a reviewer (" + ", ".join(sorted(fact["edited"])) + ")")
    elif not fact.get("added"):
        parts.append("accepted by a reviewer")
    g.add((node, SMEKG.note, Literal("; ".join(parts))))
    for key, values in evidence.get("qualifiers", {}).items():
        for value in values:
            g.add((node, SMEKG[key], _object(value)))


def trig_text(ds: Dataset, proposal: dict[str, Any]) -> str:
    article = proposal["article"]
    header = (
        f"# {' '.join(str(article['title'] or article['id']).split())}\n"
        f"# Extracted by `smekg ingest` from {article['source_file']} and reviewed in the review "
        "workbench (/review).\n"
    )
    return header + ds.serialize(format="trig")


def problems_for(
    problems: list[Any],
    labels: dict[str, str],
    facts: list[dict[str, Any]],
    edited_entities: set[str],
) -> list[dict[str, Any]]:
    """Each loader problem with the fact (or entity) it is about: an evidence node names its fact; an IRI
    the facts that touch it (the corrected ones first, else those it is the subject of)."""
    accepted = [f for f in facts if f["decision"] == ACCEPTED]
    out = []
    for problem in problems:
        focus = str(getattr(problem, "focus", "") or "")
        message = str(getattr(problem, "message", problem))
        field = str(getattr(problem, "field", "") or "")
        fact_ids: list[str] = []
        entity = None
        if focus.startswith("_:"):
            label = focus.split(".", 1)[-1].removeprefix("_:")
            if label in labels:
                fact_ids = [labels[label]]
        elif focus:
            entity = focus
            touching = [
                f
                for f in accepted
                if focus in (f["subject"], f["object"])
                or focus
                in (
                    (f.get("holding") or {}).get("post"),
                    (f.get("holding") or {}).get("organization"),
                )
            ]
            corrected = [f for f in touching if f.get("edited") or f.get("added")]
            subjects = [f for f in touching if f["subject"] == focus]
            chosen = (
                corrected or (touching if focus in edited_entities else subjects) or touching[:1]
            )
            fact_ids = [f["id"] for f in chosen]
        out.append({"facts": fact_ids, "entity": entity, "field": field, "message": message})
    return out


def validate(data_dir: Path, article_id: str, trig: str) -> list[Any]:
    """The loader's checks and SHACL shapes over data/ with this article (replacing its earlier file):
    [] when valid, else the problems."""
    from ingest.pipeline import base_files
    from loaders import LoadError, prepare

    with tempfile.TemporaryDirectory(prefix="smekg-review-") as tmp:
        path = Path(tmp) / f"{article_id}.trig"
        path.write_text(trig, encoding="utf-8")
        try:
            prepare(data_dir, [*base_files(data_dir, {article_id}), path])
        except LoadError as exc:
            return list(exc.problems)
    return []
