"""The generated parts of the docs match the ontology, and a drifted part is noticed."""

from __future__ import annotations

import re

import pytest

from ontology.docs import DOCS, counts, drifted, regenerate
from ontology.vocabulary import load_vocabulary
from smekg.settings import REPO_ROOT

MODELLING = REPO_ROOT / "docs" / "modelling.md"


def test_generated_parts_match_the_ontology():
    assert drifted() == [], "run: python -m ontology.docs"


def test_the_modelling_guide_has_every_generated_part():
    text = MODELLING.read_text(encoding="utf-8")
    for name in ("classes", "relationships", "relationship-sets"):
        assert f"<!-- generated: {name} -->" in text


def test_a_hand_edited_table_row_counts_as_drift(tmp_path):
    copy = tmp_path / "modelling.md"
    text = MODELLING.read_text(encoding="utf-8")
    copy.write_text(
        text.replace("| Statement → Agent |", "| Statement → Person |"), encoding="utf-8"
    )
    assert copy.read_text(encoding="utf-8") != text
    assert drifted((copy,)) == [copy]


def test_every_class_and_relationship_has_a_row():
    vocab = load_vocabulary()
    text = MODELLING.read_text(encoding="utf-8")
    for info in vocab.classes.values():
        assert f"| `{info.name}` |" in text
    for prop, edge_type in vocab.edge_types.items():
        assert f"| `{vocab.object_properties[prop].name}` |" in text
        assert f"`{edge_type}`" in text


def test_the_readme_counts_the_ontology_as_it_is():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"\d+ classes, \d+ relationship properties", readme)
    assert stated is not None
    assert stated.group(0) == counts(load_vocabulary())


def test_an_unknown_generated_part_is_refused():
    text = "<!-- generated: nonsense -->\n<!-- end generated: nonsense -->\n"
    with pytest.raises(KeyError, match="nonsense"):
        regenerate(text, load_vocabulary())


def test_the_docs_checked_exist():
    assert all(path.exists() for path in DOCS)
