"""The allowed values of every field, from reference data and the editable lists.

The editable lists (policy domains, LMB categories, principles) are content: YAML files in
`practices/_lijsten/` of the project, so adding a domain is a one-line data change.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import reference
from .load import (
    MAX_BYTES,
    NotRegularFile,
    compose_front_matter,
    display_path,
    not_regular_message,
    read_regular,
)
from .model import ERROR, Problem
from .reference import Municipality, fold
from .textsafe import shown as escaped
from .textsafe import unsafe_char, unsafe_char_message

EDITABLE = {  # vocabulary name → file in the lists folder (`Layout.lists`)
    "beleidsdomeinen": "beleidsdomeinen.yml",
    "lmb-categorieen": "lmb-categorieen.yml",
    "principes": "principes.yml",
}
STATUSES = {"gepland": "Gepland", "lopend": "Lopend", "afgerond": "Afgerond"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    description: str = ""


def match_key(name: str) -> str:
    """Municipality matching ignores case, diacritics, and spaces versus hyphens."""
    return " ".join(fold(name).replace("-", " ").split())


class Vocab:
    """All vocabularies, by the names used in `schema.Field.vocab`."""

    def __init__(self, editable: dict[str, dict[str, Term]]) -> None:
        self.domains = editable["beleidsdomeinen"]
        self.lmb_categories = editable["lmb-categorieen"]
        self.principles = editable["principes"]
        self.statuses = {slug: Term(slug, label) for slug, label in STATUSES.items()}
        self.goals = reference.goals()
        self.targets = reference.targets()
        self.municipalities = reference.municipalities()
        self.countries = reference.countries()
        self.merged = reference.merged_names()
        self._by_key = {match_key(name): m for name, m in self.municipalities.items()}
        self._merged_by_key = {match_key(old): new for old, new in self.merged.items()}
        # Results that hold for one run, such as the values that passed a field's check:
        # municipality names, domains and images recur across thousands of practices.
        self.passed: dict[tuple[Any, ...], Any] = {}

    def terms(self, name: str) -> dict[str, Term]:
        """The allowed values of a vocabulary, as slug → Term (for forms and references)."""
        if name == "gemeenten":
            return {m: Term(m, m, p.province.name) for m, p in self.municipalities.items()}
        if name == "sdgs":
            return {str(n): Term(str(n), g.label, g.description) for n, g in self.goals.items()}
        if name == "subdoelen":
            return {t.id: Term(t.id, t.id, t.text) for t in self.targets.values()}
        if name == "landen":
            return {code: Term(code, label) for code, label in self.countries.items()}
        return {
            "beleidsdomeinen": self.domains,
            "lmb-categorieen": self.lmb_categories,
            "principes": self.principles,
            "status": self.statuses,
        }[name]

    def municipality(self, name: str) -> Municipality | None:
        return self._by_key.get(match_key(name))

    def merged_into(self, name: str) -> str | None:
        return self._merged_by_key.get(match_key(name))

    def suggest_municipality(self, name: str) -> str | None:
        found = difflib.get_close_matches(match_key(name), self._by_key, n=1, cutoff=0.7)
        return self._by_key[found[0]].name if found else None


def suggest(value: str, options: list[str], cutoff: float = 0.6) -> str | None:
    """The closest option to `value`, ignoring case and diacritics, if any is close."""
    keyed = {fold(o): o for o in options}
    found = difflib.get_close_matches(fold(value), keyed, n=1, cutoff=cutoff)
    return keyed[found[0]] if found else None


def load_vocab(lists: Path) -> tuple[Vocab, list[Problem]]:
    """Read the editable lists in the folder `lists` (`Layout.lists`); problems name the list
    file and line."""
    problems: list[Problem] = []
    folder = lists
    if os.path.islink(folder):  # the lists would be read from wherever the link points
        problems.append(
            Problem(
                display_path(folder),
                1,
                ERROR,
                None,
                "dit is een symbolische link; de lijsten moeten in een gewone map staan.",
            )
        )
        return Vocab({name: {} for name in EDITABLE}), problems
    editable = {name: _read_list(folder / file, problems) for name, file in EDITABLE.items()}
    return Vocab(editable), problems


def _read_list(path: Path, problems: list[Problem]) -> dict[str, Term]:
    shown = display_path(path)

    def error(line: int, message: str) -> None:
        problems.append(Problem(shown, line, ERROR, None, message))

    text = _read_text(path, error)
    if text is None:
        return {}
    data, lines = compose_front_matter(f"items:\n{_indent(text)}", 0, shown, problems)
    if data is None:  # invalid YAML, already reported with its line
        return {}
    items = data.get("items")
    if not isinstance(items, list):
        error(1, "verwacht een lijst van items met 'slug', 'naam' en 'beschrijving'.")
        return {}
    terms: dict[str, Term] = {}
    for i, item in enumerate(items):
        line = lines.get(("items", i), 1)
        if not isinstance(item, dict) or not isinstance(item.get("slug"), str):
            error(line, "elk item heeft 'slug', 'naam' en 'beschrijving'.")
            continue
        slug = item["slug"]
        if not SLUG.match(slug):
            error(
                line,
                f"'{escaped(slug, 60)}' is geen geldige slug (kleine letters, cijfers, "
                "koppeltekens).",
            )
        elif slug in terms:
            error(line, f"'{slug}' staat twee keer in de lijst.")
        elif not isinstance(item.get("naam"), str) or not item["naam"].strip():
            error(line, f"'{slug}' heeft geen 'naam'.")
        elif message := _unsafe_text(item):
            error(line, f"'{slug}': {message}")
        else:
            terms[slug] = Term(
                slug, item["naam"].strip(), str(item.get("beschrijving") or "").strip()
            )
    return terms


def _read_text(path: Path, error: Callable[[int, str], None]) -> str | None:
    """The text of a list file, or None after reporting why it cannot be read. Like a
    practice, a list must be a regular file: no symbolic link is followed, no FIFO waited on."""
    try:
        raw, _ = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        error(1, "deze lijst ontbreekt: het project heeft ze nodig om praktijken te controleren.")
        return None
    except NotRegularFile as exc:
        error(1, not_regular_message(exc.mode, "een lijst"))
        return None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # O_NOFOLLOW refused a symbolic link
            error(1, not_regular_message(stat.S_IFLNK, "een lijst"))
        else:
            error(1, f"deze lijst kan niet gelezen worden ({exc.strerror}).")
        return None
    if len(raw) > MAX_BYTES:
        error(1, f"deze lijst is groter dan {MAX_BYTES // 1024} KB; dat is geen lijst van termen.")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        error(line, f"deze lijst is geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x}).")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as the lines are counted


def _unsafe_text(item: dict[str, Any]) -> str | None:
    """What is wrong with a control character in the item's name or description, or None."""
    for key, multiline in (("naam", False), ("beschrijving", True)):
        value = item.get(key)
        char = unsafe_char(value.strip(), multiline) if isinstance(value, str) else None
        if char is not None:
            return f"'{key}' ('{escaped(value, 60)}') bevat {unsafe_char_message(char)}"
    return None


def _indent(text: str) -> str:
    # Nesting the list under a key lets the front-matter parser (which wants a mapping) read it
    # with lines intact: line n of the file is line n of the wrapped text, offset 0.
    return "\n".join("  " + line for line in text.split("\n"))
