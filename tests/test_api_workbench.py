"""The researcher's workbench over HTTP (issue 15), against the seed graph in the real embedded
FalkorDB: source articles with their texts and facts, ranked and full-text search, who-met-whom that
explains itself, the connection finder, views, exports, the live schema, names in named queries,
complete entity pages and honest analytics."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from html import unescape

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset

from api.app import create_app
from services.texts import quote_anchor
from smekg.settings import REPO_ROOT, Settings

ID = "https://smekg.org/id/"
A001, A002 = "001_b1e14967caded7a2", "002_f72b6778ec84ef75"
DATA = REPO_ROOT / "data"


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(Settings(), store=store)) as test_client:
        yield test_client


def get(client: TestClient, url: str, status: int = 200, **params) -> dict:
    response = client.get(url, params=params or None)
    assert response.status_code == status, response.text
    return response.json()


# -- article texts and source pages ------------------------------------------------------------------
def test_every_quote_of_every_article_is_in_its_stored_text():
    for trig in sorted((DATA / "articles").glob("*.trig")):
        text = (DATA / "texts" / f"{trig.stem}.txt").read_text(encoding="utf-8")
        dataset = Dataset()
        dataset.parse(trig, format="trig")
        quotes = {
            str(o)
            for _, p, o, _ in dataset.quads((None, None, None, None))
            if str(p) == "https://smekg.org/ontology#quote"
        }
        assert quotes
        missing = [q for q in quotes if unicodedata.normalize("NFC", q) not in text]
        assert missing == [], trig.name


def test_article_text_is_served_as_text_never_markup(client):
    response = client.get(f"/api/sources/{A002}/text")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.text.startswith("산학연관 中企기술혁신 싱크탱크")
    assert client.get("/api/sources/999_nothing/text").status_code == 404
    assert client.get("/api/sources/..%2F..%2Fetc%2Fpasswd/text").status_code == 404


def test_source_facts_group_the_articles_relationships_with_located_quotes(client):
    body = get(client, f"/api/sources/{A001}/facts")
    article = body["article"]
    assert article["has_text"] is True and article["original_url"] is None
    assert article["headline"].startswith("중기부, APEC 연계 포럼서")
    kinds = [g["kind"] for g in body["groups"]]
    assert kinds[0] == "meetings" and "agreements" in kinds and "posts" in kinds
    assert sum(len(g["facts"]) for g in body["groups"]) == len(body["facts"])
    assert all(q["found"] for q in body["quotes"])
    text = client.get(f"/api/sources/{A001}/text").text
    for quote in body["quotes"]:
        assert quote["quote"] in text and quote["anchor"] == quote_anchor(quote["quote"])
        for index in quote["facts"]:
            assert quote["quote"] in body["facts"][index]["evidence"]
    mou = next(f for f in body["facts"] if f["type"] == "PARTY")
    assert mou["evidence"] and all(q in text for q in mou["evidence"])


def test_original_url_comes_from_the_data_when_recorded():
    from api.routes.sources import original_url

    assert original_url({"url": "https://example.org/a"}) == "https://example.org/a"
    assert (
        original_url({"note": ["Source: https://news.example/x/1."]}) == "https://news.example/x/1"
    )
    assert original_url({"note": ["Refers to https://x.example (not the source)"]}) is None
    assert original_url({"url": "javascript:alert(1)"}) is None


# -- search ----------------------------------------------------------------------------------------
def test_search_ranks_exact_names_and_aliases_first(client):
    mit = get(client, "/api/entities", q="MIT")
    assert mit["items"][0]["iri"] == ID + "org-mit" and mit["items"][0]["match"] == "exact"
    assert {i["match"] for i in mit["items"][1:]} <= {"prefix", "partial"}
    assert mit["total"] == sum(f["count"] for f in mit["facets"]) == len(mit["items"])
    assert {"type": "Subcommittee", "count": 9} in mit["facets"]
    assert get(client, "/api/entities", q="중기부")["items"][0]["iri"] == ID + "org-mss"
    spaced = get(client, "/api/entities", q="중소벤처 기업부")["items"]
    assert spaced[0]["iri"] == ID + "org-mss" and spaced[0]["match"] == "spaced"
    only = get(client, "/api/entities", q="MIT", type="University")["items"]
    assert [i["iri"] for i in only] == [ID + "org-mit"]


def test_full_text_search_finds_the_sentences_that_say_it(client):
    body = get(client, "/api/search", q="기술이전")
    assert body["terms"] == ["기술이전"]
    assert [p["article_id"] for p in body["passages"]] == [A001]
    assert "기술이전" in body["passages"][0]["text"]
    assert body["quotes"] and all("기술이전" in q for h in body["quotes"] for q in h["evidence"])
    assert body["quotes"][0]["sources"][0]["headline"]


def test_full_text_search_takes_other_names_of_the_entity_named(client):
    body = get(client, "/api/search", q="중기부")
    assert "중소벤처기업부" in body["terms"] and body["named"][0]["iri"] == ID + "org-mss"
    assert any(
        "중소벤처기업부" in p["text"] and "중기부" not in p["text"] for p in body["passages"]
    )
    latin = get(client, "/api/search", q="MIT")
    assert all(re.search(r"(?<![a-z])mit(?![a-z])", p["text"].lower()) for p in latin["passages"])


# -- who met whom ------------------------------------------------------------------------------------
def test_who_met_whom_lists_organisations_and_says_why_no_people(client):
    body = get(client, "/api/who-met-whom", person="한성숙")
    assert body["total"] == 0 and body["met"] == []
    orgs = {o["organization"]["iri"] for o in body["organisations"]}
    assert {
        ID + "org-fraunhofer",
        ID + "org-purdue",
        ID + "org-steinbeis",
        ID + "org-tipa",
    } <= orgs
    assert "name no other person" in body["explanation"] and "organisation" in body["explanation"]
    assert body["explanation_ko"] and body["events"] == body["events_all"] == 1
    event = body["organisations"][0]["events"][0]
    assert event["date"] == "2025-09-04" and event["evidence"] and event["sources"] == [A001]
    assert body["articles"][A001]["headline"]


def test_who_met_whom_rows_carry_the_post_held_that_day(client):
    body = get(client, "/api/who-met-whom", person="오영주", events=10)
    posts = {
        m["person"]["name_ko"]: [p["post"]["name_ko"] for e in m["events"] for p in e["posts"]]
        for m in body["met"]
    }
    assert posts["박진호"] == ["포인투테크놀로지 대표"]
    assert all(e["sources"] for m in body["met"] for e in m["events"])
    later = get(client, "/api/who-met-whom", person="오영주", since="2026-01-01")
    assert later["total"] == 0 and "outside" in later["explanation"]


# -- connections ---------------------------------------------------------------------------------------
def test_connect_tipa_and_fraunhofer_every_hop_has_a_quote(client):
    body = get(client, "/api/connect", a="TIPA", b="Fraunhofer")
    assert body["chains"] and all(c["length"] == 2 for c in body["chains"])
    for chain in body["chains"]:
        assert chain["nodes"][0]["iri"] == ID + "org-tipa"
        assert chain["nodes"][-1]["iri"] == ID + "org-fraunhofer"
        assert all(hop["evidence"] and hop["sources"] for hop in chain["hops"])
        assert all(edge["evidence"] for edge in chain["edges"])
        assert not [k for e in chain["edges"] for k in e["properties"] if k.startswith("_")]
    kinds = {hop["kind"] for c in body["chains"] for hop in c["hops"]}
    assert kinds == {"meeting", "relationship"}
    assert [e["iri"] for e in body["shared_events"]] == [
        ID + "event-2025-09-04-sme-innovation-network-forum"
    ]
    assert body["interlocks"]["agreements"][0]["iri"] == ID + "agreement-2025-tipa-fraunhofer-mou"


def test_connect_people_and_errors(client):
    body = get(client, "/api/connect", a="박영선", b="한성숙")
    assert body["interlocks"] is None and body["shared_events"] == []
    hop_types = [h["type"] for h in body["chains"][0]["hops"]]
    assert hop_types == ["HOLDS_POST", "HOLDS_POST"]  # the same post, years apart
    get(client, "/api/connect", 400, a="TIPA", b="기정원")
    get(client, "/api/connect", 404, a="TIPA", b="없는기관")


# -- views -----------------------------------------------------------------------------------------------
def test_subgraph_gives_the_entities_and_every_relationship_among_them(client):
    iris = ["id:org-tipa", ID + "org-fraunhofer", ID + "agreement-2025-tipa-fraunhofer-mou", "nope"]
    body = client.post("/api/view/subgraph", json={"iris": iris}).json()
    assert {n["id"] for n in body["nodes"]} == {
        ID + "org-tipa",
        ID + "org-fraunhofer",
        ID + "agreement-2025-tipa-fraunhofer-mou",
    }
    assert {(e["from"], e["type"]) for e in body["edges"]} == {
        (ID + "agreement-2025-tipa-fraunhofer-mou", "PARTY")
    }
    assert all(e["evidence"] for e in body["edges"])
    assert client.post("/api/view/subgraph", json={"iris": ["x"] * 1001}).status_code == 422


def test_view_html_is_one_offline_file_with_names_as_text(client):
    nodes = [
        {"id": "id:org-tipa", "x": 0, "y": 0},
        {"id": "id:org-fraunhofer", "x": 200, "y": 0, "color": "#123456"},
        {"id": "id:agreement-2025-tipa-fraunhofer-mou", "x": 100, "y": 100},
    ]
    title = "</script><script>alert(1)</script> view"
    response = client.post("/api/view/html", json={"title": title, "nodes": nodes})
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment;")
    html = response.text
    assert "<script>alert(1)" not in html and "&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "default-src 'none'" in unescape(html) and "vis.Network" in html
    data = json.loads(html.split('id="view-data">', 1)[1].split("</script>", 1)[0])
    assert {n["label"] for n in data["nodes"]} == {
        "중소기업기술정보진흥원",
        "프라운호퍼",
        "글로벌 R&D 협력 업무협약",
    }
    assert all(n["physics"] is False for n in data["nodes"])
    assert next(n for n in data["nodes"] if n["id"].endswith("fraunhofer"))["color"] == "#123456"
    assert len(data["edges"]) == 2 and all(e["smEvidence"] for e in data["edges"])


# -- exports ---------------------------------------------------------------------------------------------
def test_exports_are_downloads_in_every_format(client):
    listed = get(client, "/api/export")["items"]
    assert [f["name"] for f in listed] == [
        "json",
        "trig",
        "ttl",
        "jsonld",
        "graphml",
        "nodes.csv",
        "edges.csv",
    ]
    for fmt in listed:
        response = client.get(fmt["href"])
        assert response.status_code == 200, fmt
        assert response.headers["content-type"].startswith(fmt["media_type"])
        assert fmt["filename"] in response.headers["content-disposition"]
    graph = nx.read_graphml(io.BytesIO(client.get("/api/export/graphml").content))
    assert all(graph.nodes[n].get("label") for n in graph.nodes)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/api/export/edges.csv").text.lstrip("\ufeff")))
    )
    assert rows and all(r["evidence"] for r in rows)
    assert client.get("/api/export/pdf").status_code == 404


# -- console: schema and named queries -------------------------------------------------------------------
def test_schema_lists_labels_types_and_property_keys_in_use(client):
    body = get(client, "/api/schema")
    labels = {label["name"]: label for label in body["labels"]}
    assert labels["Person"]["count"] == 60 and labels["Person"]["label_ko"] == "인물"
    assert "PARTICIPATED_IN" in {t["name"] for t in body["relationship_types"]}
    assert {"name_ko", "start_date"} <= {k["name"] for k in body["node_properties"]}
    assert {"evidence", "as_of", "acting"} <= {k["name"] for k in body["relationship_properties"]}
    assert "search_text" not in {k["name"] for k in body["node_properties"]}


def test_named_queries_take_names_as_well_as_iris_and_serve_no_internal_ones(client):
    by_name = get(client, "/api/queries/who_met_whom", person="박영선")
    by_iri = get(client, "/api/queries/who_met_whom", person=ID + "person-park-young-sun")
    assert by_name["rows"] == by_iri["rows"] and by_name["rows"]
    assert by_name["params"]["person"] == ID + "person-park-young-sun"  # what was run
    listed = get(client, "/api/queries/agreements_list", parties='["TIPA", "프라운호퍼"]', limit=5)
    assert [r[0] for r in listed["rows"]] == [ID + "agreement-2025-tipa-fraunhofer-mou"]
    assert (
        "parameter 'person'"
        in get(client, "/api/queries/who_met_whom", 404, person="없는사람")["detail"]
    )
    assert get(client, "/api/queries/article_detail", id=A002)[
        "rows"
    ]  # an id, not an IRI parameter
    queries = {q["name"]: q for q in get(client, "/api/queries")["items"]}
    assert "export_nodes" not in queries and "graph_version" not in queries
    assert "who_met_whom" in queries and "meeting_path" in queries
    get(client, "/api/queries/export_nodes", 404)


# -- entity pages ----------------------------------------------------------------------------------------
def test_a_posts_holders_are_a_dated_timeline_with_acting_marked(client):
    body = get(client, "/api/entities/id:post-mss-minister")
    holders = [(h["person"]["name_ko"], h["as_of"], h["acting"]) for h in body["holders"]]
    assert holders == [
        ("박영선", ["2020-07-02"], None),
        ("오영주", ["2024-08-13"], None),
        ("한성숙", ["2025-09-04"], None),
        ("노용석", ["2026-07-01"], True),
    ]
    holding = [r for r in body["relationships"] if r["type"] == "HOLDS_POST"]
    assert [r["other"]["name_ko"] for r in holding] == ["박영선", "오영주", "한성숙", "노용석"]


def test_a_persons_posts_and_meetings_are_one_timeline(client):
    body = get(client, "/api/entities/오영주")
    kinds = [(t["date"], t["kind"]) for t in body["timeline"]]
    assert kinds[:2] == [("2024-08-13", "post"), ("2024-08-13", "event")]
    assert [d for d, _ in kinds if d] == sorted(d for d, _ in kinds if d)


def test_entity_detail_keeps_every_property(client):
    budget = get(client, "/api/entities/id:budget-mss-rnd-2026")["properties"]
    assert budget["amount"] == 2195500000000 and budget["fiscal_year"] == 2026
    assert budget["change_rate"] == 0.45 and budget["status"] and budget["date_reasoning"]
    article = get(client, "/api/entities/art:003_b1c08b4e021cc235")["properties"]
    assert article["ambiguity"] and article["date_reasoning"]


# -- analytics --------------------------------------------------------------------------------------------
def test_analytics_say_when_a_measure_is_degenerate(client):
    people = get(client, "/api/analytics/centrality", projection="people")
    assert all(b["betweenness"] == 0 for b in people["betweenness"])
    warnings = [c for c in people["caveats"] if c["level"] == "warning"]
    assert [c["measure"] for c in warnings] == ["betweenness"]
    assert "Every betweenness is 0" in warnings[0]["en"] and warnings[0]["ko"]
    assert any(c["measure"] == "all" and "Only 52 nodes" in c["en"] for c in people["caveats"])
    full = get(client, "/api/analytics/centrality", projection="full")
    assert not [
        c for c in full["caveats"] if c["measure"] == "betweenness" and c["level"] == "warning"
    ]


def test_a_broker_made_by_one_edge_is_flagged(client):
    body = get(client, "/api/analytics/brokers")
    lawmaker = body["brokers"][0]
    assert lawmaker["iri"] == ID + "person-lee-jang-seop"
    flagged = [c for c in body["caveats"] if c["level"] == "warning"]
    assert any(c["en"].startswith("이장섭 ranks here only because 국회 hangs off") for c in flagged)
    communities = get(client, "/api/analytics/communities", projection="full")
    assert any("separate pieces" in c["en"] for c in communities["caveats"])
    members = get(client, "/api/analytics/communities/members")
    assert members["count"] == communities["count"]
    assert len({m["iri"] for m in members["members"]}) == len(members["members"]) > 200
