"""Turtle export: the stored property graph written back as RDF in the ontology's terms.

Each relationship becomes a triple plus an smekg:Assertion that carries its evidence and sources.
"""

from __future__ import annotations

from typing import Any

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph.store import GraphStore
from ontology.vocabulary import ART, ID, SMEKG, load_vocabulary, local_name, snake_case
from services.export.records import iter_edges, iter_nodes

SKIP_KEYS = {"iri", "labels", "name_ko", "name_en", "aliases", "type", "sources", "search_text"}


def _literal(key: str, value: Any, date_keys: set[str]) -> Literal:
    if key in date_keys:
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def export_turtle(store: GraphStore) -> str:
    vocab = load_vocabulary()
    by_name = {c.name: c.iri for c in vocab.classes.values()}
    datatype_props = {
        snake_case(local_name(str(p))): p
        for p in vocab.graph.subjects()
        if str(p).startswith(str(SMEKG))
    }
    date_keys = {snake_case(local_name(p)) for p in vocab.date_properties}
    out = Graph()
    for prefix, ns in (("smekg", SMEKG), ("id", ID), ("art", ART), ("skos", SKOS)):
        out.bind(prefix, ns)
    for node in iter_nodes(store):
        subject = URIRef(node["iri"])
        for label in node["labels"]:
            if label in by_name:
                out.add((subject, RDF.type, by_name[label]))
        for lang in ("ko", "en"):
            if node.get(f"name_{lang}"):
                out.add((subject, SKOS.prefLabel, Literal(node[f"name_{lang}"], lang=lang)))
        for alias in node.get("aliases") or []:
            out.add((subject, SKOS.altLabel, Literal(alias)))
        for key, value in node.items():
            if key in SKIP_KEYS or key not in datatype_props:
                continue
            for item in value if isinstance(value, list) else [value]:
                out.add((subject, datatype_props[key], _literal(key, item, date_keys)))
    for edge in iter_edges(store):
        prop = vocab.property_for_edge_type(edge["type"])
        if prop is None:
            continue
        s, o = URIRef(edge["source"]), URIRef(edge["target"])
        out.add((s, prop, o))
        note = BNode()
        out.add((note, RDF.type, SMEKG.Assertion))
        out.add((note, RDF.subject, s))
        out.add((note, RDF.predicate, prop))
        out.add((note, RDF.object, o))
        for quote in edge.get("evidence") or []:
            out.add((note, SMEKG.quote, Literal(quote)))
        for source in edge.get("sources") or []:
            out.add((note, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), ART[source]))
        for role in edge.get("roles") or []:
            out.add((note, SMEKG.role, Literal(role)))
    return out.serialize(format="turtle")
