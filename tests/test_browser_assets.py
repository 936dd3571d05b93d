"""What the pages are made of, checked without a browser: offline assets, CSP, escaped page data,
versioned file names, no markup built from strings, and the ontology as the only source of types."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from ontology.vocabulary import load_vocabulary
from tests.browser_support import build_app
from viz.network import MAX_NODES, network_options, page_config
from viz.pages import ASSETS, STATIC_DIR, TEMPLATES_DIR, install

PAGES = [
    "/",
    "/graph",
    "/console",
    "/entity/id:org-mss",
    "/source/002_f72b6778ec84ef75",
    "/connect?a=TIPA&b=Fraunhofer",
    "/who-met-whom?person=id:person-han-seong-sook",
    "/search?q=MIT",
    "/analytics",
    "/review",
]
CDN_HINTS = (
    "cdn",
    "unpkg",
    "jsdelivr",
    "googleapis",
    "gstatic",
    "bootstrap",
    "fontawesome",
    "cloudflare",
)
OWN_SCRIPTS = sorted(STATIC_DIR.glob("smekg-*.js"))


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.config: str | None = None
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.refs.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.refs.append(attrs["href"])
        if tag == "img" and attrs.get("src"):
            self.refs.append(attrs["src"])
        self._in_config = tag == "script" and attrs.get("id") == "smekg-config"

    def handle_data(self, data):
        if self._in_config:
            self.config = (self.config or "") + data

    def handle_endtag(self, tag):
        self._in_config = False


def parse(html: str) -> _Assets:
    parser = _Assets()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def client(store):
    with TestClient(build_app(store)) as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_only_their_own_assets(client, path):
    resp = client.get(path)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/html")
    csp = resp.headers["content-security-policy"]
    assert (
        "default-src 'self'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    )
    page = parse(resp.text)
    assert page.refs
    for ref in page.refs:
        assert ref.startswith("/static/") or ref.startswith("data:"), ref
        if ref.startswith("/static/"):
            asset = client.get(ref)
            assert asset.status_code == 200, ref
            kind = asset.headers["content-type"]
            assert ("javascript" in kind) if ref.endswith(".js") else ("css" in kind), (ref, kind)
    lowered = resp.text.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", lowered)
    assert not any(hint in lowered for hint in CDN_HINTS)


def test_static_assets_are_offline_and_versioned():
    for path in STATIC_DIR.iterdir():
        if path.suffix not in (".js", ".css"):
            continue
        assert re.search(r"-\d+(\.\d+)+(\.min)?\.(js|css)$", path.name), (
            f"unversioned asset name: {path.name}"
        )
        text = path.read_text(encoding="utf-8")
        # No fetches from elsewhere: CSS urls are data: URIs, and nothing imports or loads from a URL.
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert url.startswith("data:"), (path.name, url[:60])
        assert "@import" not in text, path.name
        assert not re.search(r"""(src|href)\s*=\s*["']https?://""", text), path.name
        if path.name.startswith("smekg-"):
            # The SVG namespace name is an identifier, never fetched (the SVG export uses it).
            text = text.replace("http://www.w3.org/2000/svg", "")
            assert "http://" not in text and "https://" not in text, path.name
    assert set(ASSETS.values()) <= {f"/static/{p.name}" for p in STATIC_DIR.iterdir()}


@pytest.mark.parametrize("script", OWN_SCRIPTS, ids=lambda p: p.name)
def test_scripts_never_build_markup_from_strings(script):
    code = re.sub(r"/\*.*?\*/|^\s*//.*$", "", script.read_text(encoding="utf-8"), flags=re.S | re.M)
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setTimeout("',
        "javascript:",
    ):
        assert sink not in code, f"{script.name} uses {sink}"


@pytest.mark.parametrize("script", OWN_SCRIPTS, ids=lambda p: p.name)
def test_scripts_take_types_from_the_ontology(script):
    """Class names reach the pages through the configuration, never as literals in the scripts."""
    code = script.read_text(encoding="utf-8")
    for info in load_vocabulary().classes.values():
        for literal in (f'"{info.name}"', f"'{info.name}'"):
            assert literal not in code, f"{script.name} names the class {info.name}"


def test_page_configuration_is_the_ontology(client):
    config = json.loads(parse(client.get("/graph").text).config)
    assert config["page"] == "graph"
    assert config == json.loads(json.dumps({**page_config(), "page": "graph"}))
    vocab = load_vocabulary()
    for info in vocab.classes.values():
        if vocab.is_reification({info.iri}):
            assert info.name not in config["classes"]
            continue
        entry = config["classes"][info.name]
        assert (entry["color"], entry["group"], entry["label_ko"], entry["label_en"]) == (
            info.color,
            info.group,
            info.label_ko,
            info.label_en,
        )
        assert info.name in config["groups"][info.group]["classes"]
    assert set(config["relationships"]) == set(vocab.edge_types.values())
    assert config["limits"]["max_nodes"] == MAX_NODES <= 1000
    shown = [group for group in vocab.legend_groups if group.key in config["groups"]]
    assert config["group_order"] == [group.key for group in shown]
    for group in shown:
        entry = config["groups"][group.key]
        assert (entry["label_ko"], entry["label_en"]) == (group.label_ko, group.label_en)


def test_vis_options_come_from_pyvis_and_bound_the_layout():
    small, large = network_options(large=False), network_options(large=True)
    for options in (small, large):
        assert options["physics"]["enabled"] is True
        assert options["physics"]["stabilization"]["enabled"] is True
        assert "barnesHut" in options["physics"]  # pyvis's solver settings
        assert "configure" not in options
    assert small["layout"]["improvedLayout"] is True
    assert large["layout"]["improvedLayout"] is False
    assert large["interaction"]["hideEdgesOnDrag"] is True


@pytest.mark.parametrize(
    "evil",
    [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u2028'\"&<>",
    ],
)
def test_entity_address_reaches_the_page_as_escaped_data(client, evil):
    resp = client.get("/entity/" + evil.replace("/", "%2F"))
    assert resp.status_code == 200
    assert "<script>alert(1)" not in resp.text and "<img src=x" not in resp.text
    config = json.loads(parse(resp.text).config)
    assert config["entity_id"] == evil


def test_install_is_idempotent(store):
    app = build_app(store)
    before = len(app.router.routes)
    install(app)
    install(app)
    assert len(app.router.routes) == before
    assert sum(1 for r in app.router.routes if getattr(r, "path", None) == "/static") == 1


def test_templates_use_no_inline_scripts():
    for template in TEMPLATES_DIR.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        for tag in re.findall(r"<script[^>]*>", text):
            assert "src=" in tag or 'type="application/json"' in tag, (template.name, tag)
        assert not re.search(r"\son[a-z]+\s*=", text), template.name  # no inline event handlers
