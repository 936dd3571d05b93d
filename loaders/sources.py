"""Read the curated RDF files (entities.ttl and one TriG file per article) into one dataset."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from loaders.errors import LoadError, Problem

REFERENCE_GRAPH_PREFIX = "urn:smekg:file:"


@dataclass
class SourceSet:
    """Every parsed graph, with the file it came from; article graphs are named by the article IRI."""

    dataset: Dataset
    files: dict[URIRef, Path] = field(default_factory=dict)  # graph name -> file
    article_graphs: set[URIRef] = field(default_factory=set)

    def graphs(self):
        for name in self.files:
            yield name, self.dataset.graph(name)

    def union(self) -> Graph:
        union = Graph()
        for _, graph in self.graphs():
            for triple in graph:
                union.add(triple)
        return union


def data_files(data_dir: Path) -> list[Path]:
    """The reference Turtle files at the top of data/ and the article TriG files below it."""
    if not data_dir.is_dir():
        raise LoadError([Problem(str(data_dir), "data directory does not exist")])
    return sorted(data_dir.glob("*.ttl")) + sorted(data_dir.glob("articles/*.trig"))


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError([Problem(str(path), f"not valid UTF-8 ({exc.reason})", line=line)]) from exc


def _line_of(message: str) -> int | None:
    match = re.search(r"line (\d+)", message) or re.search(r":(\d+):", message)
    return int(match.group(1)) if match else None


def read_sources(files: list[Path]) -> SourceSet:
    """Parse each file; a syntax error names the file and line and nothing is returned."""
    sources = SourceSet(dataset=Dataset())
    problems: list[Problem] = []
    for path in files:
        text = _decode(path)
        try:
            if path.suffix == ".trig":
                _read_trig(sources, path, text, problems)
            else:
                name = URIRef(REFERENCE_GRAPH_PREFIX + path.name)
                sources.dataset.graph(name).parse(data=text, format="turtle", publicID=path.resolve().as_uri())
                sources.files[name] = path
        except LoadError:
            raise
        except Exception as exc:  # rdflib raises several parser error types
            message = " ".join(str(exc).split())
            problems.append(Problem(str(path), f"RDF syntax error: {message}", line=_line_of(message)))
    if problems:
        raise LoadError(problems)
    return sources


def _read_trig(sources: SourceSet, path: Path, text: str, problems: list[Problem]) -> None:
    scratch = Dataset()
    scratch.parse(data=text, format="trig", publicID=path.resolve().as_uri())
    named = [g for g in scratch.graphs() if g.identifier != scratch.default_graph.identifier and len(g)]
    if len(scratch.default_graph):
        problems.append(Problem(str(path), "triples outside a named graph; put them inside the article's GRAPH"))
    if len(named) != 1:
        problems.append(Problem(str(path), f"expected exactly one named graph (the article), found {len(named)}"))
        return
    graph = named[0]
    name = URIRef(graph.identifier)
    if name in sources.files:
        problems.append(Problem(str(path), f"graph <{name}> is also defined in {sources.files[name]}"))
        return
    target = sources.dataset.graph(name)
    for triple in graph:
        target.add(triple)
    sources.files[name] = path
    sources.article_graphs.add(name)
