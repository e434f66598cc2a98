"""The allowlist between contributed text and every output (generator.body, generator.bodycheck).

Exact cleaned output for known tricks, a property test that nothing outside the allowlist
survives whatever the text holds, and a property test that `check` reports whatever the
sanitiser would drop.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import allowlist
from generator.body import clean_html, is_relative, render_body, render_markdown, sanitise
from generator.bodycheck import check_text
from generator.render.catalogue import neutralise
from generator.render.practice import body_links


class Collect(HTMLParser):
    """Every element and attribute of an HTML fragment, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [(k, v or "") for k, v in attrs]))

    handle_startendtag = handle_starttag


def elements(fragment: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = Collect()
    parser.feed(fragment)
    parser.close()
    return parser.found


def assert_allowlisted(fragment: str) -> None:
    for tag, attrs in elements(fragment):
        assert tag in allowlist.ELEMENTS, (tag, fragment)
        for name, value in attrs:
            allowed = allowlist.allowed_attributes(tag) | ({"rel"} if tag == "a" else set())
            if tag in ("h2", "h3", "h4", "h5", "h6") and name == "id":
                continue  # given by the generator, tested below
            assert name in allowed, (tag, name, fragment)
            if name in ("href", "src"):
                plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()
                scheme = plain.split(":", 1)[0] if ":" in plain.split("/", 1)[0] else ""
                assert scheme in allowlist.LINK_SCHEMES or is_relative(value), (value, fragment)
                if tag == "img":
                    assert is_relative(value), (value, fragment)


# --- exact output for known tricks ------------------------------------------------------------

CASES = {
    # an event attribute after a '>' inside a quoted attribute
    '<a title="x>" onmouseover="alert(1)">hi</a>': (
        '<p><a title="x&gt;" rel="noopener noreferrer">hi</a></p>'
    ),
    # attributes through attr_list braces stay text: attr_list is not used for practice texts
    '[x](https://example.org){ onclick="alert(1)" }': (
        '<p><a href="https://example.org" rel="noopener noreferrer">x</a>{ onclick="alert(1)" }</p>'
    ),
    "Tekst {: #__config }": "<p>Tekst {: #__config }</p>",
    # schemes hidden by an entity or a newline
    '<a href="jav&#x09;ascript:alert(1)">x</a>': '<p><a rel="noopener noreferrer">x</a></p>',
    '<a href="java\nscript:alert(1)">x</a>': '<p><a rel="noopener noreferrer">x</a></p>',
    "[x](&#106;avascript:alert(1))": '<p><a rel="noopener noreferrer">x</a></p>',
    # what browsers strip around a URL (C0 controls) turns a path into another host
    '<img src="&#x01;//evil.example/x.png">': "<p><img></p>",
    '<a href="&#1;javascript:alert(1)">x</a>': '<p><a rel="noopener noreferrer">x</a></p>',
    "[y](<javascript:alert(1)>)": '<p><a rel="noopener noreferrer">y</a></p>',
    "[z](javascript&colon;alert(1))": '<p><a rel="noopener noreferrer">z</a></p>',
    # an id the theme reads, style with url(), ping, third-party image and media
    '<p id="__config" style="background:url(https://evil.example/x)">x</p>': "<p>x</p>",
    '<a href="https://example.org" ping="https://evil.example/p">x</a>': (
        '<p><a href="https://example.org" rel="noopener noreferrer">x</a></p>'
    ),
    "![x](https://evil.example/x.png)": '<p><img alt="x"></p>',
    '<video src="https://evil.example/v.mp4" autoplay></video>': "",
    "<script>alert(1)</script>": "",
    "<svg><script>alert(1)</script></svg>": "<p></p>",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>': "",
    '<form action="https://evil.example"><input name="x"></form>': "",
    '<base href="https://evil.example/">': "<p></p>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">': "<p></p>",
    "<math><mi>x</mi></math>": "",
    # headings: level 1 becomes 2, ids come from the text
    "# Titel\n\n## Aanpak & resultaten": (
        '<h2 id="titel">Titel<a class="headerlink" href="#titel" title="Link naar deze sectie">'
        '¶</a></h2>\n<h2 id="aanpak-resultaten">Aanpak &amp; resultaten<a class="headerlink" '
        'href="#aanpak-resultaten" title="Link naar deze sectie">¶</a></h2>'
    ),
    # tables keep their alignment as an attribute, never as a style
    "| a | b |\n|:--|--:|\n| 1 | 2 |": (
        '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n'
        '</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n'
        "</tbody>\n</table>"
    ),
}


@pytest.mark.parametrize("text, expected", CASES.items(), ids=range(len(CASES)))
def test_known_tricks_are_cleaned_exactly(text: str, expected: str) -> None:
    assert render_body(text).html.strip() == expected


def test_heading_ids_never_collide_with_the_page_or_the_theme() -> None:
    result = render_body("## Contact\n\n## Contact\n\n## __config\n\n## ¶", None, {"contact"})
    assert [h.id for h in result.headings] == ["contact-2", "contact-3", "config", "sectie"]


def test_relative_links_become_links_on_the_page() -> None:
    text = "[a](andere.md#aanpak) [b](./andere.md) ![c](_afbeeldingen/foto.png) [d](#tips)"
    resolve = body_links("praktijken/deze.md", directory_urls=True)
    assert render_body(text, resolve).html == (
        '<p><a href="../andere/#aanpak" rel="noopener noreferrer">a</a> '
        '<a href="../andere/" rel="noopener noreferrer">b</a> '
        '<img alt="c" src="../../afbeeldingen/foto.png"> '
        '<a href="#tips" rel="noopener noreferrer">d</a></p>'
    )
    offline = body_links("praktijken/deze.md", directory_urls=False)
    assert 'href="andere.html#aanpak"' in render_body(text, offline).html


def test_a_link_to_nothing_loses_its_address() -> None:
    resolve = body_links("praktijken/deze.md", directory_urls=True)
    assert render_body("[x](../../etc/passwd)", resolve).html == (
        '<p><a rel="noopener noreferrer">x</a></p>'
    )


def test_nesting_beyond_the_renderer_is_refused_and_never_raises() -> None:
    deep = "".join("    " * i + "- x\n" for i in range(300))
    assert "<p>" in clean_html(deep)  # plain paragraphs instead of a RecursionError
    first = next(f for f in check_text(deep, lambda v: None) if f[1])
    assert first == (
        deep.index("\n" + " " * 20) + 1,
        True,
        "deze regel is 10 niveaus diep genest (citaten of lijsten in elkaar); de grens is 8.",
    )


def test_brackets_that_make_rendering_quadratic_are_refused() -> None:
    (finding,) = check_text("[" * 600, lambda v: None)
    assert finding == (
        0,
        True,
        "deze alinea bevat 600 tekens '[' of '<'; de grens is 500. Zo veel opmaak maakt de "
        "pagina traag; verdeel de tekst of laat opmaak weg.",
    )


def test_control_characters_in_the_text_are_refused_at_their_line() -> None:
    text = "## Aanpak\n\nTekst \x1b[31mrood\n"
    assert check_text(text, lambda v: None) == [
        (
            17,
            True,
            "de tekst bevat een onzichtbaar stuurteken (U+001B) op deze regel; "
            "verwijder het of typ de regel opnieuw.",
        )
    ]


@pytest.mark.parametrize(
    "cell, expected",
    [
        ('=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
        ("+32 2 211 55 00", "'+32 2 211 55 00"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Gewone tekst = prima", "Gewone tekst = prima"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


# --- properties -------------------------------------------------------------------------------

PIECES = [
    "<",
    ">",
    "/",
    "=",
    '"',
    "'",
    " ",
    "\n",
    "\t",
    "&",
    "#",
    ";",
    ":",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "!",
    "*",
    "_",
    "`",
    "-",
    "x",
    "a",
    "p",
    "img",
    "script",
    "svg",
    "math",
    "style",
    "iframe",
    "href",
    "src",
    "on",
    "onerror",
    "onload",
    "id",
    "class",
    "ping",
    "javascript",
    "java\tscript",
    "jav&#x09;ascript",
    "&#106;",
    "&#x3c;",
    "data",
    "vbscript",
    "http",
    "//",
    "evil.example",
    "__config",
    "url(",
    "<a ",
    "<img ",
    "<p ",
    "</a>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?",
    "\x00",
    "\u202e",
    "{: ",
    " .x #y",
    "](",
    "]: ",
    "> ",
    "## ",
    "| a |",
    "<table>",
    "<td ",
    "align=",
    "center",
    "<h2 ",
    "<b>",
    "<br/>",
    "<base ",
    "<form ",
    "<object ",
    "<template>",
    "<noscript>",
    "<svg><a xlink:href=",
    "srcdoc=",
    "formaction=",
    "<style>",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_nothing_outside_the_allowlist_survives(text: str) -> None:
    assert_allowlisted(clean_html(text))
    assert_allowlisted(sanitise(text))  # raw HTML that never went through Markdown, too
    placed = render_body(text).html  # the generator's own permalinks added to the headings
    assert_allowlisted(
        re.sub(r'<a class="headerlink" href="#[a-z0-9-]+" title="[^"]+">¶</a>', "", placed)
    )


TABLE_PARTS = {"thead", "tbody", "tr", "th", "td"}


def shape(fragment: str) -> set[tuple[str, tuple[str, ...]]]:
    # A table cell outside a table is dropped by every HTML parser, browsers' included: that is
    # the parser's rule for misplaced table parts, not the allowlist's.
    return {
        (tag, tuple(sorted(name for name, _ in attrs if name != "rel")))
        for tag, attrs in elements(fragment)
        if tag not in TABLE_PARTS
    }


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_what_check_accepts_the_sanitiser_leaves_whole(text: str) -> None:
    """`check` tells the contributor: if it finds nothing, cleaning drops no element or
    attribute (relative links are accepted here; whether they point to something is
    tested with files)."""
    if check_text(text, lambda v: None):
        return
    rendered = render_markdown(text)
    # HTML's parser may add an element (a '<p>' closed by a table): nothing may go missing.
    assert shape(rendered) <= shape(sanitise(rendered)), text
