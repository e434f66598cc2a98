"""Reference facts: the SDG's, the Flemish municipalities of 2025, countries, badge colours.

Expected values come from /work/shared/context/DOMAIN.md (sdgs.be names, UN colours) and from
Statbel's REFNIS list of 1 January 2025.
"""

import re

import pytest

from generator import reference
from generator.reference import contrast
from generator.vocab import SLUG, match_key

GOALS = {
    1: ("Geen armoede", "#E5243B"),
    2: ("Geen honger", "#DDA63A"),
    3: ("Goede gezondheid en welzijn", "#4C9F38"),
    4: ("Kwaliteitsonderwijs", "#C5192D"),
    5: ("Gendergelijkheid", "#FF3A21"),
    6: ("Schoon water en sanitair", "#26BDE2"),
    7: ("Betaalbare en duurzame energie", "#FCC30B"),
    8: ("Waardig werk en economische groei", "#A21942"),
    9: ("Industrie, innovatie en infrastructuur", "#FD6925"),
    10: ("Ongelijkheid verminderen", "#DD1367"),
    11: ("Duurzame steden en gemeenschappen", "#FD9D24"),
    12: ("Verantwoorde consumptie en productie", "#BF8B2E"),
    13: ("Klimaatactie", "#3F7E44"),
    14: ("Leven in het water", "#0A97D9"),
    15: ("Leven op het land", "#56C02B"),
    16: ("Vrede, justitie en sterke publieke diensten", "#00689D"),
    17: ("Partnerschap om doelstellingen te bereiken", "#19486A"),
}

FIVE_PS = {
    "people": [1, 2, 3, 4, 5],
    "planet": [6, 12, 13, 14, 15],
    "prosperity": [7, 8, 9, 10, 11],
    "peace": [16],
    "partnership": [17],
}

TARGETS_PER_GOAL = {
    1: 7,
    2: 8,
    3: 13,
    4: 10,
    5: 9,
    6: 8,
    7: 5,
    8: 12,
    9: 8,
    10: 10,
    11: 10,
    12: 11,
    13: 5,
    14: 10,
    15: 12,
    16: 12,
    17: 19,
}

PROVINCES = {
    "Antwerpen": 67,
    "Vlaams-Brabant": 63,
    "West-Vlaanderen": 62,
    "Oost-Vlaanderen": 55,
    "Limburg": 38,
}

# Province by the first digit(s) of the NIS code.
PROVINCE_OF_PREFIX = {
    "1": "Antwerpen",
    "23": "Vlaams-Brabant",
    "24": "Vlaams-Brabant",
    "3": "West-Vlaanderen",
    "4": "Oost-Vlaanderen",
    "7": "Limburg",
}


# --- SDG's ---------------------------------------------------------------------------------


def test_seventeen_goals_with_names_and_colours():
    goals = reference.goals()
    assert {n: (g.name, g.colour) for n, g in goals.items()} == GOALS
    assert list(goals) == list(range(1, 18))


def test_goal_label():
    assert reference.goals()[12].label == "SDG 12 Verantwoorde consumptie en productie"


def test_five_ps():
    grouped = {}
    for number, goal in reference.goals().items():
        grouped.setdefault(goal.p, []).append(number)
    assert grouped == FIVE_PS
    assert set(reference.P_LABELS) == set(FIVE_PS)


def test_169_targets():
    assert len(reference.targets()) == 169


def test_targets_per_goal():
    assert {n: len(g.targets) for n, g in reference.goals().items()} == TARGETS_PER_GOAL


@pytest.mark.parametrize("number", range(1, 18))
def test_target_ids_are_numbered_then_lettered(number):
    """1.1 … 1.5 then 1.a, 1.b: numbers from 1 and letters from a, without gaps."""
    ids = [t.id for t in reference.goals()[number].targets]
    numbers = [i.split(".")[1] for i in ids if i.split(".")[1].isdigit()]
    letters = [i.split(".")[1] for i in ids if not i.split(".")[1].isdigit()]
    assert all(i.startswith(f"{number}.") for i in ids)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert letters == [chr(ord("a") + n) for n in range(len(letters))]
    assert sorted(ids, key=reference.target_sort_key) == ids


def test_some_known_targets():
    targets = reference.targets()
    for target_id in ["1.1", "1.b", "11.6", "12.7", "13.a", "16.10", "17.10", "17.19"]:
        assert targets[target_id].goal == int(target_id.split(".")[0])
        assert targets[target_id].text.strip()
    for missing in ["17.20", "17.a", "13.4", "18.1", "1.c"]:
        assert missing not in targets


def test_target_sort_key():
    ids = ["17.a", "1.10", "17.10", "1.a", "1.2", "17.2"]
    assert sorted(ids, key=reference.target_sort_key) == [
        "1.2",
        "1.10",
        "1.a",
        "17.2",
        "17.10",
        "17.a",
    ]


# --- badge colours -------------------------------------------------------------------------


@pytest.mark.parametrize("number", range(1, 18))
def test_badge_text_reaches_wcag_aa(number):
    goal = reference.goals()[number]
    assert contrast(goal.colour, goal.text_colour) >= 4.5, (goal.colour, goal.text_colour)


def test_badge_text_colour_is_the_better_one():
    for goal in reference.goals().values():
        other = ({reference.DARK_TEXT, reference.LIGHT_TEXT} - {goal.text_colour}).pop()
        assert contrast(goal.colour, goal.text_colour) >= contrast(goal.colour, other)


def test_light_goals_get_dark_text():
    goals = reference.goals()
    for number in [2, 6, 7, 11, 15]:  # fail with white text
        assert goals[number].text_colour == reference.DARK_TEXT
    for number in [4, 8, 16, 17]:
        assert goals[number].text_colour == reference.LIGHT_TEXT


def test_contrast_ratio():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


# --- territory -----------------------------------------------------------------------------


def test_285_municipalities():
    assert len(reference.municipalities()) == 285


def test_five_provinces_with_their_municipalities():
    counts = {}
    for municipality in reference.municipalities().values():
        counts[municipality.province.name] = counts.get(municipality.province.name, 0) + 1
    assert counts == PROVINCES
    assert [p.name for p in reference.provinces().values()] == sorted(PROVINCES)
    assert {p.slug for p in reference.provinces().values()} == {
        "antwerpen",
        "vlaams-brabant",
        "west-vlaanderen",
        "oost-vlaanderen",
        "limburg",
    }


@pytest.mark.parametrize(
    "name, nis, province, arrondissement",
    [
        ("Gent", "44021", "Oost-Vlaanderen", "Gent"),
        ("Antwerpen", "11002", "Antwerpen", "Antwerpen"),
        ("Leuven", "24062", "Vlaams-Brabant", "Leuven"),
        ("Brugge", "31005", "West-Vlaanderen", "Brugge"),
        ("Hasselt", "71072", "Limburg", "Hasselt"),  # new code after merging with Kortessem
        ("Pajottegem", "23106", "Vlaams-Brabant", "Halle-Vilvoorde"),
        ("Merelbeke-Melle", "44088", "Oost-Vlaanderen", "Gent"),
        ("Beveren-Kruibeke-Zwijndrecht", "46030", "Oost-Vlaanderen", "Sint-Niklaas"),
        ("Tongeren-Borgloon", "73111", "Limburg", "Tongeren"),
        ("Tielt", "37022", "West-Vlaanderen", "Tielt"),
        ("Herstappe", "73028", "Limburg", "Tongeren"),
    ],
)
def test_known_municipalities(name, nis, province, arrondissement):
    municipality = reference.municipalities()[name]
    assert (municipality.nis, municipality.province.name, municipality.arrondissement.name) == (
        nis,
        province,
        arrondissement,
    )


def test_arrondissement_and_province_follow_the_nis_code():
    for m in reference.municipalities().values():
        assert m.arrondissement.code == m.nis[:2], m.name
        prefix = m.nis[:2] if m.nis.startswith("2") else m.nis[0]
        assert PROVINCE_OF_PREFIX[prefix] == m.province.name, m.name


def test_municipality_names_slugs_and_codes_are_unique():
    municipalities = list(reference.municipalities().values())
    assert len({m.nis for m in municipalities}) == 285
    assert len({m.slug for m in municipalities}) == 285
    assert len({match_key(m.name) for m in municipalities}) == 285  # matching is unambiguous
    assert all(SLUG.match(m.slug) for m in municipalities)
    assert reference.municipalities()["Nazareth-De Pinte"].slug == "nazareth-de-pinte"


def test_merged_names_point_to_existing_municipalities():
    municipalities = reference.municipalities()
    merged = reference.merged_names()
    assert merged
    for old, new in merged.items():
        assert new in municipalities, (old, new)
        assert old not in municipalities, old
        assert match_key(old) not in {match_key(m) for m in municipalities}, old


@pytest.mark.parametrize(
    "old, new",
    [
        ("Melle", "Merelbeke-Melle"),
        ("Merelbeke", "Merelbeke-Melle"),
        ("Beveren", "Beveren-Kruibeke-Zwijndrecht"),
        ("Kruibeke", "Beveren-Kruibeke-Zwijndrecht"),
        ("Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht"),
        ("Bilzen", "Bilzen-Hoeselt"),
        ("Hoeselt", "Bilzen-Hoeselt"),
        ("Borgloon", "Tongeren-Borgloon"),
        ("Tongeren", "Tongeren-Borgloon"),
        ("De Pinte", "Nazareth-De Pinte"),
        ("Nazareth", "Nazareth-De Pinte"),
        ("Galmaarden", "Pajottegem"),
        ("Gooik", "Pajottegem"),
        ("Herne", "Pajottegem"),
        ("Ham", "Tessenderlo-Ham"),
        ("Tessenderlo", "Tessenderlo-Ham"),
        ("Kortessem", "Hasselt"),
        ("Moerbeke", "Lokeren"),
        ("Meulebeke", "Tielt"),
        ("Wachtebeke", "Lochristi"),
        ("Ruiselede", "Wingene"),
    ],
)
def test_merger_of_2025(old, new):
    assert reference.merged_names()[old] == new


def test_borsbeek_merged_into_antwerpen():
    assert reference.merged_names().get("Borsbeek") == "Antwerpen"


def test_continuing_municipalities_are_not_merged_names():
    """The municipalities that absorbed a neighbour keep their name and stay valid."""
    for name in ["Hasselt", "Lokeren", "Tielt", "Lochristi", "Wingene", "Deinze", "Antwerpen"]:
        assert name in reference.municipalities()
        assert name not in reference.merged_names()


# --- countries and slugs -------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, name",
    [
        ("BJ", "Benin"),
        ("SN", "Senegal"),
        ("ZA", "Zuid-Afrika"),
        ("RW", "Rwanda"),
        ("EC", "Ecuador"),
        ("NI", "Nicaragua"),
        ("BE", "België"),
        ("NL", "Nederland"),
        ("CD", "Democratische Republiek Congo"),
    ],
)
def test_country_names_in_dutch(code, name):
    assert reference.countries()[code] == name


def test_countries_are_iso_alpha2():
    countries = reference.countries()
    assert len(countries) >= 249
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Sint-Martens-Latem", "sint-martens-latem"),
        ("Nazareth-De Pinte", "nazareth-de-pinte"),
        ("Financiën & personeel", "financien-personeel"),
        ("  --Éénmalig  ", "eenmalig"),
    ],
)
def test_slugify(text, slug):
    assert reference.slugify(text) == slug
