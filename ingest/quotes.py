"""Quoted statements (“…”고 밝혔다/말했다/강조했다) and who made them: the person named just before the quote,
or `김 대표는` / `이 특보는` (surname + title) resolved to the person of the article with that surname and title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.eventwords import SPEECH_VERBS
from ingest.model import Extraction, Person, Statement
from ingest.titles import parse_title

SEGMENT = re.compile(r"[“\"]([^”\"]{8,600})[”\"]")
LINK = re.compile(r"^\s*(?:이?라고|고|이?라며|이?라면서|면서|며|라|이라)[\s,]")
ANAPHOR = re.compile(r"(?:^|[\s,])([가-힣])\s([가-힣]{1,8}?)(?:은|는|이|가)\s*$")
ANAPHOR_CLAUSE = re.compile(r"(?:^|[\s,])([가-힣])\s([가-힣]{1,8}?)(?:은|는|이|가)\s")


@dataclass
class Occurrence:
    person: str  # Person key
    line: int
    start: int
    end: int


def _speaker(
    ex: Extraction, text: str, start: int, occurrences: list[Occurrence], line: int
) -> tuple[Person, int] | None:
    """The person whose mention ends right before the quote (only a particle and spaces between)."""
    before = [o for o in occurrences if o.line == line and o.end <= start and start - o.end <= 6]
    for occ in sorted(before, key=lambda o: -o.end):
        gap = text[occ.end : start]
        if re.fullmatch(r"[’']?\s*(은|는|이|가|도)?\s*", gap):
            return ex.people[occ.person], occ.start
    sentence_start = max(text.rfind("다. ", 0, start) + 1, 0)
    subjects = [
        o
        for o in occurrences
        if o.line == line
        and sentence_start <= o.start
        and o.end <= start
        and re.match(r"\s*[’']?(은|는|이|가)\s", text[o.end : o.end + 4])
    ]
    if subjects:
        occ = subjects[-1]
        return ex.people[occ.person], occ.start
    m = ANAPHOR.search(text[max(0, start - 20) : start]) or ANAPHOR_CLAUSE.search(
        text[sentence_start:start]
    )
    if m:
        surname, title = m.group(1), parse_title(m.group(2))
        if title:
            matches = [
                p
                for p in ex.people.values()
                if p.name.startswith(surname)
                and any(h.title == title.title or h.title.endswith(title.title) for h in p.holdings)
            ]
            if len(matches) == 1:
                return matches[0], text.find(m.group(0).lstrip(" ,"), max(0, sentence_start))
    return None


def statements(
    ex: Extraction, lines: list[str], occurrences: list[Occurrence]
) -> list[tuple[Statement, int]]:
    """One statement per paragraph and speaker: its quoted segments joined with ' … '."""
    found: list[tuple[Statement, int]] = []
    for number, text in enumerate(lines):
        segments = list(SEGMENT.finditer(text))
        if not segments:
            continue
        tail = text[segments[-1].end() : segments[-1].end() + 40]
        if not (SPEECH_VERBS.search(tail) or LINK.match(tail)):
            continue
        speaker = _speaker(ex, text, segments[0].start(), occurrences, number)
        if speaker is None:
            continue
        person, start = speaker
        joined = " … ".join(
            s.group(1).strip() for s in segments if s.start() >= segments[0].start()
        )
        first = segments[0].start() + 1
        words = text[first : first + 40].split()
        quote = text[start:first] + " ".join(words[:3])
        key = f"statement:{len(ex.statements) + len(found)}"
        found.append((Statement(key, joined, person.key, quote.strip(), confidence=0.85), number))
    return found
