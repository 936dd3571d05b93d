"""Errors the ingest pipeline reports to the user (bad input, invalid output) — never a traceback."""

from __future__ import annotations

from ontology.errors import IngestFailed


class IngestError(IngestFailed):
    """An input file cannot be ingested; the message says what is wrong and nothing was written."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")
