"""Where things sit in an article's text, for the review workbench: evidence quotes located in the text
(spacing and line breaks tolerated, as quotes join lines with a space), and every mention highlighted by
kind — person, organisation, title, event, date, place, amount — with the entity it stands for.

Offsets are Python string indexes (code points) into the text the workbench shows: the article body as
the pipeline read it, lines joined with a newline. Nothing here interprets the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.amounts import AMOUNT
from ingest.dates import find_dates
from ingest.model import Extraction

MENTION_KINDS = ("person", "organisation", "title", "event", "date", "place", "amount")
# A longer mention wins an overlap; on equal length the kind listed first.
_PRIORITY = {
    k: i
    for i, k in enumerate(("person", "title", "organisation", "event", "place", "amount", "date"))
}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str
    entity: str | None = None  # the IRI it resolves to (dates and amounts: none)

    def as_dict(self, text: str) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "entity": self.entity,
            "text": text[self.start : self.end],
        }


def squashed(text: str) -> tuple[str, list[int]]:
    """The text with every run of white space made one space, and where each of its characters was."""
    out: list[str] = []
    where: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(ch)
            previous_space = False
        where.append(i)
    return "".join(out), where


def locate(
    text: str, quote: str, flat: tuple[str, list[int]] | None = None
) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of `quote` in `text`, white space compared loosely; None when
    the quote is not in the text."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    squashed_text, where = flat or squashed(text)
    needle = _SPACE.sub(" ", quote)
    at = squashed_text.find(needle)
    if at < 0:
        return None
    return where[at], where[at + len(needle) - 1] + 1


def verbatim(text: str, start: int, end: int) -> str:
    """The passage text[start:end] as an evidence quote: line breaks and runs of space made one space."""
    return _SPACE.sub(" ", text[start:end]).strip()


def _occurrences(
    text: str, needle: str, korean_word_start: bool = False
) -> Iterable[tuple[int, int]]:
    if len(needle.strip()) < 2:
        return
    at = text.find(needle)
    while at >= 0:
        before = text[at - 1] if at else " "
        if not (korean_word_start and "\uac00" <= before <= "\ud7a3"):
            yield at, at + len(needle)
        at = text.find(needle, at + 1)


def find_mentions(
    text: str, ex: Extraction, evidence: list[tuple[int, int, str, str]]
) -> list[Mention]:
    """Every mention in `text`: names of the people, organisations, events and places of the extraction,
    the titles of the posts it read (inside the quotes that state them), date expressions and amounts.
    `evidence` holds (start, end, person's name, title as written) for each located holding quote."""
    found: list[Mention] = []
    for person in ex.people.values():
        names = [person.name, *person.variants, *person.latin_names]
        for name in dict.fromkeys(names):
            found += [
                Mention(s, e, "person", person.iri) for s, e in _occurrences(text, name, True)
            ]
    for org in ex.orgs.values():
        for name in dict.fromkeys([org.name, *org.names]):
            found += [Mention(s, e, "organisation", org.iri) for s, e in _occurrences(text, name)]
    for event in ex.events.values():
        for name in dict.fromkeys([event.name, *event.aliases]):
            found += [Mention(s, e, "event", event.iri) for s, e in _occurrences(text, name)]
    for place in ex.places.values():
        for name in dict.fromkeys([place.name, *place.aliases]):
            found += [Mention(s, e, "place", place.iri) for s, e in _occurrences(text, name)]
    orgs = sorted(
        {n for o in ex.orgs.values() for n in [o.name, *o.names] if n}, key=len, reverse=True
    )
    for start, end, name, written in evidence:
        passage = text[start:end]
        after = max(0, passage.find(name)) if name else 0
        at = passage.find(written, after) if written else -1
        at = passage.find(written) if at < 0 and written else at
        if at < 0:
            continue
        s, e = start + at, start + at + len(written)
        fused = next((n for n in orgs if written.startswith(n) and len(n) < len(written)), None)
        if fused:  # '한국산업기술진흥원장': the organisation, then the title
            s += len(fused)
        found.append(Mention(s, e, "title"))
    offset = 0
    for line in text.split("\n"):
        for date in find_dates(line, ex.meta.date):
            found.append(Mention(offset + date.start, offset + date.end, "date"))
        for match in AMOUNT.finditer(line):
            found.append(Mention(offset + match.start(), offset + match.end(), "amount"))
        offset += len(line) + 1
    return _without_overlaps([m for m in (_trimmed(text, m) for m in found) if m.end > m.start])


def _trimmed(text: str, mention: Mention) -> Mention:
    start, end = mention.start, mention.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Mention(start, end, mention.kind, mention.entity)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longer mentions first; a mention that overlaps one already kept is dropped."""
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    order = sorted(
        set(mentions), key=lambda m: (-(m.end - m.start), _PRIORITY.get(m.kind, 9), m.start)
    )
    for mention in order:
        if any(mention.start < b and a < mention.end for a, b in taken):
            continue
        kept.append(mention)
        taken.append((mention.start, mention.end))
    return sorted(kept, key=lambda m: (m.start, m.end))
