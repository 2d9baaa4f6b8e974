"""Agreements: deals, accords, treaties and the like, with parties, status and date.

Each clause is read for agreement words (nouns such as "agreement", "takeover", "loan" and verbs such as "bought", "was
acquired by"); each such mention gets its named sides, the status its verbs give ("signed", "are negotiating", "could be
signed") and the date of that event. The mentions of one agreement ("the deal", "this agreement", the same parties and
terms again) are then merged into one item that keeps the most advanced status and every piece of evidence.
"""
from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass, field, replace

from .. import lexicon
from ..model import AGREEMENT_STATUSES, Actor, Agreement, DateMention, Document, Evidence, StatusStep
from ..reference import TITLE_WORDS
from .agreements_clauses import split_clauses
from .agreements_lexicon import (
    AGREEMENT_NAME_HEADS, EVENT_HEADS, FURTHER_ONE, GENERIC_NOUNS, GENERIC_SIDES, OTHER_ONE, PATTERNS,
    PERSON_PRONOUNS, POSSESSIVE_PRONOUNS, PREPOSITIONS, PREPOSITIONS_FOR, REPORTING_VERBS, TRIGGER_FAMILY,
)
from .agreements_mentions import Mention, MentionIndex, clause_mentions
from .agreements_sides import Side, find_sides

# the words of a kind that tell nothing about the agreement: function words, "new" and the agreement nouns
_KIND_STOP = lexicon.DETERMINERS | POSSESSIVE_PRONOUNS | PREPOSITIONS | {"and", "new", "first", "further"} \
    | {w for noun in TRIGGER_FAMILY for w in noun.split()}
_INTRODUCTION_SPAN = 2  # sentences
_PENDING_LIMIT = 8  # mentions without a side kept for a later one to name


def find_agreements(doc: Document, *, actors: tuple[Actor, ...],
                    dates: tuple[DateMention, ...]) -> tuple[Agreement, ...]:
    """One Agreement per distinct agreement of ``doc`` with at least one named party, in order of first mention: the
    actors' mention offsets name the parties, and a date in an agreement's clause dates its status."""
    sides = _possible_sides(doc, actors)
    index = MentionIndex(doc, sides, dates)
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        clauses = split_clauses(doc.text, sentence)
        reporting = _reporting_dates(index, clauses, dates)
        first = len(mentions)
        for clause in clauses:
            mentions.extend(clause_mentions(clause, index, reporting_dates=reporting))
        _share_parallel_status(mentions, first)
    # a league, competition or event ('Northern Cup') regulates or hosts deals but is never their only party
    return tuple(_agreement(doc, _as_written(doc, sides, _with_lender(doc, sides, item))) for item in _merge(mentions)
                 if item.parties and not all(_ends_in(party, EVENT_HEADS) for party in item.parties))


def _with_lender(doc: Document, sides: tuple[Side, ...], item: _Item) -> _Item:
    """'... X's $40 million loan. The creditor Acme Bank is ...': the lender that a one-party
    loan's sentence, or the next, names is its other party."""
    if "finance" not in item.families or len(item.parties) != 1:
        return item
    near = {i + step for i in (m.clause.sentence.index for m in item.mentions) for step in (0, 1)}
    lender = next((s.name for s in sides if doc.sentence_index(s.start) in near and s.name not in item.parties
                   and PATTERNS["LENDER_BEFORE"].search(doc.text, max(0, s.start - 30), s.start)), None)
    return replace(item, parties=item.parties + (lender,)) if lender else item


def _possible_sides(doc: Document, actors: tuple[Actor, ...]) -> tuple[Side, ...]:
    """The side mentions that may be parties, people acting for a country or organisation replaced by it:
    no agreement's name or acronym, outlet, speaker about the news, generic noun or common word."""
    text = doc.text
    sides = _for_their_country(text, _acting_sides(find_sides(doc, actors), actors))
    outlets = {s.name for s in sides if PATTERNS["OUTLET_BEFORE"].search(text, max(0, s.start - 40), s.start)}
    speakers = _speakers(doc, sides)
    acronyms = _agreement_acronyms(text)
    starts = {sentence.start for sentence in doc.sentences}
    return tuple(side for side in sides if not (
        _names_agreement(side.name) or side.name in acronyms or text[side.start:side.end] in acronyms
        or side.name in outlets or _reports_the_news(text, side)
        or (doc.sentence_index(side.start), side.name) in speakers
        or _generic(side.name) or _sentence_initial_word(text, side, starts)))


def _ends_in(name: str, heads: frozenset[str]) -> bool:
    """True for a name of two words or more whose last word, or last two, is one of ``heads``."""
    words = name.lower().split()
    return len(words) > 1 and (words[-1] in heads or " ".join(words[-2:]) in heads)


def _names_agreement(name: str) -> bool:
    """True for the proper name of an agreement, which is what is agreed and never a party:
    'Southern Grain Pact', 'Northern Free Trade Area', 'Treaty on Open Fisheries'."""
    words = name.lower().split()
    return _ends_in(name, AGREEMENT_NAME_HEADS) \
        or len(words) > 1 and words[0] in AGREEMENT_NAME_HEADS and words[1] in PREPOSITIONS_FOR["name"]


def _reports_the_news(text: str, side: Side) -> bool:
    """True for a mention of the outlet that reports the news: 'according to X', 'in an
    interview with X', 'daily X' (the word in lower case: 'The Herald reported that X ...' cites the
    Herald only), 'X reported' (a name that follows 'daily', 'newspaper' is an
    outlet in every mention), or of whoever is told it ('A told B it had signed a deal with C')."""
    cited = PATTERNS["CITED_BEFORE"].search(text, max(0, side.start - 60), side.start) \
        or PATTERNS["CITED_AFTER"].match(text, side.end)
    return bool(cited) and side.type != "country" and not side.demonym


def _generic(name: str) -> bool:
    """'Ministry', 'Shareholders', 'Herald': one word naming a kind of group, not a side."""
    return " " not in name and name.lower() in GENERIC_SIDES


def _sentence_initial_word(text: str, side: Side, sentence_starts: set[int]) -> bool:
    """'Late on Sunday, ...': a capitalised word opening a sentence that no actor covers is a
    common word, not a side (a name the actor stage missed has more words or mixed case)."""
    word = text[side.start:side.end]
    return not side.type and side.start in sentence_starts and word.isalpha() and word == word.capitalize()


def _speakers(doc: Document, sides: tuple[Side, ...]) -> set[tuple[int, str]]:
    """(sentence index, name) of the people who speak about the news in a sentence ('Jane Doe,
    the mayor, said ...'), named there: someone quoted about a deal is not one of its sides
    there, in any mention of the sentence ('she considered the deal fair'); nor is the person
    whose relative or lawyer speaks ('Jane Doe's mother said ...'). A pronoun that speaks names no new speaker."""
    return {(doc.sentence_index(s.start), s.name) for s in sides
            if s.type == "person" and doc.text[s.start:s.end].lower() not in PERSON_PRONOUNS | {"who"}
            and (PATTERNS["SPEECH"].match(doc.text, s.end) or PATTERNS["RELATIVE_OF"].match(doc.text, s.end))}


def _agreement_acronyms(text: str) -> frozenset[str]:
    """The acronyms given for named agreements ('the Northern Free Trade Area (NFTA)',
    'the Xland Trade Treaty (XTT)'): an agreement, never an organisation that is a party."""
    return frozenset(match.group(2) for match in PATTERNS["NAME_WITH_ACRONYM"].finditer(text)
                     if _names_agreement(match.group(1)))


def _share_parallel_status(mentions: list[Mention], first: int) -> None:
    """'X has signed Z this year, after agreements with A and B': agreements that take their side
    from an earlier clause and give no status of their own take that clause's status and date
    (from the mention before them in the sentence, ``mentions[first:]``)."""
    for k in range(first + 1, len(mentions)):
        mention = mentions[k]
        if mention.parallel and not mention.explicit:
            model = next((m for m in reversed(mentions[max(first, k - 8):k]) if m.explicit and not m.parallel), None)
            if model is not None:
                # the same kind of event, not the same day: the year alone
                date = mention.date or (model.date[:4] if model.date else None)
                mentions[k] = replace(mention, status=model.status, date=date, explicit=True)


def _acting_sides(sides: tuple[Side, ...], actors: tuple[Actor, ...]) -> tuple[Side, ...]:
    """A person who holds office for a country or an organisation (a role and an affiliation)
    acts for it: the country or organisation is the side, in the mentions of the surname alone too."""
    types = {a.name: a.type for a in actors if a.type in ("country", "organization")}
    office = {a.name: a.affiliation for a in actors
              if a.type == "person" and a.affiliation in types and (a.roles or types[a.affiliation] == "country")}
    surnames = {(form, a.name) for a in actors if a.name in office and " " in a.name for form in _surname_forms(a.name)}
    holders = Counter(form for form, _name in surnames)
    # "Rashidi" after "Samir Abdul Hadi al-Rashidi": the same person, if no other person has that surname
    acts_for = office | {form: office[name] for form, name in surnames if holders[form] == 1}
    return tuple(replace(s, name=acts_for[s.name], type=types[acts_for[s.name]]) if s.name in acts_for else s
                 for s in sides)


def _surname_forms(name: str) -> set[str]:
    """'Jane Doe' -> {'Doe'}; 'Omar al-Rashid' -> {'al-Rashid', 'Rashid'}."""
    last = name.split()[-1]
    prefix, _, rest = last.partition("-")
    return {last, rest} if rest and prefix.islower() else {last}


def _for_their_country(text: str, sides: tuple[Side, ...]) -> tuple[Side, ...]:
    """'President Jane Doe of Xland', 'Presidents A of Xland and B of Yland': a person (or a title and a name)
    followed by 'of' and a country acts for that country, which is the side. 'Xland's foreign minister, Jane Doe'
    names her office: Xland is the side in every mention of her name."""
    by_end = {side.end: side for side in sides if side.type in ("country", "organization")}
    office: dict[str, Side] = {}
    for side in sides:
        if side.type in ("country", "place"):
            continue
        match = PATTERNS["OFFICE_BEFORE"].search(text, max(0, side.start - 60), side.start)
        if match and match.group(1) in TITLE_WORDS and match.start() in by_end:
            office.setdefault(side.name, by_end[match.start()])
    found = [replace(s, name=office[s.name].name, type=office[s.name].type) if s.name in office else s for s in sides]
    for k, side in enumerate(found):
        first = text[side.start:side.end].split()[0].lower() if side.end > side.start else ""
        if side.type != "person" and first.rstrip("s") not in TITLE_WORDS:
            continue
        for later in found[k + 1:k + 4]:
            if later.type == "country" and PATTERNS["OF_COUNTRY"].fullmatch(text, side.end, later.start):
                found[k] = replace(side, name=later.name, type="country")
                break
    return tuple(found)


def _reporting_dates(index: MentionIndex, clauses, dates: tuple[DateMention, ...]) -> tuple[str, ...]:
    """Dates given where a sentence says who reported the news ('a spokesman said Friday'): each
    usable date with evidence in such a clause, once a clause, in the order of ``dates``."""
    return tuple(dates[k].value for clause in clauses if any(t.lower in REPORTING_VERBS for t in clause.tokens)
                 for k in sorted({ev.index for ev in index.date_evidence.within(clause.start, clause.end)}))


@dataclass
class _Item:
    """The mentions of one agreement, merged, and what they hold."""

    mentions: list[Mention]
    parties: tuple[str, ...]
    families: set[str] = field(default_factory=set)
    kind_words: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    terms: set[tuple[str, str]] = field(default_factory=set)

    @property
    def lead(self) -> Mention:
        """The mention that gives the item its status: of those outside quotes, if any, the most
        advanced explicit one (of equals, a dated one, else the latest)."""
        return max((m for m in self.mentions if m.status), default=self.mentions[0],
                   key=lambda m: (not _quoted(m), m.explicit, AGREEMENT_STATUSES.index(m.status),
                                  m.date is not None, m.position))


def _quoted(mention: Mention) -> bool:
    """True when the mention stands inside a direct quote: what a speaker calls the deal gives its
    status only when the narration gives none."""
    before = _text_before(mention)
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _text_before(mention: Mention) -> str:
    sentence = mention.clause.sentence
    return sentence.text[:max(0, mention.position - sentence.start)]


def _kind_words(mention: Mention) -> frozenset[str]:
    words = re.findall(r"[\w-]+", mention.kind.lower())
    return frozenset(w.rstrip("s") if len(w) > 3 else w for w in words if w not in _KIND_STOP)


def _numbers(mention: Mention) -> frozenset[str]:
    return frozenset(PATTERNS["NUMBER"].findall(mention.kind))


def _terms(mention: Mention) -> frozenset[tuple[str, str]]:
    """Amounts and shares in the kind, as (number, scale): ('6', 'billion'), ('20', 'percent')."""
    return frozenset((number, scale.lower().rstrip("s").replace("%", "percent"))
                     for number, scale in PATTERNS["TERM"].findall(mention.kind))


def _different_terms(first: frozenset[tuple[str, str]], second: frozenset[tuple[str, str]]) -> bool:
    """True when two mentions give different amounts or shares: different agreements."""
    return any(not {t for t in first if t[1] == scale} & {t for t in second if t[1] == scale}
               for scale in {scale for _n, scale in first} & {scale for _n, scale in second})


class _Merger(list[_Item]):
    """The items being merged, with what each holds indexed so that a mention finds the items it
    may belong to without reading every item (private to ``_merge``)."""

    def __init__(self) -> None:
        super().__init__()
        # the indices of the items that hold each (what, value): a party set, party, family, kind word or number
        self.holders: dict[tuple[str, object], set[int]] = {}

    def holding(self, what: str, values) -> set[int]:
        """The items that hold any of ``values`` as a ``what`` ('party', 'family', 'word' ...)."""
        return set().union(*(self.holders.get((what, value), ()) for value in values))

    def _hold(self, i: int, what: str, values) -> None:
        for value in values:
            self.holders.setdefault((what, value), set()).add(i)

    def add(self, mention: Mention, parties: tuple[str, ...]) -> None:
        self.append(_Item([], parties))
        self._hold(len(self) - 1, "party set", [frozenset(parties)])
        self._hold(len(self) - 1, "party", parties)
        self.join(len(self) - 1, mention)

    def join(self, i: int, mention: Mention) -> None:
        item = self[i]
        item.mentions.append(mention)
        for values, what, new in ((item.families, "family", mention.families),
                                  (item.kind_words, "word", _kind_words(mention)),
                                  (item.numbers, "number", _numbers(mention))):
            self._hold(i, what, new - values)
            values |= new
        item.terms |= _terms(mention)


def _merge(mentions: list[Mention]) -> list[_Item]:
    """Group mentions of the same agreement, in text order."""
    items = _Merger()
    pending: deque[Mention] = deque(maxlen=_PENDING_LIMIT)  # recent mentions with no side, which a later one may name
    for mention in mentions:
        if mention.anaphoric and _another_one(mention):
            continue  # "the third such deal", "the previous accord": another agreement, named in passing
        if mention.anaphoric:
            index = _referent(items, mention)
        else:
            index = None if _a_further_one(mention) else _same_agreement(items, mention)
        if index is None and mention.anaphoric and mention.parties and len(items):
            # "the parliament approved the treaty", "the league must approve the deal": the
            # subject acts on the agreement named before without being one of its parties
            index = _referent(items, replace(mention, parties=()))
        if index is not None:  # (never with more parties: _same_agreement matches the same ones, or fewer)
            items.join(index, mention)
        elif mention.refers_to_pair and len(items) and len(items[-1].parties) == 2:
            items.add(mention, items[-1].parties)
        elif mention.parties and not mention.only_refers:
            items.add(mention, _holder(items, mention) + mention.parties)
            for earlier in _introduced(pending, mention):
                items.join(len(items) - 1, earlier)
        if not mention.parties and not mention.anaphoric and not mention.only_refers and not _another_one(mention):
            pending.append(mention)
        while pending and mention.clause.sentence.index - pending[0].clause.sentence.index > _INTRODUCTION_SPAN:
            pending.popleft()
    return items


def _holder(items: _Merger, mention: Mention) -> tuple[str, ...]:
    """'A's contract with C is worth $4 billion. The contract with B is worth $2 billion.': the
    side that holds the agreement of the same family named last with a partner, for 'the ...
    with B' (nothing when there is no such agreement or the mention is not of that form)."""
    recent = reversed(items[-3:]) if mention.partner_only else ()
    return next((item.parties[:1] for item in recent if item.families & mention.families and len(item.parties) == 2
                 and not set(item.parties) & set(mention.parties)), ())


def _another_one(mention: Mention) -> bool:
    """True for 'the third such deal', 'the previous accord': words before the agreement word
    that point to another agreement than the one named before."""
    before = _text_before(mention)[-60:]
    return bool(set(mention.kind.lower().split()) & OTHER_ONE) or bool(PATTERNS["OTHER_BEFORE"].search(before))


def _a_further_one(mention: Mention) -> bool:
    """'a wider trade deal', 'a separate accord': not the agreement of the same parties named before."""
    further = bool(set(mention.kind.lower().split()) & FURTHER_ONE)
    return further and bool(PATTERNS["INDEFINITE_BEFORE"].search(_text_before(mention)))


def _introduced(pending: deque[Mention], mention: Mention) -> list[Mention]:
    """The mentions without named sides that introduced the agreement ``mention`` names with
    'the': "... agreed to a ceasefire. The truce between X and Y took effect" (a mention of the
    same family a sentence or two before, taken out of ``pending``)."""
    if not PATTERNS["DEFINITE_BEFORE"].search(_text_before(mention)[-60:]):
        return []
    taken = [m for m in pending if m.families & mention.families and m.position < mention.position]
    for m in taken:
        pending.remove(m)
    return taken


def _referent(items: _Merger, mention: Mention) -> int | None:
    """The item that 'the deal', 'this agreement' or 'the takeover' refers back to: one of a
    fitting family, with no terms the mention adds ('the 1978 agreement' is another one) and
    sharing a side when the clause names one; the one sharing most words, else the latest."""
    words = _kind_words(mention)
    numbers = _numbers(mention)
    generic = bool(set(mention.kind.lower().split()) & GENERIC_NOUNS)
    parties = set(mention.parties)
    by_party = not mention.only_refers and bool(parties)

    def fits(i: int) -> bool:
        return (generic or bool(items[i].families & mention.families)) and numbers <= items[i].numbers \
            and (not by_party or bool(parties & set(items[i].parties)))

    # every fitting item is in each of these pools (all items when there is none)
    pools = [items.holding(what, values) for what, values, used in (
        ("family", mention.families, not generic), ("number", list(numbers)[:1], bool(numbers)),
        ("party", parties, by_party)) if used]
    pool = sorted(min(pools, key=len), reverse=True) if pools else range(len(items) - 1, -1, -1)
    latest = next((i for i in pool if fits(i)), None)
    if latest is None:
        return len(items) - 1 if not numbers and not mention.parties and len(items) else None
    # the best is the latest fitting item unless one sharing more kind words fits
    sharing = [i for i in items.holding("word", words) if fits(i)]
    return max(sharing + [latest], key=lambda i: (len(items[i].kind_words & words), i))


def _same_agreement(items: _Merger, mention: Mention) -> int | None:
    """The item ``mention`` mentions again, if any (latest first): the same parties and the same kind of terms (or a
    bare 'agreement' of the same parties), or a definite mention ('the takeover of X') of some of its parties."""
    words = _kind_words(mention)
    terms = _terms(mention)
    parties = set(mention.parties)
    # only items with these parties, or with more when the mention is definite, can match
    candidates = items.holding("party set", [frozenset(parties)])
    if mention.definite and parties:
        candidates |= min((items.holding("party", [p]) for p in parties), key=len)
    for i in sorted(candidates, reverse=True):
        if _different_terms(terms, frozenset(items[i].terms)):
            continue
        item_parties = set(items[i].parties)
        if parties == item_parties and (items[i].families & mention.families or items[i].kind_words & words
                                        or not words or not items[i].kind_words):
            return i  # a bare "agreement" or "deal" between the same parties is the deal named with them
        if mention.definite and parties and parties < item_parties:
            return i
    return None


def _as_written(doc: Document, sides: tuple[Side, ...], item: _Item) -> _Item:
    """'Acme' where the actor is 'Acme Polska': a party that the item's sentences write only in
    shorter forms opening the actor's name is named as written, by the longest (a parent company,
    or a name the actor stage ran on too far)."""
    sentences = {m.clause.sentence.index for m in item.mentions}
    written: dict[str, set[str]] = {}
    for side in sides:
        form = doc.text[side.start:side.end]
        if side.name in item.parties and form[:1].isupper() and doc.sentence_index(side.start) in sentences:
            written.setdefault(side.name, set()).add(form)
    renamed = {name: max(forms, key=len) for name, forms in written.items()
               if all(name.startswith(form + " ") for form in forms)}
    return replace(item, parties=tuple(renamed.get(p, p) for p in item.parties)) if renamed else item


def _agreement(doc: Document, item: _Item) -> Agreement:
    lead = item.lead
    date = lead.date or next((m.date for m in item.mentions
                              if m.date and m.clause.sentence.index == lead.clause.sentence.index), None)
    named = [m for m in item.mentions if not m.anaphoric] or list(item.mentions)
    first = max(named, key=lambda m: (len(_kind_words(m)), -m.position))
    evidence = sorted({_evidence(m) for m in item.mentions}, key=lambda ev: ev.start)
    status = lead.status or "in force"
    return Agreement(kind=first.kind, parties=item.parties, status=status, date=date,
                     text=lead.clause.sentence.text, evidence=tuple(evidence),
                     history=_history(item, lead, status, date))


def _history(item: _Item, lead: Mention, status: str, date: str | None) -> tuple[StatusStep, ...]:
    """The states the mentions report ('under negotiation', then 'signed'), one step per state with its first mention's
    sentence and date, in the order a deal moves through them and ending at the item's status."""
    steps = {}
    for m in sorted((m for m in item.mentions if m.explicit and m.status), key=lambda m: m.position):
        if AGREEMENT_STATUSES.index(m.status) < AGREEMENT_STATUSES.index(status) and not _quoted(m):
            steps.setdefault(m.status, StatusStep(m.status, m.date, (_evidence(m),)))
    steps[status] = StatusStep(status, date, (_evidence(lead),))
    return tuple(sorted(steps.values(), key=lambda step: AGREEMENT_STATUSES.index(step.status)))


def _evidence(mention: Mention) -> Evidence:
    sentence = mention.clause.sentence
    return Evidence(sentence.index, sentence.start, sentence.end)
