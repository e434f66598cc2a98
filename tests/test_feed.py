"""The Atom feed (feed.xml): valid against RFC 4287's required elements, newest first, at most
50 entries, deterministic, with absolute links when the site's address is known."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import REPO

from generator.project import load_project
from generator.render import SiteOptions, feed, render_site
from generator.taxonomy import build_site

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://vvsg.github.io/sdg-praktijkendatabank/"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


@pytest.fixture(scope="module")
def site():
    project = load_project(REPO)
    return build_site(project.practices, project.vocab)


def parse(text: str) -> ET.Element:
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    return root


def one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(f"{A}{tag}")
    assert len(found) == 1, (tag, len(found))
    return found[0]


def check_rfc4287(root: ET.Element) -> None:
    """The MUSTs of RFC 4287 section 4.1 for a feed and its entries."""
    feed_has_author = bool(root.findall(f"{A}author"))
    for tag in ("id", "title", "updated"):
        assert (one(root, tag).text or "").strip(), tag
    assert RFC3339.fullmatch(one(root, "updated").text)
    assert re.match(r"[a-z][a-z0-9+.-]*:", one(root, "id").text)  # an IRI, not relative
    assert len([x for x in root.findall(f"{A}link") if x.get("rel") == "alternate"]) <= 1
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert (one(entry, tag).text or "").strip(), tag
        assert RFC3339.fullmatch(one(entry, "updated").text)
        assert re.match(r"[a-z][a-z0-9+.-]*:", one(entry, "id").text)
        assert feed_has_author or entry.findall(f"{A}author")
        # No content: then an alternate link is required (4.1.2), and a summary is given.
        assert entry.find(f"{A}content") is None
        alternates = [x for x in entry.findall(f"{A}link") if x.get("rel") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href")
        assert one(entry, "summary").get("type") == "text"


def test_the_feed_is_valid_atom(site) -> None:
    root = parse(feed.atom_feed(site, SiteOptions(site_url=SITE_URL)))
    check_rfc4287(root)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert one(root, "title").text == "SDG-praktijkendatabank: nieuwe en bijgewerkte praktijken"
    links = {x.get("rel"): x.get("href") for x in root.findall(f"{A}link")}
    assert links == {"alternate": SITE_URL, "self": SITE_URL + "feed.xml"}


def test_entries_newest_first_then_by_id_at_most_50(site) -> None:
    assert len(site.practices) > feed.LIMIT  # the repository's practices exercise the limit
    root = parse(feed.atom_feed(site, SiteOptions(site_url=SITE_URL)))
    entries = root.findall(f"{A}entry")
    assert len(entries) == feed.LIMIT
    expected = sorted(site.practices, key=lambda p: (-feed.updated(p).toordinal(), p.id))[:50]
    ids = [one(e, "id").text for e in entries]
    assert ids == [f"{feed.TAG}:praktijken/{p.id}" for p in expected]
    assert len(set(ids)) == len(ids)
    first, p = entries[0], expected[0]
    assert one(first, "title").text == p.titel
    assert one(first, "summary").text == p.samenvatting
    assert one(first, "updated").text == f"{p.bijgewerkt.isoformat()}T00:00:00Z"
    assert one(first, "link").get("href") == f"{SITE_URL}praktijken/{p.id}/"
    assert one(root, "updated").text == one(first, "updated").text
    assert one(root, "updated").text == f"{site.last_update().isoformat()}T00:00:00Z"


def test_a_practice_without_a_date_gets_a_fixed_one_and_comes_after_the_dated(site) -> None:
    undated = dataclasses.replace(site.practices[0], bijgewerkt=None)
    assert feed.updated(undated) == feed.FALLBACK == dt.date(2025, 1, 1)
    few = dataclasses.replace(site, practices=[undated, *site.practices[1:3]])
    entries = parse(feed.atom_feed(few)).findall(f"{A}entry")
    assert one(entries[-1], "id").text.endswith(f"praktijken/{undated.id}")
    assert one(entries[-1], "updated").text == "2025-01-01T00:00:00Z"


def test_without_a_site_url_links_are_relative_to_the_feed(site) -> None:
    for directory_urls, tail in ((True, "/"), (False, ".html")):
        root = parse(feed.atom_feed(site, SiteOptions(directory_urls=directory_urls)))
        check_rfc4287(root)
        entry = root.findall(f"{A}entry")[0]
        practice_id = one(entry, "id").text.rsplit("/", 1)[1]
        assert one(entry, "link").get("href") == f"praktijken/{practice_id}{tail}"
        rels = {x.get("rel") for x in root.findall(f"{A}link")}
        assert rels == {"alternate"}  # no self link without an address


def test_the_feed_is_deterministic_and_published_at_the_root(site) -> None:
    options = SiteOptions(site_url=SITE_URL)
    assert feed.atom_feed(site, options) == feed.atom_feed(site, options)
    _, assets = render_site(site, options)
    published = {a.src: a.content for a in assets}
    assert published["feed.xml"] == feed.atom_feed(site, options)


def test_every_page_links_the_feed_for_feed_readers(tmp_path) -> None:
    from sitebuild import build, front, make_site

    make_site(tmp_path, {"gent.md": front("Gent doet mee", ["Gent"], [13], ["mobiliteit"])})
    site = build(tmp_path)
    for page in ("index.html", "sdg/13/index.html", "praktijken/gent/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        found = re.search(
            r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', text
        )
        assert found, page
        assert (site / page).parent.joinpath(found.group(1)).resolve() == (
            site / "feed.xml"
        ).resolve()
