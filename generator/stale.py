"""Which practices may be out of date: `python -m generator verouderd`.

A practice is out of date when its last update is more than `years` (default two) before the
reference date. Its last update is `bijgewerkt`, or, lacking it, 1 January of its start year
(`jaar`): a practice that never said when it was updated counts from the start.

The reference date differs by use, and that is deliberate:

- the command (the weekly workflow that keeps one GitHub issue up to date) uses `--datum`,
  else SOURCE_DATE_EPOCH, else today: its job is to notice that time has passed;
- a practice page ("Laatst bijgewerkt op … — klopt dit nog?", generator/render/freshness.py)
  must come out the same in every build of the same files, so it uses the date of the figures
  page (`figures.reference_date`): the bundle's date, else SOURCE_DATE_EPOCH, else the newest
  `bijgewerkt` in the collection; never the clock.

Output as `check` offers it (generator/report.py): text, github (notices on the files) or json.
The exit code is 0 whatever is found: an old practice is a reason to ask, not an error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .model import Practice

DEFAULT_YEARS = 2
FORMATS = ("text", "github", "json")


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` years earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def last_update(p: Practice) -> tuple[dt.date, bool]:
    """(the date the practice was last known to be right, whether that is its `bijgewerkt`)."""
    if p.bijgewerkt is not None:
        return p.bijgewerkt, True
    return dt.date(p.jaar, 1, 1), False


def is_stale(p: Practice, reference: dt.date, years: int = DEFAULT_YEARS) -> bool:
    return last_update(p)[0] < years_before(reference, years)


def age_nl(since: dt.date, reference: dt.date) -> str:
    """'3 jaar en 2 maanden': whole months between the two dates, in Dutch."""
    months = (reference.year - since.year) * 12 + reference.month - since.month
    if reference.day < since.day:
        months -= 1
    months = max(months, 0)
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} jaar")
    if rest or not years:
        parts.append(f"{rest} {'maand' if rest == 1 else 'maanden'}")
    return " en ".join(parts)


@dataclass(frozen=True)
class StalePractice:
    practice: Practice
    since: dt.date
    dated: bool  # `since` is its bijgewerkt (else: 1 January of its start year)
    age_days: int
    age: str  # Dutch
    url: str | None  # the page on the online site

    @property
    def contact(self) -> str:
        """The practice's contact in one line ('' without one)."""
        c = self.practice.contact
        if c is None:
            return ""
        return ", ".join(x for x in (c.naam, c.dienst, c.email, c.url) if x)


def stale_practices(
    practices: Iterable[Practice],
    reference: dt.date,
    years: int = DEFAULT_YEARS,
    site_url: str | None = None,
) -> list[StalePractice]:
    """The practices older than `years` on `reference`, the oldest first."""
    found = []
    for p in practices:
        if not is_stale(p, reference, years):
            continue
        since, dated = last_update(p)
        found.append(
            StalePractice(
                practice=p,
                since=since,
                dated=dated,
                age_days=(reference - since).days,
                age=age_nl(since, reference),
                url=page_url(site_url, p.id),
            )
        )
    return sorted(found, key=lambda s: (s.since, s.practice.id))


def page_url(site_url: str | None, practice_id: str) -> str | None:
    if not site_url:
        return None
    from .render import paths
    from .render.meta import online_url

    return online_url(site_url, paths.practice(practice_id))


def command_date(environ: dict[str, str] | None = None) -> tuple[dt.date, str]:
    """The command's reference date without --datum: SOURCE_DATE_EPOCH, else today."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date(), "SOURCE_DATE_EPOCH"
    return dt.date.today(), "vandaag"


# --- output --------------------------------------------------------------------------------


def _since_nl(s: StalePractice) -> str:
    from .dutch import date_nl

    if s.dated:
        return f"laatst bijgewerkt op {date_nl(s.since)}"
    return f"geen datum van bijwerking; gestart in {s.since.year}"


def summary_nl(count: int, total: int, years: int, reference: dt.date) -> str:
    from .dutch import date_nl

    noun = "praktijk is" if count == 1 else "praktijken zijn"
    return (
        f"{count} van {total} {noun} meer dan {years} jaar niet bijgewerkt "
        f"(peildatum {date_nl(reference)})."
    )


def as_text(found: list[StalePractice], total: int, years: int, reference: dt.date) -> list[str]:
    from .textsafe import shown

    lines = []
    for s in found:
        p = s.practice
        parts = [f"{p.source_path}: {p.titel}", f"{_since_nl(s)} ({s.age} geleden)"]
        parts.append(f"contact: {s.contact}" if s.contact else "geen contact")
        if s.url:
            parts.append(s.url)
        lines.append(shown(" — ".join(parts)))
    lines.append(summary_nl(len(found), total, years, reference))
    return lines


def as_github(found: list[StalePractice], total: int, years: int, reference: dt.date) -> list[str]:
    """Notices on the files, as `check --format github` writes its annotations."""
    from .report import _escape_data, _escape_prop

    lines = []
    for s in found:
        p = s.practice
        message = f"{_since_nl(s)} ({s.age} geleden) — klopt dit nog?"
        if s.contact:
            message += f" Contact: {s.contact}."
        lines.append(
            f"::notice file={_escape_prop(p.source_path)},line=1,"
            f"title={_escape_prop('verouderd')}::{_escape_data(message)}"
        )
    lines.append(summary_nl(len(found), total, years, reference))
    return lines


def as_dict(found: list[StalePractice], total: int, years: int, reference: dt.date) -> dict:
    def contact(p: Practice) -> dict | None:
        c = p.contact
        if c is None:
            return None
        return {k: v for k, v in vars(c).items() if v}

    return {
        "peildatum": reference.isoformat(),
        "jaren": years,
        "praktijken_totaal": total,
        "aantal": len(found),
        "samenvatting": summary_nl(len(found), total, years, reference),
        "praktijken": [
            {
                "id": s.practice.id,
                "titel": s.practice.titel,
                "bestand": s.practice.source_path,
                "bijgewerkt": s.since.isoformat() if s.dated else None,
                "startjaar": s.practice.jaar,
                "sinds": s.since.isoformat(),
                "leeftijd_dagen": s.age_days,
                "leeftijd": s.age,
                "contact": contact(s.practice),
                "url": s.url,
            }
            for s in found
        ],
    }


def as_json(found: list[StalePractice], total: int, years: int, reference: dt.date) -> str:
    from .report import _JSON_UNSAFE

    text = json.dumps(as_dict(found, total, years, reference), ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- the command ---------------------------------------------------------------------------


def positive_years(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel aantal jaren van 1 of meer")
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    from .figures import iso_date

    parser = sub.add_parser(
        "verouderd",
        help="praktijken tonen die lang niet bijgewerkt zijn",
        description="Toont de praktijken waarvan de laatste bijwerking ('bijgewerkt', of "
        "zonder die datum 1 januari van het startjaar) meer dan N jaar voor de peildatum ligt, "
        "met contact, leeftijd en link. De peildatum is --datum, anders SOURCE_DATE_EPOCH, "
        "anders vandaag. De opdracht eindigt altijd met code 0: een oude praktijk is een "
        "vraag, geen fout.",
    )
    parser.add_argument(
        "--jaren",
        type=positive_years,
        default=DEFAULT_YEARS,
        metavar="N",
        help=f"ouder dan zoveel jaar (standaard {DEFAULT_YEARS})",
    )
    parser.add_argument(
        "--datum",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="peildatum (standaard SOURCE_DATE_EPOCH of vandaag)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="uitvoer: text (standaard), github (meldingen op de bestanden) of json",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .project import load_project
    from .settings import read_settings

    root: Path = args.project
    project = load_project(root)
    if project.errors:
        print(
            f"Let op: {len(project.errors)} fout(en) in de praktijken; praktijken met een fout "
            "staan niet in deze lijst (python -m generator check toont ze).",
            file=sys.stderr,
        )
    reference = args.datum or command_date()[0]
    site_url = read_settings(root).site_url
    found = stale_practices(project.practices, reference, args.jaren, site_url)
    total = len(project.practices)
    if args.format == "json":
        print(as_json(found, total, args.jaren, reference))
    else:
        write = as_github if args.format == "github" else as_text
        for line in write(found, total, args.jaren, reference):
            print(line)
    return 0
