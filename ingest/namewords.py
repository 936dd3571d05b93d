"""Word tests the people finder uses: whether a word is a post written before a name, a proper or unknown
noun, a university's short form, an inflected word, a place; the embassy a `주<country> … 대사` names."""

from __future__ import annotations

import re

from ingest.lexicon import SURNAMES, WEAK_TITLES, strip_particle
from ingest.orgs import COUNTRIES
from ingest.sentences import _analysis, is_region
from ingest.titles import TitleParse, parse_title


def _proper(word: str) -> bool:
    """One word the analyser reads as a proper noun."""
    tokens, _ = _analysis(word)
    return len(tokens) == 1 and tokens[0][1] == "NNP"


def _bare_post(word: str) -> TitleParse | None:
    """A title word without particle that is no common word ('산학협력단장', '경영지원실장', '전무')."""
    parsed = parse_title(word)
    if parsed is None or parsed.particle or parsed.title in WEAK_TITLES:
        return None
    return parsed


def _proper_short(word: str) -> bool:
    """A two-syllable word that may be a name (모란, 하결): a surname, then a syllable, not an ordinary noun,
    place or country — a name only when an organisation and a head title follow (see _evidenced)."""

    if not re.fullmatch(r"[가-힣]{2}", word) or word[0] not in SURNAMES or _place_word(word):
        return False
    tokens, score = _analysis(word)
    if len(tokens) == 1 and tokens[0][1] == "NNP":
        return True
    return (
        len(tokens) == 2 and tokens[0][1] == "NNP" and tokens[1][1] in ("XR", "NNG") and score < -20
    )


CONTINENTS = {
    "유럽",
    "아시아",
    "아프리카",
    "중남미",
    "남미",
    "북미",
    "중동",
    "오세아니아",
    "동남아",
}
ABROAD = ("한", "미", "일", "중", "영", "독", "불", "러", "유엔")


def _posted_abroad(word: str) -> bool:
    """'주한', '주페루', '주미': 'posted in …' before an embassy or ambassador, never a name."""
    rest = strip_particle(word)[0][1:]
    return word.startswith("주") and (rest in ABROAD or rest in COUNTRIES)


def _unknown(word: str) -> bool:
    """A word the analyser does not know (a transliteration): one noun with a very low score."""

    tokens, score = _analysis(word)
    return (len(tokens) == 1 and tokens[0][1] == "NNG" and score < -24) or (
        len(tokens) > 1 and score < -24 and not _place_word(word)
    )


def _university_short(word: str, title: str) -> bool:
    """'가온대' before a university's title ('교수', '총장', '연구부총장'): a university's short form."""
    return (
        len(word) >= 3
        and word.endswith("대")
        and title.endswith(("총장", "교수", "학장", "처장", "단장", "센터장", "연구원"))
    )


def _proper_or_unknown(word: str) -> bool:
    """One word that is a proper noun or one the analyser does not know (a company's name)."""
    return bool(re.fullmatch(r"[가-힣A-Za-z0-9]{2,12}", word)) and (_proper(word) or _unknown(word))


def _one_noun(word: str) -> bool:
    """The analyser reads the word's end as part of a noun ('에코프로', '누리프로'): the last syllable that
    looks like a particle is none."""

    tokens, _ = _analysis(word)
    return tokens[-1][1].startswith("NN") and len(tokens[-1][0]) >= 2


def _inflected(word: str) -> bool:
    """A word with a particle or an ending ('포럼에는', '방문해'): not the first word of a name."""

    tokens, _ = _analysis(word)
    return any(tag.startswith(("J", "E", "V", "XS")) for _, tag in tokens)


def _place_word(word: str) -> bool:
    """A country, a region or a proper noun ending like a place (헤센주, 바이에른주, 오사카부)."""

    if word in COUNTRIES or is_region(word) or word in CONTINENTS:
        return True
    tokens, _ = _analysis(word)
    return len(word) >= 3 and word[-1] in "주시도성현군구" and any(t == "NNP" for _, t in tokens)


def embassy(words: list[str], title: str) -> tuple[str, str, str | None] | None:
    """`주페루 대한민국대사`, `주한 덴마크 부대사`: (the embassy '주페루 대한민국대사관' / '주한 덴마크대사관', the
    title, the country code of a foreign embassy in Korea or None)."""
    if not words or not words[0].startswith("주") or len(words[0]) < 2:
        return None
    m = re.fullmatch(r"([가-힣]*?)(부대사|대사|총영사|영사)", title)
    if not m:
        return None
    country_word = m.group(1) or (words[-1] if len(words) > 1 else "")
    where = words[0]
    name = f"{where} {country_word}대사관" if country_word else f"{where}대사관"
    if m.group(2) in ("총영사", "영사"):
        name = name.replace("대사관", "총영사관" if m.group(2) == "총영사" else "영사관")
    foreign = where == "주한"
    code = COUNTRIES.get(country_word) if foreign else None
    return name, m.group(2), (code or ("XX" if foreign else None))


# Government bodies by their last syllable and the titles of their heads ('…부 장관', '…청 청장').
HEADS_OF = {"부": ("장관", "차관"), "청": ("청장", "차장"), "처": ("처장", "차장")}


def _body_and_head(word: str, title: str) -> bool:
    """'나래부 장관', '다온청 청장': a word of a name's shape that ends like the body the title heads."""
    return len(word) >= 3 and re.sub(r"^제?\d", "", title) in HEADS_OF.get(word[-1], ())
