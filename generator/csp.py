"""The Content-Security-Policy of every built page, as a <meta http-equiv> in its <head>.

The policy allows no third-party origin for anything and no inline script except by hash. The
hashes cover the theme's inline scripts only, found by a rule on the page's layout (Material
for MkDocs' base.html):

- trusted: the <head>, and everything after the page's content (after the last `</article>`
  that follows Material's `<article class="md-content__inner md-typeset">`);
- untrusted: the <body> before and including that article: the header, the navigation and
  the table of contents show contributed titles and headings, and the article holds the
  contributed text itself.

A script in an untrusted region never gets a hash, even if it looks like the theme's: the
sanitiser (generator/body.py) removes scripts from contributions, and the policy is the
second lock, so a hash may never whitelist what a contribution brought in. A page without
Material's article trusts its <head> only. The other way round is safe: a theme script this
rule misses is blocked, and the browser tests (tests/browser/test_csp_browser.py) report
that as a policy violation.

The function is plain string work (a few `str.find` calls and one sha256 per inline script):
it runs on thousands of pages.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

CONTENT_START = '<article class="md-content__inner md-typeset">'
CONTENT_END = "</article>"
# Script types a browser runs; any other type (Material's `application/json` configuration)
# is a data block that no policy governs and that must not get a hash.
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta charset=[^>]*>", re.IGNORECASE)
_CONFIG = '<script id="__config" type="application/json">'
# iframe-worker's frame document: document.write(`<html><body><script>…<\/script>…`).
_WRITTEN = re.compile(r"document\.write\(`(.*?)`\)", re.DOTALL)
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)<\\/script>", re.DOTALL)
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def policy(hashes: Iterable[str], file_urls: bool = False) -> str:
    """The policy text for these script hashes ('sha256-…' sources).

    `file_urls`: the page is opened from file:// (offline bundles). Chromium lets 'self' match
    the bundle's files there (tests/browser/test_csp_browser.py); browsers differ on what a
    file:// page's 'self' is, so the bundle's files are also allowed as `file:`. That allows
    local files only, never the network.
    """
    own = "'self' file:" if file_urls else "'self'"
    scripts = " ".join([own, *(f"'{h}'" for h in hashes)])
    directives = [
        f"default-src {own}",
        f"script-src {scripts}",
        # Inline style attributes carry the SDG badge colours (components.sdg_style); style
        # elements need none, so browsers that know style-src-elem refuse inline ones.
        f"style-src {own} 'unsafe-inline'",
        f"style-src-elem {own}",
        # data: for the SVG icons Material's stylesheet embeds.
        f"img-src {own} data:",
        f"font-src {own}",
        f"connect-src {own}",
        f"frame-src {own}",
        f"worker-src {own}",
        f"media-src {own}",
        "object-src 'none'",
        "base-uri 'none'",
        f"form-action {own}",
    ]
    return "; ".join(directives)


def with_policy(html: str, file_urls: bool = False, shims: Sequence[str] = ()) -> str:
    """The page with its policy as the first element of <head> (after the charset only).

    `shims`: the source of worker shims the page loads (the offline variant's iframe-worker);
    the inline bootstrap each writes into its frame for the page's search worker is hashed too.
    """
    head = html.find("<head>")
    if head < 0:
        return html
    at = head + len("<head>")
    charset = _CHARSET.match(html, at)
    if charset:  # the charset must stay within the first 1024 bytes; the policy is long
        at = charset.end()
    scripts = theme_scripts(html)
    worker = search_worker(html) if shims else None
    if worker is not None:
        scripts += [s for shim in shims for s in shim_bootstraps(shim, worker)]
    hashes = _unique(map(script_hash, scripts))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, file_urls)}">'
    return f"{html[:at]}\n    {meta}{html[at:]}"


@functools.cache
def read_shim(path: Path) -> str:
    """A worker shim's source, read once per build process (the same file for every page)."""
    return path.read_text(encoding="utf-8")


def script_hash(text: str) -> str:
    """The CSP source for an inline script with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def theme_scripts(html: str) -> list[str]:
    """The text of every inline script in the trusted regions of the page (see above)."""
    head_end = html.find("</head>")
    if head_end < 0:
        return []
    found = list(_inline_scripts(html, 0, head_end))
    tail = _after_content(html, head_end)
    if tail is not None:
        found += _inline_scripts(html, tail, len(html))
    return found


def _after_content(html: str, head_end: int) -> int | None:
    """Where the trusted part after the page's content begins (None: no Material article)."""
    start = html.find(CONTENT_START, head_end)
    end = html.rfind(CONTENT_END)
    if start < 0 or end < start:
        return None
    return end + len(CONTENT_END)


def search_worker(html: str) -> str | None:
    """The URL of Material's search worker as the page's configuration gives it (relative).

    Only the configuration after the content counts: an element with Material's id inside the
    content must not choose a URL that then gets a hash.
    """
    head_end = html.find("</head>")
    tail = _after_content(html, head_end) if head_end >= 0 else None
    at = html.find(_CONFIG, tail) if tail is not None else -1
    end = html.find("</script>", at) if at >= 0 else -1
    if end < 0:
        return None
    try:
        url = json.loads(html[at + len(_CONFIG) : end]).get("search")
    except ValueError:
        return None
    return url if isinstance(url, str) else None


def shim_bootstraps(shim: str, worker_url: str) -> list[str]:
    """The inline scripts a worker shim writes into its frame for this worker URL.

    iframe-worker (npm) emulates a Web Worker from file:// with a hidden frame, into which it
    `document.write`s a template: an inline script made of its own helper functions and the
    worker's URL. The frame inherits the page's policy, so that script needs a hash. Its text
    is the template with each `${name}` replaced by the source of the shim's function `name`
    (what the browser's Function.toString gives) or, for the one that is no function, the URL.
    A shim of another shape yields a wrong hash or none: search from file:// then fails in the
    browser tests, it never allows more.
    """
    found = []
    for template in _WRITTEN.findall(shim):
        for body in _TEMPLATE_SCRIPT.findall(template):
            found.append(_PLACEHOLDER.sub(lambda m: _function(shim, m[1]) or worker_url, body))
    return found


def _function(source: str, name: str) -> str | None:
    """The source text of `function name(…){…}` in minified JavaScript (braces counted)."""
    start = source.find(f"function {name}(")
    if start < 0:
        return None
    depth = 0
    for at in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[at], 0)
        if depth == 0:
            return source[start : at + 1]
    return None


def _inline_scripts(html: str, start: int, stop: int) -> Iterator[str]:
    """Inline scripts that a browser runs, whose tags lie wholly between start and stop."""
    at = html.find("<script", start, stop)
    while at >= 0:
        tag_end = html.find(">", at, stop)
        close = html.find("</script>", tag_end, stop) if tag_end >= 0 else -1
        if close < 0:
            return
        tag = html[at : tag_end + 1]
        if _SRC.search(tag) is None and _is_javascript(tag):
            yield html[tag_end + 1 : close]
        at = html.find("<script", close, stop)


def _is_javascript(tag: str) -> bool:
    match = _TYPE.search(tag)
    if match is None:
        return True
    value = next(g for g in match.groups() if g is not None)
    return value.strip().lower() in _JS_TYPES


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
