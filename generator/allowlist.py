"""What contributed text may contain once it is published: the one allowlist.

A practice's body is Markdown written by anyone who sends a pull request. It is rendered to
HTML once (`generator.body`) and then passes `nh3` (ammonia) with exactly these lists, before
it reaches any output. `check` reports, from the same lists, whatever the sanitiser would drop,
and the web form gets them through its data file. Nothing outside these lists survives: no `id`
(ids on a page come from the generator), no `class`, no `style`, no event attribute.
"""

from __future__ import annotations

# The elements a practice text needs: paragraphs, headings from level 2, lists, emphasis,
# links, block quotes, tables, local images, code. (`# Titel` in the body is rendered as a
# level-2 heading: the page's only level-1 heading is the practice's title.)
ELEMENTS: frozenset[str] = frozenset(
    {
        "p", "br", "hr",
        "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li",
        "strong", "em", "b", "i", "code", "pre", "sub", "sup", "del", "abbr",
        "blockquote",
        "a", "img",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip

# Attributes per element. `align` on table cells is what Python-Markdown's tables extension
# writes (with `use_align_attribute`) instead of a `style`; `start` numbers an ordered list.
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
    "ol": frozenset({"start"}),
}

# URL schemes a link may use; an address without a scheme is a link inside the site.
LINK_SCHEMES: frozenset[str] = frozenset({"https", "http", "mailto"})
# Images in a text are files of the site only (no scheme, no host): an image from another
# host would tell that host who reads the page.
IMAGE_SCHEMES: frozenset[str] = frozenset()

# Elements whose content goes with them when the element is dropped (script text is never
# shown as text either).
DROP_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"}
)

# Elements and attributes outside the lists that could run script, load or send something,
# or take over the page: `check` refuses them (an error). Others outside the lists (`<div>`,
# `<span>`, `class`, `width` …) are dropped without harm to the text: a warning.
HARMFUL_ELEMENTS: frozenset[str] = DROP_WITH_CONTENT | frozenset(
    {
        "form", "input", "button", "select", "textarea", "option", "base", "meta", "link",
        "frame", "frameset", "applet", "video", "audio", "source", "track", "picture",
        "portal", "dialog", "object", "param", "image", "html", "head", "body", "title",
    }
)  # fmt: skip
HARMFUL_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "style", "id", "name", "ping", "srcset", "action", "formaction", "background",
        "poster", "data", "codebase", "lowsrc", "dynsrc", "xmlns", "is", "slot", "form",
        "http-equiv", "content", "target", "download", "srcdoc", "href", "src",
    }
)  # fmt: skip


def harmful_attribute(name: str) -> bool:
    return name.startswith("on") or ":" in name or name in HARMFUL_ATTRIBUTES


# Values an attribute may have, where the set is closed.
ATTRIBUTE_VALUES: dict[tuple[str, str], frozenset[str]] = {
    ("th", "align"): frozenset({"left", "right", "center"}),
    ("td", "align"): frozenset({"left", "right", "center"}),
}

# Limits that keep rendering bounded. Python-Markdown recurses on nested lists (some 150
# levels end in a RecursionError) and is quadratic in the '[' and '<' of one paragraph
# (2,000 take 1.4 s, 500 under 0.1 s); measured in tests/test_body_limits.py.
MAX_BODY_CHARS = 200 * 1024  # the file's own limit; 200,000 plain characters render in 0.3 s
MAX_NESTING = 8  # block quotes and lists inside each other
MAX_INLINE_MARKERS = 500  # '[' and '<' in one paragraph


def allowed_attributes(element: str) -> frozenset[str]:
    return ATTRIBUTES.get(element, frozenset())


def as_data() -> dict[str, object]:
    """The lists for the web form's data file (sorted: the output is deterministic)."""
    return {
        "elements": sorted(ELEMENTS),
        "attributes": {k: sorted(v) for k, v in sorted(ATTRIBUTES.items())},
        "linkSchemes": sorted(LINK_SCHEMES),
        "imageSchemes": sorted(IMAGE_SCHEMES),
        "dropWithContent": sorted(DROP_WITH_CONTENT),
        "harmfulElements": sorted(HARMFUL_ELEMENTS),
        "harmfulAttributes": sorted(HARMFUL_ATTRIBUTES),
        "values": {f"{e}.{a}": sorted(v) for (e, a), v in sorted(ATTRIBUTE_VALUES.items())},
        "limits": {
            "bodyChars": MAX_BODY_CHARS,
            "nesting": MAX_NESTING,
            "inlineMarkers": MAX_INLINE_MARKERS,
        },
    }
