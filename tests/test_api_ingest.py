"""POST /api/ingest: the key guards it; an article comes back as a review report, RDF and graph JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from queries import run_query
from smekg.settings import REPO_ROOT, Settings

KEY = "ingest-key-0123456789"
ARTICLE = REPO_ROOT / "tests" / "fixtures" / "articles" / "news_caption.txt"


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(Settings(api_key=KEY), store=store)) as test_client:
        yield test_client


def test_ingest_needs_the_key(client):
    assert client.post("/api/ingest", json={"text": "x"}).status_code == 401


def test_ingest_returns_report_rdf_and_graph_and_writes_nothing(client, store):
    before = run_query(store, "label_counts").rows
    response = client.post(
        "/api/ingest",
        headers={"X-API-Key": KEY},
        json={"text": ARTICLE.read_text(encoding="utf-8"), "filename": "news_caption.txt"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    article = body["articles"][0]
    assert article["date"] == "2023-09-13"
    assert "고은채" in article["report"] and "GRAPH" not in article["report"]
    assert "smekg:Participation" in article["rdf"] or "Participation" in article["rdf"]
    people = {n["name_ko"] for n in body["graph"]["nodes"] if "Person" in n["labels"]}
    assert {"서민재", "고은채", "남궁현", "백승훈"} <= people
    reporters = {n["iri"] for n in body["graph"]["nodes"] if n.get("name_ko") == "최도윤"}
    participants = {e["source"] for e in body["graph"]["edges"] if e["type"] == "PARTICIPATED_IN"}
    assert not reporters & participants  # the reporter wrote the article; he did not attend
    assert body["errors"] == []
    assert run_query(store, "label_counts").rows == before


def test_ingest_of_a_non_korean_page_is_a_clear_400(client):
    response = client.post(
        "/api/ingest",
        headers={"X-API-Key": KEY},
        json={
            "text": "This page is entirely in English and has no Korean article.",
            "filename": "english.txt",
        },
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"]
