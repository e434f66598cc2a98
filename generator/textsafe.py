"""Contributor text in messages and fields: control characters found, named and escaped.

Everything under practices/ may be hostile. A value or file name echoed in a message must not
reach a reviewer's terminal or browser as a control sequence (an ANSI escape can recolour or
erase lines, a bidi override can make `gent` read as `tneg`), so `shown` escapes such
characters, and `unsafe_char` finds the first one a field may not contain.
"""

from __future__ import annotations

import re
from typing import Any

# Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder the
# text around them, so what a reviewer reads is not what is published.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Refused in one-line text: all C0 controls (tab and newline too), DEL, C1, bidi controls and
# the Unicode line and paragraph separators.
_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")
# Refused in multi-line text: the same, but tab and line breaks are ordinary white space.
_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# Escaped in messages: everything refused anywhere, and the invisible direction marks.
_ESCAPED = re.compile(f"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029{_BIDI}]")

_LINE_BREAKS = "\n\r\u2028\u2029"


def shown(value: Any, limit: int | None = None) -> str:
    """`value` as text that is safe to print: control and bidi characters as `\\x1b` or
    `\\u202e`, and cut to `limit` characters (with '…') when a limit is given."""
    text = value if value.__class__ is str else str(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    if text.isprintable():  # one C loop: false for every escaped character, true for most text
        return text
    return _ESCAPED.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def code_point(char: str) -> str:
    """'U+001B': how messages name a character."""
    return f"U+{ord(char):04X}"


def unsafe_char(text: str, multiline: bool = False) -> str | None:
    """The first character that text may not contain, or None. One-line text may contain no
    control character at all; multi-line text may contain tabs and line breaks."""
    if text.isprintable():  # the common case, in C: no control, bidi or line separator
        return None
    found = (_IN_TEXT if multiline else _IN_LINE).search(text)
    return found.group() if found else None


def unsafe_char_message(char: str) -> str:
    """What is wrong with `char` (found by `unsafe_char`), in Dutch, naming it as U+XXXX."""
    code = code_point(char)
    if char in _LINE_BREAKS:
        return f"een regeleinde ({code}); dit veld is één regel tekst, zet alles op één regel."
    if char == "\t":
        return f"een tab-teken ({code}); gebruik een gewone spatie."
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return (
            f"een onzichtbaar teken dat de leesrichting van de tekst omkeert ({code}); "
            "verwijder het of typ de tekst opnieuw."
        )
    return f"een onzichtbaar stuurteken ({code}); verwijder het of typ de tekst opnieuw."


def excerpt(text: str, char: str, width: int = 50) -> str:
    """`text` around the first `char`, shown (escaped) and cut to about `width` characters, so
    that a message points at the character in a long text."""
    start = min(max(0, text.find(char) - width // 2), max(0, len(text) - width))
    part = shown(text[start : start + width])
    return ("…" if start else "") + part + ("…" if start + width < len(text) else "")
