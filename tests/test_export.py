"""Exports that keep everything: JSON, TriG and Turtle that reload into the same graph, JSON-LD,
GraphML that Gephi and networkx read (Korean `label`, typed attributes, dates), and CSV tables."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import networkx as nx
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from loaders import load_data
from services.export.formats import FORMATS, export_text
from services.export.graphml import GRAPHML_NS, export_graphml
from services.export.rdf import (
    dataset_graphs,
    export_jsonld,
    export_trig,
    export_turtle,
    turtle_to_graphs,
    write_data_folder,
)
from services.export.records import export_json
from services.export.tables import cell, export_edges_csv, export_nodes_csv
from smekg.settings import REPO_ROOT

DATA = REPO_ROOT / "data"
ID = "https://smekg.org/id/"
SMEKG = "https://smekg.org/ontology#"
MINISTER = ID + "post-mss-minister"


@pytest.fixture(scope="module")
def original(store) -> dict:
    return export_json(store)


def test_json_export_shape(original):
    assert set(original) == {"nodes", "edges"}
    node = next(n for n in original["nodes"] if n["iri"] == ID + "org-mss")
    assert {"iri", "labels", "name_ko", "name_en", "aliases"} <= set(node)
    assert node["name_ko"] == "중소벤처기업부" and "중기부" in node["aliases"]
    assert "Ministry" in node["labels"]
    for edge in original["edges"]:
        assert {"source", "target", "type", "sources", "evidence"} <= set(edge)
        assert edge["sources"] and edge["evidence"]
    event = next(
        n
        for n in original["nodes"]
        if n["iri"] == ID + "event-2024-08-13-sme-innovation-network-forum"
    )
    assert event["start_date"] == "2024-08-13" and event["end_date"] == "2024-08-14"
    json.dumps(original, ensure_ascii=False)


def _reload(scratch_store, folder) -> dict:
    load_data(scratch_store, folder)
    return export_json(scratch_store)


def test_trig_export_reloads_into_the_same_graph(store, scratch_store, tmp_path, original):
    dataset = Dataset()
    dataset.parse(data=export_trig(store, DATA), format="trig")
    write_data_folder(dataset_graphs(dataset), tmp_path / "data")
    assert sorted(p.name for p in (tmp_path / "data" / "articles").iterdir()) == sorted(
        p.name for p in (DATA / "articles").glob("*.trig")
    )
    assert _reload(scratch_store, tmp_path / "data") == original


def test_turtle_export_reloads_into_the_same_graph(store, scratch_store, tmp_path, original):
    graphs = turtle_to_graphs(export_turtle(store, DATA))
    write_data_folder(graphs, tmp_path / "data")
    assert _reload(scratch_store, tmp_path / "data") == original


def test_turtle_keeps_the_minister_timeline_with_as_of_and_acting(store):
    graph = Graph().parse(data=export_turtle(store, DATA), format="turtle")
    rows = graph.query(
        """
        PREFIX smekg: <https://smekg.org/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?person ?as_of ?acting ?quote WHERE {
          ?h a smekg:Holding ; rdf:subject ?person ; rdf:predicate smekg:holdsPost ;
             rdf:object ?post ; smekg:asOf ?as_of ; smekg:quote ?quote .
          OPTIONAL { ?h smekg:acting ?acting }
        } ORDER BY ?as_of""",
        initBindings={"post": URIRef(MINISTER)},
    )
    timeline = [(str(r.person).rsplit("/", 1)[-1], str(r.as_of), r.acting) for r in rows]
    people = [p for p, _, _ in timeline]
    assert {"person-park-young-sun", "person-oh-young-ju", "person-han-seong-sook"} <= set(people)
    acting = [(p, d) for p, d, a in timeline if a is not None and a.toPython() is True]
    assert acting == [("person-noh-yong-seok", "2026-07-01")]
    as_of = next(iter(graph.objects(None, URIRef(SMEKG + "asOf"))))
    assert isinstance(as_of, Literal) and as_of.datatype == XSD.date
    # Every reification keeps its source article.
    derived = set(graph.subjects(URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    quoted = set(graph.subjects(URIRef(SMEKG + "quote"), None))
    assert quoted and quoted <= derived


def test_trig_gives_each_article_the_quotes_found_in_its_text(store):
    dataset = Dataset()
    dataset.parse(data=export_trig(store, DATA), format="trig")
    graphs = dataset_graphs(dataset)
    for name, graph in graphs.items():
        if name is None:
            continue
        text = (DATA / "texts" / f"{name}.txt").read_text(encoding="utf-8")
        quotes = {str(q) for q in graph.objects(None, URIRef(SMEKG + "quote"))}
        assert quotes and all(q in text for q in quotes), name


def test_jsonld_holds_the_same_quads_as_trig(store):
    trig, jsonld = Dataset(), Dataset()
    trig.parse(data=export_trig(store, DATA), format="trig")
    jsonld.parse(data=export_jsonld(store, DATA), format="json-ld")

    def plain(ds: Dataset) -> set:  # literals by value: TriG writes 2195500000000.0 for a decimal
        return {
            (s, p, o.toPython() if isinstance(o, Literal) else o, str(g))
            for s, p, o, g in ds.quads()
            if not isinstance(s, BNode)
        }

    quads, again = plain(trig), plain(jsonld)
    assert quads == again and len(quads) > 1500
    assert len(list(jsonld.quads())) == len(list(trig.quads()))
    assert {str(g.identifier) for g in jsonld.graphs()} == {
        str(g.identifier) for g in trig.graphs()
    }
    assert json.loads(export_jsonld(store, DATA))["@context"]["smekg"] == SMEKG


# -- GraphML ---------------------------------------------------------------------------------------
ATTR_TYPES = {"boolean", "int", "long", "float", "double", "string"}
KEY_FOR = {"all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"}


def check_graphml_schema(text: str) -> None:
    """The rules of the GraphML schema (graphml.xsd, graphml-structure.xsd, graphml-attributes.xsd)
    that a document of keys, one graph, nodes, edges and data must meet."""
    root = ET.fromstring(text.encode("utf-8"))
    tag = f"{{{GRAPHML_NS}}}"
    assert root.tag == tag + "graphml"
    children = [c.tag for c in root]
    keys_end = max((i for i, c in enumerate(children) if c == tag + "key"), default=-1)
    assert all(c == tag + "key" for c in children[: keys_end + 1])  # keys come first
    keys = {}
    for key in root.findall(tag + "key"):
        assert key.get("id") and key.get("id") not in keys
        assert key.get("for", "all") in KEY_FOR
        assert key.get("attr.type", "string") in ATTR_TYPES and key.get("attr.name")
        keys[key.get("id")] = key
    graphs = root.findall(tag + "graph")
    assert len(graphs) == 1 and graphs[0].get("edgedefault") in ("directed", "undirected")
    nodes = set()
    for child in graphs[0]:
        assert child.tag in (tag + "data", tag + "node", tag + "edge")
        if child.tag == tag + "node":
            assert child.get("id") and child.get("id") not in nodes
            nodes.add(child.get("id"))
    for edge in graphs[0].findall(tag + "edge"):
        assert edge.get("source") in nodes and edge.get("target") in nodes
    for element in list(graphs[0].findall(tag + "node")) + list(graphs[0].findall(tag + "edge")):
        scope = element.tag[len(tag) :]
        for data in element:
            assert data.tag == tag + "data"
            key = keys[data.get("key")]
            assert key.get("for") in (scope, "all")
            kind, value = key.get("attr.type"), data.text or ""
            if kind in ("int", "long"):
                int(value)
                assert kind == "long" or abs(int(value)) < 2**31
            elif kind in ("float", "double"):
                float(value)
            elif kind == "boolean":
                assert value in ("true", "false")


def test_graphml_meets_the_schema_and_networkx_reads_a_label_on_every_node(store, original):
    text = export_graphml(store)
    check_graphml_schema(text)
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert graph.number_of_nodes() == len(original["nodes"])
    assert graph.number_of_edges() == len(original["edges"])
    for iri, node in ((n["iri"], n) for n in original["nodes"]):
        assert graph.nodes[iri]["label"] == (node["name_ko"] or node["name_en"]), iri
    people = [n for n in original["nodes"] if n["type"] == "Person"]
    assert all(graph.nodes[p["iri"]]["label"] == p["name_ko"] for p in people)
    # Typed attributes: numbers are numbers, booleans booleans, colours 0–255, dates ISO strings.
    budget = graph.nodes[ID + "budget-mss-rnd-2026"]
    assert budget["amount"] == 2195500000000 and budget["fiscal_year"] == 2026
    assert isinstance(budget["change_rate"], float)
    forum = graph.nodes[ID + "event-2024-08-13-sme-innovation-network-forum"]
    assert (forum["start"], forum["end"]) == ("2024-08-13", "2024-08-14")
    assert all(0 <= graph.nodes[p["iri"]]["r"] <= 255 for p in people)
    acting = [d for _, _, d in graph.edges(data=True) if d.get("acting") is True]
    assert acting and all(d["type"] == "HOLDS_POST" for d in acting)
    assert all(d["evidence"] and d["label"] for _, _, d in graph.edges(data=True))


def test_graphml_key_types_are_one_per_attribute(store):
    root = ET.fromstring(export_graphml(store).encode("utf-8"))
    names = [(k.get("for"), k.get("attr.name")) for k in root.findall(f"{{{GRAPHML_NS}}}key")]
    assert len(names) == len(set(names))
    types = {k.get("attr.name"): k.get("attr.type") for k in root.findall(f"{{{GRAPHML_NS}}}key")}
    assert types["label"] == "string" and types["amount"] == "long" and types["acting"] == "boolean"


# -- CSV -------------------------------------------------------------------------------------------
def test_csv_tables_for_spreadsheets(store, original):
    nodes_text, edges_text = export_nodes_csv(store), export_edges_csv(store)
    assert nodes_text.startswith("\ufeff") and edges_text.startswith("\ufeff")
    nodes = list(csv.DictReader(io.StringIO(nodes_text[1:])))
    edges = list(csv.DictReader(io.StringIO(edges_text[1:])))
    assert len(nodes) == len(original["nodes"]) and len(edges) == len(original["edges"])
    mss = next(n for n in nodes if n["iri"] == ID + "org-mss")
    assert mss["name_ko"] == "중소벤처기업부" and "중기부" in mss["aliases"].split(" | ")
    holding = next(e for e in edges if e["type"] == "HOLDS_POST" and e["acting"] == "true")
    assert holding["source_name_ko"] == "노용석" and holding["as_of"] == "2026-07-01"
    assert all(e["evidence"] and e["sources"] for e in edges)


def test_csv_cells_cannot_run_as_formulas():
    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert cell("+82-2") == "'+82-2" and cell("-0.5") == "-0.5"
    assert cell(["a", "@b"]) == "a | '@b" and cell(True) == "true" and cell(None) == ""


def test_every_format_is_offered_and_the_json_is_the_projects_shape(store, original):
    assert set(FORMATS) == {"json", "trig", "ttl", "jsonld", "graphml", "nodes.csv", "edges.csv"}
    assert json.loads(export_text(store, "json")) == original


def test_trig_is_stable_and_keeps_multi_line_literals(store):
    from rdflib import Graph as RdfGraph

    from services.export.rdf import trig_text

    assert export_trig(store, DATA) == export_trig(store, DATA)
    graph = RdfGraph()
    subject = URIRef(ID + "x")
    graph.add((subject, URIRef(SMEKG + "note"), Literal("line one\n  line two\n")))
    again = Dataset()
    again.parse(data=trig_text({"900_x": graph}), format="trig")
    assert {str(q[2]) for q in again.quads((subject, URIRef(SMEKG + "note"), None, None))} == {
        "line one\n  line two\n"
    }
