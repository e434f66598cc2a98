"""Where every page lives: the URL contract of the site, in docs-relative source paths."""

from __future__ import annotations

import posixpath

from ..model import Practice
from ..reference import Municipality

CATALOGUE = "catalogus/index.md"
SDG_INDEX = "sdg/index.md"
DOMAINS_INDEX = "beleidsdomeinen/index.md"
MUNICIPALITIES_INDEX = "gemeenten/index.md"
PROVINCES_INDEX = "provincies/index.md"
MATRIX = "matrix/index.md"
CIJFERS = "cijfers/index.md"
CONTRIBUTE = "bijdragen/index.md"
IMAGES = "afbeeldingen"


def practice(p: Practice | str) -> str:
    return f"praktijken/{p if isinstance(p, str) else p.id}.md"


def sdg(n: int | str) -> str:
    return f"sdg/{n}.md"


def domain(slug: str) -> str:
    return f"beleidsdomeinen/{slug}.md"


def municipality(m: Municipality) -> str:
    return f"gemeenten/{m.slug}.md"


def province(slug: str) -> str:
    return f"provincies/{slug}.md"


def image(relative: str) -> str:
    """Docs path of an image given by its path relative to practices/."""
    prefix = "_afbeeldingen/"
    return f"{IMAGES}/{relative[len(prefix) :] if relative.startswith(prefix) else relative}"


def url(src: str, directory_urls: bool) -> str:
    """The site-relative URL of docs path `src` (pages as MkDocs writes them)."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def link(from_src: str, to_src: str, directory_urls: bool) -> str:
    """The relative link from the page `from_src` to the page or file `to_src` (as MkDocs
    writes a Markdown link between them)."""
    here = url(from_src, directory_urls)
    base = here if here.endswith("/") else posixpath.dirname(here) + "/"
    target = url(to_src, directory_urls)
    start = [part for part in base.split("/") if part]
    parts = [part for part in target.split("/") if part]
    if {".", ".."} & {*start, *parts}:  # not a normalised path: leave it to relpath
        relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    else:  # posixpath.relpath's answer without its abspath and getcwd calls
        n = 0
        while n < len(start) and n < len(parts) and start[n] == parts[n]:
            n += 1
        relative = "/".join([".."] * (len(start) - n) + parts[n:]) or "."
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative
