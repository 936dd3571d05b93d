"""Venues and places: `제주 라마다프라자호텔에서` → venue 라마다프라자호텔 in place 제주;
`제주도 서귀포시 그랜드조선 제주에서` → venue 그랜드조선 제주 in 서귀포시 in 제주도."""

from __future__ import annotations

import re

from ingest.eventwords import EVENT_NOUNS
from ingest.hangul import squash
from ingest.lexicon import CITIES, PLACE_ENDINGS
from ingest.model import Extraction, Place

GENERIC = {
    "이번",
    "행사",
    "현장",
    "자리",
    "온라인",
    "오프라인",
    "회의",
    "본사",
    "사무실",
    "현지",
    "국내",
    "해외",
    "이곳",
    "그곳",
    "이날",
    "같은",
    "곳",
    "지역",
    "전국",
    "각지",
    "비대면",
    "대면",
}
FILLER = re.compile(
    r"^(이틀간|사흘간|나흘간|\d+일간|간|동안|오전|오후|저녁|소재|위치한|있는|인근|\d{1,2}시(\d{1,2}분)?|\(\S\)|[,.]|\d{1,2}:\d{2}(~\d{1,2}:\d{2})?)$"
)


def place_kind(word: str) -> str | None:
    """City, Place (province, district, neighbourhood) or None when the word is not a place name."""
    if word in CITIES:
        return "City"
    if len(word) >= 2 and word.endswith(PLACE_ENDINGS) and re.fullmatch(r"[가-힣]+", word):
        stem = word[:-1]
        if word.endswith(("특별시", "광역시")) or stem in CITIES:
            return "City"
        if word.endswith("시") and len(word) >= 3:
            return "City"
        if (
            word.endswith(("도", "구", "군", "동", "읍", "면"))
            and len(word) >= 2
            and not word.endswith(("제도", "정도", "시도", "의도", "용도", "기구"))
        ):
            return "Place"
    return None


def register_place(
    ex: Extraction, name: str, kind: str, quote: str, inside: str | None = None
) -> Place:
    key = "place:" + squash(name)
    place = ex.places.get(key)
    if place is None:
        place = ex.places[key] = Place(key, name, kind, inside, quote)
    if inside and not place.located_in and inside != key:
        place.located_in = inside
    return place


def parse_venue(ex: Extraction, words: list[str], quote: str) -> Place | None:
    """The words before '에서' (the last one without it): leading place names, then the venue's own name."""
    words = [w for w in words if w and not FILLER.match(w)]
    while words and not re.search(r"[가-힣A-Za-z]", words[0]):
        words.pop(0)
    if not words or len(words) > 6:
        return None
    text = " ".join(words)
    if (
        words[0] in GENERIC
        or all(w in GENERIC or place_kind(w) for w in words)  # '서울 본사': no venue of its own
        or any(w.endswith(noun) for w in words for noun, _ in EVENT_NOUNS)  # '대회의실' is a room
        or "협의체" in text
    ):
        return None
    places: list[tuple[str, str]] = []
    while words and (kind := place_kind(words[0])):
        places.append((words[0], kind))
        words.pop(0)
    inside = None
    for name, kind in places:
        inside = register_place(ex, name, kind, quote, inside).key
    if not words:
        return ex.places[inside] if inside else None
    name = " ".join(words)
    alias = re.search(r"\(([A-Za-z][A-Za-z0-9 &.\-]{1,20})\)", name)
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if not name or len(name) > 30:
        return None
    venue = register_place(ex, name, "Venue", quote, inside)
    for other in ([alias.group(1)] if alias else []) + (
        [" ".join(p for p, _ in places) + " " + name] if places else []
    ):
        if other not in venue.aliases:
            venue.aliases.append(other)
    return venue
