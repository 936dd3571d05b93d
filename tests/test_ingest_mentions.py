"""Step 4: mentions — people with titles and organisations in the forms Korean news uses, organisations from
the gazetteer and suffix patterns, quotes and their speakers, agreements and amounts."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.amounts import budgets, parse_amount
from ingest.body import extract_body
from ingest.gazetteer import from_files
from ingest.lists import contacts
from ingest.model import Extraction, Meta
from ingest.orgs import OrgFinder
from ingest.people import PersonFinder
from ingest.quotes import Occurrence, statements
from ingest.titles import normalise_title, parse_title, title_from_post
from smekg.settings import REPO_ROOT

MSS = "https://smekg.org/id/org-mss"


@pytest.fixture(scope="module")
def index():
    return from_files([REPO_ROOT / "data" / "entities.ttl"])


@pytest.fixture()
def finders(index):
    ex = Extraction(Meta("t", "t.txt", date=dt.date(2024, 5, 2)))
    orgs = OrgFinder(index, ex)
    return ex, orgs, PersonFinder(ex, orgs)


def people(finders, line: str) -> dict[str, tuple]:
    _ex, _orgs, finder = finders
    found = {}
    intros = finder.intros(line)
    for m in intros + finder.scan(line, [(m.start, m.end) for m in intros]):
        found[m.name] = (
            m.org.name if m.org else None,
            m.org.iri if m.org else None,
            m.title.title if m.title else None,
            m.acting,
            m.quote(line),
        )
    return found


def test_name_org_title_and_org_name_title(finders):
    found = people(
        finders,
        "변하람 중소벤처기업부 장관은 이날 중기부 염주원 차관, ‘포인투랩 소재운 대표’와 만났다.",
    )
    assert found["변하람"][1:3] == (MSS, "장관")
    assert found["염주원"][1:3] == (MSS, "차관")
    assert found["소재운"][0] == "포인투랩" and found["소재운"][2] == "대표"
    assert found["소재운"][4] == "포인투랩 소재운 대표"


def test_parenthetical_head_of_organisation_with_alias_and_acting_post(finders):
    _ex, _orgs, _ = finders
    found = people(
        finders, "중소벤처기업부 (장관 직무대행 1차관 채여울, 이하 ‘중기부’)는 3일 간담회를 열었다."
    )
    _name, iri, title, acting, quote = found["채여울"]
    assert (iri, title, acting) == (MSS, "1차관", False)
    assert quote.startswith("중소벤처기업부 (장관 직무대행 1차관 채여울")
    found = people(finders, "특허청(청장 모서윤, 이하 특허청)은")
    assert found["모서윤"][0] == "특허청" and found["모서윤"][2] == "청장"


def test_organisation_fused_with_its_head_title(finders):
    found = people(
        finders,
        "왼쪽부터 봉지후 중소기업연구원장, 계하연 한국기술보호협회장, 옥수민 기정원장, 편도하 중기부 창업정책실장",
    )
    assert found["봉지후"][1:3] == ("https://smekg.org/id/org-kosbi", "원장")
    assert found["계하연"][0] == "한국기술보호협회" and found["계하연"][2] == "회장"
    assert found["옥수민"][1] == "https://smekg.org/id/org-tipa"
    assert found["편도하"][0] == "중소벤처기업부 창업정책실" and found["편도하"][2] == "실장"


def test_unit_words_between_organisation_and_title_make_a_unit(finders):
    found = people(finders, "탁윤서 한국전자통신연구원(ETRI) 미래기술사업화 본부장")
    assert (
        found["탁윤서"][0] == "한국전자통신연구원 미래기술사업화본부"
        and found["탁윤서"][2] == "본부장"
    )


def test_lawmaker_of_a_party_holds_the_national_assembly_post(finders):
    ex, _orgs, finder = finders
    line = "연하진 더불어민주당 의원"
    (mention,) = finder.scan(line)
    person = finder.record(mention, line, "caption")
    assert ex.orgs[person.holdings[0].org].iri == "https://smekg.org/id/org-national-assembly"
    assert ex.orgs[person.affiliation].name == "더불어민주당"


def test_reporters_and_common_words_are_not_people(finders):
    found = people(
        finders,
        "제주=선우람 기자 이번 중기부 장관 발표. 관계자 전문가 교수는 말했다. 정부 관계자 대표는",
    )
    assert found == {}


def test_titles_normalise_and_posts_give_their_title():
    assert parse_title("경제과학특별보좌관이").title == "경제과학특보"
    assert parse_title("상근부회장을").title == "상근부회장"
    assert parse_title("중소기업인공지능확산추진단장").unit == "중소기업인공지능확산추진단"
    assert normalise_title("제2차관") == "2차관" and normalise_title("단 장") == "단장"
    assert title_from_post("이노비즈협회장", ["이노비즈협회"]) == "회장"
    assert title_from_post("국회의원", ["국회"]) == "의원"


def test_gazetteer_aliases_and_suffix_patterns(finders):
    _ex, orgs, _ = finders
    found = [
        (o.iri, o.name)
        for _, _, o in orgs.scan(
            "기정원과 KAIST, 경기대학교, 국가인공지능전략위원회가 정부에 요청했다"
        )
    ]
    assert ("https://smekg.org/id/org-tipa", "중소기업기술정보진흥원") in found
    assert ("https://smekg.org/id/org-kaist", "한국과학기술원") in found
    assert (None, "경기대학교") in found and (None, "국가인공지능전략위원회") in found
    assert all(name not in ("정부", "요청") for _, name in found)


def test_contact_table_rows_with_tabs_and_inline(index):
    lines = [
        "중기부, 기술혁신 정책 설명회 개최",
        "총괄 부서\t중소벤처기업부 기술혁신정책과\t책임자\t과 장\t노은결\t(044-204-7101)",
        "\t\t담당자\t주무관\t반소율\t(044-204-7102)",
        "문의: 특허청 산업재산정책과 하민준 사무관(042-481-5000)",
    ]
    ex = Extraction(Meta("t", "t.txt", date=dt.date(2024, 5, 2)))
    rows = contacts(ex, OrgFinder(index, ex), extract_body(lines))
    got = {name: (ex.orgs[h.org].name, h.title) for name, h in rows}
    assert got["노은결"] == ("중소벤처기업부 기술혁신정책과", "과장")
    assert got["반소율"] == ("중소벤처기업부 기술혁신정책과", "주무관")
    assert got["하민준"] == ("특허청 산업재산정책과", "사무관")


def test_quotes_with_speaker_and_surname_title_reference(finders):
    ex, _, finder = finders
    lines = [
        "맹서준 뷰티랩 대표는 “시장이 커지고 있다”라며 “투자를 늘리겠다”고 말했다.",
        "맹 대표는 “해외 진출도 준비하고 있다”고 덧붙였다.",
    ]
    occurrences = []
    for number, line in enumerate(lines):
        for m in finder.scan(line):
            finder.record(m, line, "body")
            occurrences.append(Occurrence(m.name, number, m.start, m.end))
    found = statements(ex, lines, occurrences)
    assert [s.speaker for s, _ in found] == ["맹서준", "맹서준"]
    assert found[0][0].text == "시장이 커지고 있다 … 투자를 늘리겠다"
    assert found[1][0].quote.startswith("맹 대표는 “")


def test_amounts_are_normalised(finders):
    ex, orgs, _ = finders
    assert parse_amount("2조1955억") == 2195500000000
    assert parse_amount("417억") == 41700000000
    assert parse_amount("3천억") == 300000000000
    found = budgets(
        ex,
        orgs,
        [
            "한편 중기부는 내년도 R&D 예산에 올해 대비 45% 늘어난 2조1955억원을 편성했다.",
            "이 회사의 매출은 500억 원이다.",
        ],
    )
    assert [(b.amount, b.fiscal_year, b.change_rate) for b in found] == [
        (2195500000000, 2025, 0.45)
    ]
    assert found[0].manager and ex.orgs[found[0].manager[0]].iri == MSS
