"""The data model: a validated practice, and a problem found on the way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from .reference import Municipality
from .textsafe import shown

Severity = Literal["fout", "waarschuwing"]
ERROR: Severity = "fout"
WARNING: Severity = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One content problem, located at `path:line`. `field` is a front-matter key or None."""

    path: str
    line: int
    severity: Severity
    field: str | None
    message: str

    def __str__(self) -> str:
        # File names, keys and values come from contributors: no control sequence in them may
        # reach a reviewer's terminal (see textsafe).
        where = f"{shown(self.field)}: " if self.field else ""
        return f"{shown(self.path)}:{self.line}: {self.severity}: {where}{shown(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.field or "", self.message)


@dataclass(frozen=True)
class Contact:
    naam: str | None = None
    dienst: str | None = None
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Link:
    titel: str
    url: str


@dataclass(frozen=True)
class Image:
    pad: str  # as written in the front matter
    alt: str
    file: Path  # practices/_afbeeldingen/<name>, never resolved (see generator.images)


@dataclass
class Practice:
    """A practice that passed validation (warnings allowed). Field names follow the front matter."""

    id: str
    path: Path  # the file on disk
    display_path: str  # as shown in messages
    source_path: str  # relative to the project root, with '/' (for the edit link)
    titel: str
    gemeenten: list[Municipality]
    sdgs: list[int]
    beleidsdomeinen: list[str]
    status: str
    jaar: int
    samenvatting: str
    body: str
    subdoelen: list[str] = field(default_factory=list)
    lmb_categorie: str | None = None
    principes: list[str] = field(default_factory=list)
    partnerlanden: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    contact: Contact | None = None
    links: list[Link] = field(default_factory=list)
    afbeelding: Image | None = None
    trefwoorden: list[str] = field(default_factory=list)
    bron: str | None = None
    bijgewerkt: dt.date | None = None
    voorbeeld: bool = False
    body_images: list[Path] = field(default_factory=list)  # files in _afbeeldingen/ the text shows

    @cached_property
    def sort_key(self) -> tuple[str, str]:
        """Title without case or accents, then id: computed once, used by every sort."""
        from .reference import fold

        return (fold(self.titel), self.id)

    @property
    def provinces(self) -> list[str]:
        """Province slugs of the practice's municipalities, without duplicates, in order."""
        return list(dict.fromkeys(m.province.slug for m in self.gemeenten))
