"""Human review decisions, kept as data (data/review/decisions.csv) and replayed on every run:
'same' merges a mention into an entity, 'not-same' forbids that merge; a judgement is made once."""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
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


HEADER = (
    "# Review decisions replayed by `smekg ingest` on every run (one judgement per row, made once by a person).\n"
    "# kind: person, org, event… ; mention: the name as the article writes it ; candidate: the entity IRI ;\n"
    "# decision: same (merge the mention into the candidate) or not-same (never merge them) ; note: why.\n"
)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One writer of a decisions file at a time (threads and processes); the lock file lives in the
    temporary folder, so nothing but the decisions file itself is written beside it."""
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    fd = os.open(
        Path(tempfile.gettempdir()) / f"smekg-decisions-{key}.lock", os.O_RDWR | os.O_CREAT, 0o644
    )
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _row_line(row: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue()


def _matches(line: str, kind: str, mention: str, candidate: str) -> bool:
    if not line.strip() or line.lstrip().startswith("#"):
        return False
    try:
        cells = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return False
    return (
        len(cells) >= 3
        and cells[0].strip() == kind
        and nfc(cells[1].strip()) == nfc(mention)
        and cells[2].strip() == candidate
    )


def _rewrite(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".decisions-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write("".join(lines))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def record_decision(
    path: Path, kind: str, mention: str, candidate: str, decision: str, note: str = ""
) -> str | None:
    """Write one judgement: the row for (kind, mention, candidate) is replaced, or added at the end; the
    file is created with its header when missing. Returns the line it replaced (None when new)."""
    if decision not in VALID:
        raise ValueError(f"decision must be same or not-same, not {decision!r}")
    row = _row_line([kind, nfc(mention), candidate, decision, " ".join(note.split())])
    with _locked(path):
        lines = (
            path.read_text(encoding="utf-8").splitlines(keepends=True)
            if path.exists()
            else [HEADER, ",".join(COLUMNS) + "\n"]
        )
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        previous = None
        for i, line in enumerate(lines):
            if _matches(line, kind, mention, candidate):
                previous, lines[i] = line, row
                break
        else:
            lines.append(row)
        _rewrite(path, lines)
    return previous


def restore_decision(
    path: Path, kind: str, mention: str, candidate: str, previous: str | None
) -> None:
    """Undo `record_decision`: put back the line it replaced, or take out the row it added."""
    with _locked(path):
        if not path.exists():
            return
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            if _matches(line, kind, mention, candidate):
                if previous is None:
                    del lines[i]
                else:
                    lines[i] = previous
                break
        _rewrite(path, lines)
