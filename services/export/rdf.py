"""RDF exports of the stored graph that keep everything: TriG, Turtle and JSON-LD.

The property graph is written back in the curated layout (docs/modelling.md): every article is a
named graph holding the entities it mentions (types, names, literal properties) and the
relationships it is a source of, each asserted as a plain triple *and* reified (`smekg:Holding`,
`smekg:Participation`, `smekg:Membership` or `smekg:Assertion`) with its verbatim quotes and its
qualifiers (`role`, `asOf`, `startDate`, `endDate`, `acting`, `note`, `ambiguity`…). Entities no
article mentions go to the default graph. `write_data_folder` lays a TriG export out as a data
folder (`entities.ttl` + `articles/<id>.trig`) that `smekg load` takes back to the same graph.

The property graph does not record which article gave which quote of a relationship with several
sources; where the articles' texts are stored (`data/texts/`), each article's graph gets the quotes
found in its text, otherwise all of them. Turtle has no named graphs: there every reification also
says `prov:wasDerivedFrom` its article and `art:… smekg:mentions` links each article to what it
mentions, so `turtle_to_graphs` can split a Turtle export back into the articles' graphs.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from graph.store import GraphStore
from ontology.vocabulary import ART, ID, SMEKG, Vocabulary, load_vocabulary, local_name, snake_case
from services.export.records import iter_edges, iter_nodes
from services.texts import read_text

PROV = Namespace("http://www.w3.org/ns/prov#")
PREFIXES = {
    "smekg": SMEKG,
    "id": ID,
    "art": ART,
    "skos": SKOS,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
    "prov": PROV,
}
NODE_SKIP = {"iri", "labels", "name_ko", "name_en", "aliases", "type", "sources", "article_id"}
EDGE_SKIP = {"sources", "evidence"}
SPECIAL_KEYS = {  # property-graph keys that are not smekg:<camelCase> (loaders/mapping.py)
    "description": RDFS.comment,
    "notes": SKOS.note,
    "evidence": SMEKG.quote,
    "roles": SMEKG.role,
}
_ASSERTION_OF = re.compile(r"An Assertion of smekg:(\w+)")


@dataclass
class _Terms:
    """What the export needs to know about the ontology's terms."""

    classes: dict[str, URIRef]
    superclasses: dict[str, set[str]]
    predicates: dict[str, URIRef]
    ranges: dict[URIRef, URIRef]
    reification: dict[URIRef, URIRef]
    edge_properties: dict[str, URIRef] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _terms() -> _Terms:
    vocab: Vocabulary = load_vocabulary()
    graph = vocab.graph
    classes = {info.name: iri for iri, info in vocab.classes.items()}
    superclasses = {
        info.name: {vocab.classes[s].name for s in vocab.superclasses.get(iri, ())}
        for iri, info in vocab.classes.items()
    }
    predicates: dict[str, URIRef] = {}
    kinds = (OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.ObjectProperty, RDF.Property)
    for kind in kinds:
        for prop in graph.subjects(RDF.type, kind):
            if isinstance(prop, URIRef) and str(prop).startswith(str(SMEKG)):
                predicates.setdefault(snake_case(local_name(prop)), prop)
    predicates.update(SPECIAL_KEYS)
    ranges = {
        p: r
        for p, r in graph.subject_objects(RDFS.range)
        if isinstance(p, URIRef) and isinstance(r, URIRef) and str(r).startswith(str(XSD))
    }
    reification: dict[URIRef, URIRef] = {}
    for iri in vocab.classes:
        if SMEKG.Assertion in vocab.superclasses.get(iri, ()):
            for definition in graph.objects(iri, SKOS.definition):
                match = _ASSERTION_OF.search(str(definition))
                if match:
                    reification[SMEKG[match.group(1)]] = iri
    edge_properties = {t: p for p, t in vocab.edge_types.items()}
    return _Terms(classes, superclasses, predicates, ranges, reification, edge_properties)


def _hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def _literal(predicate: URIRef, value: Any, terms: _Terms) -> Literal:
    """A literal of the predicate's declared datatype (dates, integers, decimals, booleans)."""
    datatype = terms.ranges.get(predicate)
    if isinstance(value, bool):
        return Literal(value)
    if datatype in (XSD.date, XSD.dateTime) and isinstance(value, str):
        return Literal(value, datatype=datatype)
    if datatype == XSD.decimal and isinstance(value, (int, float)):
        return Literal(Decimal(repr(value)), datatype=XSD.decimal)
    if datatype == XSD.integer and isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(value)


def _types(labels: list[str], terms: _Terms) -> list[URIRef]:
    """The most specific classes among a node's labels (superclasses are implied by the ontology)."""
    known = [label for label in labels if label in terms.classes]
    implied = set().union(*(terms.superclasses.get(label, set()) for label in known))
    return [terms.classes[label] for label in sorted(known) if label not in implied]


def _derived_name(node: dict[str, Any]) -> bool:
    """Articles and statements are named by the loader (headline, start of the text), not in the data."""
    name = node.get("name_ko")
    if node.get("name_en") is not None or not name:
        return False
    headline = node.get("headline")
    if headline and name == (headline if isinstance(headline, str) else headline[0]):
        return True
    texts = node.get("text") or []
    return bool(texts) and name == _excerpt(texts[0])


def _excerpt(text: str, length: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"


def _node_triples(node: dict[str, Any], terms: _Terms) -> list[tuple[Node, Node, Node]]:
    subject = URIRef(node["iri"])
    out: list[tuple[Node, Node, Node]] = [
        (subject, RDF.type, cls) for cls in _types(node["labels"], terms)
    ]
    if not _derived_name(node):
        for lang in ("ko", "en"):
            if node.get(f"name_{lang}"):
                out.append((subject, SKOS.prefLabel, Literal(node[f"name_{lang}"], lang=lang)))
    for alias in node.get("aliases") or []:
        out.append((subject, SKOS.altLabel, Literal(alias)))
    for key, value in node.items():
        predicate = terms.predicates.get(key)
        if key in NODE_SKIP or predicate is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                out.append((subject, predicate, _literal(predicate, item, terms)))
    return out


def _reified(
    edge: dict[str, Any], prop: URIRef, quotes: list[str], article: str | None, terms: _Terms
) -> list[tuple[Node, Node, Node]]:
    s, o = URIRef(edge["source"]), URIRef(edge["target"])
    key = "|".join([edge["source"], str(prop), edge["target"], article or ""])
    note = BNode("r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])
    out: list[tuple[Node, Node, Node]] = [
        (note, RDF.type, terms.reification.get(prop, SMEKG.Assertion)),
        (note, RDF.subject, s),
        (note, RDF.predicate, prop),
        (note, RDF.object, o),
    ]
    out += [(note, SMEKG.quote, Literal(q)) for q in quotes]
    for key_, value in edge.items():
        predicate = terms.predicates.get(key_)
        if key_ in EDGE_SKIP or key_ in ("source", "target", "type") or predicate is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                out.append((note, predicate, _literal(predicate, item, terms)))
    return out


def _quotes_by_article(
    edge: dict[str, Any], texts: dict[str, str | None]
) -> dict[str | None, list[str]]:
    """Each source article's quotes: those found in its stored text, else all of the edge's quotes."""
    quotes = list(edge.get("evidence") or [])
    sources = list(edge.get("sources") or [])
    if not sources:
        return {None: quotes}
    out: dict[str | None, list[str]] = {}
    for article in sources:
        text = texts.get(article)
        mine = [q for q in quotes if text is not None and q in text]
        out[article] = mine or quotes
    return out


def build_dataset(store: GraphStore, data_dir: Path | None = None) -> Dataset:
    """The stored graph as an RDF dataset: one named graph per article, the rest in the default graph."""
    terms = _terms()
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    default = dataset.default_graph
    nodes = list(iter_nodes(store))
    articles = sorted({a for n in nodes for a in n.get("sources") or []})
    texts = {a: read_text(data_dir, a) if data_dir else None for a in articles}
    graphs: dict[str | None, Graph] = {None: default}
    for article in articles:
        graphs[article] = dataset.graph(ART[article])
    for node in nodes:
        triples = _node_triples(node, terms)
        for article in node.get("sources") or [None]:
            target = graphs.setdefault(article, dataset.graph(ART[article]) if article else default)
            for triple in triples:
                target.add(triple)
    for edge in iter_edges(store):
        prop = terms.edge_properties.get(edge["type"])
        if prop is None:
            continue
        plain = (URIRef(edge["source"]), prop, URIRef(edge["target"]))
        for article, quotes in _quotes_by_article(edge, texts).items():
            target = graphs.setdefault(article, dataset.graph(ART[article]) if article else default)
            target.add(plain)
            for triple in _reified(edge, prop, quotes, article, terms):
                target.add(triple)
    return dataset


def export_trig(store: GraphStore, data_dir: Path | None = None) -> str:
    """TriG: the articles' named graphs and the default graph, as the curated data lays them out."""
    return trig_text(dataset_graphs(build_dataset(store, data_dir)))


def _turtle_body(graph: Graph) -> str:
    """A graph's Turtle without its @prefix lines (rdflib orders subjects, so the text is stable)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    lines = graph.serialize(format="turtle").splitlines()
    return "\n".join(line for line in lines if not line.startswith("@prefix")).strip()


def trig_text(graphs: dict[str | None, Graph]) -> str:
    """TriG with the prefixes once, the default graph, then the named graphs in article order: the same
    graph gives the same text (rdflib's own TriG writer orders graphs at random)."""
    parts = [
        "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items())
    ]
    default = graphs.get(None)
    if default is not None and len(default):
        parts.append(_turtle_body(default) + "\n")
    for name in sorted(n for n in graphs if n is not None):
        # Not indented: a literal may span lines ("""…"""), and indenting would change it.
        parts.append(f"art:{name} {{\n{_turtle_body(graphs[name])}\n}}\n")
    return "\n".join(parts)


def flatten(dataset: Dataset) -> Graph:
    """One graph: every triple, plus the provenance the graph names carried (wasDerivedFrom, mentions)."""
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        out.add((s, p, o))
        name = getattr(g, "identifier", g)
        if not isinstance(name, URIRef) or not str(name).startswith(str(ART)):
            continue
        if p == RDF.subject:
            out.add((s, PROV.wasDerivedFrom, name))
        elif isinstance(s, URIRef) and s != name:
            out.add((name, SMEKG.mentions, s))
        entity = isinstance(o, URIRef) and not str(o).startswith(str(SMEKG))
        if entity and p not in (RDF.type, RDF.predicate) and o != name:
            out.add((name, SMEKG.mentions, o))
    return out


def export_turtle(store: GraphStore, data_dir: Path | None = None) -> str:
    """Turtle: the TriG export's triples in one graph, each reification with `prov:wasDerivedFrom`
    its article and each article's `smekg:mentions` (what the named graphs say in TriG)."""
    return flatten(build_dataset(store, data_dir)).serialize(format="turtle")


JSONLD_CONTEXT = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    "name_ko": {"@id": "skos:prefLabel", "@language": "ko"},
    "name_en": {"@id": "skos:prefLabel", "@language": "en"},
}


def export_jsonld(store: GraphStore, data_dir: Path | None = None) -> str:
    """JSON-LD: the same dataset (one `@graph` per article), compacted with the project's prefixes."""
    return build_dataset(store, data_dir).serialize(
        format="json-ld", context=JSONLD_CONTEXT, indent=1, auto_compact=True
    )


def turtle_to_graphs(text: str) -> dict[str | None, Graph]:
    """Split a Turtle export back into the articles' graphs (by `prov:wasDerivedFrom` and
    `smekg:mentions`) and the default graph, without the provenance triples themselves."""
    flat = Graph().parse(data=text, format="turtle")
    derived: dict[Node, set[str]] = defaultdict(set)
    mentioned: dict[Node, set[str]] = defaultdict(set)
    articles: set[str] = set()
    for note, article in flat.subject_objects(PROV.wasDerivedFrom):
        derived[note].add(local_name(str(article)))
    for article, entity in flat.subject_objects(SMEKG.mentions):
        mentioned[entity].add(local_name(str(article)))
        articles.add(local_name(str(article)))
    for s in flat.subjects(RDF.type, SMEKG.Article):
        articles.add(local_name(str(s)))
        mentioned[s].add(local_name(str(s)))
    asserted: dict[tuple[Node, Node, Node], set[str]] = defaultdict(set)
    for note, names in derived.items():
        key = (
            flat.value(note, RDF.subject),
            flat.value(note, RDF.predicate),
            flat.value(note, RDF.object),
        )
        asserted[key] |= names  # type: ignore[index]
    graphs: dict[str | None, Graph] = {None: Graph()}
    for name in sorted(articles):
        graphs[name] = Graph()
    for s, p, o in flat:
        if p in (PROV.wasDerivedFrom, SMEKG.mentions):
            continue
        if s in derived:
            places: Iterable[str | None] = derived[s]
        elif (s, p, o) in asserted:
            places = asserted[(s, p, o)]
        else:
            places = mentioned.get(s) or [None]
        for place in places:
            graphs.setdefault(place, Graph()).add((s, p, o))
    return graphs


def write_data_folder(graphs: dict[str | None, Graph], folder: Path) -> list[Path]:
    """`entities.ttl` (the default graph) and `articles/<id>.trig` (one named graph each), as `smekg
    load` reads a data folder."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    written = []
    for name, graph in graphs.items():
        if name is None:
            path = folder / "entities.ttl"
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace)
            path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
        else:
            path = folder / "articles" / f"{name}.trig"
            path.write_text(trig_text({name: graph}), encoding="utf-8")
        written.append(path)
    return written


def dataset_graphs(dataset: Dataset) -> dict[str | None, Graph]:
    """A dataset's graphs keyed as `write_data_folder` takes them (article id, None for the default)."""
    out: dict[str | None, Graph] = {None: Graph()}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        article: str | None = None
        if isinstance(name, URIRef) and str(name).startswith(str(ART)):
            article = local_name(str(name))
        out.setdefault(article, Graph()).add((s, p, o))
    return out
