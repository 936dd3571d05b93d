"""The named query library: list the queries, and run one with its parameters from the query string."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from api.deps import Ctx, resolve
from api.models import NamedQueryList, NamedQueryOut, NamedQueryResult
from api.shared import responses
from graph.read_only import check_parameters
from graph.store import GraphReader, QueryResult
from ontology.errors import BadInput, NotFound
from queries.library import DIALECTS, NamedQuery, get_query, list_queries, run_query

router = APIRouter(prefix="/api/queries", tags=["queries"])


@router.get("", response_model=NamedQueryList)
async def get_queries() -> NamedQueryList:
    """Every named query with its description, parameters, what it returns, and its Cypher text."""
    return NamedQueryList(
        items=[
            NamedQueryOut(
                name=q.name,
                description=q.description,
                params=q.params,
                returns=q.returns,
                dialects=[d for d in DIALECTS if d in q.variants],
                text=q.text,
            )
            for q in list_queries()
        ]
    )


@router.get("/{name}", response_model=NamedQueryResult, responses=responses(400, 404, 408, 503))
async def run_named_query(
    ctx: Ctx,
    request: Request,
    name: Annotated[str, Path(max_length=100, description="A query name from GET /api/queries")],
) -> NamedQueryResult:
    """Run a named query. Each parameter comes from the query string (`?iri=…&limit=10`); a value that
    parses as JSON (numbers, true/false/null, lists, quoted strings) is used as such, anything else as
    text. A parameter documented as an IRI also takes a name or alias (`person=오영주`, `org=TIPA`),
    resolved as everywhere else (404 unknown, 409 ambiguous). Missing parameters are null. Rows are
    capped and time is limited as in the console."""
    try:
        query = get_query(name)
    except KeyError as exc:
        raise NotFound(str(exc.args[0])) from None
    params = {key: _value(value) for key, value in request.query_params.items()}
    unknown = sorted(set(params) - set(query.params))
    if unknown:
        raise BadInput(
            f"query {name!r} takes {sorted(query.params) or 'no parameters'}; unknown: {unknown}",
        )
    params = await ctx.run(names_to_iris, ctx.store, query, params)
    result = await ctx.run_single(
        _run, ctx.store, name, params, ctx.settings.query_timeout_ms, ctx.settings.max_rows
    )
    return NamedQueryResult(
        name=name,
        params=params,
        columns=result.columns,
        rows=result.rows,
        truncated=result.truncated,
        elapsed_ms=round(result.elapsed_ms, 2),
    )


def _run(
    store: GraphReader, name: str, params: dict[str, Any], timeout_ms: int, max_rows: int
) -> QueryResult:
    check_parameters(params)  # values from the query string: bounded as the console's are
    return run_query(store, name, params, timeout_ms=timeout_ms, max_rows=max_rows)


def _iri_param(meaning: str) -> bool:
    """`IRI of the person`, `list of party IRIs…`, `list of event IRIs` (not `an article id or its IRI`)."""
    return re.match(r"(list of )?([a-z]+ )?IRIs?\b", meaning.strip()) is not None


def names_to_iris(store: GraphReader, query: NamedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """Values of IRI parameters that are names or aliases (or `id:` forms) → the entities' IRIs."""
    out = dict(params)
    for key, meaning in query.params.items():
        if key not in out or not _iri_param(meaning):
            continue
        value = out[key]
        try:
            if isinstance(value, str):
                out[key] = _to_iri(store, value)
            elif isinstance(value, list):
                out[key] = [_to_iri(store, v) if isinstance(v, str) else v for v in value]
        except NotFound as exc:
            raise NotFound(f"parameter {key!r}: {exc}") from None
    return out


def _to_iri(store: GraphReader, value: str) -> str:
    text = value.strip()
    if not text or text.startswith(("http://", "https://")):
        return value
    return str(resolve(store, text)["iri"])


def _value(text: str) -> Any:
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, (int, float, bool, list, str)) or value is None else text
