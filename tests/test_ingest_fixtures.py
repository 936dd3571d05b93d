"""End to end on short articles written for these tests (names absent from the seeds): what must be extracted,
with evidence, and the RDF passes the project's validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.decisions import Decisions
from ingest.gazetteer import from_files
from ingest.pipeline import analyse, base_files, validate
from ingest.resolve import Resolver
from smekg.settings import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
DATA = REPO_ROOT / "data"
MSS = "https://smekg.org/id/org-mss"


@pytest.fixture(scope="module")
def index():
    return from_files(base_files(DATA, set()))


@pytest.fixture(scope="module")
def results(index):
    resolver = Resolver(index, Decisions())
    return {p.stem: analyse(p, index, resolver) for p in sorted(FIXTURES.iterdir())}


def posts(ex, name):
    return {(ex.orgs[h.org].name, h.title, h.acting) for h in ex.people[name].holdings}


def roles(ex, name):
    return {(ex.events[r.event].start, r.role) for r in ex.people[name].roles}


def test_press_release_with_agreement_amount_and_parenthetical_head(results):
    ex = results["press_release_mou"].extraction
    assert ex.meta.date == dt.date(2023, 5, 17) and ex.meta.publisher_name == "특허청"
    assert set(ex.people) == {"윤서진", "정하늘", "문태오"}
    assert posts(ex, "윤서진") == {("특허청", "청장", False)}
    assert posts(ex, "정하늘") == {("신용보증기금", "이사장", False)}
    assert posts(ex, "문태오") == {("한국발명진흥회", "상근부회장", False)}
    (agreement,) = ex.agreements
    assert agreement.kind == "MOU" and agreement.start == dt.date(2023, 5, 16)
    assert {ex.orgs[k].name for k, _ in agreement.parties} == {"특허청", "신용보증기금"}
    assert "체결했다" in agreement.quote
    main = ex.main_event
    assert "SigningCeremony" in main.kinds and main.start == dt.date(2023, 5, 16)
    assert ex.places[main.venues[0][0]].name == "정부대전청사"
    assert [(b.amount, b.amount_text) for b in ex.budgets] == [(300000000000, "3천억원")]
    assert roles(ex, "문태오") == {(dt.date(2023, 5, 16), "attendee")}
    assert {s.speaker for s in ex.statements} == {"윤서진", "정하늘"}


def test_news_with_photo_caption_reporter_keynote_and_budget(results):
    ex = results["news_caption"].extraction
    assert ex.meta.date == dt.date(2023, 9, 13)
    assert [n for n, _ in ex.meta.authors] == ["최도윤"] and "최도윤" in ex.people
    assert not ex.people["최도윤"].roles and not ex.people["최도윤"].holdings
    assert posts(ex, "남궁현") == {("부산광역시", "경제부시장", False)}
    assert posts(ex, "고은채") == {("한국산업기술진흥원", "원장", False)}
    main = ex.main_event
    assert (
        main.name == "2023 스마트제조 혁신 포럼"
        and main.start == dt.date(2023, 9, 12)
        and "Forum" in main.kinds
    )
    venue = ex.places[main.venues[0][0]]
    assert venue.name == "벡스코 컨벤션홀" and ex.places[venue.located_in].name == "해운대구"
    assert roles(ex, "백승훈") == {(main.start, "keynote-speaker")}
    assert roles(ex, "남궁현") == {(main.start, "attendee")}
    assert roles(ex, "서민재") == {(main.start, "presenter")}
    (budget,) = ex.budgets
    assert (budget.amount, budget.fiscal_year, budget.change_rate) == (125000000000, 2024, 0.12)


def test_meeting_with_contact_table_attendee_list_and_overview(results):
    ex = results["meeting_contacts"].extraction
    assert ex.meta.date == dt.date(2023, 11, 8)
    assert posts(ex, "강민서") == {("중소벤처기업부", "장관", False)}
    assert not ex.people["강민서"].roles  # named only as head of the ministry, not at the meeting
    assert posts(ex, "오세린") == {("중소벤처기업부 벤처투자과", "과장", False)}
    assert "contact" in ex.people["임태수"].flags and not ex.people["임태수"].roles
    main = ex.main_event
    assert main.start == dt.date(2023, 11, 7) and (main.start_time, main.end_time) == (
        "15:00",
        "16:30",
    )
    assert "지역 벤처 투자 활성화" in main.name and "Meeting" in main.kinds
    assert ex.places[main.venues[0][0]].name == "김대중컨벤션센터"
    assert {name for name, p in ex.people.items() if p.roles} == {
        "하준영",
        "류지안",
        "진보람",
        "오세린",
    }
    assert ex.orgs[ex.people["류지안"].holdings[0].org].iri == MSS


def test_html_article(results):
    ex = results["html_forum"].extraction
    assert ex.meta.date == dt.date(2024, 4, 19) and ex.meta.publisher_name == "산업일보"
    assert posts(ex, "성하윤") == {("대구광역시", "행정부시장", False)}
    assert ex.main_event.start == dt.date(2024, 4, 18)
    assert {name for name, p in ex.people.items() if p.roles} == {"표지웅", "성하윤", "탁민규"}


def test_every_relationship_has_a_verbatim_quote_and_the_rdf_validates(results):
    for stem, result in results.items():
        text = result.path.read_text(encoding="utf-8")
        for p in result.extraction.people.values():
            for h in p.holdings:
                assert h.quote in text, (stem, h.quote)
    failures, pg = validate(list(results.values()), DATA)
    assert failures == {}
    assert any("press_release_mou" in e.props.get("sources", []) for e in pg.edges)


def test_bulleted_press_release_with_roles_per_clause_and_unnamed_party(results):
    ex = results["bullet_release"].extraction
    assert ex.meta.date == dt.date(2024, 6, 12) and ex.meta.press_release
    main = ex.main_event
    assert main.name == "K-스타트업 글로벌 협력 포럼" and main.start == dt.date(2024, 6, 11)
    assert ex.places[main.venues[0][0]].name == "팁스타운"
    assert roles(ex, "위소연") == {
        (main.start, "presenter")
    }  # the keynote in the same sentence was someone else's
    assert posts(ex, "위소연") == {("창업진흥원 글로벌사업본부", "본부장", False)}
    assert "마르코" not in ex.people  # a transliterated foreign name is not read as a Korean name
    (agreement,) = ex.agreements
    assert {ex.orgs[k].name for k, _ in agreement.parties} == {"창업진흥원", "유럽창업네트워크"}
    assert agreement.event and agreement.event[0] == main.key
    assert {n for n, p in ex.people.items() if "contact" in p.flags} == {"명하윤", "길도현"}


def test_wire_story_without_a_headline_is_read_from_the_top(results):
    ex = results["wire_no_headline"].extraction
    assert ex.meta.date == dt.date(2024, 11, 26)
    assert {"김성섭", "윤채원"} <= set(ex.people)
    assert posts(ex, "윤채원") == {("중소기업기술정보진흥원", "원장", False)}
    assert (dt.date(2024, 11, 25), "speaker") in roles(ex, "김성섭")
    assert "정수민" not in {name for name, p in ex.people.items() if p.roles}  # the reporter


def test_foreign_names_organisation_participants_and_sessions_without_event_verb(results):
    ex = results["foreign_partners"].extraction
    main = ex.main_event
    assert main.start == dt.date(2024, 10, 15)
    # 1. transliterated foreign names, as written, with the post they are named with and an ambiguity note
    assert posts(ex, "마르틴 슈미트") == {("프라운호퍼 한국대표부", "대표", False)}
    assert {t for _, t, _ in posts(ex, "존 스미스")} == {"교수"}
    assert posts(ex, "안나 베버") == {("프라운호퍼", "박사", False)}
    for name in ("마르틴 슈미트", "존 스미스", "안나 베버"):
        assert "romanised" in ex.people[name].ambiguity
    assert roles(ex, "안나 베버") == {(main.start, "presenter")}
    # ordinary nouns followed by a title are not a person
    assert not any("담당" in name or "지원" in name for name in ex.people)
    assert set(ex.people) == {"석지안", "마르틴 슈미트", "존 스미스", "안나 베버"}
    # 2. organisations the text says attended / presented at the event
    org_roles = {o.name: {(r.role, r.event) for r in o.roles} for o in ex.orgs.values() if o.roles}
    assert org_roles["슈타인바이스 재단"] == {("presenter", main.key)}
    assert org_roles["퍼듀대학교"] == {("presenter", main.key)}
    assert org_roles["한국산업기술진흥원"] == {("attendee", main.key)}
    assert (
        "관계자들이 참석해"
        in next(o for o in ex.orgs.values() if o.name == "퍼듀대학교").roles[0].quote
    )
    assert "중소벤처기업부" not in org_roles
    # 3. sessions named without an event verb: sub-events of the main event on its date
    sessions = {e.name: e for e in ex.events.values() if "Session" in e.kinds}
    assert "글로벌 토크콘서트" in sessions and any("정책 교류 프로그램" in n for n in sessions)
    assert all(e.parent[0] == main.key and e.start == main.start for e in sessions.values())


def test_foreign_name_precision(index):
    from ingest.model import Extraction, Meta
    from ingest.orgs import OrgFinder
    from ingest.people import PersonFinder

    ex = Extraction(Meta("t", "t"))
    finder = PersonFinder(ex, OrgFinder(index, ex))
    for line in (
        "중소기업 지원 사업 담당 과장이 설명했다.",
        "글로벌 협력 전문 위원이 참석했다.",
        "독일 프라운호퍼 연구소 관계자가 참석했다.",
        "서울 강남구 창업센터 대표가 말했다.",
        "김 민수 대표가 참석했다.",
    ):
        assert finder.foreign(line) == [], line
    (m,) = finder.foreign("이날 존 스미스 MIT 교수가 발표했다.")
    assert m.name == "존 스미스" and m.title.title == "교수"
