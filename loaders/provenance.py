"""Who states what: the bookkeeping that lets one article's share of the graph be taken out again.

Every stored node carries `_prov`, a JSON text of what the sources (data files) state about it, with
how many sources state each thing: its direct types, its literal facts (the RDF literal, so that
SHACL can be run again on the node's state), the relationships it has per type in each direction,
and for an article node the file it came from and that file's digest. A relationship carries,
beside each multi-valued property, the values more than one source states, once per extra source
(`_d_roles` beside `roles`, sorted; absent when every value has one source), and beside each
single-valued qualifier the number of sources stating it (`_n_start_date`, absent when one).
Internal properties start with `_`: exports and the API leave them out.

The full loader writes this bookkeeping and `smekg add` / `smekg remove` maintain it; both produce
the same text for the same files (keys sorted), so an incremental graph can be compared with a full
load property by property.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pyoxigraph import Literal, NamedNode

from loaders.terms import RDF, RDFS, SKOS, XSD

SMEKG_NS = "https://smekg.org/ontology#"
INTERNAL_PREFIX = "_"
PROVENANCE_KEY = "_prov"
COUNT_PREFIX = "_n_"  # single-valued qualifier: how many sources state it (when more than one)
EXTRA_PREFIX = "_d_"  # multi-valued property: its values once more per extra source stating them
FORMAT = 2  # GraphInfo.provenance: the bookkeeping format the graph was written with
_PREFIXES = (
    (SMEKG_NS, "smekg:"),
    (SKOS, "skos:"),
    (RDFS, "rdfs:"),
    (XSD, "xsd:"),
    (RDF, "rdf:"),
)
_SEP = "\x1f"  # unit separator: never in an IRI, a language tag or (in practice) a literal


def is_internal(key: str) -> bool:
    """Bookkeeping properties (`_prov`, `_n_evidence`…): never exported or shown."""
    return key.startswith(INTERNAL_PREFIX)


def count_key(key: str) -> str:
    return COUNT_PREFIX + key


def extra_key(key: str) -> str:
    return EXTRA_PREFIX + key


# -- file digests and graph versions --------------------------------------------------------------
def file_digest(name: str, raw: bytes) -> str:
    """64 bits of SHA-256 over a data file's name and bytes, in hex."""
    return hashlib.sha256(name.encode("utf-8") + b"\0" + raw).hexdigest()[:16]


def combine(digests: list[str] | Any) -> str:
    """The graph version: the exclusive or of the files' digests. Adding or removing a file changes
    it by that file's digest alone, so a change can compute the new version without the other files."""
    value = 0
    for digest in digests:
        value ^= int(digest, 16)
    return f"{value:016x}"


# -- compact IRIs ---------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def compact(iri: str) -> str:
    for namespace, prefix in _PREFIXES:
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


@lru_cache(maxsize=4096)
def expand(text: str) -> str:
    for namespace, prefix in _PREFIXES:
        if text.startswith(prefix):
            return namespace + text[len(prefix) :]
    return text


def fact_key(predicate: str, literal: Literal) -> str:
    """A literal statement about a node as text: predicate, lexical form, language, datatype."""
    return _SEP.join(
        (
            compact(predicate),
            literal.value,
            literal.language or "",
            "" if literal.language else compact(literal.datatype.value),
        )
    )


def fact_of(key: str) -> tuple[str, Literal]:
    predicate, value, language, datatype = key.split(_SEP)
    if language:
        return expand(predicate), Literal(value, language=language)
    return expand(predicate), Literal(value, datatype=NamedNode(expand(datatype)))


@dataclass
class NodeProvenance:
    """How many sources state each type and literal of a node, and how many relationships it has."""

    types: Counter[str] = field(default_factory=Counter)  # class IRI -> sources typing the node
    facts: Counter[str] = field(default_factory=Counter)  # fact_key -> sources stating it
    out: Counter[str] = field(default_factory=Counter)  # property IRI -> relationships from it
    into: Counter[str] = field(default_factory=Counter)  # property IRI -> relationships to it
    file: str | None = None  # an article node: its file in data/articles
    digest: str | None = None  # … and that file's digest when it was loaded

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "t": {compact(k): v for k, v in self.types.items() if v > 0},
            "l": {k: v for k, v in self.facts.items() if v > 0},
            "o": {compact(k): v for k, v in self.out.items() if v > 0},
            "i": {compact(k): v for k, v in self.into.items() if v > 0},
        }
        if self.file is not None:
            data["f"] = [self.file, self.digest]
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> NodeProvenance:
        if not text:
            return cls()
        data = json.loads(text)
        file, digest = data.get("f") or (None, None)
        return cls(
            Counter({expand(k): v for k, v in data.get("t", {}).items()}),
            Counter(data.get("l", {})),
            Counter({expand(k): v for k, v in data.get("o", {}).items()}),
            Counter({expand(k): v for k, v in data.get("i", {}).items()}),
            file,
            digest,
        )

    def copy(self) -> NodeProvenance:
        return NodeProvenance(
            Counter(self.types),
            Counter(self.facts),
            Counter(self.out),
            Counter(self.into),
            self.file,
            self.digest,
        )

    def live_types(self) -> set[str]:
        return {t for t, n in self.types.items() if n > 0}

    def live_facts(self) -> list[tuple[str, Literal]]:
        return [fact_of(k) for k, n in sorted(self.facts.items()) if n > 0]
