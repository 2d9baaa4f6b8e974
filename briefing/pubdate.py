"""Reading a publication date: ``14 Aug 2019``, ``2019-08-14``, ``August 14, 2019``,
``Aug. 14, 2019``, ``Wednesday, 14 August 2019``, ``2019-08-14T09:30:00Z``,
``Wed, 14 Aug 2019 09:30:00 GMT`` (RSS), ``14/08/2019`` when day and month cannot be
confused, with or without a label such as ``Published:``."""
from __future__ import annotations

import datetime as dt
import re

from . import lexicon

#: Month names and abbreviations (data/months.txt) -> month number.
MONTHS: dict[str, int] = {name: number for number, line in enumerate(lexicon.entries("months.txt"), start=1)
                          for name in line.split()}
MONTH_NAMES = tuple(line.split()[0] for line in lexicon.entries("months.txt"))
WEEKDAYS = tuple(line.split()[0] for line in lexicon.entries("weekdays.txt"))
#: The months and weekdays written out, lower case: a word that says when.
CALENDAR_WORDS = frozenset(MONTH_NAMES + WEEKDAYS)

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d\d:?\d\d)?)?"),
    re.compile(r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
]
# 14/08/2019, 08-14-2019, 14.08.2019: read only when one of the two numbers cannot be a month.
_NUMERIC = re.compile(r"(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{4})")
_LABEL = re.compile(r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated)(?:\s+on)?\s*:?\s+)", re.I)
_TRAILING_TIME = re.compile(
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*[+-]\d{4})?)$", re.I
)


def parse_date(text: str) -> dt.date | None:
    """Parse a publication date written in one of the usual news forms.

    Args:
        text: the date as written, e.g. ``"Wednesday, 14 August 2019"``.

    Returns:
        The date, or ``None`` when the text is not a date this function reads (see
        :func:`why_unreadable` for the reason).
    """
    cleaned = _clean(text)
    for pattern in _PATTERNS:
        m = pattern.fullmatch(cleaned)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"])
        return _date(int(parts["year"]), month, int(parts["day"]))
    m = _NUMERIC.fullmatch(cleaned)
    if m:
        first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
        if first > 12 >= second:
            return _date(year, second, first)
        if second > 12 >= first:
            return _date(year, first, second)
        if first == second:
            return _date(year, first, second)
    return None


def why_unreadable(text: str) -> str | None:
    """Why :func:`parse_date` cannot read ``text`` when the reason is more than "unknown form".

    Args:
        text: a date that :func:`parse_date` returned ``None`` for.

    Returns:
        A short reason (an ambiguous day/month order, a day the month does not have), or ``None``.
    """
    cleaned = _clean(text)
    m = _NUMERIC.fullmatch(cleaned)
    if m and int(m["first"]) <= 12 and int(m["second"]) <= 12:
        return f"day and month could be either way round ({m['first']} or {m['second']} as the month)"
    for pattern in _PATTERNS:
        m = pattern.fullmatch(cleaned)
        if m:
            parts = m.groupdict()
            if not parts.get("mnum") and parts["month"] not in MONTHS:
                return f"'{parts['month']}' is not a month"
            if parts.get("mnum") and not 1 <= int(parts["mnum"]) <= 12:
                return f"there is no month {int(parts['mnum'])}"
            if int(parts["year"]) == 0:
                return "there is no year 0"
            return "there is no such day"
    return None


def _clean(text: str) -> str:
    cleaned = _TRAILING_TIME.sub("", text.strip()).strip()
    return _LABEL.sub("", cleaned, count=1).strip().lower().rstrip(".")


def _date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def looks_like_date(text: str) -> bool:
    """Whether a short line was meant as a date (so failing to read it is an error, not body)."""
    line = text.strip()
    if not line or len(line) > 40 or line[-1] in ".!?\"”":
        return False
    words = re.findall(r"[a-z]+", line.lower())
    has_calendar_word = any(
        w in MONTHS or any(w.startswith(d[:3]) and len(w) <= len(d) + 1 for d in WEEKDAYS) for w in words
    )
    has_number = bool(re.search(r"\d", line))
    return (has_number and len(words) <= 3) or (has_calendar_word and has_number) or (
        has_calendar_word and len(words) <= 3
    )


#: Publication years read; a date outside them (0001, 9999) is a slip, and the brief is built as undated.
EARLIEST_YEAR, LATEST_YEAR = 1600, 2199


def out_of_range(date: dt.date) -> bool:
    """Whether ``date`` is outside the publication years read (:data:`EARLIEST_YEAR` to :data:`LATEST_YEAR`)."""
    return not EARLIEST_YEAR <= date.year <= LATEST_YEAR
