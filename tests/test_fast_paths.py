"""The string-method shortcuts of the validator and the renderer give what they replace.

`check` must handle 10,000 files in under 2 seconds, so headings are found with str.find
instead of regular expressions over all of the text. The patterns stay the definition: the web
form runs them in JavaScript, and these tests hold the shortcuts to them on random text.
"""

from __future__ import annotations

import posixpath
import random
import re

from generator.render.text import rel
from generator.validate import _HEADING, _heading, _headings


def test_headings_are_read_as_the_pattern_reads_them() -> None:
    rng = random.Random(6)
    pieces = ["#", "#", "#", " ", "\t", "a", "b", " #", "\u00a0", "é", "x y"]
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        m = _HEADING.match(line)
        assert _heading(line) == ((len(m.group(1)), m.group(2).strip()) if m else None), line


HEADINGS = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)  # what _HEADING means


def test_headings_of_a_body_are_found_as_the_pattern_finds_them() -> None:
    rng = random.Random(7)
    pieces = ["#", "## ", "## Aanpak", "# x", "\n", "\n", "tekst", " ", "\t", "a#b", "`", "~"]
    for _ in range(10000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        expected = [(m.start(), len(m[1]), m[2].strip()) for m in HEADINGS.finditer(body)]
        if "```" not in body and "~~~" not in body:
            assert _headings(body) == expected, repr(body)


def test_relative_links_are_what_relpath_gives() -> None:
    rng = random.Random(8)
    names = ["a", "sdg", "13.md", "index.md", "praktijken", "x.md", "", ".", ".."]
    for _ in range(20000):
        src = "/".join(rng.choice(names) for _ in range(rng.randrange(1, 4)))
        target = "/".join(rng.choice(names) for _ in range(rng.randrange(1, 4)))
        if not src or not target or src.startswith("/") or target.startswith("/"):
            continue
        assert rel(src, target) == posixpath.relpath(target, posixpath.dirname(src) or "."), (
            src,
            target,
        )
