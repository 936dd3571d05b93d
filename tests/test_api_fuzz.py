"""Schema-driven fuzzing: schemathesis generates requests from the OpenAPI document; none may answer 5xx,
and every answer must match the status codes and response schemas the document declares."""

from __future__ import annotations

import secrets

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks  # noqa: E402

from api.app import create_app  # noqa: E402
from smekg.settings import Settings  # noqa: E402

MAX_EXAMPLES = 100  # per operation
# Where a schema-valid request may still be refused by design: a console query that is not valid
# Cypher or a named query given bad values (400), two names that resolve to the same entity (400).
LENIENT = {
    "/api/connect",
    "/api/cypher",
    "/api/queries/{name}",
    "/api/met",
    "/api/paths",
    "/api/organizations/{a}/interlocks/{b}",
}
CASES: dict[str, int] = {}


# The document does not depend on the store; the requests go to an app over the seed graph.
# (schemathesis.pytest.from_fixture would load it lazily, but it fails on pytest 9.)
schema = schemathesis.openapi.from_dict(create_app(Settings(api_key="fuzz-key")).openapi())


@pytest.fixture(scope="module")
def fuzz_app(store):
    return create_app(
        Settings(api_key=secrets.token_hex(16), query_timeout_ms=2000, max_rows=200), store=store
    )


@pytest.fixture(scope="module", autouse=True)
def report_case_count():
    yield
    total = sum(CASES.values())
    print(
        f"\nschemathesis ran {total} cases over {len(CASES)} operations: "
        + ", ".join(f"{op} {n}" for op, n in sorted(CASES.items()))
    )


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_no_server_errors_and_responses_match_the_schema(case, fuzz_app):
    key = f"{case.operation.method.upper()} {case.operation.path}"
    CASES[key] = CASES.get(key, 0) + 1
    response = case.call(app=fuzz_app)
    assert response.status_code < 500, (key, response.status_code, response.text[:500])
    excluded = [checks.positive_data_acceptance] if case.operation.path in LENIENT else []
    case.validate_response(response, excluded_checks=excluded)
