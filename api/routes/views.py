"""Views of the graph explorer: any set of entities with the relationships among them
(`POST /api/view/subgraph`, to restore a shared or earlier view), and the current view as one
self-contained HTML file that opens offline (`POST /api/view/html`, built with pyvis)."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import Ctx, expand_iri, has_control_characters
from api.models import GraphOut, SubgraphRequest, ViewRequest
from api.shared import READ_ERRORS, as_list, as_text_list, responses
from graph.store import GraphStore
from ontology.vocabulary import Vocabulary
from services.answers.neighbourhood import view_edges, view_nodes
from viz.standalone import view_html

router = APIRouter(prefix="/api/view", tags=["graph"])

EDGES_PER_NODE = 10


@router.post("/subgraph", response_model=GraphOut, responses=responses(*READ_ERRORS))
async def post_subgraph(ctx: Ctx, body: SubgraphRequest) -> dict[str, Any]:
    """The given entities (unknown IRIs are left out) and every relationship among them, in the
    graph view's shape."""
    iris = [expand_iri(i) for i in body.iris if i and not has_control_characters(i)]
    types = sorted({t.value for t in body.types}) if body.types else None
    return await ctx.run(subgraph, ctx.store, ctx.vocab, list(dict.fromkeys(iris)), types)


def subgraph(
    store: GraphStore, vocab: Vocabulary, iris: list[str], types: list[str] | None
) -> dict[str, Any]:
    details = view_nodes(store, iris) if iris else {}
    order = [i for i in iris if i in details]
    cap = max(len(order) * EDGES_PER_NODE, 100)
    rows = (
        view_edges(store, order, [details[i]["id"] for i in order], types, cap + 1) if order else []
    )
    nodes = [_node(details[i], vocab) for i in order]
    edges = [_edge(*row) for row in rows[:cap] if row[0] in details and row[1] in details]
    note = (
        f"showing {len(edges)} relationships; more exist among these entities"
        if len(rows) > cap
        else None
    )
    return {
        "center": None,
        "nodes": nodes,
        "edges": edges,
        "truncated": len(rows) > cap,
        "note": note,
    }


def _node(row: dict[str, Any], vocab: Vocabulary) -> dict[str, Any]:
    info = vocab.class_by_name(row["type"] or "")
    label = row["name_ko"] or row["name_en"] or row["iri"].rsplit("/", 1)[-1]
    title = " / ".join(x for x in (row["name_ko"], row["name_en"]) if x) or row["iri"]
    kind = (info.label_en or info.name) if info else (row["type"] or "entity")
    return {
        "id": row["iri"],
        "label": label,
        "name_ko": row["name_ko"],
        "name_en": row["name_en"],
        "type": row["type"],
        "labels": as_list(row["labels"]),
        "group": info.group if info else "other",
        "color": info.color if info else None,
        "title": f"{title} ({kind})" + (f", {row['date']}" if row.get("date") else ""),
        "date": row.get("date"),
    }


def _edge(
    source: str, target: str, type_: str, sources: Any, evidence: Any, roles: Any
) -> dict[str, Any]:
    return {
        "id": f"{source}|{type_}|{target}",
        "from": source,
        "to": target,
        "type": type_,
        "label": type_,
        "roles": as_text_list(roles),
        "sources": as_text_list(sources),
        "evidence": as_text_list(evidence),
    }


_UNSAFE_NAME = re.compile(r"[^0-9A-Za-z가-힣._-]+")


@router.post(
    "/html",
    response_class=Response,
    responses={200: {"content": {"text/html": {}}, "description": "One HTML file, offline"}},
)
async def post_view_html(body: ViewRequest) -> Response:
    """The view as one HTML file (vis-network and the data inlined, names as text, no outside
    requests) to keep or mail; positions are kept and the physics is off."""
    html = view_html(body)
    name = _UNSAFE_NAME.sub("-", body.title).strip("-")[:60] or "smekg-view"
    return Response(
        html,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{_quote(name)}.html",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "sandbox",
        },
    )


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
