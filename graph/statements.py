"""The adapters' own Cypher: `graph/cypher/<engine>/<name>.cypher`, each opening with comment lines
that say what it reads and which engine trick it uses (and why). Not part of the public query library:
nothing lists or serves these."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@cache
def statement(engine: str, name: str) -> str:
    """The text of an adapter's statement, without its leading comment lines."""
    lines = (CYPHER_DIR / engine / f"{name}.cypher").read_text(encoding="utf-8").splitlines()
    while lines and lines[0].lstrip().startswith("//"):
        lines.pop(0)
    return "\n".join(lines).strip()


def statements(engine: str, name: str) -> list[str]:
    """A file of several statements, separated by semicolons."""
    return [part.strip() for part in statement(engine, name).split(";") if part.strip()]


def identifier(name: str) -> str:
    """A label, relationship type or property key for a statement template, backticked; names that
    are not plain identifiers are refused (they never come from data, only from the ontology)."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"refusing {name!r} as a label, relationship type or property key")
    return f"`{name}`"
