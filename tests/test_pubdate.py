"""Reading publication dates: the forms news sites, feeds and people write."""
from __future__ import annotations

import datetime as dt

import pytest

from briefing.pubdate import looks_like_date, parse_date, why_unreadable


@pytest.mark.parametrize("text, expected", [
    ("14 Aug 2019", dt.date(2019, 8, 14)),
    ("2019-08-14", dt.date(2019, 8, 14)),
    ("August 14, 2019", dt.date(2019, 8, 14)),
    ("Aug. 14, 2019", dt.date(2019, 8, 14)),
    ("Wednesday, 14 August 2019", dt.date(2019, 8, 14)),
    ("14th of August 2019", dt.date(2019, 8, 14)),
    ("2019/08/14", dt.date(2019, 8, 14)),
    ("2019-08-14T09:30:00Z", dt.date(2019, 8, 14)),
    ("2019-08-14T09:30:00.123+05:30", dt.date(2019, 8, 14)),
    ("2019-08-14 09:30", dt.date(2019, 8, 14)),
    ("Wed, 14 Aug 2019 09:30:00 GMT", dt.date(2019, 8, 14)),
    ("Wed, 14 Aug 2019 09:30:00 +0000", dt.date(2019, 8, 14)),
    ("August 14, 2019 at 9:30 a.m. EST", dt.date(2019, 8, 14)),
    ("Published: 14 Aug 2019", dt.date(2019, 8, 14)),
    ("Last updated on August 14, 2019", dt.date(2019, 8, 14)),
    ("14/08/2019", dt.date(2019, 8, 14)),
    ("08/14/2019", dt.date(2019, 8, 14)),
    ("14.08.2019", dt.date(2019, 8, 14)),
    ("05/05/2019", dt.date(2019, 5, 5)),
])
def test_reads_the_usual_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "Wednsday 14 Aug",        # no year
    "03/04/2019",            # day and month could be either
    "31 Feb 2019",           # no such day
    "14 Augst 2019",       # not a month
    "2019-13-01",
    "The council met on 14 Aug 2019",  # a sentence, not a date line
    "",
])
def test_does_not_guess(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text, reason", [
    ("03/04/2019", "day and month could be either way round (03 or 04 as the month)"),
    ("31 Feb 2019", "there is no such day"),
    ("14 Augst 2019", "'augst' is not a month"),
    ("Wednsday 14 Aug", None),
])
def test_says_why_a_date_is_unreadable(text, reason):
    assert why_unreadable(text) == reason


@pytest.mark.parametrize("text, expected", [
    ("Wednsday 14 Aug", True),
    ("14 Aug", True),
    ("2019", True),
    ("Tuesday", True),
    ("The mayor opened the new library on Tuesday.", False),
    ("Council approves budget", False),
    ("", False),
])
def test_knows_a_date_line_from_the_body(text, expected):
    assert looks_like_date(text) is expected
