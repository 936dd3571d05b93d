"""A `smekg add` process killed with SIGKILL at any point leaves the graph as before or as after the
change, never between; data/ follows the graph once the next change (or load) has recovered."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from services.articles import exclusive, recover
from smekg.settings import REPO_ROOT
from tests.articles_support import exported, folder_state, raw_state
from tests.conftest import DATA_DIR

ARTICLE = "004_da2b47640338fa7f"
RANDOM_KILLS = 6


@pytest.fixture(scope="module")
def setting(store_dir, tmp_path_factory):
    """A graph of the seeds without one article, and the exports before and after adding it."""
    root = tmp_path_factory.mktemp("crash")
    data_dir = root / "data"
    shutil.copytree(DATA_DIR, data_dir)
    shutil.rmtree(data_dir / ".incremental", ignore_errors=True)
    article = root / f"{ARTICLE}.trig"
    shutil.move(data_dir / "articles" / f"{ARTICLE}.trig", article)
    store = FalkorDBStore(store_dir, "incr_crash")
    reference = FalkorDBStore(store_dir, "incr_crash_after")
    load_data(reference, DATA_DIR)
    after = exported(reference), raw_state(reference)
    load_data(store, data_dir)
    before = exported(store), raw_state(store)
    yield store, data_dir, article, before, after
    for graph in (store, reference):
        graph.drop_graph()
        graph.close()


def _add_process(store_dir: Path, data_dir: Path, article: Path, **env: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "SMEKG_STORE_DIR": str(store_dir),
        "SMEKG_GRAPH": "incr_crash",
        "SMEKG_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(REPO_ROOT),
        **env,
    }
    environment.pop("NEO4J_URI", None)
    return subprocess.Popen(
        [sys.executable, "-c", "from smekg.cli import app; app()", "add", str(article)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _check_and_reset(store, data_dir: Path, before, after) -> str:
    """The graph is whole (before or after); after recovery data/ holds exactly what it holds."""
    state = exported(store), raw_state(store)
    assert state in (before, after), "the graph is neither as before nor as after the change"
    outcome = "after" if state == after else "before"
    with exclusive(data_dir):
        recover(store, data_dir)
    assert not (data_dir / ".incremental" / "op").exists()
    assert (f"{ARTICLE}.trig" in folder_state(data_dir)) == (outcome == "after")
    if outcome == "after":  # back to the state before, for the next run
        (data_dir / "articles" / f"{ARTICLE}.trig").unlink()
        load_data(store, data_dir)
    assert (exported(store), raw_state(store)) == before
    return outcome


@pytest.mark.parametrize(
    ("step", "expected"),
    [("staged", "before"), ("journal", "before"), ("applied", "after"), ("finished", "after")],
)
def test_a_kill_at_each_step_leaves_before_or_after(setting, store_dir, step, expected):
    store, data_dir, article, before, after = setting
    process = _add_process(store_dir, data_dir, article, SMEKG_CRASH_AT=step)
    assert process.wait(timeout=120) == -signal.SIGKILL
    assert _check_and_reset(store, data_dir, before, after) == expected


def test_kills_at_random_moments_leave_before_or_after(setting, store_dir):
    store, data_dir, article, before, after = setting
    started = time.perf_counter()
    process = _add_process(store_dir, data_dir, article)
    assert process.wait(timeout=120) == 0
    duration = time.perf_counter() - started
    assert _check_and_reset(store, data_dir, before, after) == "after"
    rng = random.Random(13)
    outcomes = []
    for _ in range(RANDOM_KILLS):
        process = _add_process(store_dir, data_dir, article)
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=120)
        outcomes.append(_check_and_reset(store, data_dir, before, after))
    print(f"add took {duration:.2f} s; killed at random: {outcomes}")
