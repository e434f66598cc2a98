"""The page "De databank in cijfers" (cijfers/) and the home page's small charts.

The numbers come from `generator.figures`, the drawings from `charts`; this module puts each
chart on the page with its title, its one-line reading, its image and link layers, and its
numbers as a table in a <details>. The page is raw HTML inside Markdown, so its links are final
URLs (`paths.link`, with or without directory URLs); every label is escaped.
"""

from __future__ import annotations

from urllib.parse import urlencode

from .. import figures as fig
from ..figures import Bar, Chart, Figures, Table
from ..taxonomy import Site
from . import charts, paths
from .page import SiteOptions
from .text import front_matter, rel

NO_SEARCH = {"exclude": True}
# Statuses stacked bottom to top, each a colour and (planned: not started) a hatch over it.
STACK_ORDER = ("afgerond", "lopend", "gepland")
STATUS_STYLE = {
    "afgerond": ("#1d3b5c", ""),
    "lopend": ("#5b8cc0", ""),
    "gepland": ("#dbe6f1", "#5b8cc0"),
}


def figures_for(site: Site, options: SiteOptions) -> Figures:
    """The figures of a build: the reference date from the bundle or the collection."""
    made = options.bundle.made if options.bundle else None
    today, source = fig.reference_date(site, made)
    return fig.compute(site, today, source)


def cijfers_page(site: Site, options: SiteOptions | None = None) -> str:
    options = options or SiteOptions()
    f = figures_for(site, options)
    src = paths.CIJFERS
    link = _linker(src, options.directory_urls)
    by_key = {c.key: c for c in fig.charts(f)}
    parts = [
        front_matter(
            title="De databank in cijfers",
            description="Grafieken van de praktijken per SDG, beleidsdomein, provincie, "
            "startjaar, status en meer.",
            search=NO_SEARCH,
            hide=["navigation"],
        ),
        "# De databank in cijfers\n",
        _intro(f, options) + "\n",
    ]
    drawn = _drawings(f, by_key, link, "pk-c")
    notes = {
        "matrix": "Een vakje met een stippellijn is een combinatie zonder praktijk: een plek "
        "waar een voorbeeld welkom is. Elk ander vakje opent zijn praktijken in de catalogus.",
        "actualiteit": "Een praktijk zonder datum van bijwerking (het veld `bijgewerkt`) telt "
        "apart. De catalogus heeft geen filter op deze datum, dus deze staven openen geen "
        "selectie.",
        "aantal-sdgs": f"Een praktijk noemt hoogstens {f.max_goals} SDG's: de doelen waaraan "
        "ze echt bijdraagt. Wie alle 17 aanvinkt, maakt de praktijk in elke zoekopdracht "
        "vindbaar en zegt er niets mee; kies liever de belangrijkste.",
    }
    sections = [  # chart, section heading (## …), chart heading (### …) under a section
        ("sdg", "Praktijken per SDG", ""),
        ("beleidsdomeinen", "Praktijken per beleidsdomein", ""),
        ("matrix", "SDG's en beleidsdomeinen samen", ""),
        ("provincies", "Per provincie", "Praktijken per provincie"),
        ("gemeenten", "", "Gemeenten met minstens één praktijk"),
        ("startjaar", "Praktijken per startjaar en status", ""),
        ("lmb", "Lokaal mondiaal beleid", ""),
        ("principes", "Principes van Agenda 2030", ""),
        ("actualiteit", "Hoe actueel zijn de praktijken?", ""),
        ("aantal-sdgs", "Hoeveel SDG's noemt een praktijk?", ""),
    ]
    leads = {"sdg": "Gegroepeerd volgens de vijf P's van Agenda 2030."}
    for key, heading, sub in sections:
        if heading:
            parts.append(f"## {heading}\n")
        if sub:
            parts.append(f"### {sub}\n")
        if key in leads:
            parts.append(leads[key] + "\n")
        parts.append(figure(f"pk-c-{key}", by_key[key], drawn[key]) + "\n")
        if key in notes:
            parts.append(notes[key] + "\n")
    return "\n".join(parts)


def _intro(f: Figures, options: SiteOptions) -> str:
    bundle = options.bundle
    if bundle is not None and bundle.selection:
        what = (
            "van deze offline bundel, een selectie ("
            + "; ".join(charts.esc(line) for line in bundle.selection)
            + ")"
        )
    elif bundle is not None:
        what = "van deze offline bundel"
    else:
        what = "in de databank"
    when = (
        f" De actualiteit is berekend op <strong>{fig.date_nl(f.today)}</strong>, "
        f"{charts.esc(f.today_source)}."
        if f.today
        else ""
    )
    return (
        f'<p class="pk-lead">Alle cijfers gaan over de <strong>{fig.practices_nl(f.practices)}'
        f"</strong> {what}.{when} De grafieken zijn gemaakt toen de site gebouwd werd; een "
        "staaf of vakje opent die praktijken in de catalogus, en onder elke grafiek staan de "
        "cijfers als tabel.</p>"
    )


def _linker(src: str, directory_urls: bool):
    catalogue = paths.link(src, paths.CATALOGUE, directory_urls)

    def link(filters: tuple[tuple[str, str], ...], label: str) -> charts.Link | None:
        if not filters:
            return None
        return charts.Link(f"{catalogue}?{urlencode(filters)}", label)

    return link


def _count(bar: Bar) -> str:
    return fig.number(bar.count)


def _practices_label(name: str, n: int) -> str:
    return f"{name}: {fig.practices_nl(n)}"


def _rows(bars: list[Bar], link, muted_last: bool = False) -> list[charts.Row]:
    rows = []
    for i, b in enumerate(bars):
        muted = muted_last and i == len(bars) - 1
        target = link(b.filters, _practices_label(b.label, b.count)) if b.count else None
        rows.append(charts.Row(b.label, b.count, _count(b), target, muted=muted))
    return rows


def _drawings(f: Figures, by_key: dict[str, Chart], link, prefix: str) -> dict[str, charts.Svg]:
    goals = {int(b.key): b for b in f.sdg}
    vocab_colours = _goal_colours(f)

    def sdg_row(b: Bar) -> charts.Row:
        colour, text = vocab_colours[int(b.key)]
        target = link(b.filters, _practices_label(b.label, b.count)) if b.count else None
        name = b.label.split(" ", 2)[2]
        return charts.Row(name, b.count, _count(b), target, colour, b.key, text)

    def svg(key: str):
        chart = by_key[key]
        return f"{prefix}-{key}", chart.title, chart.reading

    drawn = {
        "sdg": charts.bars(
            *svg("sdg"), [(p, [sdg_row(b) for b in bars]) for p, bars in f.sdg_groups]
        ),
        "beleidsdomeinen": charts.bars(*svg("beleidsdomeinen"), [("", _rows(f.domains, link))]),
        "provincies": charts.bars(*svg("provincies"), [("", _rows(f.provinces, link))]),
        "lmb": charts.bars(*svg("lmb"), [("", _rows(f.lmb, link, muted_last=True))]),
        "principes": charts.bars(
            *svg("principes"), [("", _rows(f.principles, link, muted_last=True))]
        ),
        "actualiteit": charts.bars(
            *svg("actualiteit"),
            [("", _rows(f.freshness, link, muted_last=True))],
        ),
        "aantal-sdgs": charts.bars(*svg("aantal-sdgs"), [("", _rows(f.goal_counts, link))]),
    }
    drawn["gemeenten"] = charts.bars(
        *svg("gemeenten"),
        [
            (
                "",
                [
                    charts.Row(
                        b.label,
                        b.share,
                        f"{b.share}% ({fig.number(b.count)} van {fig.number(b.total)})",
                        link(
                            b.filters,
                            f"{b.label}: {fig.number(b.count)} van {fig.number(b.total)} "
                            "gemeenten met een praktijk",
                        )
                        if b.count
                        else None,
                    )
                    for b in f.province_shares
                ],
            )
        ],
        maximum=100,
        track=True,
    )
    heads = [charts.Head(str(n), *vocab_colours[n]) for n in goals]
    values = [[f.matrix.get((n, d.key), 0) for n in goals] for d in f.matrix_domains]
    links = [
        [
            link(
                (("sdg", str(n)), ("domein", d.key)),
                f"SDG {n} en {d.label}: {fig.practices_nl(v)}",
            )
            if v
            else None
            for n, v in zip(goals, row, strict=True)
        ]
        for d, row in zip(f.matrix_domains, values, strict=True)
    ]
    drawn["matrix"] = charts.heatmap(
        *svg("matrix"), [d.label for d in f.matrix_domains], heads, values, links
    )
    series = [charts.Series(f.status_labels[s].lower(), *STATUS_STYLE[s]) for s in STACK_ORDER]
    stacks = [
        charts.Stack(
            str(r.year),
            [r.counts.get(s, 0) for s in STACK_ORDER],
            [
                link(
                    (("jaar", str(r.year)), ("status", s)),
                    f"{r.year}, {f.status_labels[s].lower()}: "
                    f"{fig.practices_nl(r.counts.get(s, 0))}",
                )
                for s in STACK_ORDER
            ],
        )
        for r in f.years
    ]
    drawn["startjaar"] = charts.stacked(*svg("startjaar"), series, stacks)
    return drawn


def _goal_colours(f: Figures) -> dict[int, tuple[str, str]]:
    from ..reference import goals

    return {n: (g.colour, g.text_colour) for n, g in goals().items() if n in f.goal_names}


# --- the HTML around a chart ---------------------------------------------------------------


def figure(cid: str, chart: Chart, svg: charts.Svg) -> str:
    """A chart as one raw HTML block (no blank line inside): reading, image, links, table.
    A chart wider than a phone (the heat map) keeps a minimum width and scrolls in its box."""
    classes = "pk-chart pk-chart--wide" if svg.width > 600 else "pk-chart"
    return (
        f'<div class="{classes}" id="{cid}">\n'
        f'<p class="pk-chart__reading">{charts.esc(chart.reading)}</p>\n'
        f"{_plot(svg, 1.35)}\n" + table_html(chart) + "\n" + "</div>\n"
    )


def _plot(svg: charts.Svg, scale: float) -> str:
    """The chart's box: at most `scale` × its drawn width, smaller with the page."""
    return (
        f'<div class="pk-chart__box"><div class="pk-chart__plot" '
        f'style="max-width:{round(svg.width * scale)}px">{svg.drawing}{svg.links}</div></div>'
    )


def table_html(chart: Chart) -> str:
    t: Table = chart.table
    head = "".join(f'<th scope="col">{charts.esc(c)}</th>' for c in t.columns)
    body = "".join(
        f'<tr><th scope="row">{charts.esc(str(row[0]))}</th>'
        + "".join(
            f"<td>{fig.number(c) if isinstance(c, int) else charts.esc(c)}</td>" for c in row[1:]
        )
        + "</tr>"
        for row in t.rows
    )
    return (
        '<details class="pk-chart__data"><summary>De cijfers als tabel'
        f'<span class="pk-sr-only">: {charts.esc(chart.title)}</span></summary>'
        f'<div class="pk-chart__table"><table><caption class="pk-sr-only">'
        f"{charts.esc(chart.title)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div></details>"
    )


# --- the home page's block -------------------------------------------------------------------


def home_block(site: Site, src: str) -> str:
    """Two small charts (the SDG's as coloured columns, the provinces' shares of municipalities)
    and a link to the page. No link layer: the page has those, and a Markdown link below (which
    MkDocs rewrites for either URL style) leads there."""
    f = fig.compute(site, None)
    by_key = {c.key: c for c in fig.charts(f)}
    colours = _goal_colours(f)
    sdg = by_key["sdg"]
    columns = [
        [charts.Column(b.key, b.count, *colours[int(b.key)]) for b in bars]
        for _, bars in f.sdg_groups
    ]
    shares = by_key["gemeenten"]
    share_rows = [charts.Row(b.label, b.share, f"{b.share}%") for b in f.province_shares]
    small = [
        (sdg, charts.columns("pk-h-sdg", sdg.title, sdg.reading, columns)),
        (
            shares,
            charts.bars(
                "pk-h-gemeenten",
                shares.title,
                shares.reading,
                [("", share_rows)],
                width=360,
                maximum=100,
                track=True,
            ),
        ),
    ]
    blocks = "".join(
        f'<div class="pk-chart pk-chart--small">\n'
        f'<p class="pk-chart__title">{charts.esc(chart.title)}</p>\n'
        f'<p class="pk-chart__reading">{charts.esc(chart.reading)}</p>\n'
        f"{_plot(svg, 1.0)}\n"
        "</div>\n"
        for chart, svg in small
    )
    return (
        f'<div class="pk-chart-teasers">\n{blocks}</div>\n\n'
        f"[Alle cijfers en grafieken]({rel(src, paths.CIJFERS)}){{ .md-button }}\n"
    )
