"""Step 1 of ingest: body extraction keeps the article (title, body, captions, byline, contact tables) and drops
page furniture (menus, ads, most-read lists, tickers, comment policies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.body import extract_body
from ingest.errors import IngestError
from ingest.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def body_of(path: Path):
    raw = read_article(path)
    return raw, extract_body(raw.lines, raw.html_meta.get("title"))


def test_press_release_page_keeps_article_and_drops_portal_furniture():
    _, body = body_of(FIXTURES / "press_release_mou.txt")
    text = body.text()
    assert body.title == "특허청-신용보증기금, 지식재산 기반 혁신기업 금융지원 업무협약 체결"
    assert "윤서진 특허청장은" in text
    for furniture in (
        "본문 바로가기",
        "글자크기",
        "추천 뉴스",
        "게시물 운영원칙",
        "타인의 메일주소",
        "다음기사",
    ):
        assert furniture not in text


def test_news_page_keeps_caption_once_and_byline_and_cuts_most_read():
    _, body = body_of(FIXTURES / "news_caption.txt")
    captions = body.of_kind("caption")
    assert len(captions) == 1 and captions[0].text.startswith("왼쪽부터 서민재")
    assert any("최도윤 기자" in line.text for line in body.of_kind("byline"))
    text = body.text()
    assert (
        "AD" not in text.split()
        and "원본보기" not in text
        and "오늘의 종목" not in text
        and "시계아이콘" not in text
    )


def test_contact_table_and_timetable_are_kept_with_their_kind():
    _, body = body_of(FIXTURES / "meeting_contacts.txt")
    contacts = body.of_kind("contact")
    assert len(contacts) == 2 and "\t" in contacts[0].text and "오세린" in contacts[0].text
    assert any(line.appendix for line in body.lines)


def test_html_page_is_reduced_to_visible_text_without_scripts_and_menus():
    raw, body = body_of(FIXTURES / "html_forum.html")
    assert raw.is_html and raw.html_meta["date"].startswith("2024-04-19")
    text = body.text()
    assert "광고 스크립트" not in text and "전체메뉴" not in text and "많이 본 뉴스" not in text
    assert body.title.startswith("대구서 '로봇산업 상생 포럼' 개최")
    assert body.of_kind("caption")[0].text.startswith("왼쪽부터 표지웅")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_ticker_and_reactions_are_dropped():
    _, body = body_of(SEEDS / "004_da2b47640338fa7f.txt")
    text = body.text()
    assert "비트코인" not in text and "좋아요" not in text and "반원익 중견련 상근부회장은" in text


def test_empty_and_binary_files_are_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError, match="empty"):
        read_article(empty)
    with pytest.raises(IngestError, match="binary"):
        read_article(binary)
