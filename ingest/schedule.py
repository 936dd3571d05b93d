"""Structured parts of a release that add events: the series timeline in a footnote (`1회포럼('20.7.2)`),
the overview (`(일시·장소) 7. 1 (수), 14:00~16:00, 오송역 회의실`), the timetable (`14:00~14:10 개회 …`), the
series an event belongs to, and the date of an undated article inferred from an edition the graph knows."""

from __future__ import annotations

import datetime as dt
import re

from ingest.body import Body
from ingest.dates import find_dates
from ingest.eventwords import EVENT_NOUNS, SESSION_NOUNS
from ingest.gazetteer import GraphIndex
from ingest.hangul import squash
from ingest.model import Event, Extraction
from ingest.venues import parse_venue

TIMELINE = re.compile(
    r"([가-힣A-Za-z0-9 ]{2,20}?)\s*\(\s*([’'‘`]\s?\d{2}\.\s?\d{1,2}\.\s?\d{1,2})\s*\)"
)
ROW = re.compile(
    r"^\s*(\d{1,2}:\d{2})\s*[~∼\-–]\s*(\d{1,2}:\d{2})\s*\t+\s*([^\t]+?)\s*(?:\t+\s*([^\t]*))?$"
)
OVERVIEW = re.compile(r"\(?\s*(?:일시\s*[·및,]?\s*장소|일시|장소)\s*\)?\s*[:：]?\s*(.+)")
TIMES = re.compile(r"(\d{1,2}:\d{2})\s*[~∼\-–]\s*(\d{1,2}:\d{2})")
EDITION = re.compile(r"(?:제\s?)?(\d{1,3})\s?회")


def _time(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"


def series_of(index: GraphIndex, name: str) -> str | None:
    """The known series whose name is the event's name without year, edition and ceremony words."""
    core = re.sub(r"^\s*(\d{4}년?|제?\s?\d{1,3}\s?[회차])\s*", "", name)
    core = re.sub(r"\([^)]*\)|출범식|개막식|폐막식", "", core).strip()
    core_key = squash(core)
    for series in index.of_type("EventSeries"):
        for alias in series.names:
            alias_key = squash(re.sub(r"\([^)]*\)", "", alias))
            if len(alias_key) >= 6 and (
                alias_key == core_key
                or squash(alias) == squash(name)
                or (len(core_key) > 6 and core_key in squash(alias))
            ):
                return series.iri
    return None


def timeline(ex: Extraction, body: Body, main: Event) -> None:
    """Earlier editions listed in the footnote attached to the main event's name (`…포럼*` → `* (경과) …`)."""
    for line in body.of_kind("footnote"):
        for m in TIMELINE.finditer(line.text):
            name = m.group(1).strip(" →>,")
            if not any(noun in name for noun, _ in EVENT_NOUNS):
                continue
            date = find_dates(m.group(2), None)
            if not date:
                continue
            key = f"event:{len(ex.events)}"
            kinds = {kind for noun, kind in EVENT_NOUNS if noun in name} or {"Event"}
            event = Event(
                key,
                name,
                kinds,
                date[0].date,
                date[0].date,
                quote=m.group(0).strip(),
                date_reasoning=f"Timeline footnote '{m.group(0).strip()}'.",
                confidence=0.75,
            )
            edition = EDITION.search(name)
            event.edition = int(edition.group(1)) if edition else None
            if main.series:
                event.series = (main.series[0], m.group(0).strip())
            ex.events[key] = event


def overview(ex: Extraction, body: Body, main: Event) -> None:
    """The release's overview lines ('(일시·장소) …', '일시 …', '장소 …'): confirm the date and add times and a
    venue; a venue that differs from the body's is kept too and the disagreement recorded."""
    seen = 0
    for line in body.lines:
        m = OVERVIEW.match(line.text.strip(" -□○ㅇ·"))
        if not m or line.kind not in ("list", "body", "table") or len(line.text) > 120 or seen >= 2:
            continue
        seen += 1
        detail = m.group(1)
        dates = find_dates(detail, ex.meta.date)
        if dates and main.start and dates[0].date != main.start:
            continue
        times = TIMES.search(detail)
        if times:
            main.start_time, main.end_time = _time(times.group(1)), _time(times.group(2))
        rest = detail[(times.end() if times else dates[0].end if dates else 0) :].strip(" ,")
        if rest and not TIMES.search(rest) and not re.match(r"\s*(일시|날짜)", m.group(0)):
            place = parse_venue(ex, rest.split(), line.text.strip(" -"))
            known = [ex.places[k].name.replace(" ", "") for k, _ in main.venues]
            same = place and any(
                n in place.name.replace(" ", "") or place.name.replace(" ", "") in n for n in known
            )
            if place and not same and all(k != place.key for k, _ in main.venues):
                main.venues.append((place.key, line.text.strip(" -")))
                if len(main.venues) > 1:
                    names = " / ".join(ex.places[k].name for k, _ in main.venues)
                    main.ambiguity = (
                        main.ambiguity + " " if main.ambiguity else ""
                    ) + f"Two venues given: {names}."


def sessions(ex: Extraction, body: Body, main: Event) -> None:
    """Timetable rows of the main event as sessions with start and end times."""
    for line in body.of_kind("table"):
        m = ROW.match(line.text)
        if not m or not main.start:
            continue
        name = re.sub(r"^[①-⑳\d.)\s]+", "", m.group(3)).strip() or m.group(3)
        key = f"event:{len(ex.events)}"
        ex.events[key] = Event(
            key,
            m.group(3).strip(),
            {"Session"},
            main.start,
            None,
            _time(m.group(1)),
            _time(m.group(2)),
            quote=line.text.strip(),
            parent=(main.key, line.text.strip()),
            date_reasoning="Row of the event's timetable; date of the event.",
            confidence=0.8,
            aliases=[name] if name != m.group(3).strip() else [],
        )


SESSION = re.compile(
    rf"((?:[^\s,.'‘’“”\"「」()]+\s){{0,6}}[^\s,.'‘’“”\"「」()]*?(?:{'|'.join(SESSION_NOUNS)}))"
    r"(?:(?:을|를)\s*통해|(?:도|이|가)\s*(?:진행됐|진행되었|진행돼|마련됐|이어졌))"
)
SESSION_LINK = re.compile(r"(^|\s)(먼저|이어|이날|이번|또한|아울러|특히)(\s|$)")


def mentioned_sessions(ex: Extraction, body: Body, main: Event) -> None:
    """Parts of the main event reported without an event verb of their own: '… 글로벌 토크콘서트를 통해 …',
    '… 정책 교류 프로그램도 진행됐다' → Session events, sub-events of the main event, on its date."""
    from ingest.sentences import is_bare_noun, split_sentences

    if not main.start:
        return
    heads = [n for n, _ in EVENT_NOUNS if n in main.name]
    known = {squash(e.name) for e in ex.events.values()}
    for line in body.lines:
        if line.kind not in ("body", "list"):
            continue
        for sent in split_sentences(line.text):
            sentence = sent.text.strip(" □○ㅇ·-")
            dates = find_dates(sentence, ex.meta.date)
            if any(d.date != main.start for d in dates):
                continue
            for m in SESSION.finditer(sentence):
                words = m.group(1).split()
                kept: list[str] = []
                for word in reversed(words):
                    if word in ("한", "된", "하는", "있는") or not is_bare_noun(word):
                        break
                    kept.insert(0, word)
                name = " ".join(kept)
                also = m.group(0)[len(m.group(1)) :].lstrip().startswith("도")
                before = sentence[: m.end(1) - len(kept[-1])]
                linked = (
                    also
                    or SESSION_LINK.search(before)
                    or main.name in sentence
                    or any(h in before for h in heads)
                )
                if (
                    not kept
                    or len(name) < 4
                    or not linked
                    or squash(name) in known
                    or squash(name) == squash(main.name)
                ):
                    continue
                known.add(squash(name))
                key = f"event:{len(ex.events)}"
                ex.events[key] = Event(
                    key,
                    name,
                    {"Session"},
                    main.start,
                    None,
                    quote=sentence,
                    parent=(main.key, sentence),
                    confidence=0.7,
                    date_reasoning="Part of the event the article reports; date of the event.",
                )


def infer_date(body: Body, index: GraphIndex) -> tuple[dt.date, str, str] | None:
    """For an article that prints no date: '제1회 … 포럼 이 2일' and the graph's 1st edition of that series on
    the 2nd of a month → that date. Returns (date, quote, reasoning)."""
    for line in body.lines:
        for m in re.finditer(
            r"제?\s?(\d{1,3})\s?회\s?([^.,'’]{4,40}?(?:포럼|회의|토론회|컨퍼런스|세미나|간담회))",
            line.text,
        ):
            series = series_of(index, m.group(2))
            if not series:
                continue
            edition = int(m.group(1))
            after = line.text[m.end() : m.end() + 40]
            day = re.search(r"(\d{1,2})\s?일", after)
            for known in index.of_type("Event"):
                if series in known.series and known.edition == edition and known.start_date:
                    if day and int(day.group(1)) != known.start_date.day:
                        continue
                    quote = line.text[m.start() : m.end() + (day.end() if day else 0)].strip()
                    why = (
                        f"No date is printed. The article reports edition {edition} of the series <{series}>, "
                        f"which the graph dates {known.start_date.isoformat()} (<{known.iri}>)"
                        + (f", matching '{day.group(0)}' in the text" if day else "")
                        + "; the article is taken "
                        "as published that day."
                    )
                    return known.start_date, quote, why
    return None
