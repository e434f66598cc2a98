"""`python -m generator new`: start a new practice file from a template.

Interactive when no field options are given: it asks every field in Dutch, shows the allowed
values, and checks each answer with the validator itself (a candidate file is validated with
`validate.validate`, exactly as `check` would), re-asking until the answer is valid. With options
(`--titel … --gemeente … --sdg 13 …`) it runs without questions, for scripts.

Either way it writes `practices/<id>.md` with the front matter in the order of `schema.FIELDS`,
the optional fields as comments to fill in later, and the body headings with a one-line hint
each (HTML comments: invisible on the site, and accepted by `check --strict`). It never
overwrites a file.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml

from . import report, schema
from .load import discover, display_path, file_id, split
from .model import ERROR, Practice, Problem
from .reference import fold, slugify, target_sort_key
from .schema import FALLBACK_ID, FLOW_LISTS, MAX_ID, Field
from .settings import project_layout, read_settings
from .validate import is_unwritten_section, validate
from .vocab import Vocab, load_vocab

# The template's headings with their hints; the optional Meerwaarde is left out.
BODY_HINTS = {k: v for k, v in schema.SECTION_HINTS.items() if k != "Meerwaarde"}

# Examples for fields that have none in the schema (objects are built from their parts).
EXTRA_EXAMPLES: dict[str, Any] = {
    "contact.naam": "Naam Voornaam",
    "contact.url": "https://www.gemeente.example.org/duurzaamheid",
    "afbeelding.pad": "_afbeeldingen/markt.jpg",
    "afbeelding.alt": "Kraampjes met fairtrade-producten op de markt",
}
WIDTH = 96  # YAML lines are wrapped to this width
_HINT = re.compile(r"(<!--.*?-->)", re.DOTALL)  # a section's hint in the template
NOT_IN_TEMPLATE = {"voorbeeld"}  # only for the illustrative starter collection

# Option → field key; `append` options may be repeated.
OPTIONS: list[tuple[str, str, bool, str]] = [
    ("--titel", "titel", False, "de titel (5–120 tekens)"),
    ("--gemeente", "gemeenten", True, "een gemeente (officiële naam sinds 2025); herhaalbaar"),
    ("--sdg", "sdgs", True, "een SDG-nummer 1–17; herhaalbaar, hoogstens 5"),
    ("--domein", "beleidsdomeinen", True, "een beleidsdomein (slug); herhaalbaar"),
    ("--status", "status", False, "gepland, lopend of afgerond"),
    ("--jaar", "jaar", False, "het startjaar"),
    ("--samenvatting", "samenvatting", False, "één of twee zinnen (40–400 tekens)"),
    ("--lmb", "lmb-categorie", False, "de categorie lokaal mondiaal beleid (slug)"),
    ("--principe", "principes", True, "een principe (slug); herhaalbaar"),
    ("--subdoel", "subdoelen", True, "een subdoel zoals 12.7; herhaalbaar"),
    ("--land", "partnerlanden", True, "een partnerland als ISO-code (BJ, SN …); herhaalbaar"),
    ("--partner", "partners", True, "een partnerorganisatie; herhaalbaar"),
    ("--trefwoord", "trefwoorden", True, "een trefwoord; herhaalbaar"),
    ("--dienst", "contact.dienst", False, "de contactdienst"),
    ("--email", "contact.email", False, "het e-mailadres van de contactdienst"),
]
# Lists whose values never contain a comma: `--gemeente "Gent, Melle"` means two.
SPLIT_ON_COMMA = {"gemeenten", "sdgs", "beleidsdomeinen", "principes", "subdoelen", "partnerlanden"}

# The questions of the interactive mode, in order.
QUESTIONS = [
    "titel",
    "gemeenten",
    "sdgs",
    "beleidsdomeinen",
    "status",
    "jaar",
    "samenvatting",
    "lmb-categorie",
    "principes",
    "subdoelen",
    "partnerlanden",
    "partners",
    "trefwoorden",
    "contact.dienst",
    "contact.email",
]
NUMBERED = {"beleidsdomeinen", "lmb-categorieen", "principes", "status"}  # pick by number too


def register(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser(
        "new",
        help="een nieuwe praktijk beginnen (vragen, of opties voor scripts)",
        description="Schrijft practices/<id>.md met de gegevens en de koppen van de tekst. Zonder "
        "opties stelt het de vragen één voor één; met opties werkt het zonder vragen.",
    )
    for flag, key, repeat, help_text in OPTIONS:
        new.add_argument(
            flag,
            dest=_dest(key),
            action="append" if repeat else "store",
            metavar=flag.lstrip("-").upper(),
            help=help_text,
        )
    new.add_argument("--id", help="de id en bestandsnaam (standaard: afgeleid van de titel)")
    new.set_defaults(run=run_new)


def _dest(key: str) -> str:
    return "f_" + key.replace("-", "_").replace(".", "_")


# --- the command ---------------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    root: Path = args.project
    vocab, problems = load_vocab(project_layout(root).lists)
    if problems:
        for line in report.as_text(problems):
            print(line, file=sys.stderr)
        print("De lijsten van het project zijn niet in orde; los dat eerst op.", file=sys.stderr)
        return 1
    maker = Maker(root, vocab)
    given = {key: getattr(args, _dest(key)) for _, key, _, _ in OPTIONS}
    given = {k: v for k, v in given.items() if v is not None}
    if not given and args.id is None:
        return maker.interactive(sys.stdin, sys.stdout)
    return maker.from_options(given, args.id)


@dataclass
class Outcome:
    text: str  # the file as it would be written
    practice: Practice | None  # None when there are errors
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class Maker:
    """Builds, checks and writes a new practice for the project at `root`."""

    def __init__(self, root: Path, vocab: Vocab, today: dt.date | None = None) -> None:
        self.root = root
        self.vocab = vocab
        self.today = today or dt.date.today()
        settings = read_settings(root)
        self.practices_dir = settings.layout(root).practices
        self.site_url = settings.site_url

    # -- checking: the validator's own code path --

    def check(self, data: dict[str, Any], practice_id: str) -> Outcome:
        """Validate the file that `data` would become, as `check` validates a file on disk."""
        path = self.path_for(practice_id)
        text = practice_text(data, self.site_url)
        source, problems = split(text, path, display_path(path))
        if source is None:
            return Outcome(text, None, problems)
        # The sections' text is the contributor's next step (`next_steps`), which `check` then
        # demands: the fields are validated here as if the sections were written.
        written = dataclasses.replace(source, body=_HINT.sub(r"\1\nTekst.", source.body))
        practice, problems = validate(written, self.vocab, self.practices_dir, self.today)
        problems = [p for p in problems if not is_unwritten_section(p)]
        return Outcome(text, practice, problems)

    def id_problems(self, practice_id: str) -> list[Problem]:
        """The validator's verdict on the id (the file name), plus: no folders in an id."""
        path = self.path_for(practice_id)
        if Path(practice_id).name != practice_id or practice_id in ("", ".", ".."):
            return [
                Problem(
                    display_path(path),
                    1,
                    ERROR,
                    None,
                    f"'{practice_id}' is geen geldige id: een id is alleen een "
                    "bestandsnaam, zonder map en zonder '/'.",
                )
            ]
        source, problems = split(
            practice_text({"titel": "Controle van de id"}), path, display_path(path)
        )
        if source is None:
            return problems
        _, problems = validate(source, self.vocab, self.practices_dir, self.today)
        return [p for p in problems if p.field is None]

    def path_for(self, practice_id: str) -> Path:
        return self.practices_dir / f"{practice_id}.md"

    def existing(self, practice_id: str) -> list[Path]:
        """Files that already use this id (anywhere under practices/: ids are unique)."""
        target = self.path_for(practice_id)
        found = [target] if target.exists() else []
        if self.practices_dir.is_dir():
            files, _ = discover([self.practices_dir])
            found += [Path(f) for f in files if file_id(f) == practice_id and Path(f) != target]
        return found

    def normalised(self, data: dict[str, Any], practice: Practice) -> dict[str, Any]:
        """The answers with the spelling the validator settled on (official names, codes)."""
        data = dict(data)
        data["gemeenten"] = [m.name for m in practice.gemeenten]
        data["sdgs"] = practice.sdgs
        data["jaar"] = practice.jaar
        for key, value in (
            ("subdoelen", practice.subdoelen),
            ("partnerlanden", practice.partnerlanden),
        ):
            if key in data:
                data[key] = value
        return data

    # -- writing --

    def write(self, data: dict[str, Any], practice_id: str, out: TextIO) -> int:
        path = self.path_for(practice_id)
        existing = self.existing(practice_id)
        if existing:
            print(refusal(practice_id, existing), file=sys.stderr)
            return 1
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(practice_text(data, self.site_url))
        except FileExistsError:  # created in the meantime
            print(refusal(practice_id, [path]), file=sys.stderr)
            return 1
        print(self.next_steps(path), file=out)
        return 0

    def next_steps(self, path: Path) -> str:
        shown = display_path(path.resolve())
        here = Path.cwd().resolve() == self.root.resolve()
        project = "" if here else f"--project {display_path(self.root.resolve())} "
        steps = [
            f"Open {shown} en schrijf de tekst onder de koppen {', '.join(BODY_HINTS)}. De "
            "regels tussen <!-- en --> zeggen wat er komt; je mag ze laten staan of wissen. "
            "Optionele velden staan als commentaar (#) tussen de gegevens: haal '# ' weg om er "
            "een te gebruiken.",
            "Controleer het bestand:",
            "Open een pull request op GitHub: maak een branch, voeg het bestand toe met een "
            "commit en open de pull request (zie CONTRIBUTING.md). Daar lopen dezelfde "
            "controles opnieuw.",
        ]
        lines = [f"Nieuwe praktijk geschreven: {shown}", "", "Wat nu?"]
        for i, step in enumerate(steps, 1):
            lines += textwrap.wrap(
                step,
                92,
                initial_indent=f"  {i}. ",
                subsequent_indent="     ",
                break_on_hyphens=False,
                break_long_words=False,
            )
            if i == 2:
                lines.append(f"     python -m generator {project}check {shown}")
        return "\n".join(lines)

    # -- non-interactive --

    def from_options(self, given: dict[str, Any], practice_id: str | None) -> int:
        data: dict[str, Any] = {}
        for key in (q for q in _all_option_keys() if q in given):
            value = given[key]
            spec = spec_for(key)
            if spec.kind == "list":
                items = [
                    v
                    for raw in value
                    for v in (raw.split(",") if spec.key in SPLIT_ON_COMMA else [raw])
                ]
                value = [coerce(spec.item, v.strip()) for v in items if v.strip()]  # type: ignore[arg-type]
            else:
                value = coerce(spec, value)
            set_value(data, key, value)
        if practice_id is None:
            practice_id = id_from_title(data.get("titel"), _towns(data))
        else:
            practice_id = clean_id(practice_id)
        outcome = self.check(data, practice_id)
        # Warnings block too: a new file passes `check --strict` apart from its text.
        errors = outcome.problems + self.id_problems(practice_id)
        existing = [] if errors else self.existing(practice_id)
        errors = sorted(set(errors), key=lambda p: p.sort_key)
        for line in report.as_text(errors):
            print(line, file=sys.stderr)
        if existing:
            print(refusal(practice_id, existing), file=sys.stderr)
        if errors or existing:
            count = len(errors)
            if count:
                noun = "probleem" if count == 1 else "problemen"
                print(
                    f"Niets geschreven: {count} {noun}. Pas de opties aan en probeer opnieuw.",
                    file=sys.stderr,
                )
            return 1
        assert outcome.practice is not None
        return self.write(self.normalised(data, outcome.practice), practice_id, sys.stdout)

    # -- interactive --

    def interactive(self, stdin: TextIO, out: TextIO) -> int:
        ask = Asker(self, stdin, out)
        try:
            return ask.run()
        except EOFError:
            print(
                "\nDe invoer stopte voor alle vragen beantwoord waren; er is niets geschreven.",
                file=out,
            )
            return 1


def _all_option_keys() -> list[str]:
    return [key for _, key, _, _ in OPTIONS]


def refusal(practice_id: str, paths: list[Path]) -> str:
    where = ", ".join(display_path(p) for p in paths)
    return (
        f"Er bestaat al een praktijk met de id '{practice_id}': {where}. Een bestaand bestand "
        "wordt nooit overschreven. Kies een andere id (--id) of een andere titel, of pas het "
        "bestaande bestand aan."
    )


# --- values --------------------------------------------------------------------------------


def spec_for(key: str) -> Field:
    """The schema field for 'titel' or a dotted sub-field such as 'contact.email'."""
    top, _, sub = key.partition(".")
    spec = schema.BY_KEY[top]
    if not sub:
        return spec
    return next(f for f in spec.fields if f.key == sub)


def set_value(data: dict[str, Any], key: str, value: Any) -> None:
    top, _, sub = key.partition(".")
    if not sub:
        data[top] = value
    else:
        data.setdefault(top, {})[sub] = value


def coerce(spec: Field, text: str) -> Any:
    """The YAML value a typed answer stands for: digits become a number where one is expected;
    everything else stays text, for the validator to judge."""
    text = text.strip()
    if spec.kind == "int" and text.isascii() and text.isdigit() and len(text) < 10:
        return int(text)
    return text


def clean_id(text: str) -> str:
    """An id as typed: without spaces around it and without a '.md' the user added."""
    text = text.strip()
    return text[:-3] if text.lower().endswith(".md") else text


def id_from_title(title: Any, municipalities: Any = None) -> str:
    """The proposed id, as the existing practices are named: `<gemeente>-<titel>`, the slug of
    the first municipality and that of the title ('gent-fair-o-meter'); the municipality once
    when the title starts with it ('Gent fietst' → 'gent-fietst'). At most MAX_ID characters,
    cut at a hyphen. The web form (docs/javascripts/formulier.js, autoId) proposes the same."""
    slug = slugify(title) if isinstance(title, str) else ""
    first = municipalities[0] if isinstance(municipalities, list) and municipalities else None
    town = slugify(first) if isinstance(first, str) else ""
    if slug and town and slug != town and not slug.startswith(town + "-"):
        slug = f"{town}-{slug}"
    if len(slug) > MAX_ID:
        slug = slug[: MAX_ID + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_ID] else slug[:MAX_ID]
    return slug or FALLBACK_ID


def _towns(data: dict[str, Any]) -> list[Any]:
    """The municipalities given so far (as typed: their slugs are those of the official names,
    which the validator matches ignoring case, accents and hyphens)."""
    given = data.get("gemeenten")
    return given if isinstance(given, list) else [given]


# --- the file ------------------------------------------------------------------------------


def practice_text(data: dict[str, Any], site_url: str | None = None) -> str:
    """A practice file: the front matter in schema order, the optional fields that are not
    filled in as comments, and the body headings with their hints."""
    present = {k for k, v in data.items() if v not in (None, [], {})}
    lines = ["---"]
    guide = (
        f"{site_url.rstrip('/')}/bijdragen/velden/"
        if site_url
        else "de pagina 'Velden en lijsten' van de site"
    )
    lines.append(f"# Uitleg bij elk veld en alle toegelaten waarden: {guide}")
    for spec in schema.FIELDS:
        if spec.key in present:
            lines.append(yaml_field(spec, data[spec.key]))
    unused = [
        f
        for f in schema.FIELDS
        if f.key not in present and not f.required and f.key not in NOT_IN_TEMPLATE
    ]
    if unused:
        lines.append(
            "# Optionele velden: haal '# ' weg aan het begin van de regel(s) om een veld "
            "te gebruiken."
        )
        for spec in unused:
            lines.extend("# " + line for line in yaml_field(spec, example(spec)).split("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body_template()


def body_template() -> str:
    parts = [f"## {title}\n\n<!-- {hint} -->\n" for title, hint in BODY_HINTS.items()]
    return "\n".join(parts)


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key (`  - Gent`), as the existing practices do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def yaml_field(spec: Field, value: Any) -> str:
    """One field as YAML (`key: value`), without a trailing newline. Long text is written as a
    folded block (`>-`), wrapped at spaces, as in the existing practices."""
    if (
        isinstance(value, str)
        and len(spec.key) + len(value) + 2 > WIDTH
        and value == " ".join(value.split())
    ):
        lines = textwrap.wrap(value, WIDTH - 2, break_long_words=False, break_on_hyphens=False)
        return f"{spec.key}: >-\n" + "\n".join("  " + line for line in lines)
    text = yaml.dump(
        {spec.key: value},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=WIDTH,
        default_flow_style=None if spec.key in FLOW_LISTS else False,
    )
    return text.rstrip("\n")


def example(spec: Field, prefix: str = "") -> Any:
    """The schema's example of a field, or one built from its parts."""
    key = prefix + spec.key
    if spec.example is not None:
        if spec.kind == "date" and isinstance(spec.example, str):
            return dt.date.fromisoformat(spec.example)
        return spec.example
    if key in EXTRA_EXAMPLES:
        return EXTRA_EXAMPLES[key]
    if spec.kind == "object":
        return {
            f.key: example(f, key + ".")
            for f in spec.fields
            if f.required or f.example is not None or key + "." + f.key in EXTRA_EXAMPLES
        }
    return None


# --- the questions -------------------------------------------------------------------------


class Asker:
    """The interactive dialogue: one question per field, each answer checked by the validator."""

    def __init__(self, maker: Maker, stdin: TextIO, out: TextIO) -> None:
        self.maker = maker
        self.vocab = maker.vocab
        self.stdin = stdin
        self.out = out
        self.data: dict[str, Any] = {}
        self.practice_id = FALLBACK_ID

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def read(self, prompt: str = "> ") -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        if not line:
            raise EOFError
        if not self.stdin.isatty():
            self.out.write(line if line.endswith("\n") else line + "\n")  # echo piped answers
        return line.strip()

    def run(self) -> int:
        self.say("Nieuwe praktijk voor de SDG-praktijkendatabank")
        self.say(
            "Beantwoord de vragen en druk op Enter. Een leeg antwoord slaat een optioneel "
            "veld over;\nmeerdere waarden scheid je met komma's. Typ ? voor hulp. Ctrl+C "
            "stopt zonder iets\nte schrijven."
        )
        for key in QUESTIONS:
            if key == "contact.email" and "contact" not in self.data:
                continue  # an address needs a service (or name) with it
            self.ask(key)
            if key == "gemeenten":  # the id starts with the first municipality
                self.ask_id()
        outcome = self.maker.check(self.data, self.practice_id)
        if outcome.problems or outcome.practice is None:  # cannot happen: every answer passed
            for line in report.as_text(outcome.problems):
                self.say(line)
            return 1
        self.say()
        return self.maker.write(
            self.maker.normalised(self.data, outcome.practice), self.practice_id, self.out
        )

    def ask(self, key: str) -> None:
        spec = spec_for(key)
        self.say()
        self.say(self.question(key, spec))
        for line in self.choices(spec):
            self.say(line)
        while True:
            answer = self.read()
            if answer.startswith("?"):
                self.help(spec, answer[1:].strip())
                continue
            value = self.parse(spec, answer)
            candidate = _with(self.data, key, value)
            problems = self.problems_of(key, candidate)
            for p in problems:  # warnings too: the new file must pass `check --strict`
                self.say(f"  {p.severity}: {p.message}")
            if not problems:
                self.data = candidate
                return

    def problems_of(self, key: str, data: dict[str, Any]) -> list[Problem]:
        outcome = self.maker.check(data, FALLBACK_ID)
        return [p for p in outcome.problems if p.field in (key, key.split(".")[0])]

    def ask_id(self) -> None:
        proposal = id_from_title(self.data.get("titel"), _towns(self.data))
        self.say()
        self.say(
            "Id: de bestandsnaam en het adres van de pagina (kleine letters, cijfers en "
            "koppeltekens)."
        )
        while True:
            answer = clean_id(self.read(f"[Enter = {proposal}] > ")) or proposal
            problems = self.maker.id_problems(answer)
            for p in problems:
                self.say(f"  fout: {p.message}")
            if problems:
                continue
            existing = self.maker.existing(answer)
            if existing:
                self.say(f"  fout: {refusal(answer, existing)}")
                continue
            self.practice_id = answer
            return

    def parse(self, spec: Field, answer: str) -> Any:
        if not answer:
            return None
        if spec.kind == "list":
            assert spec.item is not None
            items = [a.strip() for a in answer.split(",") if a.strip()]
            return [self.pick(spec.item, coerce(spec.item, a)) for a in items] or None
        return self.pick(spec, coerce(spec, answer))

    def pick(self, spec: Field, value: Any) -> Any:
        """A number typed for a numbered list stands for that item."""
        if spec.vocab in NUMBERED and isinstance(value, str) and value.isdigit():
            slugs = list(self.vocab.terms(spec.vocab))
            if 1 <= int(value) <= len(slugs):
                return slugs[int(value) - 1]
        return value

    # -- what the user sees --

    def question(self, key: str, spec: Field) -> str:
        label = spec.label if "." not in key else f"Contact: {spec.label.lower()}"
        need = "verplicht" if spec.required else "optioneel, Enter = overslaan"
        limits = ""
        if spec.kind == "text" and spec.limits():
            limits = f", {spec.limits()}"
        elif key == "jaar":
            limits = f", {schema.MIN_YEAR}–{schema.max_year(self.maker.today)}"
        elif spec.kind == "list" and spec.max:
            limits = f", {spec.limits()} waarden"
        return f"{label} ({need}{limits})\n  {spec.help}"

    def choices(self, spec: Field) -> list[str]:
        vocab_name = spec.vocab or (spec.item.vocab if spec.item else None)
        if vocab_name == "sdgs":
            return _columns([f"{n:>3} {g.name}" for n, g in self.vocab.goals.items()])
        if vocab_name in NUMBERED:
            terms = list(self.vocab.terms(vocab_name).values())
            items = [
                f"{i:>3} {t.slug}" + (f"  ({t.label})" if slugify(t.label) != t.slug else "")
                for i, t in enumerate(terms, 1)
            ]
            lines = _columns(items) if len(items) > 8 else items
            return lines + ["  Typ de naam (slug) of het nummer."]
        if vocab_name == "gemeenten":
            return [
                f"  {len(self.vocab.municipalities)} gemeenten. Typ ? en de eerste letters "
                "om te zoeken, bijvoorbeeld ?mer"
            ]
        if vocab_name == "subdoelen":
            return ["  Typ ? en een SDG-nummer om de subdoelen te zien, bijvoorbeeld ?12"]
        if vocab_name == "landen":
            return ["  Typ ? en een deel van de naam om de code te vinden, bijvoorbeeld ?benin"]
        return []

    def help(self, spec: Field, query: str) -> None:
        vocab_name = spec.vocab or (spec.item.vocab if spec.item else None)
        needle = fold(query)
        if vocab_name == "gemeenten":
            found = [
                m.name
                for m in self.vocab.municipalities.values()
                if fold(m.name).startswith(needle) or needle and needle in fold(m.name)
            ]
            if not needle:
                self.say("  Typ ? en de eerste letters van de gemeente, bijvoorbeeld ?mer")
            elif found:
                self.say("  " + ", ".join(found[:40]) + (" …" if len(found) > 40 else ""))
            else:
                self.say(f"  Geen gemeente met '{query}'.")
        elif vocab_name == "subdoelen":
            goal = self.vocab.goals.get(int(query)) if query.isdigit() else None
            if goal is None:
                self.say("  Typ ? en een SDG-nummer van 1 tot 17, bijvoorbeeld ?12")
            else:
                for t in sorted(goal.targets, key=lambda t: target_sort_key(t.id)):
                    self.say(f"  {t.id:<6} {_short(t.text, 90)}")
        elif vocab_name == "landen":
            found = [
                f"{c} ({n})"
                for c, n in self.vocab.countries.items()
                if needle and (needle in fold(n) or needle == fold(c))
            ]
            self.say("  " + (", ".join(found[:30]) if found else f"Geen land met '{query}'."))
        elif vocab_name:
            for line in self.choices(spec):
                self.say(line)
        else:
            self.say(f"  {spec.help}")
            if spec.example is not None:
                self.say(f"  Bijvoorbeeld: {_plain(spec.example)}")


def _with(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A copy of `data` with `key` set to `value`, or removed when `value` is None."""
    copy = {k: dict(v) if isinstance(v, dict) else v for k, v in data.items()}
    top, _, sub = key.partition(".")
    if value is None:
        if sub:
            copy.get(top, {}).pop(sub, None)
        else:
            copy.pop(top, None)
        return copy
    set_value(copy, key, value)
    return copy


def _columns(items: list[str]) -> list[str]:
    """Two columns, read top to bottom, then the second column."""
    half = (len(items) + 1) // 2
    width = max(len(item) for item in items[:half]) + 3
    return [
        (left.ljust(width) + (items[i + half] if i + half < len(items) else "")).rstrip()
        for i, left in enumerate(items[:half])
    ]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
