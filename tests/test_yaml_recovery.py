"""A YAML error hides none of the file's other problems: `check` sets the broken entry aside
(keeping every other line where it was) and reads on."""

from __future__ import annotations

import datetime as dt

from conftest import VALID_BODY, VALID_FRONT, practice_text

from generator.project import load_project

F = "practices/praktijk.md"
TODAY = dt.date(2025, 11, 22)
QUOTE = "ongeldige YAML: een aanhalingsteken wordt geopend maar niet gesloten."
TAB = "ongeldige YAML: er staat een tab-teken: spring in met spaties, niet met tabs."


def problems(project, monkeypatch, front: str, body: str = VALID_BODY) -> list[str]:
    project.write("praktijk.md", practice_text(front, body))
    monkeypatch.chdir(project.root)
    return [str(p) for p in load_project(project.root, today=TODAY).problems]


def test_problems_after_an_unclosed_quote_and_a_tab_are_reported(project, monkeypatch):
    front = (
        VALID_FRONT.replace("titel: Fair-O-Meter", 'titel: "Fair-O-Meter')
        .replace("  - Merelbeke-Melle", "  - Gend")
        .replace("jaar: 2023", "jaar: 2090")
        + "partners:\n\t- Oxfam\n"
    )
    assert problems(project, monkeypatch, front) == [
        f"{F}:2: fout: {QUOTE}",
        f"{F}:4: fout: gemeenten: 'Gend' is geen Vlaamse gemeente. Bedoel je 'Gent'?",
        f"{F}:9: fout: jaar: 2090 ligt buiten het bereik; verwacht 2000–2027.",
        f"{F}:12: fout: {TAB}",
    ]


def test_the_broken_field_is_not_reported_missing_as_well(project, monkeypatch):
    front = VALID_FRONT.replace("status: lopend", "status lopend")
    assert problems(project, monkeypatch, front) == [
        f"{F}:8: fout: ongeldige YAML: deze regel heeft geen dubbele punt na de veldnaam "
        "(verwacht: 'veld: waarde').",
    ]


def test_problems_in_the_text_are_reported_after_a_yaml_error(project, monkeypatch):
    front = VALID_FRONT.replace("titel: Fair-O-Meter", "titel: 'Fair-O-Meter")
    body = VALID_BODY + "\n<script>alert(1)</script>\n"
    found = problems(project, monkeypatch, front, body)
    assert found[0] == f"{F}:2: fout: {QUOTE}"
    assert any("het HTML-element <script>" in line for line in found[1:]), found


def test_a_file_with_a_yaml_error_never_becomes_a_page(project, monkeypatch):
    front = VALID_FRONT.replace("titel: Fair-O-Meter", 'titel: "Fair-O-Meter')
    project.write("praktijk.md", practice_text(front, VALID_BODY))
    monkeypatch.chdir(project.root)
    assert load_project(project.root, today=TODAY).practices == []
