"""The explorer's current view as one self-contained HTML file, built with pyvis.

pyvis holds the nodes, edges and vis-network options (its own HTML template is not used: it loads
Bootstrap and vis-network from CDNs and writes names into the page unescaped). The file inlines the
vendored vis-network 9.1.2 (viz/static), the data as JSON inside a `<script type="application/json">`
block with `<`, `>` and `&` escaped, and a small script that draws it with names and quotes as text.
A Content-Security-Policy in the file forbids every request, so it opens offline, from disk or mail.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from viz.network import network_options

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
FOLDER = HERE / "standalone"
VIS_JS = STATIC / "vis-network-9.1.2.min.js"
VIS_CSS = STATIC / "vis-network-9.1.2.css"
SHAPES = {
    "dot",
    "square",
    "triangle",
    "triangleDown",
    "diamond",
    "star",
    "hexagon",
    "box",
    "ellipse",
}
STANDALONE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
)

_env = Environment(
    loader=FileSystemLoader(FOLDER), autoescape=select_autoescape(["html"], default=True)
)


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no <, >, & or line separators as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    js = VIS_JS.read_text(encoding="utf-8")
    css = VIS_CSS.read_text(encoding="utf-8")
    app = (FOLDER / "view.js").read_text(encoding="utf-8")
    for name, text in (("vis-network js", js), ("app js", app)):
        if "</script" in text.lower():
            raise ValueError(f"{name} holds </script and cannot be inlined")
    if "</style" in css.lower():
        raise ValueError("vis-network css holds </style and cannot be inlined")
    return js, css, app


def build_network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> Network:
    """The view as a pyvis network: positions kept, physics off, names as labels and tooltips.

    `nodes`: {id, label, title, color, shape, size, x, y, group, details}; `edges`: {from, to, label,
    type, evidence, sources}."""
    net = Network(directed=True, cdn_resources="remote", height="100%", width="100%")
    known = set()
    for node in nodes:
        if node["id"] in known:
            continue
        known.add(node["id"])
        options: dict[str, Any] = {"physics": False, "x": node["x"], "y": node["y"]}
        if node.get("size"):
            options["size"] = node["size"]
        net.add_node(
            node["id"],
            label=node.get("label") or node["id"],
            title=node.get("title") or node.get("label") or node["id"],
            shape=node.get("shape") if node.get("shape") in SHAPES else "dot",
            color=node.get("color") or "#9e9e9e",
            smGroup=node.get("group") or "other",
            smDetails=list(node.get("details") or []),
            **options,
        )
    for edge in edges:
        if edge["from"] in known and edge["to"] in known:
            net.add_edge(
                edge["from"],
                edge["to"],
                label=edge.get("label") or "",
                title=edge.get("label") or edge.get("type") or "",
                smType=edge.get("type") or "",
                smEvidence=list(edge.get("evidence") or []),
                smSources=list(edge.get("sources") or []),
            )
    options = network_options(large=len(known) > 150)
    net.options = {**options, "physics": {**options["physics"], "enabled": False}}
    return net


def view_html(
    title: str, subtitle: str, url: str, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> str:
    """One HTML file: the view drawn by the vendored vis-network, nothing fetched from anywhere."""
    vis_nodes, vis_edges, _, _, _, options = build_network(nodes, edges).get_network_data()
    js, css, app = _assets()
    data = {
        "title": title,
        "subtitle": subtitle,
        "url": url,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": json.loads(options),
    }
    return _env.get_template("view.html").render(
        title=title,
        subtitle=subtitle,
        csp=STANDALONE_CSP,
        count=f"{len(vis_nodes)} nodes · {len(vis_edges)} edges",
        data=script_json(data),
        vis_js=js,
        vis_css=css,
        app_js=app,
    )
