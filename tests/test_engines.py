"""The site on the engines after Material's end of life (docs/toekomst.md).

- ProperDocs: .ci/run runs the site tests a second time in .venv-properdocs with
  `PRAKTIJKEN_ENGINE=properdocs` and `-p properdocs.replacement` (ProperDocs' own module that
  makes every `mkdocs.*` import load `properdocs.*`). Here: the engine under test is the one
  named, and the `properdocs` command builds the repository's site with the same pages as
  MkDocs.
- Zensical: `python -m generator export` and then `zensical build --strict` of that folder, in
  its own virtualenv (.venv-zensical, made here with pip when it is missing; $ZENSICAL names
  another executable). Without it the tests are skipped with a loud message; with CI=true that
  is a failure when the registry has the package for this Python.
- The list of Material dependencies on docs/toekomst.md is complete (grep below).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import REPO
from test_links import allowed_hosts, check_catalogue_data, check_stylesheets, crawl, resolve

from generator.project import load_project

ENGINE = os.environ.get("PRAKTIJKEN_ENGINE", "mkdocs")
ZENSICAL_VENV = REPO / ".venv-zensical"
PAGE = REPO / "docs" / "toekomst.md"
# Both engines build with the same date: the figures and the freshness lines depend on it, and
# other tests may set SOURCE_DATE_EPOCH for the session (bundle fixtures).
EPOCH = "1763769600"  # 22 November 2025
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}


def _say(config: pytest.Config, line: str) -> None:
    """A line in pytest's output even when output is captured."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


def _repo_copy(root: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "practices"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return root


def _run(command: list[str], cwd: Path, timeout: int = 600) -> tuple[float, str]:
    """Run a command; return its wall time and output, or fail with that output."""
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout, check=False
    )
    seconds = time.perf_counter() - start
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{' '.join(command)} mislukte ({done.returncode}):\n{output}"
    return seconds, output


def _html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


# --- the engine under test -------------------------------------------------------------------


def test_the_engine_under_test_is_the_one_named(tmp_path: Path) -> None:
    """With PRAKTIJKEN_ENGINE=properdocs every `mkdocs` import is ProperDocs, so the site tests
    in the same run build with ProperDocs; otherwise they build with MkDocs itself."""
    import mkdocs
    from sitebuild import build, front, make_site

    assert ENGINE in ("mkdocs", "properdocs"), f"onbekende PRAKTIJKEN_ENGINE {ENGINE!r}"
    assert mkdocs.__name__ == ENGINE, (
        f"PRAKTIJKEN_ENGINE={ENGINE}, maar `import mkdocs` laadt {mkdocs.__name__}"
        + (" (start pytest met -p properdocs.replacement)" if ENGINE == "properdocs" else "")
    )
    make_site(tmp_path, {"gent.md": front("Gent doet mee", ["Gent"], [13], ["mobiliteit"])})
    page = (build(tmp_path) / "praktijken" / "gent" / "index.html").read_text("utf-8")
    generator = re.search(r'<meta name="generator" content="([^"]+)"', page).group(1)
    expected = "mkdocs-ProperDocs 1.6." if ENGINE == "properdocs" else "mkdocs-1.6."
    assert generator.startswith(expected) and "mkdocs-material-9." in generator, generator


# --- ProperDocs ------------------------------------------------------------------------------


def _properdocs() -> Path:
    executable = Path(sys.executable).parent / "properdocs"
    if not executable.exists():
        message = (
            "ProperDocs is niet geïnstalleerd in deze virtualenv: .ci/run test het in "
            ".venv-properdocs (pip install -e '.[test,properdocs]')"
        )
        if ENGINE == "properdocs":
            pytest.fail(message)
        pytest.skip(message)
    return executable


def test_properdocs_builds_the_repository_site_like_mkdocs(request, tmp_path: Path) -> None:
    """`properdocs build --strict -f mkdocs.yml` with the same mkdocs.yml and plugin gives the
    same files as `mkdocs build --strict`, apart from the generator tag in each page."""
    properdocs = _properdocs()
    if shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("MkDocs zelf staat niet naast ProperDocs: niets om mee te vergelijken")
    (tmp_path / "repo").mkdir()
    root = _repo_copy(tmp_path / "repo")
    proper_s, output = _run(
        [str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "p")], root
    )
    assert "praktijken, " in output and "gegenereerde pagina's" in output  # the plugin ran
    mkdocs_s, _ = _run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "m")], root
    )
    _say(
        request.config, f"\n[engines] bouwtijd MkDocs {mkdocs_s:.1f} s, ProperDocs {proper_s:.1f} s"
    )
    mkdocs_site, proper_site = tmp_path / "m", tmp_path / "p"
    files = {p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("*") if p.is_file()}
    assert files == {p.relative_to(proper_site) for p in proper_site.rglob("*") if p.is_file()}
    tag = re.compile(rb'<meta name="generator" content="[^"]*">')
    differing, tags = [], set()
    for file in sorted(files):
        a, b = (mkdocs_site / file).read_bytes(), (proper_site / file).read_bytes()
        if file.suffix == ".html":
            tags.update(tag.findall(b))
            a, b = tag.sub(b"", a), tag.sub(b"", b)
        if a != b and file.name not in ("sitemap.xml", "sitemap.xml.gz"):  # dated
            differing.append(str(file))
    assert differing == []
    assert [t.decode() for t in tags] == [
        f'<meta name="generator" content="mkdocs-ProperDocs {_version(properdocs)}, '
        f'mkdocs-material-{_material_version()}">'
    ]


def _version(properdocs: Path) -> str:
    out = subprocess.run([str(properdocs), "--version"], capture_output=True, text=True).stdout
    return re.search(r"version (\S+)", out).group(1)


def _material_version() -> str:
    from importlib.metadata import version

    return version("mkdocs-material")


# --- Zensical through the export -------------------------------------------------------------

_ZENSICAL: dict[str, object] = {}


def _pip_tail(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in (done.stdout + done.stderr).splitlines() if "Location" not in line]
    return "\n".join(lines[-4:])


def zensical_executable(config: pytest.Config) -> Path:
    """Zensical's command: $ZENSICAL, or .venv-zensical (made with pip when missing)."""
    if "exe" in _ZENSICAL:
        return _ZENSICAL["exe"]
    if os.environ.get("ZENSICAL"):
        exe = Path(os.environ["ZENSICAL"])
        if not exe.is_file():
            pytest.fail(f"ZENSICAL={exe} bestaat niet")
    else:
        exe = ZENSICAL_VENV / "bin" / "zensical"
        if not exe.is_file():
            _say(
                config,
                f"\n[engines] Zensical installeren in {ZENSICAL_VENV} (pip install zensical)",
            )
            if not (ZENSICAL_VENV / "bin" / "pip").is_file():
                subprocess.run([sys.executable, "-m", "venv", str(ZENSICAL_VENV)], check=True)
            pip = [str(ZENSICAL_VENV / "bin" / "pip"), "install", "-q"]
            done = subprocess.run([*pip, "zensical"], capture_output=True, text=True, check=False)
            if done.returncode != 0 or not exe.is_file():
                _refuse_zensical(config, _pip_tail(done))
    _ZENSICAL["exe"] = exe
    return exe


def _refuse_zensical(config: pytest.Config, why: str) -> None:
    message = f"ZENSICAL-TESTS NIET UITGEVOERD: pip install zensical mislukte:\n{why}"
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            [str(ZENSICAL_VENV / "bin" / "pip"), "download", "--no-deps", "-d", folder, "zensical"],
            capture_output=True,
            text=True,
            check=False,
        )
    exists = probe.returncode == 0
    _say(config, "\n" + "!" * 78 + "\n" + message + "\n" + "!" * 78)
    if exists and os.environ.get("CI") == "true":
        pytest.fail(message + "\nHet pakket bestaat voor deze Python: in CI is dat een fout.")
    pytest.skip(message)


def zensical_site(config: pytest.Config, base: Path) -> dict[str, object]:
    """Export the repository's site to base/docs and build it with Zensical (once a session):
    {'site', 'docs', 'version', 'export_s', 'build_s'}."""
    if "site" in _ZENSICAL:
        return _ZENSICAL
    exe = zensical_executable(config)
    work = base / "zensical"
    work.mkdir()
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    export = [
        *[sys.executable, "-m", "generator", "--project", str(REPO), "export"],
        *["--motor", "zensical"],  # links in HTML blocks as Zensical reads them
    ]
    export_s, _ = _run([*export, "--out", str(work / "docs")], REPO)
    build_s, output = _run([str(exe), "build", "--strict"], work)
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout
    _ZENSICAL.update(
        site=work / "site",
        docs=work / "docs",
        version=version.strip(),
        export_s=export_s,
        build_s=build_s,
    )
    _say(
        config,
        f"\n[engines] Zensical {version.strip()}: export {export_s:.1f} s, "
        f"zensical build --strict {build_s:.1f} s",
    )
    return _ZENSICAL


@pytest.fixture(scope="module")
def zensical(request, tmp_path_factory) -> dict[str, object]:
    return zensical_site(request.config, tmp_path_factory.mktemp("engines"))


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory) -> Path:
    """The repository's site built with MkDocs in this process, to compare with."""
    from sitebuild import build

    root = _repo_copy(tmp_path_factory.mktemp("engines-repo"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return build(root, tmp_path_factory.mktemp("engines-mkdocs") / "site")


def test_the_export_refuses_a_practice_with_an_error(tmp_path: Path, capsys) -> None:
    """Like the plugin's gate: with an error in a practice `export` writes nothing."""
    from sitebuild import front, make_site

    from generator.cli import main

    make_site(tmp_path, {"fout.md": front("Gend doet mee", ["Gend"], [13], ["mobiliteit"])})
    out = tmp_path / "export"
    assert main(["--project", str(tmp_path), "export", "--out", str(out)]) == 1
    assert "'Gend' is geen Vlaamse gemeente" in capsys.readouterr().err
    assert not out.exists()


def test_zensical_builds_every_page_of_the_export(zensical) -> None:
    site, docs = zensical["site"], zensical["docs"]
    sources = [
        p.relative_to(docs).with_suffix("").as_posix()
        for p in docs.rglob("*.md")
        if not p.relative_to(docs).as_posix().startswith("overrides/")
    ]
    assert len(sources) > 150
    missing = []
    for source in sources:
        url = source[: -len("index")] if source.endswith("index") else source + "/"
        if not (site / url / "index.html").is_file():
            missing.append(source)
    assert missing == []
    practices = load_project(REPO).practices
    for p in practices:
        page = (site / "praktijken" / p.id / "index.html").read_text("utf-8")
        assert html.escape(p.titel, quote=False) in page, p.id
    for name in ("catalogus/praktijken-data.js", "bijdragen/formulier-data.js", "search.json"):
        assert (site / name).is_file(), name
    assert (site / "sitemap.xml").is_file() and not (site / "sitemap.xml.gz").exists()


def test_zensical_builds_the_same_pages_as_mkdocs(zensical, mkdocs_site) -> None:
    """Every page of the MkDocs build, and no other, with the same text in its article (the
    tags row aside, which Zensical puts at the end; whitespace aside)."""
    site = zensical["site"]
    assert _html_pages(site) == _html_pages(mkdocs_site)
    differing = [
        page
        for page in sorted(_html_pages(site))
        if _article_text(site / page) != _article_text(mkdocs_site / page)
    ]
    # Known differences: the headings of the tags listing get no permalink (¶) on Zensical, and
    # its 404 page places our Dutch text (docs/overrides/404.html) outside an <article>.
    assert differing == ["404.html", "trefwoorden/index.html"]
    for built in (site, mkdocs_site):
        assert "Pagina niet gevonden" in (built / "404.html").read_text("utf-8")
    ours, theirs = (_article_text(s / differing[1]) for s in (site, mkdocs_site))
    assert theirs.count("¶") - ours.count("¶") > 20
    assert ours.replace("¶", "") == theirs.replace("¶", "")


def _article_text(page: Path) -> str:
    text = page.read_text("utf-8")
    match = re.search(r"<article\b.*?</article>", text, re.DOTALL)
    if not match:
        return ""
    article = re.sub(r'<nav class="md-tags".*?</nav>', "", match.group(0), flags=re.DOTALL)
    article = re.sub(r"<(script|style)\b.*?</\1>", "", article, flags=re.DOTALL)
    article = re.sub(r'<a href="[^"]*" title="Wijzig deze pagina".*?</a>', "", article, flags=re.S)
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", article)).split())


def test_zensical_links_resolve(zensical) -> None:
    """The link gate of tests/test_links.py over Zensical's output: internal links, anchors,
    images, scripts and stylesheets resolve; nothing is loaded from outside the site."""
    site = zensical["site"]
    result = crawl(site, False, allowed_hosts())
    assert result.pages > 150 and result.internal > 5000 and result.anchors > 100
    assert result.broken == [], "\n".join(result.broken[:60])
    assert check_catalogue_data(site, False) == [] and check_stylesheets(site) == []


def test_zensical_form_scripts_resolve(zensical) -> None:
    """With `export --motor zensical` the form's scripts load on Zensical too."""
    page = zensical["site"] / "bijdragen" / "nieuwe-praktijk" / "index.html"
    sources = re.findall(r'<script src="([^"]+)"', page.read_text("utf-8"))
    wanted = [s for s in sources if "formulier" in s]
    assert len(wanted) == 2
    assert all(resolve(zensical["site"], page, s, False)[0] for s in wanted), wanted


def test_zensical_search_indexes_the_same_pages_as_mkdocs(zensical, mkdocs_site) -> None:
    """search.json (Zensical) and search/search_index.json (Material) index the same pages:
    `search: exclude` in the front matter works on both."""
    import json

    def pages(items: list[dict]) -> set[str]:
        return {item["location"].split("#")[0] for item in items}

    ours = pages(json.loads((zensical["site"] / "search.json").read_text("utf-8"))["items"])
    index = mkdocs_site / "search" / "search_index.json"
    theirs = pages(json.loads(index.read_text("utf-8"))["docs"])
    assert ours == theirs and len(ours) > 60
    assert "sdg/13/" not in ours  # an index page: excluded from search


def test_zensical_lists_the_keywords_like_material(zensical, mkdocs_site) -> None:
    """The tags listing on trefwoorden/ has every keyword of every practice, as with MkDocs."""

    def anchors(site: Path) -> set[str]:
        page = (site / "trefwoorden" / "index.html").read_text("utf-8")
        return set(re.findall(r'id="(tag:[^"]+)"', page))

    keywords = {k for p in load_project(REPO).practices for k in p.trefwoorden}
    assert len(anchors(zensical["site"])) == len(keywords) > 20
    assert anchors(zensical["site"]) == anchors(mkdocs_site)


def test_zensical_gap_edit_button_of_a_practice_points_into_the_export(
    zensical, mkdocs_site
) -> None:
    """A known gap: the export cannot carry the plugin's edit path, so on Zensical the edit
    button of a generated page names docs/praktijken/<id>.md, which is not in the repository."""
    practice = load_project(REPO).practices[0].id
    edit = "https://github.com/vvsg/sdg-praktijkendatabank/edit/main/"

    def edit_link(site: Path) -> str:
        page = (site / "praktijken" / practice / "index.html").read_text("utf-8")
        return re.search(r'<a href="([^"]+)" title="Wijzig deze pagina"', page).group(1)

    assert edit_link(mkdocs_site) == f"{edit}practices/{practice}.md"
    assert edit_link(zensical["site"]) == f"{edit}docs/praktijken/{practice}.md"


def test_zensical_without_the_export_makes_no_practice_pages(request, zensical, tmp_path) -> None:
    """Zensical reads mkdocs.yml but runs no MkDocs plugin: on the repository itself it builds
    the hand-written pages only, so the export is needed."""
    root = _repo_copy(tmp_path)
    _run([str(zensical_executable(request.config)), "build"], root)
    assert (root / "site" / "over" / "index.html").is_file()
    assert not (root / "site" / "praktijken").exists()
    home = (root / "site" / "index.html").read_text("utf-8")
    assert "<!-- praktijken:sdg-tegels -->" in home or "pk-tile" not in home


# --- Material dependencies (the list on docs/toekomst.md) ------------------------------------

MD_TOKEN = re.compile(r"(?<![\w-])(?:--)?md-[a-z0-9][a-z0-9_-]*|data-md-[a-z-]+")


def _scanned() -> list[Path]:
    docs = REPO / "docs"
    files = list((REPO / "generator").rglob("*.py"))
    files += list((docs / "stylesheets").glob("*.css")) + list((docs / "javascripts").glob("*.js"))
    files += [p for p in (docs / "overrides").rglob("*") if p.is_file()]
    files += [p for p in docs.rglob("*.md") if p != PAGE and "overrides" not in p.parts]
    return files


def _listed(section: str) -> str:
    text = PAGE.read_text("utf-8")
    start = text.index(section)
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_every_material_class_the_site_uses_is_listed() -> None:
    """Every Material class, CSS variable and data attribute in generator/ and docs/ is on
    docs/toekomst.md, and every one listed there is still used."""
    used = {m for path in _scanned() for m in MD_TOKEN.findall(path.read_text("utf-8"))}
    listed = set(
        re.findall(
            r"`((?:--)?md-[a-z0-9][a-z0-9_-]*|data-md-[a-z-]+)`",
            _listed("## Afhankelijkheden van Material"),
        )
    )
    assert len(used) > 40
    assert sorted(used - listed) == [], "niet in docs/toekomst.md"
    assert sorted(listed - used) == [], "staat in docs/toekomst.md maar wordt niet meer gebruikt"


def test_every_other_material_feature_the_site_uses_is_listed() -> None:
    """Overrides, admonition kinds, Material's plugins and theme features in mkdocs.yml and
    mkdocs-offline.yml, and the JavaScript hooks (none) are on the page."""
    section = _listed("## Afhankelijkheden van Material")
    overrides = [
        p.relative_to(REPO).as_posix() for p in (REPO / "docs" / "overrides").rglob("*.html")
    ]
    admonitions = {
        kind for path in _scanned() for kind in re.findall(r"!!! (\w+)", path.read_text("utf-8"))
    }
    configs = (REPO / "mkdocs.yml").read_text("utf-8") + (REPO / "mkdocs-offline.yml").read_text(
        "utf-8"
    )
    plugins = set(re.findall(r"^  - (search|tags|offline|privacy|blog|social)\b", configs, re.M))
    features = set(re.findall(r"^    - ([a-z]+\.[a-z.]+)$", configs, re.M))
    for item in [*overrides, *sorted(plugins), *sorted(features)]:
        assert f"`{item}`" in section, item
    for kind in admonitions:
        assert f"`!!! {kind}`" in section, kind
    assert plugins == {"search", "tags", "offline"} and len(features) >= 5 and admonitions
    hooks = re.compile(r"\b(?:document|location|target|keyboard|component|viewport)\$|__md_")
    users = [p.name for p in _scanned() if p.suffix == ".js" and hooks.search(p.read_text("utf-8"))]
    assert users == []  # the page says: no Material JavaScript hook is used


def test_zensical_has_every_material_class_the_site_uses(zensical) -> None:
    """Zensical's theme still has each class, CSS variable and data attribute of the list: the
    stylesheet and the overrides work there unchanged."""
    site = zensical["site"]
    found = "".join(
        p.read_text("utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".js", ".css") and p.is_file()
    )
    listed = re.findall(
        r"`((?:--)?md-[a-z0-9][a-z0-9_-]*|data-md-[a-z-]+)`",
        _listed("## Afhankelijkheden van Material"),
    )
    assert len(listed) > 40
    assert [name for name in listed if name not in found] == []


def test_zensical_puts_the_keywords_of_a_practice_at_the_end(zensical, mkdocs_site) -> None:
    practice = load_project(REPO).practices[0].id

    def before_title(site: Path) -> bool:
        page = (site / "praktijken" / practice / "index.html").read_text("utf-8")
        return page.index('class="md-tags"') < page.index("<h1")

    assert before_title(mkdocs_site) and not before_title(zensical["site"])


def test_zensical_links_are_written_from_the_markdown_files_folder() -> None:
    """Zensical reads a relative link in HTML from the Markdown file's folder, MkDocs from the
    page's URL: `export --motor zensical` rewrites the generator's HTML links for it."""
    from generator.export import source_relative

    page = '<a class="pk-card" href="../../sdg/12/">x</a> <a href="https://e.org/">y</a>'
    assert source_relative(page, "beleidsdomeinen/afval.md") == (
        '<a class="pk-card" href="../sdg/12/">x</a> <a href="https://e.org/">y</a>'
    )
    assert source_relative(page, "sdg/index.md") == page
