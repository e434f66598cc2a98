"""Safe outputs: the commands write only into the path the user named, and lose no file.

The rules, shared by `export`, `bundle` and `schema`:

- A target is never the project folder, its `practices/` or its docs folder, nor a folder that
  contains one of them (resolved, so `..` and symbolic links do not slip past).
- Folder outputs (`export`) and zips (`bundle`) may not lie inside `practices/` or the docs
  folder either: the next check or site build would read them as sources. A schema file may
  (`practices/praktijk.schema.json` is where the project keeps it).
- The folder that will hold the target must already exist: a typo is not silently created.
- An existing target is replaced only when an earlier run of the same command made it: an
  export folder carries a marker file listing what it wrote, a bundle is a zip with our comment,
  a schema file is our JSON Schema. Anything else is refused, never overwritten.
- The new output is written next to the target first and then moved into place, so a failed
  run leaves the earlier output as it was.

Every refusal is an `OutputError` (a `ValueError`) with a Dutch message.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .layout import Layout

T = TypeVar("T")

MARKER = ".praktijken-export"
MARKER_HEADER = (
    "# Geschreven door 'python -m generator export'. Een volgende export vervangt deze map, maar\n"
    "# alleen als ze niets anders bevat dan de bestanden hieronder: voeg hier geen eigen\n"
    "# bestanden toe.\n"
)


class OutputError(ValueError):
    """A refused output path; the message says why, in Dutch."""


def protected(layout: Layout) -> dict[Path, str]:
    """The project's own folders, resolved, with their Dutch names."""
    practices = layout.practices_name
    return {
        layout.root.resolve(): "de projectmap",
        layout.practices.resolve(): f"de map met praktijken ({practices}/)",
        layout.docs.resolve(): f"de docs-map ({layout.docs.name}/)",
    }


def refuse_protected(target: Path, layout: Layout, *, inside: bool) -> None:
    """Refuse a target that is or contains a project folder; with `inside`, also one that lies
    in the practices folder or the docs folder."""
    resolved = target.resolve()
    root = layout.root
    folders = protected(layout)
    for folder, name in folders.items():
        if resolved == folder:
            raise OutputError(f"'{target}' is {name}; kies een andere plaats.")
        if folder.is_relative_to(resolved):
            raise OutputError(f"'{target}' bevat {name}; kies een andere plaats.")
    if inside:
        for folder, name in folders.items():
            if folder != root.resolve() and resolved.is_relative_to(folder):
                raise OutputError(
                    f"'{target}' ligt in {name}; daar zou het als bron meegelezen worden. "
                    "Kies een plaats buiten die map."
                )


def check_parent(target: Path) -> None:
    """The folder that will hold `target` must exist (a typo is not silently created)."""
    parent = target.parent
    if parent.is_dir():
        return
    if parent.exists():
        raise OutputError(f"'{parent}' is een bestand, geen map; kies een andere plaats.")
    raise OutputError(
        f"de map '{parent}' bestaat niet; maak ze eerst aan of kies een andere plaats."
    )


def check_file_target(target: Path) -> None:
    """`target` can become a file: a name, in an existing folder, not an existing folder."""
    if not str(target) or target.name in ("", ".", ".."):
        raise OutputError("geef de naam van een bestand, bv. uitvoer.json.")
    if target.is_dir():
        raise OutputError(f"'{target}' is een map; geef de naam van een bestand.")
    check_parent(target)


def check_folder_target(target: Path) -> None:
    """`target` can become a folder: in an existing folder, not a file, a link or the folder
    the command runs in (replacing it would pull the floor from under the shell)."""
    if Path.cwd().resolve().is_relative_to(target.resolve()):
        raise OutputError(f"'{target}' is of bevat de huidige map; kies een andere map.")
    if target.is_symlink():
        raise OutputError(f"'{target}' is een symbolische koppeling; geef een gewone map.")
    if target.exists() and not target.is_dir():
        raise OutputError(f"'{target}' is een bestand, geen map; geef een (nieuwe) map.")
    check_parent(target.resolve())


# --- files -----------------------------------------------------------------------------------


def write_file(
    target: Path, write: Callable[[Path], T], is_ours: Callable[[Path], bool], what: str
) -> T:
    """Write a file with `write(path)` next to `target`, then move it into place; returns what
    `write` returns. An existing `target` is replaced only when `is_ours(target)`; `what`
    names our kind of file in Dutch."""
    check_file_target(target)
    _refuse_foreign_file(target, is_ours, what)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    staged = Path(name)
    try:
        result = write(staged)
        os.chmod(staged, 0o644)  # mkstemp makes it private; the output is an ordinary file
        _refuse_foreign_file(target, is_ours, what)  # may have appeared while we wrote
        os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)  # ours: made by mkstemp above; gone after the move
    return result


def _refuse_foreign_file(target: Path, is_ours: Callable[[Path], bool], what: str) -> None:
    if not (target.exists() or target.is_symlink()):
        return
    if target.is_symlink() or not target.is_file() or not is_ours(target):
        raise OutputError(
            f"'{target}' bestaat al en is geen {what}; een bestaand bestand wordt niet "
            "overschreven. Kies een andere naam of verplaats dat bestand eerst."
        )


# --- folders ---------------------------------------------------------------------------------


def check_replaceable(target: Path) -> None:
    """An existing `target` must be empty or an earlier export with nothing added to it."""
    if not target.exists():
        return
    entries = _entries(target)
    if not entries:
        return
    if MARKER not in entries:
        raise OutputError(
            f"'{target}' bestaat al en is geen eerdere export; kies een lege of nieuwe map."
        )
    foreign = sorted(entries - _allowed(target))
    if foreign:
        shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise OutputError(
            f"'{target}' is een eerdere export, maar bevat ook andere bestanden ({shown}); "
            "die worden niet gewist. Verplaats ze of kies een andere map."
        )


def write_folder(target: Path, fill: Callable[[Path], int]) -> int:
    """Fill a new folder with `fill(folder)` next to `target`, then put it in the place of
    `target` (which must pass `check_replaceable`). Returns what `fill` returns."""
    check_folder_target(target)
    check_replaceable(target)
    staged = Path(tempfile.mkdtemp(dir=target.resolve().parent, prefix=f".{target.name}."))
    try:
        result = fill(staged)
        written = sorted(_entries(staged, files_only=True))
        (staged / MARKER).write_text(MARKER_HEADER + "".join(f"{p}\n" for p in written), "utf-8")
        os.chmod(staged, 0o755)  # mkdtemp makes it private; the output is an ordinary folder
        check_replaceable(target)  # may have changed while we wrote
        if target.exists():
            _remove_export(target)
        os.rename(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)  # ours: made by mkdtemp above
        raise
    return result


def _entries(folder: Path, files_only: bool = False) -> set[str]:
    """Everything under `folder` as relative POSIX paths; links are not followed."""
    found: set[str] = set()
    for current, dirs, files in os.walk(folder):
        base = Path(current).relative_to(folder)
        names = files if files_only else files + dirs
        found |= {(base / name).as_posix() for name in names}
        if files_only:  # a link to a folder is a file here: it is listed, not entered
            found |= {(base / d).as_posix() for d in dirs if (Path(current) / d).is_symlink()}
    return found


def _allowed(target: Path) -> set[str]:
    """What an earlier export wrote: the files in its marker, their folders, the marker."""
    lines = (target / MARKER).read_text(encoding="utf-8").splitlines()
    files = {line for line in lines if line and not line.startswith("#")}
    folders = {parent.as_posix() for f in files for parent in Path(f).parents if str(parent) != "."}
    return files | folders | {MARKER}


def _remove_export(target: Path) -> None:
    """Remove an earlier export that `check_replaceable` accepted: its files, then its folders."""
    for current, dirs, files in os.walk(target, topdown=False):
        for name in files:
            (Path(current) / name).unlink()
        for name in dirs:
            path = Path(current) / name
            path.unlink() if path.is_symlink() else path.rmdir()
    target.rmdir()
