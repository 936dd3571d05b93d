"""The parts of an article graph: the article, organisations, people and posts, events and places, agreements,
budgets and statements (see rdfwriter.Writer for how each relationship gets its evidence)."""

from __future__ import annotations

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import SKOS

from ingest.model import Extraction
from ingest.rdfwriter import Writer, types_of
from ontology.vocabulary import SMEKG


def write_all(w: Writer) -> None:
    ex = w.ex
    _article(w, ex)
    _orgs(w, ex)
    _people(w, ex)
    _places_events(w, ex)
    _agreements_budgets(w, ex)
    _statements(w, ex)


def _article(w: Writer, ex: Extraction) -> None:
    meta, art = ex.meta, str(w.article)
    w.g.add((w.article, RDF.type, SMEKG.Article))
    w.literal(art, SMEKG.headline, meta.title, lang="ko")
    w.literal(art, SMEKG.datePublished, meta.date.isoformat() if meta.date else None, XSD.date)
    w.literal(art, SMEKG.sourceFile, meta.source_file)
    w.literal(art, SMEKG.publisherName, meta.publisher_name, lang="ko")
    w.literal(art, SMEKG.dateReasoning, meta.date_reasoning)
    for text in meta.ambiguity:
        w.literal(art, SMEKG.ambiguity, text)
    for text in [*meta.notes, "Extracted automatically by `smekg ingest`; facts await review."]:
        w.literal(art, SMEKG.note, text)
    if meta.publisher:
        w.relate(art, SMEKG.publisher, ex.orgs[meta.publisher[0]].iri, meta.publisher[1], 0.8)
    for name, quote in meta.authors:
        w.relate(art, SMEKG.author, ex.people[name].iri, quote, 0.9)
    for name, quote in meta.photographers:
        w.relate(art, SMEKG.photographer, ex.people[name].iri, quote, 0.8)


def _orgs(w: Writer, ex: Extraction) -> None:
    for org in ex.orgs.values():
        types = types_of(w, org.iri, [org.kind])
        if org.foreign and any(t not in ("Organization", "Agent") for t in types):
            types.append(
                "ForeignPartner"
            )  # a foreign partner of a known kind (its country is stated)
        w.names(org.iri, org.names or [org.name], sorted(set(types)))
        if org.country:
            w.literal(org.iri, SMEKG.country, org.country)
        if org.parent and org.parent in ex.orgs:
            w.relate(
                org.iri, SMEKG.subOrganizationOf, ex.orgs[org.parent].iri, org.quote, org.confidence
            )
        for role in org.roles:
            w.relate(
                org.iri,
                SMEKG.participatedIn,
                ex.events[role.event].iri,
                role.quote,
                role.confidence,
                role.reason,
                role=Literal(role.role),
            )


def _people(w: Writer, ex: Extraction) -> None:
    main = ex.main_event
    for person in ex.people.values():
        w.names(person.iri, [person.name], ["Person"])
        w.literal(person.iri, SMEKG.ambiguity, person.ambiguity or None)
        if person.iri is None:
            continue
        for variant in person.variants:
            w.g.add((URIRef(person.iri), SKOS.hiddenLabel, Literal(variant, lang="ko")))
        for latin in person.latin_names:  # the name in Latin letters the text gives
            w.g.add((URIRef(person.iri), SKOS.altLabel, Literal(latin, lang="en")))
        as_of = main.start if main and main.start and person.roles else ex.meta.date
        for h in person.holdings:
            if not h.post_iri or h.org is None:
                continue
            org = ex.orgs[h.org]
            written = [h.text] if h.text != h.title and len(h.text) > len(h.title) + 1 else []
            label = org.name if org.name == h.title else f"{org.name} {h.title}"
            w.names(h.post_iri, [label, *written], ["Post"])
            w.relate(h.post_iri, SMEKG.postIn, org.iri, h.quote, h.confidence)
            w.relate(
                person.iri,
                SMEKG.holdsPost,
                h.post_iri,
                h.quote,
                h.confidence,
                asOf=Literal(as_of.isoformat(), datatype=XSD.date) if as_of else None,
                acting=Literal(True) if h.acting else None,
            )
        if person.affiliation:
            org = ex.orgs[person.affiliation]
            quote = next(iter(person.mentions), "")
            if org.kind in ("PoliticalParty", "Committee", "Council", "Alliance", "Association"):
                w.relate(person.iri, SMEKG.memberOf, org.iri, quote, 0.8)
            elif not person.holdings:
                w.relate(
                    person.iri,
                    SMEKG.affiliatedWith,
                    org.iri,
                    quote,
                    0.7,
                    "reporter of the publishing outlet",
                )
        if person.contact_quote:
            w.relate(person.iri, SMEKG.contactFor, str(w.article), person.contact_quote, 0.9)
        for role in person.roles:
            w.relate(
                person.iri,
                SMEKG.participatedIn,
                ex.events[role.event].iri,
                role.quote,
                role.confidence,
                role.reason,
                role=Literal(role.role),
            )


def _places_events(w: Writer, ex: Extraction) -> None:
    for place in ex.places.values():
        w.names(place.iri, [place.name, *place.aliases], [place.kind])
        if place.located_in and place.located_in in ex.places:
            w.relate(place.iri, SMEKG.locatedIn, ex.places[place.located_in].iri, place.quote, 0.7)
    for event in ex.events.values():
        w.names(
            event.iri, [event.name, *event.aliases], types_of(w, event.iri, sorted(event.kinds))
        )
        if event.start:
            w.literal(event.iri, SMEKG.startDate, event.start.isoformat(), XSD.date)
        if event.end and event.end != event.start:
            w.literal(event.iri, SMEKG.endDate, event.end.isoformat(), XSD.date)
        w.literal(event.iri, SMEKG.startTime, event.start_time)
        w.literal(event.iri, SMEKG.endTime, event.end_time)
        w.literal(event.iri, SMEKG.edition, event.edition, XSD.integer)
        w.literal(event.iri, SMEKG.theme, event.theme, lang="ko")
        w.literal(event.iri, SMEKG.dateReasoning, event.date_reasoning)
        w.literal(event.iri, SMEKG.status, event.status)  # "planned": announced, not yet held
        w.literal(
            event.iri,
            SMEKG.ambiguity,
            event.ambiguity or (None if event.start else "No date in the article."),
        )
        for key, quote in event.venues:
            w.relate(event.iri, SMEKG.heldAt, ex.places[key].iri, quote, 0.75)
        for key, quote in event.organizers:
            w.relate(event.iri, SMEKG.organizedBy, ex.orgs[key].iri, quote, 0.75)
        if event.parent:
            w.relate(
                event.iri, SMEKG.subEventOf, ex.events[event.parent[0]].iri, event.parent[1], 0.7
            )
        if event.series:
            w.relate(event.iri, SMEKG.partOfSeries, event.series[0], event.series[1], 0.8)


def _agreements_budgets(w: Writer, ex: Extraction) -> None:
    for a in ex.agreements:
        w.names(a.iri, [a.name], [a.kind])
        if a.start:
            w.literal(a.iri, SMEKG.startDate, a.start.isoformat(), XSD.date)
        w.literal(a.iri, SMEKG.status, a.status)  # "planned": to be signed
        for key, quote in a.parties:
            w.relate(a.iri, SMEKG.party, ex.orgs[key].iri, quote, a.confidence)
        if a.event:
            w.relate(a.iri, SMEKG.signedAt, ex.events[a.event[0]].iri, a.event[1], 0.7)
    for b in ex.budgets:
        w.names(b.iri, [b.label], ["Budget"])
        w.literal(b.iri, SMEKG.amount, str(b.amount), XSD.decimal)
        w.literal(b.iri, SMEKG.amountText, b.amount_text, lang="ko")
        w.literal(b.iri, SMEKG.currency, "KRW")
        w.literal(b.iri, SMEKG.fiscalYear, b.fiscal_year, XSD.integer)
        w.literal(
            b.iri,
            SMEKG.changeRate,
            str(b.change_rate) if b.change_rate is not None else None,
            XSD.decimal,
        )
        if b.manager:
            w.relate(b.iri, SMEKG.managedBy, ex.orgs[b.manager[0]].iri, b.manager[1], 0.7)


def _statements(w: Writer, ex: Extraction) -> None:
    for s in ex.statements:
        if s.iri is None:
            continue
        w.g.add((URIRef(s.iri), RDF.type, SMEKG.Statement))
        w.literal(s.iri, SMEKG.text, s.text, lang="ko")
        w.relate(s.iri, SMEKG.speaker, ex.people[s.speaker].iri, s.quote, s.confidence)
        if s.event:
            w.relate(
                s.iri,
                SMEKG.statedAt,
                ex.events[s.event].iri,
                s.quote,
                0.7,
                "quoted in the report of the event",
            )
