"""Answers cached per graph version are served until the graph is reloaded, then computed afresh."""

from loaders import load_data
from queries import cache
from tests.conftest import FIXTURE_GRAPH


def test_cached_answers_follow_the_loaded_version(scratch_store):
    load_data(scratch_store, FIXTURE_GRAPH)
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cache.cached(scratch_store, "probe", ("k",), compute) == 1
    assert cache.cached(scratch_store, "probe", ("k",), compute) == 1  # served from the cache
    assert cache.cached(scratch_store, "probe", ("other",), compute) == 2
    load_data(scratch_store, FIXTURE_GRAPH)  # a new load: a new generation, so a new version
    assert cache.cached(scratch_store, "probe", ("k",), compute) == 3


def test_a_graph_without_version_is_never_cached(scratch_store):
    scratch_store.replace_graph(lambda writer: writer.run("CREATE (:Entity {iri: 'x'})"))
    calls = []
    for _ in range(2):
        cache.cached(scratch_store, "probe", (), lambda: calls.append(1))
    assert len(calls) == 2
