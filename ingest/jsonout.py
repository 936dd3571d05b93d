"""The extracted graph as JSON in the shape of `smekg export --format json`: nodes (iri, labels, name_ko,
name_en, aliases and their other properties) and edges (source, target, type, sources, evidence, confidence),
including the existing entities the articles mention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from loaders.mapping import PropertyGraph
from ontology.vocabulary import load_vocabulary

HIDDEN = {"search_text"}


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def to_json(
    pg: PropertyGraph, stems: set[str], confidence: dict[tuple[str, str, str], float]
) -> dict[str, list]:
    """Nodes and edges of `pg` that come from the ingested articles `stems`."""
    vocab = load_vocabulary()
    edge_types = {v: str(k) for k, v in vocab.edge_types.items()}
    edges = []
    for edge in pg.edges:
        sources = edge.props.get("sources", [])
        if not set(sources) & stems:
            continue
        out = {
            "source": edge.source,
            "target": edge.target,
            "type": edge.type,
            "sources": sources,
            "evidence": edge.props.get("evidence", []),
            "confidence": confidence.get((edge.source, edge_types.get(edge.type, ""), edge.target)),
        }
        out.update({k: _plain(v) for k, v in sorted(edge.props.items()) if k not in out})
        edges.append(out)
    nodes = []
    for iri, node in pg.nodes.items():
        if not set(node.props.get("sources", [])) & stems:
            continue
        props = node.props
        out = {
            "iri": iri,
            "labels": node.labels,
            "name_ko": props.get("name_ko"),
            "name_en": props.get("name_en"),
            "aliases": props.get("aliases", []),
        }
        out.update(
            {k: _plain(v) for k, v in sorted(props.items()) if k not in out and k not in HIDDEN}
        )
        nodes.append(out)
    return {"nodes": nodes, "edges": edges}
