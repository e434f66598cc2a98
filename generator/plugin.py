"""The MkDocs plugin: a thin adapter over the MkDocs-free core.

It validates the practices before the build (any error stops it, with the validator's own
messages), hands the generated pages and images to MkDocs with `File.generated`, and fills the
generator's blocks in hand-written pages. Everything it shows is made by `generator.render`.
"""

from __future__ import annotations

import datetime as dt
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

from .filters import Selection, selection_labels
from .project import load_project
from .render import Bundle, SiteOptions, expand_blocks, render_site
from .settings import branch_of
from .taxonomy import Site, build_site

log = logging.getLogger("mkdocs.plugins.praktijken")


class PracticesConfig(base.Config):
    practices_dir = c.Type(str, default="practices")
    """Folder with the practices, relative to mkdocs.yml."""
    selectie = c.Type(str, default="")
    """Only the practices matching this catalogue query (e.g. `sdg=13&domein=water`)."""
    bundel_datum = c.Type((str, dt.date), default="")  # YAML may read the value as a date
    """For offline bundles: the date the bundle was made (YYYY-MM-DD); shown on the home page."""
    vendor = c.Type(dict, default={})
    """Files from installed packages to copy into the site: {site path: path in the project}."""


class PracticesPlugin(BasePlugin[PracticesConfig]):
    site: Site | None = None
    bundle: Bundle | None = None
    _pages_total = 0
    _pages_done = 0

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).resolve().parent
        project = load_project(root, [root / self.config.practices_dir])
        for problem in project.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        if project.errors:
            raise PluginError(
                f"{len(project.errors)} fout(en) in de praktijken; de site wordt "
                "niet gebouwd. Los de fouten hierboven op (python -m generator "
                "check toont ze ook)."
            )
        selection = Selection.from_query(self.config.selectie)
        practices = [p for p in project.practices if selection.matches(p)]
        if not practices:
            raise PluginError(f"De selectie '{self.config.selectie}' bevat geen praktijken.")
        self.site = build_site(practices, project.vocab)
        options = SiteOptions(
            site_url=config.site_url,
            directory_urls=config.use_directory_urls,
            repo_url=config.repo_url,
            branch=branch_of(config.edit_uri or ""),
            bundle=self._bundle(selection, self.site),
        )
        self.bundle = options.bundle
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
        for target, source in sorted(self.config.vendor.items()):
            path = root / source
            if not path.is_file():
                raise PluginError(
                    f"{source} ontbreekt (nodig voor {target}). Installeer de "
                    "npm-pakketten van het project: npm ci"
                )
            files.append(File.generated(config, target, abs_src_path=str(path)))
        log.info(f"{len(practices)} praktijken, {len(pages)} gegenereerde pagina's")
        self._pages_total = len(files.documentation_pages())
        self._pages_done = 0
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # Progress for long builds: every tenth, from 500 pages on.
        self._pages_done += 1
        step = max(self._pages_total // 10, 1)
        if self._pages_total >= 500 and self._pages_done % step == 0:
            log.info(f"{self._pages_done} van {self._pages_total} pagina's gebouwd")
        return output

    def _bundle(self, selection: Selection, site: Site) -> Bundle | None:
        if not self.config.bundel_datum:
            return None
        value = self.config.bundel_datum
        made = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return Bundle(selection=selection.describe(selection_labels(site)), made=made)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.site is None or page.file.generated_by:
            return markdown
        return expand_blocks(markdown, page.file.src_uri, self.site, self.bundle)


def _edit_uri(source: Path, docs_dir: Path) -> str:
    """The source file relative to the docs folder: MkDocs joins it to `edit_uri`."""
    return Path(os.path.relpath(source, docs_dir.resolve())).as_posix()
