"""Small helpers to write Markdown safely: escaping, relative links, front matter, Dutch."""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache

# Python-Markdown's escapable characters (plus '|', which its tables extension adds): a
# backslash before any other character would show up on the page. '-', '+' and '.' only
# matter where they could start a list, so they are escaped only there.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#!>|])")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+(?=\.))")


@lru_cache(maxsize=65536)  # a practice's title and summary appear on some twenty pages
def esc(text: str) -> str:
    """Text shown as is inside Markdown: no markup, no HTML."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _escape_list_start(_MD_SPECIAL.sub(r"\\\1", text))


def _escape_list_start(text: str) -> str:
    """'- x', '+ x' and '1. x' at the start would become a list: escape the marker."""
    m = _LIST_START.match(text)
    if not m:
        return text
    marker = m.group(2)
    escaped = "\\" + marker if marker in "-+" else marker + "\\"
    return text[: m.start(2)] + escaped + text[m.end(2) :]


@lru_cache(maxsize=65536)  # titles and summaries appear on some twenty pages
def html_text(text: str) -> str:
    """Text shown as is inside ready HTML (escaped as Python-Markdown writes text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """A value inside an attribute in attr_list `{ key="..." }` or raw HTML."""
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def rel(src: str, target: str) -> str:
    """The relative link from page `src` to docs path `target` (both like 'sdg/13.md').

    posixpath.relpath's answer for normalised docs paths, without its abspath and getcwd
    calls: pages link to each other some 80 times per practice."""
    start = src.split("/")[:-1]
    parts = target.split("/")
    if {"", ".", ".."} & {*parts, *start}:  # not a normalised path: leave it to relpath
        return posixpath.relpath(target, posixpath.dirname(src) or ".")
    n = 0
    while n < len(start) and n < len(parts) and start[n] == parts[n]:
        n += 1
    return "/".join([".."] * (len(start) - n) + parts[n:]) or "."


def front_matter(**meta: object) -> str:
    """YAML front matter; JSON is valid YAML and escapes every value safely for YAML.

    MkDocs and Material put `title`, `description` and tags into the HTML without escaping
    (`<meta name="description" content="...">`), so text values are HTML-escaped here too.
    """
    lines = ["---"]
    for key, value in meta.items():
        if value is None or value == []:
            continue
        lines.append(f"{key}: {json.dumps(_html_safe(value), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _html_safe(value: object) -> object:
    if isinstance(value, str):
        return attr(value)
    if isinstance(value, list):
        return [_html_safe(v) for v in value]
    return value


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def shorten(text: str, limit: int = 180) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def url(address: str) -> str:
    """An external address inside a Markdown link target: brackets and spaces encoded."""
    return address.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
