"""The RDF writer an article graph is built with: one named graph per article, and every relationship asserted
and annotated with a reified smekg:Assertion / Participation / Holding / Membership node carrying its quote."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from ingest.gazetteer import GraphIndex
from ingest.hangul import squash
from ingest.model import Extraction
from ontology.vocabulary import ART, ID, SMEKG

EVIDENCE = {
    SMEKG.holdsPost: SMEKG.Holding,
    SMEKG.participatedIn: SMEKG.Participation,
    SMEKG.memberOf: SMEKG.Membership,
}


def clip(text: str, limit: int = 400) -> str:
    """A verbatim quote of at most `limit` characters, cut at a space when it must be shortened."""
    text = " ".join(text.split("\n")).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")] if " " in cut[limit // 2 :] else cut


class Writer:
    def __init__(self, ex: Extraction, index: GraphIndex, remaining: GraphIndex | None = None):
        self.ex = ex
        self.index = index
        self.remaining = remaining or index  # the graph without the files this run replaces
        self.ds = Dataset()
        for prefix, ns in (
            ("smekg", SMEKG),
            ("id", ID),
            ("art", ART),
            ("skos", SKOS),
            ("rdfs", RDFS),
            ("xsd", XSD),
        ):
            self.ds.bind(prefix, ns)
        self.article = ART[ex.meta.stem]
        self.g = self.ds.graph(self.article)
        self.confidence: dict[tuple[str, str, str], float] = {}
        self.count = 0

    def relate(
        self,
        subject: str | None,
        p: URIRef,
        obj: str | None,
        quote: str,
        confidence: float,
        note: str = "",
        **qualifiers: Literal | str | None,
    ) -> None:
        if not quote or len(quote.strip()) < 2 or subject is None or obj is None:
            return
        s, o = URIRef(subject), URIRef(obj)
        self.g.add((s, p, o))
        self.count += 1
        node = BNode(f"e{self.count}")
        self.g.add((node, RDF.type, EVIDENCE.get(p, SMEKG.Assertion)))
        self.g.add((node, RDF.subject, s))
        self.g.add((node, RDF.predicate, p))
        self.g.add((node, RDF.object, o))
        self.g.add((node, SMEKG.quote, Literal(clip(quote))))
        self.g.add(
            (
                node,
                SMEKG.note,
                Literal(f"extraction confidence {confidence:.2f}" + (f"; {note}" if note else "")),
            )
        )
        for key, value in qualifiers.items():
            if value is not None:
                self.g.add(
                    (node, SMEKG[key], value if isinstance(value, Literal) else Literal(value))
                )
        edge = (str(s), str(p), str(o))
        self.confidence[edge] = max(self.confidence.get(edge, 0.0), round(confidence, 2))

    def names(self, iri: str | None, names: list[str], types: list[str]) -> None:
        """Types and names as the article writes them; a known entity keeps its canonical Korean name."""
        if iri is None:
            return
        node = URIRef(iri)
        for t in types:
            self.g.add((node, RDF.type, SMEKG[t]))
        known = self.index.entities.get(iri)
        pref = known.name_ko if known and known.name_ko else names[0]
        self.g.add((node, SKOS.prefLabel, Literal(pref, lang="ko")))
        for name in dict.fromkeys(names):
            if squash(name) != squash(pref):
                self.g.add((node, SKOS.altLabel, Literal(name, lang="ko")))

    def literal(
        self,
        iri: str | None,
        prop: URIRef,
        value: object,
        datatype: URIRef | None = None,
        lang: str | None = None,
    ) -> None:
        """Add a literal; for a known entity only when the rest of the graph does not state that property."""
        if iri is None or value is None or value == "":
            return
        known = self.remaining.entities.get(iri)
        if known and known.literals.get(str(prop).split("#")[-1]):
            return  # already stated elsewhere (the same value in another form would count twice)
        self.g.add((URIRef(iri), prop, Literal(value, datatype=datatype, lang=lang)))

    def existing(self, iri: str | None) -> bool:
        return iri in self.index.entities


def types_of(writer: Writer, iri: str | None, own: list[str]) -> list[str]:
    known = writer.index.entities.get(iri) if iri else None
    return (
        sorted(
            t
            for t in known.types
            if t
            not in ("Agent", "Organization", "GovernmentBody", "Association", "Committee", "Place")
        )
        or own
        if known
        else own
    )
