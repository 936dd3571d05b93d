"""Write endpoints: the API key from settings guards them; reload swaps in a new graph or keeps the old one."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from smekg.settings import REPO_ROOT, Settings

KEY = "test-key-0123456789"
DATA_DIR = REPO_ROOT / "data"


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(Settings(api_key=KEY), store=store)) as test_client:
        yield test_client


def test_reload_without_a_key_is_401(client):
    response = client.post("/api/reload")
    assert response.status_code == 401
    assert "X-API-Key" in response.json()["detail"]


def test_reload_with_a_wrong_key_is_403(client):
    assert client.post("/api/reload", headers={"X-API-Key": "wrong"}).status_code == 403
    assert client.post("/api/reload", headers={"X-API-Key": KEY + "x"}).status_code == 403


def test_write_endpoints_are_disabled_without_a_configured_key(store):
    with TestClient(create_app(Settings(api_key=None), store=store)) as c:
        for headers in ({}, {"X-API-Key": "anything"}, {"X-API-Key": ""}):
            response = c.post("/api/reload", headers=headers)
            assert response.status_code == 403
            assert "SMEKG_API_KEY" in response.json()["detail"]


def test_read_endpoints_need_no_key(client):
    assert client.get("/api/entities", params={"q": "tipa"}).status_code == 200
    assert client.post("/api/cypher", json={"query": "RETURN 1"}).status_code == 200


def test_reload_with_the_key_builds_the_graph(scratch_store):
    settings = Settings(api_key=KEY, data_dir=DATA_DIR)
    with TestClient(create_app(settings, store=scratch_store)) as c:
        assert c.get("/healthz").status_code == 503  # nothing loaded in this graph yet
        response = c.post("/api/reload", headers={"X-API-Key": KEY})
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["files"] >= 2 and report["nodes"] > 100 and report["edges"] > 100
        health = c.get("/healthz").json()
        assert health["status"] == "ok" and health["version"] == report["version"]
        assert health["node_count"] == report["nodes"]
        assert (
            c.get("/api/entities/기정원").json()["entity"]["iri"] == "https://smekg.org/id/org-tipa"
        )


def test_reload_of_invalid_data_is_409_and_keeps_the_graph(scratch_store, data_copy):
    with TestClient(create_app(Settings(api_key=KEY, data_dir=DATA_DIR), store=scratch_store)) as c:
        assert c.post("/api/reload", headers={"X-API-Key": KEY}).status_code == 200
        version = c.get("/healthz").json()["version"]
    article = sorted((data_copy / "articles").glob("*.trig"))[0]
    article.write_text(
        article.read_text(encoding="utf-8") + "\nthis is not turtle ;;\n", encoding="utf-8"
    )
    with TestClient(
        create_app(Settings(api_key=KEY, data_dir=data_copy), store=scratch_store)
    ) as c:
        response = c.post("/api/reload", headers={"X-API-Key": KEY})
        assert response.status_code == 409, response.text
        body = response.json()
        assert body["problems"] and article.name in " ".join(body["problems"])
        assert c.get("/healthz").json()["version"] == version
