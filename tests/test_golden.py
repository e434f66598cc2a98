"""Golden files: a few rendered pages and data files of a small fixed project, byte for byte.

The core renders (no MkDocs) a project of three practices written below, validated with a fixed
`today`: nothing comes from the repository's practices/ (only its lists in practices/_lijsten).
Each output is compared with its file in tests/golden/.

After an intended change to the rendering, rewrite the golden files and read the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py -q
    git diff tests/golden/

A rewrite run still fails (so it is never mistaken for a passing run); run again without
UPDATE_GOLDEN to check.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import VALID_BODY, ProjectDir, practice_text

from generator.project import load_project
from generator.render import SiteOptions, catalogue, render_site
from generator.taxonomy import build_site

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
TODAY = dt.date(2025, 11, 22)
OPTIONS = SiteOptions(
    site_url="https://vvsg.github.io/sdg-praktijkendatabank/",
    repo_url="https://github.com/vvsg/sdg-praktijkendatabank",
)

MAIN_FRONT = """\
titel: Schoolstraten rond elke basisschool
gemeenten:
  - Gent
sdgs: [11, 13]
subdoelen: ["11.2"]
beleidsdomeinen:
  - mobiliteit
  - onderwijs-en-kinderopvang
lmb-categorie: sensibilisering-en-educatie
principes:
  - participatie
status: lopend
jaar: 2022
samenvatting: >-
  Bij de schoolpoort mogen tijdens het begin en einde van de schooldag geen auto's rijden.
partners:
  - Ouderraden
  - Politiezone Gent
contact:
  dienst: Dienst Mobiliteit
  email: mobiliteit@gent.example.org
  url: https://gent.example.org/schoolstraten
links:
  - titel: Handleiding schoolstraten
    url: https://www.vvsg.be
trefwoorden: [schoolstraat, verkeersveiligheid]
bron: Mobiliteitsplan 2022
bijgewerkt: 2025-09-15
"""

MAIN_BODY = """\
## Aanleiding

Ouders vroegen om een <b>veiligere</b> schoolomgeving.

## Aanpak

- een hek op elke schoolstraat
- vrijwilligers van de ouderraad
- een jaarlijkse evaluatie

### Scholen & straten

| jaar | scholen |
|------|--------:|
| 2022 | 4 |
| 2024 | 11 |

## Resultaten

Minder auto's aan de poort. Lochristi deed het ook: zie [Veilige schoolroutes](other.md).
"""

OTHER_FRONT = """\
titel: Veilige schoolroutes
gemeenten:
  - Lochristi
sdgs: [11]
beleidsdomeinen:
  - mobiliteit
status: gepland
jaar: 2026
samenvatting: Een netwerk van veilige fiets- en wandelroutes naar de scholen van de gemeente.
"""

THIRD_FRONT = """\
titel: Zonnepanelen, batterijen en "slimme" meters
gemeenten:
  - Hasselt
  - Genk
sdgs: [7, 13]
beleidsdomeinen:
  - klimaat-en-energie
status: afgerond
jaar: 2020
samenvatting: "-40% energie: de sporthal levert nu zelf stroom aan de buurt."
partnerlanden: [ZA]
voorbeeld: true
"""

PRACTICES = {
    "gent-schoolstraten.md": practice_text(MAIN_FRONT, MAIN_BODY),
    "other.md": practice_text(OTHER_FRONT, VALID_BODY),
    "hasselt-zonnepanelen.md": practice_text(THIRD_FRONT, VALID_BODY),
}

# golden file → what was rendered under that source path
OUTPUTS = {
    "practice-gent-schoolstraten.md": "praktijken/gent-schoolstraten.md",
    "sdg-13.md": "sdg/13.md",
    "gemeente-gent.md": "gemeenten/gent.md",
    "praktijken-data.js": catalogue.DATA_SCRIPT,
    "praktijken.csv": catalogue.OPEN_CSV,
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    project = ProjectDir(tmp_path_factory.mktemp("golden"))
    for name, text in PRACTICES.items():
        project.write(name, text)
    loaded = load_project(project.root, today=TODAY)
    assert [str(p) for p in loaded.problems] == []
    pages, assets = render_site(build_site(loaded.practices, loaded.vocab), OPTIONS)
    found: dict[str, str] = {page.src: page.content for page in pages}
    found.update((a.src, a.content) for a in assets if isinstance(a.content, str))
    return found


@pytest.mark.parametrize("golden", sorted(OUTPUTS))
def test_rendered_output_matches_its_golden_file(rendered: dict[str, str], golden: str) -> None:
    path = GOLDEN / golden
    actual = rendered[OUTPUTS[golden]].encode("utf-8")
    if UPDATE:
        path.write_bytes(actual)
        pytest.fail(f"{path.name} rewritten; run again without UPDATE_GOLDEN")
    assert path.is_file(), f"{path} is missing: make it with UPDATE_GOLDEN=1"
    # Bytes first (line endings, encoding), then as text for a readable diff.
    if actual != path.read_bytes():
        assert actual.decode("utf-8") == path.read_bytes().decode("utf-8", "replace")
        pytest.fail(f"{path.name} differs in bytes only (line endings?)")


def test_the_practice_page_shows_its_text_as_a_reader_should_see_it(
    rendered: dict[str, str],
) -> None:
    """What the golden practice page must show, checked apart from the golden file so that an
    UPDATE_GOLDEN run cannot quietly accept a page without it."""
    page = rendered[OUTPUTS["practice-gent-schoolstraten.md"]]
    body = page.split('<div class="pk-body">\n', 1)[1].split("\n</div>\n", 1)[0]
    assert '<h2 id="aanpak">Aanpak<a class="headerlink" href="#aanpak"' in body
    assert '<h3 id="scholen-straten">Scholen &amp; straten<a ' in body
    assert "<li>vrijwilligers van de ouderraad</li>" in body
    assert '<td align="right">11</td>' in body
    assert "<b>veiligere</b>" in body
    assert '<a href="../other/" rel="noopener noreferrer">Veilige schoolroutes</a>' in body
