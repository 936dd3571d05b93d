"""Article texts kept with the curated data (`data/texts/<article_id>.txt`), and where quotes sit in them.

The source pages show an article's text with its evidence quotes highlighted; full-text search reads
the same files. Texts are data: they are returned as text and never interpreted. A quote's anchor
(`q-` and eight hex digits) is a hash of the quote, so any page can link to a quote on its article's
page without asking the server: `/source/<article_id>#q-…` (smekg-common's `S.quoteAnchor` computes
the same hash in the browser).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXTS_FOLDER = "texts"
MAX_TEXT_BYTES = 2_000_000  # an article is a few KB; a larger file is not an article text
_ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$")
_SENTENCE_END = re.compile(r"(?<=[.!?。…”\"'])\s+|\n+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def quote_anchor(quote: str) -> str:
    """`q-` + FNV-1a (32 bit) of the NFC quote's UTF-16 code units: what `S.quoteAnchor` computes in JS."""
    value = 0x811C9DC5
    data = nfc(quote.strip()).encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return f"q-{value:08x}"


def text_path(data_dir: Path, article_id: str) -> Path | None:
    """Where an article's text lives, or None for an id that cannot name a file."""
    if not _ARTICLE_ID.match(article_id) or ".." in article_id:
        return None
    return data_dir / TEXTS_FOLDER / f"{article_id}.txt"


def read_text(data_dir: Path, article_id: str) -> str | None:
    """The article's text (NFC, newlines normalised), or None when none is stored."""
    path = text_path(data_dir, article_id)
    if path is None or not path.is_file() or path.stat().st_size > MAX_TEXT_BYTES:
        return None
    raw = path.read_bytes().decode("utf-8", errors="replace")
    return nfc(raw.replace("\r\n", "\n").replace("\r", "\n"))


def read_article_text(source: Path) -> str:
    """An article text file as NFC text; ValueError when it is not UTF-8 or too large to be one."""
    raw = source.read_bytes()
    if len(raw) > MAX_TEXT_BYTES:
        raise ValueError(f"{len(raw)} bytes is too large for an article text")
    try:
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"the text is not UTF-8 (byte {exc.start})") from exc


def store_text(data_dir: Path, article_id: str, text: str) -> None:
    """Keep `text` as the article's text, replaced atomically."""
    target = text_path(data_dir, article_id)
    if target is None:
        raise ValueError(f"article id {article_id!r} cannot name a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)


def drop_text(data_dir: Path, article_id: str) -> None:
    """Forget the article's stored text (its TriG was taken out)."""
    target = text_path(data_dir, article_id)
    if target is not None:
        target.unlink(missing_ok=True)


def stored_ids(data_dir: Path) -> list[str]:
    """Ids of the articles with a stored text."""
    folder = data_dir / TEXTS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.txt") if _ARTICLE_ID.match(p.stem))


@dataclass(frozen=True)
class Passage:
    """A sentence (or line) of an article that contains a searched text."""

    article_id: str
    text: str
    start: int  # offset of the sentence in the article's text (code points)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs: lines split after sentence punctuation; empty pieces skipped."""
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[pos : match.start()]
        if piece.strip():
            yield pos + (len(piece) - len(piece.lstrip())), piece.strip()
        pos = match.end()
    rest = text[pos:]
    if rest.strip():
        yield pos + (len(rest) - len(rest.lstrip())), rest.strip()


def contains_term(text: str, term: str) -> bool:
    """Whether `text` holds `term` (case-folded NFC); a Latin-script term must stand as a word
    (MIT is not found in "Submitted"), Korean text is matched anywhere (particles attach to words)."""
    folded, needle = nfc(text).casefold(), nfc(term).casefold()
    if not needle:
        return False
    if needle.isascii() and re.fullmatch(r"[\w .&-]+", needle):
        return re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", folded) is not None
    return needle in folded


def find_passages(
    data_dir: Path, needles: list[str], limit: int, articles: list[str] | None = None
) -> tuple[list[Passage], int]:
    """Sentences of the stored texts that contain any of `needles` (case-insensitive, NFC), at most
    `limit` of them, and how many there are in all."""
    wanted = [n for n in needles if n.strip()]
    found: list[Passage] = []
    total = 0
    if not wanted:
        return found, total
    for article_id in articles if articles is not None else stored_ids(data_dir):
        text = read_text(data_dir, article_id)
        if text is None:
            continue
        for start, sentence in sentences(text):
            if any(contains_term(sentence, n) for n in wanted):
                total += 1
                if len(found) < limit:
                    found.append(Passage(article_id, sentence, start))
    return found, total
