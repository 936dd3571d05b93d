"""Read a saved article (plain text or HTML) into lines, refusing empty, binary and undecodable files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ingest.errors import IngestError

SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "template",
    "head",
}
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "figcaption",
    "figure",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "ul",
    "ol",
    "hr",
    "main",
    "caption",
}
META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "article:published_time": "date",
    "og:regdate": "date",
    "datepublished": "date",
    "article.published": "date",
    "parsely-pub-date": "date",
    "og:article:published_time": "date",
    "date": "date",
    "pubdate": "date",
    "publish-date": "date",
    "og:site_name": "site",
    "article:author": "author",
    "author": "author",
    "dable:author": "author",
}


@dataclass
class RawArticle:
    """The decoded text as lines, and what an HTML page states about itself (title, date, site, author)."""

    path: Path
    lines: list[str]
    html_meta: dict[str, str] = field(default_factory=dict)
    is_html: bool = False


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"].strip())
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key in META_KEYS and values.get("content"):
                self.meta.setdefault(META_KEYS[key], values["content"].strip())
        elif tag == "title":
            self._in_title = True
        elif tag in SKIP_TAGS:
            self._skip += 1
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in BLOCK_TAGS or tag == "tr":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS or tag in ("tr", "table"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip:
            self.parts.append(re.sub(r"[ \r\n]+", " ", data))

    def text(self) -> str:
        if "time" in self.meta:
            self.meta.setdefault("date", self.meta.pop("time"))
        if self._title and "title" not in self.meta:
            self.meta["title"] = " ".join("".join(self._title).split())
        return "".join(self.parts)


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise IngestError(str(path), "the file is empty")
    head = raw[:8192]
    if b"\x00" in head:
        raise IngestError(
            str(path), "this is a binary file, not a saved article (plain text or HTML)"
        )
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise IngestError(str(path), "the file is neither UTF-8 nor CP949/EUC-KR text")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > len(text[:8192]) * 0.05:
        raise IngestError(
            str(path), "this looks like a binary file, not a saved article (plain text or HTML)"
        )
    return text


def looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or ("<body" in head)
        or len(re.findall(r"</(p|div|span)>", head)) > 3
    )


def read_article(path: Path) -> RawArticle:
    """Decoded lines of the file; HTML is reduced to its visible text with table cells separated by tabs."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
    text = _decode(path, raw)
    if looks_like_html(text):
        parser = _HTMLText()
        parser.feed(text)
        body = parser.text()
        lines = [line.strip(" ") for line in body.replace("\r", "").split("\n")]
        return RawArticle(path, [line for line in lines if line.strip()], parser.meta, True)
    lines = [
        line.replace("\xa0", " ").rstrip()
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    meta, lines = read_header(lines)
    return RawArticle(path, lines, meta)


HEADER = re.compile(r"^\s*(SOURCE|DATE|URL|TITLE)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def read_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """A saved article may start with `SOURCE: <url>` / `DATE: <YYYY-MM-DD>` lines (then a blank line): the
    article's URL and publication date. They are taken out of the text and returned as page metadata."""
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and (m := HEADER.match(lines[i].lstrip("\ufeff"))):
        key, value = m[1].lower(), m[2]
        if key == "date":
            if not re.fullmatch(r"(?:19|20)\d{2}-\d{2}-\d{2}", value):
                break
            meta["date"] = value
        elif key in ("source", "url"):
            if not re.match(r"https?://\S+$", value):
                break
            meta["source"] = value
        else:
            meta["title"] = value
        i += 1
    if not meta:
        return {}, lines
    return meta, lines[i:]
