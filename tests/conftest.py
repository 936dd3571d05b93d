"""Fixtures: one real embedded FalkorDB server per test run, the seed graph and the tests' own small
graph (tests/fixtures/graph/) each loaded once; markers applied from the fixtures a test uses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from smekg.settings import REPO_ROOT
from tests.browser_support import build_app, chromium, live_server, require_browser

DATA_DIR = REPO_ROOT / "data"
FIXTURE_GRAPH = REPO_ROOT / "tests" / "fixtures" / "graph"
# A test that uses one of these fixtures gets the marker (markers are declared in pyproject.toml).
MARKED_BY_FIXTURE = {"browser": "browser", "fuzz_app": "slow", "neo4j_store": "neo4j"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, marker in MARKED_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("falkordb")


@pytest.fixture(scope="session")
def store(store_dir) -> FalkorDBStore:
    """The seed graph in a real embedded FalkorDB (graph 'seed'), shared by read-only tests."""
    seed_store = FalkorDBStore(store_dir, "seed")
    load_data(seed_store, DATA_DIR)
    yield seed_store
    seed_store.close()


@pytest.fixture(scope="session")
def small_store(store_dir) -> FalkorDBStore:
    """The tests' own small graph (tests/fixtures/graph/: 11 entities, 12 relationships, 2 articles),
    for tests of mechanism rather than of the seed articles' content."""
    graph = FalkorDBStore(store_dir, "small")
    load_data(graph, FIXTURE_GRAPH)
    yield graph
    graph.close()


@pytest.fixture()
def scratch_store(store_dir, request) -> FalkorDBStore:
    """A separate graph on the same server for tests that load their own data."""
    name = "scratch_" + request.node.name.replace("[", "_").replace("]", "").replace("-", "_")[:40]
    scratch = FalkorDBStore(store_dir, name)
    yield scratch
    scratch.drop_graph()
    scratch.close()


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ for tests that break a file."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory) -> dict[str, str]:
    env = dict(os.environ)
    env["SMEKG_STORE_DIR"] = str(tmp_path_factory.mktemp("cli-store"))
    env["SMEKG_GRAPH"] = "cli"
    env.pop("NEO4J_URI", None)
    return env


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, shared by one test module's pages."""
    require_browser()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def server(store) -> str:
    """A real uvicorn server over the seed graph, for one test module (override to serve another graph)."""
    with live_server(build_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server, timeout=60) as client:
        yield client
