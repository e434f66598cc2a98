"""The MkDocs plugin: a thin adapter over the MkDocs-free core.

It validates the practices before the build (any error stops it, with the validator's own
messages), hands the generated pages and images to MkDocs with `File.generated`, and fills the
generator's blocks in hand-written pages. Everything it shows is made by `generator.render`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .body import Heading, clean_html, toc_tokens
from .csp import read_shim, with_policy
from .filters import Selection, selection_labels
from .images import ImageError
from .layout import PRACTICES, Layout
from .project import load_project
from .render import Bundle, SiteOptions, expand_blocks, render_site
from .render.meta import Place, breadcrumbs, not_found, online_url, places, preview, search_boost
from .render.practice import report_error
from .settings import branch_of
from .taxonomy import Site, build_site

log = logging.getLogger("mkdocs.plugins.praktijken")


class _DutchOption(c.BaseConfigOption):
    """An option that refuses a bad value when MkDocs loads the configuration, before any
    build work, in Dutch: 'Verwacht … maar kreeg …', as MkDocs' own options say it in English.
    A missing value (`selectie:` with nothing after it) means the default."""

    expected = ""  # what the option accepts, in Dutch

    def __init__(self, default: object) -> None:
        super().__init__()
        self.default = default

    def validate(self, value: object, /) -> object:
        return self.run_validation(self.default if value is None else value)

    def refuse(self, value: object, why: str = "") -> base.ValidationError:
        text = f"Verwacht {self.expected} maar kreeg {_shown(value)}{why}"
        return base.ValidationError(text if text.endswith(("?", ".")) else text + ".")


def _shown(value: object) -> str:
    """A value from mkdocs.yml as the user wrote it, with its kind when it is not text."""
    if isinstance(value, str):
        return f"'{value}'"
    kinds = [(bool, "een ja/nee-waarde"), ((int, float), "een getal"), (list, "een lijst")]
    kinds += [(dict, "een tabel"), (dt.date, "een datum")]
    name = next((name for kind, name in kinds if isinstance(value, kind)), "een waarde")
    return f"{name} ({value})"


class PracticesDir(_DutchOption):
    """A folder that exists, relative to mkdocs.yml; the value becomes its absolute path."""

    expected = "een bestaande map met praktijken (ten opzichte van mkdocs.yml)"
    config_dir: str | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        path = config.config_file_path
        self.config_dir = os.path.dirname(path) if path else None

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.refuse(value)
        path = Path(self.config_dir or ".", value)
        if not path.is_dir():
            why = "een bestand" if path.exists() else "die map bestaat niet"
            raise self.refuse(value, f": {why} ({path})")
        return str(path.resolve())


class SelectionQuery(_DutchOption):
    """A catalogue query, parsed by the core's own parser (the value stays the text)."""

    expected = "een selectie zoals in de adresbalk van de catalogus, bv. 'sdg=13&domein=water',"

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise self.refuse(value)
        try:
            Selection.parse(value)
        except ValueError as exc:
            raise self.refuse(value, f": {exc}") from None
        return value


class BundleDate(_DutchOption):
    """'' (no bundle), a YYYY-MM-DD text or a date that YAML read; the value becomes a date or
    None."""

    expected = "een datum als 2025-11-22 (JJJJ-MM-DD) of niets"

    def run_validation(self, value: object) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            raise self.refuse(value)
        text = value.strip()
        if not text:
            return None
        # fromisoformat alone would also take '20251122' and '2025-W47-6'.
        digits = text[:4] + text[5:7] + text[8:]
        shaped = len(text) == 10 and text[4] + text[7] == "--"
        if not (shaped and digits.isascii() and digits.isdigit()):
            raise self.refuse(value)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.refuse(value, ": die dag bestaat niet") from None


class VendorFiles(_DutchOption):
    """{path in the site: path in the project}, both texts."""

    expected = "een tabel 'pad in de site: pad in het project'"

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise self.refuse(value)
        return dict(value)


class PracticesConfig(base.Config):
    practices_dir = PracticesDir(default=PRACTICES)
    """Folder with the practices, relative to mkdocs.yml."""
    selectie = SelectionQuery(default="")
    """Only the practices matching this catalogue query (e.g. `sdg=13&domein=water`)."""
    bundel_datum = BundleDate(default="")  # YAML may read the value as a date
    """For offline bundles: the date the bundle was made (YYYY-MM-DD); shown on the home page."""
    vendor = VendorFiles(default={})
    """Files from installed packages to copy into the site: {site path: path in the project}."""


class PracticesPlugin(BasePlugin[PracticesConfig]):
    site: Site | None = None
    bundle: Bundle | None = None
    _tocs: dict[str, tuple[Heading, ...]] = {}
    _places: dict[str, Place] = {}
    _activated: list = []  # navigation entries marked active for the page being built
    _pages_total = 0
    _pages_done = 0
    # `mkdocs serve --dirty` keeps this plugin between rebuilds (it has on_startup): what the
    # previous build handed to MkDocs, so that only what changed is rendered again.
    _incremental = False
    _previous: dict[str, bytes] = {}  # docs path → digest of its content (or of its blocks)
    _fingerprint: tuple = ()  # configuration, templates and lists: a change rebuilds all
    _bodies: dict[bytes, str] = {}  # digest of a practice's text → its cleaned HTML
    rendered: list[str] = []  # docs paths rendered by this build (tests count them)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._incremental = command == "serve" and dirty
        if command == "serve" and not dirty:
            log.info(
                "Tip: met 'mkdocs serve --dirty' maakt een wijziging aan een praktijk alleen de "
                "pagina's opnieuw die ze tonen, in plaats van de hele site."
            )
        self._previous, self._bodies, self._fingerprint = {}, {}, ()

    def on_shutdown(self) -> None:
        self._incremental = False
        self._previous, self._bodies, self._fingerprint = {}, {}, ()

    def _clean(self, text: str) -> str:
        """`body.clean_html`, remembered by the text's digest between rebuilds of `serve`."""
        key = _digest(text)
        html_ = self._bodies.get(key)
        if html_ is None:
            html_ = self._bodies[key] = clean_html(text)
        self._used_bodies[key] = html_
        return html_

    def _mark_unchanged(self, files: Files, config: MkDocsConfig, fingerprint: tuple) -> None:
        """Under `mkdocs serve --dirty`: a generated file whose content is what the previous
        build gave is not modified, so MkDocs neither renders nor copies it again; a
        hand-written page whose generator blocks changed is. Without --dirty MkDocs renders
        everything and asks nothing."""
        current: dict[str, bytes] = {}
        same_setup = fingerprint == self._fingerprint and bool(self._previous)
        for file in files:
            if file.generated_by == "praktijken" or (
                file.generated_by is None and file.is_documentation_page()
            ):
                digest = self._content_digest(file, config)
                if digest is None:
                    continue
                current[file.src_uri] = digest
                if not same_setup:
                    continue
                if file.generated_by and self._previous.get(file.src_uri) == digest:
                    file.is_modified = _unmodified  # type: ignore[method-assign]
                elif not file.generated_by and self._previous.get(file.src_uri) != digest:
                    file.is_modified = _modified  # type: ignore[method-assign]
        if not same_setup:  # a list, a template or the configuration changed: everything
            for file in files.documentation_pages():
                file.is_modified = _modified  # type: ignore[method-assign]
        self._previous, self._fingerprint = current, fingerprint

    def _content_digest(self, file: File, config: MkDocsConfig) -> bytes | None:
        if file.generated_by:
            content = file.content_bytes if file.abs_src_path is None else None
            return hashlib.blake2b(content, digest_size=16).digest() if content else None
        text = file.content_string
        if "praktijken:" not in text or self.site is None:
            return None  # MkDocs' own check (the file's time) is the right one
        expanded = expand_blocks(
            text, file.src_uri, self.site, self.bundle, config.use_directory_urls
        )
        return _digest(expanded)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).resolve().parent
        # The one layout of the project, from the configuration: lists and images live in
        # the configured practices folder, whatever its name.
        layout = Layout(root, root / self.config.practices_dir, Path(config.docs_dir))
        project = load_project(root, [layout.practices], layout=layout)
        for problem in project.problems:
            # One rule with `check`: an error stops the build, a warning never does (MkDocs'
            # --strict would turn a logged warning into a failure that `check` let pass).
            (log.error if problem.is_error else log.info)(str(problem))
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
        self._places = places(self.site)
        options = SiteOptions(
            site_url=config.site_url,
            directory_urls=config.use_directory_urls,
            repo_url=config.repo_url,
            branch=branch_of(config.edit_uri or ""),
            bundle=self._bundle(selection, self.site),
            practices_folder=layout.practices_name,
            editors_email=(config.extra.get("redactie") or {}).get("email"),
        )
        self.bundle = options.bundle
        self._used_bodies: dict[bytes, str] = {}
        try:
            pages, assets = render_site(
                self.site, options, self._clean if self._incremental else clean_html
            )
        except ImageError as exc:  # an image changed after it was checked
            raise PluginError(f"{exc} De site wordt niet gebouwd.") from None
        self._tocs = {page.src: page.toc for page in pages if page.toc is not None}
        docs_dir = Path(config.docs_dir)
        for page in pages:
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src, content=page.content, inclusion=inclusion)
            if page.edit_path:
                file.edit_uri = _edit_uri(root / page.edit_path, docs_dir)
            files.append(file)
        for asset in assets:
            if asset.content is not None:  # text, or bytes (a checked image)
                files.append(File.generated(config, asset.src, content=asset.content))
            elif asset.file is not None:
                files.append(File.generated(config, asset.src, abs_src_path=str(asset.file)))
            else:
                files.append(File.generated(config, asset.src, content=""))
        for target, source in sorted(self.config.vendor.items()):
            path = root / source
            if not path.is_file():
                raise PluginError(
                    f"{source} ontbreekt (nodig voor {target}). Installeer de "
                    "npm-pakketten van het project: npm ci"
                )
            files.append(File.generated(config, target, abs_src_path=str(path)))
        log.info(f"{len(practices)} praktijken, {len(pages)} gegenereerde pagina's")
        self._bodies, self._used_bodies = self._used_bodies, {}  # only this build's texts
        self.rendered = []
        if self._incremental:
            self._mark_unchanged(files, config, _fingerprint(config, layout))
        self._pages_total = len(files.documentation_pages())
        self._pages_done = 0
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A practice's text reaches Markdown as ready HTML, which its toc extension skips:
        # the table of contents (and so the search sections) comes from the core.
        self.rendered.append(page.file.src_uri)
        toc = self._tocs.get(page.file.src_uri)
        if toc is not None:
            page.toc = get_toc(toc_tokens(toc))  # type: ignore[arg-type]
        # The core's search weight (practices up, contributor docs down), unless the page
        # sets one; read by the search plugin's on_page_context.
        boost = search_boost(page.file.src_uri)
        search = page.meta.get("search") or {}
        if boost is not None and isinstance(search, dict) and "boost" not in search:
            page.meta["search"] = {**search, "boost": boost}
        return html

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # Under --dirty MkDocs does not read the pages it leaves alone, so their titles would
        # be missing from the navigation and the footers of the pages it does render.
        if self._incremental:
            for item in nav.pages:
                if item.markdown is None and not item.file.is_modified():
                    item.read_source(config)
        return nav

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Under `mkdocs serve --dirty` Material's search plugin merges the previous index with
        this build's entries, assuming one page was rendered (and the home page's address, '',
        would match every entry). Merge here instead: the previous entries of every page not
        rendered now, then this build's; the plugin then writes the index as it is."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        previous = getattr(search, "search_index_prev", None)
        if not self._incremental or previous is None:
            return
        urls = {_page_url(src, config.use_directory_urls) for src in self.rendered}
        index = search.search_index  # type: ignore[union-attr]
        index.entries = [
            entry for entry in previous.entries if entry["location"].partition("#")[0] not in urls
        ] + index.entries
        search.search_index_prev = None  # type: ignore[union-attr]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # Progress for long builds: every tenth, from 500 pages on.
        self._pages_done += 1
        step = max(self._pages_total // 10, 1)
        if self._pages_total >= 500 and self._pages_done % step == 0:
            log.info(f"{self._pages_done} van {self._pages_total} pagina's gebouwd")
        for item in self._activated:  # MkDocs resets the page's own entry, not these
            item.active = False
        self._activated = []
        return self._policed(output, config)

    def on_page_context(
        self, context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict:
        # What the templates in docs/overrides place: the core's breadcrumb trail, link
        # preview tags and 'Meld een fout'. Values are HTML made (and escaped) by the core.
        src = page.file.src_uri
        place = self._places.get(src)
        if place is not None:
            context["kruimelpad"] = breadcrumbs(place, src, config.use_directory_urls)
            self._activate(nav, place.section)
            if place.practice is not None:
                email = (config.extra.get("redactie") or {}).get("email")
                page_url = online_url(config.site_url, src)
                report = report_error(place.practice, email, page_url, page.edit_url)
                context["meld_een_fout"] = report
        # Front matter text is HTML-safe text (render/text.py front_matter escapes it, since
        # Material writes it into <meta> as is): back to plain text, escaped once by the core.
        title = config.site_name if page.is_homepage else page.meta.get("title") or page.title
        description = page.meta.get("description") or config.site_description or ""
        context["voorvertoning"] = preview(
            title=html.unescape(str(place.trail[-1].label if place else title)),
            description=html.unescape(str(description)),
            site_name=config.site_name,
            site_url=config.site_url,
            src=src,
            place=place,
        )
        return context

    def _activate(self, nav: Navigation, section: str) -> None:
        """Mark the navigation entry of the page's section as active, so Material highlights
        its tab and opens it in the sidebar. Material dependency: its tabs and navigation
        templates read `nav_item.active`, which MkDocs sets for the page being built and its
        parents; a page outside the navigation has none, so nothing would be highlighted."""
        if any(item.active for item in nav.items):
            return  # the page is in the navigation: MkDocs marked it already
        for item in nav.pages:
            if item.file.src_uri == section:
                item.active = True  # MkDocs passes it on to the entry's parent sections
                self._activated.append(item)
                return

    def on_template_context(
        self, context: dict, /, *, template_name: str, config: MkDocsConfig
    ) -> dict:
        if template_name == "404.html":
            if self._offline(config):
                # MkDocs gives error pages the server's absolute root; an offline bundle is
                # opened from file://, where only a relative root finds the styles and pages.
                context["base_url"] = "."
            context["niet_gevonden"] = not_found(context["base_url"], config.use_directory_urls)
        return context

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # 404.html and other theme templates are written without on_post_page.
        if template_name.endswith(".html"):
            return self._policed(output_content, config)
        return output_content

    def _policed(self, output: str, config: MkDocsConfig) -> str:
        """The page with its Content-Security-Policy (generator/csp.py). The offline variant
        is opened from file:// and searches through the vendored iframe-worker shim, whose
        inline bootstrap needs a hash too."""
        if not self._offline(config):
            return with_policy(output)
        root = Path(config.config_file_path).resolve().parent
        shims = [
            read_shim(root / source)
            for target, source in sorted(self.config.vendor.items())
            if target.endswith(".js")
        ]
        return with_policy(output, file_urls=True, shims=shims)

    @staticmethod
    def _offline(config: MkDocsConfig) -> bool:
        offline = config.plugins.get("material/offline")
        return offline is not None and bool(offline.config.enabled)

    def _bundle(self, selection: Selection, site: Site) -> Bundle | None:
        made = self.config.bundel_datum  # a date or None: checked when the config was loaded
        if made is None:
            return None
        return Bundle(selection=selection.describe(selection_labels(site)), made=made)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.site is None or page.file.generated_by:
            return markdown
        return expand_blocks(
            markdown, page.file.src_uri, self.site, self.bundle, config.use_directory_urls
        )


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _unmodified() -> bool:
    return False


def _modified() -> bool:
    return True


def _page_url(src: str, directory_urls: bool) -> str:
    """The page's URL as MkDocs gives it (`Page.url`, relative to the site)."""
    from .render.paths import url

    return url(src, directory_urls)


def _fingerprint(config: MkDocsConfig, layout: Layout) -> tuple:
    """What every page depends on: the configuration, the theme's templates (the project's
    overrides) and the lists of the practices. A change in any of them rebuilds every page."""
    paths = [Path(config.config_file_path)]
    custom = config.theme.custom_dir
    folders = [Path(custom)] if custom else []
    folders += [p for p in layout.practices.iterdir() if p.is_dir() and p.name.startswith("_")]
    for folder in folders:
        paths += sorted(p for p in folder.rglob("*") if p.is_file())
    stats = []
    for path in paths:
        with contextlib.suppress(OSError):
            st = path.stat()
            stats.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(stats)


def _edit_uri(source: Path, docs_dir: Path) -> str:
    """The source file relative to the docs folder: MkDocs joins it to `edit_uri`."""
    return Path(os.path.relpath(source, docs_dir.resolve())).as_posix()
