"""Committing a review (issue 14) into a real embedded FalkorDB with issue 13's incremental add: the
accepted facts go in (and the rejected do not), a correction and a match answer land in the graph, the
text is kept for the source page; a reopened article is corrected and replaces its copy; a commit that
would not validate is refused beside the fact and changes nothing; an entity another commit added in the
meantime asks for a new reading first."""

from __future__ import annotations

import pytest

from graph.falkordb_store import FalkorDBStore
from ingest.review import ReviewCommitRefused, Workbench
from loaders import load_data
from queries import run_query
from services.texts import read_text
from tests.review_support import NEWS, OTHER_SEO, entity, fact, review_data


@pytest.fixture()
def setup(tmp_path, store_dir, request):
    data = review_data(tmp_path)
    graph = FalkorDBStore(store_dir, "review_" + request.node.name[:40])
    load_data(graph, data)
    bench = Workbench(tmp_path / "queue", data)
    yield bench, graph, data
    graph.drop_graph()
    graph.close()


def met(graph, person: str) -> set[str]:
    rows = run_query(graph, "who_met_whom", {"person": person}).rows
    return {row[1] for row in rows}


def version(graph) -> str:
    return str(graph.generation())


def test_a_reviewed_article_goes_into_the_graph(setup):
    bench, graph, data = setup
    item_id = bench.add(NEWS.read_bytes(), NEWS.name)["id"]
    v = bench.view(bench.get(item_id))
    nam = fact(v, "participatedIn", "남궁현")
    baek = fact(v, "holdsPost", "백승훈")
    bench.act(item_id, {"op": "reject", "facts": [nam["id"]]})
    bench.act(item_id, {"op": "edit", "fact": baek["id"], "title": "대표이사"})
    bench.act(
        item_id, {"op": "match", "mention": "서민재", "candidate": OTHER_SEO, "decision": "same"}
    )
    bench.act(item_id, {"op": "accept_above", "threshold": 0})
    done = bench.commit(item_id, graph)
    assert done["status"] == "committed" and done["committed"]["change"]["added"] == [item_id]
    baek_iri = baek["subject"]["iri"]
    # who met whom: the accepted co-attendance is there, the rejected one is not
    assert met(graph, baek_iri) >= {"고은채", "서민재"}
    assert "남궁현" not in met(graph, baek_iri)
    # the match answer: the graph's 서민재 now also took part in the forum
    assert "백승훈" in met(graph, OTHER_SEO) and "하윤서" in met(graph, OTHER_SEO)
    # the corrected title is the post held
    posts = graph.read(
        "MATCH (:Person {iri: $p})-[:HOLDS_POST]->(post:Post) RETURN post.name_ko", {"p": baek_iri}
    ).rows
    assert posts == [["에이비씨랩 대표이사"]]
    # data/: the article's TriG (only after the store took it) and its text for the source page
    trig = (data / "articles" / f"{item_id}.trig").read_text(encoding="utf-8")
    assert "대표이사" in trig and "reviewed in the review workbench" in trig
    text = read_text(data, item_id)
    assert text and text.startswith("부산서")
    for f in done["proposal"]["facts"]:
        for e in f["evidence"]:
            assert e["quote"] in text
    links = done["committed"]["links"]
    assert links["source"] == f"/source/{item_id}" and links["graph"].startswith(
        "https://smekg.org/id/event-"
    )
    assert {e["name"] for e in links["entities"]} >= {"백승훈", "고은채"}
    view = bench.view(done)
    assert all(f["committed"] == (f["decision"] == "accepted") for f in view["facts"])


def test_a_reopened_article_is_corrected_and_replaces_its_copy(setup):
    bench, graph, data = setup
    item_id = bench.add(NEWS.read_bytes(), NEWS.name)["id"]
    bench.act(item_id, {"op": "accept_above", "threshold": 0})
    first = bench.commit(item_id, graph)
    v = bench.view(first)
    go = fact(v, "participatedIn", "고은채")
    baek = fact(v, "participatedIn", "백승훈")["subject"]["iri"]
    assert "고은채" in met(graph, baek)
    bench.act(item_id, {"op": "reject", "facts": [go["id"]]})
    assert bench.get(item_id)["changed_since_commit"] is True
    again = bench.commit(item_id, graph)
    assert again["committed"]["change"]["replaced"] == [item_id]
    assert "고은채" not in met(graph, baek) and "서민재" in met(graph, baek)
    assert again["changed_since_commit"] is False
    files = sorted(p.name for p in (data / "articles").glob(f"{item_id}*"))
    assert files == [f"{item_id}.trig"]


def test_a_commit_that_would_not_validate_changes_nothing_and_names_the_fact(setup):
    bench, graph, data = setup
    item_id = bench.add(NEWS.read_bytes(), NEWS.name)["id"]
    with pytest.raises(ReviewCommitRefused, match="accept at least one fact"):
        bench.commit(item_id, graph)
    v = bench.view(bench.get(item_id))
    go = fact(v, "participatedIn", "고은채")
    bench.act(item_id, {"op": "edit", "fact": go["id"], "role": "moderator"})
    bench.act(item_id, {"op": "accept_above", "threshold": 0})
    before, counts = version(graph), graph.counts()
    with pytest.raises(ReviewCommitRefused) as refused:
        bench.commit(item_id, graph)
    (problem,) = [p for p in refused.value.problems if go["id"] in p["facts"]]
    assert "participation role" in problem["message"]
    assert version(graph) == before and graph.counts() == counts
    assert not (data / "articles" / f"{item_id}.trig").exists()
    assert read_text(data, item_id) is None
    view = bench.view(bench.get(item_id))
    assert view["status"] == "open"
    assert any(
        "participation role" in p for p in fact(view, "participatedIn", "고은채")["problems"]
    )
    # fixed: the commit goes through and the problems are gone
    bench.act(item_id, {"op": "edit", "fact": go["id"], "role": "host"})
    done = bench.commit(item_id, graph)
    assert done["problems"] == [] and bench.view(done)["problems"] == []


def test_an_entity_another_commit_added_meanwhile_asks_for_a_new_reading(setup):
    bench, graph, _data = setup
    first = bench.add(NEWS.read_bytes(), NEWS.name)["id"]
    second = bench.add(NEWS.read_bytes() + b"\n", "news_again.txt")["id"]
    for item_id in (first, second):
        bench.act(item_id, {"op": "accept_above", "threshold": 0})
    bench.commit(first, graph)
    before = version(graph)
    with pytest.raises(ReviewCommitRefused) as refused:
        bench.commit(second, graph)
    assert any("read the article again" in p["message"] for p in refused.value.problems)
    assert version(graph) == before
    bench.act(second, {"op": "rerun"})
    v = bench.view(bench.get(second))
    assert entity(v, "고은채")["status"] == "linked"
    assert bench.commit(second, graph)["status"] == "committed"
