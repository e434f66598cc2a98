"""The site as a municipal official uses it (issue #14), in Chromium on the built site:

- search finds the practice itself first (the related and nearby cards are not indexed, the
  practices weigh more than the contributor docs), also for a query typed right after an
  offline bundle's page opened or entered without a key press;
- the generated pages say where you are: the right tab is active and the breadcrumb trail is
  right;
- a Dutch 404 page with ways on, online and offline;
- practice pages: copy-link and print buttons (only with JavaScript), 'Meld een fout';
- link preview tags and Material's search texts in correct Dutch.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

WATER = "beveren-kruibeke-zwijndrecht-duurzame-helden-wereldwaterdag"
GENT = "gent-sdg-toets-meerjarenplan-2026-2031"
PLACEHOLDER = "Typ om te beginnen met zoeken"


@pytest.fixture(scope="module")
def online(repo_site, serve) -> str:
    return serve(repo_site)


def ready(page) -> None:
    """Material's search worker answered its first (empty) query. Offline, the search starts
    when its field first gets the focus."""
    page.focus("input.md-search__input")
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
        arg=PLACEHOLDER,
        timeout=15_000,
    )


def results(page) -> list[str]:
    """The pages in the search results, best first (each result's first link)."""
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(i => i.querySelector('a').getAttribute('href'))",
    )


def search(page, url: str, word: str) -> list[str]:
    page.goto(url)
    ready(page)  # the field has the focus
    page.keyboard.type(word)
    return results(page)


# --- 1. search ---------------------------------------------------------------------------------


def test_a_word_of_one_practice_finds_that_practice_first_and_alone(watched, online) -> None:
    page = watched(online).page
    found = search(page, online, "Wereldwaterdag")
    assert WATER in found[0], found
    # The cards of "Gerelateerde praktijken" and "Uit de buurt" on some twenty other pages
    # used to match as well.
    assert len(found) == 1, found
    assert page.inner_text(".md-search-result__meta") == "1 resultaat"


def test_a_municipality_finds_its_practice_before_the_contributor_docs(watched, online) -> None:
    found = search(watched(online).page, online, "Gent")
    gent = [i for i, href in enumerate(found) if GENT in href]
    docs = [i for i, href in enumerate(found) if "bijdragen/" in href]
    assert gent, found
    assert not docs or gent[0] < docs[0], found


def test_the_search_index_holds_no_card_lists(repo_site: Path) -> None:
    index = (repo_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "#gerelateerde-praktijken" not in index
    assert "#uit-de-buurt" not in index
    assert index.lower().count("wereldwaterdag") >= 1


# --- 2. where am I -----------------------------------------------------------------------------

# (page, active tab, breadcrumb trail: the links and the page itself)
PLACES = [
    ("sdg/13/", "SDG's", ["Home", "SDG's", "SDG 13 Klimaatactie"]),
    ("gemeenten/gent/", "Gemeenten", ["Home", "Gemeenten", "Oost-Vlaanderen", "Gent"]),
    ("provincies/limburg/", "Gemeenten", ["Home", "Gemeenten", "Provincies", "Limburg"]),
    ("beleidsdomeinen/mobiliteit/", "Beleidsdomeinen", ["Home", "Beleidsdomeinen", "Mobiliteit"]),
    (f"praktijken/{GENT}/", "Catalogus", ["Home", "Catalogus", "SDG-toets bij elke actie"]),
]


def trail(page) -> list[str]:
    return [
        t.strip()
        for t in page.eval_on_selector_all(
            'nav[aria-label="Kruimelpad"] ol > li', "els => els.map(e => e.innerText)"
        )
    ]


@pytest.mark.parametrize(("url", "tab", "crumbs"), PLACES, ids=[p[0] for p in PLACES])
def test_the_right_tab_is_active_and_the_trail_is_right(
    watched, online, url: str, tab: str, crumbs: list[str]
) -> None:
    page = watched(online).page
    page.goto(online + url)
    active = page.eval_on_selector_all(
        ".md-tabs__item--active", "els => els.map(e => e.innerText.trim())"
    )
    assert active == [tab]
    found = trail(page)
    assert found[:-1] == crumbs[:-1]
    assert found[-1].startswith(crumbs[-1])
    current = page.locator('nav[aria-label="Kruimelpad"] [aria-current="page"]')
    assert current.count() == 1 and current.inner_text().strip() == found[-1]
    # Each link of the trail leads to the page of that name.
    links = page.locator('nav[aria-label="Kruimelpad"] a')
    assert links.count() == len(crumbs) - 1
    links.nth(len(crumbs) - 2).click()
    page.wait_for_load_state()
    assert crumbs[-2] in page.title() or crumbs[-2] == "Home"


def test_the_trail_works_offline_too(watched, offline_site: Path) -> None:
    root = offline_site.as_uri() + "/"
    page = watched(root).page
    page.goto(root + "provincies/limburg.html")
    assert trail(page) == ["Home", "Gemeenten", "Provincies", "Limburg"]
    assert page.eval_on_selector_all(
        ".md-tabs__item--active", "els => els.map(e => e.innerText.trim())"
    ) == ["Gemeenten"]
    page.click('nav[aria-label="Kruimelpad"] a >> text=Provincies')
    page.wait_for_load_state()
    assert page.url == root + "provincies/index.html"


def test_the_provinces_are_in_the_navigation(watched, online) -> None:
    page = watched(online).page
    page.goto(online + "gemeenten/")
    link = page.locator(".md-sidebar--primary .md-nav__link", has_text="Provincies").first
    assert link.get_attribute("href").rstrip("/").endswith("provincies")


# --- 3. 404 ------------------------------------------------------------------------------------


def test_the_404_page_is_dutch_and_leads_on(watched, online, repo_site: Path) -> None:
    page = watched(online).page
    page.goto(online + "404.html")
    assert page.inner_text("article h1") == "Pagina niet gevonden"
    assert "zoekveld" in page.inner_text("article")
    assert "Not found" not in page.content()
    assert 'http-equiv="Content-Security-Policy"' in (repo_site / "404.html").read_text("utf-8")
    labels = page.eval_on_selector_all("article ul a", "els => els.map(e => e.innerText)")
    assert labels == ["Home", "Catalogus", "SDG's", "Gemeenten"]


def test_the_offline_404_page_has_its_styles_and_working_links(watched, offline_site) -> None:
    root = offline_site.as_uri() + "/"
    page = watched(root).page
    page.goto(root + "404.html")
    assert page.inner_text("article h1") == "Pagina niet gevonden"
    # Material's stylesheet loaded: the header is the theme's coloured bar, not plain text.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky"
    page.click("article ul a >> text=Catalogus")
    page.wait_for_load_state()
    assert page.url == root + "catalogus/index.html"


# --- 4. sharing ---------------------------------------------------------------------------------


def test_copy_link_and_print_buttons(browser, online) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=online.rstrip("/"))
        page = context.new_page()
        page.add_init_script(
            "window.print = () => { window.__printed = (window.__printed || 0) + 1; }"
        )
        page.goto(online + f"praktijken/{GENT}/")
        copy = page.get_by_role("button", name="Link kopiëren")
        copy.click()
        page.wait_for_function(
            "() => document.querySelector('.pk-share__status').textContent === 'Link gekopieerd.'"
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == f"https://vvsg.github.io/sdg-praktijkendatabank/praktijken/{GENT}/"
        page.get_by_role("button", name="Afdrukken").click()
        assert page.evaluate("window.__printed") == 1
    finally:
        context.close()


def test_without_javascript_there_are_no_dead_buttons(browser, online) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(online + f"praktijken/{GENT}/")
        assert page.locator("[data-pk-copy]").count() == 1
        assert not page.locator("[data-pk-copy]").is_visible()
        assert not page.locator("[data-pk-print]").is_visible()
    finally:
        context.close()


def test_report_an_error_without_a_github_account(watched, online) -> None:
    page = watched(online).page
    page.goto(online + f"praktijken/{GENT}/")
    mail = page.locator(".pk-report a[href^='mailto:']")
    href = mail.get_attribute("href")
    parts = urlsplit(href)
    assert parts.path == "redactie@vvsg.be"
    query = parse_qs(parts.query)
    assert query["subject"] == [f"Fout in praktijk {GENT}"]
    assert f"https://vvsg.github.io/sdg-praktijkendatabank/praktijken/{GENT}/" in query["body"][0]
    edit = page.locator(".pk-report a.pk-report__edit").get_attribute("href")
    assert edit.startswith("https://github.com/vvsg/sdg-praktijkendatabank/edit/main/practices/")
    assert mail.is_visible()


def test_every_page_has_link_preview_tags(repo_site: Path) -> None:
    for name in ("index.html", "sdg/13/index.html", f"praktijken/{GENT}/index.html"):
        html = (repo_site / name).read_text(encoding="utf-8")
        tags = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))
        for key in ("og:title", "og:description", "og:type", "og:url", "og:image", "twitter:card"):
            assert tags.get(key), (name, key)
        assert tags["og:image"].endswith(".png")
    assert (repo_site / "assets" / "og-standaard.png").is_file()


# --- 5. offline search: a query typed right away ------------------------------------------------


def offline_search_page(watched, offline_site: Path):
    root = offline_site.as_uri() + "/"
    page = watched(root).page
    return page, root + f"praktijken/{GENT}.html"


def test_offline_a_query_typed_right_after_opening_is_answered(watched, offline_site) -> None:
    page, url = offline_search_page(watched, offline_site)
    page.goto(url, wait_until="domcontentloaded")
    page.focus("input.md-search__input")
    page.keyboard.type("Wereldwaterdag")
    assert WATER in results(page)[0]


def test_offline_a_query_entered_without_a_key_press_is_answered(watched, offline_site) -> None:
    """Pasted with the mouse or filled in: no keyup, which is what Material listens to.
    docs/javascripts/pagina.js asks the query again."""
    page, url = offline_search_page(watched, offline_site)
    page.goto(url)
    ready(page)
    page.fill("input.md-search__input", "Wereldwaterdag")
    assert WATER in results(page)[0]
    assert page.inner_text(".md-search-result__meta") == "1 resultaat"


# --- 6. wording ------------------------------------------------------------------------------


def test_materials_search_texts_are_correct_dutch(repo_site: Path) -> None:
    html = (repo_site / "index.html").read_text(encoding="utf-8")
    assert '"search.result.one": "1 resultaat"' in html
    assert '"search.result.other": "# resultaten"' in html
    assert 'overeenkomende document"' not in html
    assert '<html lang="nl"' in html
