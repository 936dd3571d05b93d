"""GraphML export for Gephi, yEd, Cytoscape and networkx.

Gephi takes the node attribute named `label` as the label (the Korean name here, else the English
name, else the end of the IRI), `r`/`g`/`b` as the colour (the ontology's colour of the node's
class), and `start`/`end` as the time interval (event dates, publication dates, dated posts), so
its timeline works without a conversion. Attributes are typed per key (boolean, int, long, double,
string) with one type for every element; lists become ` | `-joined strings; dates are ISO strings.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx

from graph.projection import to_networkx
from graph.store import GraphStore
from ontology.vocabulary import load_vocabulary
from services.export.records import iter_edges, iter_nodes

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
INT_MAX = 2**31 - 1
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FIRST_NODE_KEYS = ["label", "iri", "type", "name_ko", "name_en", "r", "g", "b", "start", "end"]
FIRST_EDGE_KEYS = ["label", "type", "weight", "start", "end", "sources", "evidence"]


def stored_networkx(store: GraphStore) -> nx.MultiDiGraph[str]:
    """The whole stored graph as a networkx multigraph (nodes keyed by IRI)."""
    return to_networkx(iter_nodes(store), iter_edges(store))


def _colour(node: dict[str, Any]) -> tuple[int, int, int] | None:
    vocab = load_vocabulary()
    info = vocab.class_by_name(node.get("type") or "")
    text = (info.color if info else "").lstrip("#")
    if len(text) != 6:
        return None
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def node_attributes(node: dict[str, Any]) -> dict[str, Any]:
    """A node's GraphML attributes: label, colour, time interval, then every stored property."""
    tail = str(node["iri"]).rstrip("/").rsplit("/", 1)[-1]
    out: dict[str, Any] = {
        "label": node.get("name_ko") or node.get("name_en") or tail,
        "iri": node["iri"],
        "type": node.get("type"),
        "name_ko": node.get("name_ko"),
        "name_en": node.get("name_en"),
    }
    colour = _colour(node)
    if colour:
        out["r"], out["g"], out["b"] = colour
    start = _first(node.get("start_date")) or _first(node.get("date_published"))
    if start:
        out["start"] = str(start)
        out["end"] = str(_first(node.get("end_date")) or start)
    for key, value in node.items():
        if key not in out and key != "iri" and value not in (None, []):
            out[key] = value
    return out


def edge_attributes(edge: dict[str, Any]) -> dict[str, Any]:
    """An edge's GraphML attributes: label (the relationship's Korean label), type, weight, interval
    (for posts with start or end dates), sources, evidence and qualifiers."""
    vocab = load_vocabulary()
    prop = vocab.property_for_edge_type(edge["type"])
    info = vocab.object_properties.get(prop) if prop is not None else None
    out: dict[str, Any] = {
        "label": (info.label_ko or info.label_en) if info else edge["type"],
        "type": edge["type"],
        "weight": 1.0,
    }
    if edge.get("start_date") or edge.get("end_date"):
        out["start"] = str(_first(edge.get("start_date")) or "")
        out["end"] = str(_first(edge.get("end_date")) or "")
        out = {k: v for k, v in out.items() if v != ""}
    for key, value in edge.items():
        if key not in out and key not in ("source", "target") and value not in (None, []):
            out[key] = value
    return out


def _kind(values: Iterable[Any]) -> str:
    """One GraphML attr.type for all of a key's values."""
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int):
            kinds.add("long" if abs(value) > INT_MAX else "int")
        elif isinstance(value, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if kinds <= {"boolean"}:
        return "boolean"
    if kinds <= {"int"}:
        return "int"
    if kinds <= {"int", "long"}:
        return "long"
    if kinds <= {"int", "long", "double"}:
        return "double"
    return "string"


def _text(value: Any, kind: str) -> str:
    if isinstance(value, list):
        return _XML_INVALID.sub("", " | ".join(str(v) for v in value))
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return _XML_INVALID.sub("", str(value))


def _keys(rows: list[dict[str, Any]], scope: str, first: list[str]) -> list[tuple[str, str, str]]:
    """(key id, attribute name, attr.type) for every attribute used by the rows of one scope."""
    names: dict[str, list[Any]] = {}
    for row in rows:
        for name, value in row.items():
            names.setdefault(name, []).append(value)
    ordered = [n for n in first if n in names] + sorted(n for n in names if n not in first)
    prefix = "n" if scope == "node" else "e"
    return [(f"{prefix}_{name}", name, _kind(names[name])) for name in ordered]


def write_graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    """A GraphML document of the nodes and edges (as `records.iter_nodes` / `iter_edges` give them)."""
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        f"{{{GRAPHML_NS}}}graphml", {f"{{{XSI}}}schemaLocation": f"{GRAPHML_NS} {SCHEMA}"}
    )
    node_rows = [(n["iri"], node_attributes(n)) for n in nodes]
    edge_rows = [(e, edge_attributes(e)) for e in edges]
    node_keys = _keys([attrs for _, attrs in node_rows], "node", FIRST_NODE_KEYS)
    edge_keys = _keys([attrs for _, attrs in edge_rows], "edge", FIRST_EDGE_KEYS)
    for scope, keys in (("node", node_keys), ("edge", edge_keys)):
        for key_id, name, kind in keys:
            ET.SubElement(
                root,
                f"{{{GRAPHML_NS}}}key",
                {"id": key_id, "for": scope, "attr.name": name, "attr.type": kind},
            )
    graph = ET.SubElement(
        root, f"{{{GRAPHML_NS}}}graph", {"id": "smekg", "edgedefault": "directed"}
    )
    for iri, attrs in node_rows:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": iri})
        _data(element, attrs, node_keys)
    for index, (edge, attrs) in enumerate(edge_rows):
        element = ET.SubElement(
            graph,
            f"{{{GRAPHML_NS}}}edge",
            {"id": f"e{index}", "source": edge["source"], "target": edge["target"]},
        )
        _data(element, attrs, edge_keys)
    ET.indent(root, space=" ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue().decode("utf-8") + "\n"


def _data(element: ET.Element, attrs: dict[str, Any], keys: list[tuple[str, str, str]]) -> None:
    for key_id, name, kind in keys:
        if name in attrs and attrs[name] is not None:
            data = ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": key_id})
            data.text = _text(attrs[name], kind)


def export_graphml(store: GraphStore) -> str:
    """The stored graph as a GraphML document."""
    return write_graphml(list(iter_nodes(store)), list(iter_edges(store)))
