"""The catalogue's data (a script file, because `fetch` of JSON fails from file://) and the
open data exports (JSON and CSV) with the same records."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model import Practice
from ..reference import fold
from ..taxonomy import Site, goals_by_p

DATA_SCRIPT = "catalogus/praktijken-data.js"
OPEN_JSON = "data/praktijken.json"
OPEN_CSV = "data/praktijken.csv"


def url_templates(directory_urls: bool) -> dict[str, str]:
    """Links from the catalogue page (catalogus/) to other pages, `{}` is the slug."""
    if directory_urls:
        return {"praktijk": "../praktijken/{}/", "sdg": "../sdg/{}/"}
    return {"praktijk": "../praktijken/{}.html", "sdg": "../sdg/{}.html"}


def catalogue_script(site: Site, directory_urls: bool = True) -> str:
    """`window.PK_CATALOGUE = {...}`: vocabularies once, practices as compact rows of indices."""
    vocab = site.vocab
    used_towns = sorted({m.name for p in site.practices for m in p.gemeenten}, key=fold)
    used_countries = sorted({c for p in site.practices for c in p.partnerlanden})
    keywords = sorted({k for p in site.practices for k in p.trefwoorden}, key=fold)
    provinces = list(site.provinces.terms)
    index = {
        "gemeente": {name: i for i, name in enumerate(used_towns)},
        "domein": {slug: i for i, slug in enumerate(vocab.domains)},
        "status": {slug: i for i, slug in enumerate(vocab.statuses)},
        "lmb": {slug: i for i, slug in enumerate(vocab.lmb_categories)},
        "principe": {slug: i for i, slug in enumerate(vocab.principles)},
        "land": {code: i for i, code in enumerate(used_countries)},
        "trefwoord": {k: i for i, k in enumerate(keywords)},
        "provincie": {slug: i for i, slug in enumerate(provinces)},
    }
    towns = [vocab.municipalities[name] for name in used_towns]
    data = {
        "urls": url_templates(directory_urls),
        "sdg": [[g.number, g.name, g.colour, g.text_colour, g.p] for g in vocab.goals.values()],
        "p": [[p, [g.number for g in goals]] for p, goals in goals_by_p(vocab).items()],
        "domein": [[t.slug, t.label] for t in vocab.domains.values()],
        "provincie": [[slug, site.provinces.terms[slug].label] for slug in provinces],
        "gemeente": [[m.slug, m.name, index["provincie"][m.province.slug]] for m in towns],
        "status": [[t.slug, t.label] for t in vocab.statuses.values()],
        "lmb": [[t.slug, t.label] for t in vocab.lmb_categories.values()],
        "principe": [[t.slug, t.label] for t in vocab.principles.values()],
        "land": [[code, vocab.countries[code]] for code in used_countries],
        "trefwoord": [[k, k] for k in keywords],
        # id, title, summary, towns, sdgs, domains, status, year, lmb, principles, countries,
        # keywords, updated (YYYYMMDD or 0)
        "items": [_row(p, index) for p in site.practices],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.PK_CATALOGUE={text};\n"


def _row(p: Practice, index: dict[str, dict[Any, int]]) -> list[Any]:
    return [
        p.id,
        p.titel,
        p.samenvatting,  # in full: the free-text filter searches all of it
        [index["gemeente"][m.name] for m in p.gemeenten],
        p.sdgs,
        [index["domein"][d] for d in p.beleidsdomeinen],
        index["status"][p.status],
        p.jaar,
        index["lmb"][p.lmb_categorie] if p.lmb_categorie else -1,
        [index["principe"][s] for s in p.principes],
        [index["land"][c] for c in p.partnerlanden],
        [index["trefwoord"][k] for k in p.trefwoorden],
        int(p.bijgewerkt.strftime("%Y%m%d")) if p.bijgewerkt else 0,
    ]


# --- open data -----------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "titel",
    "gemeenten",
    "nis_codes",
    "provincies",
    "sdgs",
    "subdoelen",
    "beleidsdomeinen",
    "lmb_categorie",
    "principes",
    "status",
    "jaar",
    "samenvatting",
    "partnerlanden",
    "partners",
    "contact_dienst",
    "contact_email",
    "contact_url",
    "links",
    "trefwoorden",
    "bron",
    "bijgewerkt",
    "voorbeeld",
    "url",
]


def open_record(p: Practice, site_url: str | None) -> dict[str, Any]:
    base = (site_url or "").rstrip("/")
    return {
        "id": p.id,
        "titel": p.titel,
        "gemeenten": [m.name for m in p.gemeenten],
        "nis_codes": [m.nis for m in p.gemeenten],
        "provincies": [m.province.name for m in p.gemeenten],
        "sdgs": p.sdgs,
        "subdoelen": p.subdoelen,
        "beleidsdomeinen": p.beleidsdomeinen,
        "lmb_categorie": p.lmb_categorie,
        "principes": p.principes,
        "status": p.status,
        "jaar": p.jaar,
        "samenvatting": p.samenvatting,
        "partnerlanden": p.partnerlanden,
        "partners": p.partners,
        "contact_dienst": p.contact.dienst if p.contact else None,
        "contact_email": p.contact.email if p.contact else None,
        "contact_url": p.contact.url if p.contact else None,
        "links": [link.url for link in p.links],
        "trefwoorden": p.trefwoorden,
        "bron": p.bron,
        "bijgewerkt": p.bijgewerkt.isoformat() if p.bijgewerkt else None,
        "voorbeeld": p.voorbeeld,
        "url": f"{base}/praktijken/{p.id}/" if base else f"praktijken/{p.id}/",
    }


def open_json(site: Site, site_url: str | None) -> str:
    records = [open_record(p, site_url) for p in sorted(site.practices, key=lambda p: p.id)]
    payload = {
        "licentie": "CC BY 4.0 (teksten); gemeentegegevens © Statbel, CC BY 4.0",
        "aantal": len(records),
        "praktijken": records,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


# The CSV is made for spreadsheets as Belgian (Dutch and French) users have them: Excel reads a
# UTF-8 file as UTF-8 only with a byte order mark, and splits columns at the list separator of
# the locale, which is ';' in Belgium. Lists within a cell are joined by LIST_SEPARATOR; a '|'
# inside a value becomes '¦' so that the separator never clashes (the JSON keeps the exact text).
BOM = "\ufeff"
DELIMITER = ";"
LIST_SEPARATOR = " | "


def open_csv(site: Site, site_url: str | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in sorted(site.practices, key=lambda p: p.id):
        record = open_record(p, site_url)
        writer.writerow([_cell(record[c]) for c in CSV_COLUMNS])
    return BOM + out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutralise(LIST_SEPARATOR.join(str(v).replace("|", "¦") for v in value))
    return neutralise(str(value))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A CSV cell that a spreadsheet would read as a formula, made text: OWASP's advice for CSV
    injection is a leading single quote (the JSON keeps the exact text)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
