"""`smekg add` / `smekg remove` on Neo4j (one write transaction per change); run only when NEO4J_URI
is set. After each change the graph equals a full load of the same files, bookkeeping included; a
refused change leaves it as it was."""

from __future__ import annotations

import os
import shutil

import pytest

from loaders import load_data
from services.articles import ArticleInput, ChangeRefused, add_articles, remove_articles
from tests.articles_support import SEEDS, build_corpus, exported, folder_state, raw_state

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="NEO4J_URI is not set: no Neo4j server is available on this machine (set NEO4J_URI, "
    "NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE to run the Neo4j change tests)",
)


@pytest.fixture(scope="module")
def neo4j_store():
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
        os.environ.get("NEO4J_DATABASE", "neo4j"),
    )
    yield store
    store.close()


def test_changes_on_neo4j_equal_full_loads(neo4j_store, tmp_path):
    store = neo4j_store
    corpus = build_corpus(tmp_path / "corpus")
    generated = sorted(a for a in corpus.variants if a not in SEEDS)[:4]
    chosen = dict.fromkeys(SEEDS[:4] + generated[:2], "orig")
    data_dir = corpus.data_dir(tmp_path / "data", chosen)
    load_data(store, data_dir)

    def same_as_full_load() -> None:
        changed = exported(store), raw_state(store)
        reference = corpus.data_dir(tmp_path / f"ref{len(os.listdir(tmp_path))}", chosen)
        load_data(store, reference)  # the store is now the full load; it must equal the change
        assert (exported(store), raw_state(store)) == changed
        assert sorted(folder_state(data_dir)) == sorted(f"{a}.trig" for a in chosen)

    steps = [
        ("add", SEEDS[4], "orig"),
        ("add", generated[2], "orig"),
        ("add", SEEDS[4], "fix"),  # a replacement
        ("remove", generated[0], None),
        ("remove", SEEDS[3], None),
        ("add", generated[3], "fix"),
    ]
    for kind, article, variant in steps:
        if kind == "add":
            assert variant is not None
            add_articles(
                store, data_dir, [ArticleInput.from_path(corpus.variants[article][variant])]
            )
            chosen[article] = variant
        else:
            remove_articles(store, data_dir, [article])
            del chosen[article]
        same_as_full_load()

    before = exported(store), raw_state(store), folder_state(data_dir)
    with pytest.raises(ChangeRefused):
        remove_articles(store, data_dir, [SEEDS[2]])  # 000 needs 002 for the 2020 forum
    with pytest.raises(ChangeRefused):
        add_articles(store, data_dir, [ArticleInput.from_path(corpus.variants[SEEDS[0]]["date"])])
    assert (exported(store), raw_state(store), folder_state(data_dir)) == before
    shutil.rmtree(tmp_path / "corpus")
