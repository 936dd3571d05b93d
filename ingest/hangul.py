"""Hangul helpers: romanised ASCII slugs for IRIs, syllable/jamo edit distance, script ratios."""

from __future__ import annotations

import re
import unicodedata

_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
# Conventional spellings of surnames in English-language use (general convention, not people).
_SURNAME_SPELLING = {
    "김": "kim",
    "이": "lee",
    "박": "park",
    "최": "choi",
    "정": "jung",
    "강": "kang",
    "조": "cho",
    "윤": "yoon",
    "장": "jang",
    "임": "lim",
    "한": "han",
    "오": "oh",
    "신": "shin",
    "권": "kwon",
    "황": "hwang",
    "안": "ahn",
    "류": "ryu",
    "유": "yu",
    "노": "noh",
    "곽": "kwak",
    "성": "sung",
    "주": "joo",
    "우": "woo",
    "구": "koo",
    "문": "moon",
    "손": "son",
    "배": "bae",
    "백": "baek",
    "허": "heo",
    "심": "shim",
    "하": "ha",
    "전": "jeon",
}


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def jamo(text: str) -> list[str]:
    """Decompose Hangul syllables into (initial, medial, final) index strings; other characters kept."""
    out: list[str] = []
    for ch in text:
        if is_hangul_syllable(ch):
            code = ord(ch) - 0xAC00
            out += [f"i{code // 588}", f"m{(code % 588) // 28}"]
            if code % 28:
                out.append(f"f{code % 28}")
        else:
            out.append(ch)
    return out


def romanize(text: str) -> str:
    """Revised Romanisation, syllable by syllable (no sound-change rules), for readable IRI slugs."""
    parts: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if is_hangul_syllable(ch):
            code = ord(ch) - 0xAC00
            parts.append(_INITIALS[code // 588] + _MEDIALS[(code % 588) // 28] + _FINALS[code % 28])
        else:
            parts.append(ch)
    return "".join(parts)


def person_slug(name: str) -> str:
    """'이병헌' → 'lee-byeong-heon' (surname spelled as usual in English, given name syllable by syllable)."""
    name = unicodedata.normalize("NFC", name.strip())
    if len(name) >= 2 and all(is_hangul_syllable(c) for c in name):
        surname = _SURNAME_SPELLING.get(name[0], romanize(name[0]))
        return slug("-".join([surname] + [romanize(c) for c in name[1:]]))
    return slug(romanize(name))


def slug(text: str, limit: int = 48) -> str:
    """Lowercase ASCII with hyphens; Hangul is romanised first. Never empty."""
    text = romanize(unicodedata.normalize("NFKC", text)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > limit:
        text = text[:limit].rsplit("-", 1)[0] or text[:limit]
    return text or "x"


def edit_distance(a: list | str, b: list | str) -> int:
    """Levenshtein distance over characters (syllables) or any sequences (jamo)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def hangul_ratio(text: str) -> float:
    """Share of Hangul syllables among letters (Hangul, Latin, other scripts)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_hangul_syllable(c)) / len(letters)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC, without spaces and middle dots: for comparing names written with or without spacing."""
    return re.sub(r"[\s·ㆍ]+", "", nfc(text))
