"""The reference check: pyshacl over the rdflib union of all files, against the same shapes.

The loader uses `loaders.shacl` (linear, compiled once); this slower path is kept to cross-check it
(`tests/test_shacl.py`, `smekg validate --pyshacl`, the benchmark's SHACL comparison).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from loaders.errors import Problem
from loaders.sources import SourceSet
from ontology.vocabulary import SHAPES_PATH, load_vocabulary


def materialise_types(data: Graph, ontology: Graph) -> None:
    """Add the rdf:type triples RDFS inference would add (superclasses, domains, ranges), in place."""
    supers: dict[URIRef, set[URIRef]] = {}
    for cls in set(ontology.subjects(RDFS.subClassOf, None)) | set(
        ontology.objects(None, RDFS.subClassOf)
    ):
        if not isinstance(cls, URIRef):
            continue
        seen: set[URIRef] = set()
        stack = [cls]
        while stack:
            for parent in ontology.objects(stack.pop(), RDFS.subClassOf):
                if isinstance(parent, URIRef) and parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        supers[cls] = seen

    def named(classes: Iterable[Node]) -> set[URIRef]:
        return {c for c in classes if isinstance(c, URIRef)}

    domain = {
        p: named(ontology.objects(p, RDFS.domain))
        for p in set(ontology.subjects(RDFS.domain, None))
    }
    range_ = {
        p: named(ontology.objects(p, RDFS.range)) for p in set(ontology.subjects(RDFS.range, None))
    }
    added: set[tuple[Node, Node, Node]] = set()
    for s, p, o in data:
        if p == RDF.type:
            added.update((s, RDF.type, sup) for sup in supers.get(cast(URIRef, o), ()))
            continue
        added.update((s, RDF.type, cls) for cls in domain.get(p, ()))
        if isinstance(o, URIRef):
            added.update((o, RDF.type, cls) for cls in range_.get(p, ()))
    for s, _, cls in list(added):
        added.update((s, RDF.type, sup) for sup in supers.get(cast(URIRef, cls), ()))
    for triple in added:
        data.add(triple)


def pyshacl_problems(sources: SourceSet) -> list[Problem]:
    """Violations as problems (file "(pyshacl)"): focus node, path and message."""
    from pyshacl import validate as shacl_validate

    vocab = load_vocabulary()
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    data = sources.union()
    materialise_types(data, vocab.graph)
    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=vocab.graph,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if conforms:
        return []
    problems = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = (
            "; ".join(str(m) for m in results.objects(result, SH.resultMessage))
            or "violates a SHACL shape"
        )
        value = results.value(result, SH.value)
        if isinstance(value, (Literal, URIRef)):
            message += f" (value: {value})"
        problems.add(Problem("(pyshacl)", message, focus=str(focus), field=str(path or "")))
    return sorted(problems, key=lambda p: (p.focus, p.field, p.message))
