"""The JSON export has the documented shape; Turtle and GraphML round out the formats (on the tests'
own small graph: the mechanism, not the seed articles' content)."""

import io
import json

import networkx as nx
from rdflib import Graph, URIRef

from services.export.graphml import stored_networkx, to_graphml_ready
from services.export.records import export_json
from services.export.turtle import export_turtle

QUOTE = URIRef("https://smekg.org/ontology#quote")
NODES, EDGES = 11, 12  # tests/fixtures/graph/


def test_json_export_shape(small_store):
    data = export_json(small_store)
    assert set(data) == {"nodes", "edges"}
    assert (len(data["nodes"]), len(data["edges"])) == (NODES, EDGES)
    node = next(n for n in data["nodes"] if n["iri"] == "https://smekg.org/id/org-test-ministry")
    assert {"iri", "labels", "name_ko", "name_en", "aliases"} <= set(node)
    assert node["name_ko"] == "시험부" and "시험부처" in node["aliases"]
    assert "Ministry" in node["labels"]
    assert "search_text" not in node  # internal keys stay inside
    for edge in data["edges"]:
        assert {"source", "target", "type", "sources", "evidence"} <= set(edge)
        assert edge["sources"] and edge["evidence"]
    event = next(n for n in data["nodes"] if n["iri"].endswith("event-2024-03-05-test-forum"))
    assert event["start_date"] == "2024-03-05" and event["end_date"] == "2024-03-06"
    said = next(e for e in data["edges"] if e["evidence"][0].startswith("김시험 장관은"))
    assert said["evidence"] == ['김시험 장관은 "시험이 \\곧 혁신"이라고 말했다']
    json.dumps(data, ensure_ascii=False)


def test_turtle_export_parses_and_keeps_evidence(small_store):
    graph = Graph().parse(data=export_turtle(small_store), format="turtle")
    quotes = {str(q) for q in graph.objects(None, QUOTE)}
    assert len(quotes) == EDGES
    assert '김시험 장관은 "시험이 \\곧 혁신"이라고 말했다' in quotes


def test_graphml_export_round_trips_through_networkx(small_store):
    projected = stored_networkx(small_store)
    buffer = io.BytesIO()
    nx.write_graphml(to_graphml_ready(projected), buffer)
    again = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert again.number_of_nodes() == projected.number_of_nodes() == NODES
    assert again.number_of_edges() == projected.number_of_edges() == EDGES
