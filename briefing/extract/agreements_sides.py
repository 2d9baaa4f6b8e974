"""The named sides an agreement can have: actor mentions, names the actor stage missed, and
pronouns or descriptions ("it", "the company") resolved to the actor they stand for."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .. import lexicon
from ..model import Actor, Document
from ..reference import (
    COMMON_ACRONYMS, COMMON_WORDS, REGION_ADJECTIVES, TITLE_WORDS, abbreviation_as_modifier, country_form,
)
from .actors_mentions import country_kind, datelines
from .agreements_lexicon import INSTITUTION_NOUNS, NOT_NAMES, PATTERNS, PERSON_PRONOUNS, TRIGGER_FAMILY
from .figures_units import currency_for
from .spans import SpanIndex


@dataclass(frozen=True)
class Side:
    """A mention in the body of something that can be a side of an agreement."""

    name: str  # the canonical actor name, or the name as written when no actor matches
    type: str  # the actor type (person, organization, country, place), or "" when unknown
    start: int
    end: int
    demonym: bool = False  # a demonym or country adjective ("Norwegian")


_WINDOW = 40  # fitting sides looked back over, at most, for one pronoun or description


def find_sides(doc: Document, actors: tuple[Actor, ...]) -> tuple[Side, ...]:
    """Every side mention of ``doc``, in text order.

    Actor mentions come first; capitalised names that no actor covers are added as written
    (countries, demonyms and capitals under the country's name); pronouns, relative pronouns
    and descriptions ("the airline") take the name of the actor they refer back to. A wire
    dateline ('CITY, State (Agency) -') names where the story was filed: none of its names is a side.
    """
    text = doc.text
    in_dateline = SpanIndex(datelines(text)).holds
    named = _without_overlaps(sorted(
        (Side(actor.name, actor.type, ev.start, ev.end, country_kind(text[ev.start:ev.end]) == "demonym")
         for actor in actors for ev in actor.evidence if not in_dateline(ev.start)),
        key=lambda side: (side.start, -side.end)))
    named = sorted(named + [s for s in _unmatched_names(doc, named) if not in_dateline(s.start)],
                   key=lambda side: side.start)
    return tuple(sorted(named + _referring_sides(doc, named), key=lambda side: side.start))


def _without_overlaps(sides: list[Side]) -> list[Side]:
    kept: list[Side] = []
    for side in sides:
        if not kept or side.start >= kept[-1].end:
            kept.append(side)
    return kept


def _unmatched_names(doc: Document, named: list[Side]) -> list[Side]:
    text = doc.text
    lower_words = set(re.findall(r"\b[a-z][\w-]*\b", text))
    sentence_starts = {s.start for s in doc.sentences}
    found: list[Side] = []
    cover = SpanIndex(named)
    known = {text[side.start:side.end]: side for side in named}
    for match in PATTERNS["CAPITALISED"].finditer(text):
        start, end = _trim_name(text, match.start(), match.end())
        if start >= end or cover.overlaps(start, end):
            continue
        name = text[start:end]
        if parts := _compound_parts(text, start, end, known):
            found.extend(parts)
            continue
        if any(c.isdigit() for c in name) or text.startswith("$", end):
            continue  # a model ("Z90") or a currency ("HK$"), not an actor
        at_start = start in sentence_starts or text[max(0, start - 2):start].strip() in {'"', "“"}
        if " " not in name and at_start and (name.lower() in lower_words or name.endswith(("ing", "ly", "ed"))):
            continue
        if name.lower() in TRIGGER_FAMILY or name in REGION_ADJECTIVES:
            continue  # 'Deliveries will begin', 'the Scandinavian carrier': not a name
        form = country_form(name)
        if form is not None:
            # not 'the U.S. car maker' (the abbreviation labels the maker), '40 million Slovak euros' (the money)
            if not abbreviation_as_modifier(text, start, end) and not _names_a_currency(text, name, end):
                found.append(Side(form.country, "country", start, end, form.kind == "demonym"))
        elif not (name.rstrip("s").replace(".", "") in COMMON_ACRONYMS
                  or name in (name.lower().capitalize(), name.upper()) and name.lower() in COMMON_WORDS):
            found.append(Side(name, "", start, end))  # not "IT", "CEOs", "It": never a side
    found.extend(_state_groups(text, SpanIndex(named + found)))
    # the matches do not overlap one another, so those added here never cover a later one
    cover = SpanIndex(named + found)
    return found + [Side(m.group(), "organization", m.start(), m.end()) for m in PATTERNS["GOVERNMENT"].finditer(text)
                    if not cover.overlaps(m.start(), m.end())]


def _names_a_currency(text: str, adjective: str, end: int) -> bool:
    word = PATTERNS["NEXT_WORD"].match(text, end)
    return word is not None and currency_for(word.group(1), adjective) is not None


def _state_groups(text: str, cover: SpanIndex) -> list[Side]:
    """Groups of states known by a letter and a number ('the G9 nations', 'the Q4+1 powers'): a side,
    in every mention once the text has named it so (a name with digits is otherwise a model)."""
    codes = {m.group(1) for m in PATTERNS["STATE_GROUP"].finditer(text)}
    if not codes:
        return []
    mention = re.compile(r"(?<![\w+])(?:" + lexicon.alternation(codes, exact=True) + r")(?![\w+])")
    return [Side(m.group(), "organization", m.start(), m.end()) for m in mention.finditer(text)
            if not cover.overlaps(m.start(), m.end())]


def _compound_parts(text: str, start: int, end: int, known: dict[str, Side]) -> list[Side]:
    """The sides of a hyphen compound ('Xland-Yland', 'Acme-Globex', 'Xlandian-Ylandian'): one a
    part, when every part is a country, a demonym or the name of a side found before."""
    name = text[start:end]
    if "-" not in name or " " in name:
        return []
    sides = []
    position = start
    for part in name.split("-"):
        form = country_form(part)
        if form is not None:
            sides.append(Side(form.country, "country", position, position + len(part), form.kind == "demonym"))
        elif part in known and known[part].type:
            sides.append(Side(known[part].name, known[part].type, position, position + len(part)))
        else:
            return []
        position += len(part) + 1
    return sides if len(sides) > 1 else []


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the words around a capitalised run that are not part of a name (titles, 'The', 's)."""
    name = re.sub(r"(?:'s|’s|'|’|\.)$", "", text[start:end])
    end = start + len(name)
    for word in re.finditer(r"\S+", name):
        written = word.group().strip(".,'’")
        bare = written.lower()
        dropped = bare in NOT_NAMES or bare in COMMON_WORDS or bare in TITLE_WORDS or bare in {"of", "&"}
        if not dropped or written not in (bare, bare.capitalize()):  # "ZTB", "VeriLink": a name
            return start + word.start(), end
    return end, end


class _Antecedents:
    """The sides a pronoun can refer back to, indexed once per document (``named`` is in text order)."""

    def __init__(self, text: str, named: list[Side]) -> None:
        self.fitting = {"person": SpanIndex([side for side in named if side.type == "person"]),
                        "organization": SpanIndex([side for side in named
                                                   if side.type in ("organization", "") and not side.demonym])}
        self.speakers = {wanted: SpanIndex([side for side in sides.spans
                                            if PATTERNS["SUBJECT_VERB"].match(text, side.end)])
                         for wanted, sides in self.fitting.items()}


def _referring_sides(doc: Document, named: list[Side]) -> list[Side]:
    text = doc.text
    referring: list[Side] = []
    cover = SpanIndex(named)
    antecedents = _Antecedents(text, named)

    def refer(start: int, end: int, found) -> None:  # the words at start-end stand for the sides found
        referring.extend(Side(side.name, side.type, start, end) for side in found if side)

    for sentence in doc.sentences:
        for match in PATTERNS["PRONOUN"].finditer(text, sentence.start, sentence.end):
            wanted = "person" if match.group().lower() in PERSON_PRONOUNS else "organization"
            refer(match.start(), match.end(), [_antecedent(doc, antecedents, match.start(), wanted)])
        for match in PATTERNS["PLURAL_PRONOUN"].finditer(text, sentence.start, sentence.end):
            refer(match.start(), match.end(), _plural_antecedents(text, antecedents, sentence.start, match.start()))
        for match in PATTERNS["DESCRIPTION"].finditer(text, sentence.start, sentence.end):
            before = text[max(sentence.start, match.start() - 30):match.start()]
            if not cover.overlaps(match.start(), match.end()) and not re.search(r"[A-Z][\w.]*\s*$", before):
                side = _antecedent(doc, antecedents, match.start(), "organization")
                refer(match.start(), match.end(), [side if side and _can_be_called(side, match.group(1)) else None])
        for match in PATTERNS["RELATIVE"].finditer(text, sentence.start, sentence.end):
            # the last side of the sentence that ends before the match with only spaces and commas between
            before = [s for s in cover.ending_before(text, match.start(), " ,") if sentence.start <= s.start]
            refer(match.start(1), match.end(1), before[-1:])
    return referring


def _can_be_called(side: Side, noun: str) -> bool:
    noun = noun.lower()
    return noun not in INSTITUTION_NOUNS or noun in side.name.lower().split() or side.name.isupper()


def _plural_antecedents(text: str, antecedents: _Antecedents, start: int, position: int) -> list[Side]:
    """The organisations 'they' stands for: "X and Y announced that they ...": the subject of a
    verb before it in its sentence and the actors named before that subject (after any dateline),
    not after a preposition ('a provider in X'); none when the sentence has no such subject."""
    subject = (antecedents.speakers["organization"].starting_in(max(start, position - 400), position + 1) or [None])[-1]
    if subject is None or subject.end > position:
        return []
    start = max(start, subject.start - 300)
    # past a dateline
    start = max([start] + [m.end() for m in PATTERNS["LEAD_BREAK"].finditer(text, start, subject.start)])
    found: dict[str, Side] = {}
    for side in antecedents.fitting["organization"].starting_in(start, subject.start)[-_WINDOW:]:
        if side.type and not PATTERNS["AFTER_PREPOSITION"].search(text, max(start, side.start - 30), side.start):
            found.setdefault(side.name, side)
    found.setdefault(subject.name, subject)
    return list(found.values()) if len(found) > 1 else []


def _antecedent(doc: Document, antecedents: _Antecedents, position: int, wanted: str) -> Side | None:
    """The actor a pronoun at ``position`` stands for: the subject of a verb before it in its
    sentence ("X announced that it ..."), else the first fitting mention of its sentence before
    it, else of the nearest sentence before that has one."""
    index = doc.sentence_index(position)
    sentence = doc.sentences[index]
    for speaker in reversed(antecedents.speakers[wanted].starting_in(sentence.start, position + 1)):
        if speaker.end <= position:
            return speaker  # "X announced that it ...": the subject of the verb before the pronoun
    for back in range(index, max(-1, index - 4), -1):
        sentence = doc.sentences[back]
        limit = position if back == index else sentence.end
        for side in antecedents.fitting[wanted].starting_in(sentence.start, limit + 1):
            if side.end <= limit:
                return _most_named(antecedents, side, doc.sentences[max(0, index - 3)].start, position, wanted)
    return None


def _most_named(antecedents: _Antecedents, nearest: Side, start: int, position: int, wanted: str) -> Side:
    """Of the fitting sides from ``start`` to ``position``, the one named most often there, an
    actor found as such before a bare capitalised name ('the group' after a passing name stands
    for the company the story is about); ``nearest`` unless another outweighs it."""
    sides = antecedents.fitting[wanted].starting_in(start, position)[-_WINDOW:]
    counts = Counter(side.name for side in sides)  # in the order of the names' first mentions
    first = {side.name: side for side in reversed(sides)}

    def weight(side: Side) -> tuple[bool, int]:
        return bool(side.type), counts[side.name]  # an actor found as such outweighs a bare name

    best = max((first[name] for name in counts), key=weight, default=nearest)
    return best if weight(best) > weight(nearest) else nearest
