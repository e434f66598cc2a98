"""`python -m generator verouderd` and the freshness line on practice pages (issue #19)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import VALID_FRONT, ProjectDir

from generator import load_project, stale
from generator.cli import main
from generator.render import freshness
from generator.taxonomy import build_site

CONTACT = "contact:\n  dienst: Dienst Duurzaamheid\n  email: duurzaam@gemeente.example.org\n"


def front(title: str, bijgewerkt: str | None = None, jaar: int = 2023, contact: bool = True):
    text = VALID_FRONT.replace("Fair-O-Meter meet de fairtrade-aankopen", title)
    text = text.replace("jaar: 2023", f"jaar: {jaar}")
    if contact:
        text += CONTACT
    if bijgewerkt:
        text += f"bijgewerkt: {bijgewerkt}\n"
    return text


@pytest.fixture
def collection(project: ProjectDir) -> ProjectDir:
    project.add("oud.md", front("Een oude praktijk", "2022-03-01"))
    project.add("net-niet.md", front("Net niet oud genoeg", "2023-06-02"))
    project.add("precies.md", front("Precies twee jaar en een dag", "2023-05-31"))
    project.add("nieuw.md", front("Een nieuwe praktijk", "2025-05-01"))
    project.add("zonder-datum.md", front("Zonder datum", None, jaar=2022, contact=False))
    project.add("recent-zonder.md", front("Recent zonder datum", None, jaar=2025))
    return project


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_listing_oldest_first_with_the_start_year_when_there_is_no_date(collection):
    practices = load_project(collection.root).practices
    found = stale.stale_practices(practices, dt.date(2025, 6, 1), site_url="https://x.org/db/")
    assert [s.practice.id for s in found] == ["zonder-datum", "oud", "precies"]
    no_date, old, edge = found
    assert (no_date.since, no_date.dated) == (dt.date(2022, 1, 1), False)
    assert (old.since, old.dated, old.age) == (dt.date(2022, 3, 1), True, "3 jaar en 3 maanden")
    assert edge.age_days == (dt.date(2025, 6, 1) - dt.date(2023, 5, 31)).days
    assert old.url == "https://x.org/db/praktijken/oud/"
    assert old.contact == "Dienst Duurzaamheid, duurzaam@gemeente.example.org"
    assert no_date.contact == ""


def test_the_age_is_configurable(collection):
    practices = load_project(collection.root).practices
    reference = dt.date(2025, 6, 1)
    three = [s.practice.id for s in stale.stale_practices(practices, reference, 3)]
    assert three == ["zonder-datum", "oud"]
    one = [s.practice.id for s in stale.stale_practices(practices, reference, 1)]
    assert one == ["zonder-datum", "oud", "precies", "net-niet"]


def test_years_before_and_age_in_dutch():
    assert stale.years_before(dt.date(2024, 2, 29), 2) == dt.date(2022, 2, 28)
    assert stale.age_nl(dt.date(2023, 5, 31), dt.date(2025, 6, 1)) == "2 jaar"
    assert stale.age_nl(dt.date(2025, 1, 15), dt.date(2025, 3, 14)) == "1 maand"
    assert stale.age_nl(dt.date(2022, 1, 1), dt.date(2025, 6, 1)) == "3 jaar en 5 maanden"


def test_text_output(collection, capsys):
    code, out, err = run(
        capsys, "--project", str(collection.root), "verouderd", "--datum", "2025-06-01"
    )
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == (
        "practices/zonder-datum.md: Zonder datum — geen datum van bijwerking; gestart in 2022 "
        "(3 jaar en 5 maanden geleden) — geen contact"
    )
    assert lines[1].startswith("practices/oud.md: Een oude praktijk — laatst bijgewerkt op 1 maart")
    assert "contact: Dienst Duurzaamheid, duurzaam@gemeente.example.org" in lines[1]
    assert lines[-1] == (
        "3 van 6 praktijken zijn meer dan 2 jaar niet bijgewerkt (peildatum 1 juni 2025)."
    )


def test_json_output(collection, capsys):
    code, out, _ = run(
        capsys, "--project", str(collection.root), "verouderd", "--format", "json",
        "--datum", "2025-06-01", "--jaren", "3",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    head = (data["peildatum"], data["jaren"], data["aantal"], data["praktijken_totaal"])
    assert head == ("2025-06-01", 3, 2, 6)
    no_date, item = data["praktijken"]
    assert (no_date["id"], no_date["bijgewerkt"], no_date["sinds"]) == (
        "zonder-datum",
        None,
        "2022-01-01",
    )
    assert no_date["contact"] is None
    assert item == {
        "id": "oud",
        "titel": "Een oude praktijk",
        "bestand": "practices/oud.md",
        "bijgewerkt": "2022-03-01",
        "startjaar": 2023,
        "sinds": "2022-03-01",
        "leeftijd_dagen": (dt.date(2025, 6, 1) - dt.date(2022, 3, 1)).days,
        "leeftijd": "3 jaar en 3 maanden",
        "contact": {"dienst": "Dienst Duurzaamheid", "email": "duurzaam@gemeente.example.org"},
        "url": None,  # the test project has no mkdocs.yml with a site_url
    }


def test_github_output_notices_on_the_files(collection, capsys):
    code, out, _ = run(
        capsys, "--project", str(collection.root), "verouderd", "--format", "github",
        "--datum", "2025-06-01",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == (
        "::notice file=practices/oud.md,line=1,title=verouderd::laatst bijgewerkt op 1 maart 2022 "
        "(3 jaar en 3 maanden geleden) — klopt dit nog? Contact: Dienst Duurzaamheid, "
        "duurzaam@gemeente.example.org."
    )
    assert len(lines) == 4 and lines[-1].startswith("3 van 6 praktijken")


def test_nothing_old_still_exits_zero(collection, capsys):
    code, out, _ = run(
        capsys, "--project", str(collection.root), "verouderd", "--datum", "2024-01-01"
    )
    assert code == 0
    assert (
        out
        == "0 van 6 praktijken zijn meer dan 2 jaar niet bijgewerkt (peildatum 1 januari 2024).\n"
    )


def test_the_reference_date_is_source_date_epoch_else_today(collection, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 6, 1, 12).timestamp())))
    _, out, _ = run(capsys, "--project", str(collection.root), "verouderd")
    assert out.splitlines()[-1].endswith("(peildatum 1 juni 2025).")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert stale.command_date({}) == (dt.date.today(), "vandaag")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jaren", "0"], "argument --jaren: '0' is geen geheel aantal jaren van 1 of meer"),
        (["--jaren", "twee"], "argument --jaren: 'twee' is geen geheel aantal jaren"),
        (["--datum", "1-6-2025"], "argument --datum: '1-6-2025' is geen datum"),
        (["--format", "xml"], "argument --format: ongeldige keuze: 'xml'"),
    ],
)
def test_bad_arguments_are_refused_in_dutch(collection, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(collection.root), "verouderd", *args])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["verouderd", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: python -m generator verouderd")
    assert "ouder dan zoveel jaar (standaard 2)" in out
    assert "code 0" in out


# --- the practice page -------------------------------------------------------------------------


def site_of(project: ProjectDir):
    loaded = load_project(project.root)
    return build_site(loaded.practices, loaded.vocab)


def test_the_page_compares_with_the_newest_update_not_the_clock(collection, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = site_of(collection)
    assert freshness.page_reference_date(site) == dt.date(2025, 5, 1)  # newest bijgewerkt
    by_id = {p.id: p for p in site.practices}
    old = freshness.practice_freshness(site, by_id["oud"])
    assert "Laatst bijgewerkt op 1 maart 2022 — klopt dit nog?" in old
    assert 'class="pk-fresh pk-noprint pk-fresh--stale"' in old
    no_date = freshness.practice_freshness(site, by_id["zonder-datum"])
    assert "Gestart in 2022 — klopt dit nog?" in no_date
    fresh = freshness.practice_freshness(site, by_id["precies"])  # 2 years on 2025-05-31
    assert "klopt dit nog" not in fresh
    assert (
        '<a class="pk-fresh__edit" href="../../bijdragen/nieuwe-praktijk/?wijzig=precies">' in fresh
    )


def test_source_date_epoch_and_a_bundle_date_set_the_page_date(collection, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2030, 1, 1, 12).timestamp())))
    site = site_of(collection)
    assert freshness.page_reference_date(site) == dt.date(2030, 1, 1)
    nieuw = next(p for p in site.practices if p.id == "nieuw")
    assert "klopt dit nog" in freshness.practice_freshness(site, nieuw)
    early = freshness.practice_freshness(site, nieuw, made=dt.date(2025, 6, 1))
    assert "klopt dit nog" not in early


def test_the_edit_link_without_directory_urls():
    assert freshness.edit_href("gent-x", directory_urls=False) == (
        "../bijdragen/nieuwe-praktijk.html?wijzig=gent-x"
    )
