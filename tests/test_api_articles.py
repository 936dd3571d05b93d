"""POST /api/articles, DELETE /api/articles/{id}, and POST /api/ingest with `load`: the API key guards
them, a change shows in the answers and in data/, a refusal names file, node and field and changes
nothing; `smekg ingest --load` adds the article the same way."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from loaders import load_data
from smekg.settings import REPO_ROOT, Settings
from tests.articles_support import exported, folder_state, with_unknown_reference
from tests.conftest import DATA_DIR

KEY = "articles-key-0123456789"
ARTICLE = "004_da2b47640338fa7f"
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "articles" / "news_caption.txt"


@pytest.fixture()
def setup(scratch_store, tmp_path):
    """The seeds without one article, loaded; the API over that graph and data folder."""
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    shutil.rmtree(data_dir / ".incremental", ignore_errors=True)
    article = tmp_path / f"{ARTICLE}.trig"
    shutil.move(data_dir / "articles" / f"{ARTICLE}.trig", article)
    load_data(scratch_store, data_dir)
    app = create_app(Settings(api_key=KEY, data_dir=data_dir), store=scratch_store)
    with TestClient(app) as client:
        yield client, scratch_store, data_dir, article


def test_the_article_endpoints_need_the_key(setup):
    client, _, _, article = setup
    body = article.read_bytes()
    assert client.post("/api/articles", content=body).status_code == 401
    assert (
        client.post("/api/articles", content=body, headers={"X-API-Key": "wrong"}).status_code
        == 403
    )
    assert client.delete(f"/api/articles/{ARTICLE}").status_code == 401


def test_post_adds_and_delete_removes_an_article(setup):
    client, store, data_dir, article = setup
    headers = {"X-API-Key": KEY, "Content-Type": "application/trig"}
    version = client.get("/healthz").json()["version"]
    assert client.get(f"/api/sources/{ARTICLE}").status_code == 404
    before = exported(store)

    added = client.post("/api/articles", content=article.read_bytes(), headers=headers)
    assert added.status_code == 200, added.text
    report = added.json()
    assert report["added"] == [ARTICLE] and report["edge_delta"] > 50
    health = client.get("/healthz").json()
    assert health["version"] == report["version"] != version
    assert health["edge_count"] == report["edges"]
    assert client.get(f"/api/sources/{ARTICLE}").status_code == 200
    assert f"{ARTICLE}.trig" in folder_state(data_dir)

    removed = client.delete(f"/api/articles/{ARTICLE}", headers=headers)
    assert removed.status_code == 200, removed.text
    assert removed.json()["removed"] == [ARTICLE]
    assert client.get("/healthz").json()["version"] == version  # the same files: the same version
    assert exported(store) == before
    assert f"{ARTICLE}.trig" not in folder_state(data_dir)
    assert client.delete(f"/api/articles/{ARTICLE}", headers=headers).status_code == 404


def test_a_refused_article_is_422_naming_file_node_and_field(setup):
    client, store, data_dir, article = setup
    broken = with_unknown_reference(article.read_text(encoding="utf-8"))
    before, files = exported(store), folder_state(data_dir)
    response = client.post("/api/articles", content=broken.encode(), headers={"X-API-Key": KEY})
    assert response.status_code == 422, response.text
    problem = response.json()["problems"][0]
    assert problem["file"] == "request body"
    assert problem["focus"] == "https://smekg.org/id/thing-that-nobody-types"
    assert problem["field"] == "https://smekg.org/ontology#about"
    assert exported(store) == before and folder_state(data_dir) == files

    dependency = client.delete("/api/articles/002_f72b6778ec84ef75", headers={"X-API-Key": KEY})
    assert dependency.status_code == 422
    assert "000_b202fafe58c59ed2" in dependency.json()["problems"][0]["message"]
    assert exported(store) == before and folder_state(data_dir) == files


def test_api_ingest_with_load_adds_the_article(setup):
    client, store, data_dir, _ = setup
    response = client.post(
        "/api/ingest",
        headers={"X-API-Key": KEY},
        json={"text": FIXTURE.read_text(encoding="utf-8"), "filename": "caption.txt", "load": True},
    )
    assert response.status_code == 200, response.text
    loaded = response.json()["loaded"]
    assert loaded["added"] == ["caption"] and loaded["node_delta"] > 0
    assert "caption.trig" in folder_state(data_dir)
    names = store.read("MATCH (p:Person {name_ko: '고은채'}) RETURN p.sources").rows
    assert names and "caption" in names[0][0]


def test_cli_ingest_with_load_adds_the_article(setup, store_dir, tmp_path):
    from smekg.cli import app

    _, store, data_dir, _ = setup
    env = {
        "SMEKG_STORE_DIR": str(store_dir),
        "SMEKG_GRAPH": store.graph_name,
        "SMEKG_DATA_DIR": str(data_dir),
        "NEO4J_URI": "",
    }
    command = ["ingest", str(FIXTURE), "--out", str(tmp_path / "review"), "--load"]
    result = CliRunner().invoke(app, command, env=env)
    assert result.exit_code == 0, result.output
    assert "news_caption.trig" in folder_state(data_dir)
    assert store.read("MATCH (a:Article {article_id: 'news_caption'}) RETURN a.iri").rows
