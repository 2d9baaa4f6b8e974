"""Confidence: how far to trust each extracted item, from what the item and its brief already say.

Each rule that fits an item gives a reason (shown to the reader as ``why``) and a weight: 1 for a
doubt, 2 for a strong doubt. An item whose weights add up to 2 or more is ``low``, 1 is ``medium``,
0 is ``high``. The rules (the README shows them as a table):

========================  ==================================================================  ======
item                      reason                                                              weight
========================  ==================================================================  ======
actor                     the name is a title or rank word ("Colonel", "minister")            2
actor                     named once (not in the title)                                       1
actor (person)            a one-word name: the type is guessed                                1
actor (country)           not a known country name: the type is guessed                       1
quote, reported speech    no speaker                                                          2
quote, reported speech    speaker by pronoun ("he said")                                      1
quote, reported speech    speaker from a description ("the minister")                         1
quote, reported speech    the speaker is not an actor of the brief                            1
agreement                 no party / one party only                                           2 / 1
agreement                 no date                                                             1
figure                    no measure (what the number counts)                                 1
figure                    no unit                                                             1
date                      not resolved to a calendar date                                     2
========================  ==================================================================  ======

The rules read the brief only; the extractors (briefing/extract/) are not changed by them. An item
an analyst corrected is ``high`` with the reason "corrected by analyst" (briefing/corrections.py).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from . import reference as ref
from .model import Actor, Agreement, Brief, DateMention, Figure, Quote

PRONOUNS = frozenset("he she they it we i you him her them this that who".split())
LOW_WEIGHT = 2

Item = TypeVar("Item", Actor, Agreement, Figure, Quote, DateMention)


def level(weight: int) -> str:
    """``high``, ``medium`` or ``low`` for the summed weight of an item's reasons."""
    return "low" if weight >= LOW_WEIGHT else "medium" if weight else "high"


def _rated(item: Item, reasons: list[tuple[str, int]]) -> Item:
    if item.corrected:
        return item
    return replace(item, confidence=level(sum(w for _, w in reasons)), why=tuple(r for r, _ in reasons))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def actor_reasons(actor: Actor) -> list[tuple[str, int]]:
    reasons = []
    if ref.is_title(actor.name):
        reasons.append(("the name is a title or rank word", 2))
    if actor.mentions <= 1 and not actor.in_title:
        reasons.append(("named once", 1))
    spellings = (actor.name, *actor.aliases)
    if actor.type == "person" and all(len(s.split()) == 1 for s in spellings):
        reasons.append(("a one-word name: type guessed", 1))
    if actor.type == "country" and not any(ref.country_for(s) for s in spellings):
        reasons.append(("not a known country name: type guessed", 1))
    return reasons


def quote_reasons(quote: Quote, actor_names: frozenset[str]) -> list[tuple[str, int]]:
    said_by = quote.speaker or quote.speaker_text
    if quote.partial:  # a quoted term inside a sentence: nobody is said to speak it
        return []
    if not said_by:
        return [("no speaker", 2)]
    reasons = []
    written = (quote.speaker_text or "").strip()
    how = quote.attribution  # set by the extractor; older briefs have none, and the text tells
    if how == "pronoun" or how is None and _fold(written) in PRONOUNS:
        reasons.append(("speaker by pronoun", 1))
    elif how == "description" or how is None and written and written[0].islower():
        reasons.append(("speaker from a description", 1))
    if _fold(said_by) not in actor_names:
        reasons.append(("the speaker is not an actor of the brief", 1))
    return reasons


def agreement_reasons(agreement: Agreement) -> list[tuple[str, int]]:
    reasons = []
    if not agreement.parties:
        reasons.append(("no party", 2))
    elif len(agreement.parties) == 1:
        reasons.append(("one party only", 1))
    if not agreement.date:
        reasons.append(("no date", 1))
    return reasons


def figure_reasons(figure: Figure) -> list[tuple[str, int]]:
    reasons = []
    if not figure.measure:
        reasons.append(("no measure", 1))
    if not figure.unit:
        reasons.append(("no unit", 1))
    return reasons


def date_reasons(date: DateMention) -> list[tuple[str, int]]:
    return [] if date.value else [("not resolved to a calendar date", 2)]


def rate_brief(brief: Brief) -> Brief:
    """``brief`` with the confidence and reasons of every item (corrected items are left as they are)."""
    names = frozenset(_fold(s) for actor in brief.actors for s in (actor.name, *actor.aliases))
    return replace(
        brief,
        actors=tuple(_rated(a, actor_reasons(a)) for a in brief.actors),
        agreements=tuple(_rated(a, agreement_reasons(a)) for a in brief.agreements),
        figures=tuple(_rated(f, figure_reasons(f)) for f in brief.figures),
        quotes=tuple(_rated(q, quote_reasons(q, names)) for q in brief.quotes),
        reported_speech=tuple(_rated(q, quote_reasons(q, names)) for q in brief.reported_speech),
        dates=tuple(_rated(d, date_reasons(d)) for d in brief.dates),
    )
