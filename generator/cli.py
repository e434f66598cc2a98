"""Command line: `python -m generator check|schema|export|new|bundle`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

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


def _parser(extra: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="SDG-praktijkendatabank: praktijken controleren en de site maken.",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        help="map van het project met practices/_lijsten/ (standaard: de huidige map)",
    )
    sub = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT")

    check = sub.add_parser("check", help="praktijken controleren en alle problemen tonen")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
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

    schema = sub.add_parser("schema", help="het JSON Schema van het formaat afdrukken of schrijven")
    schema.add_argument("--out", type=Path, help="schrijf naar dit bestand in plaats van stdout")
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
    from .vocab import load_vocab

    vocab, problems = load_vocab(args.project)
    if problems:
        for line in report.as_text(problems):
            print(line, file=sys.stderr)
        return 1
    text = dumps(vocab)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"Schema geschreven naar {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def _register_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="de gegenereerde pagina's als gewone Markdown schrijven")
    export.add_argument("--out", type=Path, required=True, help="doelmap (wordt eerst leeggemaakt)")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from .export import export_site
    from .settings import read_settings

    project = load_project(args.project)
    if project.errors:
        for line in report.as_text(project.errors):
            print(line, file=sys.stderr)
        print(report.summary(project.files, project.problems), file=sys.stderr)
        return 1
    if args.out.resolve() in (args.project.resolve(), Path.cwd().resolve()):
        print("Kies een aparte map voor --out: ze wordt eerst leeggemaakt.", file=sys.stderr)
        return 2
    count = export_site(project, read_settings(args.project), args.out)
    print(f"{count} pagina's geschreven naar {args.out}")
    return 0


# Commands in other modules register here (export, new, bundle) to keep this one small.
def _register_bundle(sub: argparse._SubParsersAction) -> None:
    from .bundle import register

    register(sub)


def _register_new(sub: argparse._SubParsersAction) -> None:
    from .new import register

    register(sub)


_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _register_export,
    _register_bundle,
    _register_new,
]
