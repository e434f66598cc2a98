"""The field reference (bijdragen/velden/), generated from the schema and the lists.

Every field of `schema.FIELDS` with its key, label, whether it is required, its type and limits,
its help text and an example; then every allowed value with its label, read from the same
vocabularies the validator uses. A domain added to `practices/_lijsten/beleidsdomeinen.yml`
shows up here without a code change.
"""

from __future__ import annotations

from collections import Counter

from .. import schema
from ..new import example, practice_text, yaml_field
from ..reference import P_LABELS, provinces, target_sort_key
from ..schema import Field
from ..taxonomy import Site
from . import paths
from .page import Page
from .text import esc, front_matter, plural, rel

FIELDS_PAGE = "bijdragen/velden.md"
SRC = FIELDS_PAGE

# Where the allowed values of a vocabulary are listed on this page: anchor and title.
VOCAB_SECTIONS: dict[str, tuple[str, str]] = {
    "beleidsdomeinen": ("lijst-beleidsdomeinen", "Beleidsdomeinen"),
    "lmb-categorieen": ("lijst-lmb-categorieen", "LMB-categorieën"),
    "principes": ("lijst-principes", "Principes"),
    "status": ("lijst-status", "Status"),
    "sdgs": ("lijst-sdgs", "SDG's"),
    "subdoelen": ("lijst-subdoelen", "Subdoelen"),
    "landen": ("lijst-partnerlanden", "Partnerlanden"),
    "gemeenten": ("lijst-gemeenten", "Gemeenten"),
}
LIST_FILES = {
    "beleidsdomeinen": "beleidsdomeinen.yml",
    "lmb-categorieen": "lmb-categorieen.yml",
    "principes": "principes.yml",
}


def field_reference_page(site: Site) -> Page:
    parts = [
        front_matter(
            title="Velden en lijsten",
            description="Elk veld van een praktijk en alle toegelaten waarden.",
        ),
        "# Velden en lijsten\n",
        "Een praktijk is één bestand `practices/<id>.md`: bovenaan de gegevens (de *front "
        "matter*, tussen twee regels `---`), daaronder de tekst. Deze pagina beschrijft elk "
        "veld en somt alle toegelaten waarden op. Ze wordt gemaakt uit hetzelfde schema en "
        "dezelfde lijsten als de controle (`python -m generator check`), het formulier en het "
        "JSON Schema, en is dus altijd actueel. Hoe je een praktijk toevoegt, staat op "
        f"[Bijdragen]({rel(SRC, paths.CONTRIBUTE)}).\n",
        _overview(),
        _template(),
        "## De velden\n",
        *(_field_section(f) for f in schema.FIELDS),
        _body_section(),
        "## Toegelaten waarden\n",
        "Slugs (de waarden links) schrijf je in het bestand; de namen ziet de bezoeker op de "
        "site.\n",
        _domains(site),
        _editable(site, "lmb-categorieen"),
        _editable(site, "principes"),
        _statuses(site),
        _goals(site),
        _targets(site),
        _countries(site),
        _municipalities(site),
    ]
    return Page(FIELDS_PAGE, "\n".join(p for p in parts if p), listed=True)


# --- fields --------------------------------------------------------------------------------


def _anchor(spec: Field) -> str:
    return f"veld-{spec.key}"


def _overview() -> str:
    rows = ["| Veld | Betekenis | Verplicht | Soort |", "|---|---|---|---|"]
    for f in schema.FIELDS:
        rows.append(
            f"| [`{f.key}`](#{_anchor(f)}) | {esc(f.label)} | "
            f"{'ja' if f.required else 'nee'} | {esc(type_text(f))} |"
        )
    return "\n".join(rows) + "\n"


def _template() -> str:
    data = {f.key: example(f) for f in schema.FIELDS if f.required}
    return (
        "## Sjabloon { #sjabloon }\n\n"
        "Kopieer dit sjabloon naar een nieuw bestand `practices/<id>.md` (de id: kleine letters, "
        "cijfers en koppeltekens, bv. `gent-fair-o-meter.md`), vervang de voorbeeldwaarden en "
        "schrijf de tekst onder de koppen. De regels met `#` zijn optionele velden: haal `# ` "
        "weg om er een te gebruiken. Wie Python heeft, maakt hetzelfde bestand met "
        "`python -m generator new`.\n\n"
        f"```markdown\n{practice_text(data)}```\n"
    )


def type_text(spec: Field) -> str:
    """'tekst, 5–120 tekens', 'lijst van gemeentenamen, minstens 1', … in Dutch."""
    if spec.kind == "list":
        assert spec.item is not None
        text = f"lijst van {_item_text(spec.item)}"
        if spec.limits():
            text += f", {spec.limits()}"
        return text + (", zonder dubbels" if spec.unique else "")
    if spec.kind == "text":
        if spec.vocab:
            return "één waarde uit de lijst"
        text = {
            "url": "webadres (http of https)",
            "email": "e-mailadres",
            "image": "pad naar een afbeelding (jpg, png, webp of svg)",
        }.get(spec.format or "", "gewone tekst" if spec.format == "plain" else "tekst")
        return text + (f", {spec.limits()}" if spec.limits() else "")
    if spec.kind == "int":
        if spec.key == "jaar":
            return (
                f"jaartal, {schema.MIN_YEAR}–{schema.max_year()} (tot {schema.YEAR_AHEAD} "
                "jaar vooruit)"
            )
        return "geheel getal" + (f", {spec.limits()}" if spec.limits() else "")
    if spec.kind == "bool":
        return "true of false"
    if spec.kind == "date":
        return "datum JJJJ-MM-DD, niet in de toekomst"
    return "velden: " + ", ".join(f.key for f in spec.fields)


def _item_text(item: Field) -> str:
    return {
        "gemeenten": "gemeentenamen",
        "sdgs": "SDG-nummers (1–17)",
        "subdoelen": "subdoelen (tekst tussen aanhalingstekens)",
        "beleidsdomeinen": "slugs van beleidsdomeinen",
        "principes": "slugs van principes",
        "landen": "landcodes (ISO 3166-1, twee letters)",
    }.get(item.vocab or "", "" if item.kind == "object" else "teksten") or (
        "items met " + " en ".join(f.key for f in item.fields)
    ) + (f" ({item.limits()})" if item.kind == "text" and item.limits() else "")


def _field_section(spec: Field) -> str:
    need = "**Verplicht**" if spec.required else "Optioneel"
    lines = [
        f"### `{spec.key}`: {esc(spec.label)} {{ #{_anchor(spec)} }}\n",
        f"{need} · {esc(type_text(spec))}\n",
        f"{esc(spec.help)}\n",
    ]
    vocab_name = spec.vocab or (spec.item.vocab if spec.item else None)
    if vocab_name in VOCAB_SECTIONS:
        anchor, title = VOCAB_SECTIONS[vocab_name]
        lines.append(f"Toegelaten waarden: [{esc(title)}](#{anchor}).\n")
    extra = _extra_rules(spec)
    if extra:
        lines.append(extra + "\n")
    subfields = spec.fields or (spec.item.fields if spec.item else ())
    if subfields:
        rows = ["| Veld | Betekenis | Verplicht | Soort |", "|---|---|---|---|"]
        rows += [
            f"| `{f.key}` | {esc(f.help)} | {'ja' if f.required else 'nee'} | {esc(type_text(f))} |"
            for f in subfields
        ]
        lines.append("\n".join(rows) + "\n")
    value = example(spec)
    if value is not None:
        lines.append(f"Voorbeeld:\n\n```yaml\n{yaml_field(spec, value)}\n```\n")
    return "\n".join(lines)


def _extra_rules(spec: Field) -> str:
    """The rules that span fields or files, which `Field` does not express."""
    return {
        "gemeenten": "Hoofdletters, accenten en spaties of koppeltekens maken niet uit "
        "(`sint-niklaas` wordt *Sint-Niklaas*). Namen van vóór de fusies van 2025 "
        "worden geweigerd met de nieuwe naam als voorstel.",
        "subdoelen": "Een subdoel waarvan de SDG niet in `sdgs` staat, geeft een waarschuwing.",
        "contact": "Vul minstens `dienst` of `naam` in. Een naam alleen met toestemming van de "
        "persoon; een dienst met een algemeen adres is beter.",
        "afbeelding": "Het bestand staat in `practices/_afbeeldingen/`, met een naam in kleine "
        "letters, cijfers, `-` en `_` (hoogstens 2 MB, een SVG hoogstens 512 KB; zie "
        "[Veiligheid](veiligheid.md)). De alternatieve tekst beschrijft wat er te zien is, voor "
        "wie de afbeelding niet ziet.",
        "samenvatting": "Gewone tekst zonder links of HTML: ze verschijnt in de catalogus en in "
        "zoekresultaten.",
        "voorbeeld": "Alleen voor de illustratieve voorbeelden van de startcollectie; een echte "
        "praktijk laat dit veld weg.",
    }.get(spec.key, "")


def _body_section() -> str:
    required = ", ".join(f"`## {s}`" for s in schema.BODY_SECTIONS if s in schema.REQUIRED_SECTIONS)
    expected = ", ".join(f"`## {s}`" for s in schema.BODY_SECTIONS if s in schema.EXPECTED_SECTIONS)
    optional = ", ".join(
        f"`## {s}`"
        for s in schema.BODY_SECTIONS
        if s not in schema.REQUIRED_SECTIONS | schema.EXPECTED_SECTIONS
    )
    return (
        "### De tekst { #tekst }\n\n"
        "Onder de tweede regel `---` komt de tekst, in Markdown, met koppen van niveau 2. "
        f"Verplicht: {required}. Verwacht (anders een waarschuwing): {expected}. Mag: "
        f"{optional}. Geen `# Titel` (die komt uit `titel`), geen script, iframes of "
        "`javascript:`-links; een video of kaart zet je als gewone link.\n"
    )


# --- allowed values ------------------------------------------------------------------------


def _heading(vocab_name: str, count: int) -> str:
    anchor, title = VOCAB_SECTIONS[vocab_name]
    return f"### {esc(title)} ({count}) {{ #{anchor} }}\n"


def _list_note(vocab_name: str) -> str:
    return (
        f"De redactie beheert deze lijst in `practices/_lijsten/{LIST_FILES[vocab_name]}`: "
        "een waarde toevoegen is één item (slug, naam, beschrijving), zonder code te "
        "wijzigen.\n"
    )


def _domains(site: Site) -> str:
    terms = site.vocab.domains
    rows = ["| Slug | Naam | Beschrijving |", "|---|---|---|"]
    rows += [
        f"| `{t.slug}` | [{esc(t.label)}]({rel(SRC, paths.domain(t.slug))}) | "
        f"{esc(t.description)} |"
        for t in terms.values()
    ]
    return "\n".join(
        [
            _heading("beleidsdomeinen", len(terms)),
            _list_note("beleidsdomeinen"),
            "\n".join(rows) + "\n",
        ]
    )


def _editable(site: Site, vocab_name: str) -> str:
    terms = site.vocab.terms(vocab_name)
    rows = ["| Slug | Naam | Beschrijving |", "|---|---|---|"]
    rows += [f"| `{t.slug}` | {esc(t.label)} | {esc(t.description)} |" for t in terms.values()]
    return "\n".join(
        [_heading(vocab_name, len(terms)), _list_note(vocab_name), "\n".join(rows) + "\n"]
    )


STATUS_HELP = {
    "gepland": "Beslist of in voorbereiding, nog niet gestart.",
    "lopend": "Gestart en nog bezig, ook als het jaarlijks terugkomt.",
    "afgerond": "Afgelopen; de resultaten zijn bekend.",
}


def _statuses(site: Site) -> str:
    terms = site.vocab.statuses
    rows = ["| Waarde | Naam | Wanneer |", "|---|---|---|"]
    rows += [
        f"| `{t.slug}` | {esc(t.label)} | {esc(STATUS_HELP.get(t.slug, ''))} |"
        for t in terms.values()
    ]
    return "\n".join([_heading("status", len(terms)), "\n".join(rows) + "\n"])


def _goals(site: Site) -> str:
    goals = site.vocab.goals
    rows = ["| Nummer | Naam | Groep | Omschrijving |", "|---|---|---|---|"]
    rows += [
        f"| {n} | [{esc(g.name)}]({rel(SRC, paths.sdg(n))}) | {esc(P_LABELS[g.p])} | "
        f"{esc(g.description)} |"
        for n, g in goals.items()
    ]
    return "\n".join(
        [
            _heading("sdgs", len(goals)),
            "In `sdgs` komen de nummers, hoogstens vijf: de hoofddoelen van de praktijk, niet alle "
            "doelen waaraan ze raakt.\n",
            "\n".join(rows) + "\n",
        ]
    )


def _targets(site: Site) -> str:
    goals = site.vocab.goals
    blocks = []
    for n, g in goals.items():
        targets = sorted(g.targets, key=lambda t: target_sort_key(t.id))
        rows = ["| Subdoel | Omschrijving |", "|---|---|"]
        rows += [f"| `{t.id}` | {esc(t.text)} |" for t in targets]
        blocks.append(
            f'<details class="pk-details" markdown>\n<summary>SDG {n} {esc(g.name)}: '
            f"{plural(len(targets), 'subdoel', 'subdoelen')}</summary>\n\n"
            + "\n".join(rows)
            + "\n\n</details>\n"
        )
    return "\n".join(
        [
            _heading("subdoelen", len(site.vocab.targets)),
            'Schrijf een subdoel als tekst tussen aanhalingstekens: `subdoelen: ["12.7", '
            '"17.a"]`. Zonder aanhalingstekens leest YAML `17.10` als het getal 17.1.\n',
            *blocks,
        ]
    )


def _countries(site: Site) -> str:
    countries = site.vocab.countries
    used = Counter(code for p in site.practices for code in p.partnerlanden)
    lines = [
        _heading("landen", len(countries)),
        "Elke code van twee letters uit ISO 3166-1 is toegelaten; de site toont de Nederlandse "
        "naam. Kleine letters mogen (`bj` wordt `BJ`).\n",
    ]
    if used:
        rows = ["| Code | Land | Praktijken |", "|---|---|---|"]
        rows += [
            f"| `{code}` | {esc(countries[code])} | {count} |"
            for code, count in sorted(used.items())
        ]
        lines += ["Nu in gebruik:\n", "\n".join(rows) + "\n"]
    else:
        lines.append("Nog geen enkele praktijk noemt een partnerland.\n")
    everything = " · ".join(f"`{code}` {esc(name)}" for code, name in countries.items())
    lines.append(
        '<details class="pk-details" markdown>\n<summary>Alle '
        f"{len(countries)} landcodes</summary>\n\n{everything}\n\n</details>\n"
    )
    return "\n".join(lines)


def _municipalities(site: Site) -> str:
    vocab = site.vocab
    with_pages = {t.key for t in site.municipalities.used()}
    lines = [
        _heading("gemeenten", len(vocab.municipalities)),
        "De 285 Vlaamse gemeenten op 1 januari 2025 (bron: Statbel, REFNIS), per provincie. "
        "Gemeenten met een link hebben al praktijken in de databank.\n",
    ]
    for province in provinces().values():
        names = [m for m in vocab.municipalities.values() if m.province.slug == province.slug]
        shown = " · ".join(
            f"[{esc(m.name)}]({rel(SRC, paths.municipality(m))})"
            if m.name in with_pages
            else esc(m.name)
            for m in names
        )
        lines.append(
            f"#### {esc(province.name)} ({len(names)}) {{ #gemeenten-{province.slug} }}"
            f"\n\n{shown}\n"
        )
    merged = sorted(vocab.merged.items())
    if merged:
        rows = ["| Vroegere gemeente | Nu deel van |", "|---|---|"]
        rows += [f"| {esc(old)} | {esc(new)} |" for old, new in merged]
        lines.append(
            '<details class="pk-details" markdown>\n<summary>Namen die sinds de fusies '
            f"van 2025 niet meer bestaan ({len(merged)})</summary>\n\n"
            + "\n".join(rows)
            + "\n\n</details>\n"
        )
    return "\n".join(lines)
