"""Agreements: deals, accords, treaties and the like, with parties, status and date.

Each clause is read for agreement words (nouns such as "agreement", "takeover", "loan" and
verbs such as "bought", "was acquired by"); each such mention gets its named sides, the status
its verbs give ("signed", "are negotiating", "may be signed") and the date of that event. The
mentions of one agreement ("the deal", "this agreement", the same parties and terms again) are
then merged into one item that keeps the most advanced status and every piece of evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import AGREEMENT_STATUSES, Actor, Agreement, DateMention, Document, Evidence
from .agreements_clauses import split_clauses
from .agreements_lexicon import GENERIC_NOUNS, REPORTING_VERBS, TRIGGER_FAMILY
from .agreements_mentions import Mention, clause_mentions
from .agreements_sides import Side, find_sides

_KIND_STOP = frozenset("""
a an the of to on for and in with by from new first this that its their his her our further
""".split()) | frozenset(w for noun in TRIGGER_FAMILY for w in noun.split())
_NUMBER = re.compile(r"\d[\d.,]*")
_TERM = re.compile(r"(\d[\d.,]*|[a-z]+)\s*(million|billion|trillion|percent|per cent|%)", re.IGNORECASE)


def find_agreements(doc: Document, *, actors: tuple[Actor, ...], dates: tuple[DateMention, ...]) -> tuple[Agreement, ...]:
    """Find the agreements of ``doc``.

    Args:
        doc: the segmented article.
        actors: the actors found in it; their mention offsets name the parties.
        dates: the date mentions found in it; one in an agreement's clause dates its status.

    Returns:
        One Agreement per distinct agreement with at least one named party, in order of first
        mention.
    """
    sides = _acting_sides(find_sides(doc, actors), actors)
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        clauses = split_clauses(doc.text, sentence)
        reporting = _reporting_dates(doc, clauses, dates)
        for clause in clauses:
            mentions.extend(clause_mentions(doc, clause, sides, dates, reporting_dates=reporting))
    return tuple(_agreement(doc, item) for item in _merge(mentions) if item.parties)


def _acting_sides(sides: tuple[Side, ...], actors: tuple[Actor, ...]) -> tuple[Side, ...]:
    """A person who holds office for a country acts for it: the country is the side."""
    countries = {a.name for a in actors if a.type == "country"}
    office = {a.name: a.affiliation for a in actors if a.type == "person" and a.affiliation in countries}
    return tuple(replace(s, name=office[s.name], type="country") if s.name in office else s for s in sides)


def _reporting_dates(doc: Document, clauses, dates: tuple[DateMention, ...]) -> tuple[str, ...]:
    """Dates given where a sentence says who reported the news ('a spokesman said Friday')."""
    published = doc.published.isoformat() if doc.published else None
    found = []
    for clause in clauses:
        if not any(t.lower in REPORTING_VERBS for t in clause.tokens):
            continue
        for mention in dates:
            if mention.value and not (published and mention.value > published[:len(mention.value)]) and any(
                    clause.start <= ev.start and ev.end <= clause.end for ev in mention.evidence):
                found.append(mention.value)
    return tuple(found)


@dataclass(frozen=True)
class _Item:
    """The mentions of one agreement, merged."""

    mentions: tuple[Mention, ...]
    parties: tuple[str, ...]

    @property
    def families(self) -> frozenset[str]:
        return frozenset().union(*(m.families for m in self.mentions))

    @property
    def kind_words(self) -> frozenset[str]:
        return frozenset().union(*(_kind_words(m) for m in self.mentions))

    @property
    def numbers(self) -> frozenset[str]:
        return frozenset().union(*(_numbers(m) for m in self.mentions))

    @property
    def terms(self) -> frozenset[tuple[str, str]]:
        return frozenset().union(*(_terms(m) for m in self.mentions))

    @property
    def lead(self) -> Mention:
        """The mention that gives the item its status: the most advanced explicit one (of equals,
        a dated one, else the latest)."""
        rated = [m for m in self.mentions if m.status]
        if not rated:
            return self.mentions[0]
        return max(rated, key=lambda m: (m.explicit, AGREEMENT_STATUSES.index(m.status), m.date is not None,
                                         m.position))


def _kind_words(mention: Mention) -> frozenset[str]:
    words = re.findall(r"[\w-]+", mention.kind.lower())
    return frozenset(w.rstrip("s") if len(w) > 3 else w for w in words if w not in _KIND_STOP)


def _numbers(mention: Mention) -> frozenset[str]:
    return frozenset(_NUMBER.findall(mention.kind))


def _terms(mention: Mention) -> frozenset[tuple[str, str]]:
    """Amounts and shares in the kind, as (number, scale): ('6', 'billion'), ('20', 'percent')."""
    return frozenset((number, scale.lower().rstrip("s").replace("%", "percent"))
                     for number, scale in _TERM.findall(mention.kind))


def _different_terms(first: frozenset[tuple[str, str]], second: frozenset[tuple[str, str]]) -> bool:
    """True when two mentions give different amounts or shares: different agreements."""
    for scale in {scale for _n, scale in first} & {scale for _n, scale in second}:
        if not {t for t in first if t[1] == scale} & {t for t in second if t[1] == scale}:
            return True
    return False


def _merge(mentions: list[Mention]) -> list[_Item]:
    """Group mentions of the same agreement, in text order."""
    items: list[_Item] = []
    for mention in mentions:
        index = _referent(items, mention) if mention.anaphoric else _same_agreement(items, mention)
        if index is not None:
            item = items[index]
            merged = _Item(item.mentions + (mention,), item.parties)
            if not mention.anaphoric and set(mention.parties) > set(item.parties):
                merged = replace(merged, parties=mention.parties)
            items[index] = merged
        elif mention.refers_to_pair and items and len(items[-1].parties) == 2:
            items.append(_Item((mention,), items[-1].parties))
        elif mention.parties and not mention.only_refers:
            items.append(_Item((mention,), mention.parties))
    return items


def _referent(items: list[_Item], mention: Mention) -> int | None:
    """The item that 'the deal', 'this agreement' or 'the takeover' refers back to: one of a
    fitting family, with no terms the mention adds ('the 1991 agreement' is another one) and
    sharing a side when the clause names one; the one sharing most words, else the latest."""
    words = _kind_words(mention)
    numbers = _numbers(mention)
    generic = bool(set(mention.kind.lower().split()) & GENERIC_NOUNS)
    fitting = [i for i, item in enumerate(items)
               if (generic or item.families & mention.families)
               and numbers <= item.numbers
               and (mention.only_refers or not mention.parties or set(mention.parties) & set(item.parties))]
    if not fitting and not numbers and not mention.parties and items:
        fitting = [len(items) - 1]
    return max(fitting, key=lambda i: (len(items[i].kind_words & words), i), default=None)


def _same_agreement(items: list[_Item], mention: Mention) -> int | None:
    """The item ``mention`` mentions again, if any (latest first): the same parties and the same
    kind of terms, or a definite mention ('the takeover of X') of some of its parties."""
    words = _kind_words(mention)
    terms = _terms(mention)
    parties = set(mention.parties)
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if _different_terms(terms, item.terms):
            continue
        if parties == set(item.parties) and (item.families & mention.families or item.kind_words & words):
            return i
        if mention.definite and parties and parties < set(item.parties):
            return i
    return None


def _agreement(doc: Document, item: _Item) -> Agreement:
    lead = item.lead
    date = lead.date or next((m.date for m in item.mentions
                              if m.date and m.clause.sentence.index == lead.clause.sentence.index), None)
    named = [m for m in item.mentions if not m.anaphoric] or list(item.mentions)
    first = max(named, key=lambda m: (len(_kind_words(m)), -m.position))
    evidence = sorted({Evidence(m.clause.sentence.index, m.clause.sentence.start, m.clause.sentence.end)
                       for m in item.mentions}, key=lambda ev: ev.start)
    return Agreement(kind=first.kind, parties=item.parties, status=lead.status or "in force", date=date,
                     text=lead.clause.sentence.text, evidence=tuple(evidence))
