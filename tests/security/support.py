"""What the security tests share: a store of their own (its own engine), a live API over it, and a
prober that keeps asking the cheap questions while an attack runs and records how long each took."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from tests.browser_support import build_app, live_server
from tests.conftest import DATA_DIR

PROBE_LIMIT_S = 1.0  # the acceptance bound: every probe answered within a second, throughout
PROBES = ("/healthz", "/api/who-met-whom?person=%EB%B0%95%EC%98%81%EC%84%A0")  # 박영선


@dataclass
class Probe:
    path: str
    status: int
    seconds: float
    body: Any = None


@dataclass
class Prober:
    """Asks the cheap questions in a loop (one at a time) until stopped."""

    base_url: str
    paths: tuple[str, ...] = PROBES
    pause_s: float = 0.05
    probes: list[Probe] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            while not self._stop.is_set():
                for path in self.paths:
                    started = time.perf_counter()
                    response = client.get(path)
                    seconds = time.perf_counter() - started
                    body = response.json() if path == "/healthz" else None
                    self.probes.append(Probe(path, response.status_code, seconds, body))
                self._stop.wait(self.pause_s)

    @property
    def slowest(self) -> Probe:
        return max(self.probes, key=lambda p: p.seconds)

    def summary(self) -> str:
        slow = self.slowest
        return f"{len(self.probes)} probes, slowest {slow.seconds:.3f} s ({slow.path})"


@contextmanager
def probing(base_url: str, **options: Any) -> Iterator[Prober]:
    prober = Prober(base_url, **options)
    thread = threading.Thread(target=prober.run, name="prober", daemon=True)
    thread.start()
    time.sleep(0.3)  # a few probes before the attack
    try:
        yield prober
    finally:
        time.sleep(0.3)  # and a few after
        prober._stop.set()
        thread.join(timeout=60)


def own_store(directory: Path, graph: str = "seed", **limits: Any) -> FalkorDBStore:
    """The seed graph in a store with an engine of its own (attacks here cannot disturb other tests)."""
    from graph.falkordb_engine import EngineLimits

    store = FalkorDBStore(directory, graph, limits=EngineLimits(**limits))
    load_data(store, DATA_DIR)
    return store


@contextmanager
def serving(store: FalkorDBStore, **settings: Any) -> Iterator[str]:
    with live_server(build_app(store, **settings)) as url:
        yield url
