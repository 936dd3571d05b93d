"""What the ingest tests share: the curated gazetteer, fixture articles read once per stem, and short
articles given as text with a SOURCE/DATE header."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.decisions import Decisions
from ingest.gazetteer import GraphIndex, from_files
from ingest.model import Extraction
from ingest.pipeline import Result, analyse, base_files
from ingest.resolve import Resolver
from smekg.settings import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def curated_index() -> GraphIndex:
    return from_files(base_files(REPO_ROOT / "data", set()))


def fixture_reader(index: GraphIndex) -> Callable[[str], Extraction]:
    """Extraction of `tests/fixtures/articles/<stem>.txt`, each article analysed once."""
    resolver = Resolver(index, Decisions())
    cache: dict[str, Result] = {}

    def run(stem: str) -> Extraction:
        if stem not in cache:
            cache[stem] = analyse(FIXTURES / f"{stem}.txt", index, resolver)
        return cache[stem].extraction

    return run


def text_reader(index: GraphIndex, folder: Path, date: str) -> Callable[..., Extraction]:
    """Extraction of a short article given as text (a SOURCE/DATE header is added)."""

    def run(body: str, date: str = date) -> Extraction:
        path = folder / "article.txt"
        path.write_text(
            f"SOURCE: https://news.example.org/t\nDATE: {date}\n\n가온일보 기사 제목\n\n{body}\n",
            encoding="utf-8",
        )
        return analyse(path, index, Resolver(index, Decisions())).extraction

    return run
