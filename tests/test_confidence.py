"""Confidence rules (briefing/confidence.py) and the page's verification aids (briefing/verify.py)."""
from __future__ import annotations

import pytest

from briefing.confidence import rate_brief
from briefing.model import Actor, Agreement, Brief, DateMention, Evidence, Figure, Quote, Source
from briefing.render import render_site
from briefing.verify import article_view, page_items, source_of
from helpers import make_doc

TEXT = "Jane Doe said Acme Corp paid US$5 million on Monday.\nHe said the deal was done."
DOC = make_doc(TEXT)
JANE = Actor(id="jane-doe", name="Jane Doe", type="person", mentions=2, evidence=(DOC.evidence(0, 8),))


def brief_of(**items) -> Brief:
    items.setdefault("actors", (JANE,))
    return Brief(id="b", title="Brief b", published="2014-11-21", source=Source(path="b.txt"),
                 summary=DOC.sentences[0].text, sentences=DOC.sentences, **items)


def rated(field: str, item):
    brief = rate_brief(brief_of(**{field: (*getattr(brief_of(), field), item)}))
    rated_item = getattr(brief, field)[-1]
    return rated_item.confidence, rated_item.why


@pytest.mark.parametrize("field, item, confidence, why", [
    ("actors", Actor(id="a", name="Acme Corp", type="organization", mentions=3), "high", ()),
    ("actors", Actor(id="a", name="Acme Corp", type="organization", mentions=1), "medium", ("named once",)),
    ("actors", Actor(id="a", name="Acme Corp", type="organization", mentions=1, in_title=True), "high", ()),
    ("actors", Actor(id="c", name="Colonel", type="person", mentions=2), "low",
     ("the name is a title or rank word", "a one-word name: type guessed")),
    ("actors", Actor(id="d", name="Doe", type="person", mentions=2, aliases=("Jane Doe",)), "high", ()),
    ("actors", Actor(id="x", name="Xland", type="country", mentions=2), "medium",
     ("not a known country name: type guessed",)),
    ("actors", Actor(id="f", name="France", type="country", mentions=2), "high", ()),
    ("quotes", Quote(text="done", kind="direct", speaker="Jane Doe", speaker_text="Jane Doe"), "high", ()),
    ("quotes", Quote(text="done", kind="direct"), "low", ("no speaker",)),
    ("quotes", Quote(text="done", kind="direct", partial=True), "high", ()),
    ("quotes", Quote(text="done", kind="direct", speaker="Jane Doe", speaker_text="He"), "medium",
     ("speaker by pronoun",)),
    ("quotes", Quote(text="done", kind="direct", speaker_text="the minister"), "low",
     ("speaker from a description", "the speaker is not an actor of the brief")),
    ("reported_speech", Quote(text="done", kind="indirect", speaker="Lin Wei", speaker_text="Lin Wei"), "medium",
     ("the speaker is not an actor of the brief",)),
    ("agreements", Agreement(kind="deal", parties=("Jane Doe", "Acme Corp"), status="signed", date="2014-11-17",
                             text="deal"), "high", ()),
    ("agreements", Agreement(kind="deal", parties=("Acme Corp",), status="signed", date=None, text="deal"), "low",
     ("one party only", "no date")),
    ("agreements", Agreement(kind="deal", parties=(), status="signed", date="2014", text="deal"), "low",
     ("no party",)),
    ("figures", Figure(text="US$5 million", value=5_000_000, unit="USD", measure="payment"), "high", ()),
    ("figures", Figure(text="US$5 million", value=5_000_000, unit="USD"), "medium", ("no measure",)),
    ("figures", Figure(text="5", value=5, unit=None), "low", ("no measure", "no unit")),
    ("dates", DateMention(text="on Monday", value="2014-11-17"), "high", ()),
    ("dates", DateMention(text="next spring", value=None), "low", ("not resolved to a calendar date",)),
])
def test_confidence_rules(field, item, confidence, why):
    assert rated(field, item) == (confidence, why)


def test_a_corrected_item_keeps_its_confidence():
    item = Figure(text="5", value=5, unit=None, corrected=True, confidence="high", why=("corrected by analyst",))
    assert rated("figures", item) == ("high", ("corrected by analyst",))


def test_the_source_sentence_marks_the_span():
    view = source_of(brief_of(), (DOC.evidence(14, 23),))
    assert (view.number, view.before, view.span, view.after) == (
        1, "Jane Doe said ", "Acme Corp", " paid US$5 million on Monday.")


def test_the_article_is_cut_at_the_spans_and_links_back_to_the_items():
    figure = Figure(text="US$5 million", value=5_000_000, unit="USD", evidence=(DOC.evidence(29, 41),))
    date = DateMention(text="on Monday", value="2014-11-17", evidence=(DOC.evidence(42, 51),))
    brief = brief_of(figures=(figure,), dates=(date,))
    anchors, placed = page_items(brief, ())
    first, second = article_view(brief, placed)
    assert first.segments == (("Jane Doe", ("actor",)), (" said Acme Corp paid ", ()), ("US$5 million", ("figure",)),
                              (" ", ()), ("on Monday", ("date",)), (".", ()))
    assert [(l.anchor, l.category) for l in first.links] == [("item-actor-1", "actor"), ("item-figure-1", "figure")]
    assert second.links == () and anchors[id(figure)] == "item-figure-1"


def test_the_page_marks_low_items_and_offers_to_hide_them():
    brief = rate_brief(brief_of(figures=(Figure(text="5", value=5, unit=None, evidence=(DOC.evidence(33, 34),)),)))
    [page] = [p for p in render_site([brief]) if p.src == "briefs/b.md"]
    assert '<label><input type="checkbox" id="hide-low"> Hide the 1 low-confidence item</label>' in page.text
    assert ('<tr id="item-figure-1" class="conf-low"><td>5 <span class="brief-confidence brief-confidence--low">low'
            '</span> <span class="brief-why">no measure; no unit</span>') in page.text
    [figures] = [p for p in render_site([brief]) if p.src == "figures/index.md"]
    assert '<input type="checkbox" id="show-low"> Show the 1 low-confidence item' in figures.text
