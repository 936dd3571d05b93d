"""Date expressions in Korean articles, resolved against the article date.

Handles `2025.09.04`, `2020-10-30`, `'20.7.2`, `’22.1.26`, `7월 1일 (수)`, `8월 13일부터 14일까지`,
`7. 2.(목)`, `4일`, `지난 29일`, `오는 5일`; a date without a year takes the article's year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = "월화수목금토일"
_WD = r"(?:\s*\(\s*([월화수목금토일])\s*\)|\s*([월화수목금토일])요일)?"
FULL = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]|년\s*)\s*(\d{1,2})\s*(?:[.\-/]|월\s*)\s*(\d{1,2})(?!\d)\s*일?\.?"
    + _WD
)
SHORT_YEAR = re.compile(r"[’'‘`´]\s?(\d{2})\.\s?(\d{1,2})\.\s?(\d{1,2})(?!\d)")
MONTH_DAY = re.compile(
    r"(?<![\d.])(\d{1,2})\s*월\s*(\d{1,2})\s*일"
    + _WD
    + r"(?:\s*(?:부터|~|∼|-)\s*(?:(\d{1,2})\s*월\s*)?(\d{1,2})\s*일(?:까지)?)?"
)
DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.?\s*\(\s*([월화수목금토일])\s*\)")
DAY = re.compile(
    r"(?:(지난\s?달|다음\s?달|내달|지난|오는|이달)\s*)?(?<![\d월.])(\d{1,2})\s*일"
    r"(?!(?:차|간|째|동안|이내|만에|까지|부터)|\s*(?:동안|이내|만에|분(?![가-힣])|(?:전|후)(?:에|부터|까지|의|[\s,.]|$)))"
    + _WD
)
DAY_RANGE = re.compile(
    r"(?:(지난\s?달|지난|오는|이달)\s*)?(?<![\d월.])(\d{1,2})\s*(?:일\s*)?"
    r"(?:[~∼\-]|(?<=일)부터|,(?=\s*\d{1,2}\s*일))\s*(?:이달\s*)?(\d{1,2})\s*일(?:까지|간)?"
)
# '7일부터 이틀간', '7일부터 사흘 동안': a first day and a length.
DAY_SPAN = re.compile(
    r"(?:(지난\s?달|지난|오는|이달)\s*)?(?<![\d월.])(\d{1,2})\s*일\s*부터\s*"
    r"(이틀|사흘|나흘|닷새|엿새|일주일|\d{1,2}\s*일)\s*(?:간|동안)"
)
SPAN_DAYS = {"이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "일주일": 7}
FUTURE = re.compile(
    r"(예정|계획|방침|전망|할\s?것|열린다|열릴|개최된다|개최한다|진행된다|진행한다|맺는다|체결한다|체결할|"
    r"갖는다|가질|참석한다|참석할|방문한다|방문할|순방한다|순방할|연다)"
)
ANNOUNCE = re.compile(r"^\s*(?:오전|오후)?\s*(?:밝혔|발표했|전했|말했|알렸|설명했)")


# A past event told in a sentence ('열린', '개최했다', '참석했다').
PAST = re.compile(
    r"(열린|열렸|개최했|개최된|진행된|진행됐|진행했|가졌|가진|참석했|방문했|체결했|맺었|열었)"
)
MONTH = dt.timedelta(days=31)
# A year named relative to the article's before a month and day ('지난해 12월 3일', '내년 1월 5일').
YEAR_WORDS = {"지난해": -1, "작년": -1, "전년": -1, "내년": 1, "이듬해": 1, "올해": 0, "금년": 0}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    end_date: dt.date | None = None
    has_year: bool = False
    weekday_ok: bool | None = None
    announce: bool = False  # "…했다고 30일 밝혔다": the announcement date, not the event's
    reasoning_note: str = ""  # how a relative day ('다음 날') was counted

    @property
    def reasoning(self) -> str:
        if self.reasoning_note:
            return self.reasoning_note
        if self.has_year:
            return f"'{self.text}' → {self.date.isoformat()}."
        return f"'{self.text}' with the year (and month) taken from the article date → {self.date.isoformat()}."


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_only(day: int, ref: dt.date, prefix: str | None, future: bool = False) -> dt.date | None:
    """A day of the month alone: this month if not later than the article (else the month before; one day
    later is still this month: a page dated the evening before), or the next month after '오는' — or in a
    sentence in the future tense — when the day has passed; months without that day are skipped."""
    prefix = prefix.replace(" ", "") if prefix else prefix
    prefix = "다음달" if prefix == "내달" else prefix
    step = 0
    if prefix == "다음달" or (prefix in ("오는", None) and (prefix or future) and day < ref.day):
        step = 1
    elif (
        prefix == "지난달"
        or (prefix == "지난" and day > ref.day)
        or (prefix is None and not future and day > ref.day + 1)
    ):
        step = -1
    year, month = ref.year, ref.month
    for _ in range(3):
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        date = _safe(year, month, day)
        if date or step == 0:
            return date
    return None


def _weekday(date: dt.date, mark: str | None) -> bool | None:
    return None if not mark else WEEKDAYS[date.weekday()] == mark


def find_dates(text: str, ref: dt.date | None) -> list[DateMention]:
    """All date mentions in `text`, left to right; dates without a year need `ref`."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(
        m: re.Match[str],
        date: dt.date | None,
        end: dt.date | None = None,
        has_year: bool = False,
        mark: str | None = None,
    ) -> None:
        if date is None or (end is not None and end < date):
            return
        taken.append(m.span())
        found.append(
            DateMention(
                m.start(),
                m.end(),
                m.group(0).strip(),
                date,
                end,
                has_year,
                _weekday(date, mark),
                bool(ANNOUNCE.match(text[m.end() : m.end() + 8])),
            )
        )

    for m in FULL.finditer(text):
        add(m, _safe(int(m[1]), int(m[2]), int(m[3])), has_year=True, mark=m[4] or m[5])
    for m in SHORT_YEAR.finditer(text):
        if free(m):
            add(m, _safe(2000 + int(m[1]), int(m[2]), int(m[3])), has_year=True)
    if ref is None:
        return sorted(found, key=lambda d: d.start)
    for m in MONTH_DAY.finditer(text):
        if not free(m):
            continue
        before = text[max(0, m.start() - 6) : m.start()].strip()
        word = re.sub(r".*\s", "", before)
        year = ref.year + YEAR_WORDS.get(word, 0)
        start = _safe(year, int(m[1]), int(m[2]))
        past = before.endswith("지난") or (
            word not in YEAR_WORDS and PAST.search(text) and not FUTURE.search(text)
        )
        if start and past and start > ref + dt.timedelta(days=7):
            start = _safe(year - 1, int(m[1]), int(m[2]))  # 'in January: 12월 20일 열린 …'
        elif start and word not in YEAR_WORDS and FUTURE.search(text) and start < ref - MONTH:
            start = _safe(year + 1, int(m[1]), int(m[2]))  # 'in December: 1월 15일 열릴 예정'
        why = f"'{word}'" if word in YEAR_WORDS else "the tense of the sentence"
        note = f"'{m.group(0).strip()}': the year by {why} → {start.isoformat() if start else ''}."
        end = None
        if start and m[6]:
            end = _safe(start.year, int(m[5] or m[1]), int(m[6]))
        add(m, start, end, mark=m[3] or m[4])
        if found and found[-1].start == m.start() and start and start.year != ref.year:
            found[-1].reasoning_note = note
    for m in DOTTED.finditer(text):
        if free(m):
            add(m, _safe(ref.year, int(m[1]), int(m[2])), mark=m[3])
    future = bool(FUTURE.search(text))
    for m in DAY_SPAN.finditer(text):
        if free(m):
            start = _day_only(int(m[2]), ref, m[1], future)
            length = SPAN_DAYS.get(m[3]) or int(re.sub(r"\D", "", m[3]))
            add(m, start, start and start + dt.timedelta(days=max(0, length - 1)))
    for m in DAY_RANGE.finditer(text):
        if free(m):
            start = _day_only(int(m[2]), ref, m[1], future)
            end = start and _safe(start.year, start.month, int(m[3]))
            if start and end and end < start:  # '30~2일': the range runs into the next month
                end = _day_only(int(m[3]), start + dt.timedelta(days=1), "오는")
            add(m, start, end)
    for m in DAY.finditer(text):
        if free(m) and 1 <= int(m[2]) <= 31:
            add(m, _day_only(int(m[2]), ref, m[1], future), mark=m[3] or m[4])
    for m in YESTERDAY.finditer(text):
        if free(m):  # '어제 열린', '그저께': counted back from the article's date
            add(m, ref - dt.timedelta(days=1 if m[1] == "어제" else 2))
            found[-1].reasoning_note = f"'{m[1]}' counted back from the article date {ref}."
    return sorted(found, key=lambda d: d.start)


YESTERDAY = re.compile(r"(?<![가-힣])(어제|그제|그저께)(?=[\s,]|는\s|도\s|에는\s|$)")


def candidate_years(text: str) -> list[int]:
    """Years the text mentions: 2026, 2026년, '26, (26.3월~)."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?=년|[.\-/\s)]|$)", text)}
    years |= {2000 + int(y) for y in re.findall(r"[’'‘`]\s?(\d{2})(?!\d)", text)}
    years |= {2000 + int(y) for y in re.findall(r"(?<![\d.])(\d{2})\.\s?\d{1,2}\s?월", text)}
    return sorted(y for y in years if 1990 <= y <= dt.date.today().year + 1)


def year_for(month: int, day: int, weekday: str | None, text: str) -> tuple[int | None, str]:
    """The year of a month/day printed without one: a year the text mentions whose calendar fits the weekday."""
    mentioned = candidate_years(text)
    if weekday:
        fits = [
            y for y in mentioned if (d := _safe(y, month, day)) and WEEKDAYS[d.weekday()] == weekday
        ]
        if fits:
            others = ", ".join(str(y) for y in fits[:-1])
            note = f" (also fits {others})" if others else ""
            return fits[-1], (
                f"year {fits[-1]}: mentioned in the text and {month}/{day} falls on a {weekday}요일 that "
                f"year{note}"
            )
        today = dt.date.today()
        for year in range(today.year, today.year - 12, -1):
            d = _safe(year, month, day)
            if d and WEEKDAYS[d.weekday()] == weekday and d <= today + dt.timedelta(days=60):
                return (
                    year,
                    f"year {year}: the most recent year in which {month}/{day} is a {weekday}요일 (no year in text)",
                )
    if mentioned:
        return mentioned[
            -1
        ], f"year {mentioned[-1]}: the latest year the text mentions (no weekday to check)"
    return None, "no year in the text"


CLAUSE_END = re.compile(
    r"(?:했으며|하였으며|했고|하였고|하고|하며|했는데|하고서|해서|하여|되며|됐으며|되고|었으며|았으며|"
    r"였으며|었고|았고|였고|찾아|(?<![위통대따])해(?=,))(?=[\s,])|(?:한|된|가진|맺은)\s(?:뒤|후)(?=[\s,])"
)
RELATIVE_DAY = re.compile(r"(다음\s?날|이튿날|익일|전날|하루\s?전|그\s?다음\s?날)")
MONTH_ONLY = re.compile(
    r"(?:(지난|오는|올해|내년|작년)\s*)?(?<![\d.])(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)"
)
YEAR_ONLY = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*년(?!\s*\d{1,2}\s*월)")


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the coordinated clauses of a sentence ('…체결하고, … 협의했다'; '…참가했으며 이튿날 …')."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in CLAUSE_END.finditer(sentence):
        if m.end() - start >= 8:
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(sentence)))
    return spans


def clause_date(
    sentence: str, at: int, ref: dt.date | None, previous: dt.date | None = None
) -> DateMention | None:
    """The date an action at offset `at` of the sentence happened: a date in its own clause (the one before the
    action first), '다음 날' / '전날' counted from the date of an earlier clause, else the latest date the
    sentence gives before the clause (it governs the coordinated clauses that follow), else None."""
    if ref is None:
        return None
    spans = clauses(sentence)
    index = next((k for k, (a, b) in enumerate(spans) if a <= at < b), len(spans) - 1)
    a, b = spans[index]
    own = [d for d in find_dates(sentence[a:b], ref) if not d.announce]
    if own:
        before = [d for d in own if d.start + a <= at]
        chosen = before[-1] if before else own[0]
        return DateMention(
            chosen.start + a,
            chosen.end + a,
            chosen.text,
            chosen.date,
            chosen.end_date,
            chosen.has_year,
            chosen.weekday_ok,
        )
    earlier = [d for d in find_dates(sentence[:a], ref) if not d.announce]
    base = earlier[-1].date if earlier else previous
    relative = RELATIVE_DAY.search(sentence[a:b])
    if relative and base:
        shift = -1 if relative.group(1).replace(" ", "") in ("전날", "하루전") else 1
        date = base + dt.timedelta(days=shift)
        return DateMention(
            relative.start() + a,
            relative.end() + a,
            relative.group(0),
            date,
            reasoning_note=f"'{relative.group(0)}' counted from {base.isoformat()} → {date.isoformat()}.",
        )
    if earlier:
        return earlier[-1]
    return None


HELD_SOON = re.compile(r"^[^.]{0,12}?(?:열|개최|진행|출범|예정|막을)")


def partial_date(text: str, ref: dt.date | None) -> tuple[str, str] | None:
    """A month or a year without a day that dates an event ('오는 4월 열릴', '2022년 열린'): (ISO text 'YYYY-MM'
    or 'YYYY', as written). A month or year followed by no event verb dates something else."""
    m = MONTH_ONLY.search(text)
    if m and not HELD_SOON.match(text[m.end() :]):
        m = None
    if m and ref and 1 <= int(m.group(2)) <= 12:
        month, year = int(m.group(2)), ref.year
        prefix = (m.group(1) or "").strip()
        if prefix == "내년" or (prefix == "오는" and month < ref.month):
            year += 1
        elif prefix == "작년" or (prefix == "지난" and month > ref.month):
            year -= 1
        return f"{year:04d}-{month:02d}", m.group(0).strip()
    y = YEAR_ONLY.search(text)
    if y and HELD_SOON.match(text[y.end() :]):
        return y.group(1), y.group(0).strip()
    return None
