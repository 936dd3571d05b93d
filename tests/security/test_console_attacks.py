"""Runaway console queries are refused before the engine sees them, or bounded by it; throughout, a
prober asking /healthz and who-met-whom gets every answer within a second.

The attacks are the issue's: every nesting form at depths 20 to 9,000, range() blow-ups, and string,
comment and backtick tricks around LOAD CSV and CALL (with a listener that would see any connection
the engine opened), plus queries the guard lets through that are heavy for the engine."""

from __future__ import annotations

import json
import socket
import threading

import httpx
import pytest

from tests.security.support import PROBE_LIMIT_S, own_store, probing, serving

TIMEOUT_MS = 1000
REFUSED = {400, 403, 413, 422}


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    store = own_store(tmp_path_factory.mktemp("attacks"))
    with serving(store, query_timeout_ms=TIMEOUT_MS, max_rows=50) as url:
        yield store, url
    store.close()


@pytest.fixture(scope="module")
def listener():
    """A TCP port on 127.0.0.1 that records every connection made to it (an SSRF would show here)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    seen: list[tuple[str, int]] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except TimeoutError:
                continue
            seen.append(address)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join()
    server.close()


FORMS = {
    "parentheses": ("(", ")", "1"),
    "brackets": ("[", "]", "1"),
    "map": ("{a: ", "}", "1"),
    "not": ("NOT ", "", "true"),
    "unary minus": ("-", "", "1"),
    "unary minus spaced": ("- ", "", "1"),
    "function calls": ("abs(", ")", "1"),
    "case": ("CASE WHEN true THEN ", " END", "1"),
    "comprehension": ("[x IN [1] | ", "]", "x"),
}
DEPTHS = (20, 22, 24, 30, 100, 1000, 9000)


def nested(form: str, depth: int) -> str:
    opening, closing, leaf = FORMS[form]
    return "RETURN " + opening * depth + leaf + closing * depth


def _listener_url(port: int) -> str:
    return f"https://127.0.0.1:{port}/x.csv"


def tricks(port: int) -> list[str]:
    url = _listener_url(port)
    load = f"LOAD CSV FROM '{url}' AS row RETURN row"
    return [
        load,
        f"RETURN '//' AS a {load}",
        f'RETURN "//" AS a, 1 AS b // x\r{load}',
        f"RETURN 'a\\\\' AS a {load}",
        f"RETURN 'it\\'s // fine' AS a {load}",
        f"RETURN 1 AS a /* */ {load}",
        f"RETURN 1 AS a /* LOAD */ {load}",
        f"MATCH (n) RETURN n.`x``y` AS a {load}",
        f"/* {load} */ {load}",
        f"RETURN 1 AS a UNION LoAd CsV FROM '{url}' AS row RETURN row AS a",
        "CALL db.idx.fulltext.createNodeIndex('Entity', 'name_ko')",
        "CALL `db.idx.fulltext.createNodeIndex`('Entity', 'name_ko')",
        "CALL db.`idx`.fulltext.createNodeIndex('Entity', 'name_ko')",
        "CALL /* db.labels */ db.idx.fulltext.createNodeIndex('Entity', 'name_ko')",
        "RETURN '//' AS a CALL db.idx.fulltext.createNodeIndex('Entity', 'name_ko')",
        "CALL db.labels() YIELD label CALL db.idx.fulltext.drop('Entity') RETURN label",
        "CALL { MATCH (n) RETURN n } RETURN count(n)",
    ]


RANGES = [
    "UNWIND range(1, 1000000000) AS x RETURN count(x)",
    "UNWIND range(1, toInteger(1e9)) AS x RETURN count(x)",
    "UNWIND range(1, 10 ^ 9) AS x RETURN count(x)",
    "WITH 1000000000 AS n UNWIND range(1, n) AS x RETURN count(x)",
    "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)",
    "RETURN size([x IN range(1, 1000) | [y IN range(1, 1000) | x * y]])",
    "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s))",
    "RETURN size(range(-1000000000, 1000000000, 1))",
]

# Let through by the guard, but heavy for the engine: each must end with an answer, 408, or 503
# (the console slot still busy) and never hold the prober up.
BOUNDED = [
    "MATCH (a), (b), (c), (d), (e) RETURN count(*)",
    "UNWIND range(1, 100000) AS x MATCH (n) RETURN count(*)",
    "RETURN " + "(" * 12 + "1" + ")" * 12,
    "RETURN [" + ", ".join(["(" * 9 + "1" + ")" * 9] * 6) + "]",
    "MATCH (a), (b), (c) RETURN collect(a.name_ko + b.name_ko + c.name_ko)[0]",
    "MATCH p = (a)-[*]-(b) RETURN count(p)",
]


def test_attacks_are_refused_or_bounded_and_the_service_keeps_answering(target, listener):
    store, url = target
    port, connections = listener
    before = store.counts(), store.generation()
    indexes = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    outcomes: dict[str, int] = {}
    with probing(url) as prober, httpx.Client(base_url=url, timeout=60) as client:

        def ask(query: str) -> int:
            response = client.post("/api/cypher", json={"query": query})
            assert response.status_code < 500 or response.status_code == 503, response.text
            assert "Traceback" not in response.text
            outcomes[query[:80]] = response.status_code
            return response.status_code

        for form in FORMS:
            for depth in DEPTHS:
                assert ask(nested(form, depth)) in REFUSED, (form, depth)
        for query in tricks(port):
            assert ask(query) in REFUSED, query
        for query in RANGES:
            assert ask(query) in REFUSED, query
        for query in BOUNDED:
            assert ask(query) in {200, 408, 503}, query
        for depth in (20, 24):  # nested parameters reach the same parser
            params = {"x": json.loads("[" * depth + "1" + "]" * depth)}
            status = client.post("/api/cypher", json={"query": "RETURN $x", "params": params})
            assert status.status_code in REFUSED
            named = client.get(
                "/api/queries/entity_detail", params={"iri": json.dumps(params["x"])}
            )
            assert named.status_code in REFUSED
    assert prober.probes and all(p.status == 200 for p in prober.probes), prober.summary()
    assert prober.slowest.seconds < PROBE_LIMIT_S, prober.summary()
    assert connections == [], "the engine opened a connection"
    assert (store.counts(), store.generation()) == before
    after = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    assert after == indexes
    print(f"\n{len(outcomes)} attack queries; prober: {prober.summary()}")


def test_the_console_slot_is_held_until_the_engine_is_done(target):
    """While a runaway still runs in the engine, the next console query is 'busy', not queued."""
    _, url = target
    runaway = {"query": "MATCH (a), (b), (c), (d), (e) RETURN count(*)"}
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(3):  # a quick query may take the slot before the runaway does: try again
            while client.post("/api/cypher", json={"query": "RETURN 1"}).status_code != 200:
                pass  # an earlier runaway still holds the slot
            results: list[int] = []

            def run_away(into: list[int] = results) -> None:
                into.append(client.post("/api/cypher", json=runaway).status_code)

            slow = threading.Thread(target=run_away)
            slow.start()
            slow.join(timeout=0.3)
            statuses = set()
            while slow.is_alive():
                statuses.add(client.post("/api/cypher", json={"query": "RETURN 1"}).status_code)
            slow.join()
            if results == [408]:
                break
        assert results == [408]
        assert 503 in statuses
        assert client.post("/api/cypher", json={"query": "RETURN 1"}).status_code == 200
