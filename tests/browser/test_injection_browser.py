"""Injection gate in Chromium: opening the pages of a site built from practices full of
allowed-but-tricky text executes nothing (no `window.__pwned`, no dialog, no script error), and
neither does feeding script through the catalogue's query string, its search box or Material's
search. The fixture practices and the static checks are in tests/test_injection.py.

The hostile site (tests/fixtures/hostile/) goes further: practice texts that `check` refuses
(event attributes, javascript: links, other hosts' images, forms, frames, SVG, MathML, <base>,
<meta refresh>, Material's own element ids), built anyway with those refusals turned into
warnings, as if a refused text slipped through. Online and from file://, their pages and the
catalogue's printed fiches of them run no script of theirs, open no dialog, send nothing off
the site, and leave the policy nothing to block."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import REPO
from sitebuild import build, make_site
from test_injection import TRICKY_TITLES, tricky_practices

from generator import validate
from generator.project import load_project

PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
PAGES = [f"praktijken/gent-{slug}/" for slug in TRICKY_TITLES] + [
    "praktijken/gent-bomen/",
    "catalogus/",
    "gemeenten/gent/",
    "sdg/13/",
    "trefwoorden/",
    "beleidsdomeinen/mobiliteit/",
    "",
]
SETTLE_MS = 400  # after load: let timers, the catalogue and the search worker run
# A function, not an expression: Playwright polls an expression with eval, which the pages'
# Content-Security-Policy refuses.
READY = "() => window.PK_CATALOGUE_READY === true"


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
        self.page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base) else route.abort()
            ),
        )

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def executed(self) -> list[str]:
        pwned = self.page.evaluate("window.__pwned")
        found = [f"window.__pwned = {pwned!r}"] if pwned is not None else []
        return (
            found
            + [f"dialoog {d}" for d in self.dialogs]
            + [f"scriptfout {e}" for e in self.watch.errors]
            + [f"verzoek naar buiten {u}" for u in self.watch.outside]
        )


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
    trap.page.goto(
        f"{tricky_url}catalogus/?q={evil}&gemeente={evil}&trefwoord={evil}"
        f"&sdg={evil}&jaar={evil}&domein=mobiliteit"
    )
    trap.page.wait_for_function(READY, timeout=10_000)
    trap.page.wait_for_timeout(SETTLE_MS)
    assert trap.executed() == []
    # The search box shows the text as typed, not as markup.
    assert trap.page.input_value("#pk-q") == PAYLOAD
    assert trap.page.locator(".pk-catalogue img[src='x']").count() == 0


def test_script_typed_into_the_catalogue_search_executes_nothing(tricky_url, watched) -> None:
    trap = open_trap(watched, tricky_url)
    trap.page.goto(f"{tricky_url}catalogus/")
    trap.page.wait_for_function(READY, timeout=10_000)
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


# --- the hostile site --------------------------------------------------------------------------

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
HOSTILE_PAGES = sorted(p.stem for p in HOSTILE.glob("*.md"))
# Every policy violation in a frame, and what the content could use to run script on its own.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(
  `${e.effectiveDirective} ${e.blockedURI}`), true);
window.print = () => { window.__printed = (window.__printed || 0) + 1; };
"""
# Every element of the page's content: hovered, focused, and its attributes and links listed.
PROVOKE = """() => {
  const content = document.querySelector('article.md-content__inner');
  const found = [];
  for (const el of [content, ...content.querySelectorAll('*')]) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart']) {
      el.dispatchEvent(new Event(type));
    }
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) found.push(`${el.tagName} ${a.name}`);
    }
    if (el.href && typeof el.href === 'string' && !/^(https?|mailto|file):/.test(el.href)) {
      found.push(`${el.tagName} href ${el.href}`);
    }
  }
  found.push(...[...document.querySelectorAll('[id=__config]')].slice(1).map(
    (el) => `${el.tagName} id=__config`));
  return found;
}"""


def _keep_warnings(check):
    """check_text with its refusals (errors) dropped: the hostile texts get built."""
    return lambda body, targets: [f for f in check(body, targets) if not f[1]]


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("vijandig")
    make_site(root, {p.name: p.read_text(encoding="utf-8") for p in HOSTILE.glob("*.md")})
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


@pytest.fixture(scope="module")
def hostile_sites(hostile_project: Path) -> dict[str, Path]:
    """The hostile practices built online and offline, past `check`'s refusals: what reaches
    the pages is what the renderer and its sanitiser make of them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(validate, "check_text", _keep_warnings(validate.check_text))
        return {
            "http": build(hostile_project, hostile_project / "online"),
            "file": build(
                hostile_project, hostile_project / "offline", config_file="mkdocs-offline.yml"
            ),
        }


@pytest.fixture(params=["http", "file"])
def hostile_root(request, hostile_sites, serve) -> tuple[str, str]:
    """(base, root URL) of the hostile site."""
    if request.param == "http":
        return "http", serve(hostile_sites["http"])
    return "file", hostile_sites["file"].as_uri() + "/"


def open_hostile(watched, root: str) -> Trap:
    trap = open_trap(watched, root)
    trap.page.add_init_script(LISTEN)
    return trap


def everything_that_ran(trap: Trap) -> list[str]:
    """Script of the content in any frame, dialogs, script errors, requests off the site, and
    policy violations (the sanitiser should leave the policy nothing to block)."""
    found = trap.executed()
    for frame in trap.page.frames[1:]:
        try:
            pwned = frame.evaluate("window.__pwned")
        except Exception as error:  # noqa: BLE001  (a frame of another origin: report it)
            found.append(f"frame {frame.url}: {error}")
            continue
        if pwned is not None:
            found.append(f"frame {frame.url}: window.__pwned = {pwned!r}")
    return found + [f"beleid {v}" for v in trap.page.evaluate("window.__csp || []")]


def test_check_refuses_every_hostile_practice(hostile_project: Path) -> None:
    """The fixture is hostile: without the bypass, nothing of it would be built."""
    result = load_project(hostile_project)
    refused = {Path(p.path).stem for p in result.problems if p.is_error}
    assert refused == set(HOSTILE_PAGES)
    assert result.practices == []


@pytest.mark.parametrize("slug", HOSTILE_PAGES)
def test_hostile_practice_pages_run_and_send_nothing(hostile_root, watched, slug: str) -> None:
    base, root = hostile_root
    page = f"praktijken/{slug}/" if base == "http" else f"praktijken/{slug}.html"
    trap = open_hostile(watched, root)
    trap.page.goto(root + page)
    trap.page.wait_for_timeout(SETTLE_MS)
    assert trap.page.locator("h1").first.inner_text().startswith("Gent test ")
    leftovers = trap.page.evaluate(PROVOKE)
    trap.page.mouse.move(300, 400)
    trap.page.keyboard.press("Tab")
    trap.page.wait_for_timeout(1500)  # a meta refresh with delay 0 fires right after load
    assert leftovers == []
    assert trap.page.url == root + page
    assert everything_that_ran(trap) == []


def test_printed_fiches_of_hostile_practices_run_and_send_nothing(hostile_root, watched) -> None:
    """The catalogue puts the fiches (practice texts) into the page with insertAdjacentHTML."""
    base, root = hostile_root
    trap = open_hostile(watched, root)
    trap.page.goto(root + ("catalogus/" if base == "http" else "catalogus/index.html"))
    trap.page.wait_for_function(READY, timeout=10_000)
    assert trap.page.locator(".pk-results__list .pk-card").count() == len(HOSTILE_PAGES)
    trap.page.click(".pk-print")
    trap.page.wait_for_function("() => window.__printed === 1", timeout=10_000)
    fiches = trap.page.locator(".pk-fiches")
    assert re.search(r"Achtergrond van een andere host", fiches.inner_text())
    trap.page.wait_for_timeout(1500)
    assert everything_that_ran(trap) == []
