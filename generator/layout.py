"""Where a project keeps its files: the one definition of the folder layout.

Every module takes its folders from a `Layout`, made from the CLI's `--project` (with the
folders that mkdocs.yml names) or from the plugin's configuration; none spells a folder name
of its own. Inside the practices folder, the lists and images always have these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PRACTICES = "practices"  # default: the practices, next to mkdocs.yml
DOCS = "docs"  # default: MkDocs' docs_dir
LISTS = "_lijsten"  # inside the practices folder: the lists the editors keep
IMAGES = "_afbeeldingen"  # inside the practices folder: the images practices show


@dataclass(frozen=True)
class Layout:
    root: Path  # the project: mkdocs.yml lives here
    practices: Path
    docs: Path

    @property
    def lists(self) -> Path:
        return self.practices / LISTS

    @property
    def images(self) -> Path:
        return self.practices / IMAGES

    @property
    def practices_name(self) -> str:
        """The practices folder as a contributor writes it: relative to the project."""
        return relative(self.practices, self.root)


def layout(
    root: Path, practices: str | Path | None = None, docs: str | Path | None = None
) -> Layout:
    """The layout of the project at `root`; relative folders are relative to `root`."""
    return Layout(
        root=root,
        practices=root / (practices or PRACTICES),
        docs=root / (docs or DOCS),
    )


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
