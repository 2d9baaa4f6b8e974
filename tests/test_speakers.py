"""Speakers of quotes found over the actors the actor stage finds: one class of attribution a case."""
from __future__ import annotations

import pytest

from briefing.extract.actors import find_actors
from briefing.extract.quotes import find_quotes
from helpers import make_doc


def speakers(body: str) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of every quote of ``body``, with the actors of the actor stage."""
    doc = make_doc(body)
    quotes = find_quotes(doc, actors=find_actors(doc), dates=())
    for quote in quotes:
        (evidence,) = quote.evidence
        assert body[evidence.start:evidence.end] == quote.text
    return [(q.text, q.speaker) for q in quotes]


@pytest.mark.parametrize("body, expected", [
    # a discourse adverb and its comma open the sentence: the subject follows them
    ('Furthermore, the armed wing of the Vorland Front claimed in a statement, "We have taken the hill at dawn".',
     [("We have taken the hill at dawn", "Vorland Front")]),
    # "according to X" after the quotation, at the end of the sentence
    ('Borvik Stores limited sales. Sales went up in a "sharp increase of demand" last week, according to a Borvik '
     'spokesperson.', [("sharp increase of demand", "Borvik Stores")]),
    ('Talks resumed. The deal "will not survive the winter at all", according to Jane Roe, a trade analyst.',
     [("will not survive the winter at all", "Jane Roe")]),
    # "…, she added." closing a sentence whose subject cannot speak; "states" there is no verb of saying
    ('Jane Roe spoke on Monday. The border issue is the "main difference between us" for the two states, she added.',
     [("main difference between us", "Jane Roe")]),
])
def test_attribution_at_either_end_of_the_sentence(body, expected):
    assert speakers(body) == expected
