"""The JSON export has the documented shape; Turtle and GraphML round out the formats."""

import io
import json

import networkx as nx
from rdflib import Graph

from services.export.graphml import stored_networkx, to_graphml_ready
from services.export.records import export_json
from services.export.turtle import export_turtle


def test_json_export_shape(store):
    data = export_json(store)
    assert set(data) == {"nodes", "edges"}
    node = next(n for n in data["nodes"] if n["iri"] == "https://smekg.org/id/org-mss")
    assert {"iri", "labels", "name_ko", "name_en", "aliases"} <= set(node)
    assert node["name_ko"] == "중소벤처기업부" and "중기부" in node["aliases"]
    assert "Ministry" in node["labels"]
    for edge in data["edges"]:
        assert {"source", "target", "type", "sources", "evidence"} <= set(edge)
        assert edge["sources"] and edge["evidence"]
    event = next(
        n
        for n in data["nodes"]
        if n["iri"] == "https://smekg.org/id/event-2024-08-13-sme-innovation-network-forum"
    )
    assert event["start_date"] == "2024-08-13" and event["end_date"] == "2024-08-14"
    json.dumps(data, ensure_ascii=False)


def test_turtle_export_parses_and_keeps_evidence(store):
    graph = Graph().parse(data=export_turtle(store), format="turtle")
    quotes = list(
        graph.objects(None, __import__("rdflib").URIRef("https://smekg.org/ontology#quote"))
    )
    assert len(quotes) > 100


def test_graphml_export_round_trips_through_networkx(store):
    projected = stored_networkx(store)
    buffer = io.BytesIO()
    nx.write_graphml(to_graphml_ready(projected), buffer)
    again = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert again.number_of_nodes() == projected.number_of_nodes() > 100
