"""Agreement mentions in one clause: the agreement word, its sides, its status cue and its date.

A mention is either an agreement noun ("a fisheries cooperation accord", "the takeover of X", "40 new orders from X") or
a transaction verb ("X bought Y", "X was acquired by Y"). Its sides come from the noun phrase itself (a possessor, a
name before the noun, "with"/"between"/"of"/"to"/"from"/"by" complements) and, when a verb such as "signed" or
"received" governs the noun, from that verb's subject and indirect objects.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import dropwhile
from typing import NamedTuple

from ..lexicon import DETERMINERS, ORG_NOUNS
from ..model import DateMention, Document, Sentence
from .agreements_clauses import Clause
from .actors_mentions import country_kind
from .agreements_lexicon import (
    AGREED_TO_NOTHING, ANAPHOR_ONLY, AUXILIARIES, COMPANY_OBJECT_NOUNS, COMPOUND_HEADS, CONJUNCTIONS, DEFAULT_STATUS,
    DEFINITE, EMPTY_ADJECTIVES, GOVERNING_VERBS, HABITUAL_WORDS, HOLDING_NOUNS, INTRANSITIVE_CUES,
    JOINT_FAMILIES, MODALS, NAMING_VERBS, NEGATIONS, NUMBER_WORDS, PASSIVE_AUXILIARIES, PATTERNS, PLEDGE_VERBS,
    POSSESSIVE_PRONOUNS, PREMODIFIER_PARTICIPLES, PREPOSITIONS, PREPOSITIONS_FOR, SETTLED_THINGS, STATE_NOUNS,
    STATUS_CUES, TRANSACTION_LEMMAS, TRANSACTION_VERBS, TRIGGER_FAMILY, VERB_MARKERS, VERB_PARTICLES,
)
from .agreements_sides import Side
from .spans import SpanIndex
from .text import Token


@dataclass(frozen=True)
class Mention:
    """One mention of an agreement, before mentions of the same agreement are merged."""

    kind: str  # a short phrase naming the agreement ("sale of 40 patrol boats")
    families: frozenset[str]  # of its agreement words ("trade", "finance", ...)
    parties: tuple[str, ...]  # the canonical names of its named sides, in text order
    status: str | None  # the status its clause gives
    date: str | None  # the resolved date of the event that gave the status
    clause: Clause
    position: int = 0  # where its agreement word starts in the body
    explicit: bool = False  # a word of the clause gives the status (not a default by family)
    anaphoric: bool = False  # "the deal", "this agreement": it refers back to an earlier agreement
    definite: bool = False  # introduced by "the", "this", a possessive
    refers_to_pair: bool = False  # "the accord between the two governments": the parties named before
    only_refers: bool = False  # "the proposal": a word that never introduces an agreement
    parallel: bool = False  # "X signed Z, after agreements with A and B": its side is the subject before
    partner_only: bool = False  # "the contract with B" after "A's contract with C": A holds this one too


@dataclass(frozen=True)
class _Phrase:
    """The noun phrase around an agreement word: where it starts and ends and what it holds."""

    start_index: int  # first token of the phrase (determiner or possessor included)
    head_index: int  # first token of the agreement word
    end_index: int  # one past its last token
    determiner: str | None
    premodifiers: tuple[Token, ...]


_PUNCT_TRANSPARENT = frozenset('"“”()')
_TAKEOVER_LEMMAS = frozenset({"buy", "acquire", "purchase", "take over"})
_DETERMINING = DETERMINERS | POSSESSIVE_PRONOUNS  # the words that open a noun phrase or own it
_LOOSE_ENDS = _DETERMINING | PREPOSITIONS | CONJUNCTIONS  # no word a phrase ends in
_NOT_INFINITIVES = _DETERMINING | NUMBER_WORDS | PREPOSITIONS
_NOT_ADJECTIVES = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | GOVERNING_VERBS | NUMBER_WORDS \
    | set(TRIGGER_FAMILY)  # function words, verbs and numbers, and the agreement nouns
_NAME_PUNCT = frozenset({"$", "%", "&", "'", "’", ".", "€", "£"})


class _DateEvidence(NamedTuple):
    start: int
    end: int
    index: int  # of the date mention in the document's dates
    value: str


class MentionIndex:
    """What every clause of a document looks up, indexed once: the sides by offset, the dates'
    evidence by offset and where the words of the body begin (lookups bisect, never scan)."""

    def __init__(self, doc: Document, sides: tuple[Side, ...], dates: tuple[DateMention, ...]) -> None:
        self.text = doc.text
        self.spans = SpanIndex(tuple(sides))
        published = doc.published.isoformat() if doc.published else None
        # the evidence of the dates that can date an event (a value, not after the article)
        self.date_evidence = SpanIndex(sorted(
            (_DateEvidence(ev.start, ev.end, k, mention.value) for k, mention in enumerate(dates)
             if mention.value and not (published and mention.value > published[:len(mention.value)])
             for ev in mention.evidence), key=lambda ev: ev.start))
        self.chunk_starts = [m.start() for m in re.finditer(r"\S+", self.text)]
        self._litigants: dict[int, list[Side]] = {}  # by sentence start

    def litigants(self, sentence: Sentence) -> list[Side]:
        """The sides of a lawsuit a settlement ends: those around the sentence's first 'sued', 'suit against'."""
        start, end = sentence.start, sentence.end
        if start not in self._litigants:
            match = PATTERNS["SUED"].search(self.text, start, end)
            around = (self.spans.ending_before(self.text, match.start())
                      + self.spans.starting_in(match.end(), match.end() + 1)) if match else []
            self._litigants[start] = [s for s in around if start <= s.start and s.end <= end]
        return list(self._litigants[start])

    def words_back(self, position: int, count: int) -> int:
        """Where the ``count``-th whitespace-separated chunk before ``position`` starts (0 if fewer)."""
        below = bisect_left(self.chunk_starts, position)
        return self.chunk_starts[below - count] if below >= count else 0


def clause_mentions(clause: Clause, index: MentionIndex, *, reporting_dates: tuple[str, ...]) -> list[Mention]:
    """The agreement mentions of one clause (several agreement words with no sides of their own join the mention before
    them: "the takeover of X in a $5 billion loan" is one mention); ``reporting_dates`` are those the sentence gives
    where it reports the news ("an official said Friday"), used when the clause itself has none."""
    clause_sides = [s for s in index.spans.within(clause.start, clause.end) if not _is_descriptive(index.text, s)]
    context = _Context(index.text, clause, reporting_dates, index, SpanIndex(clause_sides),
                       [t.start for t in clause.tokens], [t.end for t in clause.tokens])
    mentions = _noun_mentions(context) + _verb_mentions(context)
    return sorted(mentions, key=lambda m: m.position)


@dataclass(frozen=True)
class _Context:
    text: str
    clause: Clause
    reporting_dates: tuple[str, ...]
    index: MentionIndex
    side_index: SpanIndex[Side]  # the clause's sides
    token_starts: list[int]
    token_ends: list[int]
    located: dict = field(default_factory=dict)  # memo of _located by side


# --- agreement nouns -------------------------------------------------------------------------

def _noun_mentions(ctx: _Context) -> list[Mention]:
    text, clause, tokens = ctx.text, ctx.clause, ctx.clause.tokens
    found: list[Mention] = []
    covered_until = -1
    for match in PATTERNS["TRIGGER"].finditer(text, clause.start, clause.end):
        if match.start() < covered_until:
            continue
        head = _phrase_key(match)
        family = TRIGGER_FAMILY[head]
        first = bisect_left(ctx.token_starts, match.start())  # the first token at or after the match
        last = bisect_left(ctx.token_ends, match.end())  # the first token that reaches its end
        if max(first, last) >= len(tokens) or _not_an_agreement(ctx, first, last, head):
            continue
        if text[match.end():match.end() + 2] in ("'s", "’s"):
            found.append(Mention(kind=head, families=frozenset({family}), parties=(), status=None, date=None,
                                 clause=clause, position=match.start(), anaphoric=True, definite=True))
            continue  # "the deal's critics": the deal named before
        phrase = _noun_phrase(tokens, first, last + 1)
        complement_end, groups = _complements(ctx, last + 1)
        if tokens[first].text[:1].isupper() and (name_end := _name_end(tokens, last + 1)):
            # "the Treaty on Open Fisheries": the words of the name are no sides
            groups = [(prep, [s for s in group if s.start >= name_end]) for prep, group in groups]
        covered_until = tokens[complement_end - 1].end
        preps = [prep for prep, _group in groups]
        phrase_start = tokens[phrase.start_index].start
        # a capital that names the deal is where, not who: 'the Paris accord' (not "Moscow's deal", 'a Kyiv-Moscow pact')
        own = [s for s in _sides_in(ctx, phrase_start, tokens[phrase.end_index - 1].end)
               if country_kind(text[s.start:s.end]) != "capital" or PATTERNS["CAPITAL_AS_STATE"].match(text, s.end)
               or text[s.start - 1] == "-"]
        if head in ("treaty", "treaties") and phrase.determiner != "possessive":
            # "the Northern Treaty Organisation treaty", "the NTO treaty": the organisation names the
            # treaty it was founded by; its members, not the organisation, are the parties
            own = [s for s in own if s.type != "organization"]
        local = own + [s for _prep, group in groups for s in group]
        if family == "proposal" and _bid_for_no_deal(ctx, last + 1, complement_end, groups):
            continue  # "a bid for independence", "an offer to resign": no deal is offered
        governing = _governing_verb(tokens, phrase.start_index)
        if not clause.conditional and (phrase.determiner == "no"
                                       or governing is not None and _negated(tokens, governing)):
            continue  # "could not reach an agreement", "no deal was struck": nothing was agreed
        if family == "trade" and _plural(head) and phrase.determiner is None \
                and not any(PATTERNS["DIGIT"].search(t.text) or t.lower in NUMBER_WORDS for t in phrase.premodifiers):
            continue  # "limiting purchases of X", "sales rose": trade in general, not a deal
        if family in ("finance", "proposal") and _pledged(tokens, phrase.start_index):
            continue  # "Xland pledged an aid package", "promised a payout": a unilateral promise
        if family == "negotiation" and _talks_about_nothing(ctx, phrase, last):
            continue  # "for talks between X and Y": talks in general, with no deal named
        if head == "deal" and _deal_with_as_verb(tokens, phrase, last, governing):
            continue  # "Xland and Yland deal with the shortfall": the verb, not an agreement
        subject: list[Side] = []
        parallel = False
        if governing is not None:
            subject = _sides_before(ctx, tokens[governing].start) + [
                s for s in _sides_in(ctx, tokens[governing].end, phrase_start)
                if not re.search(r"\band\b", text[s.end:phrase_start])]
        elif preps and set(preps) <= {"with", "between"} and not own:
            subject = _sides_before(ctx, phrase_start)[-1:]
        if any(prep == "between" and len(_names(group)) > 1 for prep, group in groups):
            subject = []  # "the council called for a truce between X and Y": X and Y are its sides
        if not subject and not own and _plural(head) and preps == ["with"]:
            # "..., after agreements with A and B": the side named last before, in the sentence
            before_start = max(clause.sentence.start, phrase_start - 300)
            subject = [s for s in ctx.index.spans.within(before_start, phrase_start)
                       if not PATTERNS["AFTER_PREPOSITION"].search(text, max(0, s.start - 30), s.start)][-1:]
            parallel = bool(subject)
        named = subject + local
        if complement_end > last + 1 and len(_names(named)) == 1 and named[0].type == "country" \
                and not ctx.index.date_evidence.within(tokens[last].end, tokens[complement_end - 1].end):
            # "Xland signed an agreement on security in Yland": a state's deal about another state is with it
            reach = tokens[min(len(tokens), complement_end + 4) - 1].end  # "... on security in Yland"
            located = [s for s in _sides_in(ctx, tokens[last].end, reach)
                       if s.type == "country" and s.name != named[0].name and _located(ctx, s)]
            local += located if len(_names(located)) == 1 else []
        if family == "settlement" and not local and not subject:
            local = ctx.index.litigants(ctx.clause.sentence)
        if not local and not subject:
            local = _passive_agents(ctx, tokens[complement_end - 1].end)
        # "Under a settlement reached with regulators, X agreed …": the phrase opens the clause after a preposition
        if not local and not subject and phrase.determiner not in DEFINITE and 1 <= phrase.start_index <= 2 \
                and tokens[0].lower in PREPOSITIONS_FOR["fronting"]:
            subject = _subject_after_fronted(ctx, complement_end)
        anaphoric = phrase.determiner in DEFINITE | {"possessive-pronoun"} and not local
        if head in ANAPHOR_ONLY and not anaphoric:
            continue
        if anaphoric and not subject and governing is not None and _counted_subject(tokens, governing):
            continue  # "only 27 have ratified the agreement": what unnamed others did, not its parties
        if own and not subject and len(local) == len(own) and all(side.demonym for side in own) \
                and len(_names(own)) == 1:
            continue  # "the Xlandian bid won": an adjective of origin, no side the clause names
        pair = not local and bool(PATTERNS["PAIR"].match(text, match.end()))
        status = _status(ctx, phrase.start_index, last + 1, complement_end)
        if status == "agreed" and family == "settlement" and any(
                t.lower == "reached" for t in tokens[max(0, phrase.start_index - 8):complement_end + 8]):
            status = "signed"  # a settlement reached ends the dispute there and then
        explicit = status is not None
        if status is None and not anaphoric:
            modal = _word_before(tokens, governing if governing is not None else phrase.start_index, MODALS, 3)
            awarded = family == "contract" and "to" in preps
            status = "proposed" if modal or clause.conditional else "signed" if awarded else DEFAULT_STATUS[family]
        partner_only = phrase.determiner in DEFINITE and not own and not subject and set(preps) == {"with"}
        mention = _mention(ctx, _noun_kind(ctx, phrase, complement_end), family, match.start(), status,
                           inside=(phrase_start, match.start()), explicit=explicit, anaphoric=anaphoric,
                           refers_to_pair=pair, only_refers=head in ANAPHOR_ONLY, parallel=parallel,
                           definite=phrase.determiner is not None, partner_only=partner_only)
        found.extend(_split(mention, subject=subject, local=local, groups=groups, family=family, plural=_plural(head)))
    return _absorb_partyless(found)


def _talks_about_nothing(ctx: _Context, phrase: _Phrase, last: int) -> bool:
    """True for talks with no subject matter: no word before 'talks' ('peace talks', 'merger
    talks'), no 'on', 'over', 'regarding', 'to buy' after them and no agreement word in the clause."""
    tokens = ctx.clause.tokens
    if any(t.is_word and not t.text[0].isupper() for t in phrase.premodifiers):
        return False
    for k in range(last + 1, len(tokens)):
        lower = tokens[k].lower
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is not None and following.text[0].isupper() and not following.lower.endswith(("'s", "’s")):
            continue  # "talks on Tuesday", "talks in Xville": when or where, not what about
        if lower in PREPOSITIONS_FOR["topic"] - {"to", "for"} or k == last + 1 and lower in PREPOSITIONS_FOR["topic"] \
                or lower == "to" and following is not None and _bare_infinitive(following):
            return False  # "in talks with X regarding possible sales", "talks with X to buy Y"
    return all(TRIGGER_FAMILY.get(_phrase_key(m)) == "negotiation"
               for m in PATTERNS["TRIGGER"].finditer(ctx.text, ctx.clause.start, ctx.clause.end))


def _pledged(tokens, phrase_start: int) -> bool:
    """True when a verb of promising governs the phrase at ``phrase_start`` ('pledged a $2
    billion aid package to Xland'): one side's promise, not an agreement."""
    decisive = next((t.lower for t in reversed(tokens[max(0, phrase_start - 4):phrase_start])
                     if t.lower in PLEDGE_VERBS or t.lower in GOVERNING_VERBS or not t.is_word), "")
    return decisive in PLEDGE_VERBS


def _counted_subject(tokens, verb: int) -> bool:
    """True when the subject of the verb at ``verb`` is a count of unnamed others ('27 have
    ratified', 'only twelve states signed'; not 'the two countries signed')."""
    for k in range(verb - 1, max(0, verb - 4) - 1, -1):
        lower = tokens[k].lower
        if PATTERNS["DIGIT"].match(lower) or lower in NUMBER_WORDS:
            # "the two countries signed the agreement": the parties named before, counted
            return not (k > 0 and tokens[k - 1].lower in DETERMINERS | {"both", "all"})
        if lower not in AUXILIARIES and lower not in STATE_NOUNS | {"only", "of", "them"}:  # "27 of them have"
            return False
    return False


def _negated(tokens, verb: int) -> bool:
    """'could not reach', 'failed to sign', 'never signed': the verb at ``verb`` is negated."""
    before = [t.lower for t in tokens[max(0, verb - 3):verb]]
    return any(w in NEGATIONS for w in before) or before[-2:] in (["failed", "to"], ["fail", "to"], ["fails", "to"])


def _deal_with_as_verb(tokens, phrase: _Phrase, last: int, governing: int | None) -> bool:
    """'X and Y deal with the shortfall', 'must deal with it': 'deal with' as a verb, read from no
    determiner or lower-case word before 'deal' and a common noun or pronoun after 'with'
    (not 'signed a deal with X', 'the Xland deal with Yland')."""
    if phrase.determiner is not None or governing is not None or last + 2 >= len(tokens) \
            or tokens[last + 1].lower != "with":
        return False
    if any(t.text[0].islower() and t.lower != "and" for t in phrase.premodifiers):
        return False
    k = last + 2
    while k < len(tokens) - 1 and tokens[k].lower in _DETERMINING:
        k += 1
    return tokens[k].text[0].islower()


def _bid_for_no_deal(ctx: _Context, index: int, complement_end: int, groups) -> bool:
    """True when what a bid or offer is for ('for independence', 'to join X', 'to resign') is
    neither a side ('for Globex', 'to buy Globex') nor an agreement ('for the contract')."""
    tokens = ctx.clause.tokens
    if index >= len(tokens) or tokens[index].lower not in ("for", "to"):
        return False
    if any(prep == "to-infinitive" or prep in ("for", "to") and any(_introduced_by(ctx, s, {prep}) for s in group)
           for prep, group in groups):
        return False
    end = max(complement_end, _phrase_end(tokens, index + 1, allow_verbs=True))
    return not any(not _inside_a_name(ctx, m.start(), m.end())
                   for m in PATTERNS["TRIGGER"].finditer(ctx.text, tokens[index].end, tokens[end - 1].end))


def _not_an_agreement(ctx: _Context, first: int, last: int, head: str) -> bool:
    tokens = ctx.clause.tokens
    before = tokens[first - 1].lower if first > 0 else ""
    window_start = max(ctx.clause.start, tokens[first].start - 40)
    if any(m.start() <= tokens[first].start and tokens[last].end <= m.end()
           for m in PATTERNS["NOT_AGREEMENT"].finditer(ctx.text, window_start, tokens[last].end + 40)):
        return True
    if before in VERB_MARKERS:
        return True  # "to deal with", "will bid"
    word = tokens[first].text
    if word[0].isupper() and tokens[first].start != ctx.clause.sentence.start and TRIGGER_FAMILY[head] != "agreement":
        return True  # part of a name or title: "Loan Officer", "Merger Board"
    if word[0].isupper() and _inside_a_name(ctx, tokens[first].start, tokens[last].end):
        return True  # "the Northern Treaty Organisation": the name of an organisation, not a treaty
    following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    if following in COMPOUND_HEADS or following in TRIGGER_FAMILY:
        return True  # "purchase protection", "loan agreement": the next noun is the head
    if head in ("talks", "negotiation", "negotiations"):
        # "X talks to Y": a verb; "talks to buy Y": the noun
        verb = following == "to" and not (last + 2 < len(tokens) and _bare_infinitive(tokens[last + 2]))
        return verb or bool(ctx.side_index.ending_before(ctx.text, tokens[first].start))
    return False


def _inside_a_name(ctx: _Context, start: int, end: int) -> bool:
    """True when ``start``-``end`` lies inside a name that goes on past it with another word: "Treaty" in "Northern
    Treaty Organisation" (a name ending in the agreement word, "Southern Grain Pact", names the agreement itself)."""
    return any(side.start <= start and end < side.end and re.match(r"\s+\S", ctx.text[end:side.end])
               for side in ctx.index.spans.within(ctx.clause.start, ctx.clause.end))


def _noun_phrase(tokens, first: int, end: int) -> _Phrase:
    index = first
    determiner = None
    premodifiers: list[Token] = []
    while index > 0 and first - index < 9:
        token = tokens[index - 1]
        lower = token.lower
        if token.text in _PUNCT_TRANSPARENT:
            index -= 1
            continue
        if lower in ("'", "’") and index > 1:  # "the brothers' shipping firm"
            index -= 2
            determiner = "possessive"
            break
        if not token.is_word:
            break
        if lower in _DETERMINING:
            determiner = lower if lower in DETERMINERS else "possessive-pronoun"
            index -= 1
            break
        if lower.endswith(("'s", "’s")):
            determiner = "possessive"
            index -= 1
            while index > 0 and tokens[index - 1].text[0].isupper() and tokens[index - 1].lower not in DETERMINERS:
                index -= 1  # the rest of the possessor's name: "North Star Mining's"
            break
        names_joined = lower == "and" and index > 1 and tokens[index - 2].text[0].isupper() and premodifiers \
            and premodifiers[0].text[0].isupper()  # "Alpha and Beta supply contracts"
        if not names_joined and (lower in PREPOSITIONS or lower in AUXILIARIES or lower in CONJUNCTIONS
                                 or lower in GOVERNING_VERBS or _is_participle(token)):
            break
        premodifiers.insert(0, token)
        index -= 1
    return _Phrase(index, first, end, determiner, tuple(premodifiers))


def _passive_agents(ctx: _Context, end: int) -> list[Side]:
    """The agents of a passive right after an agreement's words: its parties."""
    passive = PATTERNS["PASSIVE_AGENT"].match(ctx.text, end, ctx.clause.end)
    if not passive or passive.group(1).lower() not in GOVERNING_VERBS:
        return []
    agents: list[Side] = []
    position = passive.end()
    for side in _sides_in(ctx, position, ctx.clause.end):
        between = ctx.text[position:side.start]
        if not (PATTERNS["AGENT_JOIN"] if agents else PATTERNS["AGENT_LEAD"]).fullmatch(between):
            break
        agents.append(side)
        position = side.end
    return agents


def _is_participle(token: Token) -> bool:
    lower = token.lower
    return lower.endswith(("ed", "ing")) and "-" not in lower and lower not in PREMODIFIER_PARTICIPLES \
        and not token.text[0].isupper()


def _complements(ctx: _Context, index: int) -> tuple[int, list[tuple[str, list[Side]]]]:
    """The complements after an agreement word: ``(end token index, [(preposition, sides)])``."""
    tokens = ctx.clause.tokens
    groups: list[tuple[str, list[Side]]] = []
    previous = tokens[index - 1].lower if index > 0 else ""
    while index < len(tokens):
        lower = tokens[index].lower
        if lower not in PREPOSITIONS_FOR["complement"] or (lower == "in" and previous not in HOLDING_NOUNS):
            break
        if lower == "to" and index + 1 < len(tokens) and (_is_verb_like(tokens[index + 1])
                                                          or _bare_infinitive(tokens[index + 1])):
            end = _phrase_end(tokens, index + 1, allow_verbs=True)
            bought = _verb_lemma(tokens, index + 1) in _TAKEOVER_LEMMAS  # "talks to buy X": X is a side
            sides = [s for s in _sides_in(ctx, tokens[index].start, tokens[end - 1].end)
                     if _introduced_by(ctx, s, PREPOSITIONS_FOR["infinitive"])
                     or bought and not _located(ctx, s) and not s.demonym]
            if sides:
                groups.append(("to-infinitive", sides))
            return end, groups
        end = _phrase_end(tokens, index + 1, allow_verbs=False)
        if end == index + 1:
            break
        if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end - 1].lower in ORG_NOUNS \
                and tokens[end + 1].text[0].isupper():
            end = _phrase_end(tokens, end + 1, allow_verbs=False)  # "the family's holding company, Kestrel Holdings"
        sides = [s for s in _sides_in(ctx, tokens[index + 1].start, tokens[end - 1].end)
                 if lower == "in" or not _located(ctx, s)]
        if sides:
            groups.append((lower, sides))
        previous = tokens[end - 1].lower
        index = end
    return index, groups


def _phrase_end(tokens, index: int, *, allow_verbs: bool) -> int:
    """One past the last token of the noun phrase (or infinitive) that starts at ``index``."""
    while index < len(tokens):
        token = tokens[index]
        lower = token.lower
        if token.text in _PUNCT_TRANSPARENT or token.text in _NAME_PUNCT:
            index += 1
            continue
        if not token.is_word or lower in CONJUNCTIONS - {"and"} or lower in AUXILIARIES:
            break
        if not allow_verbs and (lower in PREPOSITIONS - {"of"} or _is_verb_like(token)):
            break
        index += 1
    while index > 0 and tokens[index - 1].text in _NAME_PUNCT | {"(", "“", '"'}:
        index -= 1
    return index


def _bare_infinitive(token: Token) -> bool:
    """'a contract to produce', 'an agreement to supply': after 'to', a lower-case word that is
    not a determiner, a number, a plural noun ('loans to farmers') or a participle."""
    word = token.text
    return word.isalpha() and word.islower() and word not in _NOT_INFINITIVES \
        and (not word.endswith("s") or word.endswith("ss")) and not word.endswith(("ed", "ing"))


def _is_verb_like(token: Token) -> bool:
    lower = token.lower
    return token.is_word and not token.text[0].isupper() and lower not in DETERMINERS and lower not in NUMBER_WORDS \
        and (_is_participle(token) or lower in GOVERNING_VERBS)


def _subject_after_fronted(ctx: _Context, complement_end: int) -> list[Side]:
    """The side that opens the main clause after a fronted phrase's comma: the one who entered the agreement."""
    tokens = ctx.clause.tokens
    comma = next((k for k in range(complement_end, len(tokens)) if tokens[k].text == ","), None)
    if comma is None or comma + 1 >= len(tokens):
        return []
    start = tokens[comma + 1].start
    return [s for s in _sides_in(ctx, start, ctx.clause.end) if s.start == start
            or s.start == start + 4 and ctx.text.startswith("the ", start)][:1]


def _sides_in(ctx: _Context, start: int, end: int) -> list[Side]:
    """The sides from ``start`` to ``end``; one ending in an abbreviation's period ('Orion Ltd.') counts
    when the period is just past ``end``."""
    return [s for s in ctx.side_index.within(start, end + 1) if s.end <= end or ctx.text[end] == "."]


def _sides_before(ctx: _Context, end: int) -> list[Side]:
    """The sides of the clause before ``end``, places after 'in' or 'at' and the names of an aside
    ('X and the P nations — A, B and C — reached a deal') left out."""
    return [s for s in _sides_in(ctx, ctx.clause.start, end) if not _located(ctx, s) and not _in_aside(ctx, s, end)]


def _in_aside(ctx: _Context, side: Side, end: int) -> bool:
    """True when ``side`` stands between two dashes that both come before ``end``."""
    # an aside may hold clauses of its own ("A; B"): its dashes are counted over the sentence
    dashes_before = PATTERNS["ASIDE_DASH"].findall(ctx.text, ctx.clause.sentence.start, side.start)
    return len(dashes_before) % 2 == 1 and bool(PATTERNS["ASIDE_DASH"].search(ctx.text, side.end, end))


def _introduced_by(ctx: _Context, side: Side, words) -> bool:
    """True when the nearest preposition before ``side`` is one of ``words``, across the words that
    describe it ('to Valdoria's state rail firm X'); not when the side is the object of an
    infinitive ('to buy X') or of another preposition ('copies for X')."""
    tokens = ctx.clause.tokens
    k = bisect_right(ctx.token_ends, side.start)  # tokens[:k] end at or before the side
    for _step in range(8):
        if not k:
            return False
        token = tokens[k - 1]
        lower = token.lower
        if lower in words:
            return True
        if lower in PREPOSITIONS or lower in CONJUNCTIONS or lower in GOVERNING_VERBS \
                or not token.is_word and token.text not in _PUNCT_TRANSPARENT:
            return False
        if k >= 2 and tokens[k - 2].lower == "to" and token.text.islower() and lower not in DETERMINERS:
            return False  # 'to buy X': the object of the infinitive
        k -= 1
    return False


def _located(ctx: _Context, side: Side) -> bool:
    """'in X', 'at the X', 'in war-torn X', 'in Xville, Xland': a place where, not a side."""
    if side in ctx.located:
        return ctx.located[side]
    tokens, words = ctx.clause.tokens, PREPOSITIONS_FOR["locative"]
    k = bisect_right(ctx.token_ends, side.start)  # tokens[:k] end at or before the side
    while k and (tokens[k - 1].lower in DETERMINERS or tokens[k - 1].text in _PUNCT_TRANSPARENT):
        k -= 1
    for _step in range(2):  # "in southern X", "in war-torn X": an adjective between
        if k < 2 or tokens[k - 1].lower in words or not _plain_adjective(tokens[k - 1]):
            break
        k -= 1
    # "in Xville, Xland": the country of the place named before (not "In March, Xland")
    of_place = side.type in ("country", "place") and k >= 3 and tokens[k - 1].text == "," \
        and tokens[k - 2].text[0].isupper() and tokens[k - 3].lower in words \
        and not ctx.index.date_evidence.within(tokens[k - 3].start, tokens[k - 2].end)
    ctx.located[side] = of_place or bool(k) and tokens[k - 1].lower in words
    return ctx.located[side]


def _plain_adjective(token: Token) -> bool:
    """A lower-case word that may describe a place: not a function word, verb or number."""
    lower = token.text
    return lower.replace("-", "").isalpha() and lower.islower() and lower not in _NOT_ADJECTIVES


def _governing_verb(tokens, phrase_start: int) -> int | None:
    """Index of a verb such as 'signed' or 'received' that governs the phrase at ``phrase_start``."""
    limit = phrase_start - 8
    for index in range(phrase_start - 1, -1, -1):
        if index <= limit:
            return None
        lower = tokens[index].lower
        if lower in GOVERNING_VERBS:
            # 'called the deal illegal' judges it; 'called for a truce', 'called off the deal' govern it
            return None if lower in NAMING_VERBS and tokens[index + 1].lower not in PREPOSITIONS | {"off"} else index
        if lower == "and":
            limit -= 8  # "receive both the loan and a new contract"
        if lower in (",", ";") or lower in CONJUNCTIONS - {"and"} \
                or lower in PREPOSITIONS - PREPOSITIONS_FOR["governed"] or lower.endswith(("'s", "’s")):
            return None
    return None


def _word_before(tokens, index: int, words, reach: int) -> bool:
    """True when one of ``words`` is among the ``reach`` tokens before ``tokens[index]``."""
    return any(t.lower in words for t in tokens[max(0, index - reach):index])


def _noun_kind(ctx: _Context, phrase: _Phrase, complement_end: int) -> str:
    tokens = ctx.clause.tokens
    words = [t for t in phrase.premodifiers if t.lower not in DETERMINERS]
    words = list(dropwhile(lambda t: t.lower in EMPTY_ADJECTIVES, words))
    start = words[0].start if words else tokens[phrase.head_index].start
    end = tokens[phrase.end_index - 1].end
    if phrase.end_index < complement_end and tokens[phrase.end_index].lower in ("of", "to"):
        verbal = tokens[phrase.end_index].lower == "to"
        # short: "agreement to supply 2 million tonnes", not the whole infinitive clause
        reach = 6 if verbal else 10
        stop = min(_phrase_end(tokens, phrase.end_index + 1, allow_verbs=verbal), phrase.end_index + reach)
        while stop > phrase.end_index + 2 and tokens[stop - 1].lower in _LOOSE_ENDS:
            stop -= 1
        end = max(end, tokens[stop - 1].end)
    if tokens[phrase.head_index].text[:1].isupper() and not any(t.text[:1].isupper() for t in words):
        end = max(end, _name_end(tokens, phrase.end_index))
    return ctx.text[start:end]  # tidied by _mention


def _name_end(tokens, index: int) -> int:
    """Where the proper name of an agreement that opens with its agreement word ends: 'Treaty on
    Open Fisheries', 'Agreement on Trade and Transit' (0 when no name follows)."""
    if index + 1 >= len(tokens) or tokens[index].lower not in PREPOSITIONS_FOR["name"]:
        return 0
    end, index = 0, index + 1
    while index < len(tokens) and (tokens[index].text[:1].isupper() or tokens[index].lower in ("and", "of", "the")
                                   and index + 1 < len(tokens) and tokens[index + 1].text[:1].isupper()):
        end = tokens[index].end if tokens[index].text[:1].isupper() else end
        index += 1
    return end


def _phrase_key(match: re.Match) -> str:
    """A matched phrase as the lexicon writes it: lower case, one space between words."""
    return re.sub(r"\s+", " ", match.group().lower())


def _tidy(kind: str) -> str:
    kind = re.sub(r'["“”]', "", kind)
    return re.sub(r"\s+", " ", kind).strip(" ,(")


# --- transaction verbs -----------------------------------------------------------------------

def _verb_mentions(ctx: _Context) -> list[Mention]:
    tokens = ctx.clause.tokens
    found: list[Mention] = []
    for index, token in enumerate(tokens):
        if token.lower in ("agreed", "agrees"):
            found.extend(_agreed_in_return(ctx, index))
        lemma = _verb_lemma(tokens, index)
        if lemma is None or token.text[0].isupper() and token.start != ctx.clause.sentence.start:
            continue
        if _negated(tokens, index):
            continue  # "should not purchase": no deal
        if index >= 2 and tokens[index - 1].lower == "to" and tokens[index - 2].lower in TRIGGER_FAMILY:
            continue  # "a deal to lease jets from X": the agreement noun's mention holds it
        if lemma == "select":
            found.extend(_selection(ctx, index))
            continue
        _forms, noun, family = TRANSACTION_VERBS[lemma]
        after = index + 1 + (lemma in VERB_PARTICLES)
        if after < len(tokens) and tokens[after].lower in ("back", "out"):
            after += 1
        if index > 0 and tokens[index - 1].lower in PASSIVE_AUXILIARIES:
            if after >= len(tokens) or tokens[after].lower != "by" or lemma == "pay":
                continue
            end = _phrase_end(tokens, after + 1, allow_verbs=False)
            buyers = _sides_in(ctx, tokens[after].end, tokens[end - 1].end) if end > after + 1 else []
            if not buyers:
                continue
            things = _sides_before(ctx, token.start)[-1:]
            thing_text = " ".join(s.name for s in things)
            sellers: list[Side] = []
            groups: list[tuple[str, list[Side]]] = []
        else:
            if lemma == "pay":
                after, object_end = _paid_for(tokens, after)
            else:
                object_end = _phrase_end(tokens, after, allow_verbs=False)
            while object_end > after and tokens[object_end - 1].lower in CONJUNCTIONS | PREPOSITIONS:
                object_end -= 1
            if object_end <= after:
                continue
            object_tokens = tokens[after:object_end]
            things = _sides_in(ctx, object_tokens[0].start, object_tokens[-1].end)
            following = tokens[object_end].lower if object_end < len(tokens) else ""
            if following == "worth" or not _buys_something(lemma, object_tokens, things):
                continue
            thing_text = ctx.text[object_tokens[0].start:object_tokens[-1].end]
            buyers = _sides_before(ctx, token.start)
            end, groups = _complements(ctx, object_end)
            sellers = [s for prep, group in groups if prep in ("from", "to", "with") for s in group]
            things += [s for prep, group in groups if prep in ("in", "of") for s in group]
            sellers += _owner_after(ctx, end)
            if lemma == "sell":
                buyers, sellers = sellers, buyers
                if not buyers and not things and not any(t.lower in COMPANY_OBJECT_NOUNS for t in object_tokens):
                    continue  # "Acme sold 13 million phones last year": sales, no deal with anyone
        if lemma == "settle":
            sellers, things = sellers + ctx.index.litigants(ctx.clause.sentence), []
        if not buyers and not sellers:
            continue
        status = _status(ctx, index, index + 1, end)
        explicit = status is not None
        if status is None:
            # "Currently, X pays for ...", "X still buys its gas from Y": goods bought in the simple present with a
            # word of continuance are an arrangement in force (not a headline's "X buys Y")
            habitual = family == "trade" and token.lower.endswith("s") \
                and _word_before(tokens, index, HABITUAL_WORDS, 6)
            modal = _word_before(tokens, index, MODALS, 3) or ctx.clause.conditional
            status = "in force" if habitual else "proposed" if modal else "signed"
        mention = _mention(ctx, f"{noun} of {_object_words(thing_text)}", family, token.start, status,
                           explicit=explicit)
        found.extend(_split(mention, subject=buyers, local=sellers or things, groups=groups, family=family))
    return found


def _agreed_in_return(ctx: _Context, index: int) -> list[Mention]:
    """'Xland agreed to delay the levy once Yland promised to cut its tariffs': a step one side
    agreed to (the 'agreed' at ``index``) in return for the other's, an agreement of the two."""
    tokens, text = ctx.clause.tokens, ctx.text
    if index + 2 >= len(tokens) or tokens[index + 1].lower != "to" or not _bare_infinitive(tokens[index + 2]) \
            or tokens[index + 2].lower in AGREED_TO_NOTHING:
        return []
    if _verb_lemma(tokens, index + 2) is not None or _negated(tokens, index):
        return []  # "agreed to buy X" is read as the purchase; "did not agree to"
    sentence = ctx.clause.sentence
    condition = PATTERNS["IN_RETURN"].search(text, tokens[index].end, sentence.end)
    subject = _sides_before(ctx, tokens[index].start)[-1:]
    if not condition or not subject:
        return []
    others = [s for s in ctx.index.spans.within(condition.end(), sentence.end) if s.name != subject[0].name][:1]
    if not others:
        return []
    before_condition = bisect_left(ctx.token_starts, condition.start())
    stop = max(index + 3, min(_phrase_end(tokens, index + 3, allow_verbs=False), index + 7, before_condition))
    kind = "agreement to " + text[tokens[index + 2].start:tokens[max(index + 2, stop - 1)].end]
    return [_mention(ctx, kind, "agreement", tokens[index].start, "agreed", parties=_names(subject + others))]


def _verb_lemma(tokens, index: int) -> str | None:
    lemmas = TRANSACTION_LEMMAS.get(tokens[index].lower)
    if not lemmas:
        return None
    nxt = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    previous = tokens[index - 1].lower if index > 0 else ""
    if previous in _DETERMINING or previous.endswith(("'s", "’s")) or nxt == "of" \
            or previous == "agreed" and nxt in AGREED_TO_NOTHING:
        return None  # a noun ("the purchase of", "limiting purchases of"), read with the agreement nouns
    return next((lemma for lemma in lemmas if VERB_PARTICLES.get(lemma, nxt) == nxt), None)


def _paid_for(tokens, index: int) -> tuple[int, int]:
    """What was paid for in 'pay $40 million for a 15 percent stake': its first and end token."""
    for look in range(index, min(len(tokens), index + 12)):
        lower = tokens[look].lower
        if lower == "for":
            return look + 1, _phrase_end(tokens, look + 1, allow_verbs=False)
        if lower in (",", ";") or lower in CONJUNCTIONS - {"and"}:
            break
    return index, index


def _buys_something(lemma: str, object_tokens, things) -> bool:
    """A company, a stake or a counted lot of goods; not 'arms' in general nor '$3 billion worth of'."""
    words = [t.lower for t in object_tokens]
    if "worth" in words:
        return False
    if lemma == "settle":
        return any(w in SETTLED_THINGS for w in words)
    return bool(things) or any(w in COMPANY_OBJECT_NOUNS or w in NUMBER_WORDS or PATTERNS["DIGIT"].search(w)
                               for w in words)


def _owner_after(ctx: _Context, index: int) -> list[Side]:
    """The seller named in 'the shares that X owns'."""
    tokens = ctx.clause.tokens
    if index >= len(tokens):
        return []
    match = PATTERNS["OWNED_BY"].match(ctx.text, tokens[index].start, ctx.clause.end)
    match = match or PATTERNS["HELD_BY"].match(ctx.text, tokens[index].start, ctx.clause.end)
    return _sides_in(ctx, match.start(1), match.end(1)) if match else []


def _object_words(thing_text: str) -> str:
    words = list(dropwhile(lambda word: word.lower() in _DETERMINING, thing_text.split()))
    return " ".join(words[:10])


def _selection(ctx: _Context, index: int) -> list[Mention]:
    """'X selected Y to build the aircraft': a contract awarded to Y."""
    tokens = ctx.clause.tokens
    to_index = next((i for i in range(index + 1, len(tokens)) if tokens[i].lower == "to"), None)
    if to_index is None or to_index + 1 >= len(tokens) or tokens[to_index + 1].text[0].isupper():
        return []
    chosen = _sides_in(ctx, tokens[index].end, tokens[to_index].start)
    chooser = _sides_before(ctx, tokens[index].start)
    if not chosen or not chooser:
        return []
    task_end = _phrase_end(tokens, to_index + 1, allow_verbs=True)
    status = _status(ctx, index, index + 1, index + 1) or "signed"
    return [_mention(ctx, "contract " + ctx.text[tokens[to_index].start:tokens[task_end - 1].end], "contract",
                     tokens[index].start, status, parties=_names(chooser + chosen))]


# --- status and date -------------------------------------------------------------------------

def _mention(ctx: _Context, kind: str, family: str, position: int, status: str | None, *,
             inside: tuple[int, int] | None = None, parties: tuple[str, ...] = (), explicit: bool = True,
             **flags: bool) -> Mention:
    """A mention of the clause whose agreement word starts at ``position``, dated by the event that
    gave it ``status`` (``inside``: the words before the agreement word that belong to its phrase)."""
    return Mention(kind=_tidy(kind), families=frozenset({family}), parties=parties, status=status,
                   date=_date(ctx, position, inside=inside, status=status), clause=ctx.clause, position=position,
                   explicit=explicit, **flags)


def _status(ctx: _Context, first: int, end: int, complement_end: int) -> str | None:
    """The status the clause gives the agreement whose words run from token ``first`` to ``end``.

    The cue nearest before the agreement word wins (its governing verb, or a word inside the
    phrase such as 'now-cancelled'), else the first cue after it ('a settlement was reached');
    a modal or a negation before a cue, or a condition in the sentence, makes it proposed.
    """
    text, clause, tokens = ctx.text, ctx.clause, ctx.clause.tokens
    window_start = max(tokens[max(0, first - 8)].start, clause.start)
    cues = list(PATTERNS["STATUS_CUE"].finditer(text, window_start, tokens[end - 1].end))
    if len(cues) > 1 and _phrase_key(cues[-1]) in PREMODIFIER_PARTICIPLES \
            and len(text[cues[-2].end():cues[-1].start()].split()) < 3:
        cues.pop()  # 'approved the proposed merger': what was done to it, not what it had been
    if not cues or _phrase_key(cues[-1]) in PREMODIFIER_PARTICIPLES:  # 'the proposed merger was approved'
        after_start = tokens[complement_end - 1].end
        after_end = tokens[min(len(tokens), complement_end + 8) - 1].end
        cues += [cue for cue in PATTERNS["STATUS_CUE"].finditer(text, after_start, max(after_start, after_end))
                 if _predicate_cue(text, clause, cue)][:1]
    if not cues:
        return None
    cue = cues[-1]
    status = STATUS_CUES[_phrase_key(cue)]
    words_before = text[max(clause.start, cue.start() - 40):cue.start()].lower().split()[-3:]
    if status in ("ended", "suspended"):
        return "proposed" if any(w in NEGATIONS for w in words_before) else status
    if any(w in MODALS or w in NEGATIONS for w in words_before) \
            or clause.conditional and status in ("signed", "approved", "agreed"):
        return "proposed"
    if "will" in words_before and status == "signed":
        return "agreed"
    return status


def _predicate_cue(text: str, clause: Clause, cue) -> bool:
    """A cue after the agreement word tells its status only as its own predicate:
    'a settlement was reached', 'the deal collapsed' (not 'the deal replaces X')."""
    if _phrase_key(cue) in INTRANSITIVE_CUES:
        return True
    before = text[max(clause.start, cue.start() - 30):cue.start()].lower().split()
    return bool(before) and (before[-1] in AUXILIARIES or before[-1].endswith("ly"))


def _date(ctx: _Context, position: int, *, inside: tuple[int, int] | None, status: str | None) -> str | None:
    """The date of the clause's event: a date mention in the clause (not a deadline, not a
    future or hoped-for event, not after the article, not one naming the agreement as in 'the
    1978 agreement' unless it was signed then), else one the sentence gives where it reports the
    news ('an official said Friday'); of several, the one nearest ``position``."""
    clause, text = ctx.clause, ctx.text
    if inside and status and _status_from_phrase(ctx, inside, status):
        # 'farmers marched on Monday over the now-cancelled pact': the clause's date is of its verb, not of
        # the state a word inside the agreement's phrase gives it
        return next(iter(ctx.reporting_dates), None)
    candidates = []
    for ev_start, _ev_end, _k, value in ctx.index.date_evidence.within(clause.start, clause.end):
        if inside and inside[0] <= ev_start < inside[1] and status != "signed":
            continue
        # a modal and at most four more words right before the date: the search can begin five words back
        future_from = max(clause.start, ctx.index.words_back(ev_start, 5))
        if PATTERNS["DEADLINE"].search(text[max(clause.start, ev_start - 10):ev_start]) or \
                PATTERNS["FUTURE_EVENT"].search(text, future_from, ev_start):
            continue  # "by March 3", "could be signed on Monday": not the date of the status
        candidates.append((abs(ev_start - position), value))
    return min(candidates)[1] if candidates else next(iter(ctx.reporting_dates), None)


def _status_from_phrase(ctx: _Context, inside: tuple[int, int], status: str) -> bool:
    """Whether only a word inside the agreement's phrase ('the now-cancelled deal') gives it ``status``."""
    def gives(cue) -> bool:
        return STATUS_CUES.get(_phrase_key(cue)) == status
    clause = ctx.clause
    cues = list(PATTERNS["STATUS_CUE"].finditer(ctx.text, clause.start, clause.end))
    inner = [cue for cue in cues if inside[0] <= cue.start() < inside[1]]
    return any(gives(cue) for cue in inner) and not any(gives(cue) for cue in cues if cue not in inner)


# --- sides -----------------------------------------------------------------------------------

def _is_descriptive(text: str, side: Side) -> bool:
    """A name that only describes another: 'the Danish brewer', 'the Chilean miner',
    'Lyon based X', 'Vortex rival Halden', 'X (XYZ)', 'Norcom of Ghana'."""
    after = text[side.end:side.end + 60]
    before = text[max(0, side.start - 40):side.start]
    if side.type in ("country", "place") or side.demonym:
        # 'the Irish airline', "Valdoria's state oil company X": the country describes the firm
        words = re.match(r"(?:'s|’s)?(?:\s+and\s+[A-Z][\w-]*)*((?:\s+[a-z][\w-]*){1,3})", after)
        longer = re.match(r"((?:\s+[a-z][\w-]*){4,6})\s+[A-Z]", after)  # 'Austrian mortar and shell maker X'
        if words and not ORG_NOUNS.isdisjoint(words.group(1).split()) \
                or longer and longer.group(1).split()[-1] in ORG_NOUNS \
                or re.match(r"-?\s*based\b", after) or re.search(r"[A-Z][\w.&]*\s+of\s+$", before) \
                or re.match(r"\s+[A-Z]", after) and side.name.lower() not in after[:30].lower():
            return True  # the last: "Kenyan Tea Growers", part of the next name
    # "the family's holding company, Kestrel Holdings"
    possessed = re.match(r"(?:'s|’s|'|’)((?:\s+[a-z][\w-]*){1,3}),\s+[A-Z]", after)
    return bool(PATTERNS["RELATION_NOUN"].match(after) or re.search(r"[A-Za-z.]\s*\(\s*$", before)
                or possessed and not ORG_NOUNS.isdisjoint(possessed.group(1).split()))


def _names(sides) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.name for s in sides))


def _split(mention: Mention, *, subject, local, groups, family, plural: bool = False) -> list[Mention]:
    """Independent deals reported together become separate mentions: '20 orders from A and B'
    gives two orders, 'A and B will receive loans from C' two loans, 'agreements with A and B'
    two agreements; an agreement that A and B signed stays one."""
    everyone = _names(subject + local)
    partners = [g for prep, g in groups if prep == "with"]
    if plural and len(partners) == 1 and len(_names(partners[0])) > 1:
        shared = tuple(n for n in everyone if n not in _names(partners[0]))
        return [replace(mention, parties=shared + (name,)) for name in _names(partners[0])]
    if family in JOINT_FAMILIES:
        return [replace(mention, parties=everyone)]
    subject_names = _names(subject)
    local_names = tuple(n for n in _names(local) if n not in subject_names)
    if len(subject_names) > 1 and local_names:
        return [replace(mention, parties=(name,) + local_names) for name in subject_names]
    if family == "trade" and subject_names:
        customers = [g for prep, g in groups if prep in ("from", "to")]
        if len(customers) == 1 and len(_names(customers[0])) > 1:
            shared = tuple(n for n in everyone if n not in _names(customers[0]))
            return [replace(mention, parties=shared + (name,)) for name in _names(customers[0])]
    return [replace(mention, parties=everyone)]


def _plural(head: str) -> bool:
    """'agreements', 'deals', 'treaties': a plural agreement noun (not 'talks' or 'terms')."""
    last = head.split()[-1]
    return last.endswith("s") and not last.endswith("ss") and last not in ("talks", "negotiations", "terms")


def _absorb_partyless(mentions: list[Mention]) -> list[Mention]:
    """Agreement words with no sides of their own join the mention before them in the clause."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and not mention.parties and kept[-1].parties and not mention.anaphoric:
            kept[-1] = replace(kept[-1], families=kept[-1].families | mention.families,
                               date=kept[-1].date or mention.date)
            continue
        kept.append(mention)
    return kept
