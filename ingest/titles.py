"""Titles (직함): recognise a title word, split a fused '<organisation>장' word, and normalise titles so that
the same post written differently ('제2차관'/'2차관', '특별보좌관'/'특보', '단 장'/'단장') compares equal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.hangul import squash
from ingest.lexicon import (
    ACTING,
    CITIES,
    FUSABLE_HEADS,
    REGIONAL_HEADS,
    REGIONS,
    TITLE_ENDINGS,
    TITLE_MODIFIERS,
    TITLES,
    UNIT_HEADS,
    WEAK_TITLES,
    strip_particle,
)

_TITLE_SET = set(TITLES)


@dataclass(frozen=True)
class TitleParse:
    title: str  # normalised title, e.g. '원장'
    text: str  # the word as written without its particle, e.g. '중소기업연구원장'
    unit: str | None = None  # the organisation fused into the word, e.g. '중소기업연구원'
    particle: str = ""
    acting: bool = False  # '대표이사직무대행': the acting suffix is fused into the word


def normalise_title(title: str) -> str:
    title = squash(title)
    title = re.sub(r"^제(\d)", r"\1", title)
    title = title.replace("특별보좌관", "특보")
    return title


def _bare_title(word: str) -> str | None:
    if word in _TITLE_SET:
        return word
    if re.fullmatch(r"제?\d차관", word):
        return word
    if word.endswith(TITLE_ENDINGS) and len(word) <= 12:
        return word
    for title in TITLES:
        if word.endswith(title) and len(word) > len(title):
            prefix = word[: -len(title)]
            if prefix.endswith(TITLE_MODIFIERS) or prefix in (
                "부",
                "공동",
                "수석",
                "상임",
                "비상임",
                "선임",
            ):
                return word
    return None


def parse_title(token: str) -> TitleParse | None:
    """'장관은' → 장관; '중소기업연구원장' → 원장 of 중소기업연구원; '상근부회장을' → 상근부회장;
    '대표이사직무대행' → 대표이사, acting; else None."""
    parsed = _parse_title(token)
    if parsed is not None:
        return parsed
    word, particle = strip_particle(token.strip("’'\"”"))
    for suffix in sorted(ACTING, key=len, reverse=True):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            inner = _parse_title(word[: -len(suffix)])
            if inner is not None:
                return TitleParse(inner.title, word, inner.unit, particle, True)
    return None


def _parse_title(token: str) -> TitleParse | None:
    for word, particle in ((token, ""), strip_particle(token)):
        word = word.strip("’'\"”")
        if not word or not re.search(r"[가-힣A-Z]", word):
            continue
        bare = _bare_title(word)
        if bare:
            return TitleParse(normalise_title(bare), word, None, particle)
        for head in sorted(FUSABLE_HEADS, key=len, reverse=True):
            if word.endswith(head) and len(word) >= len(head) + 2:
                unit = word[:-1]  # 중소기업연구원장 → 중소기업연구원
                if unit.endswith(tuple(s for s, _ in UNIT_HEADS)):
                    return TitleParse(head, word, unit, particle)
    return None


def compound_title(token: str) -> tuple[str, TitleParse] | None:
    """A title written with a noun before it in one word: '산학협력부총장' → ('산학협력', 부총장 as
    '산학협력부총장'), '국회의장' → ('국회', 의장). The caller decides whether the prefix is an organisation
    (then the title is the bare one) or part of the title. Weak titles and 기자 are not split off."""
    word, particle = strip_particle(token.strip("’'\"”"))
    if not re.fullmatch(r"[가-힣]{3,14}", word):
        return None
    for title in TITLES:
        if (
            len(title) >= 2
            and word.endswith(title)
            and 2 <= len(word) - len(title) <= 10
            and title != "기자"
            and (title not in WEAK_TITLES or title == "의장")
        ):
            prefix = word[: -len(title)]
            return prefix, TitleParse(normalise_title(title), word, None, particle)
    return None


def regional_title(token: str) -> tuple[str, TitleParse] | None:
    """A local-government head fused with the region: '대전시장' → ('대전시', 시장), '충북도지사' → ('충북도',
    도지사), '서초구청장' → ('서초구', 구청장). The region must be a known city/province or end like one."""
    word, particle = strip_particle(token.strip("’'\"”"))
    for head, ending in REGIONAL_HEADS:
        if not word.endswith(head) or len(word) <= len(head):
            continue
        stem = word[: -len(head)]
        if stem.endswith(ending) and len(stem) >= 2:
            stem = stem[:-1]
        if not re.fullmatch(r"[가-힣]{2,6}", stem):
            continue
        region = stem + ending
        known = stem in CITIES or region in REGIONS or REGIONS.get(stem + ending) is not None
        if known or (head in ("구청장", "군수") and len(stem) <= 3):
            return region, TitleParse(head, word, None, particle)
    return None


def is_acting(token: str) -> bool:
    word, _ = strip_particle(token)
    return word.startswith(ACTING) or word in ACTING


def unit_head(org_name: str) -> str | None:
    """The head title of an organisation from its last word: 연구원 → 원장, 협회 → 회장, 추진단 → 단장."""
    name = squash(org_name)
    for suffix, head in UNIT_HEADS:
        if name.endswith(suffix):
            return head
    return None


def title_from_post(label: str, org_names: list[str]) -> str:
    """The normalised title of a post from its label and its organisation's names:
    ('중소기업연구원장', ['중소기업연구원']) → '원장'; ('국회의원', ['국회']) → '의원'."""
    squashed = squash(label)
    for name in sorted((squash(n) for n in org_names if n), key=len, reverse=True):
        if name and squashed.startswith(name) and len(squashed) > len(name):
            rest = squashed[len(name) :]
            if rest == "장":
                return unit_head(name) or "장"
            return normalise_title(rest)
    parsed = parse_title(label.split()[-1]) if label.split() else None
    return parsed.title if parsed else normalise_title(label)
