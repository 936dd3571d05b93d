"""Neo4j's own Cypher front end over every .cypher file meant for Neo4j, offline.

Files meant for Neo4j: every `*.cypher` of the project except `*.falkordb.cypher` variants and files
under a `falkordb/` folder (an adapter's own). Each is checked as it runs (relationship-set
placeholders rendered), against a schema from the ontology (labels, relationship types, property
keys; plus labels the project's own statements create) and the parameters its header declares (a
variant takes its base file's; a file that declares none is taken to mean what it uses). Any error or
warning fails: `python -m queries.neo4j_lint [FILE…]`, run by `make lint`. The front end is npm's
@neo4j-cypher/language-support, installed under tools/cypher-lint/ by `make cypher-lint-deps` and
run by the machine's Node; these machines have no Neo4j server, so this is the Neo4j path's check.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF

from loaders.mapping import ENTITY_LABEL
from loaders.writer import GRAPH_INFO_LABEL
from ontology.vocabulary import Vocabulary, load_vocabulary, local_name, snake_case
from queries.library import parameters_used, parse_file, parse_params, render

REPO_ROOT = Path(__file__).resolve().parent.parent
TOOL = REPO_ROOT / "tools" / "cypher-lint"
_CREATED = re.compile(r"\b(?:CREATE|MERGE)\s*\(\s*\w*\s*((?::\s*\w+\s*)+)", re.IGNORECASE)
SKIPPED_DIRS = {".git", ".venv", "node_modules", "var", "build", "falkordb"}
# Keys the loader writes beside the ontology's literal properties (loaders/mapping.py, writer.py).
LOADER_KEYS = [
    "iri",
    "name_ko",
    "name_en",
    "aliases",
    "type",
    "sources",
    "evidence",
    "roles",
    "search_text",
    "article_id",
    "description",
    "notes",
    "key",
    "version",
    "loaded_at",
    "files",
    "node_count",
    "edge_count",
]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


def neo4j_files(root: Path = REPO_ROOT) -> list[Path]:
    """The project's .cypher files that Neo4j runs (base files and `.neo4j` variants)."""
    return sorted(
        path
        for path in root.rglob("*.cypher")
        if not SKIPPED_DIRS & set(path.relative_to(root).parts[:-1])
        and not path.name.endswith(".falkordb.cypher")
    )


def declared_parameters(path: Path) -> list[str] | None:
    """The `// params:` of the file, or of its base file for a dialect variant; None when neither
    declares any (an adapter's own statement: then the parameters it uses are taken as given)."""
    header, _ = parse_file(path)
    base = path.with_name(path.name.split(".")[0] + ".cypher")
    if "params" not in header and base != path and base.exists():
        header, _ = parse_file(base)
    if "params" not in header:
        return None
    return list(parse_params(header["params"]))


def created_labels(paths: list[Path]) -> set[str]:
    """Labels that the project's own Cypher creates beside the loader's (an adapter's state node)."""
    labels: set[str] = set()
    for path in paths:
        for match in _CREATED.finditer(path.read_text(encoding="utf-8")):
            labels.update(label.strip() for label in match.group(1).split(":") if label.strip())
    return labels


def schema(vocab: Vocabulary, extra_labels: Iterable[str] = ()) -> dict[str, list[str]]:
    """Labels, relationship types and property keys of the property graph the loader builds (and
    `extra_labels`, created by the project's own statements)."""
    reified = {c for c in vocab.classes if vocab.is_reification({c})}
    labels = {info.name for c, info in vocab.classes.items() if c not in reified}
    literal_keys = {
        snake_case(local_name(str(p))) for p in vocab.graph.subjects(RDF.type, OWL.DatatypeProperty)
    }
    return {
        "labels": sorted(labels | {ENTITY_LABEL, GRAPH_INFO_LABEL} | set(extra_labels)),
        "relationshipTypes": sorted(set(vocab.edge_types.values())),
        "propertyKeys": sorted(literal_keys | set(LOADER_KEYS)),
    }


def lint(paths: list[Path], vocab: Vocabulary | None = None) -> list[Finding]:
    """Every finding of Neo4j's front end on these files (comments kept, so lines match the files)."""
    vocab = vocab or load_vocabulary()
    files: list[dict[str, Any]] = []
    for path in paths:
        text = render(path.read_text(encoding="utf-8"), vocab)
        declared = declared_parameters(path)
        params = sorted(parameters_used(text)) if declared is None else declared
        files.append({"path": _shown(path), "text": text, "parameters": params})
    script = TOOL / "lint.cjs"
    if not (TOOL / "node_modules").is_dir():
        raise RuntimeError(f"{TOOL}/node_modules is missing: run `make cypher-lint-deps` first")
    done = subprocess.run(
        ["node", str(script)],
        input=json.dumps(
            {"schema": schema(vocab, created_labels([*neo4j_files(), *paths])), "files": files}
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed: {done.stderr.strip()}")
    return [Finding(**finding) for finding in json.loads(done.stdout)]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or neo4j_files()
    findings = lint(paths)
    for finding in findings:
        print(finding)
    print(f"Neo4j 5 front end: {len(paths)} files, {len(findings)} findings", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
