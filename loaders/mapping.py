"""Map validated RDF to a property graph: nodes keyed by IRI, edges carrying sources and evidence."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

from rdflib import URIRef

from loaders.index import DataIndex
from loaders.sources import SourceSet
from loaders.terms import (
    OBJECT,
    PREDICATE,
    RDFS,
    SKOS,
    SUBJECT,
    TYPE,
    Term,
    Triple,
    is_iri,
    is_literal,
    python_value,
    reifications,
)
from ontology.vocabulary import SMEKG, Vocabulary, local_name, snake_case

SMEKG_NS = str(SMEKG)
EdgeKey = tuple[str, str, str]  # subject, predicate, object IRIs
NAME_KEYS = {SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel"}
PROPERTY_KEYS = {
    RDFS + "comment": "description",
    SKOS + "note": "notes",
    SMEKG_NS + "quote": "evidence",
}
IGNORED = {TYPE, SUBJECT, PREDICATE, OBJECT, SKOS + "definition"}
ENTITY_LABEL = "Entity"  # the label every node carries, beside its classes
ARTICLE = SMEKG_NS + "Article"
FOREIGN_PARTNER = SMEKG_NS + "ForeignPartner"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class NodeRow:
    iri: str
    labels: list[str]
    props: dict[str, Any]


@dataclass
class EdgeRow:
    source: str
    target: str
    type: str
    props: dict[str, Any]


@dataclass
class PropertyGraph:
    nodes: dict[str, NodeRow] = field(default_factory=dict)
    edges: list[EdgeRow] = field(default_factory=list)
    date_keys: set[str] = field(default_factory=set)  # property keys that hold xsd:date values


def article_id(graph_name: str) -> str:
    return local_name(graph_name)


def _value(literal: Any) -> Any:
    value = python_value(literal)
    return nfc(value) if isinstance(value, str) else value


class _Collector:
    """Accumulates literal values per key, then stores functional keys as scalars and others as lists."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: dict[str, dict[Any, None]] = {}  # ordered sets

    def add(self, key: str, value: Any) -> None:
        bucket = self.values.get(key)
        if bucket is None:
            self.values[key] = {value: None}
        else:
            bucket.setdefault(value)

    def finish(self, scalar_keys: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, values in self.values.items():
            if key in scalar_keys:
                out[key] = next(iter(values))
            elif len(values) == 1:
                out[key] = list(values)
            else:
                out[key] = sorted(values, key=str)
        return out


@dataclass
class _Terms:
    """The vocabulary as plain strings, with the key each literal property is stored under."""

    edge_types: dict[str, str]
    scalar_keys: set[str]
    date_keys: set[str]
    keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, vocab: Vocabulary) -> _Terms:
        scalar = {"name_ko", "name_en", "type", "article_id"} | {
            snake_case(local_name(p)) for p in vocab.functional
        }
        return cls(
            {str(p): t for p, t in vocab.edge_types.items()},
            scalar,
            {snake_case(local_name(p)) for p in vocab.date_properties},
        )

    def key(self, predicate: str) -> str:
        key = self.keys.get(predicate)
        if key is None:
            key = self.keys[predicate] = PROPERTY_KEYS.get(predicate) or snake_case(
                local_name(predicate)
            )
        return key


def to_property_graph(sources: SourceSet, index: DataIndex, vocab: Vocabulary) -> PropertyGraph:
    terms = _Terms.of(vocab)
    pg = PropertyGraph(date_keys=terms.date_keys)
    direct_types = {s: preds[TYPE] for s, preds in index.values.items() if TYPE in preds}
    entities: dict[str, set[URIRef]] = {}
    for s, types in direct_types.items():
        if is_iri(s):
            uris = {URIRef(t) for t in types if type(t) is str}
            if not vocab.is_reification(uris):
                entities[s] = uris

    mentioned_in: dict[str, set[str]] = defaultdict(set)
    edge_values: dict[EdgeKey, _Collector] = {}
    for name, triples in sources.graphs():
        if name not in sources.article_graphs:
            continue
        article = article_id(name)
        for s, p, o in triples:
            if s in entities:
                mentioned_in[s].add(article)
            if type(o) is str and o in entities:
                mentioned_in[o].add(article)
                if p in terms.edge_types and s in entities:
                    collector = edge_values.get((s, p, o))
                    if collector is None:
                        collector = edge_values[(s, p, o)] = _Collector()
                    collector.add("sources", article)
        _collect_evidence(triples, edge_values, terms)

    for iri in sorted(entities):
        props = _entity_props(index.values[iri], terms)
        collector_types = entities[iri]
        props["type"] = _main_type(collector_types, vocab)
        articles = sorted(mentioned_in.get(iri, ()))
        if articles:
            props["sources"] = articles
        if URIRef(ARTICLE) in collector_types:
            props["article_id"] = local_name(iri)
        if "name_ko" not in props and "name_en" not in props:
            _name_from_text(props)
        props["search_text"] = _search_text(props)
        pg.nodes[iri] = NodeRow(iri, [ENTITY_LABEL, *vocab.labels_for(collector_types)], props)

    for (s, p, o), collector in sorted(edge_values.items()):
        pg.edges.append(EdgeRow(s, o, terms.edge_types[p], collector.finish(terms.scalar_keys)))
    return pg


def _entity_props(values: dict[str, dict[Term, None]], terms: _Terms) -> dict[str, Any]:
    collector = _Collector()
    for predicate, objects in values.items():
        if predicate in IGNORED:
            continue
        for literal in objects:
            if is_literal(literal):
                _add_literal(collector, predicate, literal, terms)
    return collector.finish(terms.scalar_keys)


def _add_literal(collector: _Collector, predicate: str, literal: Any, terms: _Terms) -> None:
    if predicate == SKOS + "prefLabel" and literal.language in ("ko", "en"):
        collector.add(f"name_{literal.language}", nfc(literal.value))
    elif predicate in NAME_KEYS:
        collector.add("aliases", nfc(literal.value))
    elif predicate in PROPERTY_KEYS or predicate.startswith(SMEKG_NS):
        collector.add(terms.key(predicate), _value(literal))


def _collect_evidence(
    triples: list[Triple], edge_values: dict[EdgeKey, _Collector], terms: _Terms
) -> None:
    """Copy each reification's quote and qualifiers onto the edge it annotates."""
    for key, qualifiers in reifications(triples).values():
        collector = edge_values.get(cast(EdgeKey, tuple(key)))
        if collector is None:
            continue
        for p, o in qualifiers:
            if p in IGNORED:
                continue
            name_ = terms.key(p)
            if name_ == "role":
                name_ = "roles"
            collector.add(name_, _value(o) if is_literal(o) else o)


def _main_type(node_types: set[URIRef], vocab: Vocabulary) -> str:
    """The most specific class, preferring a kind of thing over the ForeignPartner role."""
    known = [t for t in node_types if t in vocab.classes]
    if not known:
        return ENTITY_LABEL
    preferred = [t for t in known if t != SMEKG.ForeignPartner] or known
    best = max(preferred, key=lambda t: (len(vocab.superclasses.get(t, ())), str(t)))
    return vocab.classes[best].name


def _name_from_text(props: dict[str, Any]) -> None:
    """Articles and statements have no names of their own: show the headline, or the start of the quote."""
    headline = props.get("headline")
    if headline:
        props["name_ko"] = headline if isinstance(headline, str) else headline[0]
    elif props.get("text"):
        props["name_ko"] = _excerpt(props["text"][0])


def _excerpt(text: str, length: int = 28) -> str:
    """A short display name for an unnamed statement: the start of its verbatim text."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"


def _search_text(props: dict[str, Any]) -> str:
    names = [props.get("name_ko"), props.get("name_en"), *props.get("aliases", [])]
    return "\n".join(nfc(n).lower() for n in names if n)
