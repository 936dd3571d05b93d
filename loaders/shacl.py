"""A linear SHACL Core validator for ontology/shapes.ttl, over the loader's one-pass index.

pyshacl rebuilds result graphs and re-walks the data for every shape and nested logical shape,
which costs milliseconds per relationship. Here the shapes are compiled once into Python checks and
each focus node is visited once per shape that targets it; every check reads only the focus node's
own values and their types, so the cost is linear in the data.

Supported (everything shapes.ttl uses, and a little more): targets sh:targetClass, sh:targetNode,
sh:targetSubjectsOf, sh:targetObjectsOf; predicate paths; sh:class, sh:datatype, sh:nodeKind,
sh:minCount, sh:maxCount, sh:minLength, sh:maxLength, sh:pattern (+ sh:flags), sh:languageIn,
sh:uniqueLang, sh:in, sh:hasValue, sh:equals, sh:lessThan, sh:lessThanOrEquals, sh:not, sh:and,
sh:or, sh:xone, sh:node, sh:property, sh:qualifiedValueShape with sh:qualifiedMinCount/MaxCount.
A shape using anything else is refused when the shapes are compiled, so nothing is skipped
silently. `tests/test_shacl.py` checks that pyshacl and this validator flag the same focus nodes.
"""

from __future__ import annotations

import re
from collections import abc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from loaders.index import DataIndex
from loaders.terms import (
    LANG_STRING,
    TYPE,
    Term,
    comparable,
    is_blank,
    is_iri,
    is_literal,
    well_formed,
)

_DESCRIPTIVE = {
    RDF.type,
    SH.message,
    SH.severity,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.deactivated,
    URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
    URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
}
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
Values = abc.Collection[Term]  # the value nodes of a focus node on a path
ValueCheck = Callable[[DataIndex, Term], bool]
SetCheck = Callable[[DataIndex, Term, Values], bool]


@dataclass(frozen=True)
class Violation:
    focus: Term
    path: str
    message: str
    value: Term | None = None


@dataclass
class Shape:
    """A compiled node or property shape."""

    node: Any
    path: str | None = None
    message: str = ""
    targets: dict[str, list[Term]] = field(default_factory=dict)
    value_checks: list[tuple[str, ValueCheck]] = field(default_factory=list)
    set_checks: list[tuple[str, SetCheck]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)

    classes: frozenset[str] | None = (
        None  # set when the shape only says "is an instance of one of these"
    )
    datatypes: frozenset[str] | None = (
        None  # set when the shape only says "has one of these datatypes"
    )
    optional: bool = False  # a property shape that holds when the path has no values
    min_count: int = 0
    max_count: float = float("inf")
    _value_fns: tuple[ValueCheck, ...] = ()  # the checks without their names, for the fast path
    _set_fns: tuple[SetCheck, ...] = ()  # set checks other than the counts

    def finish(self) -> None:
        self._value_fns = tuple(check for _, check in self.value_checks)
        self._set_fns = tuple(
            check for name, check in self.set_checks if name not in ("sh:minCount", "sh:maxCount")
        )

    # -- evaluation --------------------------------------------------------------------------------
    def value_nodes(self, index: DataIndex, focus: Term) -> list[Term]:
        if self.path is None:
            return [focus]
        if self.path == TYPE:
            return sorted(index.types_of(focus))
        return list(index.values.get(focus, {}).get(self.path, ())) if type(focus) is str else []

    def conforms(self, index: DataIndex, focus: Term) -> bool:
        """Does `focus` conform? The hot path of validation: no result objects, early exits."""
        if self.classes is not None:
            return type(focus) is str and not self.classes.isdisjoint(index.types.get(focus, ()))
        values: Values
        if self.path is None:
            values = (focus,)
        elif self.path == TYPE:
            values = sorted(index.types_of(focus))
        else:
            predicates = index.values.get(focus) if type(focus) is str else None
            values = predicates.get(self.path, ()) if predicates else ()
            if not values and self.optional:
                return True
            if not self.min_count <= len(values) <= self.max_count:
                return False
        for set_check in self._set_fns:
            if not set_check(index, focus, values):
                return False
        value_fns, properties = self._value_fns, self.properties
        for value in values:
            for value_check in value_fns:
                if not value_check(index, value):
                    return False
            if properties:
                predicates = index.values.get(value, {}) if type(value) is str else {}
                for prop in properties:
                    if prop.optional and prop.path not in predicates:
                        continue
                    if not prop.conforms(index, value):
                        return False
        return True

    def violations(self, index: DataIndex, focus: Term) -> list[Violation]:
        values = self.value_nodes(index, focus)
        found: list[Violation] = []
        path = self.path or ""
        for name, set_check in self.set_checks:
            if not set_check(index, focus, values):
                found.append(Violation(focus, path, self.message or f"{name} not satisfied"))
        for value in values:
            for name, value_check in self.value_checks:
                if not value_check(index, value):
                    found.append(
                        Violation(
                            focus,
                            path,
                            self.message or f"{name} not satisfied",
                            value if self.path is not None else None,
                        )
                    )
            for prop in self.properties:
                found.extend(prop.violations(index, value))
        return found


# -- compiling ---------------------------------------------------------------------------------------
def _term(node: Any) -> Term:
    """An rdflib term from the shapes graph as a loader term."""
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        kind = node.datatype or URIRef("http://www.w3.org/2001/XMLSchema#string")
        return ox.Literal(str(node), datatype=ox.NamedNode(str(kind)))
    if isinstance(node, BNode):
        return "_:" + str(node)
    return str(node)


class _Compiler:
    def __init__(self, graph: Graph):
        self.graph = graph
        self.shapes: dict[Any, Shape] = {}

    def items(self, node: Any) -> list[Any]:
        return list(Collection(self.graph, node))

    def shape(self, node: Any) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        g = self.graph
        path = g.value(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise ValueError(f"shape {node}: only predicate paths are supported, not {path}")
        shape = Shape(
            node,
            str(path) if path is not None else None,
            " ".join(str(m) for m in g.objects(node, SH.message)),
        )
        self.shapes[node] = shape
        handled = {SH.path, SH.property, *_TARGETS, *_DESCRIPTIVE}
        for target in _TARGETS:
            shape.targets[str(target)] = [_term(t) for t in g.objects(node, target)]
        shape.properties = [self.shape(p) for p in g.objects(node, SH.property)]
        for predicate, compile_ in self._components().items():
            objects = list(g.objects(node, predicate))
            if objects:
                handled.add(predicate)
                for obj in objects:
                    compile_(shape, node, obj)
        handled |= {
            SH.flags,
            SH.qualifiedMinCount,
            SH.qualifiedMaxCount,
            SH.qualifiedValueShapesDisjoint,
        }
        unknown = {p for p in g.predicates(node) if p not in handled}
        if unknown:
            raise ValueError(
                f"shape {node} uses unsupported SHACL terms: {', '.join(sorted(map(str, unknown)))}"
            )
        shape.finish()
        shape.optional = shape.path is not None and not (
            {SH.minCount, SH.hasValue, SH.qualifiedMinCount, SH.equals} & set(g.predicates(node))
        )
        return shape

    def _components(self) -> dict[URIRef, Callable[[Shape, Any, Any], None]]:
        return {
            SH["class"]: self.c_class,
            SH.datatype: self.c_datatype,
            SH.nodeKind: self.c_node_kind,
            SH.minCount: self.c_min_count,
            SH.maxCount: self.c_max_count,
            SH.minLength: self.c_min_length,
            SH.maxLength: self.c_max_length,
            SH.pattern: self.c_pattern,
            SH.languageIn: self.c_language_in,
            SH.uniqueLang: self.c_unique_lang,
            SH["in"]: self.c_in,
            SH.hasValue: self.c_has_value,
            SH.equals: self.c_equals,
            SH.lessThan: self.c_less_than,
            SH.lessThanOrEquals: self.c_less_than_or_equals,
            SH["not"]: self.c_not,
            SH["and"]: self.c_and,
            SH["or"]: self.c_or,
            SH.xone: self.c_xone,
            SH.node: self.c_node,
            SH.qualifiedValueShape: self.c_qualified,
        }

    # value-node components
    def c_class(self, shape: Shape, node: Any, cls: Any) -> None:
        cls = str(cls)
        shape.value_checks.append(("sh:class", lambda index, v: cls in index.types_of(v)))
        if self._only(node, SH["class"]) and len(list(self.graph.objects(node, SH["class"]))) == 1:
            shape.classes = frozenset({cls})

    def c_datatype(self, shape: Shape, node: Any, kind: Any) -> None:
        kind = str(kind)
        if self._only(node, SH.datatype):
            shape.datatypes = frozenset({kind})
        if kind == LANG_STRING:
            check = lambda index, v: is_literal(v) and bool(v.language)  # noqa: E731
        else:
            check = lambda index, v: is_literal(v) and v.datatype.value == kind and well_formed(v)  # noqa: E731
        shape.value_checks.append(("sh:datatype", check))

    def c_node_kind(self, shape: Shape, _node: Any, kind: Any) -> None:
        allowed = {
            SH.IRI: (is_iri,),
            SH.BlankNode: (is_blank,),
            SH.Literal: (is_literal,),
            SH.BlankNodeOrIRI: (is_blank, is_iri),
            SH.IRIOrLiteral: (is_iri, is_literal),
            SH.BlankNodeOrLiteral: (is_blank, is_literal),
        }[kind]
        shape.value_checks.append(
            ("sh:nodeKind", lambda index, v: any(test(v) for test in allowed))
        )

    def c_min_length(self, shape: Shape, _node: Any, n: Any) -> None:
        n = int(n)
        shape.value_checks.append(
            ("sh:minLength", lambda index, v: not is_blank(v) and len(_text(v)) >= n)
        )

    def c_max_length(self, shape: Shape, _node: Any, n: Any) -> None:
        n = int(n)
        shape.value_checks.append(
            ("sh:maxLength", lambda index, v: not is_blank(v) and len(_text(v)) <= n)
        )

    def c_pattern(self, shape: Shape, node: Any, pattern: Any) -> None:
        flags = str(self.graph.value(node, SH.flags) or "")
        regex = re.compile(
            str(pattern),
            (re.I if "i" in flags else 0)
            | (re.S if "s" in flags else 0)
            | (re.M if "m" in flags else 0)
            | (re.X if "x" in flags else 0),
        )
        shape.value_checks.append(
            ("sh:pattern", lambda index, v: not is_blank(v) and bool(regex.search(_text(v))))
        )

    def c_language_in(self, shape: Shape, _node: Any, ranges: Any) -> None:
        wanted = [str(r).lower() for r in self.items(ranges)]

        def check(index: DataIndex, v: Term) -> bool:
            lang = v.language.lower() if is_literal(v) and v.language else None
            return lang is not None and any(
                lang == r or lang.startswith(r + "-") or r == "*" for r in wanted
            )

        shape.value_checks.append(("sh:languageIn", check))

    def c_in(self, shape: Shape, _node: Any, members: Any) -> None:
        allowed = {_term(m) for m in self.items(members)}
        shape.value_checks.append(("sh:in", lambda index, v: v in allowed))

    def c_not(self, shape: Shape, _node: Any, inner: Any) -> None:
        other = self.shape(inner)
        if other.classes is not None:
            classes = other.classes
            test = lambda index, v: type(v) is not str or classes.isdisjoint(index.types.get(v, ()))  # noqa: E731
            shape.value_checks.append(("sh:not", test))
            return
        shape.value_checks.append(("sh:not", lambda index, v: not other.conforms(index, v)))

    def c_and(self, shape: Shape, _node: Any, members: Any) -> None:
        others = [self.shape(m) for m in self.items(members)]
        shape.value_checks.append(
            ("sh:and", lambda index, v: all(o.conforms(index, v) for o in others))
        )

    def c_or(self, shape: Shape, node: Any, members: Any) -> None:
        others = [self.shape(m) for m in self.items(members)]
        if all(o.classes is not None for o in others):
            classes = frozenset[str]().union(*(o.classes or () for o in others))

            def test(index: Any, v: Any) -> bool:
                return type(v) is str and not classes.isdisjoint(index.types.get(v, ()))

            shape.value_checks.append(("sh:or", test))
            if self._only(node, SH["or"]):
                shape.classes = classes
            return
        if all(o.datatypes is not None for o in others):
            kinds = frozenset[str]().union(*(o.datatypes or () for o in others))
            shape.value_checks.append(("sh:or", lambda index, v: _has_datatype(v, kinds)))
            return
        shape.value_checks.append(
            ("sh:or", lambda index, v: any(o.conforms(index, v) for o in others))
        )

    def _only(self, node: Any, component: URIRef) -> bool:
        """Does the shape have no constraint but `component` (and no path)?"""
        return all(p == component or p in _DESCRIPTIVE for p in self.graph.predicates(node))

    def c_xone(self, shape: Shape, _node: Any, members: Any) -> None:
        others = [self.shape(m) for m in self.items(members)]
        shape.value_checks.append(
            ("sh:xone", lambda index, v: sum(o.conforms(index, v) for o in others) == 1)
        )

    def c_node(self, shape: Shape, _node: Any, inner: Any) -> None:
        other = self.shape(inner)
        shape.value_checks.append(("sh:node", lambda index, v: other.conforms(index, v)))

    # value-set components
    def c_min_count(self, shape: Shape, _node: Any, n: Any) -> None:
        n = shape.min_count = int(n)
        shape.set_checks.append(("sh:minCount", lambda index, focus, values: len(values) >= n))

    def c_max_count(self, shape: Shape, _node: Any, n: Any) -> None:
        n = shape.max_count = int(n)
        shape.set_checks.append(("sh:maxCount", lambda index, focus, values: len(values) <= n))

    def c_unique_lang(self, shape: Shape, _node: Any, flag: Any) -> None:
        if not flag.toPython():
            return

        def check(index: DataIndex, focus: Term, values: Values) -> bool:
            langs = [v.language.lower() for v in values if is_literal(v) and v.language]
            return len(langs) == len(set(langs))

        shape.set_checks.append(("sh:uniqueLang", check))

    def c_has_value(self, shape: Shape, _node: Any, wanted: Any) -> None:
        wanted = _term(wanted)
        shape.set_checks.append(("sh:hasValue", lambda index, focus, values: wanted in values))

    def _compare(self, shape: Shape, name: str, other: Any, ok: Callable[[Any, Any], bool]) -> None:
        other = str(other)

        def check(index: DataIndex, focus: Term, values: Values) -> bool:
            for right in index.objects(focus, other) if type(focus) is str else ():
                for left in values:
                    a, b = _comparable(left), _comparable(right)
                    if a is None or b is None or type(a) is not type(b) or not ok(a, b):
                        return False
            return True

        shape.set_checks.append((name, check))

    def c_equals(self, shape: Shape, _node: Any, other: Any) -> None:
        other = str(other)
        shape.set_checks.append(
            (
                "sh:equals",
                lambda index, focus, values: set(values) == set(index.objects(focus, other)),
            )
        )

    def c_less_than(self, shape: Shape, _node: Any, other: Any) -> None:
        self._compare(shape, "sh:lessThan", other, lambda a, b: a < b)

    def c_less_than_or_equals(self, shape: Shape, _node: Any, other: Any) -> None:
        self._compare(shape, "sh:lessThanOrEquals", other, lambda a, b: a <= b)

    def c_qualified(self, shape: Shape, node: Any, inner: Any) -> None:
        other = self.shape(inner)
        low = self.graph.value(node, SH.qualifiedMinCount)
        high = self.graph.value(node, SH.qualifiedMaxCount)

        def check(index: DataIndex, focus: Term, values: Values) -> bool:
            count = sum(1 for v in values if other.conforms(index, v))
            return (low is None or count >= int(low)) and (high is None or count <= int(high))

        shape.set_checks.append(("sh:qualifiedValueShape", check))


def _has_datatype(value: Term, kinds: frozenset[str]) -> bool:
    if not is_literal(value):
        return False
    if value.language:
        return LANG_STRING in kinds
    return value.datatype.value in kinds and well_formed(value)


def _text(value: Term) -> str:
    return value.value if is_literal(value) else value


def _comparable(value: Term) -> Any:
    return comparable(value) if is_literal(value) else None


# -- running -----------------------------------------------------------------------------------------
@dataclass
class ShapesGraph:
    shapes: list[Shape]
    every: list[Shape] = field(default_factory=list)  # the roots and every nested shape

    def focus_nodes(
        self, shape: Shape, index: DataIndex, by_class: dict[str, list[str]]
    ) -> Iterable[Term]:
        seen: dict[Term, None] = {}
        for cls in shape.targets.get(str(SH.targetClass), []):
            if type(cls) is str:
                seen.update(dict.fromkeys(by_class.get(cls, ())))
        seen.update(dict.fromkeys(shape.targets.get(str(SH.targetNode), [])))
        for predicate in shape.targets.get(str(SH.targetSubjectsOf), []):
            seen.update(dict.fromkeys(s for s, preds in index.values.items() if predicate in preds))
        for predicate in shape.targets.get(str(SH.targetObjectsOf), []):
            if type(predicate) is not str:
                continue
            seen.update(
                dict.fromkeys(
                    o for preds in index.values.values() for o in preds.get(predicate, ())
                )
            )
        return seen

    def validate(self, index: DataIndex) -> list[Violation]:
        by_class: dict[str, list[str]] = {}
        for node, types in index.types.items():
            if node in index.typed_in_data:  # data nodes only, not the ontology's own terms
                for cls in types:
                    by_class.setdefault(cls, []).append(node)
        found: list[Violation] = []
        for shape in self.shapes:
            for focus in self.focus_nodes(shape, index, by_class):
                if not shape.conforms(index, focus):
                    found.extend(shape.violations(index, focus))
        return found


@lru_cache(maxsize=4)
def compile_shapes(path: Path) -> ShapesGraph:
    graph = Graph().parse(path, format="turtle")
    compiler = _Compiler(graph)
    targeted = {s for t in _TARGETS for s in graph.subjects(t, None)}
    roots = sorted(targeted | set(graph.subjects(RDF.type, SH.NodeShape)), key=str)
    shapes = [compiler.shape(node) for node in roots]
    return ShapesGraph(shapes, list(compiler.shapes.values()))
