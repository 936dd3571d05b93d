"""The import contracts in pyproject.toml hold, and an import that breaks the layers is caught.

Each wrong import is added to a copy of the source tree, never to the tree itself; the linter runs in
a separate process on that copy, exactly as `make imports` runs it on the real tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from smekg.settings import REPO_ROOT

CONFIG = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = CONFIG["tool"]["importlinter"]["root_packages"]
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """The packages and pyproject.toml, copied."""
    target = tmp_path_factory.mktemp("tree")
    shutil.copy(REPO_ROOT / "pyproject.toml", target)
    for package in PACKAGES:
        shutil.copytree(
            REPO_ROOT / package, target / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return target


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [sys.executable, "-c", LINT], cwd=tree, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture()
def added(tree) -> Iterator[dict[str, str]]:
    """Modules to add to the copy (path -> source), removed again after the test."""
    files: dict[str, str] = {}
    yield files
    for path in files:
        (tree / path).unlink(missing_ok=True)


def add(tree: Path, added: dict[str, str], path: str, source: str) -> None:
    added[path] = source
    (tree / path).write_text(source, encoding="utf-8")


def test_the_copied_tree_keeps_every_contract(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_store_module_importing_the_query_library_breaks_the_layers(tree, added):
    add(tree, added, "graph/leak.py", "from queries.library import run_query\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "graph is not allowed to import queries" in result.stdout
    assert "graph.leak -> queries.library" in result.stdout


def test_the_loader_importing_a_store_adapter_breaks_the_layers(tree, added):
    add(tree, added, "loaders/leak.py", "import graph.falkordb_store\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "loaders is not allowed to import graph" in result.stdout


def test_a_service_reading_the_settings_is_caught(tree, added):
    add(tree, added, "services/leak.py", "from smekg.settings import Settings\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "services is not allowed to import smekg" in result.stdout


def test_a_cycle_between_two_modules_of_a_package_is_caught(tree, added):
    add(tree, added, "loaders/first.py", "import loaders.second\n")
    add(tree, added, "loaders/second.py", "import loaders.first\n")
    result = lint(tree)
    assert result.returncode == 1
    assert "No cycles are allowed in loaders" in result.stdout
