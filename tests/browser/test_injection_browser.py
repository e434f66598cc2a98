"""Injection gate in Chromium: opening the pages of a site built from practices full of
allowed-but-tricky text executes nothing (no `window.__pwned`, no dialog, no script error), and
neither does feeding script through the catalogue's query string, its search box or Material's
search. The fixture practices and the static checks are in tests/test_injection.py."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from sitebuild import build, make_site
from test_injection import TRICKY_TITLES, tricky_practices

PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
PAGES = [f"praktijken/gent-{slug}/" for slug in TRICKY_TITLES] + [
    "praktijken/gent-bomen/", "catalogus/", "gemeenten/gent/", "sdg/13/", "trefwoorden/",
    "beleidsdomeinen/mobiliteit/", "",
]
SETTLE_MS = 400  # after load: let timers, the catalogue and the search worker run


@pytest.fixture(scope="module")
def tricky_url(tmp_path_factory, serve) -> str:
    root = tmp_path_factory.mktemp("injectie-browser")
    make_site(root, tricky_practices())
    return serve(build(root))


class Trap:
    """A page that records dialogs, script errors and requests leaving the local server, and
    blocks those requests."""

    def __init__(self, watch, base: str) -> None:
        self.page = watch.page
        self.watch = watch
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.add_init_script("window.__pwned = undefined;")
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                        else route.abort())

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def executed(self) -> list[str]:
        pwned = self.page.evaluate("window.__pwned")
        found = [f"window.__pwned = {pwned!r}"] if pwned is not None else []
        return found + [f"dialoog {d}" for d in self.dialogs] + [
            f"scriptfout {e}" for e in self.watch.errors] + [
            f"verzoek naar buiten {u}" for u in self.watch.outside]


def open_trap(watched, base: str) -> Trap:
    return Trap(watched(base), base)


@pytest.mark.parametrize("url", PAGES, ids=lambda u: u.strip("/") or "home")
def test_opening_pages_with_tricky_text_executes_nothing(tricky_url, watched, url) -> None:
    trap = open_trap(watched, tricky_url)
    trap.page.goto(tricky_url + url)
    trap.page.wait_for_timeout(SETTLE_MS)
    assert trap.executed() == []


def test_script_in_the_catalogue_query_string_executes_nothing(tricky_url, watched) -> None:
    trap = open_trap(watched, tricky_url)
    evil = quote(PAYLOAD)
    trap.page.goto(f"{tricky_url}catalogus/?q={evil}&gemeente={evil}&trefwoord={evil}"
                   f"&sdg={evil}&jaar={evil}&domein=mobiliteit")
    trap.page.wait_for_function("window.PK_CATALOGUE_READY === true", timeout=10_000)
    trap.page.wait_for_timeout(SETTLE_MS)
    assert trap.executed() == []
    # The search box shows the text as typed, not as markup.
    assert trap.page.input_value("#pk-q") == PAYLOAD
    assert trap.page.locator(".pk-catalogue img[src='x']").count() == 0


def test_script_typed_into_the_catalogue_search_executes_nothing(tricky_url, watched) -> None:
    trap = open_trap(watched, tricky_url)
    trap.page.goto(f"{tricky_url}catalogus/")
    trap.page.wait_for_function("window.PK_CATALOGUE_READY === true", timeout=10_000)
    trap.page.fill("#pk-q", PAYLOAD)
    trap.page.wait_for_timeout(SETTLE_MS)
    trap.page.fill("#pk-q", "lt;script")  # matches the entity title: its card is rendered
    trap.page.wait_for_timeout(SETTLE_MS)
    assert trap.page.locator(".pk-results__list .pk-card").count() >= 1
    assert TRICKY_TITLES["entiteit"] in trap.page.inner_text(".pk-results__list")
    assert trap.executed() == []


def test_script_typed_into_materials_search_executes_nothing(tricky_url, watched) -> None:
    trap = open_trap(watched, tricky_url)
    trap.page.goto(f"{tricky_url}praktijken/gent-hart/")
    trap.page.wait_for_timeout(SETTLE_MS)
    trap.page.keyboard.press("s")  # Material's shortcut focuses the search box
    box = trap.page.locator("input.md-search__input")
    box.fill(PAYLOAD)
    trap.page.wait_for_timeout(1000)
    box.fill("sterren")
    trap.page.wait_for_timeout(1000)
    assert trap.executed() == []


def test_a_summary_cannot_send_visitors_elsewhere(tricky_url, watched) -> None:
    trap = open_trap(watched, tricky_url)
    trap.page.goto(f"{tricky_url}praktijken/gent-verwijzing/")
    trap.page.wait_for_timeout(1500)  # a meta refresh with delay 0 fires right after load
    assert trap.watch.outside == []

