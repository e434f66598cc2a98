"""On a practice page: 'Wijzig deze praktijk' and, for an old practice, 'klopt dit nog?'.

`practice_freshness` returns one HTML block for the page (raw HTML in the page's Markdown,
like the share buttons): a link to the web form opened with `?wijzig=<id>`, which loads the
practice's current fields and text (bijdragen/praktijken/<id>.js, see render/form.py), and for
a practice that is out of date (generator/stale.py) the line "Laatst bijgewerkt op … — klopt
dit nog?" before it.

The date a page compares with is deterministic: the same files give the same page. It is the
reference date of the figures page (`figures.reference_date`): the offline bundle's date, else
SOURCE_DATE_EPOCH, else the newest `bijgewerkt` in the collection; never the clock. It is
computed once per site, not once per page.
"""

from __future__ import annotations

import datetime as dt
import weakref
from urllib.parse import quote

from ..dutch import date_nl
from ..model import Practice
from ..stale import DEFAULT_YEARS, is_stale, last_update
from ..taxonomy import Site
from . import paths
from .form import FORM_PAGE
from .text import attr

EDIT_PARAMETER = "wijzig"

# id(site) → (a weak reference to the site, its reference date): computed once per build.
_REFERENCE: dict[int, tuple[weakref.ref, dt.date | None]] = {}


def page_reference_date(site: Site, made: dt.date | None = None) -> dt.date | None:
    """The date the pages of `site` compare with (None: no practice has a `bijgewerkt`)."""
    from ..figures import reference_date

    if made is not None:
        return reference_date(site, made)[0]
    kept = _REFERENCE.get(id(site))
    if kept is not None and kept[0]() is site:
        return kept[1]
    day = reference_date(site)[0]
    _REFERENCE[id(site)] = (weakref.ref(site), day)
    return day


def edit_href(p: Practice | str, directory_urls: bool = True) -> str:
    """The relative link from the practice's page to the web form, filled with the practice."""
    practice_id = p if isinstance(p, str) else p.id
    form = paths.link(paths.practice(practice_id), FORM_PAGE, directory_urls)
    return f"{form}?{EDIT_PARAMETER}={quote(practice_id, safe='')}"


def edit_link(p: Practice, directory_urls: bool = True) -> str:
    return (
        f'<a class="pk-fresh__edit" href="{attr(edit_href(p, directory_urls))}">'
        "Wijzig deze praktijk</a>"
    )


def freshness_line(p: Practice, reference: dt.date | None, years: int = DEFAULT_YEARS) -> str:
    """'Laatst bijgewerkt op … — klopt dit nog?' for an old practice, else ''."""
    if reference is None or not is_stale(p, reference, years):
        return ""
    since, dated = last_update(p)
    when = f"Laatst bijgewerkt op {date_nl(since)}" if dated else f"Gestart in {since.year}"
    return f'<span class="pk-fresh__age">{when} — klopt dit nog?</span> '


def practice_freshness(
    site: Site,
    p: Practice,
    directory_urls: bool = True,
    made: dt.date | None = None,
    years: int = DEFAULT_YEARS,
) -> str:
    """The block for the practice's page: the age line (old practices only) and the link to
    the form. `made`: an offline bundle's date, which is then the reference date."""
    line = freshness_line(p, page_reference_date(site, made), years)
    stale = " pk-fresh--stale" if line else ""
    note = "" if line else ' <span class="pk-fresh__note">(geen GitHub-account nodig)</span>'
    return (
        f'<aside class="pk-fresh pk-noprint{stale}" aria-label="Deze praktijk bijwerken" '
        f"data-search-exclude>\n<p>{line}{edit_link(p, directory_urls)}{note}</p>\n</aside>\n"
    )
