"""Loading: validation failures name the file and change nothing; loading twice gives the same graph."""

import pytest

from loaders import LoadError, load_data
from queries import run_query
from services.export.records import export_json
from tests.conftest import DATA_DIR


def _counts(store):
    return run_query(store, "label_counts").rows, run_query(store, "relationship_counts").rows


def test_seed_graph_has_people_events_and_evidenced_relationships(store):
    counts = dict(run_query(store, "label_counts").rows)
    assert counts["Person"] >= 60
    assert counts["Event"] >= 8
    assert counts["Article"] == 5
    edges = store.read("MATCH ()-[r]->() RETURN r.sources AS s, r.evidence AS e").rows
    assert edges and all(sources and evidence for sources, evidence in edges)


def test_loading_twice_gives_the_same_graph(scratch_store):
    load_data(scratch_store, DATA_DIR)
    first = export_json(scratch_store)
    load_data(scratch_store, DATA_DIR)
    assert export_json(scratch_store) == first


def test_shacl_violation_names_file_and_focus_and_keeps_previous_graph(scratch_store, data_copy):
    load_data(scratch_store, DATA_DIR)
    before = _counts(scratch_store)
    broken = data_copy / "articles" / "900_broken.trig"
    broken.write_text(
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
    with pytest.raises(LoadError) as caught:
        load_data(scratch_store, data_copy)
    message = str(caught.value)
    assert "900_broken.trig" in message
    assert "https://smekg.org/id/event-broken" in message
    assert "startDate" in message
    assert _counts(scratch_store) == before


def test_syntax_error_names_file_and_line(scratch_store, data_copy):
    (data_copy / "articles" / "901_syntax.trig").write_text(
        "@prefix smekg: <https://smekg.org/ontology#> .\n\n<urn:g> {\n  <urn:a> smekg:startDate \n}\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_data(scratch_store, data_copy)
    problem = caught.value.problems[0]
    assert problem.file.endswith("901_syntax.trig")
    assert problem.line is not None


def test_relationship_without_evidence_is_rejected(scratch_store, data_copy):
    (data_copy / "articles" / "902_no_quote.trig").write_text(
        """@prefix smekg: <https://smekg.org/ontology#> .
@prefix id: <https://smekg.org/id/> .
@prefix art: <https://smekg.org/article/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
art:902_no_quote {
  art:902_no_quote a smekg:Article ; smekg:headline "근거 없는 관계" ; smekg:sourceFile "902.txt" ;
      smekg:datePublished "2024-01-01"^^xsd:date .
  id:org-tipa smekg:memberOf id:org-kova .
}
""",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_data(scratch_store, data_copy)
    assert any(
        "no evidence quote" in p.message and p.focus.endswith("org-tipa")
        for p in caught.value.problems
    )


def test_unknown_ontology_term_is_rejected(data_copy):
    from loaders import prepare

    (data_copy / "articles" / "903_typo.trig").write_text(
        """@prefix smekg: <https://smekg.org/ontology#> .
@prefix art: <https://smekg.org/article/> .
art:903_typo { art:903_typo a smekg:Artcle . }
""",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        prepare(data_copy)
    assert any("Artcle" in p.message for p in caught.value.problems)


def test_an_atomic_change_applies_whole_or_not_at_all_and_moves_the_generation(scratch_store):
    """apply_atomic (what smekg add writes with): one statement, guarded by the graph's version; a
    change that applies moves the generation, one whose guard fails changes nothing."""
    load_data(scratch_store, DATA_DIR)
    version = scratch_store.read("MATCH (g:GraphInfo) RETURN g.version").rows[0][0]
    before = scratch_store.counts(), scratch_store.generation()
    add = (
        "MATCH (g:GraphInfo {key: 'current'}) WHERE g.version = $expected "
        "CREATE (:Entity:Person {iri: $iri, name_ko: '새 사람'}) "
        "SET g.changes = coalesce(g.changes, 0) + 1 RETURN 1"
    )
    assert scratch_store.apply_atomic(add, {"expected": "not-this-one", "iri": "urn:new"}) == []
    assert (scratch_store.counts(), scratch_store.generation()) == before
    assert scratch_store.apply_atomic(add, {"expected": version, "iri": "urn:new"}) == [[1]]
    assert scratch_store.counts().nodes == before[0].nodes + 1
    assert scratch_store.generation() not in (None, before[1])
    assert scratch_store.read("MATCH (n {iri: 'urn:new'}) RETURN n.name_ko").rows == [["새 사람"]]


def test_generation_changes_with_every_load_of_the_same_data(scratch_store):
    load_data(scratch_store, DATA_DIR)
    first = scratch_store.generation()
    load_data(scratch_store, DATA_DIR)
    assert first and scratch_store.generation() not in (None, first)
