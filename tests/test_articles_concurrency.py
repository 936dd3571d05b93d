"""Readers during changes: 8 clients ask /api/who-met-whom and /api/graph while 20 articles are added
and then removed one after another through the API; no answer is a 5xx, and every answer is the
answer of some whole version of the graph (computed beforehand, version by version)."""

from __future__ import annotations

import json
import shutil
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.generate import generate
from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from services.articles import ArticleInput, add_articles, remove_articles
from tests.browser_support import build_app, live_server
from tests.conftest import DATA_DIR

KEY = "concurrency-key-0123456789"
CHANGED = 20
READERS = 8


@pytest.fixture(scope="module")
def world(store_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("concurrency")
    gen = root / "gen"
    generate(gen, 700, seed=11)
    articles = sorted((gen / "articles").glob("*.trig"))
    assert len(articles) > CHANGED + 5
    base = root / "base"
    shutil.copytree(DATA_DIR, base)
    shutil.rmtree(base / ".incremental", ignore_errors=True)
    shutil.copy(gen / "entities.ttl", base / "generated.ttl")
    for path in articles[:-CHANGED]:
        shutil.copy(path, base / "articles" / path.name)
    store = FalkorDBStore(store_dir, "incr_concurrency")
    yield store, base, articles[-CHANGED:], root
    store.drop_graph()
    store.close()


def _fresh(store: FalkorDBStore, base: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(base, target)
    load_data(store, target)
    return target


def _hub(changed: list[Path]) -> str:
    """The person taking part most often in the changed articles."""
    counts: Counter[str] = Counter()
    for path in changed:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "smekg:participatedIn" in line and line.strip().startswith("id:person-"):
                counts[line.split()[0]] += 1
    return "https://smekg.org/id/" + counts.most_common(1)[0][0].removeprefix("id:")


def _questions(hub: str) -> dict[str, tuple[str, dict[str, Any]]]:
    return {
        "who-met-whom": ("/api/who-met-whom", {"person": hub, "limit": 50}),
        "graph": ("/api/graph", {"center": hub, "depth": 2, "limit": 200}),
    }


def test_readers_see_whole_versions_while_articles_change(world):
    store, base, changed, root = world
    hub = _hub(changed)
    questions = _questions(hub)
    steps = [("add", p) for p in changed] + [("remove", p) for p in changed]

    # every version's answers, one change after the other with nobody reading
    data_dir = _fresh(store, base, root / "reference")
    expected: dict[str, set[str]] = {name: set() for name in questions}
    app = build_app(store, api_key=KEY, data_dir=data_dir)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:

        def record() -> None:
            for name, (path, params) in questions.items():
                response = client.get(path, params=params)
                assert response.status_code == 200, response.text
                expected[name].add(_canonical(response.content))

        record()
        for kind, path in steps:
            if kind == "add":
                add_articles(store, data_dir, [ArticleInput.from_path(path)])
            else:
                remove_articles(store, data_dir, [path.stem])
            record()
    assert all(len(answers) > 10 for answers in expected.values())  # the answers do change

    # the same changes through the API while 8 clients read
    data_dir = _fresh(store, base, root / "concurrent")
    app = build_app(store, api_key=KEY, data_dir=data_dir)
    answers: list[tuple[str, int, bytes]] = []
    done = threading.Event()
    with live_server(app) as url:

        def reader(number: int) -> None:
            names = list(questions)
            with httpx.Client(base_url=url, timeout=60) as client:
                i = number
                while not done.is_set():
                    name = names[i % len(names)]
                    path, params = questions[name]
                    response = client.get(path, params=params)
                    answers.append((name, response.status_code, response.content))
                    i += 1

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
        for thread in threads:
            thread.start()
        try:
            with httpx.Client(base_url=url, timeout=120) as writer:
                headers = {"X-API-Key": KEY}
                for kind, path in steps:
                    if kind == "add":
                        response = writer.post(
                            "/api/articles", content=path.read_bytes(), headers=headers
                        )
                    else:
                        response = writer.delete(f"/api/articles/{path.stem}", headers=headers)
                    assert response.status_code == 200, response.text
        finally:
            done.set()
            for thread in threads:
                thread.join()
    statuses = Counter(status for _, status, _ in answers)
    assert statuses == Counter({200: len(answers)}), statuses
    assert len(answers) > 2 * len(steps)
    seen: dict[str, set[str]] = {name: set() for name in questions}
    for name, _, body in answers:
        text = _canonical(body)
        assert text in expected[name], f"{name}: an answer of no whole version"
        seen[name].add(text)
    print(
        f"{len(answers)} answers; distinct versions seen: { {n: len(s) for n, s in seen.items()} }"
    )


def _canonical(body: bytes) -> str:
    return json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False)
