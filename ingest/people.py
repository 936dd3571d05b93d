"""People with their titles and organisations, in the forms Korean news uses:
`오영주 중소벤처기업부 장관`, `중기부 오영주 장관`, `이병헌 중소기업연구원장` (organisation and 장 fused),
`중소벤처기업부(장관 오영주, 이하 중기부)`, `(장관 직무대행 1차관 노용석, 이하 ‘중기부’)`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.lexicon import COMMON_SURNAMES, SURNAMES, WEAK_TITLES, strip_particle
from ingest.model import Extraction, Holding, Org, Person
from ingest.namewords import (
    _bare_post,
    _body_and_head,
    _inflected,
    _one_noun,
    _place_word,
    _posted_abroad,
    _proper,
    _proper_or_unknown,
    _proper_short,
    _university_short,
    _unknown,
    embassy,
)
from ingest.orgs import CORPORATE, COUNTRIES, OrgFinder, regional_names, squash_ws, suffix_kind
from ingest.sentences import (
    FOREIGN_SYLLABLES,
    foreign_name_token,
    is_bare_noun,
    is_common_word,
    is_region,
    looks_like_name,
    short_name,
    verb_form,
)
from ingest.titles import (
    TitleParse,
    compound_title,
    is_acting,
    normalise_title,
    parse_title,
    regional_title,
)

BULLETS = "▲△▷▶►■□○●◆◇※◦▪"
TOKEN = re.compile(
    r"\(|\)|[^\s,.()\[\]「」『』“”\"‘’'<>…·:;/\-–"
    + BULLETS
    + r"]+|[,.“”\"‘’'「」·:;\-–"
    + BULLETS
    + r"]"
)
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
    *BULLETS,
}
PAREN = re.compile(r"(?P<org>[^\s(]{2,})\s*\(\s*(?P<inner>[^()]{2,90}?)\s*\)")
LATIN_NAME = re.compile(
    r"^\s*\(\s*(?P<honor>(?:Dr|Prof|Mr|Mrs|Ms|Sir)\.?\s+)?(?P<latin>[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’.-]+){0,3})\s*\)"
)
# What a sentence listing people without their posts says about them.
PEOPLE_CONTEXT = re.compile(
    r"참석|만나|만났|면담|초청|관계자|인사|기업인|투자자|전문가|연사|씨|\d+\s?여?\s?명"
)
# Words of a company's name written in Hangul ('로레알 코리아', '존슨 앤드 존슨'), never of a person's.
FIRM_WORDS = {
    "코리아",
    "재팬",
    "차이나",
    "앤드",
    "앤",
    "글로벌",
    "인터내셔널",
    "그룹",
    "컴퍼니",
    "랩스",
}
FORMER = {"전", "前", "전임", "초대", "역대"}
# Particles inside a foreign name: 하인리히 폰 발트, 얀 반 데르 베르프, 마리아 데 로스.
NAME_PARTICLES = {
    "폰",
    "반",
    "판",
    "데",
    "드",
    "델",
    "디",
    "다",
    "데르",
    "덴",
    "본",
    "벤",
    "빈",
    "알",
    "엘",
    "르",
}
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
    latin: str | None = None  # the name in Latin letters the text gives ('클링너(Dr. Klingner)')

    def quote(self, line: str) -> str:
        return line[self.start : self.end]


def tokenize(line: str) -> list[Tok]:
    """Words, brackets and separators. A middle dot written inside one word joins its parts
    ('대구·경북지방기술청장' is one word) unless it separates a title from the next name ('장관·한도윤')."""
    raw = [Tok(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(line)]
    out: list[Tok] = []
    k = 0
    while k < len(raw):
        tok = raw[k]
        while (
            k + 2 < len(raw)
            and raw[k + 1].text == "·"
            and raw[k + 1].start == tok.end
            and raw[k + 2].start == raw[k + 1].end
            and re.fullmatch(r"[가-힣A-Za-z0-9]+", tok.text)
            and re.fullmatch(r"[가-힣A-Za-z0-9]+", raw[k + 2].text)
            and not parse_title(tok.text)
            and not looks_like_name(tok.text)
            and not looks_like_name(raw[k + 2].text)
        ):
            tok = Tok(f"{tok.text}·{raw[k + 2].text}", tok.start, raw[k + 2].end)
            k += 2
        out.append(tok)
        k += 1
    return out


def _title_word(text: str) -> TitleParse | None:
    """A title word other than 기자 (reporters are bylines)."""
    title = parse_title(text)
    return title if title and title.title != "기자" else None


def _item_title_word(text: str) -> TitleParse | None:
    """A title word ending an item, a compound one included ('연구부총장이': one title)."""
    title = _title_word(text)
    if title is not None:
        return title
    compound = compound_title(text)
    if compound is None or not is_bare_noun(compound[0]):
        return None
    parsed = compound[1]
    return TitleParse(normalise_title(parsed.text), parsed.text, None, parsed.particle)


# Head titles and the name endings of the organisations they head ('원장' → …원, '장관' → …부).
IMPLIED_HEADS = {
    "장관": ("부",),
    "총장": ("대학교", "대학", "대"),
    "이사장": ("공단", "재단", "기금", "진흥회"),
}


class PersonFinder:
    def __init__(self, ex: Extraction, orgs: OrgFinder):
        self._taken: list[tuple[int, int]] = []  # spans of the line already read as other people
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
        if m.latin and m.latin not in person.latin_names:
            person.latin_names.append(m.latin)
        holdings = list(m.extra)
        if m.title and m.current and m.org is None:
            m.org = self._implied_org(m, line)
        if m.title and m.current and m.org is None and not person.holdings:
            m.org = self._article_body(m.title.title)
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

    def _implied_org(self, m: Mention, line: str) -> Org | None:
        """'…혁신청을 방문해 토마스 베르크만 청장과', '가온대학교를 찾아 모윤서 총장과': a bare head title whose
        organisation the same sentence has just named — the last organisation before the name whose kind
        the title heads (…청 → 청장, …원 → 원장, …처 → 처장, a university → 총장, a ministry → 장관)."""
        if m.title is None:
            return None
        heads = IMPLIED_HEADS.get(m.title.title)
        if heads is None and len(m.title.title) == 2 and m.title.title.endswith("장"):
            heads = (m.title.title[0],)
        if heads is None:
            return None
        start = max(line.rfind(". ", 0, m.start), line.rfind("다.", 0, m.start), -1) + 1
        before = line[start : m.start]
        hits = [h for h in self.orgs.find(before) if h[2].endswith(heads)]
        if hits:
            return self.orgs.register(hits[-1][2], quote=line[start : m.end])
        words = before.split()
        for k in range(len(words) - 1, -1, -1):  # '바이에른 혁신청을 방문해': a name by its suffix
            stem = strip_particle(words[k].strip("‘’'\"“”"))[0]
            if len(stem) >= 3 and stem.endswith(heads) and suffix_kind(stem):
                prev = words[k - 1] if k > 0 else ""
                name = f"{prev} {stem}" if prev and _proper(prev) else stem
                return self.orgs.register(name, suffix_kind(stem), line[start : m.end])
        return None

    def _article_body(self, title: str) -> Org | None:
        """'한지후 원장은' in the report of an institute named earlier, of someone with no other post: the
        organisation the title heads is the article's first (its subject's), or the only one of that kind
        the article has named."""
        heads = IMPLIED_HEADS.get(title)
        if heads is None and len(title) == 2 and title.endswith("장"):
            heads = (title[0],)
        if heads is None:
            return None
        bodies = [
            o
            for o in self.ex.orgs.values()
            if o.parent is None and not o.foreign and squash_ws(o.name).endswith(heads)
        ]
        first = next(iter(self.ex.orgs.values()), None)
        if first is not None and first in bodies:
            return first
        return bodies[0] if len(bodies) == 1 else None

    def _holding(self, m: Mention, quote: str, person: Person) -> Holding | None:
        org = m.org
        if m.title is None:
            return None
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
        """`기관(장관 이름, 이하 약칭)`, `기관(약칭, 회장 이름)`, `기관(KEIT·원장 이름)`: the head of the
        organisation, and the organisation's short names."""
        found = []
        for m in PAREN.finditer(line):
            org = self._org_at(m.group("org"), line)
            if not org:
                continue
            inner_start = m.start("inner")
            head: Mention | None = None
            for part in re.finditer(r"[^,·]+", m.group("inner")):
                text = part.group(0).strip()
                if not text:
                    continue
                if text.startswith("이하"):
                    self.orgs.alias(org, text[2:].strip(" ‘’'\"“”"))
                    continue
                words = text.split()
                if len(words) == 1:
                    if (
                        len(text) <= 12
                        and not parse_title(text)
                        and not looks_like_name(text)
                        and not re.search(r"\d|현지|왼쪽|오른쪽|사진|제공|가운데", text)
                        and re.search(r"[가-힣A-Za-z]", text)
                    ):
                        self.orgs.alias(org, text.strip(" ‘’'\"“”"))
                    continue
                name = words[-1]
                if head or not (looks_like_name(name) or short_name(name)):
                    continue
                posts: list[tuple[str, bool]] = []
                for word in words[:-1]:
                    parsed = parse_title(word)
                    if parsed:
                        posts.append((parsed.title, parsed.acting))
                    elif is_acting(word) and posts:
                        posts[-1] = (posts[-1][0], True)
                    else:
                        posts = []
                        break
                if not posts:
                    continue
                quote = line[m.start() : m.end()].rstrip()
                main = next((p for p in posts if not p[1]), posts[-1])
                start = inner_start + part.start()
                head = Mention(name, m.start(), m.end(), org, TitleParse(main[0], main[0]), main[1])
                head.extra = [
                    Holding(org.key, t, t, quote, acting, 0.9)
                    for t, acting in posts
                    if (t, acting) != main
                ]
                del start
            if head:
                found.append(head)
        return found

    def _org_at(self, word: str, line: str) -> Org | None:
        stem = word.strip("‘’'\"“”「」")
        hits = self.orgs.find(stem)
        if hits and hits[-1][1] >= len(stem.rstrip()):
            return self.orgs.register(hits[-1][2], quote=line[:80])
        return None

    # ----- foreign names ----------------------------------------------------------------------------------
    def foreign(self, line: str, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Transliterated foreign names: `클링너(Dr. Klingner)`; an item `NAME ORGANISATION TITLE` of a list or
        sentence (`라스 에릭 닐센 노르딕 브리지 부사장`, `엘리나 코스키넨 주한핀란드대사관 상임대표`),
        where the name is 2–3 Hangul words the analyser reads as proper nouns or does not know, and the
        split between name and organisation is the one best supported (a known or suffixed organisation, a
        country, Latin letters); `프라운호퍼 연구소의 안나 베버 박사` (organisation before the name)."""
        toks = tokenize(line)
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            if (
                any(a <= toks[i].start < b for a, b in skip)
                or not (self._name_word(toks[i].text) or self._pair_start(toks, i))
                or (
                    i > 0
                    and (
                        self._name_word(toks[i - 1].text)
                        or (
                            looks_like_name(toks[i - 1].text)
                            and toks[i - 1].text[0] in COMMON_SURNAMES
                            and not verb_form(toks[i - 1].text)  # '방문해 토마스 …'
                        )
                        or short_name(toks[i - 1].text)
                        or _proper_short(toks[i - 1].text)
                    )
                    and toks[i - 1].end + 1 == toks[i].start
                )
            ):
                i += 1
                continue
            mention = (
                self._latin_named(toks, i, line)
                or self._foreign_item(toks, i, line)
                or self._listed_name(toks, i, line)
            )
            if mention is None:
                for n in (3, 2):
                    words = toks[i : i + n]
                    if len(words) < n or any(not self._name_word(w.text) for w in words):
                        continue
                    if any(words[k + 1].start != words[k].end + 1 for k in range(n - 1)):
                        continue  # one space between the parts of the name
                    if n == 3 and not (
                        _proper(words[2].text)
                        and any(c in FOREIGN_SYLLABLES for c in words[2].text)
                    ):
                        continue
                    mention = self._foreign_at(toks, i, n, line)
                    if mention:
                        break
            if mention:
                out.append(mention)
                i = next((k for k, t in enumerate(toks) if t.start >= mention.end), len(toks))
                continue
            i += 1
        return out

    def _listed_name(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """'존 윌리엄스, 에밀리 존슨 등 … 관계자가 참석했다', '데이비드 리 씨': a foreign name of two or three
        words listed without a post — followed by '등' or '씨', or by a comma when another item of the
        list is one — in a sentence about people (who attended, met, or how many)."""
        end = line.find("다.", toks[i].start)
        if not PEOPLE_CONTEXT.search(line[toks[i].start : end if end >= 0 else len(line)]):
            return None
        for n in (3, 2):
            words = toks[i : i + n]
            if len(words) < n or i + n >= len(toks):
                continue
            parts = [w.text for w in words]
            if any(words[k + 1].start != words[k].end + 1 for k in range(n - 1)):
                continue
            if not all(self._name_word(p) for p in parts) or looks_like_name("".join(parts)):
                continue
            if FIRM_WORDS & set(parts):
                continue
            if not (self._foreign_looking(parts) or self._foreign_pair(parts)):
                continue
            nxt = toks[i + n].text
            closes = re.fullmatch(r"(?:등|씨)(?:이|을|은|는|과|의|도|가|와)?", nxt) is not None
            prev = toks[i - 1].text if i > 0 else ""
            if (
                closes
                or (nxt == "," and prev == ",")
                or (nxt == "," and self._lists_on(toks, i + n))
            ):
                return Mention(" ".join(parts), words[0].start, words[-1].end)
        return None

    def _lists_on(self, toks: list[Tok], comma: int) -> bool:
        """The item after a comma is another foreign name closed by '등' or a comma."""
        return any(
            comma + n + 1 < len(toks)
            and all(self._name_word(t.text) for t in toks[comma + 1 : comma + 1 + n])
            and re.fullmatch(r"(?:,|등\S?)", toks[comma + 1 + n].text) is not None
            for n in (2, 3)
        )

    @staticmethod
    def _shared(toks: list[Tok], found: list[Mention]) -> list[Mention]:
        """'박지호·한서윤 의원': names joined by a middle dot share the post written after the last one."""
        by_start = {m.start: m for m in found}
        for k in range(len(toks) - 3, -1, -1):
            name, dot, nxt = toks[k], toks[k + 1], toks[k + 2]
            if (
                dot.text == "·"
                and name.start not in by_start
                and nxt.start in by_start
                and looks_like_name(name.text)
                and looks_like_name(nxt.text)
            ):
                m = by_start[nxt.start]
                shared = Mention(name.text, name.start, m.end, m.org, m.title, m.acting)
                shared.current = m.current
                by_start[name.start] = shared
        return sorted(by_start.values(), key=lambda m: m.start)

    def _name_word(self, word: str) -> bool:
        return (
            foreign_name_token(word)
            and not (len(word) >= 3 and suffix_kind(word))
            and word not in COUNTRIES
            and not is_region(word)
            and not parse_title(word)
            and not self.orgs.find(word)
            and not self.orgs.index.named(word, "Place")
        )

    def _foreign_looking(self, words: list[str]) -> bool:
        """Parts of a transliterated name, not a Korean name written apart (김 민수) or ordinary words."""
        joined = "".join(words)
        korean = [
            (looks_like_name(w) or re.fullmatch(r"[가-힣]{3}", w) is not None)
            and w[0] in COMMON_SURNAMES
            and not any(c in FOREIGN_SYLLABLES for c in w)
            for w in words
        ]
        if korean[0] or looks_like_name(joined) or len(joined) < 3:
            return False
        if len(words[0]) == 1 and words[0] in SURNAMES:
            return False
        if any(is_common_word(w) or w in COUNTRIES or is_region(w) for w in words) or any(korean):
            return False
        return any(
            _proper(w) or _unknown(w) or any(c in FOREIGN_SYLLABLES for c in w) for w in words
        )

    def _pair_start(self, toks: list[Tok], i: int) -> bool:
        """'요하나 크뤼거 …': a first word the analyser reads as ordinary words, before a foreign surname."""
        return (
            i + 1 < len(toks)
            and toks[i + 1].start == toks[i].end + 1
            and self._foreign_pair([toks[i].text, toks[i + 1].text])
        )

    def _foreign_pair(self, parts: list[str]) -> bool:
        """'마이클 스미스', '요하나 크뤼거', '마리아 엘레나 로페스', '하인리히 폰 발트': a foreign name whose first
        word has the shape of a Korean name (a surname + two syllables) or is read as ordinary words, but
        whose next words cannot be a Korean name or the start of an organisation — a transliterated surname
        (foreign syllables or a word the analyser does not know), or a particle of a name ('폰', '반', '데')."""
        first, rest = parts[0], parts[1:]
        shortest = 1 if rest[0] in NAME_PARTICLES else 2
        if (
            not re.fullmatch(rf"[가-힣]{{{shortest},4}}", first)
            or parse_title(first)
            or suffix_kind(first)
            or self.orgs.find(first)
            or first in COUNTRIES
            or is_region(first)
            or is_common_word(first)
            or _inflected(first)
        ):
            return False
        last = rest[-1]
        if last in NAME_PARTICLES or not self._name_word(last) or looks_like_name(last):
            return False
        if not (
            any(c in FOREIGN_SYLLABLES for c in last)
            or _unknown(last)
            or (_proper(first) and _proper(last))  # '나탈리 뒤부아': two proper nouns
        ):
            return False
        return all(p in NAME_PARTICLES or self._name_word(p) for p in rest[:-1])

    def _latin_named(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """`클링너(Dr. Klingner)`, `안나 베버(Anna Weber) 박사`: Hangul words right before a Latin name in brackets."""
        for n in (3, 2, 1):
            words = toks[i : i + n]
            if len(words) < n or any(not self._name_word(w.text) for w in words):
                continue
            if any(words[k + 1].start != words[k].end + 1 for k in range(n - 1)):
                continue
            m = LATIN_NAME.match(line[words[-1].end :])
            if not m or (n == 1 and not m.group("honor") and " " not in m.group("latin")):
                continue
            if looks_like_name("".join(w.text for w in words)):
                continue
            name = " ".join(w.text for w in words)
            end = words[-1].end + m.end()
            after = next((k for k, t in enumerate(toks) if t.start >= end), len(toks))
            mention = self._item_title(toks, after, line, name, toks[i].start)
            if mention is None:
                if not m.group("honor"):
                    continue
                org = self._org_before(toks, i, line)
                mention = Mention(name, toks[i].start, end, org, None)
                if org is not None and m.group("honor").startswith(("Dr", "Prof")):
                    title = "박사" if m.group("honor").startswith("Dr") else "교수"
                    mention.title = TitleParse(title, title)
            mention.latin = m.group("latin").strip()
            mention.end = max(mention.end, end)
            return mention
        return None

    def _item_title(
        self, toks: list[Tok], k: int, line: str, name: str, start: int
    ) -> Mention | None:
        """After a name: `[ORGANISATION] TITLE` up to the next separator, as a mention of `name`."""
        words: list[Tok] = []
        for j in range(k, min(len(toks), k + 7)):
            text = toks[j].text
            if text in SEPARATORS or text in "()":
                return None
            title = _title_word(text)
            if title:
                org, parsed = self._org_for(words, title, text, line[start : toks[j].end])
                if org is None and (not words or title.title in WEAK_TITLES):
                    return None
                end = toks[j].start + toks[j].text.find(parsed.text) + len(parsed.text)
                acting = parsed.acting or (j + 1 < len(toks) and is_acting(toks[j + 1].text))
                return Mention(name, start, max(end, toks[j].start + 1), org, parsed, acting)
            words.append(toks[j])
        return None

    def _foreign_item(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """`NAME NAME [NAME] ORGANISATION… TITLE` with the split chosen on the evidence for the organisation."""
        j = None
        for k in range(i + 1, min(len(toks), i + 10)):
            text = toks[k].text
            if text in SEPARATORS or text in "()":
                break
            if _item_title_word(text) and k > i + 1:
                j = k
                break
        if j is None:
            return None
        words = toks[i:j]
        if any(words[k + 1].start != words[k].end + 1 for k in range(min(2, len(words) - 1))):
            return None
        title = _item_title_word(toks[j].text)
        best: tuple[tuple[int, int, int], int] | None = None
        longest = min(4, 3 + sum(w.text in NAME_PARTICLES for w in words[1:3]) - 1)
        longest = max(longest, 3)
        for k in range(2, min(longest, len(words)) + 1):
            parts = [w.text for w in words[:k]]
            if _university_short(parts[-1], title.title if title else ""):
                break  # '이준 가온대 교수': the university, not a part of the name
            shaped = all(self._name_word(p) for p in parts) and self._foreign_looking(parts)
            if not shaped and not self._foreign_pair(parts):
                if k < longest and len(words) > k and parts[-1] in NAME_PARTICLES:
                    continue  # '하인리히 폰 …', '얀 반 데르 …': the name goes on after its particle
                break
            rest = [w.text for w in words[k:]]
            evidence = self._org_evidence(rest, title.title if title else "")
            if not rest:
                # a name of three words with nothing between it and the title is less likely than a
                # name of two and an organisation not known by its form ('피에르 르블랑 인시아드 교수')
                plain = k == 2 or parts[-2] in NAME_PARTICLES
                evidence = 2 if self._org_before(toks, i, line) else (1 if plain else 0)
            if not shaped and evidence < 2:
                continue  # a first word of Korean shape: only with an organisation that stands alone
            unknown = 1 if k == 3 and _unknown(parts[-1]) else 0
            key = (evidence, unknown, 1 if k == 2 else 0)
            listed = i == 0 or toks[i - 1].text in SEPARATORS or toks[i - 1].text in "()"
            if (evidence >= 2 or (listed and evidence == 1)) and (best is None or key > best[0]):
                best = (key, k)
        if best is None:
            return None
        k = best[1]
        name = " ".join(w.text for w in words[:k])
        quote = line[toks[i].start : toks[j].end]
        rest_toks = words[k:]
        if not rest_toks or title is None:
            return self._foreign_at(toks, i, k, line)
        org, parsed = self._org_for(rest_toks, title, toks[j].text, quote)
        if org is None:
            return None
        end = toks[j].start + toks[j].text.find(parsed.text) + len(parsed.text)
        acting = parsed.acting or (j + 1 < len(toks) and is_acting(toks[j + 1].text))
        return Mention(name, toks[i].start, max(end, toks[j].start + 1), org, parsed, acting)

    def _org_evidence(self, words: list[str], title: str) -> int:
        """How sure the words are an organisation: 3 named in the graph or the article, 2 by its form
        (suffix, country, Latin letters, a university written '…대', a city written '… 시'), 1 otherwise."""
        if not words:
            return 0
        places = 0
        while places < len(words) - 1 and _place_word(words[places]):
            places += 1  # 덴마크 산업부, 헤센주 경제부: the organisation after its place
        body = " ".join(words[places:])
        hits = self.orgs.find(body)
        if hits and hits[0][0] == 0:
            return 3 if hits[0][3] or self.orgs.lookup(hits[0][2]) else 2
        if regional_names(words[-1]) or (words[-1] in ("시", "주", "도", "군") and len(words) > 1):
            return 2
        if any(re.search(r"[A-Za-z]{2,}", w) or w in COUNTRIES for w in words):
            return 2
        if words[-1].endswith("대") and title.endswith(
            (
                "총장",
                "부총장",
                "교수",
                "학장",
                "부교수",
                "조교수",
                "처장",
                "단장",
                "센터장",
            )
        ):
            return 2
        if len(words[-1]) >= 3 and suffix_kind(words[-1]):
            return 2  # '클라우젠 기술이전재단': an organisation by its last word's suffix
        if embassy(words, title):
            return 2
        return 1

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
        if looks_like_name(words[0]) and not (
            self._foreign_pair(words) and self._org_before(toks, i, line) is not None
        ):
            return (
                None  # 한도윤 가온랩: a Korean name before an organisation ('퍼듀대 마이클 스미스')
            )
        if any(looks_like_name(w) for w in words[1:]):
            return None  # '한빛랩 표서진 대표': a company before a Korean name
        proper = [_proper(w) for w in words]
        anchored = any(
            p and any(c in FOREIGN_SYLLABLES for c in w) for p, w in zip(proper, words, strict=True)
        )
        if not (anchored or all(proper) or any(_unknown(w) for w in words)):
            return None  # at least one part clearly a foreign proper noun (스미스, 베버), or all proper nouns
        last = i + n - 1
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        if nxt is None:
            return None
        title = _title_word(nxt.text)
        if title and _university_short(words[-1], title.title):
            return None  # '이준 가온대 교수': a name and a university
        if title and not title.unit:
            org = self._org_before(toks, i, line)
            end = nxt.start + nxt.text.find(title.text) + len(title.text)
            parsed = TitleParse(
                normalise_title(title.title), title.text, title.unit, title.particle, title.acting
            )
            if org is None and title.title in WEAK_TITLES and title.title != "박사":
                return None
            acting = title.acting or (last + 2 < len(toks) and is_acting(toks[last + 2].text))
            return Mention(name, toks[i].start, end, org, parsed, acting)
        if title and _university_short(words[-1], title.title):
            return None
        if title:  # '리사 웡 공과대학장과': the unit fused into the title, of the body just named
            study = title.title in ("학장", "총장", "교수", "부총장")
            parent = self._named_before(line, toks[i].start, study)
            org = self.orgs.unit(parent, title.unit or "", None, line[toks[i].start : nxt.end])
            end = nxt.start + nxt.text.find(title.text) + len(title.text)
            parsed = TitleParse(normalise_title(title.title), title.text, None, title.particle)
            return Mention(name, toks[i].start, end, org, parsed, title.acting)
        m = self._right(toks, last, line)
        if m is None or m.org is None or m.title is None:
            return None
        m.name, m.start = name, toks[i].start
        return m

    def _named_before(self, line: str, start: int, study: bool) -> Org | None:
        """The last organisation the sentence named before `start` ('스탠퍼드대를 찾아 …'; a university's
        short form only before a university's title, `study`)."""
        begin = max(line.rfind(". ", 0, start), line.rfind("다.", 0, start), -1) + 1
        hits = self.orgs.find(line[begin:start])
        if hits:
            return self.orgs.register(hits[-1][2], quote=line[begin:start])
        universities = self.orgs.universities(line[begin:start], about_study=True) if study else []
        return universities[-1] if universities else None

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

    # ----- Korean names -------------------------------------------------------------------------------------
    def scan(self, line: str, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Every `name + organisation + title` (either order), fused `name + organisation장`, `name + title`
        and `name + 씨` in a line."""
        toks = tokenize(line)
        out: list[Mention] = []
        self._taken = list(skip)
        i = 0
        while i < len(toks):
            tok = toks[i]
            if any(a <= tok.start < b for a, b in skip):
                i += 1
                continue
            short = short_name(tok.text) or _proper_short(tok.text)
            if _posted_abroad(tok.text):
                i += 1
                continue
            honorific = re.fullmatch(r"([가-힣]{3,4})씨(?:는|가|의|와|과|도|를|에게)?", tok.text)
            if honorific and looks_like_name(honorific.group(1)):  # '하도윤씨와'
                found = self._apposed(toks, i, line, honorific.group(1))
                out.append(found or Mention(honorific.group(1), tok.start, tok.start + 4))
                i += 1
                continue
            if not (looks_like_name(tok.text) or short):
                fused = self._fused_name(toks, i, line)
                if fused:
                    out.append(fused)
                i += 1
                continue
            if self._reporter(toks, i) or self.orgs.lookup(tok.text):
                i += 1
                continue
            mention = (
                self._right(toks, i, line)
                or self._left(toks, i, line)
                or self._apposed(toks, i, line, strip_particle(tok.text)[0])
            )
            if mention and short and not self._evidenced(mention):
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
                i = next((k for k, t in enumerate(toks) if t.start >= mention.end), len(toks))
                continue
            i += 1
        return self._shared(toks, out)

    def _apposed(self, toks: list[Tok], i: int, line: str, name: str) -> Mention | None:
        """ORGANISATION TITLE NAME — the post written before the name as an apposition ('다온전자 대표
        모세린 씨', '한빛리서치 최고경영자(CEO) 남궁민,', '가온랩 공동대표 선우진 등'): the name closes its
        item (a comma, '등', '씨', a particle or the end) and the words before the title name an
        organisation."""
        k = i - 1
        if k >= 2 and toks[k].text == ")" and toks[k - 2].text == "(":
            k -= 3  # '최고경영자(CEO)'
        if k < 1 or not looks_like_name(name) or toks[i].start - toks[k].end > 6:
            return None
        title = _title_word(toks[k].text)
        if title is None or title.particle or title.unit or title.title in WEAK_TITLES:
            return None
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        closes = (
            not nxt
            or nxt in SEPARATORS
            or nxt in ("(", ")")
            or re.fullmatch(r"(?:등|씨)\S{0,2}", nxt) is not None
            or toks[i].text != name
        )
        if not closes:
            return None
        for n in (3, 2, 1):
            if k - n < 0:
                continue
            words = toks[k - n : k]
            if any(w.text in SEPARATORS or w.text in "()" for w in words):
                continue
            phrase = " ".join(w.text for w in words)
            hits = self.orgs.find(phrase)
            org = None
            if hits and hits[0][0] == 0 and hits[-1][1] >= len(phrase):
                org = self.orgs.register(hits[-1][2], quote=line[words[0].start : toks[i].end])
            elif n == 1 and title.title in CORPORATE and _proper_or_unknown(phrase):
                # '가온랩 공동대표 선우진': a company's name the analyser does not know
                org, _ = self.orgs.phrase([phrase], title.title, line[words[0].start : toks[i].end])
            if org is not None:
                parsed = TitleParse(
                    normalise_title(title.title), title.text, None, "", title.acting
                )
                return Mention(name, toks[i].start, toks[i].start + len(name), org, parsed)
        return None

    def _evidenced(self, mention: Mention) -> bool:
        """A two-syllable name is kept only with a named organisation and a title that is no common word."""
        org = mention.org
        if org is None or mention.title is None or mention.title.title in WEAK_TITLES:
            return False
        if org.iri or any(suffix_kind(n) or regional_names(n) for n in org.names):
            return True
        head = mention.title.title in STRONG or mention.title.title.endswith(("장", "대표"))
        return head and not any(is_common_word(w) for n in org.names for w in n.split())

    def _fused_name(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """`한도윤대통령의`: a name written together with its title."""
        word = toks[i].text
        if not re.fullmatch(r"[가-힣]{5,12}", word) or parse_title(word):
            return None
        for size in (3, 4):
            name, rest = word[:size], word[size:]
            title = _title_word(rest)
            if not title or not looks_like_name(name) or title.title in WEAK_TITLES or title.unit:
                continue
            if title.title not in STRONG and title.title != "대통령":
                continue
            org = self._head_of_state(title, line)
            start = toks[i].start
            return Mention(name, start, start + size + len(title.text), org, title, title.acting)
        return None

    def _head_of_state(self, title: TitleParse, quote: str) -> Org | None:
        """The presidency is named by its title: '대통령' is the organisation of 대통령 and 대통령권한대행."""
        if title.title in ("대통령", "부통령"):
            return self.orgs.register(title.title, "PresidentialOffice", quote)
        return None

    @staticmethod
    def _reporter(toks: list[Tok], i: int) -> bool:
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        return nxt.startswith("기자") or toks[i].text.endswith("기자")

    def _right(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """NAME [organisation words] TITLE — e.g. 한성숙 중소벤처기업부 장관이, 이병헌 중소기업연구원장,
        배서연 대전시장, 한도윤 국회의장, 여준혁 가온대 산학협력부총장."""
        words: list[str] = []
        depth = 0
        for j in range(i + 1, min(len(toks), i + 9)):
            text = toks[j].text
            if any(a <= toks[j].start < b for a, b in self._taken):
                return None  # another person's mention ('방문해 토마스 베르크만 청장과')
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
            title = _title_word(text)
            if title and (words or title.unit):
                return self._build(toks, i, j, words, title, line)
            if title and not words:
                if title.title in ("대통령", "부통령") and not self._continues(toks, j, title):
                    return self._build(toks, i, j, [], title, line)
                return None  # NAME TITLE: the organisation may precede the name (see _left)
            if looks_like_name(text) and not self.orgs.lookup(text):
                return None  # another name: '한도윤 가온진흥원 한도윤 원장' is read from the second one
            fused = self._fused_title(text, line[toks[i].start : toks[j].end], bool(words))
            if fused is not None:
                org, parsed = fused
                return self._build(toks, i, j, words, parsed, line, org=org)
            stem, particle = strip_particle(text)
            if (
                particle
                and not re.search(r"[A-Za-z0-9]$", stem)
                and self.orgs.lookup(text) is None
                and not re.search(r"(학과|전공|학부)$", text)  # '경영학과' is a department
                and not _one_noun(text)  # '에코프로': a name ending like a particle
            ):
                return None
            words.append(text)
            if len([w for w in words if w not in "()"]) > 4:
                return None
        return None

    @staticmethod
    def _continues(toks: list[Tok], j: int, title: TitleParse) -> bool:
        """'대통령 비서실 …보좌관': the title word begins an organisation's name rather than ending the item."""
        nxt = toks[j + 1].text if j + 1 < len(toks) else ""
        return (
            not title.particle
            and bool(nxt)
            and nxt not in SEPARATORS
            and nxt not in "()"
            and toks[j + 1].start == toks[j].end + 1
            and is_bare_noun(nxt)
            and not looks_like_name(nxt)
        )

    def _fused_title(
        self, text: str, quote: str, after_org: bool
    ) -> tuple[Org | None, TitleParse] | None:
        """A title word with its organisation or unit fused in: 대전시장 (the city), 국회의장 (a known
        organisation + 의장), 산학협력부총장 after an organisation (one title). None when `text` is none."""
        regional = regional_title(text)
        if regional:
            return self.orgs.register(regional[0], "GovernmentBody", quote), regional[1]
        compound = compound_title(text)
        if compound is None:
            return None
        prefix, parsed = compound
        if self.orgs.lookup(prefix) or self.orgs.known(prefix):
            return self.orgs.register(prefix, quote=quote), parsed
        if after_org and is_bare_noun(prefix):
            whole = TitleParse(normalise_title(parsed.text), parsed.text, None, parsed.particle)
            return None, whole
        return None

    def _org_for(
        self, words: list[Tok], title: TitleParse, word: str, quote: str
    ) -> tuple[Org | None, TitleParse]:
        """The organisation of `words` before a title word (with units, embassies, the presidency)."""
        texts = [w.text for w in words]
        parsed = TitleParse(
            normalise_title(title.title), title.text, title.unit, title.particle, title.acting
        )
        if not texts:
            if title.unit:
                fused = self.orgs.lookup(title.unit)
                return fused or self.orgs.register(title.unit, quote=quote), parsed
            return self._head_of_state(title, quote), parsed
        emb = embassy(texts, title.text)
        if emb:
            name, post, country = emb
            mission = self.orgs.register(name, "GovernmentBody", quote, country=country)
            mission.foreign = mission.foreign or bool(country)
            return mission, TitleParse(post, title.text, None, title.particle, title.acting)
        found, rest = self.orgs.phrase(texts, title.title, quote)
        org: Org | None = found
        if title.unit:
            fused = self.orgs.lookup(title.unit)
            if org is None:
                org = fused or self.orgs.register(title.unit, quote=quote)
            elif fused is None or fused.key != org.key:
                org = self.orgs.unit(org, title.unit, None, quote)
        elif rest and org is not None:
            org = self.orgs.unit(org, rest, title.title, quote)
        return org, parsed

    def _left(self, toks: list[Tok], i: int, line: str) -> Mention | None:
        """ORGANISATION NAME TITLE — e.g. 중기부 오영주 장관은, ‘포인투테크놀로지 박진호 대표’; or NAME TITLE
        (채도경 부연구위원은, 모세린 박사는)."""
        if i + 1 >= len(toks):
            return None
        title = _title_word(toks[i + 1].text)
        if not title:
            return None
        words: list[Tok] = []
        k = i - 1
        if k >= 0 and toks[k].text == "소속":
            k -= 1
        elif (
            k >= 1
            and re.fullmatch(r"[가-힣]{2,8}인", toks[k].text)
            and parse_title(toks[k].text[:-1])
        ):
            k -= 1  # '다온전자 창업자인 오민재 대표': the organisation before a relative clause of a post
        if k >= 1 and re.fullmatch(r"[가-힣]{2,10}(?:학과|학부|전공)", toks[k].text):
            k -= 1  # '한빛대 인공지능학과 모지훈 교수': the department stands between university and name
        while k >= 0 and len(words) < 3:
            text = toks[k].text
            known = bool(self.orgs.find(text)) or _university_short(text, title.title)
            stem, particle = strip_particle(text)
            if is_region(text) and regional_names(text):
                stem, particle = text, ""  # '충남도 모하린 부지사': '도' is no particle
            if (
                text in SEPARATORS
                or text in ("(", ")")
                or (particle and not known)
                or (not known and (is_common_word(text) or not is_bare_noun(text)))
            ):
                break
            hits = self.orgs.find(stem) if particle and not words else []
            if hits and hits[0][0] == 0 and hits[-1][1] >= len(stem):
                # '가온재단에서는 은가람 본부장': the organisation the person is from
                words.insert(0, Tok(stem, toks[k].start, toks[k].start + len(stem)))
                break
            if particle:
                break
            words.insert(0, toks[k])
            k -= 1
        post = words.pop() if len(words) >= 2 and _bare_post(words[-1].text) else None
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
                if (
                    post is not None
                ):  # '다온대학교 산학협력단장 맹지호 교수': a second post, written first
                    m.extra.append(self._post_before(org, post, line[m.start : m.end]))
                m.current = m.current and not (
                    words[-n].start > 1 and line[: words[-n].start].rstrip().endswith(tuple(FORMER))
                )
                return m
        if title.unit:
            return None
        if _body_and_head(toks[i].text, title.title):
            return None  # '나래부 장관은': a ministry and its head, no name
        if (title.title not in WEAK_TITLES or title.title == "박사") and looks_like_name(
            toks[i].text
        ):
            end = toks[i + 1].start + toks[i + 1].text.find(title.text) + len(title.text)
            if title.title in ("대통령", "부통령") and self._continues(toks, i + 1, title):
                return None
            # '홍길동 대표(가온전자)': the organisation in brackets after the title
            org = self._head_of_state(title, line) or self._bracketed_org(toks, i + 1)
            acting = title.acting or (i + 2 < len(toks) and is_acting(toks[i + 2].text))
            parsed = TitleParse(
                normalise_title(title.title), title.text, None, title.particle, title.acting
            )
            return Mention(toks[i].text, toks[i].start, end, org, parsed, acting)
        return None

    def _post_before(self, org: Org, post: Tok, quote: str) -> Holding:
        """The post written between the organisation and the name: of the unit it names, if any."""
        parsed = _bare_post(post.text)
        assert parsed is not None
        at = self.orgs.unit(org, parsed.unit, None, quote) if parsed.unit else org
        return Holding(at.key, normalise_title(parsed.title), parsed.text, quote, confidence=0.75)

    def _build(
        self,
        toks: list[Tok],
        i: int,
        j: int,
        words: list[str],
        title: TitleParse,
        line: str,
        org: Org | None = None,
        rest: str | None = None,
    ) -> Mention:
        former = bool(words) and words[0] in FORMER
        words = [w for w in words if w not in FORMER and w != "소속"]
        end = toks[j].start + len(title.text) + (1 if toks[j].text.startswith("’") else 0)
        end = (
            toks[j].start + toks[j].text.find(title.text) + len(title.text)
            if title.text in toks[j].text
            else end
        )
        quote = line[toks[i].start : end]
        acting = title.acting or (j + 1 < len(toks) and is_acting(toks[j + 1].text))
        parent = self._bracketed_org(toks, j)
        if org is not None and not words:
            parsed = TitleParse(
                normalise_title(title.title), title.text, title.unit, title.particle, title.acting
            )
            if rest:
                org = self.orgs.unit(org, rest, title.title, quote)
        else:
            word_toks = [Tok(w, 0, 0) for w in words]
            if parent is not None and title.unit and not word_toks:
                org = self.orgs.unit(parent, title.unit, None, quote)
                parsed = TitleParse(normalise_title(title.title), title.text, None, title.particle)
            else:
                found, parsed = self._org_for(word_toks, title, toks[j].text, quote)
                org = found or org
                if org is None and rest is None and words:
                    org, _ = self.orgs.phrase(words, title.title, quote)
        nominee = j + 1 < len(toks) and toks[j + 1].text.startswith(("후보자", "내정자", "후보"))
        return Mention(
            toks[i].text, toks[i].start, end, org, parsed, acting, current=not (former or nominee)
        )

    def _bracketed_org(self, toks: list[Tok], j: int) -> Org | None:
        """`미래정책연구본부장(GPRI)`: the organisation named in brackets right after a title word."""
        if (
            j + 3 < len(toks)
            and toks[j + 1].text == "("
            and toks[j + 3].text == ")"
            and toks[j + 1].start == toks[j].end
        ):
            inner = toks[j + 2].text
            hits = self.orgs.find(inner)
            if self.orgs.lookup(inner) or (hits and hits[0][0] == 0 and hits[-1][1] >= len(inner)):
                return self.orgs.lookup(inner) or self.orgs.register(hits[-1][2], quote=inner)
        return None
