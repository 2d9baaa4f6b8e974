"""Words of dates for :mod:`briefing.extract.dates`: month and weekday names, number words,
calendar arithmetic and the holidays of ``briefing/data/dates_holidays.txt``.

Everything here is general reference data built once at import; nothing is specific to an article.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .. import lexicon
from ..pubdate import MONTHS
from .numbers import ONES, ORDINALS, TEENS, TENS

#: Weekday names and abbreviations (data/weekdays.txt) -> weekday number (Monday is 0).
WEEKDAYS: dict[str, int] = {name: number for number, line in enumerate(lexicon.entries("weekdays.txt"))
                            for name in line.split()}

# the counts of a duration that are not numbers ('a couple of days'); None when vague
_COUNT_WORDS = {"a": 1, "an": 1, "a couple of": 2, "several": None, "few": None}

UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
UNIT_MONTHS = {"month": 1, "year": 12}


NUMBER_WORD = lexicon.alternation([*ONES, *TEENS, *TENS, "hundred", "thousand"])
DAY_WORD = (r"(?:(?:twenty|thirty)[\s-]+)?(?:" + lexicon.alternation(ORDINALS) + r")"
            r"|(?:twenty|thirty)[\s-]+(?:" + lexicon.alternation(set(ONES) - {"zero", "oh"}) + r")"
            r"|" + lexicon.alternation(set(TEENS) | set(ONES) - {"zero", "oh"} | {"twenty", "thirty"}))


def small_number(text: str) -> int | None:
    """The value of a number from 0 to 99 written in words or digits (``twenty-five``, ``25``)."""
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    parts = re.split(r"[\s-]+", text)
    if len(parts) == 1:
        word = parts[0]
        return ONES.get(word, TEENS.get(word, TENS.get(word, ORDINALS.get(word))))
    if len(parts) == 2 and parts[0] in TENS:
        unit = ONES.get(parts[1], ORDINALS.get(parts[1]))
        if unit is not None and 0 < unit < 10:
            return TENS[parts[0]] + unit
    return None


def day_number(text: str) -> int | None:
    """A day of the month written as ``21``, ``21st``, ``twenty-first`` or ``twenty one``; else None."""
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", text.lower().strip())
    value = small_number(text)
    return value if value is not None and 1 <= value <= 31 else None


def year_from_words(text: str) -> int | None:
    """A year written in words: ``nineteen seventy four``, ``two thousand and twelve``,
    ``sixteen hundred forty two``, ``twenty thirty``; None for anything else."""
    parts = [p for p in re.split(r"[\s-]+", text.lower().strip()) if p and p != "and"]
    for leading, scale, size in ((ONES, "thousand", 1000), (TEENS, "hundred", 100)):
        if len(parts) >= 2 and parts[0] in leading and parts[1] == scale:
            rest = small_number(" ".join(parts[2:])) if parts[2:] else 0
            return leading[parts[0]] * size + rest if rest is not None else None
    century = TEENS.get(parts[0]) or (TENS.get(parts[0]) if parts[0] == "twenty" else None)
    if century and len(parts) >= 2:
        if parts[1] == "oh" and len(parts) == 3 and parts[2] in ONES:
            return century * 100 + ONES[parts[2]]
        rest = small_number(" ".join(parts[1:]))
        if rest is not None and rest >= 10:
            return century * 100 + rest
    return None


def duration_number(text: str) -> int | None:
    """How many units a duration counts: ``3``, ``three``, ``a``, ``a couple of``; None when vague."""
    text = " ".join(text.lower().split())
    return _COUNT_WORDS[text] if text in _COUNT_WORDS else small_number(text)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day of the month clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@dataclass(frozen=True)
class Holiday:
    """A named day: fixed (``month``/``day``), the ``nth`` ``weekday`` of a month (-1 = last), or
    relative to Easter; ``offset`` days added."""

    month: int = 0
    day: int = 0
    weekday: int | None = None
    nth: int = 0
    from_easter: bool = False
    offset: int = 0

    def in_year(self, year: int) -> dt.date:
        if self.from_easter:
            base = easter(year)
        elif self.weekday is None:
            base = dt.date(year, self.month, self.day)
        elif self.nth > 0:
            first = dt.date(year, self.month, 1)
            base = first + dt.timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
        else:
            last = dt.date(year, self.month, calendar.monthrange(year, self.month)[1])
            base = last - dt.timedelta(days=(last.weekday() - self.weekday) % 7)
        return base + dt.timedelta(days=self.offset)


_HOLIDAY_RULE = re.compile(
    r"(?:(?P<month>\d\d)-(?P<day>\d\d)|(?P<wmonth>\d\d) (?P<weekday>[a-z]+) (?P<nth>-?\d)|(?P<easter>easter))"
    r"(?: (?P<offset>[+-]\d+))?$"
)


def _load_holidays(name: str) -> dict[str, Holiday]:
    holidays = {}
    for line in lexicon.entries(name):
        names, rule = (part.strip() for part in line.split("=", 1))
        m = _HOLIDAY_RULE.match(rule)
        if not m:
            raise ValueError(f"{name}: cannot read holiday rule {rule!r}")
        offset = int(m["offset"] or 0)
        if m["easter"]:
            holiday = Holiday(from_easter=True, offset=offset)
        elif m["month"]:
            holiday = Holiday(month=int(m["month"]), day=int(m["day"]), offset=offset)
        else:
            holiday = Holiday(month=int(m["wmonth"]), weekday=WEEKDAYS[m["weekday"]], nth=int(m["nth"]), offset=offset)
        for name in names.split("|"):
            holidays[name.strip().lower()] = holiday
    return holidays


HOLIDAYS = _load_holidays("dates_holidays.txt")
