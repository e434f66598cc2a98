"""Shared fixtures: small projects built in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest_plugins = ["bundlefixtures"]

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner is noise in test output

VALID_FRONT = """\
titel: Fair-O-Meter meet de fairtrade-aankopen
gemeenten:
  - Merelbeke-Melle
sdgs: [12, 17]
beleidsdomeinen:
  - duurzaam-aankoopbeleid
status: lopend
jaar: 2023
samenvatting: Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen fairtrade is.
"""

VALID_BODY = """\
## Aanleiding

Waarom.

## Aanpak

Hoe.

## Resultaten

Wat.
"""


def practice_text(front: str = VALID_FRONT, body: str = VALID_BODY) -> str:
    """A practice file: `---`, the front matter, `---`, the body."""
    return f"---\n{front}---\n\n{body}"


class ProjectDir:
    """A throw-away project: the repository's lists plus the practices a test writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.practices = root / "practices"
        shutil.copytree(REPO / "practices" / "_lijsten", self.practices / "_lijsten")

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.practices / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def add(self, name: str, front: str = VALID_FRONT, body: str = VALID_BODY) -> Path:
        return self.write(name, practice_text(front, body))


@pytest.fixture
def project(tmp_path: Path) -> ProjectDir:
    return ProjectDir(tmp_path)
