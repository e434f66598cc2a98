"""The database in figures: the numbers behind the page `cijfers/` and `generator cijfers`.

Everything here is counted in one pass over the practices (or read from the taxonomies that
`build_site` already counted), so the cost is linear in their number. Labels come from the
vocabularies only, never from a practice. Nothing depends on the clock: the date the freshness
figures refer to is an argument (`reference_date` picks it for a build).

Each chart is a `Chart`: a title, a one-line reading in Dutch made from the data, and its numbers
as a `Table` — the same table the page shows under the chart, the terminal prints and
`--format json` writes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .dutch import date_nl
from .reference import P_LABELS, fold
from .taxonomy import Site, goals_by_p
from .textsafe import shown

STATUS_ORDER = ("gepland", "lopend", "afgerond")
FRESHNESS = (  # key, label
    ("laatste-jaar", "In het laatste jaar"),
    ("een-tot-twee-jaar", "Eén tot twee jaar geleden"),
    ("langer", "Langer dan twee jaar geleden"),
    ("zonder-datum", "Zonder datum"),
)
MUNICIPALITIES_2025 = 285


# --- the numbers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar (or row) of a chart: a term of a vocabulary and its count."""

    key: str  # slug, SDG number or fixed key
    label: str  # from the vocabulary
    count: int
    filters: tuple[tuple[str, str], ...] = ()  # the catalogue's query for these practices
    total: int = 0  # for shares: out of how many (municipalities)

    @property
    def share(self) -> int:
        """count/total as a whole percentage, rounded half up (integers only)."""
        return percent(self.count, self.total)


@dataclass(frozen=True)
class YearRow:
    year: int
    counts: dict[str, int]  # status → practices starting that year

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Figures:
    practices: int
    today: dt.date | None  # what the freshness figures are relative to
    today_source: str  # where that date comes from, in Dutch ("" without a date)
    sdg: list[Bar]  # the 17 goals, in number order
    sdg_groups: list[tuple[str, list[Bar]]]  # the same bars grouped by the five P's
    domains: list[Bar]  # most practices first
    matrix_domains: list[Bar]  # the heat map's rows: alphabetical
    matrix: dict[tuple[int, str], int]  # (goal, domain slug) → practices
    provinces: list[Bar]  # practices per province (alphabetical)
    province_shares: list[Bar]  # municipalities with a practice, out of the province's
    years: list[YearRow]  # every year from the first to the last start year
    statuses: dict[str, int]
    status_labels: dict[str, str]
    lmb: list[Bar]  # most first; the last bar: practices without a category
    principles: list[Bar]  # most first; the last bar: practices without a principle
    freshness: list[Bar]
    goal_counts: list[Bar]  # practices naming 1, 2, … goals
    max_goals: int = 5
    goal_names: dict[int, str] = field(default_factory=dict)

    @property
    def active_municipalities(self) -> int:
        return sum(b.count for b in self.province_shares)

    @property
    def municipalities(self) -> int:
        return sum(b.total for b in self.province_shares)


def percent(part: int, whole: int) -> int:
    """100 × part / whole rounded half up, in integers (no float formatting involved)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


def compute(site: Site, today: dt.date | None, today_source: str = "") -> Figures:
    """Every figure of the page, for the practices of `site` (a bundle's selection, or all)."""
    from .schema import BY_KEY

    vocab = site.vocab
    goals = vocab.goals
    sdg = [
        Bar(str(n), f"SDG {n} {g.name}", site.sdg.terms[str(n)].count, (("sdg", str(n)),))
        for n, g in goals.items()
    ]
    by_number = {int(b.key): b for b in sdg}
    groups = [
        (P_LABELS[p], [by_number[g.number] for g in members])
        for p, members in goals_by_p(vocab).items()
        if members
    ]
    domain_bars = [
        Bar(t.key, t.label, t.count, (("domein", t.key),)) for t in site.domains.terms.values()
    ]
    provinces = [
        Bar(t.key, t.label, t.count, (("provincie", t.key),)) for t in site.provinces.terms.values()
    ]
    towns: dict[str, int] = {slug: 0 for slug in site.provinces.terms}
    active: dict[str, int] = {slug: 0 for slug in site.provinces.terms}
    for m in vocab.municipalities.values():
        towns[m.province.slug] = towns.get(m.province.slug, 0) + 1
        if site.municipalities.terms[m.name].practices:
            active[m.province.slug] = active.get(m.province.slug, 0) + 1
    shares = [Bar(b.key, b.label, active[b.key], b.filters, total=towns[b.key]) for b in provinces]

    # One pass over the practices for everything the taxonomies do not count.
    years: dict[int, dict[str, int]] = {}
    statuses = {s: 0 for s in vocab.statuses}
    lmb = {slug: 0 for slug in vocab.lmb_categories}
    principles = {slug: 0 for slug in vocab.principles}
    no_lmb = no_principle = 0
    max_goals = BY_KEY["sdgs"].max or len(goals)
    goal_counts = [0] * (max_goals + 1)
    fresh = dict.fromkeys((key for key, _ in FRESHNESS), 0)
    one_year, two_years = (
        (_years_before(today, 1), _years_before(today, 2)) if today else (None, None)
    )
    for p in site.practices:
        row = years.setdefault(p.jaar, {})
        row[p.status] = row.get(p.status, 0) + 1
        statuses[p.status] = statuses.get(p.status, 0) + 1
        if p.lmb_categorie:
            lmb[p.lmb_categorie] = lmb.get(p.lmb_categorie, 0) + 1
        else:
            no_lmb += 1
        for slug in p.principes:
            principles[slug] = principles.get(slug, 0) + 1
        if not p.principes:
            no_principle += 1
        n = len(p.sdgs)
        if n >= len(goal_counts):  # only if the schema's limit changed: never lose a practice
            goal_counts += [0] * (n + 1 - len(goal_counts))
        goal_counts[n] += 1
        fresh[_freshness(p.bijgewerkt, one_year, two_years)] += 1

    year_rows = []
    if years:
        for year in range(min(years), max(years) + 1):
            counts = years.get(year, {})
            year_rows.append(YearRow(year, {s: counts.get(s, 0) for s in vocab.statuses}))

    lmb_bars = _most_first(
        Bar(slug, vocab.lmb_categories[slug].label, count, (("lmb", slug),))
        for slug, count in lmb.items()
        if slug in vocab.lmb_categories
    ) + [Bar("", "Geen categorie", no_lmb)]
    principle_bars = _most_first(
        Bar(slug, vocab.principles[slug].label, count, (("principe", slug),))
        for slug, count in principles.items()
        if slug in vocab.principles
    ) + [Bar("", "Geen principe", no_principle)]
    return Figures(
        practices=len(site.practices),
        today=today,
        today_source=today_source if today else "",
        sdg=sdg,
        sdg_groups=groups,
        domains=_most_first(domain_bars),
        matrix_domains=sorted(domain_bars, key=lambda b: (fold(b.label), b.key)),
        matrix=dict(site.matrix),
        provinces=provinces,
        province_shares=shares,
        years=year_rows,
        statuses=statuses,
        status_labels={slug: t.label for slug, t in vocab.statuses.items()},
        lmb=lmb_bars,
        principles=principle_bars,
        freshness=[Bar(key, label, fresh[key]) for key, label in FRESHNESS],
        goal_counts=[
            Bar(str(n), f"{n} SDG" if n == 1 else f"{n} SDG's", goal_counts[n])
            for n in range(1, len(goal_counts))
        ],
        max_goals=max_goals,
        goal_names={n: g.name for n, g in goals.items()},
    )


def _most_first(bars: Iterable[Bar]) -> list[Bar]:
    return sorted(bars, key=lambda b: (-b.count, fold(b.label), b.key))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _freshness(updated: dt.date | None, one_year: dt.date | None, two_years: dt.date | None) -> str:
    """Which freshness group a `bijgewerkt` date falls in: on or after the day one year before
    the reference date is 'the last year' (a date after the reference date too)."""
    if updated is None or one_year is None or two_years is None:
        return "zonder-datum"
    if updated >= one_year:
        return "laatste-jaar"
    if updated >= two_years:
        return "een-tot-twee-jaar"
    return "langer"


def reference_date(
    site: Site, made: dt.date | None = None, environ: Mapping[str, str] | None = None
) -> tuple[dt.date | None, str]:
    """The date the freshness figures refer to, and where it comes from (Dutch), never today:
    the bundle's date, else SOURCE_DATE_EPOCH (reproducible builds), else the newest
    `bijgewerkt` in the collection; (None, '') when there is none of these."""
    if made is not None:
        return made, "de datum van deze offline bundel"
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date(), "de bouwdatum"
    dated = [p.bijgewerkt for p in site.practices if p.bijgewerkt]
    if dated:
        return max(dated), "de meest recente bijwerking in de databank"
    return None, ""


# --- Dutch --------------------------------------------------------------------------------


def number(n: int) -> str:
    """10.000, the Dutch way."""
    return f"{n:,}".replace(",", ".")


def practices_nl(n: int) -> str:
    return f"{number(n)} {'praktijk' if n == 1 else 'praktijken'}"


def join_nl(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _names(bars: list[Bar], limit: int = 3) -> str:
    names = [b.label for b in bars[:limit]]
    if len(bars) > limit:
        names.append(f"{len(bars) - limit} andere")
    return join_nl(names)


def _most(bars: list[Bar]) -> list[Bar]:
    top = max((b.count for b in bars), default=0)
    return [b for b in bars if b.count == top] if top else []


def _least_used(bars: list[Bar]) -> list[Bar]:
    used = [b.count for b in bars if b.count]
    low = min(used, default=0)
    return [b for b in bars if b.count == low] if low else []


def _goal_names(bars: list[Bar]) -> str:
    """'SDG 2', 'SDG 2 en 14', 'SDG 2, 5 en 14' (with '… en 4 andere' past five)."""
    numbers = [b.key for b in bars]
    if len(numbers) > 5:
        numbers = [*numbers[:5], f"{len(bars) - 5} andere"]
    return "SDG " + join_nl(numbers)


# --- readings (one line per chart, made from the data) -------------------------------------


def read_sdg(f: Figures) -> str:
    most, least = _most(f.sdg), _least_used(f.sdg)
    if not most:
        return "Nog geen praktijken."
    verb = "komt" if len(most) == 1 else "komen"
    text = f"{_goal_names(most)} {verb} het vaakst voor: {practices_nl(most[0].count)}"
    if least and least[0].count != most[0].count:
        text += f"; {_goal_names(least)} het minst: {number(least[0].count)}"
    empty = [b for b in f.sdg if not b.count]
    if empty:
        verb = "heeft" if len(empty) == 1 else "hebben"
        text += f"; {_goal_names(empty)} {verb} nog geen praktijk"
    return text + "."


def read_domains(f: Figures) -> str:
    most = _most(f.domains)
    if not most:
        return "Nog geen praktijken."
    verb = "telt" if len(most) == 1 else "tellen"
    text = f"{_names(most)} {verb} de meeste praktijken: {number(most[0].count)}"
    empty = sum(1 for b in f.domains if not b.count)
    if empty:
        text += (
            f"; {number(empty)} van de {number(len(f.domains))} beleidsdomeinen "
            f"{'heeft' if empty == 1 else 'hebben'} er nog geen"
        )
    return text + "."


def read_matrix(f: Figures) -> str:
    cells = len(f.goal_names) * len(f.matrix_domains)
    filled = sum(1 for v in f.matrix.values() if v)
    if not filled:
        return "Nog geen praktijken."
    (goal, slug), top = min(f.matrix.items(), key=lambda kv: (-kv[1], kv[0]))
    label = next(b.label for b in f.matrix_domains if b.key == slug)
    return (
        f"{number(filled)} van de {number(cells)} combinaties van SDG en beleidsdomein hebben "
        f"minstens één praktijk; {number(cells - filled)} vakjes zijn nog leeg. De meest "
        f"voorkomende: SDG {goal} × {label} ({number(top)})."
    )


def read_provinces(f: Figures) -> str:
    most, least = _most(f.provinces), _least_used(f.provinces)
    if not most:
        return "Nog geen praktijken."
    verb = "telt" if len(most) == 1 else "tellen"
    text = f"{_names(most)} {verb} de meeste praktijken: {number(most[0].count)}"
    if least and least[0].count != most[0].count:
        text += f"; {_names(least)} de minste: {number(least[0].count)}"
    return text + "."


def read_shares(f: Figures) -> str:
    total, active = f.municipalities, f.active_municipalities
    text = (
        f"In heel Vlaanderen {'heeft' if active == 1 else 'hebben'} {number(active)} van de "
        f"{number(total)} gemeenten ({percent(active, total)}%) minstens één praktijk"
    )
    if active:
        best = max(b.share for b in f.province_shares)
        top = [b for b in f.province_shares if b.share == best]
        text += f"; het hoogste aandeel heeft {_names(top)}: {best}%"
    return text + "."


def read_years(f: Figures) -> str:
    if not f.years:
        return "Nog geen praktijken."
    top = max(r.total for r in f.years)
    peaks = [str(r.year) for r in f.years if r.total == top]
    span = (
        f"De praktijken starten tussen {f.years[0].year} en {f.years[-1].year}"
        if len(f.years) > 1
        else f"Alle praktijken starten in {f.years[0].year}"
    )
    peak = f"; de meeste in {join_nl(peaks)} ({number(top)})" if len(f.years) > 1 else ""
    status = join_nl(
        [f"{number(f.statuses.get(s, 0))} {f.status_labels[s].lower()}" for s in STATUS_ORDER]
    )
    return f"{span}{peak}. Nu: {status}."


def _read_list(bars: list[Bar], verb_one: str, verb_many: str, none_text: str) -> str:
    terms, none = bars[:-1], bars[-1]
    most = _most(terms)
    parts = []
    if most:
        verb = verb_one if len(most) == 1 else verb_many
        parts.append(f"{_names(most)} {verb}: {practices_nl(most[0].count)}")
    if none.count:
        parts.append(f"{practices_nl(none.count)} {none_text}")
    if not parts:
        return "Nog geen praktijken."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def read_lmb(f: Figures) -> str:
    return _read_list(
        f.lmb,
        "komt het vaakst voor",
        "komen het vaakst voor",
        "zonder LMB-categorie",
    )


def read_principles(f: Figures) -> str:
    return _read_list(
        f.principles,
        "wordt het vaakst toegepast",
        "worden het vaakst toegepast",
        "zonder principe van Agenda 2030",
    )


def read_freshness(f: Figures) -> str:
    counts = {b.key: b.count for b in f.freshness}
    if not f.practices:
        return "Nog geen praktijken."
    if f.today is None:
        return "Geen enkele praktijk heeft een datum van bijwerking."
    return (
        f"Op {date_nl(f.today)}: {practices_nl(counts['laatste-jaar'])} bijgewerkt in het "
        f"laatste jaar, {number(counts['een-tot-twee-jaar'])} één tot twee jaar geleden, "
        f"{number(counts['langer'])} langer geleden en {number(counts['zonder-datum'])} "
        "zonder datum."
    )


def read_goal_counts(f: Figures) -> str:
    if not f.practices:
        return "Nog geen praktijken."
    top = max(b.count for b in f.goal_counts)
    common = [b for b in f.goal_counts if b.count == top]
    total = sum(int(b.key) * b.count for b in f.goal_counts)
    tenths = (20 * total + f.practices) // (2 * f.practices)  # mean × 10, rounded half up
    mean = f"{tenths // 10},{tenths % 10}"
    verb = "noemen" if top != 1 else "noemt"
    return (
        f"{'De meeste praktijken' if top != 1 else 'Eén praktijk'} {verb} "
        f"{join_nl([b.label for b in common])} ({number(top)}); gemiddeld {mean} per praktijk."
    )


# --- tables --------------------------------------------------------------------------------


Cell = str | int


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[Cell]]  # the first cell is the row's label, the others numbers


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    reading: str
    table: Table


def charts(f: Figures) -> list[Chart]:
    """Every chart of the page, in page order, with its numbers as a table."""
    goals = [[b.label, b.count] for b in f.sdg]
    matrix = Table(
        ["Beleidsdomein", *(f"SDG {n}" for n in f.goal_names)],
        [[d.label, *(f.matrix.get((n, d.key), 0) for n in f.goal_names)] for d in f.matrix_domains],
    )
    years = Table(
        ["Startjaar", *(f.status_labels[s] for s in STATUS_ORDER), "Totaal"],
        [[str(r.year), *(r.counts.get(s, 0) for s in STATUS_ORDER), r.total] for r in f.years],
    )
    shares = Table(
        ["Provincie", "Gemeenten met een praktijk", "Gemeenten", "Aandeel (%)"],
        [[b.label, b.count, b.total, b.share] for b in f.province_shares]
        + [
            [
                "Vlaanderen",
                f.active_municipalities,
                f.municipalities,
                percent(f.active_municipalities, f.municipalities),
            ]
        ],
    )
    return [
        Chart("sdg", "Praktijken per SDG", read_sdg(f), Table(["SDG", "Praktijken"], goals)),
        Chart(
            "beleidsdomeinen",
            "Praktijken per beleidsdomein",
            read_domains(f),
            Table(["Beleidsdomein", "Praktijken"], [[b.label, b.count] for b in f.domains]),
        ),
        Chart("matrix", "SDG's en beleidsdomeinen samen", read_matrix(f), matrix),
        Chart(
            "provincies",
            "Praktijken per provincie",
            read_provinces(f),
            Table(["Provincie", "Praktijken"], [[b.label, b.count] for b in f.provinces]),
        ),
        Chart(
            "gemeenten",
            "Gemeenten met minstens één praktijk",
            read_shares(f),
            shares,
        ),
        Chart("startjaar", "Praktijken per startjaar en status", read_years(f), years),
        Chart(
            "lmb",
            "Categorieën van lokaal mondiaal beleid",
            read_lmb(f),
            Table(["LMB-categorie", "Praktijken"], [[b.label, b.count] for b in f.lmb]),
        ),
        Chart(
            "principes",
            "Principes van Agenda 2030",
            read_principles(f),
            Table(["Principe", "Praktijken"], [[b.label, b.count] for b in f.principles]),
        ),
        Chart(
            "actualiteit",
            "Hoe recent bijgewerkt?",
            read_freshness(f),
            Table(["Bijgewerkt", "Praktijken"], [[b.label, b.count] for b in f.freshness]),
        ),
        Chart(
            "aantal-sdgs",
            "Hoeveel SDG's noemt een praktijk?",
            read_goal_counts(f),
            Table(["SDG's", "Praktijken"], [[b.label, b.count] for b in f.goal_counts]),
        ),
    ]


# --- `python -m generator cijfers` -------------------------------------------------------------

FORMATS = ("text", "json")


def register(sub: argparse._SubParsersAction) -> None:
    from .bundle import selection_query  # the catalogue's query, checked by the parser

    parser = sub.add_parser(
        "cijfers",
        help="de databank in cijfers als tabellen (of JSON) afdrukken",
        description="Drukt de cijfers van de pagina 'De databank in cijfers' af: praktijken "
        "per SDG, beleidsdomein, provincie, startjaar en status, en meer. De actualiteit telt "
        "vanaf de peildatum: standaard SOURCE_DATE_EPOCH of anders de meest recente "
        "bijwerking in de databank, nooit de klok.",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="uitvoer: text (tabellen, standaard) of json (voor rapporten)",
    )
    parser.add_argument(
        "--datum",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="peildatum voor de actualiteit (standaard: zie hierboven)",
    )
    parser.add_argument(
        "--selectie",
        type=selection_query,
        default="",
        help="alleen deze praktijken, als in de adresbalk van de catalogus, bv. 'sdg=13'",
    )
    parser.set_defaults(run=run)


def iso_date(text: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; verwacht JJJJ-MM-DD")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bestaat niet als datum") from None


def run(args: argparse.Namespace) -> int:
    from . import report
    from .filters import Selection
    from .project import load_project
    from .taxonomy import build_site

    project = load_project(args.project)
    if project.errors:
        report.print_errors(project.errors, project.files, project.problems)
        return 1
    selection = Selection.from_query(args.selectie)
    site = build_site([p for p in project.practices if selection.matches(p)], project.vocab)
    if args.datum:
        today, source = args.datum, "de opgegeven datum"
    else:
        today, source = reference_date(site)
    figures = compute(site, today, source)
    text = as_json(figures) if args.format == "json" else as_text(figures)
    sys.stdout.write(text)
    return 0


def summary_nl(f: Figures) -> str:
    when = f"peildatum {date_nl(f.today)} ({f.today_source})" if f.today else "zonder peildatum"
    return f"De databank in cijfers: {practices_nl(f.practices)}, {when}."


def as_text(f: Figures) -> str:
    lines = [summary_nl(f), ""]
    for chart in charts(f):
        lines += [chart.title, "=" * len(chart.title), chart.reading, ""]
        lines += _text_table(chart.table)
        lines.append("")
    return "\n".join(shown(line) if not line.isprintable() else line for line in lines)


def _text_table(table: Table) -> list[str]:
    cells = [[str(c) if isinstance(c, str) else number(c) for c in row] for row in table.rows]
    widths = [
        max([len(table.columns[i]), *(len(row[i]) for row in cells)])
        for i in range(len(table.columns))
    ]

    def line(row: list[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(row[1:])]
        return "  ".join([first, *rest]).rstrip()

    return [line(table.columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def as_dict(f: Figures) -> dict:
    return {
        "praktijken": f.practices,
        "peildatum": f.today.isoformat() if f.today else None,
        "peildatum_bron": f.today_source or None,
        "grafieken": [
            {
                "sleutel": c.key,
                "titel": c.title,
                "lezing": c.reading,
                "kolommen": c.table.columns,
                "rijen": c.table.rows,
            }
            for c in charts(f)
        ],
    }


def as_json(f: Figures) -> str:
    text = json.dumps(as_dict(f), ensure_ascii=False, indent=2) + "\n"
    # As in report.as_json: controls that json leaves raw reach no terminal.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
