"""The review workbench without a browser (issue 14): articles in (and bad input refused, nothing
queued), what a proposal holds (text, mentions by kind, facts with their evidence located, resolution),
every decision saved as it is made and undone, match answers written to the decisions file and
replayed, accepted facts written as curated TriG that validates, and problems mapped to their facts."""

from __future__ import annotations

import csv
import json

import pytest

from ingest.decisions import load_decisions, record_decision, restore_decision
from ingest.review import ReviewActionError, ReviewInputError, Workbench
from ingest.review_queue import ItemNotFound
from ingest.review_state import effective_facts
from ingest.review_text import locate, squashed
from ingest.review_trig import build_dataset, problems_for, trig_text, validate
from ingest.service import ingest_paths
from tests.review_support import NEWS, OTHER_SEO, entity, fact, review_data


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return review_data(tmp_path_factory.mktemp("review-data"))


@pytest.fixture(scope="module")
def bench(data, tmp_path_factory):
    return Workbench(tmp_path_factory.mktemp("queue"), data, max_bytes=1_000_000)


@pytest.fixture(scope="module")
def news(bench):
    """news_caption.txt in the queue (read once; tests that change it use `fresh`)."""
    return bench.add(NEWS.read_bytes(), NEWS.name)["id"]


_COPIES = iter(range(1, 1000))


def fresh(bench, path=NEWS):
    """Another copy of an article in the queue (a byte more, so it is not a duplicate)."""
    n = next(_COPIES)
    return bench.add(path.read_bytes() + b"\n" * n, f"{path.stem}-{n}{path.suffix}")["id"]


def view(bench, item_id):
    return bench.view(bench.get(item_id))


# -- in ------------------------------------------------------------------------------------------------
def test_an_article_is_read_into_the_queue_with_text_mentions_facts_and_resolution(bench, news):
    v = view(bench, news)
    assert v["status"] == "open" and v["article"]["date"] == "2023-09-13"
    assert v["article"]["source_file"] == "news_caption.txt"
    assert v["text"].startswith("부산서 '스마트제조 혁신 포럼' 열려")
    kinds = {m["kind"] for m in v["mentions"]}
    assert kinds == {"person", "organisation", "title", "event", "date", "place", "amount"}
    for m in v["mentions"]:
        assert v["text"][m["start"] : m["end"]] == m["text"]
    title = next(m for m in v["mentions"] if m["kind"] == "title" and m["text"] == "경제부시장")
    holding = fact(v, "holdsPost", "남궁현")
    assert holding["id"] in title["facts"]
    # every fact carries its evidence, located verbatim in the text
    assert v["counts"]["facts"] == len(v["facts"]) >= 15
    for f in v["facts"]:
        assert f["decision"] is None and f["evidence"]
        for e in f["evidence"]:
            assert e["quote"] in v["text"]
            assert e["span"] and v["text"][e["span"][0] : e["span"][1]] == e["quote"]
    # the publisher's copyright line, cut from the body, is kept so that its quote is in the text
    assert "<ⓒ경제투데이(www.newsdaily.co.kr) 무단전재 배포금지>" in v["text"]
    seo = entity(v, "서민재")
    assert seo["status"] == "uncertain"
    (candidate,) = seo["candidates"]
    assert candidate["iri"] == OTHER_SEO and 0.5 <= candidate["confidence"] < 0.85
    assert entity(v, "고은채")["status"] == "new"
    assert {g["key"] for g in v["groups"]} >= {"participation", "holding", "event", "article"}


def test_the_queue_lists_the_article_and_survives_a_new_workbench(bench, news, data):
    again = Workbench(bench.queue_dir, data)
    (item,) = [i for i in again.items() if i["id"] == news]
    assert item["title"].startswith("부산서") and item["counts"]["uncertain"] == 1


@pytest.mark.parametrize(
    ("raw", "name", "message", "status"),
    [
        (b"", "empty.txt", "is empty", 400),
        (b"  \n\t\n", "blank.txt", "is empty", 400),
        (b"\x00\x01\x02binary" * 50, "photo.txt", "binary file", 400),
        (
            b"The ministry held a forum on Tuesday. " * 40,
            "english.txt",
            "not a Korean article",
            400,
        ),
        ("한국어 기사".encode() * 10, "article.pdf", "only saved articles", 400),
        (b"x" * 1_000_001, "huge.txt", "at most", 413),
        (b"\xff\xfe\xfa" * 400, "latin.txt", "neither UTF-8 nor CP949", 400),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_queued(bench, raw, name, message, status):
    before = bench.queue.ids()
    with pytest.raises(ReviewInputError) as caught:
        bench.add(raw, name)
    assert message in caught.value.message and caught.value.status == status
    assert name.split(".")[0] in caught.value.message or status == 413
    assert bench.queue.ids() == before
    assert not [p for p in bench.queue_dir.iterdir() if p.name.startswith(".new-")]


def test_a_ten_megabyte_file_is_refused_before_it_is_read(tmp_path, data):
    small = Workbench(tmp_path / "q", data)  # the default limit (4 MB)
    with pytest.raises(ReviewInputError, match=r"10\.0 MB; an article file may be at most 4\.0 MB"):
        small.add(b"a" * 10 * 1024 * 1024, "big.html")
    assert small.items() == []


def test_a_duplicate_and_an_article_without_a_date(bench, news):
    with pytest.raises(ReviewInputError) as caught:
        bench.add(NEWS.read_bytes(), "copy.txt")
    assert caught.value.status == 409 and caught.value.item == news
    undated = (
        "가온시, 창업 지원 간담회 열어\n가온시는 10일 시청에서 창업기업 대표들과 간담회를 열고 지원 방안을 논의했다. "
        * 3
    )
    with pytest.raises(ReviewInputError, match="give its publication date"):
        bench.add_text(undated)
    item = bench.add_text(undated, "undated", __import__("datetime").date(2024, 3, 11))
    assert item["id"] == "undated" and item["date"] == "2024-03-11"
    assert bench.get("undated")["date_given"] == "2024-03-11"


def test_an_id_already_in_the_graph_or_the_queue_is_not_reused(bench, news, data):
    digest = "0123456789abcdef" * 4
    assert bench._new_id("visit_and_meetings.txt", digest) == "visit_and_meetings"
    assert bench._new_id(f"{news}.txt", digest) == f"{news}_01234567"
    (data / "articles" / "visit_and_meetings.trig").write_text("# placeholder\n", encoding="utf-8")
    try:
        assert bench._new_id("visit_and_meetings.txt", digest) == "visit_and_meetings_01234567"
    finally:
        (data / "articles" / "visit_and_meetings.trig").unlink()
    assert bench._new_id("기사 원문.html", digest).endswith(
        tuple("0123456789abcdef")
    )  # a Korean file name: a slug and a hash, as `smekg ingest` names it


# -- decide ----------------------------------------------------------------------------------------------
def test_decisions_are_saved_as_made_and_undone_in_order(bench):
    item_id = fresh(bench)
    v = view(bench, item_id)
    nam = fact(v, "participatedIn", "남궁현")
    baek = fact(v, "holdsPost", "백승훈")
    bench.act(item_id, {"op": "reject", "facts": [nam["id"]]})
    bench.act(item_id, {"op": "edit", "fact": baek["id"], "title": "대표이사"})
    bench.act(item_id, {"op": "accept_above", "threshold": 0.85})
    v = view(Workbench(bench.queue_dir, bench.data_dir), item_id)  # as read back from disk
    assert fact(v, "participatedIn", "남궁현")["decision"] == "rejected"
    corrected = fact(v, "holdsPost", "백승훈")
    assert corrected["holding"]["title"] == "대표이사"
    assert corrected["edited"]["title"] == {"from": "대표", "to": "대표이사"}
    assert corrected["holding"]["post"]["name"] == "에이비씨랩 대표이사"
    assert corrected["holding"]["post"]["status"] == "new"
    high = [f for f in v["facts"] if (f["confidence"] or 0) >= 0.85 and f["id"] != nam["id"]]
    assert high and all(f["decision"] == "accepted" for f in high)
    assert v["undo"].startswith("Accepted") and len(v["history"]) == 3
    bench.act(item_id, {"op": "undo"})
    v = view(bench, item_id)
    assert v["counts"]["accepted"] == 0 and v["undo"].startswith("Corrected")
    bench.act(item_id, {"op": "undo"})
    bench.act(item_id, {"op": "undo"})
    v = view(bench, item_id)
    assert v["counts"]["rejected"] == 0 and v["undo"] is None
    assert fact(v, "holdsPost", "백승훈")["holding"]["title"] == "대표"
    with pytest.raises(ReviewActionError, match="nothing to undo"):
        bench.act(item_id, {"op": "undo"})


def test_corrections_of_role_organisation_date_acting_and_an_events_date(bench, news):
    item_id = fresh(bench)
    v = view(bench, item_id)
    go = fact(v, "participatedIn", "고은채")
    bench.act(item_id, {"op": "edit", "fact": go["id"], "role": "host"})
    seo = fact(v, "holdsPost", "서민재")
    tipa = entity(v, "한국산업기술진흥원", "organisation")
    bench.act(
        item_id,
        {
            "op": "edit",
            "fact": seo["id"],
            "organization": {"iri": tipa["iri"]},
            "as_of": "2023-09-01",
        },
    )
    bench.act(item_id, {"op": "edit", "fact": seo["id"], "acting": True})
    nam = fact(v, "holdsPost", "남궁현")
    bench.act(
        item_id, {"op": "edit", "fact": nam["id"], "organization": {"name": "부산광역시의회"}}
    )
    forum = entity(v, "2023 스마트제조 혁신 포럼", "event")
    bench.act(item_id, {"op": "edit_entity", "entity": forum["iri"], "start_date": "2023-09-11"})
    v = view(bench, item_id)
    assert fact(v, "participatedIn", "고은채")["roles"] == ["host"]
    moved = fact(v, "holdsPost", "서민재")
    assert moved["holding"]["organization"]["name"] == "한국산업기술진흥원"
    assert moved["holding"]["post"]["name"] == "한국산업기술진흥원 교수"
    assert moved["holding"]["as_of"] == "2023-09-01" and moved["holding"]["acting"] is True
    council = fact(v, "holdsPost", "남궁현")["holding"]["organization"]
    assert council["name"] == "부산광역시의회" and council["status"] == "new"
    assert entity(v, "2023 스마트제조 혁신 포럼", "event")["date"] == "2023-09-11"
    for f in v["facts"]:
        if f["object"]["name"] == "2023 스마트제조 혁신 포럼":
            assert f["object"]["date"] == "2023-09-11"


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ({"op": "accept", "facts": ["fnope"]}, "unknown fact"),
        ({"op": "accept", "facts": []}, "a list of fact ids"),
        ({"op": "accept_above", "threshold": 2}, "from 0 to 1"),
        ({"op": "edit", "fact": "fnope", "role": "host"}, "unknown fact"),
        ({"op": "edit_entity", "entity": "nothing", "start_date": "2023-01-01"}, "only the date"),
        (
            {
                "op": "add_person",
                "quote": "이 문장은 기사에 없다",
                "name": "홍길동",
                "title": "대표",
                "organization": {"name": "가나"},
            },
            "not in the article",
        ),
        ({"op": "launch"}, "unknown action"),
    ],
)
def test_an_action_that_cannot_apply_says_why_and_changes_nothing(bench, news, action, message):
    before = bench.get(news)["state"]
    with pytest.raises(ReviewActionError, match=message):
        bench.act(news, action)
    assert bench.get(news)["state"] == before


def test_corrections_refuse_fields_of_another_kind_of_fact(bench, news):
    v = view(bench, news)
    part = fact(v, "participatedIn", "고은채")
    holding = fact(v, "holdsPost", "고은채")
    with pytest.raises(ReviewActionError, match="belong to a post held"):
        bench.act(news, {"op": "edit", "fact": part["id"], "title": "원장"})
    with pytest.raises(ReviewActionError, match="only a participation has a role"):
        bench.act(news, {"op": "edit", "fact": holding["id"], "role": "host"})
    with pytest.raises(ReviewActionError, match="a date YYYY-MM-DD"):
        bench.act(news, {"op": "edit", "fact": holding["id"], "as_of": "13.9.2023"})
    with pytest.raises(ReviewActionError, match="nothing to correct"):
        bench.act(news, {"op": "edit", "fact": holding["id"]})


def test_a_missed_person_and_participation_are_added_from_a_selection(bench):
    item_id = fresh(bench)
    v = view(bench, item_id)
    text = v["text"]
    quote = "부산=최도윤 기자"
    start = text.index(quote)
    forum = entity(v, "2023 스마트제조 혁신 포럼", "event")
    bench.act(
        item_id,
        {
            "op": "add_person",
            "quote": quote,
            "start": start,
            "end": start + len(quote),
            "name": "최도윤",
            "title": "기자",
            "organization": {"iri": entity(v, "경제투데이", "organisation")["iri"]},
            "event": forum["iri"],
            "role": "guest",
        },
    )
    caption = "남궁현 부산광역시 경제부시장"
    bench.act(
        item_id,
        {
            "op": "add_participation",
            "quote": caption,
            "person": entity(v, "남궁현")["iri"],
            "event": forum["iri"],
            "role": "guest",
        },
    )
    v = view(bench, item_id)
    added = [f for f in v["facts"] if f["added"]]
    assert len(added) == 3 and all(f["decision"] == "accepted" for f in added)
    assert {f["evidence"][0]["quote"] for f in added} == {quote, caption}
    for f in added:
        start, end = f["evidence"][0]["span"]
        assert text[start:end] == f["evidence"][0]["quote"]
    reporter = [f for f in added if f["subject"]["name"] == "최도윤"]
    assert {f["predicate"] for f in reporter} == {"holdsPost", "participatedIn"}
    assert (
        reporter[0]["subject"]["status"] == "new"
    )  # a second 최도윤 (the extraction's is the byline)
    with pytest.raises(ReviewActionError, match="within one paragraph"):
        para = text.index("이날 포럼에서는")
        bench.act(
            item_id,
            {
                "op": "add_participation",
                "quote": text[para - 12 : para + 10],
                "start": para - 12,
                "end": para + 10,
                "person": entity(v, "남궁현")["iri"],
                "event": forum["iri"],
            },
        )
    with pytest.raises(ReviewActionError, match="not the text at the given place"):
        bench.act(
            item_id,
            {
                "op": "add_participation",
                "quote": caption,
                "start": 0,
                "end": len(caption),
                "person": entity(v, "남궁현")["iri"],
                "event": forum["iri"],
            },
        )
    with pytest.raises(ReviewActionError, match="a title and organisation, or an event"):
        bench.act(item_id, {"op": "add_person", "quote": caption, "name": "남궁현"})


def test_a_match_answer_is_written_to_the_decisions_file_replayed_and_undone(bench, data):
    item_id = fresh(bench)
    decisions = data / "review" / "decisions.csv"
    before = decisions.read_text(encoding="utf-8")
    v = view(bench, item_id)
    seo = entity(v, "서민재")
    part = fact(v, "participatedIn", "서민재")
    bench.act(item_id, {"op": "accept", "facts": [part["id"]]})
    bench.act(
        item_id, {"op": "match", "mention": "서민재", "candidate": OTHER_SEO, "decision": "same"}
    )
    rows = list(
        csv.DictReader(
            line for line in decisions.open(encoding="utf-8") if not line.startswith("#")
        )
    )
    assert rows[-1]["mention"] == "서민재" and rows[-1]["candidate"] == OTHER_SEO
    assert rows[-1]["decision"] == "same" and item_id in rows[-1]["note"]
    assert before in decisions.read_text(encoding="utf-8")  # the curated rows and comments are kept
    v = view(bench, item_id)
    linked = entity(v, "서민재")
    assert linked["iri"] == OTHER_SEO and linked["status"] == "linked"
    assert linked["answers"][0]["decision"] == "same"
    # the decision on the fact survived the new run (its id is made from names, not IRIs)
    assert fact(v, "participatedIn", "서민재")["decision"] == "accepted"
    assert fact(v, "participatedIn", "서민재")["subject"]["iri"] == OTHER_SEO
    # a later run of the pipeline replays the answer, as `smekg ingest` does
    outcome = ingest_paths([NEWS], data, decisions_path=decisions)
    assert outcome.results[0].extraction.people["서민재"].iri == OTHER_SEO
    # undo takes the row out again and reads the article again
    bench.act(item_id, {"op": "undo"})
    assert decisions.read_text(encoding="utf-8") == before
    v = view(bench, item_id)
    assert entity(v, "서민재")["status"] == "uncertain"
    assert entity(v, "서민재")["iri"] == seo["iri"]
    bench.act(
        item_id,
        {"op": "match", "mention": "서민재", "candidate": OTHER_SEO, "decision": "not-same"},
    )
    v = view(bench, item_id)
    assert entity(v, "서민재")["status"] == "new" and entity(v, "서민재")["candidates"] == []
    assert load_decisions(decisions).lookup("person", "서민재", OTHER_SEO) == "not-same"
    bench.act(item_id, {"op": "undo"})
    assert decisions.read_text(encoding="utf-8") == before
    with pytest.raises(ReviewActionError, match="one of the candidates"):
        bench.act(
            item_id,
            {"op": "match", "mention": "고은채", "candidate": OTHER_SEO, "decision": "same"},
        )


def test_decisions_file_rows_are_replaced_not_duplicated(tmp_path):
    path = tmp_path / "review" / "decisions.csv"
    assert record_decision(path, "person", "가나다", "https://x/1", "same", "one") is None
    assert load_decisions(path).lookup("person", "가나다", "https://x/1") == "same"
    previous = record_decision(
        path, "person", "가나다", "https://x/1", "not-same", "two, with a comma"
    )
    assert previous and "same,one" in previous
    rows = load_decisions(path).rows
    assert len(rows) == 1 and rows[0]["note"] == "two, with a comma"
    restore_decision(path, "person", "가나다", "https://x/1", previous)
    assert load_decisions(path).lookup("person", "가나다", "https://x/1") == "same"
    restore_decision(path, "person", "가나다", "https://x/1", None)
    assert load_decisions(path).rows == []
    assert path.read_text(encoding="utf-8").startswith("# Review decisions")
    with pytest.raises(ValueError):
        record_decision(path, "person", "가나다", "https://x/1", "maybe")


def test_a_rerun_keeps_decisions(bench):
    item_id = fresh(bench)
    v = view(bench, item_id)
    bench.act(item_id, {"op": "reject", "facts": [fact(v, "participatedIn", "남궁현")["id"]]})
    bench.act(item_id, {"op": "rerun"})
    v = view(bench, item_id)
    assert fact(v, "participatedIn", "남궁현")["decision"] == "rejected"


def test_an_item_can_be_dropped(bench):
    item_id = fresh(bench)
    bench.drop(item_id)
    assert item_id not in bench.queue.ids()
    with pytest.raises(ItemNotFound):
        bench.get(item_id)
    with pytest.raises(ItemNotFound):
        bench.drop(item_id)
    with pytest.raises(ItemNotFound):
        bench.get("../etc")


# -- commit: the TriG ------------------------------------------------------------------------------------
def test_accepted_facts_become_curated_trig_that_validates(bench, data):
    item_id = fresh(bench)
    v = view(bench, item_id)
    nam = fact(v, "participatedIn", "남궁현")
    baek = fact(v, "holdsPost", "백승훈")
    bench.act(item_id, {"op": "reject", "facts": [nam["id"]]})
    bench.act(item_id, {"op": "edit", "fact": baek["id"], "title": "대표이사"})
    bench.act(item_id, {"op": "accept_above", "threshold": 0})
    trig = bench.preview(item_id)
    assert "reviewed in the review workbench" in trig and "facts await review" not in trig
    assert "대표이사" in trig and "corrected by a reviewer (title)" in trig
    item = bench.get(item_id)
    facts = effective_facts(item["proposal"], item["state"])
    ds, labels = build_dataset(item["proposal"], item["state"], facts, "2025-01-01")
    quotes = [
        str(o) for _s, p, o, _g in ds.quads((None, None, None, None)) if str(p).endswith("#quote")
    ]
    assert quotes and all(q in item["proposal"]["text"] for q in quotes)
    # the rejected participation is not there; the person still is, with their post
    assert validate(data, item_id, trig) == []
    graph = next(g for g in ds.graphs() if len(g))
    participants = {
        str(s) for s, _p, _o in graph.triples((None, None, None)) if "participatedIn" in str(_p)
    }
    assert nam["subject"]["iri"] not in participants
    assert labels and set(labels.values()) <= {f["id"] for f in facts}


def test_a_fact_that_would_not_validate_is_named_in_the_problem(bench, data):
    item_id = fresh(bench)
    v = view(bench, item_id)
    go = fact(v, "participatedIn", "고은채")
    bench.act(item_id, {"op": "edit", "fact": go["id"], "role": "moderator"})
    bench.act(item_id, {"op": "accept", "facts": [go["id"], fact(v, "holdsPost", "고은채")["id"]]})
    item = bench.get(item_id)
    facts = effective_facts(item["proposal"], item["state"])
    ds, labels = build_dataset(item["proposal"], item["state"], facts, "2025-01-01")
    problems = validate(data, item_id, trig_text(ds, item["proposal"]))
    assert problems
    mapped = problems_for(problems, labels, facts, set())
    assert any(go["id"] in p["facts"] and "participation role" in p["message"] for p in mapped)


def test_quotes_are_located_with_loose_spacing():
    text = "첫 줄은\n여기서 끝나고   둘째 줄이 이어진다."
    assert locate(text, "첫 줄은 여기서 끝나고 둘째") == (0, 17)
    assert locate(text, "없는 인용") is None and locate(text, " ") is None
    flat, where = squashed(text)
    assert flat == "첫 줄은 여기서 끝나고 둘째 줄이 이어진다." and len(where) == len(flat)


def test_the_item_file_is_plain_json(bench, news):
    raw = (bench.queue_dir / news / "item.json").read_text(encoding="utf-8")
    item = json.loads(raw)
    assert item["id"] == news and item["source"] == "news_caption.txt"
    assert (bench.queue_dir / news / "news_caption.txt").read_bytes() == NEWS.read_bytes()
