"""Reproducible builds: two builds of the same input, from two different folders, give
byte-identical output apart from the sitemap (its <lastmod> is the build date) — for the online
site, the offline variant, the catalogue data, the open data files, the search index and the
plain-Markdown export."""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from sitebuild import build, front, make_site

from generator.cli import main as cli

IMAGE = "a-fietsstraat.svg"
PRACTICES = {
    "gent-fietsstraten.md": front(
        "Fietsstraten rond scholen",
        ["Gent"],
        [11, 13],
        ["mobiliteit", "onderwijs-en-kinderopvang"],
        jaar=2021,
        trefwoorden="[fietsen, scholen]",
        bijgewerkt="2025-05-01",
        afbeelding="{pad: _afbeeldingen/" + IMAGE + ", alt: Een fietsstraat voor een school}",
    ),
    "gent-fairtrade.md": front(
        "Fairtrade in de stadsdiensten",
        ["Gent"],
        [12, 17],
        ["duurzaam-aankoopbeleid"],
        status="afgerond",
        partnerlanden="[BJ, SN]",
        partners="[Wereldwinkel Gent]",
    ),
    "hasselt-zonnepanelen.md": front(
        "Zonnepanelen op de sporthal",
        ["Hasselt"],
        [7, 13],
        ["klimaat-en-energie"],
        lmb_categorie="beleidsmatige-verankering",
    ),
    "leuven-regio-klimaat.md": front(
        "Regionaal klimaatplan",
        ["Leuven", "Herent", "Kortenberg"],
        [13],
        ["klimaat-en-energie", "mobiliteit"],
        subdoelen='["13.2"]',
        voorbeeld="true",
        principes="[participatie, multi-stakeholder]",
    ),
    "brugge-water.md": front(
        "Regenwater voor de stadsserres",
        ["Brugge"],
        [6, 13],
        ["water"],
        status="gepland",
        jaar=2026,
        trefwoorden="[water, serres]",
    ),
}
VOLATILE = {"sitemap.xml", "sitemap.xml.gz"}
MUST_EXIST = [
    "index.html",
    "catalogus/praktijken-data.js",
    "data/praktijken.json",
    "data/praktijken.csv",
    "search/search_index.json",
]


def _project(root: Path) -> Path:
    make_site(root, PRACTICES)
    images = root / "practices" / "_afbeeldingen"
    images.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "practices" / "_afbeeldingen" / IMAGE, images / IMAGE)
    if (REPO / "node_modules").is_dir():  # the offline variant copies the worker shim from npm
        (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    return root


def _needs_npm() -> None:
    if not (REPO / "node_modules" / "iframe-worker").is_dir():
        message = "node_modules ontbreekt (npm ci): de offline variant kan niet gebouwd worden"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only, relative paths, sitemap excluded."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        for name in cmp.left_only + cmp.right_only + cmp.funny_files:
            if name not in VOLATILE:
                out.append(f"{prefix}{name} (alleen aan één kant)")
        # dircmp compares shallowly (size and mtime): compare the bytes of every common file.
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"{prefix}{name}" for name in mismatch + errors if name not in VOLATILE)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return sorted(out)


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> tuple[Path, Path]:
    return (
        _project(tmp_path_factory.mktemp("repro-a")),
        _project(tmp_path_factory.mktemp("repro-b")),
    )


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs-offline.yml"], ids=["online", "offline"])
def test_two_builds_are_byte_identical(projects, config) -> None:
    if config != "mkdocs.yml":
        _needs_npm()
    first, second = (build(root, root / f"site-{config}", config_file=config) for root in projects)
    for name in MUST_EXIST:
        assert (first / name).is_file(), name
    assert (first / "afbeeldingen" / IMAGE).is_file()
    assert differences(first, second) == []
    # The comparison would notice a difference: it is not comparing a folder with itself.
    assert first != second and not (first / "sitemap.xml").samefile(second / "sitemap.xml")


def test_the_comparison_sees_a_changed_byte(tmp_path: Path) -> None:
    for side in ("a", "b"):
        (tmp_path / side / "x").mkdir(parents=True)
        (tmp_path / side / "x" / "data.js").write_text("same", encoding="utf-8")
        (tmp_path / side / "sitemap.xml").write_text(side, encoding="utf-8")
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "x" / "data.js").write_text("sAme", encoding="utf-8")
    (tmp_path / "b" / "extra.html").write_text("", encoding="utf-8")
    assert differences(tmp_path / "a", tmp_path / "b") == [
        "extra.html (alleen aan één kant)",
        "x/data.js",
    ]


def test_two_exports_are_byte_identical(projects, tmp_path: Path, capsys) -> None:
    outs = []
    for i, root in enumerate(projects):
        out = tmp_path / f"export-{i}"
        assert cli(["--project", str(root), "export", "--out", str(out)]) == 0
        outs.append(out)
    capsys.readouterr()
    assert (outs[0] / "catalogus" / "praktijken-data.js").is_file()
    assert differences(*outs) == []
