"""What a page says about itself, outside its text: where it sits in the site (its breadcrumb
trail and the navigation tab it belongs to), how search weighs it, and what a link preview on
social media or in a chat app shows (Open Graph and Twitter cards). Also the 404 page's text.

The generated pages (SDG's, beleidsdomeinen, gemeenten, provincies, praktijken) are not in the
navigation of mkdocs.yml: without this, no tab is highlighted on them and nothing says where
the visitor is. The core decides the trail and the section; the MkDocs plugin only hands the
HTML to the theme and marks the section's navigation entry as active.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote

from ..model import Practice
from ..taxonomy import Site
from . import paths

HOME = "index.md"
# The labels of the sections, as the navigation in mkdocs.yml names them.
CATALOGUE = ("Catalogus", paths.CATALOGUE)
SDGS = ("SDG's", paths.SDG_INDEX)
DOMAINS = ("Beleidsdomeinen", paths.DOMAINS_INDEX)
MUNICIPALITIES = ("Gemeenten", paths.MUNICIPALITIES_INDEX)
PROVINCES = ("Provincies", paths.PROVINCES_INDEX)
FIGURES = ("Cijfers", paths.CIJFERS)

# Search: Material's search plugin multiplies a page's score by its `search.boost`. A practice
# is what a visitor looks for; the contributor docs mention municipalities and SDG's as
# examples (the field reference lists all 300 municipalities) and come after the practices.
PRACTICE_BOOST = 3.0
CONTRIBUTOR_BOOST = 0.5
CONTRIBUTOR_DOCS = "bijdragen/"

# Link previews: platforms want a raster image (PNG or JPEG) of about 1200 × 630 pixels.
DEFAULT_IMAGE = "assets/og-standaard.png"
DEFAULT_IMAGE_ALT = "SDG-praktijkendatabank van de VVSG"
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp")

BREADCRUMB_LABEL = "Kruimelpad"


@dataclass(frozen=True)
class Crumb:
    label: str
    src: str  # docs path of the page, e.g. "sdg/13.md"


@dataclass(frozen=True)
class Place:
    """A generated page's place in the site."""

    section: str  # docs path of the navigation entry whose tab is active, e.g. "sdg/index.md"
    trail: tuple[Crumb, ...]  # Home first, the page itself last
    practice: Practice | None = None


def places(site: Site) -> dict[str, Place]:
    """The place of every generated index, term and practice page, by docs path."""
    home = Crumb("Home", HOME)
    out: dict[str, Place] = {}

    def add(src: str, section: tuple[str, str], *between: Crumb, label: str = "", **kw) -> None:
        top = Crumb(*section)
        trail = (home, top) if src == top.src else (home, top, *between, Crumb(label, src))
        out[src] = Place(section[1], trail, **kw)

    for section in (CATALOGUE, SDGS, DOMAINS, MUNICIPALITIES, FIGURES):
        add(section[1], section)
    add(paths.MATRIX, SDGS, label="Matrix SDG × beleidsdomein")
    provinces = Crumb(*PROVINCES)
    out[paths.PROVINCES_INDEX] = Place(
        paths.PROVINCES_INDEX, (home, Crumb(*MUNICIPALITIES), provinces)
    )
    for n, goal in site.vocab.goals.items():
        add(paths.sdg(n), SDGS, label=goal.label)
    for slug, domain in site.vocab.domains.items():
        add(paths.domain(slug), DOMAINS, label=domain.label)
    for slug, term in site.provinces.terms.items():
        src = paths.province(slug)
        trail = (home, Crumb(*MUNICIPALITIES), provinces, Crumb(term.label, src))
        out[src] = Place(paths.PROVINCES_INDEX, trail)
    for m in site.vocab.municipalities.values():  # every municipality has a page
        province = site.provinces.terms.get(m.province.slug)
        between = (Crumb(province.label, paths.province(province.key)),) if province else ()
        add(paths.municipality(m), MUNICIPALITIES, *between, label=m.name)
    for p in site.practices:
        add(paths.practice(p), CATALOGUE, label=p.titel, practice=p)
    return out


def breadcrumbs(place: Place, src: str, directory_urls: bool) -> str:
    """The trail as an accessible list of links, the page itself last and marked current.
    Material's classes for its own trail (feature `navigation.path`) give it the theme's look;
    `data-search-exclude` keeps it out of the search index wherever it is placed."""
    items = []
    for crumb in place.trail[:-1]:
        href = paths.link(src, crumb.src, directory_urls)
        if directory_urls and not href.endswith("/"):  # the home page: "../.." → "../../"
            href += "/"
        href = html.escape(href)
        items.append(
            f'<li class="md-path__item"><a href="{href}" class="md-path__link">'
            f'<span class="md-ellipsis">{html.escape(crumb.label)}</span></a></li>'
        )
    items.append(
        '<li class="md-path__item"><span class="md-path__link pk-path__current" '
        f'aria-current="page"><span class="md-ellipsis">{html.escape(place.trail[-1].label)}'
        "</span></span></li>"
    )
    return (
        f'<nav class="md-path pk-path" aria-label="{BREADCRUMB_LABEL}" data-search-exclude>'
        f'<ol class="md-path__list">{"".join(items)}</ol></nav>'
    )


def search_boost(src: str) -> float | None:
    """The search weight of the page `src`; None: the default (1)."""
    if src.startswith("praktijken/"):
        return PRACTICE_BOOST
    if src.startswith(CONTRIBUTOR_DOCS):
        return CONTRIBUTOR_BOOST
    return None


def online_url(site_url: str | None, src: str) -> str | None:
    """The page's address on the online site (directory URLs), also in an offline bundle: a
    shared or reported link must work for someone else."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + quote(paths.url(src, True))


def image_src(place: Place | None) -> str:
    """The docs path of the page's preview image: the practice's own image if it is a raster
    image (platforms do not show SVG), the site's default image otherwise."""
    p = place.practice if place else None
    if p is not None and p.afbeelding is not None:
        name = p.afbeelding.file.name
        if name.lower().endswith(RASTER):
            return paths.image(f"_afbeeldingen/{name}")
    return DEFAULT_IMAGE


def preview(
    *,
    title: str,
    description: str,
    site_name: str,
    site_url: str | None,
    src: str,
    place: Place | None = None,
) -> str:
    """Open Graph and Twitter card tags for the page's <head>. The values are plain text
    (not HTML) and are escaped here. Addresses need `site_url`: platforms ignore relative
    ones, so without it there is no og:url and no og:image."""
    p = place.practice if place else None
    if p is not None:
        title, description = p.titel, p.samenvatting
    tags = [
        ("og:type", "article" if p is not None else "website"),
        ("og:site_name", site_name),
        ("og:locale", "nl_BE"),
        ("og:title", title),
        ("og:description", description),
    ]
    url = online_url(site_url, src)
    if url:
        tags.append(("og:url", url))
    image = image_src(place)
    image_url = online_url(site_url, image)
    if image_url:
        tags.append(("og:image", image_url))
        if image == DEFAULT_IMAGE:
            tags += [("og:image:width", "1200"), ("og:image:height", "630")]
            tags.append(("og:image:alt", DEFAULT_IMAGE_ALT))
        elif p is not None and p.afbeelding is not None:
            tags.append(("og:image:alt", p.afbeelding.alt))
    lines = [f'<meta property="{k}" content="{html.escape(v)}">' for k, v in tags]
    lines.append('<meta name="twitter:card" content="summary_large_image">')
    return "\n".join(lines)


# --- 404 -----------------------------------------------------------------------------------

NOT_FOUND_LINKS = (
    ("Home", HOME, "de startpagina"),
    ("Catalogus", paths.CATALOGUE, "alle praktijken, met filters"),
    ("SDG's", paths.SDG_INDEX, "praktijken per duurzaam ontwikkelingsdoel"),
    ("Gemeenten", paths.MUNICIPALITIES_INDEX, "praktijken per gemeente en provincie"),
)


def not_found(base_url: str, directory_urls: bool) -> str:
    """The 404 page's text. `base_url`: the site's root as seen from the 404 page (MkDocs
    gives error pages an absolute one, since a server shows them at any address)."""
    base = base_url.rstrip("/") + "/" if base_url not in ("", ".") else ""

    def href(src: str) -> str:
        target = paths.url(src, directory_urls)
        return html.escape(base + target if base else target or "./")

    items = "\n".join(
        f'<li><a href="{href(src)}">{html.escape(label)}</a>: {html.escape(what)}</li>'
        for label, src, what in NOT_FOUND_LINKS
    )
    return (
        "<h1>Pagina niet gevonden</h1>\n"
        "<p>Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt, of kreeg "
        "een praktijk een nieuwe naam.</p>\n"
        "<p><strong>Zoeken</strong>: gebruik het zoekveld bovenaan (het vergrootglas, of druk "
        "op <kbd>/</kbd>) om in alle praktijken te zoeken.</p>\n"
        "<p>Of ga verder via:</p>\n"
        f'<ul class="pk-notfound">\n{items}\n</ul>\n'
    )
