"""`python -m generator bundle`: the offline site, or a theme's selection, as one zip.

The site is built by MkDocs from `mkdocs-offline.yml` (file URLs, Material's offline plugin, the
worker shim from npm) in a subprocess, so this module stays free of MkDocs imports. The zip is
deterministic: sorted entries, fixed timestamps, no sitemap (its dates change every day).

The zip goes only where the user said (see `outputs`): never into the project's own folders, and
an existing file is replaced only when it is a bundle made here (recognised by its comment).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import report
from .filters import FACETS, Selection, practice_values
from .outputs import OutputError, check_file_target, refuse_protected, write_file
from .project import load_project
from .reference import slugify
from .settings import read_settings
from .vocab import suggest

OFFLINE_CONFIG = "mkdocs-offline.yml"
SHIM = Path("node_modules/iframe-worker/shim/index.js")
FOLDER = "sdg-praktijkendatabank"
COMMENT = b"SDG-praktijkendatabank: offline bundel"  # marks the zips this command made
OPTIONS = {  # option → facet in the catalogue's query string
    "sdg": "sdg",
    "domein": "domein",
    "provincie": "provincie",
    "gemeente": "gemeente",
    "status": "status",
    "lmb": "lmb",
    "principe": "principe",
    "land": "land",
    "trefwoord": "trefwoord",
}


def register(sub: argparse._SubParsersAction) -> None:
    from .cli import output_file  # cli is loaded: it is what calls this

    parser = sub.add_parser(
        "bundle",
        help="een offline zip van de site of van een selectie maken",
        description="Maakt een zip die zonder internet werkt: uitpakken en index.html openen. "
        "Filters werken zoals in de catalogus: binnen een filter OF, tussen "
        "filters EN.",
    )
    parser.add_argument(
        "--out",
        type=output_file,
        metavar="BESTAND",
        help="het zip-bestand (standaard: naam volgens selectie, in de huidige map); een "
        "bestaand bestand wordt alleen vervangen als het een eerdere bundel is",
    )
    for option in OPTIONS:
        parser.add_argument(
            f"--{option}",
            action="append",
            default=[],
            metavar="WAARDE",
            help=f"alleen praktijken met deze {option} (herhaalbaar)",
        )
    parser.add_argument("--jaar", help="startjaar of periode, bv. 2020-2024")
    parser.add_argument("--zoek", help="vrije tekst, zoals het zoekveld van de catalogus")
    parser.add_argument(
        "--selectie",
        type=selection_query,
        default="",
        help="een selectie als in de adresbalk van de catalogus, bv. 'sdg=13&domein=water'",
    )
    parser.set_defaults(run=run_bundle)


def selection_query(text: str) -> str:
    """--selectie: a query the catalogue understands (checked here, used as text later)."""
    try:
        Selection.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def run_bundle(args: argparse.Namespace) -> int:
    root: Path = args.project
    # The target is checked first: refusing it after minutes of building would be unkind.
    if args.out:
        check_output(root, args.out)
    project = load_project(root)
    if project.errors:
        report.print_errors(project.errors, project.files, project.problems)
        print("De bundel wordt niet gemaakt: los eerst de fouten op.", file=sys.stderr)
        return 1
    selection, problems = _selection(args, project)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return 2
    chosen = [p for p in project.practices if selection.matches(p)]
    if not chosen:
        print("De selectie bevat geen praktijken; kies ruimere filters.", file=sys.stderr)
        return 1
    if not (root / SHIM).is_file():
        print(
            f"{SHIM} ontbreekt: installeer eerst de npm-pakketten van het project met "
            "'npm ci' (de offline zoekfunctie heeft ze nodig).",
            file=sys.stderr,
        )
        return 1
    made = _made_date()
    out = args.out or Path(_default_name(selection))
    check_output(root, out)
    print(f"Offline bundel van {len(chosen)} praktijken maken …", flush=True)
    with tempfile.TemporaryDirectory(prefix="bundel-") as tmp:
        site = Path(tmp) / FOLDER
        if not _build(root, site, _query(selection), made):
            print(
                "De bundel is niet gemaakt: de site kon niet gebouwd worden (zie hierboven).",
                file=sys.stderr,
            )
            return 1
        # Useless without a web server: the sitemap (whose dates change daily) and the 404
        # page (whose links are absolute paths on the server).
        for name in ("sitemap.xml", "sitemap.xml.gz", "404.html"):
            (site / name).unlink(missing_ok=True)
        files = write_file(
            out,
            lambda path: write_zip(site, path, made),
            is_ours=is_bundle,
            what="offline bundel van deze databank",
        )
    size = out.stat().st_size / 1_000_000
    print(
        f"Bundel klaar: {out} ({size:.1f} MB, {files} bestanden, {len(chosen)} praktijken). "
        "Uitpakken en index.html openen; werkt zonder internet."
    )
    return 0


def check_output(root: Path, out: Path) -> None:
    """Refuse a zip in the project's own folders, or over a file that is not an earlier bundle,
    with a Dutch `OutputError`."""
    refuse_protected(out, read_settings(root).layout(root), inside=True)
    check_file_target(out)
    if out.exists() and not (out.is_file() and not out.is_symlink() and is_bundle(out)):
        raise OutputError(
            f"'{out}' bestaat al en is geen offline bundel van deze databank; een bestaand "
            "bestand wordt niet overschreven. Kies een andere naam met --out."
        )


def is_bundle(path: Path) -> bool:
    """Whether `path` is a zip made by this command (by its comment, or by its one folder)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            return archive.comment == COMMENT or (
                f"{FOLDER}/index.html" in names
                and all(name.startswith(f"{FOLDER}/") for name in names)
            )
    except (OSError, zipfile.BadZipFile):
        return False


def _selection(args: argparse.Namespace, project) -> tuple[Selection, list[str]]:
    """The selection from the options, with Dutch errors for values that match nothing."""
    selection = Selection.from_query(args.selectie)
    problems = []
    known: dict[str, set[str]] = {facet: set() for facet in FACETS}
    for p in project.practices:
        for facet, values in practice_values(p).items():
            known[facet] |= values
    known["sdg"] |= {str(n) for n in range(1, 18)}
    known["domein"] |= set(project.vocab.domains)
    known["status"] |= set(project.vocab.statuses)
    for option, facet in OPTIONS.items():
        for value in getattr(args, option):
            normal = value.upper() if facet == "land" else value.lower()
            selection.values.setdefault(facet, set()).add(normal)
    for facet, values in selection.values.items():
        for value in sorted(values - known[facet]):
            close = suggest(value, sorted(known[facet]))
            hint = f" Bedoel je '{close}'?" if close else ""
            problems.append(f"--{facet}: '{value}' komt in geen enkele praktijk voor.{hint}")
    if args.jaar:
        try:
            selection.set_years(args.jaar)
        except ValueError as exc:
            problems.append(f"--jaar: {exc}")
    if args.zoek:
        selection.q = args.zoek
    return selection, problems


def _query(selection: Selection) -> str:
    from urllib.parse import urlencode

    pairs = [(facet, v) for facet in FACETS for v in sorted(selection.values.get(facet, ()))]
    if selection.year_from is not None or selection.year_to is not None:
        pairs.append(("jaar", f"{selection.year_from or ''}-{selection.year_to or ''}"))
    if selection.q:
        pairs.append(("q", selection.q))
    return urlencode(pairs)


def _default_name(selection: Selection) -> str:
    if selection.is_empty():
        return f"{FOLDER}-offline.zip"
    parts = [
        f"{facet}-{'-'.join(sorted(values))}" for facet, values in sorted(selection.values.items())
    ]
    if selection.year_from or selection.year_to:
        parts.append(f"jaar-{selection.year_from or ''}-{selection.year_to or ''}")
    if selection.q:
        parts.append(selection.q)
    return f"{FOLDER}-{slugify('-'.join(parts))[:80].strip('-')}.zip"


def _made_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def _build(root: Path, site: Path, query: str, made: dt.date) -> bool:
    env = dict(
        os.environ,
        PRAKTIJKEN_SELECTIE=query,
        PRAKTIJKEN_BUNDEL_DATUM=made.isoformat(),
        NO_MKDOCS_2_WARNING="1",
    )
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(root / OFFLINE_CONFIG),
        "-d",
        str(site),
    ]
    with subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print("  " + line.rstrip(), flush=True)  # MkDocs' own log, with our progress lines
    return process.returncode == 0


def write_zip(folder: Path, out: Path, made: dt.date) -> int:
    """Zip `folder` (as a top-level folder of the same name) reproducibly; returns file count."""
    stamp = (max(made.year, 1980), made.month, made.day, 0, 0, 0)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.comment = COMMENT
        for path in files:
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)
