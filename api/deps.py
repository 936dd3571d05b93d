"""What every route needs: settings, the (bounded) store, the ontology, and a deadline for blocking work.

Routes are `async` and hand their store work to a worker thread through `Context.run`, which builds
the answer within one generation of the graph and stops waiting at the request deadline (the query
time limit plus a grace period) with 408; the store's own reads carry the engine time-out and the
store's app-side deadline as well, so a slow query cannot hold the server. Routes get the read-only
view (`ctx.store`); only the reload route uses the writer side (`ctx.admin`).
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from graph.consistency import consistent
from graph.store import (
    GraphBackend,
    GraphCounts,
    GraphReader,
    NodeHandle,
    QueryResult,
    Reached,
    ViewEdge,
    ViewNode,
)
from ontology.errors import Forbidden, QueryTimeout, StoreUnavailable, Unauthorized
from ontology.vocabulary import ART, ID, Vocabulary
from services.answers.questions import EntityNotFound, resolve_entity
from smekg.settings import Settings

T = TypeVar("T")

REQUEST_GRACE_MS = 2500  # the request deadline fires this long after the query time limit
API_KEY_HEADER = "X-API-Key"


class BoundedStore:
    """The API's read-only view of the store: every read carries the configured time limit (named
    queries and the engine-trick reads included). It forwards reads only; the store's writer side
    (replacing the graph, applying batches) is not reachable through it."""

    def __init__(self, store: GraphReader, timeout_ms: int):
        self._store = store
        self._timeout_ms = timeout_ms
        self.kind = store.kind
        self.graph_name = store.graph_name
        self.identity = store.identity
        self.read_only_procedures = store.read_only_procedures

    def _limit(self, timeout_ms: int | None) -> int:
        return timeout_ms or self._timeout_ms

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        return self._store.read(
            cypher, params, timeout_ms=self._limit(timeout_ms), max_rows=max_rows
        )

    def console_read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        return self._store.console_read(
            cypher, params, timeout_ms=self._limit(timeout_ms), max_rows=max_rows
        )

    def generation(self) -> str | None:
        return self._store.generation()

    def counts(self) -> GraphCounts:
        return self._store.counts()

    def view_nodes(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> list[ViewNode]:
        return self._store.view_nodes(iris, timeout_ms=self._limit(timeout_ms))

    def view_edges(
        self,
        iris: Sequence[str],
        members: Sequence[NodeHandle],
        types: Sequence[str] | None,
        limit: int,
        *,
        timeout_ms: int | None = None,
    ) -> list[ViewEdge]:
        return self._store.view_edges(
            iris, members, types, limit, timeout_ms=self._limit(timeout_ms)
        )

    def expand(
        self,
        frontier: Sequence[str],
        seen: Iterable[NodeHandle],
        *,
        types: Sequence[str] | None,
        since: str | None,
        until: str | None,
        fanout: int,
        limit: int,
        timeout_ms: int | None = None,
    ) -> list[Reached]:
        return self._store.expand(
            frontier,
            seen,
            types=types,
            since=since,
            until=until,
            fanout=fanout,
            limit=limit,
            timeout_ms=self._limit(timeout_ms),
        )

    def ids_by_label(
        self, labels: Sequence[str], *, timeout_ms: int | None = None
    ) -> dict[str, list[int]]:
        return self._store.ids_by_label(labels, timeout_ms=self._limit(timeout_ms))

    def id_pairs(
        self, links: Sequence[tuple[str, str, str | None]], *, timeout_ms: int | None = None
    ) -> list[tuple[list[int], list[int]]]:
        return self._store.id_pairs(links, timeout_ms=self._limit(timeout_ms))

    def id_years(
        self, label: str, key: str, *, timeout_ms: int | None = None
    ) -> tuple[list[int], list[int]]:
        return self._store.id_years(label, key, timeout_ms=self._limit(timeout_ms))

    def describe_ids(
        self, ids: Sequence[int], *, timeout_ms: int | None = None
    ) -> dict[int, dict[str, Any]]:
        return self._store.describe_ids(ids, timeout_ms=self._limit(timeout_ms))

    def ids_of(self, iris: Sequence[str], *, timeout_ms: int | None = None) -> dict[str, int]:
        return self._store.ids_of(iris, timeout_ms=self._limit(timeout_ms))


@dataclass
class Context:
    settings: Settings
    store: BoundedStore
    admin: GraphBackend
    vocab: Vocabulary

    @property
    def deadline_s(self) -> float:
        return (self.settings.query_timeout_ms + REQUEST_GRACE_MS) / 1000

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking store work in a thread, consistent with one graph generation (built again
        when a reload swapped the graph in between); give up at the request deadline (QueryTimeout)."""
        answer = functools.partial(fn, *args, **kwargs)
        return await self._in_thread(functools.partial(consistent, self.store, answer))

    async def run_single(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Like `run`, for work that is one query (always consistent): never run twice."""
        return await self._in_thread(functools.partial(fn, *args, **kwargs))

    async def _in_thread(self, call: Callable[[], T]) -> T:
        try:
            with anyio.fail_after(self.deadline_s):
                return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
        except TimeoutError as exc:
            raise QueryTimeout(
                f"the request took longer than {self.settings.query_timeout_ms} ms (SMEKG_QUERY_TIMEOUT_MS) "
                "and was stopped"
            ) from exc


def get_context(request: Request) -> Context:
    ctx = getattr(request.app.state, "context", None)
    if not isinstance(ctx, Context):
        raise StoreUnavailable("the graph store is not open yet")
    return ctx


Ctx = Annotated[Context, Depends(get_context)]

_api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="Write endpoints need the key configured in SMEKG_API_KEY.",
)


def require_api_key(
    request: Request, key: Annotated[str | None, Security(_api_key_header)]
) -> None:
    """401 without a key, 403 with a wrong one, 403 for everyone when no key is configured."""
    settings: Settings = request.app.state.settings
    if not settings.api_key:
        raise Forbidden("write endpoints are disabled: set SMEKG_API_KEY to enable them")
    if not key:
        raise Unauthorized(f"this endpoint needs an API key in the {API_KEY_HEADER} header")
    if not secrets.compare_digest(
        key.encode("utf-8", "replace"), settings.api_key.encode("utf-8", "replace")
    ):
        raise Forbidden("the API key is not valid")


_COMPACT = re.compile(r"^(id|art):([A-Za-z0-9_.-]+)$")


def expand_iri(text: str) -> str:
    """`id:org-tipa` → `https://smekg.org/id/org-tipa`, `art:002_…` → the article IRI; other text unchanged."""
    match = _COMPACT.match(text.strip())
    if not match:
        return text
    base = ID if match.group(1) == "id" else ART
    return f"{base}{match.group(2)}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def has_control_characters(text: str) -> bool:
    """No name, IRI or article id holds control characters (and FalkorDB cannot take a NUL parameter)."""
    return bool(_CONTROL.search(text))


def resolve(store: GraphReader, text: str, label: str | None = None) -> dict[str, Any]:
    """An IRI (full or `id:` form), Korean or English name, or alias → one entity (404 / 409 otherwise)."""
    if has_control_characters(text):
        raise EntityNotFound(f"no entity matches {text!r}")
    return resolve_entity(store, expand_iri(text), label)
