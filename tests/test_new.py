"""`python -m generator new`: non-interactive with options, interactive with piped input."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from generator import schema
from generator.cli import main
from generator.new import BODY_HINTS, MAX_ID, id_from_title, practice_text

SUMMARY = "Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen fairtrade is."
OPTIONS = [
    "--titel",
    "Fair-O-Meter meet de fairtrade-aankopen",
    "--gemeente",
    "merelbeke melle",
    "--sdg",
    "12",
    "--sdg",
    "17",
    "--domein",
    "duurzaam-aankoopbeleid",
    "--status",
    "lopend",
    "--jaar",
    "2023",
    "--samenvatting",
    SUMMARY,
]
# `<gemeente>-<titel>`, as the existing practices are named (the official name's slug).
NEW_ID = "merelbeke-melle-fair-o-meter-meet-de-fairtrade-aankopen"


@pytest.fixture
def run(project, monkeypatch, capsys):
    """Run the CLI in the project; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(project.root)

    def call(*args, stdin=None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return call


def write_sections():
    """What the contributor does next: text under each heading's hint."""
    for path in Path("practices").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"(<!--.*?-->)", r"\1\nEen zin.", text, flags=re.DOTALL), encoding="utf-8"
        )


def strict_check(run, *paths):
    """The file as written has only hints under its headings: `check` demands the text of the
    required section; once the sections are written, it passes `check --strict`."""
    code, out, _ = run("check", *paths)
    assert code == 1 and "de sectie '## Aanpak' is leeg" in out, out
    write_sections()
    code, out, err = run("check", "--strict", *paths)
    assert (code, err) == (0, ""), out
    return out


# --- non-interactive -----------------------------------------------------------------------


def test_new_with_options_writes_a_file_that_check_accepts(project, run):
    code, out, err = run("new", *OPTIONS)
    assert (code, err) == (0, "")
    path = project.practices / f"{NEW_ID}.md"
    assert path.is_file()
    assert f"Nieuwe praktijk geschreven: practices/{NEW_ID}.md" in out
    assert f"python -m generator check practices/{NEW_ID}.md" in out
    assert "pull request" in out
    assert strict_check(run).endswith("1 praktijk gecontroleerd: 0 fouten, 0 waarschuwingen\n")


def test_the_file_has_the_fields_in_schema_order_and_the_body_headings(project, run):
    run(
        "new",
        *OPTIONS,
        "--land",
        "bj",
        "--dienst",
        "Dienst Duurzaamheid",
        "--email",
        "duurzaamheid@example.org",
        "--trefwoord",
        "fairtrade",
        "--partner",
        "Oxfam, Wereldwinkel",
    )
    text = (project.practices / f"{NEW_ID}.md").read_text(encoding="utf-8")
    assert "  - Merelbeke-Melle\n" in text  # the official spelling, not 'merelbeke melle'
    assert "sdgs: [12, 17]\n" in text
    assert "partnerlanden: [BJ]\n" in text
    assert "  - Oxfam, Wereldwinkel\n" in text  # free text is not split on commas
    keys = re.findall(r"^([a-z-]+):", text.split("\n---\n")[0], re.MULTILINE)
    order = [f.key for f in schema.FIELDS]
    assert keys == sorted(keys, key=order.index)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == list(BODY_HINTS)
    assert "# lmb-categorie: fair-trade" in text  # optional fields to fill in later, commented
    assert "voorbeeld" not in text


def test_repeatable_options_and_comma_lists(project, run):
    code, _, err = run(
        "new",
        *OPTIONS,
        "--gemeente",
        "Gent, Lochristi",
        "--principe",
        "participatie",
        "--subdoel",
        "12.7",
        "--lmb",
        "fair-trade",
        "--id",
        "x-1",
    )
    assert (code, err) == (0, "")
    text = (project.practices / "x-1.md").read_text(encoding="utf-8")
    assert "  - Gent\n  - Lochristi\n" in text
    assert "subdoelen: ['12.7']" in text
    strict_check(run, "practices/x-1.md")


def test_refuses_to_overwrite(project, run):
    assert run("new", *OPTIONS)[0] == 0
    path = project.practices / f"{NEW_ID}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMijn tekst.\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run("new", *OPTIONS)
    assert code == 1
    assert out == ""
    assert f"Er bestaat al een praktijk met de id '{NEW_ID}': practices/{NEW_ID}.md" in err
    assert "nooit overschreven" in err
    assert path.read_bytes() == before


def test_refuses_an_id_used_in_another_folder(project, run):
    project.add(f"2024/{NEW_ID}.md")
    code, _, err = run("new", *OPTIONS)
    assert code == 1
    assert f"practices/2024/{NEW_ID}.md" in err
    assert not (project.practices / f"{NEW_ID}.md").exists()


def test_bad_municipality_gives_the_validators_message(project, run):
    code, out, err = run("new", *[("Gend" if a == "merelbeke melle" else a) for a in OPTIONS])
    assert code == 1
    assert out == ""
    bad_id = "gend-fair-o-meter-meet-de-fairtrade-aankopen"  # named after what was typed
    line = (
        f"practices/{bad_id}.md:5: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. "
        "Bedoel je 'Gent'?"
    )
    assert line in err.splitlines()
    assert list(project.practices.glob("*.md")) == []
    # The very same line as `check` gives for the same value in a file.
    text = practice_text(
        {
            "titel": "Fair-O-Meter meet de fairtrade-aankopen",
            "gemeenten": ["Gend"],
            "sdgs": [12],
            "beleidsdomeinen": ["werk"],
            "status": "lopend",
            "jaar": 2023,
            "samenvatting": SUMMARY,
        }
    )
    project.write(f"{bad_id}.md", text)
    assert line in run("check")[1].splitlines()


def test_all_problems_are_listed_at_once(project, run):
    code, _, err = run(
        "new",
        "--titel",
        "Kort",
        "--gemeente",
        "Melle",
        "--sdg",
        "18",
        "--domein",
        "klimaat",
        "--status",
        "bezig",
        "--jaar",
        "twintig",
    )
    assert code == 1
    lines = err.splitlines()
    expected = [
        "titel: is 4 tekens lang; verwacht 5–120 tekens.",
        "gemeenten: Melle bestaat sinds 2025 niet meer als gemeente; bedoel je 'Merelbeke-Melle'?",
        "sdgs: SDG 18 bestaat niet; de SDG's zijn genummerd van 1 tot 17.",
        "beleidsdomeinen: 'klimaat' is geen geldig beleidsdomein. Bedoel je 'klimaat-en-energie'?",
        "status: 'bezig' is geen geldige status. Verwacht een van: gepland, lopend, afgerond.",
        "jaar: verwacht een geheel getal, maar kreeg de tekst 'twintig'.",
        "samenvatting: verplicht veld ontbreekt of is leeg.",
    ]
    for message in expected:
        assert any(
            re.match(r"practices/melle-kort\.md:\d+: fout: " + re.escape(message), x) for x in lines
        ), message
    assert lines[-1] == "Niets geschreven: 7 problemen. Pas de opties aan en probeer opnieuw."
    assert list(project.practices.glob("*.md")) == []


def test_an_invalid_id_gets_the_validators_message(project, run):
    code, _, err = run("new", *OPTIONS, "--id", "Mijn Praktijk")
    assert code == 1
    assert "de bestandsnaam 'Mijn Praktijk.md' is geen geldige id" in err
    code, _, err = run("new", *OPTIONS, "--id", "../elders")
    assert code == 1
    assert "zonder map" in err
    assert list(project.root.rglob("*.md")) == []


def test_warnings_block_too_so_the_file_passes_strict(project, run):
    code, _, err = run("new", *OPTIONS, "--subdoel", "13.1")
    assert code == 1
    assert "waarschuwing: subdoelen: subdoel 13.1 hoort bij SDG 13" in err


def test_id_from_a_long_title_is_cut_at_a_hyphen():
    title = "Een heel lange titel " * 6
    made = id_from_title(title)
    assert len(made) <= MAX_ID and not made.endswith("-")
    assert title.lower().replace(" ", "-").startswith(made)
    assert id_from_title("Één café à Gent!") == "een-cafe-a-gent"


@pytest.mark.parametrize(
    "title, towns, expected",
    [
        ("Fair-O-Meter", ["Gent"], "gent-fair-o-meter"),
        ("Fair-O-Meter", ["Gent", "Lochristi"], "gent-fair-o-meter"),  # the first one
        ("Gent fietst naar school", ["Gent"], "gent-fietst-naar-school"),  # not 'gent-gent-…'
        ("Gentse Feesten zonder afval", ["Gent"], "gent-gentse-feesten-zonder-afval"),
        ("Gent", ["Gent"], "gent"),
        (
            "Mondiale raad na de fusie",
            ["merelbeke melle"],
            "merelbeke-melle-mondiale-raad-na-de-fusie",
        ),
        ("Merelbeke-Melle kiest fair", ["Merelbeke-Melle"], "merelbeke-melle-kiest-fair"),
        ("Een café à la carte", ["Sint-Niklaas"], "sint-niklaas-een-cafe-a-la-carte"),
        ("Een fietsstraat", [], "een-fietsstraat"),
        ("", ["Gent"], "nieuwe-praktijk"),
    ],
)
def test_the_id_is_the_municipality_then_the_title(title, towns, expected):
    assert id_from_title(title, towns) == expected


def test_a_long_id_keeps_the_municipality_and_is_cut_at_a_hyphen():
    title = "Fietsstraten rond alle basisscholen en secundaire scholen van de gemeente " * 2
    made = id_from_title(title, ["Beveren-Kruibeke-Zwijndrecht"])
    assert len(made) <= MAX_ID and not made.endswith("-")
    assert made.startswith("beveren-kruibeke-zwijndrecht-fietsstraten-rond-alle-")
    full = "beveren-kruibeke-zwijndrecht-" + title.lower().strip().replace(" ", "-")
    assert full.startswith(made + "-")  # whole words only
    exact = "x" * (MAX_ID - len("gent-")) + " yz"  # the cut falls just after a whole word
    assert id_from_title(exact, ["Gent"]) == "gent-" + "x" * (MAX_ID - len("gent-"))


def test_the_bare_template_is_valid(project, run):
    """The headings with their hints: only the text is left to write."""
    project.write(
        "leeg.md",
        practice_text(
            {
                "titel": "Fair-O-Meter",
                "gemeenten": ["Gent"],
                "sdgs": [12],
                "beleidsdomeinen": ["werk"],
                "status": "gepland",
                "jaar": 2024,
                "samenvatting": SUMMARY,
            }
        ),
    )
    strict_check(run)


def test_the_template_in_contributing_is_valid(project, run):
    """CONTRIBUTING.md shows a file to copy into GitHub's editor; it must pass the check."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```markdown\n(---\n.*?)```", text, re.DOTALL)
    assert blocks, "CONTRIBUTING.md bevat geen sjabloon in een ```markdown-blok"
    project.write("sjabloon.md", blocks[0])
    strict_check(run)


# --- interactive ---------------------------------------------------------------------------

ANSWERS = [
    "Fair-O-Meter meet de fairtrade-aankopen",  # titel
    "Gend",  # gemeenten: wrong, re-asked
    "?mer",  # a search, then the question again
    "gent, merelbeke melle",
    "",  # id: the proposal, from the first municipality and the title
    "12, 17",  # sdgs
    "23",  # beleidsdomeinen by number (duurzaam-aankoopbeleid)
    "lopend",  # status
    "2023",  # jaar
    SUMMARY,  # samenvatting
    "fair-trade",  # lmb-categorie
    "",  # principes
    "12.7",  # subdoelen
    "bj",  # partnerlanden
    "",  # partners
    "fairtrade, eerlijke handel",  # trefwoorden
    "Dienst Duurzaamheid",  # contact: dienst
    "duurzaamheid@example.org",  # contact: e-mail
]


def test_interactive_new_with_piped_input(project, run):
    code, out, err = run("new", stdin="\n".join(ANSWERS) + "\n")
    assert (code, err) == (0, ""), out
    assert "fout: 'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?" in out
    assert "Merelbeke-Melle, Merksplas" in out  # the search found the name
    assert out.count("Gemeenten (verplicht)") == 1  # asked once, answered three times
    assert "12 Verantwoorde consumptie en productie" in out  # the goals are listed
    interactive_id = "gent-fair-o-meter-meet-de-fairtrade-aankopen"
    assert f"[Enter = {interactive_id}] > " in out
    assert f"Nieuwe praktijk geschreven: practices/{interactive_id}.md" in out
    text = (project.practices / f"{interactive_id}.md").read_text(encoding="utf-8")
    assert "gemeenten:\n  - Gent\n  - Merelbeke-Melle\n" in text
    assert "beleidsdomeinen:\n  - duurzaam-aankoopbeleid\n" in text
    assert "partnerlanden: [BJ]" in text
    assert "  email: duurzaamheid@example.org" in text
    strict_check(run)


def test_interactive_re_asks_until_every_answer_is_valid(project, run):
    answers = [
        "Kort",
        "Fair-O-Meter meet de fairtrade-aankopen",
        "Gent",
        "Mijn Id",
        "fair-o-meter",
        "12, 12",
        "12",
        "afval",
        "afval-en-materialen",
        "bezig",
        "3",
        "1999",
        "2023",
        "Te kort.",
        SUMMARY,
        "",
        "",
        "13.1",
        "",
        "",
        "",
        "",
        "",
    ]
    code, out, _ = run("new", stdin="\n".join(answers) + "\n")
    assert code == 0, out
    for message in [
        "fout: is 4 tekens lang; verwacht 5–120 tekens.",
        "fout: de bestandsnaam 'Mijn Id.md' is geen geldige id",
        "fout: '12' staat twee keer in de lijst.",
        "fout: 'afval' is geen geldig beleidsdomein. Bedoel je 'afval-en-materialen'?",
        "fout: 'bezig' is geen geldige status.",
        "fout: 1999 ligt buiten het bereik",
        "fout: is 8 tekens lang; verwacht 40–400 tekens.",
        "waarschuwing: subdoel 13.1 hoort bij SDG 13, die niet in 'sdgs' staat.",
    ]:
        assert message in out
    text = (project.practices / "fair-o-meter.md").read_text(encoding="utf-8")
    assert "status: afgerond" in text
    assert "subdoelen" not in text.split("# Optionele velden")[0]
    strict_check(run)


def test_interactive_refuses_an_existing_id_and_asks_again(project, run):
    project.add("gent-fair-o-meter.md")
    answers = [
        "Fair-O-Meter",
        "Gent",
        "",  # the proposal, gent-fair-o-meter, is taken
        "gent-fair-o-meter-2",
        "12",
        "werk",
        "lopend",
        "2023",
        SUMMARY,
    ] + [""] * 7
    code, out, _ = run("new", stdin="\n".join(answers) + "\n")
    assert code == 0, out
    assert "fout: Er bestaat al een praktijk met de id 'gent-fair-o-meter'" in out
    assert (project.practices / "gent-fair-o-meter-2.md").is_file()


def test_interactive_stops_cleanly_when_input_ends(project, run):
    code, out, err = run("new", stdin="Fair-O-Meter meet de fairtrade-aankopen\nGend\n")
    assert code == 1
    assert "er is niets geschreven" in out
    assert "Traceback" not in out + err
    assert list(project.practices.glob("*.md")) == []


def test_interactive_as_a_real_subprocess(project):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "new"],
        cwd=project.root,
        input="\n".join(ANSWERS) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Bedoel je 'Gent'?" in result.stdout
    cwd = Path.cwd()
    os.chdir(project.root)
    try:
        write_sections()
    finally:
        os.chdir(cwd)
    check = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--strict"],
        cwd=project.root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout
