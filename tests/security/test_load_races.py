"""Loads race each other and busy engines, and the graph in service is always a complete one.

- `smekg load` (a process of its own) and POST /api/reload started together at several offsets: the
  loser gets 409 or exit code 3, and a prober reading the live counts only ever sees a complete graph.
- Two loads of different data at once: the served graph is exactly one or the other, never a mix.
- A load on a busy engine serves exactly the mapped counts, or fails with nothing swapped.
- A staging graph whose counts differ from the mapping is never swapped in.
- The graph view, several reads carrying internal ids, never mixes two graphs during reloads."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from loaders.pipeline import prepare
from ontology.errors import LoadBusy, LoadMismatch, SmekgError
from tests.conftest import DATA_DIR
from tests.security.support import own_store, probing, serving

KEY = "race-key-0123456789"
SMEKG = str(Path(sys.executable).parent / "smekg")
PG, _ = prepare(DATA_DIR)
COMPLETE = (len(PG.nodes), len(PG.edges))
OFFSETS_S = (0.0, 0.6, 1.2, 1.8, 2.4)
BATCH = 2  # small batches: each load holds the lock for about a second, so the loaders overlap


@pytest.fixture(scope="module")
def race(tmp_path_factory):
    directory = tmp_path_factory.mktemp("race")
    store = own_store(directory, "race")
    with serving(store, api_key=KEY, graph_name="race", batch_size=BATCH) as url:
        yield store, url, directory
    store.close()


def _cli_load(directory: Path) -> subprocess.Popen[str]:
    env = dict(
        os.environ, SMEKG_STORE_DIR=str(directory), SMEKG_GRAPH="race", SMEKG_BATCH_SIZE=str(BATCH)
    )
    env.pop("NEO4J_URI", None)
    return subprocess.Popen(
        [SMEKG, "load"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _served(prober) -> set[tuple[int, int]]:
    return {
        (p.body["node_count"], p.body["edge_count"])
        for p in prober.probes
        if p.path == "/healthz" and p.status == 200
    }


@pytest.mark.parametrize("cli_first", [True, False])
def test_cli_and_api_loads_started_together(race, cli_first):
    store, url, directory = race
    outcomes = []
    with probing(url) as prober, httpx.Client(base_url=url, timeout=120) as client:
        for offset in OFFSETS_S:
            reload = lambda: client.post("/api/reload", headers={"X-API-Key": KEY})  # noqa: E731
            with ThreadPoolExecutor(1) as pool:
                if cli_first:
                    process = _cli_load(directory)
                    time.sleep(offset)
                    api = pool.submit(reload)
                else:
                    api = pool.submit(reload)
                    time.sleep(offset)
                    process = _cli_load(directory)
                _, stderr = process.communicate(timeout=300)
                response = api.result()
            outcomes.append((offset, response.status_code, process.returncode))
            assert response.status_code in (200, 409), response.text
            assert process.returncode in (0, 3), stderr
            if response.status_code == 409:
                assert "another load is running" in response.json()["detail"]
            if process.returncode == 3:
                assert "another load is running" in stderr
            assert response.status_code == 200 or process.returncode == 0
            counts = store.counts()
            assert (counts.nodes, counts.relationships) == COMPLETE
    assert all(p.status == 200 for p in prober.probes), prober.summary()
    assert _served(prober) == {COMPLETE}
    print(f"\nraces (offset s, API status, CLI exit): {outcomes}; prober: {prober.summary()}")


def test_a_held_load_lock_refuses_both_loaders(race):
    store, url, directory = race
    generation = store.generation()
    with store._lease(), httpx.Client(base_url=url, timeout=120) as client:
        response = client.post("/api/reload", headers={"X-API-Key": KEY})
        process = _cli_load(directory)
        _, stderr = process.communicate(timeout=300)
    assert response.status_code == 409 and "another load is running" in response.json()["detail"]
    assert process.returncode == 3 and "another load is running" in stderr
    assert store.generation() == generation


def test_two_loads_of_different_data_serve_one_or_the_other(race, tmp_path):
    store, url, _ = race
    smaller = tmp_path / "data"
    shutil.copytree(DATA_DIR, smaller)
    (smaller / "articles" / sorted(p.name for p in (smaller / "articles").iterdir())[-1]).unlink()
    small_pg, _ = prepare(smaller)
    expected = {COMPLETE, (len(small_pg.nodes), len(small_pg.edges))}
    other = FalkorDBStore(
        store.engine.store_dir, "race"
    )  # a second loader with its own connections
    results: list[str] = []

    def load(target: FalkorDBStore, data: Path) -> None:
        try:
            load_data(target, data)
            results.append("loaded")
        except LoadBusy:
            results.append("busy")

    with probing(url, pause_s=0.01) as prober:
        for _ in range(6):
            threads = [
                threading.Thread(target=load, args=(store, DATA_DIR)),
                threading.Thread(target=load, args=(other, smaller)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            counts = store.counts()
            assert (counts.nodes, counts.relationships) in expected
    other.close()
    load_data(store, DATA_DIR)
    assert _served(prober) <= expected and all(p.status == 200 for p in prober.probes)
    assert "busy" in results or results.count("loaded") == 12
    print(f"\nloads: {results.count('loaded')} loaded, {results.count('busy')} busy")


def test_a_load_on_a_busy_engine_serves_exact_counts_or_nothing(tmp_path):
    """The engine's threads and queue are kept busy with slow reads while the graph is reloaded."""
    data = tmp_path / "data"  # a small corpus: few statements, so a few waits each
    (data / "articles").mkdir(parents=True)
    shutil.copy(DATA_DIR / "entities.ttl", data)
    shutil.copy(DATA_DIR / "articles" / "001_b1e14967caded7a2.trig", data / "articles")
    small, _ = prepare(data)
    for max_queued in (256, 2):  # room to wait; almost none (writes may be refused)
        store = own_store(tmp_path / f"busy{max_queued}", max_queued=max_queued)
        before = store.counts(), store.generation()
        stop = threading.Event()

        def flood(reader: FalkorDBStore = store, stop: threading.Event = stop) -> None:
            while not stop.is_set():
                with contextlib.suppress(SmekgError):
                    reader.read("MATCH (a), (b), (c) RETURN count(*)", timeout_ms=500)

        threads = [threading.Thread(target=flood, daemon=True) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(0.3)
        try:
            load_data(store, data)
            outcome = "loaded"
        except SmekgError as exc:
            outcome = f"refused ({type(exc).__name__}: {exc})"
        stop.set()
        for thread in threads:
            thread.join()
        counts = store.counts()
        if outcome == "loaded":
            assert (counts.nodes, counts.relationships) == (len(small.nodes), len(small.edges))
            assert store.generation() != before[1]
        else:
            assert (counts, store.generation()) == before  # nothing swapped
        assert [g for g in store._list_graphs() if "__staging" in g] == []
        print(f"\nMAX_QUEUED_QUERIES={max_queued}: {outcome}")
        store.close()


def test_staged_counts_that_differ_from_the_mapping_are_never_swapped_in(scratch_store):
    load_data(scratch_store, DATA_DIR)
    before = scratch_store.counts(), scratch_store.generation()

    def short_build(writer) -> None:
        writer.run("UNWIND range(1, 5) AS i CREATE (:Entity {iri: 'x' + toString(i)})")

    with pytest.raises(LoadMismatch, match="5 entities"):
        scratch_store.replace_graph(short_build, expected_nodes=6, expected_relationships=0)
    assert (scratch_store.counts(), scratch_store.generation()) == before
    assert [g for g in scratch_store._list_graphs() if "__staging" in g] == []


def _labels_sorted(view: dict) -> dict:
    return {**view, "nodes": [{**n, "labels": sorted(n["labels"])} for n in view["nodes"]]}


def test_the_graph_view_never_mixes_two_graphs_during_reloads(race):
    store, url, _ = race
    params = {"center": "중소벤처기업부", "depth": 2, "limit": 300}
    stop = threading.Event()
    loads = []

    def reload_loop() -> None:
        while not stop.is_set():
            load_data(store, DATA_DIR)
            loads.append(1)

    with httpx.Client(base_url=url, timeout=60) as client:
        baseline = client.get("/api/graph", params=params).json()
        loader = threading.Thread(target=reload_loop)
        loader.start()
        try:
            answers = [client.get("/api/graph", params=params) for _ in range(60)]
        finally:
            stop.set()
            loader.join()
    assert len(loads) >= 3
    assert all(a.status_code == 200 for a in answers), [
        a.text for a in answers if a.status_code != 200
    ]
    # label order follows label creation in each load (not part of the answer's meaning)
    assert all(_labels_sorted(a.json()) == _labels_sorted(baseline) for a in answers)
    print(f"\n{len(answers)} graph views during {len(loads)} reloads, all identical")
