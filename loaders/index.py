"""One index over the union of all parsed graphs: each subject's values per predicate, and its types
with what RDFS inference over the ontology would add (superclasses, rdfs:domain, rdfs:range).

Built in one pass over the triples, so validation never scans the data twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from loaders.sources import SourceSet
from loaders.terms import TYPE, Term, is_iri
from ontology.vocabulary import load_vocabulary


@dataclass
class Ontology:
    """What the index needs from the ontology, as plain strings."""

    supers: dict[str, frozenset[str]]  # class -> itself and every superclass
    domain: dict[str, frozenset[str]]  # property -> classes its subjects get
    range: dict[str, frozenset[str]]  # property -> classes its IRI objects get
    term_types: dict[str, frozenset[str]]  # ontology term -> its types (e.g. owl:ObjectProperty)

    @classmethod
    def from_graph(cls, graph: Graph) -> Ontology:
        parents: dict[str, set[str]] = defaultdict(set)
        for child, parent in graph.subject_objects(RDFS.subClassOf):
            if isinstance(child, URIRef) and isinstance(parent, URIRef):
                parents[str(child)].add(str(parent))

        def closure(start: str) -> frozenset[str]:
            seen, stack = {start}, [start]
            while stack:
                for parent in parents.get(stack.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            return frozenset(seen)

        classes = set(parents) | {p for ps in parents.values() for p in ps}
        classes |= {str(c) for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        supers = {c: closure(c) for c in classes}

        def by_property(predicate: URIRef) -> dict[str, frozenset[str]]:
            found: dict[str, set[str]] = defaultdict(set)
            for prop, cls_ in graph.subject_objects(predicate):
                if isinstance(cls_, URIRef):
                    found[str(prop)] |= supers.get(str(cls_), {str(cls_)})
            return {p: frozenset(cs) for p, cs in found.items()}

        term_types: dict[str, set[str]] = defaultdict(set)
        for term, cls_ in graph.subject_objects(RDF.type):
            if isinstance(term, URIRef):
                term_types[str(term)] |= supers.get(str(cls_), {str(cls_)})
        return cls(
            supers,
            by_property(RDFS.domain),
            by_property(RDFS.range),
            {t: frozenset(cs) for t, cs in term_types.items()},
        )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The project ontology's class hierarchy, domains and ranges (read once per process)."""
    return Ontology.from_graph(load_vocabulary().graph)


@dataclass
class DataIndex:
    # subject -> predicate -> its distinct objects (a dict used as an ordered set: hubs have thousands)
    values: dict[str, dict[str, dict[Term, None]]] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=dict)  # node -> asserted + inferred types
    origin: dict[str, str] = field(default_factory=dict)  # subject -> graph that first describes it
    typed_in_data: set[str] = field(
        default_factory=set
    )  # nodes the data types (not the ontology's terms)

    def objects(self, subject: Term, predicate: str) -> dict[Term, None]:
        if type(subject) is not str:
            return {}
        return self.values.get(subject, {}).get(predicate, {})

    def types_of(self, node: Term) -> set[str] | frozenset[str]:
        return self.types.get(node, frozenset()) if type(node) is str else frozenset()


def build_index(sources: SourceSet, ontology: Ontology) -> DataIndex:
    index = DataIndex()
    values, types, origin = index.values, index.types, index.origin
    supers, domain, range_ = ontology.supers, ontology.domain, ontology.range
    empty: frozenset[str] = frozenset()
    for name, triples in sources.graphs():
        for s, p, o in triples:
            by_predicate = values.get(s)
            if by_predicate is None:
                by_predicate = values[s] = {}
                origin[s] = name
            objects = by_predicate.get(p)
            if objects is None:
                by_predicate[p] = {o: None}
            else:
                objects[o] = None
            if p == TYPE:
                kind = cast(str, o)  # a class IRI in valid data
                _add_types(types, s, supers.get(kind, (kind,)))
                continue
            inferred = domain.get(p, empty)
            if inferred:
                _add_types(types, s, inferred)
            inferred = range_.get(p, empty)
            if inferred and is_iri(o):
                _add_types(types, o, inferred)
    index.typed_in_data = set(types)
    for term, term_types in ontology.term_types.items():
        _add_types(types, term, term_types)
    return index


def _add_types(types: dict[str, set[str]], node: str, classes: Iterable[str]) -> None:
    known = types.get(node)
    if known is None:
        types[node] = set(classes)
    else:
        known.update(classes)
