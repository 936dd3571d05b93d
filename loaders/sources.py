"""Read the curated RDF files (entities.ttl and one TriG file per article) with Oxigraph's parser.

Each file's triples are kept as a list of (subject, predicate, object) in the light terms of
`loaders.terms`; article graphs are named by the article IRI, reference files by `urn:smekg:file:`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from loaders.errors import LoadError, Problem
from loaders.provenance import file_digest
from loaders.terms import Triple

if TYPE_CHECKING:
    from rdflib import Graph

REFERENCE_GRAPH_PREFIX = "urn:smekg:file:"


@dataclass
class SourceSet:
    """Every parsed graph, with the file it came from."""

    triples: dict[str, list[Triple]] = field(default_factory=dict)  # graph name -> its triples
    files: dict[str, Path] = field(default_factory=dict)  # graph name -> file
    article_graphs: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)  # graph name -> file_digest of its file

    def graphs(self) -> Iterator[tuple[str, list[Triple]]]:
        yield from self.triples.items()

    def triple_count(self) -> int:
        return sum(len(t) for t in self.triples.values())

    def union(self) -> Graph:
        """All triples as one rdflib Graph (for small data: gazetteers, evaluation, pyshacl)."""
        from loaders.rdflib_bridge import to_rdflib

        return to_rdflib(t for triples in self.triples.values() for t in triples)


def data_files(data_dir: Path) -> list[Path]:
    """The reference Turtle files at the top of data/ and the article TriG files below it."""
    if not data_dir.is_dir():
        raise LoadError([Problem(str(data_dir), "data directory does not exist")])
    return sorted(data_dir.glob("*.ttl")) + sorted(data_dir.glob("articles/*.trig"))


def _check_utf8(path: Path, raw: bytes) -> None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError([Problem(str(path), f"not valid UTF-8 ({exc.reason})", line=line)]) from exc


def _line_of(exc: Exception) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else None


def read_sources(files: list[Path]) -> SourceSet:
    """Parse each file; a syntax error names the file and line and nothing is returned."""
    sources = SourceSet()
    problems: list[Problem] = []
    names: dict[str, str] = {}  # one str object per IRI, shared by every triple
    for number, path in enumerate(files):
        raw = path.read_bytes()
        _check_utf8(path, raw)
        trig = path.suffix == ".trig"
        try:
            graphs = _parse(raw, trig, path.resolve().as_uri(), f"_:f{number}.", names)
        except SyntaxError as exc:
            message = " ".join(str(exc.msg if hasattr(exc, "msg") else exc).split())
            problems.append(Problem(str(path), f"RDF syntax error: {message}", line=_line_of(exc)))
            continue
        if trig:
            name = _add_article(sources, path, graphs, problems)
            if name is not None:
                sources.digests[name] = file_digest(path.name, raw)
        else:
            name = REFERENCE_GRAPH_PREFIX + path.name
            sources.triples[name] = list(dict.fromkeys(graphs.pop(None, [])))
            sources.files[name] = path
            sources.digests[name] = file_digest(path.name, raw)
            if graphs:
                problems.append(Problem(str(path), "a Turtle file cannot hold named graphs"))
    if problems:
        raise LoadError(problems)
    return sources


Graphs = dict[str | None, list[Triple]]  # graph name (None: the default graph) -> its triples


def _parse(raw: bytes, trig: bool, base: str, blank_prefix: str, names: dict[str, str]) -> Graphs:
    """Triples per graph name (None for the default graph), with blank nodes made unique per file."""
    graphs: Graphs = {}
    fmt = ox.RdfFormat.TRIG if trig else ox.RdfFormat.TURTLE
    named_node, blank_node = ox.NamedNode, ox.BlankNode
    current_graph: object = object()
    bucket: list[Triple] = []
    for s, p, o, g in ox.parse(input=raw, format=fmt, base_iri=base):
        if g is not current_graph:
            current_graph = g
            key = g.value if type(g) is named_node else None
            bucket = graphs.setdefault(key, [])
        s = s.value if type(s) is named_node else blank_prefix + s.value
        s = names.setdefault(s, s)
        p = p.value
        p = names.setdefault(p, p)
        if type(o) is named_node:
            o = o.value
            o = names.setdefault(o, o)
        elif type(o) is blank_node:
            o = blank_prefix + o.value
        bucket.append((s, p, o))
    return graphs


def _add_article(
    sources: SourceSet, path: Path, graphs: Graphs, problems: list[Problem]
) -> str | None:
    if graphs.get(None):
        problems.append(
            Problem(str(path), "triples outside a named graph; put them inside the article's GRAPH")
        )
    named = {k: v for k, v in graphs.items() if k is not None and v}
    if len(named) != 1:
        problems.append(
            Problem(
                str(path), f"expected exactly one named graph (the article), found {len(named)}"
            )
        )
        return None
    ((name, triples),) = named.items()
    if name in sources.files:
        problems.append(
            Problem(str(path), f"graph <{name}> is also defined in {sources.files[name]}")
        )
        return None
    sources.triples[name] = list(dict.fromkeys(triples))
    sources.files[name] = path
    sources.article_graphs.add(name)
    return name
