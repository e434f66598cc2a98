"""Untrusted contributions: every byte under practices/ may be hostile.

Files that are not regular files (symbolic links, FIFOs, folders named x.md), YAML anchors,
aliases and tags, control characters in field values and file names, and empty list items are
refused with a Dutch message at their line, never with a traceback, a hang or a silent skip.
Line numbers refer to the file as written; with `VALID_FRONT` (see test_validate_input.py)
line 2 is `titel`, 4 the municipality, 5 `sdgs`, 8 `status`, 9 `jaar`, 10 `samenvatting` and
11 the first extra key.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO, VALID_FRONT, ProjectDir, practice_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.load import _node_property, read_source
from generator.project import load_project
from generator.schema import FIELDS
from generator.textsafe import shown
from generator.validate import validate
from generator.vocab import load_vocab
from generator.yamlread import read_simple

TODAY = dt.date(2026, 11, 22)
F = "practices/praktijk.md"
LIST = "practices/_lijsten/principes.yml"
LINK = "dit is een symbolische link; een praktijk moet een gewoon bestand zijn."
FIFO = "dit is een named pipe (FIFO); een praktijk moet een gewoon bestand zijn."
RAW_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def anchor(name: str) -> str:
    return (
        f"ongeldige YAML: een YAML-anker ('&{name}') is niet toegestaan. Schrijf elke waarde "
        "voluit; zet tekst die met '&' begint tussen aanhalingstekens."
    )


def alias(name: str) -> str:
    return (
        f"ongeldige YAML: een YAML-verwijzing ('*{name}') is niet toegestaan. Schrijf elke "
        "waarde voluit; zet tekst die met '*' begint tussen aanhalingstekens."
    )


def tag(written: str) -> str:
    return (
        f"ongeldige YAML: een YAML-markering ('{written}') is niet toegestaan. Schrijf de "
        "waarde zonder markering; zet tekst die met '!' begint tussen aanhalingstekens."
    )


def control(text: str, code: str) -> str:
    return (
        f"de tekst '{text}' bevat een onzichtbaar stuurteken ({code}); verwijder het of typ de "
        "tekst opnieuw."
    )


def bidi(text: str, code: str) -> str:
    return (
        f"de tekst '{text}' bevat een onzichtbaar teken dat de leesrichting van de tekst "
        f"omkeert ({code}); verwijder het of typ de tekst opnieuw."
    )


@pytest.fixture
def check(project, monkeypatch):
    """Validate the project; returns the problems as `check` prints them."""
    monkeypatch.chdir(project.root)
    return lambda: [str(p) for p in load_project(project.root, today=TODAY).problems]


@pytest.fixture
def cli(project, monkeypatch, capsys):
    """Run `check` in the project; returns (exit code, stdout)."""
    monkeypatch.chdir(project.root)

    def call(*args: str) -> tuple[int, str]:
        code = main(["check", *args])
        return code, capsys.readouterr().out

    return call


def front(old: str, new: str) -> str:
    assert old in VALID_FRONT, old
    return VALID_FRONT.replace(old, new, 1)


def run_check(root: Path, *args: str) -> list[str]:
    """`python -m generator check` in a subprocess: a hang fails the test instead of the run."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stderr == ""
    return done.stdout.splitlines()


# --- files that are not regular files ------------------------------------------------------


def test_symlinked_practice_is_refused_and_not_read(project, check, tmp_path):
    project.add("echt.md")
    secret = tmp_path / "geheim.txt"
    secret.write_text("---\ntitel: geheim\n---\n", encoding="utf-8")
    os.symlink(secret, project.practices / "link.md")
    os.symlink("echt.md", project.practices / "ook-echt.md")
    os.symlink("bestaat-niet.md", project.practices / "kapot.md")
    assert check() == [
        f"practices/kapot.md:1: fout: {LINK}",
        f"practices/link.md:1: fout: {LINK}",
        f"practices/ook-echt.md:1: fout: {LINK}",
    ]


def test_symlink_named_on_the_command_line(project, cli):
    project.add("echt.md")
    os.symlink("echt.md", project.practices / "link.md")
    assert cli("practices/link.md") == (
        1,
        f"practices/link.md:1: fout: {LINK}\n"
        "0 praktijken gecontroleerd: 1 fout, 0 waarschuwingen\n",
    )


def test_read_source_never_follows_a_symlink(project, monkeypatch):
    monkeypatch.chdir(project.root)
    project.add("echt.md")
    os.symlink("echt.md", project.practices / "link.md")
    source, problems = read_source("practices/link.md")
    assert source is None
    assert [str(p) for p in problems] == [f"practices/link.md:1: fout: {LINK}"]


def test_symlinked_folder_is_reported_not_walked(project, check, tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "kapot.md").write_text("geen front matter", encoding="utf-8")
    os.symlink(elsewhere, project.practices / "map")
    assert check() == [
        "practices/map:1: fout: dit is een symbolische link naar een map; die wordt niet "
        "doorzocht. Zet praktijken in een gewone map."
    ]


def test_symlinked_folder_named_on_the_command_line(project, cli, tmp_path):
    (tmp_path / "elders").mkdir()
    os.symlink(tmp_path / "elders", project.practices / "map")
    assert cli("practices/map") == (
        1,
        "practices/map:1: fout: dit is een symbolische link naar een map; die wordt niet "
        "doorzocht. Zet praktijken in een gewone map.\n"
        "0 praktijken gecontroleerd: 1 fout, 0 waarschuwingen\n",
    )


def test_folder_named_like_a_practice(project, check):
    project.add("echt.md")
    (project.practices / "map.md").mkdir()
    project.write("map.md/binnen.md", "geen front matter")  # not walked: its name is wrong
    assert check() == [
        "practices/map.md:1: fout: dit is een map; een praktijk moet een gewoon bestand zijn."
    ]


def test_socket_is_refused(project, check, monkeypatch):
    monkeypatch.chdir(project.practices)  # a short relative name: socket paths are limited
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sok.md")
        monkeypatch.chdir(project.root)
        assert check() == [
            "practices/sok.md:1: fout: dit is een socket; een praktijk moet een gewoon "
            "bestand zijn."
        ]


def test_fifo_practice_does_not_hang_check(project):
    project.add("echt.md")
    os.mkfifo(project.practices / "pijp.md")
    assert run_check(project.root) == [
        f"practices/pijp.md:1: fout: {FIFO}",
        "1 praktijk gecontroleerd: 1 fout, 0 waarschuwingen",
    ]
    assert run_check(project.root, "practices/pijp.md") == [
        f"practices/pijp.md:1: fout: {FIFO}",
        "0 praktijken gecontroleerd: 1 fout, 0 waarschuwingen",
    ]


def test_read_source_does_not_block_on_a_fifo(project):
    os.mkfifo(project.practices / "pijp.md")
    code = (
        "from generator.load import read_source; "
        "print(*map(str, read_source('practices/pijp.md')[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=project.root, capture_output=True, text=True, timeout=30
    )
    assert done.stdout == f"practices/pijp.md:1: fout: {FIFO}\n"


def test_symlinked_list_file(project, check, tmp_path):
    project.add("echt.md")
    copy = tmp_path / "principes.yml"
    shutil.copy(project.root / LIST, copy)
    (project.root / LIST).unlink()
    os.symlink(copy, project.root / LIST)
    assert check() == [
        f"{LIST}:1: fout: dit is een symbolische link; een lijst moet een gewoon bestand zijn."
    ]


def test_symlinked_lists_folder(project, check, tmp_path):
    lists = project.practices / "_lijsten"
    shutil.move(lists, tmp_path / "lijsten")
    os.symlink(tmp_path / "lijsten", lists)
    assert check() == [
        "practices/_lijsten:1: fout: dit is een symbolische link; de lijsten moeten in een "
        "gewone map staan."
    ]


def test_fifo_list_file_does_not_hang(project):
    project.add("echt.md")
    (project.root / LIST).unlink()
    os.mkfifo(project.root / LIST)
    assert run_check(project.root) == [
        f"{LIST}:1: fout: dit is een named pipe (FIFO); een lijst moet een gewoon bestand zijn.",
        "1 praktijk gecontroleerd: 1 fout, 0 waarschuwingen",
    ]


# --- anchors, aliases and tags -------------------------------------------------------------


REFUSED = [
    (front("status: lopend", "status: &s lopend"), 8, anchor("s")),
    (VALID_FRONT + "bron: *s\n", 11, alias("s")),
    (front("jaar: 2023", "jaar: !!float abc"), 9, tag("!!float")),
    (front("jaar: 2023", "jaar: !!int 2023"), 9, tag("!!int")),
    (
        front(
            "titel: Fair-O-Meter meet de fairtrade-aankopen",
            "titel: !!python/object/apply:os.system [ls]",
        ),
        2,
        tag("!!python/object/apply:os.system"),
    ),
    (VALID_FRONT + "bron: !custom VVSG\n", 11, tag("!custom")),
    (VALID_FRONT + "bron: ! VVSG\n", 11, tag("!")),
    (VALID_FRONT + "bron: !<tag:yaml.org,2002:str> VVSG\n", 11, tag("!!str")),
    (VALID_FRONT + "afbeelding: !!binary aGVsbG8=\n", 11, tag("!!binary")),
    (VALID_FRONT + "trefwoorden: !!set {a, b}\n", 11, tag("!!set")),
    (front("beleidsdomeinen:", "beleidsdomeinen: !!seq"), 6, tag("!!seq")),
    (front("  - Merelbeke-Melle", "  - &g Merelbeke-Melle"), 4, anchor("g")),
    (front("sdgs: [12, 17]", "sdgs: [&n 12, *n]"), 5, anchor("n")),
    (VALID_FRONT + "contact: &c {dienst: *c}\n", 11, anchor("c")),
    (VALID_FRONT + "<<: *basis\n", 11, alias("basis")),
]


@pytest.mark.parametrize("text, line, message", REFUSED)
def test_anchors_aliases_and_tags_are_refused(project, check, text, line, message):
    project.add("praktijk.md", front=text)
    assert check() == [f"{F}:{line}: fout: {message}"]


@pytest.mark.parametrize("text", [text for text, _, _ in REFUSED])
def test_fast_path_declines_anchors_aliases_and_tags(text):
    assert read_simple(text) is None


ORDINARY = {
    "bron: 'A & *b !c'": {"bron": "A & *b !c"},
    "bron: VVSG & partners *2025 !": {"bron": "VVSG & partners *2025 !"},
    'bron: "!!float abc"': {"bron": "!!float abc"},
    'trefwoorden: ["&a", "*b", "!c", a&b, c*d, e!f]': {
        "trefwoorden": ["&a", "*b", "!c", "a&b", "c*d", "e!f"]
    },
}


@pytest.mark.parametrize("extra", ORDINARY)
def test_ampersand_star_and_bang_inside_text_are_ordinary(project, check, extra, monkeypatch):
    project.add("praktijk.md", front=VALID_FRONT + extra + "\n")
    assert check() == []
    practice = load_project(project.root, today=TODAY).practices[0]
    for key, value in ORDINARY[extra].items():
        assert getattr(practice, key) == value


def test_deep_nesting_is_cut_off(project, check):
    project.add("praktijk.md", front=VALID_FRONT + "bron: " + "[" * 500 + "]" * 500 + "\n")
    assert check() == [
        f"{F}:11: fout: de waarde is te diep genest: meer dan 20 niveaus van lijsten of velden.",
        f"{F}:11: fout: bron: verwacht tekst, maar kreeg een lijst.",
    ]


def billion_laughs(levels: int = 10, width: int = 10) -> str:
    lines = [f"l0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail (rather than run for hours) when the block takes longer than `seconds`."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_alias_bomb_is_refused_at_once(project, check):
    project.add("praktijk.md", front=VALID_FRONT + billion_laughs())
    with within(5):  # the limit for a slow machine; the time itself is checked below
        start = time.perf_counter()
        problems = check()
        assert time.perf_counter() - start < 1
    assert problems == [f"{F}:11: fout: {anchor('a0')}"]


def test_alias_bomb_in_a_list_file(project, check):
    (project.root / LIST).write_text(
        "- slug: bom\n  naam: Bom\n  beschrijving:\n"
        + "".join(f"    {line}\n" for line in billion_laughs().splitlines()),
        encoding="utf-8",
    )
    with within(5):
        start = time.perf_counter()
        problems = check()
        assert time.perf_counter() - start < 1
    assert problems == [f"{LIST}:4: fout: {anchor('a0')}"]


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "- slug: multi-stakeholder\n  naam: &n Multi-stakeholder\n  beschrijving: *n\n",
            2,
            anchor("n"),
        ),
        (
            "- slug: multi-stakeholder\n  naam: Multi-stakeholder\n"
            "  beschrijving: !!python/name:os.system ''\n",
            3,
            tag("!!python/name:os.system"),
        ),
        (
            "- slug: multi-stakeholder\n  naam: *n\n",
            2,
            alias("n"),
        ),
    ],
)
def test_anchors_aliases_and_tags_in_a_list_file(project, check, text, line, message):
    (project.root / LIST).write_text(text, encoding="utf-8")
    assert check() == [f"{LIST}:{line}: fout: {message}"]


# --- control characters in values ----------------------------------------------------------

TITLE = "titel: Fair-O-Meter meet de fairtrade-aankopen"
SUMMARY = (
    "samenvatting: Een jaarlijkse meter toont de gemeenteraad welk deel van de aankopen "
    "fairtrade is."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            front(TITLE, r'titel: "Fair\e[31m-O-Meter meet de fairtrade-aankopen"'),
            "2: fout: titel: "
            + control(r"Fair\x1b[31m-O-Meter meet de fairtrade-aankopen", "U+001B"),
        ),
        (
            front(TITLE, "titel: Fair-O-Meter meet de \u202efairtrade-aankopen"),
            "2: fout: titel: " + bidi(r"Fair-O-Meter meet de \u202efairtrade-aankopen", "U+202E"),
        ),
        (
            front(TITLE, "titel: Fair-O-Meter meet de \u2067fairtrade-aankopen"),
            "2: fout: titel: " + bidi(r"Fair-O-Meter meet de \u2067fairtrade-aankopen", "U+2067"),
        ),
        (
            front(TITLE, r'titel: "Fair-O-Meter\tmeet de fairtrade-aankopen"'),
            r"2: fout: titel: de tekst 'Fair-O-Meter\x09meet de fairtrade-aankopen' bevat een "
            "tab-teken (U+0009); gebruik een gewone spatie.",
        ),
        (
            front(TITLE, "titel: |\n  Fair-O-Meter meet\n  de fairtrade-aankopen"),
            r"2: fout: titel: de tekst 'Fair-O-Meter meet\x0ade fairtrade-aankopen' bevat een "
            "regeleinde (U+000A); dit veld is één regel tekst, zet alles op één regel.",
        ),
        (
            front(TITLE, r'titel: "Fair-O-Meter meet de fairtrade-aankopen\x7f"'),
            "2: fout: titel: " + control(r"Fair-O-Meter meet de fairtrade-aankopen\x7f", "U+007F"),
        ),
        (
            front(TITLE, r'titel: "Fair-O-Meter meet de \x9b2Jfairtrade-aankopen"'),
            "2: fout: titel: "
            + control(r"Fair-O-Meter meet de \x9b2Jfairtrade-aankopen", "U+009B"),
        ),
        (
            front(
                SUMMARY,
                'samenvatting: "Een jaarlijkse meter toont de gemeenteraad welk deel van de '
                r'\e[8maankopen fairtrade is."',
            ),
            "10: fout: samenvatting: "
            + control(r"…nteraad welk deel van de \x1b[8maankopen fairtrade is…", "U+001B"),
        ),
        (
            front(SUMMARY, SUMMARY.replace("de aankopen", "de \u2066aankopen", 1)),
            "10: fout: samenvatting: "
            + bidi(r"…eenteraad welk deel van de \u2066aankopen fairtrade is.", "U+2066"),
        ),
        (
            VALID_FRONT + r'trefwoorden: [fairtrade, "fair\atrade"]' + "\n",
            "11: fout: trefwoorden: " + control(r"fair\x07trade", "U+0007"),
        ),
        (
            front("  - Merelbeke-Melle", r'  - "Merelbeke-Melle\u202e"'),
            "4: fout: gemeenten: " + bidi(r"Merelbeke-Melle\u202e", "U+202E"),
        ),
        (
            VALID_FRONT + 'contact:\n  dienst: "Dienst\\e[0m Duurzaamheid"\n',
            "12: fout: contact.dienst: " + control(r"Dienst\x1b[0m Duurzaamheid", "U+001B"),
        ),
    ],
    ids=[
        "titel-ansi",
        "titel-bidi-override",
        "titel-bidi-isolate",
        "titel-tab",
        "titel-regeleinde",
        "titel-del",
        "titel-c1",
        "samenvatting-ansi",
        "samenvatting-bidi",
        "trefwoord-bel",
        "gemeente-bidi",
        "contact-ansi",
    ],
)
def test_control_characters_in_values(project, check, text, expected):
    project.add("praktijk.md", front=text)
    assert check() == [f"{F}:{expected}"]


def test_multi_line_summary_may_hold_newlines_and_tabs(project, check):
    project.add(
        "praktijk.md",
        front=front(
            SUMMARY,
            "samenvatting: |\n  Een jaarlijkse meter toont de gemeenteraad\n"
            "  welk deel van de aankopen\tfairtrade is.",
        ),
    )
    assert check() == []


def test_folded_title_with_its_final_newline_is_accepted(project, check):
    project.add("praktijk.md", front=front(TITLE, "titel: >\n  Fair-O-Meter meet de\n  aankopen"))
    assert check() == []


def test_control_character_in_a_list_file(project, check):
    (project.root / LIST).write_text(
        '- slug: multi-stakeholder\n  naam: "Multi\\e[31m"\n', encoding="utf-8"
    )
    assert check() == [
        f"{LIST}:1: fout: 'multi-stakeholder': 'naam' ('Multi\\x1b[31m') bevat een onzichtbaar "
        "stuurteken (U+001B); verwijder het of typ de tekst opnieuw."
    ]


# --- control characters in file names: nothing raw reaches the console ----------------------


ANSI_NAME = "rood\x1b[31m\u202e.md"


def test_file_name_with_ansi_escape_in_text_output(project, cli):
    project.write(ANSI_NAME, practice_text())
    code, out = cli()
    assert code == 1
    assert not RAW_CONTROL.search(out.replace("\n", ""))  # one problem a line
    assert out.splitlines()[0] == (
        r"practices/rood\x1b[31m\u202e.md:1: fout: de bestandsnaam 'rood\x1b[31m\u202e.md' is "
        "geen geldige id: gebruik kleine letters a-z, cijfers en enkele koppeltekens, zonder "
        "spaties of accenten, bijvoorbeeld 'rood-31m.md'."
    )


def test_file_name_with_ansi_escape_in_github_output(project, cli):
    project.write(ANSI_NAME, practice_text())
    code, out = cli("--format", "github")
    assert not RAW_CONTROL.search(out.replace("\n", ""))  # one problem a line
    assert out.startswith(r"::error file=practices/rood\x1b[31m\u202e.md,line=1,title=praktijk::")


def test_file_name_with_ansi_escape_in_json_output(project, cli):
    project.write(ANSI_NAME, practice_text())
    code, out = cli("--format", "json")
    assert not RAW_CONTROL.search(out.replace("\n", ""))  # only the indentation's newlines
    assert json.loads(out)["problemen"][0]["bestand"] == "practices/" + ANSI_NAME  # exact data


def test_shown_escapes_controls_and_bidi():
    assert shown("a\x1b[2Jb\u202ec\x9b\td\n") == r"a\x1b[2Jb\u202ec\x9b\x09d\x0a"
    assert shown("Gewone tekst, ook é en €.") == "Gewone tekst, ook é en €."
    assert shown("x" * 10, 5) == "xxxx…"


# --- empty and null list items -------------------------------------------------------------

EMPTY_ITEM = "van de lijst is leeg; vul een waarde in of schrap het item."


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            front("  - Merelbeke-Melle", "  - Merelbeke-Melle\n  -"),
            f"5: fout: gemeenten: item 2 {EMPTY_ITEM}",
        ),
        (front("sdgs: [12, 17]", "sdgs: [12, ~]"), f"5: fout: sdgs: item 2 {EMPTY_ITEM}"),
        (
            front("  - duurzaam-aankoopbeleid", "  - duurzaam-aankoopbeleid\n  - null"),
            f"8: fout: beleidsdomeinen: item 2 {EMPTY_ITEM}",
        ),
        (
            VALID_FRONT + "trefwoorden: [null, fairtrade]\n",
            f"11: fout: trefwoorden: item 1 {EMPTY_ITEM}",
        ),
        (VALID_FRONT + "partners:\n  - \n", f"12: fout: partners: item 1 {EMPTY_ITEM}"),
        (VALID_FRONT + "links:\n  -\n", f"12: fout: links: item 1 {EMPTY_ITEM}"),
        (VALID_FRONT + "subdoelen: [~]\n", f"11: fout: subdoelen: item 1 {EMPTY_ITEM}"),
        (VALID_FRONT + "principes: [Null]\n", f"11: fout: principes: item 1 {EMPTY_ITEM}"),
        (VALID_FRONT + "partnerlanden: [NULL]\n", f"11: fout: partnerlanden: item 1 {EMPTY_ITEM}"),
        (
            front("gemeenten:\n  - Merelbeke-Melle", "gemeenten: [Merelbeke-Melle, ]"),
            "3: fout: de lijst eindigt met een komma zonder waarde erna; vul de ontbrekende "
            "waarde in of schrap de laatste komma.",
        ),
        (
            front("sdgs: [12, 17]", "sdgs: [\n  12,\n  17,\n]"),
            "7: fout: de lijst eindigt met een komma zonder waarde erna; vul de ontbrekende "
            "waarde in of schrap de laatste komma.",
        ),
        (
            front("sdgs: [12, 17]", "sdgs: [12, , 17]"),
            "5: fout: ongeldige YAML: in een lijst tussen [ ] staat een lege plaats (twee "
            "komma's na elkaar, of een komma vooraan); vul de ontbrekende waarde in of schrap "
            "de komma.",
        ),
    ],
    ids=[
        "streepje",
        "tilde",
        "null",
        "null-vooraan",
        "streepje-spatie",
        "links",
        "subdoelen",
        "Null",
        "NULL",
        "komma-achteraan",
        "komma-achteraan-meerdere-regels",
        "twee-komma's",
    ],
)
def test_empty_list_items(project, check, text, expected):
    project.add("praktijk.md", front=text)
    assert check() == [f"{F}:{expected}"]


def test_comma_in_a_comment_after_the_last_item_is_not_a_trailing_comma(project, check):
    project.add("praktijk.md", front=front("sdgs: [12, 17]", "sdgs: [12, 17  # 12, 17\n]"))
    assert check() == []


# --- random front matter: no traceback, every problem located and printable ----------------

PIECES = [
    *("titel", "gemeenten", "sdgs", "samenvatting", "trefwoorden", "contact", "links", "jaar"),
    *(":", ": ", "\n", "\n  ", "\n  - ", "- ", "[", "]", "{", "}", ",", " ", "#", "'", '"'),
    *("&a ", "*a", "!!float ", "!x ", "! ", "|", ">-", "~", "null", "---", "...", "%", "@", "?"),
    *("Gent", "12", "2023", "fairtrade", "https://x.be", "dienst", "naam", "<b>", "é", "€"),
    *("\\e[31m", "\\x1b", "\\u202e", "\\t", "\\n", "\\a", "\\N", "\\0", "\\"),
    *("\x1b", "\x1b[2J", "\u202e", "\u2066", "\x85", "\x9b", "\t", "\x00", "\x7f", "\r", "\ufeff"),
]
# Any text: mostly invalid YAML, so it tests the reader's messages.
RAW = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join)
# `key: value` lines that are mostly valid YAML, so the values reach the field checks: plain and
# double-quoted text (with escapes for control characters), flow lists and block lists.
WORD = st.one_of(st.sampled_from([p for p in PIECES if p.isprintable()]), st.text(max_size=3))
ESCAPES = ["\\e[31m", "\\x1b", "\\u202e", "\\u2066", "\\t", "\\n", "\\a", "\\N", "\\x7f", "\\x9b"]
ESCAPED = st.lists(
    st.one_of(st.sampled_from(ESCAPES), WORD.map(lambda w: w.replace('"', "").replace("\\", ""))),
    max_size=8,
).map(lambda parts: '"' + "".join(parts) + '"')
ITEM = st.one_of(ESCAPED, st.sampled_from(["Gent", "12", "~", "", "fairtrade", "&a x", "*a"]))
VALUE = st.one_of(
    st.lists(WORD, max_size=6).map("".join),
    ESCAPED,
    st.lists(ITEM, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
    st.lists(ITEM, min_size=1, max_size=3).map(lambda items: "".join(f"\n  - {i}" for i in items)),
)
LINES = st.lists(
    st.tuples(st.sampled_from([f.key for f in FIELDS] + ["x"]), VALUE), min_size=1, max_size=6
).map(lambda rows: "".join(f"{key}: {value}\n" for key, value in rows))
FRONT = st.one_of(RAW, LINES)


@pytest.fixture(scope="module")
def vocab():
    found, problems = load_vocab(REPO / "practices" / "_lijsten")
    assert problems == []
    return found


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return ProjectDir(tmp_path_factory.mktemp("willekeurig"))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(extra=FRONT, replace=st.booleans())
def test_random_front_matter_gives_located_printable_problems(vocab, folder, extra, replace):
    text = extra if replace else VALID_FRONT + extra
    path = folder.write("praktijk.md", practice_text(text if text.endswith("\n") else text + "\n"))
    source, problems = read_source(path, F)
    if source is not None:
        problems = validate(source, vocab, folder.practices, TODAY, build=False)[1]
    for problem in problems:
        assert problem.path == F
        assert problem.line >= 1
        assert problem.message and "Traceback" not in problem.message
        assert not RAW_CONTROL.search(str(problem))
        assert not RAW_CONTROL.search(problem.message), problem.message


@settings(max_examples=200, deadline=None)
@given(text=FRONT)
def test_fast_path_reads_nothing_with_anchors_aliases_or_tags(text):
    if read_simple(text) is not None:
        assert _node_property(text) is None
