"""`smekg add` / `smekg remove` (issue 13): a graph changed article by article equals a full load of
the same files, and a refused change changes nothing (real embedded FalkorDB throughout)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.falkordb_store import FalkorDBStore
from loaders import LoadError, load_data
from loaders.increment import count_constraints_on_relationships, targets_needed
from services.articles import (
    ArticleInput,
    ArticleNotFound,
    ChangeRefused,
    add_articles,
    remove_articles,
)
from tests.articles_support import (
    SEEDS,
    Corpus,
    build_corpus,
    exported,
    folder_state,
    raw_state,
)

EXAMPLES = int(os.environ.get("SMEKG_EQUIVALENCE_EXAMPLES", "20"))  # `slow` run: see the README


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def graphs(store_dir):
    """Two graphs on the test server: one changed incrementally, one fully loaded for reference."""
    pair = FalkorDBStore(store_dir, "incr_changed"), FalkorDBStore(store_dir, "incr_reference")
    yield pair
    for graph in pair:
        graph.drop_graph()
        graph.close()


def _full(store: FalkorDBStore, corpus: Corpus, chosen: dict[str, str]) -> bool:
    try:
        load_data(store, corpus.root, files=corpus.files(chosen))
    except LoadError:
        return False
    return True


def _assert_equal(changed: FalkorDBStore, reference: FalkorDBStore, data_dir: Path, chosen) -> None:
    assert exported(changed) == exported(reference)
    assert raw_state(changed) == raw_state(reference)  # bookkeeping, version, counts and files too
    files = folder_state(data_dir)
    assert sorted(files) == sorted(f"{a}.trig" for a in chosen)


def _start(corpus: Corpus, graphs, tmp: Path, chosen: dict[str, str]) -> tuple[Path, dict]:
    changed, reference = graphs
    if not _full(reference, corpus, chosen):
        chosen = {a: v for a, v in chosen.items() if a not in SEEDS}
        assert _full(reference, corpus, chosen)
    data_dir = corpus.data_dir(tmp, chosen)
    load_data(changed, data_dir)
    _assert_equal(changed, reference, data_dir, chosen)
    return data_dir, chosen


operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "replace", "remove"]), st.integers(0, 10_000), st.integers(0, 9)
    ),
    min_size=1,
    max_size=6,
)


@given(initial=st.sets(st.integers(0, 10_000), max_size=10), seeds=st.booleans(), ops=operations)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_changes_equal_a_full_load_of_the_same_files(
    corpus, graphs, tmp_path_factory, initial, seeds, ops
):
    """Random sequences of add / remove / replace over seed and generated articles (and variants:
    corrections, conflicting dates and names, unknown IRIs): after each step the changed graph
    equals a full load of the same files (export, bookkeeping, version, files in data/); a step is
    refused exactly when that full load fails, and a refused step changes neither graph nor data/."""
    changed, reference = graphs
    ids = sorted(corpus.variants)
    chosen = {ids[i % len(ids)]: "orig" for i in initial} | dict.fromkeys(
        SEEDS if seeds else [], "orig"
    )
    data_dir, chosen = _start(corpus, graphs, tmp_path_factory.mktemp("data"), chosen)
    for kind, which, variant_index in ops:
        loaded = sorted(chosen)
        if kind in ("remove", "replace") and not loaded:
            continue
        article = loaded[which % len(loaded)] if kind != "add" else ids[which % len(ids)]
        if kind == "remove":
            target = {a: v for a, v in chosen.items() if a != article}
        else:
            names = sorted(set(corpus.variants[article]) - {chosen.get(article, "")})
            target = {**chosen, article: names[variant_index % len(names)]}
        before = exported(changed), raw_state(changed), folder_state(data_dir)
        valid = _full(reference, corpus, target)
        try:
            if kind == "remove":
                remove_articles(changed, data_dir, [article])
            else:
                path = corpus.variants[article][target[article]]
                add_articles(changed, data_dir, [ArticleInput.from_path(path)])
        except ChangeRefused as refused:
            assert not valid, f"{kind} {article}: refused, but a full load succeeds: {refused}"
            assert (exported(changed), raw_state(changed), folder_state(data_dir)) == before
            continue
        assert valid, f"{kind} {article} ({target.get(article)}) applied; a full load fails"
        chosen = target
        _assert_equal(changed, reference, data_dir, chosen)


@pytest.fixture()
def seed_graph(scratch_store, tmp_path):
    """The seed data in a writable folder, fully loaded into a scratch graph."""
    data_dir = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data_dir)
    shutil.rmtree(data_dir / ".incremental", ignore_errors=True)
    load_data(scratch_store, data_dir)
    return scratch_store, data_dir


def _refused(store, data_dir: Path, change) -> ChangeRefused:
    before, before_raw, files = exported(store), raw_state(store), folder_state(data_dir)
    with pytest.raises(ChangeRefused) as caught:
        change()
    assert exported(store) == before  # byte-identical export
    assert raw_state(store) == before_raw
    assert folder_state(data_dir) == files
    assert not (data_dir / ".incremental" / "op").exists()
    return caught.value


def test_an_invalid_article_is_refused_naming_file_node_and_field(seed_graph, tmp_path):
    store, data_dir = seed_graph
    article = tmp_path / "900_broken.trig"
    article.write_text(
        """@prefix smekg: <https://smekg.org/ontology#> .
@prefix id: <https://smekg.org/id/> .
@prefix art: <https://smekg.org/article/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
art:900_broken {
  art:900_broken a smekg:Article ; smekg:headline "깨진 기사" ; smekg:sourceFile "900_broken.txt" ;
      smekg:datePublished "2024-01-01"^^xsd:date .
  id:event-broken a smekg:Meeting ; skos:prefLabel "날짜 없는 간담회"@ko .
}
""",
        encoding="utf-8",
    )
    refused = _refused(
        store, data_dir, lambda: add_articles(store, data_dir, [ArticleInput.from_path(article)])
    )
    (problem,) = refused.problems
    assert problem.file == str(article)
    assert problem.focus == "https://smekg.org/id/event-broken"
    assert "startDate" in problem.field + problem.message


def test_a_conflict_with_a_loaded_fact_names_both_articles(seed_graph, corpus):
    store, data_dir = seed_graph
    path = corpus.variants[SEEDS[0]]["name"]  # 제주 renamed 제주도; 001 names it 제주
    refused = _refused(
        store, data_dir, lambda: add_articles(store, data_dir, [ArticleInput.from_path(path)])
    )
    (problem,) = refused.problems
    assert problem.file == str(path)
    assert problem.focus == "https://smekg.org/id/place-jeju" and problem.field == "name_ko"
    assert "'제주도'" in problem.message and "'제주'" in problem.message
    assert "001_b1e14967caded7a2" in problem.message  # the loaded article that states 제주


def test_a_date_conflict_names_the_article_that_dates_the_event(seed_graph, corpus):
    store, data_dir = seed_graph
    path = corpus.variants[SEEDS[0]]["date"]
    refused = _refused(
        store, data_dir, lambda: add_articles(store, data_dir, [ArticleInput.from_path(path)])
    )
    messages = [p for p in refused.problems if p.field == "start_date"]
    assert messages and "002_f72b6778ec84ef75" in messages[0].message
    assert messages[0].focus == "https://smekg.org/id/event-2020-07-02-sme-innovation-network-forum"


def test_an_unknown_iri_is_refused_naming_file_node_and_field(seed_graph, corpus):
    store, data_dir = seed_graph
    path = corpus.variants[SEEDS[1]]["unknown"]
    refused = _refused(
        store, data_dir, lambda: add_articles(store, data_dir, [ArticleInput.from_path(path)])
    )
    (problem,) = refused.problems
    assert problem.file == str(path)
    assert problem.focus == "https://smekg.org/id/thing-that-nobody-types"
    assert problem.field == "https://smekg.org/ontology#about"
    assert "no file types" in problem.message


def test_removal_is_refused_naming_the_articles_that_depend_on_it(seed_graph):
    store, data_dir = seed_graph
    refused = _refused(
        store, data_dir, lambda: remove_articles(store, data_dir, ["002_f72b6778ec84ef75"])
    )
    assert refused.problems
    for problem in refused.problems:
        assert "000_b202fafe58c59ed2" in problem.message  # still refers to the 2020 forum
        assert problem.file.endswith("002_f72b6778ec84ef75.trig")
    assert {p.focus for p in refused.problems} == {
        "https://smekg.org/id/event-2020-07-02-sme-innovation-network-forum"
    }


def test_removing_an_article_that_is_not_loaded_is_refused(seed_graph):
    store, data_dir = seed_graph
    with pytest.raises(ArticleNotFound):
        remove_articles(store, data_dir, ["999_not_loaded"])


def test_replace_add_and_remove_equal_full_loads(seed_graph, corpus, store_dir, tmp_path):
    store, data_dir = seed_graph
    reference = FalkorDBStore(store_dir, "incr_replace_reference")
    try:
        fixed = corpus.variants[SEEDS[4]]["fix"]
        report = add_articles(store, data_dir, [ArticleInput.from_path(fixed)])
        assert report.replaced == [SEEDS[4]] and not report.added
        chosen = dict.fromkeys(SEEDS, "orig") | {SEEDS[4]: "fix"}
        load_data(reference, corpus.data_dir(tmp_path / "ref1", chosen, seeds_only=True))
        assert exported(store) == exported(reference)
        assert raw_state(store) == raw_state(reference)
        assert (data_dir / "articles" / f"{SEEDS[4]}.trig").read_bytes() == fixed.read_bytes()

        again = add_articles(store, data_dir, [ArticleInput.from_path(fixed)])
        assert again.unchanged == [SEEDS[4]] and again.version == report.version

        removed = remove_articles(store, data_dir, [SEEDS[4], SEEDS[3]])
        assert removed.removed == [SEEDS[4], SEEDS[3]]
        chosen = dict.fromkeys(SEEDS[:3], "orig")
        load_data(reference, corpus.data_dir(tmp_path / "ref2", chosen, seeds_only=True))
        assert exported(store) == exported(reference)
        assert raw_state(store) == raw_state(reference)
        assert sorted(folder_state(data_dir)) == [f"{s}.trig" for s in SEEDS[:3]]
    finally:
        reference.drop_graph()
        reference.close()


def test_one_body_with_several_articles_is_split_into_files(seed_graph, corpus, tmp_path):
    store, data_dir = seed_graph
    generated = sorted(a for a in corpus.variants if a not in SEEDS)[:2]
    texts = [corpus.variants[a]["orig"].read_text(encoding="utf-8") for a in generated]
    body = texts[0] + "\n" + texts[1][texts[1].index("art:" + generated[1]) :]
    with pytest.raises(ChangeRefused):  # generated people need the generated reference file
        add_articles(store, data_dir, [ArticleInput("request body", body.encode())])
    shutil.copy(corpus.references[1], data_dir / corpus.references[1].name)
    load_data(store, data_dir)
    report = add_articles(store, data_dir, [ArticleInput("request body", body.encode())])
    assert sorted(report.added) == generated
    assert sorted(folder_state(data_dir)) == sorted([f"{s}.trig" for s in SEEDS + generated])


def test_the_shapes_checked_in_context_need_no_more_than_the_bookkeeping_gives():
    """Checks in context give a touched node's other stored relationships of a type as one stand-in
    typed by the property's range, or (for the types listed) the real targets: sound only while no
    shape counts relationships beyond "at least one"."""
    assert count_constraints_on_relationships() == []
    assert targets_needed() == frozenset({"https://smekg.org/ontology#memberOf"})
