"""Map validated RDF to a property graph: nodes keyed by IRI, edges carrying sources and evidence.

The mapping is a sum of per-file shares (`Accumulator.scan`, one call per file): what each file
types, states and relates is counted, so the full load and `smekg add` / `smekg remove` (which add
or take out one file's share) compute node and edge properties with the same code from the same
counts (`node_props`, `edge_props`). The counts are kept in the graph as internal properties
(`loaders.provenance`).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from pyoxigraph import Literal
from rdflib import URIRef

from loaders.errors import LoadError, Problem
from loaders.index import DataIndex
from loaders.provenance import NodeProvenance, combine, count_key, extra_key, fact_key
from loaders.sources import SourceSet
from loaders.terms import (
    OBJECT,
    PREDICATE,
    RDFS,
    SKOS,
    SUBJECT,
    TYPE,
    is_iri,
    python_value,
    reifications,
)
from ontology.vocabulary import SMEKG, Vocabulary, local_name, snake_case

SMEKG_NS = str(SMEKG)
PREF_LABEL = SKOS + "prefLabel"
NAME_KEYS = {PREF_LABEL, SKOS + "altLabel", SKOS + "hiddenLabel"}
PROPERTY_KEYS = {
    RDFS + "comment": "description",
    SKOS + "note": "notes",
    SMEKG_NS + "quote": "evidence",
}
IGNORED = {TYPE, SUBJECT, PREDICATE, OBJECT, SKOS + "definition"}
ENTITY_LABEL = "Entity"  # the label every node carries, beside its classes
ARTICLE = SMEKG_NS + "Article"
FOREIGN_PARTNER = SMEKG_NS + "ForeignPartner"
EdgeKey = tuple[str, str, str]  # subject IRI, property IRI, object IRI
_NAME_PROPS = {"name_ko", "name_en", "aliases"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class NodeRow:
    iri: str
    labels: list[str]
    props: dict[str, Any]
    internal: dict[str, Any] = field(default_factory=dict)  # bookkeeping, written but never shown


@dataclass
class EdgeRow:
    source: str
    target: str
    type: str
    props: dict[str, Any]
    internal: dict[str, Any] = field(default_factory=dict)


@dataclass
class PropertyGraph:
    nodes: dict[str, NodeRow] = field(default_factory=dict)
    edges: list[EdgeRow] = field(default_factory=list)
    date_keys: set[str] = field(default_factory=set)  # property keys that hold xsd:date values
    version: str = ""  # combined digest of the files (loaders.provenance.combine)


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
class Terms:
    """The vocabulary as plain strings, with the key each literal property is stored under."""

    vocab: Vocabulary
    edge_types: dict[str, str]
    scalar_keys: set[str]
    date_keys: set[str]
    scalar_predicates: set[str]
    keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, vocab: Vocabulary) -> Terms:
        scalar = {"name_ko", "name_en", "type", "article_id"} | {
            snake_case(local_name(p)) for p in vocab.functional
        }
        return cls(
            vocab,
            {str(p): t for p, t in vocab.edge_types.items()},
            scalar,
            {snake_case(local_name(p)) for p in vocab.date_properties},
            {str(p) for p in vocab.functional} | {PREF_LABEL},
        )

    def key(self, predicate: str) -> str:
        key = self.keys.get(predicate)
        if key is None:
            key = self.keys[predicate] = PROPERTY_KEYS.get(predicate) or snake_case(
                local_name(predicate)
            )
        return key

    def literal_key(self, predicate: str, literal: Literal) -> str | None:
        """The node property a literal is stored under (None: not stored)."""
        if predicate == PREF_LABEL and literal.language in ("ko", "en"):
            return f"name_{literal.language}"
        if predicate in NAME_KEYS:
            return "aliases"
        if predicate in PROPERTY_KEYS or predicate.startswith(SMEKG_NS):
            return self.key(predicate)
        return None

    def literal_value(self, key: str, literal: Literal) -> Any:
        """The value a literal is stored as under `key`: names as NFC text, others typed."""
        return nfc(literal.value) if key in _NAME_PROPS else _value(literal)

    def qualifier_key(self, predicate: str) -> str:
        key = self.key(predicate)
        return "roles" if key == "role" else key

    def edge_type_of(self, predicate: str) -> str:
        return self.edge_types[predicate]


class EdgeShare:
    """What the sources state about one relationship: the articles, and each value with its count."""

    __slots__ = ("sources", "values")

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.values: dict[str, dict[Any, int]] = {}


@dataclass
class Accumulator:
    """Counts, over the files scanned, what each states: types, literals, mentions, relationships."""

    terms: Terms
    # plain dicts while scanning (a Counter's missing key costs a Python-level call per triple)
    types: dict[str, dict[str, int]] = field(default_factory=dict)
    facts: dict[str, dict[tuple[str, Literal], int]] = field(default_factory=dict)
    mentions: dict[str, list[str]] = field(default_factory=dict)  # node -> article ids
    edges: dict[EdgeKey, EdgeShare] = field(default_factory=dict)
    files: dict[str, tuple[str, str]] = field(default_factory=dict)  # article IRI -> file, digest
    conflicts: list[Problem] = field(default_factory=list)
    _scalars: dict[tuple[Any, ...], dict[Any, str]] = field(default_factory=dict)

    def scan(
        self,
        name: str,
        triples: list[tuple[Any, ...]],
        entities: Collection[str],
        *,
        article: bool,
        file: str,
        digest: str = "",
        shown: str = "",
    ) -> None:
        """Add one file's share; `entities` are the IRIs that are nodes of the property graph.
        `file` is the file's name (kept for article nodes), `shown` how problems name it."""
        terms = self.terms
        edge_types, scalar_predicates = terms.edge_types, terms.scalar_predicates
        source = article_id(name) if article else None
        mentioned: dict[str, None] = {}
        asserted: set[EdgeKey] = set()
        all_types, all_facts = self.types, self.facts
        for s, p, o in triples:
            if s in entities:
                if source:
                    mentioned[s] = None
                if p == TYPE:
                    if type(o) is str:
                        counts = all_types.get(s)
                        if counts is None:
                            all_types[s] = {o: 1}
                        else:
                            counts[o] = counts.get(o, 0) + 1
                elif type(o) is Literal:
                    facts = all_facts.get(s)
                    fact = (p, o)
                    if facts is None:
                        all_facts[s] = {fact: 1}
                    else:
                        facts[fact] = facts.get(fact, 0) + 1
                    if p in scalar_predicates:
                        key = terms.literal_key(p, o)
                        if key in terms.scalar_keys:
                            value = terms.literal_value(key, o)
                            self._scalar((s, key), value, shown or file, s, key)
            if source and type(o) is str and o in entities:
                mentioned[o] = None
                if p in edge_types and s in entities:
                    asserted.add((s, p, o))
        if not source:
            return
        for node in mentioned:
            self.mentions.setdefault(node, []).append(source)
        self.files[name] = (file, digest)
        shares: dict[EdgeKey, dict[str, dict[Any, None]]] = {edge: {} for edge in asserted}
        for _node, (parts, qualifiers) in reifications(triples).items():
            stated = shares.get(cast(EdgeKey, (parts[0], parts[1], parts[2])))
            if stated is None:
                continue
            for q, v in qualifiers:
                if q in IGNORED:
                    continue
                stated.setdefault(terms.qualifier_key(q), {})[
                    _value(v) if type(v) is Literal else v
                ] = None
        for edge, stated in shares.items():
            share = self.edges.get(edge)
            if share is None:
                share = self.edges[edge] = EdgeShare()
            share.sources.append(source)
            for qualifier, items in stated.items():
                tally = share.values.setdefault(qualifier, {})
                for item in items:
                    tally[item] = tally.get(item, 0) + 1
                    if qualifier in terms.scalar_keys:
                        self._scalar(
                            (edge, qualifier), item, shown or file, edge[0], qualifier, edge
                        )

    def _scalar(
        self,
        where: tuple[Any, ...],
        value: Any,
        file: str,
        focus: str,
        key: str,
        edge: EdgeKey | None = None,
    ) -> None:
        """A single-valued property may hold one value; a second one is a conflict naming both files."""
        seen = self._scalars.get(where)
        if seen is None:
            self._scalars[where] = {value: file}
            return
        if value in seen:
            return
        first_value, first_file = next(iter(seen.items()))
        seen[value] = file
        what = (
            f"the relationship {local_name(edge[1])} to <{edge[2]}>"
            if edge
            else "this single-valued property"
        )
        self.conflicts.append(
            Problem(
                file,
                f"two values for {what}: {first_value!r} in {first_file} and {value!r} in {file}; "
                "keep one (or record the doubt with smekg:ambiguity)",
                focus=focus,
                field=key,
            )
        )

    # -- the property graph ----------------------------------------------------------------------
    def node_provenance(self, iri: str) -> NodeProvenance:
        prov = NodeProvenance(
            Counter(self.types.get(iri, {})),
            Counter({fact_key(p, o): n for (p, o), n in self.facts.get(iri, {}).items()}),
        )
        if iri in self.files:
            prov.file, prov.digest = self.files[iri]
        return prov

    def finish(self, entities: Iterable[str]) -> PropertyGraph:
        terms = self.terms
        pg = PropertyGraph(date_keys=terms.date_keys)
        provenance = {iri: self.node_provenance(iri) for iri in sorted(entities)}
        for (s, p, o), _share in self.edges.items():
            provenance[s].out[p] += 1
            provenance[o].into[p] += 1
        for iri, prov in provenance.items():
            labels, props = node_props(
                iri, prov.live_types(), self.facts.get(iri, {}).keys(), terms
            )
            articles = self.mentions.get(iri)
            if articles:
                props["sources"] = sorted(articles)
            pg.nodes[iri] = NodeRow(iri, labels, props, {"_prov": prov.to_json()})
        for (s, p, o), share in sorted(self.edges.items()):
            props, internal = edge_props(share.sources, share.values, terms)
            pg.edges.append(EdgeRow(s, o, terms.edge_types[p], props, internal))
        return pg


def node_props(
    iri: str, types: set[str], facts: Iterable[tuple[str, Literal]], terms: Terms
) -> tuple[list[str], dict[str, Any]]:
    """Labels and properties (without `sources`) of an entity from its direct types and literals."""
    vocab = terms.vocab
    collector = _Collector()
    for predicate, literal in facts:
        if predicate in IGNORED:
            continue
        key = terms.literal_key(predicate, literal)
        if key is not None:
            collector.add(key, terms.literal_value(key, literal))
    props = collector.finish(terms.scalar_keys)
    uris = {URIRef(t) for t in types}
    props["type"] = _main_type(uris, vocab)
    if URIRef(ARTICLE) in uris:
        props["article_id"] = local_name(iri)
    if "name_ko" not in props and "name_en" not in props:
        _name_from_text(props)
    props["search_text"] = _search_text(props)
    return [ENTITY_LABEL, *vocab.labels_for(uris)], props


def edge_props(
    sources: Iterable[str], values: dict[str, dict[Any, int]], terms: Terms
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A relationship's properties (sources, evidence, qualifiers) and its per-value counts: a
    single-valued qualifier's count in `_n_<key>`, a list's values stated more than once in
    `_d_<key>` (once per extra source, sorted)."""
    props: dict[str, Any] = {"sources": sorted(set(sources))}
    internal: dict[str, Any] = {}
    for key, counts in values.items():
        live = {v: n for v, n in counts.items() if n > 0}
        if not live:
            continue
        if key in terms.scalar_keys:
            value, count = next(iter(live.items()))
            props[key] = value
            if count > 1:
                internal[count_key(key)] = count
            continue
        ordered = sorted(live, key=str) if len(live) > 1 else list(live)
        props[key] = ordered
        extra = [v for v in ordered for _ in range(live[v] - 1)]
        if extra:
            internal[extra_key(key)] = extra
    return props, internal


def entity_set(index: DataIndex, vocab: Vocabulary) -> set[str]:
    """The IRIs that become nodes: those the data types, unless typed as an evidence (reification) node."""
    entities = set()
    for s, preds in index.values.items():
        types = preds.get(TYPE)
        if types and is_iri(s):
            uris = {URIRef(t) for t in types if type(t) is str}
            if not vocab.is_reification(uris):
                entities.add(s)
    return entities


def to_property_graph(sources: SourceSet, index: DataIndex, vocab: Vocabulary) -> PropertyGraph:
    """The whole property graph; raises LoadError when a single-valued property gets two values."""
    terms = Terms.of(vocab)
    entities = entity_set(index, vocab)
    acc = Accumulator(terms)
    for name, triples in sources.graphs():
        path = sources.files.get(name)
        acc.scan(
            name,
            triples,
            entities,
            article=name in sources.article_graphs,
            file=path.name if path else name,
            digest=sources.digests.get(name, ""),
            shown=str(path) if path else name,
        )
    if acc.conflicts:
        raise LoadError(acc.conflicts)
    pg = acc.finish(entities)
    pg.version = combine(sources.digests.values())
    return pg


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
