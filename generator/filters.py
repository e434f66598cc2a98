"""The catalogue's filter semantics in Python: the same parameters as its query string.

Within a facet values combine with OR, across facets with AND; `q` matches every word in the
title, summary, municipalities and keywords, ignoring case and diacritics. Used by the offline
selection bundles and by the tests that check the catalogue in a browser.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from .model import Practice
from .reference import fold

FACETS = (
    "sdg",
    "domein",
    "provincie",
    "gemeente",
    "status",
    "lmb",
    "principe",
    "land",
    "trefwoord",
)
QUERY_KEYS = (*FACETS, "jaar", "q", "sort")  # every key of the catalogue's query string


@dataclass
class Selection:
    values: dict[str, set[str]] = field(default_factory=dict)  # facet → allowed values
    year_from: int | None = None
    year_to: int | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query: str) -> Selection:
        """Parse `sdg=13&sdg=7&domein=mobiliteit&jaar=2020-2024&q=fiets`."""
        selection = cls()
        for key, value in parse_qsl(query.lstrip("?")):
            if key in FACETS:
                selection.values.setdefault(key, set()).add(
                    value.lower() if key != "land" else value.upper()
                )
            elif key == "jaar":
                selection.set_years(value)
            elif key == "q":
                selection.q = value
        return selection

    @classmethod
    def parse(cls, query: str) -> Selection:
        """Like `from_query`, for a query a person typed: a key the catalogue does not know
        (a typo would silently select everything) or a bad year is a Dutch ValueError."""
        for key, _ in parse_qsl(query.lstrip("?"), keep_blank_values=True):
            if key not in QUERY_KEYS:
                close = difflib.get_close_matches(key.lower(), QUERY_KEYS, n=1)
                hint = f"bedoel je '{close[0]}'?" if close else f"kies uit {', '.join(QUERY_KEYS)}"
                raise ValueError(f"'{key}' is geen filter van de catalogus; {hint}")
        return cls.from_query(query)

    def set_years(self, text: str) -> None:
        m = re.fullmatch(r"(\d{4})?(-)?(\d{4})?", text.strip())
        if not m:
            raise ValueError(f"'{text}' is geen jaar of periode; verwacht bv. 2020-2024")
        low, dash, high = m.groups()
        self.year_from = int(low) if low else None
        self.year_to = int(high) if high else (int(low) if low and not dash else None)

    def is_empty(self) -> bool:
        return not self.values and self.year_from is None and self.year_to is None and not self.q

    def matches(self, p: Practice) -> bool:
        own = practice_values(p)
        for facet, wanted in self.values.items():
            if not wanted & own[facet]:
                return False
        if self.year_from is not None and p.jaar < self.year_from:
            return False
        if self.year_to is not None and p.jaar > self.year_to:
            return False
        if self.q:
            text = fold(
                " ".join([p.titel, p.samenvatting, *(m.name for m in p.gemeenten), *p.trefwoorden])
            )
            return all(word in text for word in fold(self.q).split())
        return True

    def describe(self, labels: dict[str, dict[str, str]] | None = None) -> list[str]:
        """Human-readable lines, e.g. ['SDG: 13', 'Beleidsdomein: mobiliteit']."""
        names = {
            "sdg": "SDG",
            "domein": "Beleidsdomein",
            "provincie": "Provincie",
            "gemeente": "Gemeente",
            "status": "Status",
            "lmb": "Lokaal mondiaal beleid",
            "principe": "Principe",
            "land": "Partnerland",
            "trefwoord": "Trefwoord",
        }
        lines = []
        for facet in FACETS:
            if facet in self.values:
                shown = [
                    (labels or {}).get(facet, {}).get(v, v) for v in sorted(self.values[facet])
                ]
                lines.append(f"{names[facet]}: {', '.join(shown)}")
        if self.year_from is not None or self.year_to is not None:
            lines.append(f"Startjaar: {self.year_from or '…'}–{self.year_to or '…'}")
        if self.q:
            lines.append(f"Zoektekst: {self.q}")
        return lines


def practice_values(p: Practice) -> dict[str, set[str]]:
    """The values a practice has for each facet, as written in the query string."""
    return {
        "sdg": {str(n) for n in p.sdgs},
        "domein": set(p.beleidsdomeinen),
        "provincie": set(p.provinces),
        "gemeente": {m.slug for m in p.gemeenten},
        "status": {p.status},
        "lmb": {p.lmb_categorie} if p.lmb_categorie else set(),
        "principe": set(p.principes),
        "land": set(p.partnerlanden),
        "trefwoord": {k.lower() for k in p.trefwoorden},
    }


def selection_labels(site) -> dict[str, dict[str, str]]:
    """Labels to describe a selection: slugs and codes → names."""
    vocab = site.vocab
    return {
        "sdg": {str(n): f"{n} {g.name}" for n, g in vocab.goals.items()},
        "domein": {t.slug: t.label for t in vocab.domains.values()},
        "provincie": {slug: t.label for slug, t in site.provinces.terms.items()},
        "gemeente": {m.slug: m.name for m in vocab.municipalities.values()},
        "status": {t.slug: t.label for t in vocab.statuses.values()},
        "lmb": {t.slug: t.label for t in vocab.lmb_categories.values()},
        "principe": {t.slug: t.label for t in vocab.principles.values()},
        "land": dict(vocab.countries),
    }
