"""The catalogue in Chromium: filters by URL and by clicking give the practices that the
Python filter semantics give, over HTTP and from file://."""

from __future__ import annotations

import pytest
from conftest import REPO

from generator import load_project
from generator.filters import Selection

COMBINATIONS = [
    "",
    "sdg=13",
    "sdg=13&sdg=7",
    "sdg=13&domein=mobiliteit",
    "provincie=limburg&status=lopend",
    "domein=internationale-samenwerking&land=BJ&land=SN",
    "jaar=2020-2024&principe=participatie",
    "q=fiets",
    "q=FAIRTRADE&provincie=oost-vlaanderen",
    "lmb=fair-trade&status=afgerond",
    "gemeente=gent",
    "sdg=14&sdg=15&sdg=6&jaar=2022-",
    "q=geen-enkele-praktijk-heeft-dit-woord",
]


@pytest.fixture(scope="module")
def practices():
    return load_project(REPO).practices


def expected(practices, query: str) -> set[str]:
    selection = Selection.from_query(query)
    return {p.id for p in practices if selection.matches(p)}


def url_has(page, text: str) -> bool:
    """Wait until the address holds `text` (Playwright's page.url follows pushState late)."""
    page.wait_for_function("t => decodeURIComponent(location.href).includes(t)", arg=text)
    return True


def shown(page) -> set[str]:
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    while page.locator(".pk-more").is_visible():
        page.click(".pk-more")
    total = int(page.get_attribute("#pk-catalogue", "data-results"))
    ids = set(
        page.eval_on_selector_all(".pk-results__list .pk-card", "els => els.map(e => e.dataset.id)")
    )
    assert len(ids) == total
    return ids


def base_url(base: str, repo_site, offline_site, serve) -> str:
    return serve(repo_site) if base == "http" else offline_site.as_uri() + "/"


@pytest.mark.parametrize("base", ["http", "file"])
def test_url_filters_show_the_computed_practices(
    repo_site, offline_site, serve, watched, practices, base
) -> None:
    root = base_url(base, repo_site, offline_site, serve)
    for query in COMBINATIONS:
        watch = watched(root)
        watch.page.goto(f"{root}catalogus/index.html?{query}")
        assert shown(watch.page) == expected(practices, query), query
        assert watch.errors == []
        assert watch.outside == []


@pytest.mark.parametrize("base", ["http", "file"])
def test_clicking_filters_updates_list_and_url(
    repo_site, offline_site, serve, watched, practices, base
) -> None:
    root = base_url(base, repo_site, offline_site, serve)
    watch = watched(root)
    page = watch.page
    page.goto(f"{root}catalogus/index.html")
    assert shown(page) == expected(practices, "")
    page.check("#pk-sdg-12")  # checkbox index 12 is SDG 13
    assert url_has(page, "sdg=13")
    assert shown(page) == expected(practices, "sdg=13")
    page.select_option("#pk-from", "2022")
    assert shown(page) == expected(practices, "sdg=13&jaar=2022-")
    page.fill("#pk-ta-gemeente", "Gent")
    page.press("#pk-ta-gemeente", "Enter")
    page.go_back()
    assert shown(page) == expected(practices, "sdg=13&jaar=2022-")
    page.go_back()
    assert shown(page) == expected(practices, "sdg=13")
    page.go_forward()
    assert url_has(page, "jaar=2022-")
    assert watch.errors == []


def test_result_count_is_announced_and_empty_state_resets(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = watched(root).page
    page.goto(f"{root}catalogus/?q=geen-enkele-praktijk-heeft-dit-woord")
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    live = page.locator(".pk-results__count")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == "0 praktijken gevonden"
    page.locator(".pk-empty button").click()
    page.wait_for_function("() => location.search === ''")
    assert live.inner_text() == f"{len(load_project(REPO).practices)} praktijken gevonden"


def test_facets_are_keyboard_operable(repo_site, serve, watched) -> None:
    root = serve(repo_site)
    page = watched(root).page
    page.goto(f"{root}catalogus/")
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    page.focus("#pk-status-0")
    page.keyboard.press("Space")
    assert url_has(page, "status=gepland")


def test_without_javascript_every_practice_is_a_plain_link(
    offline_site, browser, practices
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((offline_site / "catalogus" / "index.html").as_uri())
    assert page.locator(".pk-catalogue__fallback").is_visible()
    hrefs = page.eval_on_selector_all(
        ".pk-catalogue__fallback a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert sorted(hrefs) == sorted(f"../praktijken/{p.id}.html" for p in practices)
    context.close()


# --- on a phone: the results one tap away --------------------------------------------------

PHONE = {"width": 360, "height": 740}
IN_VIEW = """el => { const r = el.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""


def in_view(locator) -> bool:
    return locator.evaluate(IN_VIEW)


@pytest.mark.parametrize("base", ["http", "file"])
def test_on_a_phone_the_results_are_one_tap_from_a_filter(
    repo_site, offline_site, serve, browser, practices, base
) -> None:
    root = base_url(base, repo_site, offline_site, serve)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{root}catalogus/index.html")
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    toggle = page.locator("details.pk-filters__toggle")
    summary = toggle.locator("summary")
    assert not toggle.evaluate("d => d.open")  # folded away: the results come first
    assert summary.inner_text() == "Filters"
    assert in_view(page.locator(".pk-results__list .pk-card__title").first)  # readable, tappable

    summary.tap()
    page.locator("label[for=pk-status-1]").tap()  # Lopend, far down the open filters
    assert url_has(page, "status=lopend")
    n = len(expected(practices, "status=lopend"))
    apply = page.locator(".pk-apply")
    assert apply.inner_text() == f"Toon {n} praktijken"
    assert in_view(apply)  # at the bottom of the screen, where the thumb is
    assert summary.inner_text() == "Filters (1 actief)"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    apply.tap()
    assert not toggle.evaluate("d => d.open")
    first = page.locator(".pk-results__list .pk-card__title").first  # the first result's link
    page.wait_for_function(f"el => ({IN_VIEW})(el)", arg=first.element_handle())
    assert in_view(page.locator(".pk-results__count"))
    assert page.evaluate("document.activeElement.classList.contains('pk-results')")
    # The choice stays visible above the results, and one tap removes it.
    chip = page.locator(".pk-active .pk-chip")
    assert chip.count() == 1
    assert chip.locator("span").first.inner_text() == "Status: Lopend"
    assert chip.get_attribute("aria-label") == "Status: Lopend — filter wissen"
    assert in_view(chip)
    chip.tap()
    page.wait_for_function("() => location.search === ''")
    assert summary.inner_text() == "Filters"
    assert page.locator(".pk-active").is_hidden()
    assert errors == []
    context.close()


def test_on_a_wide_screen_filters_and_results_stand_side_by_side(
    repo_site, serve, watched, practices
) -> None:
    root = serve(repo_site)
    page = watched(root).page
    page.goto(f"{root}catalogus/?sdg=13")
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    assert page.locator("details.pk-filters__toggle").evaluate("d => d.open")
    assert page.locator(".pk-apply").is_hidden()  # the results are in view already
    assert page.locator("details.pk-filters__toggle > summary").inner_text() == "Filters (1 actief)"
    chips = page.locator(".pk-active .pk-chip")
    assert chips.evaluate_all("cs => cs.map(c => c.getAttribute('aria-label'))") == [
        "SDG 13 — filter wissen"
    ]


def test_show_more_says_how_many_follow(repo_site, serve, watched, practices) -> None:
    root = serve(repo_site)
    page = watched(root).page
    page.goto(f"{root}catalogus/")
    page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    rest = len(practices) - 48
    assert 1 < rest <= 48, "de test verwacht tussen 50 en 96 praktijken"
    more = page.locator(".pk-more")
    assert more.inner_text() == f"Toon de overige {rest}"
    more.click()
    assert more.is_hidden()
    assert page.locator(".pk-results__list .pk-card").count() == len(practices)
