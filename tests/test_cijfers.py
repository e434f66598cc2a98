"""The page "De databank in cijfers", its charts, the home page's block and `generator cijfers`.

A fixture project of five practices with counts worked out by hand below; every figure, every
reading, every chart's links and table are checked against those counts. The charts are parsed
as XML (they are written well-formed), so the checks read elements, not text patterns.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import VALID_BODY, ProjectDir, practice_text

from generator import figures as fig
from generator.cli import main
from generator.project import load_project
from generator.render import Bundle, SiteOptions, charts, cijfers, expand_blocks, paths, render_site
from generator.taxonomy import build_site

TODAY = dt.date(2025, 11, 22)  # validation's today and the freshness reference date

# name → front matter. Worked out by hand:
#   SDG 13: A, B, D (3); SDG 1–5, 6, 11, 12, 15, 17: 1 each; SDG 7, 8, 9, 10, 14, 16: none
#   klimaat-en-energie: A, B (2); mobiliteit, duurzaam-aankoopbeleid, water, natuur-en-milieu,
#   armoede-en-sociaal-beleid: 1 each; the other 20 domains: none
#   provinces: Oost-Vlaanderen A, B (2); Limburg C; Vlaams-Brabant D (Leuven and Herent);
#   West-Vlaanderen E; Antwerpen none
#   years: 2019 afgerond B, E; 2021 lopend A, D; 2026 gepland C
#   bijgewerkt against 2025-11-22: A, D (D exactly one year before) in the last year;
#   B exactly two years before: one to two years; E one day more: longer; C none
#   goals per practice: A 2, B 1, C 2, D 3, E 5
FRONTS = {
    "a-gent-fietsstraten.md": """\
titel: Fietsstraten in Gent
gemeenten: [Gent]
sdgs: [13, 11]
beleidsdomeinen: [mobiliteit, klimaat-en-energie]
lmb-categorie: sensibilisering-en-educatie
principes: [participatie]
status: lopend
jaar: 2021
samenvatting: Straten waar de fiets voorgaat en auto's te gast zijn, rond elke school.
bijgewerkt: 2025-06-01
""",
    "b-gent-warmtenet.md": """\
titel: Een warmtenet voor de wijk
gemeenten: [Gent]
sdgs: [13]
beleidsdomeinen: [klimaat-en-energie]
status: afgerond
jaar: 2019
samenvatting: Restwarmte van de industrie verwarmt nu vierhonderd woningen in de wijk.
bijgewerkt: 2023-11-22
""",
    "c-hasselt-fairtrade.md": """\
titel: Fairtrade in de stadsdiensten
gemeenten: [Hasselt]
sdgs: [12, 17]
beleidsdomeinen: [duurzaam-aankoopbeleid]
lmb-categorie: fair-trade
principes: [participatie, multi-stakeholder]
status: gepland
jaar: 2026
samenvatting: De stad koopt koffie, thee en werkkledij voortaan eerlijk en duurzaam in.
""",
    "d-leuven-water.md": """\
titel: Water vasthouden in de vallei
gemeenten: [Leuven, Herent]
sdgs: [13, 6, 15]
beleidsdomeinen: [water, natuur-en-milieu]
status: lopend
jaar: 2021
samenvatting: Twee gemeenten geven de beek haar ruimte terug en houden regenwater vast.
bijgewerkt: 2024-11-22
""",
    "e-brugge-armoede.md": """\
titel: Een sociale kruidenier
gemeenten: [Brugge]
sdgs: [1, 2, 3, 4, 5]
beleidsdomeinen: [armoede-en-sociaal-beleid]
status: afgerond
jaar: 2019
samenvatting: Gezinnen met een laag inkomen kopen er voeding en verzorging aan lage prijzen.
bijgewerkt: 2023-11-21
""",
}


def make_project(root: Path, fronts: dict[str, str] = FRONTS) -> ProjectDir:
    project = ProjectDir(root)
    for name, front in fronts.items():
        project.write(name, practice_text(front, VALID_BODY))
    return project


def load_site(root: Path):
    loaded = load_project(root, today=TODAY)
    assert [str(p) for p in loaded.errors] == []
    return build_site(loaded.practices, loaded.vocab)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return load_site(make_project(tmp_path_factory.mktemp("cijfers")).root)


@pytest.fixture(scope="module")
def figures(site) -> fig.Figures:
    return fig.compute(site, TODAY, "een testdatum")


@pytest.fixture(scope="module")
def page(site) -> str:
    return cijfers.cijfers_page(site, SiteOptions(bundle=Bundle(made=TODAY)))


def blocks(page: str) -> dict[str, ET.Element]:
    """Each chart's HTML block, parsed as XML, by its id."""
    found = re.findall(r'^(<div class="pk-chart[^"]*" id="([^"]+)">.*?^</div>)$', page, re.S | re.M)
    return {cid: ET.fromstring(html) for html, cid in found}


def counts(bars: list[fig.Bar]) -> dict[str, int]:
    return {b.key: b.count for b in bars}


# --- the numbers ---------------------------------------------------------------------------


def test_practices_per_sdg(figures):
    expected = {str(n): 0 for n in range(1, 18)}
    expected.update({"13": 3, "11": 1, "12": 1, "17": 1, "6": 1, "15": 1})
    expected.update({str(n): 1 for n in range(1, 6)})
    assert counts(figures.sdg) == expected
    assert [b.key for b in figures.sdg] == [str(n) for n in range(1, 18)]
    groups = {p: [b.key for b in bars] for p, bars in figures.sdg_groups}
    assert groups == {
        "Mens (People)": ["1", "2", "3", "4", "5"],
        "Planeet (Planet)": ["6", "12", "13", "14", "15"],
        "Welvaart (Prosperity)": ["7", "8", "9", "10", "11"],
        "Vrede (Peace)": ["16"],
        "Partnerschap (Partnership)": ["17"],
    }


def test_practices_per_domain_most_first(figures):
    assert [(b.key, b.count) for b in figures.domains[:6]] == [
        ("klimaat-en-energie", 2),
        ("armoede-en-sociaal-beleid", 1),
        ("duurzaam-aankoopbeleid", 1),
        ("mobiliteit", 1),
        ("natuur-en-milieu", 1),
        ("water", 1),
    ]
    assert len(figures.domains) == 26
    assert sum(b.count for b in figures.domains) == 7
    assert figures.domains[-1].count == 0


def test_matrix_of_goals_and_domains(figures):
    assert figures.matrix == {
        (13, "mobiliteit"): 1,
        (13, "klimaat-en-energie"): 2,
        (11, "mobiliteit"): 1,
        (11, "klimaat-en-energie"): 1,
        (12, "duurzaam-aankoopbeleid"): 1,
        (17, "duurzaam-aankoopbeleid"): 1,
        **{(g, d): 1 for g in (13, 6, 15) for d in ("water", "natuur-en-milieu")},
        **{(g, "armoede-en-sociaal-beleid"): 1 for g in range(1, 6)},
    }
    labels = [b.label for b in figures.matrix_domains]
    assert labels[:3] == ["Afval en materialen", "Armoede en sociaal beleid", "Communicatie"]


def test_provinces_and_their_share_of_municipalities(figures):
    assert counts(figures.provinces) == {
        "antwerpen": 0,
        "limburg": 1,
        "oost-vlaanderen": 2,
        "vlaams-brabant": 1,
        "west-vlaanderen": 1,
    }
    shares = {b.key: (b.count, b.total, b.share) for b in figures.province_shares}
    assert shares == {
        "antwerpen": (0, 67, 0),
        "limburg": (1, 38, 3),  # 2.6 %
        "oost-vlaanderen": (1, 55, 2),  # Gent twice: one municipality
        "vlaams-brabant": (2, 63, 3),  # Leuven and Herent, one practice
        "west-vlaanderen": (1, 62, 2),
    }
    assert (figures.active_municipalities, figures.municipalities) == (5, 285)


def test_years_and_statuses(figures):
    rows = [(r.year, r.counts) for r in figures.years]
    empty = {"gepland": 0, "lopend": 0, "afgerond": 0}
    assert rows == [
        (2019, {**empty, "afgerond": 2}),
        (2020, empty),
        (2021, {**empty, "lopend": 2}),
        (2022, empty),
        (2023, empty),
        (2024, empty),
        (2025, empty),
        (2026, {**empty, "gepland": 1}),
    ]
    assert figures.statuses == {"gepland": 1, "lopend": 2, "afgerond": 2}


def test_lmb_categories_and_principles(figures):
    assert [(b.key, b.count) for b in figures.lmb if b.count] == [
        ("fair-trade", 1),
        ("sensibilisering-en-educatie", 1),
        ("", 3),  # without a category: last
    ]
    assert figures.lmb[-1].label == "Geen categorie"
    assert [(b.key, b.count) for b in figures.principles if b.count] == [
        ("participatie", 2),
        ("multi-stakeholder", 1),
        ("", 3),
    ]


def test_freshness_relative_to_the_reference_date(figures):
    assert counts(figures.freshness) == {
        "laatste-jaar": 2,  # 2025-06-01 and 2024-11-22 (exactly one year)
        "een-tot-twee-jaar": 1,  # 2023-11-22 (exactly two years)
        "langer": 1,  # 2023-11-21
        "zonder-datum": 1,
    }


def test_freshness_moves_with_the_date(site):
    later = fig.compute(site, dt.date(2026, 6, 2))
    assert counts(later.freshness) == {
        "laatste-jaar": 0,
        "een-tot-twee-jaar": 2,
        "langer": 2,
        "zonder-datum": 1,
    }
    none = fig.compute(site, None)
    assert counts(none.freshness)["zonder-datum"] == 5


def test_goals_per_practice(figures):
    assert counts(figures.goal_counts) == {"1": 1, "2": 2, "3": 1, "4": 0, "5": 1}
    assert [b.label for b in figures.goal_counts][:2] == ["1 SDG", "2 SDG's"]


def test_readings_are_made_from_the_data(figures):
    readings = {c.key: c.reading for c in fig.charts(figures)}
    assert readings == {
        "sdg": "SDG 13 komt het vaakst voor: 3 praktijken; SDG 1, 2, 3, 4, 5 en 5 andere het "
        "minst: 1; SDG 7, 8, 9, 10, 14 en 1 andere hebben nog geen praktijk.",
        "beleidsdomeinen": "Klimaat en energie telt de meeste praktijken: 2; 20 van de 26 "
        "beleidsdomeinen hebben er nog geen.",
        "matrix": "17 van de 442 combinaties van SDG en beleidsdomein hebben minstens één "
        "praktijk; 425 vakjes zijn nog leeg. De meest voorkomende: SDG 13 × Klimaat en "
        "energie (2).",
        "provincies": "Oost-Vlaanderen telt de meeste praktijken: 2; Limburg, Vlaams-Brabant "
        "en West-Vlaanderen de minste: 1.",
        "gemeenten": "In heel Vlaanderen hebben 5 van de 285 gemeenten (2%) minstens één "
        "praktijk; het hoogste aandeel heeft Limburg en Vlaams-Brabant: 3%.",
        "startjaar": "De praktijken starten tussen 2019 en 2026; de meeste in 2019 en 2021 (2). "
        "Nu: 1 gepland, 2 lopend en 2 afgerond.",
        "lmb": "Fair trade en Faire Gemeente en Sensibilisering en educatie komen het vaakst "
        "voor: 1 praktijk; 3 praktijken zonder LMB-categorie.",
        "principes": "Burgerparticipatie wordt het vaakst toegepast: 2 praktijken; 3 praktijken "
        "zonder principe van Agenda 2030.",
        "actualiteit": "Op 22 november 2025: 2 praktijken bijgewerkt in het laatste jaar, 1 één "
        "tot twee jaar geleden, 1 langer geleden en 1 zonder datum.",
        "aantal-sdgs": "De meeste praktijken noemen 2 SDG's (2); gemiddeld 2,6 per praktijk.",
    }


def test_an_empty_collection_reads_as_such(site):
    empty = build_site([], site.vocab)
    f = fig.compute(empty, None)
    readings = {c.key: c.reading for c in fig.charts(f)}
    assert readings["sdg"] == "Nog geen praktijken."
    assert readings["gemeenten"].startswith("In heel Vlaanderen hebben 0 van de 285 gemeenten (0%)")
    assert f.years == []
    page = cijfers.cijfers_page(empty)
    assert len(blocks(page)) == 10


def test_percent_rounds_half_up_in_integers():
    assert [fig.percent(a, 8) for a in (0, 1, 3, 4, 7, 8)] == [0, 13, 38, 50, 88, 100]
    assert fig.percent(1, 0) == 0


def test_reference_date_never_today(site):
    made = dt.date(2024, 3, 1)
    assert fig.reference_date(site, made, {}) == (made, "de datum van deze offline bundel")
    assert fig.reference_date(site, None, {"SOURCE_DATE_EPOCH": "1763769600"}) == (
        dt.date(2025, 11, 22),
        "de bouwdatum",
    )
    assert fig.reference_date(site, None, {}) == (
        dt.date(2025, 6, 1),
        "de meest recente bijwerking in de databank",
    )
    assert fig.reference_date(build_site([], site.vocab), None, {}) == (None, "")


# --- the page and its charts ---------------------------------------------------------------

CHART_IDS = [
    "pk-c-sdg",
    "pk-c-beleidsdomeinen",
    "pk-c-matrix",
    "pk-c-provincies",
    "pk-c-gemeenten",
    "pk-c-startjaar",
    "pk-c-lmb",
    "pk-c-principes",
    "pk-c-actualiteit",
    "pk-c-aantal-sdgs",
]


def test_the_page_is_rendered_listed_at_its_path(site):
    pages, _ = render_site(site)
    page = next(p for p in pages if p.src == paths.CIJFERS == "cijfers/index.md")
    assert page.listed
    assert page.content.startswith('---\ntitle: "De databank in cijfers"\n')


def test_every_chart_has_an_accessible_name_description_and_table(page, figures):
    found = blocks(page)
    assert list(found) == CHART_IDS
    for (cid, block), chart in zip(found.items(), fig.charts(figures), strict=True):
        svg = block.find(".//svg[@role='img']")
        assert svg is not None, cid
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.find(f"title[@id='{title_id}']").text == chart.title
        assert svg.find(f"desc[@id='{desc_id}']").text == chart.reading
        assert block.find("p[@class='pk-chart__reading']").text == chart.reading
        # No link inside the image: assistive technology would never reach it.
        assert svg.find(".//a") is None, cid
        table = block.find("details/div/table")
        heads = [th.text for th in table.findall("thead/tr/th")]
        assert heads == chart.table.columns
        rows = [
            [tr.find("th").text, *(td.text for td in tr.findall("td"))]
            for tr in table.findall("tbody/tr")
        ]
        assert rows == [
            [str(r[0]), *(fig.number(c) if isinstance(c, int) else c for c in r[1:])]
            for r in chart.table.rows
        ], cid
        assert block.find("details/summary").text == "De cijfers als tabel"


def links(block: ET.Element) -> list[tuple[str, str]]:
    return [(a.get("href"), a.get("aria-label")) for a in block.iter("a")]


def test_sdg_bars_link_to_the_catalogue_and_carry_the_goal_colours(page):
    block = blocks(page)["pk-c-sdg"]
    found = links(block)
    assert len(found) == 11  # the goals with practices
    assert ("../catalogus/?sdg=13", "SDG 13 Klimaatactie: 3 praktijken") in found
    assert ("../catalogus/?sdg=1", "SDG 1 Geen armoede: 1 praktijk") in found
    svg = block.find(".//svg[@role='img']")
    texts = [t for t in svg.iter("text") if t.text == "13"]
    chip = texts[0]
    assert chip.get("fill") == "#ffffff"  # SDG 13's text colour on its green
    rects = [r.get("fill") for r in svg.iter("rect")]
    assert "#3F7E44" in rects and "#FCC30B" in rects
    groups = [t.text for t in svg.iter("text") if t.get("font-weight") == "700" and len(t.text) > 2]
    assert groups == [
        "Mens (People)",
        "Planeet (Planet)",
        "Welvaart (Prosperity)",
        "Vrede (Peace)",
        "Partnerschap (Partnership)",
    ]


def test_links_of_the_other_charts(page):
    found = {cid: links(block) for cid, block in blocks(page).items()}
    assert ("../catalogus/?domein=klimaat-en-energie", "Klimaat en energie: 2 praktijken") in (
        found["pk-c-beleidsdomeinen"]
    )
    assert len(found["pk-c-beleidsdomeinen"]) == 6
    assert len(found["pk-c-matrix"]) == 17  # one per filled cell; empty cells are no link
    assert (
        "../catalogus/?sdg=13&domein=klimaat-en-energie",
        "SDG 13 en Klimaat en energie: 2 praktijken",
    ) in found["pk-c-matrix"]
    assert found["pk-c-startjaar"] == [
        ("../catalogus/?jaar=2019&status=afgerond", "2019, afgerond: 2 praktijken"),
        ("../catalogus/?jaar=2021&status=lopend", "2021, lopend: 2 praktijken"),
        ("../catalogus/?jaar=2026&status=gepland", "2026, gepland: 1 praktijk"),
    ]
    assert [h for h, _ in found["pk-c-provincies"]] == [
        "../catalogus/?provincie=limburg",
        "../catalogus/?provincie=oost-vlaanderen",
        "../catalogus/?provincie=vlaams-brabant",
        "../catalogus/?provincie=west-vlaanderen",
    ]
    assert (
        "../catalogus/?provincie=vlaams-brabant",
        "Vlaams-Brabant: 2 van 63 gemeenten met een praktijk",
    ) in found["pk-c-gemeenten"]
    assert [h for h, _ in found["pk-c-lmb"]] == [
        "../catalogus/?lmb=fair-trade",
        "../catalogus/?lmb=sensibilisering-en-educatie",
    ]
    assert [h for h, _ in found["pk-c-principes"]] == [
        "../catalogus/?principe=participatie",
        "../catalogus/?principe=multi-stakeholder",
    ]
    # The catalogue has no filter for these: no links that would show everything.
    assert found["pk-c-actualiteit"] == [] and found["pk-c-aantal-sdgs"] == []


def test_links_follow_the_url_style_of_the_build(site):
    offline = cijfers.cijfers_page(site, SiteOptions(directory_urls=False))
    assert 'href="../catalogus/index.html?sdg=13"' in offline
    assert 'href="../catalogus/?sdg=13"' not in offline


def test_heat_map_cells(page):
    svg = blocks(page)["pk-c-matrix"].find(".//svg[@role='img']")
    paths_ = svg.findall("path")
    dashed = [p for p in paths_ if p.get("stroke-dasharray")]
    assert len(dashed) == 1  # every empty cell, as one path
    assert dashed[0].get("d").count("M") == 442 - 17
    shaded = [p for p in paths_ if p.get("fill") in charts.LEVELS]
    assert sum(p.get("d").count("M") for p in shaded) == 17
    # Two practices is the top: level 4 (darkest); one practice: level 2 of 4.
    by_fill = {p.get("fill"): p.get("d").count("M") for p in shaded}
    assert by_fill == {charts.LEVELS[3]: 1, charts.LEVELS[1]: 16}
    numbers = sorted(t.text for g in svg.findall("g") for t in g.findall("text"))
    assert numbers == ["1"] * 16 + ["2"]


def test_levels_and_their_ranges():
    assert [charts.level(v, 8) for v in (0, 1, 2, 3, 4, 5, 8)] == [0, 1, 1, 2, 2, 3, 4]
    assert charts.level_ranges(8) == [(1, 1, 2), (2, 3, 4), (3, 5, 6), (4, 7, 8)]
    assert charts.level_ranges(2) == [(2, 1, 1), (4, 2, 2)]


def test_the_page_names_its_date_and_selection(site):
    text = cijfers.cijfers_page(
        site, SiteOptions(bundle=Bundle(selection=["SDG: 13 <Klimaat>"], made=TODAY))
    )
    assert (
        "de <strong>5 praktijken</strong> van deze offline bundel, een selectie (SDG: 13 "
        "&lt;Klimaat&gt;). De actualiteit is berekend op <strong>22 november 2025</strong>, "
        "de datum van deze offline bundel."
    ) in text


def test_a_bundle_of_a_selection_shows_the_selection_only(site):
    chosen = [p for p in site.practices if 13 in p.sdgs]
    selected = build_site(chosen, site.vocab)
    text = cijfers.cijfers_page(selected, SiteOptions(bundle=Bundle(["SDG: 13"], TODAY)))
    f = fig.compute(selected, TODAY)
    assert counts(f.sdg)["13"] == 3 and counts(f.sdg)["1"] == 0
    assert "<strong>3 praktijken</strong>" in text
    assert 'aria-label="SDG 13 Klimaatactie: 3 praktijken"' in text


def test_two_builds_give_byte_identical_charts(tmp_path):
    first = load_site(make_project(tmp_path / "een").root)
    # Other file names, the same content: the order of reading must not matter.
    renamed = {f"z-{i}-{name}": front for i, (name, front) in enumerate(reversed(FRONTS.items()))}
    second = load_site(make_project(tmp_path / "twee", renamed).root)
    options = SiteOptions(bundle=Bundle(made=TODAY))
    one, two = cijfers.cijfers_page(first, options), cijfers.cijfers_page(second, options)
    assert one == two
    svgs = re.findall(r"<svg.*?</svg>", one, re.S)
    assert len(svgs) == 18  # ten drawings, eight link layers
    # Coordinates have at most one decimal: no float noise.
    numbers = re.findall(r' (?:x|y|width|height)="([^"]+)"', one)
    assert all(re.fullmatch(r"-?\d+(\.\d)?", n) for n in numbers)
    assert all(re.fullmatch(r"[-Mhvz0-9. ]+", d) for d in re.findall(r' d="([^"]+)"', one))


def test_vocabulary_labels_are_escaped(tmp_path):
    project = make_project(tmp_path)
    lists = project.practices / "_lijsten" / "beleidsdomeinen.yml"
    text = lists.read_text(encoding="utf-8")
    lists.write_text(
        text.replace("naam: Water\n", 'naam: "Water & <b onmouseover=x>zee</b>"\n'),
        encoding="utf-8",
    )
    page = cijfers.cijfers_page(load_site(project.root))
    assert "<b onmouseover" not in page
    assert "Water &amp; &lt;b onmouseover=x&gt;zee&lt;/b&gt;" in page
    assert 'aria-label="Water &amp; &lt;b onmouseover=x&gt;zee&lt;/b&gt;: 1 praktijk"' in page
    assert len(blocks(page)) == 10  # still well-formed


def test_page_weight_for_the_fixture(page):
    # Ten charts with their tables and links: a few kB each (the heat map is the largest).
    sizes = {cid: len(ET.tostring(b)) for cid, b in blocks(page).items()}
    assert max(sizes, key=sizes.get) == "pk-c-matrix"
    assert all(size < 40_000 for size in sizes.values()), sizes
    assert len(page.encode()) < 120_000


# --- the home page -------------------------------------------------------------------------


def test_home_block_shows_two_small_charts_and_links_to_the_page(site):
    text = expand_blocks("<!-- praktijken:cijfers-grafieken -->", "index.md", site)
    html, _, rest = text.partition("\n\n")
    root = ET.fromstring(html)
    svgs = root.findall(".//svg")
    assert [s.get("role") for s in svgs] == ["img", "img"]
    assert [s.find("title").text for s in svgs] == [
        "Praktijken per SDG",
        "Gemeenten met minstens één praktijk",
    ]
    assert root.find(".//a") is None  # no link inside an image
    assert rest == "[Alle cijfers en grafieken](cijfers/index.md){ .md-button }\n"
    columns = [t.text for t in svgs[0].iter("text") if t.get("font-weight") == "700"]
    assert columns == [str(n) for n in (1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 7, 8, 9, 10, 11, 16, 17)]
    assert [t.text for t in svgs[1].iter("text") if t.text.endswith("%")] == [
        "0%",
        "3%",
        "2%",
        "3%",
        "2%",
    ]


def test_the_repository_home_page_has_the_block():
    home = Path(__file__).resolve().parent.parent / "docs" / "index.md"
    assert "<!-- praktijken:cijfers-grafieken -->" in home.read_text(encoding="utf-8")


# --- python -m generator cijfers -------------------------------------------------------------


@pytest.fixture(scope="module")
def project_root(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("cli")).root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json(project_root, capsys):
    code, out, _ = run(
        capsys,
        "--project",
        str(project_root),
        "cijfers",
        "--format",
        "json",
        "--datum",
        "2025-11-22",
    )
    assert code == 0
    data = json.loads(out)
    assert data["praktijken"] == 5
    assert data["peildatum"] == "2025-11-22"
    assert data["peildatum_bron"] == "de opgegeven datum"
    charts_ = {c["sleutel"]: c for c in data["grafieken"]}
    assert list(charts_) == [c.removeprefix("pk-c-") for c in CHART_IDS]
    assert charts_["sdg"]["rijen"][12] == ["SDG 13 Klimaatactie", 3]
    assert charts_["actualiteit"]["rijen"] == [
        ["In het laatste jaar", 2],
        ["Eén tot twee jaar geleden", 1],
        ["Langer dan twee jaar geleden", 1],
        ["Zonder datum", 1],
    ]
    assert charts_["gemeenten"]["kolommen"] == [
        "Provincie",
        "Gemeenten met een praktijk",
        "Gemeenten",
        "Aandeel (%)",
    ]
    assert charts_["gemeenten"]["rijen"][-1] == ["Vlaanderen", 5, 285, 2]
    assert charts_["startjaar"]["rijen"][0] == ["2019", 0, 0, 2, 2]


def test_cli_text_tables(project_root, capsys, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    code, out, _ = run(capsys, "--project", str(project_root), "cijfers")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "De databank in cijfers: 5 praktijken, peildatum 1 juni 2025 (de meest recente "
        "bijwerking in de databank)."
    )
    at = lines.index("Praktijken per SDG")
    assert lines[at + 1] == "=" * len("Praktijken per SDG")
    assert lines[at + 2].startswith("SDG 13 komt het vaakst voor: 3 praktijken")
    assert re.search(r"^SDG 13 Klimaatactie +3$", out, re.M)
    assert re.search(r"^Vlaanderen +5 +285 +2$", out, re.M)
    # Freshness against 1 June 2025: 2025-06-01 and 2024-11-22 in the last year.
    assert re.search(r"^In het laatste jaar +2$", out, re.M)


def test_cli_selection_and_dutch_errors(project_root, capsys):
    code, out, _ = run(
        capsys,
        "--project",
        str(project_root),
        "cijfers",
        "--selectie",
        "provincie=limburg",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)["praktijken"] == 1
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(project_root), "cijfers", "--datum", "2025-02-30"])
    assert stop.value.code == 2
    assert "'2025-02-30' bestaat niet als datum" in capsys.readouterr().err


def test_cli_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["cijfers", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: python -m generator cijfers")
    assert "--format {text,json}" in out and "peildatum" in out and "opties:" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "de databank in cijfers" in capsys.readouterr().out
