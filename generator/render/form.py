"""The web form to propose a new practice (bijdragen/nieuwe-praktijk/). Work in progress."""

from __future__ import annotations

from ..taxonomy import Site
from .page import Asset, Page, SiteOptions
from .text import front_matter

FORM_PAGE = "bijdragen/nieuwe-praktijk.md"


def form_pages(site: Site, options: SiteOptions) -> tuple[list[Page], list[Asset]]:
    page = Page(FORM_PAGE, front_matter(title="Nieuwe praktijk") + "# Nieuwe praktijk\n", listed=True)
    return [page], []
