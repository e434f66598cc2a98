"""Index pages: one per taxonomy and one per term (Hugo's model), plus the matrix."""

from __future__ import annotations

import html
from collections import defaultdict
from urllib.parse import urlencode

from ..reference import P_LABELS, fold, target_sort_key
from ..taxonomy import Site, goals_by_p, top_goals
from . import paths
from .components import (
    cards,
    catalogue_link,
    count_text,
    empty_state,
    sdg_badge,
    sdg_style,
)
from .form import FORM_PAGE
from .page import SiteOptions
from .text import attr, esc, front_matter, html_text, plural, rel

NO_SEARCH = {"exclude": True}  # generated index pages stay out of the search index


def _urls(options: SiteOptions | None) -> bool:
    """Whether the site uses directory URLs (links in ready HTML are final addresses)."""
    return options.directory_urls if options is not None else True


# --- SDG's ---------------------------------------------------------------------------------


def sdg_tiles(site: Site, src: str, level: int = 3) -> str:
    """The 17 goals as coloured tiles with counts, grouped by the five P's under headings of
    `level` (2 where they follow the page's title, 3 under a section of the home page)."""
    blocks = []
    for p, goals in goals_by_p(site.vocab).items():
        tiles = []
        for g in goals:
            n = site.sdg.terms[str(g.number)].count
            tiles.append(
                f'[<span class="pk-tile__nr">{g.number}</span> '
                f'<span class="pk-tile__name">{esc(g.name)}</span> '
                f'<span class="pk-tile__count">{count_text(n)}</span>]'
                f"({rel(src, paths.sdg(g.number))}){{ .pk-tile {sdg_style(site.vocab, g.number)} }}"
            )
        blocks.append(
            f'<section class="pk-p pk-p--{p}" markdown>\n\n'
            f'<h{level} class="pk-p__title">{html.escape(P_LABELS[p])}</h{level}>\n\n'
            f'<div class="pk-tiles" markdown>\n{chr(10).join(tiles)}\n</div>\n\n</section>'
        )
    return "\n\n".join(blocks) + "\n"


def sdg_index(site: Site) -> str:
    src = paths.SDG_INDEX
    used = len(site.sdg.used())
    return (
        front_matter(
            title="SDG's",
            description="De 17 duurzame ontwikkelingsdoelen met hun lokale praktijken.",
            search=NO_SEARCH,
        )
        + "# De 17 SDG's\n\n"
        + "De 17 duurzame ontwikkelingsdoelen (Sustainable Development Goals) van de Verenigde "
        "Naties, gegroepeerd volgens de vijf P's van Agenda 2030. Elke praktijk noemt de "
        f"hoofddoelen waaraan ze bijdraagt; {used} van de 17 doelen hebben al praktijken.\n\n"
        + sdg_tiles(site, src, level=2)
    )


def sdg_page(site: Site, n: int, options: SiteOptions | None = None) -> str:
    src = paths.sdg(n)
    goal = site.vocab.goals[n]
    practices = site.sdg.terms[str(n)].practices
    parts = [
        front_matter(title=goal.label, description=goal.description, search=NO_SEARCH),
        f'# <span class="pk-sdg-hero" {sdg_style(site.vocab, n)}>{n}</span> {esc(goal.name)}\n',
        f"{esc(goal.description)}\n{{ .pk-lead }}\n",
    ]
    if not practices:
        parts.append(
            empty_state(src, f"die SDG {n} als hoofddoel noemen", f"rond SDG {n}", options)
        )
        return "\n".join(parts)
    parts.append(
        f"{count_text(len(practices)).capitalize()} "
        f"{'noemt' if len(practices) == 1 else 'noemen'} SDG {n} als hoofddoel. "
        + catalogue_link(src, "Filter in de catalogus", sdg=n)
        + "\n"
    )
    parts.append(_cited_targets(site, n, src, _urls(options)))
    parts.append("## Praktijken\n")
    parts.append(_domain_facet(site, n, src))
    # Each practice once, in title order, with its domains on the card.
    parts.append(cards(src, practices, site.vocab, domains=True, directory_urls=_urls(options)))
    return "\n".join(parts)


def _domain_facet(site: Site, n: int, src: str) -> str:
    """The domains of the goal's practices, each a link to that combination in the catalogue
    (the counts are the matrix's)."""
    domains = [
        (d, site.matrix[(n, d.slug)])
        for d in sorted(site.vocab.domains.values(), key=lambda d: fold(d.label))
        if site.matrix.get((n, d.slug))
    ]
    chips = "\n".join(
        f'[{esc(d.label)} <span class="pk-count">{count}</span>]'
        f"({rel(src, paths.CATALOGUE)}?{urlencode({'sdg': n, 'domein': d.slug})} "
        f'"{attr(f"{count_text(count)} rond SDG {n} in {d.label}")}"){{ .pk-chip }}'
        for d, count in domains
    )
    return (
        "Per beleidsdomein (een praktijk kan in meer dan één domein vallen):\n\n"
        f'<div class="pk-chips pk-domain-facet" markdown>\n{chips}\n</div>\n'
    )


def _cited_targets(site: Site, n: int, src: str, directory_urls: bool = True) -> str:
    cited = [(t, ps) for t, ps in site.targets.items() if site.vocab.targets[t].goal == n]
    if not cited:
        return ""
    lines = ["## Subdoelen in de praktijken\n"]
    for t, practices in sorted(cited, key=lambda kv: target_sort_key(kv[0])):
        links = ", ".join(
            f'<a href="{attr(paths.link(src, paths.practice(p), directory_urls))}">'
            f"{html_text(p.titel)}</a>"
            for p in practices
        )
        lines.append(  # ready HTML: the links of every practice citing the target
            f"<p><strong>{html_text(t)}</strong> {html_text(site.vocab.targets[t].text)}<br />\n"
            f"<small>{plural(len(practices), 'praktijk', 'praktijken')}:</small> {links}</p>\n"
        )
    return "\n".join(lines)


# --- policy domains ------------------------------------------------------------------------


def domains_index(site: Site) -> str:
    src = paths.DOMAINS_INDEX
    rows = []
    for term in sorted(site.domains.terms.values(), key=lambda t: fold(t.label)):
        count = f"{count_text(term.count)}"
        rows.append(
            f'<div class="pk-row" markdown>\n[{esc(term.label)}]'
            f"({rel(src, paths.domain(term.key))}){{ .pk-row__title }} "
            f'<span class="pk-count">{count}</span>\n\n{esc(term.description)}\n</div>'
        )
    return (
        front_matter(
            title="Beleidsdomeinen", description="Praktijken per beleidsdomein.", search=NO_SEARCH
        )
        + "# Beleidsdomeinen\n\nDe SDG's raken aan elk beleidsdomein van een lokaal bestuur. "
        "Kies een domein om te zien welke praktijken er zijn en aan welke doelen ze "
        "bijdragen.\n\n" + '<div class="pk-rows" markdown>\n\n' + "\n\n".join(rows) + "\n\n</div>\n"
    )


def domain_page(site: Site, slug: str, options: SiteOptions | None = None) -> str:
    src = paths.domain(slug)
    term = site.domains.terms[slug]
    parts = [
        front_matter(title=term.label, description=term.description, search=NO_SEARCH),
        f"# {esc(term.label)}\n",
        f"{esc(term.description)}\n{{ .pk-lead }}\n",
    ]
    if not term.practices:
        parts.append(empty_state(src, "in dit beleidsdomein", "in dit beleidsdomein", options))
        return "\n".join(parts)
    top = top_goals(term.practices)
    parts.append("## Inspiratiefiche: welke doelen dient dit domein?\n")
    parts.append(
        "De enige praktijk in dit domein noemt deze SDG's:\n"
        if term.count == 1
        else f"De {count_text(term.count)} in dit domein noemen het vaakst deze SDG's:\n"
    )
    parts.append(
        '<div class="pk-topgoals" markdown>\n'
        + "\n".join(
            f"- {sdg_badge(src, site.vocab, g, True, _urls(options))} "
            f"{plural(c, 'praktijk', 'praktijken')}"
            for g, c in top
        )
        + "\n</div>\n"
    )
    parts.append(catalogue_link(src, "Filter in de catalogus", domein=slug) + "\n")
    parts.append(
        "## Praktijken\n\n" + cards(src, term.practices, site.vocab, directory_urls=_urls(options))
    )
    return "\n".join(parts)


# --- municipalities and provinces ----------------------------------------------------------


def municipalities_index(site: Site) -> str:
    src = paths.MUNICIPALITIES_INDEX
    with_practices = sum(1 for t in site.municipalities.terms.values() if t.practices)
    parts = [
        front_matter(
            title="Gemeenten", description="Praktijken per gemeente en provincie.", search=NO_SEARCH
        ),
        "# Gemeenten\n",
        f"Alle {len(site.vocab.municipalities)} Vlaamse gemeenten (sinds 1 januari 2025), per "
        f"provincie. {with_practices} gemeenten hebben al een praktijk in de databank (het getal "
        "na de naam); op de pagina van de andere zie je wat er in de buurt gebeurt en hoe je "
        "een praktijk toevoegt.\n",
    ]
    by_province: dict[str, list] = defaultdict(list)
    for m in site.vocab.municipalities.values():
        by_province[m.province.slug].append(m)
    for slug, term in site.provinces.terms.items():
        towns = by_province[slug]
        items = []
        for m in towns:
            n = site.municipalities.terms[m.name].count
            link = f"- [{esc(m.name)}]({rel(src, paths.municipality(m))})"
            items.append(f'{link} <span class="pk-count">{n}</span>' if n else link)
        parts.append(
            f"## [{esc(term.label)}]({rel(src, paths.province(slug))})\n\n"
            f"{plural(len(towns), 'gemeente', 'gemeenten')}, "
            f"{count_text(term.count)}.\n\n"
            f'<div class="pk-columns" markdown>\n\n' + "\n".join(items) + "\n\n</div>\n"
        )
    return "\n".join(parts)


def municipality_page(site: Site, name: str, options: SiteOptions | None = None) -> str:
    m = site.vocab.municipalities[name]
    src = paths.municipality(m)
    term = site.municipalities.terms[name]
    parts = [
        front_matter(title=m.name, description=f"Praktijken van {m.name}.", search=NO_SEARCH),
        f"# {esc(m.name)}\n",
        f"Gemeente in de provincie [{esc(m.province.name)}]"
        f"({rel(src, paths.province(m.province.slug))}), "
        f"arrondissement {esc(m.arrondissement.name)} (NIS-code {m.nis}). "
        f"{_how_many(term.count, options)}\n{{ .pk-lead }}\n",
    ]
    if not term.practices:
        return "\n".join(parts + [_without_practices(site, m, src, options)])
    parts.append(catalogue_link(src, "Bekijk in de catalogus", gemeente=m.slug) + "\n")
    parts.append(cards(src, term.practices, site.vocab, directory_urls=_urls(options)))
    return "\n".join(parts)


def _how_many(n: int, options: SiteOptions | None) -> str:
    where = (
        "in deze bundel" if options is not None and options.bundle is not None else "in de databank"
    )
    return f"{count_text(n).capitalize()} {where}." if n else f"Nog geen praktijken {where}."


def _without_practices(site: Site, m, src: str, options: SiteOptions | None) -> str:
    """A municipality without practices: the invitation, what its neighbours do, and which
    goals they work on (all precomputed per arrondissement in `site.neighbourhoods`)."""
    near = site.neighbourhoods[m.arrondissement.code]
    parts = []
    if options is not None and options.bundle is not None:
        parts.append(empty_state(src, "", f"uit {m.name}", options))
    else:
        parts.append(
            f'<div class="pk-empty pk-invite" markdown>\n\n**Nog geen praktijk uit '
            f"{esc(m.name)}.** Doet jouw bestuur iets rond de SDG's of lokaal mondiaal beleid "
            "waar het trots op is? Deel het, zodat andere gemeenten het kunnen overnemen.\n\n"
            f"[Voeg een praktijk van {esc(m.name)} toe]({rel(src, FORM_PAGE)})"
            "{ .md-button .md-button--primary } "
            f"[Hoe bijdragen werkt]({rel(src, paths.CONTRIBUTE)}){{ .md-button }}\n\n</div>\n"
        )
    if near.practices:
        parts.append(
            "## In de buurt\n\n"
            f"De nieuwste praktijken uit het arrondissement {esc(m.arrondissement.name)} en de "
            f"provincie [{esc(m.province.name)}]({rel(src, paths.province(m.province.slug))}).\n"
        )
        parts.append(cards(src, near.practices, site.vocab, directory_urls=_urls(options)))
    if near.goals:
        scope = (
            f"het arrondissement {esc(m.arrondissement.name)}"
            if near.goals_from == "arrondissement"
            else f"de provincie {esc(m.province.name)}"
        )
        parts.append(
            "## Waar de buren aan werken\n\n"
            f"De SDG's die de praktijken uit {scope} het vaakst noemen:\n\n"
            '<div class="pk-topgoals" markdown>\n'
            + "\n".join(
                f"- {sdg_badge(src, site.vocab, g, True, _urls(options))} "
                f"{plural(c, 'praktijk', 'praktijken')}"
                for g, c in near.goals
            )
            + "\n</div>\n"
        )
    return "\n".join(parts)


def provinces_index(site: Site) -> str:
    src = paths.PROVINCES_INDEX
    items = [
        f"- [{esc(t.label)}]({rel(src, paths.province(t.key))}) "
        f'<span class="pk-count">{t.count}</span>'
        for t in site.provinces.terms.values()
    ]
    return (
        front_matter(title="Provincies", search=NO_SEARCH)
        + "# Provincies\n\n"
        + "\n".join(items)
        + "\n"
    )


def province_page(site: Site, slug: str, options: SiteOptions | None = None) -> str:
    src = paths.province(slug)
    term = site.provinces.terms[slug]
    towns = [m for m in site.vocab.municipalities.values() if m.province.slug == slug]
    active = [m for m in towns if site.municipalities.terms[m.name].practices]
    parts = [
        front_matter(title=f"Provincie {term.label}", search=NO_SEARCH),
        f"# Provincie {esc(term.label)}\n",
        f"{plural(len(towns), 'gemeente', 'gemeenten')}, waarvan {len(active)} met "
        f"praktijken; {count_text(term.count)} in totaal.\n{{ .pk-lead }}\n",
        catalogue_link(src, "Bekijk in de catalogus", provincie=slug) + "\n",
    ]
    if not term.practices:
        where = f"uit de provincie {term.label}"
        parts.append(empty_state(src, where, where, options))
        return "\n".join(parts)
    top = top_goals(term.practices, 17)
    parts.append(
        "## SDG's in deze provincie\n\n"
        + " ".join(
            f"{sdg_badge(src, site.vocab, g, directory_urls=_urls(options))} "
            f'<small class="pk-times">×{c}</small>'
            for g, c in top
        )
        + "\n"
    )
    parts.append(
        "## Gemeenten met praktijken\n\n"
        + ", ".join(
            f"[{esc(m.name)}]({rel(src, paths.municipality(m))}) "
            f"({site.municipalities.terms[m.name].count})"
            for m in active
        )
        + "\n"
    )
    parts.append(
        "## Praktijken\n\n" + cards(src, term.practices, site.vocab, directory_urls=_urls(options))
    )
    return "\n".join(parts)


# --- matrix --------------------------------------------------------------------------------


def matrix_page(site: Site) -> str:
    src = paths.MATRIX
    domains = sorted(site.vocab.domains.values(), key=lambda t: fold(t.label))
    head = (
        "| Beleidsdomein | "
        + " | ".join(
            f'[<span class="pk-sr-only">SDG </span>{n}]({rel(src, paths.sdg(n))} "{attr(g.name)}")'
            f"{{ .pk-sdg {sdg_style(site.vocab, n)} }}"
            for n, g in site.vocab.goals.items()
        )
        + " |"
    )
    sep = "|---|" + "---:|" * len(site.vocab.goals)
    rows = []
    for d in domains:
        cells = []
        for n in site.vocab.goals:
            count = site.matrix.get((n, d.slug), 0)
            if count:
                query = f"?sdg={n}&domein={d.slug}"
                label = f"{count} praktijken rond SDG {n} in {d.label}"
                cells.append(f'[{count}]({rel(src, paths.CATALOGUE)}{query} "{attr(label)}")')
            else:
                cells.append('<span class="pk-muted" aria-hidden="true">·</span>')
        rows.append(
            f"| [{esc(d.label)}]({rel(src, paths.domain(d.slug))}) | " + " | ".join(cells) + " |"
        )
    return (
        front_matter(title="Matrix SDG × beleidsdomein", search=NO_SEARCH)
        + "# Matrix: SDG's en beleidsdomeinen\n\n"
        "Hoeveel praktijken er zijn per combinatie van SDG (kolommen) en beleidsdomein "
        "(rijen). Een getal opent de praktijken van die combinatie in de catalogus; een punt "
        "betekent: nog geen praktijk.\n\n"
        + '<div class="pk-matrix" markdown>\n\n'
        + "\n".join([head, sep, *rows])
        + "\n\n</div>\n"
    )


# --- catalogue ----------------------------------------------------------------------------


def _whose(options: SiteOptions | None) -> str:
    """What the practices are all of: the database, or an offline bundle's selection."""
    bundle = options.bundle if options else None
    if bundle is None:
        return "de databank"
    if not bundle.selection:
        return "de databank (offline bundel)"
    # Inside the intro's raw <p>: HTML escaping, not Markdown's.
    return "deze selectie (" + html.escape("; ".join(bundle.selection), quote=False) + ")"


def catalogue_page(site: Site, options: SiteOptions | None = None) -> str:
    """The catalogue: filters are built by docs/javascripts/catalogus.js on top of a plain list
    of every practice, which is what visitors without JavaScript get."""
    src = paths.CATALOGUE
    directory_urls = _urls(options)
    items = "".join(
        f'<li><a href="{attr(paths.link(src, paths.practice(p), directory_urls))}">'
        f"{html_text(p.titel)}</a> "
        f'<span class="pk-muted">{html_text(", ".join(m.name for m in p.gemeenten))}, '
        f"{p.jaar}</span></li>\n"
        for p in site.practices
    )
    return (
        front_matter(
            title="Catalogus",
            description="Alle praktijken, te filteren op SDG, "
            "beleidsdomein, provincie, gemeente en meer.",
            search=NO_SEARCH,
            hide=["navigation", "toc"],
        )
        + "# Catalogus\n\n"
        # Ready HTML: one raw block that Markdown leaves alone.
        + '<div id="pk-catalogue">\n'
        + f'<p class="pk-catalogue__intro">Alle {count_text(len(site.practices))} van '
        + _whose(options)
        + ". Combineer filters om te vinden wat bij jouw bestuur past; de link in de "
        "adresbalk bewaart je selectie.</p>\n"
        + '<div class="pk-catalogue__fallback">\n<ul>\n'
        + items
        + "</ul>\n</div>\n"
        + "</div>\n\n"
        # Both scripts sit next to this page (catalogus/index.html), so the relative paths
        # hold with and without directory URLs.
        + '<script src="praktijken-data.js"></script>\n'
        + '<script src="../javascripts/catalogus.js"></script>\n'
    )
