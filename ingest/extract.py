"""Run the mention extractors over one article's body and collect everything in an Extraction."""

from __future__ import annotations

import re

from ingest.agreements import find_agreements
from ingest.amounts import budgets
from ingest.body import Body
from ingest.events import Candidate, EventFinder, venue_in
from ingest.gazetteer import GraphIndex
from ingest.lexicon import FOREIGN_NAME_NOTE
from ingest.lists import attendee_lines, contacts
from ingest.model import Agreement, Event, Extraction, Holding, Meta, Person, Place
from ingest.orgs import OrgFinder
from ingest.participation import REMOTE, assign, events_of, org_roles
from ingest.people import PersonFinder
from ingest.quotes import Occurrence, statements
from ingest.reader import RawArticle
from ingest.schedule import mentioned_sessions, overview, series_of, sessions, timeline
from ingest.sentences import looks_like_name, split_sentences
from ingest.titles import parse_title
from ingest.venues import parse_venue


def extract(raw: RawArticle, body: Body, meta: Meta, index: GraphIndex) -> Extraction:
    ex = Extraction(meta)
    orgs = OrgFinder(index, ex)
    finder = PersonFinder(ex, orgs)
    lines = [line.text for line in body.lines]
    kinds = [line.kind for line in body.lines]
    occurrences: list[Occurrence] = []
    reporters = {name for name, _ in meta.authors + meta.photographers}

    for line in body.lines:
        orgs.abbreviations(line.text)
        if line.kind not in ("contact", "byline", "meta"):
            finder.intros(
                line.text
            )  # the article's short names, before any line is read for people
    for line in body.lines:
        if line.kind in ("contact", "byline", "meta"):
            continue
        intros = finder.intros(line.text)
        for m in intros:
            finder.record(m, line.text, "intro", 0.95)
        foreign = finder.foreign(line.text, [(m.start, m.end) for m in intros])
        for m in foreign:
            if m.name in reporters:
                continue
            person = finder.record(m, line.text, line.kind, 0.8 if m.org else 0.7)
            person.ambiguity = FOREIGN_NAME_NOTE
            occurrences.append(Occurrence(m.name, line.index, m.start, m.end))
        for m in finder.scan(line.text, [(m.start, m.end) for m in intros + foreign]):
            if m.name in reporters:
                continue
            finder.record(m, line.text, line.kind, 0.9 if m.org else 0.7)
            occurrences.append(Occurrence(m.name, line.index, m.start, m.end))
        orgs.scan(line.text, confidence=0.7)
        orgs.lists(line.text)
        orgs.universities(line.text)

    occurrences += _references(ex, body, occurrences, reporters)
    for name, holding in contacts(ex, orgs, body):
        person = ex.people.setdefault(name, Person(name, name, confidence=0.9))
        person.flags.add("contact")
        person.contact_quote = holding.quote
        if not any(h.org == holding.org and h.title == holding.title for h in person.holdings):
            person.holdings.append(holding)

    _publisher(ex, orgs, raw)
    for name, quote in meta.authors + meta.photographers:
        person = ex.people.setdefault(name, Person(name, name, confidence=0.9))
        person.flags.add("author" if (name, quote) in meta.authors else "photographer")
        person.mentions.append(quote)
        if meta.publisher:
            person.affiliation = person.affiliation or meta.publisher[0]

    events = EventFinder(ex, index, orgs)
    events.find(body)
    ex.agreements = find_agreements(ex, orgs, body, occurrences)
    _ceremonies(ex, events, body)
    main = _choose_main(ex)
    if main:
        series = series_of(index, main.name) or next(
            (series_of(index, a) for a in main.aliases if series_of(index, a)), None
        )
        if series:
            main.series = (series, main.quote)
        timeline(ex, body, main)
    if main:
        overview(ex, body, main)
        sessions(ex, body, main)
        mentioned_sessions(ex, body, main)

    speakers: dict[tuple[str, str], str] = {}
    for statement, line_no in statements(ex, lines, occurrences):
        if kinds[line_no] in ("body", "caption", "list"):
            # the event the quote's sentence reports or points back to ('이날 간담회에서 A는 "…"'), else
            # the main event; a message sent by video ('영상 축사를 통해 "…"') is no attendance
            text = lines[line_no]
            at = max(text.find(statement.quote[:20]), 0)
            targets = events_of(ex, line_no, text, at, kinds[line_no]) if main else []
            statement.event = targets[0] if targets else None
            ex.statements.append(statement)
            if statement.event and not REMOTE.search(statement.quote.split("“")[0].split('"')[0]):
                speakers.setdefault((statement.speaker, statement.event), statement.quote)

    sentences = [
        s.text
        for ln in body.lines
        if ln.kind in ("body", "list", "caption")
        for s in split_sentences(ln.text)
    ]
    ex.budgets = budgets(ex, orgs, sentences)
    assign(ex, lines, kinds, occurrences, set(attendee_lines(body)), speakers)
    org_roles(ex, orgs, lines, kinds)
    _suffix_aliases(ex)
    _abbreviations(ex)
    _same_iri(ex)
    _venues_are_not_orgs(ex)
    ex.named = _named_sentences(ex, body, orgs)
    return ex


def _named_sentences(
    ex: Extraction, body: Body, orgs: OrgFinder
) -> list[tuple[int, str, list[str]]]:
    """Each sentence of the report that names a person or an organisation — one the extraction found, a
    Korean name followed by a title, or an organisation the gazetteer or a suffix recognises."""
    people = [(p.name, p.name) for p in ex.people.values() if "author" not in p.flags]
    org_names = [(n, o.name) for o in ex.orgs.values() for n in o.names or [o.name] if len(n) >= 2]
    out: list[tuple[int, str, list[str]]] = []
    for line in body.lines:
        if line.kind not in ("body", "caption", "list", "subtitle", "title", "footnote"):
            continue
        for sent in split_sentences(line.text):
            text = sent.text
            names = [name for written, name in people if written in text]
            names += [name for written, name in org_names if written in text]
            names += [hit[2] for hit in orgs.find(text)]
            tokens = text.split()
            for k, token in enumerate(tokens[:-1]):
                if looks_like_name(token) and parse_title(tokens[k + 1]):
                    names.append(token)
            if names:
                out.append((line.index, text.strip(), list(dict.fromkeys(names))))
    return out


REFERENCE = re.compile(
    r"(?<![가-힣])(남궁|황보|제갈|선우|독고|사공|서문|[가-힣])\s([가-힣]{1,8}?)"
    r"(?:은|는|이|가|도|의|에게|과|와|을|를)?(?=[\s,.“\"])"
)


def _references(
    ex: Extraction, body: Body, found: list[Occurrence], reporters: set[str]
) -> list[Occurrence]:
    """'가 차관이', '남궁 장관은', '모 대행은': a person the article named in full, referred to by surname and
    title — one more mention of that person (the one of the article with that surname and post)."""
    out: list[Occurrence] = []
    for line in body.lines:
        if line.kind not in ("body", "caption", "list"):
            continue
        for m in REFERENCE.finditer(line.text):
            surname, word = m.group(1), m.group(2)
            title = parse_title(word)
            acting = word in ("대행", "직무대행", "권한대행")
            if title is None and not acting:
                continue
            matches = [
                p
                for p in ex.people.values()
                if p.name.startswith(surname)
                and p.name not in reporters
                and len(p.name) > len(surname)
                and any(
                    (title and (h.title == title.title or h.title.endswith(title.title)))
                    or (acting and h.acting)
                    for h in p.holdings
                )
            ]
            if len(matches) != 1:
                continue
            if any(o.line == line.index and o.start <= m.start() < o.end for o in found + out):
                continue
            out.append(Occurrence(matches[0].key, line.index, m.start(), m.end()))
    return out


def _ceremonies(ex: Extraction, events: EventFinder, body: Body) -> None:
    """Every signing the article dates gets the event people attend: a signing ceremony the article names
    on that date, or a ceremony named after the agreement; a caption about a 협약식 that names one
    agreement's party is about that ceremony."""
    taken = {a.event[0] for a in ex.agreements if a.event}
    for agreement in ex.agreements:
        if agreement.event is not None or (agreement.start is None and agreement.status is None):
            continue
        named = next((e for e in ex.events.values() if _fits(ex, body, e, agreement, taken)), None)
        sentence = agreement.quote
        line = body.lines[agreement.line].text if 0 <= agreement.line < len(body.lines) else ""
        offset = max(line.find(sentence[:40]), 0)
        if named is None:
            start = sentence.find(agreement.name) if agreement.name in sentence else len(sentence)
            named = events.event(
                Candidate(
                    f"{agreement.name} 체결식", "체결식", {"SigningCeremony"}, max(start, 0), False
                ),
                sentence,
                False,
                agreement.line,
                offset,
            )
            named.confidence = 0.7
            named.date_reasoning = named.date_reasoning or "the date of the signing"
        else:
            named.anchors.append((agreement.line, offset, offset + len(sentence)))
            if len(named.name) <= 5:  # a bare '협약식': named after its agreement
                named.aliases.append(named.name)
                named.name = f"{agreement.name} 체결식"
            if not named.venues:
                venue = venue_in(
                    sentence,
                    sentence.find(agreement.name) if agreement.name in sentence else len(sentence),
                )
                place = parse_venue(ex, venue[0], venue[1]) if venue else None
                if place is not None and venue is not None:
                    named.venues.append((place.key, venue[1]))
            if named.confidence <= 0.5 and agreement.start:  # its date was only the article's
                named.start, named.confidence = agreement.start, 0.7
                named.date_reasoning = "The ceremony of the signing: its date."
                named.ambiguity = named.ambiguity.replace(
                    "Event date not stated; article date used.", ""
                ).strip()
        named.start = named.start or agreement.start
        named.status = named.status or agreement.status
        named.organizers = named.organizers or [(key, sentence) for key, _ in agreement.parties]
        agreement.event = (named.key, sentence)
        taken.add(named.key)
    for caption in body.of_kind("caption"):
        if not re.search(r"(협약|MOU|양해각서|체결|서명)", caption.text):
            continue
        if any(e.line == caption.index for e in ex.events.values()):
            continue
        hits = [
            a
            for a in ex.agreements
            if a.event
            and any(
                any(n and n in caption.text for n in ex.orgs[k].names)
                for k, _ in a.parties
                if len(a.parties) > 1
            )
        ]
        partners = [
            a
            for a in hits
            if any(
                any(n in caption.text for n in ex.orgs[k].names)
                for k, _ in a.parties[1:] or a.parties
            )
        ]
        chosen = partners if len(partners) == 1 else hits if len(hits) == 1 else []
        if chosen and chosen[0].event:
            ex.events[chosen[0].event[0]].anchors.append((caption.index, 0, len(caption.text)))


def _drop_event(ex: Extraction, key: str) -> None:
    """Remove an event and every reference to it (a signing at it is then dated on its own)."""
    event = ex.events.pop(key, None)
    for agreement in ex.agreements:
        if agreement.event and agreement.event[0] == key:
            agreement.event = None
            agreement.start = agreement.start or (event.start if event else None)
    for other in ex.events.values():
        if other.parent and other.parent[0] == key:
            other.parent = None
    for statement in ex.statements:
        statement.event = None if statement.event == key else statement.event
    for person in ex.people.values():
        person.roles = [r for r in person.roles if r.event != key]
    for org in ex.orgs.values():
        org.roles = [r for r in org.roles if r.event != key]


def _fits(ex: Extraction, body: Body, event: Event, agreement: Agreement, taken: set[str]) -> bool:
    """A signing ceremony the article names is the one of this agreement: the same date, or no date of its
    own and a sentence that names one of the agreement's parties (or the only agreement)."""
    if "SigningCeremony" not in event.kinds or event.key in taken:
        return False
    if event.start is not None and event.confidence > 0.5:
        return event.start == agreement.start
    text = body.lines[event.line].text if 0 <= event.line < len(body.lines) else event.quote
    names = [n for k, _ in agreement.parties for n in ex.orgs[k].names if len(n) >= 2]
    return len(ex.agreements) == 1 or any(n in text for n in names)


def _choose_main(ex: Extraction) -> Event | None:
    """The article's main event: the one found first in the body, unless it has no date of its own and
    another event (a dated signing) has one."""
    main = ex.main_event
    if main is not None and main.start is not None and main.confidence > 0.5:
        earlier = _earlier_ceremony(ex, main)
        if earlier is not None:
            main.main, earlier.main = False, True
            return earlier
        return main
    dated = sorted(
        (
            e
            for e in ex.events.values()
            if e.start and e.line >= 0 and "Session" not in e.kinds and e is not main
        ),
        key=lambda e: (e.line, e.sentence or (0, 0)),
    )
    if dated and (main is None or main.start is None or main.confidence <= 0.5):
        if main is not None:
            main.main = False
            if main.confidence <= 0.5 and main.date_reasoning.startswith("No date"):
                main.start, main.ambiguity = (
                    None,
                    main.ambiguity.replace("Event date not stated; article date used.", "").strip(),
                )
                main.date_reasoning = ""
                if main.partial is None and not any(
                    r.event == main.key for p in ex.people.values() for r in p.roles
                ):
                    _drop_event(ex, main.key)
        dated[0].main = True
        return dated[0]
    return main


def _earlier_ceremony(ex: Extraction, main: Event) -> Event | None:
    """A dated signing ceremony the body reports before the chosen main event (the lede says '…협약을
    체결했다'; a visit follows with '앞서'): ceremonies are made from agreements after the event
    finder chose, so the rule 'the first event the body reports' is applied to them here."""
    where = (main.line, main.sentence or (0, 0))
    before = [
        e
        for e in ex.events.values()
        if e is not main
        and "SigningCeremony" in e.kinds
        and e.start is not None
        and e.confidence > 0.5
        and e.line >= 0
        and (e.line, e.sentence or (0, 0)) < where
    ]
    return min(before, key=lambda e: (e.line, e.sentence or (0, 0)), default=None)


def _venues_are_not_orgs(ex: Extraction) -> None:
    """A building named only as an event's venue ('김대중컨벤션센터에서') is a place, not an organisation."""
    used = {h.org for p in ex.people.values() for h in p.holdings} | {
        p.affiliation for p in ex.people.values()
    }
    used |= {k for e in ex.events.values() for k, _ in e.organizers} | {
        k for a in ex.agreements for k, _ in a.parties
    }
    used |= {b.manager[0] for b in ex.budgets if b.manager} | {o.parent for o in ex.orgs.values()}
    venues = {place.name.replace(" ", "") for place in ex.places.values() if place.kind == "Venue"}
    venues |= {
        (" ".join(p.name for p in _chain(ex, place)) + place.name).replace(" ", "")
        for place in ex.places.values()
        if place.kind == "Venue"
    }
    for key, org in list(ex.orgs.items()):
        name = org.name.replace(" ", "")
        if (
            org.iri is None
            and key not in used
            and not org.roles
            and any(v == name or (v.endswith(name) and len(name) >= 3) for v in venues)
        ):
            del ex.orgs[key]


def _chain(ex: Extraction, place: Place) -> list[Place]:
    out: list[Place] = []
    while place.located_in and place.located_in in ex.places and len(out) < 4:
        place = ex.places[place.located_in]
        out.insert(0, place)
    return out


def _publisher(ex: Extraction, orgs: OrgFinder, raw: RawArticle) -> None:
    """The outlet (copyright line, site name, e-mail domain) or, for a press release, the issuing body."""
    meta = ex.meta
    intro = next((p for p in ex.people.values() if "intro" in p.flags and p.holdings), None)
    candidates: list[tuple[str, str]] = []
    if meta.press_release and intro and intro.holdings[0].org:
        org = ex.orgs[intro.holdings[0].org]
        candidates.append((org.name, intro.mentions[0]))
    if meta.publisher_name:
        lines = sorted(
            (ln for ln in raw.lines if meta.publisher_name in ln),
            key=lambda ln: not re.search(r"(ⓒ|©|Copyright|무단|전재|보도자료)", ln, re.I),
        )
        line = lines[0] if lines else meta.publisher_name
        candidates.append((meta.publisher_name, line.strip()[:300]))
    for note in meta.notes:
        for domain in re.findall(r"Reporter e-mail domain: ([\w, .-]+)\.", note):
            for d in domain.split(", "):
                hits = orgs.index.named(d, "Organization")
                if len(hits) == 1:
                    line = next((ln for ln in raw.lines if f"@{d}." in ln), d)
                    candidates.append((hits[0].name_ko or d, line.strip()[:300]))
    for name, quote in candidates:
        if len(name) > 25:
            continue
        org = orgs.lookup(name) or orgs.register(
            name, None if orgs.known(name) else "Company", quote
        )
        meta.publisher = (org.key, quote)
        meta.publisher_name = meta.publisher_name or org.name
        return


NATIONAL = ("한국", "대한", "국립", "재단법인 ", "사단법인 ", "(재)", "(사)")


def _suffix_aliases(ex: Extraction) -> None:
    """A new organisation whose name ends another one of the article ('정책협의체' of '중소·벤처 AI+ 정책협의체')
    is the same organisation written short: fold it in."""
    new = [o for o in ex.orgs.values() if o.iri is None and o.key.startswith("new:")]
    for short in new:
        longer = [
            o
            for o in ex.orgs.values()
            if o is not short
            and len(short.name) >= 3
            and any(
                n.endswith(" " + short.name) or n in (p + short.name for p in NATIONAL)
                for n in o.names
            )
        ]
        if len(longer) == 1 and not short.parent:
            target = longer[0]
            for name in short.names:
                target.add_name(name)
            _redirect(ex, short.key, target.key)
            del ex.orgs[short.key]


def _same_iri(ex: Extraction) -> None:
    """Two organisations of the article resolved to one entity (a former name and the graph's name): one."""
    first: dict[str, str] = {}
    for org in list(ex.orgs.values()):
        if not org.iri:
            continue
        if org.iri not in first:
            first[org.iri] = org.key
            continue
        target = ex.orgs[first[org.iri]]
        for name in org.names:
            target.add_name(name)
        _redirect(ex, org.key, target.key)
        del ex.orgs[org.key]


def _unique_holdings(holdings: list[Holding]) -> list[Holding]:
    out: list[Holding] = []
    for h in holdings:
        if not any(x.org == h.org and x.title == h.title for x in out):
            out.append(h)
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _abbreviations(ex: Extraction) -> None:
    """A new organisation written as the abbreviation of another one of the article ('가온진흥원' of
    '가온산업기술진흥원', '다온공' of '다온개발공단'): its letters appear in order in exactly one longer name
    with the same first letter and its last letter at the end. Fold it in."""
    for short in [o for o in ex.orgs.values() if o.iri is None and not o.parent]:
        name = short.name.replace(" ", "")
        if not re.fullmatch(r"[가-힣]{2,6}", name):
            continue
        targets = {
            o.key
            for o in ex.orgs.values()
            if o is not short
            and any(
                len(n.replace(" ", "")) > len(name)
                and (n[0] == name[0] or (len(name) >= 4 and name[:2] in n))
                and name[-1] in n.replace(" ", "")[-2:]
                and _subsequence(name, n.replace(" ", ""))
                for n in o.names or [o.name]
            )
        }
        if len(targets) == 1 and short.key in ex.orgs:
            target = ex.orgs[targets.pop()]
            for alias in short.names:
                target.add_name(alias)
            _redirect(ex, short.key, target.key)
            del ex.orgs[short.key]


def _redirect(ex: Extraction, old: str, new: str) -> None:
    for person in ex.people.values():
        for h in person.holdings:
            h.org = new if h.org == old else h.org
        person.affiliation = new if person.affiliation == old else person.affiliation
    for event in ex.events.values():
        event.organizers = [(new if k == old else k, q) for k, q in event.organizers]
    for agreement in ex.agreements:
        agreement.parties = [(new if k == old else k, q) for k, q in agreement.parties]
    for budget in ex.budgets:
        if budget.manager and budget.manager[0] == old:
            budget.manager = (new, budget.manager[1])
    for org in ex.orgs.values():
        org.parent = new if org.parent == old else org.parent
    for person in ex.people.values():
        person.holdings = _unique_holdings(person.holdings)
    if ex.meta.publisher and ex.meta.publisher[0] == old:
        ex.meta.publisher = (new, ex.meta.publisher[1])
