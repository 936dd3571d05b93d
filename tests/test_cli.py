"""The `smekg` command as a user runs it: load, then ask who met whom in a separate process."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SMEKG = str(Path(sys.executable).parent / "smekg")


def _run(env, *args, check=True):
    result = subprocess.run([SMEKG, *args], env=env, capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def loaded(cli_env):
    _run(cli_env, "load")
    return cli_env


def test_load_then_who_met_whom_in_a_new_process(loaded):
    result = _run(loaded, "who-met-whom", "박영선")
    assert "이병헌" in result.stdout and "2020-07-02" in result.stdout
    assert "002_f72b6778ec84ef75" in result.stdout
    assert "유근일" not in result.stdout


def test_stats_reports_labels_and_relationship_types(loaded):
    result = _run(loaded, "stats")
    assert "Person" in result.stdout and "PARTICIPATED_IN" in result.stdout


def test_query_refuses_writes_and_answers_reads(loaded):
    refused = _run(loaded, "query", "CREATE (n:X) RETURN n", check=False)
    assert refused.returncode != 0 and "read-only" in refused.stderr
    answer = _run(
        loaded,
        "query",
        "MATCH (n:Person {name_ko: $name}) RETURN n.name_en AS en",
        "--param",
        "name=오영주",
        "--json",
    )
    assert json.loads(answer.stdout)["rows"]


def test_export_json_to_stdout(loaded):
    data = json.loads(_run(loaded, "export", "--format", "json").stdout)
    assert data["nodes"] and data["edges"]


def test_unknown_person_is_a_clear_error(loaded):
    result = _run(loaded, "who-met-whom", "없는사람", check=False)
    assert result.returncode == 1 and "no Person entity matches" in result.stderr
