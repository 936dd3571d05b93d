"""Lists that name people outside running text: press-release contact tables
(`총괄 부서\t중소벤처기업부 …추진단\t책임자\t단 장\t곽재경\t(044-…)`) and attendee lists (`(참석) …`)."""

from __future__ import annotations

import re

from ingest.body import PHONE, Body
from ingest.model import Extraction, Holding, Org
from ingest.orgs import OrgFinder, squash_ws
from ingest.sentences import looks_like_name
from ingest.titles import parse_title

LABELS = re.compile(
    r"^(총괄\s?부서|담당\s?부서|전담\s?기관|관련\s?부서|공동\s?부서|협조\s?부서|책임자|담당자|부서|기관|담당|"
    r"문의|연락처|주관\s?부서)$"
)
ATTEND = re.compile(r"(\(참석\)|참석자|참석\s?대상|참석\s?:|\[참석\])")


def contacts(ex: Extraction, orgs: OrgFinder, body: Body) -> list[tuple[str, Holding]]:
    """(person name, holding) for each row of a contact table ('… 책임자 단 장 곽재경 (044-…)', or
    '문의: 기관 부서 홍길동 사무관(044-…)'); the organisation carries over to the following rows."""
    out: list[tuple[str, Holding]] = []
    current: Org | None = None
    for line in body.of_kind("contact"):
        last = 0
        for phone in PHONE.finditer(line.text):
            segment = line.text[last : phone.start()]
            last = phone.end()
            cells = [c.strip(" :：") for c in re.split(r"\t+", segment) if c.strip(" :：")]
            if len(cells) <= 1:
                cells = [w.strip(" :：,") for w in segment.split() if w.strip(" :：,")]
            name_at = next(
                (
                    i
                    for i in range(len(cells) - 1, -1, -1)
                    if looks_like_name(cells[i], short_ok=True)
                ),
                None,
            )
            if name_at is None:
                continue
            before = parse_title(squash_ws(cells[name_at - 1])) if name_at else None
            after = parse_title(cells[name_at + 1]) if name_at + 1 < len(cells) else None
            title = before or after
            org_cells = cells[: name_at - 1 if before else name_at]
            found = [c for c in org_cells if not LABELS.match(c) and re.search(r"[가-힣A-Za-z]", c)]
            if found:
                current = _org_cell(orgs, " ".join(found), line.text) or current
            if current is None or title is None:
                continue
            first = cells[name_at - 1] if before else cells[name_at]
            last_cell = cells[name_at] if before else cells[name_at + 1]
            start = segment.find(first)
            quote = segment[start : segment.find(last_cell, start) + len(last_cell)].strip()
            out.append(
                (cells[name_at], Holding(current.key, title.title, title.text, quote, False, 0.9))
            )
    return out


def _org_cell(orgs: OrgFinder, cell: str, line: str) -> Org | None:
    """'중소벤처기업부 중소기업인공지능확산추진단' → the unit inside its parent organisation."""
    hits = orgs.find(cell)
    if not hits:
        return orgs.register(cell, "OrganizationalUnit", line.strip()) if len(cell) <= 30 else None
    _a, b, name, _ = hits[0]
    parent = orgs.register(name, quote=line.strip())
    rest = cell[b:].strip()
    if not rest:
        return parent
    return orgs.unit(parent, rest, None, line.strip())


def attendee_lines(body: Body) -> list[int]:
    """Indexes of lines that list attendees: the '(참석)' line and the sub-items under it."""
    out: list[int] = []
    active = False
    for line in body.lines:
        text = line.text.strip()
        if ATTEND.search(text):
            out.append(line.index)
            active = True
            continue
        if active and re.match(r"^[-·◦ㅇ○▪]\s*[^()\s]+\s*[:：]", text):
            out.append(line.index)
            continue
        active = False
    return out
