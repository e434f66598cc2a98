"""The built site: pages at their contract URLs, links, counts, neighbours, build failures."""

from __future__ import annotations

import ast
import filecmp
import logging
import re
from pathlib import Path

import pytest
from sitebuild import build, front, make_site

from generator.plugin import PracticesPlugin  # noqa: F401  (the plugin must import)

PRACTICES = {
    "gent-fietsstraten.md": front(
        "Fietsstraten rond scholen",
        ["Gent"],
        [11, 13],
        ["mobiliteit", "onderwijs-en-kinderopvang"],
        jaar=2021,
        trefwoorden="[fietsen, scholen]",
        bijgewerkt="2025-05-01",
    ),
    "gent-fairtrade.md": front(
        "Fairtrade in de stadsdiensten",
        ["Gent"],
        [12, 17],
        ["duurzaam-aankoopbeleid"],
        status="afgerond",
        bijgewerkt="2025-06-01",
    ),
    "lochristi-schoolroutes.md": front(
        "Veilige schoolroutes", ["Lochristi"], [11], ["mobiliteit"], status="gepland", jaar=2027
    ),
    "hasselt-zonnepanelen.md": front(
        "Zonnepanelen op de sporthal",
        ["Hasselt"],
        [7, 13],
        ["klimaat-en-energie"],
        partnerlanden="[ZA]",
    ),
    "leuven-regio-klimaat.md": front(
        "Regionaal klimaatplan",
        ["Leuven", "Herent", "Kortenberg"],
        [13],
        ["klimaat-en-energie", "mobiliteit"],
        subdoelen='["13.2"]',
        voorbeeld="true",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    make_site(root, PRACTICES)
    return build(root)


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def links(page: str) -> set[str]:
    return set(re.findall(r'href="([^"#?]+)', page))


def test_every_contract_page_exists(site: Path) -> None:
    expected = [
        "",
        "catalogus",
        "sdg",
        "beleidsdomeinen",
        "gemeenten",
        "matrix",
        "provincies",
        *[f"sdg/{n}" for n in range(1, 18)],
        *[f"praktijken/{name[:-3]}" for name in PRACTICES],
        "gemeenten/gent",
        "gemeenten/lochristi",
        "gemeenten/hasselt",
        "gemeenten/leuven",
        "gemeenten/herent",
        "gemeenten/kortenberg",
        *[
            f"provincies/{p}"
            for p in (
                "antwerpen",
                "limburg",
                "oost-vlaanderen",
                "vlaams-brabant",
                "west-vlaanderen",
            )
        ],
        "beleidsdomeinen/mobiliteit",
        "beleidsdomeinen/water",
    ]
    missing = [url for url in expected if not (site / url / "index.html").is_file()]
    assert missing == []


def test_every_municipality_has_a_page_and_the_index_links_it(site: Path) -> None:
    aalst = html(site, "gemeenten/aalst")  # no practice of its own: an invitation
    assert "Nog geen praktijk uit Aalst." in aalst
    index = html(site, "gemeenten")
    assert '<li><a href="aalst/">Aalst</a></li>' in index
    assert 'href="gent/"' in index
    assert len(re.findall(r'<li><a href="[a-z0-9-]+/">', index)) == 285
    assert 'class="pk-muted"' not in index


def test_practice_page_links_to_its_taxonomies(site: Path) -> None:
    page = html(site, "praktijken/gent-fietsstraten")
    hrefs = links(page)
    for target in (
        "../../gemeenten/gent/",
        "../../provincies/oost-vlaanderen/",
        "../../sdg/11/",
        "../../sdg/13/",
        "../../beleidsdomeinen/mobiliteit/",
        "../../beleidsdomeinen/onderwijs-en-kinderopvang/",
    ):
        assert target in hrefs
    assert "SDG 13 Klimaatactie" in page
    assert "Illustratief voorbeeld" not in page


def test_practice_page_shows_the_example_notice(site: Path) -> None:
    assert "Illustratief voorbeeld" in html(site, "praktijken/leuven-regio-klimaat")


def test_edit_link_points_to_the_practice_source(site: Path) -> None:
    page = html(site, "praktijken/gent-fairtrade")
    assert (
        "https://github.com/vvsg/sdg-praktijkendatabank/edit/main/practices/gent-fairtrade.md"
        in page
    )


def test_sdg_index_counts(site: Path) -> None:
    page = html(site, "sdg")
    counts = dict(re.findall(r'pk-tile__nr">(\d+)</span>.*?pk-tile__count">(\d+) praktijk', page))
    assert counts["13"] == "3" and counts["11"] == "2" and counts["7"] == "1" and counts["1"] == "0"


def test_sdg_page_lists_each_practice_once_with_its_domains_and_cited_targets(
    site: Path,
) -> None:
    page = html(site, "sdg/13")
    assert "13.2" in page and "Regionaal klimaatplan" in page
    assert page.count('<article class="pk-card"') == 3  # the three practices naming SDG 13
    facet = re.findall(
        r'class="pk-chip" href="../../catalogus/\?sdg=13&amp;domein=([a-z-]+)"', page
    )
    assert facet == ["klimaat-en-energie", "mobiliteit", "onderwijs-en-kinderopvang"]


def test_empty_sdg_invites_a_contribution(site: Path) -> None:
    page = html(site, "sdg/14")
    assert "Nog geen praktijken" in page and "../../bijdragen/" in page


def test_domain_page_shows_the_goals_it_serves(site: Path) -> None:
    page = html(site, "beleidsdomeinen/klimaat-en-energie")
    assert "Inspiratiefiche" in page
    assert page.index("SDG 13 Klimaatactie") < page.index("SDG 7 Betaalbare en duurzame energie")


def test_matrix_cells_link_to_the_filtered_catalogue(site: Path) -> None:
    page = html(site, "matrix")
    assert 'href="../catalogus/?sdg=13&amp;domein=mobiliteit"' in page


def test_related_and_nearby(site: Path) -> None:
    page = html(site, "praktijken/gent-fietsstraten")
    related = page.split('id="gerelateerde-praktijken"')[1].split('id="uit-de-buurt"')[0]
    # Lochristi shares SDG 11 and mobiliteit, the regional plan SDG 13 and mobiliteit.
    assert "Veilige schoolroutes" in related and "Regionaal klimaatplan" in related
    nearby = page.split('id="uit-de-buurt"')[1]
    # Lochristi is in the same arrondissement (Gent), the other Gent practice too.
    assert "Veilige schoolroutes" in nearby and "Fairtrade in de stadsdiensten" in nearby
    assert "Zonnepanelen" not in nearby  # Limburg


def test_practice_pages_stay_out_of_the_navigation(site: Path) -> None:
    home = html(site, "")
    nav = home.split("md-nav--primary")[1].split('class="md-content"')[0]
    assert "praktijken/" not in nav
    for label in ("Catalogus", "SDG's", "Beleidsdomeinen", "Gemeenten", "Over & bijdragen"):
        assert label in nav


def test_home_page_blocks_are_filled(site: Path) -> None:
    home = html(site, "")
    assert "praktijken:" not in home
    assert "5 praktijken" in home
    newest = home.split('id="nieuw-in-de-databank"')[1].split('id="per-beleidsdomein"')[0]
    assert newest.index("Fairtrade in de stadsdiensten") < newest.index("Fietsstraten rond scholen")


def test_keywords_use_materials_tags(site: Path) -> None:
    tags = html(site, "trefwoorden")
    assert "fietsen" in tags and "Fietsstraten rond scholen" in tags


def test_no_third_party_hosts_in_any_page(site: Path) -> None:
    allowed = (
        "https://github.com/vvsg/",
        "https://creativecommons.org/",
        "https://statbel.fgov.be/",
        "https://vvsg.github.io/",
    )
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            src = re.search(r'(?:src|href)="(https?:)?//', tag)
            assert src is None or any(a in tag for a in allowed), (page, tag)
        assert "fonts.googleapis" not in text


def test_a_validation_error_stops_the_build_with_the_validators_message(
    tmp_path, caplog, monkeypatch
) -> None:
    from mkdocs.exceptions import Abort, PluginError

    monkeypatch.chdir(tmp_path)  # as `mkdocs build` is run: file names relative to the project

    # One valid practice next to the invalid one: without the plugin's error gate the build
    # would go on with the valid one, so only the gate stops it here.
    make_site(
        tmp_path,
        {
            "goed.md": front("Gent doet mee", ["Gent"], [13], ["mobiliteit"]),
            "fout.md": front("Gend doet mee", ["Gend"], [13], ["mobiliteit"]),
        },
    )
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(tmp_path)
    validator = (
        "practices/fout.md:3: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?"
    )
    summary = (
        "1 fout(en) in de praktijken; de site wordt niet gebouwd. Los de fouten hierboven op "
        "(python -m generator check toont ze ook)."
    )
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert validator in messages and summary in messages
    assert messages.index(validator) < messages.index(summary)  # the summary follows the causes
    assert not any("goed.md" in m for m in messages)
    assert not (tmp_path / "site" / "index.html").exists()


def test_two_builds_are_identical_apart_from_the_sitemap(tmp_path) -> None:
    make_site(tmp_path, PRACTICES)
    first, second = build(tmp_path, tmp_path / "a"), build(tmp_path, tmp_path / "b")
    diff = filecmp.dircmp(first, second, ignore=["sitemap.xml", "sitemap.xml.gz"])

    def differences(d: filecmp.dircmp) -> list[str]:
        found = d.diff_files + d.left_only + d.right_only
        return found + [x for sub in d.subdirs.values() for x in differences(sub)]

    assert differences(diff) == []


def test_core_has_no_mkdocs_import() -> None:
    package = Path(__file__).resolve().parent.parent / "generator"
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "plugin.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            if any(
                n == "mkdocs" or n.startswith("mkdocs.") or n.startswith("material") for n in names
            ):
                offenders.append(str(path.relative_to(package)))
    assert offenders == []


def test_a_practice_with_only_warnings_builds_strictly(tmp_path, monkeypatch) -> None:
    """One rule with `check`: a warning never stops `mkdocs build --strict`; whatever would
    stop the build is an error in `check`."""
    from conftest import VALID_BODY

    from generator.project import load_project

    monkeypatch.chdir(tmp_path)
    text = front("Gent doet mee", ["Gent"], [13], ["mobiliteit"])
    without_results = text.replace(VALID_BODY, VALID_BODY.split("## Resultaten")[0])
    assert without_results != text
    make_site(tmp_path, {"gent.md": without_results})
    loaded = load_project(tmp_path)
    assert [p.message for p in loaded.problems] == ["de sectie '## Resultaten' ontbreekt."]
    assert (build(tmp_path) / "praktijken" / "gent" / "index.html").is_file()
