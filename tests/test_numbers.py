"""Numbers as written: shares after 'by' and powers of ten, with their offsets."""
from __future__ import annotations

from decimal import Decimal

import pytest

from briefing.extract.numbers import find_numbers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acme cut costs by a third.", [("a third", Decimal(1) / 3)]),
        ("Acme cut costs by a half.", [("a half", Decimal("0.5"))]),
        ("Acme cut costs by two-thirds.", [("two-thirds", Decimal(2) / 3)]),
        ("Acme cut costs by half.", [("half", Decimal("0.5"))]),
        ("Acme cut costs by third.", []),
        ("Acme cut costs by one thirds.", []),
        ("Acme cut costs by an half.", []),
    ],
)
def test_a_share_after_by_is_a_fraction(text, expected):
    fractions = [n for n in find_numbers(text) if n.fraction]
    assert [(text[n.start:n.end], n.value) for n in fractions] == expected


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("The sample held 7e12 cells.", "7e12", Decimal("7e12")),
        ("The dose was 2.5x10-4 grams.", "2.5x10-4", Decimal("2.5e-4")),
        ("The dose was 4E−3 grams.", "4E−3", Decimal("4e-3")),
        ("The grid has 6x2^8 cells.", "6x2^8", Decimal(1536)),
    ],
)
def test_powers_of_ten_and_of_a_base(text, written, value):
    (number,) = find_numbers(text)
    assert (text[number.start:number.end], number.value) == (written, value)
