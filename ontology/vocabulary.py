"""Read the ontology once and answer what loaders, queries and pages need to know about terms.

The .ttl file is the single source of classes, labels and relationship types (the schema is data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeGuard

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS
from rdflib.term import Node

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "smekg.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
SMEKG = Namespace("https://smekg.org/ontology#")
ID = Namespace("https://smekg.org/id/")
ART = Namespace("https://smekg.org/article/")

DATE_TYPES = {XSD.date, XSD.dateTime}


def local_name(iri: str) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def upper_snake(name: str) -> str:
    return snake_case(name).upper()


@dataclass(frozen=True)
class TermInfo:
    iri: URIRef
    name: str
    label_ko: str
    label_en: str
    definition: str
    group: str = "other"
    color: str = "#9e9e9e"


@dataclass(frozen=True)
class LegendGroup:
    """A legend group of the graph browser (smekg:GraphGroups), named by its notation."""

    key: str
    label_ko: str
    label_en: str


@dataclass
class Vocabulary:
    """Classes with their superclasses, relationship types, and how literal properties are stored."""

    graph: Graph
    classes: dict[URIRef, TermInfo] = field(default_factory=dict)
    superclasses: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)
    object_properties: dict[URIRef, TermInfo] = field(default_factory=dict)
    edge_types: dict[URIRef, str] = field(default_factory=dict)
    functional: set[URIRef] = field(default_factory=set)
    date_properties: set[URIRef] = field(default_factory=set)
    qualifiers: set[URIRef] = field(default_factory=set)
    domains: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)
    ranges: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)
    sets: dict[str, frozenset[URIRef]] = field(default_factory=dict)
    precedence: dict[URIRef, int] = field(default_factory=dict)
    legend_groups: list[LegendGroup] = field(default_factory=list)

    def labels_for(self, types: set[URIRef]) -> list[str]:
        """Property-graph labels for a node: its smekg classes and all their superclasses."""
        names: set[str] = set()
        for cls in types:
            if cls in self.classes:
                names.add(self.classes[cls].name)
                names.update(self.classes[s].name for s in self.superclasses.get(cls, ()))
        return sorted(names)

    def is_reification(self, types: set[URIRef]) -> bool:
        assertion = SMEKG.Assertion
        return any(t == assertion or assertion in self.superclasses.get(t, ()) for t in types)

    def class_by_name(self, name: str) -> TermInfo | None:
        return next((c for c in self.classes.values() if c.name == name), None)

    def property_for_edge_type(self, edge_type: str) -> URIRef | None:
        return next((p for p, t in self.edge_types.items() if t == edge_type), None)

    def _members(self, name: str) -> list[URIRef]:
        if name not in self.sets:
            known = ", ".join(sorted(self.sets)) or "none"
            raise KeyError(f"no relationship set {name!r} in the ontology; known: {known}")
        return sorted(
            self.sets[name],
            key=lambda p: (self.precedence.get(p, 1 << 30), self.edge_types[p]),
        )

    def relationship_set(self, name: str) -> tuple[str, ...]:
        """The edge types of the properties annotated `smekg:relationshipSet name`, in order of
        `smekg:pathPrecedence` (then by name)."""
        return tuple(self.edge_types[p] for p in self._members(name))

    def set_links(self, name: str) -> list[tuple[str, tuple[str, ...]]]:
        """(edge type, the class names of its rdfs:domain) for each relationship of a set."""
        return [
            (self.edge_types[p], tuple(sorted(self.classes[c].name for c in self.domains[p])))
            for p in self._members(name)
        ]

    def set_labels(self, name: str) -> tuple[str, ...]:
        """The most general classes at either end of a set's relationships: every node such a
        relationship can touch carries one of these labels."""
        ends: set[URIRef] = set()
        for prop in self._members(name):
            ends |= self.domains[prop] | self.ranges[prop]
        return tuple(sorted(self.classes[c].name for c in ends if not self.superclasses[c] & ends))


def _text(graph: Graph, subject: URIRef, predicate: URIRef, lang: str | None) -> str:
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and (lang is None or value.language == lang):
            return str(value)
    return ""


def _info(graph: Graph, term: URIRef) -> TermInfo:
    return TermInfo(
        iri=term,
        name=local_name(term),
        label_ko=_text(graph, term, RDFS.label, "ko"),
        label_en=_text(graph, term, RDFS.label, "en"),
        definition=_text(graph, term, SKOS.definition, "en"),
        group=_text(graph, term, SMEKG.graphGroup, None) or "other",
        color=_text(graph, term, SMEKG.graphColor, None) or "#9e9e9e",
    )


def _in_namespace(term: object) -> TypeGuard[URIRef]:
    return isinstance(term, URIRef) and str(term).startswith(str(SMEKG))


def _classes(graph: Graph, value: Node) -> frozenset[URIRef]:
    """A class, or the members of an owl:unionOf of classes (a domain or range)."""
    if isinstance(value, URIRef):
        return frozenset({value})
    union = graph.value(value, OWL.unionOf)
    if union is None:
        return frozenset()
    return frozenset(c for c in Collection(graph, union) if isinstance(c, URIRef))


def _legend_groups(graph: Graph) -> list[LegendGroup]:
    """smekg:GraphGroupOrder's members, in order."""
    members = graph.value(SMEKG.GraphGroupOrder, SKOS.memberList)
    if members is None:
        return []
    return [
        LegendGroup(
            key=_text(graph, concept, SKOS.notation, None),
            label_ko=_text(graph, concept, SKOS.prefLabel, "ko"),
            label_en=_text(graph, concept, SKOS.prefLabel, "en"),
        )
        for concept in Collection(graph, members)
        if isinstance(concept, URIRef)
    ]


def _iris(terms: Iterable[Node]) -> Iterator[URIRef]:
    return (t for t in terms if isinstance(t, URIRef))


def _superclasses(graph: Graph, cls: URIRef) -> frozenset[URIRef]:
    seen: set[URIRef] = set()
    frontier = [cls]
    while frontier:
        for parent in _iris(graph.objects(frontier.pop(), RDFS.subClassOf)):
            if _in_namespace(parent) and parent not in seen and parent != cls:
                seen.add(parent)
                frontier.append(parent)
    return frozenset(seen)


def _relationship_sets(graph: Graph, vocab: Vocabulary) -> None:
    sets: dict[str, set[URIRef]] = {}
    for prop, name in graph.subject_objects(SMEKG.relationshipSet):
        if isinstance(prop, URIRef) and prop in vocab.object_properties:
            sets.setdefault(str(name), set()).add(prop)
    vocab.sets = {name: frozenset(props) for name, props in sets.items()}
    for prop, rank in graph.subject_objects(SMEKG.pathPrecedence):
        if isinstance(prop, URIRef) and isinstance(rank, Literal):
            vocab.precedence[prop] = int(rank)


def build_vocabulary(graph: Graph) -> Vocabulary:
    vocab = Vocabulary(graph=graph)
    for cls in _iris(graph.subjects(RDF.type, OWL.Class)):
        if _in_namespace(cls):
            vocab.classes[cls] = _info(graph, cls)
    for cls in vocab.classes:
        vocab.superclasses[cls] = _superclasses(graph, cls)
    for prop in _iris(graph.subjects(RDF.type, OWL.ObjectProperty)):
        if _in_namespace(prop):
            vocab.object_properties[prop] = _info(graph, prop)
            declared = _text(graph, prop, SMEKG.edgeType, None)
            vocab.edge_types[prop] = declared or upper_snake(local_name(prop))
            vocab.domains[prop] = frozenset().union(
                *(_classes(graph, d) for d in graph.objects(prop, RDFS.domain))
            )
            vocab.ranges[prop] = frozenset().union(
                *(_classes(graph, r) for r in graph.objects(prop, RDFS.range))
            )
    vocab.functional.update(_iris(graph.subjects(RDF.type, OWL.FunctionalProperty)))
    for term, range_ in graph.subject_objects(RDFS.range):
        if isinstance(term, URIRef) and range_ in DATE_TYPES:
            vocab.date_properties.add(term)
    for term, flag in graph.subject_objects(SMEKG.qualifier):
        if isinstance(term, URIRef) and str(flag).lower() == "true":
            vocab.qualifiers.add(term)
    _relationship_sets(graph, vocab)
    vocab.legend_groups = _legend_groups(graph)
    return vocab


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = ONTOLOGY_PATH) -> Vocabulary:
    graph = Graph()
    graph.parse(path, format="turtle")
    return build_vocabulary(graph)
