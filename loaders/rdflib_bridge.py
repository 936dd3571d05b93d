"""Turn the loader's light terms into rdflib terms, for the small-data tools that use rdflib's API."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from loaders.terms import LANG_STRING, STRING, Term, Triple, is_blank, is_literal


def rdflib_term(term: Term) -> Identifier:
    if is_literal(term):
        if term.language:
            return Literal(term.value, lang=term.language)
        kind = term.datatype.value
        return Literal(term.value, datatype=None if kind in (LANG_STRING, STRING) else URIRef(kind))
    if is_blank(term):
        return BNode(term[2:].replace(".", "_"))
    return URIRef(term)


def to_rdflib(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for s, p, o in triples:
        graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
    return graph
