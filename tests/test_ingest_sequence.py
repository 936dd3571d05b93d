"""Events told in sequence in a report, each on articles written for these tests (every name invented):
light verbs in the future tense ('설명회를 진행할 계획이다', '워크숍을 갖는다'), a sentence pointing back to
the event of the sentence before it in the same paragraph ('…를 진행했다. 이 자리에는 …'), and events told
after the lede in the past tense with no date of their own ('협약식 후 … 간담회를 가졌다', '한편 … 회의를
주재했다'): events of the lede's day, each its own node with its own people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.decisions import Decisions
from ingest.model import Extraction
from ingest.pipeline import analyse
from ingest.resolve import Resolver
from smekg.settings import REPO_ROOT
from tests.ingest_support import curated_index, text_reader

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
DATA = REPO_ROOT / "data"


@pytest.fixture(scope="module")
def index():
    return curated_index()


@pytest.fixture
def text(index, tmp_path):
    return text_reader(index, tmp_path, "2025-06-18")


def attends(ex: Extraction, name: str) -> set[tuple[str, dt.date | None]]:
    return {(ex.events[r.event].name, ex.events[r.event].start) for r in ex.people[name].roles}


def test_light_verbs_in_the_future_tense_hold_events(text):
    ex = text(
        "다온재단은 17일 서울 다온홀에서 청년 창업가 지원 협약식을 가졌다고 18일 밝혔다.\n\n"
        "재단은 다음 달 9일 부산에서 영남권 설명회를 진행할 계획이다.\n\n"
        "재단은 오는 25일 대구에서 창업 멘토링 워크숍을 갖는다."
    )
    planned = {(e.name, e.start) for e in ex.events.values() if e.status == "planned"}
    assert ("영남권 설명회", dt.date(2025, 7, 9)) in planned
    assert ("창업 멘토링 워크숍", dt.date(2025, 6, 25)) in planned


def test_this_occasion_is_the_event_of_the_sentence_before(text):
    ex = text(
        "다온재단은 17일 서울 다온홀에서 청년 창업가 지원 협약식을 가졌다고 18일 밝혔다.\n\n"
        "재단은 지난 10일 인천 송도에서 스타트업 데모데이를 진행했다. "
        "이 자리에는 국도하 한빛벤처스 대표가 심사위원으로 참여했다."
    )
    assert attends(ex, "국도하") == {("스타트업 데모데이", dt.date(2025, 6, 10))}


def test_undated_events_told_apart_are_their_own_events_of_the_day(index):
    path = FIXTURES / "signing_then_meetings_elsewhere.txt"
    ex = analyse(path, index, Resolver(index, Decisions())).extraction
    day = dt.date(2025, 4, 9)
    main = ex.main_event
    assert main is not None and "협약" in main.name and main.start == day
    meeting = ("청년 창업기업 대표 간담회", day)
    council = ("지방자치단체 부단체장 회의", day)
    assert attends(ex, "용태린") == {meeting}
    assert attends(ex, "석주원") == {meeting}
    assert attends(ex, "방지민") == {council}
    assert attends(ex, "하은솔") == {(main.name, day), meeting}


def test_an_undated_part_of_the_event_stays_in_it(text):
    ex = text(
        "가온진흥원은 17일 대전 본원에서 '스마트공장 성과 보고회'를 개최했다고 18일 밝혔다.\n\n"
        "행사에는 백소율 나래산업기술원 본부장과 함도겸 다온테크 대표가 함께했다.\n\n"
        "진흥원은 우수 기업 시상식도 진행했다."
    )
    assert {e.start for e in ex.events.values()} == {dt.date(2025, 6, 17)}
    assert attends(ex, "함도겸") == {("스마트공장 성과 보고회", dt.date(2025, 6, 17))}


@pytest.fixture(scope="module")
def trip(index) -> Extraction:
    path = FIXTURES / "trip_days_and_stops.txt"
    return analyse(path, index, Resolver(index, Decisions())).extraction


def test_two_verbs_with_days_of_their_own_are_two_events(trip):
    """'10일 …를 방문한 데 이어 11일에는 …와 회담했다': a visit and a meeting, each on its day."""
    assert attends(trip, "설하온") >= {
        ("한빛무역센터 방문", dt.date(2025, 9, 10)),
        ("현지 산업부 차관 면담", dt.date(2025, 9, 11)),
    }


def test_a_meal_before_an_event_noun_modifies_it(trip):
    """'조찬 간담회를 갖고': one meeting named by both nouns; its subject is the one of the sentence before,
    its attendee an overseas subsidiary's head ('법인장')."""
    meeting = ("조찬 간담회", dt.date(2025, 9, 13))
    assert meeting in attends(trip, "설하온")
    assert attends(trip, "권하늘") == {meeting}
    assert {(trip.orgs[h.org].name, h.title) for h in trip.people["권하늘"].holdings} == {
        ("다온물산", "법인장")
    }


def test_no_one_is_carried_into_a_sentence_with_a_subject_of_its_own(trip):
    """'한편 가온부 차관은 지난 8일 … 참석해': the post is the subject; the person of the sentence before
    did not attend."""
    assert attends(trip, "우태건") == {
        ("가온중소기업진흥공단 자카르타사무소 개소식", dt.date(2025, 9, 14))
    }


@pytest.fixture(scope="module")
def forum(index) -> Extraction:
    path = FIXTURES / "forum_then_plain_meeting.txt"
    return analyse(path, index, Resolver(index, Decisions())).extraction


def test_the_plainest_light_verb_holds_a_meeting_of_its_own(forum):
    """'포럼을 마친 뒤 … 자리를 옮겨 … 대표들과 간담회를 했다': a meeting of the same day, apart from the
    forum; its subject hosts it, its attendees are not at the forum."""
    day = dt.date(2025, 10, 21)
    meeting = ("AI 스타트업 대표 간담회", day)
    assert attends(forum, "우서진") == {meeting}
    assert attends(forum, "맹하율") == {meeting}
    assert meeting in attends(forum, "석도율")
    assert attends(forum, "오세진") == {("중소기업 AI 전환 포럼", day)}
    assert attends(forum, "구도윤") == {("지방중기청장 회의", day)}


def test_a_department_between_university_and_name(forum):
    """'한빛대 인공지능학과 모지훈 교수': the post is the university's."""
    held = {(forum.orgs[h.org].name, h.title) for h in forum.people["모지훈"].holdings}
    assert held == {("한빛대학교", "교수")}


def test_an_award_received_or_a_gift_handed_over_is_taking_part(text):
    """'A 대표 등 12명에게는 대통령 표창이 수여됐다', 'B 장관은 C 회장에게 감사패를 전달했다'."""
    ex = text(
        "가온부는 15일 서울 가온아트홀에서 '2025 중소기업인 대회'를 개최했다.\n\n"
        "한빛식품 나수린 대표 등 12명에게는 대통령 표창이 수여됐다.\n\n"
        "가온부 석도율 장관은 나래기계 변서준 회장에게 감사패를 전달했다.",
        date="2025-05-16",
    )
    day = dt.date(2025, 5, 15)
    for name in ("나수린", "석도율", "변서준"):
        assert attends(ex, name) == {("2025 중소기업인 대회", day)}


def test_the_award_ceremony_of_a_gathering_is_part_of_it(text):
    """'이날 시상식에서 A 대표가 …훈장을 받았다' in the report of a gathering: no event of its own."""
    ex = text(
        "가온부는 15일 서울 가온아트홀에서 '2025 중소기업인 대회'를 개최했다.\n\n"
        "이날 시상식에서 다온정밀 육도하 대표가 금탑산업훈장을 받았다.",
        date="2025-05-16",
    )
    assert [e.name for e in ex.events.values()] == ["2025 중소기업인 대회"]
    assert attends(ex, "육도하") == {("2025 중소기업인 대회", dt.date(2025, 5, 15))}
