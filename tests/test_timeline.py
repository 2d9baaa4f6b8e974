"""The timeline: every dated item of a brief, oldest first, with its evidence."""
from __future__ import annotations

import pytest

from briefing.model import Agreement, Brief, DateMention, Evidence, Figure, Quote, Sentence, Source
from briefing.sentences import split_sentences
from briefing.timeline import build_timeline

BODY = ("Spain and Chile agreed a fisheries pact on Thursday. Trade reached $75 million in 2016. "
        "Talks began in March. The minister said on Thursday that more would come.")


def sentences(body: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(index=i, start=s, end=e, text=body[s:e]) for i, (s, e) in enumerate(split_sentences(body)))


def evidence(text: str, *, body: str = BODY, occurrence: int = 0) -> tuple[Evidence, ...]:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    sentence = next(s.index for s in sentences(body) if s.start <= start < s.end)
    return (Evidence(sentence=sentence, start=start, end=start + len(text)),)


def mention(text: str, value: str | None, *, body: str = BODY, occurrence: int = 0) -> DateMention:
    return DateMention(text=text, value=value, evidence=evidence(text, body=body, occurrence=occurrence))


def brief(*, body: str = BODY, **items) -> Brief:
    return Brief(id="b", title="t", published="2019-11-22", source=Source(path="b.txt"), summary="",
                 sentences=sentences(body), **items)


AGREEMENT = Agreement(kind="fisheries pact", parties=("Spain", "Chile"), status="signed", date="2019-11-21",
                      text="Spain and Chile agreed a fisheries pact on Thursday.",
                      evidence=evidence("Spain and Chile agreed a fisheries pact on Thursday."))
FIGURE = Figure(text="$75 million", value=75_000_000, unit="USD", measure="trade", date="2016",
                evidence=evidence("$75 million"))
QUOTE = Quote(text="more would come", kind="indirect", speaker="Ana Ruiz", date="2019-11-21",
              evidence=evidence("more would come"))
DATES = (mention("Thursday", "2019-11-21"), mention("2016", "2016"), mention("March", "2019-03"),
         mention("Thursday", "2019-11-21", occurrence=1))


def test_every_dated_item_oldest_first_with_its_evidence():
    timeline = build_timeline(brief(agreements=(AGREEMENT,), figures=(FIGURE,), quotes=(QUOTE,), dates=DATES))
    assert [(e.date, e.kind, e.label) for e in timeline] == [
        ("2016", "figure", "trade: $75 million"),
        ("2019-03", "date", "Talks began in March."),
        ("2019-11-21", "agreement", "Spain and Chile: fisheries pact signed"),
        ("2019-11-21", "quote", "Ana Ruiz: “more would come”"),
    ]
    assert [e.evidence for e in timeline] == [FIGURE.evidence, DATES[2].evidence, AGREEMENT.evidence,
                                              QUOTE.evidence]


def test_date_mentions_alone_keep_text_order_on_the_same_date():
    timeline = build_timeline(brief(dates=(DATES[3], DATES[2], DATES[1], DATES[0])))
    assert [(e.date, e.kind, e.evidence) for e in timeline] == [
        ("2016", "date", DATES[1].evidence),
        ("2019-03", "date", DATES[2].evidence),
        ("2019-11-21", "date", DATES[0].evidence),
        ("2019-11-21", "date", DATES[3].evidence),
    ]


def test_a_year_sorts_before_its_months_and_days():
    dates = (mention("Thursday", "2019-11-21"), mention("March", "2019-03"), mention("2016", "2019"))
    assert [e.date for e in build_timeline(brief(dates=dates))] == ["2019", "2019-03", "2019-11-21"]


@pytest.mark.parametrize("body, label", [
    # a short sentence is its own label
    ("After weeks of talks the two sides finally met on Thursday to sign the accord.",
     "After weeks of talks the two sides finally met on Thursday to sign the accord."),
    # the clause that holds the date, not its neighbours
    ("Xland closed its border; the two sides finally met on Thursday to sign the accord.",
     "the two sides finally met on Thursday to sign the accord."),
    ("Acme Corp met Xland on Thursday, but the talks with Yland stalled again for a month.",
     "Acme Corp met Xland on Thursday"),
    ("Jane Doe left early — the vote was held on Thursday in the old hall.",
     "the vote was held on Thursday in the old hall."),
    # a clause too short to say anything: the whole sentence
    ("It ended on Thursday; the two sides then went home to brief their capitals.",
     "It ended on Thursday; the two sides then went home to brief their capitals."),
    # a very long clause is cut around the date
    ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen met on Thursday "
     "fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour and more words again",
     "… five six seven eight nine ten eleven twelve thirteen fourteen met on Thursday fifteen sixteen "
     "seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour and more …"),
])
def test_date_label_is_the_clause_of_its_date(body, label):
    (entry,) = build_timeline(brief(body=body, dates=(mention("Thursday", "2019-11-21", body=body),)))
    assert entry.label == label


def test_undated_items_and_mentions_without_value_are_left_out():
    undated = Agreement(kind="fisheries pact", parties=("Spain", "Chile"), status="signed", date=None,
                        text=AGREEMENT.text, evidence=AGREEMENT.evidence)
    timeline = build_timeline(brief(agreements=(undated,), dates=(DATES[0], mention("March", None))))
    assert [(e.kind, e.date) for e in timeline] == [("date", "2019-11-21")]
