"""Metadata: title, publisher, publication date (from the page, `입력 2025.09.04`, `2024.08.13 중소벤처기업부`,
`보도시점 7. 2.(목)`), and reporters (`이성민 기자`, `유근일기자 email`, `제주=이성민 기자`), who are authors and
photographers of the article, never participants."""

from __future__ import annotations

import datetime as dt
import re

from ingest.body import Body
from ingest.dates import WEEKDAYS, year_for
from ingest.model import Meta
from ingest.reader import RawArticle
from ingest.sentences import looks_like_name

STAMP = r"((?:19|20)\d{2})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})"
DATED = [
    (
        re.compile(
            r"(?:입력|등록|게재|발행|송고|기사입력|최초입력|승인|게시|작성|기사등록)\s*(?:일|일자|일시|시간)?\s*[:：]?\s*"
            + STAMP
        ),
        "byline",
    ),
    (
        re.compile(r"(?:보도일시|보도일자|배포일시|배포일자|보도시점)\s*[:：]?\s*" + STAMP),
        "release",
    ),
    (re.compile(r"^\s*date\s+" + STAMP), "capture"),
    (re.compile(r"^\s*" + STAMP + r"\.?\s+[가-힣]{2,}\s*$"), "release header"),
    (
        re.compile(r"^\s*" + STAMP + r"\.?\s*(?:\([월화수목금토일]\))?\s+\d{1,2}:\d{2}"),
        "dated header",
    ),
]
NO_YEAR = re.compile(
    r"(?:보도시점|보도일시|배포일시|보도일자)\s*[:：]?\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?\s*\(\s*([월화수목금토일])\s*\)"
)
REPORTER = re.compile(
    r"(?:(?P<place>[가-힣]{1,6})\s?=\s?)?(?P<name>[가-힣]{2,4})\s?(?P<role>기자|특파원|객원기자|인턴기자)"
    r"(?P<email>\s+[\w.+-]+@[\w.-]+)?"
)
EMAIL = re.compile(r"[\w.+-]+@([\w-]+)\.[\w.-]+")
COPYRIGHT = re.compile(r"(?:ⓒ|©|\(c\)|Copyrights?|저작권자)", re.IGNORECASE)
SLOGAN = re.compile(r"(무단|전재|배포|금지|학습|rights|reserved|All\b|저작권)", re.I)
NOT_NAME = re.compile(r"(위한|플랫폼|www\.|\.co|\.kr|\.com|를\s|을\s)", re.I)
REPUBLISHED = re.compile(r"이 자료는\s*(?P<name>[가-힣]{2,20}?)의 보도자료")
BRACKET = re.compile(
    r"[\[(](?:[가-힣]{1,6}\s?=\s?)?(?P<name>[가-힣A-Za-z]{2,12})\)?\s+[가-힣]{2,4}\s?(?:기자|특파원)\s?[\]=]"
)
AGENCY = re.compile(r"\([가-힣]{1,6}\s?=\s?(?P<name>[가-힣A-Za-z]{2,12})\)")


def outlet_of(line: str) -> str | None:
    """The outlet named in a copyright line: 'Copyright ⓒ 전자신문 & etnews.com' → 전자신문."""
    m = COPYRIGHT.search(line)
    if not m or len(line) > 160:
        return None
    rest = re.sub(
        r"(ⓒ|©|\(c\)|Copyrights?|저작권자|(?:19|20)\d{2})", " ", line[m.start() :], flags=re.I
    )
    for segment in re.split(r"[,&(\[\]<>.|/]", rest):
        if NOT_NAME.search(segment + " "):
            continue
        slogan = SLOGAN.search(segment)
        segment = segment[: slogan.start()] if slogan else segment
        segment = segment.strip(" :·-")
        if (
            2 <= len(segment) <= 15
            and re.search(r"[가-힣A-Za-z]", segment)
            and len(segment.split()) <= 2
        ):
            return segment
    return None


def find_date(raw: RawArticle) -> tuple[dt.date | None, str, str]:
    """(date, the text it was read from, how) from the page header, or (None, '', '') when none is printed."""
    meta = raw.html_meta.get("date")
    if meta and (m := re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", meta)):
        how = "the page's published-time metadata" if raw.is_html else "the file's DATE: header"
        return dt.date(int(m[1]), int(m[2]), int(m[3])), meta, how
    lines = [line for line in raw.lines if line.strip()]
    for pattern, how in DATED:
        for line in lines if how in ("byline", "release", "capture") else lines[:60]:
            m = pattern.search(line)
            if m:
                try:
                    return (
                        dt.date(int(m[1]), int(m[2]), int(m[3])),
                        m.group(0).strip(),
                        f"the {how} line",
                    )
                except ValueError:
                    continue
    text = "\n".join(lines)
    for line in lines[:40]:
        m = NO_YEAR.search(line)
        if m:
            month, day, weekday = int(m[1]), int(m[2]), m[3]
            year, why = year_for(month, day, weekday, text)
            if year:
                return (
                    dt.date(year, month, day),
                    m.group(0).strip(),
                    f"'{m.group(0).strip()}' prints no year; {why}",
                )
    return None, "", ""


def reporters(lines: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """Authors and photographers as (name, quote), and the e-mail domains of their addresses."""
    authors: list[tuple[str, str]] = []
    photographers: list[tuple[str, str]] = []
    domains: list[str] = []
    for line in lines:
        for m in REPORTER.finditer(line):
            name = m.group("name")
            before = line[max(0, m.start() - 1) : m.start()]
            if not looks_like_name(name) or (
                before and re.match(r"[가-힣]", before) and not m.group("place")
            ):
                continue
            quote = m.group(0).strip()
            email = (m.group("email") or "").strip()
            photo = (
                email.startswith(("foto", "photo"))
                or "사진" in line[max(0, m.start() - 6) : m.start()]
            )
            caption_end = len(line) > 120 and m.end() >= len(line.rstrip()) - 1
            target = (
                photographers
                if photo or (caption_end and authors == [] and email.startswith("f"))
                else authors
            )
            if all(name != n for n, _ in authors + photographers):
                target.append((name, quote))
            if email and (d := EMAIL.search(email)):
                domains.append(d.group(1))
    return authors, photographers, domains


def read_metadata(raw: RawArticle, body: Body, stem: str) -> Meta:
    meta = Meta(stem=stem, source_file=raw.path.name)
    meta.title = raw.html_meta.get("title") or body.title
    meta.title = (
        re.sub(r"\s*[|\-–—]\s*[^|\-–—]{2,20}$", "", meta.title) if raw.is_html else meta.title
    )
    meta.date, meta.date_quote, how = find_date(raw)
    if meta.date:
        meta.date_reasoning = (
            f"Publication date {meta.date.isoformat()} read from {how}: '{meta.date_quote}'."
        )
        if "prints no year" in how:
            meta.ambiguity.append(
                f"The release prints no year ({meta.date_quote}); {how.split('; ', 1)[1]}."
            )
    if source := raw.html_meta.get("source"):
        meta.notes.append(f"Source: {source}")
    text = "\n".join(raw.lines)
    meta.press_release = bool(
        re.search(
            r"(보도자료|보도시점|보도일시|배포일시|총괄\s?부서|담당\s?부서|전담\s?기관)", text
        )
    )
    meta.authors, meta.photographers, domains = reporters(
        [line.text for line in body.lines] + raw.lines[-80:]
    )
    names = [n for line in raw.lines if (n := outlet_of(line))] + [
        m.group("name") for m in REPUBLISHED.finditer(text)
    ]
    names += [m.group("name") for pattern in (BRACKET, AGENCY) for m in pattern.finditer(text)]
    site = raw.html_meta.get("site")
    if site:
        names.insert(0, site)
    for line in raw.lines[:60]:
        m = re.match(
            r"^\s*" + STAMP + r"\.?\s+(?P<org>[가-힣]{2,}(?:부|청|처|위원회|원|공단))\s*$", line
        )
        if m:
            names.insert(0, m.group("org"))
            meta.notes.append(f"Press release of {m.group('org')} ('{line.strip()}').")
    meta.publisher_name = next((n for n in names if re.search(r"[가-힣A-Za-z]{2}", n)), None)
    if domains:
        meta.notes.append("Reporter e-mail domain: " + ", ".join(sorted(set(domains))) + ".")
    return meta


def weekday_name(date: dt.date) -> str:
    return WEEKDAYS[date.weekday()]
