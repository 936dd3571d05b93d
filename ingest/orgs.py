"""Organisations: the graph's gazetteer (names and aliases), aliases the article defines ('(이하 기정원)',
'(KAIST)'), and general suffix patterns (부, 청, 위원회, 공단, 진흥원, 연구원, 협회, 재단, 대학교, 기금, (주)…)."""

from __future__ import annotations

import re

from ingest.gazetteer import GraphIndex
from ingest.lexicon import (
    CITIES,
    NOT_ORGS,
    ORG_SUFFIXES,
    PARTICLES,
    REGIONS,
    UNIT_SUFFIXES,
    strip_particle,
)
from ingest.model import Extraction, Org
from ingest.titles import parse_title

MINISTRY = re.compile(
    r"(기업|자원|통신|교통|안전|복지|가족|환경|노동|외교|국방|법무|통일|관광|체육|수산|식품|농림|축산|"
    r"재정|교육|행정|보훈|기획|산업|과학|정보|해양|국토|문화|경제|재경|인사)부$"
)
COUNTRIES = {
    "미국": "US",
    "독일": "DE",
    "프랑스": "FR",
    "영국": "GB",
    "일본": "JP",
    "중국": "CN",
    "캐나다": "CA",
    "이탈리아": "IT",
    "스페인": "ES",
    "네덜란드": "NL",
    "스위스": "CH",
    "스웨덴": "SE",
    "핀란드": "FI",
    "노르웨이": "NO",
    "덴마크": "DK",
    "아이슬란드": "IS",
    "벨기에": "BE",
    "룩셈부르크": "LU",
    "오스트리아": "AT",
    "아일랜드": "IE",
    "포르투갈": "PT",
    "그리스": "GR",
    "폴란드": "PL",
    "체코": "CZ",
    "헝가리": "HU",
    "루마니아": "RO",
    "불가리아": "BG",
    "에스토니아": "EE",
    "라트비아": "LV",
    "리투아니아": "LT",
    "우크라이나": "UA",
    "러시아": "RU",
    "튀르키예": "TR",
    "터키": "TR",
    "이스라엘": "IL",
    "싱가포르": "SG",
    "인도": "IN",
    "인도네시아": "ID",
    "말레이시아": "MY",
    "태국": "TH",
    "필리핀": "PH",
    "베트남": "VN",
    "캄보디아": "KH",
    "라오스": "LA",
    "미얀마": "MM",
    "몽골": "MN",
    "대만": "TW",
    "홍콩": "HK",
    "호주": "AU",
    "뉴질랜드": "NZ",
    "카자흐스탄": "KZ",
    "우즈베키스탄": "UZ",
    "사우디아라비아": "SA",
    "사우디": "SA",
    "아랍에미리트": "AE",
    "카타르": "QA",
    "오만": "OM",
    "쿠웨이트": "KW",
    "이란": "IR",
    "이라크": "IQ",
    "이집트": "EG",
    "남아프리카공화국": "ZA",
    "남아공": "ZA",
    "나이지리아": "NG",
    "케냐": "KE",
    "에티오피아": "ET",
    "가나": "GH",
    "탄자니아": "TZ",
    "르완다": "RW",
    "모로코": "MA",
    "멕시코": "MX",
    "브라질": "BR",
    "아르헨티나": "AR",
    "칠레": "CL",
    "페루": "PE",
    "콜롬비아": "CO",
    "파라과이": "PY",
    "우루과이": "UY",
    "에콰도르": "EC",
    "과테말라": "GT",
    "코스타리카": "CR",
    "파나마": "PA",
    "대한민국": "KR",
    "한국": "KR",
    "북한": "KP",
    "美": "US",
    "獨": "DE",
    "佛": "FR",
    "英": "GB",
    "日": "JP",
    "中": "CN",
}
# Capital-letter words that name a field or a thing, not an organisation ('AI, IoT 등 기업').
NOT_ACRONYM_ORGS = {
    "AI",
    "ICT",
    "IT",
    "IOT",
    "ESG",
    "MOU",
    "CEO",
    "CTO",
    "RND",
    "GDP",
    "SW",
    "HW",
    "AR",
    "VR",
    "XR",
    "UAM",
    "EV",
    "ESS",
    "DX",
    "AX",
    "SaaS",
    "B2B",
    "B2C",
    "R",
}
TITLE_KINDS = {
    "교수": "University",
    "총장": "University",
    "학장": "University",
    "장관": "Ministry",
    "차관": "Ministry",
    "의원": "PoliticalParty",
    "선임연구위원": "ResearchInstitute",
    "연구위원": "ResearchInstitute",
}
CORPORATE = {
    "대표",
    "대표이사",
    "사장",
    "부사장",
    "회장",
    "부회장",
    "전무",
    "전무이사",
    "상무",
    "상무이사",
    "이사",
    "CEO",
    "CTO",
    "공동대표",
    "각자대표",
    "창업자",
    "최고경영자",
}
PARTICLE_SET = set(PARTICLES)
SHARED_HEAD = re.compile(
    r"((?:[가-힣A-Za-z]{1,8}·){1,}[가-힣A-Za-z]{1,8})\s*등\s*(?:주요\s*|국내\s*|시중\s*|\d+개\s*)?"
    r"(금융지주|은행|증권사|보험사|대학교|그룹|공사|재단|협회|연구원)(?=[\s회이가은는의을를과와]|$)"
)
LISTED_COMPANIES = re.compile(
    r"등\s(?:[^\s.]+\s){0,3}?(?:바이어|기업|업체|회사|기관|고객사|투자사)"
)
# '가온대와', '퍼듀대 연구진': a university by its short form, in a sentence about universities or a signing.
UNIVERSITY_SHORT = re.compile(
    r"(?<![가-힣A-Za-z0-9])([가-힣]{2,6}대)(?=(?:와|과|는|은|가|이|의|에서|를|을|도|와의|과의|에|로)?[\s,·.)]|$)"
)
UNIVERSITY_CONTEXT = re.compile(r"대학|교수|총장|학생|산학|캠퍼스|협약|MOU|양해각서|연구|교육")
# 'A, B, C 등 (수출 지원)기관이', 'A·B 등 기업': items listed before a noun that says they are organisations.
LISTED_BODIES = re.compile(
    r"((?:[^\s,·]{2,12}\s?[,·]\s?){1,8}[^\s,·]{2,12})\s등\s?(?:[가-힣]{1,6}\s){0,2}?"
    r"(기관|기업|업체|회사|대학|단체|스타트업|공공기관|유관기관|지원기관|연구기관|금융기관)"
    r"(?=[들이가은는의을를과와도\s,.]|$)"
)
LIST_HEAD_KINDS = {"기업": "Company", "업체": "Company", "회사": "Company", "대학": "University"}
QUOTED_NAME = re.compile(r"[「‘'『]([^」’'』\n]{3,40}?)\*?[」’'』]")
TOKEN = re.compile(r"[^\s,()\[\]「」『』“”\"‘’'<>…·:;/\-–]+")


def squash_ws(text: str) -> str:
    return re.sub(r"\s+", "", text)


def suffix_kind(name: str) -> str | None:
    name = squash_ws(name)
    for suffix, kind in ORG_SUFFIXES:
        if name.endswith(suffix):
            return kind
    return None


def regional_names(name: str) -> tuple[str, list[str]] | None:
    """The regional government a word names, as (name, other names): '충북도' / '충북도청' / '충청북도' →
    ('충청북도', ['충북도', '충북도청', '충청북도청']); '대전시' → ('대전광역시', ['대전시', '대전시청', …]);
    '수원시' → ('수원시', ['수원시청']). None for anything else."""
    word = squash_ws(name)
    base = word[:-1] if word.endswith("청") and len(word) >= 3 else word
    full = base if base in REGIONS else None
    if full is None:
        for candidate, short in REGIONS.items():
            if base == short + ("도" if candidate.endswith("도") else "시"):
                full = candidate
                break
    if full:
        short = REGIONS[full]
        end = "도" if full.endswith("도") else "시"
        others = [short + end, short + end + "청", full + "청"]
        return full, [o for o in dict.fromkeys(others) if o != full]
    if re.fullmatch(r"[가-힣]{1,4}(시|군|구)", base) and base[:-1] in CITIES:
        return base, [base + "청"]
    return None


def plausible_org(stem: str) -> bool:
    """A word ending in an organisation suffix that is not an ordinary word (정부, 요청, 연락처…)."""
    stem = squash_ws(stem)
    if stem in NOT_ORGS or len(stem) < 3 or not re.search(r"[가-힣A-Za-z]", stem):
        return False
    kind = suffix_kind(stem)
    if kind is None or kind == "PoliticalParty":
        return False
    suffix = next(s for s, _ in ORG_SUFFIXES if stem.endswith(s))
    if len(stem) - len(suffix) < 2 and not re.search(r"[A-Za-z]", stem):
        return False  # '진흥원', '공단' alone: a short reference to an organisation named in full elsewhere
    if stem.endswith("부") and not stem.endswith(("본부", "사업부")):
        return bool(MINISTRY.search(stem))
    if stem.endswith("처") and not re.search(
        r"(안전|혁신|보훈|법제|정책|관리|기획|예산|홍보|경호|인사|조사|운영|지원|총무|"
        r"재무|사업)처$",
        stem,
    ):
        return False
    if stem.endswith("청") and stem.endswith(("요청", "신청", "초청", "경청", "청청")):
        return False
    return not (
        stem.endswith(("공사", "보험", "센터", "기금", "은행", "증권", "그룹", "대학"))
        and len(stem) < 4
    )


class OrgFinder:
    """Finds organisations in text and registers them in the article's extraction (one Org per entity)."""

    def __init__(self, index: GraphIndex, ex: Extraction):
        self.index = index
        self.ex = ex
        self.gazetteer = [
            (squash_ws(n).lower(), n, iri) for n, iri in index.org_names() if len(squash_ws(n)) >= 2
        ]
        self.local: dict[str, str] = {}  # squashed alias → Org key

    # ----- registry ------------------------------------------------------------------------------
    def known(self, name: str) -> str | None:
        """IRI of the one existing organisation with this name or alias (None if unknown or ambiguous)."""
        hits = {k.iri for k in self.index.named(name, "Organization")}
        return hits.pop() if len(hits) == 1 else None

    def register(
        self,
        name: str,
        kind: str | None = None,
        quote: str = "",
        parent: str | None = None,
        confidence: float = 0.8,
        country: str | None = None,
    ) -> Org:
        name = re.sub(r"\s+", " ", name.strip(" ‘’'\"“”「」*"))
        regional = regional_names(name) if kind in (None, "GovernmentBody") else None
        if regional and squash_ws(name).lower() not in self.local:
            written = name
            org = self._register(regional[0], "GovernmentBody", quote, parent, confidence, country)
            for other in [written, *regional[1]]:
                self.alias(org, other)
            return org
        if parent is None and " " in name and not self.lookup(name) and not self.known(name):
            head, rest = name.split(" ", 1)
            owner = self.lookup(head) or (
                self.register(head, quote=quote) if self.known(head) else None
            )
            if owner is not None and plausible_org(rest):
                org = self._register(
                    name, kind or suffix_kind(rest), quote, owner.key, confidence, country
                )
                org.foreign = org.foreign or owner.foreign
                if not self.lookup(rest):
                    self.alias(org, rest)
                return org
        return self._register(name, kind, quote, parent, confidence, country)

    def _register(
        self,
        name: str,
        kind: str | None,
        quote: str,
        parent: str | None,
        confidence: float,
        country: str | None,
    ) -> Org:
        alias_key = self.local.get(squash_ws(name).lower())
        iri = None if alias_key else self.known(name)
        key = alias_key or iri or "new:" + squash_ws(name)
        org = self.ex.orgs.get(key)
        if org is None:
            known = self.index.entities.get(iri) if iri else None
            kind = kind or suffix_kind(name) or "Organization"
            if known:
                kind = next((t for t in _SPECIFIC if t in known.types), kind)
            org = Org(
                key,
                known.name_ko if known and known.name_ko else name,
                kind,
                [],
                iri,
                parent,
                quote,
                confidence,
                bool(known and known.is_a("ForeignPartner")) or bool(country and country != "KR"),
                country,
            )
            self.ex.orgs[key] = org
        org.add_name(name)
        org.confidence = max(org.confidence, confidence)
        if not org.quote:
            org.quote = quote
        self.local.setdefault(squash_ws(name).lower(), key)
        return org

    def abbreviations(self, text: str) -> None:
        """'가온산업진흥공사(GIPA)': the Latin abbreviation is an alias of the organisation before it."""
        for m in re.finditer(r"([^\s(]{2,})\(\s*([A-Z][A-Za-z0-9&]{1,10})\s*\)", text):
            hits = self.find(m.group(1))
            if hits and hits[-1][1] >= len(m.group(1)) and not self.lookup(m.group(2)):
                self.alias(self.register(hits[-1][2], quote=m.group(0)), m.group(2))

    def alias(self, org: Org, alias: str) -> None:
        alias = alias.strip(" ‘’'\"“”")
        if alias and len(alias) <= 20:
            org.add_name(alias)
            self.local[squash_ws(alias).lower()] = org.key
            if org.iri is None and len(squash_ws(alias)) >= 3 and (iri := self.known(alias)):
                # '가온진흥공단(…, 이하 가진공)': the short name the article defines is the graph's name
                # of one organisation, so the organisation is that one (under a former name)
                org.iri = iri

    def lookup(self, name: str) -> Org | None:
        key = self.local.get(squash_ws(name).lower())
        if key:
            return self.ex.orgs.get(key)
        iri = self.known(name)
        return self.ex.orgs.get(iri) if iri else None

    # ----- scanning --------------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[int, int, str, str | None]]:
        """(start, end, name, known IRI) of organisations named in `text`, left to right, without registering."""
        chars = [(i, c) for i, c in enumerate(text) if not c.isspace()]
        flat = "".join(c for _, c in chars).lower()
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str, str | None]] = []
        names = [(a, a, None) for a in self.local] + self.gazetteer
        for key, _name, iri in sorted(names, key=lambda n: -len(n[0])):
            for m in re.finditer(re.escape(key.lower()), flat):
                a, b = chars[m.start()][0], chars[m.end() - 1][0] + 1
                if any(not (b <= x or a >= y) for x, y in taken) or not self._bounded(
                    text, a, b, len(key)
                ):
                    continue
                taken.append((a, b))
                found.append((a, b, text[a:b], iri))
        for m in QUOTED_NAME.finditer(text):
            inner = m.group(1).strip()
            if any(not (m.end(1) <= x or m.start(1) >= y) for x, y in taken):
                continue
            if plausible_org(inner) and suffix_kind(inner) in (
                "Council",
                "Committee",
                "Alliance",
                "Association",
            ):
                taken.append(m.span(1))
                found.append((m.start(1), m.start(1) + len(inner), inner, None))
        for m in TOKEN.finditer(text):
            if any(not (m.end() <= x or m.start() >= y) for x, y in taken):
                continue
            stem, particle = strip_particle(m.group(0))
            parsed = parse_title(stem)
            if parsed and not parsed.unit:
                continue  # a title such as 책임연구원, not an organisation
            if parsed and parsed.unit:
                stem = parsed.unit
            if plausible_org(stem) or (
                regional_names(stem)
                and (
                    stem.endswith("청")
                    or particle in ("은", "는", "이", "가", "와", "과", "도", "의", "측은")
                )
            ):
                found.append((m.start(), m.start() + len(stem), stem, None))
            elif (full := self._short_form(stem)) is not None:
                found.append((m.start(), m.start() + len(stem), full, None))
        found = sorted(found, key=lambda f: (f[0], f[1]))
        merged: list[tuple[int, int, str, str | None]] = []
        for hit in found:
            last = merged[-1] if merged else None
            if (
                last is not None
                and (last[3] is not None or self._generic_unit(last, hit))
                and hit[3] is None
                and text[last[1] : hit[0]] == " "
                and plausible_org(hit[2])
                and suffix_kind(hit[2]) not in ("Ministry", "GovernmentBody", "PoliticalParty")
            ):
                # '<known org> 소재응용연구소': an institute of a known organisation, named after it
                merged[-1] = (last[0], hit[1], text[last[0] : hit[1]], None)
                continue
            merged.append(hit)
        return merged

    def _generic_unit(
        self, last: tuple[int, int, str, str | None], hit: tuple[int, int, str, str | None]
    ) -> bool:
        """'노스필드대 연구재단': a unit named by one common word and a suffix after an organisation the
        article named before (its foundation, office, centre), not another organisation with a name of its
        own ('…부 중소기업인공지능확산추진단' stays one)."""
        from ingest.sentences import _analysis

        if squash_ws(last[2]).lower() not in self.local:
            return False
        tokens, _ = _analysis(hit[2])
        return len(tokens) == 2 and len(hit[2]) <= 5 and all(tag == "NNG" for _, tag in tokens)

    def _short_form(self, stem: str) -> str | None:
        """'진흥원' after '한국로봇산업진흥원': the one organisation of the article whose name ends so."""
        if (
            stem not in {s for s, _ in ORG_SUFFIXES}
            or len(stem) < 2
            or stem in ("부", "청", "처", "당", "대학")
        ):
            return None
        hits = {
            o.key: o.name
            for o in self.ex.orgs.values()
            if squash_ws(o.name).endswith(stem) and o.name != stem
        }
        return next(iter(hits.values())) if len(hits) == 1 else None

    def lists(self, text: str) -> list[Org]:
        """Organisations a list names without writing each name out: 'GA·다온·누리 등 주요 금융지주' (the head
        noun is shared: GA금융지주, …), 'A국의 X를 비롯해 B국 Y, C국 Z 등 … 바이어/기업' (foreign companies
        named with their country)."""
        from ingest.sentences import is_common_word

        found: list[Org] = []
        for m in SHARED_HEAD.finditer(text):
            head = m.group(2)
            kind = suffix_kind(head)
            for item in m.group(1).split("·"):
                item = item.strip()
                if not item or len(item) > 8:
                    continue
                org = self.register(item + head, kind, m.group(0).strip())
                named = re.search(r"[A-Za-z]", item) or not is_common_word(item)
                if named and len(item) >= 2 and not self.lookup(item):
                    self.alias(org, item)
                found.append(org)
        found += self._listed_bodies(text)
        if LISTED_COMPANIES.search(text):
            countries = "|".join(sorted(map(re.escape, COUNTRIES), key=len, reverse=True))
            pattern = re.compile(
                rf"(?<![가-힣])({countries})(?:의)?\s+([가-힣A-Za-z][가-힣A-Za-z0-9&]*(?:\s[가-힣A-Za-z]"
                rf"[가-힣A-Za-z0-9&]*)?)(?=\s*(?:를|을)?\s*(?:비롯해|비롯한|,|등\s|와\s|과\s))"
            )
            for m in pattern.finditer(text):
                words = [strip_particle(w)[0] for w in m.group(2).split()]
                if any(is_common_word(w) or w in COUNTRIES for w in words):
                    continue
                name = " ".join(words)
                if self.lookup(name) or self.index.named(name, "Place"):
                    continue
                org = self.register(
                    name, "Company", m.group(0).strip(), country=COUNTRIES[m.group(1)]
                )
                org.foreign = COUNTRIES[m.group(1)] != "KR"
                found.append(org)
        return found

    def universities(self, text: str, about_study: bool = False) -> list[Org]:
        """'가온대와 나래대 산학협력단', '퍼듀대에서': universities written '…대' — a proper noun or a word the
        analyser does not know before '대' (never 시대, 세대, 확대), in a sentence about universities, study
        or a signing. Registered as '…대학교' with the short form as an alias."""
        from ingest.sentences import _analysis, is_common_word, is_region

        if not (about_study or UNIVERSITY_CONTEXT.search(text)):
            return []
        found: list[Org] = []
        for m in UNIVERSITY_SHORT.finditer(text):
            word = m.group(1)
            stem = word[:-1]
            if self.lookup(word) or is_common_word(word) or is_region(word):
                continue
            tokens, _ = _analysis(stem)
            proper = (
                len(tokens) == 1 and tokens[0][1] in ("NNP", "NNG") and not is_common_word(stem)
            )
            unit = re.match(r"\s([가-힣]{3,10})", text[m.end() :])  # '누리대 산학협력단'
            if not (proper or (unit and suffix_kind(strip_particle(unit.group(1))[0]))):
                continue
            org = self.register(
                word + "학교", "University", _clip(text, m.start(), m.end()), confidence=0.6
            )
            self.alias(org, word)
            found.append(org)
            unit_name = strip_particle(unit.group(1))[0] if unit else ""
            if unit_name and suffix_kind(unit_name) and len(unit_name) >= 3:
                # '누리대 산학협력단': the unit of the university, also by the name as written
                part = self.unit(org, unit_name, None, _clip(text, m.start(), m.end() + 12))
                self.alias(part, f"{word} {unit_name}")
        return found

    def _listed_bodies(self, text: str) -> list[Org]:
        """'KOTRA, 무역보험공사, 중진공 등 수출 지원기관이', '솔빛이노베이션, 해담에너지 등 기업': each item of
        a list whose head noun says its items are organisations — a word of its own (an acronym, a
        company's name, a short form), not an ordinary word, a place, a person's name or a title."""
        from ingest.sentences import is_common_word, is_region, looks_like_name

        found: list[Org] = []
        for m in LISTED_BODIES.finditer(text):
            kind = LIST_HEAD_KINDS.get(m.group(2)[-2:])
            items = [
                strip_particle(i.strip())[0] if k == 0 else i.strip()
                for k, i in enumerate(re.split(r"\s?[,·]\s?", m.group(1)))
            ]
            for item in items:
                bare = re.sub(r"^\S+\s", "", item) if " " in item else item
                if (
                    not re.fullmatch(r"[가-힣A-Za-z0-9&]{2,12}", bare)
                    or (
                        re.fullmatch(r"[가-힣]+", bare)
                        and (is_common_word(bare) or looks_like_name(bare))
                    )
                    or is_region(bare)
                    or bare in COUNTRIES
                    or parse_title(bare)
                    or self.index.named(bare, "Place")
                    or (re.fullmatch(r"[A-Z]+", bare) and bare in NOT_ACRONYM_ORGS)
                ):
                    continue
                found.append(self.register(bare, kind, m.group(0).strip(), confidence=0.6))
        return found

    def scan(
        self, text: str, quote: str | None = None, confidence: float = 0.7
    ) -> list[tuple[int, int, Org]]:
        """Find and register the organisations named in `text` ('핀란드 가상연구소': a foreign one)."""
        out = []
        for a, b, name, iri in self.find(text):
            before = re.search(r"([가-힣]{2,8})(?:의)?\s$", text[max(0, a - 10) : a])
            country = COUNTRIES.get(before.group(1)) if before else None
            country = country if country != "KR" else None
            org = self.register(
                name,
                quote=quote or _clip(text, a, b),
                confidence=confidence,
                country=country if iri is None else None,
            )
            if country and iri is None and org.iri is None:
                org.foreign, org.country = True, org.country or country
            out.append((a, b, org))
        return out

    @staticmethod
    def _bounded(text: str, a: int, b: int, length: int) -> bool:
        if a > 0 and re.match(r"[가-힣A-Za-z0-9]", text[a - 1]):
            return False
        word = re.match(r"[가-힣A-Za-z0-9]*", text[b:])
        rest = word.group(0) if word else ""
        if not rest:
            return True
        if re.match(r"[A-Za-z0-9]", text[b - 1]) and re.match(r"[A-Za-z0-9]", rest):
            return False
        stem, particle = strip_particle(rest)
        if rest in PARTICLE_SET or (not stem and particle):
            return True
        return length >= 3 and (parse_title(rest) is not None or stem == "장" or rest == "장")

    # ----- phrases next to a person's name ------------------------------------------------------------
    def phrase(
        self, words: list[str], title: str | None, quote: str
    ) -> tuple[Org | None, str | None]:
        """('한국전자통신연구원 중소기업사업화', '본부장') → (ETRI, rest '중소기업사업화'); unknown → new org."""
        text = " ".join(w for w in words if w).strip()
        abbrs = re.findall(r"\(\s*([A-Za-z][A-Za-z0-9&\-. ]{1,15}?)\s*\)", text)
        text = re.sub(r"\s+", " ", re.sub(r"\(\s*[^)]*\)", " ", text)).strip(" ,")
        if not text:
            return None, None
        country = None
        first = text.split(" ", 1)
        if first[0] in COUNTRIES and len(first) > 1:
            country, text = COUNTRIES[first[0]], first[1]
            if country != "KR":
                hits = self.find(text)
                known = hits[0][3] if hits and hits[0][0] == 0 and hits[0][1] >= len(text) else None
                if not (known and self.index.entities[known].is_a("ForeignPartner")):
                    # '덴마크 산업부': a foreign body is named with its country
                    kind = (
                        suffix_kind(text)
                        or TITLE_KINDS.get(title or "")
                        or ("Company" if title in CORPORATE else None)
                    )
                    org = self.register(f"{first[0]} {text}", kind, quote, country=country)
                    org.foreign = True
                    for abbr in abbrs:
                        self.alias(org, abbr)
                    return org, None
        hits = self.find(text)
        head = hits[0] if hits and hits[0][0] == 0 else None
        rest = text[head[1] :].strip() if head else ""
        if head and rest and re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]{1,12}", rest):
            # '<known org> ABCD': an institute of a known organisation written with its acronym
            parent = self.register(head[2], quote=quote, country=country, confidence=0.9)
            org = self.register(text, parent.kind, quote, parent=parent.key, country=country)
            if parent.foreign:
                org.foreign = True
            for abbr in abbrs:
                self.alias(org, abbr)
            return org, None
        if head:
            org = self.register(
                text if not rest else head[2], quote=quote, country=country, confidence=0.9
            )
        else:
            kind = suffix_kind(text) or TITLE_KINDS.get(title or "")
            if (
                re.search(r"(시|도|군|구)$", text)
                and title
                and re.search(r"(시장|지사|군수|구청장|총리)$", title)
            ):
                kind = "GovernmentBody"
            if kind is None and title in CORPORATE:
                kind = "Company"
            if text.endswith("대") and title in ("교수", "총장", "학장", "부교수", "조교수"):
                org = self.register(text + "학교", "University", quote, country=country)
                self.alias(org, text)
                return org, None
            # '충북도 경제부지사': the regional government ('도' is no particle)
            if regional_names(text):
                return self.register(text, "GovernmentBody", quote), None
            if not _org_like(text):
                return None, None
            org = self.register(text, kind, quote, country=country)
        for abbr in abbrs:
            self.alias(org, abbr)
        return org, rest or None

    def unit(self, parent: Org | None, unit_name: str, title: str | None, quote: str) -> Org:
        """A department inside `parent`: '창업벤처혁신실' of 중기부 → '중소벤처기업부 창업벤처혁신실'."""
        unit_name = squash_ws(unit_name)
        if (
            title
            and title.endswith("장")
            and not unit_name.endswith((*UNIT_SUFFIXES, "원", "회", "청", "처"))
        ):
            unit_name += title[:-1]
        known = self.lookup(unit_name)
        if parent is None:
            return known or self.register(
                unit_name, suffix_kind(unit_name) or "OrganizationalUnit", quote
            )
        full = f"{parent.name} {unit_name}"
        existing = known or self.lookup(full)
        if existing and existing.parent in (None, parent.key) and existing.key != parent.key:
            existing.parent = parent.key
            existing.add_name(full)
            return existing
        kind = (
            suffix_kind(unit_name)
            if suffix_kind(unit_name) in ("Committee", "Council")
            else (
                "GovernmentUnit"
                if parent.kind in ("Ministry", "GovernmentBody", "GovernmentUnit")
                else "OrganizationalUnit"
            )
        )
        org = self.register(full, kind, quote, parent=parent.key)
        self.alias(org, unit_name)
        return org


_SPECIFIC = [
    "Ministry",
    "GovernmentUnit",
    "Legislature",
    "PresidentialOffice",
    "GovernmentBody",
    "PublicAgency",
    "ResearchInstitute",
    "University",
    "Company",
    "Foundation",
    "Association",
    "PoliticalParty",
    "InternationalOrganization",
    "OrganizationalUnit",
    "Subcommittee",
    "Council",
    "Committee",
    "Alliance",
]


def _org_like(text: str) -> bool:
    """A short phrase of bare words (no case particle or verb ending): a company name next to a title."""
    if (
        len(text) > 30
        or len(text) < 2
        or re.search(r"\d{1,2}일|\d{1,2}월", text)
        or len(text.split()) > 3
    ):
        return False
    return (
        not any(
            re.search(
                r"(은|는|을|를|에서|으로|에게|께서|하는|되는|했던|하고|하며|적인|했다|된|한|의|과|와|도)$",
                w,
            )
            and not re.search(r"[A-Za-z0-9]$", w)
            for w in text.split()
        )
        and squash_ws(text) not in NOT_ORGS
    )


def _clip(text: str, a: int, b: int, width: int = 30) -> str:
    return text[max(0, a - width) : min(len(text), b + width)].strip()
