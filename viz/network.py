"""What the browser pages need to draw the graph: vis-network options (built with pyvis) and styles.

Colours and labels of classes, and the legend groups with their names and order (which is also the
order in which groups win when a node has several classes), come from the ontology
(`ontology/smekg.ttl`); this module only adds the presentation choice the ontology does not make (a
node shape per group) and hands everything to the page as JSON.

pyvis builds the vis-network options (physics solver, stabilisation, interaction, edge style).
Its HTML output is not used: its template pulls vis-network and Bootstrap from a CDN and sets
tooltips with `innerHTML`. The pages use their own templates, vendored assets and DOM-text tooltips.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pyvis.network import Network
from rdflib import OWL, RDF, RDFS, Literal

from ontology.vocabulary import (
    ART,
    ID,
    SMEKG,
    Vocabulary,
    load_vocabulary,
    local_name,
    snake_case,
)

# The number of nodes a page draws at most (vis-network's physics is quadratic); the default view
# draws fewer. Above LARGE_VIEW nodes, the initial layout skips `improvedLayout` (Kamada–Kawai).
MAX_NODES = 1000
DEFAULT_NODES = 300
LARGE_VIEW = 150

# A shape per legend group (smekg:GraphGroups); a group without one is drawn like "other".
GROUP_STYLE: dict[str, dict[str, Any]] = {
    "person": {"shape": "dot", "size": 16},
    "foreign": {"shape": "star", "size": 20},
    "government": {"shape": "square", "size": 15},
    "agency": {"shape": "hexagon", "size": 17},
    "research": {"shape": "triangle", "size": 17},
    "company": {"shape": "diamond", "size": 16},
    "event": {"shape": "triangleDown", "size": 17},
    "agreement": {"shape": "star", "size": 15},
    "programme": {"shape": "hexagon", "size": 13},
    "document": {"shape": "square", "size": 11},
    "place": {"shape": "dot", "size": 10},
    "other": {"shape": "dot", "size": 12},
}


def _network(*, large: bool) -> Network:
    """A pyvis network configured for the explorer; only its options are used."""
    net = Network(directed=True, cdn_resources="local")
    net.barnes_hut(
        gravity=-6000 if large else -9000,
        central_gravity=0.25,
        spring_length=130 if large else 150,
        spring_strength=0.03,
        damping=0.35,
        overlap=0.1,
    )
    net.set_edge_smooth("continuous" if large else "dynamic")
    net.inherit_edge_colors(False)
    net.toggle_hide_edges_on_drag(large)
    net.toggle_stabilization(True)
    return net


@lru_cache(maxsize=2)
def network_options(*, large: bool = False) -> dict[str, Any]:
    """vis-network options: pyvis's physics and interaction settings plus what pyvis does not expose."""
    options: dict[str, Any] = json.loads(_network(large=large).options.to_json())
    options.pop("configure", None)
    layout = options.setdefault("layout", {})
    layout.pop("hierarchical", None)
    layout["improvedLayout"] = not large
    layout["randomSeed"] = 7
    physics = options.setdefault("physics", {})
    physics["stabilization"] = {
        "enabled": True,
        "iterations": 400 if large else 250,
        "updateInterval": 50,
        "fit": True,
    }
    physics["minVelocity"] = 0.75
    physics["maxVelocity"] = 40
    interaction = options.setdefault("interaction", {})
    interaction.update(
        {
            "hover": True,
            "tooltipDelay": 250,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        }
    )
    edges = options.setdefault("edges", {})
    edges.update(
        {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {
                "color": "#9aa5b1",
                "highlight": "#37474f",
                "hover": "#37474f",
                "inherit": False,
            },
            "font": {
                "size": 9,
                "color": "#5f6b7a",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "width": 1,
            "selectionWidth": 2,
        }
    )
    options["nodes"] = {
        "font": {
            "size": 12,
            "face": "sans-serif",
            "color": "#1b1f23",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
        },
        "borderWidth": 1,
        "borderWidthSelected": 3,
    }
    return options


def _group_info(vocab: Vocabulary) -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    names = {group.key: group for group in vocab.legend_groups}
    order = list(names)
    for info in vocab.classes.values():
        groups.setdefault(info.group, {"classes": []})["classes"].append(info.name)
    out: dict[str, dict[str, Any]] = {}
    for name in sorted(groups, key=lambda g: order.index(g) if g in order else len(order)):
        classes = sorted(groups[name]["classes"])
        # The legend colour of a group is the colour of its main root class (a class with no
        # superclass in the group and the most subclasses in it), e.g. Person, GovernmentBody, Event.
        roots = [
            info
            for info in vocab.classes.values()
            if info.group == name
            and not any(
                vocab.classes[s].group == name
                for s in vocab.superclasses.get(info.iri, ())
                if s in vocab.classes
            )
        ]

        def descendants(root: Any, group: str = name) -> int:
            return sum(
                1
                for iri, sup in vocab.superclasses.items()
                if root.iri in sup and vocab.classes[iri].group == group
            )

        roots.sort(key=lambda i: (-descendants(i), i.name))
        colour = roots[0].color if roots else "#9e9e9e"
        ko, en = (names[name].label_ko, names[name].label_en) if name in names else (name, name)
        out[name] = {
            "name": name,
            "label_ko": ko,
            "label_en": en,
            "color": colour,
            **GROUP_STYLE.get(name, GROUP_STYLE["other"]),
            "classes": classes,
        }
    return out


# Keys the loader stores under names of its own (loaders/mapping.py), with their labels.
OTHER_PROPERTIES = {
    "description": ("설명", "Description"),
    "notes": ("메모", "Notes"),
    "evidence": ("근거 인용", "Evidence"),
    "roles": ("역할", "Roles"),
    "sources": ("출처 기사", "Source articles"),
    "article_id": ("기사 ID", "Article id"),
    "aliases": ("별칭", "Also known as"),
}


def _property_labels(vocab: Vocabulary) -> dict[str, dict[str, str]]:
    """Property-graph key → the ontology's Korean and English labels of the literal property."""
    out: dict[str, dict[str, str]] = {}
    for kind in (OWL.DatatypeProperty, OWL.AnnotationProperty):
        for prop in vocab.graph.subjects(RDF.type, kind):
            if not str(prop).startswith(str(SMEKG)):
                continue
            labels = {
                lit.language: str(lit)
                for lit in vocab.graph.objects(prop, RDFS.label)
                if isinstance(lit, Literal) and lit.language in ("ko", "en")
            }
            key = snake_case(local_name(str(prop)))
            out.setdefault(
                key, {"label_ko": labels.get("ko", key), "label_en": labels.get("en", key)}
            )
    for key, (ko, en) in OTHER_PROPERTIES.items():
        out[key] = {"label_ko": ko, "label_en": en}
    return dict(sorted(out.items()))


@lru_cache(maxsize=1)
def page_config() -> dict[str, Any]:
    """Everything the pages need to know about the ontology, as one JSON-ready dict."""
    vocab = load_vocabulary()
    reified = {info.name for iri, info in vocab.classes.items() if vocab.is_reification({iri})}
    classes = {
        info.name: {
            "name": info.name,
            "label_ko": info.label_ko,
            "label_en": info.label_en,
            "group": info.group,
            "color": info.color,
            "depth": len(vocab.superclasses.get(iri, ())),
        }
        for iri, info in vocab.classes.items()
        if info.name not in reified
    }
    relationships = {}
    for prop, edge_type in sorted(vocab.edge_types.items(), key=lambda kv: kv[1]):
        info = vocab.object_properties.get(prop)
        relationships[edge_type] = {
            "type": edge_type,
            "label_ko": info.label_ko if info else "",
            "label_en": info.label_en if info else edge_type,
        }
    groups = _group_info(vocab)
    properties = _property_labels(vocab)
    for group in groups.values():
        group["classes"] = [c for c in group["classes"] if c not in reified]
    return {
        "namespaces": {"id": str(ID), "art": str(ART)},
        "classes": classes,
        "groups": {k: v for k, v in groups.items() if v["classes"]},
        "group_order": [g.key for g in vocab.legend_groups if g.key in groups],
        "relationships": relationships,
        "properties": properties,
        # Who-met-whom mode draws people and the events they shared.
        "met": {
            "person_class": vocab.classes[SMEKG.Person].name,
            "event_class": vocab.classes[SMEKG.Event].name,
            "edge_type": vocab.edge_types[SMEKG.participatedIn],
        },
        "limits": {
            "max_nodes": MAX_NODES,
            "default_nodes": DEFAULT_NODES,
            "large_view": LARGE_VIEW,
        },
        "vis_options": {
            "small": network_options(large=False),
            "large": network_options(large=True),
        },
    }
