"""Every export format in one place: what `smekg export --format` and `GET /api/export/{name}` offer."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.store import GraphStore
from services.export.graphml import export_graphml
from services.export.rdf import export_jsonld, export_trig, export_turtle
from services.export.records import export_json
from services.export.tables import export_edges_csv, export_nodes_csv


@dataclass(frozen=True)
class Format:
    name: str  # the --format value
    filename: str  # the download's file name
    media_type: str
    description: str
    build: Callable[[GraphStore, Path | None], str]


def _json(store: GraphStore, data_dir: Path | None) -> str:
    return json.dumps(export_json(store), ensure_ascii=False, indent=1) + "\n"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "json",
            "smekg.json",
            "application/json",
            "Nodes and edges with every property (the project's own shape)",
            _json,
        ),
        Format(
            "trig",
            "smekg.trig",
            "application/trig",
            "RDF, one named graph per article, every relationship reified with its quotes and "
            "qualifiers; each graph saved as data/articles/<id>.trig loads back into the same graph",
            export_trig,
        ),
        Format(
            "ttl",
            "smekg.ttl",
            "text/turtle",
            "RDF in one graph; each reification says prov:wasDerivedFrom its article",
            export_turtle,
        ),
        Format(
            "jsonld",
            "smekg.jsonld",
            "application/ld+json",
            "The TriG export as JSON-LD (one @graph per article)",
            export_jsonld,
        ),
        Format(
            "graphml",
            "smekg.graphml",
            "application/graphml+xml",
            "For Gephi, yEd, Cytoscape, networkx: Korean label, colours, typed attributes, "
            "start/end dates",
            lambda store, _: export_graphml(store),
        ),
        Format(
            "nodes.csv",
            "smekg-nodes.csv",
            "text/csv",
            "Spreadsheet of the nodes, one column per property",
            lambda store, _: export_nodes_csv(store),
        ),
        Format(
            "edges.csv",
            "smekg-edges.csv",
            "text/csv",
            "Spreadsheet of the edges with both ends' names, quotes and sources",
            lambda store, _: export_edges_csv(store),
        ),
    )
}


def export_text(store: GraphStore, name: str, data_dir: Path | None = None) -> str:
    """The stored graph in one of FORMATS (KeyError for an unknown name)."""
    return FORMATS[name].build(store, data_dir)
