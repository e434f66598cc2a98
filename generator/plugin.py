"""The MkDocs plugin: a thin adapter over the MkDocs-free core.

It validates the practices before the build (any error stops it, with the validator's own
messages), hands the generated pages and images to MkDocs with `File.generated`, and fills the
generator's blocks in hand-written pages. Everything it shows is made by `generator.render`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .project import load_project
from .render import SiteOptions, expand_blocks, render_site
from .settings import branch_of
from .taxonomy import Site, build_site

log = logging.getLogger("mkdocs.plugins.praktijken")


class PracticesConfig(base.Config):
    practices_dir = c.Type(str, default="practices")
    """Folder with the practices, relative to mkdocs.yml."""


class PracticesPlugin(BasePlugin[PracticesConfig]):
    site: Site | None = None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).resolve().parent
        project = load_project(root, [root / self.config.practices_dir])
        for problem in project.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        if project.errors:
            raise PluginError(f"{len(project.errors)} fout(en) in de praktijken; de site wordt "
                              "niet gebouwd. Los de fouten hierboven op (python -m generator "
                              "check toont ze ook).")
        self.site = build_site(project.practices, project.vocab)
        options = SiteOptions(site_url=config.site_url, directory_urls=config.use_directory_urls,
                              repo_url=config.repo_url, branch=branch_of(config.edit_uri or ""))
        pages, assets = render_site(self.site, options)
        docs_dir = Path(config.docs_dir)
        for page in pages:
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src, content=page.content, inclusion=inclusion)
            if page.edit_path:
                file.edit_uri = _edit_uri(root / page.edit_path, docs_dir)
            files.append(file)
        for asset in assets:
            if asset.file is not None:
                files.append(File.generated(config, asset.src, abs_src_path=str(asset.file)))
            else:
                files.append(File.generated(config, asset.src, content=asset.content or ""))
        log.info(f"{len(project.practices)} praktijken, {len(pages)} gegenereerde pagina's")
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.site is None or page.file.generated_by:
            return markdown
        return expand_blocks(markdown, page.file.src_uri, self.site)


def _edit_uri(source: Path, docs_dir: Path) -> str:
    """The source file relative to the docs folder: MkDocs joins it to `edit_uri`."""
    return Path(os.path.relpath(source, docs_dir.resolve())).as_posix()
