"""Body extraction: drop site menus, ads, 'most read' lists, tickers and comment policies; keep the title,
body, photo captions, byline and contact tables, and say what each kept line is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.hangul import hangul_ratio

STOP = re.compile(
    r"^[<\s]*(많이\s?본|가장\s?많이\s?(본|읽은)|추천\s?뉴스|주요\s?뉴스|꼭\s?봐야|함께\s?(본|보면)|인기\s?(기사|뉴스)|"
    r"관련\s?(기사|뉴스)|이전\s?기사|다음\s?기사|이전다음기사|[^\n]{0,12}게시물 운영원칙|저작권자|copyright|ⓒ|"
    r"무단\s?전재|기사\s?제보|네이버 아이콘|많이 읽은|top버튼|top\s?button|•?\s*좋아요\s?\d)",
    re.IGNORECASE,
)
STOP_LINES = re.compile(
    r"^\s*(실시간[^\n]{0,10}|랭킹|댓글[^\n]{0,8}|오늘의\s?이슈|최신\s?뉴스|포토\s?뉴스|배너[^\n]{0,8}|"
    r"구독하기|새로\s?보기|한\s?눈에\s?보는[^\n]{0,10}|히단 배너 영역|주요 뉴스)\s*$"
)
UI_WORDS = {
    "본문",
    "바로가기",
    "메인메뉴",
    "메뉴",
    "전체메뉴",
    "글자크기",
    "설정",
    "인쇄",
    "공유하기",
    "공유",
    "스크랩",
    "닫기",
    "뉴스듣기",
    "듣기",
    "구독",
    "언론사",
    "홈",
    "원본보기",
    "아이콘",
    "가장작게",
    "작게",
    "기본",
    "크게",
    "가장크게",
    "목록",
    "숏뉴스",
    "숏",
    "뉴스",
    "AD",
    "불러오는",
    "중...",
    "로그인",
    "회원가입",
    "검색",
    "이전",
    "다음",
    "프린트",
    "카카오톡",
    "페이스북",
    "트위터",
    "링크복사",
    "URL복사",
    "복사",
    "기사",
    "입력",
    "수정",
    "•",
    "·",
    "|",
    ">",
    "<",
    "콘텐츠",
    "영역",
    "Dim영역",
    "맨위로",
    "TOP",
    "top",
    "광고",
    "마스크영역",
    "간격처리를",
    "위한",
    "class",
    "더보기",
    "펼치기",
    "접기",
    "이메일",
    "보내기",
    "좋아요",
    "싫어요",
}
UI_PHRASES = re.compile(
    r"(바로가기|글자크기|메인메뉴|시계아이콘|불러오는 중|AI 요약|요약 기술|원본보기)"
)
CAPTION = re.compile(
    r"(\((왼쪽|오른쪽|가운데|앞줄|뒷줄|사진)[^)]{0,14}\)|[(\[]사진\s?=|왼쪽부터|오른쪽부터|(앞|뒷|윗|아랫)줄|시계\s?(반대\s?)?방향|^▲|^\(?사진\s?=|사진\s?제공|제공\)\s*$)"
)
CAPTION_TAIL = re.compile(r"(하고|되고|듣고|보고|나누고|받고|짓고)\s?있다\.\s*\S{0,20}$")
BYLINE = re.compile(r"([가-힣]{2,4})\s?기자(\s+[\w.+-]+@[\w.-]+)?\s*$")
PHONE = re.compile(r"\(?0\d{1,2}[-)]\s?\d{3,4}-\d{4}\)?")
TIME_ROW = re.compile(r"^\s*\d{1,2}:\d{2}\s*[~∼\-–]\s*\d{1,2}:\d{2}")
META_LINE = re.compile(
    r"(^\d{4}\.\d{1,2}\.\d{1,2}\.?\s+\S+$|입력\s?:?\s?\d{4}|수정\s?:?\s?\d{4}|보도시점|배포시점|보도일시|배포일시|보도일자|엠바고|^\s*date\s|\d{4}[.-]\d{1,2}[.-]\d{1,2}\s+\d{1,2}:\d{2})"
)


@dataclass
class Line:
    index: int
    text: str
    kind: str = "body"  # title, meta, body, caption, byline, contact, footnote, table, list
    appendix: bool = False


@dataclass
class Body:
    """The article's kept lines, starting at its title."""

    lines: list[Line] = field(default_factory=list)
    dropped: int = 0

    @property
    def title(self) -> str:
        """The headline; for a capture that starts with the report itself, its first sentence (clipped)."""
        headline = next((line.text for line in self.lines if line.kind == "title"), "")
        if headline or not self.lines:
            return headline
        first = self.lines[0].text
        cut = re.search(r"(다|요)\.(\s|$)", first)
        first = first[: cut.end()].strip() if cut else first
        return first if len(first) <= 120 else first[:120].rsplit(" ", 1)[0] + " …"

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def of_kind(self, *kinds: str) -> list[Line]:
        return [line for line in self.lines if line.kind in kinds]


def is_ui(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) <= 2:
        return True
    if UI_PHRASES.search(stripped) and len(stripped) < 100:
        return True
    tokens = re.split(r"[\s•|·]+", stripped)
    return all(t in UI_WORDS or re.fullmatch(r"[\d.:\-/()%+,]*", t) for t in tokens if t)


def is_headline(line: str) -> bool:
    text = line.strip()
    if not 10 <= len(text) <= 150 or hangul_ratio(text) < 0.3 or META_LINE.search(text):
        return False
    if (
        text.endswith(("다.", "요.", "니다"))
        or BYLINE.search(text)
        or "\t" in text
        or is_ui(text)
        or PHONE.search(text)
    ):
        return False
    return not re.match(r"^\s*(문의|담당|[-□○◦·ㅇ▪■●◆*※▲△]|\d+\.\s|[①-⑳])", text)


def find_title(lines: list[str], hint: str | None = None) -> int:
    """Index of the headline: the line matching the page's own title, else the first headline-like line."""
    if hint:
        key = re.sub(r"\s+", "", hint)[:20]
        for i, line in enumerate(lines):
            if key and key in re.sub(r"\s+", "", line):
                return i
    for i, line in enumerate(lines[:60]):
        if is_headline(line):
            return i
        if _is_report(line.strip()) and len(line.strip()) > 40 and not is_ui(line.strip()):
            return i  # the capture starts with the report itself: no headline
    return next((i for i, line in enumerate(lines) if line.strip() and not is_ui(line)), 0)


def classify(text: str) -> str:
    if PHONE.search(text) and ("\t" in text or re.search(r"(책임자|담당자|담당|문의)", text)):
        return "contact"
    if "\t" in text and TIME_ROW.search(text):
        return "table"
    if re.match(r"^\s*[*※]", text):
        return "footnote"
    if CAPTION.search(text) or CAPTION_TAIL.search(text):
        return "caption"
    if len(text) < 80 and BYLINE.search(text):
        return "byline"
    if META_LINE.search(text) and len(text) < 60:
        return "meta"
    if re.match(r"^\s*([-□○◦·ㅇ▪■●◆]|\d+\.\s|[①-⑳])\s*", text):
        return "list"
    return "body"


def extract_body(raw_lines: list[str], title_hint: str | None = None) -> Body:
    """Keep the article from its headline to the first block of page furniture after it."""
    start = find_title(raw_lines, title_hint)
    body = _body_from(raw_lines, start)
    if (
        start and _hangul_count(body.text()) < 40
    ):  # a "headline" with no article after it: read from the top
        body = _body_from(raw_lines, 0)
    return body


def _is_report(text: str) -> bool:
    """A line of running report rather than a headline: a finished sentence, or a long paragraph."""
    return (
        bool(re.search(r"(다|요)\.[”\"’']*\s*$", text))
        or len(text) > 150
        or bool(re.search(r"(다|요)\.\s", text))
    )


def _hangul_count(text: str) -> int:
    return sum(1 for c in text if "\uac00" <= c <= "\ud7a3")


def _body_from(raw_lines: list[str], start: int) -> Body:
    body = Body()
    seen: set[str] = set()
    appendix = started = False
    for offset, raw in enumerate(raw_lines[start:]):
        text = raw.strip("\n").rstrip()
        stripped = text.strip()
        if not stripped:
            continue
        if (
            offset
            and len(stripped) < 60
            and (STOP.search(stripped) or STOP_LINES.match(stripped))
            and not PHONE.search(stripped)
        ):
            break
        if offset and is_ui(stripped) and not re.fullmatch(r"(참고|붙임)\s*\d*", stripped):
            body.dropped += 1
            continue
        key = re.sub(r"\s+", "", stripped)
        if len(key) >= 20 and key in seen:  # captions and headlines printed twice by the capture
            body.dropped += 1
            continue
        seen.add(key)
        if re.fullmatch(r"(참고|붙임)\s*\d*", stripped):
            appendix = True
        kind = "title" if not offset else classify(text)
        if kind == "title" and _is_report(stripped):
            kind = classify(text)  # no headline: the capture starts with the report itself
        if kind == "body" and not started:
            started = bool(re.search(r"(다|요)[.”\"’']*\s*$", stripped)) or len(stripped) > 80
            kind = "body" if started else "subtitle"
        body.lines.append(
            Line(len(body.lines), stripped if "\t" not in text else text.strip(" "), kind, appendix)
        )
    return body
