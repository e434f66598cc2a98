"""The page "De databank in cijfers" in Chromium, online (HTTP) and offline (file://):

- axe-core finds no WCAG A/AA violation and the page makes no request outside the site;
- every chart is an image with an accessible name, a bar opens the catalogue with its filter;
- at 360 px the page never scrolls sideways (charts scale, the heat map scrolls in its box);
- printed, the charts stay and the link layers and tables go; an offline selection bundle's
  page describes its selection.

With UPDATE_SCREENSHOTS=1 the screenshots in docs/assets/screenshots/cijfers-*.png are made
again (desktop, 360 px, and the printed PDF through pdftoppm from poppler-utils).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

from browser.test_gates import load, offline_file, open_blocked, run_axe, summary
from generator import figures as fig
from generator import load_project
from generator.filters import Selection
from generator.taxonomy import build_site

URL = "cijfers/"
TITLES = [
    "Praktijken per SDG",
    "Praktijken per beleidsdomein",
    "SDG's en beleidsdomeinen samen",
    "Praktijken per provincie",
    "Gemeenten met minstens één praktijk",
    "Praktijken per startjaar en status",
    "Categorieën van lokaal mondiaal beleid",
    "Principes van Agenda 2030",
    "Hoe recent bijgewerkt?",
    "Hoeveel SDG's noemt een praktijk?",
]
SCREENSHOTS = REPO / "docs" / "assets" / "screenshots"


@pytest.fixture(scope="module")
def repo_figures() -> fig.Figures:
    project = load_project(REPO)
    return fig.compute(build_site(project.practices, project.vocab), None)


@pytest.fixture(params=["http", "file"])
def root(request, repo_site, offline_site, serve) -> tuple[str, str]:
    """(root URL, the page's URL under it) for the online and the offline build."""
    if request.param == "http":
        return serve(repo_site), URL
    return offline_site.as_uri() + "/", offline_file(offline_site, URL)


def in_content(page, violations: list[dict]) -> list[dict]:
    """The violations with a node in the page's content (.md-content). The header, the
    navigation, the table of contents and the footer are the theme's, alike on every page, and
    tests/browser/test_gates.py checks them on every kind of page."""
    kept = []
    for v in violations:
        nodes = [
            n
            for n in v["nodes"]
            if page.evaluate(
                "t => !!document.querySelector(t)?.closest('.md-content')", n["target"]
            )
        ]
        if nodes:
            kept.append({**v, "nodes": nodes})
    return kept


def test_no_wcag_violations_and_no_request_leaves_the_site(root, watched) -> None:
    base, page_url = root
    watch = open_blocked(watched, base)
    load(watch, base + page_url)
    violations = in_content(watch.page, run_axe(watch.page))
    assert not violations, summary("cijfers", base + page_url, violations)
    assert watch.outside == [], f"verzoeken buiten {base}: {watch.outside}"
    assert watch.errors == []


def test_charts_are_named_images_with_tables_and_bars_open_the_catalogue(
    root, watched, repo_figures
) -> None:
    base, page_url = root
    watch = open_blocked(watched, base)
    load(watch, base + page_url)
    page = watch.page
    assert page.locator(".pk-chart").get_by_role("img").count() == 10
    for title, chart in zip(TITLES, fig.charts(repo_figures), strict=True):
        # The accessible name as Chromium computes it: the chart's title, then its reading
        # (freshness: its date depends on the build's environment, see figures.reference_date).
        name = f"{title} {chart.reading}" if chart.key != "actualiteit" else f"{title} Op "
        image = page.get_by_role("img", name=name, exact=chart.key != "actualiteit")
        assert image.count() == 1, title
    assert page.locator("details.pk-chart__data table").count() == 10
    # A bar is a link with a name; it opens the catalogue filtered on its goal.
    n = next(b.count for b in repo_figures.sdg if b.key == "13")
    link = page.get_by_role("link", name=f"SDG 13 Klimaatactie: {n} praktijken", exact=True)
    link.click()
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    assert "?sdg=13" in page.url
    assert int(page.get_attribute("#pk-catalogue", "data-results")) == n


def test_readable_at_360_px(root, watched) -> None:
    base, page_url = root
    watch = open_blocked(watched, base)
    watch.page.set_viewport_size({"width": 360, "height": 800})
    load(watch, base + page_url)
    page = watch.page
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    # Charts scale down no further than three quarters of their drawn size (13 px text stays
    # about 10 px); the heat map keeps its size and scrolls inside its own box instead.
    scales = page.evaluate(
        """() => [...document.querySelectorAll('.pk-chart__svg')].map(s =>
             [s.id || s.getAttribute('aria-labelledby'),
              s.getBoundingClientRect().width / s.viewBox.baseVal.width])"""
    )
    assert len(scales) == 10 and all(scale >= 0.75 for _, scale in scales), scales
    box = page.locator("#pk-c-matrix .pk-chart__box")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    # Every table open: they scroll in their box too, never the page.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    # The link layer lies exactly on its drawing.
    offsets = page.evaluate(
        """() => [...document.querySelectorAll('.pk-chart__links')].map(l => {
             const a = l.getBoundingClientRect();
             const b = l.previousElementSibling.getBoundingClientRect();
             return Math.abs(a.x - b.x) + Math.abs(a.y - b.y) + Math.abs(a.width - b.width)
               + Math.abs(a.height - b.height); })"""
    )
    assert len(offsets) == 8 and max(offsets) < 1, offsets


def test_home_page_shows_small_charts_at_360_px(repo_site, serve, watched) -> None:
    base = serve(repo_site)
    watch = open_blocked(watched, base)
    watch.page.set_viewport_size({"width": 360, "height": 800})
    load(watch, base)
    page = watch.page
    assert page.locator(".pk-chart-teasers svg[role='img']").count() == 2
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    violations = in_content(page, run_axe(page))
    assert not violations, summary("home", base, violations)
    page.get_by_role("link", name="Alle cijfers en grafieken").click()
    page.wait_for_load_state()
    assert page.url == base + URL


def test_print_keeps_the_charts_and_drops_links_and_tables(repo_site, serve, watched) -> None:
    base = serve(repo_site)
    watch = open_blocked(watched, base)
    load(watch, base + URL)
    page = watch.page
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => ({
          charts: [...document.querySelectorAll('.pk-chart__svg')]
            .filter(s => s.getBoundingClientRect().height > 0).length,
          links: [...document.querySelectorAll('.pk-chart__links, .pk-chart__data')]
            .filter(e => getComputedStyle(e).display !== 'none').length })"""
    )
    assert shown == {"charts": 10, "links": 0}
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 3


def test_selection_bundle_describes_its_selection(selection_bundle, browser) -> None:
    root = selection_bundle.as_uri() + "/"
    context = browser.new_context()
    outside: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(("http://", "https://")):
            outside.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(root + "cijfers/index.html")
    project = load_project(REPO)
    selection = Selection.from_query("sdg=13&provincie=limburg&provincie=vlaams-brabant")
    chosen = [p for p in project.practices if selection.matches(p)]
    lead = page.locator("p.pk-lead").inner_text()
    assert f"over de {len(chosen)} praktijken van deze offline bundel, een selectie (" in lead
    assert "De actualiteit is berekend op 22 november 2025, de datum van deze offline bundel." in (
        lead
    )
    # SDG 13's bar holds every practice of the bundle; no other province has practices.
    assert (
        page.get_by_role(
            "link", name=f"SDG 13 Klimaatactie: {len(chosen)} praktijken", exact=True
        ).count()
        == 1
    )
    assert page.get_by_role("link", name=re.compile("^Antwerpen: ")).count() == 0
    violations = in_content(page, run_axe(page))
    assert not violations, summary("cijfers in een bundel", page.url, violations)
    assert outside == []
    context.close()


def test_make_screenshots(repo_site, serve, browser, tmp_path) -> None:
    """The top of the page on a desktop, the page on a phone, and a page of its print, as PNG:
    made on every run; with UPDATE_SCREENSHOTS=1 they replace docs/assets/screenshots/cijfers-*."""
    base = serve(repo_site)
    shots = tmp_path / "shots"
    shots.mkdir()
    for name, width, height in (("desktop", 1280, 2300), ("360", 360, 3000)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base + URL, wait_until="networkidle")
        page.screenshot(
            path=str(shots / f"cijfers-{name}.png"),
            full_page=True,
            clip={"x": 0, "y": 0, "width": width, "height": height},
        )
        if name == "desktop":
            pdf = tmp_path / "cijfers.pdf"
            page.emulate_media(media="print")
            page.pdf(path=str(pdf), format="A4", print_background=True)
        context.close()
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm ontbreekt: apt-get install poppler-utils"
    # Page 2: the first with a chart (page 1 holds the title and the introduction).
    out = tmp_path / "print"
    subprocess.run(
        [pdftoppm, "-png", "-r", "70", "-f", "2", "-l", "2", "-singlefile", str(pdf), str(out)],
        check=True,
    )
    Path(f"{out}.png").replace(shots / "cijfers-print.png")
    for shot in sorted(shots.iterdir()):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
        if os.environ.get("UPDATE_SCREENSHOTS") == "1":
            shutil.copy(shot, SCREENSHOTS / shot.name)
