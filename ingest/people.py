"""People with their titles and organisations, in the forms Korean news uses:
`오영주 중소벤처기업부 장관`, `중기부 오영주 장관`, `이병헌 중소기업연구원장` (organisation and 장 fused),
`중소벤처기업부(장관 오영주, 이하 중기부)`, `(장관 직무대행 1차관 노용석, 이하 ‘중기부’)`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lexicon import CITIES, SURNAMES, WEAK_TITLES, strip_particle
from ingest.model import Extraction, Holding, Org, Person
from ingest.orgs import COUNTRIES, OrgFinder
from ingest.sentences import (
    FOREIGN_SYLLABLES,
    foreign_name_token,
    is_common_word,
    looks_like_name,
    short_name,
)
from ingest.titles import TitleParse, is_acting, normalise_title, parse_title

TOKEN = re.compile(r"\(|\)|[^\s,.()\[\]「」『』“”\"‘’'<>…·:;/\-–]+|[,.“”\"‘’'「」·:;\-–]")
SEPARATORS = {
    ",",
    ".",
    "및",
    "등",
    "과",
    "와",
    "그리고",
    "또",
    "·",
    ":",
    ";",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "-",
    "–",
}
INTRO = re.compile(
    r"(?P<org>[^\s(]{2,})\s*\(\s*(?P<titles>(?:[가-힣0-9]{1,12}\s+){1,4})(?P<name>[가-힣]{2,4})\s*"
    r"(?:,\s*이하\s*[‘'\"“]?(?P<alias>[^’'\"”)]{1,15}?)[’'\"”]?)?\s*\)"
)
ALIAS = re.compile(
    r"(?P<org>[^\s(]{2,})\s*\(\s*이하\s*[‘'\"“]?(?P<alias>[^’'\"”)]{1,15}?)[’'\"”]?\s*\)"
)
FORMER = {"전", "前", "전임", "초대", "역대"}
STRONG = {
    "장관",
    "차관",
    "교수",
    "대표",
    "대표이사",
    "의원",
    "회장",
    "원장",
    "총장",
    "청장",
    "이사장",
    "사장",
    "본부장",
    "위원장",
    "단장",
    "실장",
    "국장",
    "과장",
    "특보",
    "부회장",
    "부사장",
}


@dataclass
class Tok:
    text: str
    start: int
    end: int


@dataclass
class Mention:
    name: str
    start: int
    end: int
    org: Org | None = None
    title: TitleParse | None = None
    acting: bool = False
    extra: list[Holding] = field(
        default_factory=list
    )  # further posts named with the person (intros)
    current: bool = (
        True  # False for a former holder (전 장관) or a nominee (장관 후보자): no holding
    )

    def quote(self, line: str) -> str:
        return line[self.start : self.end]


def _proper(word: str) -> bool:
    from ingest.sentences import _analysis

    tokens, _ = _analysis(word)
    return len(tokens) == 1 and tokens[0][1] == "NNP"


def tokenize(line: str) -> list[Tok]:
    return [Tok(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(line)]


class PersonFinder:
    def __init__(self, ex: Extraction, orgs: OrgFinder):
        self.ex = ex
        self.orgs = orgs

    # ----- recording -------------------------------------------------------------------------------
    def record(self, m: Mention, line: str, flag: str, confidence: float = 0.85) -> Person:
        """Add the mention to the article's people (one Person per name) with the post it states."""
        person = self.ex.people.setdefault(m.name, Person(m.name, m.name, confidence=confidence))
        quote = m.quote(line)
        if quote not in person.mentions:
            person.mentions.append(quote)
        person.flags.add(flag)
        person.confidence = max(person.confidence, confidence)
        holdings = list(m.extra)
        if m.title and m.current:
            holding = self._holding(m, quote, person)
            if holding:
                holdings.insert(0, holding)
        for h in holdings:
            if not any(x.org == h.org and x.title == h.title for x in person.holdings):
                person.holdings.append(h)
            elif h.acting:
                next(
                    x for x in person.holdings if x.org == h.org and x.title == h.title
                ).acting = True
        return person

    def _holding(self, m: Mention, quote: str, person: Person) -> Holding | None:
        org = m.org
        if (
            m.title.title == "의원"
            and org is not None
            and org.kind in ("PoliticalParty", "Committee")
        ):
            person.affiliation = (
                org.key
            )  # a party's lawmaker holds the post 국회의원 in the National Assembly
            org = self.orgs.register("국회", "Legislature", quote)
        if org is None:
            return None
        return Holding(
            org.key, m.title.title, m.title.text, quote, m.acting, 0.9 if org.iri else 0.8
        )

    # ----- patterns --------------------------------------------------------------------------------
    def intros(self, line: str) -> list[Mention]:
        """`기관(장관 이름, 이하 약칭)`: the head of the organisation, and the organisation's short name."""
        found = []
        for m in ALIAS.finditer(line):
            org = self._org_at(m.group("org"), line)
            if org:
                self.orgs.alias(org, m.group("alias"))
        for m in INTRO.finditer(line):
            name = m.group("name")
            org = self._org_at(m.group("org"), line)
            if not org or not (looks_like_name(name) or short_name(name)):
                continue
            if m.group("alias"):
                self.orgs.alias(org, m.group("alias"))
            posts: list[tuple[str, bool]] = []
            for word in m.group("titles").split():
                parsed = parse_title(word)
                if parsed:
                    posts.append((parsed.title, False))
                elif is_acting(word) and posts:
                    posts[-1] = (posts[-1][0], True)
                else:
                    posts = []
                    break
            if not posts:
                continue
            quote = line[m.start() : m.end()].rstrip()
            main = next((p for p in posts if not p[1]), posts[-1])
            mention = Mention(name, m.start(), m.end(), org, TitleParse(main[0], main[0]), main[1])
            mention.extra = [
                Holding(org.key, t, t, quote, acting, 0.9)
                for t, acting in posts
                if (t, acting) != main
            ]
            found.append(mention)
        return found

    def _org_at(self, word: str, line: str) -> Org | None:
        stem = word.strip("‘’'\"“”「」")
        hits = self.orgs.find(stem)
        if hits and hits[-1][1] >= len(stem.rstrip()):
            return self.orgs.register(hits[-1][2], quote=line[:80])
        return None

    def foreign(self, line: str, skip: list[tuple[int, int]] = ()) -> list[Mention]:
        """Transliterated foreign names followed by `organisation + title` or a title: `마르틴 슈미트 프라운호퍼
        한국대표부 대표`, `존 스미스 MIT 교수`, `프라운호퍼 연구소의 안나 베버 박사`. The name is 2–3 Hangul words
        the analyser reads as proper nouns or does not know, none an organisation, place or ordinary noun."""
        toks = tokenize(line)
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            if (
                any(a <= toks[i].start < b for a, b in skip)
                or not self._name_word(toks[i].text)
                or (
                    i > 0
                    and self._name_word(toks[i - 1].text)
                    and toks[i - 1].end + 1 == toks[i].start
                )
            ):
                i += 1
                continue
            mention = None
            for n in (3, 2):
                words = toks[i : i + n]
                if len(words) < n or any(not self._name_word(w.text) for w in words):
                    continue
                if any(words[k + 1].start != words[k].end + 1 for k in range(n - 1)):
                    continue  # one space between the parts of the name
                if n == 3 and not (
                    _proper(words[2].text) and any(c in FOREIGN_SYLLABLES for c in words[2].text)
                ):
                    continue
                mention = self._foreign_at(toks, i, n, line)
                if mention:
                    break
            if mention:
                out.append(mention)
                i = (
                    next(k for k, t in enumerate(toks) if t.start >= mention.end)
                    if mention.end < len(line)
                    else len(toks)
                )
                continue
            i += 1
        return out

    def _name_word(self, word: str) -> bool:
        return (
            foreign_name_token(word)
            and word not in COUNTRIES
            and word not in CITIES
            and not parse_title(word)
            and not self.orgs.find(word)
            and not self.orgs.index.named(word, "Place")
        )

    def _foreign_at(self, toks: list[Tok], i: int, n: int, line: str) -> Mention | None:
        words = [t.text for t in toks[i : i + n]]
        name = " ".join(words)
        if len(name.replace(" ", "")) < 3 or looks_like_name("".join(words)):
            return None
        if (
            len(words[0]) == 1
            and words[0] in SURNAMES
            and looks_like_name("".join(words), short_ok=True)
        ):
            return None  # 김 민수: a Korean surname and given name written apart
        proper = [_proper(w) for w in words]
        anchored = any(p and any(c in FOREIGN_SYLLABLES for c in w) for p, w in zip(proper, words))
        if not (anchored or all(proper)):
            return None  # at least one part clearly a foreign proper noun (스미스, 베버), or all proper nouns
        last = i + n - 1
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        if nxt is None:
            return None
        title = parse_title(nxt.text)
        if title and title.title != "기자" and not title.unit:
            org = self._org_before(toks, i, line)
            end = nxt.start + nxt.text.find(title.text) + len(title.text)
            parsed = TitleParse(
                normalise_title(title.title), title.text, title.unit, title.particle
            )
            if org is None and title.title in WEAK_TITLES and title.title != "박사":
                return None
            acting = last + 2 < len(toks) and is_acting(toks[last + 2].text)
            return Mention(name, toks[i].start, end, org, parsed, acting)
        if title:
            return None
        m = self._right(toks, last, line)
        if m is None or m.org is None or m.title is None:
            return None
        m.name, m.start = name, toks[i].start
        return m

    def _org_before(self, toks: list[Tok], i: int, line: str) -> Org | None:
        """`프라운호퍼 연구소의 [NAME]`, `MIT [NAME]`: the organisation written just before a foreign name."""
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            parts = [t.text for t in toks[i - n : i]]
            if parts[-1] == "소속":
                parts = parts[:-1]
            elif parts[-1].endswith("의"):
                parts[-1] = parts[-1][:-1]
            if not parts or any(p in SEPARATORS or p in "()" for p in parts):
                continue
            stem = " ".join(parts)
            hits = self.orgs.find(stem)
            if hits and hits[0][0] == 0 and hits[-1][1] >= len(stem):
                return self.orgs.register(hits[-1][2], quote=line[toks[i - n].start : toks[i].end])
        return None

    def scan(self, line: str, skip: list[tuple[int, int]] = ()) -> list[Mention]:
        """Every `name + organisation + title` (either order) and fused `name + organisation장` in a line."""
        toks = tokenize(line)
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            short = short_name(tok.text)
            if (
                any(a <= tok.start < b for a, b in skip)
                or not (looks_like_name(tok.text) or short)
                or self._reporter(toks, i)
                or self.orgs.lookup(tok.text)
            ):
                i += 1
                continue
            mention = self._right(toks, i, line) or self._left(toks, i, line)
            if mention and short and mention.org is None:
                mention = None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                mention is None
                and not short
                and nxt
                and re.fullmatch(r"씨(는|가|의|와|도|를|에게)?", nxt.text)
            ):
                mention = Mention(
                    tok.text, tok.start, nxt.start + 1
                )  # 홍길동 씨: a person without a title
            if mention:
                out.append(mention)
            i += 1
        return out

    @staticmethod
    def _reporter(toks: list[Tok], i: int) -> bool:
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        return nxt.startswith("기자") or toks[i].text.endswith("기자")

    def _right(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """NAME [organisation words] TITLE — e.g. 한성숙 중소벤처기업부 장관이, 이병헌 중소기업연구원장."""
        words: list[str] = []
        depth = 0
        for j in range(i + 1, min(len(toks), i + 9)):
            text = toks[j].text
            if text == "(":
                depth += 1
                words.append(text)
                continue
            if text == ")":
                depth = max(0, depth - 1)
                words.append(text)
                continue
            if depth:
                words.append(text)
                continue
            if text in SEPARATORS or text in ("(", ")"):
                return None
            title = parse_title(text)
            if title and title.title != "기자" and (words or title.unit):
                return self._build(toks, i, j, words, title, line)
            if title and not words:
                return None  # NAME TITLE: the organisation may precede the name (see _left)
            stem, particle = strip_particle(text)
            if particle and not re.search(r"[A-Za-z0-9]$", stem) and self.orgs.lookup(text) is None:
                return None
            words.append(text)
            if len([w for w in words if w not in "()"]) > 4:
                return None
        return None

    def _left(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """ORGANISATION NAME TITLE — e.g. 중기부 오영주 장관은, ‘포인투테크놀로지 박진호 대표’."""
        if i + 1 >= len(toks):
            return None
        title = parse_title(toks[i + 1].text)
        if not title or title.title == "기자":
            return None
        words: list[Tok] = []
        k = i - 1
        if k >= 0 and toks[k].text == "소속":
            k -= 1
        while k >= 0 and len(words) < 3:
            text = toks[k].text
            known = bool(self.orgs.find(text))
            if (
                text in SEPARATORS
                or text in ("(", ")")
                or (strip_particle(text)[1] and not known)
                or (not known and is_common_word(text))
            ):
                break
            words.insert(0, toks[k])
            k -= 1
        starts = [
            n
            for n in range(len(words), 0, -1)
            if (h := self.orgs.find(" ".join(w.text for w in words[-n:]))) and h[0][0] == 0
        ]
        for n in starts[:1] or ([len(words)] if words else []):
            phrase = [w.text for w in words[-n:]]
            org, rest = self.orgs.phrase(
                phrase, title.title, line[words[-n].start : toks[i + 1].end]
            )
            if org is not None:
                m = self._build(toks, i, i + 1, [], title, line, org=org, rest=rest)
                m.start = words[-n].start
                m.current = m.current and not (
                    words[-n].start > 1 and line[: words[-n].start].rstrip().endswith(tuple(FORMER))
                )
                return m
        if title.title in STRONG and title.title not in WEAK_TITLES and not title.unit:
            return Mention(
                toks[i].text, toks[i].start, toks[i + 1].start + len(title.text), None, title
            )
        return None

    def _build(self, toks, i, j, words, title: TitleParse, line, org=None, rest=None) -> Mention:
        former = bool(words) and words[0] in FORMER
        words = [w for w in words if w not in FORMER and w != "소속"]
        end = toks[j].start + len(title.text) + (1 if toks[j].text.startswith("’") else 0)
        end = (
            toks[j].start + toks[j].text.find(title.text) + len(title.text)
            if title.text in toks[j].text
            else end
        )
        quote = line[toks[i].start : end]
        if words and org is None:
            org, rest = self.orgs.phrase(words, title.title, quote)
        acting = j + 1 < len(toks) and is_acting(toks[j + 1].text)
        if title.unit:
            fused = self.orgs.lookup(title.unit)
            if org is None:
                org = fused or self.orgs.register(title.unit, quote=quote)
            elif fused is None or fused.key != org.key:
                org = self.orgs.unit(org, title.unit, None, quote)
        elif rest:
            org = self.orgs.unit(org, rest, title.title, quote)
        title = TitleParse(normalise_title(title.title), title.text, title.unit, title.particle)
        nominee = j + 1 < len(toks) and toks[j + 1].text.startswith(("후보자", "내정자", "후보"))
        return Mention(
            toks[i].text, toks[i].start, end, org, title, acting, current=not (former or nominee)
        )
