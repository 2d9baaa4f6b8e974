"""Reference data shared by the stages: country names, abbreviations, demonyms, capitals."""
from __future__ import annotations

import pytest

from briefing import reference as ref


@pytest.mark.parametrize("text, country", [
    ("US", "United States"),
    ("U.S.", "United States"),
    ("USA", "United States"),
    ("United States of America", "United States"),
    ("the United States", "United States"),
    ("Russian Federation", "Russia"),
    ("Russian", "Russia"),
    ("Russians", "Russia"),
    ("Moscow", "Russia"),
    ("Islamabad's", "Pakistan"),
    ("Pakistani", "Pakistan"),
    ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("UAE", "United Arab Emirates"),
    ("the Netherlands", "Netherlands"),
    ("Viet Nam", "Vietnam"),
    ("Kenyans", "Kenya"),
    ("Japanese", "Japan"),
    ("RUSSIA", "Russia"),
])
def test_country_for_names_abbreviations_demonyms_capitals(text, country):
    assert ref.country_for(text) == country


@pytest.mark.parametrize("text", ["us", "Acme", "Hong Kong", "Europe", "Puerto Rico", "", "Smith"])
def test_country_for_other_text_is_none(text):
    assert ref.country_for(text) is None


@pytest.mark.parametrize("text, kind", [("Kenya", "name"), ("Kenyan", "demonym"), ("Nairobi", "capital")])
def test_country_form_says_how_a_country_is_named(text, kind):
    assert ref.country_form(text) == ref.CountryForm("Kenya", kind)


@pytest.mark.parametrize("text, expected", [("Hong Kong", True), ("Europe", True), ("California", True),
                                            ("France", False), ("Acme", False)])
def test_is_place_name(text, expected):
    assert ref.is_place_name(text) is expected


def test_canonical_names_are_sovereign_states_only():
    assert {"Russia", "United States", "Pakistan"} <= ref.COUNTRY_NAMES
    assert "Greenland" not in ref.COUNTRY_NAMES


@pytest.mark.parametrize("text, expected", [("prime minister", True), ("Analyst", True), ("banana", False)])
def test_is_title(text, expected):
    assert ref.is_title(text) is expected
