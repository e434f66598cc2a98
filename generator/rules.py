"""Rules shared by `check` and the web form: patterns and the Dutch messages as templates.

`generator.validate` matches these patterns and fills these templates (as `generator.images`
and `generator.project` do for an image path and a duplicate id); the web form
(`generator.render.form`) hands the same patterns and templates to its script. Each message
exists here only, so the form can never say something else than `check`. The patterns use no
syntax that JavaScript reads differently (no named groups, no lookbehind, no inline flags).
"""

from __future__ import annotations

import re
from typing import Any

from .schema import Field

# --- fields ----------------------------------------------------------------------------------

EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
URL = re.compile(r"^https?://[^\s/?#<>\"']+\.[^\s/?#<>\"']+[^\s<>\"]*$", re.IGNORECASE)
# HTML in a one-line text field: a tag, or the start of one.
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|<\s*[A-Za-z]+[\s/]")
# A link in the summary, which is plain text.
MD_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|https?://", re.IGNORECASE)
# The start of a script link in a URL field (after `BLANKS` are removed: browsers drop them).
SCRIPT_URL = re.compile(r"(?:javascript|vbscript|livescript):", re.IGNORECASE)
BLANKS = re.compile(r"[\x00-\x20\x7f]+")  # what browsers drop inside a URL scheme
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")

# --- a practice's text (the body) ------------------------------------------------------------

# Bidi embeddings, overrides and isolates: they reorder the text around them.
_BIDI = r"\u202a-\u202e\u2066-\u2069"
# A control character in the body: C0 except tab and line breaks, DEL, C1, bidi controls.
BODY_CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# attr_list's syntax: `{: #id .class key=value }`, `{ #id }`, `{.class}`, `{ key="value" }`.
# The renderer has no attr_list, so such braces show up as text: `check` warns.
ATTR_BRACES = re.compile(r"\{:?\s*[#.][^}\n]*\}|\{:[^}\n]*\}|\{[^}\n]*=[^}\n]*\}")
# Characters a message shows escaped (`\x1b`, `\u202e`), as `textsafe.shown` does.
ESCAPED = re.compile(rf"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029{_BIDI}]")

# --- messages --------------------------------------------------------------------------------

# `{name}` placeholders are filled with str.format by `check` and by the form's script.
MESSAGES: dict[str, str] = {
    "required": "verplicht veld ontbreekt of is leeg. {expect}",
    "length": "is {n} tekens lang; verwacht {limits}.",
    "html": "HTML is hier niet toegestaan; schrijf gewone tekst (geen tekens als <b> of <script>).",
    "links": "de samenvatting is gewone tekst zonder links; zet links onder 'links:' of in de "
    "tekst van de praktijk.",
    "scriptUrl": "'{short}' is een script- of data-link; die zijn niet toegestaan. Gebruik een "
    "webadres dat begint met https://.",
    "url": "'{value}' is geen geldig webadres; verwacht een adres dat begint met https:// (of "
    "http://), bijvoorbeeld https://www.vvsg.be.",
    "email": "'{value}' is geen geldig e-mailadres (verwacht bijvoorbeeld dienst@gemeente.be).",
    "notInt": "verwacht een geheel getal, maar kreeg de tekst '{value}'.",
    "range": "{n} ligt buiten het bereik; verwacht {min}–{max}.",
    "future": "{value} ligt in de toekomst; vul de datum van de laatste update in.",
    "duplicate": "'{value}' staat twee keer in de lijst.",
    "tooMany": "de lijst heeft {n} items; hoogstens {max} toegelaten.{reason}",
    "tooManyGoals": " Kies de belangrijkste hoofddoelen.",
    "merged": "{value} bestaat sinds 2025 niet meer als gemeente; bedoel je '{new}'?",
    "municipality": "'{value}' is geen Vlaamse gemeente.{hint}",
    "municipalityHint": " Bedoel je '{close}'?",
    "municipalityNoHint": " Gebruik de officiële naam sinds 2025.",
    "country": "'{value}' is geen landcode; verwacht een ISO-code van twee letters, zoals BJ "
    "(Benin) of ZA (Zuid-Afrika).{hint}",
    "countryHint": " Bedoel je '{code}' ({name})?",
    "contact": "vul minstens 'dienst' of 'naam' in.",
    "missingPart": "ontbreekt. {help}",
    "targetGoal": "subdoel {target} hoort bij SDG {goal}, die niet in 'sdgs' staat. Voeg SDG "
    "{goal} toe of schrap het subdoel.",
    "imagePath": "'{value}' moet een bestand in practices/_afbeeldingen/ zijn, bv. "
    "_afbeeldingen/markt.jpg (geen webadres, geen '..').",
    "imageType": "'{value}' is geen afbeelding; verwacht een bestand .jpg, .png, .webp of .svg.",
    "id": "de bestandsnaam '{name}' is geen geldige id: gebruik kleine letters a-z, cijfers en "
    "enkele koppeltekens, zonder spaties of accenten, bijvoorbeeld '{hint}.md'.",
    "idTaken": "de id '{id}' (de bestandsnaam) wordt ook gebruikt door {others}; elke praktijk "
    "heeft een unieke bestandsnaam.",
    "sectionRequired": "de verplichte sectie {section} ontbreekt (hoe werd het aangepakt?).",
    "sectionMissing": "de sectie {section} ontbreekt.",
    "heading1": "kop van niveau 1 ('# {title}'): de titel komt uit 'titel'; gebruik '## ' voor "
    "secties.",
}


# How the section messages name a section ({section} above), per audience: `check` speaks to
# people who edit the file and see its Markdown heading; the web form, where each section is a
# field with its own label, names the section as that label ("de sectie Aanleiding ontbreekt").
SECTION_NAME: dict[str, str] = {"check": "'## {name}'", "form": "{name}"}


def section(name: str, audience: str = "check") -> str:
    """A body section as the section messages name it for `audience` ('check' or 'form')."""
    return SECTION_NAME[audience].format(name=name)


def message(key: str, **values: object) -> str:
    """The message `key` with its placeholders filled in (only called when there is a problem)."""
    return MESSAGES[key].format(**values)


def expectation(spec: Field) -> str:
    """'Verwacht …' for a field, used when it is missing or has the wrong type."""
    limits = spec.limits()
    if spec.kind == "list":
        what = "een lijst" + (f" van {limits}" if limits and (spec.min != 1 or spec.max) else "")
    else:
        what = {
            "text": "tekst",
            "int": "een geheel getal",
            "bool": "true of false",
            "date": "een datum JJJJ-MM-DD",
            "object": "velden eronder",
        }[spec.kind]
        what += f" ({limits})" if limits and spec.kind == "text" else ""
    example = (
        f" Bijvoorbeeld: {spec.key}: {yaml_inline(spec.example)}"
        if spec.example is not None
        else ""
    )
    return f"Verwacht {what}.{example}"


def yaml_inline(value: Any) -> str:
    """A value as one line of YAML flow style, for the examples in messages."""
    if isinstance(value, list):
        return "[" + ", ".join(yaml_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
