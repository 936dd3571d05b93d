"""Turtle export: the stored graph as RDF in the ontology's terms (see services/export/rdf.py).

Each relationship is a triple plus its reification (quotes, qualifiers such as `asOf` and `acting`),
with `prov:wasDerivedFrom` its source article; each article `smekg:mentions` what it mentions.
"""

from __future__ import annotations

from pathlib import Path

from graph.store import GraphStore
from services.export.rdf import export_turtle as _export_turtle


def export_turtle(store: GraphStore, data_dir: Path | None = None) -> str:
    """The stored graph as one Turtle document (use TriG for one named graph per article)."""
    return _export_turtle(store, data_dir)
