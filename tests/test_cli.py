"""`python -m generator check`: exit codes, summary, output formats, paths, robustness."""

import json
import subprocess
import sys

import pytest
from conftest import VALID_BODY, VALID_FRONT, practice_text

from generator import report
from generator.cli import main
from generator.model import ERROR, WARNING, Problem

NO_AANLEIDING = VALID_BODY.replace("## Aanleiding\n\nWaarom.\n\n", "")
GEND = VALID_FRONT.replace("Merelbeke-Melle", "Gend")


@pytest.fixture
def run(project, monkeypatch, capsys):
    """Run the CLI in the project; returns (exit code, stdout lines)."""
    monkeypatch.chdir(project.root)

    def call(*args):
        code = main(["check", *args])
        out, err = capsys.readouterr()
        assert err == ""
        return code, out.splitlines()

    return call


# --- exit codes and summary ----------------------------------------------------------------


def test_clean_run_exits_0(project, run):
    project.add("fair-o-meter.md")
    project.add("wereldtafel.md")
    assert run() == (0, ["2 praktijken gecontroleerd: 0 fouten, 0 waarschuwingen"])


def test_warnings_alone_exit_0(project, run):
    project.add("fair-o-meter.md", body=NO_AANLEIDING)
    assert run() == (
        0,
        [
            "practices/fair-o-meter.md:12: waarschuwing: tekst: de sectie '## Aanleiding' "
            "ontbreekt.",
            "1 praktijk gecontroleerd: 0 fouten, 1 waarschuwing",
        ],
    )


def test_strict_makes_warnings_fail(project, run):
    project.add("fair-o-meter.md", body=NO_AANLEIDING)
    code, lines = run("--strict")
    assert code == 1
    assert lines[-1] == "1 praktijk gecontroleerd: 0 fouten, 1 waarschuwing"


def test_strict_on_a_clean_run_exits_0(project, run):
    project.add("fair-o-meter.md")
    assert run("--strict")[0] == 0


def test_errors_exit_1(project, run):
    project.add("fair-o-meter.md", front=GEND)
    project.add("wereldtafel.md", body="## Aanpak\n\nHoe.\n")
    assert run() == (
        1,
        [
            "practices/fair-o-meter.md:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. "
            "Bedoel je 'Gent'?",
            "practices/wereldtafel.md:12: waarschuwing: tekst: de sectie '## Aanleiding' "
            "ontbreekt.",
            "practices/wereldtafel.md:15: waarschuwing: tekst: de sectie '## Resultaten' "
            "ontbreekt.",
            "2 praktijken gecontroleerd: 1 fout, 2 waarschuwingen",
        ],
    )


def problems(errors, warnings):
    return [Problem("p.md", 1, ERROR, None, "x")] * errors + [
        Problem("p.md", 1, WARNING, None, "x")
    ] * warnings


@pytest.mark.parametrize(
    "files, errors, warnings, line",
    [
        (0, 0, 0, "0 praktijken gecontroleerd: 0 fouten, 0 waarschuwingen"),
        (1, 0, 0, "1 praktijk gecontroleerd: 0 fouten, 0 waarschuwingen"),
        (1, 1, 1, "1 praktijk gecontroleerd: 1 fout, 1 waarschuwing"),
        (2, 2, 0, "2 praktijken gecontroleerd: 2 fouten, 0 waarschuwingen"),
        (42, 0, 3, "42 praktijken gecontroleerd: 0 fouten, 3 waarschuwingen"),
    ],
)
def test_summary_line(files, errors, warnings, line):
    assert report.summary(files, problems(errors, warnings)) == line


# --- formats -------------------------------------------------------------------------------


def test_github_annotations(project, run):
    project.add("fair-o-meter.md", front=GEND, body=NO_AANLEIDING)
    project.add("Wereld,Tafel.md")
    assert run("--format", "github") == (
        1,
        [
            "::error file=practices/Wereld%2CTafel.md,line=1,title=praktijk::fout: de bestandsnaam "
            "'Wereld,Tafel.md' is geen geldige id: gebruik kleine letters a-z, cijfers en enkele "
            "koppeltekens, zonder spaties of accenten, bijvoorbeeld 'wereld-tafel.md'.",
            "::error file=practices/fair-o-meter.md,line=4,title=gemeenten::fout: gemeenten: "
            "'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?",
            "::warning file=practices/fair-o-meter.md,line=12,title=tekst::waarschuwing: tekst: de "
            "sectie '## Aanleiding' ontbreekt.",
            "2 praktijken gecontroleerd: 2 fouten, 1 waarschuwing",
        ],
    )


def test_github_escapes_data():
    problem = Problem("a:b.md", 3, ERROR, None, "100% fout\nop twee regels")
    assert report.as_github([problem]) == [
        "::error file=a%3Ab.md,line=3,title=praktijk::fout: 100%25 fout%0Aop twee regels"
    ]


def test_json_output(project, run):
    project.add("fair-o-meter.md", front=GEND, body=NO_AANLEIDING)
    project.add("wereldtafel.md")
    code, lines = run("--format", "json")
    assert code == 1
    assert json.loads("\n".join(lines)) == {
        "bestanden": 2,
        "problemen": [
            {
                "bestand": "practices/fair-o-meter.md",
                "regel": 4,
                "ernst": "fout",
                "veld": "gemeenten",
                "bericht": "'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?",
            },
            {
                "bestand": "practices/fair-o-meter.md",
                "regel": 12,
                "ernst": "waarschuwing",
                "veld": "tekst",
                "bericht": "de sectie '## Aanleiding' ontbreekt.",
            },
        ],
    }


def test_json_output_of_a_clean_run(project, run):
    project.add("fair-o-meter.md")
    code, lines = run("--format", "json")
    assert (code, json.loads("\n".join(lines))) == (0, {"bestanden": 1, "problemen": []})


# --- paths ---------------------------------------------------------------------------------


def test_single_file_outside_the_project_uses_the_lists_of_the_cwd(project, run, tmp_path_factory):
    lists = project.practices / "_lijsten" / "beleidsdomeinen.yml"
    lists.write_text(
        lists.read_text(encoding="utf-8")
        + (
            "- slug: ontwikkelingssamenwerking\n"
            "  naam: Ontwikkelingssamenwerking\n"
            "  beschrijving: Samenwerking met partners in het Zuiden.\n"
        ),
        encoding="utf-8",
    )
    elders = tmp_path_factory.mktemp("elders")
    good = elders / "fair-o-meter.md"
    good.write_text(
        practice_text(VALID_FRONT.replace("duurzaam-aankoopbeleid", "ontwikkelingssamenwerking")),
        encoding="utf-8",
    )
    bad = elders / "wereldtafel.md"
    bad.write_text(practice_text(GEND), encoding="utf-8")
    assert run(str(good)) == (0, ["1 praktijk gecontroleerd: 0 fouten, 0 waarschuwingen"])
    assert run(str(good), str(bad)) == (
        1,
        [
            f"{bad.as_posix()}:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. Bedoel je "
            "'Gent'?",
            "2 praktijken gecontroleerd: 1 fout, 0 waarschuwingen",
        ],
    )


def test_single_file_and_folder_inside_the_project(project, run):
    project.add("fair-o-meter.md")
    project.add("oost/wereldtafel.md", front=GEND)
    project.add("west/strand.md", body=NO_AANLEIDING)
    assert run("practices/fair-o-meter.md") == (
        0,
        ["1 praktijk gecontroleerd: 0 fouten, 0 waarschuwingen"],
    )
    assert run("practices/oost", "practices/west") == (
        1,
        [
            "practices/oost/wereldtafel.md:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. "
            "Bedoel je 'Gent'?",
            "practices/west/strand.md:12: waarschuwing: tekst: de sectie '## Aanleiding' "
            "ontbreekt.",
            "2 praktijken gecontroleerd: 1 fout, 1 waarschuwing",
        ],
    )


def test_project_option(project, tmp_path_factory, monkeypatch, capsys):
    project.add("fair-o-meter.md")
    monkeypatch.chdir(tmp_path_factory.mktemp("elders"))
    assert main(["--project", str(project.root), "check"]) == 0
    assert capsys.readouterr().out == "1 praktijk gecontroleerd: 0 fouten, 0 waarschuwingen\n"


def test_path_that_does_not_exist(project, run):
    assert run("practices/bestaat-niet.md") == (
        1,
        [
            "practices/bestaat-niet.md:1: fout: bestand of map bestaat niet.",
            "0 praktijken gecontroleerd: 1 fout, 0 waarschuwingen",
        ],
    )


def test_all_problems_of_all_files_in_one_run(project, run):
    project.add("a-gend.md", front=GEND)
    project.add("b-geen-aanpak.md", body="## Aanleiding\n\nWaarom.\n\n## Resultaten\n\nWat.\n")
    project.write("c-leeg.md", "")
    project.add("d-sdg.md", front=VALID_FRONT.replace("[12, 17]", "[12, 18]"))
    project.add("e-goed.md")
    assert run() == (
        1,
        [
            "practices/a-gend.md:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. "
            "Bedoel je 'Gent'?",
            "practices/b-geen-aanpak.md:12: fout: tekst: de verplichte sectie '## Aanpak' "
            "ontbreekt (hoe werd het aangepakt?).",
            "practices/c-leeg.md:1: fout: het bestand is leeg.",
            "practices/d-sdg.md:5: fout: sdgs: SDG 18 bestaat niet; de SDG's zijn genummerd van 1 "
            "tot 17.",
            "5 praktijken gecontroleerd: 4 fouten, 0 waarschuwingen",
        ],
    )


def test_broken_lists_are_reported_not_raised(project, run):
    project.add("fair-o-meter.md")
    (project.practices / "_lijsten" / "principes.yml").write_text(
        "- slug: participatie\n  naam: [Burgerparticipatie\n", encoding="utf-8"
    )
    assert run() == (
        1,
        [
            "practices/_lijsten/principes.yml:2: fout: ongeldige YAML: een lijst tussen [ ] wordt "
            "niet gesloten met ']' of mist een komma tussen de waarden.",
            "1 praktijk gecontroleerd: 1 fout, 0 waarschuwingen",
        ],
    )


# --- no traceback, whatever the input ------------------------------------------------------


BROKEN = {
    "leeg.md": "",
    "geen-front-matter.md": "Gewoon tekst.\n",
    "niet-afgesloten.md": "---\ntitel: x\n",
    "inspringen.md": "---\ntitel: a\n  gemeenten: b\n---\n",
    "tab.md": "---\ngemeenten:\n\t- Gent\n---\n",
    "aanhalingsteken.md": '---\ntitel: "open\n---\n',
    "haakje.md": "---\nsdgs: [1, 2\n---\n",
    "lijst.md": "---\n- a\n- b\n---\n",
    "tekst.md": "---\nzomaar tekst\n---\n",
    "getal.md": "---\n42\n---\n",
    "null.md": "---\nnull\n---\n",
    "bom-crlf.md": "\ufeff---\r\ntitel: x\r\n---\r\n",
    "latin1.md": "---\ntitel: café\n---\n".encode("latin-1"),
    "utf16.md": practice_text().encode("utf-16"),
    "binair.md": bytes(range(256)) * 4,
    "nul.md": "---\ntitel: a\x00b\n---\n",
    "groot.md": practice_text() + "x" * 210_000,
    "types.md": "---\ntitel: [1]\ngemeenten: 3\nsdgs: {a: 1}\nbeleidsdomeinen: true\n"
    "status: 2024-01-01\njaar: .inf\nsamenvatting: ~\nsubdoelen: [[1]]\n"
    "contact: [x]\nlinks: [1, [2], {url: 3}]\nafbeelding: {pad: 5, alt: []}\n"
    "partnerlanden: [1]\nbijgewerkt: 2024-13-45\nvoorbeeld: 3\n---\n",
    "sleutels.md": "---\n? [a, b]\n: c\n1: een\n~: leeg\ntrue: waar\n<<: {x: 1}\n---\n",
    "tags.md": "---\ntitel: !!python/object/apply:os.system [ls]\nbron: !!binary aGVsbG8=\n"
    "trefwoorden: !!set {a, b}\npartners: !onbekend x\n---\n",
    "verwijzing.md": "---\ntrefwoorden: &a [*a]\npartners: *geen\nx: &b {y: *b}\n---\n",
    "diep.md": "---\nbron: " + "[" * 300 + "]" * 300 + "\n---\n",
    "groot-getal.md": "---\njaar: " + "9" * 5000 + "\nsdgs: [-1, 1e400]\n---\n",
    "afbeelding.md": practice_text(
        VALID_FRONT + "afbeelding:\n  pad: _afbeeldingen\n  alt: Een map, geen bestand\n"
    ),
    "twee-documenten.md": "---\ntitel: a\n---\nb: c\n---\nd: e\n",
    "alleen-streepjes.md": "---\n",
    "Hoofdletters.md": practice_text(),
    "sub/dubbel.md": practice_text(),
    "dubbel.md": practice_text(),
    "notities.txt": "geen praktijk",
}


def test_no_traceback_on_broken_files(project, run):
    for name, text in BROKEN.items():
        project.write(name, text)
    code, lines = run()
    assert code == 1
    assert lines[-1].startswith(f"{len(BROKEN) - 1} praktijken gecontroleerd: ")
    for name in BROKEN:
        assert any(line.startswith(f"practices/{name}:") for line in lines), name
    assert not any("Traceback" in line for line in lines)


@pytest.mark.parametrize("fmt", ["github", "json"])
def test_no_traceback_in_other_formats(project, run, fmt):
    for name, text in BROKEN.items():
        project.write(name, text)
    code, lines = run("--format", fmt)
    assert code == 1
    if fmt == "json":
        found = {p["bestand"] for p in json.loads("\n".join(lines))["problemen"]}
        assert found == {f"practices/{name}" for name in BROKEN}


def test_module_entry_point(project):
    project.add("fair-o-meter.md", front=GEND)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        "practices/fair-o-meter.md:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. "
        "Bedoel je 'Gent'?",
        "1 praktijk gecontroleerd: 1 fout, 0 waarschuwingen",
    ]
