"""Days counted from the article or from the reported day, on texts written for these tests (every name
invented): '지난해 12월 3일', '내년 1월 5일', a month and day in a past-tense sentence of a January article
('12월 20일 열린'), '어제', '전날 열린 …' (the day before the reported day), '같은 날', a subject with its verb
later in the clause ('…간담회가 같은 날 … 열렸다'), and visits told by '둘러보고' and '시찰했다'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.dates import find_dates
from ingest.decisions import Decisions
from ingest.events import candidates
from ingest.gazetteer import from_files
from ingest.model import Extraction
from ingest.pipeline import analyse, base_files
from ingest.resolve import Resolver
from smekg.settings import REPO_ROOT

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "days_around_the_report.txt"


@pytest.mark.parametrize(
    ("text", "ref", "day"),
    [
        ("지난해 12월 3일 열린 포럼", "2025-06-18", "2024-12-03"),
        ("작년 12월 3일", "2025-06-18", "2024-12-03"),
        ("내년 1월 5일 열릴 예정", "2025-06-18", "2026-01-05"),
        ("12월 20일 열린 포럼에서", "2025-01-08", "2024-12-20"),
        ("1월 15일 열릴 예정이다", "2025-12-08", "2026-01-15"),
        ("7월 3일 열린다", "2025-06-18", "2025-07-03"),
        ("12월 3일까지 신청을 받는다", "2025-06-18", "2025-12-03"),
        ("어제 열린 이사회", "2025-06-18", "2025-06-17"),
    ],
)
def test_the_year_and_day_counted_from_the_article(text, ref, day):
    (found,) = find_dates(text, dt.date.fromisoformat(ref))
    assert found.date == dt.date.fromisoformat(day)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "나래부 장관은 5일 다온전자 창원공장을 둘러보고 생산 현장을 점검했다.",
            "다온전자 창원공장 방문",
        ),
        ("장관은 6일 스마트공장 구축 현장을 시찰했다.", "스마트공장 구축 현장 방문"),
        ("중소기업 수출 지원 간담회가 9일 서울 가온센터에서 열렸다.", "중소기업 수출 지원 간담회"),
    ],
)
def test_visits_and_subjects_held_later_in_the_clause(sentence, name):
    assert [c.name for c in candidates(sentence)] == [name]


@pytest.fixture(scope="module")
def ex() -> Extraction:
    index = from_files(base_files(REPO_ROOT / "data", set()))
    return analyse(ARTICLE, index, Resolver(index, Decisions())).extraction


def test_days_around_the_reported_day(ex):
    days = {e.name: e.start for e in ex.events.values()}
    assert days["도입 기업 설명회"] == dt.date(2025, 6, 16)  # '전날 열린'
    assert days["중소기업 수출 지원 간담회"] == dt.date(2025, 6, 17)  # '같은 날'
    meeting = next(e for e in ex.events.values() if e.name == "중소기업 수출 지원 간담회")
    assert [ex.places[k].name for k, _ in meeting.venues] == ["가온센터"]
    who = {p.name: {ex.events[r.event].name for r in p.roles} for p in ex.people.values()}
    assert who["함도겸"] == {"중소기업 수출 지원 간담회"}
    assert who["은하람"] == {"다온전자 창원공장 방문"}
