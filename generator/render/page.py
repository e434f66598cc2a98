"""What rendering produces: pages, other files, and the options that shape them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..body import Heading
from ..layout import PRACTICES


@dataclass(frozen=True)
class Page:
    src: str  # path relative to the docs folder, e.g. "praktijken/x.md"
    content: str
    listed: bool = False  # reached from the navigation; all others are NOT_IN_NAV
    edit_path: str | None = None  # the source file, relative to the project root
    # The table of contents, where the page's headings are partly ready HTML (a practice's
    # text) that Markdown's toc extension does not see; None: leave it to Markdown.
    toc: tuple[Heading, ...] | None = None


@dataclass(frozen=True)
class Asset:
    """A file that is not a page: a file on disk copied as is, or generated content (text, or
    bytes such as a checked and cleaned image)."""

    src: str  # path relative to the docs folder
    file: Path | None = None
    content: str | bytes | None = None


@dataclass(frozen=True)
class Bundle:
    """An offline bundle: what selection it holds and when it was made."""

    selection: list[str] = field(default_factory=list)  # human-readable; empty: everything
    made: dt.date | None = None


@dataclass(frozen=True)
class SiteOptions:
    site_url: str | None = None
    directory_urls: bool = True
    repo_url: str | None = None  # e.g. https://github.com/vvsg/sdg-praktijkendatabank
    branch: str = "main"
    bundle: Bundle | None = None
    practices_folder: str = PRACTICES  # relative to the project, as contributors write it
    editors_email: str | None = None  # mkdocs.yml extra.redactie.email: the form's mail route
