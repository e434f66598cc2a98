"""The field reference (bijdragen/velden/), generated from the schema and the lists. Work in
progress."""

from __future__ import annotations

from ..taxonomy import Site
from .page import Page
from .text import front_matter

FIELDS_PAGE = "bijdragen/velden.md"


def field_reference_page(site: Site) -> Page:
    return Page(FIELDS_PAGE, front_matter(title="Velden") + "# Velden\n", listed=True)
