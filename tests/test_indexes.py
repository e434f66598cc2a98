"""Index pages of issue #14: SDG pages without repeats, a page for every municipality (with the
neighbourhood when it has no practice of its own), what offline bundles say, the open data CSV
for spreadsheets, the last update on the home page, and country names that read naturally."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re

import pytest
from conftest import REPO, ProjectDir, practice_text

from generator import reference
from generator.project import load_project
from generator.render import Bundle, SiteOptions, catalogue, expand_blocks, indexes, render_site
from generator.render.form import FORM_PAGE
from generator.taxonomy import NEIGHBOURS, build_site

SITE_URL = "https://vvsg.github.io/sdg-praktijkendatabank/"


@pytest.fixture(scope="module")
def repo_site():
    project = load_project(REPO)
    return build_site(project.practices, project.vocab)


@pytest.fixture(scope="module")
def pages(repo_site) -> dict[str, str]:
    rendered, _ = render_site(repo_site, SiteOptions(site_url=SITE_URL))
    return {page.src: page.content for page in rendered}


def card_links(markdown: str) -> list[str]:
    """The title links of the cards (ready HTML, with the final address of each page)."""
    return re.findall(
        r'<article class="pk-card">\n<p [^\n]*\n<p><a class="pk-card__title" href="([^"]+)"',
        markdown,
    )


# --- 1. SDG pages: every practice once ---------------------------------------------------------


def test_sdg_13_has_one_card_per_practice_naming_it(repo_site, pages) -> None:
    naming = [p for p in repo_site.practices if 13 in p.sdgs]
    links = card_links(pages["sdg/13.md"])
    assert len(naming) > 1
    assert len(links) == len(naming)
    assert sorted(links) == sorted(f"../../praktijken/{p.id}/" for p in naming)


def test_every_sdg_page_lists_each_of_its_practices_once(repo_site, pages) -> None:
    for n in repo_site.vocab.goals:
        links = card_links(pages[f"sdg/{n}.md"])
        assert len(links) == len(set(links)) == repo_site.sdg.terms[str(n)].count, n


def test_sdg_cards_show_their_domains_and_the_page_links_each_domain_in_the_catalogue(
    repo_site, pages
) -> None:
    page = pages["sdg/13.md"]
    practice = next(p for p in repo_site.practices if 13 in p.sdgs and len(p.beleidsdomeinen) > 1)
    labels = ", ".join(repo_site.vocab.domains[d].label for d in practice.beleidsdomeinen)
    assert f'<p class="pk-card__domains">{labels}</p>' in page
    for d in {d for p in repo_site.practices if 13 in p.sdgs for d in p.beleidsdomeinen}:
        count = repo_site.matrix[(13, d)]
        assert f"?sdg=13&domein={d} " in page, d
        assert (
            f'<span class="pk-count">{count}</span>](../catalogus/index.md?sdg=13&domein={d} '
            in page
        )


# --- 2. a page for every municipality -------------------------------------------------------


def test_all_285_municipalities_have_a_page_and_the_index_links_each(pages) -> None:
    towns = reference.municipalities().values()
    found = {src for src in pages if src.startswith("gemeenten/") and src != "gemeenten/index.md"}
    assert len(found) == 285
    assert found == {f"gemeenten/{m.slug}.md" for m in towns}
    index = pages["gemeenten/index.md"]
    for m in towns:
        assert f"- [{m.name}]({m.slug}.md)" in index, m.name
    assert '<span class="pk-muted">' not in index


def test_a_municipality_without_practices_shows_the_neighbourhood_and_invites_one(
    repo_site, pages
) -> None:
    town = next(
        m
        for m in reference.municipalities().values()
        if not repo_site.municipalities.terms[m.name].practices
        and any(
            m.arrondissement in {t.arrondissement for t in p.gemeenten} for p in repo_site.practices
        )
    )
    page = pages[f"gemeenten/{town.slug}.md"]
    assert "Nog geen praktijken in de databank." in page
    assert f"**Nog geen praktijk uit {town.name}.**" in page
    assert f"[Voeg een praktijk van {town.name} toe](../{FORM_PAGE})" in page
    assert "## In de buurt" in page and "## Waar de buren aan werken" in page
    near = repo_site.neighbourhoods[town.arrondissement.code]
    links = card_links(page)
    assert links == [f"../../praktijken/{p.id}/" for p in near.practices]
    assert 0 < len(links) <= NEIGHBOURS
    # The arrondissement's own practices come first.
    own = [
        p for p in near.practices if town.arrondissement in {t.arrondissement for t in p.gemeenten}
    ]
    assert own and near.practices[: len(own)] == own
    assert near.goals_from == "arrondissement"
    top = near.goals[0][0]
    neighbours = page.split("## Waar de buren aan werken")[1]
    assert f'<a class="pk-sdg" href="../../sdg/{top}/"' in neighbours


def test_the_neighbourhood_tops_up_from_the_province(project: ProjectDir) -> None:
    """An arrondissement with one practice: the rest comes from the province, newest first."""
    for i, town in enumerate(["Gent", "Aalst", "Ninove", "Oudenaarde", "Eeklo", "Lokeren", "Zele"]):
        project.add(f"p{i}.md", front(f"Praktijk {i}", town, bijgewerkt=f"2025-0{i + 1}-01"))
    loaded = load_project(project.root, today=dt.date(2025, 11, 22))
    site = build_site(loaded.practices, loaded.vocab)
    deinze = reference.municipalities()["Deinze"]  # arrondissement Gent, like the first practice
    near = site.neighbourhoods[deinze.arrondissement.code]
    assert [p.titel for p in near.practices] == ["Praktijk 0"] + [
        f"Praktijk {i}" for i in (6, 5, 4, 3, 2)
    ]
    assert near.goals == [(11, 1)] and near.goals_from == "arrondissement"
    # A Limburg town: no practices in its arrondissement nor its province.
    genk = reference.municipalities()["Genk"]
    empty = site.neighbourhoods[genk.arrondissement.code]
    assert empty.practices == [] and empty.goals == []
    page = indexes.municipality_page(site, "Genk")
    assert "## In de buurt" not in page and "Voeg een praktijk van Genk toe" in page


def front(titel: str, town: str, **extra: str) -> str:
    lines = [
        f"titel: {titel}",
        f"gemeenten: [{town}]",
        "sdgs: [11]",
        "beleidsdomeinen: [mobiliteit]",
        "status: lopend",
        "jaar: 2023",
        "samenvatting: Een samenvatting die lang genoeg is voor de databank.",
        *(f"{k}: {v}" for k, v in extra.items()),
    ]
    return "\n".join(lines) + "\n"


# --- 6. offline bundles ---------------------------------------------------------------------

BUNDLE = SiteOptions(
    site_url=SITE_URL,
    directory_urls=False,
    bundle=Bundle(selection=["Provincie: Limburg", "SDG: 13"], made=dt.date(2025, 11, 22)),
)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    project = ProjectDir(tmp_path_factory.mktemp("bundel"))
    project.write("gent.md", practice_text(front("Schoolstraten", "Gent")))
    loaded = load_project(project.root, today=dt.date(2025, 11, 22))
    return build_site(loaded.practices, loaded.vocab)


def test_a_bundles_catalogue_speaks_of_its_selection(small_site) -> None:
    page = indexes.catalogue_page(small_site, BUNDLE)
    assert "Alle 1 praktijk van deze selectie (Provincie: Limburg; SDG: 13)." in page
    assert "van de databank" not in page
    assert "Alle 1 praktijk van de databank." in indexes.catalogue_page(small_site)
    full = SiteOptions(bundle=Bundle(made=dt.date(2025, 11, 22)))
    assert "van de databank (offline bundel)." in indexes.catalogue_page(small_site, full)


def test_an_empty_sdg_page_in_a_bundle_points_online_instead_of_inviting(small_site) -> None:
    page = indexes.sdg_page(small_site, 7, BUNDLE)
    assert (
        "Deze bundel bevat geen praktijken rond SDG 7; de online databank kan er wel hebben: "
        f"[{SITE_URL}sdg/7/]({SITE_URL}sdg/7/)." in page
    )
    assert "Voeg het toe" not in page
    online = indexes.sdg_page(small_site, 7)
    assert "Nog geen praktijken die SDG 7 als hoofddoel noemen." in online
    assert "bundel" not in online
    unknown = dataclasses.replace(BUNDLE, site_url=None)
    assert "de online databank kan er wel hebben.\n" in indexes.sdg_page(small_site, 7, unknown)


def test_empty_domain_province_and_municipality_pages_in_a_bundle(small_site) -> None:
    domain = indexes.domain_page(small_site, "cultuur", BUNDLE)
    assert "Deze bundel bevat geen praktijken in dit beleidsdomein;" in domain
    province = indexes.province_page(small_site, "limburg", BUNDLE)
    assert "Deze bundel bevat geen praktijken uit de provincie Limburg;" in province
    town = indexes.municipality_page(small_site, "Genk", BUNDLE)
    assert "Nog geen praktijken in deze bundel." in town
    online = f"{SITE_URL}gemeenten/genk/"
    assert (
        f"Deze bundel bevat geen praktijken uit Genk; de online databank kan er wel hebben: "
        f"[{online}]({online})." in town
    )
    assert "Voeg een praktijk" not in town


# --- 4. last update on the home page --------------------------------------------------------


def test_the_home_page_shows_the_last_update_and_the_feed(repo_site) -> None:
    newest = max(p.bijgewerkt for p in repo_site.practices if p.bijgewerkt)
    text = expand_blocks("<!-- praktijken:bijgewerkt -->", "index.md", repo_site)
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"]
    months += ["september", "oktober", "november", "december"]
    day = f"{newest.day} {months[newest.month - 1]} {newest.year}"
    assert text == (
        f"Laatst bijgewerkt op **{day}**. [Volg nieuwe praktijken](feed.xml){{ .pk-feed }}\n"
        "{ .pk-updated }\n"
    )
    offline = expand_blocks("<!-- praktijken:bijgewerkt -->", "index.md", repo_site, Bundle())
    assert offline == f"Laatst bijgewerkt op **{day}**.\n{{ .pk-updated }}\n"
    follow = expand_blocks("<!-- praktijken:volgen -->", "over.md", repo_site)
    assert follow.startswith("- [feed.xml](feed.xml) — Atom-feed")
    assert expand_blocks("<!-- praktijken:volgen -->", "over.md", repo_site, Bundle()) == ""


def test_the_home_and_over_pages_carry_the_blocks() -> None:
    assert "<!-- praktijken:bijgewerkt -->" in (REPO / "docs" / "index.md").read_text("utf-8")
    assert "<!-- praktijken:volgen -->" in (REPO / "docs" / "over.md").read_text("utf-8")


# --- 5. the CSV for spreadsheets ------------------------------------------------------------


def test_the_csv_opens_in_a_belgian_spreadsheet(project: ProjectDir) -> None:
    project.add(
        "gent.md",
        front(
            '"Café één: crème brûlée"',
            "Gent",
            partners="\n  - '=HYPERLINK(\"x\")'\n  - Oxfam | Fairtrade\n  - Zuidpartner",
            trefwoorden="[éénheid, café]",
        ),
    )
    loaded = load_project(project.root, today=dt.date(2025, 11, 22))
    assert [str(p) for p in loaded.errors] == []
    site = build_site(loaded.practices, loaded.vocab)
    text = catalogue.open_csv(site, SITE_URL)
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == catalogue.CSV_COLUMNS
    assert len(rows) == 2 and len(rows[1]) == len(catalogue.CSV_COLUMNS)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["titel"] == "Café één: crème brûlée"
    assert row["trefwoorden"] == "éénheid | café"
    # The formula stays neutralised; a '|' inside a value cannot be taken for the separator.
    assert row["partners"] == '\'=HYPERLINK("x") | Oxfam ¦ Fairtrade | Zuidpartner'
    assert row["provincies"] == "Oost-Vlaanderen"


# --- 7. country names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, name",
    [
        ("CD", "Democratische Republiek Congo"),
        ("KR", "Zuid-Korea"),
        ("KP", "Noord-Korea"),
        ("BO", "Bolivia"),
        ("VG", "Britse Maagdeneilanden"),
        ("VI", "Amerikaanse Maagdeneilanden"),
        ("PS", "Palestina"),
        ("VA", "Vaticaanstad"),
        ("BQ", "Bonaire, Sint Eustatius en Saba"),  # a list, not an inversion
        ("BE", "België"),
    ],
)
def test_country_names_read_naturally(code: str, name: str) -> None:
    assert reference.countries()[code] == name


def test_no_country_name_is_an_inversion() -> None:
    inverted = {c: n for c, n in reference.countries().items() if ", " in n and " en " not in n}
    assert inverted == {}
    assert reference.official_countries()["CD"] == "Congo, Democratische Republiek"


def test_country_display_name_undoes_an_inversion_without_a_common_name() -> None:
    assert reference.country_display_name("XX", "Eilanden, Verre") == "Verre Eilanden"
    assert reference.country_display_name("XX", "Aap, Noot en Mies") == "Aap, Noot en Mies"
