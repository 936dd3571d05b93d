"""Shared by the review workbench's tests: a writable copy of data/ in which the graph already knows a
person of one of the test articles' names at another organisation (so that reading the article gives
an uncertain match), a workbench over a temporary queue, and the test articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from smekg.settings import REPO_ROOT

ARTICLES = REPO_ROOT / "tests" / "fixtures" / "articles"
NEWS = ARTICLES / "news_caption.txt"  # a forum in Busan: 서민재, 고은채, 남궁현, 백승훈
ID = "https://smekg.org/id/"
OTHER_SEO = ID + "person-seo-min-jae"  # the 서민재 the graph knows (a professor elsewhere)
FIXTURE_ARTICLE = "990_review_fixture"

# An invented earlier article: 서민재, professor at 가온대학교, spoke at a seminar in 2022.
KNOWN_SEO_TRIG = f"""
@prefix smekg: <https://smekg.org/ontology#> .
@prefix id:    <https://smekg.org/id/> .
@prefix art:   <https://smekg.org/article/> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .

art:{FIXTURE_ARTICLE} {{
  art:{FIXTURE_ARTICLE} a smekg:Article ;
      smekg:headline "가온대학교, 제조 AI 세미나 개최"@ko ;
      smekg:datePublished "2022-05-10"^^xsd:date ;
      smekg:sourceFile "{FIXTURE_ARTICLE}.txt" .

  id:org-gaon-university a smekg:University ; skos:prefLabel "가온대학교"@ko .
  id:post-gaon-university-professor a smekg:Post ; skos:prefLabel "가온대학교 교수"@ko .
  id:person-seo-min-jae a smekg:Person ; skos:prefLabel "서민재"@ko .
  id:person-ha-yun-seo a smekg:Person ; skos:prefLabel "하윤서"@ko .
  id:event-2022-05-09-gaon-seminar a smekg:Meeting ;
      skos:prefLabel "가온대학교 제조 AI 세미나"@ko ;
      smekg:startDate "2022-05-09"^^xsd:date .

  id:post-gaon-university-professor smekg:postIn id:org-gaon-university .
  [] a smekg:Assertion ; rdf:subject id:post-gaon-university-professor ; rdf:predicate smekg:postIn ;
     rdf:object id:org-gaon-university ; smekg:quote "서민재 가온대학교 교수" .

  id:person-seo-min-jae smekg:holdsPost id:post-gaon-university-professor .
  [] a smekg:Holding ; rdf:subject id:person-seo-min-jae ; rdf:predicate smekg:holdsPost ;
     rdf:object id:post-gaon-university-professor ; smekg:asOf "2022-05-09"^^xsd:date ;
     smekg:quote "서민재 가온대학교 교수" .

  id:person-seo-min-jae smekg:participatedIn id:event-2022-05-09-gaon-seminar .
  [] a smekg:Participation ; rdf:subject id:person-seo-min-jae ; rdf:predicate smekg:participatedIn ;
     rdf:object id:event-2022-05-09-gaon-seminar ; smekg:role "speaker" ;
     smekg:quote "서민재 가온대학교 교수가 세미나에서 발표했다." .

  id:person-ha-yun-seo smekg:participatedIn id:event-2022-05-09-gaon-seminar .
  [] a smekg:Participation ; rdf:subject id:person-ha-yun-seo ; rdf:predicate smekg:participatedIn ;
     rdf:object id:event-2022-05-09-gaon-seminar ; smekg:role "attendee" ;
     smekg:quote "하윤서 씨도 세미나에 참석했다." .
}}
"""
KNOWN_SEO_TEXT = (
    "가온대학교, 제조 AI 세미나 개최\n서민재 가온대학교 교수가 세미나에서 발표했다. "
    "하윤서 씨도 세미나에 참석했다.\n"
)


def review_data(target: Path) -> Path:
    """A copy of data/ plus the invented earlier article (and its text) under `target`."""
    data = target / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "articles" / f"{FIXTURE_ARTICLE}.trig").write_text(KNOWN_SEO_TRIG, encoding="utf-8")
    (data / "texts" / f"{FIXTURE_ARTICLE}.txt").write_text(KNOWN_SEO_TEXT, encoding="utf-8")
    return data


def fact(view: dict, predicate: str, subject: str, obj: str | None = None) -> dict:
    """The one fact of `view` with this predicate and subject (and object) name."""
    found = [
        f
        for f in view["facts"]
        if f["predicate"] == predicate
        and f["subject"]["name"] == subject
        and (obj is None or obj in (f["object"]["name"], (f.get("holding") or {}).get("title")))
    ]
    assert len(found) == 1, (predicate, subject, obj, [f["subject"]["name"] for f in view["facts"]])
    return found[0]


def entity(view: dict, name: str, kind: str = "person") -> dict:
    found = [e for e in view["entities"] if e["kind"] == kind and name in (e["name"], e["mention"])]
    assert len(found) == 1, (name, kind)
    return found[0]
