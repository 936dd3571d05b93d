"""An ingested article keeps its text: `smekg ingest` writes it beside the TriG, adding the TriG stores
it under data/texts/ (every quote found in it, as the source page needs), removing the article drops it,
and a text that is not UTF-8 refuses the whole change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib

from ingest.gazetteer import from_store
from ingest.service import ingest_paths
from loaders import load_data
from services.articles import ChangeRefused, add_files, remove_articles
from services.texts import read_text
from smekg.settings import REPO_ROOT

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "articles" / "signing_then_earlier_visit.txt"
QUOTE = rdflib.URIRef("https://smekg.org/ontology#quote")


@pytest.fixture()
def ingested(store, tmp_path) -> Path:
    outcome = ingest_paths([FIXTURE], REPO_ROOT / "data", tmp_path / "out", index=from_store(store))
    assert outcome.ok, outcome.errors
    [trig] = [w for r in outcome.results for w in r.written if w.suffix == ".trig"]
    return trig


def test_adding_an_ingested_article_stores_its_text_and_removing_drops_it(
    scratch_store, data_copy, ingested
):
    load_data(scratch_store, data_copy)
    assert read_text(data_copy, ingested.stem) is None
    report = add_files(scratch_store, data_copy, [ingested])
    assert report.added == [ingested.stem]
    text = read_text(data_copy, ingested.stem)
    assert text is not None and "협약" in text
    dataset = rdflib.Dataset()
    dataset.parse(ingested, format="trig")
    quotes = {str(q) for _, _, q, _ in dataset.quads((None, QUOTE, None, None))}
    assert quotes and all(q in text for q in quotes)

    assert remove_articles(scratch_store, data_copy, [ingested.stem]).removed == [ingested.stem]
    assert read_text(data_copy, ingested.stem) is None


def test_a_text_that_is_not_utf8_refuses_the_change(scratch_store, data_copy, ingested, tmp_path):
    load_data(scratch_store, data_copy)
    before = sorted(p.name for p in (data_copy / "articles").iterdir())
    folder = tmp_path / "bad"
    folder.mkdir()
    trig = Path(shutil.copy(ingested, folder))
    trig.with_suffix(".txt").write_bytes(b"\xff\xfe not utf-8 \x80")
    with pytest.raises(ChangeRefused, match="not UTF-8") as refused:
        add_files(scratch_store, data_copy, [trig])
    assert str(trig.with_suffix(".txt")) in str(refused.value)
    assert sorted(p.name for p in (data_copy / "articles").iterdir()) == before
    assert read_text(data_copy, trig.stem) is None
