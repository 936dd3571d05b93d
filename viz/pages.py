"""The browser pages: a home page, the graph explorer, the Cypher console, network analytics,
citable entity pages and the review workbench.

`install(app)` mounts the vendored assets at `/static` and adds the HTML routes. The pages are
shells: their scripts fetch everything from the JSON API on the same origin. Every script, style and
font is served from `viz/static` (no CDN), and a Content-Security-Policy header keeps it that way.
Data never reaches the page as markup: the page configuration travels as escaped JSON in a
`<script type="application/json">` block, and the scripts build the DOM with text nodes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.routing import NoMatchFound

from ontology.vocabulary import ONTOLOGY_PATH, SMEKG
from viz.network import page_config

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"

# Versioned file names: a new version of an asset gets a new name, so caches never serve a stale one.
ASSETS = {
    "vis_js": "/static/vis-network-9.1.2.min.js",
    "vis_css": "/static/vis-network-9.1.2.css",
    "cypher_js": "/static/cypher-editor-1.0.3.min.js",
    "cypher_css": "/static/cypher-editor-1.0.3.css",
    "css": "/static/smekg-1.1.css",
    "common_js": "/static/smekg-common-1.1.js",
    "graph_js": "/static/smekg-graph-1.1.js",
    "console_js": "/static/smekg-console-1.1.js",
    "entity_js": "/static/smekg-entity-1.1.js",
    "home_js": "/static/smekg-home-1.1.js",
    "analytics_js": "/static/smekg-analytics-1.1.js",
    "source_js": "/static/smekg-source-1.1.js",
    "connect_js": "/static/smekg-connect-1.1.js",
    "met_js": "/static/smekg-met-1.1.js",
    "search_js": "/static/smekg-search-1.1.js",
    "review_js": "/static/smekg-review-1.1.js",
    "review_css": "/static/smekg-review-1.1.css",
}

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # vis-network positions its tooltip with inline styles
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-cache",
}

_env = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

router = APIRouter(include_in_schema=False)


def render(
    template: str,
    *,
    title: str,
    page: str,
    extra: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page shell; `config` reaches the scripts as JSON (Jinja's `tojson` escapes <, >, &, ')."""
    config = {**page_config(), "page": page, **(extra or {})}
    html = _env.get_template(template).render(title=title, page=page, assets=ASSETS, config=config)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


@router.get("/", response_class=HTMLResponse)
async def home_page() -> HTMLResponse:
    return render("home.html", title="SME innovation policy knowledge graph", page="home")


@router.get("/graph", response_class=HTMLResponse)
async def graph_page() -> HTMLResponse:
    return render("graph.html", title="Graph explorer", page="graph")


@router.get("/console", response_class=HTMLResponse)
async def console_page() -> HTMLResponse:
    return render("console.html", title="Cypher console", page="console")


@router.get("/analytics", response_class=HTMLResponse)
async def analytics_page() -> HTMLResponse:
    """Network analytics: centrality, communities, brokers and year-by-year evolution (from /api/analytics)."""
    return render("analytics.html", title="Network analytics", page="analytics")


@router.get("/source/{article:path}", response_class=HTMLResponse)
async def source_page(article: str) -> HTMLResponse:
    """An article: its metadata, its text with every quote highlighted, and the facts taken from it."""
    return render("source.html", title="Source", page="source", extra={"article_id": article[:300]})


@router.get("/connect", response_class=HTMLResponse)
async def connect_page() -> HTMLResponse:
    """How are two entities connected: `/connect?a=…&b=…` (names, aliases or IRIs)."""
    return render("connect.html", title="Connections", page="connect")


@router.get("/who-met-whom", response_class=HTMLResponse)
async def met_page() -> HTMLResponse:
    """Who met whom, as a table: `/who-met-whom?person=…&since=…&until=…`."""
    return render("met.html", title="Who met whom", page="met")


@router.get("/search", response_class=HTMLResponse)
async def search_page() -> HTMLResponse:
    """Search names (ranked, with a type facet), evidence quotes and article texts: `/search?q=…`."""
    return render("search.html", title="Search", page="search")


@router.get("/entity/{id:path}", response_class=HTMLResponse)
async def entity_page(id: str) -> HTMLResponse:
    """A citable page for one entity; `id` is an IRI (full or `id:…`), a name or an alias."""
    return render("entity.html", title="Entity", page="entity", extra={"entity_id": id[:300]})


# What the review workbench highlights in an article's text, and how the legend names it.
MENTION_KINDS = [
    {"kind": "person", "label_ko": "인물", "label_en": "person"},
    {"kind": "organisation", "label_ko": "조직", "label_en": "organisation"},
    {"kind": "title", "label_ko": "직함", "label_en": "title"},
    {"kind": "event", "label_ko": "행사", "label_en": "event"},
    {"kind": "date", "label_ko": "날짜", "label_en": "date"},
    {"kind": "place", "label_ko": "장소", "label_en": "place"},
    {"kind": "amount", "label_ko": "금액", "label_en": "amount"},
]


@lru_cache(maxsize=1)
def participation_roles() -> list[dict[str, str]]:
    """The allowed participation roles (smekg:ParticipationRoles), in the ontology's order."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import SKOS

    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    scheme = URIRef(str(SMEKG) + "ParticipationRoles")
    out = []
    for concept in graph.objects(scheme, SKOS.hasTopConcept):
        labels = {
            lit.language: str(lit)
            for lit in graph.objects(concept, SKOS.prefLabel)
            if isinstance(lit, Literal)
        }
        out.append(
            {
                "value": str(graph.value(concept, SKOS.notation)),
                "label_ko": labels.get("ko", ""),
                "label_en": labels.get("en", ""),
            }
        )
    order = ["attendee", "speaker", "keynote-speaker", "presenter", "panelist", "chair"]
    return sorted(
        out, key=lambda r: (order.index(r["value"]) if r["value"] in order else 99, r["value"])
    )


@router.get("/review", response_class=HTMLResponse)
async def review_page(request: Request) -> HTMLResponse:
    """The review workbench: new articles in, facts decided, the graph grows (the API needs the key)."""
    settings = getattr(request.app.state, "settings", None)
    extra = {
        "review": {
            "key_configured": bool(getattr(settings, "api_key", None)),
            "max_bytes": int(getattr(settings, "review_max_bytes", 4 * 1024 * 1024)),
            "threshold": 0.9,
            "roles": participation_roles(),
            "mention_kinds": MENTION_KINDS,
        }
    }
    return render("review.html", title="Review workbench", page="review", extra=extra)


def installed(app: FastAPI) -> bool:
    """Whether the pages are part of `app` already (`install` ran, or the routes are there)."""
    if getattr(app.state, "smekg_pages", False):
        return True
    try:
        app.url_path_for("graph_page")
    except NoMatchFound:
        return False
    return True


def install(app: FastAPI) -> None:
    """Mount `/static` and add the pages to `app` (once; calling it again changes nothing)."""
    if installed(app):
        return
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
    app.state.smekg_pages = True
