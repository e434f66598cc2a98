"""Every bad-input case of the format issue: the exact message line(s), with file and line.

Golden style: each test writes one or more files into a throw-away project, runs the
validator and compares the problems as `check` prints them. Line numbers refer to the file as
written; with `VALID_FRONT` the lines are:

     1 ---                          7   - duurzaam-aankoopbeleid
     2 titel: …                     8 status: lopend
     3 gemeenten:                   9 jaar: 2023
     4   - Merelbeke-Melle         10 samenvatting: …
     5 sdgs: [12, 17]              11 --- (or the first extra key)
     6 beleidsdomeinen:

and the body of `VALID_BODY` starts on line 12 (a blank line), `## Aanleiding` on line 13.
"""

import datetime as dt

import pytest
from conftest import VALID_BODY, VALID_FRONT, practice_text

from generator.project import load_project

TODAY = dt.date(2026, 11, 22)
F = "practices/praktijk.md"
SNIPPET_LINE = 25  # the line of `snippet` in `body_with(snippet)`

HTML_IN_TEXT = (
    "HTML is hier niet toegestaan; schrijf gewone tekst (geen tekens als <b> of <script>)."
)
LINK = (
    "de link '{}' is niet toegestaan: een link begint met https://, http:// of mailto:, "
    "of wijst naar een andere praktijk ('andere-praktijk.md')."
)
SCRIPT_LINK = LINK.format("javascript:alert(1)")
IMAGE = (
    "de afbeelding '{}' is geen bestand van de site; een afbeelding in de tekst staat in "
    "practices/_afbeeldingen/ (geen webadres: de site laadt niets van andere websites)."
)
NOWHERE = (
    "de link '{}' wijst naar niets op de site: link naar een andere praktijk met "
    "'andere-praktijk.md', naar een afbeelding in '_afbeeldingen/', of naar een webadres "
    "met https://."
)
NOT_A_FILE = (
    "moet een bestand in practices/_afbeeldingen/ zijn, bv. _afbeeldingen/markt.jpg "
    "(geen webadres, geen '..')."
)


@pytest.fixture
def check(project, monkeypatch):
    """Validate the project; returns the problems as `check` prints them."""
    monkeypatch.chdir(project.root)

    def run():
        return [str(p) for p in load_project(project.root, today=TODAY).problems]

    return run


@pytest.fixture
def practices(project, monkeypatch):
    """Validate the project; returns the valid practices by id."""
    monkeypatch.chdir(project.root)

    def run():
        result = load_project(project.root, today=TODAY)
        assert [str(p) for p in result.problems if p.is_error] == []
        return {p.id: p for p in result.practices}

    return run


def front(old, new, base=VALID_FRONT):
    """VALID_FRONT with one piece replaced."""
    assert old in base, old
    return base.replace(old, new, 1)


def body_with(snippet):
    return f"{VALID_BODY}\n{snippet}\n"


# --- the file as a whole -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n", "  \n\n\t\n"], ids=["leeg", "newline", "witruimte"])
def test_empty_file(project, check, text):
    project.write("praktijk.md", text)
    assert check() == [f"{F}:1: fout: het bestand is leeg."]


@pytest.mark.parametrize(
    "text",
    [
        "# Fair-O-Meter\n\nTekst zonder front matter.\n",
        VALID_FRONT + "---\n\n" + VALID_BODY,
        "\n---\n" + VALID_FRONT + "---\n\n" + VALID_BODY,
    ],
    ids=["alleen-tekst", "zonder-eerste-streepjes", "lege-eerste-regel"],
)
def test_no_front_matter(project, check, text):
    project.write("praktijk.md", text)
    assert check() == [
        f"{F}:1: fout: het bestand begint niet met front matter: de eerste regel moet '---' "
        "zijn, dan de velden (titel: …), dan weer '---'."
    ]


def test_unclosed_front_matter(project, check):
    project.write("praktijk.md", "---\n" + VALID_FRONT + "\n## Aanpak\n\nHoe.\n")
    assert check() == [
        f"{F}:1: fout: de front matter wordt niet afgesloten: zet een regel '---' na het "
        "laatste veld, vóór de tekst."
    ]


def test_empty_front_matter(project, check):
    project.write("praktijk.md", "---\n---\n\n" + VALID_BODY)
    assert check() == [
        f"{F}:1: fout: de front matter is leeg: vul de velden in (titel, gemeenten, …)."
    ]


def test_front_matter_closed_with_dots_is_accepted(project, check):
    project.write("praktijk.md", "---\n" + VALID_FRONT + "...\n\n" + VALID_BODY)
    assert check() == []


INDENT = (
    "ongeldige YAML: het inspringen klopt niet: velden op hetzelfde niveau moeten precies "
    "even ver inspringen."
)
TAB = "ongeldige YAML: er staat een tab-teken: spring in met spaties, niet met tabs."
QUOTE = "ongeldige YAML: een aanhalingsteken wordt geopend maar niet gesloten."


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            VALID_FRONT + "contact:\n  dienst: Dienst Duurzaamheid\n email: a@example.org\n",
            f"13: fout: {INDENT}",
            id="inspringen-veld",
        ),
        pytest.param(
            front("  - Merelbeke-Melle\n", "  - Merelbeke-Melle\n - Gent\n"),
            f"5: fout: {INDENT}",
            id="inspringen-lijst",
        ),
        pytest.param(
            front("jaar: 2023", " jaar: 2023"),
            "9: fout: ongeldige YAML: onverwachte dubbele punt. Zet tekst die zelf een ':' bevat "
            "tussen aanhalingstekens, of controleer het inspringen van deze regel.",
            id="inspringen-hoofdveld",
        ),
        pytest.param(
            front("titel: Fair-O-Meter meet", "titel: Fair-O-Meter: meet"),
            "2: fout: ongeldige YAML: onverwachte dubbele punt. Zet tekst die zelf een ':' bevat "
            "tussen aanhalingstekens, of controleer het inspringen van deze regel.",
            id="dubbele-punt-in-tekst",
        ),
        pytest.param(
            front("status: lopend", "status lopend"),
            "8: fout: ongeldige YAML: deze regel heeft geen dubbele punt na de veldnaam (verwacht: "
            "'veld: waarde').",
            id="geen-dubbele-punt",
        ),
        pytest.param(
            front("  - Merelbeke-Melle", "\t- Merelbeke-Melle"),
            f"4: fout: {TAB}",
            id="tab-inspringen",
        ),
        pytest.param(
            front("  - duurzaam-aankoopbeleid", "  - duurzaam-aankoopbeleid\n\t- jeugd"),
            f"8: fout: {TAB}",
            id="tab-in-lijst",
        ),
        pytest.param(
            front("titel: Fair-O-Meter", 'titel: "Fair-O-Meter'),
            f"2: fout: {QUOTE}",
            id="aanhalingsteken-dubbel",
        ),
        pytest.param(
            front("status: lopend", "status: 'lopend"),
            f"8: fout: {QUOTE}",
            id="aanhalingsteken-enkel",
        ),
        pytest.param(
            front(
                "titel: Fair-O-Meter meet de fairtrade-aankopen",
                "titel: 'Auto's delen op het plein'",
            ),
            "2: fout: ongeldige YAML: na de waarde tussen aanhalingstekens staat nog tekst. Zet de "
            'hele waarde tussen dubbele aanhalingstekens ("…"), of schrijf een enkel '
            "aanhalingsteken in de tekst dubbel ('Auto''s delen').",
            id="tekst-na-aanhalingsteken",
        ),
        pytest.param(
            front("sdgs: [12, 17]", "sdgs: [12, 17"),
            "5: fout: ongeldige YAML: een lijst tussen [ ] wordt niet gesloten met ']' of mist een "
            "komma tussen de waarden.",
            id="haakje-niet-gesloten",
        ),
        pytest.param(
            front("sdgs: [12, 17]", "sdgs: [12] [17]"),
            "5: fout: ongeldige YAML: na de ']' staat nog tekst; zet alle waarden binnen de "
            "haakjes, gescheiden door komma's.",
            id="tekst-na-haakje",
        ),
        pytest.param(
            VALID_FRONT + "contact: {dienst: Dienst Duurzaamheid\n",
            "11: fout: ongeldige YAML: een { wordt niet gesloten met '}' of mist een komma.",
            id="accolade-niet-gesloten",
        ),
        pytest.param(
            front("status: lopend", "status: lo\x07pend"),
            "8: fout: ongeldige YAML: deze regel bevat een onzichtbaar stuurteken (U+0007); "
            "verwijder het of typ de regel opnieuw.",
            id="stuurteken",
        ),
        pytest.param(
            front("samenvatting: Een", "samenvatting: @Een"),
            "10: fout: ongeldige YAML: een waarde mag niet met '@' of '`' beginnen; zet ze tussen "
            "aanhalingstekens.",
            id="apenstaartje",
        ),
    ],
)
def test_malformed_yaml(project, check, text, expected):
    project.write("praktijk.md", practice_text(text))
    assert check() == [f"{F}:{expected}"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("- titel: Fair-O-Meter\n- status: lopend\n", "een lijst"),
        ("Fair-O-Meter meet de fairtrade-aankopen\n", "losse tekst"),
    ],
)
def test_front_matter_that_is_not_a_mapping(project, check, text, kind):
    project.write("praktijk.md", practice_text(text))
    assert check() == [
        f"{F}:2: fout: de front matter is {kind}; verwacht worden velden met een waarde, één "
        "per regel, zoals 'titel: Mijn praktijk'."
    ]


@pytest.mark.parametrize(
    "bom, newline",
    [
        ("\ufeff", "\r\n"),
        ("\ufeff", "\n"),
        ("", "\r\n"),
        ("", "\r"),
    ],
    ids=["bom-crlf", "bom", "crlf", "cr"],
)
def test_bom_and_line_endings_are_accepted(project, check, bom, newline):
    text = bom + practice_text().replace("\n", newline)
    project.write("praktijk.md", text.encode("utf-8"))
    assert check() == []
    project.write("praktijk.md", text.replace("Merelbeke-Melle", "Gend").encode("utf-8"))
    assert check() == [
        f"{F}:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?"
    ]


NOT_UTF8 = "Sla het op als UTF-8, bijvoorbeeld via 'Opslaan als' in je teksteditor."


def test_file_not_utf8(project, check):
    text = practice_text(front("fairtrade is.", "fairtrade is, ook in het café."))
    project.write("praktijk.md", text.encode("latin-1"))
    assert check() == [
        f"{F}:10: fout: het bestand is geen geldige UTF-8-tekst (byte 0xe9). {NOT_UTF8}"
    ]


def test_file_in_utf16(project, check):
    project.write("praktijk.md", practice_text().encode("utf-16"))
    assert check() == [
        f"{F}:1: fout: het bestand is geen geldige UTF-8-tekst (byte 0xff). {NOT_UTF8}"
    ]


def padded(size):
    """A valid practice of exactly `size` bytes."""
    text = practice_text()
    return text + "x" * (size - len(text.encode("utf-8")) - 1) + "\n"


def test_file_over_200_kb(project, check):
    project.write("praktijk.md", padded(200 * 1024 + 1))
    assert check() == [
        f"{F}:1: fout: het bestand is 201 KB; de grens is 200 KB. Zet grote afbeeldingen of "
        "bijlagen niet in de tekst."
    ]


def test_file_of_200_kb_is_accepted(project, check):
    project.write("praktijk.md", padded(200 * 1024))
    assert check() == []


# --- types ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "sdgs: [12, 17]",
            'sdgs: "12, 17"',
            "5: fout: sdgs: verwacht een lijst, maar kreeg de tekst '12, 17'. Schrijf de waarden "
            "tussen [ ]: sdgs: [12, 17]",
        ),
        (  # the goals as people write them: the suggestion keeps the numbers only
            "sdgs: [12, 17]",
            "sdgs: SDG 12, SDG 13",
            "5: fout: sdgs: verwacht een lijst, maar kreeg de tekst 'SDG 12, SDG 13'. Schrijf de "
            "waarden tussen [ ]: sdgs: [12, 13]",
        ),
        (
            "sdgs: [12, 17]",
            "sdgs: sdg12, Sdg-13, 17",
            "5: fout: sdgs: verwacht een lijst, maar kreeg de tekst 'sdg12, Sdg-13, 17'. Schrijf "
            "de waarden tussen [ ]: sdgs: [12, 13, 17]",
        ),
        (
            "jaar: 2023",
            "jaar: twintig",
            "9: fout: jaar: verwacht een geheel getal, maar kreeg de tekst 'twintig'.",
        ),
        (
            "jaar: 2023",
            "jaar: 2023.5",
            "9: fout: jaar: verwacht een geheel getal, maar kreeg het getal 2023.5.",
        ),
        (
            "jaar: 2023",
            "jaar: true",
            "9: fout: jaar: verwacht een geheel getal, maar kreeg 'true'.",
        ),
        (
            "jaar: 2023",
            "jaar: '2⁰²³'",
            "9: fout: jaar: verwacht een geheel getal, maar kreeg de tekst '2⁰²³'.",
        ),
        (
            "jaar: 2023",
            "jaar: '" + "9" * 5000 + "'",
            "9: fout: jaar: verwacht een geheel getal, maar kreeg de tekst '" + "9" * 5000 + "'.",
        ),
        (
            "sdgs: [12, 17]",
            "sdgs: [12, twaalf]",
            "5: fout: sdgs: verwacht een SDG-nummer van 1 tot 17, maar kreeg de tekst 'twaalf'.",
        ),
        (
            "gemeenten:\n  - Merelbeke-Melle",
            "gemeenten: {Gent: ja}",
            "3: fout: gemeenten: verwacht een lijst, maar kreeg velden (een mapping). Verwacht een "
            "lijst. Bijvoorbeeld: gemeenten: [Merelbeke-Melle]",
        ),
        (
            "status: lopend",
            "status: [lopend]",
            "8: fout: status: verwacht tekst, maar kreeg een lijst.",
        ),
        (
            "titel: Fair-O-Meter meet de fairtrade-aankopen",
            "titel:",
            "2: fout: titel: verplicht veld ontbreekt of is leeg. Verwacht tekst (5–120 tekens). "
            "Bijvoorbeeld: titel: Fair-O-Meter meet de fairtrade-aankopen van het bestuur",
        ),
    ],
    ids=[
        "sdgs-tekst",
        "sdgs-tekst-met-sdg",
        "sdgs-tekst-met-sdg-varianten",
        "jaar-woord",
        "jaar-kommagetal",
        "jaar-boolean",
        "jaar-superscript",
        "jaar-5000-cijfers",
        "sdg-woord",
        "gemeenten-mapping",
        "status-lijst",
        "titel-leeg",
    ],
)
def test_wrong_types(project, check, old, new, expected):
    project.add("praktijk.md", front=front(old, new))
    assert check() == [f"{F}:{expected}"]


@pytest.mark.parametrize(
    "extra, expected",
    [
        ("voorbeeld: ja", "11: fout: voorbeeld: verwacht true of false, maar kreeg de tekst 'ja'."),
        (
            "contact: Dienst Duurzaamheid",
            "11: fout: contact: verwacht velden eronder (naam, dienst, email, url), maar kreeg de "
            "tekst 'Dienst Duurzaamheid'.",
        ),
        (
            "links: https://example.org",
            "11: fout: links: verwacht velden eronder (titel, url), maar kreeg de tekst "
            "'https://example.org'.",
        ),
        (
            "bijgewerkt: gisteren",
            "11: fout: bijgewerkt: verwacht een datum als JJJJ-MM-DD (bv. 2025-10-14), maar kreeg "
            "de tekst 'gisteren'.",
        ),
        (
            "bijgewerkt: 2025-02-30",
            "11: fout: bijgewerkt: verwacht een datum als JJJJ-MM-DD (bv. 2025-10-14), maar kreeg "
            "de tekst '2025-02-30'.",
        ),
        (
            "trefwoorden: {fairtrade: ja}",
            "11: fout: trefwoorden: verwacht een lijst, maar kreeg velden (een mapping). Verwacht "
            "een lijst. Bijvoorbeeld: trefwoorden: [fairtrade]",
        ),
        (
            'subdoelen: ["².1"]',
            "11: fout: subdoelen: '².1' is geen subdoel; een subdoel heeft de vorm '11.6' of "
            "'17.a' (tussen aanhalingstekens).",
        ),
        (
            "trefwoorden: &a [*a]",
            "11: fout: ongeldige YAML: een YAML-anker ('&a') is niet toegestaan. Schrijf elke "
            "waarde voluit; zet tekst die met '&' begint tussen aanhalingstekens.",
        ),
    ],
    ids=[
        "voorbeeld",
        "contact",
        "links",
        "datum-woord",
        "datum-onmogelijk",
        "trefwoorden",
        "subdoel-superscript",
        "verwijzing-naar-zichzelf",
    ],
)
def test_wrong_types_of_optional_fields(project, check, extra, expected):
    project.add("praktijk.md", front=VALID_FRONT + extra + "\n")
    assert check() == f"{F}:{expected}".split("\n")


def test_single_values_are_read_as_lists(project, practices):
    project.add(
        "praktijk.md",
        front=front(
            "gemeenten:\n  - Merelbeke-Melle",
            "gemeenten: Gent",
            front("sdgs: [12, 17]", "sdgs: 12", front("jaar: 2023", "jaar: '2023'")),
        ),
    )
    practice = practices()["praktijk"]
    assert [m.name for m in practice.gemeenten] == ["Gent"]
    assert practice.sdgs == [12]
    assert practice.jaar == 2023


# --- SDG's ---------------------------------------------------------------------------------


def test_sdg_out_of_range_and_duplicates(project, check):
    sdgs = "sdgs:\n  - 0\n  - 12\n  - 18\n  - 12"
    project.add("praktijk.md", front=front("sdgs: [12, 17]", sdgs))
    assert check() == [
        f"{F}:6: fout: sdgs: SDG 0 bestaat niet; de SDG's zijn genummerd van 1 tot 17.",
        f"{F}:8: fout: sdgs: SDG 18 bestaat niet; de SDG's zijn genummerd van 1 tot 17.",
        f"{F}:9: fout: sdgs: '12' staat twee keer in de lijst.",
    ]


def test_more_than_five_sdgs(project, check):
    project.add("praktijk.md", front=front("sdgs: [12, 17]", "sdgs: [1, 2, 3, 4, 5, 6]"))
    assert check() == [
        f"{F}:5: fout: sdgs: de lijst heeft 6 items; hoogstens 5 toegelaten. Kies de "
        "belangrijkste hoofddoelen."
    ]


def test_empty_sdg_list(project, check):
    project.add("praktijk.md", front=front("sdgs: [12, 17]", "sdgs: []"))
    assert check() == [f"{F}:5: fout: sdgs: de lijst is leeg; verwacht 1–5 items."]


# --- keys ----------------------------------------------------------------------------------


def test_misspelled_required_key(project, check):
    project.add("praktijk.md", front=front("gemeenten:", "gemeente:"))
    assert check() == [
        f"{F}:1: fout: gemeenten: verplicht veld ontbreekt of is leeg. Verwacht een lijst. "
        "Bijvoorbeeld: gemeenten: [Merelbeke-Melle]",
        f"{F}:3: fout: onbekend veld 'gemeente'. Bedoel je 'gemeenten'?",
    ]


@pytest.mark.parametrize(
    "extra, suggestion",
    [
        ('subdoel: ["12.7"]', "subdoelen"),
        ("lmb_categorie: fair-trade", "lmb-categorie"),
        ("principe: [participatie]", "principes"),
        ("partnerland: [BJ]", "partnerlanden"),
        ("afbeeling:\n  pad: markt.png\n  alt: Een markt", "afbeelding"),
        ("Bron: VVSG-bevraging 2025", "bron"),
    ],
)
def test_misspelled_optional_key(project, check, extra, suggestion):
    project.add("praktijk.md", front=VALID_FRONT + extra + "\n")
    key = extra.split(":")[0]
    assert check() == [f"{F}:11: fout: onbekend veld '{key}'. Bedoel je '{suggestion}'?"]


def test_unknown_key_lists_the_fields(project, check):
    project.add("praktijk.md", front=VALID_FRONT + "budget: 5000\n")
    assert check() == [
        f"{F}:11: fout: onbekend veld 'budget'. Toegelaten velden: titel, gemeenten, sdgs, "
        "subdoelen, beleidsdomeinen, lmb-categorie, principes, status, jaar, samenvatting, "
        "partnerlanden, partners, contact, links, afbeelding, trefwoorden, bron, bijgewerkt, "
        "voorbeeld."
    ]


def test_unknown_key_in_contact(project, check):
    project.add(
        "praktijk.md",
        front=VALID_FRONT + "contact:\n  dienst: Milieudienst\n  mail: milieu@example.org\n",
    )
    assert check() == [
        f"{F}:13: fout: contact: onbekend veld 'mail' in 'contact'. Bedoel je 'email'?"
    ]


def test_duplicate_key(project, check):
    project.add("praktijk.md", front=VALID_FRONT + "jaar: 2024\n")
    assert check() == [
        f"{F}:11: fout: het veld 'jaar' staat twee keer in de front matter (ook op regel 9); "
        "houd er één."
    ]


# --- ids -----------------------------------------------------------------------------------


def test_same_id_in_two_folders(project, check):
    project.add("2024/fair-o-meter.md")
    project.add("oost-vlaanderen/fair-o-meter.md")
    assert check() == [
        "practices/2024/fair-o-meter.md:1: fout: de id 'fair-o-meter' (de bestandsnaam) wordt ook "
        "gebruikt door practices/oost-vlaanderen/fair-o-meter.md; elke praktijk heeft een unieke "
        "bestandsnaam.",
        "practices/oost-vlaanderen/fair-o-meter.md:1: fout: de id 'fair-o-meter' (de "
        "bestandsnaam) wordt ook gebruikt door practices/2024/fair-o-meter.md; elke praktijk "
        "heeft een unieke bestandsnaam.",
    ]


@pytest.mark.parametrize(
    "stem, hint",
    [
        ("Fair-O-Meter", "fair-o-meter"),
        ("fair_o_meter", "fair-o-meter"),
        ("fair--meter", "fair-meter"),
        ("café-markt", "cafe-markt"),
        ("met spatie", "met-spatie"),
        ("-begin", "begin"),
    ],
)
def test_id_that_is_not_a_slug(project, check, stem, hint):
    project.add(f"{stem}.md")
    assert check() == [
        f"practices/{stem}.md:1: fout: de bestandsnaam '{stem}.md' is geen geldige id: gebruik "
        "kleine letters a-z, cijfers en enkele koppeltekens, zonder spaties of accenten, "
        f"bijvoorbeeld '{hint}.md'."
    ]


@pytest.mark.parametrize("name", ["praktijk.MD", "praktijk.txt", "praktijk.markdown"])
def test_file_that_is_not_read_is_reported(project, check, name):
    project.add(name)
    assert check() == [
        f"practices/{name}:1: waarschuwing: dit bestand wordt niet gelezen: een praktijk is een "
        "bestand met de extensie '.md' (kleine letters)."
    ]


# --- HTML and script -----------------------------------------------------------------------


EVENT = (
    "het HTML-attribuut '{}' op <{}> is niet toegestaan en wordt weggelaten (het kan "
    "script uitvoeren of iets laden)."
)
ELEMENT = (
    "het HTML-element <{}> wordt met zijn inhoud weggelaten. Schrijf gewone Markdown; een "
    "video, kaart of formulier kan als link."
)


@pytest.mark.parametrize(
    "snippet, messages",
    [
        ("<script>alert(1)</script>", [ELEMENT.format("script")]),
        ("<SCRIPT src=https://example.org/x.js></SCRIPT>", [ELEMENT.format("script")]),
        ('<iframe src="https://example.org"></iframe>', [ELEMENT.format("iframe")]),
        ("<object data=x></object>", [ELEMENT.format("object")]),
        ("<embed src=x>", [ELEMENT.format("embed")]),
        ("<svg onload=alert(1)>", [ELEMENT.format("svg")]),
        ("<img src=x onerror=alert(1)>", [NOWHERE.format("x"), EVENT.format("onerror", "img")]),
        ('<IMG SRC="x" OnError="alert(1)">', [NOWHERE.format("x"), EVENT.format("onerror", "img")]),
        ('<a href="#" onclick="alert(1)">klik</a>', [EVENT.format("onclick", "a")]),
        ('<a title="x>" onmouseover="alert(1)">klik</a>', [EVENT.format("onmouseover", "a")]),
        ("[klik](javascript:alert(1))", [SCRIPT_LINK]),
        ("[klik](JaVaScRiPt:alert(1))", [LINK.format("JaVaScRiPt:alert(1)")]),
        ("[klik]( javascript:alert(1))", [SCRIPT_LINK]),
        ("[klik](java&#x73;cript:alert(1))", [SCRIPT_LINK]),
        ("[klik](&#106;avascript:alert(1))", [SCRIPT_LINK]),
        ("[k]: javascript:alert(1)\n\n[klik][k]", [SCRIPT_LINK]),
        ('<a href="javascript:alert(1)">klik</a>', [SCRIPT_LINK]),
        ('<a href="jav&#x09;ascript:alert(1)">klik</a>', [LINK.format("jav\\x09ascript:alert(1)")]),
        ("[klik](vbscript:msgbox(1))", [LINK.format("vbscript:msgbox(1)")]),
        (
            "![beeld](data:image/svg+xml;base64,PHN2Zz4=)",
            [IMAGE.format("data:image/svg+xml;base64,PHN2Zz4=")],
        ),
        ("[klik](data:text/html,<b>x</b>)", [LINK.format("data:text/html,<b>x</b>")]),
        ('<img src="data:image/png;base64,AAAA">', [IMAGE.format("data:image/png;base64,AAAA")]),
        (
            "![Kaart](https://example.org/kaart.png)",
            [IMAGE.format("https://example.org/kaart.png")],
        ),
        (
            '<p style="background:url(https://example.org/x.png)">x</p>',
            [EVENT.format("style", "p")],
        ),
        (
            '<a href="https://example.org" ping="https://example.org/p">x</a>',
            [EVENT.format("ping", "a")],
        ),
        ('<p id="__config">x</p>', [EVENT.format("id", "p")]),
        (
            "<video src=x.mp4></video>",
            [
                "het HTML-element <video> wordt weggelaten (de tekst erin blijft). Schrijf gewone "
                "Markdown; een video, kaart of formulier kan als link."
            ],
        ),
        ("[klik](ander-bestand.html)", [NOWHERE.format("ander-bestand.html")]),
        (
            "[klik](bestaat-niet.md)",
            [
                "de link 'bestaat-niet.md' wijst naar niets: er is geen praktijk 'bestaat-niet.md' "
                "in practices/."
            ],
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_script_in_body(project, check, snippet, messages):
    project.add("praktijk.md", body=body_with(snippet))
    assert check() == [f"{F}:{SNIPPET_LINE}: fout: tekst: {m}" for m in messages]


def test_every_script_in_body_is_reported(project, check):
    project.add(
        "praktijk.md",
        body=body_with(
            "[a](javascript:alert(1))\n\n[b](java&#x73;cript:alert(2))\n\n![c](data:image/png,x)"
        ),
    )
    assert check() == [
        f"{F}:25: fout: tekst: {SCRIPT_LINK}",
        f"{F}:27: fout: tekst: {LINK.format('javascript:alert(2)')}",
        f"{F}:29: fout: tekst: {IMAGE.format('data:image/png,x')}",
    ]


@pytest.mark.parametrize(
    "snippet",
    [
        "<b>Vet</b>, <em>schuin</em> en een regel<br>einde.",
        "JavaScript is een programmeertaal; data: 12 deelnemers.",
        "[Meer](https://example.org/script.html)",
        "[Mail](mailto:milieu@example.org) en [elders](#aanpak)",
        "Tabel:\n\n| a | b |\n|:--|--:|\n| 1 | 2 |",
        "<!-- een opmerking voor de redactie -->",
    ],
)
def test_harmless_body_is_accepted(project, check, snippet):
    project.add("praktijk.md", body=body_with(snippet))
    assert check() == []


@pytest.mark.parametrize(
    "extra, line, label",
    [
        ("partners:\n  - Oxfam\n  - <iframe src=x></iframe>", 13, "partners"),
        ("trefwoorden: ['<img src=x onerror=alert(1)>']", 11, "trefwoorden"),
        ('bron: \'<a href="https://example.org" onclick="alert(1)">bron</a>\'', 11, "bron"),
        ("contact:\n  dienst: <script>alert(1)</script>", 12, "contact.dienst"),
        ("contact:\n  naam: <b>Jan</b>", 12, "contact.naam"),
        ("links:\n  - titel: <script>x</script>\n    url: https://example.org", 12, "links.titel"),
        (
            "afbeelding:\n  pad: markt.png\n  alt: Een <script>alert(1)</script> markt",
            13,
            "afbeelding.alt",
        ),
    ],
)
def test_html_in_optional_text_fields(project, check, extra, line, label):
    project.write("markt.png", b"\x89PNG\r\n\x1a\n")
    project.add("praktijk.md", front=VALID_FRONT + extra + "\n")
    assert check() == [f"{F}:{line}: fout: {label}: {HTML_IN_TEXT}"]


@pytest.mark.parametrize(
    "old, new, line, label",
    [
        ("titel: Fair-O-Meter", "titel: <script>alert(1)</script> Fair-O-Meter", 2, "titel"),
        ("samenvatting: Een", "samenvatting: <img src=x onerror=alert(1)> Een", 10, "samenvatting"),
    ],
)
def test_html_in_required_text_fields(project, check, old, new, line, label):
    project.add("praktijk.md", front=front(old, new))
    assert check() == [f"{F}:{line}: fout: {label}: {HTML_IN_TEXT}"]


SCHEME = (
    "is een script- of data-link; die zijn niet toegestaan. Gebruik een webadres dat "
    "begint met https://."
)
NOT_HTTP = (
    "is geen geldig webadres; verwacht een adres dat begint met https:// (of http://), "
    "bijvoorbeeld https://www.vvsg.be."
)


@pytest.mark.parametrize(
    "url, message",
    [
        ("javascript:alert(1)", f"'javascript:alert(1)' {SCHEME}"),
        ("' JavaScript:alert(1)'", f"'JavaScript:alert(1)' {SCHEME}"),
        ("java&#x73;cript:alert(1)", f"'java&#x73;cript:alert(1)' {SCHEME}"),
        ("data:text/html,hallo", f"'data:text/html,hallo' {SCHEME}"),
        ("ftp://example.org/verslag.pdf", f"'ftp://example.org/verslag.pdf' {NOT_HTTP}"),
        ("mailto:milieu@example.org", f"'mailto:milieu@example.org' {NOT_HTTP}"),
        ("www.vvsg.be", f"'www.vvsg.be' {NOT_HTTP}"),
        ("https://", f"'https://' {NOT_HTTP}"),
    ],
)
def test_link_that_is_not_http(project, check, url, message):
    project.add("praktijk.md", front=VALID_FRONT + f"links:\n  - titel: Verslag\n    url: {url}\n")
    assert check() == [f"{F}:13: fout: links.url: {message}"]


def test_contact_url_that_is_not_http(project, check):
    project.add(
        "praktijk.md",
        front=VALID_FRONT + "contact:\n  dienst: Milieudienst\n  url: javascript:alert(1)\n",
    )
    assert check() == [f"{F}:13: fout: contact.url: 'javascript:alert(1)' {SCHEME}"]


def test_http_links_are_accepted(project, practices):
    project.add(
        "praktijk.md",
        front=VALID_FRONT
        + (
            "links:\n  - titel: Projectpagina\n    url: https://example.org/project?id=3#top\n"
            "  - titel: Oude pagina\n    url: http://example.org\n"
        ),
    )
    assert [link.url for link in practices()["praktijk"].links] == [
        "https://example.org/project?id=3#top",
        "http://example.org",
    ]


# --- images --------------------------------------------------------------------------------


def image(pad, alt="Kraampjes op de markt met fairtrade-koffie"):
    return VALID_FRONT + f"afbeelding:\n  pad: {pad}\n  alt: {alt}\n"


def test_missing_image(project, check):
    project.add("praktijk.md", front=image("markt.png"))
    assert check() == [
        f"{F}:12: fout: afbeelding.pad: de afbeelding 'markt.png' is niet gevonden in "
        "practices/_afbeeldingen/. Controleer de naam en de hoofdletters."
    ]


def test_missing_alt(project, check):
    project.write("markt.png", b"\x89PNG\r\n\x1a\n")
    project.add("praktijk.md", front=VALID_FRONT + "afbeelding:\n  pad: markt.png\n")
    assert check() == [
        f"{F}:11: fout: afbeelding.alt: ontbreekt. Wat er op de afbeelding te zien is."
    ]


def test_alt_too_short(project, check):
    project.write("markt.png", b"\x89PNG\r\n\x1a\n")
    project.add("praktijk.md", front=image("markt.png", alt="Foto"))
    assert check() == [f"{F}:13: fout: afbeelding.alt: is 4 tekens lang; verwacht 5–200 tekens."]


@pytest.mark.parametrize(
    "pad",
    [
        "../markt.png",
        "_afbeeldingen/../../geheim.png",
        "/etc/markt.png",
        "https://example.org/markt.png",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
    ],
)
def test_image_path_outside_the_repository(project, check, pad):
    project.add("praktijk.md", front=image(pad))
    assert check() == [f"{F}:12: fout: afbeelding.pad: '{pad}' {NOT_A_FILE}"]


def test_image_that_is_not_an_image(project, check):
    project.write("_afbeeldingen/markt.gif", b"GIF89a")
    project.add("praktijk.md", front=image("markt.gif"))
    assert check() == [
        f"{F}:12: fout: afbeelding.pad: 'markt.gif' is geen afbeelding; verwacht een bestand "
        ".jpg, .png, .webp of .svg."
    ]


# Hostile SVGs and the other image rules: tests/test_images.py.
SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="3"/></svg>\n'


@pytest.mark.parametrize(
    "where, pad",
    [
        ("_afbeeldingen/markt.svg", "markt.svg"),
        ("_afbeeldingen/markt.svg", "_afbeeldingen/markt.svg"),
    ],
    ids=["afbeeldingen-kort", "afbeeldingen-pad"],
)
def test_image_is_found(project, practices, where, pad):
    project.write(where, SAFE_SVG)
    project.add("praktijk.md", front=image(pad))
    found = practices()["praktijk"].afbeelding
    assert (found.pad, found.file.resolve()) == (pad, (project.practices / where).resolve())


# --- municipalities ------------------------------------------------------------------------


def municipalities(*names):
    return front("  - Merelbeke-Melle\n", "".join(f"  - {n}\n" for n in names))


def test_misspelled_municipality(project, check):
    project.add("fair-o-meter.md", front=municipalities("Gend"))
    assert check() == [
        "practices/fair-o-meter.md:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. "
        "Bedoel je 'Gent'?"
    ]


def test_unknown_municipality_without_suggestion(project, check):
    project.add("praktijk.md", front=municipalities("Xyzzy"))
    assert check() == [
        f"{F}:4: fout: gemeenten: 'Xyzzy' is geen Vlaamse gemeente. Gebruik de officiële naam "
        "sinds 2025."
    ]


@pytest.mark.parametrize(
    "old, new",
    [
        ("Melle", "Merelbeke-Melle"),
        ("Merelbeke", "Merelbeke-Melle"),
        ("Kortessem", "Hasselt"),
        ("Galmaarden", "Pajottegem"),
        ("De Pinte", "Nazareth-De Pinte"),
        ("Moerbeke", "Lokeren"),
        ("Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht"),
        ("ruiselede", "Wingene"),
    ],
)
def test_merged_municipality(project, check, old, new):
    project.add("praktijk.md", front=municipalities("Gent", old))
    assert check() == [
        f"{F}:5: fout: gemeenten: {old} bestaat sinds 2025 niet meer als gemeente; bedoel je "
        f"'{new}'?"
    ]


def test_municipality_variants_are_stored_with_official_name(project, practices):
    project.add(
        "praktijk.md",
        front=municipalities(
            "gent",
            "merelbeke melle",
            "Hechtel Eksel",
            "SINT NIKLAAS",
            "Géraardsbergen",
            "  beveren-kruibeke zwijndrecht  ",
            "'nazareth de pinte'",
        ),
    )
    assert [m.name for m in practices()["praktijk"].gemeenten] == [
        "Gent",
        "Merelbeke-Melle",
        "Hechtel-Eksel",
        "Sint-Niklaas",
        "Geraardsbergen",
        "Beveren-Kruibeke-Zwijndrecht",
        "Nazareth-De Pinte",
    ]


def test_same_municipality_twice(project, check):
    project.add("praktijk.md", front=municipalities("Gent", "gent"))
    assert check() == [f"{F}:5: fout: gemeenten: 'Gent' staat twee keer in de lijst."]


# --- vocabularies --------------------------------------------------------------------------


DOMAINS_FILE = "De toegelaten waarden staan in practices/_lijsten/beleidsdomeinen.yml."


@pytest.mark.parametrize(
    "domain, hint",
    [
        ("duurzaam-aankoopbelied", "Bedoel je 'duurzaam-aankoopbeleid'?"),
        ("Mobiliteit", "Bedoel je 'mobiliteit'?"),
        ("Klimaat en energie", "Bedoel je 'klimaat-en-energie'?"),
        ("klimaat", "Bedoel je 'klimaat-en-energie'?"),
        ("onderwijs", "Bedoel je 'onderwijs-en-kinderopvang'?"),
        ("ruimte-voor-iets-anders", DOMAINS_FILE),
    ],
)
def test_unknown_policy_domain(project, check, domain, hint):
    project.add("praktijk.md", front=front("duurzaam-aankoopbeleid", domain))
    assert check() == [
        f"{F}:7: fout: beleidsdomeinen: '{domain}' is geen geldig beleidsdomein. {hint}"
    ]


@pytest.mark.parametrize(
    "extra, expected",
    [
        (
            "lmb-categorie: fairtrade",
            "lmb-categorie: 'fairtrade' is geen geldige LMB-categorie. Bedoel je 'fair-trade'?",
        ),
        (
            "principes: [dwarsverband]",
            "principes: 'dwarsverband' is geen geldig principe. Bedoel je 'dwarsverbanden'?",
        ),
        (
            "principes: [iets]",
            "principes: 'iets' is geen geldig principe. Verwacht een van: leave-no-one-behind, "
            "dwarsverbanden, multi-stakeholder, participatie, transversaal-werken.",
        ),
        (
            "partnerlanden: [Benin]",
            "partnerlanden: 'Benin' is geen landcode; verwacht een ISO-code van twee letters, "
            "zoals BJ (Benin) of ZA (Zuid-Afrika). Bedoel je 'BJ' (Benin)?",
        ),
        (
            "partnerlanden: [XX]",
            "partnerlanden: 'XX' is geen landcode; verwacht een ISO-code van twee letters, zoals "
            "BJ (Benin) of ZA (Zuid-Afrika).",
        ),
    ],
)
def test_unknown_term(project, check, extra, expected):
    project.add("praktijk.md", front=VALID_FRONT + extra + "\n")
    assert check() == [f"{F}:11: fout: {expected}"]


def test_unknown_status(project, check):
    project.add("praktijk.md", front=front("status: lopend", "status: bezig"))
    assert check() == [
        f"{F}:8: fout: status: 'bezig' is geen geldige status. Verwacht een van: gepland, lopend, "
        "afgerond."
    ]


def test_country_codes_ignore_case(project, practices):
    project.add("praktijk.md", front=VALID_FRONT + "partnerlanden: [bj, ZA]\n")
    assert practices()["praktijk"].partnerlanden == ["BJ", "ZA"]


# --- subdoelen -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, message",
    [
        (
            '"12.99"',
            "subdoel '12.99' bestaat niet. SDG 12 heeft de subdoelen 12.1, 12.2, 12.3, "
            "12.4, 12.5, 12.6, 12.7, 12.8, 12.a, 12.b, 12.c.",
        ),
        (
            '"12.d"',
            "subdoel '12.d' bestaat niet. SDG 12 heeft de subdoelen 12.1, 12.2, 12.3, "
            "12.4, 12.5, 12.6, 12.7, 12.8, 12.a, 12.b, 12.c.",
        ),
        ('"18.1"', "'18.1' bestaat niet: SDG 18 bestaat niet."),
        (
            "12",
            "'12' is geen subdoel; een subdoel heeft de vorm '11.6' of '17.a' (tussen "
            "aanhalingstekens).",
        ),
        (
            "afval",
            "'afval' is geen subdoel; een subdoel heeft de vorm '11.6' of '17.a' (tussen "
            "aanhalingstekens).",
        ),
    ],
)
def test_unknown_target(project, check, target, message):
    project.add("praktijk.md", front=VALID_FRONT + f'subdoelen:\n  - "12.7"\n  - {target}\n')
    assert check() == [f"{F}:13: fout: subdoelen: {message}"]


def test_target_of_other_goal_is_a_warning(project, check, practices):
    project.add("praktijk.md", front=VALID_FRONT + 'subdoelen: ["12.7", "11.6"]\n')
    assert check() == [
        f"{F}:11: waarschuwing: subdoelen: subdoel 11.6 hoort bij SDG 11, die niet in 'sdgs' "
        "staat. Voeg SDG 11 toe of schrap het subdoel."
    ]
    assert practices()["praktijk"].subdoelen == ["11.6", "12.7"]


def test_unquoted_targets_keep_their_spelling(project, practices):
    project.add("praktijk.md", front=VALID_FRONT + "subdoelen: [17.10, 17.1, 12.a, 12.7]\n")
    assert practices()["praktijk"].subdoelen == ["12.7", "12.a", "17.1", "17.10"]


# --- dates and ranges ----------------------------------------------------------------------


def test_bijgewerkt_in_the_future(project, check):
    project.add("praktijk.md", front=VALID_FRONT + "bijgewerkt: 2026-11-23\n")
    assert check() == [
        f"{F}:11: fout: bijgewerkt: 2026-11-23 ligt in de toekomst; vul de datum van de laatste "
        "update in."
    ]


def test_bijgewerkt_today_is_accepted(project, practices):
    project.add("praktijk.md", front=VALID_FRONT + "bijgewerkt: 2026-11-22\n")
    assert practices()["praktijk"].bijgewerkt == TODAY


@pytest.mark.parametrize("year", [1999, 2029, 0, 20233])
def test_jaar_out_of_range(project, check, year):
    project.add("praktijk.md", front=front("jaar: 2023", f"jaar: {year}"))
    assert check() == [f"{F}:9: fout: jaar: {year} ligt buiten het bereik; verwacht 2000–2028."]


@pytest.mark.parametrize("year", [2000, 2028])
def test_jaar_at_the_limits_is_accepted(project, practices, year):
    project.add("praktijk.md", front=front("jaar: 2023", f"jaar: {year}"))
    assert practices()["praktijk"].jaar == year


def test_jaar_limit_follows_today(project, monkeypatch):
    monkeypatch.chdir(project.root)
    project.add("praktijk.md", front=front("jaar: 2023", "jaar: 2029"))
    assert load_project(project.root, today=dt.date(2027, 1, 1)).problems == []


# --- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "summary",
    [
        "Een jaarlijkse [meter](https://example.org/meter) toont welk deel fairtrade is.",
        "Een jaarlijkse meter toont welk deel fairtrade is, zie https://example.org/meter.",
        "Een jaarlijkse [meter]() toont de gemeenteraad welk deel fairtrade is.",
    ],
    ids=["markdown-link", "los-adres", "lege-link"],
)
def test_samenvatting_with_a_link(project, check, summary):
    project.add(
        "praktijk.md",
        front=front(
            "samenvatting: Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen "
            "fairtrade is.",
            f"samenvatting: {summary}",
        ),
    )
    assert check() == [
        f"{F}:10: fout: samenvatting: de samenvatting is gewone tekst zonder links; zet links "
        "onder 'links:' of in de tekst van de praktijk."
    ]


def test_text_lengths(project, check):
    project.add(
        "praktijk.md",
        front=front(
            "titel: Fair-O-Meter meet de fairtrade-aankopen",
            "titel: Fair",
            front(
                "samenvatting: Een jaarlijkse meter toont de gemeenteraad welk deel van de "
                "aankopen fairtrade is.",
                "samenvatting: Te kort.",
            ),
        ),
    )
    assert check() == [
        f"{F}:2: fout: titel: is 4 tekens lang; verwacht 5–120 tekens.",
        f"{F}:10: fout: samenvatting: is 8 tekens lang; verwacht 40–400 tekens.",
    ]


def test_contact_needs_a_service_or_name(project, check):
    project.add("praktijk.md", front=VALID_FRONT + "contact:\n  email: milieu@example.org\n")
    assert check() == [f"{F}:11: fout: contact: vul minstens 'dienst' of 'naam' in."]


def test_invalid_email(project, check):
    project.add(
        "praktijk.md",
        front=VALID_FRONT + "contact:\n  dienst: Milieudienst\n  email: milieu.example.org\n",
    )
    assert check() == [
        f"{F}:13: fout: contact.email: 'milieu.example.org' is geen geldig e-mailadres (verwacht "
        "bijvoorbeeld dienst@gemeente.be)."
    ]


# --- body ----------------------------------------------------------------------------------


def test_missing_aanpak_is_an_error(project, check):
    project.add("praktijk.md", body="## Aanleiding\n\nWaarom.\n\n## Resultaten\n\nWat.\n")
    assert check() == [
        f"{F}:12: fout: tekst: de verplichte sectie '## Aanpak' ontbreekt (hoe werd het "
        "aangepakt?)."
    ]


def test_missing_aanleiding_and_resultaten_are_warnings(project, check, practices):
    project.add("praktijk.md", body="## Aanpak\n\nHoe.\n\n")
    assert check() == [
        f"{F}:12: waarschuwing: tekst: de sectie '## Aanleiding' ontbreekt.",
        f"{F}:15: waarschuwing: tekst: de sectie '## Resultaten' ontbreekt.",
    ]
    assert list(practices()) == ["praktijk"]


@pytest.mark.parametrize("body", ["", "\n\n   \n"], ids=["leeg", "witruimte"])
def test_empty_body(project, check, body):
    project.add("praktijk.md", body=body)
    assert check() == [
        f"{F}:11: fout: tekst: de tekst van de praktijk is leeg. Schrijf onder de front matter "
        "minstens de sectie '## Aanpak', liefst ook '## Aanleiding' en '## Resultaten'."
    ]


def test_misspelled_section(project, check):
    project.add("praktijk.md", body=VALID_BODY.replace("## Aanpak", "## aanpak"))
    assert check() == [
        f"{F}:12: fout: tekst: de verplichte sectie '## Aanpak' ontbreekt (hoe werd het "
        "aangepakt?).",
        f"{F}:17: waarschuwing: tekst: sectie 'aanpak': bedoel je 'Aanpak'?",
    ]


def test_section_in_code_block_does_not_count(project, check):
    body = VALID_BODY.replace("## Aanpak\n", "```\n## Aanpak\n```\n")
    project.add("praktijk.md", body=body)
    assert check() == [
        f"{F}:12: fout: tekst: de verplichte sectie '## Aanpak' ontbreekt (hoe werd het "
        "aangepakt?)."
    ]


def test_level_one_heading_is_a_warning(project, check):
    project.add("praktijk.md", body="# Fair-O-Meter\n\n" + VALID_BODY)
    assert check() == [
        f"{F}:13: waarschuwing: tekst: kop van niveau 1 ('# Fair-O-Meter'): de titel komt uit "
        "'titel'; gebruik '## ' voor secties."
    ]


# --- several problems at once --------------------------------------------------------------


def test_all_problems_of_a_file_in_line_order(project, check):
    project.add(
        "praktijk.md",
        front=(
            "titel: Fair-O-Meter meet de fairtrade-aankopen\n"
            "gemeenten: [Gend, Melle]\n"
            "sdgs: [12, 19]\n"
            "beleidsdomeinen: [duurzaam-aankoopbelied]\n"
            "status: lopend\n"
            "jaar: 2030\n"
            "samenvatting: Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen "
            "fairtrade is.\n"
            "gemeente: Gent\n"
        ),
        body="## Aanleiding\n\nWaarom.\n\n<script>alert(1)</script>\n",
    )
    assert check() == [
        f"{F}:3: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?",
        f"{F}:3: fout: gemeenten: Melle bestaat sinds 2025 niet meer als gemeente; bedoel je "
        "'Merelbeke-Melle'?",
        f"{F}:4: fout: sdgs: SDG 19 bestaat niet; de SDG's zijn genummerd van 1 tot 17.",
        f"{F}:5: fout: beleidsdomeinen: 'duurzaam-aankoopbelied' is geen geldig beleidsdomein. "
        "Bedoel je 'duurzaam-aankoopbeleid'?",
        f"{F}:7: fout: jaar: 2030 ligt buiten het bereik; verwacht 2000–2028.",
        f"{F}:9: fout: onbekend veld 'gemeente'. Bedoel je 'gemeenten'?",
        f"{F}:11: fout: tekst: de verplichte sectie '## Aanpak' ontbreekt (hoe werd het "
        "aangepakt?).",
        f"{F}:16: waarschuwing: tekst: de sectie '## Resultaten' ontbreekt.",
        f"{F}:16: fout: tekst: {ELEMENT.format('script')}",
    ]
