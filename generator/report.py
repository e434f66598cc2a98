"""Printing problems: plain lines, GitHub Actions annotations or JSON."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable

from .model import Problem
from .textsafe import shown

FORMATS = ("text", "github", "json")


def summary(files: int, problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    noun = "praktijk" if files == 1 else "praktijken"
    return (
        f"{files} {noun} gecontroleerd: {errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
    )


def print_errors(errors: Iterable[Problem], files: int, problems: list[Problem]) -> None:
    """The errors that stop a command, and the summary line, on stderr (export, bundle,
    cijfers refuse to work on a project with errors)."""
    for line in as_text(errors):
        print(line, file=sys.stderr)
    print(summary(files, problems), file=sys.stderr)


def as_text(problems: Iterable[Problem]) -> list[str]:
    return [str(p) for p in problems]


def as_github(problems: Iterable[Problem]) -> list[str]:
    """GitHub Actions workflow commands: the problems show up on the pull request's lines."""
    lines = []
    for p in problems:
        kind = "error" if p.is_error else "warning"
        title = p.field or "praktijk"
        message = _escape_data(f"{p.severity}: {p.field + ': ' if p.field else ''}{p.message}")
        lines.append(
            f"::{kind} file={_escape_prop(p.path)},line={p.line},"
            f"title={_escape_prop(title)}::{message}"
        )
    return lines


def as_json(problems: Iterable[Problem], files: int) -> str:
    items = [
        {
            "bestand": p.path,
            "regel": p.line,
            "ernst": p.severity,
            "veld": p.field,
            "bericht": p.message,
        }
        for p in problems
    ]
    text = json.dumps({"bestanden": files, "problemen": items}, ensure_ascii=False, indent=2)
    # json escapes C0 controls but not DEL, C1 or bidi controls; as \u escapes the data stay
    # exactly the same for a JSON reader, and nothing reaches a terminal raw.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape_data(text: str) -> str:
    # GitHub's workflow-command rules: %, CR and LF are escaped in data and properties; any
    # other control character (an ANSI escape in a file name or value) as \x1b (see textsafe).
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
