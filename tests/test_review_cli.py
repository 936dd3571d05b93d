"""`smekg ingest DIR --queue` and `smekg review list|show|accept|reject|match|undo|commit|drop` as a user
runs them for batch work (issue 14), over a copy of data/ loaded into a real embedded FalkorDB: bad files
are named and not queued, decisions by fact id (or prefix), a match answer in decisions.csv, commit through
the incremental add, and the result in who-met-whom."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from typer.testing import CliRunner

from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from smekg.cli import app
from tests.review_support import ARTICLES, NEWS, OTHER_SEO, fact, review_data

runner = CliRunner()


@pytest.fixture(scope="module")
def env(tmp_path_factory, store_dir):
    root = tmp_path_factory.mktemp("review-cli")
    data = review_data(root)
    graph = FalkorDBStore(store_dir, "review_cli")
    load_data(graph, data)
    inbox = root / "in"
    inbox.mkdir()
    shutil.copy(NEWS, inbox)
    shutil.copy(ARTICLES / "visit_and_meetings.txt", inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "english.txt").write_text("The minister visited a plant on Monday. " * 40)
    variables = {
        "SMEKG_DATA_DIR": str(data),
        "SMEKG_STORE_DIR": str(store_dir),
        "SMEKG_GRAPH": "review_cli",
        "SMEKG_REVIEW_QUEUE": str(root / "queue"),
        "SMEKG_REVIEW_DECISIONS": "",
        "NEO4J_URI": "",
    }
    yield variables, inbox, data
    graph.drop_graph()
    graph.close()


def smekg(env, *args, code=0):
    result = runner.invoke(app, list(map(str, args)), env=env[0])
    assert result.exit_code == code, (args, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def view(env, item_id):
    return json.loads(smekg(env, "review", "show", item_id, "--format", "json").stdout)


def test_ingest_queue_names_the_bad_files_and_queues_the_good(env):
    smekg(env, "review", "list")  # an empty queue says how to fill it
    assert "ingest FILES --queue" in smekg(env, "review", "list").stdout
    refused = smekg(env, "ingest", env[1], "--queue", "--load", code=1)
    assert "no --load" in refused.output
    result = smekg(env, "ingest", env[1], "--queue", code=1)  # the bad files fail the run
    assert "empty.txt is empty" in result.output
    assert "english.txt: this is not a Korean article" in result.output
    assert "news_caption" in result.stdout and "visit_and_meetings" in result.stdout
    items = json.loads(smekg(env, "review", "list", "--format", "json").stdout)
    assert sorted(i["id"] for i in items) == ["news_caption", "visit_and_meetings"]
    assert all(i["status"] == "open" and i["counts"]["undecided"] > 0 for i in items)
    table = smekg(env, "review", "list").stdout
    assert "news_caption" in table and "open" in table


def test_decide_by_fact_id_answer_a_match_commit_and_find_it(env):
    v = view(env, "news_caption")
    nam = fact(v, "participatedIn", "남궁현")
    shown = smekg(env, "review", "show", "news_caption").stdout
    assert nam["id"] in shown and "남궁현" in shown
    assert f"smekg review match news_caption 서민재 {OTHER_SEO} same|not-same" in shown
    assert "f" in smekg(env, "review", "reject", "news_caption", "f", code=1).output  # ambiguous
    smekg(env, "review", "reject", "news_caption", nam["id"][:8])
    smekg(env, "review", "match", "news_caption", "서민재", OTHER_SEO, "maybe", code=1)
    smekg(env, "review", "match", "news_caption", "서민재", OTHER_SEO, "same")
    smekg(env, "review", "accept", "news_caption", "--above", "0.9")
    assert "took back: Accepted" in smekg(env, "review", "undo", "news_caption").stdout
    smekg(env, "review", "accept", "news_caption", code=1)  # neither ids nor --above
    accepted = smekg(env, "review", "accept", "news_caption", "--above", "0").stdout
    assert "1 rejected, 0 undecided" in accepted
    v = view(env, "news_caption")
    assert fact(v, "participatedIn", "남궁현")["decision"] == "rejected"

    done = smekg(env, "review", "commit", "news_caption", "nothing-here", code=1)
    assert "news_caption: added" in done.stdout and "no article 'nothing-here'" in done.output
    met = smekg(env, "who-met-whom", "백승훈").stdout
    assert "고은채" in met and "서민재" in met and "남궁현" not in met
    rows = list(
        csv.DictReader(
            line
            for line in (env[2] / "review" / "decisions.csv").open(encoding="utf-8")
            if not line.startswith("#")
        )
    )
    assert (rows[-1]["mention"], rows[-1]["candidate"], rows[-1]["decision"]) == (
        "서민재",
        OTHER_SEO,
        "same",
    )
    assert (env[2] / "articles" / "news_caption.trig").exists()
    items = json.loads(smekg(env, "review", "list", "--format", "json").stdout)
    assert [i["status"] for i in items if i["id"] == "news_caption"] == ["committed"]


def test_a_refused_commit_names_the_fact_and_drop_empties_the_queue(env):
    refused = smekg(env, "review", "commit", "visit_and_meetings", code=1)
    assert "accept at least one fact" in refused.output
    smekg(env, "review", "drop", "visit_and_meetings")
    smekg(env, "review", "drop", "visit_and_meetings", code=1)
    items = json.loads(smekg(env, "review", "list", "--format", "json").stdout)
    assert [i["id"] for i in items] == ["news_caption"]
