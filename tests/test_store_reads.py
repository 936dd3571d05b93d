"""The adapter's engine-trick reads answer what plain Cypher answers, in the shapes every adapter
returns; the graph view's stand-ins round-trip '"' and '\\' exactly and are refused in data."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from loaders import load_data
from ontology.errors import LoadRefused
from queries.library import run_query
from services.analytics.data import KIND_LABELS, LINKS, PARTICIPATION
from smekg.settings import Settings
from tests.conftest import DATA_DIR

ID = "https://smekg.org/id/"


def neighbours(store, iri: str) -> list[str]:
    rows = store.read("MATCH (:Entity {iri: $c})--(m:Entity) RETURN DISTINCT m.iri", {"c": iri})
    return sorted(r[0] for r in rows.rows)


def test_view_nodes_and_edges_match_plain_cypher(store):
    iris = [*neighbours(store, ID + "org-tipa"), ID + "org-tipa"]
    nodes = store.view_nodes(iris)
    assert sorted(n["iri"] for n in nodes) == sorted(iris)
    assert all(isinstance(n["handle"], int) and n["labels"] for n in nodes)
    edges = store.view_edges(iris, [n["handle"] for n in nodes], None, 1000)
    plain = store.read(
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.iri IN $iris AND b.iri IN $iris "
        "RETURN a.iri, b.iri, type(r), coalesce(r.sources, []), coalesce(r.evidence, []), "
        "coalesce(r.roles, []) ORDER BY a.iri, type(r), b.iri",
        {"iris": iris},
    ).rows
    assert edges and [list(e) for e in edges] == plain
    assert all(isinstance(e, tuple) and len(e) == 6 for e in edges)
    typed = store.view_edges(iris, [n["handle"] for n in nodes], ["SUB_ORGANIZATION_OF"], 1000)
    assert typed and {e[2] for e in typed} == {"SUB_ORGANIZATION_OF"}


def test_expand_is_bounded_per_frontier_entity(store):
    mss = ID + "org-mss"
    (start,) = store.view_nodes([mss])
    hop = {"types": None, "since": None, "until": None}
    wide = store.expand([mss], [start["handle"]], **hop, fanout=1000, limit=1000)
    assert sorted(r["iri"] for r in wide) == neighbours(store, mss)
    assert all(r["capped"] == 0 and r["links"] == 1 for r in wide)
    narrow = store.expand([mss], [start["handle"]], **hop, fanout=3, limit=1000)
    assert len(narrow) == 3 and all(r["capped"] == 1 for r in narrow)
    seen = [start["handle"]] + [r["handle"] for r in wide]
    assert store.expand([mss], seen, **hop, fanout=1000, limit=10) == []
    second = store.expand([r["iri"] for r in wide], seen, **hop, fanout=1000, limit=1000)
    links = [r["links"] for r in second]
    assert links == sorted(links, reverse=True) and links[0] >= 2  # reached from several neighbours
    assert not {r["iri"] for r in second} & {r["iri"] for r in wide}
    typed = store.expand(
        [mss],
        [start["handle"]],
        types=["BUDGET_FOR", "ISSUED_BY"],
        since=None,
        until=None,
        fanout=9,
        limit=9,
    )
    assert ID + "budget-mss-rnd-2026" in {r["iri"] for r in typed}
    assert all(r["links"] == 1 for r in typed)


def test_id_reads_match_plain_cypher(store):
    by_label = store.ids_by_label(KIND_LABELS)
    for label in ("Person", "Event", "ForeignPartner"):
        plain = store.read(f"MATCH (n:{label}) RETURN id(n)").rows
        assert sorted(by_label[label]) == sorted(r[0] for r in plain)
    ((agents, events),) = store.id_pairs([PARTICIPATION])
    plain = store.read("MATCH (a:Agent)-[:PARTICIPATED_IN]->(e:Event) RETURN id(a), id(e)").rows
    assert sorted(zip(agents, events, strict=True)) == sorted((a, e) for a, e in plain)
    pairs = store.id_pairs(LINKS)
    assert len(pairs) == len(LINKS) and all(len(s) == len(t) for s, t in pairs)
    holds = store.read("MATCH (:Person)-[r:HOLDS_POST]->() RETURN count(r)").rows[0][0]
    assert len(pairs[LINKS.index(("Person", "HOLDS_POST", None))][0]) == holds
    ids, years = store.id_years("Event", "start_date")
    assert len(ids) == len(years) == len(by_label["Event"]) and 2020 in years
    described = store.describe_ids(ids[:3])
    assert set(described) == set(ids[:3]) and all(d["iri"] for d in described.values())


def test_live_counts_match_the_mapping(store):
    info = run_query(store, "graph_info").records()[0]
    counts = store.counts()
    assert (counts.nodes, counts.relationships) == (info["node_count"], info["edge_count"])


QUOTED_ARTICLE = """@prefix smekg: <https://smekg.org/ontology#> .
@prefix id: <https://smekg.org/id/> .
@prefix art: <https://smekg.org/article/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
art:904_quotes0000000000 {
  art:904_quotes0000000000 a smekg:Article ; smekg:headline "따옴표 기사" ;
      smekg:sourceFile "904.txt" ; smekg:datePublished "2024-01-01"^^xsd:date .
  id:org-quote-test a smekg:Company ; skos:prefLabel "%s"@ko ; skos:altLabel "QUOTE-TEST"@en .
  id:org-quote-test smekg:memberOf id:org-kova .
  [] a smekg:Membership ; rdf:subject id:org-quote-test ; rdf:predicate smekg:memberOf ;
     rdf:object id:org-kova ; smekg:quote "%s" .
}
"""


def _article(name: str, quote: str) -> str:
    escape = str.maketrans({"\\": "\\\\", '"': '\\"'})
    return QUOTED_ARTICLE % (name.translate(escape), quote.translate(escape))


def test_quotes_and_backslashes_round_trip_through_the_graph_view(scratch_store, data_copy):
    name, quote = 'a "quoted" \\ name \\"', 'said "hello" \\ \\\\ to all'
    (data_copy / "articles" / "904_quotes0000000000.trig").write_text(
        _article(name, quote), encoding="utf-8"
    )
    load_data(scratch_store, data_copy)
    (node,) = scratch_store.view_nodes([ID + "org-quote-test"])
    assert node["name_ko"] == name
    with TestClient(create_app(Settings(), store=scratch_store)) as client:
        body = client.get("/api/graph", params={"center": ID + "org-quote-test"}).json()
    centre = next(n for n in body["nodes"] if n["id"] == ID + "org-quote-test")
    assert centre["name_ko"] == name
    edge = next(e for e in body["edges"] if e["type"] == "MEMBER_OF")
    assert edge["evidence"] == [quote]


@pytest.mark.parametrize("char", ["\uffff", "\ufffe"])
def test_stand_in_characters_are_refused_in_data(scratch_store, data_copy, char):
    load_data(scratch_store, DATA_DIR)
    before = scratch_store.counts(), scratch_store.generation()
    (data_copy / "articles" / "904_quotes0000000000.trig").write_text(
        _article(f"bad{char}name", "plain quote"), encoding="utf-8"
    )
    with pytest.raises(LoadRefused, match="noncharacter"):
        load_data(scratch_store, data_copy)
    assert (scratch_store.counts(), scratch_store.generation()) == before
