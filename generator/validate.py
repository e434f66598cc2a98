"""Validation: a `Source` (parsed file) becomes a `Practice`, or problems with file and line.

The rules come from `schema.FIELDS` (types, lengths, vocabularies, formats); the few rules that
span fields or the body are spelled out below. Every message is Dutch, names the field, says
what was expected and suggests the closest valid value where there is one.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import images, rules, schema
from .bodycheck import check_text, link_target, message
from .layout import IMAGES
from .load import Source, file_id
from .model import ERROR, WARNING, Contact, Image, Link, Practice, Problem
from .reference import slugify, target_sort_key
from .schema import Field
from .textsafe import excerpt, shown, unsafe_char, unsafe_char_message
from .vocab import SLUG, Vocab, suggest
from .yamlread import YamlFloat

INVALID = object()  # a value that failed its rule; the problem is already reported

# The field patterns live in `rules`, shared with the web form; the names used below.
_EMAIL = rules.EMAIL
_URL = rules.URL
_HTML_TAG = rules.HTML_TAG
_MD_LINK = rules.MD_LINK
_SCRIPT_URL = rules.SCRIPT_URL
_BLANKS = rules.BLANKS
_HEADING = rules.HEADING
_FENCE = rules.FENCE


@dataclass
class _Context:
    source: Source
    vocab: Vocab
    practices_dir: Path
    today: dt.date
    problems: list[Problem] = field(default_factory=list)
    body_images: list[str] = field(default_factory=list)  # in _afbeeldingen/, linked in the text

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
    return _build(source, practice_id, values, ctx.body_images, practices_dir), ctx.problems


# --- id ------------------------------------------------------------------------------------


def _check_id(ctx: _Context) -> str:
    stem = file_id(ctx.source.file)
    if not SLUG.match(stem):
        hint = slugify(stem) or "mijn-praktijk"
        ctx.error((), None, rules.message("id", name=shown(ctx.source.path.name), hint=hint))
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
        if data.get(spec.key) is None and spec.key not in ctx.source.skipped:
            expect = rules.expectation(spec)
            ctx.error((spec.key,), spec.key, rules.message("required", expect=expect))
    return values


_REQUIRED = [spec for spec in schema.FIELDS if spec.required]


def _unknown_key(
    ctx: _Context, path: tuple, key: str, allowed: list[str], parent: str | None
) -> None:
    close = suggest(key, allowed)
    hint = f" Bedoel je '{close}'?" if close else f" Toegelaten velden: {', '.join(allowed)}."
    where = f"onbekend veld '{shown(key)}'" + (f" in '{parent}'" if parent else "")
    ctx.error(path, parent, f"{where}.{hint}")


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
    if value is None:
        return "een lege waarde"
    return f"de tekst '{shown(value)}'"


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
    if not text.isprintable():  # rare: a control, bidi or line-break character (one C loop)
        # Only the samenvatting is multi-line text. A line break at either end is what a
        # `titel: >` block leaves, and is harmless.
        stripped = text.strip(" \n")
        char = unsafe_char(stripped, multiline=spec.key == "samenvatting")
        if char is not None:
            found = f"de tekst '{excerpt(stripped, char)}' bevat {unsafe_char_message(char)}"
            ctx.error(path, label, found)
            return INVALID
    text = " ".join(text.split()) if spec.format != "url" else text.strip()
    if not text:
        ctx.error(path, label, "is leeg." + (f" {rules.expectation(spec)}" if spec.key else ""))
        return INVALID
    if (
        spec.min is not None
        and len(text) < spec.min
        or spec.max is not None
        and len(text) > spec.max
    ):
        ctx.error(path, label, rules.message("length", n=len(text), limits=spec.limits()))
        return INVALID
    if spec.format is not None and not _check_format(ctx, spec, text, path, label):
        return INVALID
    if spec.vocab:
        return _check_term(ctx, spec.vocab, text, path, label)
    return text


def _check_format(ctx: _Context, spec: Field, text: str, path: tuple, label: str) -> bool:
    if spec.format == "plain":
        if "<" in text and _HTML_TAG.search(text):
            ctx.error(path, label, rules.message("html"))
            return False
        if spec.key == "samenvatting" and ("](" in text or "://" in text) and _MD_LINK.search(text):
            ctx.error(path, label, rules.message("links"))
            return False
        return True
    if spec.format == "url":
        return _check_url(ctx, text, path, label)
    if spec.format == "email":
        if not _EMAIL.match(text):
            ctx.error(path, label, rules.message("email", value=text))
            return False
        return True
    return True  # "image" is checked with the whole `afbeelding` object


def _check_url(ctx: _Context, text: str, path: tuple, label: str) -> bool:
    if _URL.match(text):
        return True  # starts with http(s)://, so it cannot be a script or data link
    plain = _unobfuscate(text)
    if _SCRIPT_URL.match(plain) or plain.startswith("data:"):
        ctx.error(path, label, rules.message("scriptUrl", short=text[:40]))
        return False
    ctx.error(path, label, rules.message("url", value=text))
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
        ctx.error(path, label, _not_int(spec, value))
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
        ctx.error(path, label, rules.message("range", n=number, min=spec.min, max=high))
        return INVALID
    return number


def _not_int(spec: Field, value: Any) -> str:
    if spec.vocab != "sdgs" and isinstance(value, str):  # the case the web form meets too
        return rules.message("notInt", value=shown(value))
    expected = "een SDG-nummer van 1 tot 17" if spec.vocab == "sdgs" else "een geheel getal"
    return f"verwacht {expected}, maar kreeg {_type_name(value)}."


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
        ctx.error(path, label, rules.message("future", value=day.isoformat()))
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
        if v is INVALID and value[i] is None:  # `- ` with nothing after it, `~`, `null`
            ctx.error(
                path + (i,),
                label,
                f"item {i + 1} van de lijst is leeg; vul een waarde in of schrap het item.",
            )
        elif v is INVALID:
            checked[i] = _check_value(ctx, item, value[i], path + (i,), label)
    good = [v for v in checked if v is not INVALID]
    if spec.unique and len(good) > 1 and len(set(good)) < len(good):  # items are hashable
        seen: set[Any] = set()
        for i, v in enumerate(checked):
            if v is not INVALID and _key(v) in seen:
                ctx.error(path + (i,), label, rules.message("duplicate", value=_shown(v)))
            elif v is not INVALID:
                seen.add(_key(v))
    if spec.max is not None and len(value) > spec.max:
        goals = spec.vocab == "sdgs" or spec.key == "sdgs"
        reason = rules.MESSAGES["tooManyGoals"] if goals else ""
        found = rules.message("tooMany", n=len(value), max=spec.max, reason=reason)
        ctx.error(path, label, found)
        return INVALID
    if spec.min is not None and len(value) < spec.min:
        ctx.error(path, label, f"de lijst is leeg; verwacht {spec.limits()} items.")
        return INVALID
    return good if len(good) == len(checked) else INVALID


# 'SDG 12', 'sdg12', 'SDG-12': how a goal is often written where `sdgs` wants its number.
_SDG_PREFIX = re.compile(r"^SDG[\s-]*(?=\d)", re.IGNORECASE)


def _as_list(ctx: _Context, spec: Field, value: Any, path: tuple, label: str) -> Any:
    """A value that is not a list as a list of one (`gemeenten: Gent`), or INVALID."""
    item = spec.item
    assert item is not None
    if isinstance(value, str) and "," in value and (item.vocab or item.kind == "int"):
        parts = [shown(p.strip()) for p in value.split(",") if p.strip()]
        if item.vocab == "sdgs":  # 'SDG 12, SDG 13': the list holds the numbers only
            parts = [_SDG_PREFIX.sub("", p) for p in parts]
        ctx.error(
            path,
            label,
            f"verwacht een lijst, maar kreeg de tekst '{shown(value)}'. Schrijf de "
            f"waarden tussen [ ]: {spec.key}: [{', '.join(parts)}]",
        )
        return INVALID
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]  # a list of one, at the line of the key
    expect = rules.expectation(spec)
    ctx.error(path, label, f"verwacht een lijst, maar kreeg {_type_name(value)}. {expect}")
    return INVALID


def _key(value: Any) -> Any:
    return getattr(value, "name", value)


def _shown(value: Any) -> str:
    return shown(getattr(value, "name", value))


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
                ctx.error(path, sub_label, rules.message("missingPart", help=sub.help))
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
        hint = rules.message("countryHint", code=by_name[close], name=close) if close else ""
        ctx.error(path, label, rules.message("country", value=text, hint=hint))
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
        ctx.error(path, label, rules.message("merged", value=text, new=merged))
        return INVALID
    close = ctx.vocab.suggest_municipality(text)
    hint = (
        rules.message("municipalityHint", close=close)
        if close
        else rules.MESSAGES["municipalityNoHint"]
    )
    ctx.error(path, label, rules.message("municipality", value=text, hint=hint))
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
                found = rules.message("targetGoal", target=target, goal=goal)
                ctx.warn(("subdoelen", i), "subdoelen", found)
    contact = values.get("contact")
    if isinstance(contact, dict) and not (contact.get("naam") or contact.get("dienst")):
        ctx.error(("contact",), "contact", rules.message("contact"))
        values["contact"] = INVALID
    image = values.get("afbeelding")
    if isinstance(image, dict):
        values["afbeelding"] = _check_image(ctx, image)


def _check_image(ctx: _Context, image: dict[str, Any]) -> Any:
    pad = image["pad"]
    file, problem = _find_image(ctx, pad)
    if file is None:
        ctx.error(("afbeelding", "pad"), "afbeelding.pad", problem or "")
        return INVALID
    return Image(pad=pad, alt=image["alt"], file=file.path)


def _find_image(ctx: _Context, pad: str) -> tuple[images.ImageFile | None, str | None]:
    """The image file or why it is refused (`images.inspect_image`). Many practices share an
    image: each name is examined once per run. A refused image is examined again only when
    its file changed (`new` asks until it is fixed), so that 10,000 practices naming one
    large hostile SVG do not parse it 10,000 times."""
    key = ("afbeelding", str(ctx.practices_dir), pad)
    found = ctx.vocab.passed.get(key)
    if found is not None and found[0] is not None:
        return found[0], found[1]
    stamp = images.file_stamp(ctx.practices_dir, pad)
    if found is not None and stamp is not None and found[2] == stamp:
        return found[0], found[1]
    file, problem = images.inspect_image(ctx.practices_dir, pad, ctx.source.path.parent)
    ctx.vocab.passed[key] = (file, problem, stamp)
    return file, problem


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
    targets = _TargetCheck(ctx)
    for offset, is_error, text in check_text(body, targets):
        problem(ERROR if is_error else WARNING, at(offset), text)
    ctx.body_images = targets.images
    _check_sections(ctx, body, at, problem)


class _TargetCheck:
    """Whether a relative address in a practice's text points to something the site will hold:
    another practice (`andere-praktijk.md`) or an image in `_afbeeldingen/`."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.images: list[str] = []

    def __call__(self, value: str) -> str | None:
        target = link_target(value)
        folder = self.ctx.practices_dir
        if target is not None and target[0] == "practice":
            key = ("tekst-link", str(folder), target[1])
            if key not in self.ctx.vocab.passed:
                if not _regular(folder / f"{target[1]}.md"):
                    return message(
                        "linkNoPractice",
                        value=shown(value),
                        id=shown(target[1]),
                        folder=folder.name,
                    )
                self.ctx.vocab.passed[key] = True
            return None
        if target is not None and target[0] == "image":
            problem = _find_image(self.ctx, f"_afbeeldingen/{target[1]}")[1]
            if problem is None:
                self.images.append(target[1])
            return problem
        return message("linkNowhere", value=shown(value))


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


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
    headings = _headings(body)
    for i, (offset, level, title) in enumerate(headings):
        if level == 2 and title in schema.BODY_SECTIONS:
            end = next((o for o, lv, _ in headings[i + 1 :] if lv <= 2), len(body))
            _check_section_text(title, body[body.find("\n", offset) + 1 : end], at(offset), problem)
    for offset, level, title in headings:
        if level == 1:
            problem(WARNING, at(offset), rules.message("heading1", title=title))
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
                rules.message("sectionRequired", section=rules.section(name)),
            )
        elif name in schema.EXPECTED_SECTIONS:
            line = _last_line(ctx.source) if name == "Resultaten" else ctx.source.body_line
            problem(WARNING, line, rules.message("sectionMissing", section=rules.section(name)))


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_EMPTY_SECTION = "de sectie '## {title}' is leeg"


def is_unwritten_section(problem: Problem) -> bool:
    """A problem that says a body section has no text yet: what `generator new` leaves for the
    contributor to write, and `check` then demands."""
    return (
        problem.field == "tekst"
        and problem.message.startswith("de sectie '## ")
        and " is leeg" in problem.message
    )


def _check_section_text(title: str, text: str, line: int, problem: Any) -> None:
    """A section with no text, or only the template's `<!-- … -->` hint, says nothing: an
    error for a required section (as in the web form), a warning for the others."""
    if text.strip() and _COMMENT.sub("", text).strip():
        return
    required = title in schema.REQUIRED_SECTIONS
    problem(
        ERROR if required else WARNING,
        line,
        _EMPTY_SECTION.format(title=title)
        + (" (alleen de hint tussen <!-- en --> telt niet)" if "<!--" in text else "")
        + (": schrijf er minstens één zin onder." if required else ": vul ze aan of laat ze weg."),
    )


# --- building the practice -----------------------------------------------------------------


def _build(
    source: Source,
    practice_id: str,
    v: dict[str, Any],
    body_images: list[str],
    source_dir: Path,
) -> Practice:
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
        body_images=[source_dir / IMAGES / name for name in sorted(set(body_images))],
    )
