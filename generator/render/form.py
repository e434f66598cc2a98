"""The web form to propose a new practice (bijdragen/nieuwe-praktijk/).

The page is a thin shell; docs/javascripts/formulier.js builds the form in the browser from
`window.PK_FORM`, which this module generates from `schema.FIELDS`, the vocabularies and the
validator's own patterns. The script holds no rule and no list of its own: field labels, help
texts, limits, allowed values, the body headings, the Dutch messages and the repository to hand
over to all come from here, so a new policy domain in practices/_lijsten/ shows up in the form
with the next build and no code change.

The messages are the validator's own templates (`rules.MESSAGES` for the fields,
`bodycheck.MESSAGES` for the text; `{n}`, `{value}` … are filled in by the script), and the text
is checked against the sanitiser's allowlist (`allowlist.as_data()`), so the form says what
`check` says; tests/test_form_data.py and tests/browser/test_form.py compare the two.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

import markdown
import yaml

from .. import allowlist, bodycheck, images, rules, schema
from ..layout import PRACTICES
from ..load import IMAGE_SUFFIXES
from ..model import Practice
from ..schema import FALLBACK_ID, FLOW_LISTS, MAX_ID, SECTION_HINTS, Field
from ..taxonomy import Site
from ..vocab import SLUG
from .page import Asset, Page, SiteOptions
from .text import front_matter

FORM_PAGE = "bijdragen/nieuwe-praktijk.md"
DATA_SCRIPT = "bijdragen/formulier-data.js"
# One small script per practice, loaded by the form opened with ?wijzig=<id> ("Wijzig deze
# praktijk" on every practice page, render/freshness.py): the practice's fields as the form
# holds them, its text per section, and its file as it is now (for the diff). A script and
# not JSON: the form works from file:// too (offline bundles), where fetch() is refused.
EDIT_FOLDER = "bijdragen/praktijken"
EDIT_PARAMETER = "wijzig"
# The diff of old and new file compares lines by their longest common subsequence, which takes
# (lines changed) × (lines changed) steps: above this the form says the change is too large.
DIFF_LIMIT = 1_000_000

# "Verstuur naar de redactie": a mailto: link with the file in its body. Mail programs and
# browsers cut or refuse long mailto: links (Outlook on Windows near 2,000 characters), so a
# longer link is not offered: the form downloads the file and asks to attach it instead.
MAIL_URL_LIMIT = 1800

# Images added in the form: what `check` accepts (generator/images.py) is checked in the
# browser first. A photo larger than MAX_SIDE pixels or than the limit is scaled down in the
# browser (canvas → JPEG at JPEG_QUALITY); an SVG is never scaled. A file larger than
# MAX_INPUT_BYTES is not even read (decoding it could stall a phone).
MAX_SIDE = 1600
JPEG_QUALITY = 0.85
MAX_INPUT_BYTES = 40 * 1024 * 1024
# The first bytes of each raster kind, as images._magic_matches reads them: [offset, hex].
IMAGE_MAGIC: dict[str, list[list[int | str]]] = {
    "png": [[0, "89504e470d0a1a0a"]],
    "jpeg": [[0, "ffd8ff"]],
    "webp": [[0, "52494646"], [8, "57454250"]],
}
IMAGE_EXTENSION = {"png": ".png", "jpeg": ".jpg", "webp": ".webp", "svg": ".svg"}
IMAGE_MESSAGES = {
    # Only the form says these: the browser reads the file before `check` ever sees it.
    "unreadable": "'{value}' kon niet gelezen worden als afbeelding. Sla ze opnieuw op als "
    "JPEG of PNG en probeer nog eens.",
    "inputTooLarge": "'{value}' is {kb} KB; zo'n groot bestand kan het formulier niet "
    "verkleinen (hoogstens {limit} KB). Verklein de foto eerst.",
    "scaled": "Verkleind van {from} tot {to} pixels en bewaard als JPEG ({kb} KB).",
    "kept": "{kind}, {kb} KB: zo goed als het is, niet verkleind.",
}

NOT_IN_FORM = {"voorbeeld"}  # marks the illustrative starter collection; new practices are real

# How the form is divided into numbered steps. Every field of schema.FIELDS except NOT_IN_FORM
# appears in exactly one step (a test checks it); "tekst" stands for the body sections.
STEPS: list[tuple[str, str, list[str]]] = [
    (
        "De praktijk",
        "Waarover gaat het, en hoe ver staat het?",
        ["titel", "samenvatting", "status", "jaar"],
    ),
    (
        "Wie doet mee",
        "De gemeente of gemeenten, en wie meewerkt.",
        ["gemeenten", "partners", "partnerlanden"],
    ),
    (
        "SDG's en beleid",
        "Waar de praktijk aan bijdraagt, en in welk beleid ze valt.",
        ["sdgs", "subdoelen", "beleidsdomeinen", "lmb-categorie", "principes"],
    ),
    (
        "Het verhaal",
        "De tekst van de praktijk. Schrijf voor collega's van een ander bestuur.",
        ["tekst"],
    ),
    (
        "Contact en meer",
        "Wie meer weet, waar je meer leest, en om het terug te vinden.",
        ["contact", "links", "trefwoorden", "bron", "afbeelding", "bijgewerkt"],
    ),
]

# How a list of free text is typed: one item per line, or separated by commas.
LIST_ENTRY = {"partners": "lines", "trefwoorden": "commas"}
FOLD_WIDTH = 100  # a top-level text longer than this line is written as a folded block (>-)

# The validator's own patterns, handed to the script as JavaScript regular expressions. The
# templates of its messages are `rules.MESSAGES` (fields) and `bodycheck.MESSAGES` (the text).
PATTERNS: dict[str, re.Pattern[str]] = {
    "email": rules.EMAIL,
    "url": rules.URL,
    "html": rules.HTML_TAG,
    "mdLink": rules.MD_LINK,
    "scriptUrl": rules.SCRIPT_URL,
    "heading": rules.HEADING,
    "fence": rules.FENCE,
    "slug": SLUG,
    "bodyControl": rules.BODY_CONTROL,
    "attrBraces": rules.ATTR_BRACES,
    "escaped": rules.ESCAPED,
}


# Python-Markdown leaves a block that starts with one of these tags as raw HTML, without
# Markdown inside: the script reads such a block as HTML only, as the renderer does.
RAW_BLOCKS: list[str] = sorted(markdown.Markdown().block_level_elements)


def _js_pattern(pattern: re.Pattern[str]) -> list[str]:
    """[source, flags]: the validator's patterns use no syntax that differs in JavaScript."""
    return [pattern.pattern, "i" if pattern.flags & re.IGNORECASE else ""]


def _field(spec: Field, today: dt.date, parent: str | None = None) -> dict[str, Any]:
    top = parent is None
    path = spec.key if top else f"{parent}.{spec.key or '[]'}"
    data: dict[str, Any] = {
        "key": spec.key,
        "label": spec.label,
        "help": spec.help,
        "kind": spec.kind,
        "required": spec.required,
        "min": spec.min,
        "max": schema.max_year(today) if path == "jaar" else spec.max,
        "unique": spec.unique,
        "format": spec.format,
        "vocab": spec.vocab,
        "limits": spec.limits(),
        "example": spec.example,
    }
    if top:  # the validator's "Verwacht …" for a missing value, and how the value is written
        data["expect"] = rules.expectation(spec)
        data["flow"] = spec.key in FLOW_LISTS
        data["fold"] = spec.kind == "text"
        data["entry"] = LIST_ENTRY.get(spec.key)
        data["noLinks"] = spec.key == "samenvatting"
    if path == "jaar":
        data["ahead"] = schema.YEAR_AHEAD  # the script takes the later of this and its own clock
    if spec.item is not None:
        data["item"] = _field(spec.item, today, path)
    if spec.fields:
        data["fields"] = [_field(sub, today, path) for sub in spec.fields]
    return {k: v for k, v in data.items() if v is not None and v is not False and v != ""}


def _vocab_names(fields: tuple[Field, ...]) -> list[str]:
    names: list[str] = []
    for spec in fields:
        for part in (spec, spec.item, *spec.fields):
            if part is not None and part.vocab and part.vocab not in names:
                names.append(part.vocab)
    return names


def linkable_ids(site: Site, folder: str = PRACTICES) -> list[str]:
    """The practices a text can link to as '<id>.md': `check` looks for that file directly in
    the practices folder (`folder`, relative to the project), so one in a subfolder does not
    count."""
    return sorted(p.id for p in site.practices if p.source_path == f"{folder}/{p.id}.md")


def form_data(site: Site, options: SiteOptions, today: dt.date | None = None) -> dict[str, Any]:
    """Everything the form needs, as plain JSON-able data."""
    today = today or dt.date.today()
    vocab = site.vocab
    shown = [f for f in schema.FIELDS if f.key not in NOT_IN_FORM]
    terms = {
        name: [[t.slug, t.label, t.description] for t in vocab.terms(name).values()]
        for name in _vocab_names(schema.FIELDS)
    }
    return {
        "fields": [_field(f, today) for f in shown],
        "omitted": sorted(NOT_IN_FORM),
        "steps": [{"title": t, "intro": i, "keys": keys} for t, i, keys in STEPS],
        "vocab": terms,
        "sdgColours": {str(n): [g.colour, g.text_colour] for n, g in vocab.goals.items()},
        "sdgNames": {str(n): g.name for n, g in vocab.goals.items()},
        "merged": dict(sorted(vocab.merged.items())),
        "body": {
            "sections": schema.BODY_SECTIONS,
            "required": sorted(schema.REQUIRED_SECTIONS),
            "expected": sorted(schema.EXPECTED_SECTIONS),
            "hints": {name: SECTION_HINTS.get(name, "") for name in schema.BODY_SECTIONS},
            "practices": linkable_ids(site, options.practices_folder),
            "rawBlocks": RAW_BLOCKS,
        },
        "id": {
            "max": MAX_ID,
            "fallback": FALLBACK_ID,
            "folder": options.practices_folder,
            "taken": {
                p.id: p.source_path or f"{options.practices_folder}/{p.id}.md"
                for p in site.practices
            },
        },
        "imageSuffixes": sorted(IMAGE_SUFFIXES),
        "patterns": {name: _js_pattern(p) for name, p in PATTERNS.items()},
        "messages": rules.MESSAGES,
        "bodyMessages": bodycheck.MESSAGES,
        "sectionName": rules.SECTION_NAME["form"],  # how its section messages name a section
        "allowlist": allowlist.as_data(),
        "yaml": {"foldWidth": FOLD_WIDTH, "flow": sorted(FLOW_LISTS)},
        "repo": {"url": (options.repo_url or "").rstrip("/") or None, "branch": options.branch},
        "today": today.isoformat(),
        "editors": {"email": editors_email(options), "mailLimit": MAIL_URL_LIMIT},
        "edit": {"parameter": EDIT_PARAMETER, "diffLimit": DIFF_LIMIT},
        "image": image_rules(),
    }


def editors_email(options: SiteOptions) -> str | None:
    """The editors' address (mkdocs.yml `extra.redactie.email`), which the plugin passes in
    `SiteOptions.editors_email`; None hides the form's mail route."""
    email = getattr(options, "editors_email", None)
    return email if isinstance(email, str) and rules.EMAIL.fullmatch(email.strip()) else None


def _too_large_template(limit: int) -> str:
    """images' own "too large" message, with {pad} and {kb} for the script to fill."""
    kb = 987654321
    return images._too_large(kb * 1024, limit, "{pad}").replace(str(kb), "{kb}")


def image_rules() -> dict[str, Any]:
    """What the form checks in an image before `check` does, from generator/images.py."""
    return {
        "maxRaster": images.MAX_RASTER_BYTES,
        "maxSvg": images.MAX_SVG_BYTES,
        "maxInput": MAX_INPUT_BYTES,
        "maxSide": MAX_SIDE,
        "quality": JPEG_QUALITY,
        "folder": images.FOLDER,
        "magic": IMAGE_MAGIC,
        "labels": images.KIND_LABEL,
        "extension": IMAGE_EXTENSION,
        "messages": {
            **IMAGE_MESSAGES,
            "tooLargeRaster": _too_large_template(images.MAX_RASTER_BYTES),
            "tooLargeSvg": _too_large_template(images.MAX_SVG_BYTES),
            "wrongType": rules.MESSAGES["imageType"],
        },
    }


# --- editing an existing practice ---------------------------------------------------------


def split_sections(body: str) -> dict[str, str]:
    """The practice's text per form section. A `## ` heading with a section's name starts that
    section (outside fenced code); any other heading stays in the text of the section it is
    in. Text before the first section heading goes to the start of the first section, and a
    text without any goes to the required section, so nothing is lost."""
    known = set(schema.BODY_SECTIONS)
    parts: dict[str, list[str]] = {}
    lead: list[str] = []
    current: list[str] = lead
    fenced = False
    for line in body.replace("\r\n", "\n").split("\n"):
        if rules.FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else re.fullmatch(r"##[ \t]+(.+?)[ \t#]*", line)
        if heading and heading.group(1) in known:
            current = parts.setdefault(heading.group(1), [])
            if current:
                current.append("")
            continue
        current.append(line)
    texts = {name: "\n".join(lines).strip("\n") for name, lines in parts.items()}
    if any(line.strip() for line in lead):
        first = next(iter(parts), None) or sorted(schema.REQUIRED_SECTIONS)[0]
        rest = texts.get(first, "")
        texts[first] = "\n".join(lead).strip("\n") + ("\n\n" + rest if rest else "")
    return {name: texts[name] for name in schema.BODY_SECTIONS if texts.get(name, "").strip()}


def _form_value(spec: Field, value: Any) -> Any:
    """A front-matter value as the form's state holds it (see initialState in the script)."""
    if spec.kind == "list":
        item = spec.item
        assert item is not None
        if item.vocab == "gemeenten":
            return [m.name for m in value]
        if item.kind == "object":
            return [{k: v for k, v in vars(x).items() if isinstance(v, str)} for x in value]
        if not item.vocab:  # typed: one per line, or separated by commas
            return (", " if LIST_ENTRY.get(spec.key) == "commas" else "\n").join(value)
        return list(value)
    if spec.kind == "object":
        return {k: v for k, v in vars(value).items() if isinstance(v, str)} if value else {}
    if value is None:
        return ""
    return str(value)


def edit_data(p: Practice, options: SiteOptions) -> dict[str, Any]:
    """What the form needs to edit practice `p`: its fields, its text per section, the lines
    of the fields the form does not show (kept as they are), and the file as it is now."""
    values = {}
    for spec in schema.FIELDS:
        if spec.key in NOT_IN_FORM or spec.kind == "date":  # `bijgewerkt` becomes today
            continue
        values[spec.key] = _form_value(spec, getattr(p, spec.key.replace("-", "_")))
    keep = [
        yaml.safe_dump({key: getattr(p, key)}, allow_unicode=True, width=1000).strip()
        for key in sorted(NOT_IN_FORM)
        if getattr(p, key)
    ]
    path = p.source_path or f"{options.practices_folder}/{p.id}.md"
    return {
        "id": p.id,
        "path": path,
        "values": values,
        "body": split_sections(p.body),
        "keep": keep,
        "source": p.path.read_text(encoding="utf-8").replace("\r\n", "\n"),
    }


def edit_script(p: Practice, options: SiteOptions) -> str:
    text = json.dumps(edit_data(p, options), ensure_ascii=False, separators=(",", ":"))
    return "window.PK_EDIT=" + text.replace("</", "<\\/") + ";\n"


def edit_assets(site: Site, options: SiteOptions) -> list[Asset]:
    return [
        Asset(f"{EDIT_FOLDER}/{p.id}.js", content=edit_script(p, options)) for p in site.practices
    ]


def form_script(site: Site, options: SiteOptions, today: dt.date | None = None) -> str:
    text = json.dumps(form_data(site, options, today), ensure_ascii=False, separators=(",", ":"))
    # "</" could end an inline script; this file is loaded with src, but stay safe anyway.
    return "window.PK_FORM=" + text.replace("</", "<\\/") + ";\n"


def fallback_template() -> str:
    """The file to start from without JavaScript: the required fields with their examples, in
    the repository's style, and the body headings with what to write under each."""
    lines = ["---"]
    for spec in schema.FIELDS:
        if not spec.required:
            continue
        value = spec.example
        if isinstance(value, list) and spec.key not in FLOW_LISTS:
            lines += [f"{spec.key}:", *(f"  - {item}" for item in value)]
        elif isinstance(value, list):
            lines.append(f"{spec.key}: [{', '.join(str(v) for v in value)}]")
        else:
            lines.append(yaml.safe_dump({spec.key: value}, allow_unicode=True, width=1000).strip())
    lines.append("---")
    for name in schema.BODY_SECTIONS:
        lines += ["", f"## {name}", "", SECTION_HINTS.get(name, "…")]
    return "\n".join(lines) + "\n"


def form_page(options: SiteOptions) -> str:
    # The page is bijdragen/nieuwe-praktijk/index.html with directory URLs and
    # bijdragen/nieuwe-praktijk.html without; the scripts are found from either.
    up = "../" if options.directory_urls else ""
    repo = (options.repo_url or "").rstrip("/")
    new_file = (
        f"[de repository op GitHub]({repo}/new/{options.branch}?filename="
        f"{options.practices_folder}/mijn-praktijk.md)"
        if repo
        else "de repository"
    )
    return (
        front_matter(
            title="Nieuwe praktijk",
            description="Een nieuwe praktijk voorstellen met "
            "een formulier: het maakt het bestand voor de databank, zonder git.",
            hide=["navigation", "toc"],
        )
        + "# Een nieuwe praktijk voorstellen\n\n"
        + '<p class="pk-lead">Vul het formulier in: het controleert alles terwijl je typt, met '
        "dezelfde regels als de databank zelf, en maakt het bestand voor de praktijk. Dat bestand "
        "stuur je naar de redactie vanuit je eigen mailprogramma (geen account nodig), je "
        "downloadt het, of je opent het meteen op GitHub. Niets wordt verstuurd voor je zelf "
        "op de knop drukt, in je mailprogramma of op GitHub.</p>\n\n"
        + '<div id="pk-form" class="pk-form-root" markdown>\n\n'
        + '<div class="pk-form__fallback" markdown>\n\n'
        + '!!! info "Dit formulier heeft JavaScript nodig"\n\n'
        + "    Zonder JavaScript kan je het bestand ook zelf maken: kopieer het sjabloon "
        "hieronder, vul het aan en zet het als `practices/<gemeente>-<titel>.md` (bv. "
        "`gent-fair-o-meter.md`) in " + new_file + ". Wat "
        "elk veld betekent, staat bij [Velden en lijsten](velden.md).\n\n"
        + '<pre class="pk-form__template"><code>'
        + html.escape(fallback_template())
        + "</code></pre>\n\n"
        + "</div>\n\n</div>\n\n"
        + f'<script src="{up}formulier-data.js"></script>\n'
        + f'<script src="{up}../javascripts/formulier.js"></script>\n'
    )


def form_pages(
    site: Site, options: SiteOptions, today: dt.date | None = None
) -> tuple[list[Page], list[Asset]]:
    page = Page(FORM_PAGE, form_page(options), listed=True)
    assets = [Asset(DATA_SCRIPT, content=form_script(site, options, today))]
    return [page], assets + edit_assets(site, options)
