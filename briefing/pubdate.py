"""Reading a publication date line: ``21 Nov 2014``, ``2014-11-21``, ``November 21, 2014``,
``Nov. 21, 2014``, ``Friday, 21 November 2014``, ``2014-11-21T09:30:00Z`` and the like."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
]
_TRAILING_TIME = re.compile(
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*[+-]\d{4})?)$", re.I
)


def parse_date(text: str) -> dt.date | None:
    """Parse a publication date written in one of the usual news forms.

    Args:
        text: the date as written, e.g. ``"Friday, 21 November 2014"``.

    Returns:
        The date, or ``None`` when the text is not a date this function reads.
    """
    cleaned = _TRAILING_TIME.sub("", text.strip()).strip().lower().rstrip(".")
    for pattern in _PATTERNS:
        m = pattern.fullmatch(cleaned)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"])
        if month is None:
            return None
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            return None
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
