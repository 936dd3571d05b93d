"""Load named Cypher queries; a `name.<dialect>.cypher` file overrides `name.cypher` on that engine.

Each file starts with `//` header lines: `name:`, `description:`, `params:` (`name: meaning`, `;`
between them) and `returns:`. Values always travel as parameters. Files in this folder are the
public library (served at /api/queries, offered in the console); files in `internal/` serve the
code only. Base files are plain openCypher as Neo4j 5 runs it; a `.falkordb.cypher` variant exists
only where FalkorDB needs something else. Relationship sets come from the ontology: a
`{{relationships:NAME}}` placeholder becomes the types annotated `smekg:relationshipSet "NAME"`
(`A|B|C`). The library refuses, when it loads, a query whose declared parameters differ from the
`$names` its text uses (a dialect variant may leave some of them unused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.store import GraphStore, QueryResult
from ontology.vocabulary import Vocabulary, load_vocabulary

HERE = Path(__file__).resolve().parent
INTERNAL = HERE / "internal"
DIALECTS = ("falkordb", "neo4j")

_HEADER = re.compile(r"^//\s*(\w+):\s*(.*)$")
_PLACEHOLDER = re.compile(r"\{\{\s*relationships\s*:\s*([\w-]+)\s*\}\}")
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_LITERALS = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", re.S)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, str]
    returns: str
    text: str
    variants: dict[str, str] = field(default_factory=dict)
    internal: bool = False

    def text_for(self, dialect: str) -> str:
        return self.variants.get(dialect, self.text)


def parse_file(path: Path) -> tuple[dict[str, str], str]:
    """(header fields, Cypher text) of a .cypher file."""
    header: dict[str, str] = {}
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line)
        if match and not body:
            key, value = match.groups()
            header[key] = (header.get(key, "") + " " + value).strip()
        elif line.startswith("//") and not body:
            continue
        else:
            body.append(line)
    return header, "\n".join(body).strip()


def parse_params(spec: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _, meaning = part.partition(":")
        params[name.strip()] = meaning.strip()
    return params


def parameters_used(cypher: str) -> set[str]:
    """The `$names` a query uses (not those inside comments, strings or quoted names)."""
    return set(_PARAMETER.findall(_LITERALS.sub(" ", cypher)))


def render(text: str, vocab: Vocabulary) -> str:
    """Replace each `{{relationships:NAME}}` with the ontology's relationship set NAME as `A|B|C`."""
    return _PLACEHOLDER.sub(lambda m: "|".join(vocab.relationship_set(m.group(1))), text)


def _check_parameters(
    path: Path, declared: dict[str, str], text: str, *, variant: bool = False
) -> None:
    """A base text uses exactly the declared parameters; a dialect variant may leave some unused."""
    used = parameters_used(text)
    if used - set(declared) or (not variant and used != set(declared)):
        missing = ", ".join(sorted(used - set(declared))) or "none"
        unused = ", ".join(sorted(set(declared) - used)) or "none"
        raise ValueError(
            f"{path}: the `// params:` header must declare exactly the $names the query uses; "
            f"used but not declared: {missing}; declared but not used: {unused}"
        )


def load_folder(folder: Path, vocab: Vocabulary, *, internal: bool) -> dict[str, NamedQuery]:
    """Every query of one folder, rendered and checked."""
    queries: dict[str, NamedQuery] = {}
    variants: dict[str, dict[str, tuple[Path, str]]] = {}
    for path in sorted(folder.glob("*.cypher")):
        stem, _, dialect = path.stem.partition(".")
        if dialect:
            if dialect not in DIALECTS:
                raise ValueError(f"{path}: unknown dialect {dialect!r}; known: {DIALECTS}")
            variants.setdefault(stem, {})[dialect] = (path, render(parse_file(path)[1], vocab))
            continue
        header, text = parse_file(path)
        name = header.get("name", stem)
        if name != stem:
            raise ValueError(f"{path}: header name {name!r} differs from the file name")
        params = parse_params(header.get("params", ""))
        text = render(text, vocab)
        _check_parameters(path, params, text)
        queries[name] = NamedQuery(
            name=name,
            description=header.get("description", ""),
            params=params,
            returns=header.get("returns", ""),
            text=text,
            internal=internal,
        )
    for name, by_dialect in variants.items():
        if name not in queries:
            raise ValueError(f"dialect variant for unknown query {name!r} in {folder}")
        base = queries[name]
        for path, text in by_dialect.values():
            _check_parameters(path, base.params, text, variant=True)
        texts = {dialect: text for dialect, (_, text) in by_dialect.items()}
        queries[name] = NamedQuery(
            base.name, base.description, base.params, base.returns, base.text, texts, internal
        )
    return queries


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    vocab = load_vocabulary()
    public = load_folder(HERE, vocab, internal=False)
    internal = load_folder(INTERNAL, vocab, internal=True)
    clash = sorted(set(public) & set(internal))
    if clash:
        raise ValueError(f"queries both public and internal: {', '.join(clash)}")
    return {**public, **internal}


def list_queries() -> list[NamedQuery]:
    """The public library: what /api/queries serves and the console offers."""
    return [q for q in _library().values() if not q.internal]


def get_query(name: str) -> NamedQuery:
    """A public query by name (KeyError naming the known ones otherwise)."""
    query = _library().get(name)
    if query is None or query.internal:
        known = ", ".join(q.name for q in list_queries())
        raise KeyError(f"no named query {name!r}; known: {known}")
    return query


def run_query(
    store: GraphStore, name: str, params: dict[str, Any] | None = None, **limits: Any
) -> QueryResult:
    """Run a named query, public or internal, with its declared parameters (missing ones are null)."""
    try:
        query = _library()[name]
    except KeyError:
        raise KeyError(f"no named query {name!r}") from None
    given = dict(params or {})
    unknown = set(given) - set(query.params)
    if unknown:
        raise ValueError(f"query {name!r} takes {sorted(query.params)}; unknown: {sorted(unknown)}")
    full = {key: given.get(key) for key in query.params}
    return store.read(query.text_for(store.kind), full, **limits)
