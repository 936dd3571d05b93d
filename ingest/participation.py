"""Who took part in the article's main event, and in what role: people in the event's photo caption, in
attendee lists, in sentences that report attendance or a talk (참석, 비롯해, 기조강연, 발제, 축사, 공동의장…),
and speakers quoted in the report. Reporters, contact-table staff and heads named only in an organisation's
introduction `(장관 X, 이하 …)` are not participants."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.events import compatible
from ingest.eventwords import EVENT_NOUNS
from ingest.model import Event, Extraction, Person, Role
from ingest.orgs import suffix_kind
from ingest.quotes import Occurrence
from ingest.titles import normalise_title, parse_title

if TYPE_CHECKING:
    from ingest.orgs import OrgFinder

TRIGGERS = [
    (re.compile(r"기조\s?강연|기조\s?연설"), "keynote-speaker", 0.85),
    (re.compile(r"공동\s?의장|공동\s?위원장"), "co-chair", 0.85),
    (re.compile(r"좌장|의장을 맡|사회를 맡|사회로|위원장을 맡|주재"), "chair", 0.8),
    (
        re.compile(r"발제|주제\s?발표|발표(했|를|는|에|자|한다|할|인)|강연|특강|연사"),
        "presenter",
        0.8,
    ),
    (re.compile(r"축사|환영사|개회사|격려사|인사말|기념사|발언|모두발언"), "speaker", 0.8),
    (re.compile(r"토론자|패널|토론(에|을)\s?(참여|나)"), "panelist", 0.75),
    (re.compile(r"서명|체결"), "signatory", 0.7),
    (
        re.compile(
            r"참석|참가|비롯해|비롯한|함께\s?했|자리했|참여|방문|순방|찾아|찾았|만나|만났|면담|회담|회동|접견|참관|배석|동행|예방|방한"
        ),
        "attendee",
        0.8,
    ),
    # an award given or received there, a gift handed over ('A 대표 등 10명에게 표창을 수여했다')
    (re.compile(r"수상|표창|포상|시상|상을\s?받|수여|전달했|전달하고|전달하며"), "attendee", 0.7),
    (re.compile(r"개최|열었|열고|열어|가졌|갖고|가진|주최"), "host", 0.7),
    (  # '…대표들과 간담회를 했다': an event noun with the plainest light verb
        re.compile(
            "(?:"
            + "|".join(n for n, _ in EVENT_NOUNS)
            + r")(?:을|를)\s(?:했(?:다|고|으며)|하고|하며)"
        ),
        "host",
        0.65,
    ),
]
PRIORITY = [
    "keynote-speaker",
    "co-chair",
    "chair",
    "presenter",
    "speaker",
    "panelist",
    "signatory",
    "host",
    "attendee",
]
# Nouns a sentence uses to point back at an event: '협약식에는', '이날 간담회에서', '협의회에는', '이 자리에는'.
SIGNING_NOUNS = ("협약식", "체결식", "조인식")
BACK_NOUNS = [
    (noun, SIGNING_NOUNS if noun in SIGNING_NOUNS else (noun,), cls)
    for noun, cls in sorted(dict(EVENT_NOUNS).items(), key=lambda item: -len(item[0]))
    if noun not in ("행사", "기념행사", "출시", "세션", "대회") and cls != "Session"
] + [("회동", ("회동",), "Meeting"), ("면담", ("면담",), "Meeting")]
GENERIC_BACK = re.compile(r"(이\s?자리|이날\s?행사|이번\s?행사|행사에(?:는|서)|현장에는|이날)")
# What a person did instead of attending: a video or written message, absence ('영상 축사를 보냈으며',
# '일정상 불참했다', '참석하지 못했다').
REMOTE = re.compile(
    r"영상\s?(?:축사|메시지|인사말?|환영사|격려사|기념사|축하\s?메시지)|서면\s?(?:축사|인사|메시지)|축전을|"
    r"화상으로|불참|참석하지\s?(?:못|않)|참석이\s?어려"
)
QUOTED_SPEECH = re.compile(r"[“\"][^”\"]{2,600}[”\"]")
CLAUSE_STOP = re.compile(r"[,;]|(?:했|하였|었|았|였)(?:으며|고|지만|는데)\s|(?:하며|하고|하지만)\s")


def _sentence(text: str, start: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("다.", 0, start))
    right = text.find(". ", start)
    return text[left + 1 if left >= 0 else 0 : right + 1 if right >= 0 else len(text)]


def events_of(ex: Extraction, line: int, text: str, start: int, kind: str) -> list[str]:
    """The events a person named at `start` of body line `line` takes part in: the events the sentence
    itself reports (all of them when the person is its subject, else the nearest), else the event the
    sentence points back to ('협약식에는', '이날 간담회에서', '이 자리에는'), else the main event."""
    main = ex.main_event
    sentence = _sentence(text, start)
    a = text.find(sentence)
    b = a + len(sentence)
    spoken = QUOTED_SPEECH.sub(lambda m: " " * len(m.group(0)), sentence)
    own = [
        e
        for e in ex.events.values()
        if "Session" not in e.kinds
        and (
            (e.line == line and e.sentence and e.sentence[0] < b and a < e.sentence[1])
            or any(n == line and s < b and a < t for n, s, t in e.anchors)
        )
    ]
    if own:
        after = text[start : start + 40]
        name_end = re.match(r"[^\s]*(?:\s[^\s,]*){0,5}?(?:은|는|이|가)\s", after)
        subject = bool(name_end) and not re.search(r"(과|와|및)\s*$", text[a:start])
        if subject or len(own) == 1:
            return [e.key for e in own]
        return [min(own, key=lambda e: abs(sentence.find(e.name[:4]) + a - start)).key]
    earlier = sorted(
        (e for e in ex.events.values() if _told_before(e, line, a) and "Session" not in e.kinds),
        key=lambda e: (e.line, e.sentence or (0, 0)),
    )
    org_names = {n.replace(" ", "") for o in ex.orgs.values() for n in o.names or [o.name]}
    for noun, heads, cls in BACK_NOUNS:
        if noun not in spoken:  # an event noun inside a quoted remark is no reference
            continue
        pool = earlier if kind != "caption" else list(ex.events.values())
        matching = [
            e
            for e in pool
            if any(h in e.name for h in heads) or (cls in e.kinds and cls != "Meeting")
        ]
        if matching:
            return [(matching if kind != "caption" else earlier or matching)[-1].key]
        if _points_back(spoken, noun, org_names):
            # '이날 간담회에는 …' and no event of that noun: a meeting or visit named by a verb
            # ('…를 방문했다. 이날 간담회에는 …'), else the article's main event named in other words (a
            # part of it, or the lede's event read under another noun)
            matching = [e for e in earlier if compatible(e, noun)]
            return [matching[-1].key] if matching else [main.key] if main else []
    if kind == "caption":
        dates = {e.start for e in ex.events.values() if e.start}
        for e in ex.events.values():
            day = re.search(rf"(?<!\d){e.start.day}일", sentence) if e.start else None
            if day and len(dates) > 1:
                return [e.key]
    if GENERIC_BACK.search(spoken):
        # '이 자리에는', '이날': the event reported before; none before it means no event this sentence
        # points to was found
        return [earlier[-1].key] if earlier else []
    if main is not None and main.line > line and kind == "body":
        return []  # the main event is told after this sentence: not what the sentence is about
    return [main.key] if main else []


def _told_before(event: Event, line: int, start: int) -> bool:
    """The event is told before the sentence at `start` of body line `line`: on an earlier line, or in an
    earlier sentence of the same paragraph ('…데모데이를 진행했다. 이 자리에는 …')."""
    if event.line < 0 or event.line > line:
        return False
    return event.line < line or (event.sentence is not None and event.sentence[0] < start)


def _points_back(sentence: str, noun: str, org_names: set[str]) -> bool:
    """The sentence names the event by its noun as the place of what it tells ('이날 간담회에는', '협의회에서',
    '회의에는'), not as part of an organisation's name ('…스타트업포럼 대표')."""
    for m in re.finditer(rf"(\S*){noun}(?:에는|에서는|에서|에선|에도|엔|에)(?=[\s,])", sentence):
        word = m.group(1) + noun
        if not any(n.endswith(word) or word.endswith(n) for n in org_names if len(n) >= 3):
            return True
    return False


def _subject_there(text: str, end: int, sentence: str, ex: Extraction) -> bool:
    """'A 장관은 기업인들의 애로를 듣고 지원을 약속했다': the subject of a past-tense sentence of the report
    that gives no date, year or tense of its own — what they did there, at the event the sentence belongs to."""
    from ingest.dates import FUTURE, find_dates, partial_date

    if not re.match(r"\S*?(?:은|는|이|가)\s", text[end : end + 8]):
        return False
    if FUTURE.search(sentence) or find_dates(sentence, ex.meta.date):
        return False
    if partial_date(sentence, ex.meta.date) or re.search(
        r"(?:19|20)\d{2}|지난해|작년|올해|그동안|앞서", sentence
    ):
        return False
    return bool(re.search(r"(?:했|였|았|었)다\.?\s*$", sentence.strip()))


CARRY_VERBS = re.compile(
    r"참석|참가|방문|순방|찾아|찾았|만나|만났|면담|회담|접견|함께했|주재|(?:을|를)\s(?:갖고|가졌|열고|열었)"
)


def _own_subject(ex: Extraction, sentence: str) -> bool:
    """'한편 가온부 차관은 … 참석해': the sentence has a subject of its own — a post or an organisation —
    though it names nobody, so nobody is carried into it from the sentence before."""
    names = {n.replace(" ", "") for o in ex.orgs.values() for n in o.names or [o.name]}
    for m in re.finditer(r"(\S+?)(?:은|는|이|가)(?=\s)", sentence):
        word = m.group(1)
        if re.search(r"\d|에$", word) or re.match(
            r"\s\S*(?:하는|한|된|되는)\s", sentence[m.end() :]
        ):
            continue  # '13일에는', '오전에는'; '…부가 주관하는 서밋': the subject of a relative clause
        if parse_title(word) or word in names or suffix_kind(word):
            return True
    return False


def _carried_subjects(
    ex: Extraction, lines: list[str], kinds: list[str], occurrences: list[Occurrence]
) -> list[tuple[str, str, str]]:
    """'A 장관은 10일 …포럼에 참석했다. 11일에는 … 서밋에 참석했으며': an event whose sentence names nobody
    and says someone attended or visited is attended by the subject of the sentence before (its line or
    the line before). (event, person, quote) for each."""
    out = []
    for event in ex.events.values():
        if event.line < 0 or event.sentence is None or kinds[event.line] != "body":
            continue
        a, b = event.sentence
        sentence = lines[event.line][a:b]
        if (
            not CARRY_VERBS.search(sentence)
            or any(o.line == event.line and a <= o.start < b for o in occurrences)
            or _own_subject(ex, sentence)
        ):
            continue
        before = [
            o
            for o in occurrences
            if (o.line == event.line and o.start < a) or (event.line - 2 <= o.line < event.line)
        ]
        subjects = [
            o
            for o in before
            if kinds[o.line] == "body"
            and re.match(r"\S*?(?:은|는|이|가)\s", lines[o.line][o.end : o.end + 8])
        ]
        if subjects:
            last = max(subjects, key=lambda o: (o.line, o.start))
            out.append((event.key, last.person, sentence.strip()))
    return out


def _opens_at_event(sentence: str) -> bool:
    """'포럼에는 A, B가 연사로 나섰다', '간담회에서는 …': the sentence opens at an event named by its noun."""
    first = sentence.split(maxsplit=1)[0] if sentence.split() else ""
    return any(
        re.fullmatch(rf"\S*{noun}(?:에는|에서는|에선|엔)", first) for noun, _, _ in BACK_NOUNS
    )


def _remote(text: str, start: int, end: int) -> bool:
    """The clause a person is named in says they sent a message or did not come (영상 축사, 불참)."""
    stop = CLAUSE_STOP.search(text, end)
    return bool(REMOTE.search(text[start : stop.end() if stop else len(text)]))


def assign(
    ex: Extraction,
    lines: list[str],
    kinds: list[str],
    occurrences: list[Occurrence],
    attendee_lines: set[int],
    speakers: dict[tuple[str, str], str],
) -> None:
    """Give each participant of each event one Role (the most specific one found) with its evidence."""
    main = ex.main_event
    if main is None or (main.start is None and main.partial is None):
        return
    found: dict[tuple[str, str], Role] = {}
    absent: set[tuple[str, str]] = set()  # (person, event): sent a message, did not come

    def offer(
        person: str, role: str, quote: str, confidence: float, reason: str, event: str | None = None
    ) -> None:
        event = event or main.key
        current = found.get((person, event))
        if current is None or PRIORITY.index(role) < PRIORITY.index(current.role):
            found[(person, event)] = Role(event, role, quote[:390], confidence, reason)

    for occ in occurrences:
        person: Person = ex.people[occ.person]
        text, kind = lines[occ.line], kinds[occ.line]
        mention = text[occ.start : occ.end]
        if (
            text[occ.end : occ.end + 1] == "의"
            and kind != "caption"
            and not re.match(r"의\s(?:사회|주재|진행)", text[occ.end : occ.end + 6])
        ):
            continue  # '한도윤대통령의 유럽 순방': a modifier ('…실장의 사회로' is the chair)
        if kind == "caption":
            speaking = re.search(r"(발언|인사말|축사|강연|발표)(하고|을 하고)", text)
            for event in events_of(ex, occ.line, text, occ.start, kind):
                offer(
                    person.key,
                    "speaker" if speaking else "attendee",
                    mention,
                    0.85,
                    "named in the event's photo caption (basis: caption)",
                    event,
                )
            continue
        if occ.line in attendee_lines:
            offer(person.key, "attendee", text.strip(" -"), 0.8, "named in the attendee list")
            continue
        if kind not in ("body", "list"):
            continue
        if _remote(text, occ.start, occ.end):
            for event in events_of(ex, occ.line, text, occ.start, kind):
                absent.add((person.key, event))
            continue
        sentence = _sentence(text, occ.start)
        offset = text.find(sentence)
        # the comma-separated part of the sentence the person is named in comes first
        # ('주제발표는 A가 맡고, 좌장은 B가 맡는다')
        part_start = max(text.rfind(",", offset, occ.start) + 1, offset)
        part_end = text.find(",", occ.end, offset + len(sentence))
        part_end = part_end if part_end >= 0 else offset + len(sentence)
        after: list[tuple[int, str, float, str]] = []
        before: list[tuple[int, str, float, str]] = []
        whole_before: list[tuple[int, str, float, str]] = []
        for pattern, role, confidence in TRIGGERS:
            for m in pattern.finditer(sentence):
                position = offset + m.start()
                entry = (abs(position - occ.end), role, confidence, m.group(0))
                if position < occ.end:
                    whole_before.append(entry)
                if not part_start <= position < part_end:
                    continue
                (after if position >= occ.end else before).append(entry)
        if not after and not before:
            for pattern, role, confidence in TRIGGERS:
                for m in pattern.finditer(sentence):
                    position = offset + m.start()
                    (after if position >= occ.end else before).append(
                        (abs(position - occ.end), role, confidence, m.group(0))
                    )
        best = min(after) if after else min(before) if before else None
        if best and before and best[1] in ("attendee", "host"):
            specific = [t for t in before if t[1] not in ("attendee", "host")]
            best = min(specific) if specific else best
        before = whole_before
        if best is None and (
            re.match(r"\s*(?:이날|이\s?자리에서|현장에서|행사에서)", sentence)
            or _opens_at_event(sentence)
        ):
            best = (
                0,
                "attendee",
                0.65,
                sentence.strip()[:8],
            )  # '이날 A는 B에게 … 전달했다': at the event
        if best is None and _subject_there(text, occ.end, sentence, ex):
            best = (0, "attendee", 0.6, "the subject of the report")
        specific_before = [t for t in before if t[1] not in ("attendee", "host")]
        if best and best[1] in ("attendee", "host") and specific_before:
            best = min(
                specific_before
            )  # '패널 토론에는 A, B 등이 참여했다': the role named before the list
        if (
            best
            and best[1] == "host"
            and not re.match(r"\S*\s?(?:이|가|은|는)\s", text[occ.end : occ.end + 4])
            and not re.search(r"(?:이|가|은|는)$", mention)  # '설 장관은 … 개최하고'
        ):
            best = None  # only the subject of '… 개최했다' hosts it
        if best:
            for event in events_of(ex, occ.line, text, occ.start, kind):
                offer(
                    person.key,
                    best[1],
                    sentence.strip(),
                    best[2],
                    f"sentence says '{best[3]}'",
                    event,
                )
    for event, subject, quote in _carried_subjects(ex, lines, kinds, occurrences):
        offer(
            subject, "attendee", quote, 0.6, "the subject carried from the sentence before", event
        )
    for (speaker, event), quote in speakers.items():
        if event in ex.events:
            offer(speaker, "speaker", quote, 0.75, "quoted in the report of the event", event)
    for agreement in ex.agreements:  # the subject of the sentences that report a signing signs it
        if agreement.event and agreement.event[0] in ex.events:
            for signer, quote, why in agreement.signatories:
                if signer in ex.people:
                    offer(signer, "signatory", quote, 0.6, why, agreement.event[0])
    for (
        line_no
    ) in attendee_lines:  # posts named without a name: resolved to who holds them in this article
        for word in re.split(r"[,:·\s]+", lines[line_no]):
            holder = _holder(ex, word)
            if holder and not any(p == holder for p, _ in found):
                offer(
                    holder,
                    "attendee",
                    lines[line_no].strip(" -"),
                    0.6,
                    f"the attendee list names the post '{word}'",
                )
    for (key, event), found_role in found.items():
        if (key, event) in absent:
            continue
        ex.people[key].roles.append(found_role)
    for key, event in sorted(absent):
        if event in ex.events:
            ex.warnings.append(
                f"{ex.people[key].name} sent a message to or did not come to '{ex.events[event].name}' "
                "(영상 축사, 불참): not recorded as taking part."
            )


def _holder(ex: Extraction, word: str) -> str | None:
    """The one person of the article holding the post written as `word` (e.g. '…추진단장', '기술혁신정책관')."""
    word = normalise_title(word.strip("등 "))
    if len(word) < 3:
        return None
    matches = set()
    for person in ex.people.values():
        for h in person.holdings:
            org = ex.orgs.get(h.org) if h.org else None
            names = [n.replace(" ", "") for n in (org.names if org else [])] + [""]
            if any(word == n + h.title or (n and word == n + h.title[-1:]) for n in names):
                matches.add(person.key)
    return matches.pop() if len(matches) == 1 else None


# Organisations taking part: 'A, B, C 관계자들이 참석해 … 발표했다', 'A, B 등 공공기관이 참석한 가운데',
# 'A, B 등 기관별 … 발표'. The organisations are the list that ends right before the trigger.
ORG_TRIGGERS = [
    (re.compile(r"관계자(?:들)?(?:이|가|도)?\s*(?:참석|참가|참여|자리)"), "attendee"),
    (
        re.compile(
            r"등\s*(?:공공기관|기관|관계기관|유관기관|기업|단체)(?:들)?(?:이|도)?\s*(?:참석|참가|참여)한\s*가운데"
        ),
        "attendee",
    ),
    (re.compile(r"등\s*기관별[^.]{0,60}?발표"), "presenter"),
]
LINKED = re.compile(r"^\s*[□○ㅇ·\-▲]*\s*(이어|이날|이번|또한|아울러|또)\b")
PRESENTED = re.compile(r"발표(했|하|를|에)|발제|사례를\s*소개")


def org_roles(ex: Extraction, orgs: OrgFinder, lines: list[str], kinds: list[str]) -> None:
    """PARTICIPATED_IN for organisations a sentence says attended or presented at the main event."""
    from ingest.orgs import COUNTRIES
    from ingest.sentences import split_sentences

    main = ex.main_event
    if main is None or main.start is None:
        return
    {n for n in re.findall(r"[가-힣]+", main.name) if len(n) >= 2}
    heads = [
        n
        for n in (
            "포럼",
            "간담회",
            "회의",
            "행사",
            "세미나",
            "컨퍼런스",
            "콘퍼런스",
            "토론회",
            "협의회",
            "설명회",
            "워크숍",
            "심포지엄",
            "총회",
            "협약식",
        )
        if n in main.name
    ] + ["행사"]
    countries = "|".join(map(re.escape, COUNTRIES))
    gap = re.compile(rf"^[\s,·]*(?:및|와|과|그리고)?[\s,·]*(?:(?:{countries})\s*)?$")
    for number, text in enumerate(lines):
        if kinds[number] not in ("body", "list"):
            continue
        for sent in split_sentences(text):
            sentence = sent.text
            linked = (
                (main.quote and (sentence.strip() in main.quote or main.quote.strip() in sentence))
                or any(h in sentence for h in heads)
                or LINKED.search(sentence)
                or main.name in sentence
            )
            if not linked:
                continue
            for pattern, role in ORG_TRIGGERS:
                for m in pattern.finditer(sentence):
                    found = [h for h in orgs.find(sentence[: m.start()]) if h[1] <= m.start()]
                    chosen: list[str] = []
                    anchor = m.start()
                    for a, b, name, _ in reversed(found):
                        if not gap.match(sentence[b:anchor]):
                            break
                        chosen.insert(0, name)
                        anchor = a
                    final = role
                    if role == "attendee" and PRESENTED.search(sentence[m.end() :]):
                        final = "presenter"
                    for name in chosen:
                        org = orgs.lookup(name)
                        if org is None or any(r.event == main.key for r in org.roles):
                            continue
                        org.roles.append(
                            Role(
                                main.key,
                                final,
                                sentence.strip(" □○ㅇ·-")[:390],
                                0.75,
                                f"sentence says '{m.group(0).strip()}'",
                            )
                        )
