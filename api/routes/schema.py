"""The live schema of the loaded graph (`GET /api/schema`): labels, relationship types and property
keys with their counts, and the ontology's labels for them. The console completes from it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import Ctx
from api.shared import HIDDEN_PROPERTIES, READ_ERRORS, responses
from graph.store import GraphStore
from queries.cache import cached
from queries.library import run_query

router = APIRouter(prefix="/api", tags=["console"])


class Counted(BaseModel):
    name: str
    count: int
    label_ko: str | None = None
    label_en: str | None = None


class SchemaOut(BaseModel):
    labels: list[Counted] = Field(description="Node labels (classes and superclasses)")
    relationship_types: list[Counted]
    node_properties: list[Counted]
    relationship_properties: list[Counted]


@router.get("/schema", response_model=SchemaOut, responses=responses(*READ_ERRORS))
async def get_schema(ctx: Ctx) -> dict[str, Any]:
    """Labels, relationship types and property keys in use, with counts (cached per graph version)."""
    return await ctx.run(
        lambda: cached(ctx.store, "schema", (), lambda: live_schema(ctx.store, ctx.vocab))
    )


def live_schema(store: GraphStore, vocab: Any) -> dict[str, Any]:
    classes = {info.name: info for info in vocab.classes.values()}
    edges = {t: vocab.object_properties.get(p) for p, t in vocab.edge_types.items()}
    labels = [
        Counted(
            name=r["label"],
            count=int(r["count"]),
            label_ko=getattr(classes.get(r["label"]), "label_ko", None),
            label_en=getattr(classes.get(r["label"]), "label_en", None),
        )
        for r in run_query(store, "label_counts").records()
    ]
    types = [
        Counted(
            name=r["type"],
            count=int(r["count"]),
            label_ko=getattr(edges.get(r["type"]), "label_ko", None),
            label_en=getattr(edges.get(r["type"]), "label_en", None),
        )
        for r in run_query(store, "relationship_counts").records()
    ]
    keys: dict[str, list[Counted]] = {"node": [], "relationship": []}
    for r in run_query(store, "property_keys").records():
        if r["key"] not in HIDDEN_PROPERTIES:
            keys[r["on"]].append(Counted(name=r["key"], count=int(r["count"])))
    for items in keys.values():
        items.sort(key=lambda c: (-c.count, c.name))
    return {
        "labels": labels,
        "relationship_types": types,
        "node_properties": keys["node"],
        "relationship_properties": keys["relationship"],
    }
