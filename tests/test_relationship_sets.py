"""Relationship sets come from the ontology: a new relationship type joins the queries and the docs
by an annotation in the ontology alone."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from ontology.docs import regenerate
from ontology.vocabulary import ONTOLOGY_PATH, SMEKG, build_vocabulary, load_vocabulary
from queries.library import get_query, render
from smekg.settings import REPO_ROOT

MEETING = (
    "PARTICIPATED_IN",
    "HOLDS_POST",
    "POST_IN",
    "MEMBER_OF",
    "AFFILIATED_WITH",
    "CHAIR_OF",
    "SUB_ORGANIZATION_OF",
    "PARTY",
    "SIGNED_AT",
    "ORGANIZED_BY",
    "SPEAKER",
    "STATED_AT",
    "SUB_EVENT_OF",
)


def _with_a_new_meeting_link() -> Graph:
    """The ontology plus `smekg:advises` (Person → Organization), annotated as a meeting link."""
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    prop = SMEKG.advises
    for triple in (
        (prop, RDF.type, OWL.ObjectProperty),
        (prop, RDFS.label, Literal("자문", lang="ko")),
        (prop, RDFS.label, Literal("advises", lang="en")),
        (prop, SKOS.definition, Literal("The person advises the organisation.", lang="en")),
        (prop, RDFS.domain, SMEKG.Person),
        (prop, RDFS.range, SMEKG.Organization),
        (prop, SMEKG.relationshipSet, Literal("meeting")),
        (prop, SMEKG.relationshipSet, Literal("tie")),
    ):
        graph.add(triple)
    return graph


def test_the_sets_are_the_annotated_properties_in_order_of_precedence():
    vocab = load_vocabulary()
    assert vocab.relationship_set("meeting") == MEETING
    assert vocab.relationship_set("tie") == ("MEMBER_OF", "AFFILIATED_WITH", "CHAIR_OF")
    assert vocab.set_labels("meeting") == (
        "Agent",
        "Agreement",
        "Event",
        "EventSeries",
        "Post",
        "Statement",
    )
    assert ("CHAIR_OF", ("Person", "Post")) in vocab.set_links("meeting")


def test_the_named_queries_use_the_sets():
    assert "|".join(MEETING) in get_query("meeting_path").text
    for name in ("org_people", "org_events"):
        assert "MEMBER_OF|AFFILIATED_WITH|CHAIR_OF" in get_query(name).text
        assert "{{" not in get_query(name).text


def test_a_new_annotated_relationship_joins_the_queries_and_the_docs():
    vocab = build_vocabulary(_with_a_new_meeting_link())
    assert vocab.relationship_set("meeting") == (*MEETING, "ADVISES")
    assert vocab.relationship_set("tie")[-1] == "ADVISES"
    assert "|SUB_EVENT_OF|ADVISES*..6]" in render("[:{{relationships:meeting}}*..6]", vocab)
    modelling = (REPO_ROOT / "docs" / "modelling.md").read_text(encoding="utf-8")
    regenerated = regenerate(modelling, vocab)
    assert "| `advises` | Person → Organization | `ADVISES` | meeting, tie |" in regenerated
    assert "`SUB_EVENT_OF`, `ADVISES` |" in regenerated


def test_an_unknown_set_is_an_error_naming_the_known_ones():
    with pytest.raises(KeyError, match="known: meeting, tie"):
        render("[:{{relationships:meetings}}]", load_vocabulary())
