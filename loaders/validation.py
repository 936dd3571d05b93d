"""Check the data before anything is written: SHACL shapes, known terms, and evidence on every relationship."""
from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, Graph, Literal, Namespace, URIRef
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
        for node in set(graph.subjects(RDF.subject, None)):
            parts = tuple(graph.value(node, part) for part in RDF_STATEMENT_PARTS)
            quotes = [str(q) for q in graph.objects(node, SMEKG.quote)]
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


def check_articles(sources: SourceSet) -> list[Problem]:
    """Each article graph describes its own article node."""
    problems = []
    for name in sources.article_graphs:
        graph = sources.dataset.graph(name)
        if (name, RDF.type, SMEKG.Article) not in graph:
            problems.append(Problem(str(sources.files[name]), "the graph's name must be typed smekg:Article in the graph", focus=str(name)))
    return problems


def check_shapes(sources: SourceSet, vocab: Vocabulary) -> list[Problem]:
    """SHACL validation of the union of all files against ontology/shapes.ttl."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, results, _ = shacl_validate(
        sources.union(), shacl_graph=shapes, ont_graph=vocab.graph, inference="rdfs",
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
        if isinstance(value, Literal) or isinstance(value, URIRef):
            message += f" (value: {value})"
        problems.append(Problem(_file_of(sources, focus), message, focus=str(focus), field=str(path or "")))
    return sorted(problems, key=lambda p: (p.file, p.focus, p.field))
