"""What `check` says about a practice's text, from the same allowlist as the sanitiser.

The sanitiser (`generator.body`) makes every output safe whatever the text holds; this module
tells the contributor, at the line where it stands, what the sanitiser would drop or change,
and refuses what would make rendering slow. The text is rendered only when it can hold HTML or
a link (a '<', '&', '](' or ']:'): most texts have neither, and `check` stays fast.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from . import allowlist, rules
from .body import is_relative, render_markdown
from .textsafe import shown

# (offset in the text, is_error, message)
Finding = tuple[int, bool, str]
# A relative address in the text → None when it points to something the site will contain,
# else the Dutch reason.
TargetCheck = Callable[[str], "str | None"]

# Every message about a text, as a template: `check` fills them here, and the web form gets
# them through its data file (generator/render/form.py), so both say the same.
MESSAGES: dict[str, str] = {
    "control": "de tekst bevat een onzichtbaar stuurteken ({char}) op deze regel; verwijder "
    "het of typ de regel opnieuw.",
    "tooLong": "de tekst is {size} tekens lang; de grens is {limit} tekens. Houd de praktijk "
    "kort en link naar een uitgebreider verslag.",
    "tooDeep": "deze regel is {depth} niveaus diep genest (citaten of lijsten in elkaar); de "
    "grens is {limit}.",
    "markers": "deze alinea bevat {count} tekens '[' of '<'; de grens is {limit}. Zo veel "
    "opmaak maakt de pagina traag; verdeel de tekst of laat opmaak weg.",
    "braces": "'{text}': attributen tussen accolades worden niet toegepast en verschijnen als "
    "tekst op de pagina; haal ze weg.",
    "declaration": "een HTML-declaratie is niet toegestaan.",
    "instruction": "een XML-instructie is niet toegestaan.",
    "elementDropped": "het HTML-element <{tag}> wordt met zijn inhoud weggelaten. Schrijf gewone "
    "Markdown; een video, kaart of formulier kan als link.",
    "elementHarmful": "het HTML-element <{tag}> wordt weggelaten (de tekst erin blijft). Schrijf "
    "gewone Markdown; een video, kaart of formulier kan als link.",
    "elementUnknown": "het HTML-element <{tag}> wordt weggelaten (de tekst erin blijft). Schrijf "
    "gewone Markdown (zie de pagina Veiligheid).",
    "attributeValue": "de waarde '{value}' van '{name}' op <{tag}> wordt weggelaten.",
    "attributeHarmful": "het HTML-attribuut '{name}' op <{tag}> is niet toegestaan en wordt "
    "weggelaten (het kan script uitvoeren of iets laden).",
    "attributeUnknown": "het HTML-attribuut '{name}' op <{tag}> is niet toegestaan en wordt "
    "weggelaten.",
    "imageElsewhere": "de afbeelding '{value}' is geen bestand van de site; een afbeelding in de "
    "tekst staat in practices/_afbeeldingen/ (geen webadres: de site laadt niets van andere "
    "websites).",
    "linkScheme": "de link '{value}' is niet toegestaan: een link begint met https://, http:// "
    "of mailto:, of wijst naar een andere praktijk ('andere-praktijk.md').",
    "linkNowhere": "de link '{value}' wijst naar niets op de site: link naar een andere praktijk "
    "met 'andere-praktijk.md', naar een afbeelding in '_afbeeldingen/', of naar een webadres "
    "met https://.",
    "linkNoPractice": "de link '{value}' wijst naar niets: er is geen praktijk '{id}.md' in "
    "{folder}/.",
}


def message(key: str, **values: object) -> str:
    return MESSAGES[key].format(**values)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 200.000, as written in Dutch


_CONTROL = rules.BODY_CONTROL
_ATTR_BRACES = rules.ATTR_BRACES
_MARKERS = "[<"


def check_text(body: str, targets: TargetCheck) -> list[Finding]:
    """Every problem of the text, with the offset where it stands."""
    found = list(_limits(body))
    if any(f[1] for f in found):
        return found  # too large or too deep to render: say so and stop here
    if (m := _CONTROL.search(body)) is not None:
        found.append((m.start(), True, _control_message(m.group(0))))
    if "{" in body:
        found.extend(_braces(body))
    if "<" in body or "&" in body or "](" in body or "]:" in body:
        found.extend(_html(body, targets))
    return found


def _control_message(char: str) -> str:
    return message("control", char=f"U+{ord(char):04X}")


# --- limits --------------------------------------------------------------------------------


def _limits(body: str) -> Iterator[Finding]:
    if len(body) > allowlist.MAX_BODY_CHARS:
        yield (
            0,
            True,
            message("tooLong", size=_number(len(body)), limit=_number(allowlist.MAX_BODY_CHARS)),
        )
        return
    offset = 0
    for line in body.split("\n"):
        if line[:1] in (" ", "\t", ">") and _depth(line) > allowlist.MAX_NESTING:
            yield (
                offset,
                True,
                message("tooDeep", depth=_depth(line), limit=allowlist.MAX_NESTING),
            )
        offset += len(line) + 1
    if sum(body.count(c) for c in _MARKERS) > allowlist.MAX_INLINE_MARKERS:
        yield from _markers(body)


def _depth(line: str) -> int:
    """Block quotes ('>') and list levels (two spaces each) before the text of a line."""
    depth = indent = 0
    for char in line:
        if char == ">":
            depth += 1
        elif char == " ":
            indent += 1
        elif char == "\t":
            indent += 4
        else:
            break
    return depth + indent // 2


def _markers(body: str) -> Iterator[Finding]:
    offset = 0
    for block in body.split("\n\n"):
        count = sum(block.count(c) for c in _MARKERS)
        if count > allowlist.MAX_INLINE_MARKERS:
            yield (
                offset,
                True,
                message("markers", count=count, limit=allowlist.MAX_INLINE_MARKERS),
            )
        offset += len(block) + 2


# --- braces ---------------------------------------------------------------------------------


def _braces(body: str) -> Iterator[Finding]:
    for m in _ATTR_BRACES.finditer(body):
        yield (
            m.start(),
            False,
            message("braces", text=shown(m.group(0))),
        )


# --- HTML and links -------------------------------------------------------------------------


@dataclass
class _Item:
    needle: str  # a pattern that finds it in the source, to give the line
    error: bool
    message: str


class _Scanner(HTMLParser):
    """Compares the rendered HTML with the allowlist, like the sanitiser does."""

    def __init__(self, targets: TargetCheck) -> None:
        super().__init__(convert_charrefs=True)
        self.targets = targets
        self.items: list[_Item] = []
        self.skip = 0  # inside an element that goes with its content: nothing to report

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        if tag in allowlist.DROP_WITH_CONTENT:
            self.skip += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in allowlist.DROP_WITH_CONTENT and self.skip:
            self.skip -= 1

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            return
        if tag not in allowlist.ELEMENTS:
            self._element(tag)
            return
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    # A comment is dropped without harm (the template's hints are comments): nothing to say.

    def handle_decl(self, decl: str) -> None:
        self.items.append(_Item("<!(?!--)", True, message("declaration")))

    def handle_pi(self, data: str) -> None:
        self.items.append(_Item(r"<\?", True, message("instruction")))

    def _element(self, tag: str) -> None:
        if tag in allowlist.DROP_WITH_CONTENT:
            key, harmful = "elementDropped", True
        elif tag in allowlist.HARMFUL_ELEMENTS:
            key, harmful = "elementHarmful", True
        else:
            key, harmful = "elementUnknown", False
        pattern = rf"<\s*{re.escape(tag)}\b"
        self.items.append(_Item(pattern, harmful, message(key, tag=shown(tag))))

    def _attribute(self, tag: str, name: str, value: str) -> None:
        pattern = _attribute_pattern(name)
        if name in allowlist.allowed_attributes(tag):
            allowed = allowlist.ATTRIBUTE_VALUES.get((tag, name))
            if allowed is not None and value not in allowed:
                text = message("attributeValue", value=shown(value), name=name, tag=tag)
                self.items.append(_Item(pattern, False, text))
            elif name in ("href", "src"):
                self._url(tag, value)
            return
        harmful = allowlist.harmful_attribute(name)
        key = "attributeHarmful" if harmful else "attributeUnknown"
        self.items.append(_Item(pattern, harmful, message(key, name=shown(name), tag=tag)))

    def _url(self, tag: str, value: str) -> None:
        pattern = re.escape(value[:40])
        if not is_relative(value):
            if tag == "img":
                self.items.append(
                    _Item(pattern, True, message("imageElsewhere", value=shown(value)))
                )
            elif _scheme(value) not in allowlist.LINK_SCHEMES:
                self.items.append(_Item(pattern, True, message("linkScheme", value=shown(value))))
            return
        if value.startswith("#"):
            return
        reason = self.targets(value)
        if reason:
            self.items.append(_Item(pattern, True, reason))


def _attribute_pattern(name: str) -> str:
    return rf"[\s\"'/]{re.escape(name)}\s*(?:=|[\s/>])"


def _scheme(url: str) -> str:
    plain = re.sub(r"[\x00-\x20\x7f]", "", url)
    try:
        return urlsplit(plain).scheme.lower()
    except ValueError:
        return ""


def _html(body: str, targets: TargetCheck) -> Iterator[Finding]:
    scanner = _Scanner(targets)
    scanner.feed(render_markdown(body))
    scanner.close()
    # Items come in the order of the text: each is looked for from the line of the one before,
    # in the text as written and, for what entities hide ('jav&#x09;ascript:'), decoded (its
    # lines are the same unless an entity stands for a newline).
    texts = [body, html.unescape(body)] if "&" in body else [body]
    line = 0
    for item in scanner.items:
        pattern = re.compile(item.needle, re.IGNORECASE)
        found = [_line_of(pattern, text, line) for text in texts]
        hits = [n for n in found if n is not None]
        if not hits:
            hits = [n for n in (_line_of(pattern, text, 0) for text in texts) if n is not None]
        line = min(hits, default=line)
        yield (_line_start(body, line), item.error, item.message)


def _line_of(pattern: re.Pattern[str], text: str, from_line: int) -> int | None:
    m = pattern.search(text, _line_start(text, from_line))
    return None if m is None else text.count("\n", 0, m.start())


def _line_start(text: str, line: int) -> int:
    at = 0
    for _ in range(line):
        at = text.find("\n", at) + 1
        if at == 0:
            return 0
    return at


# --- relative links --------------------------------------------------------------------------


def link_target(value: str) -> tuple[str, str] | None:
    """('practice', id) or ('image', name) for a relative address in a practice's text, or None
    when it points to neither. Addresses are relative to the practice's file in practices/."""
    try:
        path = unquote(urlsplit(value).path)
    except ValueError:
        return None
    path = posixpath.normpath(path.lstrip("./") if path.startswith("./") else path)
    if path.startswith("_afbeeldingen/") and path.count("/") == 1:
        return "image", path.split("/", 1)[1]
    if "/" not in path and path.endswith(".md") and len(path) > 3:
        return "practice", path[:-3]
    return None
