"""Human review decisions, kept as data (data/review/decisions.csv) and replayed on every run:
'same' merges a mention into an entity, 'not-same' forbids that merge; a judgement is made once."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ingest.hangul import nfc

COLUMNS = ["kind", "mention", "candidate", "decision", "note"]
VALID = {"same", "not-same"}


@dataclass
class Decisions:
    rows: list[dict[str, str]] = field(default_factory=list)
    path: Path | None = None

    def lookup(self, kind: str, mention: str, candidate: str) -> str | None:
        """'same', 'not-same', or None when no one has judged this pair."""
        for row in self.rows:
            if (
                row["kind"] in (kind, "")
                and nfc(row["mention"]) == nfc(mention)
                and row["candidate"] == candidate
            ):
                return row["decision"]
        return None

    def same_as(self, kind: str, mention: str) -> list[str]:
        return [
            r["candidate"]
            for r in self.rows
            if r["kind"] in (kind, "")
            and nfc(r["mention"]) == nfc(mention)
            and r["decision"] == "same"
        ]


def load_decisions(path: Path | None) -> Decisions:
    """Read the decisions file; lines starting with '#' are comments. A malformed row is an error."""
    if path is None or not path.exists():
        return Decisions([], path)
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    for number, row in enumerate(csv.DictReader(lines), start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if (
            set(COLUMNS) - set(row)
            or row["decision"] not in VALID
            or not row["mention"]
            or not row["candidate"]
        ):
            raise ValueError(
                f"{path}: row {number} must have {', '.join(COLUMNS)} with decision same or not-same"
            )
        rows.append(row)
    return Decisions(rows, path)
