"""A bundle opened from file:// with every http(s) request blocked: nothing leaves the folder,
the catalogue filters, Material's search finds practices."""

from __future__ import annotations

import pytest
from conftest import REPO

from generator import load_project
from generator.filters import Selection


def open_blocked(browser, url: str):
    context = browser.new_context()
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(("http://", "https://")):
            blocked.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return context, page, blocked, errors


def search(page, word: str) -> list[str]:
    page.fill("input.md-search__input", word)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))"
    )


@pytest.mark.parametrize(
    "which, query",
    [
        ("full_bundle", "sdg=13&domein=mobiliteit"),
        ("selection_bundle", "provincie=limburg"),
    ],
)
def test_bundle_works_offline(browser, request, which, query) -> None:
    bundle = request.getfixturevalue(which)
    root = bundle.as_uri() + "/"
    context, page, blocked, errors = open_blocked(browser, root + "index.html")
    assert "Offline bundel" in page.content()
    # The catalogue filters from file://.
    page.goto(f"{root}catalogus/index.html?{query}")
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    shown = set(
        page.eval_on_selector_all(".pk-results__list .pk-card", "els => els.map(e => e.dataset.id)")
    )
    in_bundle = {p.stem for p in (bundle / "praktijken").glob("*.html")}
    selection = Selection.from_query(query)
    expected = {
        p.id for p in load_project(REPO).practices if selection.matches(p) and p.id in in_bundle
    }
    assert shown == expected
    # Search: the longest word of a practice's title finds that practice.
    practice = next(p for p in load_project(REPO).practices if p.id == sorted(in_bundle)[0])
    word = max(practice.titel.split(), key=len).strip(",.:")
    assert any(practice.id in href for href in search(page, word))
    assert blocked == [] and errors == []
    context.close()
