"""The loader's light RDF terms: IRIs are `str`, blank nodes are `str` starting with "_:", literals are
pyoxigraph `Literal`s (value, datatype, language).

Plain strings hash and compare fast and need no conversion; the parser makes each IRI once and the
index shares it. Nothing here knows about the ontology.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypeGuard

from pyoxigraph import Literal

if TYPE_CHECKING:
    from typing_extensions import TypeIs

Term = str | Literal
Triple = tuple[str, str, Term]  # subject (IRI or blank node), predicate IRI, object

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPE = RDF + "type"
SUBJECT, PREDICATE, OBJECT = RDF + "subject", RDF + "predicate", RDF + "object"
LANG_STRING = RDF + "langString"
STRING = XSD + "string"

_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_DATE = re.compile(r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$")
_INTEGER_TYPES = {
    XSD + n
    for n in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
    )
}


def is_literal(term: object) -> TypeIs[Literal]:
    return type(term) is Literal


def is_blank(term: object) -> TypeGuard[str]:
    return type(term) is str and term.startswith("_:")


def is_iri(term: object) -> TypeGuard[str]:
    return type(term) is str and not term.startswith("_:")


def datatype(literal: Literal) -> str:
    """The literal's datatype IRI (rdf:langString for tagged strings)."""
    return literal.datatype.value


def well_formed(literal: Literal) -> bool:
    """Is the lexical form valid for the datatypes the shapes use (others are taken as they are)?"""
    kind = literal.datatype.value
    text = literal.value
    if kind in _INTEGER_TYPES:
        return bool(_INTEGER.match(text))
    if kind == XSD + "decimal":
        return bool(_DECIMAL.match(text))
    if kind == XSD + "date":
        return _date(text) is not None
    if kind == XSD + "boolean":
        return text in ("true", "false", "1", "0")
    return True


def _date(text: str) -> dt.date | None:
    if not _DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def python_value(literal: Literal) -> Any:
    """The literal as the property graph stores it: numbers and booleans typed, everything else text."""
    kind = literal.datatype.value
    text = literal.value
    try:
        if kind in _INTEGER_TYPES:
            return int(text)
        if kind == XSD + "decimal":
            value = Decimal(text)
            return int(value) if value == value.to_integral_value() else float(value)
        if kind in (XSD + "double", XSD + "float"):
            return float(text)
    except (ValueError, InvalidOperation):
        return text
    if kind == XSD + "boolean":
        return text in ("true", "1")
    return text


def comparable(literal: Literal) -> Any:
    """A value for sh:lessThanOrEquals: dates and numbers compare; anything else gives None."""
    kind = literal.datatype.value
    if kind == XSD + "date":
        return _date(literal.value)
    value = python_value(literal)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


Reified = tuple[list[Term | None], list[tuple[str, Term]]]


def reifications(triples: list[Triple]) -> dict[str, Reified]:
    """Every reification node of one graph: its [subject, predicate, object] (None where missing) and
    its other (predicate, object) pairs (quote, role, dates, type…), in one pass."""
    slots = {SUBJECT: 0, PREDICATE: 1, OBJECT: 2}
    parts: dict[str, list[Term | None]] = {}
    others: dict[str, list[tuple[str, Term]]] = {}
    for s, p, o in triples:
        slot = slots.get(p)
        if slot is not None:
            parts.setdefault(s, [None, None, None])[slot] = o
        else:
            others.setdefault(s, []).append((p, o))
    return {node: (key, others.get(node, [])) for node, key in parts.items()}
