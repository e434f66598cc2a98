"""Build a fixture site in a temporary folder with MkDocs, as `mkdocs build --strict` would."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from conftest import REPO, ProjectDir, practice_text


def make_site(root: Path, practices: dict[str, str]) -> ProjectDir:
    """A project at `root` with the repository's mkdocs.yml and docs/ and these practices."""
    project = ProjectDir(root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "mkdocs-offline.yml", root / "mkdocs-offline.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    for name, text in practices.items():
        project.write(name, text)
    return project


def build(
    root: Path, site_dir: Path | None = None, config_file: str = "mkdocs.yml", **overrides
) -> Path:
    """Build with MkDocs in this process; raises on warnings (strict) and errors."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = site_dir or root / "site"
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    config = load_config(str(root / config_file), site_dir=str(site), strict=True, **overrides)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return site


def front(titel: str, gemeenten: list[str], sdgs: list[int], domeinen: list[str], **extra) -> str:
    lines = [
        f"titel: {titel}",
        "gemeenten: [" + ", ".join(gemeenten) + "]",
        "sdgs: [" + ", ".join(map(str, sdgs)) + "]",
        "beleidsdomeinen: [" + ", ".join(domeinen) + "]",
        f"status: {extra.pop('status', 'lopend')}",
        f"jaar: {extra.pop('jaar', 2023)}",
        "samenvatting: "
        + extra.pop("samenvatting", f"Samenvatting van {titel}, lang genoeg om te passen."),
    ]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in extra.items()]
    return practice_text("\n".join(lines) + "\n")
