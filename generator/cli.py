"""Command line: `python -m generator check|schema|export|new|bundle`.

Everything the user sees is Dutch, argparse's own help and errors included (`DutchParser`).
Arguments are checked by the parser (`type=` functions); what can still go wrong while a
command runs (a folder without write permission, a refused output path) ends as one Dutch line
on stderr with exit code 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from . import report
from .project import load_project

Command = Callable[[argparse.Namespace], int]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(extra=_command(argv) not in CORE_COMMANDS)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except (OSError, ValueError, yaml.YAMLError) as exc:
        # Refused outputs (outputs.OutputError) and what the system refuses: one Dutch line.
        print(f"Fout: {describe(exc)}", file=sys.stderr)
        return 2


CORE_COMMANDS = {"check", "schema"}  # need no other module: `check` starts sooner


def _command(argv: list[str]) -> str | None:
    """The command in `argv`: the first argument that is neither an option nor its value."""
    args = iter(argv)
    for arg in args:
        if arg == "--project":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


# --- errors in Dutch -------------------------------------------------------------------------

OS_ERRORS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang; controleer de rechten",
    errno.EPERM: "niet toegestaan; controleer de rechten",
    errno.EROFS: "ligt op een schijf die alleen gelezen kan worden",
    errno.ENOSPC: "de schijf is vol",
    errno.ENOTDIR: "een deel van dit pad is een bestand, geen map",
    errno.EISDIR: "is een map, geen bestand",
    errno.EEXIST: "bestaat al",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def describe(exc: BaseException) -> str:
    """A Dutch sentence for an error that stopped a command."""
    if isinstance(exc, OSError):
        reason = OS_ERRORS.get(exc.errno or 0, f"lezen of schrijven mislukt ({exc.strerror})")
        return f"'{exc.filename}': {reason}" if exc.filename else reason
    if isinstance(exc, UnicodeError):
        return "een bestand is geen geldige UTF-8-tekst; sla het op als UTF-8."
    if isinstance(exc, yaml.YAMLError):
        # Only mkdocs.yml is read with an exception for bad YAML; the lists report problems.
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
        return f"mkdocs.yml van het project is geen geldige YAML{where}."
    return str(exc)


# argparse's own words, in Dutch. argparse fetches them through gettext at the moment it uses
# them (deep inside parse_args, for "required" and "invalid choice"), so the only clean way in
# is to lend argparse this table while our parser works: see `_dutch_argparse`.
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "subcommands": "opdrachten",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "de volgende argumenten zijn verplicht: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "not allowed with argument %s": "niet samen met %s",
    "ignored explicit argument %r": "overbodige waarde %r",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}


@contextmanager
def _dutch_argparse() -> Iterator[None]:
    """Let argparse speak Dutch for the duration of the block (nested blocks are fine)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, more, n: ARGPARSE_NL.get(one if n == 1 else more, more)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Dutch; its sub-parsers are too."""

    def __init__(self, *args, **kwargs) -> None:
        with _dutch_argparse():  # the group titles and -h's help are fixed here
            super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        with _dutch_argparse():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        with _dutch_argparse():  # "unrecognized arguments" is raised here, outside the above
            return super().parse_args(args, namespace)

    def add_subparsers(self, **kwargs):  # type: ignore[override]
        with _dutch_argparse():
            return super().add_subparsers(**kwargs)

    def format_usage(self) -> str:
        with _dutch_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with _dutch_argparse():
            return super().format_help()

    def error(self, message: str):  # type: ignore[override]
        with _dutch_argparse():
            super().error(message)


# --- argument types: bad values are refused by the parser, with the option's name --------------


def project_folder(text: str) -> Path:
    """--project: an existing folder."""
    path = Path(text)
    if not text:
        raise argparse.ArgumentTypeError("geef een map (leeg is niet toegestaan)")
    if not path.exists():
        raise argparse.ArgumentTypeError(f"de map '{text}' bestaat niet")
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{text}' is een bestand, geen map")
    return path


def some_path(text: str) -> Path:
    """A path that is not empty (Path('') would silently mean the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("geef een pad (leeg is niet toegestaan)")
    return Path(text)


def output_file(text: str) -> Path:
    """--out for a file: a name in an existing folder, not a folder."""
    from .outputs import OutputError, check_file_target

    path = some_path(text)
    try:
        check_file_target(path)
    except OutputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return path


def output_folder(text: str) -> Path:
    """--out for a folder: not a file, in an existing folder."""
    from .outputs import OutputError, check_folder_target

    path = some_path(text)
    try:
        check_folder_target(path)
    except OutputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return path


# --- the parser --------------------------------------------------------------------------------


def _parser(extra: bool = True) -> argparse.ArgumentParser:
    parser = DutchParser(
        prog="python -m generator",
        description="SDG-praktijkendatabank: praktijken controleren en de site maken.",
    )
    parser.add_argument(
        "--project",
        type=project_folder,
        default=Path("."),
        metavar="MAP",
        help="map van het project met practices/_lijsten/ (standaard: de huidige map)",
    )
    sub = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT")

    check = sub.add_parser("check", help="praktijken controleren en alle problemen tonen")
    check.add_argument(
        "paths",
        nargs="*",
        type=some_path,
        metavar="PAD",
        help="mappen of bestanden (standaard: practices/)",
    )
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    check.add_argument(
        "--format",
        choices=report.FORMATS,
        default="text",
        help="uitvoer: text (standaard), github (annotaties) of json",
    )
    check.set_defaults(run=run_check)

    schema = sub.add_parser(
        "schema",
        help="het JSON Schema van het formaat afdrukken of schrijven",
        description="Drukt het JSON Schema af, of schrijft het naar een bestand. Een bestaand "
        "bestand wordt alleen vervangen als het een eerder geschreven schema is.",
    )
    schema.add_argument(
        "--out",
        type=output_file,
        metavar="BESTAND",
        help="schrijf naar dit bestand in plaats van stdout (de map moet al bestaan)",
    )
    schema.set_defaults(run=run_schema)

    for register in _EXTRA_COMMANDS if extra else []:
        register(sub)
    return parser


def run_check(args: argparse.Namespace) -> int:
    project = load_project(args.project, args.paths or None, keep_practices=False)
    problems = project.problems
    if args.format == "json":
        print(report.as_json(problems, project.files))
    else:
        lines = report.as_github(problems) if args.format == "github" else report.as_text(problems)
        for line in lines:
            print(line)
        print(report.summary(project.files, problems))
    failed = project.errors or (args.strict and project.warnings)
    return 1 if failed else 0


def run_schema(args: argparse.Namespace) -> int:
    from .jsonschema import dumps
    from .settings import project_layout
    from .vocab import load_vocab

    vocab, problems = load_vocab(project_layout(args.project).lists)
    if problems:
        for line in report.as_text(problems):
            print(line, file=sys.stderr)
        return 1
    text = dumps(vocab)
    if args.out:
        write_schema(args.project, args.out, text)
        print(f"Schema geschreven naar {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def write_schema(root: Path, out: Path, text: str) -> None:
    """Write the schema to `out`, replacing only a schema written earlier (see `outputs`)."""
    from .outputs import refuse_protected, write_file
    from .settings import read_settings

    refuse_protected(out, read_settings(root).layout(root), inside=False)
    ours = _schema_id(text)
    write_file(
        out,
        lambda path: path.write_text(text, encoding="utf-8", newline="\n"),
        is_ours=lambda path: _schema_id(path.read_bytes()) == ours,
        what="JSON Schema van de praktijken",
    )


def _schema_id(text: str | bytes) -> str | None:
    """The `$id` of a JSON Schema, or None for any other text."""
    import json

    try:
        data = json.loads(text)
    except ValueError:  # not JSON, or not UTF-8
        return None
    return data.get("$id") if isinstance(data, dict) else None


ENGINES = ("mkdocs", "zensical")  # generator.export.ENGINES, without importing it for `check`


def _register_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="de gegenereerde pagina's als gewone Markdown schrijven",
        description="Schrijft de volledige docs-map (met alle gegenereerde pagina's) naar een "
        "nieuwe of lege map. Een eerdere export wordt vervangen; een andere map nooit. De map "
        "mag niet in practices/ of de docs-map liggen.",
    )
    export.add_argument(
        "--out",
        type=output_folder,
        required=True,
        metavar="MAP",
        help="doelmap: nieuw, leeg of een eerdere export (die wordt vervangen)",
    )
    export.add_argument(
        "--motor",
        choices=ENGINES,
        default="mkdocs",
        help="voor welke motor de links in de HTML-blokken geschreven worden: mkdocs "
        "(standaard, ook ProperDocs) of zensical",
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from .export import export_site
    from .settings import read_settings

    project = load_project(args.project)
    if project.errors:
        report.print_errors(project.errors, project.files, project.problems)
        return 1
    count = export_site(project, read_settings(args.project), args.out, args.motor)
    print(f"{count} pagina's geschreven naar {args.out}")
    return 0


# Commands in other modules register here (export, new, bundle) to keep this one small.
def _register_bundle(sub: argparse._SubParsersAction) -> None:
    from .bundle import register

    register(sub)


def _register_new(sub: argparse._SubParsersAction) -> None:
    from .new import register

    register(sub)


def _register_cijfers(sub: argparse._SubParsersAction) -> None:
    from .figures import register

    register(sub)


def _register_verouderd(sub: argparse._SubParsersAction) -> None:
    from .stale import register

    register(sub)


_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _register_export,
    _register_bundle,
    _register_new,
    _register_cijfers,
    _register_verouderd,
]
