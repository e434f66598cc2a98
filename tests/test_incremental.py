"""`mkdocs serve --dirty`: a change to one practice renders what depends on it, not the site.

The builds run in this process as `mkdocs serve` runs them: the plugin is kept between rebuilds
(it has on_startup) and MkDocs builds with `dirty=True` into the same site folder. A page built
incrementally after a change must be byte-identical to the same page in a full build, and pages
whose content did not change must not be rendered again.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sitebuild import front, make_site

from generator.plugin import PracticesPlugin

PRACTICES = {
    "gent-zon.md": front("Zonnepanelen op elke school", ["Gent"], [7, 13], ["klimaat-en-energie"]),
    "gent-fiets.md": front("Fietsstraten rond de scholen", ["Gent"], [11], ["mobiliteit"]),
    "leuven-water.md": front("Regenwater voor de serres", ["Leuven"], [6], ["water"]),
    "brugge-eten.md": front(
        "Lokaal eten in de kantines", ["Brugge"], [2, 12], ["landbouw-en-voeding"]
    ),
}
CHANGED = "gent-fiets"


def _build(root: Path, site: Path, *, dirty: bool) -> PracticesPlugin:
    """One build as `mkdocs serve` (dirty=True: `mkdocs serve --dirty`) or `mkdocs build` does
    it; returns the plugin, which counts what it rendered."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=dirty)
    plugin = config.plugins["praktijken"]
    assert isinstance(plugin, PracticesPlugin)
    return plugin


def _forget_plugins() -> None:
    """MkDocs keeps plugins with on_startup for the whole process (that is how `serve` keeps
    them between rebuilds): start the next build, in this test or another, with fresh ones."""
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()


@pytest.fixture(scope="module")
def incremental(tmp_path_factory) -> dict[str, object]:
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("incremental")
    make_site(root, PRACTICES)
    site = root / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty`
    try:
        first = list(_build(root, site, dirty=True).rendered)
        again = list(_build(root, site, dirty=True).rendered)  # nothing changed
        source = root / "practices" / f"{CHANGED}.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("Fietsstraten rond", "Schoolstraten rond"), "utf-8")
        changed = list(_build(root, site, dirty=True).rendered)
    finally:
        config.plugins.on_shutdown()
        _forget_plugins()
    full_site = root / "full"
    _build(root, full_site, dirty=False)
    _forget_plugins()
    return {"site": site, "full": full_site, "first": first, "again": again, "changed": changed}


def test_the_first_build_renders_every_page(incremental) -> None:
    first = incremental["first"]
    assert f"praktijken/{CHANGED}.md" in first and "index.md" in first
    assert len(first) > 300  # every page: the practices, indexes and all municipalities


def test_an_unchanged_rebuild_renders_no_generated_page(incremental) -> None:
    assert incremental["again"] == []


def test_a_changed_practice_renders_only_what_shows_it(incremental) -> None:
    changed, first = set(incremental["changed"]), incremental["first"]
    assert f"praktijken/{CHANGED}.md" in changed
    assert "catalogus/index.md" in changed  # the title is in the catalogue's list
    assert "gemeenten/gent.md" in changed and "sdg/11.md" in changed
    assert "praktijken/leuven-water.md" not in changed  # no card of it
    assert "gemeenten/aalst.md" in changed  # Gent's neighbour: it shows the practice's card
    assert "gemeenten/hasselt.md" not in changed and "sdg/6.md" not in changed
    assert len(changed) < len(first) / 5


def test_incremental_pages_are_byte_identical_to_a_full_build(incremental) -> None:
    site, full = incremental["site"], incremental["full"]
    assert "Schoolstraten rond de scholen" in (
        site / "praktijken" / CHANGED / "index.html"
    ).read_text(encoding="utf-8")
    for src in incremental["changed"]:
        out = src[:-3] if src.endswith("/index.md") or src == "index.md" else src[:-3] + "/"
        out = out.removesuffix("index")
        page = Path(out) / "index.html"
        assert (site / page).read_bytes() == (full / page).read_bytes(), page

    # The search index holds each page once, as a full build does.
    def entries(folder: Path) -> list[str]:
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        return sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])

    assert entries(site) == entries(full)


def test_without_dirty_every_page_is_rendered(tmp_path: Path) -> None:
    """Plain `mkdocs serve` (no --dirty) and `mkdocs build` render everything, as before."""
    root = tmp_path / "p"
    root.mkdir()
    make_site(root, dict(list(PRACTICES.items())[:1]))
    plugin = _build(root, tmp_path / "site", dirty=False)
    assert "praktijken/gent-zon.md" in plugin.rendered and len(plugin.rendered) > 300
