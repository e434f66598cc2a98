"""Quality gates in Chromium, for the online build (over HTTP) and the offline build (from
file://), on the pages a visitor meets first:

- accessibility: axe-core (npm package, node_modules/axe-core) finds no violation of any WCAG
  2.0/2.1 A or AA rule (its experimental ones too, such as label-content-name-mismatch) nor of
  its best-practice rules, on every kind of page;
- privacy: loading the page makes no request to another host (HTTP) or outside the site's
  folder (file://); such requests are blocked and counted, as if the network were unplugged;
- the SDG badges and tiles have text that passes 4.5:1 contrast on all 17 colours.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

import pytest
from conftest import REPO

from generator.reference import contrast, goals

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_TAGS = [*WCAG_TAGS, "best-practice"]
AA = 4.5

# (name, directory URL of the online site; the offline file is found from it): every kind of
# page the site has.
PAGES = [
    ("home", ""),
    ("catalogus", "catalogus/"),
    ("catalogus-gefilterd", "catalogus/?sdg=13&domein=mobiliteit"),
    ("sdg-index", "sdg/"),
    ("sdg-13", "sdg/13/"),
    ("matrix", "matrix/"),
    ("beleidsdomeinen", "beleidsdomeinen/"),
    ("beleidsdomein", "beleidsdomeinen/mobiliteit/"),
    ("gemeenten", "gemeenten/"),
    ("gemeente", "gemeenten/leuven/"),
    ("provincies", "provincies/"),
    ("provincie", "provincies/limburg/"),
    ("praktijk-met-afbeelding", "praktijken/leuven-schoolstraten-en-fietsstraten/"),
    ("formulier", "bijdragen/nieuwe-praktijk/"),
    ("over", "over/"),
    ("bijdragen", "bijdragen/"),
    ("bijdragen-velden", "bijdragen/velden/"),
    ("bijdragen-veiligheid", "bijdragen/veiligheid/"),
]
IDS = [name for name, _ in PAGES]
SETTLE_MS = 500  # after load: late requests (search worker, index) and scripts


# --- helpers ---------------------------------------------------------------------------------


def offline_file(site: Path, url: str) -> str:
    """The file of the offline build (use_directory_urls: false) for a directory URL."""
    path, _, query = url.partition("?")
    path = path.strip("/")
    if not path:
        name = "index.html"
    elif (site / path / "index.html").is_file():
        name = f"{path}/index.html"
    else:
        name = f"{path}.html"
    assert (site / name).is_file(), f"de offline build heeft geen {name} (voor {url or 'home'})"
    return name + (f"?{query}" if query else "")


def page_url(base: str, url: str, repo_site: Path, offline_site: Path) -> str:
    if base == "http":
        path = url.partition("?")[0]
        assert (repo_site / path / "index.html").is_file(), (
            f"de online build heeft geen {path}index.html"
        )
        return url
    return offline_file(offline_site, url)


@pytest.fixture
def site_root(request, repo_site, offline_site, serve):
    """(root URL, built folder) for the parametrised `base`."""
    if request.param == "http":
        return serve(repo_site), repo_site
    return offline_site.as_uri() + "/", offline_site


def open_blocked(watched, root: str, width: int = 1280):
    """A fresh page that records and blocks every request leaving `root` (no network)."""
    watch = watched(root, width)

    def route(r) -> None:
        if r.request.url.startswith(root):
            r.continue_()
        else:
            r.abort()

    watch.page.route(re.compile(r"^https?://"), route)
    return watch


def load(watch, url: str) -> None:
    page = watch.page
    page.goto(url, wait_until="load")
    if "catalogus/" in url:
        page.wait_for_function("() => window.PK_CATALOGUE_READY === true", timeout=15_000)
    # file:// pages may never report it; the settle time covers
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=5_000)
    page.wait_for_timeout(SETTLE_MS)


def run_axe(page) -> list[dict]:
    if not AXE.is_file():
        message = (
            f"{AXE.relative_to(REPO)} ontbreekt: installeer de npm-pakketten van het "
            "project met 'npm ci'"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # An inline <script> would be refused by the pages' Content-Security-Policy.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    # axe leaves its experimental rules out of a run by tag: those that test a WCAG A or AA
    # criterion (label-content-name-mismatch, p-as-heading, …) are switched on by name.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(
        """async ([options, wcag]) => {
             options.rules = {};
             axe.getRules().forEach(r => {
               if (r.tags.includes('experimental') && r.tags.some(t => wcag.includes(t))) {
                 options.rules[r.ruleId] = {enabled: true};
               }
             });
             const result = await axe.run(document, options);
             return result.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
               nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                         summary: n.failureSummary}))
             }));
           }""",
        [options, WCAG_TAGS],
    )


def summary(name: str, url: str, violations: list[dict]) -> str:
    lines = [f"axe-core vond {len(violations)} schending(en) op {name} ({url}):"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    target: {node['target']}")
            lines.append(f"      html: {node['html']}")
            first = (node["summary"] or "").strip().splitlines()
            lines.append(f"      {' | '.join(s.strip() for s in first[:3])}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … en {len(v['nodes']) - 8} andere elementen")
    return "\n".join(lines)


# --- the gates -------------------------------------------------------------------------------


@pytest.mark.parametrize("site_root", ["http", "file"], indirect=True)
@pytest.mark.parametrize("name, url", PAGES, ids=IDS)
def test_no_wcag_violations_and_no_request_leaves_the_site(
    site_root, watched, repo_site, offline_site, name, url
) -> None:
    root, _ = site_root
    base = "http" if root.startswith("http") else "file"
    target = root + page_url(base, url, repo_site, offline_site)
    watch = open_blocked(watched, root)
    load(watch, target)
    violations = run_axe(watch.page)
    problems = []
    if violations:
        problems.append(summary(name, target, violations))
    if watch.outside:
        problems.append(
            f"privacy: {len(watch.outside)} verzoek(en) buiten {root} vanaf {target}:\n"
            + "\n".join(f"  {u}" for u in sorted(set(watch.outside)))
        )
    if watch.errors:
        problems.append("scriptfouten:\n" + "\n".join(f"  {e}" for e in watch.errors))
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("site_root", ["http", "file"], indirect=True)
def test_catalogue_on_a_phone_with_open_filters_has_no_violations(
    site_root, watched, repo_site, offline_site
) -> None:
    """At 360 px, with the filters open and one ticked: the folded panel, the 'Toon N
    praktijken' bar and the chips (catalogus.js) as a phone shows them."""
    root, _ = site_root
    base = "http" if root.startswith("http") else "file"
    target = root + page_url(base, "catalogus/?sdg=13", repo_site, offline_site)
    watch = open_blocked(watched, root, width=360)
    load(watch, target)
    watch.page.click("details.pk-filters__toggle > summary")
    assert watch.page.locator(".pk-apply").is_visible()
    violations = run_axe(watch.page)
    assert not violations, summary("catalogus op 360 px", target, violations)
    assert watch.errors == []


def test_the_gate_runs_the_rules_it_names(repo_site, serve, watched) -> None:
    """An experimental WCAG rule (label-content-name-mismatch) and a best-practice one
    (empty-heading) do run: a page with both problems fails."""
    root = serve(repo_site)
    watch = open_blocked(watched, root)
    load(watch, root + "over/")
    watch.page.evaluate(
        """() => {
        const box = document.querySelector('.md-content .md-typeset');
        const button = document.createElement('button');
        button.textContent = 'Mens (People)';
        button.setAttribute('aria-label', 'Alle doelen kiezen');
        box.append(button, document.createElement('h2'));
    }"""
    )
    found = {v["id"] for v in run_axe(watch.page)}
    assert {"label-content-name-mismatch", "empty-heading"} <= found, found


def test_sdg_text_colours_pass_aa_in_the_reference_data() -> None:
    failing = {
        n: round(contrast(g.colour, g.text_colour), 2)
        for n, g in goals().items()
        if contrast(g.colour, g.text_colour) < AA
    }
    assert len(goals()) == 17
    assert failing == {}, f"SDG-kleuren onder {AA}:1 met hun tekstkleur: {failing}"


# Every element that carries an SDG colour (inline --sdg) and every element with text inside
# it: its text colour and the first opaque background behind it, as the browser computes them.
_COLOURS_JS = """
(selector) => {
  const opaque = (c) => c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c);
  const behind = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const bg = getComputedStyle(n).backgroundColor;
      if (opaque(bg)) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const out = [];
  document.querySelectorAll(selector).forEach((host) => {
    const nodes = [host, ...host.querySelectorAll('*')];
    nodes.forEach((el) => {
      const own = [...el.childNodes].some(t => t.nodeType === 3 && t.textContent.trim());
      const style = getComputedStyle(el);
      if (!own || style.visibility === 'hidden' || style.display === 'none') return;
      out.push({sdg: host.getAttribute('style'), text: el.textContent.trim().slice(0, 60),
                color: style.color, background: behind(el), opacity: style.opacity});
    });
  });
  return out;
}
"""


def _hex(css: str) -> tuple[str, float]:
    m = re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)", css.strip())
    if not m:
        raise AssertionError(f"onverwachte kleurwaarde {css!r}: kan het contrast niet berekenen")
    r, g, b = (int(m.group(i)) for i in (1, 2, 3))
    return f"#{r:02x}{g:02x}{b:02x}", float(m.group(4) or 1)


def _blend(front: str, alpha: float, back: str) -> str:
    f = [int(front[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(back[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(alpha * x + (1 - alpha) * y):02x}" for x, y in zip(f, b, strict=True)
    )


def _failures(samples: list[dict]) -> tuple[set[str], list[str]]:
    seen, failing = set(), []
    for s in samples:
        colour = re.search(r"--sdg:\s*(#[0-9A-Fa-f]{6})", s["sdg"] or "")
        if colour:
            seen.add(colour.group(1).upper())
        background, bg_alpha = _hex(s["background"])
        text, alpha = _hex(s["color"])
        if bg_alpha < 1:
            background = _blend(background, bg_alpha, "#ffffff")
        alpha *= float(s["opacity"] or 1)
        if alpha < 1:
            text = _blend(text, alpha, background)
        ratio = contrast(text, background)
        if ratio < AA:
            failing.append(f"{s['text']!r}: {text} op {background} = {ratio:.2f}:1 ({s['sdg']})")
    return seen, failing


@pytest.mark.parametrize("site_root", ["http", "file"], indirect=True)
def test_sdg_badges_and_tiles_pass_contrast_on_all_17_colours(
    site_root, watched, repo_site, offline_site
) -> None:
    """The 17 tiles of sdg/ as built, and the 17 badges as the generator writes them
    (components.sdg_badge: class pk-sdg with inline --sdg/--sdg-text) in a real page."""
    from generator.render.components import sdg_style

    root, _ = site_root
    base = "http" if root.startswith("http") else "file"
    watch = open_blocked(watched, root)
    load(watch, root + page_url(base, "sdg/", repo_site, offline_site))
    tiles = watch.page.evaluate(_COLOURS_JS, ".md-typeset [style*='--sdg:']")
    seen, failing = _failures(tiles)
    all_colours = {g.colour.upper() for g in goals().values()}
    assert seen == all_colours, f"kleuren zonder tegel op sdg/: {sorted(all_colours - seen)}"

    class _Vocab:  # sdg_style only needs vocab.goals
        goals = goals()

    badges = "".join(
        f'<a class="pk-sdg" href="#" {sdg_style(_Vocab, n)}>SDG {n} {g.name}</a> '
        for n, g in goals().items()
    )
    watch.page.evaluate(
        """(html) => {
        const box = document.createElement('p');
        box.id = 'pk-test-badges';
        box.innerHTML = html;
        document.querySelector('.md-content .md-typeset').appendChild(box);
    }""",
        badges,
    )
    badge_samples = watch.page.evaluate(_COLOURS_JS, "#pk-test-badges .pk-sdg")
    badge_seen, badge_failing = _failures(badge_samples)
    assert badge_seen == all_colours
    assert failing + badge_failing == [], "SDG-tekst onder 4.5:1:\n" + "\n".join(
        failing + badge_failing
    )


@pytest.mark.parametrize("site_root", ["http", "file"], indirect=True)
def test_catalogue_sdg_facets_pass_contrast(site_root, watched, repo_site, offline_site) -> None:
    """The catalogue's 17 coloured SDG filters, built by catalogus.js."""
    root, _ = site_root
    base = "http" if root.startswith("http") else "file"
    watch = open_blocked(watched, root)
    load(watch, root + page_url(base, "catalogus/", repo_site, offline_site))
    samples = watch.page.evaluate(_COLOURS_JS, "#pk-catalogue [style*='--sdg:']")
    seen, failing = _failures(samples)
    facet_colours = {g.colour.upper() for g in goals().values()}
    assert facet_colours <= seen, f"SDG-filters zonder kleur: {sorted(facet_colours - seen)}"
    assert failing == [], "SDG-tekst onder 4.5:1 in de catalogus:\n" + "\n".join(failing)


def test_axe_is_the_pinned_npm_package() -> None:
    """axe-core comes from the npm registry through package.json/package-lock.json (npm ci),
    never as a copy in the repository."""
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert "axe-core" in {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert "node_modules/axe-core" in lock.get("packages", {})
    copies = [
        p
        for folder in ("docs", "tests", "generator", "benchmarks")
        for p in (REPO / folder).rglob("axe*.js")
    ]
    assert copies == []
