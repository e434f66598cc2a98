"""Printable fiches for the catalogue's "print deze selectie": one HTML fiche per practice in a
script file (loaded only when printing; a script tag also works from file://)."""

from __future__ import annotations

import html
import json

from ..body import place
from ..dutch import date_nl
from ..model import Practice
from ..taxonomy import Site
from . import paths
from .practice import body_links

FICHES_SCRIPT = "catalogus/fiches-data.js"


def fiches_script(
    site: Site, bodies: dict[str, str], site_url: str | None, directory_urls: bool = True
) -> str:
    """`bodies`: each practice's cleaned text (`body.clean_html`), placed on the catalogue
    page; fiches printed together carry no heading ids."""
    resolve = body_links(paths.CATALOGUE, directory_urls)
    fiches = {}
    for p in site.practices:
        body = place(bodies[p.id], resolve, None).html
        fiches[p.id] = fiche_html(site, p, body, site_url)
    return (
        "window.PK_FICHES=" + json.dumps(fiches, ensure_ascii=False, separators=(",", ":")) + ";\n"
    )


def fiche_html(site: Site, p: Practice, body_html: str, site_url: str | None) -> str:
    vocab = site.vocab
    e = html.escape
    badges = " ".join(
        f'<span class="pk-sdg" style="--sdg: {vocab.goals[n].colour}; --sdg-text: '
        f'{vocab.goals[n].text_colour}">SDG {n} {e(vocab.goals[n].name)}</span>'
        for n in p.sdgs
    )
    facts = [
        (
            "Gemeente" if len(p.gemeenten) == 1 else "Gemeenten",
            ", ".join(m.name for m in p.gemeenten),
        ),
        ("Provincie", ", ".join(site.provinces.terms[s].label for s in p.provinces)),
        ("Beleidsdomeinen", ", ".join(vocab.domains[d].label for d in p.beleidsdomeinen)),
        ("Status", vocab.statuses[p.status].label),
        ("Startjaar", str(p.jaar)),
        (
            "Lokaal mondiaal beleid",
            vocab.lmb_categories[p.lmb_categorie].label if p.lmb_categorie else "",
        ),
        ("Partnerlanden", ", ".join(vocab.countries[c] for c in p.partnerlanden)),
        ("Partners", ", ".join(p.partners)),
        (
            "Contact",
            ", ".join(
                x
                for x in ((p.contact.dienst, p.contact.naam, p.contact.email) if p.contact else ())
                if x
            ),
        ),
        ("Bijgewerkt", date_nl(p.bijgewerkt) if p.bijgewerkt else ""),
    ]
    rows = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts if v)
    url = f"{site_url.rstrip('/')}/praktijken/{p.id}/" if site_url else ""
    notice = (
        (
            '<p class="pk-fiche__notice">Illustratief voorbeeld: geen verslag van wat de '
            "genoemde gemeente(n) echt deden.</p>"
        )
        if p.voorbeeld
        else ""
    )
    online = f'<p class="pk-fiche__url">Online: {e(url)}</p>' if url else ""
    return (
        f'<article class="pk-fiche"><h2 class="pk-fiche__title">{e(p.titel)}</h2>'
        f'<p class="pk-badges">{badges}</p>{notice}<p class="pk-lead">{e(p.samenvatting)}</p>'
        f'<dl class="pk-fiche__facts">{rows}</dl><div class="pk-fiche__body">{body_html}</div>'
        f"{online}</article>"
    )
