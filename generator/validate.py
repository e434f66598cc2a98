"""Validation: a `Source` (parsed file) becomes a `Practice`, or problems with file and line.

The rules come from `schema.FIELDS` (types, lengths, vocabularies, formats); the few rules that
span fields or the body are spelled out below. Every message is Dutch, names the field, says
what was expected and suggests the closest valid value where there is one.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import schema
from .load import IMAGE_SUFFIXES, Source, file_id
from .model import ERROR, WARNING, Contact, Image, Link, Practice, Problem
from .reference import slugify, target_sort_key
from .schema import Field
from .vocab import SLUG, Vocab, suggest
from .yamlread import YamlFloat

INVALID = object()  # a value that failed its rule; the problem is already reported

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[^\s/?#<>\"']+\.[^\s/?#<>\"']+[^\s<>\"]*$", re.IGNORECASE)
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|<\s*[A-Za-z]+[\s/]")
_MD_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|https?://", re.IGNORECASE)
_DANGEROUS_TAG = re.compile(
    r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form|svg|math"
    r"|template|noscript)\b",
    re.IGNORECASE,
)
_EVENT_ATTR = re.compile(r"<[A-Za-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"(?:javascript|vbscript|livescript):", re.IGNORECASE)
_DATA_URL = re.compile(r"(?:\]\(|\]:|=|=[\"']|<|\(<)(data):", re.IGNORECASE)
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")  # what browsers drop inside a URL scheme
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x20\x7f]")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass
class _Context:
    source: Source
    vocab: Vocab
    practices_dir: Path
    today: dt.date
    problems: list[Problem] = field(default_factory=list)

    def report(self, severity: str, path: tuple, label: str | None, message: str) -> None:
        line = self.source.line(*path)
        self.problems.append(Problem(self.source.display, line, severity, label, message))  # type: ignore[arg-type]

    def error(self, path: tuple, label: str | None, message: str) -> None:
        self.report(ERROR, path, label, message)

    def warn(self, path: tuple, label: str | None, message: str) -> None:
        self.report(WARNING, path, label, message)


def validate(
    source: Source,
    vocab: Vocab,
    practices_dir: Path,
    today: dt.date | None = None,
    build: bool = True,
) -> tuple[Practice | None, list[Problem]]:
    """Validate one parsed file. The practice is None when any error was found, or when
    `build` is False (only the problems are wanted)."""
    ctx = _Context(source, vocab, practices_dir, today or dt.date.today())
    ctx.problems.extend(source.problems)
    practice_id = _check_id(ctx)
    values = _check_fields(ctx)
    _check_cross_field(ctx, values)
    _check_body(ctx)
    if not build or any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    return _build(source, practice_id, values), ctx.problems


# --- id ------------------------------------------------------------------------------------


def _check_id(ctx: _Context) -> str:
    stem = file_id(ctx.source.file)
    if not SLUG.match(stem):
        hint = slugify(stem) or "mijn-praktijk"
        ctx.error(
            (),
            None,
            f"de bestandsnaam '{ctx.source.path.name}' is geen geldige id: "
            "gebruik kleine letters a-z, cijfers en enkele koppeltekens, zonder "
            f"spaties of accenten, bijvoorbeeld '{hint}.md'.",
        )
    return stem


# --- fields --------------------------------------------------------------------------------


def _check_fields(ctx: _Context) -> dict[str, Any]:
    data = ctx.source.data
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = schema.BY_KEY.get(key)
        if spec is None:
            _unknown_key(ctx, (key,), key, list(schema.BY_KEY), None)
        elif value is not None:
            values[key] = _check_value(ctx, spec, value, (key,), key)
    for spec in _REQUIRED:
        if data.get(spec.key) is None:
            ctx.error(
                (spec.key,),
                spec.key,
                f"verplicht veld ontbreekt of is leeg. {_expectation(spec)}",
            )
    return values


_REQUIRED = [spec for spec in schema.FIELDS if spec.required]


def _unknown_key(
    ctx: _Context, path: tuple, key: str, allowed: list[str], parent: str | None
) -> None:
    close = suggest(key, allowed)
    hint = f" Bedoel je '{close}'?" if close else f" Toegelaten velden: {', '.join(allowed)}."
    where = f"onbekend veld '{key}'" + (f" in '{parent}'" if parent else "")
    ctx.error(path, parent, f"{where}.{hint}")


def _expectation(spec: Field) -> str:
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
        f" Bijvoorbeeld: {spec.key}: {_yaml_inline(spec.example)}"
        if spec.example is not None
        else ""
    )
    return f"Verwacht {what}.{example}"


def _yaml_inline(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{'true' if value else 'false'}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "velden (een mapping)"
    if isinstance(value, YamlFloat):
        return f"het getal {value.raw}"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, dt.date):
        return f"de datum {value.isoformat()}"
    return f"de tekst '{value}'"


def _check_value(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    # A short text or a number that passed its field's check once passes it again, with the
    # same result: municipality names, domains and keywords recur across thousands of files.
    # Only texts and numbers: their checks depend on the value and the lists alone (`jaar`
    # also on today's date).
    kind, cls = spec.kind, value.__class__
    if (
        kind == "text"
        and cls is str
        and len(value) < 200
        or kind == "int"
        and cls is int
        and spec.key != "jaar"
    ):
        key = (id(spec), cls, value)
        result = ctx.vocab.passed.get(key, INVALID)
        if result is INVALID:
            problems = len(ctx.problems)
            result = _CHECKERS[kind](ctx, spec, value, path, label)
            if result is not INVALID and len(ctx.problems) == problems:
                ctx.vocab.passed[key] = result
        return result
    return _CHECKERS[kind](ctx, spec, value, path, label)


def _check_text(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    if value.__class__ is str:
        text = value
    elif isinstance(value, bool | list | dict):
        ctx.error(path, label, f"verwacht tekst, maar kreeg {_type_name(value)}.")
        return INVALID
    else:
        text = value.raw if isinstance(value, YamlFloat) else value
        text = text.isoformat() if isinstance(text, dt.date) else str(text)
    text = " ".join(text.split()) if spec.format != "url" else text.strip()
    if not text:
        ctx.error(path, label, "is leeg." + (f" {_expectation(spec)}" if spec.key else ""))
        return INVALID
    if (
        spec.min is not None
        and len(text) < spec.min
        or spec.max is not None
        and len(text) > spec.max
    ):
        ctx.error(path, label, f"is {len(text)} tekens lang; verwacht {spec.limits()}.")
        return INVALID
    if spec.format is not None and not _check_format(ctx, spec, text, path, label):
        return INVALID
    if spec.vocab:
        return _check_term(ctx, spec.vocab, text, path, label)
    return text


def _check_format(ctx: _Context, spec: Field, text: str, path: tuple, label: str) -> bool:
    if spec.format == "plain":
        if "<" in text and _HTML_TAG.search(text):
            ctx.error(
                path,
                label,
                "HTML is hier niet toegestaan; schrijf gewone tekst (geen "
                "tekens als <b> of <script>).",
            )
            return False
        if spec.key == "samenvatting" and ("](" in text or "://" in text) and _MD_LINK.search(text):
            ctx.error(
                path,
                label,
                "de samenvatting is gewone tekst zonder links; zet links "
                "onder 'links:' of in de tekst van de praktijk.",
            )
            return False
        return True
    if spec.format == "url":
        return _check_url(ctx, text, path, label)
    if spec.format == "email":
        if not _EMAIL.match(text):
            ctx.error(
                path,
                label,
                f"'{text}' is geen geldig e-mailadres (verwacht bijvoorbeeld dienst@gemeente.be).",
            )
            return False
        return True
    return True  # "image" is checked with the whole `afbeelding` object


def _check_url(ctx: _Context, text: str, path: tuple, label: str) -> bool:
    if _URL.match(text):
        return True  # starts with http(s)://, so it cannot be a script or data link
    plain = _unobfuscate(text)
    if _SCRIPT_URL.match(plain) or plain.startswith("data:"):
        ctx.error(
            path,
            label,
            f"'{text[:40]}' is een script- of data-link; die zijn niet "
            "toegestaan. Gebruik een webadres dat begint met https://.",
        )
        return False
    ctx.error(
        path,
        label,
        f"'{text}' is geen geldig webadres; verwacht een adres dat begint "
        "met https:// (of http://), bijvoorbeeld https://www.vvsg.be.",
    )
    return False


def _unobfuscate(text: str) -> str:
    """Undo tricks that browsers undo too: entities, whitespace and control characters."""
    return _BLANKS.sub("", html.unescape(html.unescape(text))).lower()


def _as_int(text: str) -> int | None:
    """The number in `text` if it is plain ASCII digits ('2023', not '²' or 5,000 digits)."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 100 else None


def _check_int(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        number = _as_int(value)
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if number is None:
        expected = "een SDG-nummer van 1 tot 17" if spec.vocab == "sdgs" else "een geheel getal"
        ctx.error(path, label, f"verwacht {expected}, maar kreeg {_type_name(value)}.")
        return INVALID
    if spec.vocab == "sdgs":
        if number not in ctx.vocab.goals:
            ctx.error(
                path, label, f"SDG {number} bestaat niet; de SDG's zijn genummerd van 1 tot 17."
            )
            return INVALID
        return number
    high = schema.max_year(ctx.today) if spec.key == "jaar" else spec.max
    if spec.min is not None and number < spec.min or high is not None and number > high:
        ctx.error(path, label, f"{number} ligt buiten het bereik; verwacht {spec.min}–{high}.")
        return INVALID
    return number


def _check_bool(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    if isinstance(value, bool):
        return value
    ctx.error(path, label, f"verwacht true of false, maar kreeg {_type_name(value)}.")
    return INVALID


def _check_date(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    day = value.date() if isinstance(value, dt.datetime) else value
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day.strip())
        except ValueError:
            day = None
    if not isinstance(day, dt.date):
        ctx.error(
            path,
            label,
            f"verwacht een datum als JJJJ-MM-DD (bv. 2025-10-14), maar kreeg {_type_name(value)}.",
        )
        return INVALID
    if day > ctx.today:
        ctx.error(
            path,
            label,
            f"{day.isoformat()} ligt in de toekomst; vul de datum van de laatste update in.",
        )
        return INVALID
    return day


def _check_list(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    item = spec.item
    assert item is not None
    if value.__class__ is not list:
        value = _as_list(ctx, spec, value, path, label)
        if value is INVALID:
            return INVALID
    passed, item_id = ctx.vocab.passed, id(item)
    checked = [
        passed.get((item_id, v.__class__, v), INVALID)  # see _check_value
        if v.__class__ is str or v.__class__ is int
        else INVALID
        for v in value
    ]
    for i, v in enumerate(checked):
        if v is INVALID:
            checked[i] = _check_value(ctx, item, value[i], path + (i,), label)
    good = [v for v in checked if v is not INVALID]
    if spec.unique and len(good) > 1 and len(set(good)) < len(good):  # items are hashable
        seen: set[Any] = set()
        for i, v in enumerate(checked):
            if v is not INVALID and _key(v) in seen:
                ctx.error(path + (i,), label, f"'{_shown(v)}' staat twee keer in de lijst.")
            elif v is not INVALID:
                seen.add(_key(v))
    if spec.max is not None and len(value) > spec.max:
        reason = (
            " Kies de belangrijkste hoofddoelen."
            if spec.vocab == "sdgs" or spec.key == "sdgs"
            else ""
        )
        ctx.error(
            path,
            label,
            f"de lijst heeft {len(value)} items; hoogstens {spec.max} toegelaten.{reason}",
        )
        return INVALID
    if spec.min is not None and len(value) < spec.min:
        ctx.error(path, label, f"de lijst is leeg; verwacht {spec.limits()} items.")
        return INVALID
    return good if len(good) == len(checked) else INVALID


def _as_list(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    """A value that is not a list as a list of one (`gemeenten: Gent`), or INVALID."""
    item = spec.item
    assert item is not None
    if isinstance(value, str) and "," in value and (item.vocab or item.kind == "int"):
        parts = [p.strip() for p in value.split(",") if p.strip()]
        ctx.error(
            path,
            label,
            f"verwacht een lijst, maar kreeg de tekst '{value}'. Schrijf de "
            f"waarden tussen [ ]: {spec.key}: [{', '.join(parts)}]",
        )
        return INVALID
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]  # a list of one, at the line of the key
    ctx.error(
        path, label, f"verwacht een lijst, maar kreeg {_type_name(value)}. {_expectation(spec)}"
    )
    return INVALID


def _key(value: Any) -> Any:
    return getattr(value, "name", value)


def _shown(value: Any) -> str:
    return str(getattr(value, "name", value))


def _check_object(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    if not isinstance(value, dict):
        ctx.error(
            path,
            label,
            f"verwacht velden eronder ({', '.join(f.key for f in spec.fields)}), "
            f"maar kreeg {_type_name(value)}.",
        )
        return INVALID
    allowed = [f.key for f in spec.fields]
    result: dict[str, Any] = {}
    ok = True
    for key in value:
        if key not in allowed:
            _unknown_key(ctx, path + (key,), key, allowed, label)
            ok = False
    for sub in spec.fields:
        if value.get(sub.key) is None:
            sub_label = f"{label}.{sub.key}"
            if sub.required:
                ctx.error(path, sub_label, f"ontbreekt. {sub.help}")
                ok = False
            continue
        sub_label = f"{label}.{sub.key}"
        checked = _check_value(ctx, sub, value[sub.key], path + (sub.key,), sub_label)
        ok = ok and checked is not INVALID
        result[sub.key] = checked
    return result if ok else INVALID


_CHECKERS = {
    "text": _check_text,
    "int": _check_int,
    "bool": _check_bool,
    "date": _check_date,
    "list": _check_list,
    "object": _check_object,
}


# --- vocabularies --------------------------------------------------------------------------


_VOCAB_NOUN = {  # noun with its adjective (het-words take 'geldig'), where the list lives
    "beleidsdomeinen": ("geldig beleidsdomein", "practices/_lijsten/beleidsdomeinen.yml"),
    "lmb-categorieen": ("geldige LMB-categorie", None),
    "principes": ("geldig principe", None),
    "status": ("geldige status", None),
}


def _check_term(ctx: _Context, vocab_name: str, text: str, path: tuple, label: str) -> Any:
    vocab = ctx.vocab
    if vocab_name == "gemeenten":
        return _check_municipality(ctx, text, path, label)
    if vocab_name == "subdoelen":
        return _check_target(ctx, text, path, label)
    if vocab_name == "landen":
        code = text.upper()
        if code in vocab.countries:
            return code
        by_name = {name: c for c, name in vocab.countries.items()}
        close = suggest(text, list(by_name), cutoff=0.75)
        hint = f" Bedoel je '{by_name[close]}' ({close})?" if close else ""
        ctx.error(
            path,
            label,
            f"'{text}' is geen landcode; verwacht een ISO-code van twee "
            f"letters, zoals BJ (Benin) of ZA (Zuid-Afrika).{hint}",
        )
        return INVALID
    terms = vocab.terms(vocab_name)
    if text in terms:
        return text
    noun, where = _VOCAB_NOUN[vocab_name]
    close = next((t.slug for t in terms.values() if slugify(t.label) == slugify(text)), None)
    close = close or (slugify(text) if slugify(text) in terms else None)
    close = close or suggest(text, list(terms)) or _word_match(slugify(text), list(terms))
    if close:
        hint = f" Bedoel je '{close}'?"
    elif not terms:
        hint = " De lijst met toegelaten waarden ontbreekt of is leeg (zie practices/_lijsten/)."
    elif len(terms) <= 8:
        hint = f" Verwacht een van: {', '.join(terms)}."
    else:
        hint = f" De toegelaten waarden staan in {where}." if where else ""
    ctx.error(path, label, f"'{text}' is geen {noun}.{hint}")
    return INVALID


def _word_match(slug: str, options: list[str]) -> str | None:
    """The one option that contains all words of `slug` ('klimaat' → 'klimaat-en-energie')."""
    words = set(slug.split("-")) - {"en", ""}
    found = [o for o in options if words and words <= set(o.split("-"))]
    return found[0] if len(found) == 1 else None


def _check_municipality(ctx: _Context, text: str, path: tuple, label: str) -> Any:
    found = ctx.vocab.municipality(text)
    if found:
        return found
    merged = ctx.vocab.merged_into(text)
    if merged:
        ctx.error(
            path, label, f"{text} bestaat sinds 2025 niet meer als gemeente; bedoel je '{merged}'?"
        )
        return INVALID
    close = ctx.vocab.suggest_municipality(text)
    hint = f" Bedoel je '{close}'?" if close else " Gebruik de officiële naam sinds 2025."
    ctx.error(path, label, f"'{text}' is geen Vlaamse gemeente.{hint}")
    return INVALID


def _check_target(ctx: _Context, text: str, path: tuple, label: str) -> Any:
    if text in ctx.vocab.targets:
        return text
    goal, _, rest = text.partition(".")
    number = _as_int(goal)
    if number is None or not rest:
        ctx.error(
            path,
            label,
            f"'{text}' is geen subdoel; een subdoel heeft de vorm '11.6' of "
            "'17.a' (tussen aanhalingstekens).",
        )
        return INVALID
    goal_obj = ctx.vocab.goals.get(number)
    if goal_obj is None:
        ctx.error(path, label, f"'{text}' bestaat niet: SDG {goal} bestaat niet.")
        return INVALID
    ids = sorted((t.id for t in goal_obj.targets), key=target_sort_key)
    ctx.error(
        path,
        label,
        f"subdoel '{text}' bestaat niet. SDG {goal} heeft de subdoelen {', '.join(ids)}.",
    )
    return INVALID


# --- rules across fields -------------------------------------------------------------------


def _check_cross_field(ctx: _Context, values: dict[str, Any]) -> None:
    sdgs = values.get("sdgs")
    targets = values.get("subdoelen")
    if isinstance(sdgs, list) and isinstance(targets, list):
        for i, target in enumerate(targets):
            goal = int(target.split(".")[0])
            if goal not in sdgs:
                ctx.warn(
                    ("subdoelen", i),
                    "subdoelen",
                    f"subdoel {target} hoort bij SDG {goal}, die niet in 'sdgs' staat. Voeg "
                    f"SDG {goal} toe of schrap het subdoel.",
                )
    contact = values.get("contact")
    if isinstance(contact, dict) and not (contact.get("naam") or contact.get("dienst")):
        ctx.error(("contact",), "contact", "vul minstens 'dienst' of 'naam' in.")
        values["contact"] = INVALID
    image = values.get("afbeelding")
    if isinstance(image, dict):
        values["afbeelding"] = _check_image(ctx, image)


def _check_image(ctx: _Context, image: dict[str, Any]) -> Any:
    pad = image["pad"]
    path = ("afbeelding", "pad")
    label = "afbeelding.pad"
    plain = _unobfuscate(pad)
    if (
        _SCRIPT_URL.match(plain)
        or plain.startswith("data:")
        or "://" in pad
        or pad.startswith(("/", "\\"))
        or ".." in pad.split("/")
    ):
        ctx.error(
            path,
            label,
            f"'{pad}' moet een bestand in de repository zijn, naast de praktijk "
            "of in practices/_afbeeldingen/ (geen webadres, geen '..').",
        )
        return INVALID
    if Path(pad).suffix.lower() not in IMAGE_SUFFIXES:
        ctx.error(
            path,
            label,
            f"'{pad}' is geen afbeelding; verwacht een bestand .jpg, .png, .webp of .svg.",
        )
        return INVALID
    file, unsafe = _find_image(ctx, pad)
    if file is None:
        ctx.error(
            path,
            label,
            f"de afbeelding '{pad}' is niet gevonden (gezocht naast de praktijk "
            "en in practices/_afbeeldingen/). Controleer de naam en de hoofdletters.",
        )
        return INVALID
    if unsafe:
        ctx.error(
            path,
            label,
            f"de SVG '{pad}' bevat script of gebeurtenis-attributen; sla ze op "
            "zonder script (bv. exporteren als 'gewone SVG').",
        )
        return INVALID
    return Image(pad=pad, alt=image["alt"], file=file)


def _find_image(ctx: _Context, pad: str) -> tuple[Path | None, bool]:
    """The image file and whether it is an SVG with script. Many practices share an image:
    each folder and name is looked up once per run (file system calls are slow)."""
    here = ctx.source.path.parent
    key = ("afbeelding", str(here), pad)
    found = ctx.vocab.passed.get(key)
    if found is None:
        folder = ctx.practices_dir
        candidates = [here / pad, folder / pad, folder / "_afbeeldingen" / pad]
        file = next((c for c in candidates if c.is_file()), None)
        if file is None:
            return None, False  # not remembered: the image may be added while `new` asks
        found = (file, file.suffix.lower() == ".svg" and _unsafe_svg(file))
        ctx.vocab.passed[key] = found
    return found


def _unsafe_svg(file: Path) -> bool:
    stat = file.stat()
    return _unsafe_svg_cached(str(file.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=1024)
def _unsafe_svg_cached(file: str, size: int, mtime_ns: int) -> bool:
    """Many practices share an image: each file version is scanned once per run."""
    text = Path(file).read_bytes()[:2_000_000].decode("utf-8", "replace")
    return bool(
        re.search(r"<\s*script|<\s*foreignObject|\son[a-z]+\s*=", text, re.IGNORECASE)
        or _SCRIPT_URL.search(_unobfuscate(text))
    )


# --- body ----------------------------------------------------------------------------------


def _check_body(ctx: _Context) -> None:
    source = ctx.source
    body = source.body

    def at(offset: int) -> int:
        return source.body_line + body.count("\n", 0, offset)

    def problem(severity: str, line: int, message: str) -> None:
        ctx.problems.append(Problem(source.display, line, severity, "tekst", message))  # type: ignore[arg-type]

    if not body or body.isspace():  # as `not body.strip()`, without copying the body
        problem(
            ERROR,
            source.body_line - 1,
            "de tekst van de praktijk is leeg. Schrijf onder de "
            "front matter minstens de sectie '## Aanpak', liefst ook '## Aanleiding' en "
            "'## Resultaten'.",
        )
        return
    if "<" in body:
        _check_html(body, at, problem)
    # Browsers decode entities and drop whitespace inside a URL scheme ("java&#x73;cript:").
    # Newlines stay, so line numbers count the same in the decoded text.
    decoded = html.unescape(html.unescape(body)) if "&" in body else body
    for start, scheme in _schemes(decoded):
        line = source.body_line + decoded.count("\n", 0, start)
        if scheme == "data":
            problem(
                ERROR,
                line,
                "een 'data:'-link of -afbeelding is niet toegestaan; zet afbeeldingen onder "
                "'afbeelding:' en links als https://.",
            )
        else:
            problem(
                ERROR,
                line,
                "een 'javascript:'-link is niet toegestaan; links beginnen met https://.",
            )
    _check_sections(ctx, body, at, problem)


_SCRIPT_SCHEMES = ("javascript", "vbscript", "livescript")
_BEFORE_DATA = ("](", "]:", "=", '="', "='", "<")  # where a link or image address starts


def _schemes(text: str) -> list[tuple[int, str]]:
    """(offset, 'script' or 'data') of every script or data link in `text`: what `_SCRIPT_URL`
    finds once `_CONTROL` characters are removed, and what `_DATA_URL` finds.

    Only the few colons of a text are looked at, with the characters before them, instead of
    running regular expressions over all of it (10,000 files must check in under 2 s).
    """
    found = []
    colon = text.find(":")
    while colon >= 0:
        before = text[colon - 1 : colon]
        if before in ("t", "T") or before <= " " or before == "\x7f":  # could end a scheme
            at = _visible_before(text, colon, 10)
            tail = "".join(text[i] for i in reversed(at)).lower()
            scheme = next((s for s in _SCRIPT_SCHEMES if tail.endswith(s)), None)
            if scheme:
                found.append((at[len(scheme) - 1], "script"))
        if (
            colon >= 4
            and text[colon - 4 : colon].lower() == "data"
            and text[max(colon - 6, 0) : colon - 4].endswith(_BEFORE_DATA)
        ):
            found.append((colon - 4, "data"))
        colon = text.find(":", colon + 1)
    return found


def _visible_before(text: str, end: int, count: int) -> list[int]:
    """Positions of the last `count` characters before `end` that `_CONTROL` leaves, from the
    nearest back."""
    found: list[int] = []
    i = end
    while i > 0 and len(found) < count:
        i -= 1
        char = text[i]
        if char > " " and char != "\x7f" or char == "\n":
            found.append(i)
    return found


def _check_html(body: str, at: Any, problem: Any) -> None:
    for m in _DANGEROUS_TAG.finditer(body):
        problem(
            ERROR,
            at(m.start()),
            f"het HTML-element <{m.group(1).lower()}> is niet "
            "toegestaan in de tekst. Schrijf gewone Markdown; een video of kaart kan als link.",
        )
    for m in _EVENT_ATTR.finditer(body):
        problem(
            ERROR,
            at(m.start()),
            f"het HTML-attribuut '{m.group(1).lower()}=' kan script "
            "uitvoeren en is niet toegestaan.",
        )


def _headings(body: str) -> list[tuple[int, int, str]]:
    """(offset, level, title) of the Markdown headings outside fenced code blocks."""
    # The common case, no code fence: str.find, no regex scan. ("`" in body is a memchr, far
    # cheaper than looking for "```".)
    if "`" not in body and "~" not in body or "```" not in body and "~~~" not in body:
        found = []
        start = body.find("#")  # one character: a memchr, cheaper than looking for "\n#"
        while start >= 0:
            end = body.find("\n", start)
            if start == 0 or body[start - 1] == "\n":
                line = body[start:] if end < 0 else body[start:end]
                if heading := _SECTION_HEADINGS.get(line) or _heading(line):
                    found.append((start, *heading))
            start = body.find("#", end) if end >= 0 else -1
        return found
    found = []
    in_fence = False
    offset = 0
    for line in body.split("\n"):
        if ("`" in line or "~" in line) and _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("#") and (heading := _heading(line)):
            found.append((offset, *heading))
        offset += len(line) + 1
    return found


_SECTION_HEADINGS = {f"## {name}": (2, name) for name in schema.BODY_SECTIONS}  # most headings


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) if `line` is what `_HEADING` matches, with string methods (per file)."""
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 6 or line[level : level + 1] not in (" ", "\t"):
        return None
    title = line[level:].strip(" \t").rstrip(" \t#").strip()
    if title:
        return level, title
    m = _HEADING.match(line)  # a title of only '#' characters: leave it to the pattern
    return (len(m.group(1)), m.group(2).strip()) if m else None


def _last_line(source: Source) -> int:
    """The last line of the body with text on it."""
    return source.body_line + source.body.rstrip().count("\n")


def _check_sections(ctx: _Context, body: str, at: Any, problem: Any) -> None:
    found: list[str] = []
    for offset, level, title in _headings(body):
        if level == 1:
            problem(
                WARNING,
                at(offset),
                f"kop van niveau 1 ('# {title}'): de titel komt uit "
                "'titel'; gebruik '## ' voor secties.",
            )
        elif level == 2:
            found.append(title)
            close = (
                None
                if title in schema.BODY_SECTIONS
                else suggest(title, schema.BODY_SECTIONS, cutoff=0.8)
            )
            if close:
                problem(WARNING, at(offset), f"sectie '{title}': bedoel je '{close}'?")
    for name in schema.BODY_SECTIONS:
        if name in found:
            continue
        if name in schema.REQUIRED_SECTIONS:
            problem(
                ERROR,
                ctx.source.body_line,
                f"de verplichte sectie '## {name}' ontbreekt (hoe werd het aangepakt?).",
            )
        elif name in schema.EXPECTED_SECTIONS:
            problem(
                WARNING,
                _last_line(ctx.source) if name == "Resultaten" else ctx.source.body_line,
                f"de sectie '## {name}' ontbreekt.",
            )


# --- building the practice -----------------------------------------------------------------


def _build(source: Source, practice_id: str, v: dict[str, Any]) -> Practice:
    contact = v.get("contact")
    return Practice(
        id=practice_id,
        path=source.path,
        display_path=source.display,
        source_path=source.display,
        titel=v["titel"],
        gemeenten=v["gemeenten"],
        sdgs=v["sdgs"],
        beleidsdomeinen=v["beleidsdomeinen"],
        status=v["status"],
        jaar=v["jaar"],
        samenvatting=v["samenvatting"],
        body=source.body,
        subdoelen=sorted(v.get("subdoelen", []), key=target_sort_key),
        lmb_categorie=v.get("lmb-categorie"),
        principes=v.get("principes", []),
        partnerlanden=v.get("partnerlanden", []),
        partners=v.get("partners", []),
        contact=Contact(**contact) if contact else None,
        links=[Link(**link) for link in v.get("links", [])],
        afbeelding=v.get("afbeelding"),
        trefwoorden=v.get("trefwoorden", []),
        bron=v.get("bron"),
        bijgewerkt=v.get("bijgewerkt"),
        voorbeeld=v.get("voorbeeld", False),
    )
