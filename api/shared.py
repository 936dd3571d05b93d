"""Small helpers the route modules share: value shaping, source look-up, and documented error replies."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from api.models import (
    AmbiguousOut,
    EntityRef,
    EntitySummary,
    ErrorOut,
    PathEdge,
    PathNode,
    SourceRef,
)
from graph.store import GraphReader
from loaders.provenance import is_internal
from queries.library import run_query

HIDDEN_PROPERTIES = {"search_text"}


def as_list(value: Any) -> list[Any]:
    """Properties stored as a list or a scalar (or missing) → a list."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def as_text_list(value: Any) -> list[str]:
    return [str(v) for v in as_list(value) if v is not None]


def first(value: Any) -> Any:
    items = as_list(value)
    return items[0] if items else None


def as_bool(value: Any) -> bool | None:
    value = first(value)
    return value if isinstance(value, bool) else None


def visible(props: dict[str, Any]) -> dict[str, Any]:
    """Properties to show: not the search key, nor the bookkeeping (`_prov`, `_d_…`, `_n_…`)."""
    return {k: v for k, v in props.items() if k not in HIDDEN_PROPERTIES and not is_internal(k)}


def path_of(row: dict[str, Any]) -> tuple[list[PathNode], list[PathEdge]]:
    """A path row (`nodes`, `edges` maps) as models; bookkeeping properties left out."""
    nodes = [
        PathNode(
            iri=n["iri"],
            type=n.get("type"),
            labels=as_list(n.get("labels")),
            name_ko=n.get("name_ko"),
            name_en=n.get("name_en"),
            date=n.get("date"),
        )
        for n in row["nodes"]
    ]
    edges = []
    for e in row["edges"]:
        props = e.get("props") or {}
        edges.append(
            PathEdge(
                type=e["type"],
                from_=e["source"],
                to=e["target"],
                sources=as_text_list(props.get("sources")),
                evidence=as_text_list(props.get("evidence")),
                properties={
                    k: v for k, v in visible(props).items() if k not in ("sources", "evidence")
                },
            )
        )
    return nodes, edges


def summary(row: dict[str, Any]) -> EntitySummary:
    return EntitySummary(
        iri=row["iri"],
        type=row.get("type"),
        labels=as_list(row.get("labels")),
        name_ko=row.get("name_ko"),
        name_en=row.get("name_en"),
        aliases=as_text_list(row.get("aliases")),
    )


def ref(iri: Any, type_: Any = None, name_ko: Any = None, name_en: Any = None) -> EntityRef:
    return EntityRef(iri=iri, type=type_, name_ko=name_ko, name_en=name_en)


def ref_from(row: dict[str, Any], prefix: str) -> EntityRef | None:
    """`post_iri`, `post_name_ko`… → an EntityRef, or None when the IRI is missing."""
    iri = row.get(f"{prefix}_iri")
    if iri is None:
        return None
    return ref(
        iri, row.get(f"{prefix}_type"), row.get(f"{prefix}_name_ko"), row.get(f"{prefix}_name_en")
    )


def unique(values: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value is not None and value not in out:
            out.append(value)
    return out


class SourceBook:
    """Collects article ids while a reply is built, then looks up their headlines in one query."""

    def __init__(self, store: GraphReader):
        self._store = store
        self._refs: dict[str, SourceRef] = {}

    def load(self, ids: Iterable[str]) -> None:
        wanted = sorted({str(i) for i in ids if i} - set(self._refs))
        if not wanted:
            return
        for row in run_query(self._store, "articles_by_id", {"ids": wanted}).records():
            self._refs[row["article_id"]] = SourceRef(
                article_id=row["article_id"],
                iri=row["iri"],
                headline=row["headline"],
                date_published=row["date_published"],
                publisher=first(row["publisher"]),
            )
        for article_id in wanted:
            self._refs.setdefault(article_id, SourceRef(article_id=article_id))

    def refs(self, ids: Any) -> list[SourceRef]:
        ids = unique(str(i) for i in as_list(ids))
        self.load(ids)
        return [self._refs[i] for i in ids]


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error replies a route can give."""
    meaning = {
        400: "Bad request (for the console: the engine's syntax or type error)",
        401: "No API key",
        403: "Refused (write endpoints without a valid key; console writes)",
        404: "No entity, article or query by that name",
        408: "Stopped at the query time limit",
        409: "The name is ambiguous: the reply lists the candidates",
        413: "Request body too large",
        503: "The graph store is unavailable, restarting, busy or empty (retry; see Retry-After)",
    }
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        model = AmbiguousOut if code == 409 else ErrorOut
        out[code] = {"model": model, "description": meaning[code]}
    return out


def json_errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Error replies of a route whose own answer is not JSON (a text or a file): documented as JSON
    explicitly, since FastAPI would give them the route's media type."""
    out: dict[int | str, dict[str, Any]] = {}
    for code, entry in responses(*codes).items():
        ref = "#/components/schemas/" + entry["model"].__name__
        out[code] = {
            "description": entry["description"],
            "content": {"application/json": {"schema": {"$ref": ref}}},
        }
    return out


READ_ERRORS = (400, 408, 503)
NAMED_ERRORS = (400, 404, 408, 409, 503)
