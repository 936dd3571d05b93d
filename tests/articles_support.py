"""Shared pieces of the incremental-change tests: a corpus of seed and generated articles with
variants (corrections, conflicts, unknown IRIs), graphs compared property by property."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.generate import generate
from services.export.records import export_json
from tests.conftest import DATA_DIR

SEEDS = sorted(p.stem for p in (DATA_DIR / "articles").glob("*.trig"))
EXTRA = """
  id:org-mss smekg:about id:thing-that-nobody-types .
  [] a smekg:Assertion ; rdf:subject id:org-mss ; rdf:predicate smekg:about ;
     rdf:object id:thing-that-nobody-types ; smekg:quote "누구도 정의하지 않은 대상" .
"""


@dataclass
class Corpus:
    """Reference files and articles (each with variants: name -> file) in one folder tree."""

    root: Path
    references: list[Path] = field(default_factory=list)
    variants: dict[str, dict[str, Path]] = field(default_factory=dict)  # id -> variant -> file

    def files(self, chosen: dict[str, str]) -> list[Path]:
        """The files of a full load of `chosen` (article id -> variant), in data_files order."""
        return self.references + [self.variants[a][v] for a, v in sorted(chosen.items())]

    def data_dir(self, target: Path, chosen: dict[str, str], seeds_only: bool = False) -> Path:
        """A data folder holding exactly `chosen` (and the seeds' reference file only, if asked)."""
        (target / "articles").mkdir(parents=True, exist_ok=True)
        for ref in self.references[:1] if seeds_only else self.references:
            shutil.copy(ref, target / ref.name)
        for article, variant in chosen.items():
            shutil.copy(self.variants[article][variant], target / "articles" / f"{article}.trig")
        return target


def _variant(corpus: Corpus, article: str, name: str, text: str) -> None:
    folder = corpus.root / name
    folder.mkdir(exist_ok=True)
    path = folder / f"{article}.trig"
    path.write_text(text, encoding="utf-8")
    corpus.variants.setdefault(article, {})[name] = path


def _corrected(text: str) -> str:
    """A correction: the first quote reworded, attendees turned into speakers."""
    text = re.sub(r'smekg:quote "', 'smekg:quote "(정정) ', text, count=1)
    return text.replace('smekg:role "attendee"', 'smekg:role "speaker"')


def with_unknown_reference(text: str) -> str:
    end = text.rstrip().rfind("}")
    return text[:end] + EXTRA + text[end:]


def build_corpus(root: Path, generated_size: int = 300) -> Corpus:
    """The five seeds (original, corrected, referring to an unknown IRI; 000 also with a date and a
    name that conflict with 002 and 001) and a small generated ecosystem (original, corrected)."""
    corpus = Corpus(root)
    refs = root / "refs"
    refs.mkdir(parents=True)
    shutil.copy(DATA_DIR / "entities.ttl", refs / "entities.ttl")
    gen = root / "gen"
    generate(gen, generated_size, seed=7)
    shutil.copy(gen / "entities.ttl", refs / "generated.ttl")
    corpus.references = [refs / "entities.ttl", refs / "generated.ttl"]
    for stem in SEEDS:
        text = (DATA_DIR / "articles" / f"{stem}.trig").read_text(encoding="utf-8")
        _variant(corpus, stem, "orig", text)
        _variant(corpus, stem, "fix", _corrected(text))
        _variant(corpus, stem, "unknown", with_unknown_reference(text))
    first = (DATA_DIR / "articles" / f"{SEEDS[0]}.trig").read_text(encoding="utf-8")
    moved = first.replace(
        'smekg:startDate "2020-07-02"^^xsd:date ;\n      smekg:edition 1',
        'smekg:startDate "2020-07-03"^^xsd:date ;\n      smekg:edition 1',
    )
    assert moved != first
    _variant(corpus, SEEDS[0], "date", moved)
    renamed = first.replace('"제주"@ko, "Jeju"@en', '"제주도"@ko, "Jeju"@en')
    assert renamed != first
    _variant(corpus, SEEDS[0], "name", renamed)
    for path in sorted((gen / "articles").glob("*.trig")):
        text = path.read_text(encoding="utf-8")
        _variant(corpus, path.stem, "orig", text)
        _variant(corpus, path.stem, "fix", _corrected(text))
    return corpus


def exported(store: Any) -> str:
    """`smekg export --format json` with each node's labels sorted (FalkorDB lists labels in the
    order the graph first saw them, which differs between a graph built at once and one grown)."""
    data = export_json(store)
    for node in data["nodes"]:
        node["labels"] = sorted(node["labels"])
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def raw_state(store: Any) -> dict[str, Any]:
    """Every property, bookkeeping included, and the GraphInfo counts, version and files."""
    nodes = store.read(
        "MATCH (n:Entity) RETURN n.iri, labels(n), properties(n) ORDER BY n.iri"
    ).rows
    edges = store.read(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.iri, type(r), b.iri, properties(r) "
        "ORDER BY a.iri, type(r), b.iri"
    ).rows
    info = store.read(
        "MATCH (g:GraphInfo {key: 'current'}) "
        "RETURN g.version, g.node_count, g.edge_count, g.files, g.provenance"
    ).rows
    return {
        "nodes": [[iri, sorted(labels), props] for iri, labels, props in nodes],
        "edges": edges,
        "info": info,
    }


def folder_state(data_dir: Path) -> dict[str, bytes]:
    """The article files of a data folder (what a later full load reads)."""
    return {p.name: p.read_bytes() for p in sorted((data_dir / "articles").glob("*.trig"))}
