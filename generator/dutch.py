"""Dates as a Dutch reader writes them: '22 november 2025'. Shared by the pages and the
figures (a module without imports, so `python -m generator cijfers` stays light)."""

from __future__ import annotations

import datetime as dt

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def date_nl(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
