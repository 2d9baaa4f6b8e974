"""Dates: absolute and relative date expressions, resolved against the publication date.

Each :class:`~briefing.model.DateMention` keeps the expression as written (prepositions such
as *on* or *in* left out) and a value at the precision the text gives: ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``. Conventions, where the text leaves a choice:

- **Numeric dates** ``08/23/2019`` and ``08-23-2019`` are read in US order (month first) unless the first number cannot
  be a month; dotted ``23.08.2019`` is day first; ``2019-08-23``, ``2019/08/23`` and ``20190823`` are year first.
- **A month or a day without a year** (``in August``, ``Aug. 14``, ``on the 14th``) takes its year (and month) from the
  publication date: the latest one not after publication, or the next one when the clause speaks of the future (*will*,
  *until*, *scheduled* ...). A month and day take the nearest such date, so a January article's ``Dec. 30`` is the
  previous year. A clause speaks of the future also when a future cue follows the date before any past-tense verb
  (``In June, prices will rise``), when it voices an expectation (*likely*, *hopes to*, *expects*), when a month starts
  a change and no verb around it is in the past (``from April, fares go up``) and when the month is a noun after *a*
  (``a September cut``).
- **Weekdays**: ``on Thursday`` is the latest Thursday not after publication (the next one in a future clause);
  ``this Thursday`` is the one of the publication week (weeks start on Monday), ``next``/``last``/``previous Thursday``
  the one of the week after/before, ``this past``/``this coming Thursday`` the nearest one strictly before/after.
- **Relative days** (today, yesterday, tomorrow, tonight, ``three days ago``) are resolved against the publication date,
  as are ``this year``, ``last month`` and the bare ``the day``/``the year``; ``two days later``/``earlier``,
  ``the next day`` and ``the previous year`` against the last date the text gave (the publication date when it gave
  none, no value when that date is too coarse or had no value itself: ``the third quarter ... a year earlier``). Shifts
  of days, weeks or months give a day; shifts of years give a year, or the month a year before when they count from a
  single month (``in January ... a year earlier``, as TimeML annotates it; not from a span of months such as
  ``the October-December period``). ``the same month a year ago``/``last year`` is the month the text last gave (else
  the publication month) a year before. ``three days before Easter`` shifts the date that follows it.
- **Named days** (Christmas, Easter, Thanksgiving ... from ``briefing/data/dates_holidays.txt``) without a year take the
  nearest one; two-digit years (``'79``, ``6/2/08``) the century that puts them at most 20 years after publication.
- **A week or weekend** named from the publication or the last date (``last week``, ``the following weekend``,
  ``earlier this week``; weeks start on Monday) is the month its days lie in, else the year, as an analyst files it.
- **Periods without a schema precision get the value None** (their text is kept): other weeks and weekends, quarters
  (``Q2 2018``, ``the second quarter``), halves and seasons whose year the text does not say, fiscal years
  (``fiscal 1996``), season ranges (``1996-97``) and decades (``the 1990s``). The brief's values are calendar years,
  months and days only, and a year standing in for a quarter would claim more than the text says; but
  ``the first half of 2026``, ``this summer`` and ``the summer of 2015`` are the year they are part of, as an analyst
  files them; so are ``next spring`` (the first spring not yet begun at publication) and ``last summer`` (the latest
  one over), from ``briefing/data/dates_seasons.txt``; winter spans two years and keeps no value.
- ``early 2011``, ``mid-2017``, ``the end of this year`` take the value of the period
  they qualify (``2011``, ``2017``, the publication year); so does ``the start of this year``
  (TimeML gold is split between the year and its first day, so the year is kept).
- Not dates: durations (``for three years``), times of day, ages, fractions, amounts, numbers followed by a unit,
  ``May`` the modal verb, ``March`` the verb and month or weekday names inside names.
- An undated article (no publication date) keeps relative expressions with value None.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Callable

from .. import lexicon
from ..model import DateMention, Document
from .dates_lexicon import (
    DAY_WORD, HOLIDAYS, MONTHS, NUMBER_WORD, ORDINALS, UNIT_DAYS, UNIT_MONTHS, WEEKDAYS, add_months, day_number,
    duration_number, valid_date, year_from_words,
)
from .numbers import LETTER_SCALES, SCALES

_LENGTH = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True)
class When:
    """A resolved date: ``day`` holds the date, ``precision`` how much of it the text gave."""

    day: dt.date
    precision: str  # year | month | day
    in_range: bool = False  # one end of a span of months ('the October-December period')

    @property
    def value(self) -> str:
        return self.day.isoformat()[: _LENGTH[self.precision]]


@dataclass(frozen=True)
class _Frame:
    """What resolving one expression may look at."""

    published: dt.date | None
    future: bool  # the clause speaks of the future
    anchor: When | None  # the last date resolved before this expression
    after_vague: bool = False  # the expression right before this one had no value ('the third quarter')
    past: bool = False  # the clause has a past-tense verb (and no future cue)


Resolver = Callable[[_Frame], "When | None"]


@dataclass(frozen=True)
class _Shift:
    """A duration: ``N days/weeks/months/years`` (``vague`` for *several days*)."""

    months: int = 0
    days: int = 0
    vague: bool = False

    @property
    def precision(self) -> str:
        return "year" if self.days == 0 and self.months % 12 == 0 else "day"

    def apply(self, day: dt.date, sign: int) -> dt.date:
        return add_months(day, sign * self.months) + dt.timedelta(days=sign * self.days)


@dataclass(frozen=True)
class _Candidate:
    """A date expression found in a sentence, not yet resolved.

    A ``pending`` candidate (``two weeks before``) is a shift waiting for the date expression
    that follows it (``three days before Easter``); ``sign`` is its direction.
    """

    start: int
    end: int
    resolve: Resolver
    pending: _Shift | None = None
    sign: int = 0


@dataclass(frozen=True)
class _Rule:
    trigger: str  # a key of _TRIGGERS: the rule runs only on sentences where that cheap pattern occurs
    pattern: re.Pattern
    build: Callable[[re.Match, str], "_Candidate | None"]


# --- regex building blocks -------------------------------------------------------------

# 'today', 'yesterday', 'the day after tomorrow' ... -> days from the publication date
_DAY_WORDS = {words: int(days) for words, days in lexicon.rows("dates_day_words.txt")}
# 'this year', 'last month' count from the publication date; 'the previous year' from the last date given
_OFFSETS = {words: int(moves) for words, moves, _ in lexicon.rows("dates_relations.txt")}
_FROM_ANCHOR = frozenset(words for words, _, base in lexicon.rows("dates_relations.txt") if base == "anchor")
_WORD_LISTS = {"MONTH_ALT": lexicon.alternation(MONTHS),
               "FULL_MONTH_ALT": lexicon.alternation(name for name in MONTHS if len(name) > 3 or name == "may"),
               "WEEKDAY_ALT": lexicon.alternation(name for name in WEEKDAYS if len(name) > 5),
               "NUMBER_WORD": NUMBER_WORD, "DAY_WORD": DAY_WORD, "ORDINAL_WORD_ALT": lexicon.alternation(ORDINALS),
               "HOLIDAY_ALT": lexicon.alternation(HOLIDAYS).replace("'", "['’]"),
               "HOLIDAY_WORD_ALT": lexicon.alternation({n.split()[-1] for n in HOLIDAYS}),
               "DAY_WORD_ALT": lexicon.alternation(_DAY_WORDS),
               "IRREGULAR_PAST_ALT": lexicon.alternation(lexicon.words("quotes_past_verbs.txt") | {
                   v.past for v in lexicon.verbs("reporting_verbs.txt") if not v.past.endswith("ed")})}
_PATTERN_ROWS = lexicon.patterns("dates_patterns.txt", _WORD_LISTS)
_P = lexicon.compiled("dates_patterns.txt", _WORD_LISTS, re.I)
_TRIGGERS = {row[1]: re.compile(row[-1], re.I) for row in _PATTERN_ROWS if row[0] == "trigger"}

# words before a year or month that make it a date ("in 2003", "since May")
_DATE_PREPOSITIONS = lexicon.words("dates_date_prepositions.txt")
_ENGLISH_WORDS = lexicon.words("english_function_words.txt")  # 'announced Monday it has ...'
_DAY_PARTS = lexicon.words("dates_day_parts.txt")
# capitalised words that may stand before a date name without making it part of a name
_FUNCTION_WORDS = lexicon.words("dates_function_words.txt")
# what a number followed by one of these counts is not a year
_UNITS = lexicon.words("dates_units.txt")
_NAME_MONTHS = frozenset("april may june august".split())  # months that are also given names
_MAGNITUDES = frozenset(SCALES) | frozenset(LETTER_SCALES)
_DETERMINERS = lexicon.marked("determiners.txt", "definite", "singular") | lexicon.PARTY_POSSESSIVES


# --- context helpers -------------------------------------------------------------------

def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z'’]*)\W*$", text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _next_visible(text: str, end: int) -> int:
    """Where ``text[end:].lstrip()`` starts, found without copying the rest of the text."""
    return _P["BLANKS"].match(text, end).end()


def _word_after(text: str, end: int) -> str:
    m = _P["WORD"].match(text, _next_visible(text, end))
    return m.group().rstrip(".") if m else ""


def _is_name_part(text: str, start: int) -> bool:
    """A capitalised word right before ``start`` that is not a function word: 'Super Tuesday'."""
    m = re.search(r"(?:^|[^\w'’.-])([A-Z][\w'’-]*)[ \t]+$", text[max(0, start - 40):start])
    word = m.group(1).lower() if m else ""
    return bool(m) and word not in _FUNCTION_WORDS and word not in MONTHS and word.rstrip(",") not in WEEKDAYS


def _future(text: str, start: int) -> bool:
    before = text[max(0, start - 100):start]
    parts = _P["CLAUSE_BREAK"].split(before)
    clause = parts[-1]
    if len(parts) > 1 and not _P["VERB_CUE"].search(clause):  # ', this time in Ytown, in February': the verb is earlier
        clause = " ".join(parts[-3:])
    clause = " ".join(clause.split()[-16:])
    cues = list(_P["FUTURE_CUE"].finditer(clause))
    if not cues:
        return False
    if all(_P["UNTIL"].fullmatch(m.group()) for m in cues):
        return not _past_clause(clause[:cues[0].start()])
    return True


# words before a month that start a change from then on: 'from April, fares go up'
_PAST_AUXILIARIES = lexicon.marked("auxiliaries.txt", "past")
_FROM_WORDS = frozenset("from starting beginning effective".split())


def _change_from(text: str, start: int, end: int) -> bool:
    """``from April``, ``starting April``: a change from a month on, future when no past-tense verb
    stands in the sentence ('fares go up from April', not 'fares rose from April')."""
    if _word_before(text, start).lower() not in _FROM_WORDS:
        return False
    text = text[max(0, start - 150):end + 150]  # the words around, so that a long sentence stays linear
    return not (_past_clause(text) or _P["IRREGULAR_PAST"].search(text)
                or re.search(r"\b(?:was|were|had|did)\b|\b(?:has|have)\s+\w+ed\b", text, re.I))


def _past_clause(clause: str) -> bool:
    """A past-tense clause: 'was', 'had' ... or an -ed verb that no present verb leads into
    ('stays closed until' is present), and no present, perfect or modal word."""
    return not _P["NOT_PAST"].search(clause) and any(
        m.group().lower() in _PAST_AUXILIARIES or not clause[:m.start()].rstrip().lower().endswith("s")
        for m in _P["PAST_CUE"].finditer(clause))


def _tense(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(future, past) of the clause of the date at ``text[start:end]``: a future cue before it; else a past-tense
    clause before it ('brokered ... on March 14'; 'X said Wednesday that it will ...': the day of the telling);
    else, in a present clause, what it awaits: a future cue among the next eight words with no past-tense verb
    before that cue ('In June, prices will rise'), or 'before' the date ('campaigning ends before Sunday's vote')."""
    if _future(text, start):
        return True, False
    words = _P["CLAUSE_BREAK"].split(text[max(0, start - 60):start])[-1].split()[-8:]
    if _past_clause(" ".join(words)) or any(_P["IRREGULAR_PAST"].fullmatch(word) for word in words[-3:]):
        return False, True
    after = " ".join(text[end:end + 80].split()[:8])
    cue = _P["FUTURE_AFTER"].search(after)
    if cue and not (_P["PAST_CUE"].search(after, 0, cue.start()) or _P["IRREGULAR_PAST"].search(after, 0, cue.start())):
        return True, False
    return bool(_P["AHEAD"].search(text, max(0, start - 20), start)), False


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _written_year(written: str, month: int | None = None, day: int | None = None) -> Resolver:
    """A year of four digits, or of two: the century that puts it at most 20 years after publication."""
    if len(written) == 4:
        return _fixed(_absolute(int(written), month, day))

    def resolve(frame: _Frame) -> When | None:
        pivot = (frame.published.year if frame.published else 2050) + 20
        year = 2000 + int(written)
        return _absolute(year if year <= pivot else year - 100, month, day)

    return resolve


def _year(groups: dict) -> int | None:
    """The year of a match written in digits or words (None when absent or not a year)."""
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("yearw"):
        return year_from_words(groups["yearw"])
    return None


# --- resolution helpers ----------------------------------------------------------------

def _fixed(when: When | None) -> Resolver:
    return lambda frame: when


_no_value = _fixed(None)


def _on_published(make: Callable[[dt.date, _Frame], "When | None"]) -> Resolver:
    """A resolver for an expression relative to the publication date (None when undated)."""
    return lambda frame: make(frame.published, frame) if frame.published else None


def _month_without_year(month: int, published: dt.date, *, future: bool, relation: str = "") -> When:
    """``in November``: the latest November not after publication, or the next one in a future clause.

    ``relation`` ``last``/``past`` is strictly before the publication month, ``next``/``coming``
    strictly after, ``this`` in the publication year.
    """
    year = published.year
    if relation in ("last", "past"):
        year -= month >= published.month
    elif relation in ("next", "coming"):
        year += month <= published.month
    elif relation != "this" and future:
        year += month < published.month
    elif relation != "this":
        year -= month > published.month
    return When(dt.date(year, month, 1), "month")


def _nearest_day(dates: list[dt.date], published: dt.date, future: bool, weekday: int | None = None,
                 past: bool = False) -> When | None:
    """The nearest of ``dates`` (the next one in a future clause, the last one in a past-tense clause; one on
    ``weekday`` when named)."""
    if weekday is not None:
        dates = [d for d in dates if d.weekday() == weekday] or dates
    if future:
        dates = [d for d in dates if d >= published] or dates
    elif past:
        dates = [d for d in dates if d <= published] or dates
    found = min(dates, key=lambda d: (abs((d - published).days), d > published), default=None)
    return When(found, "day") if found else None


def _day_without_year(month: int, day: int, published: dt.date, future: bool,
                      weekday: int | None = None, past: bool = False) -> When | None:
    """``Nov. 20``: the nearest Nov. 20."""
    years = (published.year - 1, published.year, published.year + 1)
    return _nearest_day([d for y in years if (d := valid_date(y, month, day))], published, future, weekday, past)


def _day_of_month(day: int, published: dt.date, future: bool, weekday: int | None = None,
                  month_shift: int | None = None) -> When | None:
    """``on the 14th``/``Monday 16``: the nearest 14th (of the month ``month_shift`` away when given)."""
    firsts = [add_months(published.replace(day=1), shift)
              for shift in ((month_shift,) if month_shift is not None else (-1, 0, 1))]
    return _nearest_day([d for f in firsts if (d := valid_date(f.year, f.month, day))], published, future, weekday)


def _weekday(weekday: int, published: dt.date, *, future: bool, relation: str = "", week: int | None = None) -> When:
    """The date of a weekday name, see the module docstring."""
    ahead, back = (weekday - published.weekday()) % 7, (published.weekday() - weekday) % 7
    if relation in ("past", "this past"):
        days = -(back or 7)
    elif relation in ("coming", "upcoming", "this coming", "this upcoming"):
        days = ahead or 7
    elif week is not None:
        days = 7 * week + weekday - published.weekday()  # from the Monday of the publication week
    else:
        days = ahead if future else -back
    return When(published + dt.timedelta(days=days), "day")


def _from_anchor(frame: _Frame, precision: str) -> When | None:
    """The last date the text gave when it is at least as precise as ``precision``; the publication
    date when the text gave none; None when the last one is too vague to count from."""
    if frame.after_vague or frame.anchor is not None and _LENGTH[frame.anchor.precision] < _LENGTH[precision]:
        return None
    return frame.anchor or (When(frame.published, "day") if frame.published else None)


def _shifted(base: When | None, shift: _Shift, sign: int) -> When | None:
    if base is None or shift.vague:
        return None
    precision = shift.precision if _LENGTH[shift.precision] <= _LENGTH[base.precision] else base.precision
    if precision == "year" and base.precision == "month" and not base.in_range:
        precision = "month"  # 'in January ... a year earlier' is the January before (TimeML gives the month)
    return When(shift.apply(base.day, sign), precision)


def _parse_shift(text: str) -> _Shift:
    months = days = 0
    for m in _P["DURATION_PART"].finditer(text):
        unit = m["unit"].lower()
        count = duration_number(m["count"])
        if count is None or unit == "decade":
            return _Shift(vague=True)  # 'several days'; a decade has no value of its own
        if unit in UNIT_DAYS:
            days += count * UNIT_DAYS[unit]
        else:
            months += count * UNIT_MONTHS[unit]
    return _Shift(months=months, days=days)


# --- rules -----------------------------------------------------------------------------

def _candidate(m: re.Match, resolve: Resolver, group: str | int = 0) -> _Candidate:
    start, end = m.span(group)
    return _Candidate(start, end, resolve)


def _absolute(year: int, month: int | None = None, day: int | None = None) -> When | None:
    if month is None:
        return When(dt.date(year, 1, 1), "year")
    if day is None:
        return When(dt.date(year, month, 1), "month") if 1 <= month <= 12 else None
    found = valid_date(year, month, day)
    return When(found, "day") if found else None


def _month_alone_ok(m: re.Match, text: str) -> bool:
    """A month name standing alone: capitalised, not part of a name ('August Brenner', 'Operation
    June'), and ``May``/``March`` only after a word that introduces a date ('in May', not 'May I')."""
    word, start, end = m["month"], m.start("month"), m.end("month")
    if not _capitalised(word) or _is_name_part(text, start):
        return False
    if word.lower() in ("may", "march") and _word_before(text, start).lower() not in _DATE_PREPOSITIONS:
        return False
    if _P["POSSESSIVE_AFTER"].match(text, end):
        return False
    following = _word_after(text, end)
    visible = _next_visible(text, end)
    return not (text[visible:visible + 1].isupper() and following.lower() not in MONTHS)


def _fixed_candidate(m: re.Match, when: When | None, group: str | int = 0) -> _Candidate | None:
    return _candidate(m, _fixed(when), group) if when else None


def _build_year_first(m: re.Match, text: str) -> _Candidate | None:
    """``2019-08-23``, ``2019/aug/23``, ``20190823``, ``08-2019``: a year and month in digits, and a day if given."""
    g = m.groupdict()
    month = int(g["mnum"]) if g["mnum"] else MONTHS.get(g["mname"].lower().rstrip("."))
    return _fixed_candidate(m, _absolute(int(g["year"]), month, int(g["d"]) if g.get("d") else None))


def _build_numeric(m: re.Match, text: str) -> _Candidate | None:
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if m["sep"] == "." or first > 12 else (first, second)
    return _candidate(m, _written_year(m["y"], month, day))


def _build_year_range(m: re.Match, text: str) -> _Candidate | None:
    """``1987-88`` (a season: no value) or ``2015-12`` (ISO year and month)."""
    year, two = int(m["year"]), int(m["yy2"])
    if two == (year + 1) % 100:
        return _candidate(m, _no_value)
    if m["sep"] == "-" and 1 <= two <= 12:
        return _candidate(m, _fixed(_absolute(year, two)))
    return None


def _build_day_month(m: re.Match, text: str) -> _Candidate | None:
    """``23 Aug 2019``, ``Aug. 23, 2019``, ``the 9th of June``, ``October twelve nineteen sixty eight``."""
    g = m.groupdict()
    month = MONTHS[g["month"].lower().rstrip(".")]
    written = g["day"] or g.get("dayw")
    day = day_number(written) if written else None
    if day is None:
        return None
    day_group = "day" if g["day"] else "dayw"
    year = _year(g)
    if year is not None:
        return _fixed_candidate(m, _absolute(year, month, day))
    if g.get("yy"):
        return _candidate(m, _written_year(g["yy"], month, day))
    # no year (or words after the day that are not one)
    day_first = m.start(day_group) < m.start("month")
    if not _capitalised(g["month"]) and (day_first or g["dayw"] or g["month"].lower() in ("may", "march", "mar")):
        return None  # 'the top 5 may rise', 'you may second that'
    if g["dayw"] and day_first and not re.search(r"\bof\b|^the\b", m.group(), re.I):
        return None  # 'one March', 'a second May'
    weekday = WEEKDAYS.get((g["weekday"] or "").lower())
    end = max(m.end("month"), m.end(day_group))

    return _Candidate(m.start(), end, _on_published(
        lambda p, frame: _day_without_year(month, day, p, frame.future, weekday, frame.past)))


def _build_second_day(m: re.Match, text: str) -> _Candidate | None:
    """``Dec. 20 and 21``: the second day of the month, as a date of its own."""
    month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
    following = _word_after(text, m.end("day")).lower()
    if not _capitalised(m["month"]) or following in _UNITS or following in _MAGNITUDES or (
            following.endswith("s") and following.islower() and not m["year"]):
        return None  # 'May 3 and 4 people'
    if m["year"]:
        return _fixed_candidate(m, _absolute(int(m["year"]), month, day), "day")
    return _Candidate(m.start("day"), m.end("day"), _on_published(
        lambda p, frame: _day_without_year(month, day, p, frame.future, past=frame.past)))


def _build_month_year(m: re.Match, text: str) -> _Candidate | None:
    """``August 2019``, ``Mar/2016``, ``June of 93``, ``mid-October 2011``."""
    g = m.groupdict()
    month = MONTHS[g["month"].lower().rstrip(".")]
    if g["month"].lower() in _NAME_MONTHS and not g.get("part") and _is_name_part(text, m.start("month")):
        return None  # 'Theresa May 2017'
    if g.get("yy"):
        return _candidate(m, _written_year(g["yy"], month))
    year = _year(g)
    return _fixed_candidate(m, _absolute(year, month)) if year is not None else None


def _build_month(m: re.Match, text: str) -> _Candidate | None:
    """A month name alone: ``in August``, ``last June``, ``March of next year``."""
    month_word = m["month"]
    if not _capitalised(month_word) or (not m["part"] and not m["rel"] and not _month_alone_ok(m, text)):
        return None
    month = MONTHS[month_word.lower()]
    relation = (m["rel"] or "").lower()
    year_relation = " ".join((m["yrel"] or "").lower().split()[:-1]).removeprefix("of ")  # 'of next year'
    shared = None if relation or year_relation else _P["RANGE_END"].match(text, m.end())
    if shared and shared["year"]:  # 'between April and October of 2020': the year of the range's end
        end_month, year = MONTHS[shared["month"].lower().rstrip(".")], int(shared["year"])
        return _candidate(m, _fixed(_absolute(year if month <= end_month else year - 1, month)))
    if shared:
        year_relation = shared["yrel"].lower().split()[0]  # 'between March and May next year'

    in_range = bool(_P["MONTH_RANGE_BEFORE"].search(text[max(0, m.start() - 20):m.start()])
                    or _P["MONTH_RANGE_AFTER"].match(text, m.end()))
    # 'from April, fares go up' and 'a September cut' (a month as a noun after 'a') speak of the next one
    ahead = not relation and (_change_from(text, m.start(), m.end())
                              or _word_before(text, m.start()).lower() in ("a", "an"))

    def resolve(frame: _Frame) -> When | None:
        if year_relation:
            return _month_of_year(month, year_relation, frame)
        if not frame.published:
            return None
        when = _month_without_year(month, frame.published, future=frame.future or ahead, relation=relation)
        return replace(when, in_range=True) if in_range else when

    return _candidate(m, resolve)


# one period of each unit, counted from the start of the period the count starts in
_STEPS = {"day": _Shift(days=1), "month": _Shift(months=1), "year": _Shift(months=12)}
_DAY_RELATIONS = frozenset({"this", "the", "the next", "the following", "the previous", "the same"})


def _relative_period(which: str, unit: str, frame: _Frame, step: _Shift | None = None) -> When | None:
    """``this year``, ``last month``, ``the previous day``, ``the day``: the ``unit`` that ``which`` names,
    counted in ``step`` (one ``unit`` when not given), from the last date given or the publication date."""
    if unit == "day" and which not in _DAY_RELATIONS:
        return None
    base = (_from_anchor(frame, unit) if which in _FROM_ANCHOR
            else When(frame.published, "day") if frame.published else None)
    if base is None:
        return None
    start = {"year": base.day.replace(month=1, day=1), "month": base.day.replace(day=1)}.get(unit, base.day)
    return When((step or _STEPS[unit]).apply(start, _OFFSETS[which]), unit)


def _relative_week(which: str, unit: str, frame: _Frame) -> When | None:
    """``last week``, ``this weekend``, ``the following week``: the month its days lie in, else their year (weeks
    start on Monday); None when they span two years."""
    base = (_from_anchor(frame, "day") if which in _FROM_ANCHOR
            else When(frame.published, "day") if frame.published else None)
    if base is None:
        return None
    monday = base.day - dt.timedelta(days=base.day.weekday()) + dt.timedelta(weeks=_OFFSETS[which])
    first, last = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if unit == "weekend" \
        else (monday, monday + dt.timedelta(days=6))
    if (first.year, first.month) == (last.year, last.month):
        return When(first.replace(day=1), "month")
    return When(dt.date(first.year, 1, 1), "year") if first.year == last.year else None


def _month_of_year(month: int, which: str, frame: _Frame) -> When | None:
    """``March of next year``, ``the fifth month of this year``: ``month`` of the year ``which`` names."""
    year = _relative_period(which, "year", frame)
    return When(dt.date(year.day.year, month, 1), "month") if year else None


# words after 'the day/month/year' that make it some other day ('the day he died')
_COMPLEMENT_AFTER = lexicon.words("dates_complement_after.txt")


def _build_relative_period(m: re.Match, text: str) -> _Candidate | None:
    """``this year``, ``last month``, ``later this year``, ``the previous year``, ``the day`` ..."""
    which_text = m["which"] or m["bare"]
    which = " ".join(which_text.lower().split())
    unit = m["unit"].lower()
    if which == "the" and not m["part"]:
        if _capitalised(which_text) and m.start() > 0 or _capitalised(m["unit"]):
            return None
        if text[m.end():m.end() + 1] == "-" or _word_after(text, m.end()).lower() in _COMPLEMENT_AFTER:
            return None
        if _P["DIGIT_AFTER"].match(text, m.end()):
            return None
    if unit in ("week", "weekend") and which in _OFFSETS and which != "the" and not m["part"] \
            or unit in ("week", "weekend") and m["part"] and which == "this":
        return _candidate(m, functools.partial(_relative_week, which, unit))
    if unit in ("week", "weekend", "decade", "century") or which in ("past", "the past") \
            or m["part"] and re.search(r"quarter", m["part"], re.I) \
            or m["part"] and re.search(r"half", m["part"], re.I) and unit != "year":
        return _candidate(m, _no_value)  # 'the first half of this year' is that year, as 'early this year' is
    if unit == "day" and m["part"]:
        return None
    return _candidate(m, functools.partial(_relative_period, which, unit))


def _build_day_word(m: re.Match, text: str) -> _Candidate | None:
    """today, tonight, yesterday, tomorrow, last night, the day before yesterday ..."""
    shift = _DAY_WORDS[" ".join(m["word"].lower().split())]
    return _candidate(m, _on_published(lambda p, frame: When(p + dt.timedelta(days=shift), "day")))


def _build_weekday(m: re.Match, text: str) -> _Candidate | None:
    """``Thursday``, ``next Friday``, ``this past Friday``, ``Thursday of next week``."""
    relation = " ".join((m["rel"] or "").lower().split())
    in_week = m["week"] or m["week_first"]  # 'this week Friday', 'Friday of next week'
    if not relation and not in_week:
        if _is_name_part(text, m.start("weekday")):
            return None  # 'Super Tuesday'
        before, after = _word_before(text, m.start("weekday")), _word_after(text, m.end("weekday"))
        article = before.lower() in ("the", "a")
        visible = _next_visible(text, m.end("weekday"))
        if article and text[visible:visible + 1].isupper():
            return None  # 'the Sunday Times'
        governed = _word_before(text, m.start("weekday") - len(before) - 1).lower() in _FUNCTION_WORDS
        if (article and not governed  # 'in a Wednesday media event' is a date, 'the Sunday trade ban' is not
                or before.islower() and before not in _FUNCTION_WORDS and before not in ("said", "says")) \
                and after.islower() and after not in _FUNCTION_WORDS | _ENGLISH_WORDS and after not in _DAY_PARTS \
                and visible == m.end("weekday") + 1:
            return None  # 'the Sunday trade ban', 'allows Sunday opening hours': a kind of day, not a date

    weekday = WEEKDAYS[m["weekday"].lower()]
    phrase = " ".join(w for w in in_week.lower().split() if w not in ("of", "week")) if in_week else relation
    week = _OFFSETS.get(phrase)  # 'next Friday': the Friday of next week ('coming Friday' is read first)
    if in_week and week is None:
        return None
    return _candidate(m, _on_published(lambda p, frame: _weekday(weekday, p, future=frame.future,
                                                                 relation=relation, week=week)))


def _build_weekday_date(m: re.Match, text: str) -> _Candidate | None:
    """A weekday with the date written after it: ``Friday 2019-3-8``, ``this Friday 6/14``, ``Monday 16``."""
    weekday = WEEKDAYS[m["weekday"].lower()] if m["weekday"] else None
    following = _word_after(text, m.end()).lower()
    if (m["md"] or m["dom"]) and (following in _UNITS or following in _MAGNITUDES or following.endswith("s")):
        return None  # 'on Monday 16 people', 'on Friday 2.5 million'
    if m["iso"]:
        year, month, day = (int(x) for x in re.split(r"[-/]", m["iso"]))
        return _fixed_candidate(m, _absolute(year, month, day))
    if m["md"] or m["paren"]:
        if m["md"]:
            month, day = (int(x) for x in re.split(r"[/.]", m["md"]))
        else:
            name, number = m["paren"].split("-")
            month, day = MONTHS.get(name.lower(), 0), int(number)  # 0 when the name is no month
        if not 1 <= month <= 12:
            return None
        return _candidate(m, _on_published(lambda p, frame: _day_without_year(month, day, p, frame.future)))
    day = day_number(m["dom"])
    if day is None:
        return None
    return _candidate(m, _on_published(lambda p, frame: _day_of_month(day, p, frame.future, weekday)))


def _build_day_of_month(m: re.Match, text: str) -> _Candidate | None:
    """``on the 20th``, ``by the 5th of next month``."""
    day = day_number(m["dom"])
    if day is None:
        return None
    relation = m["ofrel"]
    if not relation:
        following = _word_after(text, m.end())
        if following and following.lower() not in _FUNCTION_WORDS:
            return None
    shift = _OFFSETS.get(" ".join((relation or "").lower().split()))
    return _candidate(m, _on_published(lambda p, frame: _day_of_month(day, p, frame.future, month_shift=shift)), "date")


def _build_holiday(m: re.Match, text: str) -> _Candidate | None:
    holiday = HOLIDAYS[" ".join(m["holiday"].lower().split()).replace("’", "'")]
    if m["year"]:
        return _candidate(m, _fixed(When(holiday.in_year(int(m["year"])), "day")))
    if not _capitalised(m["holiday"]):
        return None
    return _candidate(m, _on_published(lambda p, frame: _nearest_day(
        [holiday.in_year(year) for year in (p.year - 1, p.year, p.year + 1)], p, frame.future)))


def _build_shift(m: re.Match, text: str) -> _Candidate | None:
    """``three days ago``, ``two weeks later``, ``5 months from tomorrow``, ``3 weeks before ...``."""
    shift = _parse_shift(m["duration"])
    direction = m["dir"].lower()
    reference = (m["ref"] or "").lower()
    if direction == "since" or direction == "from" and re.match(r"an?\s", m["duration"], re.I) \
            and _P["RATE_BEFORE"].search(text, max(0, m.start() - 40), m.start()):
        return None
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("ago", "hence") or reference:
        offset = {"yesterday": -1, "tomorrow": 1}.get(reference, 0)
        return _candidate(m, _on_published(
            lambda p, frame: _shifted(When(p + dt.timedelta(days=offset), "day"), shift, sign)))
    if direction in ("later", "earlier") or _P["CLAUSE_END_AFTER"].match(text, m.end()):
        return _candidate(m, lambda frame: _shifted(_from_anchor(frame, shift.precision), shift, sign))
    return _Candidate(m.start(), m.end(), _no_value, pending=shift, sign=sign)


def _build_in_duration(m: re.Match, text: str) -> _Candidate | None:
    """``in three weeks`` as a date: only in a future clause or with *time* (``in three weeks' time``)."""
    if not (m["time"] or _future(text, m.start())):
        return None
    shift = _parse_shift(m["duration"])
    return _candidate(m, _on_published(lambda p, frame: _shifted(When(p, "day"), shift, 1)))


def _build_same_unit_year_before(m: re.Match, text: str) -> _Candidate | None:
    """``the same month a year ago``, ``the same day last year``: the month (day) the text last gave, a year before."""
    return _candidate(m, functools.partial(_relative_period, "the previous", m["unit"].lower(), step=_STEPS["year"]))


def _build_anchored_unit(m: re.Match, text: str) -> _Candidate | None:
    """``the day before``, ``the year after`` at the end of a clause: one unit from the last date."""
    if m["unit"].lower() == "week":
        return _candidate(m, _no_value)
    which = "the previous" if m["dir"].lower() in ("before", "earlier") else "the following"
    return _candidate(m, functools.partial(_relative_period, which, m["unit"].lower()))


def _build_year(m: re.Match, text: str) -> _Candidate | None:
    """A bare year (``in 2003``, ``the 1991 agreement``, ``mid-2015``, ``the year 2008``)."""
    year = int(m["year"])
    start, end = m.start("year"), m.end("year")
    before = text[max(0, start - 12):start]
    after = text[end:end + 12]
    if re.search(r"[$€£¥#]\s*$|\b(?:No|no|number|nos?)\.?\s*$|\b[A-Z]{3}\s*$|[\d][,.]$", before):
        return None
    if re.match(r"[,.:]\d|[-–/](?!(?:1[89]|20)\d\d\b)\d|\s*(?:%|per\s?cent|pct)\b", after):
        return None
    if re.search(r"\d[-–/]$", before) and not re.search(r"(?:1[89]|20)\d\d[-–]$", before):
        return None
    previous = _word_before(text, start)
    prepositioned = previous.lower() in _DATE_PREPOSITIONS or bool(m["part"] or m["yearword"])
    if not (1900 <= year <= 2100 or (prepositioned and 1800 <= year <= 2100)):
        return None
    following = _word_after(text, end)
    if following.lower() in _UNITS:
        return None
    if previous.lower() in ("to", "at") and _P["LEVEL_CUE"].search(text[max(0, start - 60):start]) and not re.search(
            r"\bfrom\s+(?:1[89]|20)\d\d\s+to\s*$", text[max(0, start - 20):start]):
        return None  # 'the index rose 1.5% to 1999': a level, not a year
    if not prepositioned:
        if _is_name_part(text, start):
            return None
        plural_noun = following.islower() and following.endswith("s") and not following.endswith("ss")
        if plural_noun and previous.lower() not in _DETERMINERS and not re.search(r"['’]s\s*$", before):
            return None
    return _candidate(m, _fixed(_absolute(year)))


def _build_two_digit_year(m: re.Match, text: str) -> _Candidate | None:
    """``'82`` (a year), or ``cy18`` (a calendar year)."""
    return _candidate(m, _written_year(m["yy"] or m["cy"]))


def _build_word_year(m: re.Match, text: str) -> _Candidate | None:
    """A year in words after a preposition: ``in nineteen seventy four``."""
    year = year_from_words(m["yearw"])
    following = _word_after(text, m.end())
    if year is None or not 1000 <= year <= 2100 or following.lower() in _UNITS or following.islower() \
            and following.endswith("s"):
        return None
    return _candidate(m, _fixed(_absolute(year)), "yearw")


def _build_ordinal_month(m: re.Match, text: str) -> _Candidate | None:
    """``the fifth month of 2023``."""
    month = ORDINALS.get(m["ord"].lower()) or day_number(m["ord"])
    if not month or month > 12:
        return None
    if m["year"]:
        return _fixed_candidate(m, _absolute(int(m["year"]), month))
    return _candidate(m, functools.partial(_month_of_year, month, m["rel"].lower()))


def _build_no_value(m: re.Match, text: str) -> _Candidate | None:
    """Fiscal years, decades: kept as text, no value (see the module docstring)."""
    return _candidate(m, _no_value)


def _build_part_of_year(m: re.Match, text: str) -> _Candidate | None:
    """``the first half of 2026``, ``this summer``, ``the summer of 2015``: the year they are part of, when the text
    says which; a quarter, and any part of a fiscal year, has no value."""
    g = m.groupdict()
    if g.get("season") and not (g["smod"] or g["year"]):
        return None  # 'a hot spring', 'prices fall'
    if re.search(r"fiscal|financial|quarter", m[0], re.I):
        return _candidate(m, _no_value)  # a quarter is more precise than its year, and a fiscal year is no year
    if g["year"]:
        return _fixed_candidate(m, _absolute(int(g["year"])))
    which = (g.get("rel") or (g.get("smod") if g.get("season") else None) or "").lower()
    if which == "this" or which in ("last", "next") and not g.get("season"):
        return _candidate(m, functools.partial(_relative_period, which, "year"))
    if which in ("last", "next") and g["season"].lower() in _SEASON_STARTS:
        return _candidate(m, functools.partial(_season_year, which, _SEASON_STARTS[g["season"].lower()]))
    return _candidate(m, _no_value)


_SEASON_STARTS = {season: int(month) for season, month in lexicon.pairs("dates_seasons.txt")}


def _season_year(which: str, first_month: int, frame: _Frame) -> When | None:
    """``next spring``: when the first such season not yet begun at publication falls; ``last summer``: when the
    latest one already over fell (a season is three months), as a year."""
    if frame.published is None:
        return None
    year = frame.published.year
    if which == "next":
        return _absolute(year if frame.published.month < first_month else year + 1)
    return _absolute(year if frame.published.month > first_month + 2 else year - 1)


_BUILDERS = {build.__name__.removeprefix("_build_"): build for build in (
    _build_year_first, _build_numeric, _build_year_range, _build_day_month, _build_second_day, _build_month_year,
    _build_month, _build_weekday, _build_weekday_date, _build_day_word, _build_relative_period, _build_anchored_unit,
    _build_same_unit_year_before, _build_ordinal_month, _build_shift, _build_in_duration, _build_year,
    _build_two_digit_year, _build_word_year, _build_day_of_month, _build_holiday, _build_no_value,
    _build_part_of_year)}
_RULES = tuple(_Rule(trigger, re.compile(pattern, re.I), _BUILDERS[builder])
               for trigger, builder, pattern in (row[1:] for row in _PATTERN_ROWS if row[0] == "rule"))


# --- the stage -------------------------------------------------------------------------

def _candidates(text: str, base: int) -> list[_Candidate]:
    found = []
    triggered = {name: bool(trigger.search(text)) for name, trigger in _TRIGGERS.items()}
    for rule in _RULES:
        if not triggered[rule.trigger]:
            continue
        for m in rule.pattern.finditer(text):
            candidate = rule.build(m, text)
            if candidate is not None and candidate.end > candidate.start:
                found.append(replace(candidate, start=candidate.start + base, end=candidate.end + base))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap, in text order."""
    chosen: list[_Candidate] = []  # in text order; they do not overlap, so their ends are in order too
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        # only the last chosen one that starts before this one ends can overlap it
        i = bisect.bisect_left(starts, candidate.end)
        if i and chosen[i - 1].end > candidate.start:
            continue
        chosen.insert(i, candidate)
        starts.insert(i, candidate.start)
    return chosen


def _resolve_shifted(inner, shift, sign, frame):
    return _shifted(inner(frame), shift, sign)


def _merge_pending(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """Join ``two weeks before`` to the date expression right after it; drop it when none follows."""
    merged: list[_Candidate] = []
    pairs = zip(candidates, [*candidates[1:], None])
    for candidate, following in pairs:
        if candidate.pending is None:
            merged.append(candidate)
        elif following is not None and not text[candidate.end:following.start].strip():
            merged.append(_Candidate(candidate.start, following.end,
                                     functools.partial(_resolve_shifted, following.resolve,
                                                       candidate.pending, candidate.sign)))
            next(pairs)  # the date it shifts is taken
    return merged


def find_dates(doc: Document) -> tuple[DateMention, ...]:
    """One :class:`DateMention` per date expression of ``doc``, in text order, resolved against ``doc.published``."""
    text = doc.text
    candidates: list[_Candidate] = []
    for sentence in doc.sentences:
        candidates.extend(_merge_pending(_select(_candidates(sentence.text, sentence.start)), text))
    mentions = []
    anchor: When | None = None
    after_vague = False
    for candidate in candidates:
        sentence = doc.sentences[doc.sentence_index(candidate.start)]
        future, past = _tense(sentence.text, candidate.start - sentence.start, candidate.end - sentence.start)
        when = candidate.resolve(_Frame(doc.published, future, anchor, after_vague, past))
        after_vague = when is None
        if when is not None:
            anchor = when
        mentions.append(DateMention(text=text[candidate.start:candidate.end], value=when.value if when else None,
                                    evidence=(doc.evidence(candidate.start, candidate.end),)))
    return tuple(mentions)
