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
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from viz.network import network_options, page_config

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


class _Node(Protocol):
    id: str
    label: str
    title: str
    color: str | None
    shape: str | None
    size: float | None
    x: float | None
    y: float | None
    group: str | None
    details: list[str]


class _Edge(Protocol):
    from_: str
    to: str
    label: str
    type: str
    evidence: list[str]
    sources: list[str]


class _View(Protocol):
    title: str
    subtitle: str
    url: str
    nodes: list[Any]
    edges: list[Any]


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


def build_network(view: _View) -> Network:
    """The view as a pyvis network: positions kept, physics off, names as labels and tooltips."""
    net = Network(directed=True, cdn_resources="remote", height="100%", width="100%")
    known = set()
    for node in view.nodes:
        if node.id in known:
            continue
        known.add(node.id)
        extra: dict[str, Any] = {"physics": False}
        if node.x is not None and node.y is not None:
            extra.update(x=node.x, y=node.y)
        if node.color:
            extra["color"] = node.color
        if node.size:
            extra["size"] = node.size
        net.add_node(
            node.id,
            label=node.label or node.id,
            title=node.title or node.label or node.id,
            shape=node.shape if node.shape in SHAPES else "dot",
            group=node.group or "other",
            smDetails=list(node.details),
            **extra,
        )
    for edge in view.edges:
        if edge.from_ in known and edge.to in known:
            net.add_edge(
                edge.from_,
                edge.to,
                label=edge.label,
                title=edge.label or edge.type,
                smType=edge.type,
                smEvidence=list(edge.evidence),
                smSources=list(edge.sources),
            )
    options = network_options(large=len(known) > 150)
    options = {**options, "physics": {**options["physics"], "enabled": False}}
    net.options = options
    return net


def view_html(view: _View) -> str:
    """One HTML file: the view drawn by the vendored vis-network, nothing fetched from anywhere."""
    nodes, edges, _, _, _, options = build_network(view).get_network_data()
    js, css, app = _assets()
    data = {
        "title": view.title,
        "subtitle": view.subtitle,
        "url": view.url,
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "groups": page_config()["groups"],
    }
    return _env.get_template("view.html").render(
        title=view.title,
        subtitle=view.subtitle,
        csp=STANDALONE_CSP,
        count=f"{len(nodes)} nodes · {len(edges)} edges",
        data=script_json(data),
        vis_js=js,
        vis_css=css,
        app_js=app,
    )
