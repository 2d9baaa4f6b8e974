"""The cross-brief list pages: rows that filter in the browser, and long lists split into one page per month.

Every row of a list carries ``data-`` attributes (:func:`row_attrs`) that ``docs/javascripts/filters.js``
reads to filter it by date range, country, actor, tag, status, kind and confidence, and to sort its table:
no server, no other host, nothing but the page itself. A list of more than :data:`PERIOD_ROWS` rows is
split by month (:func:`split_by_period`): its page becomes an index of the periods, and each month gets a
page of its own, so no page grows without bound however many briefs the site holds.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Callable, Iterable, Sequence

from markupsafe import Markup, escape

#: A list longer than this is split into one page per month.
PERIOD_ROWS = 300
UNDATED = "undated"
#: Separates the values of one attribute (``data-country="Xland|Yland"``); a value never holds it.
VALUE_SEPARATOR = "|"


@dataclass(frozen=True)
class Period:
    """One month (``2024-05``), one year given without a month (``2024``), or the undated rows of a list."""

    key: str
    src: str
    rows: tuple[Any, ...]

    @property
    def label(self) -> str:
        return period_label(self.key)

    @property
    def year(self) -> str:
        return self.key[:4] if self.key != UNDATED else "Undated"


def period_key(date: str | None) -> str:
    """``2024-05`` for a date of that month, ``2024`` for a year alone, :data:`UNDATED` for none."""
    if not date:
        return UNDATED
    return date[:7] if len(date) >= 7 else date[:4]


def period_label(key: str) -> str:
    """``May 2024``, ``2024`` or ``Undated``."""
    if key == UNDATED:
        return "Undated"
    if len(key) == 7:
        return f"{calendar.month_name[int(key[5:7])]} {key[:4]}"
    return key


def by_period(rows: Iterable[Any], date_of: Callable[[Any], str | None]) -> list[tuple[str, list[Any]]]:
    """(period key, rows) for consecutive rows of the same period, in the order of ``rows``."""
    return [(key, list(group)) for key, group in groupby(rows, key=lambda row: period_key(date_of(row)))]


def split_by_period(rows: Sequence[Any], date_of: Callable[[Any], str | None], *, folder: str,
                    limit: int = PERIOD_ROWS) -> list[Period] | None:
    """The periods of ``rows`` (sorted by date, either way) with their page sources ``folder/<key>.md``;
    ``None`` when the list is short enough for one page."""
    if len(rows) <= limit:
        return None
    merged: dict[str, list[Any]] = {}
    for key, group in by_period(rows, date_of):
        merged.setdefault(key, []).extend(group)
    return [Period(key=key, src=f"{folder}/{key}.md", rows=tuple(group)) for key, group in merged.items()]


@dataclass(frozen=True)
class PeriodLink:
    """What the index of a split list shows of a period. The index is keyed by these, so it is rendered again
    when a period or its count of rows changes, not whenever a row changes (and not keyed by every row)."""

    key: str
    src: str
    count: int

    @property
    def label(self) -> str:
        return period_label(self.key)


def periods_by_year(periods: Sequence[Period]) -> list[tuple[str, list[PeriodLink]]]:
    """The periods grouped by their year, in their order, for the index of a split list."""
    return [(year, [PeriodLink(p.key, p.src, len(p.rows)) for p in group])
            for year, group in groupby(periods, key=lambda p: p.year)]


def row_attrs(*, date: str | None = None, **values: str | Iterable[str] | None) -> Markup:
    """`` data-row data-date="2024-05-02" data-country="Xland|Yland" ...``: what filters.js filters a row by.

    Values are escaped; several values of one attribute are joined by :data:`VALUE_SEPARATOR` (taken
    out of the values themselves), each once, in their order.
    """
    parts = ["data-row"]
    if date:
        parts.append(f'data-date="{escape(date)}"')
    for name, value in values.items():
        if value is None:
            continue
        items = [value] if isinstance(value, str) else list(value)
        cleaned = dict.fromkeys(" ".join(v.replace(VALUE_SEPARATOR, " ").split()) for v in items)
        joined = VALUE_SEPARATOR.join(v for v in cleaned if v)
        if joined:
            parts.append(f'data-{name}="{escape(joined)}"')
    return Markup(" " + " ".join(parts))
