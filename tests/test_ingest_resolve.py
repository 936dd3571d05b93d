"""Step 5: entity resolution against the graph — aliases, name + organisation + title context, a misspelt name
flagged for review (never merged silently), review decisions replayed — and no duplicates when a seed article
is ingested into the loaded graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.decisions import Decisions, load_decisions
from ingest.gazetteer import from_files, from_store
from ingest.pipeline import analyse, base_files
from ingest.resolve import Resolver
from ingest.service import ingest_paths
from loaders import load_data
from queries import run_query
from services.articles import add_files
from smekg.settings import REPO_ROOT

DATA = REPO_ROOT / "data"
SEED_002 = REPO_ROOT.parent / "shared" / "seeds" / "002_f72b6778ec84ef75.txt"
KIBO_HEAD = "https://smekg.org/id/person-jung-yoon-mo"


@pytest.fixture(scope="module")
def index():
    return from_files(base_files(DATA, set()))


def article(tmp_path: Path, body: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(
        "기술보증기금, 벤처 보증 지원 간담회 개최 소식\n입력 2021.06.10 10:00\n" + body + "\n",
        encoding="utf-8",
    )
    return path


def run(path: Path, index, decisions: Decisions | None = None):
    return analyse(path, index, Resolver(index, decisions or Decisions())).extraction


def test_exact_name_with_the_same_organisation_resolves_to_the_known_person(tmp_path, index):
    ex = run(
        article(tmp_path, "정윤모 기술보증기금 이사장은 9일 서울에서 열린 간담회에 참석했다."),
        index,
    )
    assert ex.people["정윤모"].iri == KIBO_HEAD
    assert any(m.applied and m.candidate_iri == KIBO_HEAD for m in ex.merges)
    org = ex.orgs[ex.people["정윤모"].holdings[0].org]
    assert org.iri == "https://smekg.org/id/org-kibo"
    assert ex.people["정윤모"].holdings[0].post_iri == "https://smekg.org/id/post-kibo-chairman"


def test_misspelt_name_with_same_post_is_flagged_not_merged(tmp_path, index):
    ex = run(
        article(tmp_path, "정윤무 기술보증기금 이사장은 9일 서울에서 열린 간담회에 참석했다."),
        index,
    )
    person = ex.people["정윤무"]
    assert person.iri != KIBO_HEAD and person.iri.startswith("https://smekg.org/id/person-")
    (flag,) = [m for m in ex.merges if m.candidate_iri == KIBO_HEAD]
    assert not flag.applied and 0.5 <= flag.confidence < 0.85 and "one syllable" in flag.reason


def test_review_decisions_are_replayed(tmp_path, index):
    path = article(tmp_path, "정윤무 기술보증기금 이사장은 9일 서울에서 열린 간담회에 참석했다.")
    same = Decisions(
        [
            {
                "kind": "person",
                "mention": "정윤무",
                "candidate": KIBO_HEAD,
                "decision": "same",
                "note": "",
            }
        ]
    )
    ex = run(path, index, same)
    assert ex.people["정윤무"].iri == KIBO_HEAD and ex.people["정윤무"].variants == ["정윤무"]
    not_same = Decisions(
        [
            {
                "kind": "person",
                "mention": "정윤무",
                "candidate": KIBO_HEAD,
                "decision": "not-same",
                "note": "",
            }
        ]
    )
    ex = run(path, index, not_same)
    assert ex.people["정윤무"].iri != KIBO_HEAD and not [
        m for m in ex.merges if m.candidate_iri == KIBO_HEAD
    ]


def test_same_name_at_another_organisation_is_a_candidate_only(tmp_path, index):
    ex = run(
        article(tmp_path, "김현준 한빛전자 부사장은 9일 서울에서 열린 간담회에 참석했다."), index
    )
    person = ex.people["김현준"]
    assert person.iri != "https://smekg.org/id/person-kim-hyun-jun"
    assert any(
        m.candidate_iri == "https://smekg.org/id/person-kim-hyun-jun" and not m.applied
        for m in ex.merges
    )


def test_decisions_file_in_the_repository_is_valid():
    decisions = load_decisions(DATA / "review" / "decisions.csv")
    assert decisions.rows and {r["decision"] for r in decisions.rows} <= {"same", "not-same"}


def test_bad_decisions_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "decisions.csv"
    bad.write_text(
        "kind,mention,candidate,decision,note\nperson,가나다,https://x,maybe,\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="same or not-same"):
        load_decisions(bad)


@pytest.mark.skipif(not SEED_002.exists(), reason="seed articles not available")
def test_ingesting_a_seed_into_the_loaded_graph_creates_no_duplicates(
    store, scratch_store, data_copy, tmp_path
):
    before = dict(run_query(store, "label_counts").rows)
    load_data(scratch_store, data_copy)
    outcome = ingest_paths([SEED_002], data_copy, tmp_path / "out", index=from_store(store))
    assert outcome.ok, outcome.errors
    trig = [w for r in outcome.results for w in r.written if w.suffix == ".trig"]
    add_files(scratch_store, data_copy, trig)  # as `smekg ingest --load` does
    assert (
        outcome.reports[SEED_002.stem].split("## New entities", 1)[1].strip().startswith("_none_")
    )
    after = dict(run_query(scratch_store, "label_counts").rows)
    for label in ("Person", "Organization", "Event", "Post", "Place", "Statement", "Agreement"):
        assert after.get(label, 0) <= before.get(label, 0), (
            label
        )  # the re-extracted article replaced the curated one
    assert after["Person"] == before["Person"]
    old = {row[0] for row in store.read("MATCH (n:Entity) RETURN n.iri").rows}
    new = {row[0] for row in scratch_store.read("MATCH (n:Entity) RETURN n.iri").rows}
    assert new <= old
    people = scratch_store.read("MATCH (p:Person {name_ko: '박영선'}) RETURN p.iri").rows
    assert people == [["https://smekg.org/id/person-park-young-sun"]]


def test_a_person_of_a_company_and_of_its_unit_in_two_articles_is_one(tmp_path):
    """'모세린 다온전자 상무' in one article, '다온전자 기술연구소 모세린 소장' in the next: the unit's parent is
    the same employer, so the batch has one person (no split in two)."""
    first, second = tmp_path / "a1.txt", tmp_path / "a2.txt"
    first.write_text(
        "SOURCE: https://news.example.org/a\nDATE: 2024-05-08\n\n중기부 창업 간담회 개최 소식 전해\n\n"
        "중소벤처기업부는 7일 서울 나래호텔에서 창업 간담회를 열었다. 간담회에는 모세린 다온전자 상무와 "
        "하도윤 다온전자 기술연구소장이 참석했다.\n",
        encoding="utf-8",
    )
    second.write_text(
        "SOURCE: https://news.example.org/b\nDATE: 2024-06-08\n\n중기부 벤처 간담회 개최 소식 전해\n\n"
        "중소벤처기업부는 7일 부산 다온호텔에서 벤처 간담회를 열었다. 간담회에는 다온전자 기술연구소 "
        "모세린 소장과 다온협회 윤서아 회장이 참석했다.\n",
        encoding="utf-8",
    )
    outcome = ingest_paths([first, second], DATA, tmp_path / "out")
    assert outcome.ok, outcome.errors
    iris = {r.extraction.people["모세린"].iri for r in outcome.results}
    assert len(iris) == 1
