"""The text layer: one tokenizer whose atoms give every stage's tokens, and one name key."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from briefing.extract.text import ArticleText, Tokenized, name_key
from briefing.model import Article
from briefing.sentences import segment


def spans(tokens) -> list[tuple[str, int, int]]:
    return [(t.text, t.start, t.end) for t in tokens]


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe's plan", [("Jane", 0, 4), ("Doe's", 5, 10), ("plan", 11, 15)]),
    ("Mr. Lin Wei left.", [("Mr.", 0, 3), ("Lin", 4, 7), ("Wei", 8, 11), ("left.", 12, 17)]),
    ("the U.S.-Xland talks", [("the", 0, 3), ("U.S.", 4, 8), ("Xland", 9, 14), ("talks", 15, 20)]),
    ("Acme-based Hale&Dorsey", [("Acme-based", 0, 10), ("Hale&Dorsey", 11, 22)]),
    ("a - b", [("a", 0, 1), ("b", 4, 5)]),
    ("Xland- (Acme)", [("Xland", 0, 5), ("Acme", 8, 12)]),
    # a slash joins two lone capitals ('A/S'), not two words
    ("Acme A/S and Kessa/Brelsk", [("Acme", 0, 4), ("A/S", 5, 8), ("and", 9, 12), ("Kessa", 13, 18),
                                   ("Brelsk", 19, 25)]),
    ("A/SB", [("A", 0, 1), ("SB", 2, 4)]),
])
def test_words(text, expected):
    assert spans(Tokenized(text).words()) == expected


@pytest.mark.parametrize("text, expected", [
    ("paid $4.5bn, 1,200 shares.", [("paid", 0, 4), ("$4.5bn", 5, 11), (",", 11, 12), ("1,200", 13, 18),
                                    ("shares", 19, 25), (".", 25, 26)]),
    ("the U.S. deal", [("the", 0, 3), ("U.S", 4, 7), (".", 7, 8), ("deal", 9, 13)]),
    ("20% of Acme/Xland-Corp's", [("20%", 0, 3), ("of", 4, 6), ("Acme/Xland-Corp's", 7, 24)]),
    ('"Yes," she said', [('"', 0, 1), ("Yes", 1, 4), (",", 4, 5), ('"', 5, 6), ("she", 7, 10), ("said", 11, 15)]),
])
def test_clause_tokens(text, expected):
    assert spans(Tokenized(text).clause_tokens(0, len(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ('said Jane Doe.', [("said", 0, 4), ("Jane", 5, 9), ("Doe", 10, 13), (".", 13, 14)]),
    ("Xland-", [("Xland", 0, 5), ("-", 5, 6)]),
    ('"No," Lin_Wei', [('"', 0, 1), ("No", 1, 3), (",", 3, 4), ('"', 4, 5), ("Lin_Wei", 6, 13)]),
    ("_x -- y", [("x", 1, 2), ("-", 3, 4), ("-", 4, 5), ("y", 6, 7)]),
])
def test_attribution_tokens(text, expected):
    assert spans(Tokenized(text).attribution_tokens(0, len(text))) == expected


@pytest.mark.parametrize("text, start, end, expected", [
    ("Acme-based firm", 2, 15, [("me-based", 2, 10), ("firm", 11, 15)]),  # a stretch cuts its first word
    ("Acme-based firm", 0, 5, [("Acme", 0, 4)]),  # the '-' before the cut is followed by nothing
    ("Acme Corp.", 0, 9, [("Acme", 0, 4), ("Corp", 5, 9)]),
    ("Acme Corp.", 3, 3, []),
])
def test_a_stretch_is_tokenized_as_if_alone(text, start, end, expected):
    assert spans(Tokenized(text).words(start, end)) == expected


@given(st.text(alphabet="aZ9_.-,'’&/$€%  \n\"“é:!", max_size=30), st.data())
def test_stretches_agree_with_tokenizing_the_stretch_alone(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    whole, alone = Tokenized(text), Tokenized(text[start:end])

    def shifted(tokens):
        return [(t.text, t.start + start, t.end + start) for t in tokens]

    assert spans(whole.words(start, end)) == shifted(alone.words())
    assert spans(whole.clause_tokens(start, end)) == shifted(alone.clause_tokens(0, end - start))
    assert spans(whole.attribution_tokens(start, end)) == shifted(alone.attribution_tokens(0, end - start))


def test_the_article_text_keeps_the_sentences_and_tokenizes_once():
    article = Article(id="x", title="Acme wins", published=None, body="Jane Doe spoke. Lin Wei left.", path="x.txt")
    doc = ArticleText.of(segment(article))
    assert [s.text for s in doc.sentences] == ["Jane Doe spoke.", "Lin Wei left."]
    assert doc.tokens is doc.tokens
    assert ArticleText.of(doc) is doc


@pytest.mark.parametrize("name, key", [
    ("The Acme Corp.", "acme corp"),
    ("U.N.", "un"),
    ("Xland's", "xland"),
    ("Jöhn  Dœ", "john dœ"),
])
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("offset, held", [(0, False), (2, True), (4, True), (5, False), (6, True), (9, False)])
def test_span_index_holds(offset, held):
    from briefing.extract.spans import Extent, SpanIndex

    assert SpanIndex([Extent(6, 9), Extent(2, 5), Extent(3, 4)]).holds(offset) is held


@pytest.mark.parametrize("text, expected", [
    ("thirty-four", [("thirty", 0, 6), ("four", 7, 11)]),
    ("the 2nd café", [("the", 0, 3), ("nd", 5, 7), ("caf", 8, 11)]),
])
def test_letter_runs(text, expected):
    assert spans(Tokenized(text).letter_runs(0, len(text))) == expected
