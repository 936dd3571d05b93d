"""Checks that make every article's share of the graph independent of the other files.

An IRI an article uses (as a subject, or as the object of a statement other than `rdf:type` and
`rdf:predicate`) must be an entity: typed in some file. Otherwise a full load would silently drop
the relationships to it, and whether they appear would depend on which other files are loaded —
which an incremental `smekg add` / `smekg remove` could not reproduce. (Single-valued properties
with two values are found while mapping: `loaders.mapping.Accumulator`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loaders.errors import Problem
from loaders.index import DataIndex, Ontology
from loaders.sources import SourceSet
from loaders.terms import PREDICATE, TYPE, is_iri

UNTYPED = (
    "refers to <{iri}>, which no file types: give it a type (e.g. `a smekg:Person`) here or in "
    "data/entities.ttl, or check the IRI for typos"
)


def reference_candidates(triples: Sequence[tuple[Any, str, Any]]) -> dict[str, str]:
    """The IRIs a graph refers to as things, each with the first property it is used with."""
    found: dict[str, str] = {}
    previous = None
    for s, p, o in triples:
        if s is not previous:
            previous = s
            if type(s) is str and is_iri(s) and s not in found:
                found[s] = p
        if p in (TYPE, PREDICATE):
            continue
        if type(o) is str and is_iri(o) and o not in found:
            found[o] = p
    return found


def check_references(sources: SourceSet, index: DataIndex, ontology: Ontology) -> list[Problem]:
    """Every IRI a file uses as a thing is typed in some file (or is a term of the ontology)."""
    problems = []
    verdicts: dict[str, bool] = {}
    for name, triples in sources.graphs():
        for iri, predicate in reference_candidates(triples).items():
            ok = verdicts.get(iri)
            if ok is None:
                ok = verdicts[iri] = iri in ontology.term_types or bool(
                    index.values.get(iri, {}).get(TYPE)
                )
            if not ok:
                problems.append(
                    Problem(
                        str(sources.files[name]),
                        UNTYPED.format(iri=iri),
                        focus=iri,
                        field=predicate,
                    )
                )
    return problems
