"""Browser-test helpers: a real uvicorn server on 127.0.0.1, Debian's Chromium driven by Playwright,
and a network guard that lets no request leave 127.0.0.1 (every other request is recorded and aborted).

Chromium comes from the system (`apt-get install chromium`); `playwright install` is never needed.
Set SMEKG_CHROMIUM to use another binary; SMEKG_REQUIRE_BROWSER=1 turns a missing browser from a skip
into a failure (for CI). Screenshots go to tests/screenshots/ (git-ignored); with
SMEKG_DOCS_SCREENSHOTS=1 they are also copied to docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from smekg.settings import REPO_ROOT, Settings

CHROMIUM = Path(os.environ.get("SMEKG_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--no-pings",
    "--dns-prefetch-disable",
    # Belt and braces: no host name resolves except the test server's address.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"
DOCS_SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1440, "height": 900}


def require_browser() -> None:
    """Skip (with the reason) when the system Chromium or the Playwright package is missing; with
    SMEKG_REQUIRE_BROWSER=1 (CI) that is a failure instead."""
    missing = None
    if not CHROMIUM.exists():
        missing = f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "browser tests need the Playwright package (pip install playwright; no browser download)"
    if missing:
        if os.environ.get("SMEKG_REQUIRE_BROWSER") == "1":
            pytest.fail(missing + " (SMEKG_REQUIRE_BROWSER=1)")
        pytest.skip(missing)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_app(store: Any, **settings: Any):
    """The API app over `store`, with the pages installed if create_app does not install them yet."""
    from api.app import create_app
    from viz.pages import install

    app = create_app(Settings(**settings), store=store)
    install(app)  # does nothing when create_app has installed the pages already
    return app


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free 127.0.0.1 port in a background thread; yields the base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@dataclass
class PageWatch:
    """What a page did that it should not: requests off 127.0.0.1, load failures, errors, dialogs."""

    base_url: str
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    expected_http_errors: set[int] = field(default_factory=set)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        base = urlsplit(self.base_url)
        return parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.port == base.port

    def attach(self, context: Any) -> None:
        def guard(route: Any) -> None:
            url = route.request.url
            if self.allowed(url):
                route.continue_()
            else:
                self.blocked.append(url)
                route.abort("blockedbyclient")

        context.route("**/*", guard)

    def watch(self, page: Any) -> None:
        page.on(
            "console",
            lambda msg: (
                self.console_errors.append(f"{msg.type}: {msg.text}")
                if msg.type in ("error", "assert")
                else None
            ),
        )
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("requestfailed", self._on_failed)

        def on_response(resp: Any) -> None:
            if resp.status >= 400 and resp.status not in self.expected_http_errors:
                self.http_errors.append(f"{resp.status} {resp.url}")

        page.on("response", on_response)

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)

    def _on_failed(self, request: Any) -> None:
        # ERR_ABORTED is a request the page itself gave up: it navigated on (the test's next page)
        # or a newer query superseded it; a refused or broken request fails with another code
        if "ERR_ABORTED" not in str(request.failure):
            self.failed.append(f"{request.url} ({request.failure})")

    def load_errors(self) -> list[str]:
        """Console errors and failed requests (an expected 4xx from the console is not one)."""
        console = [
            e
            for e in self.console_errors
            if not any(f"status of {code}" in e for code in self.expected_http_errors)
        ]
        return console + self.page_errors + self.failed + self.http_errors


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, launched through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(
    browser: Any, base_url: str, *, expected_http_errors: set[int] | None = None
) -> Iterator[tuple[Any, PageWatch]]:
    """A fresh context and page behind the network guard, with a watch on errors and dialogs."""
    watch = PageWatch(base_url, expected_http_errors=set(expected_http_errors or ()))
    context = browser.new_context(
        viewport=VIEWPORT,
        base_url=base_url,
        locale="ko-KR",
        service_workers="block",
        accept_downloads=True,
    )
    context.set_default_timeout(20_000)
    watch.attach(context)
    page = context.new_page()
    watch.watch(page)
    try:
        yield page, watch
    finally:
        context.close()


def screenshot(page: Any, name: str, *, docs: bool = False, full_page: bool = False) -> Path:
    """tests/screenshots/<name>.png; a `docs` one is also copied to docs/screenshots/ (for the README)
    when SMEKG_DOCS_SCREENSHOTS=1, so that ordinary test runs leave the committed pictures alone."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    if docs and os.environ.get("SMEKG_DOCS_SCREENSHOTS") == "1":
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_SCREENSHOTS / path.name)
    return path


def wait_graph_ready(page: Any, selector: str = "#network") -> None:
    """Until the graph has loaded and its layout has settled (physics frozen)."""
    page.wait_for_selector(f"{selector}[data-state='ready']", timeout=30_000)


def console_run(page: Any, query: str, params: str | None = None) -> None:
    """Type a query into the console's editor (CodeMirror, or the plain textarea when its script did
    not load), set the parameters, and run it with Ctrl+Enter from the editor."""
    page.wait_for_function("() => window.smekgConsole && document.body.dataset.editor")
    page.evaluate("text => { smekgConsole.query = text; }", query)
    if params is not None:
        page.fill("#params", params)
    editor = ".cm-content" if page.evaluate("smekgConsole.editor") == "codemirror" else "#query"
    page.click(editor)
    page.press(editor, "Control+Enter")
