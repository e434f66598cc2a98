"""Page rendering: the validated practices become Markdown pages. No MkDocs import here.

`render_site` gives every generated page and asset; `expand_blocks` fills the generator's blocks
(`<!-- praktijken:naam -->`) in hand-written pages such as the home page. The MkDocs plugin and
`python -m generator export` both use exactly these functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import allowlist, images
from ..body import clean_html
from ..dutch import date_nl
from ..reference import fold
from ..taxonomy import Site
from . import catalogue, cijfers, feed, fiches, fields, form, indexes, paths
from .components import cards, count_text
from .page import Asset, Bundle, Page, SiteOptions
from .practice import image_relative, practice_page
from .text import esc, rel

__all__ = ["Asset", "Bundle", "Page", "SiteOptions", "expand_blocks", "render_site"]


def render_site(
    site: Site, options: SiteOptions | None = None, clean: Callable[[str], str] = clean_html
) -> tuple[list[Page], list[Asset]]:
    """Every generated page and file of the site, sorted by path. `clean` renders a practice's
    text (`body.clean_html`, or a cache of it that gives the same HTML for the same text)."""
    options = options or SiteOptions()
    # Each practice's text is rendered and cleaned once, then placed on its page and fiche.
    bodies = {p.id: clean(p.body) for p in site.practices}
    pages = [
        Page(paths.CATALOGUE, indexes.catalogue_page(site, options), listed=True),
        Page(paths.SDG_INDEX, indexes.sdg_index(site), listed=True),
        Page(paths.DOMAINS_INDEX, indexes.domains_index(site), listed=True),
        Page(paths.MUNICIPALITIES_INDEX, indexes.municipalities_index(site), listed=True),
        Page(paths.PROVINCES_INDEX, indexes.provinces_index(site)),
        Page(paths.MATRIX, indexes.matrix_page(site), listed=True),
        Page(paths.CIJFERS, cijfers.cijfers_page(site, options), listed=True),
        fields.field_reference_page(site),
    ]
    pages += [Page(paths.sdg(n), indexes.sdg_page(site, n, options)) for n in site.vocab.goals]
    pages += [
        Page(paths.domain(s), indexes.domain_page(site, s, options)) for s in site.vocab.domains
    ]
    pages += [
        Page(paths.province(s), indexes.province_page(site, s, options))
        for s in site.provinces.terms
    ]
    pages += [  # every municipality, also those without practices (they invite one)
        Page(paths.municipality(m), indexes.municipality_page(site, name, options))
        for name, m in site.vocab.municipalities.items()
    ]
    assets: dict[str, Asset] = {
        catalogue.DATA_SCRIPT: Asset(
            catalogue.DATA_SCRIPT, content=catalogue.catalogue_script(site, options.directory_urls)
        ),
        catalogue.OPEN_JSON: Asset(
            catalogue.OPEN_JSON, content=catalogue.open_json(site, options.site_url)
        ),
        catalogue.OPEN_CSV: Asset(
            catalogue.OPEN_CSV, content=catalogue.open_csv(site, options.site_url)
        ),
        feed.FEED: Asset(feed.FEED, content=feed.atom_feed(site, options)),
        fiches.FICHES_SCRIPT: Asset(
            fiches.FICHES_SCRIPT,
            content=fiches.fiches_script(site, bodies, options.site_url, options.directory_urls),
        ),
    }
    base = (options.site_url or "").rstrip("/")
    for p in site.practices:
        url = f"{base}/praktijken/{p.id}/" if base else None
        content, toc = practice_page(site, p, url, bodies[p.id], options.directory_urls)
        pages.append(Page(paths.practice(p), content, edit_path=p.source_path, toc=toc))
        for file in p.body_images:  # images the text shows, published like `afbeelding`
            src = paths.image(f"_afbeeldingen/{file.name}")
            if src not in assets:
                assets[src] = Asset(src, content=images.published_bytes(file))
        if p.afbeelding is not None:
            src = paths.image(image_relative(p))
            if src not in assets:  # many practices share an image: read and clean it once
                # The published bytes are read again with every rule (never the file as is).
                assets[src] = Asset(src, content=images.published_bytes(p.afbeelding.file))
    form_pages, form_assets = form.form_pages(site, options)
    pages += form_pages
    assets.update((a.src, a) for a in form_assets)
    return sorted(pages, key=lambda page: page.src), sorted(assets.values(), key=lambda a: a.src)


# --- blocks for hand-written pages ---------------------------------------------------------

_BLOCK = re.compile(r"<!--\s*praktijken:([a-z-]+)\s*-->")


def expand_blocks(
    markdown: str,
    src: str,
    site: Site,
    bundle: Bundle | None = None,
    directory_urls: bool = True,
    finish: Callable[[str], str] | None = None,
) -> str:
    """Replace `<!-- praktijken:naam -->` markers with generated Markdown (passed through
    `finish` when given, e.g. the export's link rewriting for another engine)."""
    if "praktijken:" not in markdown:
        return markdown

    def replace(m: re.Match) -> str:
        block = _block(m.group(1), src, site, bundle, directory_urls)
        if block is None:
            return m.group(0)
        return finish(block) if finish else block

    return _BLOCK.sub(replace, markdown)


def _block(
    name: str, src: str, site: Site, bundle: Bundle | None, directory_urls: bool = True
) -> str | None:
    if name == "bundel":
        return _bundle_notice(site, bundle)
    if name == "veiligheid":
        return allowlist_table()
    if name == "sdg-tegels":
        return indexes.sdg_tiles(site, src)
    if name == "nieuwste":
        return cards(src, site.newest(5), site.vocab, directory_urls=directory_urls)
    if name == "cijfers":
        towns = len(site.municipalities.used())
        return (
            f'<p class="pk-stats"><strong>{count_text(len(site.practices))}</strong> uit '
            f"<strong>{towns}</strong> gemeenten, rond <strong>{len(site.sdg.used())}</strong> "
            "van de 17 SDG's.</p>"
        )
    if name == "cijfers-grafieken":
        return cijfers.home_block(site, src)
    if name == "bijgewerkt":
        return _last_update(site, bundle)
    if name == "volgen":
        return _follow(bundle)
    if name == "domeinen":
        terms = sorted(site.domains.used(), key=lambda t: (-t.count, fold(t.label)))
        return (
            '<div class="pk-chips" markdown>\n'
            + "\n".join(
                f'[{esc(t.label)} <span class="pk-count">{t.count}</span>]'
                f"({rel(src, paths.domain(t.key))}){{ .pk-chip }}"
                for t in terms
            )
            + "\n</div>\n"
        )
    if name == "provincies":
        return (
            '<div class="pk-chips" markdown>\n'
            + "\n".join(
                f'[{esc(t.label)} <span class="pk-count">{t.count}</span>]'
                f"({rel(src, paths.province(t.key))}){{ .pk-chip }}"
                for t in site.provinces.terms.values()
            )
            + "\n</div>\n"
        )
    return None


def allowlist_table() -> str:
    """The allowlist as the Veiligheid page shows it: made from `generator.allowlist`."""
    rows = []
    for element in sorted(allowlist.ELEMENTS, key=_element_order):
        names = ", ".join(f"`{a}`" for a in sorted(allowlist.allowed_attributes(element)))
        rows.append(f"| `<{element}>` | {names or '–'} |")
    schemes = ", ".join(f"`{s}:`" for s in sorted(allowlist.LINK_SCHEMES))
    return (
        "| element | attributen |\n|---|---|\n"
        + "\n".join(rows)
        + f"\n\nLinks beginnen met {schemes} of wijzen naar een pagina of afbeelding van de "
        "site. Afbeeldingen komen alleen van de site zelf.\n"
    )


def _element_order(name: str) -> tuple[int, str]:
    order = ["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img"]
    return (order.index(name) if name in order else len(order), name)


def _last_update(site: Site, bundle: Bundle | None) -> str:
    """On the home page: when the database last changed, and (online) how to follow it."""
    day = site.last_update()
    when = f"Laatst bijgewerkt op **{date_nl(day)}**." if day else ""
    follow = "" if bundle is not None else f" [Volg nieuwe praktijken]({feed.FEED}){{ .pk-feed }}"
    return f"{when}{follow}\n{{ .pk-updated }}\n" if when or follow else ""


def _follow(bundle: Bundle | None) -> str:
    """On the Over page: the Atom feed (not in an offline bundle, which nobody follows)."""
    if bundle is not None:
        return ""
    return (
        f"- [feed.xml]({feed.FEED}) — Atom-feed met de {feed.LIMIT} laatst toegevoegde of "
        "bijgewerkte praktijken: volg de databank in je feedlezer.\n"
    )


def _bundle_notice(site: Site, bundle: Bundle | None) -> str:
    """On an offline bundle's home page: what it holds and when it was made."""
    if bundle is None:
        return ""
    made = date_nl(bundle.made) if bundle.made else "onbekende datum"
    what = (
        "de volledige databank"
        if not bundle.selection
        else "een selectie: " + "; ".join(esc(line) for line in bundle.selection)
    )
    return (
        '!!! abstract "Offline bundel"\n\n'
        f"    Deze offline versie van de SDG-praktijkendatabank bevat {what}, met "
        f"{count_text(len(site.practices))}. Gemaakt op {made}. De actuele databank staat "
        "online; deze bundel werkt zonder internet.\n"
    )
