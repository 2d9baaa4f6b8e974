"""Reading publication dates: the forms news sites, feeds and people write."""
from __future__ import annotations

import datetime as dt

import pytest

from briefing.pubdate import looks_like_date, parse_date, why_unreadable


@pytest.mark.parametrize("text, expected", [
    ("21 Nov 2014", dt.date(2014, 11, 21)),
    ("2014-11-21", dt.date(2014, 11, 21)),
    ("November 21, 2014", dt.date(2014, 11, 21)),
    ("Nov. 21, 2014", dt.date(2014, 11, 21)),
    ("Friday, 21 November 2014", dt.date(2014, 11, 21)),
    ("21st of November 2014", dt.date(2014, 11, 21)),
    ("2014/11/21", dt.date(2014, 11, 21)),
    ("2014-11-21T09:30:00Z", dt.date(2014, 11, 21)),
    ("2014-11-21T09:30:00.123+05:30", dt.date(2014, 11, 21)),
    ("2014-11-21 09:30", dt.date(2014, 11, 21)),
    ("Thu, 21 Nov 2014 09:30:00 GMT", dt.date(2014, 11, 21)),
    ("Thu, 21 Nov 2014 09:30:00 +0000", dt.date(2014, 11, 21)),
    ("November 21, 2014 at 9:30 a.m. EST", dt.date(2014, 11, 21)),
    ("Published: 21 Nov 2014", dt.date(2014, 11, 21)),
    ("Last updated on November 21, 2014", dt.date(2014, 11, 21)),
    ("21/11/2014", dt.date(2014, 11, 21)),
    ("11/21/2014", dt.date(2014, 11, 21)),
    ("21.11.2014", dt.date(2014, 11, 21)),
    ("05/05/2014", dt.date(2014, 5, 5)),
])
def test_reads_the_usual_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "Thursdy 21 Nov",        # no year
    "03/04/2014",            # day and month could be either
    "31 Feb 2014",           # no such day
    "21 Novembr 2014",       # not a month
    "2014-13-01",
    "The council met on 21 Nov 2014",  # a sentence, not a date line
    "",
])
def test_does_not_guess(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text, reason", [
    ("03/04/2014", "day and month could be either way round (03 or 04 as the month)"),
    ("31 Feb 2014", "there is no such day"),
    ("21 Novembr 2014", "'novembr' is not a month"),
    ("Thursdy 21 Nov", None),
])
def test_says_why_a_date_is_unreadable(text, reason):
    assert why_unreadable(text) == reason


@pytest.mark.parametrize("text, expected", [
    ("Thursdy 21 Nov", True),
    ("21 Nov", True),
    ("2014", True),
    ("Tuesday", True),
    ("The mayor opened the new library on Tuesday.", False),
    ("Council approves budget", False),
    ("", False),
])
def test_knows_a_date_line_from_the_body(text, expected):
    assert looks_like_date(text) is expected
