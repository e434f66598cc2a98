"""Find broken internal links, images, scripts and anchors in a built site folder."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if value and (name in ("href", "src") and tag != "base"):
                self.refs.append(value)


def _parse(path: Path, cache: dict[Path, _Page]) -> _Page:
    if path not in cache:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        cache[path] = page
    return cache[path]


def broken_links(site: Path, directory_urls: bool) -> list[str]:
    """'page -> target' for every internal reference that does not resolve to a file (or id)."""
    cache: dict[Path, _Page] = {}
    broken = []
    for page_path in sorted(site.rglob("*.html")):
        page = _parse(page_path, cache)
        for ref in page.refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            target = page_path if not parts.path else (page_path.parent / unquote(parts.path))
            if parts.path.endswith("/") or (target.is_dir() and directory_urls):
                target = target / "index.html"
            if not target.resolve().is_file():
                broken.append(f"{page_path.relative_to(site)} -> {ref}")
                continue
            if parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                if fragment not in _parse(target.resolve(), cache).ids and fragment != "__skip":
                    broken.append(f"{page_path.relative_to(site)} -> {ref} (anker)")
    return broken
