"""Check the data before anything is written: SHACL shapes, known terms, and evidence on every relationship."""
from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

from loaders.errors import Problem
from loaders.sources import SourceSet
from ontology.vocabulary import SMEKG, SHAPES_PATH, Vocabulary

RDF_STATEMENT_PARTS = (RDF.subject, RDF.predicate, RDF.object)
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


def validate(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """All problems found; an empty list means the data may be loaded."""
    problems = check_terms(sources, vocab)
    problems += check_evidence(sources, vocab)
    problems += check_articles(sources)
    problems += check_shapes(sources, vocab)
    return problems


def _file_of(sources: SourceSet, node: object) -> str:
    files = [str(sources.files[name]) for name, g in sources.graphs() if (node, None, None) in g]
    return ", ".join(files) if files else "(data)"


def check_terms(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """Every smekg class and property used must exist in the ontology (catches typos)."""
    known = set(vocab.classes) | set(vocab.object_properties)
    known |= {p for p in vocab.graph.subjects() if str(p).startswith(str(SMEKG))}
    problems = []
    for name, graph in sources.graphs():
        for s, p, o in graph:
            for term in (p, o if p == RDF.type else None):
                if isinstance(term, URIRef) and str(term).startswith(str(SMEKG)) and term not in known:
                    problems.append(
                        Problem(str(sources.files[name]), f"unknown ontology term {term}", focus=str(s))
                    )
    return problems


def check_evidence(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """Every relationship sits in an article graph with a verbatim quote; every quote has its relationship."""
    problems = []
    for name, graph in sources.graphs():
        file = str(sources.files[name])
        asserted = {
            (s, p, o)
            for s, p, o in graph
            if p in vocab.object_properties and isinstance(o, URIRef) and isinstance(s, URIRef)
        }
        if asserted and name not in sources.article_graphs:
            for s, p, o in sorted(asserted)[:20]:
                problems.append(Problem(file, f"relationship {p} outside an article graph has no source", focus=str(s)))
            continue
        evidenced: dict[tuple, list[str]] = defaultdict(list)
        for node, parts, quotes in _reifications(graph):
            if None in parts:
                problems.append(Problem(file, "evidence node lacks rdf:subject, rdf:predicate or rdf:object", focus=str(node)))
                continue
            if parts not in asserted:
                problems.append(
                    Problem(file, f"evidence for a relationship that is not asserted: {' '.join(map(str, parts))}",
                            focus=str(parts[0]), field=str(parts[1]))
                )
            if not any(q.strip() for q in quotes):
                problems.append(Problem(file, "evidence node has no smekg:quote", focus=str(parts[0]), field=str(parts[1])))
            evidenced[parts].extend(quotes)
        for triple in sorted(asserted - set(evidenced)):
            problems.append(
                Problem(file, f"relationship to <{triple[2]}> has no evidence quote (add a reified smekg:Assertion)",
                        focus=str(triple[0]), field=str(triple[1]))
            )
    return problems


def _reifications(graph: Graph):
    """(node, (subject, predicate, object), quotes) for every reification node, in one pass."""
    slots = {RDF.subject: 0, RDF.predicate: 1, RDF.object: 2}
    parts: dict[object, list] = defaultdict(lambda: [None, None, None])
    quotes: dict[object, list[str]] = defaultdict(list)
    for s, p, o in graph:
        if p in slots:
            parts[s][slots[p]] = o
        elif p == SMEKG.quote:
            quotes[s].append(str(o))
    for node, (subject, predicate, object_) in parts.items():
        yield node, (subject, predicate, object_), quotes[node]


def check_articles(sources: SourceSet) -> list[Problem]:
    """Each article graph describes its own article node."""
    problems = []
    for name in sources.article_graphs:
        graph = sources.dataset.graph(name)
        if (name, RDF.type, SMEKG.Article) not in graph:
            problems.append(Problem(str(sources.files[name]), "the graph's name must be typed smekg:Article in the graph", focus=str(name)))
    return problems


def materialise_types(data: Graph, ontology: Graph) -> None:
    """Add the rdf:type triples RDFS inference would add (superclasses, domains, ranges), in place.

    The shapes rely on inference for nothing else; one linear pass here replaces pyshacl's
    `inference="rdfs"` fixpoint, which costs several times more and grows with the ontology too.
    """
    supers: dict[URIRef, set[URIRef]] = {}
    for cls in set(ontology.subjects(RDFS.subClassOf, None)) | set(ontology.objects(None, RDFS.subClassOf)):
        seen: set[URIRef] = set()
        stack = [cls]
        while stack:
            for parent in ontology.objects(stack.pop(), RDFS.subClassOf):
                if isinstance(parent, URIRef) and parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        supers[cls] = seen

    def named(classes) -> set[URIRef]:
        return {c for c in classes if isinstance(c, URIRef)}

    domain = {p: named(ontology.objects(p, RDFS.domain)) for p in set(ontology.subjects(RDFS.domain, None))}
    range_ = {p: named(ontology.objects(p, RDFS.range)) for p in set(ontology.subjects(RDFS.range, None))}
    added: set[tuple] = set()
    for s, p, o in data:
        if p == RDF.type:
            added.update((s, RDF.type, sup) for sup in supers.get(o, ()))
            continue
        added.update((s, RDF.type, cls) for cls in domain.get(p, ()))
        if isinstance(o, URIRef):
            added.update((o, RDF.type, cls) for cls in range_.get(p, ()))
    for s, _, cls in list(added):
        added.update((s, RDF.type, sup) for sup in supers.get(cls, ()))
    for triple in added:
        data.add(triple)


def check_shapes(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """SHACL validation of the union of all files against ontology/shapes.ttl."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    data = sources.union()
    materialise_types(data, vocab.graph)
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=vocab.graph, inference="none",
        advanced=True, allow_warnings=True,
    )
    if conforms:
        return []
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = [str(m) for m in results.objects(result, SH.resultMessage)]
        value = results.value(result, SH.value)
        message = "; ".join(messages) or "violates a SHACL shape"
        if isinstance(value, (Literal, URIRef)):
            message += f" (value: {value})"
        problems.append(Problem(_file_of(sources, focus), message, focus=str(focus), field=str(path or "")))
    return sorted(problems, key=lambda p: (p.file, p.focus, p.field))
