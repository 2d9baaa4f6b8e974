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


@pytest.mark.parametrize("name, sex", [
    ("Jane", "female"), ("John", "male"), ("Wojciech", "male"), ("Radoslav", "male"), ("Zuzana", "female"),
    ("Giedre", "female"), ("Søren", "male"), ("Soren", "male"),  # spelt without its diacritics too
    ("Andrea", "female"), ("Sasha", "male"),
    ("Lin", "unisex"), ("Nguyen", "unisex"),  # East Asian family names that begin names: given_names_extra.txt
    ("Will", None), ("May", None), ("Hope", None), ("Grant", None), ("Faith", None), ("Sky", None),  # English words
    ("Acme", None), ("Orion", None),  # rare as given names
])
def test_given_name_sex(name, sex):
    assert ref.given_name_sex(name) == sex
    assert (name in ref.FIRST_NAMES) is (sex is not None)


@pytest.mark.parametrize("name", ["Mark", "Rose", "Bill"])
def test_a_word_that_is_very_common_as_a_name_stays_a_name(name):
    assert name in ref.FIRST_NAMES


@pytest.mark.parametrize("text, expected", [
    ("Curitiba", True), ("Surabaya", True), ("Daegu", True),  # GeoNames cities of 300,000 people and more
    ("Alaska", True), ("Antarctica", True),  # US states, continents
    ("Bavaria", True), ("Gaza Strip", True), ("Victoria", True),  # places.txt
    ("Mobile", False), ("Reading", False),  # cities named by common English words
    ("Florence", False),  # a common given name
    ("Tashkent", False), ("Panama", False),  # capitals and states are countries' forms, not places
])
def test_places_from_the_gazetteer(text, expected):
    assert ref.is_place_name(text) is expected


def test_a_derived_table_is_built_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return ("Jane\nLin", "Port Esk")

    assert ref._cached("test-table", ("places.txt", "v1"), build) == ("Jane\nLin", "Port Esk")
    assert ref._cached("test-table", ("places.txt", "v1"), build) == ("Jane\nLin", "Port Esk")
    assert len(builds) == 1 and len(list((tmp_path / "briefing").glob("test-table-*.json"))) == 1
    assert ref._cached("test-table", ("places.txt", "v2"), build) == ("Jane\nLin", "Port Esk")
    assert len(builds) == 2  # another key: built again, and the table of the old key removed
    assert len(list((tmp_path / "briefing").glob("test-table-*.json"))) == 1


def test_an_unreadable_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    ref._cached("test-table", ("v1",), lambda: ("one",))
    (cached,) = (tmp_path / "briefing").glob("test-table-*.json")
    for damage in (b"not json", b'{"a": 1}', b"[1, 2]"):
        cached.write_bytes(damage)
        assert ref._cached("test-table", ("v1",), lambda: ("two",)) == ("two",)
