"""Link gate: a crawl of the whole built site, online (directory URLs) and offline (file URLs,
opened from file://), finds no broken internal link, anchor, image, script or stylesheet.

Every .html file is parsed (html.parser); every internal href/src/srcset must resolve to a file
of the build, and a `#fragment` to an id in the target page. Offline, a link must name a file:
a link to a folder opens a directory listing from file://. External links are counted per host;
only the hosts the site is expected to name may appear (the project's own hosts and the hosts
the practices' `links:` and `contact.url` give), and no page may load anything (script, style,
image, font) from outside. The catalogue's data (links built by catalogus.js), the search index
(locations Material's search links to) and url(...) in the project's stylesheet are checked too.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO
from sitebuild import build

from generator.project import load_project

# Hosts the site itself names (footer, repository, licence, data credits, examples).
KNOWN_HOSTS = (
    "github.com",
    "github.io",
    "creativecommons.org",
    "statbel.fgov.be",
    "vvsg.be",
    "example.org",
    "example.com",
)
SKIPPED_SCHEMES = ("mailto:", "tel:", "data:", "blob:")
# Attributes that point somewhere, per tag; `srcset` is split below.
URL_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "area": ("href",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
}
# Resources the browser loads by itself (as opposed to links a visitor follows).
LOADED = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("use", "href"),
    ("use", "xlink:href"),
}
LINK_RELS_NOT_LOADED = {"canonical", "alternate", "prev", "next", "author", "license", "me"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, bool]] = []  # (tag, attr, value, loaded)

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        for attr in URL_ATTRS.get(tag, ()):
            value = a.get(attr)
            if value is None:
                continue
            loaded = (tag, attr) in LOADED
            if tag == "link":
                rels = set((a.get("rel") or "").lower().split())
                loaded = not (rels & LINK_RELS_NOT_LOADED)
            values = (
                [v.strip().split()[0] for v in value.split(",") if v.strip()]
                if attr == "srcset"
                else [value.strip()]
            )
            for v in values:
                self.refs.append((tag, attr, v, loaded))

    handle_startendtag = handle_starttag


@dataclass
class Crawl:
    pages: int = 0
    internal: int = 0
    anchors: int = 0
    external: Counter = field(default_factory=Counter)
    broken: list[str] = field(default_factory=list)

    def report(self) -> str:
        hosts = ", ".join(f"{h} ({n})" for h, n in sorted(self.external.items()))
        return (
            f"{self.pages} pagina's, {self.internal} interne verwijzingen, {self.anchors} "
            f"ankers; extern: {sum(self.external.values())} ({hosts})"
        )


_ids_cache: dict[Path, set[str]] = {}


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    _ids_cache[path] = parser.ids
    return parser


def _ids(path: Path) -> set[str]:
    if path not in _ids_cache:
        _parse(path)
    return _ids_cache[path]


def site_path() -> str:
    """The path of site_url ('/sdg-praktijkendatabank/'): MkDocs' 404 page links from there,
    because a server shows it at any depth."""
    match = re.search(
        r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE
    )
    return urlsplit(match.group(1)).path if match else "/"


def resolve(site: Path, page: Path, target: str, offline: bool) -> tuple[Path | None, str]:
    """The file a relative URL on `page` opens, or None with the reason."""
    path = unquote(urlsplit(target).path)
    base = page.parent.relative_to(site).as_posix()
    if (
        path.startswith("/")
        and page.name == "404.html"
        and page.parent == site
        and path.startswith(site_path())
    ):
        path, base, offline = path[len(site_path()) :] or "./", "", False
    elif path.startswith("/"):
        return None, "absoluut pad (breekt onder een submap en vanaf file://)"
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".." or joined.startswith("../"):
        return None, "wijst buiten de site"
    file = site / joined
    if path.endswith("/") or file.is_dir():
        if offline:
            return None, "wijst naar een map (vanaf file:// toont dat een mappenlijst)"
        file = file / "index.html"
    if not file.is_file():
        return None, "bestand bestaat niet"
    return file, ""


def allowed_hosts() -> set[str]:
    hosts = set(KNOWN_HOSTS)
    for p in load_project(REPO).practices:
        for address in [link.url for link in p.links] + (
            [p.contact.url] if p.contact and p.contact.url else []
        ):
            hosts.add(urlsplit(address).hostname or "")
    return hosts


def _host_allowed(host: str, hosts: set[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def crawl(site: Path, offline: bool, hosts: set[str]) -> Crawl:
    result = Crawl()
    _ids_cache.clear()
    for page in sorted(site.rglob("*.html")):
        result.pages += 1
        parser = _parse(page)
        where = page.relative_to(site).as_posix()
        for tag, attr, value, loaded in parser.refs:
            if not value or value.lower().startswith(SKIPPED_SCHEMES):
                continue
            if value.lower().startswith(("javascript:", "vbscript:")):
                result.broken.append(f"{where}: <{tag} {attr}={value!r}>: scriptlink")
                continue
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") or value.startswith("//"):
                host = parts.hostname or ""
                result.external[host] += 1
                if loaded:
                    result.broken.append(
                        f"{where}: <{tag} {attr}={value!r}>: laadt iets van buiten de site ({host})"
                    )
                elif not _host_allowed(host, hosts):
                    result.broken.append(
                        f"{where}: <{tag} {attr}={value!r}>: onverwachte externe host {host}"
                    )
                continue
            if parts.scheme:
                result.broken.append(f"{where}: <{tag} {attr}={value!r}>: onbekend schema")
                continue
            if value.startswith("#"):
                file = page
            else:
                result.internal += 1
                file, reason = resolve(site, page, value, offline)
                if file is None:
                    result.broken.append(f"{where}: <{tag} {attr}={value!r}>: {reason}")
                    continue
            fragment = unquote(parts.fragment)
            if fragment and file.suffix == ".html":
                result.anchors += 1
                if fragment not in _ids(file):
                    result.broken.append(
                        f"{where}: <{tag} {attr}={value!r}>: anker #{fragment} "
                        f"bestaat niet in {file.relative_to(site).as_posix()}"
                    )
    return result


def check_catalogue_data(site: Path, offline: bool) -> list[str]:
    """The links catalogus.js builds from the data's URL templates resolve for every item."""
    script = site / "catalogus" / "praktijken-data.js"
    text = script.read_text(encoding="utf-8").strip()
    data = json.loads(text[text.index("=") + 1 :].rstrip(";"))
    page = site / "catalogus" / "index.html"
    broken = []
    for name, template in data["urls"].items():
        keys = (
            [row[0] for row in data["items"]]
            if name == "praktijk"
            else [str(g[0]) for g in data["sdg"]]
        )
        for key in keys:
            target = template.replace("{}", key)
            file, reason = resolve(site, page, target, offline)
            if file is None:
                broken.append(f"catalogus/praktijken-data.js: {name} {target!r}: {reason}")
    return broken


def check_search_index(site: Path, offline: bool) -> tuple[int, list[str]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    root_page = site / "index.html"
    broken, count = [], 0
    for doc in index["docs"]:
        location = doc["location"] or "./"
        path, _, fragment = location.partition("#")
        file, reason = (root_page, "") if not path else resolve(site, root_page, path, offline)
        count += 1
        if file is None:
            broken.append(f"search_index.json: {location!r}: {reason}")
        elif fragment and unquote(fragment) not in _ids(file):
            broken.append(f"search_index.json: {location!r}: anker bestaat niet")
    return count, broken


def check_stylesheets(site: Path) -> list[str]:
    broken = []
    for css in sorted((site / "stylesheets").glob("*.css")):
        for ref in re.findall(
            r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css.read_text(encoding="utf-8")
        ):
            if ref.startswith(("data:", "#")):
                continue
            if re.match(r"^(https?:)?//", ref):
                broken.append(f"{css.relative_to(site)}: url({ref}) laadt van buiten de site")
                continue
            target = (css.parent / unquote(ref.split("?")[0].split("#")[0])).resolve()
            if not target.is_file():
                broken.append(f"{css.relative_to(site)}: url({ref}) bestaat niet")
    return broken


# --- builds ----------------------------------------------------------------------------------


def _repo_copy(root: Path) -> Path:
    for name in ("mkdocs.yml", "mkdocs-offline.yml", "docs", "practices"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    if (REPO / "node_modules").is_dir():  # the offline variant copies the worker shim from npm
        (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = _repo_copy(tmp_path_factory.mktemp("links-repo"))
    built = {"online": build(root, tmp_path_factory.mktemp("links-online") / "site")}
    if not (REPO / "node_modules").is_dir():
        message = "node_modules ontbreekt (npm ci): de offline build kan niet gemaakt worden"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        return built | {"offline": None}
    built["offline"] = build(
        root, tmp_path_factory.mktemp("links-offline") / "site", config_file="mkdocs-offline.yml"
    )
    return built


@pytest.fixture(scope="module")
def hosts() -> set[str]:
    return allowed_hosts()


VARIANTS = ["online", "offline", "bundel"]


def _site(request, sites, variant: str) -> Path:
    if variant == "bundel":  # the unzipped `python -m generator bundle` (tests/bundlefixtures.py)
        try:
            return request.getfixturevalue("full_bundle")
        except pytest.FixtureLookupError:
            pytest.skip("geen fixture full_bundle: de bundel wordt elders getest")
    if sites[variant] is None:
        pytest.skip("node_modules ontbreekt (npm ci): geen offline build")
    return sites[variant]


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_broken_internal_link_anchor_or_resource(request, sites, hosts, variant, capsys) -> None:
    site = _site(request, sites, variant)
    result = crawl(site, variant != "online", hosts)
    with capsys.disabled():
        print(f"\n[links {variant}] {result.report()}")
    assert result.pages > 150 and result.internal > 5000 and result.anchors > 100
    assert result.broken == [], (
        f"{len(result.broken)} kapotte verwijzingen ({variant}):\n" + "\n".join(result.broken[:60])
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_catalogue_and_search_links_resolve(request, sites, variant) -> None:
    site = _site(request, sites, variant)
    offline = variant != "online"
    _ids_cache.clear()
    count, broken = check_search_index(site, offline)
    assert count > 100
    broken += check_catalogue_data(site, offline) + check_stylesheets(site)
    assert broken == [], "\n".join(broken[:60])


def test_the_crawler_finds_what_is_broken(tmp_path: Path) -> None:
    """The crawler itself: a small hand-made site with one of each kind of breakage."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="er">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#er">ok</a> <a href="#top">mis</a> <span id="hier"></span>'
        '<a href="#hier">ok</a> <a href="b/">mis</a> <a href="a/#weg">mis</a> <a href="/a/">abs</a>'
        '<img src="logo.png"> <script src="https://cdn.example.net/x.js"></script>'
        '<a href="https://github.com/vvsg">ok</a> <a href="https://onbekend.example.net/">mis</a>'
        '<a href="javascript:alert(1)">mis</a> <a href="mailto:a@b.be">ok</a>',
        encoding="utf-8",
    )
    online = crawl(tmp_path, False, set(KNOWN_HOSTS))
    assert len(online.broken) == 8, online.broken
    assert online.external == Counter(
        {"github.com": 1, "cdn.example.net": 1, "onbekend.example.net": 1}
    )
    offline = crawl(tmp_path, True, set(KNOWN_HOSTS))
    folders = [b.split(":")[1].strip() for b in offline.broken if "wijst naar een map" in b]
    assert folders == ["<a href='a/'>", "<a href='a/#er'>", "<a href='b/'>", "<a href='a/#weg'>"]
