"""Entity resolution against the graph: names and aliases, organisation + title context, tolerant matching of
a misspelt name (one syllable apart, same organisation and title). A merge at or above THRESHOLD is applied;
a weaker candidate is listed for review and never applied; review decisions override both. A new IRI is minted
only when nothing matches."""

from __future__ import annotations

from ingest.decisions import Decisions
from ingest.gazetteer import GraphIndex, Known
from ingest.hangul import edit_distance, jamo, person_slug, slug, squash
from ingest.model import Event, Extraction, Holding, Merge, Person
from ingest.titles import title_from_post
from ontology.vocabulary import ID

THRESHOLD = 0.85
REVIEW = 0.5
SECTORS = {
    "public": {
        "GovernmentBody",
        "Ministry",
        "GovernmentUnit",
        "PublicAgency",
        "Legislature",
        "PresidentialOffice",
    },
    "company": {"Company"},
    "association": {"Association", "Foundation"},
    "university": {"University"},
}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams (spacing ignored)."""
    a, b = squash(a), squash(b)
    x, y = {a[i : i + 2] for i in range(len(a) - 1)}, {b[i : i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else float(a == b)


def near_names(a: str, b: str) -> bool:
    """Two Korean names one syllable (and at most two letters) apart, with the same surname and length."""
    return (
        len(a) == len(b) >= 3
        and a[0] == b[0]
        and a != b
        and edit_distance(a, b) == 1
        and edit_distance(jamo(a), jamo(b)) <= 2
    )


class Resolver:
    def __init__(self, index: GraphIndex, decisions: Decisions, used: set[str] | None = None):
        self.index = index
        self.decisions = decisions
        self.used = used if used is not None else set()
        self.used |= set(index.entities)
        self.posts: dict[tuple[str, str], str] = {}

    def mint(self, prefix: str, text: str) -> str:
        base = f"{ID}{prefix}-{text}"
        iri, n = base, 2
        while iri in self.used:
            iri, n = f"{base}-{n}", n + 1
        self.used.add(iri)
        return iri

    def run(self, ex: Extraction) -> None:
        for org in ex.orgs.values():
            same = [c for c in self.decisions.same_as("org", org.name) if c in self.index.entities]
            org.iri = org.iri or (same[0] if same else self.mint("org", slug(org.name)))
        for person in list(ex.people.values()):
            self._person(ex, person)
        self._within(ex)
        for person in ex.people.values():
            for holding in person.holdings:
                holding.post_iri = self._post(ex, person, holding)
        for place in ex.places.values():
            hits = self.index.named(place.name, "Place")
            prefix = "venue" if place.kind == "Venue" else "place"
            place.iri = hits[0].iri if len(hits) == 1 else self.mint(prefix, slug(place.name))
        for event in ex.events.values():
            event.iri = self._event(event) or self.mint(
                "event",
                f"{event.start.isoformat() if event.start else 'undated'}-{slug(event.name, 40)}",
            )
        for agreement in ex.agreements:
            parties = {ex.orgs[k].iri for k, _ in agreement.parties}
            known = [
                k
                for k in self.index.of_type("Agreement")
                if len(parties & k.links.get("party", set())) * 2
                >= max(len(parties), 1) + (len(parties) > 1)
                and len(parties & k.links.get("party", set())) >= min(2, len(parties))
                and not (k.start_date and agreement.start and k.start_date != agreement.start)
            ]
            year = agreement.start.year if agreement.start else "undated"
            agreement.iri = (
                known[0].iri
                if len(known) == 1
                else self.mint("agreement", f"{year}-{slug(agreement.name, 40)}")
            )
        for budget in ex.budgets:
            known = [k for k in self.index.of_type("Budget") if k.amount == budget.amount]
            budget.iri = (
                known[0].iri
                if len(known) == 1
                else self.mint("budget", f"{slug(budget.label, 32)}-{budget.fiscal_year or 'n'}")
            )
        for statement in ex.statements:
            speaker = ex.people[statement.speaker].iri
            known = [
                k
                for k in self.index.of_type("Statement")
                if speaker in k.links.get("speaker", set())
                and k.text
                and similarity(k.text, statement.text) >= 0.5
            ]
            date = ex.meta.date.isoformat() if ex.meta.date else "undated"
            statement.iri = (
                known[0].iri
                if known
                else self.mint(
                    "statement", f"{date}-{person_slug(ex.people[statement.speaker].name)}"
                )
            )

    # ----- people ----------------------------------------------------------------------------------
    def _context(self, known: Known) -> tuple[set[str], set[str]]:
        """Organisations and normalised titles the graph gives a known person."""
        orgs, titles = set(known.links.get("affiliatedWith", set())), set()
        for post_iri in known.posts:
            post = self.index.entities.get(post_iri)
            if not post:
                continue
            post_orgs = set(post.post_in) | {
                k.iri
                for k in self.index.of_type("Organization")
                if post.name_ko
                and any(
                    squash(post.name_ko).startswith(squash(n))
                    for n in k.names
                    if len(squash(n)) >= 2
                )
            }
            orgs |= post_orgs
            names = (
                [n for o in post_orgs for n in self.index.entities[o].names] if post_orgs else []
            )
            titles.add(title_from_post(post.name_ko or "", names))
        return orgs, titles

    def _sectors(self, org_iris: set[str], kinds: set[str] | None = None) -> set[str]:
        """Public sector, companies, associations, universities: where the organisations belong."""
        out: set[str] = set()
        for iri in [*org_iris, None]:
            known = self.index.entities.get(iri) if iri else None
            types = known.types if known else set(kinds or ()) if iri is None else set()
            for sector, members in SECTORS.items():
                if types & members:
                    out.add(sector)
        return out

    def _person(self, ex: Extraction, person: Person) -> None:
        here_kinds = {ex.orgs[h.org].kind for h in person.holdings if h.org}
        orgs_here: set[str] = {
            iri for h in person.holdings if h.org and (iri := ex.orgs[h.org].iri)
        }
        if person.affiliation and (affiliated := ex.orgs[person.affiliation].iri):
            orgs_here.add(affiliated)
        for iri in list(orgs_here):  # a unit's parent ('X 기술연구소' is X's): the same employer
            unit = self.index.entities.get(iri)
            orgs_here |= unit.links.get("subOrganizationOf", set()) if unit else set()
        for h in person.holdings:
            parent = ex.orgs[h.org].parent if h.org else None
            if parent and parent in ex.orgs and (parent_iri := ex.orgs[parent].iri):
                orgs_here.add(parent_iri)
        titles_here = {h.title for h in person.holdings}
        scored: list[tuple[float, Known, str]] = []
        for known in self.index.of_type("Person"):
            exact = any(squash(n) == squash(person.name) for n in known.names)
            near = not exact and known.name_ko and near_names(person.name, known.name_ko)
            if not exact and not near:
                continue
            orgs, titles = self._context(known)
            org_match, title_match = bool(orgs_here & orgs), bool(titles_here & titles)
            if exact:
                score = (
                    0.97
                    if org_match
                    else 0.9
                    if not (orgs_here and orgs)
                    else 0.7
                    if title_match
                    else 0.6
                )
                reason = "same name" + (
                    ", same organisation"
                    if org_match
                    else ""
                    if score == 0.9
                    else ", but the graph links another organisation"
                )
                if (
                    score < THRESHOLD
                    and len(squash(person.name)) >= 3
                    and "public" in self._sectors(orgs_here, here_kinds) & self._sectors(orgs)
                ):
                    # the same full name with a public post elsewhere (a vice-minister who becomes an
                    # agency's chair): one official who moved — applied, and listed to check. Two
                    # company people of one name stay a candidate only.
                    score = 0.86
                    where = f"article {known.batch} of this batch" if known.batch else "the graph"
                    reason = (
                        f"same full name in {where}, another organisation (a change of post? check)"
                    )
            else:
                score = 0.75 if org_match and title_match else 0.6 if org_match else 0.3
                reason = (
                    f"name one syllable apart ({known.name_ko})"
                    + (", same organisation" if org_match else "")
                    + (" and title" if title_match else "")
                )
            verdict = self.decisions.lookup("person", person.name, known.iri)
            if verdict == "not-same":
                continue
            if verdict == "same":
                score, reason = 1.0, "review decision: same"
            scored.append((score, known, reason))
        scored.sort(key=lambda s: -s[0])
        if (
            scored
            and scored[0][0] >= THRESHOLD
            and (len(scored) == 1 or scored[1][0] < scored[0][0])
        ):
            score, known, reason = scored[0]
            person.iri = known.iri
            if squash(person.name) != squash(known.name_ko or ""):
                person.variants.append(person.name)
            ex.merges.append(
                Merge("person", person.name, known.iri, known.name_ko or "", score, reason, True)
            )
            return
        person.iri = self.mint("person", person_slug(person.name))
        for score, known, reason in scored:
            if score >= REVIEW or "syllable" in reason:
                ex.merges.append(
                    Merge(
                        "person", person.name, known.iri, known.name_ko or "", score, reason, False
                    )
                )

    def _within(self, ex: Extraction) -> None:
        """Two people of the same article one syllable apart with the same organisation and title."""
        people = list(ex.people.values())
        for a in people:
            for b in people:
                if (
                    a is b
                    or not near_names(a.name, b.name)
                    or a.key not in ex.people
                    or b.key not in ex.people
                ):
                    continue
                shared = {(h.org, h.title) for h in a.holdings} & {
                    (h.org, h.title) for h in b.holdings
                }
                if not shared:
                    continue
                target = a.iri or ""
                if self.decisions.lookup("person", b.name, target) == "same" or a.iri == b.iri:
                    _fold(ex, b, a)
                elif (
                    self.decisions.lookup("person", b.name, target) != "not-same"
                    and len(a.mentions) >= len(b.mentions)
                    and not any(m.mention == b.name and m.candidate_iri == a.iri for m in ex.merges)
                ):
                    ex.merges.append(
                        Merge(
                            "person",
                            b.name,
                            target,
                            a.name,
                            0.75,
                            "same article, same organisation and title, name one syllable apart",
                        )
                    )

    # ----- posts and events ----------------------------------------------------------------------------
    def _post(self, ex: Extraction, person: Person, holding: Holding) -> str | None:
        org = ex.orgs.get(holding.org) if holding.org else None
        if org is None or org.iri is None:
            return None
        key = (org.iri, holding.title)
        if key in self.posts:
            return self.posts[key]
        names = self.index.entities[org.iri].names if org.iri in self.index.entities else org.names
        for post in self.index.of_type("Post"):
            label = post.name_ko or ""
            linked = org.iri in post.post_in or any(
                squash(label).startswith(squash(n)) for n in names if len(n) >= 2
            )
            if linked and title_from_post(label, names) == holding.title:
                self.posts[key] = post.iri
                return post.iri
        self.posts[key] = self.mint("post", f"{slug(org.name, 30)}-{slug(holding.title, 16)}")
        return self.posts[key]

    def _event(self, event: Event) -> str | None:
        best, score = None, 0.0
        for known in self.index.of_type("Event"):
            if event.start is None or known.start_date != event.start:
                continue
            s = (
                max(similarity(n, a) for n in known.names for a in [event.name, *event.aliases])
                if known.names
                else 0
            )
            if event.series and event.series[0] in known.series:
                s += 0.3
            if event.edition and known.edition == event.edition:
                s += 0.3
            if event.start_time and "Session" in known.types:
                s += 0.1
            if known.batch and s < 0.6:
                continue  # an event of another article of this batch: the same only when named alike
            if s > score:
                best, score = known, s
        return best.iri if best and score >= 0.5 else None


def _fold(ex: Extraction, source: Person, target: Person) -> None:
    """Merge `source` into `target` (a review decision or the same resolved IRI)."""
    for h in source.holdings:
        if not any(x.org == h.org and x.title == h.title for x in target.holdings):
            target.holdings.append(h)
    target.roles += source.roles
    target.mentions += source.mentions
    target.flags |= source.flags
    target.variants.append(source.name)
    for statement in ex.statements:
        statement.speaker = target.key if statement.speaker == source.key else statement.speaker
    del ex.people[source.key]
