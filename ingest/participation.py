"""Who took part in the article's main event, and in what role: people in the event's photo caption, in
attendee lists, in sentences that report attendance or a talk (참석, 비롯해, 기조강연, 발제, 축사, 공동의장…),
and speakers quoted in the report. Reporters, contact-table staff and heads named only in an organisation's
introduction `(장관 X, 이하 …)` are not participants."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.model import Extraction, Person, Role
from ingest.quotes import Occurrence

if TYPE_CHECKING:
    from ingest.orgs import OrgFinder
from ingest.titles import normalise_title

TRIGGERS = [
    (re.compile(r"기조\s?강연|기조\s?연설"), "keynote-speaker", 0.85),
    (re.compile(r"공동\s?의장|공동\s?위원장"), "co-chair", 0.85),
    (re.compile(r"좌장|의장을 맡|사회를 맡|위원장을 맡|주재"), "chair", 0.8),
    (re.compile(r"발제|주제\s?발표|발표(했|를|에|자|한다|할|인)|강연|특강"), "presenter", 0.8),
    (re.compile(r"축사|환영사|개회사|격려사|인사말|기념사|발언|모두발언"), "speaker", 0.8),
    (re.compile(r"토론자|패널|토론(에|을)\s?(참여|나)"), "panelist", 0.75),
    (re.compile(r"서명|체결"), "signatory", 0.7),
    (
        re.compile(
            r"참석|참가|비롯해|비롯한|함께\s?했|자리했|참여|방문|찾아|찾았|만나|만났|면담|회동|접견|참관"
        ),
        "attendee",
        0.8,
    ),
    (re.compile(r"개최|열었|열고|가졌|갖고"), "host", 0.7),
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
# Nouns a sentence uses to point back at an event: '협약식에는', '이날 간담회에서', '이 자리에는'.
BACK_NOUNS = [
    ("협약식", ("협약식", "체결식", "조인식"), "SigningCeremony"),
    ("체결식", ("협약식", "체결식", "조인식"), "SigningCeremony"),
    ("간담회", ("간담회",), "Meeting"),
    ("회의", ("회의",), "Meeting"),
    ("포럼", ("포럼",), "Forum"),
    ("토론회", ("토론회",), "Forum"),
    ("세미나", ("세미나",), "Forum"),
    ("개막식", ("개막식",), "Launch"),
    ("기념식", ("기념식",), "Meeting"),
    ("설명회", ("설명회",), "Meeting"),
    ("서밋", ("서밋",), "Conference"),
    ("회동", ("회동",), "Meeting"),
    ("면담", ("면담",), "Meeting"),
]
GENERIC_BACK = re.compile(r"(이\s?자리|이날\s?행사|이번\s?행사|행사에(?:는|서)|현장에는|이날)")


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
        (e for e in ex.events.values() if 0 <= e.line <= line and "Session" not in e.kinds),
        key=lambda e: (e.line, e.sentence or (0, 0)),
    )
    for noun, heads, cls in BACK_NOUNS:
        if (
            re.search(noun + r"(?:에는|에서는|에서|에|은|는|의|을|를)?", sentence)
            and noun in sentence
        ):
            matching = [
                e
                for e in earlier
                if any(h in e.name for h in heads) or (cls in e.kinds and cls != "Meeting")
            ]
            if not matching and kind == "caption":
                matching = [e for e in ex.events.values() if any(h in e.name for h in heads)]
            if matching:
                return [matching[-1].key]
    if kind == "caption":
        dates = {e.start for e in ex.events.values() if e.start}
        for e in ex.events.values():
            day = re.search(rf"(?<!\d){e.start.day}일", sentence) if e.start else None
            if day and len(dates) > 1:
                return [e.key]
    if GENERIC_BACK.search(sentence) and earlier:
        before = [e for e in earlier if e.line < line] or earlier
        return [before[-1].key]
    return [main.key] if main else []


def assign(
    ex: Extraction,
    lines: list[str],
    kinds: list[str],
    occurrences: list[Occurrence],
    attendee_lines: set[int],
    speakers: dict[str, str],
) -> None:
    """Give each participant of each event one Role (the most specific one found) with its evidence."""
    main = ex.main_event
    if main is None or (main.start is None and main.partial is None):
        return
    found: dict[tuple[str, str], Role] = {}

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
        if text[occ.end : occ.end + 1] == "의" and kind != "caption":
            continue  # '한도윤대통령의 유럽 순방': a modifier, not a participant
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
        if best is None and re.match(r"\s*(?:이날|이\s?자리에서|현장에서|행사에서)", sentence):
            best = (
                0,
                "attendee",
                0.65,
                sentence.strip()[:8],
            )  # '이날 A는 B에게 … 전달했다': at the event
        specific_before = [t for t in before if t[1] not in ("attendee", "host")]
        if best and best[1] in ("attendee", "host") and specific_before:
            best = min(
                specific_before
            )  # '패널 토론에는 A, B 등이 참여했다': the role named before the list
        if (
            best
            and best[1] == "host"
            and not re.match(r"\S*\s?(?:이|가|은|는)\s", text[occ.end : occ.end + 4])
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
    for speaker, quote in speakers.items():
        offer(speaker, "speaker", quote, 0.75, "quoted in the report of the event")
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
    for (key, _), found_role in found.items():
        ex.people[key].roles.append(found_role)


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
