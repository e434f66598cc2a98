"""A practice's text: Markdown rendered to HTML once, then sanitised by the allowlist.

Every output that shows a practice's text (its page, the printable fiches, the export, the
bundles and, through the pages, the search index) takes `render_body`'s HTML, never the
Markdown. The renderer uses only extensions that produce allowlisted HTML; raw HTML in the
Markdown passes through it and is then cleaned by nh3 with `generator.allowlist`. Ids on
headings are given here, after cleaning, from the heading's text: never from contributed text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import allowlist

# A relative address in a practice's text → the address on its page, or None to drop the link.
LinkResolver = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple[Heading, ...]


class _DemoteTitles(Treeprocessor):
    """`# Titel` in a text becomes a level-2 heading: the page's level-1 heading is the title."""

    def run(self, root):  # type: ignore[no-untyped-def]
        for element in root.iter("h1"):
            element.tag = "h2"


class _PracticeText(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_DemoteTitles(md), "pk-demote-titles", 5)


def _converter() -> markdown.Markdown:
    # No attr_list, no md_in_html: a contributor cannot add attributes through `{ … }`.
    return markdown.Markdown(
        extensions=["tables", "sane_lists", _PracticeText()],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def _attribute_filter(element: str, name: str, value: str) -> str | None:
    """Images come from the site only: an address with a scheme or a host is dropped."""
    if element == "img" and name == "src" and not is_relative(value):
        return None
    return value


def _cleaner() -> nh3.Cleaner:
    restricted = set(allowlist.ATTRIBUTE_VALUES)
    return nh3.Cleaner(
        tags=set(allowlist.ELEMENTS),
        clean_content_tags=set(allowlist.DROP_WITH_CONTENT),
        attributes={
            element: {a for a in names if (element, a) not in restricted}
            for element, names in allowlist.ATTRIBUTES.items()
        },
        tag_attribute_values={
            element: {a: set(v) for (e, a), v in allowlist.ATTRIBUTE_VALUES.items() if e == element}
            for element in {e for e, _ in restricted}
        },
        url_schemes=set(allowlist.LINK_SCHEMES | allowlist.IMAGE_SCHEMES),
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


_CLEANER: nh3.Cleaner | None = None
_MARKDOWN: markdown.Markdown | None = None  # one converter, reset for each text


def sanitise(fragment: str) -> str:
    """An HTML fragment with everything outside the allowlist removed."""
    global _CLEANER
    if _CLEANER is None:
        _CLEANER = _cleaner()
    return _CLEANER.clean(fragment)


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def is_relative(url: str) -> bool:
    """A link inside the site: no scheme, no host (what browsers read after removing the
    tabs and newlines they ignore in a URL)."""
    # The URL standard removes tab and newlines anywhere, and C0 controls and spaces around.
    plain = re.sub(r"[\t\n\r]", "", url).strip(_C0_AND_SPACE)
    if plain.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    try:
        parts = urlsplit(plain)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


def render_markdown(text: str) -> str:
    """The text's HTML before cleaning (what `check` compares with the allowlist).

    `check` refuses texts beyond the limits in `allowlist`; should one reach the renderer all
    the same, Python-Markdown's recursion gives up and the text is shown as plain paragraphs
    rather than stopping the build."""
    global _MARKDOWN
    if _MARKDOWN is None:
        _MARKDOWN = _converter()
    try:
        return _MARKDOWN.reset().convert(text)
    except RecursionError:
        _MARKDOWN = None  # its state is unknown after the error
        return "\n".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n"))


def clean_html(text: str) -> str:
    """The text rendered and cleaned: done once per practice, then placed on each page."""
    return sanitise(render_markdown(text))


def place(
    clean: str,
    resolve: LinkResolver | None = None,
    reserved_ids: Iterable[str] | None = (),
) -> RenderedBody:
    """Cleaned HTML made ready for one page: relative links resolved from that page, headings
    given ids that are unique on it (`reserved_ids=None`: no ids, for fiches printed together)."""
    if resolve is not None:
        clean = _resolve_links(clean, resolve)
    if reserved_ids is None:
        return RenderedBody(clean, ())
    return _with_heading_ids(clean, set(reserved_ids))


def render_body(
    text: str,
    resolve: LinkResolver | None = None,
    reserved_ids: Iterable[str] | None = (),
) -> RenderedBody:
    """The text's HTML: rendered, cleaned, relative links resolved, headings given ids."""
    return place(clean_html(text), resolve, reserved_ids)


# nh3's output is well-formed and normalised: every '<' outside a tag is written '&lt;', and
# attribute values are double-quoted with '"' written '&quot;'. These patterns rely on that.
_TAG = re.compile(r'<(a|img)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*/?>')
_URL_ATTR = re.compile(r'\s(href|src)="([^"]*)"')
_HEADING = re.compile(r"<h([2-6])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def _resolve_links(fragment: str, resolve: LinkResolver) -> str:
    def tag(m: re.Match[str]) -> str:
        def attribute(a: re.Match[str]) -> str:
            value = html.unescape(a.group(2))
            if not is_relative(value) or value.startswith("#"):
                return a.group(0)
            target = resolve(value)
            return "" if target is None else f' {a.group(1)}="{html.escape(target)}"'

        return f"<{m.group(1)}{_URL_ATTR.sub(attribute, m.group(2))}>"

    return _TAG.sub(tag, fragment)


def _with_heading_ids(fragment: str, used: set[str]) -> RenderedBody:
    headings: list[Heading] = []

    def heading(m: re.Match[str]) -> str:
        level = int(m.group(1))
        text = html.unescape(_TAGS.sub("", m.group(2))).strip()
        anchor = unique_id(slug(text) or "sectie", used)
        headings.append(Heading(level, anchor, text))
        link = f'<a class="headerlink" href="#{anchor}" title="Link naar deze sectie">¶</a>'
        return f'<h{level} id="{anchor}">{m.group(2)}{link}</h{level}>'

    return RenderedBody(_HEADING.sub(heading, fragment), tuple(headings))


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """'Aanpak & resultaten' → 'aanpak-resultaten': ASCII letters, digits and '-' only, so
    an id made from a heading can never be one of the theme's (`__config`, `__search`, …)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def unique_id(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}-{n}"
    used.add(candidate)
    return candidate


def toc_tokens(headings: Iterable[Heading]) -> list[dict[str, object]]:
    """Headings as a nested table of contents (the shape of Python-Markdown's `toc_tokens`,
    with `name` as HTML)."""
    root: list[dict[str, object]] = []
    stack: list[tuple[int, list[dict[str, object]]]] = [(0, root)]
    for h in headings:
        while stack[-1][0] >= h.level:
            stack.pop()
        children: list[dict[str, object]] = []
        token = {"level": h.level, "id": h.id, "name": html.escape(h.text), "children": children}
        stack[-1][1].append(token)
        stack.append((h.level, children))
    return root
