"""Bad arguments and hostile surroundings: a Dutch line and exit code 2, never a traceback,
and no file outside what a command was asked to write ever changes."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, ProjectDir

from generator import cli
from generator.bundle import COMMENT, FOLDER, check_output, is_bundle, write_zip
from generator.cli import main
from generator.outputs import MARKER, OutputError, write_file, write_folder

ENGLISH = [
    "usage:",
    "options:",
    "show this help",
    "positional arguments",
    "the following",
    "invalid choice",
    "unrecognized",
    "expected one",
    "error:",
    "Errno",
    "Traceback",
]


# --- a project in a folder with room around it -----------------------------------------------


def make_project(base: Path) -> Path:
    """base/werk/project (lists, one practice, mkdocs.yml, docs/) and an empty base/elders."""
    root = base / "werk" / "project"
    ProjectDir(root).add("fair-o-meter.md")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    (base / "elders").mkdir()
    return root


def snapshot(folder: Path) -> dict[str, str]:
    """Every file, folder and link under `folder`, with a hash of each file's bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "link " + os.readlink(path)
        elif path.is_dir():
            found[name] = "map"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


# --- setups: what the surroundings look like before the command runs -------------------------


def a_file(base: Path) -> None:
    (base / "elders" / "bestand.txt").write_text("van iemand anders\n", encoding="utf-8")


def a_full_folder(base: Path) -> None:
    (base / "elders" / "vol").mkdir()
    (base / "elders" / "vol" / "eigen.txt").write_text("niet wissen\n", encoding="utf-8")


_IMMUTABLE: list[Path] = []  # folders made read-only for root too; made writable after the test


@pytest.fixture(autouse=True)
def _writable_again():
    yield
    while _IMMUTABLE:
        subprocess.run(["chattr", "-i", str(_IMMUTABLE.pop())], check=True)


def a_read_only_folder(base: Path) -> None:
    folder = base / "elders" / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):
        # Root writes to a 0555 folder anyway (tests and CI run as root): the immutable flag
        # refuses writes to root as well (ext4, the machines' file system).
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        _IMMUTABLE.append(folder)


def a_broken_config(base: Path) -> None:
    (base / "werk" / "project" / "mkdocs.yml").write_text("site_name: [open\n", encoding="utf-8")


def an_export_with_a_stranger(base: Path) -> None:
    export = base / "elders" / "export"
    (export / "sub").mkdir(parents=True)
    (export / MARKER).write_text("# export\nindex.md\n", encoding="utf-8")
    (export / "index.md").write_text("oud\n", encoding="utf-8")
    (export / "sub" / "eigen.md").write_text("van de gebruiker\n", encoding="utf-8")


def a_foreign_zip(base: Path) -> None:
    with zipfile.ZipFile(base / "elders" / "kopie.zip", "w") as archive:
        archive.writestr("foto's/vakantie.jpg", b"\xff\xd8")


Setup = Callable[[Path], None] | None

# (name, setup, folder to run in (relative to tmp), arguments, exit code, Dutch fragment)
CASES: list[tuple[str, Setup, str, list[str], int, str]] = [
    # --project and the command itself
    (
        "project-ontbreekt",
        None,
        "werk/project",
        ["--project", "../nergens", "check"],
        2,
        "argument --project: de map '../nergens' bestaat niet",
    ),
    (
        "project-is-bestand",
        None,
        "werk/project",
        ["--project", "mkdocs.yml", "check"],
        2,
        "argument --project: 'mkdocs.yml' is een bestand, geen map",
    ),
    (
        "project-leeg",
        None,
        "werk/project",
        ["--project", "", "check"],
        2,
        "argument --project: geef een map (leeg is niet toegestaan)",
    ),
    (
        "project-zonder-lijsten",
        None,
        "werk/project",
        ["--project", "../../elders", "check"],
        1,
        "deze lijst ontbreekt",
    ),
    (
        "onbekende-opdracht",
        None,
        "werk/project",
        ["opruimen"],
        2,
        "ongeldige keuze: 'opruimen' (kies uit 'check', 'schema', 'export', 'bundle', 'new'",
    ),
    (
        "onbekende-optie",
        None,
        "werk/project",
        ["check", "--snel"],
        2,
        "onbekende argumenten: --snel",
    ),
    # check
    (
        "check-leeg-pad",
        None,
        "werk/project",
        ["check", ""],
        2,
        "argument PAD: geef een pad (leeg is niet toegestaan)",
    ),
    (
        "check-formaat",
        None,
        "werk/project",
        ["check", "--format", "xml"],
        2,
        "argument --format: ongeldige keuze: 'xml' (kies uit 'text', 'github', 'json')",
    ),
    (
        "check-pad-ontbreekt",
        None,
        "werk/project",
        ["check", "practices/nergens.md"],
        1,
        "practices/nergens.md:1: fout: bestand of map bestaat niet.",
    ),
    # schema
    (
        "schema-map-ontbreekt",
        None,
        "werk/project",
        ["schema", "--out", "../nergens/s.json"],
        2,
        "argument --out: de map '../nergens' bestaat niet; maak ze eerst aan",
    ),
    (
        "schema-naar-map",
        None,
        "werk/project",
        ["schema", "--out", "docs"],
        2,
        "argument --out: 'docs' is een map; geef de naam van een bestand.",
    ),
    (
        "schema-over-bestand",
        None,
        "werk/project",
        ["schema", "--out", "mkdocs.yml"],
        2,
        "'mkdocs.yml' bestaat al en is geen JSON Schema van de praktijken",
    ),
    (
        "schema-in-bestand",
        a_file,
        "werk/project",
        ["schema", "--out", "../../elders/bestand.txt/s.json"],
        2,
        "'../../elders/bestand.txt' is een bestand, geen map",
    ),
    (
        "schema-leeg",
        None,
        "werk/project",
        ["schema", "--out", ""],
        2,
        "argument --out: geef een pad (leeg is niet toegestaan)",
    ),
    (
        "schema-zonder-waarde",
        None,
        "werk/project",
        ["schema", "--out"],
        2,
        "argument --out: verwacht één waarde",
    ),
    (
        "schema-alleen-lezen",
        a_read_only_folder,
        "werk/project",
        ["schema", "--out", "../../elders/alleen-lezen/s.json"],
        2,
        "controleer de rechten",
    ),
    # export
    (
        "export-zonder-out",
        None,
        "werk/project",
        ["export"],
        2,
        "de volgende argumenten zijn verplicht: --out",
    ),
    (
        "export-practices",
        None,
        "werk/project",
        ["export", "--out", "practices"],
        2,
        "Fout: 'practices' is de map met praktijken (practices/); kies een andere plaats.",
    ),
    (
        "export-docs",
        None,
        "werk/project",
        ["export", "--out", "docs"],
        2,
        "Fout: 'docs' is de docs-map (docs/); kies een andere plaats.",
    ),
    (
        "export-in-docs",
        None,
        "werk/project",
        ["export", "--out", "docs/export"],
        2,
        "Fout: 'docs/export' ligt in de docs-map (docs/)",
    ),
    (
        "export-in-practices",
        None,
        "werk/project",
        ["export", "--out", "practices/x"],
        2,
        "Fout: 'practices/x' ligt in de map met praktijken (practices/)",
    ),
    (
        "export-huidige-map",
        None,
        "werk/project",
        ["export", "--out", "."],
        2,
        "argument --out: '.' is of bevat de huidige map",
    ),
    (
        "export-rond-project",
        None,
        "elders",
        ["--project", "../werk/project", "export", "--out", "../werk"],
        2,
        "Fout: '../werk' bevat de projectmap; kies een andere plaats.",
    ),
    (
        "export-naar-bestand",
        None,
        "werk/project",
        ["export", "--out", "mkdocs.yml"],
        2,
        "argument --out: 'mkdocs.yml' is een bestand, geen map",
    ),
    (
        "export-volle-map",
        a_full_folder,
        "werk/project",
        ["export", "--out", "../../elders/vol"],
        2,
        "bestaat al en is geen eerdere export; kies een lege of nieuwe map",
    ),
    (
        "export-met-vreemd-bestand",
        an_export_with_a_stranger,
        "werk/project",
        ["export", "--out", "../../elders/export"],
        2,
        "is een eerdere export, maar bevat ook andere bestanden (sub, sub/eigen.md)",
    ),
    (
        "export-map-ontbreekt",
        None,
        "werk/project",
        ["export", "--out", "../nergens/export"],
        2,
        "bestaat niet; maak ze eerst aan of kies een andere plaats",
    ),
    (
        "export-leeg",
        None,
        "werk/project",
        ["export", "--out", ""],
        2,
        "argument --out: geef een pad (leeg is niet toegestaan)",
    ),
    (
        "export-kapotte-config",
        a_broken_config,
        "werk/project",
        ["export", "--out", "../../elders/export"],
        2,
        "Fout: mkdocs.yml van het project is geen geldige YAML (regel 2, kolom 1).",
    ),
    (
        "export-alleen-lezen",
        a_read_only_folder,
        "werk/project",
        ["export", "--out", "../../elders/alleen-lezen/export"],
        2,
        "controleer de rechten",
    ),
    # bundle (every refusal comes before the build)
    (
        "bundel-jaar-in-selectie",
        None,
        "werk/project",
        ["bundle", "--selectie", "jaar=abc"],
        2,
        "argument --selectie: 'abc' is geen jaar of periode; verwacht bv. 2020-2024",
    ),
    (
        "bundel-tikfout-in-selectie",
        None,
        "werk/project",
        ["bundle", "--selectie", "sdgg=13"],
        2,
        "argument --selectie: 'sdgg' is geen filter van de catalogus; bedoel je 'sdg'?",
    ),
    (
        "bundel-jaar",
        None,
        "werk/project",
        ["bundle", "--jaar", "abc"],
        2,
        "--jaar: 'abc' is geen jaar of periode",
    ),
    (
        "bundel-lege-waarde",
        None,
        "werk/project",
        ["bundle", "--sdg", ""],
        2,
        "--sdg: '' komt in geen enkele praktijk voor.",
    ),
    (
        "bundel-over-bestand",
        None,
        "werk/project",
        ["bundle", "--out", "mkdocs.yml"],
        2,
        "Fout: 'mkdocs.yml' bestaat al en is geen offline bundel van deze databank",
    ),
    (
        "bundel-over-vreemde-zip",
        a_foreign_zip,
        "werk/project",
        ["bundle", "--out", "../../elders/kopie.zip"],
        2,
        "is geen offline bundel",
    ),
    (
        "bundel-naar-map",
        None,
        "werk/project",
        ["bundle", "--out", "docs"],
        2,
        "argument --out: 'docs' is een map; geef de naam van een bestand.",
    ),
    (
        "bundel-in-docs",
        None,
        "werk/project",
        ["bundle", "--out", "docs/b.zip"],
        2,
        "Fout: 'docs/b.zip' ligt in de docs-map (docs/)",
    ),
    (
        "bundel-in-practices",
        None,
        "werk/project",
        ["bundle", "--out", "practices/b.zip"],
        2,
        "Fout: 'practices/b.zip' ligt in de map met praktijken (practices/)",
    ),
    (
        "bundel-map-ontbreekt",
        None,
        "werk/project",
        ["bundle", "--out", "../nergens/b.zip"],
        2,
        "argument --out: de map '../nergens' bestaat niet",
    ),
    (
        "bundel-leeg",
        None,
        "werk/project",
        ["bundle", "--out", ""],
        2,
        "argument --out: geef een pad (leeg is niet toegestaan)",
    ),
    # new
    (
        "nieuw-onbekende-optie",
        None,
        "werk/project",
        ["new", "--kleur", "rood"],
        2,
        "onbekende argumenten: --kleur rood",
    ),
    (
        "nieuw-zonder-waarde",
        None,
        "werk/project",
        ["new", "--sdg"],
        2,
        "argument --sdg: verwacht één waarde",
    ),
    (
        "nieuw-zonder-lijsten",
        None,
        "werk/project",
        ["--project", "../../elders", "new", "--titel", "Een nieuwe praktijk"],
        1,
        "De lijsten van het project zijn niet in orde",
    ),
    (
        "nieuw-id-met-map",
        None,
        "werk/project",
        ["new", "--id", "../buiten", "--titel", "Een nieuwe praktijk"],
        1,
        "'../buiten' is geen geldige id",
    ),
]


@pytest.mark.parametrize(
    "setup, where, args, code, message", [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_gives_one_dutch_line_and_changes_nothing(
    tmp_path, root, setup, where, args, code, message
):
    if setup:
        setup(tmp_path)
    before = snapshot(tmp_path)
    done = run_cli(tmp_path / where, *args)
    assert (done.returncode, snapshot(tmp_path)) == (code, before), done.stderr
    output = done.stderr + done.stdout
    assert message in output
    assert not [word for word in ENGLISH if word in output], output
    if output.startswith("Fout:"):  # a refusal while running: exactly one line
        assert output.count("\n") == 1, output


# --- Dutch help --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["check"], ["schema"], ["export"], ["bundle"], ["new"]])
def test_every_help_is_dutch(root, command):
    done = run_cli(root, *command, "--help")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"gebruik: python -m generator {' '.join(command)}".rstrip())
    assert "opties:\n" in done.stdout
    assert "-h, --help" in done.stdout and "toon deze hulp en stop" in done.stdout
    assert not [word for word in ENGLISH if word in done.stdout], done.stdout


def test_the_translation_is_lent_not_kept(capsys):
    """Other argparse users in the same process (pytest itself) keep their own language."""
    import argparse

    with pytest.raises(SystemExit):
        main(["--help"])
    assert "gebruik:" in capsys.readouterr().out
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: x")


def test_check_starts_without_the_other_commands(root):
    code = (
        "import sys; from generator.cli import main; main(['check']); "
        "print(sorted(m for m in sys.modules if m.startswith(('generator.', 'mkdocs'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    loaded = done.stdout.splitlines()[-1]
    assert "generator.project" in loaded
    for module in ("export", "bundle", "new", "outputs", "render", "mkdocs"):
        assert f"'{module}" not in loaded.replace("generator.", ""), module


# --- what the error handler says ---------------------------------------------------------------


@pytest.mark.parametrize(
    "error, line",
    [
        (
            PermissionError(errno.EACCES, "Permission denied", "/x/y"),
            "Fout: '/x/y': geen toegang; controleer de rechten\n",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "/x/y"),
            "Fout: '/x/y': de schijf is vol\n",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "/x"),
            "Fout: '/x': ligt op een schijf die alleen gelezen kan worden\n",
        ),
        (
            OutputError("'x' bestaat al en is geen eerdere export; kies een lege of nieuwe map."),
            "Fout: 'x' bestaat al en is geen eerdere export; kies een lege of nieuwe map.\n",
        ),
        (
            UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
            "Fout: een bestand is geen geldige UTF-8-tekst; sla het op als UTF-8.\n",
        ),
    ],
)
def test_errors_while_running_are_one_dutch_line(root, monkeypatch, capsys, error, line):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(cli, "load_project", fail)
    assert main(["--project", str(root), "check"]) == 2
    assert capsys.readouterr() == ("", line)


# --- export: replaces only its own earlier output ---------------------------------------------


def export(root: Path, out: Path, capsys) -> int:
    code = main(["--project", str(root), "export", "--out", str(out)])
    capsys.readouterr()
    return code


def test_export_marks_its_folder_and_replaces_only_that(root, tmp_path, capsys):
    out = tmp_path / "elders" / "export"
    project = snapshot(tmp_path / "werk")
    assert export(root, out, capsys) == 0
    assert snapshot(tmp_path / "werk") == project  # only the target changed
    listed = (out / MARKER).read_text(encoding="utf-8").splitlines()
    assert "praktijken/fair-o-meter.md" in listed and "index.md" in listed
    assert set(snapshot(out)) - {MARKER} >= {p for p in listed if not p.startswith("#")}
    # A second export replaces the first: a page that is gone is gone from the export too.
    (root / "practices" / "fair-o-meter.md").rename(root / "practices" / "fair-o-meter-2.md")
    assert export(root, out, capsys) == 0
    assert not (out / "praktijken" / "fair-o-meter.md").exists()
    assert (out / "praktijken" / "fair-o-meter-2.md").is_file()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no staging left


def test_export_into_an_empty_folder(root, tmp_path, capsys):
    out = tmp_path / "elders" / "leeg"
    out.mkdir()
    assert export(root, out, capsys) == 0
    assert (out / MARKER).is_file() and (out / "index.md").is_file()


def test_export_of_the_original_bug_keeps_practices(root, capsys, monkeypatch):
    """`export --out practices` used to delete practices/ and then crash."""
    monkeypatch.chdir(root)
    before = snapshot(root)
    assert main(["export", "--out", "practices"]) == 2
    assert "is de map met praktijken" in capsys.readouterr().err
    assert snapshot(root) == before


def test_a_marker_cannot_point_outside_its_folder(root, tmp_path, capsys):
    out = tmp_path / "elders" / "export"
    keep = tmp_path / "elders" / "bewaar.txt"
    keep.write_text("van de gebruiker\n", encoding="utf-8")
    assert export(root, out, capsys) == 0
    with (out / MARKER).open("a", encoding="utf-8") as marker:
        marker.write("../bewaar.txt\n/etc/passwd\n")
    assert export(root, out, capsys) == 0
    assert keep.read_text(encoding="utf-8") == "van de gebruiker\n"


def test_a_failed_export_leaves_the_earlier_one(tmp_path):
    out = tmp_path / "export"
    write_folder(out, lambda folder: (folder / "index.md").write_text("eerste\n", "utf-8"))
    before = snapshot(tmp_path)

    def fail(folder: Path) -> int:
        (folder / "index.md").write_text("half\n", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        write_folder(out, fail)
    assert snapshot(tmp_path) == before


# --- schema and bundle: replace only their own files -------------------------------------------


def test_schema_replaces_its_own_file_only(root, tmp_path, capsys):
    out = tmp_path / "elders" / "schema.json"
    before = snapshot(tmp_path)
    assert main(["--project", str(root), "schema", "--out", str(out)]) == 0
    after = snapshot(tmp_path)
    assert after.pop("elders/schema.json") and after == before  # only the target is new
    first = out.read_text(encoding="utf-8")
    out.write_text(first.replace("Praktijk", "Oude praktijk", 1), encoding="utf-8")
    assert main(["--project", str(root), "schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == first
    # The project keeps its schema in practices/: that is allowed.
    kept = root / "practices" / "praktijk.schema.json"
    assert main(["--project", str(root), "schema", "--out", str(kept)]) == 0
    assert kept.read_text(encoding="utf-8") == first
    capsys.readouterr()


def test_bundles_are_recognised_by_their_comment(tmp_path):
    site = tmp_path / FOLDER
    site.mkdir()
    (site / "index.html").write_text("<p>bundel</p>", encoding="utf-8")
    made = tmp_path / "bundel.zip"
    import datetime as dt

    write_zip(site, made, dt.date(2025, 11, 22))
    with zipfile.ZipFile(made) as archive:
        assert archive.comment == COMMENT
    assert is_bundle(made)
    foreign = tmp_path / "ander.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("index.html", "<p>iets anders</p>")
    assert not is_bundle(foreign)
    text = tmp_path / "tekst.zip"
    text.write_text("geen zip", encoding="utf-8")
    assert not is_bundle(text)


def test_a_bundle_replaces_an_earlier_bundle_and_nothing_else(root, tmp_path):
    earlier = tmp_path / "elders" / "bundel.zip"
    with zipfile.ZipFile(earlier, "w") as archive:
        archive.comment = COMMENT
        archive.writestr(f"{FOLDER}/index.html", "oud")
    check_output(root, earlier)  # accepted: an earlier bundle
    write_file(earlier, lambda p: p.write_bytes(b"nieuw"), is_ours=is_bundle, what="bundel")
    assert earlier.read_bytes() == b"nieuw"
    # Now it is not a bundle any more: refused, and left as it is.
    with pytest.raises(OutputError, match="bestaat al en is geen offline bundel"):
        check_output(root, earlier)
    with pytest.raises(OutputError, match="bestaat al en is geen bundel"):
        write_file(earlier, lambda p: p.write_bytes(b"x"), is_ours=is_bundle, what="bundel")
    assert earlier.read_bytes() == b"nieuw"
    assert [p.name for p in earlier.parent.iterdir()] == ["bundel.zip"]


def test_bundle_refuses_a_link(root, tmp_path):
    target = tmp_path / "elders" / "echt.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.comment = COMMENT
    link = tmp_path / "elders" / "link.zip"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="bestaat al en is geen"):
        check_output(root, link)
