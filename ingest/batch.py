"""One batch of articles resolved together: after each article, the entities it introduced (people with
their posts, organisations, places, events, agreements) join the index the next articles are read and
resolved against, so the same minister in three articles of a batch is one person, the same organisation
one node. Uncertain identities are still only listed for review (see resolve.py)."""

from __future__ import annotations

from ingest.gazetteer import GraphIndex, Known
from ingest.model import Extraction
from ontology.vocabulary import SMEKG, load_vocabulary, local_name


def _types(*names: str) -> set[str]:
    vocab = load_vocabulary()
    out = set(names)
    for name in names:
        out.update(local_name(c) for c in vocab.superclasses.get(SMEKG[name], ()))
    return out


def _entity(index: GraphIndex, iri: str, stem: str, types: set[str], names: list[str]) -> Known:
    known = index.entities.get(iri)
    if known is None:
        known = index.entities[iri] = Known(iri, batch=stem)
    known.types |= types
    for name in names:
        if not name:
            continue
        if known.name_ko is None:
            known.name_ko = name
        elif name != known.name_ko and name not in known.aliases:
            known.aliases.append(name)
        index.add_name(iri, name)
    return known


def absorb(index: GraphIndex, ex: Extraction) -> None:
    """Add what `ex` introduced (or learnt about a known entity) to `index`."""
    stem = ex.meta.stem
    for org in ex.orgs.values():
        if not org.iri:
            continue
        kinds = {org.kind} | ({"ForeignPartner"} if org.foreign else set())
        known = _entity(index, org.iri, stem, _types(*kinds), [org.name, *org.names])
        if org.parent and org.parent in ex.orgs and ex.orgs[org.parent].iri:
            known.links.setdefault("subOrganizationOf", set()).add(str(ex.orgs[org.parent].iri))
    for person in ex.people.values():
        if not person.iri:
            continue
        known = _entity(index, person.iri, stem, _types("Person"), [person.name, *person.variants])
        for holding in person.holdings:
            owner = ex.orgs.get(holding.org) if holding.org else None
            if not holding.post_iri or owner is None or not owner.iri:
                continue
            known.posts.add(holding.post_iri)
            label = owner.name if owner.name == holding.title else f"{owner.name} {holding.title}"
            post = _entity(index, holding.post_iri, stem, _types("Post"), [label])
            post.post_in.add(owner.iri)
        if person.affiliation and person.affiliation in ex.orgs:
            org_iri = ex.orgs[person.affiliation].iri
            if org_iri:
                known.links.setdefault("affiliatedWith", set()).add(org_iri)
    for place in ex.places.values():
        if place.iri:
            _entity(index, place.iri, stem, _types(place.kind), [place.name, *place.aliases])
    for event in ex.events.values():
        if not event.iri:
            continue
        known = _entity(index, event.iri, stem, _types(*event.kinds), [event.name, *event.aliases])
        known.start_date = known.start_date or event.start
        known.edition = known.edition or event.edition
        if event.series:
            known.series.add(event.series[0])
        if event.start:
            known.literals.setdefault("startDate", set()).add(event.start.isoformat())
    for agreement in ex.agreements:
        if not agreement.iri:
            continue
        known = _entity(index, agreement.iri, stem, _types(agreement.kind), [agreement.name])
        known.start_date = known.start_date or agreement.start
        parties = {ex.orgs[k].iri for k, _ in agreement.parties if ex.orgs[k].iri}
        known.links.setdefault("party", set()).update(p for p in parties if p)
        if agreement.start:
            known.literals.setdefault("startDate", set()).add(agreement.start.isoformat())
