"""What every route needs: settings, the (bounded) store, the ontology, and a deadline for blocking work.

Routes are `async` and hand their store work to a worker thread through `Context.run`, which stops
waiting at the request deadline (the query time limit plus a grace period) and answers 408; the
store's own reads carry the engine time-out and the store's app-side deadline as well, so a slow
query cannot hold the server.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from graph.store import GraphStore, QueryResult, QueryTimeout
from ontology.vocabulary import ART, ID, Vocabulary
from services.answers.questions import EntityNotFound, resolve_entity
from smekg.settings import Settings

T = TypeVar("T")

REQUEST_GRACE_MS = 2500  # the request deadline fires this long after the query time limit
API_KEY_HEADER = "X-API-Key"


class BoundedStore:
    """A store whose reads always carry the configured time limit (named queries included)."""

    def __init__(self, store: GraphStore, timeout_ms: int):
        self._store = store
        self._timeout_ms = timeout_ms
        self.kind = store.kind

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        max_rows: int | None = None,
        console: bool = False,
    ) -> QueryResult:
        return self._store.read(
            cypher,
            params,
            timeout_ms=timeout_ms or self._timeout_ms,
            max_rows=max_rows,
            console=console,
        )

    @property
    def inner(self) -> GraphStore:
        return self._store

    def __getattr__(self, name: str) -> Any:  # replace_graph, graph_name, close…
        return getattr(self._store, name)


@dataclass
class Context:
    settings: Settings
    store: BoundedStore
    vocab: Vocabulary

    @property
    def deadline_s(self) -> float:
        return (self.settings.query_timeout_ms + REQUEST_GRACE_MS) / 1000

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking store work in a thread; give up at the request deadline with QueryTimeout."""
        call = functools.partial(fn, *args, **kwargs)
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
    if ctx is None:
        raise HTTPException(503, "the graph store is not open yet")
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
        raise HTTPException(403, "write endpoints are disabled: set SMEKG_API_KEY to enable them")
    if not key:
        raise HTTPException(
            401,
            f"this endpoint needs an API key in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": API_KEY_HEADER},
        )
    if not secrets.compare_digest(
        key.encode("utf-8", "replace"), settings.api_key.encode("utf-8", "replace")
    ):
        raise HTTPException(403, "the API key is not valid")


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


def resolve(store: GraphStore, text: str, label: str | None = None) -> dict[str, Any]:
    """An IRI (full or `id:` form), Korean or English name, or alias → one entity (404 / 409 otherwise)."""
    if has_control_characters(text):
        raise EntityNotFound(f"no entity matches {text!r}")
    return resolve_entity(store, expand_iri(text), label)
