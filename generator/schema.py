"""The practice format: the single source of truth for every front-matter field.

The validator, the JSON Schema (`python -m generator schema`), the field reference in the docs
and the web form are all derived from `FIELDS`. Allowed values come from `vocab.Vocab`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "int", "bool", "date", "list", "object"]

# Formats a text value can have beyond its length.
#   plain: no HTML and no Markdown links; url: http(s) address; email: e-mail address;
#   image: a path to an image file.
Format = Literal["plain", "url", "email", "image"]

MIN_YEAR = 2000
YEAR_AHEAD = 2  # `jaar` may lie this many years in the future (planned practices)

BODY_SECTIONS = ["Aanleiding", "Aanpak", "Resultaten", "Meerwaarde", "Tips voor andere besturen"]
# One-line hints of what to write under each heading, for `generator new` and the web form.
SECTION_HINTS: dict[str, str] = {
    "Aanleiding": "Waarom begon het bestuur hiermee? Welk probleem, welke vraag of kans lag er?",
    "Aanpak": "Hoe werd het aangepakt: wie deed wat, met welke partners, hoeveel tijd en geld?",
    "Resultaten": "Wat leverde het op? Cijfers, reacties, en ook wat minder goed liep.",
    "Meerwaarde": "Wat maakt dit bijzonder, of wat bracht het op voor de SDG's?",
    "Tips voor andere besturen": "Wat raad je een ander bestuur aan dat hetzelfde wil doen?",
}
# How new files are written, by `generator new` and the web form alike.
FLOW_LISTS = frozenset({"sdgs", "subdoelen", "partnerlanden", "trefwoorden"})  # as [a, b]
MAX_ID = 80  # characters of an id made from the title; cut at a hyphen
FALLBACK_ID = "nieuwe-praktijk"
REQUIRED_SECTIONS = {"Aanpak"}  # missing: error; other missing core sections: warning
EXPECTED_SECTIONS = {"Aanleiding", "Resultaten"}


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    help: str
    kind: Kind
    required: bool = False
    min: int | None = None  # text: characters; int: value; list: items
    max: int | None = None
    item: Field | None = None  # the items of a list
    fields: tuple[Field, ...] = ()  # the keys of an object
    vocab: str | None = None  # the name of a vocabulary, see `vocab.Vocab.terms`
    unique: bool = False
    format: Format | None = None
    example: Any = None

    def limits(self) -> str:
        """'5–120 tekens', 'minstens 1', … for messages and the reference."""
        unit = {"text": " tekens", "list": "", "int": ""}.get(self.kind, "")
        if self.min is not None and self.max is not None:
            return f"{self.min}–{self.max}{unit}"
        if self.min is not None:
            return f"minstens {self.min}{unit}"
        if self.max is not None:
            return f"hoogstens {self.max}{unit}"
        return ""


def _text(**kw: Any) -> Field:
    return Field(kind="text", key="", label="", help="", **kw)


FIELDS: tuple[Field, ...] = (
    Field(
        "titel",
        "Titel",
        "De titel van de praktijk: kort en concreet.",
        "text",
        required=True,
        min=5,
        max=120,
        format="plain",
        example="Fair-O-Meter meet de fairtrade-aankopen van het bestuur",
    ),
    Field(
        "gemeenten",
        "Gemeenten",
        "De gemeente(n) die de praktijk uitvoeren, met hun "
        "officiële naam sinds 2025. Meerdere gemeenten bij een intergemeentelijke praktijk.",
        "list",
        required=True,
        min=1,
        item=_text(vocab="gemeenten"),
        unique=True,
        example=["Merelbeke-Melle"],
    ),
    Field(
        "sdgs",
        "SDG's",
        "De hoofddoelen (1–17) waaraan de praktijk bijdraagt: kies er "
        "hoogstens vijf, de belangrijkste.",
        "list",
        required=True,
        min=1,
        max=5,
        item=Field("", "", "", "int", min=1, max=17, vocab="sdgs"),
        unique=True,
        example=[12, 17],
    ),
    Field(
        "subdoelen",
        "Subdoelen",
        "Subdoelen (targets) van de SDG's, als tekst tussen "
        'aanhalingstekens, zoals "11.6" of "17.a".',
        "list",
        item=_text(vocab="subdoelen"),
        unique=True,
        example=["12.7"],
    ),
    Field(
        "beleidsdomeinen",
        "Beleidsdomeinen",
        "De beleidsdomeinen waarin de praktijk valt.",
        "list",
        required=True,
        min=1,
        item=_text(vocab="beleidsdomeinen"),
        unique=True,
        example=["duurzaam-aankoopbeleid", "lokale-economie"],
    ),
    Field(
        "lmb-categorie",
        "LMB-categorie",
        "De categorie lokaal mondiaal beleid, als de praktijk daaronder valt.",
        "text",
        vocab="lmb-categorieen",
        example="fair-trade",
    ),
    Field(
        "principes",
        "Principes",
        "De principes van Agenda 2030 die de praktijk toepast.",
        "list",
        item=_text(vocab="principes"),
        unique=True,
        example=["multi-stakeholder"],
    ),
    Field(
        "status",
        "Status",
        "Hoe ver de praktijk staat.",
        "text",
        required=True,
        vocab="status",
        example="lopend",
    ),
    Field(
        "jaar",
        "Startjaar",
        f"Het jaar waarin de praktijk start of startte ({MIN_YEAR} tot "
        f"{YEAR_AHEAD} jaar na dit jaar).",
        "int",
        required=True,
        min=MIN_YEAR,
        example=2023,
    ),
    Field(
        "samenvatting",
        "Samenvatting",
        "Eén of twee zinnen die zeggen wat de praktijk is en "
        "wat ze oplevert. Gewone tekst, zonder links.",
        "text",
        required=True,
        min=40,
        max=400,
        format="plain",
        example="Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen "
        "fairtrade en lokaal is.",
    ),
    Field(
        "partnerlanden",
        "Partnerlanden",
        "Landen van partners in het Zuiden, als ISO-code "
        "van twee letters (BJ, SN, ZA, RW, EC, NI …).",
        "list",
        item=_text(vocab="landen"),
        unique=True,
        example=["BJ"],
    ),
    Field(
        "partners",
        "Partners",
        "Organisaties waarmee de gemeente samenwerkt.",
        "list",
        item=_text(min=2, max=150, format="plain"),
        unique=True,
        example=["Oxfam-Wereldwinkel"],
    ),
    Field(
        "contact",
        "Contact",
        "Wie meer weet: een dienst (liefst) of een naam, met "
        "e-mailadres of website. Geen persoonsgegevens zonder toestemming.",
        "object",
        fields=(
            Field(
                "naam",
                "Naam",
                "Naam van een contactpersoon (met toestemming).",
                "text",
                min=2,
                max=120,
                format="plain",
            ),
            Field(
                "dienst",
                "Dienst",
                "De dienst of afdeling.",
                "text",
                min=2,
                max=120,
                format="plain",
                example="Dienst Duurzaamheid",
            ),
            Field(
                "email",
                "E-mail",
                "Een e-mailadres.",
                "text",
                format="email",
                example="duurzaamheid@gemeente.example.org",
            ),
            Field("url", "Website", "Een webpagina (http of https).", "text", format="url"),
        ),
    ),
    Field(
        "links",
        "Links",
        "Meer lezen: webpagina's met een titel.",
        "list",
        item=Field(
            "",
            "",
            "",
            "object",
            fields=(
                Field(
                    "titel",
                    "Titel",
                    "Waar de link naartoe gaat.",
                    "text",
                    required=True,
                    min=2,
                    max=150,
                    format="plain",
                ),
                Field(
                    "url",
                    "Adres",
                    "Het webadres (http of https).",
                    "text",
                    required=True,
                    format="url",
                ),
            ),
        ),
        example=[{"titel": "Projectpagina", "url": "https://example.org/project"}],
    ),
    Field(
        "afbeelding",
        "Afbeelding",
        "Eén afbeelding (jpg, png, webp of svg) in practices/_afbeeldingen/, met een "
        "beschrijving voor wie ze niet ziet.",
        "object",
        fields=(
            Field(
                "pad",
                "Bestand",
                "Het pad van de afbeelding, bv. _afbeeldingen/markt.jpg.",
                "text",
                required=True,
                format="image",
            ),
            Field(
                "alt",
                "Alternatieve tekst",
                "Wat er op de afbeelding te zien is.",
                "text",
                required=True,
                min=5,
                max=200,
                format="plain",
            ),
        ),
    ),
    Field(
        "trefwoorden",
        "Trefwoorden",
        "Vrije trefwoorden om op te zoeken.",
        "list",
        item=_text(min=2, max=60, format="plain"),
        unique=True,
        example=["fairtrade"],
    ),
    Field(
        "bron",
        "Bron",
        "Waar de praktijk vandaan komt.",
        "text",
        min=2,
        max=150,
        format="plain",
        example="VVSG-bevraging 2025",
    ),
    Field(
        "bijgewerkt",
        "Bijgewerkt",
        "Datum van de laatste inhoudelijke update (JJJJ-MM-DD).",
        "date",
        example="2025-10-14",
    ),
    Field(
        "voorbeeld",
        "Illustratief voorbeeld",
        "true voor illustratieve voorbeeldinhoud, die de site als zodanig aankondigt.",
        "bool",
        example=False,
    ),
)

BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}


def max_year(today: dt.date | None = None) -> int:
    return (today or dt.date.today()).year + YEAR_AHEAD
