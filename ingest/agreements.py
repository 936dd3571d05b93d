"""Agreements (협약, 업무협약, MOU, 양해각서, 계약) and their parties: `A과 B는 … 업무협약을 체결했다`,
`A는 … B와 … 계약을 체결`, `A는 B, C와 D간 … 협약을 5일 맺었다` (the parties are the ones 간 joins),
`… '노르딕 브리지'와 협약을 맺어` (a quoted partner), a partner alone with the article's subject
carried from the sentences before, agreements to be signed (`맺는다`, planned), an agreement signed during an
event named in the sentence (`… 특별포럼에서 … 양해각서를 체결`), and a signing ceremony (협약식) whose parties a
footnote lists (`선도기관*` → `* (美)MIT, …`). Each action is dated by its own clause."""

from __future__ import annotations

import datetime as dt
import re

from ingest.body import Body, Line
from ingest.dates import FUTURE, clause_date, clauses
from ingest.lexicon import strip_particle
from ingest.model import Agreement, Event, Extraction
from ingest.orgs import COUNTRIES, OrgFinder, _org_like
from ingest.quotes import Occurrence
from ingest.sentences import is_bare_noun, is_common_word, split_sentences

NOUN = re.compile(r"(업무\s?협약|협약|MOU|양해각서|계약|협정|파트너십|의향서)")
SIGNED = re.compile(
    r"(업무\s?협약|협약|MOU|양해각서|계약|협정|파트너십)(?:서)?(?:\([^)]{1,15}\))?[’'」”\"]?\s?"
    r"(?:을|를|도|이|가)?\s?(?:\d{1,2}\s?일\s?|공동으로\s?|각각\s?|정식으로\s?)?"
    r"(?:체결(?:했|하고|해|하며|하였|한다|할|한|하는|하기로|식|됐|되었|된)|맺(?:었|고|는|기로|은|을)|"
    r"서명(?:했|하고|해|하였|한)|교환(?:했|하고|해|하였)|갱신(?:했|하고|해))"
)
MODIFIER = re.compile(r"^(?:은|는|한|된)\s+(?:기관|기업|업체|단체|곳|나라|국가|측|대학|회사)")
QUOTED = re.compile(
    r"[‘'「“\"]([^’'」”\"]{2,60}?(?:업무\s?협약|협약|MOU|양해각서|계약|협정))[’'」”\"]"
)
QUOTED_PARTNER = re.compile(
    r"[‘'「“\"]([^’'」”\"]{2,30}?)[’'」”\"]\s*(?:와|과|와의|과의|의|측과|와도|과도)\s"
)
DATELINE = re.compile(
    r"^\s*(?:[\[(][^\])]{0,20}[\])]\s*)?(?:[가-힣]{2,4}\s?(?:기자|특파원)\s?[=\]]\s*)"
)
PURPOSE = re.compile(
    r"([가-힣A-Za-z0-9·]+(?:\s[가-힣A-Za-z0-9·]+){0,3}?)(?:을|를)\s?위한\s+(?:[가-힣]+\s)?$"
)
COORDINATED = re.compile(r"(?:^|[\s,])([^\s,]{2,20}?)(과|와)\s([^\s,]{2,20}?)(?:은|는|이|가)\s")
LATIN_PARTY = re.compile(
    r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&\-]{1,15})(?=(?:와|과|는|은|가|이|,)(?:\s|$))"
)
BETWEEN = re.compile(r"(?:\)|[가-힣A-Za-z])\s?간\s")
AT_EVENT = re.compile(
    r"(?:이번\s?행사|이날|계기로|현장에서|행사에서|자리에서|(?:^|[\s○ㅇ·-])이어\s|포럼에서|회의에서)"
)
SUBJECT = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:은|는|이|가)(?:\s|$)")


def _kind(noun: str) -> str:
    return "Contract" if "계약" in noun else "MOU"


def _name(sentence: str, end: int) -> str:
    """The noun phrase ending with the agreement word: '글로벌 R&D 협력 업무협약'."""
    words = sentence[:end].split()
    parts: list[str] = []
    for word in reversed(words):
        stem, particle = strip_particle(word)
        if parts and (particle or not is_bare_noun(word) or word.endswith(",")):
            break
        parts.insert(0, stem if not parts else word)
        if len(parts) >= 5:
            break
    return " ".join(parts)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    return "".join(chars)


def _not_parties(text: str) -> list[tuple[int, int]]:
    """Spans of the head that name no party: the venue ('가온대 대학본부에서', '서울 한결타워 청사에서'),
    quoted topics that are not a partner ('‘미래소재 공동연구센터’ 설립'), the purpose ('…를 위한')."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\s,]+에서(?=\s)", text):
        start = m.start()
        for word in reversed(list(re.finditer(r"\S+", text[: m.start()]))[-3:]):
            if re.search(r"\d|[,)]$|(?:은|는|이|가|과|와|을|를|의)$", word.group(0)):
                break  # 'A청과 충청북도는 22일 충북도청사에서': the venue starts after the date
            start = word.start()
        spans.append((start, m.end()))
    for m in re.finditer(r"[‘'「“\"][^’'」”\"]{2,80}[’'」”\"]", text):
        if not re.match(r"\s*(?:와|과|와의|과의|의|측과|와도|과도)\s", text[m.end() : m.end() + 5]):
            spans.append(m.span())
    for m in re.finditer(r"(?:을|를)\s?위(?:한|해)|에\s?관한|에\s?대한", text):
        # the purpose noun phrase: up to four words back, never past a party's particle or a comma
        left = m.start()
        for word in reversed(list(re.finditer(r"\S+", text[: m.start()]))[-4:]):
            if re.search(r"(?:와|과|은|는|이|가|,)$", word.group(0)) or "’" in word.group(0):
                break
            left = word.start()
        spans.append((left, m.end()))
    return spans


def _parties(
    orgs: OrgFinder, text: str, quote: str, subject: int | None = None
) -> list[tuple[str, str]]:
    keys: list[str] = []
    pair = COORDINATED.search(text)
    if pair:  # 'A과 B는 … 협약을 체결': both are parties, named in the graph or not
        for name in (pair.group(1), pair.group(3)):
            if not orgs.find(name) and _org_like(name) and not is_common_word(name):
                keys.append(orgs.register(name, quote=quote).key)
    hits = orgs.find(text)
    between = next(
        (
            b
            for b in BETWEEN.finditer(text)
            if any(
                re.fullmatch(r"\s*(?:\([^)]*\))?\s*", text[h[1] : b.start() + 1])
                or h[1] == b.start() + 1
                for h in hits
            )
        ),
        None,
    )  # 'A, B와 C간': 간 right after an organisation (or its bracket), not '프로그램 간'
    if between and len([h for h in hits if h[1] <= between.start() + 1]) >= 2:
        # 'A는 B, C 등 … 기관과 D간 … 협약을': the parties are the ones 간 joins, not the announcer A
        topic = next(
            (h for h in hits if SUBJECT.match(text[h[1] : h[1] + 30]) and h[1] < between.start()),
            None,
        )
        marker = SUBJECT.match(text[topic[1] : topic[1] + 30]) if topic else None
        after = topic[1] + len(marker.group(0)) if topic and marker else 0
        hits = [h for h in hits if h[1] <= between.start() + 1 and h[0] >= after]
    for _a, b, name, _ in hits:
        if re.match(r"\s*의\s", text[b : b + 3]) or name in COUNTRIES:
            continue
        keys.append(orgs.register(name, quote=quote).key)
    for m in QUOTED_PARTNER.finditer(text):
        inner = m.group(1).strip()
        known = orgs.lookup(inner)
        if NOUN.search(inner) or (known is not None and known.key in keys):
            continue
        words = inner.split()
        if not words or len(words) > 4 or not all(is_bare_noun(w) for w in words):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        country = next((c for c in COUNTRIES if c in before and len(c) > 1), None)
        org = orgs.register(
            inner, quote=quote, country=COUNTRIES[country] if country else None, confidence=0.75
        )
        if country and COUNTRIES[country] != "KR":
            org.foreign = True
        keys.append(org.key)
    for m in LATIN_PARTY.finditer(text):
        if orgs.lookup(m.group(1)) is None and not any(
            m.group(1) in orgs.ex.orgs[k].names for k in keys
        ):
            keys.append(orgs.register(m.group(1), "Company", quote).key)
    unique = list(dict.fromkeys(keys))
    return [(k, quote) for k in unique]


def _subject(
    ex: Extraction, orgs: OrgFinder, text: str, people: list[tuple[int, int, str]]
) -> tuple[str | None, str | None]:
    """(organisation, person) the sentence is about: 'A는 …' or '홍길동 A 이사장은 …' (the person's post)."""
    for start, end, person in sorted(people):
        if SUBJECT.match(text[end : end + 6]) and start < 60:
            holder = ex.people.get(person)
            org = holder.holdings[0].org if holder and holder.holdings else None
            return org, person
    for a, b, name, _ in orgs.find(text[:80]):
        particle = SUBJECT.match(text[b : b + 30])
        if particle and a < 40:
            following = text[b + particle.end() :].split(" ", 1)[0]
            if particle.group(0).strip().endswith(("이", "가")) and re.search(
                r"(는|한|된)$", following
            ):
                continue  # 'A부가 주관하는 서밋': the subject of a relative clause
            return orgs.register(name, quote=text.strip()[:300]).key, None
    return None, None


def find_agreements(
    ex: Extraction,
    orgs: OrgFinder,
    body: Body,
    occurrences: list[Occurrence] | None = None,
) -> list[Agreement]:
    main = ex.main_event
    found: list[Agreement] = []
    by_line: dict[int, list[Occurrence]] = {}
    for occ in occurrences or []:
        by_line.setdefault(occ.line, []).append(occ)
    lines = [ln for ln in body.lines if ln.kind in ("body", "list", "caption")]
    subject: str | None = None
    signer: str | None = None
    previous: tuple[dt.date, int] | None = None  # the date and line of the last dated signing
    outlet = ex.meta.publisher[0] if ex.meta.publisher and not ex.meta.press_release else None
    for line in sorted(lines, key=lambda ln: (ln.kind == "caption", ln.index)):
        for sent in split_sentences(line.text):
            text = sent.text
            people = [
                (o.start - sent.start, o.end - sent.start, o.person)
                for o in by_line.get(line.index, [])
                if sent.start <= o.start < sent.end
            ]
            org, person = (
                _subject(ex, orgs, text, people) if line.kind != "caption" else (None, None)
            )
            subject = org or subject
            signer = person if org or person else signer
            for m in SIGNED.finditer(text):
                if MODIFIER.match(text[m.end() - 1 :]):
                    continue  # '협약을 맺은 회사의 대표': an agreement described, not reported
                agreement = _agreement(
                    ex, orgs, line, text, m, people, subject, signer, previous, outlet
                )
                if agreement is None:
                    continue
                if agreement.start:
                    previous = (agreement.start, line.index)
                same = next((a for a in found if _same_agreement(ex, a, agreement)), None)
                if same is not None and len(same.parties) == 1 and len(agreement.parties) > 1:
                    agreement.key = same.key  # a summary sentence first, the named signing after
                    found[found.index(same)] = agreement
                    continue
                if same is not None:
                    for party in agreement.parties:
                        if line.kind != "caption" and party[0] not in {k for k, _ in same.parties}:
                            same.parties.append(party)
                    same.start = same.start or agreement.start
                    continue
                agreement.key = f"agreement:{len(found)}"
                found.append(agreement)
    found = _drop_summaries(found)
    for event in ex.events.values():
        if "SigningCeremony" in event.kinds and not any(
            a.event and a.event[0] == event.key for a in found
        ):
            agreement = _from_ceremony(ex, orgs, body, event, bool(found))
            if agreement:
                agreement.key = f"agreement:{len(found)}"
                found.append(agreement)
    del main
    return found


def _agreement(
    ex: Extraction,
    orgs: OrgFinder,
    line: Line,
    text: str,
    m: re.Match[str],
    people: list[tuple[int, int, str]],
    subject: str | None,
    signer: str | None,
    previous: tuple[dt.date, int] | None,
    outlet: str | None,
) -> Agreement | None:
    """The agreement one signing verb of a sentence reports (None when no party can be read)."""
    main = ex.main_event
    a, _b = next(((x, y) for x, y in clauses(text) if x <= m.start() < y), (0, len(text)))
    skip = DATELINE.match(text)
    head_start = max(a, skip.end() if skip else 0)
    quoted = [q for q in QUOTED.finditer(text) if q.end(1) == m.end(1)]
    name = quoted[0].group(1) if quoted else _name(text, m.end(1))
    head_end = quoted[0].start() if quoted and quoted[0].start() >= head_start else m.start()
    spans = [(s, e) for s, e, _ in people] + _not_parties(text)
    head = _blank(text[head_start:head_end], [(s - head_start, e - head_start) for s, e in spans])
    quote = text.strip()[:390]
    parties = [p for p in _parties(orgs, head, quote) if p[0] != outlet]
    implicit = False
    if (
        len(parties) < 2
        and subject
        and subject not in {k for k, _ in parties}
        and subject in ex.orgs
    ):
        parties.insert(0, (subject, quote))  # the partner is named; the subject is the article's
        implicit = True
    if not parties:
        return None
    if len(name.split()) == 1:
        purpose = PURPOSE.search(text[: m.start()])
        words = purpose.group(1).split() if purpose else []
        # '…재단과 중소기업 기술협력을 위한': the purpose starts after the last word with a particle
        cut = max(
            (k + 1 for k, w in enumerate(words) if strip_particle(w)[1] or not is_bare_noun(w)),
            default=0,
        )
        words = words[cut:]
        name = (
            " ".join([*words, name])
            if words
            else "-".join(ex.orgs[k].name for k, _ in parties[:3]) + f" {name}"
        )
    agreement = Agreement("", name, _kind(m.group(1)), parties, quote=quote, line=line.index)
    ref = ex.meta.date
    date = clause_date(text, m.start(), ref, previous[0] if previous else None)
    if date:
        agreement.start = date.date
    elif AT_EVENT.search(text):
        # '이어 …', '이날 …': the day of what the article told last — an earlier signing, or the event
        # reported before this line (the main event only when it is told before)
        told = [e for e in ex.events.values() if e.start and 0 <= e.line <= line.index]
        context = max(told, key=lambda e: (e.line, e.sentence or (0, 0)), default=None)
        if previous and (context is None or previous[1] >= context.line):
            agreement.start = previous[0]
        elif context is not None:
            agreement.start = context.start
            agreement.event = (context.key, quote)
        elif main and main.line <= line.index:
            agreement.start = main.start
            agreement.event = (main.key, quote)
    clause = next((text[x:y] for x, y in clauses(text) if x <= m.start() < y), text)
    if FUTURE.search(clause):
        agreement.status = "planned"
    venue = re.search(r"([^\s,]+(?:\s[^\s,]+){0,5}?)에서\s", text[a : m.start()])
    if venue and agreement.event is None:
        host = _event_named(ex, venue.group(1))
        if host is not None:
            agreement.event = (host.key, quote)
            agreement.start = agreement.start or host.start
    agreement.confidence = 0.8 if len(parties) >= 2 and not implicit else 0.6
    if signer and re.search(r"체결|서명|맺", m.group(0)):
        agreement.signatories.append((signer, quote, "the subject of the sentence signs"))
    return agreement


def _event_named(ex: Extraction, phrase: str) -> Event | None:
    """An event of the article whose name ends the phrase before '에서' ('… 특별포럼에서', '… 서밋에서')."""
    key = re.sub(r"\s+", "", phrase)
    for event in ex.events.values():
        name = re.sub(r"\s+", "", event.name)
        if (
            len(name) >= 3
            and (key.endswith(name) or name.endswith(key[-len(name) :] if key else ""))
            and (key.endswith(name) or (len(key) >= 4 and name.endswith(key)))
        ):
            return event
    return None


def _same_agreement(ex: Extraction, a: Agreement, b: Agreement) -> bool:
    """The same signing told twice (a caption and the body, a summary and the report): shared parties, no
    other date, and no partner of one missing from the other unless one names no partner at all."""
    parties_a, parties_b = {k for k, _ in a.parties}, {k for k, _ in b.parties}
    shared = parties_a & parties_b
    if not shared or (a.start and b.start and a.start != b.start) or a.status != b.status:
        return False
    return len(shared) >= 2 or len(parties_a) == 1 or len(parties_b) == 1


def _drop_summaries(found: list[Agreement]) -> list[Agreement]:
    """'… 여러 기관과 협약을 맺었다': an agreement with a single party that also signs a named one is
    the summary of those, not another agreement."""
    named = [a for a in found if len(a.parties) >= 2]
    return [
        a
        for a in found
        if len(a.parties) >= 2
        or not any(a.parties[0][0] in {k for k, _ in n.parties} for n in named)
    ]


def _from_ceremony(
    ex: Extraction, orgs: OrgFinder, body: Body, event: Event, others: bool = False
) -> Agreement | None:
    """A 협약식 whose parties are listed in the footnote its starred word points to (or, when the article
    reports no other signing, named in the sentence of the ceremony)."""
    index = next((ln.index for ln in body.lines if event.quote[:30] in ln.text), None)
    if index is None:
        return None
    parties: list[tuple[str, str]] = []
    if "*" in body.lines[index].text:
        note = next((ln for ln in body.lines[index + 1 : index + 4] if ln.kind == "footnote"), None)
        if note:
            parties = _parties(orgs, note.text, note.text.strip(" *"))
    if not parties and body.lines[index].kind != "caption" and not others:
        parties = _parties(orgs, body.lines[index].text, event.quote)
    if not parties:
        return None  # a caption's ceremony names its guests' organisations, not the parties
    name = re.sub(r"식$", "", event.name)
    return Agreement(
        "",
        name,
        "MOU",
        parties,
        (event.key, event.quote[:390]),
        event.start,
        quote=event.quote[:390],
        confidence=0.7,
    )
