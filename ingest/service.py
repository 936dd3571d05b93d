"""Ingest articles end to end — used by the `smekg ingest` command and the API: analyse every file, validate
the RDF with data/, write the TriG and review report, optionally load data/ plus the new graphs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.batch import absorb
from ingest.decisions import load_decisions
from ingest.errors import IngestError
from ingest.gazetteer import GraphIndex, from_files, from_store
from ingest.jsonout import to_json
from ingest.pipeline import Result, analyse, base_files, stem_of, validate, write
from ingest.report import render
from ingest.resolve import Resolver

if TYPE_CHECKING:
    from services.articles import ChangeReport


@dataclass
class Outcome:
    results: list[Result] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # input path → what is wrong
    reports: dict[str, str] = field(default_factory=dict)  # article stem → Markdown review report
    graph: dict[str, list[Any]] | None = (
        None  # export-shaped JSON of the new facts and what they touch
    )
    loaded: ChangeReport | None = None  # when the CLI or the API added the articles

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        """JSON-ready summary for the API: per article the review report and the TriG, the graph, the errors."""
        return {
            "articles": [
                {
                    "article": r.stem,
                    "file": r.path.name,
                    "date": str(r.extraction.meta.date),
                    "title": r.extraction.meta.title,
                    "report": self.reports.get(r.stem, ""),
                    "rdf": r.trig,
                    "pending_merges": sum(1 for m in r.extraction.merges if not m.applied),
                    "written": [str(p) for p in r.written],
                }
                for r in self.results
            ],
            "graph": self.graph or {"nodes": [], "edges": []},
            "errors": [{"file": k, "message": v} for k, v in self.errors.items()],
            "loaded": None
            if self.loaded is None
            else {
                "files": self.loaded.files,
                "nodes": self.loaded.nodes,
                "edges": self.loaded.edges,
                "version": self.loaded.version,
            },
        }


ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for its saved articles (*.txt, *.html, *.htm), in name order."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out += sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            out.append(path)
    return out


def ingest_paths(
    paths: list[Path],
    data_dir: Path,
    out_dir: Path | None = None,
    *,
    date: dt.date | None = None,
    decisions_path: Path | None = None,
    index: GraphIndex | None = None,
    store: Any = None,
    gazetteer_from_store: bool = False,
) -> Outcome:
    """Run the pipeline on `paths`. Bad files are reported in `errors` and produce nothing."""
    data_dir = data_dir.resolve()
    outcome = Outcome()
    try:
        decisions = load_decisions(decisions_path or data_dir / "review" / "decisions.csv")
    except ValueError as exc:
        outcome.errors["decisions"] = str(exc)
        return outcome
    if index is None:
        index = (
            from_store(store)
            if gazetteer_from_store and store is not None
            else from_files(base_files(data_dir, set()))
        )
    base = index
    index = (
        base.copy()
    )  # the batch: what one article introduces, the next ones are resolved against
    resolver = Resolver(index, decisions)
    replaced = {stem_of(Path(p)) for p in paths} & {p.stem for p in base_files(data_dir, set())}
    remaining = (
        from_files(base_files(data_dir, replaced))
        if replaced and not gazetteer_from_store
        else index
    )
    for path in paths:
        try:
            result = analyse(Path(path), index, resolver, date, remaining)
            outcome.results.append(result)
            absorb(index, result.extraction)
            if remaining is not index:
                absorb(remaining, result.extraction)
        except IngestError as exc:
            outcome.errors[str(path)] = exc.message
        except Exception as exc:  # a bug must not hide the other files' results
            outcome.errors[str(path)] = (
                f"internal error while extracting ({type(exc).__name__}: {exc}); nothing written"
            )
    stems = [r.stem for r in outcome.results]
    duplicates = {s for s in stems if stems.count(s) > 1}
    for result in [r for r in outcome.results if r.stem in duplicates]:
        outcome.errors[str(result.path)] = f"two input files share the article id {result.stem}"
    outcome.results = [r for r in outcome.results if r.stem not in duplicates]
    failures, pg = validate(outcome.results, data_dir)
    for result in list(outcome.results):
        if result.stem in failures:
            outcome.errors[str(result.path)] = (
                "the extracted RDF does not pass validation (nothing written):\n"
                + failures[result.stem]
            )
            outcome.results.remove(result)
    for result in outcome.results:
        files = (
            [str(out_dir / f"{result.stem}.trig"), str(out_dir / f"{result.stem}.review.md")]
            if out_dir
            else None
        )
        outcome.reports[result.stem] = render(result.extraction, base, files, result.dataset)
        if out_dir:
            write(result, out_dir, outcome.reports[result.stem])
    if pg is not None and outcome.results:
        confidence = {k: v for r in outcome.results for k, v in r.confidence.items()}
        outcome.graph = to_json(pg, {r.stem for r in outcome.results}, confidence)
    return outcome


def ingest_text(text: str | bytes, filename: str, data_dir: Path, **options: Any) -> Outcome:
    """Ingest one article given as text or bytes (the API's upload); written to a temporary file first."""
    import tempfile

    name = Path(filename or "article.txt").name or "article.txt"
    with tempfile.TemporaryDirectory(prefix="smekg-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return ingest_paths([path], data_dir, **options)
