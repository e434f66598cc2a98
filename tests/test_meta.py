"""Page metadata of issue #14 (generator/render/meta.py and the practice page's own parts):
where a generated page sits (breadcrumbs, the navigation tab), how search weighs pages, link
previews (Open Graph, Twitter), 'Meld een fout' and the 404 page. The browser tests
(tests/browser/test_navigation.py) check the same in the built site."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from conftest import REPO

from generator.project import load_project
from generator.render import SiteOptions, render_site
from generator.render import meta as m
from generator.render.practice import report_error
from generator.taxonomy import build_site

SITE_URL = "https://vvsg.github.io/sdg-praktijkendatabank/"
GENT = "gent-sdg-toets-meerjarenplan-2026-2031"


@pytest.fixture(scope="module")
def site():
    project = load_project(REPO)
    return build_site(project.practices, project.vocab)


@pytest.fixture(scope="module")
def places(site):
    return m.places(site)


def trail(place: m.Place) -> list[tuple[str, str]]:
    return [(c.label, c.src) for c in place.trail]


def practice(site, pid: str):
    return next(p for p in site.practices if p.id == pid)


# --- where a page sits ---------------------------------------------------------------------


def test_every_generated_index_term_and_practice_page_has_a_place(site, places) -> None:
    pages, _ = render_site(site, SiteOptions(site_url=SITE_URL))
    wanted = {
        p.src
        for p in pages
        if p.src.split("/")[0]
        in {"catalogus", "sdg", "beleidsdomeinen", "gemeenten", "provincies", "praktijken"}
        or p.src in {"matrix/index.md", "cijfers/index.md"}
    }
    assert wanted <= set(places)


def test_the_trails_and_sections(site, places) -> None:
    assert trail(places["sdg/13.md"]) == [
        ("Home", "index.md"),
        ("SDG's", "sdg/index.md"),
        ("SDG 13 Klimaatactie", "sdg/13.md"),
    ]
    assert places["sdg/13.md"].section == "sdg/index.md"
    assert trail(places["gemeenten/gent.md"]) == [
        ("Home", "index.md"),
        ("Gemeenten", "gemeenten/index.md"),
        ("Oost-Vlaanderen", "provincies/oost-vlaanderen.md"),
        ("Gent", "gemeenten/gent.md"),
    ]
    assert places["gemeenten/gent.md"].section == "gemeenten/index.md"
    assert trail(places["provincies/limburg.md"]) == [
        ("Home", "index.md"),
        ("Gemeenten", "gemeenten/index.md"),
        ("Provincies", "provincies/index.md"),
        ("Limburg", "provincies/limburg.md"),
    ]
    assert places["provincies/limburg.md"].section == "provincies/index.md"
    p = practice(site, GENT)
    assert trail(places[f"praktijken/{GENT}.md"]) == [
        ("Home", "index.md"),
        ("Catalogus", "catalogus/index.md"),
        (p.titel, f"praktijken/{GENT}.md"),
    ]
    assert places[f"praktijken/{GENT}.md"].section == "catalogus/index.md"
    assert places[f"praktijken/{GENT}.md"].practice is p
    assert places["matrix/index.md"].section == "sdg/index.md"
    assert trail(places["catalogus/index.md"]) == [
        ("Home", "index.md"),
        ("Catalogus", "catalogus/index.md"),
    ]


def test_the_sections_are_entries_of_the_navigation(places) -> None:
    """The plugin marks the section's entry in mkdocs.yml's nav as active: it must be there."""
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    entries = set(re.findall(r"[\w/-]+\.md", str(nav)))
    assert {place.section for place in places.values()} <= entries


def test_breadcrumbs_are_an_ordered_list_of_relative_links_ending_on_the_page(places) -> None:
    html = m.breadcrumbs(places["sdg/13.md"], "sdg/13.md", directory_urls=True)
    assert html.startswith('<nav class="md-path pk-path" aria-label="Kruimelpad"')
    assert "data-search-exclude" in html
    assert re.findall(r'<a href="([^"]+)"', html) == ["../../", "../"]
    assert re.findall(r'<span class="md-ellipsis">([^<]+)</span>', html) == [
        "Home",
        "SDG&#x27;s",
        "SDG 13 Klimaatactie",
    ]
    assert html.count("<li ") == 3 and "<ol " in html
    assert re.search(r'aria-current="page"><span class="md-ellipsis">SDG 13 Klimaatactie', html)
    offline = m.breadcrumbs(places["sdg/13.md"], "sdg/13.md", directory_urls=False)
    assert re.findall(r'<a href="([^"]+)"', offline) == ["../index.html", "index.html"]


def test_a_title_in_the_trail_is_escaped() -> None:
    place = m.Place("catalogus/index.md", (m.Crumb("Home", "index.md"), m.Crumb("<b>&", "x.md")))
    assert "&lt;b&gt;&amp;" in m.breadcrumbs(place, "x.md", True)


# --- search --------------------------------------------------------------------------------


def test_practices_weigh_more_in_search_than_the_contributor_docs(site) -> None:
    assert m.search_boost(f"praktijken/{GENT}.md") == m.PRACTICE_BOOST
    assert m.search_boost("bijdragen/velden.md") == m.CONTRIBUTOR_BOOST
    assert m.search_boost("bijdragen/index.md") == m.CONTRIBUTOR_BOOST
    assert m.search_boost("over.md") is None
    assert m.CONTRIBUTOR_BOOST < 1 < m.PRACTICE_BOOST
    pages, _ = render_site(site, SiteOptions(site_url=SITE_URL))
    page = next(p for p in pages if p.src == f"praktijken/{GENT}.md")
    front = yaml.safe_load(page.content.split("---")[1])
    assert front["search"] == {"boost": m.PRACTICE_BOOST}


def test_the_repeated_cards_are_kept_out_of_the_search_index(site) -> None:
    pages, _ = render_site(site, SiteOptions(site_url=SITE_URL))
    page = next(p for p in pages if p.src == f"praktijken/{GENT}.md").content
    for anchor in ("gerelateerde-praktijken", "uit-de-buurt"):  # ready HTML headings
        assert f'<h2 class="pk-noprint" data-search-exclude id="{anchor}">' in page, anchor
    assert page.count('<div class="pk-noprint" data-search-exclude>') == 2


# --- link previews -------------------------------------------------------------------------


def tags(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))


def test_a_practice_previews_with_its_title_summary_address_and_the_default_image(
    site, places
) -> None:
    src = f"praktijken/{GENT}.md"
    p = practice(site, GENT)
    found = tags(
        m.preview(
            title="x", description="y", site_name="S", site_url=SITE_URL, src=src, place=places[src]
        )
    )
    assert found["og:type"] == "article"
    assert found["og:title"] == p.titel
    assert found["og:description"] == p.samenvatting
    assert found["og:url"] == f"{SITE_URL}praktijken/{GENT}/"
    assert found["og:image"] == SITE_URL + m.DEFAULT_IMAGE
    assert found["twitter:card"] == "summary_large_image"
    assert (REPO / "docs" / m.DEFAULT_IMAGE).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_raster_image_of_the_practice_is_its_preview_an_svg_is_not(site, places) -> None:
    p = next(p for p in site.practices if p.afbeelding is not None)
    src = f"praktijken/{p.id}.md"
    assert p.afbeelding.file.suffix == ".svg"
    assert m.image_src(places[src]) == m.DEFAULT_IMAGE
    photo = dataclasses.replace(p.afbeelding, file=Path("practices/_afbeeldingen/foto.JPG"))
    place = dataclasses.replace(places[src], practice=dataclasses.replace(p, afbeelding=photo))
    found = tags(
        m.preview(title="", description="", site_name="S", site_url=SITE_URL, src=src, place=place)
    )
    assert found["og:image"] == SITE_URL + "afbeeldingen/foto.JPG"
    assert found["og:image:alt"] == p.afbeelding.alt


def test_preview_values_are_escaped_and_addresses_need_a_site_url() -> None:
    html = m.preview(
        title='Een "titel" <script>', description="a & b", site_name="S", site_url=None, src="x.md"
    )
    found = tags(html)
    assert found["og:title"] == "Een &quot;titel&quot; &lt;script&gt;"
    assert found["og:description"] == "a &amp; b"
    assert found["og:type"] == "website"
    assert "og:url" not in found and "og:image" not in found
    assert "<script>" not in html


# --- 'Meld een fout' -------------------------------------------------------------------------


def test_report_an_error_by_mail_with_the_id_and_address_or_on_github(site) -> None:
    p = practice(site, GENT)
    url = f"{SITE_URL}praktijken/{GENT}/"
    edit = "https://github.com/vvsg/sdg-praktijkendatabank/edit/main/practices/x.md"
    html = report_error(p, "redactie@vvsg.be", url, edit)
    mailto = re.search(r'<a href="(mailto:[^"]+)"', html).group(1).replace("&amp;", "&")
    parts = urlsplit(mailto)
    assert parts.path == "redactie@vvsg.be"
    assert " " not in mailto and "\n" not in mailto
    query = parse_qs(parts.query)
    assert query["subject"] == [f"Fout in praktijk {GENT}"]
    assert url in query["body"][0]
    assert unquote(mailto).count(url) == 1
    assert f'href="{edit}"' in html
    assert "geen account nodig" in html
    assert "pk-noprint" in html
    assert report_error(p, None, url, None) == ""
    assert "mailto:" not in report_error(p, None, url, edit)


def test_the_editors_address_on_over_is_the_one_in_mkdocs_yml() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    email = config["extra"]["redactie"]["email"]
    over = (REPO / "docs" / "over.md").read_text(encoding="utf-8")
    assert f"[{email}](mailto:{email})" in over
    assert set(re.findall(r"[\w.-]+@vvsg\.be", over)) == {email}


def test_the_share_buttons_are_hidden_until_the_script_shows_them(site) -> None:
    pages, _ = render_site(site, SiteOptions(site_url=SITE_URL))
    page = next(p for p in pages if p.src == f"praktijken/{GENT}.md").content
    box = re.search(r"<div class=\"pk-share[^>]*>", page).group(0)
    assert " hidden" in box and "data-search-exclude" in box
    assert f'data-pk-url="{SITE_URL}praktijken/{GENT}/"' in box
    assert '<button type="button" class="md-button pk-share__copy" data-pk-copy>' in page
    assert "Link kopiëren</button>" in page and "Afdrukken</button>" in page


# --- 404 -----------------------------------------------------------------------------------


def test_the_404_text_is_dutch_with_links_online_and_offline() -> None:
    online = m.not_found("/sdg-praktijkendatabank/", directory_urls=True)
    assert "<h1>Pagina niet gevonden</h1>" in online
    assert re.findall(r'href="([^"]+)"', online) == [
        "/sdg-praktijkendatabank/",
        "/sdg-praktijkendatabank/catalogus/",
        "/sdg-praktijkendatabank/sdg/",
        "/sdg-praktijkendatabank/gemeenten/",
    ]
    offline = m.not_found(".", directory_urls=False)
    assert re.findall(r'href="([^"]+)"', offline) == [
        "index.html",
        "catalogus/index.html",
        "sdg/index.html",
        "gemeenten/index.html",
    ]
    assert "zoekveld" in offline
