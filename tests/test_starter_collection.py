"""The repository's own practices: they pass `check --strict` and cover what the site needs.

Coverage rules from the starter-collection issue (issue 4).
"""

import re
from collections import Counter

import pytest
from conftest import REPO

from generator.project import load_project

SECTIONS = ["Aanleiding", "Aanpak", "Resultaten"]
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


@pytest.fixture(scope="module")
def collection():
    return load_project(REPO)


@pytest.fixture(scope="module")
def practices(collection):
    return collection.practices


def test_passes_check_strict(collection):
    assert [str(p) for p in collection.problems] == []
    assert collection.files == len(collection.practices)


def test_at_least_60_practices(practices):
    assert len(practices) >= 60


def test_every_goal_is_a_main_goal_of_three_practices(practices):
    counts = Counter(goal for p in practices for goal in p.sdgs)
    assert {goal: counts[goal] for goal in range(1, 18) if counts[goal] < 3} == {}


def test_all_provinces_and_40_municipalities(practices):
    municipalities = {m.name for p in practices for m in p.gemeenten}
    provinces = {m.province.name for p in practices for m in p.gemeenten}
    assert len(municipalities) >= 40
    assert provinces == {
        "Antwerpen",
        "Limburg",
        "Oost-Vlaanderen",
        "Vlaams-Brabant",
        "West-Vlaanderen",
    }


def test_20_policy_domains(practices):
    assert len({d for p in practices for d in p.beleidsdomeinen}) >= 20


def test_every_status_category_and_principle_occurs(collection, practices):
    vocab = collection.vocab
    assert {p.status for p in practices} == set(vocab.statuses)
    assert {p.lmb_categorie for p in practices} - {None} == set(vocab.lmb_categories)
    assert {x for p in practices for x in p.principes} == set(vocab.principles)


def test_partner_countries(practices):
    assert sum(bool(p.partnerlanden) for p in practices) >= 8


def test_some_intermunicipal(practices):
    sizes = [len(p.gemeenten) for p in practices if len(p.gemeenten) > 1]
    assert len(sizes) >= 2
    assert all(2 <= n <= 4 for n in sizes)


def test_some_cite_targets(practices):
    assert sum(bool(p.subdoelen) for p in practices) >= 3


def test_all_marked_as_example(practices):
    assert [p.id for p in practices if not p.voorbeeld] == []


def test_images_with_alt(practices):
    with_image = [p for p in practices if p.afbeelding]
    assert len(with_image) >= 5
    for p in with_image:
        assert p.afbeelding.file.is_file(), p.id
        assert len(p.afbeelding.alt) >= 20, p.id  # a description, not a file name


def test_no_email_outside_example_org(practices):
    for p in practices:
        domains = EMAIL.findall(p.path.read_text(encoding="utf-8"))
        foreign = [d for d in domains if d != "example.org" and not d.endswith(".example.org")]
        assert foreign == [], p.id


def test_contacts_are_services(practices):
    assert [p.id for p in practices if p.contact and p.contact.naam] == []


def words(body):
    return len(re.findall(r"\w+", re.sub(r"^#+ .*$", "", body, flags=re.MULTILINE)))


def test_bodies_are_150_to_500_words(practices):
    assert {p.id: words(p.body) for p in practices if not 150 <= words(p.body) <= 500} == {}


def test_bodies_have_the_core_sections(practices):
    for p in practices:
        headings = re.findall(r"^## (.+?)\s*$", p.body, re.MULTILINE)
        assert [s for s in SECTIONS if s not in headings] == [], p.id
        assert [h for h in headings if h in SECTIONS] == SECTIONS, p.id  # in this order


def test_most_have_tips(practices):
    with_tips = [p for p in practices if "\n## Tips voor andere besturen" in p.body]
    assert len(with_tips) > len(practices) / 2


def test_ids_are_unique_and_files_are_named_after_them(practices):
    assert len({p.id for p in practices}) == len(practices)
    assert all(p.path.name == f"{p.id}.md" for p in practices)
