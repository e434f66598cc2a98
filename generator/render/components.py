"""Pieces shared by several pages: SDG badges, practice cards, catalogue links."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from ..model import Practice
from ..vocab import Vocab
from . import paths
from .page import SiteOptions
from .text import attr, esc, html_text, plural, rel, shorten, url


def sdg_style(vocab: Vocab, n: int) -> str:
    goal = vocab.goals[n]
    return f'style="--sdg: {goal.colour}; --sdg-text: {goal.text_colour}"'


def sdg_badge(
    src: str, vocab: Vocab, n: int, full: bool = False, directory_urls: bool = True
) -> str:
    """A coloured link to the goal's page; `full` adds the goal's name. Ready HTML (as
    Markdown's attr_list wrote it), with the final address: Markdown has nothing to parse."""
    goal = vocab.goals[n]
    text = f"SDG {n} {goal.name}" if full else f"SDG {n}"
    title = "" if full else f' title="{attr(goal.name)}"'
    return (
        f'<a class="pk-sdg" href="{attr(paths.link(src, paths.sdg(n), directory_urls))}" '
        f"{sdg_style(vocab, n)}{title}>{html_text(text)}</a>"
    )


def sdg_badges(
    src: str, vocab: Vocab, numbers: Iterable[int], full: bool = False, directory_urls: bool = True
) -> str:
    return " ".join(sdg_badge(src, vocab, n, full, directory_urls) for n in numbers)


def meta_line(p: Practice, vocab: Vocab) -> str:
    towns = ", ".join(m.name for m in p.gemeenten)
    return " · ".join([towns, str(p.jaar), vocab.statuses[p.status].label])


def card(
    src: str, p: Practice, vocab: Vocab, domains: bool = False, directory_urls: bool = True
) -> str:
    """A practice as a card, in ready HTML; `domains` adds its policy domains as a line of
    labels."""
    href = attr(paths.link(src, paths.practice(p), directory_urls))
    domain_line = (
        '<p class="pk-card__domains">'
        + html_text(", ".join(vocab.domains[d].label for d in p.beleidsdomeinen))
        + "</p>\n"
        if domains
        else ""
    )
    return (
        '<article class="pk-card">\n'
        f'<p class="pk-card__meta">{html_text(meta_line(p, vocab))}</p>\n'
        f'<p><a class="pk-card__title" href="{href}">{html_text(p.titel)}</a></p>\n'
        f"{domain_line}"
        f"<p>{html_text(shorten(p.samenvatting))}</p>\n"
        f"<p>{sdg_badges(src, vocab, p.sdgs, directory_urls=directory_urls)}</p>\n"
        "</article>"
    )


def cards(
    src: str,
    practices: Iterable[Practice],
    vocab: Vocab,
    domains: bool = False,
    directory_urls: bool = True,
) -> str:
    """Cards as one raw HTML block: Markdown leaves it alone."""
    items = [card(src, p, vocab, domains, directory_urls) for p in practices]
    if not items:
        return ""
    return '<div class="pk-cards">\n' + "\n".join(items) + "\n</div>\n"


def catalogue_link(src: str, label: str, **filters: str | int | list) -> str:
    """A link into the catalogue with the matching filters in the query string."""
    query = urlencode(
        [(k, v) for k, vs in filters.items() for v in (vs if isinstance(vs, list) else [vs])]
    )
    target = rel(src, paths.CATALOGUE) + (f"?{query}" if query else "")
    return f"[{esc(label)}]({target}){{ .md-button }}"


def count_text(n: int) -> str:
    return plural(n, "praktijk", "praktijken")


def invite(src: str, what: str) -> str:
    """The empty state: nothing here yet, and how to add it."""
    return (
        f'<div class="pk-empty" markdown>\n\nNog geen praktijken {esc(what)}. Ken je een '
        f"goed voorbeeld? [Voeg het toe]({rel(src, paths.CONTRIBUTE)}) of laat het ons "
        "weten.\n\n</div>\n"
    )


def online_page(src: str, options: SiteOptions | None) -> str | None:
    """The address of page `src` on the online site, when the site's address is known."""
    base = ((options and options.site_url) or "").rstrip("/")
    return f"{base}/{paths.url(src, True)}" if base else None


def empty_state(src: str, what: str, offline_what: str, options: SiteOptions | None) -> str:
    """No practices here: the invitation to add one, or in an offline bundle (which holds a
    selection, or a copy of some day's database) the plain fact and where to look online."""
    if options is None or options.bundle is None:
        return invite(src, what)
    online = online_page(src, options)
    where = f": [{esc(online)}]({url(online)})" if online else ""
    return (
        '<div class="pk-empty" markdown>\n\n'
        f"Deze bundel bevat geen praktijken {esc(offline_what)}; de online databank kan er wel "
        f"hebben{where}.\n\n</div>\n"
    )
