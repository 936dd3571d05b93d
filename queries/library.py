"""Load named Cypher queries from this folder; a `name.<dialect>.cypher` file overrides `name.cypher`.

Each file starts with `//` header lines: `name:`, `description:`, `params:` (comma-separated
`name: meaning`) and `returns:`. Values always travel as parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.store import GraphStore, QueryResult

HERE = Path(__file__).resolve().parent
DIALECTS = ("falkordb", "neo4j")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, str]
    returns: str
    text: str
    variants: dict[str, str] = field(default_factory=dict)

    def text_for(self, dialect: str) -> str:
        return self.variants.get(dialect, self.text)


def _parse(path: Path) -> tuple[dict[str, str], str]:
    header: dict[str, str] = {}
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^//\s*(\w+):\s*(.*)$", line)
        if match and not body:
            key, value = match.groups()
            header[key] = (header.get(key, "") + " " + value).strip()
        elif line.startswith("//") and not body:
            continue
        else:
            body.append(line)
    return header, "\n".join(body).strip()


def _params(spec: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _, meaning = part.partition(":")
        params[name.strip()] = meaning.strip()
    return params


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    queries: dict[str, NamedQuery] = {}
    variants: dict[str, dict[str, str]] = {}
    for path in sorted(HERE.glob("*.cypher")):
        stem_parts = path.stem.split(".")
        if len(stem_parts) == 2 and stem_parts[1] in DIALECTS:
            variants.setdefault(stem_parts[0], {})[stem_parts[1]] = _parse(path)[1]
            continue
        header, text = _parse(path)
        name = header.get("name", path.stem)
        if name != path.stem:
            raise ValueError(f"{path}: header name {name!r} differs from the file name")
        queries[name] = NamedQuery(
            name=name,
            description=header.get("description", ""),
            params=_params(header.get("params", "")),
            returns=header.get("returns", ""),
            text=text,
        )
    for name, by_dialect in variants.items():
        if name not in queries:
            raise ValueError(f"dialect variant for unknown query {name!r}")
        base = queries[name]
        queries[name] = NamedQuery(
            base.name, base.description, base.params, base.returns, base.text, by_dialect
        )
    return queries


def list_queries() -> list[NamedQuery]:
    return list(_library().values())


def get_query(name: str) -> NamedQuery:
    try:
        return _library()[name]
    except KeyError:
        raise KeyError(f"no named query {name!r}; known: {', '.join(sorted(_library()))}") from None


def run_query(
    store: GraphStore, name: str, params: dict[str, Any] | None = None, **limits: Any
) -> QueryResult:
    """Run a named query with its declared parameters (missing ones are passed as null)."""
    query = get_query(name)
    given = dict(params or {})
    unknown = set(given) - set(query.params)
    if unknown:
        raise ValueError(f"query {name!r} takes {sorted(query.params)}; unknown: {sorted(unknown)}")
    full = {key: given.get(key) for key in query.params}
    return store.read(query.text_for(store.kind), full, **limits)
