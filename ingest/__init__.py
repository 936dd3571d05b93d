"""Ingest Korean articles into smekg: extraction with provenance, entity resolution against the graph,
RDF in the curated layout, a review report, and evaluation against the curated seed articles."""

from ingest.errors import IngestError

__all__ = ["IngestError"]
