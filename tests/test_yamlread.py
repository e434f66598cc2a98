"""The fast front-matter reader agrees with libyaml, or leaves the text to it.

`yamlread.read_simple` may decline any text (libyaml then reads it), but when it returns values
they must be exactly what libyaml and our walk give: the same values of the same types, and no
problem that libyaml would have reported. (Lines always come from libyaml's walk.)
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from generator.load import compose_front_matter
from generator.yamlread import YamlFloat, read_simple

ROOT = Path(__file__).resolve().parent.parent


def typed_tree(value: Any) -> Any:
    """A value with its types spelled out, so that 1, 1.0, True and '1' never compare equal."""
    if isinstance(value, dict):
        return ("dict", [(k, typed_tree(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed_tree(v) for v in value])
    if isinstance(value, YamlFloat):
        return ("YamlFloat", value.raw, repr(float(value)))  # repr: nan == nan
    return (type(value).__name__, value)


def libyaml(text: str) -> tuple[Any, list[str]]:
    problems: list = []
    data, _ = compose_front_matter(text, 2, "x.md", problems)
    return typed_tree(data), [str(p) for p in problems]


def assert_agrees(text: str) -> bool:
    """True when the fast reader read `text` (and agreed with libyaml), False when it declined."""
    fast = read_simple(text)
    if fast is None:
        return False
    assert libyaml(text) == (typed_tree(fast), []), text
    return True


def front_matters() -> list[str]:
    texts = []
    for path in sorted((ROOT / "practices").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    return texts


def test_every_starter_practice_is_read_fast_and_the_same() -> None:
    texts = front_matters()
    assert len(texts) >= 60
    assert all(assert_agrees(text) for text in texts)


READ = [
    "titel: Gewone tekst met 'aanhalingstekens' en C# en 50%",
    'titel: "Tekst: met dubbele punt en \\"citaat\\" en \\\\"',
    "titel: 'Auto''s delen: een begin'",
    "sdgs: [1, 17]\njaar: 2024\nvoorbeeld: true\nbijgewerkt: 2025-02-11",
    "jaar: 2024.0\nsubdoel: 17.10\nx: 0x1F\ny: 1_000\nz: +5\nw: 1:30\nv: .5",
    "x: yes\ny: No\nz: ON\nn: ~\nm: null\ne:",
    "trefwoorden: [sdg's, 'fair trade', \"één\", gewone tekst]",
    "leeg: []\nook: [ ]",
    "gemeenten:\n- Gent\n- Aalst\nsdgs: [3]",
    "gemeenten:\n  - Gent\n\n  - Aalst\n\nsdgs: [3]",
    "links:\n  - titel: A\n    url: https://a.example\n  - titel: 'B'\n    url: https://b.example",
    "links:\n  -   titel: A\n      url: https://a.example",
    "contact:\n  naam: Jan\n  email: jan@gemeente.be\ntitel: x",
    "samenvatting: >-\n  Een lange tekst\n  over twee regels.\nbron: x",
    "samenvatting: |\n  Regel een\n  Regel twee\n",
    "lijst:\n  - [1, 2]\n  - [a]",
    "datum: 2025-02-30\ntijd: 2025-01-01 10:00:00",
    "# Uitleg bij elk veld: https://example.org\ntitel: x\n# subdoelen: ['12.7']\njaar: 2025",
    "samenvatting: >-\n  tekst\n# opmerking\ntitel: x",
]


@pytest.mark.parametrize("text", READ)
def test_the_common_subset_is_read_fast_and_the_same(text: str) -> None:
    assert assert_agrees(text)


DECLINED = [
    "",
    "# alleen een opmerking",
    "gemeenten:\n  - Gent\n# opmerking\n  - Aalst",
    "gemeenten:\n# opmerking\n  - Gent",
    "gemeenten:\n  - Gent\n  # opmerking",
    "titel: x # opmerking",
    "titel: lange tekst\n  die verder gaat",
    "titel: 'niet gesloten",
    'titel: "niet gesloten',
    "titel: tekst: met dubbele punt",
    "titel: &anker x\nb: *anker",
    "titel: !!str 12",
    "titel:\ttab",
    "Titel: hoofdletter",
    "titel: x\ntitel: y",
    "lijst: [a, , b]",
    "lijst: [a,]",
    "lijst: [a, [b]]",
    "lijst: {a: 1}",
    "lijst:\n  - a\n   - b",
    "lijst:\n  -\n  - b",
    "lijst:\n  - a\n    b",
    "contact:\n  naam: Jan\n   email: x",
    "contact:\n  naam:\n  email: x",
    "samenvatting: >-\n  een\n\n  twee",
    "samenvatting: >-\n  een\n    twee",
    "samenvatting: >-\n  een \n  twee",
    "samenvatting: >2-\n  een",
    "true: x",
    "x: =",
    "x: <<",
    'x: "\\n"',
    "x: y\x85z",
    "- een\n- lijst",
]


@pytest.mark.parametrize("text", DECLINED)
def test_other_yaml_is_left_to_libyaml(text: str) -> None:
    assert not assert_agrees(text)


SPECIAL = list(":#-[]{}\"',&*!|>%@`?\\ \t\n")
SPECIAL += ["  ", "- ", ": ", " #", "\n  ", "\n- ", "'", "\u00a0"]


def mutate(text: str, rng: random.Random) -> str:
    rows = text.split("\n")
    kind = rng.randrange(5)
    if kind == 0:  # insert a YAML-special character
        at = rng.randrange(len(text) + 1)
        return text[:at] + rng.choice(SPECIAL) + text[at:]
    if kind == 1:  # delete a character
        at = rng.randrange(len(text))
        return text[:at] + text[at + 1 :]
    if kind == 2:  # change the indentation of a line
        n = rng.randrange(len(rows))
        rows[n] = " " * rng.randrange(5) + rows[n].lstrip(" ")
        return "\n".join(rows)
    if kind == 3:  # repeat a line
        n = rng.randrange(len(rows))
        rows.insert(n, rows[n])
        return "\n".join(rows)
    a, b = rng.randrange(len(rows)), rng.randrange(len(rows))  # swap two lines
    rows[a], rows[b] = rows[b], rows[a]
    return "\n".join(rows)


def test_mutated_front_matter_is_read_the_same_or_declined() -> None:
    """Thousands of small edits of real front matter: whatever the fast reader accepts,
    libyaml reads the same way (a fixed seed keeps the run repeatable)."""
    rng = random.Random(2025)
    texts = front_matters()
    read = 0
    for _ in range(4000):
        text = rng.choice(texts)
        for _ in range(rng.randrange(1, 4)):
            text = mutate(text, rng)
        read += assert_agrees(text)
    assert 1000 < read < 4000  # both paths were exercised


def test_dates_and_floats_keep_their_types() -> None:
    data = read_simple("bijgewerkt: 2025-02-11\nsubdoel: 17.10")
    assert data is not None
    assert data["bijgewerkt"] == dt.date(2025, 2, 11)
    assert isinstance(data["subdoel"], YamlFloat) and data["subdoel"].raw == "17.10"


TOKENS = [
    "yes",
    "No",
    "on",
    "~",
    "null",
    "0",
    "012",
    "0o17",
    "0x_1F",
    "0b101",
    "+12",
    "-1",
    "1_0",
    "12:30",
    "1e3",
    "1.",
    "3.",
    ".inf",
    "-.Inf",
    ".NaN",
    "2024-01-01",
    "2024-1-1",
    "2001-12-14t21:59:43.10-05:00",
    "a: b",
    "x:",
    "x:y",
    ":x",
    "-x",
    "- x",
    "?x",
    "x#y",
    "x #y",
    "@x",
    "`x",
    "%x",
    "!x",
    "&a x",
    "*a",
    "=",
    "<<",
    "|",
    ">-",
    "'x'",
    '"x"',
    "''",
    '""',
    "'a''b'",
    "'a\"b'",
    '"a\\"b"',
    "[a, b]",
    "[a b, 'c d']",
    '["a,b", c]',
    "[ 1 ,2 ]",
    "[]",
    "[a, b,]",
    "{a}",
    "é",
    "\u00a0x",
]
KEYS = ["titel", "jaar", "a", "b-c", "x_y", "a1", "yes", "null", "Titel"]


def random_front_matter(rng: random.Random) -> str:
    rows = []
    for _ in range(rng.randrange(1, 6)):
        key, shape = rng.choice(KEYS), rng.random()
        if shape < 0.5:
            rows.append(f"{key}: {rng.choice(TOKENS)}")
            continue
        rows.append(f"{key}:")
        indent = " " * rng.choice([0, 2, 4])
        for _ in range(rng.randrange(1, 4)):
            if shape < 0.7:
                rows.append(f"{indent}- {rng.choice(TOKENS)}")
            elif shape < 0.85:
                rows.append(f"  {rng.choice(KEYS)}: {rng.choice(TOKENS)}")
            else:
                rows.append(f"  - {rng.choice(KEYS)}: {rng.choice(TOKENS)}")
                rows.append(f"    {rng.choice(KEYS)}: {rng.choice(TOKENS)}")
    return "\n".join(rows)


def test_tricky_scalars_are_typed_the_same_or_declined() -> None:
    """Random front matter built from the scalars YAML 1.1 types or reads specially."""
    rng = random.Random(17)
    read = sum(assert_agrees(random_front_matter(rng)) for _ in range(3000))
    assert 200 < read < 3000
