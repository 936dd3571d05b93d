"""Add, replace and take out articles in the loaded graph without rebuilding it (issue 13).

`add_articles` and `remove_articles` work out one change (`loaders.increment.Change`), check it in
the context of the stored graph, and apply it as one statement (`apply_atomic` of the store) that
only applies if the graph is still the version the change was computed against (otherwise the
graph is read again and the change computed afresh).

data/ and the graph change together. New files wait in `data/.incremental/op/` beside a journal
naming the graph version before and after; they are moved into `data/articles/` (and the files of
articles taken out deleted) only after the store committed. A process killed at any point leaves
either the journal or nothing; the next change (or `smekg load`) first finishes or undoes it by
comparing the graph's version with the journal (`recover`). Changes to one data folder run one at a
time (an advisory lock on a file in the temporary folder, freed by the kernel when a process dies).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

import pyoxigraph as ox

from graph.store import GraphStore as Store
from graph.store import StoreError
from loaders.delta import (
    READ_INFO,
    READ_NODES,
    SAMPLE,
    read_edges,
    read_incoming,
    read_targets,
    statement,
)
from loaders.errors import LoadError, Problem
from loaders.increment import (
    Change,
    OutOfSync,
    StoredEdge,
    StoredNode,
    StoreState,
)
from loaders.mapping import Terms, article_id
from loaders.provenance import FORMAT, NodeProvenance, file_digest
from loaders.sources import SourceSet, read_sources
from ontology.vocabulary import ART, load_vocabulary

WORK_DIR = (
    ".incremental"  # under the data folder; not read by loads (they read *.ttl, articles/*.trig)
)
LOCK_TIMEOUT_S = 120.0
ATTEMPTS = 5  # a change is computed again when another change came first
CHUNK = 500  # IRIs per read
_CRASH_AT = "SMEKG_CRASH_AT"  # tests only: the process kills itself at this step (see _checkpoint)


class AtomicWrites(Protocol):
    """The store hook a change is written with: one statement, applied whole or not at all."""

    def apply_atomic(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]: ...


def _atomic(store: Store) -> AtomicWrites:
    if not hasattr(store, "apply_atomic"):
        raise StoreError(f"the {store.kind} store cannot apply a change atomically")
    return cast(AtomicWrites, store)


class ChangeRefused(LoadError):
    """The change was refused; neither the graph nor data/ changed."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        Exception.__init__(self, f"{len(problems)} problem(s); nothing was changed:\n{shown}{more}")


class ArticleNotFound(ChangeRefused):
    """An article asked to be taken out is not in the graph."""


@dataclass
class ArticleInput:
    """An article file to add: how to name it in messages, and its bytes (TriG)."""

    name: str
    raw: bytes

    @classmethod
    def from_path(cls, path: Path) -> ArticleInput:
        return cls(str(path), path.read_bytes())


@dataclass
class ChangeReport:
    added: list[str] = field(default_factory=list)  # article ids new to the graph
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # the same file was loaded already
    version: str = ""
    nodes: int = 0  # in the graph after the change
    edges: int = 0
    node_delta: int = 0
    edge_delta: int = 0
    elapsed_ms: float = 0.0

    @property
    def files(self) -> int:
        return len(self.added) + len(self.replaced)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "version": self.version,
            "nodes": self.nodes,
            "edges": self.edges,
            "node_delta": self.node_delta,
            "edge_delta": self.edge_delta,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }


# -- one change at a time per data folder ------------------------------------------------------
@contextlib.contextmanager
def exclusive(data_dir: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the data folder's change lock (also across processes; freed when a process dies). The
    lock file lives in the temporary folder, so a load never writes into data/."""
    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    fd = os.open(
        Path(tempfile.gettempdir()) / f"smekg-data-{key}.lock", os.O_RDWR | os.O_CREAT, 0o644
    )
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() > deadline:
                    raise ChangeRefused(
                        [Problem(str(data_dir), "another change to this data folder is running")]
                    ) from exc
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


# -- the journal ------------------------------------------------------------------------------------
class _Operation:
    """The pending files and journal of one change under `data/.incremental/op/`."""

    def __init__(self, data_dir: Path):
        self.articles = data_dir / "articles"
        self.dir = data_dir / WORK_DIR / "op"
        self.journal = self.dir / "journal.json"

    def start(self) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)

    def stage(self, name: str, raw: bytes) -> Path:
        path = self.dir / name
        with open(path, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        return path

    def write_journal(self, before: str, after: str, add: list[str], remove: list[str]) -> None:
        text = json.dumps({"from": before, "to": after, "add": add, "remove": remove})
        temporary = self.dir / "journal.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.journal)

    def read_journal(self) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads(self.journal.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        return data

    def finish(self, journal: dict[str, Any]) -> None:
        """The store has the change: move the new files into place, delete those taken out."""
        self.articles.mkdir(parents=True, exist_ok=True)
        for name in journal["add"]:
            staged = self.dir / name
            if staged.exists():
                os.replace(staged, self.articles / name)
        for name in journal["remove"]:
            (self.articles / name).unlink(missing_ok=True)
        _fsync_dir(self.articles)
        self.discard()

    def discard(self) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)

    def abandon(self, store: Store, data_dir: Path) -> None:
        """After a failure: without a journal nothing reached the store; with one, ask the store."""
        if not self.journal.exists():
            self.discard()
            return
        with contextlib.suppress(Exception):  # unreachable store: the next change recovers
            recover(store, data_dir)


def _fsync_dir(path: Path) -> None:
    if not path.exists():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _checkpoint(step: str) -> None:
    """Tests kill the process here (SIGKILL, as a crash would) when SMEKG_CRASH_AT names the step."""
    if os.environ.get(_CRASH_AT) == step:
        os.kill(os.getpid(), 9)


def recover(store: Store, data_dir: Path) -> str | None:
    """Finish or undo a change a killed process left; call with the lock held. Returns what it did."""
    op = _Operation(data_dir)
    if not op.dir.exists():
        return None
    journal = op.read_journal()
    if journal is None:  # killed before the journal: the store was not touched
        op.discard()
        return "discarded an unfinished change (the graph had not changed)"
    info = _info(store)
    if info is not None and info["version"] == journal["to"]:
        op.finish(journal)
        return "completed a change the graph had already taken (files moved into data/articles)"
    op.discard()
    return "undid a change the graph had not taken (data/ left as it was)"


# -- reading the graph ------------------------------------------------------------------------------
def _info(store: Store) -> dict[str, Any] | None:
    try:
        rows = store.read(READ_INFO).records()
    except StoreError as exc:
        if "empty" in str(exc):  # no graph at all (never loaded, or the store was reset)
            return None
        raise
    return rows[0] if rows and rows[0]["version"] is not None else None


def _stored_nodes(store: Store, iris: list[str]) -> dict[str, StoredNode]:
    nodes = {}
    for start in range(0, len(iris), CHUNK):
        rows = store.read(READ_NODES, {"iris": iris[start : start + CHUNK], "sample": SAMPLE})
        for iri, labels, prov, count, sources in rows.rows:
            nodes[iri] = StoredNode(iri, frozenset(labels), prov, count, list(sources))
    return nodes


def _read_state(store: Store, change: Change, info: dict[str, Any]) -> StoreState:
    state = StoreState(info["version"], info["nodes"] or 0, info["edges"] or 0)
    state.nodes = _stored_nodes(store, change.node_iris())
    scalar_keys = sorted(_scalar_qualifiers(change.terms))
    query = read_edges(scalar_keys)
    wanted = [{"s": s, "t": t, "o": o} for s, t, o in change.edge_keys()]
    by_type = {t: p for p, t in change.terms.edge_types.items()}
    for start in range(0, len(wanted), CHUNK):
        rows = store.read(query, {"edges": wanted[start : start + CHUNK], "sample": SAMPLE})
        for s, t, o, count, sources, values, counts in rows.rows:
            key = (s, by_type[t], o)
            scalars = {k: v for k, v in zip(scalar_keys, values, strict=True) if v is not None}
            tallies = {
                k: (n or 1) for k, n in zip(scalar_keys, counts, strict=True) if k in scalars
            }
            state.edges[key] = StoredEdge(key, count, list(sources), scalars, tallies)
    change.settle(state)
    for reads, query_for, target in (
        (change.target_reads(), read_targets, state.targets),
        (change.incoming_reads(), read_incoming, state.incoming),
    ):
        by_property: dict[str, list[str]] = {}
        for iri, p in reads:
            by_property.setdefault(p, []).append(iri)
        for p, iris in by_property.items():
            result = store.read(query_for(change.terms.edge_types[p]), {"iris": iris})
            for iri, other, labels in result.rows:
                target.setdefault((iri, p), []).append((other, frozenset(labels)))
    return state


def _scalar_qualifiers(terms: Terms) -> set[str]:
    return terms.scalar_keys - {"name_ko", "name_en", "type", "article_id"}


# -- the changes ------------------------------------------------------------------------------------
def _split(item: ArticleInput) -> list[tuple[str, bytes]]:
    """(article graph IRI, TriG bytes) for each named graph of the input; one graph keeps its bytes."""
    quads: dict[str, list[Any]] = {}
    loose = 0
    try:
        for quad in ox.parse(input=item.raw, format=ox.RdfFormat.TRIG, base_iri=ART):
            if isinstance(quad.graph_name, ox.NamedNode):
                quads.setdefault(quad.graph_name.value, []).append(quad)
            else:
                loose += 1
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        raise ChangeRefused([Problem(item.name, f"RDF syntax error: {message}")]) from exc
    if loose or not quads:
        raise ChangeRefused(
            [
                Problem(
                    item.name,
                    "expected article named graphs (art:<id> { … }) and nothing outside them",
                )
            ]
        )
    if len(quads) == 1:
        return [(next(iter(quads)), item.raw)]
    prefixes = {
        "smekg": "https://smekg.org/ontology#",
        "id": "https://smekg.org/id/",
        "art": str(ART),
    }
    return [
        (name, ox.serialize(graph, format=ox.RdfFormat.TRIG, prefixes=prefixes) or b"")
        for name, graph in quads.items()
    ]


def add_articles(store: Store, data_dir: Path, inputs: list[ArticleInput]) -> ChangeReport:
    """Add new articles, and replace loaded ones by a corrected file, in one atomic change."""
    started = time.perf_counter()
    with exclusive(data_dir):
        recover(store, data_dir)
        op = _Operation(data_dir)
        op.start()
        try:
            shown: dict[str, str] = {}
            staged: list[Path] = []
            for item in inputs:
                for name, raw in _split(item):
                    stem = article_id(name)
                    if not _plain_id(stem):
                        raise ChangeRefused(
                            [Problem(item.name, f"article id {stem!r} cannot name a file", name)]
                        )
                    if name in shown:
                        raise ChangeRefused(
                            [Problem(item.name, f"article <{name}> is given twice", name)]
                        )
                    shown[name] = item.name
                    staged.append(op.stage(f"{stem}.trig", raw))
            try:
                added = read_sources(staged)
            except LoadError as exc:
                raise ChangeRefused([_named(p, staged, shown) for p in exc.problems]) from exc
            _checkpoint("staged")
            report = _apply(store, data_dir, op, added, shown, [])
        except BaseException:
            op.abandon(store, data_dir)
            raise
        op.discard()  # nothing left when every file was already loaded as it is
    report.elapsed_ms = (time.perf_counter() - started) * 1000
    return report


def add_files(store: Store, data_dir: Path, paths: list[Path]) -> ChangeReport:
    return add_articles(store, data_dir, [ArticleInput.from_path(p) for p in paths])


def remove_articles(store: Store, data_dir: Path, ids: list[str]) -> ChangeReport:
    """Take loaded articles out of the graph and data/articles, in one atomic change."""
    started = time.perf_counter()
    with exclusive(data_dir):
        recover(store, data_dir)
        op = _Operation(data_dir)
        op.start()
        try:
            wanted = [ART + _article_of(i) for i in dict.fromkeys(ids)]
            report = _apply(store, data_dir, op, SourceSet(), {}, wanted)
        except BaseException:
            op.abandon(store, data_dir)
            raise
    report.elapsed_ms = (time.perf_counter() - started) * 1000
    return report


def _article_of(text: str) -> str:
    text = text.strip()
    if text.startswith("art:"):
        text = text[4:]
    if text.startswith(str(ART)):
        text = text[len(ART) :]
    if text.endswith(".trig"):
        text = text[: -len(".trig")]
    return text


def _plain_id(stem: str) -> bool:
    return bool(stem) and all(c.isalnum() or c in "_.-" for c in stem) and not stem.startswith(".")


def _named(problem: Problem, staged: list[Path], shown: dict[str, str]) -> Problem:
    by_file = {str(p): p.stem for p in staged}
    stem = by_file.get(problem.file)
    if stem is None:
        return problem
    name = next((shown[g] for g in shown if article_id(g) == stem), problem.file)
    return Problem(name, problem.message, problem.focus, problem.field, problem.line)


def _apply(
    store: Store,
    data_dir: Path,
    op: _Operation,
    added: SourceSet,
    shown: dict[str, str],
    to_remove: list[str],
) -> ChangeReport:
    articles = data_dir / "articles"
    vocab = load_vocabulary()
    for _attempt in range(ATTEMPTS):
        info = _info(store)
        if info is None:
            raise ChangeRefused(
                [Problem(str(data_dir), "the graph is empty: run `smekg load` first")]
            )
        if info.get("provenance") != FORMAT:
            raise ChangeRefused(
                [
                    Problem(
                        str(data_dir),
                        "the graph was loaded by an older smekg without the bookkeeping that "
                        "changes need: run `smekg load` once",
                    )
                ]
            )
        names = sorted(added.article_graphs) + to_remove
        loaded = _stored_nodes(store, names)
        report = ChangeReport()
        problems: list[Problem] = []
        old_files: dict[str, Path] = {}
        new = SourceSet()
        for name in sorted(added.article_graphs):
            stem = article_id(name)
            node = loaded.get(name)
            target = articles / f"{stem}.trig"
            if node is None:
                if target.exists():
                    problems.append(
                        Problem(
                            shown[name],
                            f"{target} exists but article {stem} is not in the graph: data/ and "
                            "the graph differ; run `smekg load`",
                            name,
                        )
                    )
                report.added.append(stem)
            else:
                prov = NodeProvenance.from_json(node.prov_json)
                if prov.digest == added.digests[name]:
                    report.unchanged.append(stem)
                    continue
                old = _loaded_file(prov, articles, shown[name], name, problems)
                if old is not None:
                    old_files[name] = old
                report.replaced.append(stem)
            _copy_graph(added, new, name)
        for name in to_remove:
            stem = article_id(name)
            node = loaded.get(name)
            if node is None or NodeProvenance.from_json(node.prov_json).file is None:
                raise ArticleNotFound([Problem(stem, f"article {stem} is not in the graph", name)])
            old = _loaded_file(node.prov, articles, stem, name, problems)
            if old is not None:
                old_files[name] = old
            report.removed.append(stem)
        if problems:
            raise ChangeRefused(problems)
        if not new.article_graphs and not old_files:
            report.version = info["version"]
            report.nodes, report.edges = info["nodes"], info["edges"]
            return report
        removed = read_sources(sorted(old_files.values())) if old_files else SourceSet()
        change = Change(
            new,
            removed,
            shown,
            vocab,
            locate=lambda i: _locate(articles, i),
            shown_removed={n: str(p) for n, p in old_files.items()},
            references=sorted(data_dir.glob("*.ttl")),
        )
        try:
            _read_state(store, change, info)
            problems = change.check()
            if problems:
                raise ChangeRefused(problems)
            delta = change.delta()
        except OutOfSync as exc:
            raise ChangeRefused(
                [Problem(str(data_dir), f"data/ and the graph differ ({exc}); run `smekg load`")]
            ) from exc
        cypher, params = statement(delta, store.kind)
        adding = delta.files_add
        op.write_journal(
            delta.expected_version,
            delta.version,
            adding,
            [f for f in delta.files_remove if f not in adding],
        )
        _checkpoint("journal")
        rows = _atomic(store).apply_atomic(cypher, params)
        if not rows:  # another change came first: read the graph again
            op.journal.unlink()
            continue
        _checkpoint("applied")
        journal = op.read_journal()
        assert journal is not None
        op.finish(journal)
        _checkpoint("finished")
        report.version = delta.version
        report.nodes = info["nodes"] + delta.node_delta
        report.edges = info["edges"] + delta.edge_delta
        report.node_delta, report.edge_delta = delta.node_delta, delta.edge_delta
        return report
    raise ChangeRefused(
        [Problem(str(data_dir), f"the graph kept changing; gave up after {ATTEMPTS} attempts")]
    )


def _copy_graph(source: SourceSet, target: SourceSet, name: str) -> None:
    target.triples[name] = source.triples[name]
    target.files[name] = source.files[name]
    target.digests[name] = source.digests[name]
    target.article_graphs.add(name)


def _loaded_file(
    prov: NodeProvenance, articles: Path, shown: str, name: str, problems: list[Problem]
) -> Path | None:
    """The file an article was loaded from, if it is still as it was loaded."""
    if prov.file is None:
        problems.append(Problem(shown, "the graph has no record of this article's file", name))
        return None
    path = articles / prov.file
    if not path.exists():
        problems.append(
            Problem(shown, f"{path} is missing: data/ and the graph differ; run `smekg load`", name)
        )
        return None
    if file_digest(path.name, path.read_bytes()) != prov.digest:
        problems.append(
            Problem(
                shown,
                f"{path} was edited since it was loaded; run `smekg load` (or restore the file)",
                name,
            )
        )
        return None
    return path


def _locate(articles: Path, source: str) -> Path | None:
    path = articles / f"{source}.trig"
    return path if path.exists() else None


__all__ = [
    "ArticleInput",
    "ArticleNotFound",
    "ChangeRefused",
    "ChangeReport",
    "add_articles",
    "add_files",
    "exclusive",
    "recover",
    "remove_articles",
]
