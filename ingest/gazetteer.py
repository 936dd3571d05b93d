"""What the graph already knows: entities with their names, types, dates and posts, read from the curated
RDF files (data/) or from a loaded store. Organisation names and aliases form the gazetteer."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ingest.hangul import nfc, squash
from ontology.vocabulary import SMEKG, load_vocabulary, local_name


@dataclass
class Known:
    """An existing entity: IRI, types (with superclasses), names, and the facts resolution needs."""

    iri: str
    types: set[str] = field(default_factory=set)
    name_ko: str | None = None
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    start_date: dt.date | None = None
    edition: int | None = None
    amount: int | None = None
    posts: set[str] = field(default_factory=set)  # person → posts held
    post_in: set[str] = field(default_factory=set)  # post → organisations
    series: set[str] = field(default_factory=set)  # event → series
    text: str | None = None  # statement text
    links: dict[str, set[str]] = field(default_factory=dict)  # relationship (local name) → targets
    literals: dict[str, set[str]] = field(
        default_factory=dict
    )  # smekg literal property → lexical values
    batch: str = ""  # the article of this run that introduced it ("" for the curated graph)

    @property
    def names(self) -> list[str]:
        return [n for n in [self.name_ko, *self.aliases, self.name_en] if n]

    def is_a(self, *types: str) -> bool:
        return any(t in self.types for t in types)


@dataclass
class GraphIndex:
    entities: dict[str, Known] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add_name(self, iri: str, name: str) -> None:
        if name and name.strip():
            self.by_name[squash(name).lower()].add(iri)

    def named(self, name: str, *types: str) -> list[Known]:
        """Entities with this name or alias (spacing and case ignored), optionally of one of `types`."""
        found = [self.entities[i] for i in sorted(self.by_name.get(squash(name).lower(), ()))]
        return [k for k in found if not types or k.is_a(*types)]

    def of_type(self, *types: str) -> list[Known]:
        return [k for k in self.entities.values() if k.is_a(*types)]

    def org_names(self) -> list[tuple[str, str]]:
        """(name, IRI) for every organisation name and alias, longest first: the gazetteer."""
        pairs = {(n, k.iri) for k in self.of_type("Organization") for n in k.names}
        return sorted(pairs, key=lambda p: (-len(squash(p[0])), p[0]))

    def post_org(self, post_iri: str) -> set[str]:
        known = self.entities.get(post_iri)
        return set(known.post_in) if known else set()

    def copy(self) -> GraphIndex:
        """An independent copy (the entities of a batch are added to it, never to the original)."""
        out = GraphIndex()
        for iri, known in self.entities.items():
            out.entities[iri] = Known(
                known.iri,
                set(known.types),
                known.name_ko,
                known.name_en,
                list(known.aliases),
                known.start_date,
                known.edition,
                known.amount,
                set(known.posts),
                set(known.post_in),
                set(known.series),
                known.text,
                {k: set(v) for k, v in known.links.items()},
                {k: set(v) for k, v in known.literals.items()},
                known.batch,
            )
        for name, iris in self.by_name.items():
            out.by_name[name] = set(iris)
        return out


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def from_graph(graph: Graph) -> GraphIndex:
    """Index a union graph of curated RDF (entities.ttl and article graphs)."""
    vocab = load_vocabulary()
    index = GraphIndex()
    for s, o in graph.subject_objects(RDF.type):
        if not isinstance(s, URIRef) or not isinstance(o, URIRef):
            continue
        if o not in vocab.classes or vocab.is_reification({o}):
            continue
        known = index.entities.setdefault(str(s), Known(str(s)))
        known.types.add(local_name(o))
        known.types.update(local_name(c) for c in vocab.superclasses.get(o, frozenset()))
    for iri, known in index.entities.items():
        node = URIRef(iri)
        for p, o in graph.predicate_objects(node):
            if isinstance(o, Literal):
                value = nfc(str(o))
                if str(p).startswith(str(SMEKG)):
                    known.literals.setdefault(local_name(str(p)), set()).add(value)
                if p == SKOS.prefLabel and o.language == "ko":
                    known.name_ko = known.name_ko or value
                elif p == SKOS.prefLabel and o.language == "en":
                    known.name_en = known.name_en or value
                elif p in (SKOS.altLabel, SKOS.hiddenLabel) and value not in known.aliases:
                    known.aliases.append(value)
                elif p == SMEKG.startDate:
                    known.start_date = _date(o.toPython())
                elif p == SMEKG.edition:
                    known.edition = int(o.toPython())
                elif p == SMEKG.amount:
                    known.amount = int(o.toPython())
                elif p == SMEKG.text:
                    known.text = value
            elif isinstance(o, URIRef) and str(p).startswith(str(SMEKG)):
                known.links.setdefault(local_name(str(p)), set()).add(str(o))
            if p == SMEKG.holdsPost:
                known.posts.add(str(o))
            elif p == SMEKG.postIn:
                known.post_in.add(str(o))
            elif p == SMEKG.partOfSeries:
                known.series.add(str(o))
        for name in known.names:
            index.add_name(iri, name)
    return index


def from_files(files: list[Path]) -> GraphIndex:
    """Index the given curated files (entities.ttl, articles/*.trig) without validating them."""
    from loaders.sources import read_sources

    return from_graph(read_sources([Path(f).resolve() for f in files]).union())


def from_store(store: Any) -> GraphIndex:
    """Index a loaded store (FalkorDB or Neo4j) through the JSON export."""
    from services.export.records import iter_edges, iter_nodes

    index = GraphIndex()
    for node in iter_nodes(store):
        known = Known(
            node["iri"],
            set(node.get("labels") or []) - {"Entity"},
            node.get("name_ko"),
            node.get("name_en"),
            list(node.get("aliases") or []),
            _date(node["start_date"]) if node.get("start_date") else None,
            node.get("edition"),
            node.get("amount"),
            text=(node.get("text") or [None])[0]
            if isinstance(node.get("text"), list)
            else node.get("text"),
        )
        index.entities[known.iri] = known
        for key, value in node.items():
            if (
                key not in ("iri", "labels", "name_ko", "name_en", "aliases", "sources", "type")
                and value is not None
            ):
                camel = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), key)
                values = value if isinstance(value, list) else [value]
                known.literals[camel] = {str(v) for v in values}
        for name in known.names:
            index.add_name(known.iri, name)
    for edge in iter_edges(store):
        source = index.entities.get(edge["source"])
        if source is None:
            continue
        name = {
            "HOLDS_POST": "holdsPost",
            "POST_IN": "postIn",
            "PART_OF_SERIES": "partOfSeries",
            "PARTY": "party",
            "SPEAKER": "speaker",
        }.get(edge["type"], edge["type"].lower())
        source.links.setdefault(name, set()).add(edge["target"])
        if edge["type"] == "HOLDS_POST":
            source.posts.add(edge["target"])
        elif edge["type"] == "POST_IN":
            source.post_in.add(edge["target"])
        elif edge["type"] == "PART_OF_SERIES":
            source.series.add(edge["target"])
    return index
