"""The load pipeline: parse every file, validate all of it, then build the graph in one swap."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from graph.store import GraphStore
from loaders.errors import LoadError, Problem
from loaders.mapping import PropertyGraph, to_property_graph
from loaders.sources import data_files, read_sources
from loaders.validation import validate
from loaders.writer import Progress, write_property_graph
from ontology.vocabulary import load_vocabulary


@dataclass
class LoadReport:
    files: int
    nodes: int
    edges: int
    version: str


def _version(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(data_dir: Path, files: list[Path] | None = None) -> tuple[PropertyGraph, list[Path]]:
    """Parse and validate; raises LoadError listing every problem. Writes nothing."""
    files = files if files is not None else data_files(data_dir)
    if not files:
        raise LoadError([Problem(str(data_dir), "no data files found (expected *.ttl and articles/*.trig)")])
    vocab = load_vocabulary()
    sources = read_sources(files)
    problems = validate(sources, vocab)
    if problems:
        raise LoadError(problems)
    return to_property_graph(sources, vocab), files


def load_data(store: GraphStore, data_dir: Path, *, batch_size: int = 500,
              progress: Progress | None = None, files: list[Path] | None = None) -> LoadReport:
    """Validate everything first, then replace the store's graph; a failure leaves the old graph intact."""
    if progress:
        progress("validating", 0, 1)
    pg, files = prepare(data_dir, files)
    if progress:
        progress("validating", 1, 1)
    info = {
        "version": _version(files),
        "loaded_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "files": [p.name for p in files],
        "node_count": len(pg.nodes),
        "edge_count": len(pg.edges),
    }
    store.replace_graph(lambda writer: write_property_graph(writer, pg, info, batch_size, progress))
    return LoadReport(len(files), len(pg.nodes), len(pg.edges), info["version"])
