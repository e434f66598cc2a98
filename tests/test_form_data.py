"""The web form's data (bijdragen/formulier-data.js) comes from the schema, the lists and the
validator: every field, the 285 municipalities, the editable lists as they are on disk, the
repository from the site options, and message templates worded exactly as `check` words them."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import REPO, VALID_BODY, VALID_FRONT, ProjectDir, practice_text

from generator import allowlist, bodycheck, load_project, rules, schema
from generator.reference import municipalities, slugify
from generator.render import form, render_site
from generator.render.page import SiteOptions
from generator.taxonomy import build_site
from generator.textsafe import shown

TODAY = dt.date(2026, 3, 15)
REPO_URL = "https://github.com/vvsg/sdg-praktijkendatabank"


def site_of(root: Path):
    project = load_project(root)
    return build_site(project.practices, project.vocab)


@pytest.fixture(scope="module")
def data() -> dict:
    return form.form_data(site_of(REPO), SiteOptions(repo_url=REPO_URL), today=TODAY)


def by_key(data: dict) -> dict[str, dict]:
    return {f["key"]: f for f in data["fields"]}


# --- fields ----------------------------------------------------------------------------------


def test_every_schema_field_is_in_the_form_data(data) -> None:
    fields = by_key(data)
    assert [f["key"] for f in data["fields"]] + data["omitted"] == [f.key for f in schema.FIELDS]
    assert data["omitted"] == ["voorbeeld"]  # new practices are real, never demo content
    for spec in schema.FIELDS:
        if spec.key in data["omitted"]:
            continue
        got = fields[spec.key]
        assert (got["label"], got["help"], got["kind"]) == (spec.label, spec.help, spec.kind)
        assert got.get("required", False) == spec.required
        assert got.get("min") == spec.min
        assert got.get("format") == spec.format
        assert got.get("vocab") == spec.vocab
        assert got.get("limits", "") == spec.limits()
        if spec.item is not None:
            assert got["item"].get("vocab") == spec.item.vocab
            assert got["item"]["kind"] == spec.item.kind
            item_fields = [s["key"] for s in got["item"].get("fields", [])]
            assert item_fields == [s.key for s in spec.item.fields]
        for sub, sub_spec in zip(got.get("fields", []), spec.fields, strict=True):
            assert (sub["key"], sub["label"], sub["help"]) == (
                sub_spec.key,
                sub_spec.label,
                sub_spec.help,
            )
            assert sub.get("required", False) == sub_spec.required
            assert (sub.get("min"), sub.get("max")) == (sub_spec.min, sub_spec.max)


def test_every_field_has_exactly_one_place_in_the_steps(data) -> None:
    placed = [key for step in data["steps"] for key in step["keys"]]
    assert sorted(placed) == sorted([f["key"] for f in data["fields"]] + ["tekst"])


def test_year_limit_follows_the_given_date(data) -> None:
    assert by_key(data)["jaar"]["max"] == TODAY.year + schema.YEAR_AHEAD
    later = form.form_data(site_of(REPO), SiteOptions(), today=dt.date(2031, 1, 1))
    assert by_key(later)["jaar"]["max"] == 2031 + schema.YEAR_AHEAD
    assert later["today"] == "2031-01-01"


def test_body_sections_come_from_the_schema(data) -> None:
    assert data["body"]["sections"] == schema.BODY_SECTIONS
    assert set(data["body"]["required"]) == schema.REQUIRED_SECTIONS
    assert set(data["body"]["expected"]) == schema.EXPECTED_SECTIONS
    assert set(data["body"]["hints"]) == set(schema.BODY_SECTIONS)


# --- lists -----------------------------------------------------------------------------------


def test_the_285_municipalities_with_their_2025_names(data) -> None:
    towns = data["vocab"]["gemeenten"]
    assert len(towns) == 285
    assert [t[0] for t in towns] == list(municipalities())
    names = {t[0] for t in towns}
    assert {"Merelbeke-Melle", "Beveren-Kruibeke-Zwijndrecht", "Gent", "Tongeren-Borgloon"} <= names
    assert "Melle" not in names
    assert data["merged"]["Melle"] == "Merelbeke-Melle"


def test_sdgs_carry_colours_and_text_colours(data) -> None:
    assert [t[0] for t in data["vocab"]["sdgs"]] == [str(n) for n in range(1, 18)]
    assert data["sdgColours"]["13"] == ["#3F7E44", "#ffffff"]
    assert len(data["vocab"]["subdoelen"]) == 169


def test_domains_are_the_ones_in_the_list_file(data) -> None:
    import yaml

    listed = yaml.safe_load((REPO / "practices/_lijsten/beleidsdomeinen.yml").read_text("utf-8"))
    domains = [t[:2] for t in data["vocab"]["beleidsdomeinen"]]
    assert [[t["slug"], t["naam"]] for t in listed] == domains


def test_a_domain_added_to_the_list_appears_without_code_change(tmp_path: Path) -> None:
    project = ProjectDir(tmp_path)
    lists = project.practices / "_lijsten" / "beleidsdomeinen.yml"
    lists.write_text(
        lists.read_text("utf-8") + "- slug: digitale-inclusie\n  naam: Digitale "
        "inclusie\n  beschrijving: Iedereen mee in een digitale samenleving.\n",
        encoding="utf-8",
    )
    project.add(
        "gent-digitaal.md", VALID_FRONT.replace("- duurzaam-aankoopbeleid", "- digitale-inclusie")
    )
    data = form.form_data(site_of(tmp_path), SiteOptions(), today=TODAY)
    assert data["vocab"]["beleidsdomeinen"][-1] == [
        "digitale-inclusie",
        "Digitale inclusie",
        "Iedereen mee in een digitale samenleving.",
    ]
    assert data["id"]["taken"] == {"gent-digitaal": "practices/gent-digitaal.md"}


def test_existing_ids_are_known(data) -> None:
    ids = {p.id for p in load_project(REPO).practices}
    assert set(data["id"]["taken"]) == ids


# --- repository and page -----------------------------------------------------------------------


def test_repository_comes_from_the_options() -> None:
    site = site_of(REPO)
    options = SiteOptions(repo_url="https://github.com/voorbeeld/fork/", branch="dev")
    data = form.form_data(site, options)
    assert data["repo"] == {"url": "https://github.com/voorbeeld/fork", "branch": "dev"}
    assert form.form_data(site, SiteOptions())["repo"]["url"] is None


def test_the_plugin_reads_repo_url_and_branch_from_mkdocs_yml(tmp_path: Path) -> None:
    from sitebuild import build, make_site

    make_site(tmp_path, {"gent-x.md": practice_text()})
    config = (tmp_path / "mkdocs.yml").read_text("utf-8")
    config = config.replace(
        "repo_url: https://github.com/vvsg/sdg-praktijkendatabank",
        "repo_url: https://github.com/gemeente/fork",
    )
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("edit_uri: edit/main/docs/", "edit_uri: edit/werk/docs/"), "utf-8"
    )
    site = build(tmp_path)
    script = (site / "bijdragen" / "formulier-data.js").read_text("utf-8")
    data = json.loads(script.removeprefix("window.PK_FORM=").rstrip().removesuffix(";"))
    assert data["repo"] == {"url": "https://github.com/gemeente/fork", "branch": "werk"}
    page = (site / "bijdragen" / "nieuwe-praktijk" / "index.html").read_text("utf-8")
    assert '<script src="../formulier-data.js"></script>' in page
    assert '<script src="../../javascripts/formulier.js"></script>' in page
    assert (site / "javascripts" / "formulier.js").is_file()


def test_render_site_adds_page_and_data_script() -> None:
    pages, assets = render_site(site_of(REPO), SiteOptions(repo_url=REPO_URL, directory_urls=False))
    page = next(p for p in pages if p.src == form.FORM_PAGE)
    assert page.listed
    assert '<script src="formulier-data.js"></script>' in page.content
    assert '<script src="../javascripts/formulier.js"></script>' in page.content
    asset = next(a for a in assets if a.src == form.DATA_SCRIPT)
    assert asset.content.startswith("window.PK_FORM={")
    assert "</" not in asset.content  # safe even if it were ever inlined


def test_script_is_json_and_has_no_voorbeeld(data) -> None:
    text = form.form_script(site_of(REPO), SiteOptions(repo_url=REPO_URL), today=TODAY)
    parsed = json.loads(text.removeprefix("window.PK_FORM=").rstrip().removesuffix(";"))
    assert parsed == json.loads(json.dumps(data))
    assert "voorbeeld" not in [f["key"] for f in parsed["fields"]]


def test_patterns_are_the_validators() -> None:
    data = form.form_data(site_of(REPO), SiteOptions(), today=TODAY)
    assert data["patterns"]["email"] == [rules.EMAIL.pattern, ""]
    assert data["patterns"]["url"] == [rules.URL.pattern, "i"]
    assert data["patterns"]["html"] == [rules.HTML_TAG.pattern, ""]
    assert data["patterns"]["bodyControl"] == [rules.BODY_CONTROL.pattern, ""]
    assert data["patterns"]["attrBraces"] == [rules.ATTR_BRACES.pattern, ""]
    assert data["patterns"]["escaped"] == [rules.ESCAPED.pattern, ""]
    for source, _flags in data["patterns"].values():
        # Syntax that JavaScript reads differently (or not at all) must not creep in.
        assert not re.search(r"\(\?P|\(\?<[=!]|\\A|\\Z|\(\?[aiLmsux]+\)", source), source


# --- the text: the sanitiser's allowlist and `check`'s own messages --------------------------


def test_the_allowlist_and_every_body_message_are_in_the_form_data(data) -> None:
    assert data["allowlist"] == allowlist.as_data()
    assert data["bodyMessages"] == bodycheck.MESSAGES
    script = form.form_script(site_of(REPO), SiteOptions(repo_url=REPO_URL), today=TODAY)
    parsed = json.loads(script.removeprefix("window.PK_FORM=").rstrip().removesuffix(";"))
    assert parsed["bodyMessages"] == bodycheck.MESSAGES  # every template, intact through JSON
    assert parsed["allowlist"]["elements"] == sorted(allowlist.ELEMENTS)


def test_linkable_practices_are_the_files_in_the_practices_folder(data) -> None:
    ids = sorted(p.id for p in load_project(REPO).practices)
    assert data["body"]["practices"] == ids  # the repository keeps every practice at the top


def no_links(value: str) -> str:
    return "niets"


def test_the_body_control_class_is_the_one_check_uses() -> None:
    """Every character from U+0000 to U+FFFF: `check` calls it a control character exactly when
    the form's pattern matches it (tab and newline are ordinary white space)."""
    for code in range(0x10000):
        char = chr(code)
        if char in "<&[]{":  # would add other findings
            continue
        said = [m for _, _, m in bodycheck.check_text(f"a{char}b", no_links)]
        expected = [bodycheck.message("control", char=f"U+{code:04X}")]
        assert said == (expected if rules.BODY_CONTROL.search(char) else []), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "{: #x }",
        "{ #x }",
        "{.rood}",
        '{ key="value" }',
        "{:}",
        "tekst {a=b} en {: .c }",
        "{gewoon}",
        "{ }",
        "{#x\n}",
        "a {: x",
        "{ a = b }",
    ],
)
def test_the_braces_pattern_is_the_one_check_uses(text: str) -> None:
    said = [m for _, _, m in bodycheck.check_text(text, no_links)]
    found = [
        bodycheck.message("braces", text=shown(m.group(0)))
        for m in rules.ATTR_BRACES.finditer(text)
    ]
    assert said == found


def test_the_escaped_characters_are_the_ones_shown_escapes() -> None:
    for code in range(0x10000):
        char = chr(code)
        assert (shown(char) != char) == bool(rules.ESCAPED.search(char)), hex(code)


# --- messages: `check` fills the templates, and holds no second copy of them -----------------

# The modules that report field problems: each fills `rules.MESSAGES` with `rules.message`.
CHECKERS = ("validate.py", "images.py", "project.py")


def string_literals(module: str) -> list[str]:
    """Every string in a module's source, with each f-string placeholder as a NUL."""
    tree = ast.parse((REPO / "generator" / module).read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            parts = [p.value if isinstance(p, ast.Constant) else "\0" for p in node.values]
            found.append("".join(str(p) for p in parts))
    return found


@pytest.mark.parametrize("module", CHECKERS)
def test_the_checker_has_no_second_copy_of_a_template(module: str) -> None:
    """A template's wording lives in `rules.MESSAGES` only: no string in the checker repeats a
    sizeable literal part of it (a second copy would drift from what the form says)."""
    literals = string_literals(module)
    for key, template in rules.MESSAGES.items():
        for part in re.split(r"\{\w+\}", template):
            if len(part.strip()) >= 20:
                assert not [s for s in literals if part in s], (module, key, part)


def fill(template: str, /, **values: object) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), rules.MESSAGES[template])


def problems(
    tmp_path: Path,
    front: str = VALID_FRONT,
    body: str = VALID_BODY,
    name: str = "gent-proef.md",
    extra: dict[str, str] | None = None,
) -> list[str]:
    project = ProjectDir(tmp_path)
    project.add(name, front, body)
    for other, text in (extra or {}).items():
        project.write(other, text)
    found = load_project(tmp_path, today=TODAY).problems
    return [f"{p.field}: {p.message}" if p.field else p.message for p in found]


def swap(old: str, new: str, front: str = VALID_FRONT) -> str:
    assert old in front
    return front.replace(old, new)


TITLE = "titel: Fair-O-Meter meet de fairtrade-aankopen"
SUMMARY = (
    "samenvatting: Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen "
    "fairtrade is."
)

CASES = {
    "required": (
        lambda: swap(TITLE + "\n", ""),
        VALID_BODY,
        "titel: " + fill("required", expect=rules.expectation(schema.BY_KEY["titel"])),
    ),
    "length": (
        lambda: swap(TITLE, "titel: Kort"),
        VALID_BODY,
        "titel: " + fill("length", n=4, limits="5–120 tekens"),
    ),
    "html": (
        lambda: swap(TITLE, "titel: Een <b>vette</b> titel"),
        VALID_BODY,
        "titel: " + fill("html"),
    ),
    "links": (
        lambda: swap(SUMMARY, SUMMARY[:-1] + " op https://gent.be."),
        VALID_BODY,
        "samenvatting: " + fill("links"),
    ),
    "scriptUrl": (
        lambda: VALID_FRONT + "links:\n  - titel: Klik\n    url: javascript:alert(1)\n",
        VALID_BODY,
        "links.url: " + fill("scriptUrl", short="javascript:alert(1)"),
    ),
    "url": (
        lambda: VALID_FRONT + "contact:\n  dienst: Milieu\n  url: www.gent.be\n",
        VALID_BODY,
        "contact.url: " + fill("url", value="www.gent.be"),
    ),
    "email": (
        lambda: VALID_FRONT + "contact:\n  dienst: Milieu\n  email: milieu-at-gent\n",
        VALID_BODY,
        "contact.email: " + fill("email", value="milieu-at-gent"),
    ),
    "notInt": (
        lambda: swap("jaar: 2023", "jaar: twintig"),
        VALID_BODY,
        "jaar: " + fill("notInt", value="twintig"),
    ),
    "range": (
        lambda: swap("jaar: 2023", "jaar: 1999"),
        VALID_BODY,
        "jaar: " + fill("range", n=1999, min=2000, max=TODAY.year + 2),
    ),
    "future": (
        lambda: VALID_FRONT + "bijgewerkt: 2026-03-16\n",
        VALID_BODY,
        "bijgewerkt: " + fill("future", value="2026-03-16"),
    ),
    "duplicate": (
        lambda: VALID_FRONT + "partners: [Oxfam, Oxfam]\n",
        VALID_BODY,
        "partners: " + fill("duplicate", value="Oxfam"),
    ),
    "tooMany": (
        lambda: swap("sdgs: [12, 17]", "sdgs: [1, 2, 3, 4, 5, 6]"),
        VALID_BODY,
        "sdgs: " + fill("tooMany", n=6, max=5, reason=rules.MESSAGES["tooManyGoals"]),
    ),
    "merged": (
        lambda: swap("- Merelbeke-Melle", "- Melle"),
        VALID_BODY,
        "gemeenten: " + fill("merged", value="Melle", new="Merelbeke-Melle"),
    ),
    "municipality": (
        lambda: swap("- Merelbeke-Melle", "- Gend"),
        VALID_BODY,
        "gemeenten: "
        + fill("municipality", value="Gend", hint=fill("municipalityHint", close="Gent")),
    ),
    "municipalityNoHint": (
        lambda: swap("- Merelbeke-Melle", "- Xyzzyplaats"),
        VALID_BODY,
        "gemeenten: "
        + fill("municipality", value="Xyzzyplaats", hint=rules.MESSAGES["municipalityNoHint"]),
    ),
    "country": (
        lambda: VALID_FRONT + "partnerlanden: [Benim]\n",
        VALID_BODY,
        "partnerlanden: "
        + fill("country", value="Benim", hint=fill("countryHint", name="Benin", code="BJ")),
    ),
    "contact": (
        lambda: VALID_FRONT + "contact:\n  email: milieu@gent.be\n",
        VALID_BODY,
        "contact: " + fill("contact"),
    ),
    "missingPart": (
        lambda: VALID_FRONT + "links:\n  - url: https://gent.be\n",
        VALID_BODY,
        "links.titel: " + fill("missingPart", help="Waar de link naartoe gaat."),
    ),
    "targetGoal": (
        lambda: VALID_FRONT + 'subdoelen: ["13.1"]\n',
        VALID_BODY,
        "subdoelen: " + fill("targetGoal", target="13.1", goal=13),
    ),
    "imagePath": (
        lambda: (
            VALID_FRONT + "afbeelding:\n  pad: https://gent.be/a.png\n"
            "  alt: Een foto van de markt\n"
        ),
        VALID_BODY,
        "afbeelding.pad: " + fill("imagePath", value="https://gent.be/a.png"),
    ),
    "imageType": (
        lambda: VALID_FRONT + "afbeelding:\n  pad: markt.gif\n  alt: Een foto van de markt\n",
        VALID_BODY,
        "afbeelding.pad: " + fill("imageType", value="markt.gif"),
    ),
    "sectionRequired": (
        lambda: VALID_FRONT,
        VALID_BODY.replace("## Aanpak", "## Werkwijze"),
        "tekst: " + fill("sectionRequired", section="'## Aanpak'"),
    ),
    "sectionMissing": (
        lambda: VALID_FRONT,
        VALID_BODY.replace("## Aanleiding\n", ""),
        "tekst: " + fill("sectionMissing", section="'## Aanleiding'"),
    ),
    "heading1": (
        lambda: VALID_FRONT,
        "# Mijn praktijk\n\n" + VALID_BODY,
        "tekst: " + fill("heading1", title="Mijn praktijk"),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_message_template_matches_the_validator(tmp_path: Path, name: str) -> None:
    front, body, expected = CASES[name]
    assert expected in problems(tmp_path, front(), body)


def test_section_messages_name_the_section_per_audience(data, tmp_path: Path) -> None:
    """One template: `check` names the Markdown heading for people who edit the file, the form
    (whose sections are fields with their own label) names the section as it labels it."""
    assert data["messages"]["sectionMissing"] == rules.MESSAGES["sectionMissing"]
    assert data["sectionName"] == "{name}"
    found = problems(tmp_path, body=VALID_BODY.replace("## Aanleiding\n", ""))
    assert "tekst: de sectie '## Aanleiding' ontbreekt." in found
    form_message = fill("sectionMissing", section=data["sectionName"].format(name="Aanleiding"))
    assert form_message == "de sectie Aanleiding ontbreekt."
    assert fill("sectionRequired", section=rules.section("Aanpak", "form")) == (
        "de verplichte sectie Aanpak ontbreekt (hoe werd het aangepakt?)."
    )


def test_id_messages_match_the_validator(tmp_path: Path) -> None:
    found = problems(tmp_path, name="Mijn Praktijk.md")
    assert fill("id", name="Mijn Praktijk.md", hint=slugify("Mijn Praktijk")) in found
    again = tmp_path / "again"
    found = problems(again, name="a/dubbel.md", extra={"b/dubbel.md": practice_text()})
    shown = next(m for m in found if m.startswith("de id 'dubbel'")).split("door ")[1].split(";")[0]
    assert fill("idTaken", id="dubbel", others=shown) in found


def test_every_message_template_is_checked() -> None:
    hints = {"municipalityHint", "countryHint", "tooManyGoals"}
    covered = set(CASES) | {"id", "idTaken"} | hints
    assert covered == set(rules.MESSAGES)


def test_the_template_for_visitors_without_javascript_passes_check(tmp_path: Path) -> None:
    project = ProjectDir(tmp_path)
    project.write("mijn-praktijk.md", form.fallback_template())
    assert [str(p) for p in load_project(tmp_path).problems] == []
    page = form.form_page(SiteOptions(repo_url=REPO_URL))
    assert "samenvatting: Een jaarlijkse meter" in page
    assert f"{REPO_URL}/new/main?filename=practices/mijn-praktijk.md" in page
