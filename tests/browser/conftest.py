"""Browser fixtures: Debian's Chromium driven by Playwright, a built site, a local server.

Without a browser these tests are skipped with a loud message; with CI=true that skip is a
failure, so CI can never pass by not running them.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "het Python-pakket playwright ontbreekt (pip install -e '.[test]')"
    if not Path(CHROMIUM).exists():
        return f"Chromium ontbreekt op {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason:
        message = f"BROWSERTESTS NIET UITGEVOERD: {reason}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — in CI is dat een fout.")
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) → base URL of a local HTTP server for that folder."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def repo_site(repo_copy, tmp_path_factory) -> Path:
    """The repository's own site, built once with MkDocs (directory URLs), served over HTTP."""
    from sitebuild import build

    return build(repo_copy, tmp_path_factory.mktemp("online") / "site")


@pytest.fixture(scope="session")
def offline_site(repo_copy, tmp_path_factory) -> Path:
    """The offline variant (file URLs, Material's offline plugin), opened from file://."""
    from sitebuild import build

    return build(
        repo_copy, tmp_path_factory.mktemp("offline") / "site", config_file="mkdocs-offline.yml"
    )


class PageWatch:
    """A page that records every request leaving the allowed origin and every script error."""

    def __init__(self, page, allowed: str) -> None:
        self.page = page
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request) -> None:
        url = request.url
        if not (url.startswith(self.allowed) or url.startswith(("data:", "blob:", "about:"))):
            self.outside.append(url)

    allowed = ""


@pytest.fixture
def watched(browser) -> Iterator:
    """watched(allowed_prefix, width=1280) → PageWatch with a fresh page."""
    contexts = []

    def open_page(allowed: str, width: int = 1280) -> PageWatch:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        watch = PageWatch.__new__(PageWatch)
        watch.allowed = allowed
        PageWatch.__init__(watch, context.new_page(), allowed)
        return watch

    yield open_page
    for context in contexts:
        context.close()
