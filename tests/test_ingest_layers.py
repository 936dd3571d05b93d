"""The ingest package's place in the layers: no module under ingest/ imports the CLI/settings package
(smekg), the API or the viewer — settings and paths come in as arguments — and its modules import each other
without a cycle (imports inside functions included)."""

from __future__ import annotations

import ast
from pathlib import Path

from smekg.settings import REPO_ROOT

INGEST = REPO_ROOT / "ingest"
FORBIDDEN = ("smekg", "api", "viz")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def _modules() -> dict[str, set[str]]:
    return {p.stem: _imports(p) for p in INGEST.glob("*.py")}


def test_no_ingest_module_imports_the_cli_the_api_or_the_viewer():
    bad = {
        name: sorted(i for i in imports if i.split(".")[0] in FORBIDDEN)
        for name, imports in _modules().items()
    }
    assert {k: v for k, v in bad.items() if v} == {}


def test_no_import_cycle_inside_ingest():
    graph = {
        name: {i.split(".")[1] for i in imports if i.startswith("ingest.")}
        for name, imports in _modules().items()
    }
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, path: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle.extend([*path, node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*path, node]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if state.get(name) is None and visit(name, []):
            break
    assert cycle == []


def test_the_ingest_cli_lives_in_the_cli_layer():
    assert not (INGEST / "cli.py").exists()
    assert (REPO_ROOT / "smekg" / "cli_ingest.py").is_file()
