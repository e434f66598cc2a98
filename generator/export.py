"""`python -m generator export`: the generated site as plain Markdown files.

The output is a complete docs folder: the hand-written pages (with the generator's blocks
filled in) plus every generated page and image, so plain MkDocs, or another engine, can build
the same site without the plugin.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .outputs import check_folder_target, check_replaceable, refuse_protected, write_folder
from .project import Project
from .render import Asset, Page, SiteOptions, expand_blocks, render_site
from .settings import Settings
from .taxonomy import Site, build_site


def export_site(project: Project, settings: Settings, out: Path) -> int:
    """Write the docs folder to `out`, a new folder or an earlier export that it replaces (the
    rules are in `outputs`); returns the number of pages written."""
    # Refuse before the slow part: the target is checked again just before it is replaced.
    refuse_protected(out, settings.layout(project.root), inside=True)
    check_folder_target(out)
    check_replaceable(out)
    site = build_site(project.practices, project.vocab)
    options = SiteOptions(
        site_url=settings.site_url, repo_url=settings.repo_url, branch=settings.edit_branch
    )
    pages, assets = render_site(site, options)
    return write_folder(out, lambda folder: _write_docs(folder, site, pages, assets, settings))


def _write_docs(
    out: Path, site: Site, pages: list[Page], assets: list[Asset], settings: Settings
) -> int:
    """Write the docs folder into the new, empty folder `out`; returns the pages written."""
    written = 0
    if settings.docs_dir.is_dir():
        for source in sorted(settings.docs_dir.rglob("*")):
            if source.is_dir():
                continue
            relative = source.relative_to(settings.docs_dir)
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".md":
                text = source.read_text(encoding="utf-8")
                target.write_text(expand_blocks(text, relative.as_posix(), site), encoding="utf-8")
                written += 1
            else:
                shutil.copyfile(source, target)
    for page in pages:
        target = out / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
        written += 1
    for asset in assets:
        target = out / asset.src
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(asset.content, bytes):  # a checked image: written byte for byte
            target.write_bytes(asset.content)
        elif asset.file is not None:
            shutil.copyfile(asset.file, target)
        else:
            target.write_text(asset.content or "", encoding="utf-8")
    return written
