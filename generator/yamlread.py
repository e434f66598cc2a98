"""YAML into Python values: the typing of scalars, libyaml's lean loader, and a fast path.

Front matter written by `generator new`, the web form and most people uses a small part of
YAML: `veld: waarde` lines, `[a, b]` lists, `- item` lists, one level of `naam: …` under a
key, `>-` text and whole-line comments. `read_simple` reads exactly that part, line by line and
without line numbers, in about half the time libyaml takes to compose it and our walk to convert
it; anything else (end-of-line comments, multi-line plain text, anchors, odd indentation,
errors) makes it return None, and the caller falls back to libyaml, whose messages and line
numbers are the only ones users ever see. Both paths type scalars with the same resolver and
constructors, and tests compare them on every practice and on thousands of changed ones.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode, SequenceNode

KeyPath = tuple[str | int, ...]

C_READER = hasattr(yaml, "CSafeLoader")
STR = "tag:yaml.org,2002:str"
_constructor = SafeConstructor()


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader with the same implicit types but a lean resolver.

    PyYAML's resolver also supports path resolvers, which the safe loader never has; skipping
    that bookkeeping per node makes composing about a third faster.
    """

    _implicit = yaml.SafeLoader.yaml_implicit_resolvers

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return plain_tag(value) if implicit[0] else STR
        return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"


def plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives an unquoted scalar: `2025` is an int, `ja` is text."""
    for tag, regexp in Loader._implicit.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return STR


class YamlFloat(float):
    """A float that remembers how it was written: `17.10` is target "17.10", not 17.1."""

    raw: str


UNKNOWN = object()  # a tag that no constructor handles, such as `!python/object`
_CONSTRUCTORS = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:timestamp": _constructor.construct_yaml_timestamp,
}


def typed(tag: str, value: str) -> Any:
    """The Python value of a scalar with `tag`, or UNKNOWN."""
    if tag == STR:
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    node = ScalarNode(tag, value)
    if tag == "tag:yaml.org,2002:float":
        try:
            number = YamlFloat(_constructor.construct_yaml_float(node))
        except ValueError:  # only an explicit `!!float abc`, which the loader refuses first
            return value
        number.raw = value
        return number
    if tag in _CONSTRUCTORS:
        try:
            return _CONSTRUCTORS[tag](node)
        except (ValueError, yaml.YAMLError):
            return value  # e.g. 2025-02-30: kept as text, the field rule reports it
    return UNKNOWN


# --- the fast path -------------------------------------------------------------------------

# Characters that make libyaml stop or read differently (tabs, control characters, YAML 1.1
# line breaks, a byte-order mark): the fast path leaves such text to libyaml.
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# One line: (indent, the rest, "- ", key, value); every part but the indent may be empty.
_ROW = re.compile(r"^( *)((- +)?(?:([a-z][a-z0-9_-]{0,99}):(?: +|$))?(.*))$", re.MULTILINE)
_DQ = r'"([^"\\]*(?:\\["\\][^"\\]*)*)"'  # only \" and \\ as escapes
_SQ = r"'([^']*(?:''[^']*)*)'"
_DOUBLE = re.compile(_DQ)
_SINGLE = re.compile(_SQ)
_FLOW_ITEM = re.compile(rf""" *(?:{_DQ}|{_SQ}|([^,\[\]{{}}"'#: ][^,\[\]{{}}#:]*?)) *(,|$)""")
_ESCAPE = re.compile(r'\\(["\\])')
_NOT_FLOW_PLAIN = re.compile(r"[\[\]{}#:'\"]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_BLOCK_SCALARS = {">-": (" ", ""), ">": (" ", "\n"), "|-": ("\n", ""), "|": ("\n", "\n")}
_NONE = object()  # "not in the subset": the caller falls back to libyaml
Row = tuple[str, str, str, str, str]


def read_simple(text: str) -> dict[str, Any] | None:
    """The values of front matter in the common subset of YAML, or None for anything else.

    No line numbers: they are only needed for a problem, and then libyaml's walk gives them.
    """
    # isprintable() is false for every unusual character (and for some usual ones, such as a
    # no-break space): a quick yes for most texts, the pattern decides the rest.
    if not text.replace("\n", "").isprintable() and _UNUSUAL.search(text):
        return None
    rows: list[Row] = _ROW.findall(text)
    data: dict[str, Any] = {}
    i, end = 0, len(rows)
    while i < end:
        indent, rest, dash, key, value = rows[i]
        i += 1
        if not rest or not indent and rest[0] == "#":
            continue  # a blank line, or a comment such as the template's hints
        if indent or dash or not key or key in data or key not in _KEYS and not _plain_key(key):
            return None
        if value[-1:] == " ":
            value = value.rstrip(" ")
        start = i
        if value in _BLOCK_SCALARS:
            while i < end and (rows[i][0] or not rows[i][1]):
                i += 1
            result = _block_scalar(value, rows[start:i])
        elif value:
            result = _inline(value)
        else:
            while i < end and (rows[i][0] or rows[i][2] or not rows[i][1]):
                i += 1
            result = _block([row for row in rows[start:i] if row[1]])
        if result is _NONE:
            return None
        data[key] = result
    return data or None  # an empty front matter has its own message


_KEYS: set[str] = set()  # keys known to be plain text (not `true:` or `null:`)


def _plain_key(key: str) -> bool:
    """Whether a key not yet in _KEYS is plain text (callers look in _KEYS first: hot path)."""
    if plain_tag(key) != STR:
        return False
    _KEYS.add(key)
    return True


def _block_scalar(style: str, rows: list[Row]) -> Any:
    """`>-` (folded) or `|` (literal) text whose lines all start at the same column."""
    while rows and not rows[-1][1]:
        rows.pop()
    if not rows:
        return _NONE
    indent = rows[0][0]
    for row in rows:  # blank, more-indented and space-ended lines fold differently: libyaml
        if row[0] != indent or not row[1] or row[1][-1] == " ":
            return _NONE
    joiner, end = _BLOCK_SCALARS[style]
    return joiner.join(row[1] for row in rows) + end


def _block(rows: list[Row]) -> Any:
    """The indented lines under `key:`: a `- item` list or `naam: …` pairs."""
    if not rows:
        return None  # `key:` with nothing under it is YAML's null
    if rows[0][2]:
        return _sequence(rows)
    return _pairs(rows) if rows[0][0] else _NONE


def _sequence(rows: list[Row]) -> Any:
    items: list[Any] = []
    indent = rows[0][0]
    k, end = 0, len(rows)
    while k < end:
        row_indent, _, dash, key, value = rows[k]
        k += 1
        if row_indent != indent or not dash:
            return _NONE
        if key:  # `- titel: …` starts a mapping whose keys line up with `titel`
            group = [(" " * (len(indent) + len(dash)), "", "", key, value)]
            while k < end and not rows[k][2]:
                group.append(rows[k])
                k += 1
            item = _pairs(group)
        else:
            item = _inline(value.rstrip(" ")) if value.strip(" ") else _NONE
        if item is _NONE:
            return _NONE
        items.append(item)
    return items


def _pairs(rows: list[Row]) -> Any:
    result: dict[str, Any] = {}
    indent = rows[0][0]
    for row_indent, _, dash, key, value in rows:
        value = value.rstrip(" ")
        if row_indent != indent or dash or not key or not value or key in result:
            return _NONE
        if key not in _KEYS and not _plain_key(key) or value in _BLOCK_SCALARS:
            return _NONE
        item = _inline(value)
        if item is _NONE:
            return _NONE
        result[key] = item
    return result


def _inline(text: str) -> Any:
    """A value written on the key's own line: a scalar or a `[…]` list."""
    first = text[0]
    if first == "[":
        return _flow_items(text[1:-1]) if text[-1] == "]" else _NONE
    if first == '"' or first == "'":
        inner = text[1:-1]
        if len(text) > 1 and text[-1] == first and first not in inner and "\\" not in inner:
            return inner  # the common case: no escapes, no doubled quotes
        if first == '"':
            m = _DOUBLE.fullmatch(text)
            return _ESCAPE.sub(r"\1", m[1]) if m else _NONE
        m = _SINGLE.fullmatch(text)
        return m[1].replace("''", "'") if m else _NONE
    return _plain(text)


_PLAIN: dict[str, Any] = {}  # typed plain scalars: years, dates, slugs and names recur a lot


def _plain(text: str) -> Any:
    value = _PLAIN.get(text, _PLAIN)
    if value is _PLAIN:
        if text[0] in _INDICATORS or ": " in text or " #" in text or text[-1] == ":":
            value = _NONE
        else:
            value = typed(plain_tag(text), text)
            value = _NONE if value is UNKNOWN else value
        if len(_PLAIN) > 50_000:
            _PLAIN.clear()
        _PLAIN[text] = value
    return value


_FLOWS: dict[str, Any] = {}  # `[…]` lists by their text: [1], [participatie] recur a lot


def _flow_items(inner: str) -> Any:
    items = _FLOWS.get(inner)
    if items is None:
        items = _read_flow(inner)
        if len(_FLOWS) > 50_000:
            _FLOWS.clear()
        _FLOWS[inner] = items if items is _NONE else tuple(items)
    return items if items is _NONE else list(items)  # a new list: values are not shared


def _read_flow(inner: str) -> Any:
    if not inner.strip(" "):
        return []
    items = []
    for part in inner.split(","):  # the common case: [13, 17], [a, b c], ["a", "b"]
        part = part.strip(" ")
        if not part:
            return _NONE  # "[a, , b]" and "[a,]" are not read
        first = part[0]
        if first == '"' or first == "'":
            text = part[1:-1]
            if len(part) < 2 or part[-1] != first or first in text or "\\" in text:
                return _flow_items_exactly(inner)  # a comma, an escape or a doubled quote
            items.append(text)
        elif _NOT_FLOW_PLAIN.search(part):
            return _flow_items_exactly(inner)
        else:
            item = _plain(part)
            if item is _NONE:
                return _NONE
            items.append(item)
    return items


def _flow_items_exactly(inner: str) -> Any:
    items = []
    pos, end = 0, len(inner)
    while pos < end:
        m = _FLOW_ITEM.match(inner, pos)
        if m is None or m.end() == pos:
            return _NONE
        double, single, plain, comma = m.groups()
        if double is not None:
            items.append(_ESCAPE.sub(r"\1", double) if "\\" in double else double)
        elif single is not None:
            items.append(single.replace("''", "'"))
        else:
            item = _plain(plain) if plain[0] not in _INDICATORS else _NONE
            if item is _NONE:
                return _NONE
            items.append(item)
        pos = m.end()
        if not comma and pos < end:
            return _NONE
    return items if inner.rstrip(" ")[-1] != "," else _NONE
