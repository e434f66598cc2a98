"""The Content-Security-Policy of the built pages (generator/csp.py): hashes for the theme's
inline scripts only, never for a script in the content; the policy as the first element of
<head>; no third-party origin and no inline script without a hash; the same bytes every time.

The browser half (the policy blocks what it should and nothing else) is
tests/browser/test_csp_browser.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO
from sitebuild import build, front, make_site

from generator.csp import policy, script_hash, search_worker, shim_bootstraps, with_policy

HEAD_SCRIPT = '__md_scope=new URL(".",location)'
TAIL_SCRIPT = "var target=document.getElementById(location.hash.slice(1))"
WORKER = "assets/javascripts/workers/search.a7633da7.min.js"
CONFIG = f'{{"base": ".", "search": "{WORKER}"}}'
EVIL = "window.__pwned=1"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SHIM = REPO / "node_modules" / "iframe-worker" / "shim" / "index.js"


def page(content: str = "<p>Tekst.</p>", nav: str = "", article: bool = True) -> str:
    """A page with the layout of Material's base.html."""
    body = (
        f'<div class="md-content"><article class="md-content__inner md-typeset">{content}'
        "</article></div>"
        if article
        else content
    )
    return (
        '<!doctype html>\n<html lang="nl">\n  <head>\n    <meta charset="utf-8">\n'
        '    <meta name="viewport" content="width=device-width">\n    <title>T</title>\n'
        '    <link rel="stylesheet" href="a.css">\n'
        f"    <script>{HEAD_SCRIPT}</script>\n  </head>\n  <body>\n"
        f'    <nav class="md-nav">{nav}</nav>\n    {body}\n'
        f"    <script>{TAIL_SCRIPT}</script>\n"
        f'    <script id="__config" type="application/json">{CONFIG}</script>\n'
        '    <script src="bundle.js"></script>\n  </body>\n</html>\n'
    )


def hashes(html: str) -> list[str]:
    """The hash sources of the page's policy, in order."""
    found = META.findall(html)
    assert len(found) == 1, f"{len(found)} policies in the page"
    script_src = next(d for d in found[0].split("; ") if d.startswith("script-src "))
    return [s.strip("'") for s in script_src.split()[1:] if s.startswith("'sha256-")]


def directives(text: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in text.split("; ")}


# --- which scripts get a hash ------------------------------------------------------------------


def test_exactly_the_themes_inline_scripts_get_a_hash() -> None:
    """The scripts in <head> and after the content; not the JSON data block, not src scripts."""
    assert hashes(with_policy(page())) == [script_hash(HEAD_SCRIPT), script_hash(TAIL_SCRIPT)]


@pytest.mark.parametrize(
    "content",
    [
        f"<script>{EVIL}</script>",
        f'<script type="module">{EVIL}</script>',
        f'<article class="pk-card"><p>Kaart</p></article><script>{EVIL}</script>',
        f"<p>Eerst</p></article><script>{EVIL}</script><article>",
        f'<article class="md-content__inner md-typeset"><script>{EVIL}</script>',
        f"</div></article></div><script>{EVIL}</script><div><article><div>",
    ],
    ids=["script", "module", "after-nested-article", "stray-end-tag", "fake-start", "fake-end"],
)
def test_a_script_in_the_content_gets_no_hash(content: str) -> None:
    result = with_policy(page(content))
    assert script_hash(EVIL) not in hashes(result)
    assert hashes(result) == [script_hash(HEAD_SCRIPT), script_hash(TAIL_SCRIPT)]


def test_a_script_in_the_navigation_gets_no_hash() -> None:
    """The header, navigation and table of contents show contributed titles and headings."""
    result = with_policy(page(nav=f"<script>{EVIL}</script>"))
    assert hashes(result) == [script_hash(HEAD_SCRIPT), script_hash(TAIL_SCRIPT)]


def test_without_materials_article_only_the_head_is_trusted() -> None:
    result = with_policy(page(content=f"<script>{EVIL}</script>", article=False))
    assert hashes(result) == [script_hash(HEAD_SCRIPT)]


def test_a_script_in_the_content_of_a_built_page_gets_no_hash(small_site: Path) -> None:
    """A real page, before its policy: a script put into its content changes nothing."""
    built = (small_site / "praktijken" / "gent-een" / "index.html").read_text(encoding="utf-8")
    bare = re.sub(r"\n\s*" + META.pattern, "", built)
    assert with_policy(bare) == built
    start = bare.index('<article class="md-content__inner md-typeset">')
    injected = bare[:start] + bare[start:].replace("<h1", f"<script>{EVIL}</script><h1", 1)
    assert EVIL in injected
    assert hashes(with_policy(injected)) == hashes(built)


# --- where the policy goes ---------------------------------------------------------------------


class _HeadOrder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            names = dict(attrs)
            csp = names.get("http-equiv") == "Content-Security-Policy"
            self.tags.append("csp" if csp else "meta:charset" if "charset" in names else tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def head_order(html: str) -> list[str]:
    parser = _HeadOrder()
    parser.feed(html)
    return parser.tags


def test_the_policy_is_the_first_element_of_head_after_the_charset() -> None:
    """Before any script, style or link; the charset stays first, within the first 1024 bytes
    where browsers look for it."""
    result = with_policy(page())
    assert head_order(result)[:3] == ["meta:charset", "csp", "meta"]
    assert result.index('<meta charset="utf-8">') < 1024


def test_without_a_charset_the_policy_is_the_first_element_of_head() -> None:
    result = with_policy(page().replace('<meta charset="utf-8">', ""))
    assert head_order(result)[:2] == ["csp", "meta"]


# --- the policy itself -------------------------------------------------------------------------

ONLINE = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "style-src-elem 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "frame-src 'self'; worker-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)


def test_the_policy_of_each_variant() -> None:
    assert policy([]) == ONLINE
    assert policy([], file_urls=True) == ONLINE.replace("'self'", "'self' file:")
    assert policy(["sha256-a", "sha256-b"]).startswith(
        "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; "
    )


@pytest.mark.parametrize("file_urls", [False, True], ids=["online", "offline"])
def test_the_policy_allows_no_third_party_origin(file_urls: bool) -> None:
    """Only the site itself (file: for bundles opened from disk), data: images, hashes, and
    inline styles; never a host, a wildcard, http(s):, blob:, or inline/eval script."""
    found = directives(policy(["sha256-x"], file_urls))
    own = {"'self'", "file:"} if file_urls else {"'self'"}
    allowed = {
        "script-src": own | {"'sha256-x'"},
        "style-src": own | {"'unsafe-inline'"},
        "img-src": own | {"data:"},
        "object-src": {"'none'"},
        "base-uri": {"'none'"},
    }
    for name in ("default-src", "font-src", "connect-src", "frame-src", "worker-src"):
        allowed[name] = own
    assert set(allowed) <= set(found), "a directive is missing"
    for name, sources in found.items():
        assert set(sources) <= allowed.get(name, own), f"{name} {sources}"
    assert "'unsafe-inline'" not in found["script-src"]


def test_no_directive_a_meta_policy_ignores() -> None:
    """Browsers ignore these in <meta> and say so in the console of every page."""
    assert not {"frame-ancestors", "report-uri", "report-to", "sandbox"} & set(
        directives(policy([], True))
    )


def test_the_same_page_gives_the_same_bytes_in_every_process() -> None:
    code = (
        "import sys; from generator.csp import with_policy; "
        "sys.stdout.write(with_policy(sys.stdin.read(), True))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=page(),
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert outputs == {with_policy(page(), True)}


# --- the offline worker shim -------------------------------------------------------------------


def test_the_search_worker_comes_from_the_themes_configuration_only() -> None:
    """Material reads the first element with id __config; one in the content must not choose
    the URL that the shim's bootstrap hash is computed for."""
    evil = '<script id="__config" type="application/json">{"search": "https://evil.example/w.js"}'
    assert search_worker(page(evil + "</script>")) == WORKER
    assert search_worker(page(article=False)) is None


def test_the_shims_bootstrap_gets_the_hash_chromium_asks_for() -> None:
    """iframe-worker 1.0.4 (package-lock.json) writes this script into its frame; Chromium
    reported this hash as missing for a page one folder deep before the policy had it."""
    if not SHIM.is_file():
        pytest.skip("npm-pakketten ontbreken: npm ci")
    url = f"../{WORKER}"
    (bootstrap,) = shim_bootstraps(SHIM.read_text(encoding="utf-8"), url)
    assert bootstrap.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};')
    assert f'filename:"{url}"' in bootstrap
    assert script_hash(bootstrap) == "sha256-H5Y6UlQ+zh9IO8YUI9VEKRJxWTZzGbfmipLMFv3CoR4="
    deeper = page().replace("assets/", "../assets/")
    assert script_hash(bootstrap) in hashes(with_policy(deeper, True, [SHIM.read_text()]))
    assert script_hash(bootstrap) not in hashes(with_policy(deeper))


# --- every built page --------------------------------------------------------------------------


_JAVASCRIPT = {None, "", "text/javascript", "module"}


class _Scripts(HTMLParser):
    """Executable inline scripts per region, found by a real parser (not csp.py's rule)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.region = "head"
        self.depth = 0  # open <article>s inside Material's content
        self.scripts: list[tuple[str, str]] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "body":
            self.region = "body"
        elif tag == "article" and self.region == "content":
            self.depth += 1
        elif tag == "article" and names.get("class") == "md-content__inner md-typeset":
            self.region, self.depth = "content", 1
        elif tag == "script" and "src" not in names and names.get("type") in _JAVASCRIPT:
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.region == "content":
            self.depth -= 1
            self.region = "content" if self.depth else "after"
        elif tag == "script" and self._script is not None:
            self.scripts.append((self.region, "".join(self._script)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _require_npm() -> None:
    if not (REPO / "node_modules" / "iframe-worker").is_dir():
        message = "NPM-PAKKETTEN ONTBREKEN: voer 'npm ci' uit"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def small_project(tmp_path_factory) -> Path:
    _require_npm()
    root = tmp_path_factory.mktemp("csp")
    make_site(
        root,
        {
            "gent-een.md": front("Een praktijk in Gent", ["Gent"], [11], ["mobiliteit"]),
            "leuven-twee.md": front("Een praktijk in Leuven", ["Leuven"], [13], ["mobiliteit"]),
        },
    )
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


@pytest.fixture(scope="module")
def small_site(small_project: Path) -> Path:
    return build(small_project, small_project / "site")


@pytest.fixture(scope="module")
def small_offline_site(small_project: Path) -> Path:
    return build(small_project, small_project / "offline", config_file="mkdocs-offline.yml")


@pytest.mark.parametrize("variant", ["small_site", "small_offline_site"])
def test_every_built_page_hashes_exactly_its_theme_scripts(request, variant: str) -> None:
    site: Path = request.getfixturevalue(variant)
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        parser = _Scripts()
        parser.feed(html)
        trusted = [text for region, text in parser.scripts if region in {"head", "after"}]
        assert trusted, f"{path}: no theme script found"
        expected = [script_hash(text) for text in dict.fromkeys(trusted)]
        found = hashes(html)
        name = path.relative_to(site)
        if variant == "small_offline_site":  # plus the worker shim's bootstrap, last
            assert found[:-1] == expected, name
            worker = search_worker(html)
            assert worker is not None and worker.endswith(".min.js")
            assert found[-1] == script_hash(shim_bootstraps(SHIM.read_text(), worker)[0]), name
            assert "default-src 'self' file:;" in html
        else:
            assert found == expected, name
            assert "file:" not in META.search(html)[1]
        assert head_order(html)[:2] == ["meta:charset", "csp"], name


def test_the_404_page_carries_the_policy_too(tmp_path) -> None:
    """404.html is written from a template, without on_post_page: the plugin polices it too."""
    from sitebuild import build, front, make_site

    make_site(tmp_path, {"gent.md": front("Gent doet mee", ["Gent"], [13], ["mobiliteit"])})
    page = (build(tmp_path) / "404.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
