"""The loader's SHACL validator (loaders.shacl) against pyshacl: same shapes, same data, same findings.

Each case is one small article graph that breaks one rule of ontology/shapes.ttl; both validators
must flag the same (focus node, field) pairs with the shape's own message. Blank-node focus nodes
are compared as "blank", since each validator names them its own way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.errors import Problem
from loaders.index import build_index, load_ontology
from loaders.shacl import _Compiler
from loaders.sources import read_sources
from loaders.validation import check_shapes
from loaders.validation_pyshacl import pyshacl_problems
from tests.conftest import DATA_DIR

HEAD = """@prefix smekg: <https://smekg.org/ontology#> .
@prefix id: <https://smekg.org/id/> .
@prefix art: <https://smekg.org/article/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
art:950_case {
  art:950_case a smekg:Article ; smekg:datePublished "2020-07-02"^^xsd:date ;
      smekg:headline "시험 기사"@ko ; smekg:sourceFile "950_case.txt" .
  id:person-a a smekg:Person ; skos:prefLabel "가나다"@ko .
  id:event-a a smekg:Event ; skos:prefLabel "행사"@ko ; smekg:startDate "2020-07-02"^^xsd:date .
  id:person-a smekg:participatedIn id:event-a .
  [] a smekg:Participation ; rdf:subject id:person-a ; rdf:predicate smekg:participatedIn ;
     rdf:object id:event-a ; smekg:quote "가나다 씨가 참석했다" ; smekg:role "attendee" .
"""

CASES = {
    "valid": "",
    "no Korean name": 'id:person-b a smekg:Person ; skos:prefLabel "Kim"@en .',
    "two Korean names": 'id:person-a skos:prefLabel "가나라"@ko .',
    "name in German": 'id:person-a skos:prefLabel "Gnd"@de .',
    "empty name": 'id:org-e a smekg:Company ; skos:prefLabel ""@ko .',
    "person also an organisation": "id:person-a a smekg:Company .",
    "post pointing at an org": """id:org-x a smekg:Company ; skos:prefLabel "회사"@ko .
        id:person-a smekg:holdsPost id:org-x .
        [] a smekg:Holding ; rdf:subject id:person-a ; rdf:predicate smekg:holdsPost ;
            rdf:object id:org-x ; smekg:quote "회사 대표" .""",
    "participation in a series": """id:series-s a smekg:EventSeries ; skos:prefLabel "시리즈"@ko .
        id:person-a smekg:participatedIn id:series-s .
        [] a smekg:Participation ; rdf:subject id:person-a ; rdf:predicate smekg:participatedIn ;
            rdf:object id:series-s ; smekg:quote "시리즈 참석" .""",
    "event without a date": 'id:event-b a smekg:Event ; skos:prefLabel "날짜 없는 행사"@ko .',
    "event without a date but with the doubt recorded": (
        'id:event-b a smekg:Event ; skos:prefLabel "행사"@ko ; smekg:ambiguity "날짜가 없다" .'
    ),
    "start after end": 'id:event-a smekg:endDate "2020-07-01"^^xsd:date .',
    "bad start time": 'id:event-a smekg:startTime "25:00" .',
    "edition as text": 'id:event-a smekg:edition "5" .',
    "invalid date": 'id:event-c a smekg:Event ; skos:prefLabel "행사"@ko ; smekg:startDate "2020-02-30"^^xsd:date .',
    "two start dates": 'id:event-a smekg:startDate "2020-07-03"^^xsd:date .',
    "budget without amount": """id:budget-b a smekg:Budget ; skos:prefLabel "예산"@ko ; smekg:currency "KRW" .""",
    "budget amount as text": """id:budget-b a smekg:Budget ; skos:prefLabel "예산"@ko ;
        smekg:amount "100억" ; smekg:currency "krw" .""",
    "statement without speaker": """id:stmt-a a smekg:Statement ; smekg:text "말"@ko .""",
    "statement text as number": """id:stmt-a a smekg:Statement ; smekg:speaker id:person-a ; smekg:text 5 .
        [] a smekg:Assertion ; rdf:subject id:stmt-a ; rdf:predicate smekg:speaker ;
            rdf:object id:person-a ; smekg:quote "말했다" .""",
    "agreement without a party": """id:mou-a a smekg:Agreement ; skos:prefLabel "협약"@ko .""",
    "unknown role": "[] a smekg:Participation ; rdf:subject id:person-a ; rdf:predicate smekg:participatedIn ; "
    'rdf:object id:event-a ; smekg:quote "가나다 씨가 참석했다" ; smekg:role "visitor" .',
    "holding annotating participation": "[] a smekg:Holding ; rdf:subject id:person-a ; "
    'rdf:predicate smekg:participatedIn ; rdf:object id:event-a ; smekg:quote "참석했다" .',
    "plain assertion for participation": "[] a smekg:Assertion ; rdf:subject id:person-a ; "
    'rdf:predicate smekg:participatedIn ; rdf:object id:event-a ; smekg:quote "참석했다" .',
    "chair with a wrong role": """id:series-s a smekg:EventSeries ; skos:prefLabel "시리즈"@ko .
        id:person-a smekg:chairOf id:series-s .
        [] a smekg:Assertion ; rdf:subject id:person-a ; rdf:predicate smekg:chairOf ;
            rdf:object id:series-s ; smekg:quote "의장" ; smekg:role "member" .""",
    "quote too short": "[] a smekg:Participation ; rdf:subject id:person-a ; rdf:predicate smekg:participatedIn ; "
    'rdf:object id:event-a ; smekg:quote "가" .',
    "quote too long": "[] a smekg:Participation ; rdf:subject id:person-a ; rdf:predicate smekg:participatedIn ; "
    'rdf:object id:event-a ; smekg:quote "' + "가" * 401 + '" .',
    "evidence with two subjects": "[] a smekg:Participation ; rdf:subject id:person-a, id:person-c ; "
    'rdf:predicate smekg:participatedIn ; rdf:object id:event-a ; smekg:quote "참석했다" .',
    "role with a language tag": "[] a smekg:Participation ; rdf:subject id:person-a ; "
    "rdf:predicate smekg:participatedIn ; "
    'rdf:object id:event-a ; smekg:quote "참석했다" ; smekg:role "attendee"@en .',
    "lower-case country": 'id:org-f a smekg:ResearchInstitute ; skos:prefLabel "연구소"@ko ; smekg:country "de" .',
    "two fiscal years": 'id:budget-c a smekg:Budget ; skos:prefLabel "예산"@ko ; smekg:amount 5 ; '
    'smekg:currency "KRW" ; smekg:fiscalYear 2020, 2021 .',
    "foreign partner without a kind": 'id:org-g a smekg:ForeignPartner ; skos:prefLabel "외국 기관"@ko .',
    "agent without a kind": """id:event-a smekg:organizedBy id:thing-x .
        [] a smekg:Assertion ; rdf:subject id:event-a ; rdf:predicate smekg:organizedBy ;
            rdf:object id:thing-x ; smekg:quote "주최" .""",
    "acting twice": """id:post-p a smekg:Post ; skos:prefLabel "장관"@ko .
        id:person-a smekg:holdsPost id:post-p .
        [] a smekg:Holding ; rdf:subject id:person-a ; rdf:predicate smekg:holdsPost ;
            rdf:object id:post-p ; smekg:quote "장관" ; smekg:acting true, false .""",
    "as-of not a date": """id:post-p a smekg:Post ; skos:prefLabel "장관"@ko .
        id:person-a smekg:holdsPost id:post-p .
        [] a smekg:Holding ; rdf:subject id:person-a ; rdf:predicate smekg:holdsPost ;
            rdf:object id:post-p ; smekg:quote "장관" ; smekg:asOf "2020" .""",
    "document of two kinds": 'id:doc-a a smekg:Programme, smekg:Bill ; skos:prefLabel "사업"@ko .',
}


def _case_dir(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "data" / "articles"
    folder.mkdir(parents=True)
    (folder / "950_case.trig").write_text(HEAD + "  " + extra + "\n}\n", encoding="utf-8")
    return tmp_path / "data"


def _key(problem: Problem) -> tuple[str, str, str]:
    focus = problem.focus if problem.focus.startswith("http") else "blank"
    message = problem.message.split(" (value: ")[0]
    return focus, problem.field, message


def _ours(data: Path) -> set[tuple[str, str, str]]:
    sources = read_sources(sorted(data.glob("articles/*.trig")))
    index = build_index(sources, load_ontology())
    return {_key(p) for p in check_shapes(sources, index)}


def _pyshacl(data: Path) -> set[tuple[str, str, str]]:
    return {_key(p) for p in pyshacl_problems(read_sources(sorted(data.glob("articles/*.trig"))))}


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_findings_as_pyshacl(tmp_path, case):
    data = _case_dir(tmp_path, CASES[case])
    ours, reference = _ours(data), _pyshacl(data)
    assert ours == reference
    if case in ("valid", "event without a date but with the doubt recorded"):
        assert ours == set()
    else:
        assert ours, f"the case {case!r} must break a shape"


def test_seed_data_conforms_for_both_validators():
    files = sorted(DATA_DIR.glob("*.ttl")) + sorted(DATA_DIR.glob("articles/*.trig"))
    sources = read_sources(files)
    index = build_index(sources, load_ontology())
    assert check_shapes(sources, index) == []
    assert pyshacl_problems(sources) == []


def test_unsupported_shacl_terms_are_refused_not_skipped():
    from rdflib import Graph

    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .""",
        format="turtle",
    )
    with pytest.raises(ValueError, match="closed"):
        _Compiler(shapes).shape(next(shapes.subjects()))
