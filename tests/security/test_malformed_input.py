"""Malformed requests are 4xx, never 5xx; no answer shows a server path or a traceback; every answer
carries `X-Content-Type-Options: nosniff`.

A schemathesis run sends every operation that takes a body (and every other operation with a body it
does not expect) non-UTF-8 bytes, broken JSON and odd content types; then the ingest file names."""

from __future__ import annotations

import secrets
import tempfile

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from smekg.settings import Settings

schemathesis = pytest.importorskip("schemathesis")

KEY = secrets.token_hex(16)
MEDIA_TYPES = [
    "application/json",
    "application/json; charset=latin-1",
    "application/json; charset=utf-16",
    "text/plain",
    "text/plain; charset=utf-8",
    "text/html",
    "application/xml",
    "application/octet-stream",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "*/*",
    "application/json-patch+json",
]
BODIES = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(
        [
            b"\xff\xfe\xfa",
            b'{"query": "RETURN 1"\xff}',
            b'{"query": "\xc3\x28"}',
            '{"query": "RETURN 1"}'.encode("utf-16"),
            b'{"text": "\xed\xa0\x80", "filename": "a.txt"}',
            b'{"text": "x", "filename": "\x00.txt"}',
            b"\x00" * 64,
            b'--xyz\r\nContent-Disposition: form-data; name="query"\r\n\r\n\xff\r\n--xyz--\r\n',
            b"query=%FF%FE&params=%00",
            b"[" * 5000,
            b'{"query": ' + b"[" * 3000 + b"]" * 3000 + b"}",
        ]
    ),
)

schema = schemathesis.openapi.from_dict(create_app(Settings(api_key="fuzz")).openapi())
OPERATIONS = [
    (path, method.upper())
    for path, methods in schema.raw_schema["paths"].items()
    for method in methods
    if method in ("get", "post")
]


@pytest.fixture(scope="module")
def app(store, tmp_path_factory):
    return create_app(
        Settings(
            api_key=KEY,
            query_timeout_ms=2000,
            max_rows=50,
            data_dir=tmp_path_factory.mktemp("no-data"),  # a reload finds nothing: 409, graph kept
        ),
        store=store,
    )


def _path_parameters(path: str) -> dict[str, str]:
    """`/api/entities/{id}` → {"id": "x"} (a value that names nothing)."""
    return {part.split("}")[0].split(":")[0]: "x" for part in path.split("{")[1:]}


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=BODIES, media_type=st.sampled_from(MEDIA_TYPES))
def test_odd_bodies_and_content_types_are_never_5xx(app, path, method, body, media_type):
    operation = schema[path][method]
    case = operation.Case(
        body=body,
        media_type=media_type,
        path_parameters=_path_parameters(path),
    )
    response = case.call(app=app, headers={"X-API-Key": KEY})
    assert response.status_code < 500, (method, path, response.status_code, response.text[:300])
    assert response.headers.get("x-content-type-options") in ("nosniff", ["nosniff"])
    assert "Traceback" not in response.text and "/tmp/" not in response.text


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize(
    "filename",
    [
        "a\x00b.txt",
        "가" * 90 + ".txt",  # 274 bytes in UTF-8
        "x" * 300,
        "../../etc/passwd",
        "folder/article.txt",
        "back\\slash.txt",
        "tab\tname.txt",
        "..",
        " ",
    ],
)
def test_ingest_refuses_file_names_that_are_not_plain(client, filename):
    response = client.post(
        "/api/ingest",
        headers={"X-API-Key": KEY},
        json={"text": "본문", "filename": filename},
    )
    assert response.status_code == 422, response.text
    assert "Traceback" not in response.text


def test_ingest_errors_name_the_file_not_the_server_path(client):
    response = client.post(
        "/api/ingest",
        headers={"X-API-Key": KEY},
        json={"text": "This page is entirely in English.", "filename": "english.txt"},
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors and all(e["file"] == "english.txt" for e in errors)
    assert "smekg-upload" not in response.text and tempfile.gettempdir() not in response.text


@pytest.mark.parametrize(
    ("method", "path", "options", "status"),
    [
        ("GET", "/healthz", {}, 200),
        ("GET", "/api/entities", {"params": {"q": "tipa"}}, 200),
        ("GET", "/graph", {}, 200),
        ("GET", "/ontology.ttl", {}, 200),
        ("GET", "/openapi.json", {}, 200),
        ("GET", "/no/such/page", {}, 404),
        ("GET", "/api/entities/no-such-entity-xyz", {}, 404),
        ("DELETE", "/api/cypher", {}, 405),
        (
            "POST",
            "/api/cypher",
            {"content": b"{", "headers": {"content-type": "application/json"}},
            422,
        ),
        ("POST", "/api/cypher", {"json": {"query": "CREATE (n)"}}, 403),
        ("POST", "/api/cypher", {"content": b"x" * 300_000}, 413),
        ("POST", "/api/reload", {}, 401),
        ("POST", "/api/reload", {"headers": {"X-API-Key": "wrong"}}, 403),
    ],
)
def test_every_answer_says_nosniff(client, method, path, options, status):
    response = client.request(method, path, **options)
    assert response.status_code == status, response.text[:300]
    assert response.headers["x-content-type-options"] == "nosniff"
