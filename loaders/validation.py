"""Check the data before anything is written: known terms, evidence on every relationship, one article
node per article graph, and the SHACL shapes (ontology/shapes.ttl)."""

from __future__ import annotations

from collections.abc import Iterator

from loaders.errors import Problem
from loaders.index import DataIndex
from loaders.shacl import Violation, compile_shapes
from loaders.sources import SourceSet
from loaders.terms import TYPE, Term, Triple, is_iri, is_literal, reifications
from ontology.vocabulary import SHAPES_PATH, SMEKG, Vocabulary

SMEKG_NS = str(SMEKG)
QUOTE = SMEKG_NS + "quote"


def validate(sources: SourceSet, index: DataIndex, vocab: Vocabulary) -> list[Problem]:
    """All problems found; an empty list means the data may be loaded."""
    problems = check_terms(sources, vocab)
    problems += check_evidence(sources, vocab)
    problems += check_articles(sources)
    problems += check_shapes(sources, index)
    return problems


_KNOWN: dict[int, tuple[Vocabulary, set[str]]] = {}  # id -> (vocabulary, its terms), kept alive


def _known_terms(vocab: Vocabulary) -> set[str]:
    entry = _KNOWN.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        known = {str(c) for c in vocab.classes} | {str(p) for p in vocab.object_properties}
        known |= {str(t) for t in vocab.graph.subjects() if str(t).startswith(SMEKG_NS)}
        entry = _KNOWN[id(vocab)] = (vocab, known)
    return entry[1]


def check_terms(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """Every smekg class and property used must exist in the ontology (catches typos)."""
    known = _known_terms(vocab)
    problems = []
    for name, triples in sources.graphs():
        used = {(p, s) for s, p, _ in triples if p not in known}
        used |= {(o, s) for s, p, o in triples if p == TYPE and type(o) is str and o not in known}
        for term, subject in sorted(used, key=str):
            if term.startswith(SMEKG_NS):
                problems.append(
                    Problem(
                        str(sources.files[name]), f"unknown ontology term {term}", focus=subject
                    )
                )
    return problems


def check_evidence(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """Every relationship sits in an article graph with a verbatim quote; every quote has its relationship."""
    properties = {str(p) for p in vocab.object_properties}
    problems = []
    for name, triples in sources.graphs():
        file = str(sources.files[name])
        asserted = {(s, p, o) for s, p, o in triples if p in properties and is_iri(o) and is_iri(s)}
        if asserted and name not in sources.article_graphs:
            for s, p, _o in sorted(asserted)[:20]:
                problems.append(
                    Problem(
                        file, f"relationship {p} outside an article graph has no source", focus=s
                    )
                )
            continue
        evidenced: set[tuple[Term | None, ...]] = set()
        for node, parts, quotes in _reifications(triples):
            if None in parts:
                problems.append(
                    Problem(
                        file,
                        "evidence node lacks rdf:subject, rdf:predicate or rdf:object",
                        focus=node,
                    )
                )
                continue
            if parts not in asserted:
                problems.append(
                    Problem(
                        file,
                        "evidence for a relationship that is not asserted: "
                        + " ".join(_show(x) for x in parts),
                        focus=_show(parts[0]),
                        field=_show(parts[1]),
                    )
                )
            if not any(q.strip() for q in quotes):
                problems.append(
                    Problem(
                        file,
                        "evidence node has no smekg:quote",
                        focus=_show(parts[0]),
                        field=_show(parts[1]),
                    )
                )
            evidenced.add(parts)
        for triple in sorted(asserted - evidenced):
            problems.append(
                Problem(
                    file,
                    f"relationship to <{triple[2]}> has no evidence quote (add a reified smekg:Assertion)",
                    focus=triple[0],
                    field=triple[1],
                )
            )
    return problems


def _show(term: object) -> str:
    return term.value if is_literal(term) else str(term)


def _reifications(
    triples: list[Triple],
) -> Iterator[tuple[str, tuple[Term | None, ...], list[str]]]:
    """(node, (subject, predicate, object), quotes) for every reification node, in one pass."""
    for node, (key, others) in reifications(triples).items():
        yield node, tuple(key), [_show(o) for p, o in others if p == QUOTE]


def check_articles(sources: SourceSet) -> list[Problem]:
    """Each article graph describes its own article node."""
    article = SMEKG_NS + "Article"
    problems = []
    for name in sources.article_graphs:
        if (name, TYPE, article) not in sources.triples[name]:
            problems.append(
                Problem(
                    str(sources.files[name]),
                    "the graph's name must be typed smekg:Article in the graph",
                    focus=name,
                )
            )
    return problems


def check_shapes(sources: SourceSet, index: DataIndex) -> list[Problem]:
    """SHACL validation of the union of all files against ontology/shapes.ttl (loaders.shacl)."""
    violations = compile_shapes(SHAPES_PATH).validate(index)
    return sorted(
        {_problem(sources, index, v) for v in violations},
        key=lambda p: (p.file, p.focus, p.field, p.message),
    )


def _problem(sources: SourceSet, index: DataIndex, violation: Violation) -> Problem:
    origin = index.origin.get(violation.focus) if type(violation.focus) is str else None
    file = str(sources.files[origin]) if origin in sources.files else "(data)"
    message = violation.message or "violates a SHACL shape"
    if violation.value is not None:
        message += f" (value: {_show(violation.value)})"
    return Problem(file, message, focus=_show(violation.focus), field=violation.path)
