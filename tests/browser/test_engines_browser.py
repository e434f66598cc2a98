"""The Zensical build of the export in Chromium (docs/toekomst.md): the catalogue works, pages
load nothing from outside the site, and the form's known gap."""

from __future__ import annotations

import pytest
from conftest import REPO
from test_engines import zensical_site

from generator import load_project


@pytest.fixture(scope="module")
def zensical_url(request, tmp_path_factory, serve) -> str:
    built = zensical_site(request.config, tmp_path_factory.mktemp("engines-browser"))
    return serve(built["site"])


def test_the_catalogue_shows_every_practice_on_zensical(zensical_url, watched) -> None:
    watch = watched(zensical_url)
    watch.page.goto(zensical_url + "catalogus/")
    watch.page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    total = int(watch.page.get_attribute("#pk-catalogue", "data-results"))
    assert total == len(load_project(REPO).practices)
    watch.page.goto(zensical_url + "catalogus/?sdg=13")
    watch.page.wait_for_function("() => window.PK_CATALOGUE_READY === true")
    assert 0 < int(watch.page.get_attribute("#pk-catalogue", "data-results")) < total
    assert watch.outside == [] and watch.errors == []


def test_pages_load_nothing_from_outside_on_zensical(zensical_url, watched) -> None:
    practice = load_project(REPO).practices[0].id
    for url in ("", f"praktijken/{practice}/", "sdg/13/", "trefwoorden/"):
        watch = watched(zensical_url)
        watch.page.goto(zensical_url + url, wait_until="networkidle")
        assert watch.page.locator("h1").count() == 1, url
        assert watch.outside == [] and watch.errors == [], url


def test_the_form_is_built_on_zensical(zensical_url, watched) -> None:
    watch = watched(zensical_url)
    watch.page.goto(zensical_url + "bijdragen/nieuwe-praktijk/")
    watch.page.wait_for_function("() => window.PK_FORM_READY === true", timeout=5000)
