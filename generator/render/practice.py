"""The page of one practice: praktijken/<id>/."""

from __future__ import annotations

from urllib.parse import quote

from .. import images
from ..body import Heading, LinkResolver, clean_html, place
from ..bodycheck import link_target
from ..dutch import date_nl
from ..model import Practice
from ..taxonomy import Site
from . import paths
from .components import cards, sdg_badges
from .freshness import practice_freshness
from .meta import PRACTICE_BOOST
from .text import attr, esc, front_matter, html_text, url

# The ids of the sections the generator adds; a heading in the text gets another one.
CONTACT_ID = "contact"
LINKS_ID = "meer-lezen"
RELATED_ID = "gerelateerde-praktijken"
NEARBY_ID = "uit-de-buurt"
_RESERVED_IDS = (CONTACT_ID, LINKS_ID, RELATED_ID, NEARBY_ID)


def practice_page(
    site: Site,
    p: Practice,
    online_url: str | None = None,
    clean: str | None = None,
    directory_urls: bool = True,
) -> tuple[str, tuple[Heading, ...]]:
    """The page's Markdown and its table of contents. `clean` is the practice's text as
    `body.clean_html` gives it (rendered once per build)."""
    src = paths.practice(p)
    vocab = site.vocab
    body = place(
        clean_html(p.body) if clean is None else clean,
        body_links(src, directory_urls),
        _RESERVED_IDS,
    )
    toc = list(body.headings)
    if p.contact is not None:
        toc.append(Heading(2, CONTACT_ID, "Contact"))
    if p.links:
        toc.append(Heading(2, LINKS_ID, "Meer lezen"))
    if site.related[p.id]:
        toc.append(Heading(2, RELATED_ID, "Gerelateerde praktijken"))
    if site.nearby[p.id]:
        toc.append(Heading(2, NEARBY_ID, "Uit de buurt"))
    parts = [
        front_matter(
            title=p.titel,
            description=p.samenvatting,
            tags=p.trefwoorden,
            search={"boost": PRACTICE_BOOST},  # above the contributor docs (see meta.py)
        ),
        _notice(p),
        # The title stays Markdown (its id and permalink as on every page); everything after
        # it is ready HTML in raw blocks without `markdown`: Markdown has nothing to parse.
        f"# {esc(p.titel)}\n",
        f'<p class="pk-lead">{html_text(p.samenvatting)}</p>\n',
        '<div class="pk-badges">\n'
        f"<p>{sdg_badges(src, vocab, p.sdgs, full=True, directory_urls=directory_urls)}</p>\n"
        "</div>\n",
        _share(online_url),
        _facts(site, p, src, directory_urls),
        _image(p, src, directory_urls),
        # Ready HTML, cleaned by the allowlist: Markdown leaves a raw HTML block alone.
        '<div class="pk-body">\n' + body.html.strip() + "\n</div>\n",
        _contact(p),
        _links(p),
        practice_freshness(site, p, directory_urls),
        _related(
            "Gerelateerde praktijken",
            RELATED_ID,
            "Praktijken rond dezelfde SDG's en beleidsdomeinen.",
            site.related[p.id],
            site,
            src,
            directory_urls,
        ),
        _related(
            "Uit de buurt",
            NEARBY_ID,
            "Praktijken uit hetzelfde arrondissement of dezelfde provincie.",
            site.nearby[p.id],
            site,
            src,
            directory_urls,
        ),
        _print_footer(p, online_url),
    ]
    return "\n".join(part for part in parts if part), tuple(toc)


def body_links(src: str, directory_urls: bool) -> LinkResolver:
    """How a relative address in a practice's text becomes a link on the page `src`: another
    practice's file becomes its page, an image in `_afbeeldingen/` the published image."""

    def resolve(value: str) -> str | None:
        target = link_target(value)
        if target is None:
            return None  # `check` refuses it; the sanitised page drops the address
        fragment = value.partition("#")[2]
        if target[0] == "practice":
            where = paths.link(src, paths.practice(target[1]), directory_urls)
            return f"{where}#{fragment}" if fragment else where
        return paths.link(src, paths.image(f"_afbeeldingen/{target[1]}"), directory_urls)

    return resolve


def _notice(p: Practice) -> str:
    if not p.voorbeeld:
        return ""
    # Kept out of the search index, so search results preview the practice, not the notice.
    return (
        '<div class="pk-notice" data-search-exclude>\n'
        '<div class="admonition info">\n'
        '<p class="admonition-title">Illustratief voorbeeld</p>\n'
        "<p>Deze praktijk is een illustratief voorbeeld uit de startcollectie van de "
        "databank. Ze toont het soort actie dat een gemeente kan opzetten, maar is geen "
        "verslag van wat de genoemde gemeente(n) echt deden.</p>\n</div>\n</div>\n"
    )


def _facts(site: Site, p: Practice, src: str, directory_urls: bool = True) -> str:
    vocab = site.vocab
    rows: list[tuple[str, str]] = []

    def row(label: str, value: str) -> None:
        if value:
            rows.append((label, value))

    def a(text: str, target: str) -> str:
        return f'<a href="{attr(paths.link(src, target, directory_urls))}">{html_text(text)}</a>'

    towns = ", ".join(a(m.name, paths.municipality(m)) for m in p.gemeenten)
    row("Gemeente" if len(p.gemeenten) == 1 else "Gemeenten", towns)
    provinces = [vocab_province(site, slug) for slug in p.provinces]
    row(
        "Provincie" if len(provinces) == 1 else "Provincies",
        ", ".join(a(name, paths.province(slug)) for slug, name in provinces),
    )
    row(
        "Beleidsdomeinen" if len(p.beleidsdomeinen) > 1 else "Beleidsdomein",
        ", ".join(a(vocab.domains[d].label, paths.domain(d)) for d in p.beleidsdomeinen),
    )
    row("Status", html_text(vocab.statuses[p.status].label))
    row("Startjaar", str(p.jaar))
    if p.lmb_categorie:
        row("Lokaal mondiaal beleid", html_text(vocab.lmb_categories[p.lmb_categorie].label))
    row("Principes", ", ".join(html_text(vocab.principles[s].label) for s in p.principes))
    if p.subdoelen:
        row(
            "Subdoelen",
            ", ".join(
                f'<abbr title="{attr(vocab.targets[t].text)}">{html_text(t)}</abbr>'
                for t in p.subdoelen
            ),
        )
    row("Partnerlanden", ", ".join(html_text(vocab.countries[c]) for c in p.partnerlanden))
    row("Partners", ", ".join(html_text(x) for x in p.partners))
    if p.bron:
        row("Bron", html_text(p.bron))
    if p.bijgewerkt:
        row("Bijgewerkt", date_nl(p.bijgewerkt))
    lines = [f"<dt>{label}</dt>\n<dd>{value}</dd>\n" for label, value in rows]
    return '<div class="pk-facts">\n<dl>\n' + "".join(lines) + "</dl>\n</div>\n"


def vocab_province(site: Site, slug: str) -> tuple[str, str]:
    return slug, site.provinces.terms[slug].label


def _image(p: Practice, src: str, directory_urls: bool = True) -> str:
    if p.afbeelding is None:
        return ""
    target = paths.link(src, paths.image(image_relative(p)), directory_urls)
    return (
        f'<figure class="pk-figure">\n<p><img alt="{attr(p.afbeelding.alt)}" loading="lazy" '
        f'src="{attr(target)}" /></p>\n</figure>\n'
    )


def image_relative(p: Practice) -> str:
    """The image's path relative to the practices folder: an image is always a file directly
    in _afbeeldingen/ (see `images`), so its name is all that is needed. Nothing is resolved:
    the path on disk, links included, never decides where an image is published."""
    assert p.afbeelding is not None
    return f"{images.FOLDER}/{p.afbeelding.file.name}"


def _heading(text: str, anchor: str, attributes: str = "") -> str:
    """An h2 as Markdown's toc extension writes it (id and permalink); the table of contents
    of a practice page comes from the core (`practice_page`)."""
    return (
        f'<h2{attributes} id="{anchor}">{html_text(text)}<a class="headerlink" href="#{anchor}" '
        'title="Link naar deze sectie">&para;</a></h2>\n'
    )


def _contact(p: Practice) -> str:
    c = p.contact
    if c is None:
        return ""
    lines = [html_text(", ".join(x for x in (c.dienst, c.naam) if x))]
    if c.email:
        lines.append(f'<a href="{attr(url(f"mailto:{c.email}"))}">{html_text(c.email)}</a>')
    if c.url:
        lines.append(f'<a href="{attr(url(c.url))}">{html_text(c.url)}</a>')
    text = "<br />\n".join(line for line in lines if line)
    return _heading("Contact", CONTACT_ID) + f"<p>{text}</p>\n"


def _links(p: Practice) -> str:
    if not p.links:
        return ""
    items = "".join(
        f'<li><a href="{attr(url(link.url))}">{html_text(link.titel)}</a></li>\n'
        for link in p.links
    )
    return _heading("Meer lezen", LINKS_ID) + f"<ul>\n{items}</ul>\n"


def _related(
    title: str,
    anchor: str,
    intro: str,
    practices: list[Practice],
    site: Site,
    src: str,
    directory_urls: bool = True,
) -> str:
    if not practices:
        return ""
    listing = cards(src, practices, site.vocab, directory_urls=directory_urls)
    # The same cards appear on some twenty pages: out of the search index (Material skips an
    # excluded heading's whole section), so a word finds the practice itself, not its
    # neighbours.
    return (
        _heading(title, anchor, ' class="pk-noprint" data-search-exclude')
        + f'<div class="pk-noprint" data-search-exclude>\n<p>{html_text(intro)}</p>\n'
        + listing
        + "</div>\n"
    )


def _share(online_url: str | None) -> str:
    """Copy-link and print buttons, made to work by docs/javascripts/pagina.js: hidden until
    that script shows them, so a browser without JavaScript shows no dead buttons. The link
    copied is the online address (also in an offline bundle), else the page's own."""
    url = f' data-pk-url="{attr(online_url)}"' if online_url else ""
    return (
        f'<div class="pk-share pk-noprint" data-pk-share{url} data-search-exclude hidden>\n'
        '<button type="button" class="md-button pk-share__copy" data-pk-copy>'
        "Link kopiëren</button>\n"
        '<button type="button" class="md-button pk-share__print" data-pk-print>'
        "Afdrukken</button>\n"
        '<span class="pk-share__status" role="status"></span>\n'
        "</div>\n"
    )


def report_error(p: Practice, email: str | None, page_url: str | None, edit_url: str | None) -> str:
    """'Meld een fout': an e-mail to the editors (no account needed), with the practice's id
    in the subject and its address in the body, and the route over GitHub for who has an
    account. Empty when there is neither an address nor an edit link."""
    routes = []
    if email:
        body = (f"Pagina: {page_url}" if page_url else f"Praktijk: {p.id}") + (
            "\r\n\r\nWat klopt er niet?\r\n\r\n"
        )
        mailto = (
            f"mailto:{quote(email, safe='@')}?subject={quote(f'Fout in praktijk {p.id}', safe='')}"
            f"&body={quote(body, safe='')}"
        )
        routes.append(
            f'<a href="{attr(mailto)}" class="pk-report__mail">mail de redactie</a> '
            "(geen account nodig)"
        )
    if edit_url:
        routes.append(
            f'<a href="{attr(edit_url)}" class="pk-report__edit">stel een wijziging voor op '
            "GitHub</a>"
        )
    if not routes:
        return ""
    return (
        '<aside class="pk-report pk-noprint" aria-label="Meld een fout">\n'
        "<p><strong>Fout gezien of verouderd?</strong> Meld een fout: "
        + " of ".join(routes)
        + ".</p>\n</aside>\n"
    )


def _print_footer(p: Practice, online_url: str | None) -> str:
    if not online_url:
        return ""
    return (
        f'<p class="pk-printonly">Online: <a href="{attr(online_url)}">{esc(online_url)}</a></p>\n'
    )
