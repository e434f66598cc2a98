"""The review summary of a pull request: which practices are new, changed or removed, their
problems, and which pages of the site change with them.

Written for the job summary ($GITHUB_STEP_SUMMARY; without it, to stdout), as Markdown. The
problems are those of `python -m generator check` (the same step's annotations put them on the
lines in 'Files changed'); the pages are those the site shows a practice on: its own page, the
catalogue, the matrix, the figures, and the pages of its SDG's, policy domains, municipalities
and provinces, for the practice as it was and as it will be (a practice that leaves SDG 5
changes the page of SDG 5 too). The built site itself is uploaded by the workflow as an
artifact, so a reviewer can open those pages before merging.

Usage (in the repository, with the base branch fetched):
    python .github/workflows/scripts/pr_samenvatting.py origin/main
The exit code is 0: the check step is what fails a pull request, this only reports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator import load_project
from generator.render import paths
from generator.settings import project_layout

KIND_NL = {"A": "nieuw", "M": "gewijzigd", "D": "verwijderd"}


@dataclass
class Change:
    path: str  # relative to the repository, as git names it
    kind: str  # A, M or D
    title: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)  # docs sources, e.g. "sdg/12.md"


def git(*args: str, root: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def changed_files(base: str, root: Path, folder: str) -> list[tuple[str, str]]:
    """(kind, path) of every practice file that differs from the merge base with `base`."""
    out = git("diff", "--name-status", "--no-renames", f"{base}...HEAD", "--", folder, root=root)
    found = []
    for line in out.splitlines():
        kind, _, path = line.partition("\t")
        name = path[len(folder) + 1 :] if path.startswith(folder + "/") else path
        if path.endswith(".md") and not any(part.startswith("_") for part in name.split("/")):
            found.append((kind[:1], path))
    return found


def other_files(base: str, root: Path, folder: str) -> list[str]:
    """Images and lists that changed: no practice of their own, but worth a look."""
    out = git("diff", "--name-only", f"{base}...HEAD", "--", f"{folder}/_*", root=root)
    return [line for line in out.splitlines() if line]


def pages_of(p) -> set[str]:
    found = {paths.practice(p), paths.CATALOGUE, paths.MATRIX, paths.CIJFERS}
    found |= {paths.sdg(n) for n in p.sdgs}
    found |= {paths.domain(d) for d in p.beleidsdomeinen}
    found |= {paths.municipality(m) for m in p.gemeenten}
    found |= {paths.province(s) for s in p.provinces}
    return found


def cell(text: object) -> str:
    """Contributed text in Markdown: one line, no table or HTML syntax, no @-mentions."""
    value = " ".join(str(text or "").split())
    for old, new in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "'")):
        value = value.replace(old, new)
    return value.replace("@", "&#64;")


def base_practices(base: str, root: Path, practices: Path, rel_paths: list[str]):
    """(path, practice) for the practices at `rel_paths` as they were on the merge base, loaded
    in a scratch copy with today's lists and images."""
    if not rel_paths:
        return []
    merge_base = git("merge-base", base, "HEAD", root=root).strip()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "practices"
        for folder in ("_lijsten", "_afbeeldingen"):
            if (practices / folder).is_dir():
                shutil.copytree(practices / folder, copy / folder)
        files = {}
        for rel in rel_paths:
            text = git("show", f"{merge_base}:{rel}", root=root)
            target = copy / Path(rel).relative_to(practices.relative_to(root))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            files[target] = rel
        loaded = load_project(Path(scratch), list(files)).practices
        return [(files[p.path], p) for p in loaded if p.path in files]


def collect(base: str, root: Path) -> tuple[list[Change], list[str]]:
    practices = project_layout(root).practices
    folder = practices.relative_to(root).as_posix()
    changes = [Change(path, kind) for kind, path in changed_files(base, root, folder)]
    present = [root / c.path for c in changes if c.kind != "D"]
    project = load_project(root, present) if present else None
    by_path = {c.path: c for c in changes}
    if project is not None:
        for p in project.practices:
            change = by_path.get(p.source_path)
            if change:
                change.title = p.titel
                change.pages |= pages_of(p)
        for problem in project.problems:
            rel = Path(problem.path)
            rel_text = (rel.relative_to(root) if rel.is_absolute() else rel).as_posix()
            change = by_path.get(rel_text)
            if change is None:
                continue
            line = f"regel {problem.line}: {problem.field + ': ' if problem.field else ''}"
            (change.errors if problem.is_error else change.warnings).append(line + problem.message)
    before = [c.path for c in changes if c.kind in ("M", "D")]
    for rel, p in base_practices(base, root, practices, before):
        change = by_path.get(rel)
        if change:
            change.title = change.title or p.titel
            pages = pages_of(p)
            if change.kind == "D":
                pages.discard(paths.practice(p))
            change.pages |= pages
    for change in changes:
        if change.kind == "D":
            change.pages.add(paths.practice(Path(change.path).stem))
    return changes, other_files(base, root, folder)


def page_link(src: str) -> str:
    return paths.url(src, True) or "./"


def summary(changes: list[Change], others: list[str]) -> str:
    lines = ["## Praktijken in deze pull request", ""]
    if not changes and not others:
        lines.append("Deze pull request verandert geen praktijken.")
        return "\n".join(lines) + "\n"
    if changes:
        lines += ["| Praktijk | Wijziging | Controle |", "| --- | --- | --- |"]
        for c in changes:
            if c.kind == "D":
                state = "—"
            elif c.errors:
                state = f"❌ {len(c.errors)} fout(en), {len(c.warnings)} waarschuwing(en)"
            elif c.warnings:
                state = f"⚠️ {len(c.warnings)} waarschuwing(en)"
            else:
                state = "✅ in orde"
            title = f"{cell(c.title)}<br>" if c.title else ""
            lines.append(f"| {title}`{cell(c.path)}` | {KIND_NL.get(c.kind, c.kind)} | {state} |")
        lines.append("")
    troubled = [c for c in changes if c.errors or c.warnings]
    if troubled:
        lines += ["### Problemen", ""]
        for c in troubled:
            lines.append(f"**`{cell(c.path)}`**")
            lines += [f"- fout, {cell(m)}" for m in c.errors]
            lines += [f"- waarschuwing, {cell(m)}" for m in c.warnings]
            lines.append("")
        lines += [
            "De problemen staan ook als annotaties bij de regels, in het tabblad "
            "'Files changed'. `python -m generator check` toont ze lokaal.",
            "",
        ]
    if others:
        lines += ["### Andere bestanden in de praktijkenmap", ""]
        lines += [f"- `{cell(path)}`" for path in others]
        lines.append("")
    pages = sorted({src for c in changes for src in c.pages})
    if pages:
        lines += [
            "### Pagina's die veranderen",
            "",
            "Bekijk ze in de gebouwde site van deze pull request: download het artefact "
            "`site` onderaan de samenvatting van deze run, pak het uit en open "
            "`index.html` in de map van de pagina.",
            "",
        ]
        lines += [f"- `{cell(page_link(src))}`" for src in pages]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("gebruik: pr_samenvatting.py BASIS (bv. origin/main)", file=sys.stderr)
        return 2
    root = Path.cwd()
    text = summary(*collect(argv[0], root))
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
