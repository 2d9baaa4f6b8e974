"""Sentence splitting: offsets, abbreviations, initials, decimals and quotations."""
from __future__ import annotations

import pytest

from briefing.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        ("Mr. Smith met Dr. Jones. They spoke.", ["Mr. Smith met Dr. Jones.", "They spoke."]),
        ("Gen. Ivanov arrived on Jan. 5 in Rome.", ["Gen. Ivanov arrived on Jan. 5 in Rome."]),
        ("Marta K. Vell spoke. She left.", ["Marta K. Vell spoke.", "She left."]),
        ("The U.S. Army said so.", ["The U.S. Army said so."]),
        ("It grew 2.5 pct. Prices fell.", ["It grew 2.5 pct.", "Prices fell."]),
        ("He moved to the U.S. He stayed.", ["He moved to the U.S.", "He stayed."]),
        ("Acme Inc. said it would grow.", ["Acme Inc. said it would grow."]),
        ("Did it work? No! It failed.", ["Did it work?", "No!", "It failed."]),
        ('"Yes," he said. "We agree."', ['"Yes," he said.', '"We agree."']),
        ('"Are you sure?" she asked.', ['"Are you sure?" she asked.']),
        ('She said "We won. They lost." Then she left.', ['She said "We won. They lost."', "Then she left."]),
        ("“It is over. We go home,” he said.", ["“It is over. We go home,” he said."]),
        ("First paragraph.\nSecond paragraph", ["First paragraph.", "Second paragraph"]),
        ("No. 10 is the address.", ["No. 10 is the address."]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_point_into_the_text():
    text = "  One here.   Two there.\n\nThree."
    spans = split_sentences(text)
    assert spans == [(2, 11), (14, 24), (26, 32)]


def test_unclosed_quotation_does_not_swallow_the_paragraph():
    assert sentences('"It is open. It stays open. The end.') == ['"It is open.', "It stays open.", "The end."]


def test_long_line_without_punctuation_is_one_sentence():
    text = "word " * 20000
    assert split_sentences(text) == [(0, len(text) - 1)]


@pytest.mark.parametrize("text, expected", [
    # the last paragraph of a quotation of several closes it with a straight mark: a quotation later in
    # the line does not start at that mark
    ('"Pay was frozen.\nWe walk out today." The mill called it "a stunt" at once. Talks stopped.',
     [(0, 16), (17, 36), (37, 74), (75, 89)]),
    ('"Pay was frozen.\nWe walk out today!" Marra Lind ran the "open gate" vigil. Talks stopped.',
     [(0, 16), (17, 36), (37, 74), (75, 89)]),
])
def test_a_closing_line_of_a_quotation_of_several_paragraphs_ends_its_sentence(text, expected):
    assert split_sentences(text) == expected
