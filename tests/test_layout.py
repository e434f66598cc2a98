"""One project layout: a project whose folders have other names builds and checks, and every
module takes its folders from the same `Layout`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO
from sitebuild import build, front

from generator.cli import main
from generator.layout import Layout
from generator.project import load_project
from generator.settings import project_layout


def other_names(root: Path) -> None:
    """The repository's site with `inhoud/` for the practices and `paginas/` for the docs."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - praktijken\n", "  - praktijken:\n      practices_dir: inhoud\n")
    config = config.replace("watch:\n  - practices", "watch:\n  - inhoud")
    config = "docs_dir: paginas\n" + config.replace("custom_dir: docs/", "custom_dir: paginas/")
    assert "practices_dir: inhoud" in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "paginas")
    shutil.copytree(REPO / "practices" / "_lijsten", root / "inhoud" / "_lijsten")
    (root / "inhoud" / "_afbeeldingen").mkdir()
    shutil.copy(
        REPO / "practices" / "_afbeeldingen" / "a-boomgaard.svg", root / "inhoud" / "_afbeeldingen"
    )
    text = front(
        "Gent plant boomgaarden",
        ["Gent"],
        [15],
        ["natuur-en-milieu"],
    ).replace(
        "---\n\n",
        "afbeelding:\n  pad: _afbeeldingen/a-boomgaard.svg\n"
        "  alt: Een boomgaard met appelbomen\n---\n\n",
        1,
    )
    (root / "inhoud" / "gent-boomgaard.md").write_text(text, encoding="utf-8")


def test_the_layout_comes_from_mkdocs_yml(tmp_path) -> None:
    other_names(tmp_path)
    assert project_layout(tmp_path) == Layout(tmp_path, tmp_path / "inhoud", tmp_path / "paginas")
    assert project_layout(tmp_path).lists == tmp_path / "inhoud" / "_lijsten"


def test_check_reads_the_lists_and_practices_of_the_configured_folder(
    tmp_path, monkeypatch, capsys
) -> None:
    other_names(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0, capsys.readouterr().out
    assert "1 praktijk gecontroleerd: 0 fouten" in capsys.readouterr().out
    loaded = load_project(tmp_path)
    assert [p.source_path for p in loaded.practices] == ["inhoud/gent-boomgaard.md"]


def test_a_project_with_other_folder_names_builds(tmp_path, monkeypatch) -> None:
    other_names(tmp_path)
    monkeypatch.chdir(tmp_path)
    site = build(tmp_path)
    page = (site / "praktijken" / "gent-boomgaard" / "index.html").read_text(encoding="utf-8")
    assert "Gent plant boomgaarden" in page
    assert (site / "afbeeldingen" / "a-boomgaard.svg").is_file()
    # The edit link and the form's hand-over name the configured folder.
    assert re.search(r'href="[^"]*/inhoud/gent-boomgaard\.md"', page)
    form = (site / "bijdragen" / "formulier-data.js").read_text(encoding="utf-8")
    assert '"folder":"inhoud"' in form.replace(" ", "")


def test_no_module_spells_a_folder_name_of_its_own() -> None:
    package = REPO / "generator"
    offenders = [
        f"{path.relative_to(REPO)}:{n}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "layout.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        # a folder name as a value (a JSON key "practices": … is no folder)
        if re.search(r"""["'](practices|_lijsten|_afbeeldingen)["'](?!\s*:)""", line)
    ]
    assert offenders == []
