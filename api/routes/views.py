"""Views of the graph explorer: any set of entities with the relationships among them
(`POST /api/view/subgraph`, to restore a shared or earlier view), and the current view as one
self-contained HTML file that opens offline (`POST /api/view/html`, built with pyvis)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import Ctx, expand_iri, has_control_characters
from api.models import GraphOut, SubgraphRequest, ViewRequest
from api.routes.graph import view_edge, view_node
from api.shared import READ_ERRORS, as_text_list, json_errors, responses
from graph.store import GraphReader
from ontology.vocabulary import Vocabulary
from services.answers.neighbourhood import view_edges, view_nodes
from viz.network import page_config
from viz.standalone import view_html

router = APIRouter(prefix="/api/view", tags=["graph"])

EDGES_PER_NODE = 10


@router.post("/subgraph", response_model=GraphOut, responses=responses(*READ_ERRORS, 413))
async def post_subgraph(ctx: Ctx, body: SubgraphRequest) -> dict[str, Any]:
    """The given entities (unknown IRIs are left out) and every relationship among them, in the
    graph view's shape."""
    iris = [expand_iri(i) for i in body.iris if i and not has_control_characters(i)]
    types = sorted({t.value for t in body.types}) if body.types else None
    return await ctx.run(subgraph, ctx.store, ctx.vocab, list(dict.fromkeys(iris)), types)


def subgraph(
    store: GraphReader, vocab: Vocabulary, iris: list[str], types: list[str] | None
) -> dict[str, Any]:
    details = view_nodes(store, iris) if iris else {}
    order = [i for i in iris if i in details]
    cap = max(len(order) * EDGES_PER_NODE, 100)
    rows = (
        view_edges(store, order, [details[i]["handle"] for i in order], types, cap + 1)
        if order
        else []
    )
    infos: dict[str, Any] = {}
    nodes = [view_node(dict(details[i]), vocab, infos) for i in order]
    edges = [view_edge(*row) for row in rows[:cap] if row[0] in details and row[1] in details]
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


_UNSAFE_NAME = re.compile(r"[^0-9A-Za-z가-힣._-]+")


@router.post(
    "/html",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}}, "description": "One HTML file, offline"},
        **json_errors(400, 408, 413, 503),
    },
)
async def post_view_html(ctx: Ctx, body: ViewRequest) -> Response:
    """The view (entities at their positions) as one HTML file to keep or mail: vis-network and the
    data inlined, names, relationships and quotes read from the graph and shown as text, nothing
    fetched from anywhere; the physics is off."""
    html = await ctx.run(render_view, ctx.store, ctx.vocab, body)
    name = _UNSAFE_NAME.sub("-", body.title).strip("-")[:60] or "smekg-view"
    return Response(
        html,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name, safe='')}.html",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "sandbox",
        },
    )


def render_view(store: GraphReader, vocab: Vocabulary, body: ViewRequest) -> str:
    placed = {expand_iri(n.id): n for n in body.nodes if not has_control_characters(n.id)}
    iris = list(placed)
    details = view_nodes(store, iris) if iris else {}
    order = [i for i in iris if i in details]
    types = sorted({t.value for t in body.types}) if body.types else None
    cap = max(len(order) * EDGES_PER_NODE, 100)
    rows = (
        view_edges(store, order, [details[i]["handle"] for i in order], types, cap) if order else []
    )
    groups = page_config()["groups"]
    nodes = []
    for iri in order:
        row, node = details[iri], placed[iri]
        info = vocab.class_by_name(row["type"] or "")
        first, second = (
            (row["name_ko"], row["name_en"])
            if body.lang == "ko"
            else (row["name_en"], row["name_ko"])
        )
        name = first or second or iri.rsplit("/", 1)[-1]
        other = second if second and second != name else None
        kind = (
            (info.label_ko if body.lang == "ko" else info.label_en) if info else (row["type"] or "")
        )
        group = info.group if info else "other"
        nodes.append(
            {
                "id": iri,
                "label": name if len(name) <= 28 else name[:27] + "…",
                "title": name + (f" / {other}" if other else ""),
                "color": node.color or (info.color if info else None),
                "shape": groups.get(group, {}).get("shape", "dot"),
                "size": node.size,
                "x": node.x,
                "y": node.y,
                "group": group,
                "details": [
                    x
                    for x in (other, kind + (f" · {row['date']}" if row.get("date") else ""), iri)
                    if x
                ],
            }
        )
    edges = []
    for source, target, type_, sources, evidence, _roles in rows:
        prop = vocab.property_for_edge_type(type_)
        info = vocab.object_properties.get(prop) if prop is not None else None
        label = (info.label_ko if body.lang == "ko" else info.label_en) if info else type_
        edges.append(
            {
                "from": source,
                "to": target,
                "label": label or type_,
                "type": type_,
                "evidence": as_text_list(evidence),
                "sources": as_text_list(sources),
            }
        )
    return view_html(body.title, body.subtitle, body.url, nodes, edges)
