"""Map validated RDF to a property graph: nodes keyed by IRI, edges carrying sources and evidence."""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import RDF, RDFS, Literal, Namespace, URIRef

from loaders.sources import SourceSet
from ontology.vocabulary import SMEKG, Vocabulary, local_name, snake_case

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
NAME_KEYS = {SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel}
PROPERTY_KEYS = {RDFS.comment: "description", SKOS.note: "notes", SMEKG.quote: "evidence"}
IGNORED = {RDF.type, RDF.subject, RDF.predicate, RDF.object, SKOS.definition}


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


def article_id(graph_name: URIRef) -> str:
    return local_name(graph_name)


def _value(literal: Literal) -> Any:
    value = literal.toPython()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (bool, int, float)):
        return value
    return nfc(str(literal))


class _Collector:
    """Accumulates literal values per key, then stores functional keys as scalars and others as lists."""

    def __init__(self) -> None:
        self.values: dict[str, dict[Any, None]] = defaultdict(dict)  # ordered sets

    def add(self, key: str, value: Any) -> None:
        self.values[key].setdefault(value)

    def finish(self, scalar_keys: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, values in self.values.items():
            if key in scalar_keys:
                out[key] = next(iter(values))
            else:
                out[key] = sorted(values, key=str)
        return out


def to_property_graph(sources: SourceSet, vocab: Vocabulary) -> PropertyGraph:
    pg = PropertyGraph()
    scalar_keys = {"name_ko", "name_en", "type", "article_id"} | {
        snake_case(local_name(p)) for p in vocab.functional
    }
    pg.date_keys = {snake_case(local_name(p)) for p in vocab.date_properties}

    # One pass over each graph's own triples: with many named graphs in one store, pattern lookups
    # such as graph.subject_objects(RDF.type) scan every graph's matches and grow quadratically.
    triples = {name: list(graph) for name, graph in sources.graphs()}
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    for graph_triples in triples.values():
        for s, p, o in graph_triples:
            if p == RDF.type:
                types[s].add(o)
    entities = {s for s, ts in types.items() if isinstance(s, URIRef) and not vocab.is_reification(ts)}

    collectors: dict[URIRef, _Collector] = defaultdict(_Collector)
    mentioned_in: dict[URIRef, set[str]] = defaultdict(set)
    edge_values: dict[tuple[URIRef, URIRef, URIRef], _Collector] = {}

    for name, graph_triples in triples.items():
        is_article = name in sources.article_graphs
        article = article_id(name)
        for s, p, o in graph_triples:
            if s in entities and isinstance(o, Literal):
                _add_literal(collectors[s], p, o)
            if is_article:
                for node in (s, o):
                    if node in entities:
                        mentioned_in[node].add(article)
            if is_article and p in vocab.object_properties and s in entities and o in entities:
                collector = edge_values.setdefault((s, p, o), _Collector())
                collector.add("sources", article)
        if is_article:
            _collect_evidence(graph_triples, edge_values)

    for iri in sorted(entities):
        collector = collectors[iri]
        labels = ["Entity", *vocab.labels_for(types[iri])]
        collector.add("type", _main_type(types[iri], vocab))
        for article in sorted(mentioned_in[iri]):
            collector.add("sources", article)
        if SMEKG.Article in types[iri]:
            collector.add("article_id", local_name(iri))
        props = collector.finish(scalar_keys)
        if "name_ko" not in props and "name_en" not in props:
            _name_from_text(props)
        props["search_text"] = _search_text(props)
        pg.nodes[str(iri)] = NodeRow(str(iri), labels, props)

    for (s, p, o), collector in sorted(edge_values.items()):
        pg.edges.append(EdgeRow(str(s), str(o), vocab.edge_types[p], collector.finish(scalar_keys)))
    return pg


def _add_literal(collector: _Collector, predicate: URIRef, literal: Literal) -> None:
    if predicate in IGNORED:
        return
    if predicate == SKOS.prefLabel and literal.language in ("ko", "en"):
        collector.add(f"name_{literal.language}", nfc(str(literal)))
    elif predicate in NAME_KEYS:
        collector.add("aliases", nfc(str(literal)))
    elif predicate in PROPERTY_KEYS:
        collector.add(PROPERTY_KEYS[predicate], _value(literal))
    elif str(predicate).startswith(str(SMEKG)):
        collector.add(snake_case(local_name(predicate)), _value(literal))


def _collect_evidence(graph_triples: list[tuple], edge_values: dict) -> None:
    """Copy each reification's quote and qualifiers onto the edge it annotates."""
    slots = {RDF.subject: 0, RDF.predicate: 1, RDF.object: 2}
    parts: dict[object, list] = defaultdict(lambda: [None, None, None])
    qualifiers: dict[object, list[tuple]] = defaultdict(list)
    for s, p, o in graph_triples:
        if p in slots:
            parts[s][slots[p]] = o
        elif p not in IGNORED:
            qualifiers[s].append((p, o))
    for node, key in parts.items():
        collector = edge_values.get(tuple(key))
        if collector is None:
            continue
        for p, o in qualifiers[node]:
            name_ = PROPERTY_KEYS.get(p) or snake_case(local_name(p))
            if name_ == "role":
                name_ = "roles"
            collector.add(name_, _value(o) if isinstance(o, Literal) else str(o))


def _main_type(node_types: set[URIRef], vocab: Vocabulary) -> str:
    """The most specific class, preferring a kind of thing over the ForeignPartner role."""
    known = [t for t in node_types if t in vocab.classes]
    if not known:
        return "Entity"
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
