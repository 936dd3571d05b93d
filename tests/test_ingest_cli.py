"""`smekg ingest` / `smekg eval` as a user runs them: bad input is a clear message and a non-zero exit with
nothing written; JSON output in the export shape; the evaluation meets the issue's targets on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smekg.cli_ingest import app
from smekg.settings import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
runner = CliRunner()


def ingest(*args):
    return runner.invoke(app, ["ingest", *map(str, args)])


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(200)), "binary"),
        (
            "english.html",
            b"<html><body><h1>SME policy forum held in Seoul</h1><p>The ministry held a forum on "
            b"Tuesday with 40 participants. Minister Kim said innovation matters.</p></body></html>",
            "not a Korean article",
        ),
        (
            "undated.txt",
            "중기부, 벤처 투자 활성화 간담회 개최\n\n중소벤처기업부는 4일 서울에서 벤처 투자 활성화 간담회를 개최했다. "
            "하윤재 한빛로보틱스 대표 등 기업인 10여 명이 참석해 의견을 나눴다.\n".encode(),
            "no publication date",
        ),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out"
    result = ingest(path, "--out", out)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_missing_date_can_be_given(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(
        "중기부, 벤처 투자 활성화 간담회 개최\n\n중소벤처기업부는 4일 서울 코엑스에서 벤처 투자 활성화 간담회를 "
        "개최했다. 하윤재 한빛로보틱스 대표 등 기업인 10여 명이 참석해 의견을 나눴다.\n",
        encoding="utf-8",
    )
    result = ingest(path, "--out", tmp_path / "out", "--date", "2024-03-05")
    assert result.exit_code == 0, result.output
    trig = (tmp_path / "out" / "undated.trig").read_text(encoding="utf-8")
    assert '"2024-03-04"^^xsd:date' in trig and "하윤재" in trig
    assert (tmp_path / "out" / "undated.review.md").exists()


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = ingest(FIXTURES / "news_caption.txt", empty, "--out", tmp_path / "out")
    assert result.exit_code == 1 and "empty" in result.output
    assert (tmp_path / "out" / "news_caption.trig").exists()


def test_json_output_has_the_export_shape_with_existing_entities():
    result = ingest(FIXTURES / "meeting_contacts.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)
    nodes = {n["iri"]: n for n in graph["nodes"]}
    assert (
        nodes["https://smekg.org/id/org-mss"]["name_ko"] == "중소벤처기업부"
    )  # existing entity it mentions
    person = next(n for n in graph["nodes"] if n["name_ko"] == "하준영")
    assert {"iri", "labels", "name_ko", "name_en", "aliases"} <= set(person) and "Person" in person[
        "labels"
    ]
    event = next(
        n for n in graph["nodes"] if "Event" in n["labels"] and "Session" not in n["labels"]
    )
    assert event["start_date"] == "2023-11-07"
    edge = next(
        e for e in graph["edges"] if e["type"] == "PARTICIPATED_IN" and e["source"] == person["iri"]
    )
    assert (
        edge["sources"] == ["meeting_contacts"] and edge["evidence"] and 0 < edge["confidence"] <= 1
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_eval_meets_the_targets_on_the_seeds(tmp_path):
    out = tmp_path / "eval.json"
    result = runner.invoke(app, ["eval", "--seeds", str(SEEDS), "--out", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    totals = json.loads(out.read_text(encoding="utf-8"))["totals"]
    assert totals["person"]["recall"] >= 0.95 and totals["person"]["precision"] >= 0.90
    assert totals["person-org-title"]["f1"] >= 0.85
    assert totals["participation"]["f1"] >= 0.85
    assert totals["agreement"]["recall"] == 1.0 and totals["agreement-party"]["recall"] >= 0.9
    assert totals["amount"]["recall"] == 1.0 and totals["amount"]["precision"] == 1.0


def test_service_for_the_api_returns_report_rdf_and_graph():
    from ingest.service import ingest_text

    text = (FIXTURES / "news_caption.txt").read_bytes()
    outcome = ingest_text(text, "upload.txt", REPO_ROOT / "data")
    body = outcome.as_dict()
    (article,) = body["articles"]
    assert article["article"] == "upload" and article["rdf"].lstrip().startswith("#")
    assert "## People" in article["report"] and body["graph"]["edges"] and body["errors"] == []
    bad = ingest_text(b"", "empty.txt", REPO_ROOT / "data").as_dict()
    assert bad["articles"] == [] and "empty" in bad["errors"][0]["message"]


def _gold_corpus(tmp_path: Path) -> Path:
    """A two-article corpus in the development corpus's gold format, about the invented test articles."""
    for name in ("visit_and_meetings.txt", "regional_mou_names.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    v, r = "visit_and_meetings.txt", "regional_mou_names.txt"
    gold = {
        "articles": [
            {"file": v, "entity_ids": ["p1", "p2", "p3", "o1", "e1"]},
            {"file": r, "entity_ids": ["p4", "o2", "o3", "a1"]},
        ],
        "entities": [
            {"id": "p1", "type": "Person", "name_ko": "남궁도윤"},
            {"id": "p2", "type": "Person", "name_ko": "배서연"},
            {"id": "p3", "type": "Person", "name_ko": "가상인물"},  # never named: a miss
            {"id": "o1", "type": "GovernmentBody", "name_ko": "산업통상자원부"},
            {"id": "e1", "type": "Event", "name_ko": "누리에너지 오창공장 방문"},
            {"id": "p4", "type": "Person", "name_ko": "윤태호"},
            {"id": "o2", "type": "GovernmentBody", "name_ko": "경상북도", "aliases": ["경북도"]},
            {"id": "o3", "type": "Company", "name_ko": "한빛랩"},
            {"id": "a1", "type": "Agreement", "name_ko": "청년 창업 협약"},
        ],
        "facts": [
            {
                "subject": "p1",
                "predicate": "holdsPosition",
                "object": "o1",
                "object_kind": "entity",
                "qualifiers": {"title_ko": "장관"},
                "source": v,
                "evidence": "남궁도윤 장관이",
            },
            {
                "subject": "e1",
                "predicate": "heldOn",
                "object": "2024-06-10",
                "object_kind": "date",
                "source": v,
                "evidence": "10일 남궁도윤 장관이",
            },
            {
                "subject": "p1",
                "predicate": "attended",
                "object": "e1",
                "object_kind": "entity",
                "source": v,
                "evidence": "남궁도윤 장관이",
            },
            {
                "subject": "p2",
                "predicate": "attended",
                "object": "e1",
                "object_kind": "entity",
                "source": v,
                "evidence": "배서연 중소벤처기업부 차관",
            },
            {
                "subject": "p3",
                "predicate": "attended",
                "object": "e1",
                "object_kind": "entity",
                "source": v,
                "evidence": "탁민호 한국배터리산업협회장",
            },
            {
                "subject": "o2",
                "predicate": "partyTo",
                "object": "a1",
                "object_kind": "entity",
                "source": r,
                "evidence": "경상북도와 한빛랩은",
            },
            {
                "subject": "o3",
                "predicate": "partyTo",
                "object": "a1",
                "object_kind": "entity",
                "source": r,
                "evidence": "경상북도와 한빛랩은",
            },
            {
                "subject": "a1",
                "predicate": "heldOn",
                "object": "2022-09-14",
                "object_kind": "date",
                "source": r,
                "evidence": "14일 경북도청에서",
            },
        ],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_eval_gold_scores_any_corpus_in_the_gold_format(tmp_path):
    gold = _gold_corpus(tmp_path)
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == ["regional_mou_names", "visit_and_meetings"]
    person = report["kinds"]["person"]
    assert person["recall"] == round(3 / 4, 3)  # 가상인물 is never named
    (miss,) = person["misses"]
    assert miss["what"] == "가상인물" and "탁민호" in miss["sentence"]  # the sentence of its fact
    assert report["kinds"]["agreement"]["recall"] == 1.0
    assert report["kinds"]["event"]["recall"] == 1.0
    assert report["reference"]["pairs"]["gold"] == 3
    text = " ".join(result.output.split())
    assert "person: precision" in text and "score.py: persons R=0.75" in text


def test_eval_takes_articles_only_with_gold(tmp_path):
    result = runner.invoke(app, ["eval", str(FIXTURES / "visit_and_meetings.txt")])
    assert result.exit_code == 1 and "--gold" in result.output


def test_ingest_reads_a_folder_as_one_batch(tmp_path):
    for name in ("visit_and_meetings.txt", "regional_mou_names.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    result = ingest(tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)
    sources = {s for n in graph["nodes"] for s in n.get("sources", [])}
    assert {"visit_and_meetings", "regional_mou_names"} <= sources
