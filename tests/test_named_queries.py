"""The named-query contracts: declared parameters are the `$names` used (checked when the library
loads), every public query runs on the seed graph and returns the columns its header names, and the
internal queries are neither listed nor served."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ontology.vocabulary import load_vocabulary
from queries.library import (
    get_query,
    list_queries,
    load_folder,
    parameters_used,
    run_query,
)
from smekg.settings import Settings

PERSON = "https://smekg.org/id/person-park-young-sun"
OTHER = "https://smekg.org/id/person-han-seong-sook"
TIPA = "https://smekg.org/id/org-tipa"
MSS = "https://smekg.org/id/org-mss"
FORUM = "https://smekg.org/id/event-2025-09-04-sme-innovation-network-forum"
ARTICLE = "002_f72b6778ec84ef75"

# One call per public query, with arguments under which the seed graph has an answer.
SAMPLES: dict[str, dict[str, object]] = {
    "agreements_list": {"parties": [TIPA], "limit": 10},
    "article_detail": {"id": ARTICLE},
    "article_facts": {"article_id": ARTICLE, "limit": 10},
    "article_mentions": {"article_id": ARTICLE, "limit": 10},
    "entity_by_name": {"name": "TIPA", "lowered": "tipa"},
    "entity_detail": {"iri": TIPA},
    "entity_positions": {"iri": PERSON},
    "entity_relationships": {"iri": TIPA, "limit": 10},
    "entity_search": {"lowered": "tipa", "squeezed": "tipa", "limit": 10},
    "entity_search_facets": {"lowered": "tipa", "squeezed": "tipa"},
    "event_participant_posts": {"event": FORUM},
    "event_statements": {"event": FORUM},
    "events_list": {"type": "Forum", "limit": 10},
    "events_participant_posts": {"events": [FORUM]},
    "evidence_search": {"terms": ["기술이전"], "limit": 10},
    "graph_info": {},
    "label_counts": {},
    "meeting_path": {"a": PERSON, "b": OTHER, "max_hops": 6, "limit": 3},
    "met_at_events": {"a": PERSON, "b": "https://smekg.org/id/person-shin-sung-chul"},
    "org_events": {"org": MSS},
    "org_people": {"org": MSS},
    "person_event_counts": {"person": PERSON},
    "relationship_counts": {},
    "shortest_paths": {"a": PERSON, "b": TIPA, "max_hops": 6, "limit": 3},
    "who_met_whom": {"person": PERSON},
    "who_met_whom_orgs": {"person": OTHER, "limit": 10},
    "who_met_whom_ranked": {"person": PERSON, "skip": 0, "limit": 10, "events": 3},
}
# Internal queries with arguments under which the seed graph has an answer.
INTERNAL: dict[str, dict[str, object]] = {
    "articles_by_id": {"ids": [ARTICLE]},
    "entity_by_iri": {"iri": TIPA},
    "export_edges": {"skip": 0, "limit": 1},
    "export_nodes": {"skip": 0, "limit": 1},
    "graph_overview": {"types": ["PARTICIPATED_IN"], "limit": 10},
    "graph_overview_all": {"limit": 10},
    "graph_version": {},
    "property_keys": {},
}


def declared_columns(returns: str) -> list[str]:
    """Column names of a `returns:` header (what a column holds may follow in brackets)."""
    return [part.strip() for part in re.sub(r"\([^)]*\)", "", returns).split(",")]


def test_every_public_query_has_a_sample():
    public = {query.name for query in list_queries()}
    assert public == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_public_query_answers_on_the_seed_graph(store, name):
    result = run_query(store, name, SAMPLES[name])
    assert result.columns == declared_columns(get_query(name).returns)
    assert result.rows, f"{name} found nothing in the seed graph for {SAMPLES[name]}"


def test_internal_queries_run_but_are_not_listed_or_served(store):
    listed = {query.name for query in list_queries()}
    client = TestClient(create_app(Settings(), store=store))
    served = {item["name"] for item in client.get("/api/queries").json()["items"]}
    for name in INTERNAL:
        assert name not in listed and name not in served
        assert client.get(f"/api/queries/{name}").status_code == 404
        with pytest.raises(KeyError):
            get_query(name)
        assert run_query(store, name, INTERNAL[name]).rows


def test_parameters_are_read_outside_strings_and_comments():
    cypher = "MATCH (n {iri: $iri}) // $commented\nWHERE n.x = '$quoted' AND n.y = $other RETURN n"
    assert parameters_used(cypher) == {"iri", "other"}


def _write(folder, name: str, params: str, body: str) -> None:
    header = f"// name: {name}\n// description: a test\n// params: {params}\n// returns: n\n"
    (folder / f"{name}.cypher").write_text(header + body + "\n", encoding="utf-8")


def test_a_used_but_undeclared_parameter_is_refused_at_load(tmp_path):
    _write(tmp_path, "bad", "iri: an IRI", "MATCH (n {iri: $iri}) WHERE n.x = $x RETURN n")
    with pytest.raises(ValueError, match=r"bad\.cypher.*used but not declared: x"):
        load_folder(tmp_path, load_vocabulary(), internal=False)


def test_a_declared_but_unused_parameter_is_refused_at_load(tmp_path):
    _write(tmp_path, "bad", "iri: an IRI; limit: rows", "MATCH (n {iri: $iri}) RETURN n")
    with pytest.raises(ValueError, match="declared but not used: limit"):
        load_folder(tmp_path, load_vocabulary(), internal=False)


def test_a_dialect_variant_may_not_use_more_than_is_declared(tmp_path):
    _write(tmp_path, "good", "iri: an IRI", "MATCH (n {iri: $iri}) RETURN n")
    (tmp_path / "good.falkordb.cypher").write_text(
        "MATCH (n {iri: $iri}) WHERE n.x = $x RETURN n\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"good\.falkordb\.cypher.*used but not declared: x"):
        load_folder(tmp_path, load_vocabulary(), internal=False)
