"""Every kind of generated page on a 360 px wide phone: the page itself never scrolls sideways.

Wide content (the matrix) scrolls inside its own box; the page does not slide.
"""

from __future__ import annotations

import pytest
from conftest import REPO

from generator import load_project
from generator.taxonomy import build_site

WIDTH = 360


def _pages() -> list[str]:
    project = load_project(REPO)
    site = build_site(project.practices, project.vocab)
    active = next(t for t in site.municipalities.terms.values() if t.practices)
    idle = next(t for t in site.municipalities.terms.values() if not t.practices)
    return [
        "",
        "catalogus/",
        "sdg/",
        "sdg/13/",
        "matrix/",
        "beleidsdomeinen/",
        f"beleidsdomeinen/{site.domains.used()[0].slug}/",
        "gemeenten/",
        f"gemeenten/{active.slug}/",
        f"gemeenten/{idle.slug}/",
        "provincies/",
        f"provincies/{site.provinces.used()[0].slug}/",
        f"praktijken/{site.practices[0].id}/",
    ]


PAGES = _pages()


@pytest.mark.parametrize("url", PAGES)
def test_no_sideways_page_scroll_at_360_px(watched, serve, repo_site, url: str) -> None:
    base = serve(repo_site)
    watch = watched(base, width=WIDTH)
    watch.page.goto(base + url)
    watch.page.wait_for_load_state("load")
    if url == "matrix/":  # Material wraps the table in its scroll box with JavaScript
        watch.page.wait_for_selector(".pk-matrix .md-typeset__scrollwrap")
    width = watch.page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= WIDTH, (url, width)
    assert watch.errors == []


def test_the_matrix_scrolls_within_its_own_box(watched, serve, repo_site) -> None:
    base = serve(repo_site)
    page = watched(base, width=WIDTH).page
    page.goto(base + "matrix/")
    box = page.wait_for_selector(".pk-matrix .md-typeset__scrollwrap")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # wider than the phone ...
    box.evaluate("e => { e.scrollLeft = 200; }")
    assert box.evaluate("e => e.scrollLeft") > 0  # ... and it scrolls in place
    assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTH
    # The domain column stays in view while the numbers scroll under it.
    first = page.locator(".pk-matrix tbody tr td:first-child").first
    assert first.bounding_box()["x"] >= 0


def test_without_javascript_the_matrix_box_scrolls_itself(browser, serve, repo_site) -> None:
    base = serve(repo_site)
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 900}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(base + "matrix/")
        matrix = page.locator(".pk-matrix")
        assert matrix.evaluate("e => e.scrollWidth > e.clientWidth")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTH
    finally:
        context.close()
