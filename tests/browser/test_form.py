"""The web form (bijdragen/nieuwe-praktijk/) in Chromium: a user fills it in by typing and
clicking, the Markdown it shows passes `check`, the download and the GitHub hand-over carry that
exact file, and nothing leaves the local site (over HTTP and from file://)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import REPO, VALID_BODY, VALID_FRONT, ProjectDir

from generator import load_project, rules, schema
from generator.new import id_from_title

REPO_URL = "https://github.com/vvsg/sdg-praktijkendatabank"
TITLE = "Repair Café in de bibliotheek: samen herstellen"
SUMMARY = (
    "Elke maand herstellen vrijwilligers in de bibliotheek kapotte toestellen, kleren en "
    "fietsen samen met de bezoekers, en leren ze hen zelf te herstellen."
)
PAGE = {"http": "bijdragen/nieuwe-praktijk/", "file": "bijdragen/nieuwe-praktijk.html"}


def open_form(watched, root: str, base: str, width: int = 1280):
    watch = watched(root, width)
    watch.page.goto(root + PAGE[base])
    watch.page.wait_for_function("() => window.PK_FORM_READY === true")
    return watch


def root_of(base: str, repo_site: Path, offline_site: Path, serve) -> str:
    return serve(repo_site) if base == "http" else offline_site.as_uri() + "/"


def pick(page, field: str, typed: str, expected_option: str) -> None:
    """Type in a type-ahead, check the first suggestion, take it with Enter."""
    box = page.locator(f"#pk-f-{field}")
    box.press_sequentially(typed)
    first = page.locator(f"#pk-f-{field}-opties [role=option]").first
    assert expected_option in first.inner_text()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("Enter")


def tick_goal(page, n: int) -> None:
    page.locator(f"label[for=pk-f-sdgs-{n}]").click()


def fill_valid_practice(page) -> None:
    page.locator("#pk-f-titel").press_sequentially(TITLE)
    page.locator("#pk-f-samenvatting").press_sequentially(SUMMARY)
    page.get_by_role("radio", name="Lopend").check()
    page.locator("#pk-f-jaar").press_sequentially("2024")
    pick(page, "gemeenten", "Gent", "Gent")
    pick(page, "gemeenten", "Melle", "Merelbeke-Melle")  # the name before the 2025 merger
    for n in (11, 12, 13):
        tick_goal(page, n)
    page.get_by_text("SDG 12 Verantwoorde consumptie en productie:").click()  # open the targets
    page.get_by_role("checkbox", name="12.5").check()
    domains = page.get_by_role("group", name="Beleidsdomeinen")
    domains.get_by_role("checkbox", name="Lokale economie").check()
    domains.get_by_role("checkbox", name="Afval en materialen").check()
    page.get_by_role("radio", name="Sensibilisering en educatie").check()
    principles = page.get_by_role("group", name="Principes")
    principles.get_by_role("checkbox", name="Burgerparticipatie").check()
    pick(page, "partnerlanden", "beni", "Benin (BJ)")
    typing = {
        "partners": "Repair Café Gent\nDe bibliotheek: afdeling Zuid",
        "tekst-aanleiding": "Veel toestellen belandden te vroeg bij het afval.",
        "tekst-aanpak": "De bib stelt een zaal ter beschikking.\n\n- elke tweede zaterdag\n"
        "- met **twaalf** vrijwilligers",
        "tekst-resultaten": "Ruim 400 herstellingen in het eerste jaar.",
        "tekst-tips-voor-andere-besturen": "Begin klein, met een vaste datum.",
    }
    for field, text in typing.items():
        page.locator(f"#pk-f-{field}").press_sequentially(text)
    page.locator("#pk-f-contact-dienst").press_sequentially("Dienst Duurzaamheid")
    page.locator("#pk-f-contact-email").press_sequentially("duurzaamheid@stad.gent")
    page.locator("#pk-f-links-0-titel").press_sequentially("Projectpagina")
    page.locator("#pk-f-links-0-url").press_sequentially("https://stad.gent/repair?x=1&y=2#top")
    page.get_by_role("button", name="+ Link toevoegen").click()
    page.locator("#pk-f-links-1-titel").press_sequentially("Verslag 2024")
    page.locator("#pk-f-links-1-url").press_sequentially("https://stad.gent/verslag")
    page.locator("#pk-f-trefwoorden").press_sequentially("repair, circulair, 2de leven")
    page.locator("#pk-f-bron").press_sequentially("VVSG-bevraging 2025")
    page.keyboard.press("Tab")


def shown_markdown(page) -> str:
    return page.locator("#pk-fmarkdown").text_content()


def check_in_project(tmp_path: Path, practice_id: str, markdown: str):
    project = ProjectDir(tmp_path)
    project.write(f"{practice_id}.md", markdown)
    return load_project(tmp_path)


@pytest.mark.parametrize("base", ["http", "file"])
def test_filled_form_gives_a_file_that_check_accepts(
    repo_site, offline_site, serve, watched, tmp_path, base
) -> None:
    root = root_of(base, repo_site, offline_site, serve)
    watch = open_form(watched, root, base)
    page = watch.page
    assert page.get_attribute("#pk-form", "data-errors") != "0"
    assert page.locator("#pk-fdownload").get_attribute("aria-disabled") == "true"
    fill_valid_practice(page)
    summary = page.locator("#pk-fsummary").inner_text()
    assert page.get_attribute("#pk-form", "data-errors") == "0", summary

    markdown = shown_markdown(page)
    practice_id = page.evaluate("window.PK_FORM_API.id()")
    assert (
        practice_id == "gent-repair-cafe-in-de-bibliotheek-samen-herstellen"
    )  # <gemeente>-<titel>
    project = check_in_project(tmp_path, practice_id, markdown)
    assert [str(p) for p in project.problems] == []
    [practice] = project.practices
    assert practice.titel == TITLE
    assert [m.name for m in practice.gemeenten] == ["Gent", "Merelbeke-Melle"]
    assert practice.sdgs == [11, 12, 13]
    assert practice.subdoelen == ["12.5"]
    assert practice.beleidsdomeinen == ["lokale-economie", "afval-en-materialen"]
    assert (practice.status, practice.jaar, practice.samenvatting) == ("lopend", 2024, SUMMARY)
    assert practice.lmb_categorie == "sensibilisering-en-educatie"
    assert practice.principes == ["participatie"]
    assert practice.partnerlanden == ["BJ"]
    assert practice.partners == ["Repair Café Gent", "De bibliotheek: afdeling Zuid"]
    assert practice.contact.dienst == "Dienst Duurzaamheid"
    assert practice.contact.email == "duurzaamheid@stad.gent"
    assert [(link.titel, link.url) for link in practice.links] == [
        ("Projectpagina", "https://stad.gent/repair?x=1&y=2#top"),
        ("Verslag 2024", "https://stad.gent/verslag"),
    ]
    assert practice.trefwoorden == ["repair", "circulair", "2de leven"]
    assert practice.bron == "VVSG-bevraging 2025"
    assert practice.bijgewerkt == dt.date.today()
    assert practice.voorbeeld is False and "voorbeeld" not in markdown
    assert "## Aanpak\n\nDe bib stelt een zaal ter beschikking.\n\n- elke tweede" in markdown

    # The repository's own format: keys in schema order, block and flow lists, a folded summary.
    assert markdown.startswith(f'---\ntitel: "{TITLE}"\ngemeenten:\n')  # ": " needs quotes
    assert (
        'gemeenten:\n  - Gent\n  - Merelbeke-Melle\nsdgs: [11, 12, 13]\nsubdoelen: ["12.5"]\n'
    ) in markdown
    assert "samenvatting: >-\n  Elke maand" in markdown

    with page.expect_download() as info:
        page.locator("#pk-fdownload").click()
    download = info.value
    assert download.suggested_filename == f"{practice_id}.md"
    assert Path(download.path()).read_text(encoding="utf-8") == markdown

    assert watch.errors == []
    assert watch.outside == []


def test_github_hand_over_url_carries_exactly_the_shown_file(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    watch = open_form(watched, root, "http")
    page = watch.page
    github = page.locator("#pk-fgithub")
    assert github.get_attribute("href") is None  # not yet: the file has errors
    assert github.get_attribute("aria-disabled") == "true"
    assert "zodra alles in orde is" in page.locator("#pk-fwhy").inner_text()
    github.focus()  # reachable by keyboard although it cannot be used yet
    page.keyboard.press("Enter")  # explains instead of leaving: focus to what is missing
    assert page.evaluate("document.activeElement.id") == "pk-fsummary"

    fill_valid_practice(page)
    href = github.get_attribute("href")
    practice_id = page.evaluate("window.PK_FORM_API.id()")
    prefix = f"{REPO_URL}/new/main?filename=practices/{practice_id}.md&value="
    assert href.startswith(prefix)
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "github.com",
        "/vvsg/sdg-praktijkendatabank/new/main",
    )
    value = href[len(prefix) :]
    assert "&" not in value and "#" not in value and " " not in value  # fully encoded
    assert unquote(value) == shown_markdown(page)
    assert github.get_attribute("aria-disabled") is None
    assert github.get_attribute("target") == "_blank"
    assert watch.outside == []
    assert watch.errors == []


def test_at_most_five_goals(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    for n in (1, 3, 5, 7, 9):
        tick_goal(page, n)
    assert page.locator("#pk-f-sdgs-count").inner_text().startswith("5 van hoogstens 5 gekozen")
    assert page.locator("#pk-f-sdgs-11").is_disabled()
    page.locator("label[for=pk-f-sdgs-11]").click(force=True)
    checked = page.eval_on_selector_all(".pk-ftile__input:checked", "els => els.map(e => e.value)")
    assert checked == ["1", "3", "5", "7", "9"]
    assert "sdgs: [1, 3, 5, 7, 9]\n" in shown_markdown(page)
    tick_goal(page, 3)  # one fewer: the others can be chosen again
    assert not page.locator("#pk-f-sdgs-11").is_disabled()
    page.focus("#pk-f-sdgs-11")
    page.keyboard.press("Space")  # tiles work from the keyboard
    assert "sdgs: [1, 5, 7, 9, 11]\n" in shown_markdown(page)


def test_short_summary_error_appears_and_goes_away(repo_site, serve, watched, tmp_path) -> None:
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    summary = page.locator("#pk-f-samenvatting")
    error = page.locator("#pk-f-samenvatting-error")
    summary.press_sequentially("Te kort om iets te zeggen.")
    count = page.locator("#pk-f-samenvatting-count").inner_text()
    assert count == "26 / 400 tekens · nog minstens 14"
    page.keyboard.press("Tab")
    assert error.is_visible()
    # The same words as `check` for the same value.
    front = VALID_FRONT.replace(
        VALID_FRONT.splitlines()[-1], "samenvatting: Te kort om iets te zeggen."
    )
    project = ProjectDir(tmp_path)
    project.add("gent-kort.md", front, VALID_BODY)
    [problem] = load_project(tmp_path).problems
    assert problem.field == "samenvatting"
    assert error.inner_text() == problem.message[0].upper() + problem.message[1:]
    assert f"Samenvatting: {problem.message}" in page.locator("#pk-fsummary").inner_text()
    assert summary.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in summary.get_attribute("aria-describedby").split()
    summary.press_sequentially(" Nu wel, met genoeg tekst erbij.")
    assert error.is_hidden()
    assert summary.get_attribute("aria-invalid") is None
    assert "Samenvatting:" not in page.locator("#pk-fsummary").inner_text()


def test_municipality_suggestion_and_merged_names_as_check_says(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    towns = page.locator("#pk-f-gemeenten")
    towns.press_sequentially("Gend")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    error = page.locator("#pk-f-gemeenten-error")
    assert error.inner_text() == "'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?"
    towns.fill("")
    towns.press_sequentially("Kortessem")  # merged into Hasselt in 2025
    first = page.locator("#pk-f-gemeenten-opties [role=option]").first
    assert "Hasselt" in first.inner_text() and "vroeger Kortessem" in first.inner_text()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert page.locator(".pk-fchip > span").all_inner_texts() == ["Hasselt"]
    assert error.is_hidden()
    page.get_by_role("button", name="Hasselt verwijderen").click()
    assert page.locator(".pk-fchip").count() == 0
    assert page.evaluate("document.activeElement.id") == "pk-f-gemeenten"


def test_id_follows_the_title_until_edited_and_refuses_taken_ids(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    page.locator("#pk-f-titel").press_sequentially("Één Fietsstraat — voor iedereen!")
    assert page.locator("#pk-f-id").input_value() == "een-fietsstraat-voor-iedereen"
    pick(page, "gemeenten", "Sint-Ni", "Sint-Niklaas")  # as the practices are named
    assert page.locator("#pk-f-id").input_value() == "sint-niklaas-een-fietsstraat-voor-iedereen"
    pick(page, "gemeenten", "Gent", "Gent")  # the first municipality names the file
    assert page.locator("#pk-f-id").input_value() == "sint-niklaas-een-fietsstraat-voor-iedereen"
    taken = load_project(REPO).practices[0].id
    page.locator("#pk-f-id").fill(taken)
    page.keyboard.press("Tab")
    shown = page.locator("#pk-f-id-error").inner_text()
    assert f"De id '{taken}' (de bestandsnaam) wordt ook gebruikt door" in shown
    page.locator("#pk-f-id").fill("Mijn Praktijk")
    assert "geen geldige id" in page.locator("#pk-f-id-error").inner_text()
    page.locator("#pk-f-id").fill("mijn-eigen-id")
    page.keyboard.press("Tab")
    assert page.locator("#pk-f-id-error").is_hidden()
    assert page.evaluate("window.PK_FORM_API.id()") == "mijn-eigen-id"


ID_CASES = [
    ("Fair-O-Meter", ["Gent"]),
    ("Gent fietst naar school", ["Gent"]),  # the municipality once
    ("Gentse Feesten zonder afval", ["Gent"]),
    ("Gent", ["Gent"]),
    ("Mondiale raad na de fusie", ["Merelbeke-Melle", "Gent"]),
    ("Merelbeke-Melle kiest fair", ["Merelbeke-Melle"]),
    ("Één café à la carte", ["Sint-Niklaas"]),
    ("Fietsstraten rond alle basisscholen en secundaire scholen van de gemeente " * 2, ["Gent"]),
    ("x" * 75 + " yz", ["Gent"]),  # the cut falls just after a whole word
    ("Een fietsstraat", []),
]


def test_the_form_proposes_the_id_that_generator_new_proposes(repo_site, serve, watched) -> None:
    """`<gemeente>-<titel>`, cut to schema.MAX_ID at a hyphen: the same in both (the form's own
    id follows it: test_id_follows_the_title_until_edited_and_refuses_taken_ids)."""
    page = open_form(watched, serve(repo_site), "http").page
    for title, towns in ID_CASES:
        made = page.evaluate("([t, g]) => window.PK_FORM_API.idFor(t, g)", [title, towns])
        assert made == id_from_title(title, towns), (title, towns)
        assert len(made) <= schema.MAX_ID and not made.endswith("-")
        if towns:
            assert made.startswith(id_from_title(towns[0]))


def test_yaml_values_survive_a_round_trip(repo_site, serve, watched) -> None:
    """Strings are written plain where that is safe and quoted otherwise; YAML reads back the
    same text either way."""
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    tricky = [
        "Gent",
        "yes",
        "No",
        "null",
        "~",
        "2024",
        "12.5",
        "2025-01-01",
        "-5",
        ".inf",
        "@home",
        "'s Gravenwezel",
        'Zeg "hallo"',
        "a: b",
        "a:b",
        "eind:",
        "x #y",
        "x#y",
        "[lijst]",
        "{k}",
        "a, b",
        "*ster",
        "&anker",
        "!tag",
        "%procent",
        "`code`",
        "|pijp",
        ">groter",
        "<<",
        "=",
        "? vraag",
        "- streep",
        "tab\there",
        "nieuwe\nregel",
        " spatie",
        "spatie ",
        "ü é ß €",
        "emoji 🌍",
        "ctrl\u0007char",
        "del\u007fchar",
        "nbsp\u00a0x",
        "back\\slash",
        "SDG's en co",
        "Repair Café: samen herstellen",
    ]
    for flow in (False, True):
        written = page.evaluate(
            "([xs, flow]) => xs.map(x => window.PK_FORM_API.yamlScalar(x, flow))", [tricky, flow]
        )
        for original, text in zip(tricky, written, strict=True):
            loaded = yaml.safe_load(f"k: [{text}]" if flow else f"k: {text}")
            assert loaded == {"k": [original] if flow else original}, (original, text)
    long = "Een lange samenvatting: " + " ".join(["woord"] * 60) + " # geen commentaar - en - meer"
    front = page.evaluate(
        "s => window.PK_FORM_API.frontMatter({samenvatting: s, titel: 'x: y'})", long
    )
    assert "samenvatting: >-\n" in front
    assert all(len(line) <= 100 for line in front.splitlines())
    assert yaml.safe_load(front.strip("-\n")) == {"titel": "x: y", "samenvatting": long}


def test_form_is_labelled_and_keyboard_reachable(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        '#pk-form input, #pk-form textarea, #pk-form select')].filter(c =>
        !(c.labels && c.labels.length) && !c.getAttribute('aria-label') &&
        !c.getAttribute('aria-labelledby')).map(c => c.id || c.outerHTML)""")
    assert unlabelled == []
    missing = page.evaluate("""() => [...document.querySelectorAll('#pk-form [aria-describedby]')]
        .flatMap(c => c.getAttribute('aria-describedby').split(' '))
        .filter(id => !document.getElementById(id))""")
    assert missing == []
    assert page.evaluate(
        "[...document.querySelectorAll('#pk-form fieldset')].every(f => "
        "f.querySelector(':scope > legend'))"
    )
    page.focus("#pk-f-titel")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus ring
    # The summary links lead to the field.
    page.locator("#pk-fsummary a", has_text="Startjaar").click()
    assert page.evaluate("document.activeElement.id") == "pk-f-jaar"


def test_phone_width_has_no_horizontal_scroll(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    watch = open_form(watched, root, "http", width=390)
    assert watch.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert watch.errors == []


def test_a_draft_survives_a_reload_until_cleared(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = open_form(watched, root, "http").page
    page.locator("#pk-f-titel").press_sequentially("Fietsstraten rond scholen")
    pick(page, "gemeenten", "Lochri", "Lochristi")
    page.locator("#pk-f-tekst-aanpak").press_sequentially("Eerst een proefproject.")
    page.wait_for_timeout(500)  # the draft is saved shortly after the last change
    page.reload()
    page.wait_for_function("() => window.PK_FORM_READY === true")
    assert page.locator("#pk-f-titel").input_value() == "Fietsstraten rond scholen"
    assert page.locator(".pk-fchip > span").all_inner_texts() == ["Lochristi"]
    assert page.locator("#pk-f-tekst-aanpak").input_value() == "Eerst een proefproject."
    notice = page.locator(".pk-frestored")
    assert "teruggezet" in notice.inner_text()
    notice.get_by_role("button", name="Opnieuw beginnen").click()
    assert page.locator("#pk-f-titel").input_value() == ""
    assert page.locator(".pk-fchip").count() == 0
    assert notice.count() == 0
    page.reload()
    page.wait_for_function("() => window.PK_FORM_READY === true")
    assert page.locator(".pk-frestored").count() == 0


# --- the text: the form says what `check` says, from the same allowlist ---------------------

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "event attribute": '<a onclick="alert(1)">klik</a>',
    "javascript link": "[klik](javascript:alert(1))",
    "entity-hidden javascript link": "[klik](jav&#x09;ascript:alert(1))",
    "external image": "![foto](https://evil.example/p.png)",
    "style attribute": '<p style="color:red">rood</p>',
    "div (a warning)": "<div>een blok</div>",
    "attribute braces (a warning)": "Een alinea {: #x }",
    "600 '[' in a paragraph": "[" * 600,
    "a list nested 10 deep": "\n".join("  " * level + "- niveau" for level in range(10)),
    "control character": "Een stuurteken \x01 hier.",
    "link to an unknown practice": "Zie [de andere praktijk](x.md).",
    "image from another host in HTML": '<img src="https://evil.example/p.png" onerror="alert(2)">',
    "table cell with a style": '<table><tr><td align="middle" style="x">a</td></tr></table>',
}
HARMLESS = {
    "link to an existing practice": "Zie [de andere praktijk]({existing}.md).",
    "plain Markdown": "**Vet** en *cursief*.\n\n- een\n- twee\n\n> Een citaat met "
    '[een link](https://www.vvsg.be "VVSG").\n\n## Kop\n\n`<script>` als code.',
}


def text_problems_of_the_form(page) -> list[tuple[str, str]]:
    return sorted(
        tuple(p)
        for p in page.evaluate(
            "window.PK_FORM_API.problems().filter(p => p.slot.startsWith('tekst.'))"
            ".map(p => [p.severity, p.message])"
        )
    )


def text_problems_of_check(tmp_path: Path, page, existing: str) -> list[tuple[str, str]]:
    """`check` on the file the form shows, in a project that holds the practice it links to."""
    project = ProjectDir(tmp_path)
    project.add(f"{existing}.md")
    name = page.evaluate("window.PK_FORM_API.id()") + ".md"
    project.write(name, shown_markdown(page))
    found = load_project(tmp_path).problems
    return sorted(
        (p.severity, p.message) for p in found if p.field == "tekst" and Path(p.path).name == name
    )


def as_the_form_says(message: str) -> str:
    """`check`'s message about a missing section as the form words it: the section named as
    the form labels it instead of as its Markdown heading, from the same template."""
    for key in ("sectionRequired", "sectionMissing"):
        for name in schema.BODY_SECTIONS:
            if message == rules.message(key, section=rules.section(name)):
                return rules.message(key, section=rules.section(name, "form"))
    return message


SECTION_MESSAGES = {
    rules.message(key, section=rules.section(name, "form"))
    for key in ("sectionRequired", "sectionMissing")
    for name in schema.BODY_SECTIONS
}


def test_missing_sections_are_named_as_the_form_labels_them(repo_site, serve, watched) -> None:
    page = open_form(watched, serve(repo_site), "http").page
    page.locator("#pk-fgithub").press("Enter")  # show every problem
    problems = {p["slot"]: p["message"] for p in page.evaluate("window.PK_FORM_API.problems()")}
    assert problems["tekst.Aanleiding"] == "de sectie Aanleiding ontbreekt."
    assert problems["tekst.Aanpak"] == (
        "de verplichte sectie Aanpak ontbreekt (hoe werd het aangepakt?)."
    )
    summary = page.locator("#pk-fsummary")
    assert "Aanleiding: de sectie Aanleiding ontbreekt." in summary.inner_text()
    assert "#" not in summary.inner_text()  # no Markdown for people who never saw any
    missing = summary.locator(".pk-fsummary__missing a").all_inner_texts()
    assert "Aanpak" in missing  # a required section is listed with what is still to fill in


def test_the_text_gets_exactly_the_messages_of_check(repo_site, serve, watched, tmp_path) -> None:
    existing = load_project(REPO).practices[0].id
    watch = open_form(watched, serve(repo_site), "http")
    page = watch.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    body = page.locator("#pk-f-tekst-aanpak")
    cases = {**HOSTILE, **{k: v.format(existing=existing) for k, v in HARMLESS.items()}}
    for n, (case, text) in enumerate(cases.items()):
        body.fill(text)
        page.keyboard.press("Tab")
        form = text_problems_of_the_form(page)
        check = text_problems_of_check(tmp_path / str(n), page, existing)
        assert form == sorted((s, as_the_form_says(m)) for s, m in check), case
        about_the_text = [m for _, m in form if m not in SECTION_MESSAGES]
        assert bool(about_the_text) == (case in HOSTILE), (case, form)
    # The form shows them at the field, as it shows every message: errors first.
    body.fill(HOSTILE["event attribute"])
    error = page.locator("#pk-f-tekst-aanpak-error")
    assert error.inner_text() == (
        "Het HTML-attribuut 'onclick' op <a> is niet toegestaan en wordt "
        "weggelaten (het kan script uitvoeren of iets laden)."
    )
    assert dialogs == []
    assert watch.outside == []
    assert watch.errors == []


def test_typing_hostile_text_runs_and_loads_nothing(repo_site, serve, watched) -> None:
    """Typed key by key, every intermediate text is checked: no dialog, no request elsewhere."""
    watch = open_form(watched, serve(repo_site), "http")
    page = watch.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    body = page.locator("#pk-f-tekst-aanpak")
    body.press_sequentially(
        '<img src="https://evil.example/x.png" onerror="alert(1)">'
        '<svg onload="alert(2)"><script>alert(3)</script>'
        '<iframe src="https://evil.example/"></iframe>'
        '<link rel="stylesheet" href="https://evil.example/s.css">'
        "![x](//evil.example/y.png)"
    )
    page.wait_for_timeout(300)
    messages = [m for _, m in text_problems_of_the_form(page)]
    assert any("'onerror' op <img>" in m for m in messages)  # it was checked
    assert any("<svg>" in m for m in messages)  # (the script inside goes with the svg)
    assert dialogs == []
    assert watch.outside == []
    assert watch.errors == []
