"""The related and nearby lists of a practice: their exact order and the cap of five.

The fixture is built so that every place in the expected lists is decided by a rule of
generator/taxonomy.py, not by chance: the related candidates of `gent-fietsstraten` share 5, 4,
3, 2 and 1 SDG's plus domains with it (their titles run the other way round, so a list by title
alone is wrong), and a sixth candidate ties at 1 and loses on its title. Its nearby candidates are
three practices from the same arrondissement (one from Gent itself, with the earliest title) and
three from the same province: one more than the cap. The expected lists are in
tests/golden/ranking.yml, written by hand with the reason for every place.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import ProjectDir
from sitebuild import front

from generator.project import load_project
from generator.taxonomy import Site, build_site

GOLDEN = Path(__file__).resolve().parent / "golden" / "ranking.yml"
TODAY = dt.date(2025, 11, 22)

PRACTICES = {
    # The practice whose lists are checked.
    "gent-fietsstraten.md": front(
        "Fietsstraten in Gent",
        ["Gent"],
        [7, 11, 13],
        ["mobiliteit", "klimaat-en-energie", "ruimtelijke-ordening"],
    ),
    # Related: theme overlap 5 … 1, outside Oost-Vlaanderen.
    "hasselt-zonnedaken.md": front(
        "Zonnedaken op scholen", ["Hasselt"], [7, 11, 13], ["mobiliteit", "klimaat-en-energie"]
    ),
    "brugge-woonerven.md": front(
        "Woonerven in de binnenstad", ["Brugge"], [11, 13], ["mobiliteit", "ruimtelijke-ordening"]
    ),
    "genk-vergroening.md": front(
        "Vergroening van speelplaatsen",
        ["Genk"],
        [4, 13],
        ["onderwijs-en-kinderopvang", "klimaat-en-energie", "ruimtelijke-ordening"],
    ),
    "kortrijk-trage-wegen.md": front(
        "Trage wegen in kaart", ["Kortrijk"], [11], ["mobiliteit", "sport-en-vrije-tijd"]
    ),
    "mechelen-repaircafe.md": front(
        "Repair café in de bib", ["Mechelen"], [12], ["afval-en-materialen", "klimaat-en-energie"]
    ),
    "turnhout-schoolstraten.md": front(
        "Schoolstraten voor elke school",
        ["Turnhout"],
        [4],
        ["onderwijs-en-kinderopvang", "mobiliteit"],
    ),
    # Nearby: no theme in common with gent-fietsstraten.
    "lochristi-voedselbank.md": front(
        "Voedselbank met lokale boeren", ["Lochristi"], [2], ["landbouw-en-voeding"]
    ),
    "deinze-winkelstraat.md": front(
        "Winkelstraat van de toekomst", ["Deinze"], [8], ["lokale-economie"]
    ),
    "gent-buurtfeesten.md": front(
        "Buurtfeesten met de wijkraad", ["Gent"], [16], ["participatie-en-inspraak"]
    ),
    "aalst-kringloop.md": front(
        "Kringloopwinkel aan huis", ["Aalst"], [12], ["afval-en-materialen"]
    ),
    "eeklo-erfgoeddag.md": front("Erfgoeddag voor iedereen", ["Eeklo"], [10], ["cultuur"]),
    "sint-niklaas-lezen.md": front("Samen lezen in de bib", ["Sint-Niklaas"], [4], ["cultuur"]),
    # Nothing in common with anyone, alone in its province.
    "leuven-armoedetoets.md": front(
        "Armoedetoets voor elk besluit", ["Leuven"], [1], ["armoede-en-sociaal-beleid"]
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    project = ProjectDir(tmp_path_factory.mktemp("ranking"))
    for name, text in PRACTICES.items():
        project.write(name, text)
    loaded = load_project(project.root, today=TODAY)
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.practices) == len(PRACTICES)
    return build_site(loaded.practices, loaded.vocab)


def expected() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))


def ids(practices) -> list[str]:
    return [p.id for p in practices]


@pytest.mark.parametrize("practice", sorted(expected()))
def test_related_is_ranked_by_shared_themes_then_title_and_capped(site: Site, practice) -> None:
    assert ids(site.related[practice]) == expected()[practice]["related"]


@pytest.mark.parametrize("practice", sorted(expected()))
def test_nearby_is_arrondissement_then_province_other_towns_first_and_capped(
    site: Site, practice
) -> None:
    assert ids(site.nearby[practice]) == expected()[practice]["nearby"]
