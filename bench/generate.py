"""A seeded generator of synthetic SME-innovation ecosystems, written as RDF in the layout of data/.

`entities.ttl` holds reference data (organisations, series, places: names only, no relationships);
`articles/<id>.trig` holds one named graph per synthetic article: the article's metadata, the
entities it mentions with their names, and every relationship asserted plainly *and* reified with a
verbatim-looking Korean quote (the evidence convention of docs/modelling.md), so the output passes
the project's own validation and loads through `loaders.load_data` unchanged.

Shape of the ecosystem (all draws from one `random.Random(seed)`):
- people with Korean names, each holding a post in an organisation (a few change post, with
  start/end dates); activity is heavy-tailed (Pareto weights), so a few people attend very often;
- organisations of every kind (ministries and their units, public agencies, institutes, universities,
  companies, associations, committees, foreign partners located abroad);
- event series running over years (forums, councils) and one-off meetings, launches, conferences,
  signing ceremonies with MOUs between Korean bodies and foreign partners;
- new actors enter year by year (the pool of eligible people grows), and incumbents return.

The size is the number of distinct relationships (edges of the property graph); generation stops at
the first article that reaches it.  `python -m bench generate --size 10000 --out DIR`.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PREFIXES = """@prefix smekg: <https://smekg.org/ontology#> .
@prefix id:    <https://smekg.org/id/> .
@prefix art:   <https://smekg.org/article/> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
"""

SURNAMES = [
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
    ("조", "cho"),
    ("윤", "yoon"),
    ("장", "jang"),
    ("임", "lim"),
    ("한", "han"),
    ("오", "oh"),
    ("서", "seo"),
    ("신", "shin"),
    ("권", "kwon"),
    ("황", "hwang"),
    ("안", "ahn"),
    ("송", "song"),
    ("류", "ryu"),
    ("전", "jeon"),
    ("홍", "hong"),
    ("고", "ko"),
    ("문", "moon"),
    ("양", "yang"),
    ("손", "son"),
    ("배", "bae"),
    ("백", "baek"),
    ("허", "heo"),
    ("남", "nam"),
    ("노", "noh"),
]
SURNAME_WEIGHTS = list(
    itertools.accumulate(
        [
            21,
            15,
            8,
            5,
            4,
            2.3,
            2.1,
            2,
            2,
            1.6,
            1.5,
            1.5,
            1.5,
            1.4,
            1.4,
            1.3,
            1.3,
            1.3,
            1.1,
            1.1,
            1.1,
            0.9,
            0.9,
            0.9,
            0.9,
            0.8,
            0.8,
            0.6,
            0.6,
            0.6,
        ]
    )
)
GIVEN = "민서지현준영수진우성호재은혜동석태경하윤주희상철명숙정훈승연재원채아도유시연건형"

ORG_KINDS = [  # (class, share, Korean suffix, slug)
    ("Company", 0.42, "주식회사", "co"),
    ("University", 0.08, "대학교", "univ"),
    ("ResearchInstitute", 0.09, "연구원", "inst"),
    ("PublicAgency", 0.08, "진흥원", "agency"),
    ("GovernmentUnit", 0.06, "정책관실", "govunit"),
    ("Association", 0.06, "협회", "assoc"),
    ("Foundation", 0.02, "재단", "found"),
    ("Committee", 0.04, "위원회", "cmte"),
    ("Council", 0.02, "협의회", "council"),
    ("InternationalOrganization", 0.01, "국제기구", "intl"),
    ("OrganizationalUnit", 0.04, "사업부", "unit"),
    ("Alliance", 0.02, "얼라이언스", "alliance"),
    ("PoliticalParty", 0.005, "당", "party"),
    ("ForeignPartner", 0.045, "", "foreign"),
]
MINISTRIES = [
    ("중소벤처기업부", "Ministry of SMEs and Startups", "mss"),
    ("과학기술정보통신부", "Ministry of Science and ICT", "msit"),
    ("산업통상자원부", "Ministry of Trade, Industry and Energy", "motie"),
    ("기획재정부", "Ministry of Economy and Finance", "moef"),
    ("교육부", "Ministry of Education", "moe"),
    ("외교부", "Ministry of Foreign Affairs", "mofa"),
]
FOREIGN = [
    ("US", "미국", "United States"),
    ("DE", "독일", "Germany"),
    ("FR", "프랑스", "France"),
    ("JP", "일본", "Japan"),
    ("GB", "영국", "United Kingdom"),
    ("FI", "핀란드", "Finland"),
    ("IL", "이스라엘", "Israel"),
    ("SG", "싱가포르", "Singapore"),
]
CITIES = [
    "서울",
    "세종",
    "대전",
    "부산",
    "대구",
    "광주",
    "제주",
    "청주",
    "인천",
    "수원",
    "창원",
    "전주",
]
STEMS = [
    "한빛",
    "미래",
    "누리",
    "가온",
    "한울",
    "다온",
    "새솔",
    "이음",
    "온새미",
    "라온",
    "푸른",
    "해솔",
    "바른",
    "큰별",
    "은하",
    "도담",
    "단비",
    "아라",
    "벼리",
    "마루",
]
TECH = [
    "바이오",
    "반도체",
    "인공지능",
    "로봇",
    "소재",
    "에너지",
    "모빌리티",
    "데이터",
    "헬스케어",
    "우주",
    "양자",
    "스마트팩토리",
    "핀테크",
    "디지털",
    "그린",
]
EVENT_KINDS = [
    ("Forum", "포럼"),
    ("Meeting", "간담회"),
    ("Conference", "콘퍼런스"),
    ("Launch", "출범식"),
    ("Meeting", "협의회 회의"),
    ("Conference", "토론회"),
]
ROLES = ["attendee"] * 12 + ["speaker", "presenter", "panelist", "keynote-speaker", "guest", "host"]
POST_TITLES = [
    "원장",
    "본부장",
    "팀장",
    "대표이사",
    "교수",
    "책임연구원",
    "국장",
    "과장",
    "이사",
    "센터장",
    "부원장",
    "연구위원",
    "실장",
    "사무관",
    "위원",
]
START_YEAR, END_YEAR = 2015, 2026


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Org:
    slug: str
    kind: str
    name_ko: str
    name_en: str
    extra: str = ""  # extra rdf:type (ForeignPartner)
    country: str = "KR"
    parent: str | None = None  # GovernmentUnit / OrganizationalUnit parent slug
    city: str | None = None


@dataclass
class Person:
    slug: str
    name_ko: str
    post: str  # post slug
    org: str  # org slug
    title: str
    second_post: tuple[str, str, str, int] | None = None  # (post slug, org slug, title, from year)


@dataclass
class ArticleState:
    """Which entities and structural facts have already been stated (structural edges are stated once)."""

    edges: set[tuple[str, str, str]] = field(default_factory=set)
    structural: set[tuple[str, str]] = field(default_factory=set)


class Ecosystem:
    def __init__(self, size: int, seed: int = 42):
        self.size = size
        self.rng = random.Random(seed)
        self.seed = seed
        n_people = max(60, size // 7)
        n_orgs = max(40, n_people // 8)
        self.orgs = self._make_orgs(n_orgs)
        self.people = self._make_people(n_people)
        weights = [self.rng.paretovariate(1.3) for _ in self.people]
        self.person_cum = list(itertools.accumulate(weights))
        self.series = self._make_series(max(3, n_orgs // 40))
        self.reporters = [f"reporter-{i:04d}" for i in range(max(5, n_people // 400))]
        self.media = [
            Org(f"media-{i:03d}", "Company", f"{self.rng.choice(STEMS)}일보{i}", f"Daily {i}")
            for i in range(max(3, n_orgs // 200))
        ]

    # -- the cast -------------------------------------------------------------------------------
    def _make_orgs(self, n: int) -> list[Org]:
        rng = self.rng
        orgs = [Org(f"min-{slug}", "Ministry", ko, en) for ko, en, slug in MINISTRIES]
        orgs.append(Org("legislature", "Legislature", "국회", "National Assembly"))
        kinds = list(ORG_KINDS)
        cum = list(itertools.accumulate(k[1] for k in kinds))
        for i in range(n):
            kind, _, suffix, slug = kinds[bisect.bisect(cum, rng.random() * cum[-1])]
            stem = rng.choice(STEMS) + rng.choice(TECH)
            if kind == "ForeignPartner":
                code, cko, cen = rng.choice(FOREIGN)
                base = rng.choice(["University", "ResearchInstitute", "Company"])
                noun = {"ResearchInstitute": "연구소", "University": "대학"}.get(base, "사")
                ko = f"{cko} {stem} {noun}"
                orgs.append(
                    Org(
                        f"{slug}-{i:05d}",
                        base,
                        ko,
                        f"{cen} {slug.title()} {i}",
                        "ForeignPartner",
                        code,
                    )
                )
                continue
            org = Org(
                f"{slug}-{i:05d}",
                kind,
                f"{stem}{suffix} {i}",
                f"{stem} {kind} {i}",
                city=rng.choice(CITIES),
            )
            if kind == "GovernmentUnit":
                org.parent = rng.choice(orgs[: len(MINISTRIES)]).slug
            elif kind == "OrganizationalUnit":
                parents = [
                    o for o in orgs if o.kind in ("Company", "University", "ResearchInstitute")
                ]
                org.parent = rng.choice(parents).slug if parents else None
            orgs.append(org)
        self.org_by_slug = {o.slug: o for o in orgs}
        size_w = [
            5.0
            if o.kind in ("Ministry", "PublicAgency", "GovernmentUnit")
            else rng.paretovariate(1.5)
            for o in orgs
        ]
        self.org_cum = list(itertools.accumulate(size_w))
        return orgs

    def _pick_org(self) -> Org:
        return self.orgs[bisect.bisect(self.org_cum, self.rng.random() * self.org_cum[-1])]

    def _make_people(self, n: int) -> list[Person]:
        rng = self.rng
        people = []
        for i in range(n):
            ko, rom = SURNAMES[bisect.bisect(SURNAME_WEIGHTS, rng.random() * SURNAME_WEIGHTS[-1])]
            name = ko + rng.choice(GIVEN) + rng.choice(GIVEN)
            org = self._pick_org()
            title = rng.choice(POST_TITLES)
            person = Person(f"person-{rom}-{i:06d}", name, f"post-{i:06d}", org.slug, title)
            if rng.random() < 0.08:
                org2 = self._pick_org()
                person.second_post = (
                    f"post-{i:06d}-b",
                    org2.slug,
                    rng.choice(POST_TITLES),
                    rng.randint(START_YEAR + 2, END_YEAR),
                )
            people.append(person)
        return people

    def _make_series(self, n: int) -> list[tuple[str, str, str, int]]:
        out = []
        for i in range(n):
            kind, word = self.rng.choice(EVENT_KINDS[:3])
            stem = self.rng.choice(TECH)
            out.append(
                (
                    f"series-{i:03d}",
                    f"{stem} 혁신 네트워크 {word} {i}",
                    kind,
                    self.rng.randint(START_YEAR, END_YEAR - 3),
                )
            )
        return out

    def _pick_people(self, year: int, k: int) -> list[Person]:
        """Heavy-tailed draw among the people active by `year` (the pool grows linearly over time)."""
        frac = (year - START_YEAR + 1) / (END_YEAR - START_YEAR + 1)
        cap = max(10, int(len(self.people) * frac))
        top = self.person_cum[cap - 1]
        chosen: dict[int, Person] = {}
        for _ in range(k * 2):
            if len(chosen) >= k:
                break
            idx = bisect.bisect(self.person_cum, self.rng.random() * top)
            chosen[idx] = self.people[min(idx, cap - 1)]
        return list(chosen.values())

    # -- writing --------------------------------------------------------------------------------
    def entities_ttl(self) -> str:
        lines = [
            f"# Synthetic reference entities (bench/generate.py, seed {self.seed}): names only.",
            PREFIXES,
        ]
        for o in self.orgs + self.media:
            types = f"smekg:{o.kind}" + (f", smekg:{o.extra}" if o.extra else "")
            lines.append(
                f"id:org-{o.slug} a {types} ;\n    skos:prefLabel {_lit(o.name_ko)}@ko, "
                f"{_lit(o.name_en)}@en ;\n    smekg:country {_lit(o.country)} ."
            )
        for slug, name, _, _ in self.series:
            lines.append(f"id:{slug} a smekg:EventSeries ;\n    skos:prefLabel {_lit(name)}@ko .")
        for city in CITIES:
            lines.append(
                f"id:place-{_slug(city)} a smekg:City ;\n    skos:prefLabel {_lit(city)}@ko ."
            )
        for code, ko, en in FOREIGN:
            lines.append(
                f"id:place-country-{code.lower()} a smekg:Country ;\n    skos:prefLabel {_lit(ko)}@ko, "
                f"{_lit(en)}@en ;\n    smekg:country {_lit(code)} ."
            )
        return "\n\n".join(lines) + "\n"

    def articles(self) -> Iterator[tuple[str, str, int]]:
        """Yield (article id, TriG text, relationships so far) until the size is reached."""
        state = ArticleState()
        rng = self.rng
        years = list(range(START_YEAR, END_YEAR + 1))
        n = 0
        while len(state.edges) < self.size:
            year = rng.choice(years)
            art_id = f"{n:06d}_{hashlib.sha1(f'{self.seed}-{n}'.encode()).hexdigest()[:16]}"
            text = self._article(n, year, state, art_id)
            yield art_id, text.replace("ART_ID", art_id), len(state.edges)
            n += 1

    def _article(self, n: int, year: int, state: ArticleState, art_id: str) -> str:
        rng = self.rng
        body: list[str] = []
        mentioned_people: dict[str, Person] = {}
        mentioned_posts: dict[str, tuple[str, str, str]] = {}
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        series = None
        if rng.random() < 0.45:
            series = rng.choice([s for s in self.series if s[3] <= year] or self.series)
            kind, word = series[2], series[1]
            ev_name = f"{year} {series[1]}"
        else:
            kind, word = rng.choice(EVENT_KINDS)
            ev_name = f"{year}년 {rng.choice(TECH)} {word}"
        signing = rng.random() < 0.08
        if signing:
            kind = "SigningCeremony"
            ev_name = f"{year}년 {rng.choice(TECH)} 협력 협약식"
        event = f"event-{n:06d}"
        city = rng.choice(CITIES)
        body.append(
            f"id:{event} a smekg:{kind} ;\n    skos:prefLabel {_lit(ev_name)}@ko ;\n"
            f'    smekg:startDate "{date}"^^xsd:date .'
        )
        reporter = rng.choice(self.reporters)
        media = rng.choice(self.media)
        body.append(
            f"id:person-{reporter} a smekg:Person ;\n    skos:prefLabel {_lit('기자' + reporter[-4:])}@ko ."
        )
        headline = f"{ev_name} 개최"
        body.append(
            f"art:ART_ID a smekg:Article ;\n    smekg:headline {_lit(headline)}@ko ;\n"
            f'    smekg:datePublished "{date}"^^xsd:date ;\n    smekg:sourceFile "ART_ID.txt" .'
        )
        # s, p, o, reification class, extra qualifiers, quote
        rels: list[tuple[str, str, str, str, str, str]] = []

        def rel(
            s: str, p: str, o: str, quote: str, cls: str = "Assertion", extra: str = ""
        ) -> None:
            rels.append((s, p, o, cls, extra, quote))
            state.edges.add((s.replace("ART_ID", art_id), p, o))

        rel("art:ART_ID", "publisher", f"id:org-{media.slug}", f"{date} {media.name_ko}")
        rel("art:ART_ID", "author", f"id:person-{reporter}", f"기자{reporter[-4:]} 기자")
        rel(f"id:{event}", "heldAt", f"id:place-{_slug(city)}", f"{city}에서 열린 {ev_name}")
        if series:
            rel(f"id:{event}", "partOfSeries", f"id:{series[0]}", f"{series[1]}의 {year}년 행사")
        organizer = self._pick_org()
        rel(
            f"id:{event}",
            "organizedBy",
            f"id:org-{organizer.slug}",
            f"{organizer.name_ko}이(가) 주최한",
        )
        # participants: heavy-tailed size, people active by this year
        k = min(400, 3 + int(rng.paretovariate(1.6) * 4))
        for person in self._pick_people(year, k):
            post, org_slug, title = person.post, person.org, person.title
            start = end = None
            if person.second_post:
                p2, o2, t2, from_year = person.second_post
                if year >= from_year:
                    post, org_slug, title = p2, o2, t2
                    start = f"{from_year}-03-01"
                else:
                    end = f"{from_year}-02-28"
            org = self.org_by_slug[org_slug]
            mentioned_people[person.slug] = person
            mentioned_posts[post] = (org_slug, f"{org.name_ko} {title}", title)
            role = rng.choice(ROLES)
            rel(
                f"id:{person.slug}",
                "participatedIn",
                f"id:{event}",
                f"{org.name_ko} {person.name_ko} {title}이(가) 참석했다",
                "Participation",
                f' ;\n     smekg:role "{role}"',
            )
            qual = f' ;\n     smekg:asOf "{date}"^^xsd:date'
            if start:
                qual += f' ;\n     smekg:startDate "{start}"^^xsd:date'
            if end:
                qual += f' ;\n     smekg:endDate "{end}"^^xsd:date'
            rel(
                f"id:{person.slug}",
                "holdsPost",
                f"id:{post}",
                f"{person.name_ko} {org.name_ko} {title}",
                "Holding",
                qual,
            )
            if ("postIn", post) not in state.structural:
                state.structural.add(("postIn", post))
                rel(f"id:{post}", "postIn", f"id:org-{org_slug}", f"{org.name_ko} {title}")
            if org.parent and ("sub", org.slug) not in state.structural:
                state.structural.add(("sub", org.slug))
                parent = self.org_by_slug[org.parent]
                rel(
                    f"id:org-{org.slug}",
                    "subOrganizationOf",
                    f"id:org-{parent.slug}",
                    f"{parent.name_ko} {org.name_ko}",
                )
            if org.extra == "ForeignPartner" and ("loc", org.slug) not in state.structural:
                state.structural.add(("loc", org.slug))
                rel(
                    f"id:org-{org.slug}",
                    "locatedIn",
                    f"id:place-country-{org.country.lower()}",
                    f"{org.name_ko}",
                )
        # organisations taking part (heavy-tailed, foreign partners included)
        for _ in range(rng.randint(0, 3)):
            org = self._pick_org()
            rel(
                f"id:org-{org.slug}",
                "participatedIn",
                f"id:{event}",
                f"{org.name_ko}도 참여했다",
                "Participation",
                ' ;\n     smekg:role "attendee"',
            )
        if signing:
            korean = (
                self.orgs[rng.randrange(len(MINISTRIES))]
                if rng.random() < 0.5
                else self._pick_org()
            )
            foreign = rng.choice([o for o in self.orgs if o.extra] or self.orgs)
            agreement = f"agreement-{n:06d}"
            body.append(
                f"id:{agreement} a smekg:MOU ;\n    skos:prefLabel "
                f"{_lit(korean.name_ko + '-' + foreign.name_ko + ' 업무협약')}@ko ."
            )
            rel(
                f"id:{agreement}",
                "party",
                f"id:org-{korean.slug}",
                f"{korean.name_ko}은(는) 협약을 체결했다",
            )
            rel(
                f"id:{agreement}",
                "party",
                f"id:org-{foreign.slug}",
                f"{foreign.name_ko}와(과) 협약을 체결했다",
            )
            rel(f"id:{agreement}", "signedAt", f"id:{event}", f"{ev_name}에서 서명했다")
            for org in (korean, foreign):
                rel(
                    f"id:org-{org.slug}",
                    "participatedIn",
                    f"id:{event}",
                    f"{org.name_ko} 서명",
                    "Participation",
                    ' ;\n     smekg:role "signatory"',
                )
        for person in mentioned_people.values():
            body.append(
                f"id:{person.slug} a smekg:Person ;\n    skos:prefLabel {_lit(person.name_ko)}@ko ."
            )
        for post, (_org, name, _) in mentioned_posts.items():
            body.append(f"id:{post} a smekg:Post ;\n    skos:prefLabel {_lit(name)}@ko .")
        for s, p, o, cls, extra, quote in rels:
            body.append(
                f"{s} smekg:{p} {o} .\n[] a smekg:{cls} ;\n     rdf:subject {s} ; rdf:predicate smekg:{p} ; "
                f"rdf:object {o} ;\n     smekg:quote {_lit(quote)}{extra} ."
            )
        return (
            f"# Synthetic article {n} (bench/generate.py)\n{PREFIXES}\nart:ART_ID {{\n\n"
            + "\n\n".join("  " + b.replace("\n", "\n  ") for b in body)
            + "\n}\n"
        )


def _slug(city: str) -> str:
    return "city-" + hashlib.sha1(city.encode()).hexdigest()[:8]


def generate(out_dir: Path, size: int, seed: int = 42) -> dict[str, int]:
    """Write entities.ttl and articles/*.trig under out_dir; returns a summary."""
    out_dir = Path(out_dir)
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    for old in (out_dir / "articles").glob("*.trig"):
        old.unlink()
    eco = Ecosystem(size, seed)
    (out_dir / "entities.ttl").write_text(eco.entities_ttl(), encoding="utf-8")
    count = edges = 0
    for art_id, text, so_far in eco.articles():
        (out_dir / "articles" / f"{art_id}.trig").write_text(text, encoding="utf-8")
        count, edges = count + 1, so_far
    return {
        "size": size,
        "seed": seed,
        "articles": count,
        "relationships": edges,
        "people": len(eco.people),
        "organisations": len(eco.orgs),
    }
