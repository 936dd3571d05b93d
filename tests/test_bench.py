"""The synthetic generator is deterministic and valid; the harness runs on a tiny size (no timings asserted)."""

from __future__ import annotations

import json

import pytest

from bench import harness
from bench.__main__ import main as bench_main
from bench.generate import generate
from loaders.pipeline import prepare


def _read(d):
    return {
        p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()
    }


def test_generator_is_deterministic(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert generate(a, 300, seed=7) == generate(b, 300, seed=7)
    assert _read(a) == _read(b)
    generate(c, 300, seed=8)
    assert _read(a) != _read(c)


def test_generated_data_passes_validation_and_reaches_the_size(tmp_path):
    summary = generate(tmp_path, 400, seed=1)
    pg, files = prepare(tmp_path)
    assert len(pg.edges) >= 400 and summary["relationships"] >= 400
    assert len(files) == summary["articles"] + 1
    types = {e.type for e in pg.edges}
    assert {
        "PARTICIPATED_IN",
        "HOLDS_POST",
        "POST_IN",
        "HELD_AT",
        "ORGANIZED_BY",
        "PUBLISHER",
    } <= types
    assert all(e.props.get("evidence") for e in pg.edges)  # every relationship carries a quote


def test_stats():
    s = harness.stats([3.0, 1.0, 2.0, 10.0])
    assert s["n"] == 4 and s["p50"] == 2.5 and s["p95"] == 10.0


@pytest.mark.slow
def test_harness_on_a_tiny_size(tmp_path, monkeypatch):
    import bench.__main__ as entry

    monkeypatch.setattr(entry, "WORK", tmp_path / "work")
    out = tmp_path / "r.json"
    bench_main(
        [
            "run",
            "--sizes",
            "200",
            "--repeats",
            "1",
            "--load-repeats",
            "1",
            "--shacl-repeats",
            "1",
            "--query-repeats",
            "2",
            "--requests",
            "20",
            "--max-seconds",
            "5",
            "--clients",
            "4",
            "--analytics",
            "--out",
            str(out),
        ]
    )
    result = json.loads(out.read_text())
    size = result["sizes"]["200"]
    assert set(size["load"]) == {"loader", "create", "create-pipelined"}
    assert size["load"]["loader"]["edges"] == size["load"]["create"]["edges"]
    loader = size["load"]["loader"]
    assert {"parsing", "indexing", "checking", "shapes", "mapping"} <= set(loader["steps"])
    assert loader["ratio_to_create"] > 0
    assert set(size["shacl"]) == {
        "project (loaders.shacl)",
        "pyshacl (materialised types, no inference)",
    }
    assert "who_met_whom" in size["queries"] and "store" in size["queries"]["who_met_whom"]
    hub_load = size["load_test"]["hub (repeated, cached)"]
    assert hub_load["requests"] > 0 and hub_load["errors"] == 0
    assert "brokers" in size["analytics"]
    assert "### Load" in entry.report(result)
