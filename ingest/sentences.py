"""Sentences and morphology with kiwipiepy (its model ships in the kiwipiepy_model package).

Used for sentence boundaries, to tell a person's name from a common word, and to find bare noun phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ingest.lexicon import CITIES, DOUBLE_SURNAMES, REGIONS, SURNAMES, TITLES

# Syllables that occur in transliterated foreign names but practically never in Korean given names.
# Syllables of loanwords that end company names ('…랩', '…텍', '…팜') and no Korean given name has.
COMPANY_SYLLABLES = set("랩텍팜넷웍닉믹틱픽컴톡봇칩팩맥빅엑렉섹벡튼")
FOREIGN_SYLLABLES = set(
    "르즈스크트프드브그츠슈쉬샤쥬쟈뤼퀴캐탱펠젤엘벨렐델텔켈헬쿠푸쿄페케테베레메"
)


@lru_cache(maxsize=1)
def kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(line: str) -> list[Sentence]:
    """Sentences of one line with their offsets; quoted speech stays inside its sentence."""
    if len(line) < 30 or not re.search(r"[.!?다]\s", line):
        return [Sentence(0, len(line), line)]
    out = []
    for sent in kiwi().split_into_sents(line):
        out.append(Sentence(sent.start, sent.end, line[sent.start : sent.end]))
    return out or [Sentence(0, len(line), line)]


@lru_cache(maxsize=4096)
def _analysis(word: str) -> tuple[list[tuple[str, str]], float]:
    result = kiwi().analyze(word, top_n=1)[0]
    return [(t.form, t.tag) for t in result[0]], result[1]


def is_common_word(word: str) -> bool:
    """True when the morphological analyser reads `word` confidently as ordinary vocabulary, not a name."""
    tokens, score = _analysis(word)
    if len(tokens) == 1 and tokens[0][1] == "NNP":
        return False
    if len(tokens) == 1 and tokens[0][1] != "NNP" and score > -21.5:
        return True
    # a common noun followed by a particle or ending ("이번에", "정부는") scores high
    return score > -17.5 and tokens[0][1] not in ("NNP",)


def looks_like_name(word: str, short_ok: bool = False) -> bool:
    """A Korean personal name: three syllables (two only when `short_ok`, four with a double surname) starting
    with a surname, not ending like an institution (대, 청, 시, 처) and not an ordinary word or word + particle."""
    from ingest.lexicon import strip_particle
    from ingest.titles import parse_title

    if (
        not re.fullmatch(r"[가-힣]{2,4}", word)
        or word in TITLES
        or (len(word) == 2 and not short_ok)
    ):
        return False
    if word.endswith(("대", "청", "시", "처")) or any(c in FOREIGN_SYLLABLES for c in word):
        return False
    if any(c in COMPANY_SYLLABLES for c in word[1:]):
        return False  # '나래랩', '솔빛텍': a company's name
    if is_region(word):
        return False
    stem, particle = strip_particle(word)
    if particle and len(stem) >= 2 and (parse_title(stem) or is_common_word(stem)):
        return False
    if len(word) == 4 and word[:2] not in DOUBLE_SURNAMES:
        return False
    if word[0] not in SURNAMES and word[:2] not in DOUBLE_SURNAMES:
        return False
    return not is_common_word(word)


def verb_form(word: str) -> bool:
    """'방문해', '강조해', '강하고', '윤하며': a verb with its ending (a noun + 하다, or a clause ending 고/며/다),
    never a name."""
    tokens, _ = _analysis(word)
    if any(tag == "XSV" for _, tag in tokens):
        return True
    return word[-1] in "고며다" and tokens[-1][1] in ("EC", "EF")


def is_region(word: str) -> bool:
    """A city or province written as a word: 대전, 충북도, 경기도, 충청북도 (never a person's name)."""
    return (
        word in CITIES
        or word in REGIONS
        or (len(word) >= 3 and word[:-1] in CITIES and word[-1] in "도시군구")
    )


def foreign_name_token(word: str) -> bool:
    """One part of a transliterated foreign name (마르틴, 스미스, 안나, 쉴케): 1–6 Hangul syllables that the
    analyser reads as a proper noun, does not know (a very low score), or splits into pieces with no noun
    (안나 → 안/MAG 나/VV) — never an ordinary noun (지원, 사업, 담당) or a verb form (비롯해, 만난)."""
    from ingest.lexicon import strip_particle

    if not re.fullmatch(r"[가-힣]{1,6}", word):
        return False
    tokens, score = _analysis(word)
    if len(tokens) == 1:
        return tokens[0][1] == "NNP" or (tokens[0][1].startswith("NN") and not is_common_word(word))
    if re.search(r"(해|하고|하며|하는|하여|해서|했다|한다|된|되어|됐다|면서|에서|으로)$", word):
        return False
    if tokens[0][1].startswith("VV") and tokens[-1][0] in ("어", "아"):
        return False  # a verb with its connective ending: 찾아, 만나, 살펴, 모아
    stem, particle = strip_particle(word)
    if (
        len(stem) >= 2
        and particle
        and (len(particle) >= 2 or particle not in ("이", "가", "도", "로"))
    ):
        return False  # 협약식에는, 기관과: a word with its particle
    if score < -24 and len(word) >= 2:
        return True  # a word the analyser does not know: 로시, 헤이키넨, 닐센
    if (
        tokens[0][1] == "NNP"
        and len(tokens[0][0]) >= 2
        and all(len(form) == 1 and tag in ("JC", "JX", "XSN") for form, tag in tokens[1:])
    ):
        return True  # a proper noun the analyser cut before its last syllable: 엘리+나
    return (
        len(word) >= 2
        and not word.endswith("다")
        and tokens[-1][1] not in ("EC", "ETM", "ETN")
        and not any(tag.startswith(("NN", "NR", "NP", "XS", "J", "E")) for _, tag in tokens[:-1])
        and not any(tag.startswith(("NN", "NR", "NP", "J")) for _, tag in tokens)
    )


def short_name(word: str) -> bool:
    """A two-syllable name (이영): a surname + one syllable the analyser does not read as an ordinary word."""
    if not re.fullmatch(r"[가-힣]{2}", word) or word[0] not in SURNAMES or word in TITLES:
        return False
    tokens, score = _analysis(word)
    return (
        len(tokens) == 1
        and tokens[0][1] in ("NNP", "NNG")
        and score < -18.5
        and not is_common_word(word)
    )


def is_bare_noun(word: str) -> bool:
    """A word made only of nouns, numbers or foreign letters (no particle or verb ending)."""
    if re.fullmatch(r"[A-Za-z0-9+&.\-·]+", word):
        return True
    tokens, _ = _analysis(word)
    return all(
        tag.startswith(("NN", "SL", "SN", "XSN", "XPN", "SH", "NR", "W_", "SO", "SW"))
        for _, tag in tokens
    )
