"""Write an Extraction as RDF in the curated layout: one named graph per article (see rdfwriter.Writer for
how each relationship gets its evidence, rdfparts for the parts of the graph)."""

from __future__ import annotations

from rdflib import Dataset

from ingest.gazetteer import GraphIndex
from ingest.model import Extraction
from ingest.rdfparts import write_all
from ingest.rdfwriter import Writer, clip

__all__ = ["Writer", "clip", "to_dataset"]


def to_dataset(
    ex: Extraction, index: GraphIndex, remaining: GraphIndex | None = None
) -> tuple[Dataset, dict[tuple[str, str, str], float]]:
    writer = Writer(ex, index, remaining)
    write_all(writer)
    return writer.ds, writer.confidence
