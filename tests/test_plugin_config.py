"""The plugin's options are checked when MkDocs loads mkdocs.yml, with Dutch messages."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.filters import Selection
from generator.plugin import PracticesConfig, PracticesPlugin
from generator.taxonomy import build_site
from generator.vocab import load_vocab

DATE = "een datum als 2025-11-22 (JJJJ-MM-DD) of niets"
QUERY = "een selectie zoals in de adresbalk van de catalogus, bv. 'sdg=13&domein=water',"
FOLDER = "een bestaande map met praktijken (ten opzichte van mkdocs.yml)"
VENDOR = "een tabel 'pad in de site: pad in het project'"


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    (tmp_path / "practices").mkdir()
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: test\n", encoding="utf-8")
    return path


def validated(config_file: Path, **options) -> PracticesConfig:
    config = PracticesConfig(config_file_path=str(config_file))
    config.load_dict(options)
    errors, _ = config.validate()
    if errors:
        raise AssertionError([str(e) for _, e in errors])
    return config


def refusal(config_file: Path, **options) -> str:
    config = PracticesConfig(config_file_path=str(config_file))
    config.load_dict(options)
    errors, _ = config.validate()
    assert len(errors) == 1, errors
    return str(errors[0][1])


# --- good values, and what they become ---------------------------------------------------------


def test_defaults(config_file):
    config = validated(config_file)
    assert config.practices_dir == str(config_file.parent / "practices")
    assert (config.selectie, config.bundel_datum, config.vendor) == ("", None, {})


@pytest.mark.parametrize(
    "value, made",
    [
        ("2025-11-22", dt.date(2025, 11, 22)),
        (" 2025-11-22 ", dt.date(2025, 11, 22)),
        (dt.date(2025, 11, 22), dt.date(2025, 11, 22)),  # YAML reads an unquoted date
        (dt.datetime(2025, 11, 22, 10, 30), dt.date(2025, 11, 22)),
        ("", None),  # !ENV [PRAKTIJKEN_BUNDEL_DATUM, ""] outside a bundle
        (None, None),
    ],
)
def test_bundle_dates(config_file, value, made):
    assert validated(config_file, bundel_datum=value).bundel_datum == made


@pytest.mark.parametrize("query", ["", "sdg=13&domein=water", "?jaar=2020-&q=fiets&sort=titel"])
def test_good_selections_stay_text(config_file, query):
    assert validated(config_file, selectie=query).selectie == query


def test_vendor_files(config_file):
    files = {"javascripts/x.js": "node_modules/x/index.js"}
    assert validated(config_file, vendor=files).vendor == files


# --- bad values: refused at load, "Verwacht … maar kreeg …" ------------------------------------


@pytest.mark.parametrize(
    "options, message",
    [
        (
            {"selectie": "jaar=abc"},
            f"Verwacht {QUERY} maar kreeg 'jaar=abc': 'abc' is geen jaar of periode; "
            "verwacht bv. 2020-2024.",
        ),
        (
            {"selectie": "sdgg=13"},
            f"Verwacht {QUERY} maar kreeg 'sdgg=13': 'sdgg' is geen filter van de catalogus; "
            "bedoel je 'sdg'?",
        ),
        ({"selectie": 13}, f"Verwacht {QUERY} maar kreeg een getal (13)."),
        ({"selectie": ["sdg=13"]}, f"Verwacht {QUERY} maar kreeg een lijst (['sdg=13'])."),
        ({"bundel_datum": "gisteren"}, f"Verwacht {DATE} maar kreeg 'gisteren'."),
        (
            {"bundel_datum": "2025-02-30"},
            f"Verwacht {DATE} maar kreeg '2025-02-30': die dag bestaat niet.",
        ),
        ({"bundel_datum": "20251122"}, f"Verwacht {DATE} maar kreeg '20251122'."),
        ({"bundel_datum": "2025-W47-6"}, f"Verwacht {DATE} maar kreeg '2025-W47-6'."),
        ({"bundel_datum": 2025}, f"Verwacht {DATE} maar kreeg een getal (2025)."),
        ({"bundel_datum": True}, f"Verwacht {DATE} maar kreeg een ja/nee-waarde (True)."),
        ({"practices_dir": ""}, f"Verwacht {FOLDER} maar kreeg ''."),
        ({"practices_dir": 5}, f"Verwacht {FOLDER} maar kreeg een getal (5)."),
        ({"vendor": ["x.js"]}, f"Verwacht {VENDOR} maar kreeg een lijst (['x.js'])."),
        ({"vendor": {"x.js": 1}}, f"Verwacht {VENDOR} maar kreeg een tabel ({{'x.js': 1}})."),
    ],
)
def test_bad_values_are_refused_in_dutch(config_file, options, message):
    assert refusal(config_file, **options) == message


def test_practices_dir_must_be_an_existing_folder(config_file):
    missing = config_file.parent / "praktijken"
    assert refusal(config_file, practices_dir="praktijken") == (
        f"Verwacht {FOLDER} maar kreeg 'praktijken': die map bestaat niet ({missing})."
    )
    assert refusal(config_file, practices_dir="mkdocs.yml") == (
        f"Verwacht {FOLDER} maar kreeg 'mkdocs.yml': een bestand ({config_file})."
    )


# --- through MkDocs itself ---------------------------------------------------------------------


def site_config(root: Path, options: str) -> Path:
    """A copy of the repository's site with these options for the praktijken plugin."""
    for name in ("docs", "practices"):
        shutil.copytree(REPO / name, root / name)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - praktijken\n" in text
    path = root / "mkdocs.yml"
    path.write_text(text.replace("  - praktijken\n", f"  - praktijken:\n{options}"), "utf-8")
    return path


@pytest.mark.parametrize(
    "options, message",
    [
        ('      selectie: "jaar=abc"\n', "'abc' is geen jaar of periode"),
        ("      bundel_datum: gisteren\n", f"Verwacht {DATE} maar kreeg 'gisteren'."),
    ],
)
def test_load_config_stops_with_the_dutch_message(tmp_path, caplog, options, message):
    path = site_config(tmp_path, options)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(str(path))
    assert message in caplog.text


def test_mkdocs_build_stops_without_a_traceback(tmp_path):
    path = site_config(tmp_path, "      bundel_datum: gisteren\n")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(path), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert done.returncode != 0
    assert "option 'bundel_datum': Verwacht " + DATE + " maar kreeg 'gisteren'." in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "site").exists()


def test_the_bundle_date_reaches_the_home_page_block(config_file):
    plugin = PracticesPlugin()
    errors, _ = plugin.load_config({"bundel_datum": "2025-11-22"}, str(config_file))
    assert errors == []
    site = build_site([], load_vocab(REPO / "practices" / "_lijsten")[0])
    bundle = plugin._bundle(Selection(), site)
    assert bundle is not None and bundle.made == dt.date(2025, 11, 22)
    plugin.load_config({}, str(config_file))
    assert plugin._bundle(Selection(), site) is None
