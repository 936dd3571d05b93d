"""The read-only Cypher console over HTTP: writes refused, time limit, row cap, hostile requests."""

from __future__ import annotations

import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.store import QueryTimeout
from queries.library import run_query
from smekg.settings import Settings

TIMEOUT_MS = 300
MAX_ROWS = 5
EXPLOSIVE = "MATCH (a),(b),(c),(d),(e) RETURN count(*)"


@pytest.fixture(scope="module")
def client(store):
    settings = Settings(api_key="test-key", query_timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)
    with TestClient(create_app(settings, store=store)) as test_client:
        yield test_client


def cypher(client: TestClient, query: str, params: dict | None = None):
    body = {"query": query} if params is None else {"query": query, "params": params}
    return client.post("/api/cypher", json=body)


def counts(store) -> tuple[list, list]:
    return run_query(store, "label_counts").rows, run_query(store, "relationship_counts").rows


def test_read_query_with_parameters(client):
    response = cypher(
        client,
        "MATCH (n:Entity {iri: $iri}) RETURN n.name_ko AS name, n.aliases AS aliases",
        {"iri": "https://smekg.org/id/org-tipa"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["name", "aliases"]
    assert body["rows"] == [["중소기업기술정보진흥원", ["TIPA", "기정원"]]]
    assert body["truncated"] is False and body["elapsed_ms"] >= 0


def test_nodes_relationships_and_paths_serialise_with_ids_labels_and_properties(client):
    response = cypher(
        client, "MATCH p = (a:Person {name_ko: '박영선'})-[r:HOLDS_POST]->(b:Post) RETURN a, r, p"
    )
    assert response.status_code == 200, response.text
    node, rel, path = response.json()["rows"][0]
    assert node["id"] and "Person" in node["labels"] and node["properties"]["name_ko"] == "박영선"
    assert (
        rel["type"] == "HOLDS_POST" and rel["start"] == node["id"] and rel["properties"]["evidence"]
    )
    assert rel["properties"]["as_of"] == ["2020-07-02"]  # dates as ISO strings
    assert path["nodes"][0]["id"] == node["id"] and path["relationships"][0]["type"] == "HOLDS_POST"


def test_rows_are_capped_with_truncated_flag(client):
    body = cypher(client, "MATCH (n:Entity) RETURN n.iri").json()
    assert len(body["rows"]) == MAX_ROWS and body["truncated"] is True
    body = cypher(client, "MATCH (n:Entity) RETURN n.iri LIMIT 3").json()
    assert len(body["rows"]) == 3 and body["truncated"] is False


WRITES = [
    "CREATE (n:Entity {iri: 'x'}) RETURN n",
    "MERGE (n:Entity {iri: 'https://smekg.org/id/org-tipa'}) RETURN n",
    "MATCH (n:Person) DELETE n",
    "MATCH (n:Person) DETACH DELETE n",
    "MATCH (n:Entity {iri: 'https://smekg.org/id/org-tipa'}) SET n.name_ko = 'x' RETURN n",
    "MATCH (n:Entity) REMOVE n.name_ko",
    "CALL db.idx.fulltext.createNodeIndex('Entity', 'name_ko')",
    "CALL db.idx.fulltext.drop('Entity')",
    "MATCH (n:Person) WITH n LIMIT 1 CREATE (n)-[:KNOWS]->(:Entity {iri: 'y'})",
    "MATCH (n) WITH n\n// comment\nmerge (m:X) RETURN m",
    "MATCH (n) FOREACH (x IN [1] | SET n.hit = 1)",
    "LOAD CSV FROM 'http://example.org/x.csv' AS row RETURN row",
    "CALL { MATCH (n) RETURN n } RETURN n",
    "CALL apoc.load.json('http://example.org/x.json') YIELD value RETURN value",
]


@pytest.mark.parametrize("query", WRITES)
def test_writes_are_refused_and_change_nothing(client, store, query):
    before = counts(store)
    response = cypher(client, query)
    assert response.status_code == 403, response.text
    assert "read-only" in response.json()["detail"]
    assert counts(store) == before


def test_write_keywords_inside_strings_are_fine(client):
    response = cypher(
        client, "MATCH (n:Entity) WHERE n.name_en CONTAINS 'CREATE' RETURN count(n) AS n"
    )
    assert response.status_code == 200, response.text


def test_syntax_error_is_400_with_the_engines_message(client):
    response = cypher(client, "MATCH (n RETURN n")
    assert response.status_code == 400
    assert "Invalid input" in response.json()["detail"] or "line" in response.json()["detail"]


def test_explosive_query_really_exceeds_the_limit(store):
    """The query used below cannot finish in three times the API's limit."""
    with pytest.raises(QueryTimeout):
        store.read(EXPLOSIVE, timeout_ms=3 * TIMEOUT_MS)


def test_explosive_query_is_stopped_with_408_and_the_next_request_is_answered(client):
    started = time.perf_counter()
    response = cypher(client, EXPLOSIVE)
    elapsed = time.perf_counter() - started
    assert response.status_code == 408, response.text
    assert "time limit" in response.json()["detail"] or "stopped" in response.json()["detail"]
    assert elapsed < 5
    follow_up = cypher(client, "MATCH (n:Person {name_ko: '박영선'}) RETURN n.iri")
    assert follow_up.status_code == 200
    assert follow_up.json()["rows"] == [["https://smekg.org/id/person-park-young-sun"]]
    assert client.get("/api/who-met-whom", params={"person": "박영선"}).status_code == 200


def test_server_answers_other_requests_while_a_slow_query_runs(client):
    results: dict[str, int] = {}
    slow = threading.Thread(
        target=lambda: results.setdefault("slow", cypher(client, EXPLOSIVE).status_code)
    )
    slow.start()
    time.sleep(0.05)
    started = time.perf_counter()
    health = client.get("/healthz")
    quick = time.perf_counter() - started
    slow.join(timeout=10)
    assert health.status_code == 200 and quick < TIMEOUT_MS / 1000
    assert results["slow"] == 408


def test_repeated_timeouts_leave_the_server_healthy(client):
    for _ in range(4):
        assert cypher(client, EXPLOSIVE).status_code == 408
    assert cypher(client, "RETURN 1 AS one").json()["rows"] == [[1]]


def test_100_kb_query_is_a_client_error(client):
    huge = "MATCH (n) WHERE n.name_ko = '" + "가" * 40_000 + "' RETURN n"  # ~ 120 KB in UTF-8
    assert len(huge.encode()) > 100_000
    response = cypher(client, huge)
    assert response.status_code in (413, 422), response.text


def test_oversized_body_is_413(client):
    response = client.post(
        "/api/cypher",
        content=b'{"query": "' + b"x" * 400_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "raw",
    [
        b'{"query": "RETURN 1", bad',
        b"not json at all",
        b"",
        b'{"query": 5}',
        b'{"params": {}}',
        b'{"query": "RETURN 1", "params": [1, 2]}',
        b'{"query": "RETURN 1", "extra": true}',
        b'{"query": ""}',
        b"[" * 50_000 + b"]" * 50_000,
        b'{"query": "RETURN $x", "params": {"x": ' + b"[" * 20_000 + b"]" * 20_000 + b"}}",
    ],
)
def test_malformed_requests_are_4xx_never_500(client, raw):
    response = client.post("/api/cypher", content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])


def test_unencodable_parameters_are_400(client):
    response = cypher(client, "RETURN $x", {"x": {"bad`key": 1}})
    assert response.status_code == 400


def test_wrong_content_type_is_4xx(client):
    response = client.post(
        "/api/cypher",
        content=json.dumps({"query": "RETURN 1"}),
        headers={"content-type": "text/plain"},
    )
    assert 400 <= response.status_code < 500
