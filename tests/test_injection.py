"""Injection gate: a practice that tries to smuggle script is refused by the validator, and text
that the validator allows is shown as text on every page of the built site (escaped in the
HTML, never turned into markup, links, classes or script).

The browser half (opening the built pages executes nothing) is
tests/browser/test_injection_browser.py, which reuses the fixture practices of this module.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown as markdown_lib
import pytest
from conftest import VALID_BODY, VALID_FRONT, ProjectDir, practice_text
from sitebuild import build, front, make_site

from generator.project import load_project

SITE_NAME = "SDG-praktijkendatabank"

# --- 1. the validator refuses every way of smuggling script -----------------------------------

HTML_IN_TEXT = (
    "HTML is hier niet toegestaan; schrijf gewone tekst (geen tekens als <b> of <script>)."
)
SCHEME = (
    "is een script- of data-link; die zijn niet toegestaan. Gebruik een webadres dat "
    "begint met https://."
)
SMUGGLER_FRONT = """\
titel: Fair-O-Meter <img src=x onerror=alert(1)> meet
gemeenten:
  - Merelbeke-Melle
sdgs: [12, 17]
beleidsdomeinen:
  - duurzaam-aankoopbeleid
status: lopend
jaar: 2023
samenvatting: Een jaarlijkse meter <script>window.__pwned = 1</script> toont de aankopen.
partners:
  - <b onmouseover="alert(1)">Wereldwinkel</b>
contact:
  dienst: Dienst Duurzaamheid
  url: javascript:alert(document.cookie)
links:
  - titel: Lees meer
    url: JaVaScRiPt:alert(1)
"""
SMUGGLER_BODY = """\
## Aanleiding

<script>window.__pwned = 1</script>

## Aanpak

<img src="x.png" onerror="window.__pwned = 1">

[Klik hier](javascript:window.__pwned=1)

[Of hier](java&#115;cript:alert(1))

<iframe src="https://evil.example.org/"></iframe>

## Resultaten

<a href="javascript:alert(1)">ook dit</a>
"""
F = "practices/smokkel.md"
EXPECTED_REFUSALS = [
    f"{F}:2: fout: titel: {HTML_IN_TEXT}",
    f"{F}:10: fout: samenvatting: {HTML_IN_TEXT}",
    f"{F}:12: fout: partners: {HTML_IN_TEXT}",
    f"{F}:15: fout: contact.url: 'javascript:alert(document.cookie)' {SCHEME}",
    f"{F}:18: fout: links.url: 'JaVaScRiPt:alert(1)' {SCHEME}",
    f"{F}:23: fout: tekst: het HTML-element <script> wordt met zijn inhoud weggelaten. Schrijf "
    "gewone Markdown; een video, kaart of formulier kan als link.",
    f"{F}:27: fout: tekst: de link 'x.png' wijst naar niets op de site: link naar een andere "
    "praktijk met 'andere-praktijk.md', naar een afbeelding in '_afbeeldingen/', of naar een "
    "webadres met https://.",
    f"{F}:27: fout: tekst: het HTML-attribuut 'onerror' op <img> is niet toegestaan en wordt "
    "weggelaten (het kan script uitvoeren of iets laden).",
    f"{F}:29: fout: tekst: de link 'javascript:window.__pwned=1' is niet toegestaan: een link "
    "begint met https://, http:// of mailto:, of wijst naar een andere praktijk "
    "('andere-praktijk.md').",
    f"{F}:31: fout: tekst: de link 'javascript:alert(1)' is niet toegestaan: een link begint met "
    "https://, http:// of mailto:, of wijst naar een andere praktijk ('andere-praktijk.md').",
    f"{F}:33: fout: tekst: het HTML-element <iframe> wordt met zijn inhoud weggelaten. Schrijf "
    "gewone Markdown; een video, kaart of formulier kan als link.",
    f"{F}:37: fout: tekst: de link 'javascript:alert(1)' is niet toegestaan: een link begint met "
    "https://, http:// of mailto:, of wijst naar een andere praktijk ('andere-praktijk.md').",
]


def test_the_validator_refuses_every_smuggling_attempt(project: ProjectDir, monkeypatch) -> None:
    project.write("smokkel.md", f"---\n{SMUGGLER_FRONT}---\n\n{SMUGGLER_BODY}")
    monkeypatch.chdir(project.root)
    result = load_project(project.root)
    assert [str(p) for p in result.problems] == EXPECTED_REFUSALS
    assert result.practices == []  # refused as a whole: nothing of it reaches a page


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("titel", "Fietsen <script>alert(1)</script> naar school", HTML_IN_TEXT),
        ("titel", 'Fietsen <a href="https://x.example.org">hier</a> en meer', HTML_IN_TEXT),
        ("titel", "Fietsen naar school <b>vet</b>", HTML_IN_TEXT),
        (
            "samenvatting",
            "Een meter <svg onload=alert(1)> toont de gemeenteraad welk deel fairtrade is.",
            HTML_IN_TEXT,
        ),
        (
            "samenvatting",
            "Een meter toont de gemeenteraad</p><p>welk deel van de aankopen fairtrade is.",
            HTML_IN_TEXT,
        ),
        (
            "samenvatting",
            "Een meter toont [wat](javascript:alert(1)) de gemeenteraad welk deel fairtrade is.",
            "de samenvatting is gewone tekst zonder links; zet links onder 'links:' of in de tekst "
            "van de praktijk.",
        ),
    ],
    ids=["title-script", "title-link", "title-b", "summary-svg", "summary-p", "summary-link"],
)
def test_html_in_title_or_summary_is_refused(
    project: ProjectDir, monkeypatch, field: str, value: str, message: str
) -> None:
    text = re.sub(
        rf"^{field}: .*$", f"{field}: {json.dumps(value)}", VALID_FRONT, flags=re.MULTILINE
    )
    project.write("x.md", practice_text(text))
    monkeypatch.chdir(project.root)
    line = 2 if field == "titel" else 10
    assert [str(p) for p in load_project(project.root).problems] == [
        f"practices/x.md:{line}: fout: {field}: {message}"
    ]


# --- 2. text that is allowed is shown as text ------------------------------------------------

# Each of these passes the validator (asserted below) and would become markup, a link, a class,
# an entity or a template expression if a page forgot to escape it.
TRICKY_TITLES = {
    "hart": "Fietsen <3 & wandelen &amp; *sterren* en _liggend_ { .evil }",
    "haakjes": "Fiets [x](y) en ![beeld](z.png) \"quotes\" 'enkel' a</3 {{ jinja }}",
    "entiteit": "&lt;script&gt;window.__pwned(1)&lt;/script&gt; `code` | pipe \\ #kop",
}
# Characters that Markdown cannot escape with a backslash: escaping them anyway shows the
# backslash (a known bug, see test_titles_with_equals_tilde_caret_show_no_backslash).
UNESCAPABLE_TITLE = "Eén boom = één kind ~ 2^3 bomen"
# A summary that the validator lets through (no '<', no link) but that ends the attribute of
# Material's <meta name="description" content="…"> if that value is not escaped: it turns the
# meta tag into a refresh that sends every visitor to another host.
REFRESH_SUMMARY = '0;url=//evil.example.org/bezoekers-van-de-databank" http-equiv="refresh'
TRICKY_SUMMARY = (
    'Een *jaarlijkse* meter <3 & &amp; &lt;b&gt; {: .evil } "quotes" toont {{ x }} '
    "de gemeenteraad welk deel van de aankopen fairtrade is."
)
TRICKY_PARTNERS = ["[x](y) vzw & co <3", "{ .evil } #kop", "&lt;i&gt;Wereldwinkel&lt;/i&gt;"]
TRICKY_KEYWORDS = ["<3 fietsen", "*ster*", "a &amp; b"]
TRICKY_CONTACT = "Dienst *Duurzaamheid* & <3"
TRICKY_LINK_TITLE = "Meer [lezen](javascript:x) & *zo*"


def tricky_practices() -> dict[str, str]:
    """The fixture practices: every free-text field holds text that must stay text."""
    files = {}
    for i, (slug, titel) in enumerate(TRICKY_TITLES.items()):
        extra = {
            "samenvatting": json.dumps(f"Een praktijk met lastige tekens in de titel ({slug}).")
        }
        if i == 0:
            extra = {
                "samenvatting": json.dumps(TRICKY_SUMMARY),
                "partners": json.dumps(TRICKY_PARTNERS),
                "trefwoorden": json.dumps(TRICKY_KEYWORDS),
                "bron": json.dumps("Bron <3 & *gewone* tekst"),
                "contact": "{dienst: " + json.dumps(TRICKY_CONTACT) + "}",
                "links": "[{titel: "
                + json.dumps(TRICKY_LINK_TITLE)
                + ", url: 'https://www.vvsg.be/zoeken?a=1&b=2'}]",
            }
        files[f"gent-{slug}.md"] = front(
            json.dumps(titel), ["Gent"], [11, 13], ["mobiliteit"], **extra
        )
    files["gent-gewoon.md"] = front("Een gewone praktijk als buur", ["Gent"], [11], ["mobiliteit"])
    files["gent-bomen.md"] = front(
        json.dumps(UNESCAPABLE_TITLE), ["Gent"], [15], ["natuur-en-milieu"]
    )
    files["gent-verwijzing.md"] = front(
        "Een samenvatting met aanhalingstekens",
        ["Gent"],
        [16],
        ["veiligheid"],
        samenvatting=json.dumps(REFRESH_SUMMARY),
    )
    return files


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injectie")
    make_site(root, tricky_practices())
    return build(root)


def test_the_tricky_texts_pass_the_validator(tmp_path: Path) -> None:
    project = ProjectDir(tmp_path)
    for name, text in tricky_practices().items():
        project.write(name, text)
    result = load_project(tmp_path)
    assert [str(p) for p in result.problems] == []
    titles = {p.titel for p in result.practices}
    assert set(TRICKY_TITLES.values()) <= titles


class _Page(HTMLParser):
    """The visible text of a page (without scripts, styles and permalink anchors), its <title>,
    its <h1>, and every class and href used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title = ""
        self.h1: list[str] = []
        self.classes: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        self.classes.update((a.get("class") or "").split())
        if "href" in a:
            self.hrefs.append(a["href"] or "")
        if tag in ("script", "style") or "headerlink" in (a.get("class") or ""):
            self._skip += 1
        self._in_title |= tag == "title"
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style", "a") and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data) -> None:
        if self._in_title:
            self.title += data
        if self._skip:
            return
        self.text.append(data)
        if self._in_h1:
            self.h1[-1] += data

    @property
    def flat(self) -> str:
        return " ".join("".join(self.text).split())


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def squash(text: str) -> str:
    return " ".join(text.split())


def test_practice_page_shows_the_title_as_text(tricky_site: Path) -> None:
    for slug, titel in TRICKY_TITLES.items():
        path = tricky_site / "praktijken" / f"gent-{slug}" / "index.html"
        page = parse(path)
        assert [squash(h) for h in page.h1] == [titel], slug
        assert "evil" not in page.classes
        source = path.read_text(encoding="utf-8")
        for markup in (
            "<em>sterren</em>",
            "<em>liggend</em>",
            'href="y"',
            'src="z.png"',
            "<code>code</code>",
            "<script>window.__pwned",
            "{{",
            "{%",
        ):
            assert markup not in source.replace("{{ jinja }}", "").replace("{{ x }}", ""), (
                slug,
                markup,
            )


def test_every_free_text_field_is_shown_as_text(tricky_site: Path) -> None:
    path = tricky_site / "praktijken" / "gent-hart" / "index.html"
    page, source = parse(path), path.read_text(encoding="utf-8")
    text = page.flat
    for shown in (
        TRICKY_SUMMARY,
        *TRICKY_PARTNERS,
        TRICKY_CONTACT,
        TRICKY_LINK_TITLE,
        "Bron <3 & *gewone* tekst",
    ):
        assert squash(shown) in text, shown
    assert "evil" not in page.classes
    assert not any(h.startswith(("y", "javascript:")) for h in page.hrefs)
    # The link itself keeps its address; its query string is escaped in the attribute.
    assert 'href="https://www.vvsg.be/zoeken?a=1&amp;b=2"' in source
    # In the page content (the generator's part), a raw '<' of the allowed text never reaches
    # the HTML unescaped.
    content = source.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    assert "<3" not in content.replace('class="md-tag"><3 fietsen', "")


def test_the_tricky_titles_are_text_on_every_page_that_lists_them(tricky_site: Path) -> None:
    pages = [
        "catalogus",
        "gemeenten/gent",
        "sdg/11",
        "sdg/13",
        "beleidsdomeinen/mobiliteit",
        "provincies/oost-vlaanderen",
        "praktijken/gent-gewoon",
    ]
    for url in pages:
        page = parse(tricky_site / url / "index.html")
        text = page.flat
        for titel in TRICKY_TITLES.values():
            assert squash(titel) in text, (url, titel)
        assert "evil" not in page.classes, url
        assert "y" not in page.hrefs and "z.png" not in page.hrefs, url


def test_the_data_files_keep_the_text_verbatim(tricky_site: Path) -> None:
    data = (tricky_site / "catalogus" / "praktijken-data.js").read_text(encoding="utf-8")
    assert data.startswith("window.PK_CATALOGUE=") and data.rstrip().endswith(";")
    catalogue = json.loads(data.rstrip()[len("window.PK_CATALOGUE=") : -1])
    titles = {row[1] for row in catalogue["items"]}
    assert set(TRICKY_TITLES.values()) <= titles
    # "</script>" inside an inline script would end it; the data file is a separate script, but
    # keep it clean anyway: no raw closing tag of the allowed entities sneaks in decoded.
    assert "</script" not in data.lower()
    open_data = json.loads((tricky_site / "data" / "praktijken.json").read_text(encoding="utf-8"))
    assert set(TRICKY_TITLES.values()) <= {r["titel"] for r in open_data["praktijken"]}
    csv_text = (tricky_site / "data" / "praktijken.csv").read_text(encoding="utf-8")
    assert TRICKY_TITLES["entiteit"] in csv_text


def test_the_search_index_holds_text_not_markup(tricky_site: Path) -> None:
    index = json.loads((tricky_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {html.unescape(d["title"]) for d in index["docs"]}
    for titel in TRICKY_TITLES.values():
        assert any(squash(titel) == squash(re.sub(r"<[^>]+>", "", t)) for t in titles), titel


def test_keywords_are_no_markup_on_the_tags_page(tricky_site: Path) -> None:
    source = (tricky_site / "trefwoorden" / "index.html").read_text(encoding="utf-8")
    assert "<em>ster</em>" not in source and "*ster*" in source


# --- page metadata: MkDocs and Material insert title, description and tags unescaped -------


def test_the_summary_stays_inside_the_meta_description(tricky_site: Path) -> None:
    class Metas(HTMLParser):
        found: list[dict] = []

        def handle_starttag(self, tag, attrs) -> None:
            if tag == "meta" and ("name", "description") in attrs:
                self.found.append(dict(attrs))

    parser = Metas()
    parser.found = []
    parser.feed(
        (tricky_site / "praktijken" / "gent-verwijzing" / "index.html").read_text(encoding="utf-8")
    )
    assert parser.found == [{"name": "description", "content": REFRESH_SUMMARY}]


def test_the_browser_title_and_tags_show_the_text_as_written(tricky_site: Path) -> None:
    for slug, titel in TRICKY_TITLES.items():
        page = parse(tricky_site / "praktijken" / f"gent-{slug}" / "index.html")
        assert page.title == f"{titel} - {SITE_NAME}", (
            slug
        )  # 'Kost &amp; baat' shows as 'Kost & baat'
    tags = parse(tricky_site / "trefwoorden" / "index.html").flat
    for keyword in TRICKY_KEYWORDS:
        assert keyword in tags, keyword


def test_titles_with_equals_tilde_caret_show_no_backslash(tricky_site: Path) -> None:
    for url in ("praktijken/gent-bomen", "catalogus", "sdg/15", "gemeenten/gent"):
        assert UNESCAPABLE_TITLE in parse(tricky_site / url / "index.html").flat, url


# --- 3. defence in depth: even text the validator never saw is escaped by the renderer -------

MKDOCS_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    '<a href="javascript:alert(1)">x</a>',
    "[klik](javascript:alert(1))",
]


def test_the_renderer_escapes_even_unvalidated_text(tmp_path: Path) -> None:
    from generator.render.components import card
    from generator.render.practice import practice_page
    from generator.taxonomy import build_site

    project = ProjectDir(tmp_path)
    project.write("x.md", practice_text(VALID_FRONT, VALID_BODY))
    result = load_project(tmp_path)
    (valid,) = result.practices
    for payload in PAYLOADS:
        evil = dataclasses.replace(
            valid,
            titel=f"Titel {payload}",
            samenvatting=f"Tekst {payload}",
            partners=[payload],
            trefwoorden=[],
        )
        site = build_site([evil], result.vocab)
        for markdown in (practice_page(site, evil)[0], card("index.md", evil, result.vocab)):
            body = markdown.split("\n---\n", 1)[-1]  # the front matter holds JSON strings
            assert (
                "<img" not in body and "<script" not in body and '<a href="javascript' not in body
            )
            # Ready HTML blocks are left alone by Markdown, so '[klik](javascript:…)' in them
            # stays text; what is Markdown must escape it. Rendered as MkDocs does: no link.
            rendered = markdown_lib.markdown(body, extensions=MKDOCS_EXTENSIONS)
            assert not re.search(r"<a [^>]*href=\"javascript", rendered)
            assert "<script" not in rendered and "<img" not in rendered
