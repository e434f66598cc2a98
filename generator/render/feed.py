"""The Atom feed (RFC 4287) of new and updated practices: `feed.xml` at the site root.

Newest first by `bijgewerkt` (ties by id), at most LIMIT entries. The feed is deterministic: its
own `updated` is the newest entry's, never the build time. Entry ids are tag: URIs (RFC 4151),
so they stay the same when the site moves; links are absolute when the site's address is known
and relative to the feed (which sits at the root) otherwise.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..model import Practice
from ..taxonomy import Site
from . import paths
from .page import SiteOptions

FEED = "feed.xml"
LIMIT = 50
ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:vvsg.be,2025:sdg-praktijkendatabank"
# A practice without `bijgewerkt` counts as published when the database started: a fixed date
# (never the build's), so the feed does not change from one build to the next.
FALLBACK = dt.date(2025, 1, 1)
TITLE = "SDG-praktijkendatabank: nieuwe en bijgewerkte praktijken"
SUBTITLE = (
    "Goede praktijken van Vlaamse steden en gemeenten rond de duurzame ontwikkelingsdoelen (SDG's)."
)


def updated(p: Practice) -> dt.date:
    return p.bijgewerkt or FALLBACK


def entries(site: Site) -> list[Practice]:
    """The practices in the feed: newest `bijgewerkt` first, then by id; at most LIMIT."""
    by_id = sorted(site.practices, key=lambda p: p.id)
    return sorted(by_id, key=lambda p: updated(p), reverse=True)[:LIMIT]


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"  # RFC 3339, as Atom requires


def _href(src: str, options: SiteOptions) -> str:
    """A page's address as the feed links it: absolute on the online site (which has directory
    URLs, like the open data's `url`) with a site_url, else relative to the feed at the root."""
    base = (options.site_url or "").rstrip("/")
    if base:
        return f"{base}/{paths.url(src, True)}"
    return paths.url(src, options.directory_urls) or "./"


def atom_feed(site: Site, options: SiteOptions | None = None) -> str:
    options = options or SiteOptions()
    items = entries(site)
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    sub(feed, "id", TAG)
    sub(feed, "title", TITLE, type="text")
    sub(feed, "subtitle", SUBTITLE, type="text")
    newest = max((updated(p) for p in items), default=FALLBACK)
    sub(feed, "updated", _stamp(newest))
    author = sub(feed, "author")
    sub(author, "name", "VVSG")
    sub(feed, "link", rel="alternate", type="text/html", href=_href("index.md", options))
    if options.site_url:
        sub(feed, "link", rel="self", type="application/atom+xml", href=_href(FEED, options))
    sub(feed, "rights", "Teksten: CC BY 4.0, SDG-praktijkendatabank, VVSG", type="text")
    for p in items:
        entry = sub(feed, "entry")
        sub(entry, "id", f"{TAG}:praktijken/{p.id}")
        sub(entry, "title", p.titel, type="text")
        sub(entry, "updated", _stamp(updated(p)))
        href = _href(paths.practice(p), options)
        sub(entry, "link", rel="alternate", type="text/html", href=href)
        sub(entry, "summary", p.samenvatting, type="text")
        for n in p.sdgs:
            goal = site.vocab.goals[n]
            sub(entry, "category", term=f"sdg-{n}", label=goal.label)
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
