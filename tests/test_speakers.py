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


@pytest.mark.parametrize("body, expected", [
    # an ampersand inside a firm's name; staff 'at' a body speak for it ('Bank of <Acme>' is not Acme)
    ('Johnson & Bell said the drug was "safe and tested".', [("safe and tested", "Johnson & Bell")]),
    ('Shares fell. Analysts at Breck & Hale said the price was "steep but fair".', [("steep but fair", "Breck & Hale")]),
])
def test_a_firm_speaks_by_its_name_and_its_staff(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a second verb joined by 'but' or 'and' has the first one's subject
    ('Tom Reed praised the deal but added: "It is a good day."', [("It is a good day.", "Tom Reed")]),
    ('Lea Sorvin said her government backed the accord but warned that "any attack will be answered".',
     [("any attack will be answered", "Lea Sorvin")]),
])
def test_coordinated_verbs_share_their_subject(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a relative clause with commas of its own stands between the speaker and the verb
    ('Secretary-General Lars Hovland, who is in Valmora, Norland meeting with Prime Minister Ali Musa and Ruritanian '
     'President Ben Tal, said in a statement, "I will press for a ceasefire in the coming days".',
     [("I will press for a ceasefire in the coming days", "Lars Hovland")]),
    # a country named in the apposition is not the speaker: the person it describes is
    ('Ben Tal, prime minister of Norland, said the deal was a "historic mistake for us all".',
     [("historic mistake for us all", "Ben Tal")]),
    # ... while a place set off before a titled name is no apposition
    ('In Norland, police chief Ali Musa said the deal was a "historic mistake for us all".',
     [("historic mistake for us all", "Ali Musa")]),
])
def test_the_subject_behind_commas(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # an office with "of"/"for" complements runs up to the name of the person who holds it
    ('UN High Commissioner for Human Rights Lena Amsel stated, amid reports of sniper fire, that such munitions would '
     '"inevitably lead to civilian casualties", while calling for restraint.',
     [("inevitably lead to civilian casualties", "Lena Amsel")]),
    ('Deputy Secretary of the Navy for Acquisition Navo Pilsk said: "I read the article on the new tankers with '
     'disgust."', [("I read the article on the new tankers with disgust.", "Navo Pilsk")]),
    # the outlet a person appeared on is not the one "saying" it
    ('Ben Tal also appeared on Channel Nine saying rebels use villages as shields; "They use the dead for their '
     'cause."', [("They use the dead for their cause.", "Ben Tal")]),
])
def test_titles_and_outlets_around_the_name(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # the words before the quotation name no one who can speak ("the latest poll and"): the actor that
    # opens the sentence speaks, after a discourse adverb too
    ('Ali Musa cited the latest poll and said "we will win the vote in the spring".',
     [("we will win the vote in the spring", "Ali Musa")]),
    ('Moreover, Ali Musa cited the latest poll and said "we will win the vote in the spring".',
     [("we will win the vote in the spring", "Ali Musa")]),
])
def test_the_sentence_opening_actor_speaks(body, expected):
    assert speakers(body) == expected



@pytest.mark.parametrize("body, expected", [
    # an unnamed office-holder described by a demonym speaks for that state, when the state is an actor
    ('Peru revoked the visas on Tuesday. Confirming it, a Peruvian official told the Daily Planet: "This is right. '
     'The decision has been taken."', [("This is right. The decision has been taken.", "Peru")]),
    # ... a man described by a demonym holds no office of the state, and names no one
    ('Peru revoked the visas on Tuesday. Confirming it, a Peruvian man told the Daily Planet: "This is right. '
     'The decision has been taken."', [("This is right. The decision has been taken.", None)]),
])
def test_an_unnamed_official_speaks_for_the_state(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a name with a lower-case particle ("el-", "al-") is a name: the country after "of" is not the speaker
    ('At the opening, AU chairperson President Abdel Karim el-Tahir of Peru said, "The pact will be the real test '
     'for us".', [("The pact will be the real test for us", "Abdel Karim el-Tahir")]),
    # a bare person noun identifies no one
    ('Three were removed by security, with one man shouting "One person, one vote!"', [("One person, one vote!", None)]),
])
def test_names_with_particles_and_people_named_by_no_one(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # 'the 54-year-old': the person the text gave that age, else the last person named
    ('Ada Quist, 54, runs the bank. Ivo Brand, 61, runs its rival. "Rates will rise," the 54-year-old said.',
     [("Rates will rise", "Ada Quist")]),
    ('Ada Quist runs the bank. "Rates will rise," the 54-year-old said.', [("Rates will rise", "Ada Quist")]),
    # a relative clause between the speaker and the verb of an outlet
    ('"We won," Ada Quist said. "It is over," one official, who asked not to be named, told the Kessa Gazette.',
     [("We won", "Ada Quist"), ("It is over", "one official")]),
    # a common word opening a sentence is no organisation that 'the company' could be
    ('Orvane Group posted a profit. Revenue climbed 9%. "Demand is strong," the company said.',
     [("Demand is strong", "Orvane Group")]),
    # 'the court' is the court the text named first, without when it acted
    ('The Supreme Court of Varnia on Tuesday struck down a law. The court said the law gave "unchecked power".',
     [("unchecked power", "Supreme Court of Varnia")]),
])
def test_a_described_speaker(body, expected):
    assert speakers(body) == expected


@pytest.mark.parametrize("body, text, start, speaker", [
    # 'the ministry' is the ministry named earlier, not the firm that acted since
    ('The Ministry of Tides shut the cove. Pelna Foods, a canner, cut a shift. "Stocks need rest," the ministry '
     'said.', "Stocks need rest", 74, "Ministry of Tides"),
    # 'the company' is a firm: not the ministry that spoke last
    ('Pelna Foods cut a shift. The Ministry of Tides shut the cove. "We will appeal," the company said.',
     "We will appeal", 63, "Pelna Foods"),
])
def test_a_description_of_a_kind_of_body_is_a_body_of_that_kind(body, text, start, speaker):
    doc = make_doc(body)
    assert [(q.text, q.evidence[0].start, q.speaker) for q in find_quotes(doc, actors=find_actors(doc), dates=())] \
        == [(text, start, speaker)]


@pytest.mark.parametrize("body, text, start, speaker", [
    # 'the council' is the body named with that word, not a person whose role starts with it
    ('Orla Borough Council met. Council leader Ivo Pann spoke. The council said it "had no choice".',
     "had no choice", 78, "Orla Borough Council"),
    # the person whose role ends in the description's words is still its holder
    ('Council leader Ivo Pann spoke. The leader said it was "a hard year".', "a hard year", 55, "Ivo Pann"),
])
def test_a_description_is_the_holder_of_a_role_it_heads(body, text, start, speaker):
    doc = make_doc(body)
    assert [(q.text, q.evidence[0].start, q.speaker) for q in find_quotes(doc, actors=find_actors(doc), dates=())] \
        == [(text, start, speaker)]
