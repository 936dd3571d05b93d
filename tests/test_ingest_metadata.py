"""Step 2: metadata (title, publisher, date, reporters) and the date expressions resolved against it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest.body import extract_body
from ingest.dates import find_dates, year_for
from ingest.metadata import read_metadata
from ingest.reader import RawArticle, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def meta_of(path: Path):
    raw = read_article(path)
    return read_metadata(raw, extract_body(raw.lines, raw.html_meta.get("title")), path.stem)


def meta_of_lines(lines: list[str]):
    raw = RawArticle(Path("x.txt"), lines)
    return read_metadata(raw, extract_body(lines), "x")


def test_news_byline_date_reporter_and_outlet():
    meta = meta_of(FIXTURES / "news_caption.txt")
    assert meta.date == dt.date(2023, 9, 13)
    assert meta.authors == [("최도윤", "최도윤기자")] or meta.authors[0][0] == "최도윤"
    assert meta.publisher_name == "경제투데이"
    assert not meta.press_release


def test_press_release_header_date_and_issuer():
    meta = meta_of(FIXTURES / "press_release_mou.txt")
    assert meta.date == dt.date(2023, 5, 17)
    assert meta.press_release and meta.publisher_name == "특허청"


def test_release_time_without_year_takes_a_year_the_text_names_that_fits_the_weekday():
    lines = [
        "",
        "보도시점 7. 2.(목) 조간",
        "AI 정책협의체 간담회 개최 소식을 전합니다",
        "중기부는 7월 1일 (수) 간담회를 개최했다. 협의체는 (26.3월~) 운영 중이다.",
    ]
    meta = meta_of_lines(lines)
    assert meta.date == dt.date(2026, 7, 2)
    assert "prints no year" in meta.date_reasoning


def test_dash_date_with_time_and_reporter_with_dateline():
    lines = [
        "중견련, 디지털 전환 간담회서 정책 건의 전달해",
        "입력 2020-10-30 12:01 수정 2020-10-30 17:08",
        "간담회가 열렸다는 소식입니다.",
        "부산=홍예린 기자 yerin@example.com",
    ]
    meta = meta_of_lines(lines)
    assert meta.date == dt.date(2020, 10, 30)
    assert [n for n, _ in meta.authors] == ["홍예린"]


def test_photographer_is_not_an_author():
    lines = [
        "제목이 충분히 긴 기사의 헤드라인입니다",
        "입력 2021.03.02",
        "행사 사진 설명입니다. 왼쪽부터 가나다 대표. 남윤호기자 foto@example.com",
        "곽다은기자 kwak@example.com",
    ]
    meta = meta_of_lines(lines)
    assert [n for n, _ in meta.photographers] == ["남윤호"]
    assert [n for n, _ in meta.authors] == ["곽다은"]


def test_date_expressions_resolve_against_the_article_date():
    ref = dt.date(2020, 10, 30)

    def first(text):
        return find_dates(text, ref)[0]

    assert first("지난 29일 아이마켓코리아에서").date == dt.date(2020, 10, 29)
    assert first("4일 제주에서").date == dt.date(2020, 10, 4)
    assert first("지난 31일 서울에서").date == dt.date(2020, 8, 31)
    assert first("오는 5일 개최").date == dt.date(2020, 11, 5)
    span = first("8월 13일부터 14일까지 이틀간")
    assert (span.date, span.end_date) == (dt.date(2020, 8, 13), dt.date(2020, 8, 14))
    assert first("7월 1일 (수) 청주").weekday_ok is True
    assert first("1회포럼('20.7.2)→").date == dt.date(2020, 7, 2)
    assert first("2회포럼(’22.1.26)").date == dt.date(2022, 1, 26)
    assert first("입력 2025.09.04 09:59").date == dt.date(2025, 9, 4)
    assert first("협의했다고 30일 밝혔다").announce
    assert find_dates("20여 명이 5일간 참석", ref) == []
    assert year_for(7, 2, "목", "(26.3월~)")[0] == 2026
