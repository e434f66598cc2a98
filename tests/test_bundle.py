"""Offline bundles: contents, selection, reproducibility, and no link leaving the bundle."""

from __future__ import annotations

import pytest
from conftest import REPO
from linkcheck import broken_links

from generator import load_project
from generator.cli import main
from generator.filters import Selection


def test_full_bundle_holds_every_practice_and_no_sitemap(full_bundle) -> None:
    ids = {p.id for p in load_project(REPO).practices}
    assert {p.stem for p in (full_bundle / "praktijken").glob("*.html")} == ids
    assert (full_bundle / "index.html").is_file()
    assert not (full_bundle / "sitemap.xml").exists()
    assert (full_bundle / "javascripts" / "vendor" / "iframe-worker-shim.js").is_file()
    home = (full_bundle / "index.html").read_text(encoding="utf-8")
    assert "de volledige databank" in home and "22 november 2025" in home


def test_selection_bundle_holds_only_the_selection(selection_bundle) -> None:
    selection = Selection.from_query("sdg=13&provincie=limburg&provincie=vlaams-brabant")
    expected = {p.id for p in load_project(REPO).practices if selection.matches(p)}
    assert expected
    assert {p.stem for p in (selection_bundle / "praktijken").glob("*.html")} == expected
    home = (selection_bundle / "index.html").read_text(encoding="utf-8")
    assert "een selectie: SDG: 13 Klimaatactie; Provincie: Limburg, Vlaams-Brabant" in home
    data = (selection_bundle / "catalogus" / "praktijken-data.js").read_text(encoding="utf-8")
    assert all(f'["{pid}",' in data for pid in expected)
    assert data.count('",[') >= len(expected)


@pytest.mark.parametrize("which", ["full_bundle", "selection_bundle"])
def test_no_internal_link_points_outside_the_bundle(which, request) -> None:
    bundle = request.getfixturevalue(which)
    assert broken_links(bundle, directory_urls=False) == []


def test_a_repeated_bundle_is_identical(repo_copy, tmp_path, bundle_env) -> None:
    first = tmp_path / "a.zip"
    second = tmp_path / "b.zip"
    assert main(["--project", str(repo_copy), "bundle", "--sdg", "6", "--out", str(first)]) == 0
    assert main(["--project", str(repo_copy), "bundle", "--sdg", "6", "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_an_empty_selection_is_refused(repo_copy, tmp_path, capsys) -> None:
    out = tmp_path / "leeg.zip"
    code = main(
        ["--project", str(repo_copy), "bundle", "--zoek", "geen-enkele-praktijk", "--out", str(out)]
    )
    assert code == 1 and not out.exists()
    assert "De selectie bevat geen praktijken" in capsys.readouterr().err


def test_unknown_values_get_a_suggestion(repo_copy, tmp_path, capsys) -> None:
    code = main(
        [
            "--project",
            str(repo_copy),
            "bundle",
            "--provincie",
            "limburgg",
            "--out",
            str(tmp_path / "x.zip"),
        ]
    )
    assert code == 2
    assert (
        "--provincie: 'limburgg' komt in geen enkele praktijk voor. Bedoel je 'limburg'?"
        in capsys.readouterr().err
    )
