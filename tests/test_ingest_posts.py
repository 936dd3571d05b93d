"""Posts written around a name, on an article written for these tests (every name invented): a unit's head
with its organisation in brackets after it ('백소율 스마트제조본부장(나래산업기술원)'), a unit between the
organisation and the name ('나래산업기술원 기술사업화본부 윤채오 본부장'), a second post written between the
organisation and the name ('다온대학교 산학협력단장 맹지호 교수'), '은행장' after a bank, institutes, agencies
and technoparks named by their ending (…기술원, …개발원, …테크노파크), and a head title alone in the report of
an organisation of the kind it heads ('한지후 원장은' in the report of …기술원)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.decisions import Decisions
from ingest.gazetteer import from_files
from ingest.model import Extraction
from ingest.pipeline import analyse, base_files
from ingest.resolve import Resolver
from smekg.settings import REPO_ROOT

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "posts_around_names.txt"


@pytest.fixture(scope="module")
def ex() -> Extraction:
    index = from_files(base_files(REPO_ROOT / "data", set()))
    return analyse(ARTICLE, index, Resolver(index, Decisions())).extraction


def posts(ex: Extraction, name: str) -> set[tuple[str, str, str | None]]:
    """(organisation, title, parent organisation) of each post of the person."""
    out = set()
    for h in ex.people[name].holdings:
        org = ex.orgs[h.org]
        out.add((org.name, h.title, ex.orgs[org.parent].name if org.parent else None))
    return out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("추민건", {("나래은행", "은행장", None)}),
        ("백소율", {("나래산업기술원 스마트제조본부", "본부장", "나래산업기술원")}),
        ("윤채오", {("나래산업기술원 기술사업화본부", "본부장", "나래산업기술원")}),
        (
            "맹지호",
            {("다온대학교", "교수", None), ("다온대학교 산학협력단", "단장", "다온대학교")},
        ),
        ("송하윤", {("한빛전자", "전무", None), ("한빛전자 경영지원실", "실장", "한빛전자")}),
        ("류다한", {("가온테크노파크 기업지원단", "단장", "가온테크노파크")}),
        ("한지후", {("가온기술원", "원장", None)}),
        ("반예준", {("가온기술원", "연구위원", None)}),
    ],
)
def test_posts_written_around_a_name(ex, name, expected):
    assert posts(ex, name) == expected


def test_a_head_title_alone_needs_an_organisation_of_its_kind(tmp_path):
    index = from_files(base_files(REPO_ROOT / "data", set()))
    path = tmp_path / "article.txt"
    path.write_text(
        "SOURCE: https://news.example.org/t\nDATE: 2025-05-20\n\n가온일보 기사 제목\n\n"
        "다온전자는 19일 서울 본사에서 신제품 발표회를 열었다.\n\n"
        '모하준 원장은 "기술 협력을 강화하겠다"고 말했다.\n',
        encoding="utf-8",
    )
    got = analyse(path, index, Resolver(index, Decisions())).extraction
    assert got.people["모하준"].holdings == []


def test_a_university_short_form_the_analyser_splits(tmp_path):
    """'가온대 경영학부 차은우 교수는': the short form before a department is the university."""
    index = from_files(base_files(REPO_ROOT / "data", set()))
    path = tmp_path / "article.txt"
    path.write_text(
        "SOURCE: https://news.example.org/t\nDATE: 2025-11-06\n\n가온일보 기사 제목\n\n"
        "다온시는 5일 시청 대회의실에서 '지역 벤처 생태계 활성화 토론회'를 개최했다.\n\n"
        "첫 발제자로 나선 가온대 경영학부 차은우 교수는 지역 벤처투자 현황을 소개했다.\n",
        encoding="utf-8",
    )
    got = analyse(path, index, Resolver(index, Decisions())).extraction
    assert {(got.orgs[h.org].name, h.title) for h in got.people["차은우"].holdings} == {
        ("가온대학교", "교수")
    }


def test_a_body_and_its_head_are_no_person(tmp_path):
    """'나래부 장관은': an unknown ministry ending like a given name, before its head's title, is no name."""
    index = from_files(base_files(REPO_ROOT / "data", set()))
    path = tmp_path / "article.txt"
    path.write_text(
        "SOURCE: https://news.example.org/t\nDATE: 2025-03-12\n\n가온일보 기사 제목\n\n"
        "나래부 석도율 장관은 11일 경남 창원의 한빛정밀을 방문했다.\n\n"
        "나래부 장관은 이어 지역 기업인들과 간담회를 열었다.\n",
        encoding="utf-8",
    )
    got = analyse(path, index, Resolver(index, Decisions())).extraction
    assert "나래부" not in got.people
    assert "석도율" in got.people
