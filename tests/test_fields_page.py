"""The field reference page bijdragen/velden.md: every field and every allowed value, from the
schema and the lists, so that a list change shows up without a code change."""

import re
import shutil

import pytest
from conftest import REPO, VALID_FRONT, ProjectDir, practice_text

from generator import schema
from generator.cli import main
from generator.project import load_project
from generator.reference import goals, municipalities, targets
from generator.render import render_site
from generator.render.fields import FIELDS_PAGE, field_reference_page
from generator.taxonomy import build_site

LISTS = REPO / "practices" / "_lijsten"


def list_items(path):
    """(slug, naam, beschrijving) of a list file, read as plain text, not by the code under test."""
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^- slug: *(\S+)\n +naam: *(.+)\n +beschrijving: *(.+)$", text, re.MULTILINE)


def page_for(root):
    project = load_project(root)
    assert project.errors == []
    return field_reference_page(build_site(project.practices, project.vocab))


@pytest.fixture(scope="module")
def page():
    return page_for(REPO)


@pytest.fixture(scope="module")
def text(page):
    return page.content


def unescape(markdown):
    return re.sub(r"\\(.)", r"\1", markdown)


def test_page_is_listed_at_its_path(page):
    assert page.src == FIELDS_PAGE == "bijdragen/velden.md"
    assert page.listed
    assert page.content.startswith('---\ntitle: "Velden en lijsten"')


def test_every_field_has_a_section_with_label_requirement_help_and_example(text):
    for spec in schema.FIELDS:
        heading = f"### `{spec.key}`: {spec.label} {{ #veld-{spec.key} }}"
        assert heading in text, spec.key
        section = text.split(heading)[1].split("\n### ")[0]
        assert ("**Verplicht**" if spec.required else "Optioneel") in section
        assert unescape(spec.help) in unescape(section)
        assert "```yaml\n" + spec.key + ":" in section, spec.key
        for sub in spec.fields or (spec.item.fields if spec.item else ()):
            assert f"| `{sub.key}` |" in section
    assert "jaartal, 2000–" in text
    assert "| [`titel`](#veld-titel) | Titel | ja | gewone tekst, 5–120 tekens |" in text


@pytest.mark.parametrize(
    "file_name", ["beleidsdomeinen.yml", "lmb-categorieen.yml", "principes.yml"]
)
def test_every_item_of_the_editable_lists_with_label_and_description(text, file_name):
    items = list_items(LISTS / file_name)
    assert items
    plain = unescape(text)
    for slug, label, description in items:
        assert f"| `{slug}` |" in text
        assert label.strip() in plain
        assert description.strip() in plain


def test_every_domain_links_to_its_page(text):
    for slug, _, _ in list_items(LISTS / "beleidsdomeinen.yml"):
        assert f"](../beleidsdomeinen/{slug}.md)" in text


def test_statuses_goals_and_targets(text):
    for status in ("gepland", "lopend", "afgerond"):
        assert f"| `{status}` |" in text
    plain = unescape(text)
    assert len(goals()) == 17
    for n, goal in goals().items():
        assert f"| {n} | [{goal.name}](../sdg/{n}.md) |" in plain
    assert "### Subdoelen (169)" in text
    assert len(re.findall(r"^\| `\d+\.[0-9a-z]+` \|", text, re.MULTILINE)) == 169
    for target_id in targets():
        assert f"| `{target_id}` |" in text
    assert text.count('<details class="pk-details" markdown>') >= 17


def test_all_285_municipalities_by_province(text):
    section = unescape(text.split("{ #lijst-gemeenten }")[1])
    for name in municipalities():
        assert name in section, name
    headings = re.findall(r"^#### .+ \((\d+)\) \{ #gemeenten-", section, re.MULTILINE)
    counts = [int(n) for n in headings]
    assert len(counts) == 5 and sum(counts) == 285
    assert "| Melle | Merelbeke-Melle |" in section  # the names gone since 2025


def test_partner_countries_in_use_and_the_full_list(text):
    section = unescape(text.split("{ #lijst-partnerlanden }")[1].split("\n### ")[0])
    assert "| `BJ` | Benin |" in section  # in use in the starter collection
    assert "`ZW` Zimbabwe" in section  # the full list, collapsed


def test_the_template_on_the_page_passes_check_once_its_sections_are_written(
    text, project, monkeypatch, capsys
):
    template = re.search(r"```markdown\n(.*?)```", text, re.DOTALL).group(1)
    project.write("sjabloon.md", template)
    monkeypatch.chdir(project.root)
    # As it stands, only hints under the headings: the required section is an error.
    assert main(["check"]) == 1
    assert "de sectie '## Aanpak' is leeg" in capsys.readouterr().out
    filled = re.sub(r"(<!--.*?-->)", r"\1\nEen zin.", template, flags=re.DOTALL)
    project.write("sjabloon.md", filled)
    assert main(["check", "--strict"]) == 0, capsys.readouterr().out


def test_a_domain_added_to_the_list_appears_without_code_change(tmp_path):
    project = ProjectDir(tmp_path)
    lists = project.practices / "_lijsten" / "beleidsdomeinen.yml"
    with lists.open("a", encoding="utf-8") as handle:
        handle.write(
            "- slug: digitale-inclusie\n  naam: Digitale inclusie\n"
            "  beschrijving: Iedereen mee in een digitale samenleving.\n"
        )
    project.add(
        "fair-o-meter.md", front=VALID_FRONT.replace("duurzaam-aankoopbeleid", "digitale-inclusie")
    )
    text = page_for(tmp_path).content
    assert (
        "| `digitale-inclusie` | [Digitale inclusie](../beleidsdomeinen/digitale-inclusie.md) "
        "| Iedereen mee in een digitale samenleving. |"
    ) in text
    assert "### Beleidsdomeinen (27)" in text


def test_the_page_is_part_of_the_rendered_site(tmp_path):
    project = ProjectDir(tmp_path)
    project.write("fair-o-meter.md", practice_text())
    loaded = load_project(tmp_path)
    pages, _ = render_site(build_site(loaded.practices, loaded.vocab))
    assert [p.src for p in pages].count(FIELDS_PAGE) == 1


def test_the_lists_in_the_repository_are_read_from_data(tmp_path):
    """The page reads the lists of the project it is given, not a copy in code."""
    shutil.copytree(LISTS, tmp_path / "practices" / "_lijsten")
    lists = tmp_path / "practices" / "_lijsten" / "principes.yml"
    lists.write_text(
        lists.read_text(encoding="utf-8").replace("Burgerparticipatie", "Inspraak van inwoners"),
        encoding="utf-8",
    )
    text = page_for(tmp_path).content
    assert "| `participatie` | Inspraak van inwoners |" in text
    assert "| `participatie` | Burgerparticipatie |" not in text
