"""`python -m generator export`: the generated site as plain Markdown files.

The output is a complete docs folder: the hand-written pages (with the generator's blocks
filled in) plus every generated page and image, so plain MkDocs, or another engine, can build
the same site without the plugin.
"""

from __future__ import annotations

import functools
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from .outputs import check_folder_target, check_replaceable, refuse_protected, write_folder
from .project import Project
from .render import Asset, Page, SiteOptions, expand_blocks, render_site
from .settings import Settings
from .taxonomy import Site, build_site

ENGINES = ("mkdocs", "zensical")


def export_site(project: Project, settings: Settings, out: Path, engine: str = "mkdocs") -> int:
    """Write the docs folder to `out`, a new folder or an earlier export that it replaces (the
    rules are in `outputs`); returns the number of pages written.

    The pages hold ready HTML blocks whose links are relative to the page's URL, as MkDocs (and
    ProperDocs) read them. Zensical reads a relative link in HTML from the Markdown file's
    folder: with `engine="zensical"` the links are written that way (`source_relative`)."""
    if engine not in ENGINES:
        raise ValueError(f"onbekende motor '{engine}'; kies uit {', '.join(ENGINES)}.")
    # Refuse before the slow part: the target is checked again just before it is replaced.
    refuse_protected(out, settings.layout(project.root), inside=True)
    check_folder_target(out)
    check_replaceable(out)
    site = build_site(project.practices, project.vocab)
    options = SiteOptions(
        site_url=settings.site_url, repo_url=settings.repo_url, branch=settings.edit_branch
    )
    pages, assets = render_site(site, options)
    shift = source_relative if engine == "zensical" else _unchanged
    return write_folder(
        out, lambda folder: _write_docs(folder, site, pages, assets, settings, shift)
    )


def _write_docs(
    out: Path,
    site: Site,
    pages: list[Page],
    assets: list[Asset],
    settings: Settings,
    shift: Callable[[str, str], str],
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
                # Only the generator's blocks: the page's own text is the author's.
                src = relative.as_posix()
                text = expand_blocks(
                    text, src, site, finish=functools.partial(_shift_block, shift, src)
                )
                target.write_text(text, encoding="utf-8")
                written += 1
            else:
                shutil.copyfile(source, target)
    for page in pages:
        target = out / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(shift(page.content, page.src), encoding="utf-8")
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


def _shift_block(shift: Callable[[str, str], str], src: str, block: str) -> str:
    return shift(block, src)


def _unchanged(content: str, src: str) -> str:
    return content


# An href or src attribute inside an HTML tag of the generator's blocks.
_URL_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^<>]*?\s(?:href|src)=")([^"#:][^"]*)(")')


def source_relative(content: str, src: str) -> str:
    """Relative links in HTML blocks made relative to the Markdown file's folder instead of the
    page's URL: on `a/b.md` (URL `a/b/`) `../../x/` becomes `../x/`. Index pages and Markdown
    links are left alone (every engine resolves those itself)."""
    name = posixpath.basename(src)
    if name == "index.md" or not name.endswith(".md"):
        return content
    stem = name[:-3]

    def shift(m: re.Match[str]) -> str:
        url = m.group(2)
        if url.startswith("/") or ":" in url.split("/", 1)[0]:  # absolute, or with a scheme
            return m.group(0)
        moved = posixpath.normpath(posixpath.join(stem, url))
        if url.endswith("/") and not moved.endswith("/"):
            moved += "/"
        return m.group(1) + moved + m.group(3)

    return _URL_ATTRIBUTE.sub(shift, content)
