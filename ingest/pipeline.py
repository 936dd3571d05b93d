"""The ingest pipeline: read → body → metadata → mentions → resolution → RDF → validation → write.

Bad input (empty, binary, not Korean, no date) raises IngestError with a clear message; nothing is written
for that file. The RDF of every article is validated with the project's loader (syntax, known terms, evidence,
SHACL) together with data/ before anything is written."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from ingest.body import extract_body
from ingest.errors import IngestError
from ingest.extract import extract
from ingest.gazetteer import GraphIndex
from ingest.hangul import hangul_ratio, slug
from ingest.metadata import read_metadata
from ingest.model import Extraction
from ingest.rdfout import to_dataset
from ingest.reader import read_article
from ingest.resolve import Resolver
from ingest.schedule import infer_date

if TYPE_CHECKING:
    from loaders.mapping import PropertyGraph


@dataclass
class Result:
    path: Path
    stem: str
    extraction: Extraction
    dataset: Dataset
    confidence: dict[tuple[str, str, str], float] = field(default_factory=dict)
    trig: str = ""
    written: list[Path] = field(default_factory=list)
    text: str = ""  # the article as read (menus and ads left out): where every quote comes from


def stem_of(path: Path) -> str:
    stem = path.stem
    if re.fullmatch(r"[A-Za-z0-9_.-]+", stem):
        return stem
    return f"{slug(stem, 40)}_{hashlib.sha1(path.name.encode()).hexdigest()[:8]}"


def analyse(
    path: Path,
    index: GraphIndex,
    resolver: Resolver,
    date: dt.date | None = None,
    remaining: GraphIndex | None = None,
) -> Result:
    """Extract and resolve one article; raises IngestError for input that is not a usable Korean article.
    `remaining` is the graph without the curated files this run replaces (defaults to `index`)."""
    raw = read_article(path)
    body = extract_body(raw.lines, raw.html_meta.get("title"))
    text = body.text()
    if sum(1 for c in text if "\uac00" <= c <= "\ud7a3") < 40 or hangul_ratio(text) < 0.3:
        raise IngestError(
            str(path), "this is not a Korean article (too little Korean text); nothing was ingested"
        )
    stem = stem_of(path)
    meta = read_metadata(raw, body, stem)
    if not meta.title:
        raise IngestError(str(path), "no headline found; nothing was ingested")
    if meta.date is None:
        if date:
            meta.date, meta.date_reasoning = (
                date,
                f"Publication date {date.isoformat()} given by the user (--date).",
            )
        elif inferred := infer_date(body, index):
            meta.date, meta.date_quote, meta.date_reasoning = inferred
            meta.ambiguity.append(
                "The capture prints no publication date; it is inferred from an event the graph "
                "already dates (see dateReasoning)."
            )
        else:
            raise IngestError(
                str(path),
                "no publication date found (no '입력 …', '보도시점 …' or dated header line); "
                "pass --date YYYY-MM-DD; nothing was ingested",
            )
    ex = extract(raw, body, meta, index)
    if not ex.people and not ex.events and not ex.orgs:
        ex.warnings.append("Nothing was extracted: no people, organisations or events were found.")
    resolver.run(ex)
    dataset, confidence = to_dataset(ex, index, remaining)
    return Result(path, stem, ex, dataset, confidence, text=text)


def trig_text(result: Result) -> str:
    header = (
        f"# {result.extraction.meta.title}\n# Extracted by `smekg ingest` from {result.path.name}; "
        f"review before moving it to data/articles/.\n"
    )
    return header + result.dataset.serialize(format="trig")


def base_files(data_dir: Path, exclude_stems: set[str]) -> list[Path]:
    from loaders.sources import data_files

    return [p.resolve() for p in data_files(data_dir) if p.stem not in exclude_stems]


def validate(
    results: list[Result], data_dir: Path, exclude: frozenset[str] = frozenset()
) -> tuple[dict[str, str], PropertyGraph | None]:
    """Validate the new graphs with data/ (an article already in data/ is replaced by its new graph).
    A fact that does not pass is left out of its article (and said so in its review report) rather than
    losing the article; an article whose RDF still does not pass is refused. Returns ({stem: problem text}
    for articles whose RDF is not valid, the property graph of the valid ones)."""
    from loaders import LoadError, prepare

    failures: dict[str, str] = {}
    stems = {r.stem for r in results} | set(exclude)
    base = base_files(data_dir, stems)
    by_stem = {r.stem: r for r in results}
    with tempfile.TemporaryDirectory(prefix="smekg-ingest-") as tmp:
        files: dict[str, Path] = {}
        for result in results:
            result.trig = result.trig or trig_text(result)
            files[result.stem] = Path(tmp) / f"{result.stem}.trig"
            files[result.stem].write_text(result.trig, encoding="utf-8")
        if not files:
            return failures, None
        try:
            return failures, prepare(data_dir, base + list(files.values()))[0]
        except LoadError:
            pass
        for stem, path in files.items():
            for _round in range(4):
                try:
                    prepare(data_dir, [*base, path])
                    failures.pop(stem, None)
                    break
                except LoadError as exc:
                    failures[stem] = str(exc)
                    if not repair(by_stem[stem], exc.problems, path.name):
                        break
                    path.write_text(by_stem[stem].trig, encoding="utf-8")
        valid: list[Path] = []
        for (
            stem,
            path,
        ) in files.items():  # together: an article that conflicts with the others waits
            if stem in failures:
                continue
            try:
                prepare(data_dir, [*base, *valid, path])
                valid.append(path)
            except LoadError as exc:
                failures[stem] = "the article conflicts with another of the batch:\n" + str(exc)
        return failures, prepare(data_dir, base + valid)[0] if valid else None


def repair(result: Result, problems: list, file_name: str) -> bool:
    """Leave out of the article's graph the nodes the validation names (and every relationship and
    evidence node about them); False when a problem names no node, or nothing was left to remove."""
    from rdflib import RDF, BNode, URIRef

    mine = [p for p in problems if Path(p.file).name == file_name]
    if not mine or any(not p.focus for p in mine):
        return False
    focus = {p.focus for p in mine}
    labels = {f.split(".")[-1] for f in focus if f.startswith("_:")}  # '_:f6.e1' was written '_:e1'
    removed = False
    for graph in result.dataset.graphs():
        evidence = {
            n
            for n in graph.subjects()
            if isinstance(n, BNode)
            and (
                str(n) in labels
                or str(graph.value(n, RDF.subject)) in focus
                or str(graph.value(n, RDF.object)) in focus
            )
        }
        for node in evidence:
            subject, predicate, obj = (
                graph.value(node, RDF.subject),
                graph.value(node, RDF.predicate),
                graph.value(node, RDF.object),
            )
            if str(node) in labels and isinstance(predicate, URIRef) and subject and obj:
                graph.remove((subject, predicate, obj))  # the fact a bad evidence node supports
            graph.remove((node, None, None))
            removed = True
        for s, p, o in list(graph):
            if str(s) in focus or str(o) in focus:
                graph.remove((s, p, o))
                removed = True
    if removed:
        for p in mine:
            result.extraction.warnings.append(
                f"Left out <{p.focus}>: it did not pass validation ({p.message})."
            )
        result.trig = trig_text(result)
    return removed


def write(result: Result, out_dir: Path, report: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    trig = out_dir / f"{result.stem}.trig"
    review = out_dir / f"{result.stem}.review.md"
    trig.write_text(result.trig or trig_text(result), encoding="utf-8")
    review.write_text(report, encoding="utf-8")
    result.written = [trig, review]
    if result.text:  # kept beside the TriG: `smekg add` stores it for the source page
        text = out_dir / f"{result.stem}.txt"
        text.write_text(result.text, encoding="utf-8")
        result.written.append(text)
    return result.written
