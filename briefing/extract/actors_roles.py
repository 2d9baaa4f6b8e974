"""Roles and affiliations of the people an article names.

A role is read from the words right before a name ('Chilean finance minister admiral X', 'prime minister X',
'Orion CEO X'), from an apposition after it ('X, an analyst at Y', 'X, chief executive of Y'). The affiliation
is the actor a role belongs to: a demonym or country inside it, 'at/of Y', or a named organisation or country
right before it ('Portugal's prime minister').
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .. import lexicon
from .. import reference as ref
from ..lexicon import HONORIFICS, NAMING_PREPOSITIONS
from .actors_mentions import _P, COUNTRY, ORG_NOUNS, ORGANIZATION, PERSON, PLACE, country_kind, party_and_state, tokens
from .spans import SpanIndex

_GOVERNMENT_TITLES = lexicon.words("government_titles.txt")
_RELATIVE_ROLES = {verb: role for verb, role in lexicon.rows("actors_relative_roles.txt")}
_PLURAL_TITLES = {lexicon.plural(title): title for title in ref.TITLES if " " not in title}


@dataclass(frozen=True)
class Placed:
    """A body mention resolved to its actor: where it is, the actor's name and type."""

    start: int
    end: int
    name: str
    type: str


@dataclass(frozen=True)
class Description:
    roles: tuple[str, ...]
    affiliation: str | None


def _abbreviated_title_ends(text: str, at: int) -> bool:
    """The period at ``at`` ends an abbreviated title ('Sen. X'), not a clause."""
    word = _P["LAST_WORD"].search(text, max(0, at - 6), at)
    return text.startswith(".", at) and word is not None and word[0].lower() in ref.TITLE_ABBREVIATIONS


class RoleIndex:
    """The body's resolved mentions, sentences and clause marks, indexed once per document so
    that reading the context of a mention bisects instead of scanning the whole body."""

    def __init__(self, text: str, placed: list[Placed], sentence_bounds: list[tuple[int, int]]) -> None:
        self.text = text
        self.placed = placed
        self.spans = SpanIndex(placed)
        self.bounds = sentence_bounds  # in text order, as a Document's sentences are
        self.bound_starts = [s for s, _e in sentence_bounds]
        self.marks = [m.span() for m in _P["CLAUSE_MARKS"].finditer(text)
                      if not _abbreviated_title_ends(text, m.start())]
        self.mark_ends = [end for _start, end in self.marks]
        # countries and organisations, in the order of ``placed``: what a role can belong to
        self.owners_by_end: dict[int, list[int]] = {}
        for k, p in enumerate(placed):
            if p.type in (COUNTRY, ORGANIZATION, PLACE):
                self.owners_by_end.setdefault(p.end, []).append(k)

    def sentence(self, offset: int, default: tuple[int, int]) -> tuple[int, int]:
        """The sentence ``(start, end)`` that holds ``offset``, else ``default``."""
        k = bisect_right(self.bound_starts, offset) - 1
        if k >= 0 and offset < self.bounds[k][1]:
            return self.bounds[k]
        return default

    def clause_start(self, sentence_start: int, start: int) -> int:
        """Where the clause that holds ``start`` begins: after the last clause mark since ``sentence_start``."""
        k = bisect_right(self.mark_ends, start) - 1
        return self.marks[k][1] if k >= 0 and self.marks[k][0] >= sentence_start else sentence_start

    def owner_ending_at(self, end: int) -> Placed | None:
        """The first country or organisation of ``placed`` that ends at ``end``, an 's and spaces between allowed."""
        gap_start = end
        while gap_start > 0 and self.text[gap_start - 1].isspace():
            gap_start -= 1
        found = [k for at in range(max(0, gap_start - 2), end + 1) for k in self.owners_by_end.get(at, ())
                 if _P["GAP_TO_NAME"].fullmatch(self.text, at, end)]
        return self.placed[min(found)] if found else None


def describe(spans: list[tuple[int, int]], index: RoleIndex) -> Description:
    """The roles (in text order, no repeats) and the first affiliation found of the person mentioned at ``spans``."""
    text = index.text
    roles: list[str] = []
    affiliation = None
    for start, end in spans:
        sentence_start, sentence_end = index.sentence(start, (0, len(text)))
        for role, owner in (_role_before(text, start, sentence_start, index),
                            _role_after(text, end, sentence_end, index)):
            for part in role:
                if part.lower() not in (r.lower() for r in roles):
                    roles.append(part)
            affiliation = affiliation or owner
    return Description(tuple(roles), affiliation)


def _title_run(text: str, clause_start: int, start: int, index: RoleIndex | None = None) -> list:
    """The title words right before ``start`` in its clause (honorifics next to the name skipped).

    Only the last words of the clause are read: a window that ends at ``start`` and begins
    after a space (so its words are those of the whole clause), widened while the run fills it.
    With ``index``, a title-case office takes its other words too: 'Secretary of State',
    'Emergencies Minister' (capitalised words that name no actor, before a capitalised title).
    """
    width = 64
    while True:
        window_start = clause_start
        if start - width > clause_start:
            space = text.rfind(" ", clause_start, start - width)
            window_start = space + 1 if space >= 0 else clause_start
        run: list = []
        stopped = False
        for word in reversed(tokens(text, window_start, start)):
            lower = word.text.lower().rstrip(".")
            if lower in HONORIFICS and not run:
                continue
            if lower in ref.TITLE_WORDS or lower in ref.ROLE_MODIFIERS or _demonym(word.text) \
                    or ref.TITLE_ABBREVIATIONS.get(lower):
                # 'Acme Bank president X': a word of an actor's name belongs to the owner, not the role
                if word.possessive or index is not None and not _demonym(word.text) \
                        and index.spans.overlaps(word.start, word.end):
                    stopped = True
                    break
                run.insert(0, word)
                continue
            if index is not None and run and run[0].text[:1].isupper() and not word.possessive and (
                    lower in NAMING_PREPOSITIONS or _office_word(word, index, clause_start)) \
                    or run and lower == "and" and run[0].text.lower() in ref.ROLE_MODIFIERS:  # 'trade and industry'
                run.insert(0, word)
                continue
            stopped = True
            break
        if stopped or window_start == clause_start:
            return run
        width *= 4


def _portfolio_run(text: str, clause_start: int, start: int, index: RoleIndex) -> list:
    """'High Commissioner for Refugees X': a title, 'for' or 'of', and its portfolio in capitals (no actor's name)."""
    words = tokens(text, max(clause_start, start - 80), start)
    k = len(words) - 1
    while k > 0 and len(words) - k <= 4 and words[k].text[:1].isupper() and words[k].start > clause_start \
            and not index.spans.overlaps(words[k].start, words[k].end):
        k -= 1
    if not 0 < k < len(words) - 1 or words[k].text not in NAMING_PREPOSITIONS or not _is_title_noun(words[k - 1].text):
        return []
    return _title_run(text, clause_start, words[k - 1].end, index) + words[k:]


def _office_word(word, index: RoleIndex, clause_start: int) -> bool:
    """A capitalised word of an office's name: no actor, date or sentence-opening word."""
    return (word.text[:1].isupper() and word.start > clause_start and word.text.lower() not in ref.COMMON_WORDS
            and not index.spans.overlaps(word.start, word.end))


def _shared_title(text: str, start: int, sentence_start: int, index: RoleIndex,
                  depth: int = 0) -> tuple[list[str], str | None]:
    """'Presidents X of Kenya and Y of Chad', 'photographers X and Y', 'the Xlandian and Ylandian foreign ministers,
    X and Y,': a plural title before a list of names is the title of each of them, in the singular; coordinated
    demonyms before it go one to a name, in order, when there are as many as names (then each is the affiliation)."""
    words = tokens(text, max(sentence_start, start - 80), start)
    title_word = words[-1] if words else None
    gap = text[title_word.end:start] if title_word else ""
    if title_word and title_word.text.lower() in _PLURAL_TITLES and (
            not gap.strip() and len(gap) <= 1 or _P["COMMA_BEFORE_NAME"].fullmatch(gap)
            and _appositive_list(text, start, index)):
        title = _PLURAL_TITLES[title_word.text.lower()]
        title = title[0].upper() + title[1:] if title_word.text[0].isupper() else title
        qualifiers, demonyms = _shared_qualifiers(words[:-1])
        role = " ".join(qualifiers + [title])
        names = _list_length(text, start, sentence_start, index)
        if len(demonyms) == 1 or len(demonyms) == names:
            demonym = demonyms[min(depth, len(demonyms) - 1)]
            return [f"{demonym} {role}"], ref.country_for(demonym)
        return [role], None
    previous = [p for p in index.spans.starting_in(sentence_start, start) if p.type == PERSON and p.end < start]
    if previous and depth < 6 and _P["NAME_LIST_GAP"].fullmatch(text, previous[-1].end, start):
        return _shared_title(text, previous[-1].start, sentence_start, index, depth + 1)
    return [], None


def _shared_qualifiers(words: list) -> tuple[list[str], list[str]]:
    """The lower-case qualifiers ('foreign') and the demonyms ('Xlandian', 'Ylandian') of the words right before
    a plural title, demonyms joined by 'and' or commas."""
    qualifiers: list[str] = []
    demonyms: list[str] = []
    for word in reversed(words):
        lower = word.text.lower()
        if _demonym(word.text):
            demonyms.insert(0, word.text)
        elif lower == "and" or word.text == ",":
            if not demonyms:
                break
        elif not demonyms and (lower in ref.ROLE_MODIFIERS or lower in ref.TITLE_WORDS):
            qualifiers.insert(0, word.text)
        else:
            break
    return qualifiers, demonyms


def _first_of_list(text: str, start: int, sentence_start: int, index: RoleIndex) -> int:
    """Where the list of names that holds the name at ``start`` begins."""
    previous = [p for p in index.spans.starting_in(sentence_start, start) if p.type == PERSON and p.end < start]
    while previous and _P["NAME_LIST_GAP"].fullmatch(text, previous[-1].end, start):
        start = previous[-1].start
        previous = [p for p in previous if p.end < start]
    return start


def _list_people(text: str, start: int, index: RoleIndex) -> list[Placed]:
    """The people of the list of names that opens at ``start``, in order."""
    people = [p for p in index.spans.starting_in(start, start + 1) if p.type == PERSON][:1]
    while people:
        after = [p for p in index.spans.starting_in(people[-1].end, people[-1].end + 80)
                 if p.type == PERSON and _P["NAME_LIST_GAP"].fullmatch(text, people[-1].end, p.start)]
        if not after:
            break
        people.append(after[0])
    return people


def _list_length(text: str, start: int, sentence_start: int, index: RoleIndex) -> int:
    return len(_list_people(text, _first_of_list(text, start, sentence_start, index), index))


def _appositive_list(text: str, start: int, index: RoleIndex) -> bool:
    """'the ministers, X and Y, met', 'talks with the ministers, X and Y.': the list of names after the comma is
    closed by another or ends the sentence (an apposition), not the subject of what follows ('After talks with the
    ministers, X said')."""
    people = _list_people(text, start, index)
    return bool(people) and _P["APPOSITION_CLOSED"].match(text, people[-1].end) is not None


def _party_before(text: str, start: int, clause_start: int, index: RoleIndex) -> str | None:
    """'Republican X': the party the article names ('the Republicans', 'Republican Party')."""
    words = tokens(text, max(clause_start, start - 24), start)
    label = words[-1].text if words and words[-1].text[:1].isupper() else ""
    if label.lower() not in ref.PARTY_LABELS:
        return None
    names = {ref.PARTY_NAMES.get(label.lower()), label + "s", label + " Party",
             label[:-2] + "s" if label.endswith("ic") else label}
    return next((p.name for p in index.placed if p.type == ORGANIZATION and p.name in names), None)


def _possessor_before(text: str, start: int, index: RoleIndex) -> str | None:
    """'the Orion Growers Union's X', 'Valdoria's X': the organisation or country the person is named as one of."""
    owner = index.owner_ending_at(start)
    if owner is None or owner.type == PLACE or text[owner.end:start].strip()[:1] not in ("'", "’"):
        return None
    return owner.name


def _office_complement(run: list) -> bool:
    """Whether the run ends in the capitalised complement of a title: 'Minister for Defence'."""
    joints = [k for k, w in enumerate(run) if w.text in NAMING_PREPOSITIONS]
    return bool(joints) and 0 < joints[-1] < len(run) - 1 and _is_title_noun(run[joints[-1] - 1].text) \
        and all(w.text[:1].isupper() for w in run[joints[-1] + 1:])


def _role_before(text: str, start: int, sentence_start: int, index: RoleIndex) -> tuple[list[str], str | None]:
    """'Chilean finance minister admiral X' -> (['Chilean finance minister', 'admiral'], 'Chile')."""
    clause_start = index.clause_start(sentence_start, start)
    run = _title_run(text, clause_start, start, index) or _portfolio_run(text, clause_start, start, index)
    if not run:
        run = _title_before_comma(text, sentence_start, start, index)
    if not run:
        roles, owner = _shared_title(text, start, sentence_start, index)
        return roles, owner or _party_before(text, start, clause_start, index) or _possessor_before(text, start, index)
    while run and not _is_title_noun(run[-1].text) and not _office_complement(run):
        run.pop()
    spoken_for = [k for k, w in enumerate(run[1:], 1)
                  if w.text in NAMING_PREPOSITIONS and run[k - 1].text.lower() in lexicon.SPOKES_NOUNS]
    if spoken_for:
        run = run[spoken_for[-1] + 1:]  # 'a spokeswoman for Attorney General X': X's title is what follows
    while run and run[0].text.lower() in NAMING_PREPOSITIONS | {"and"}:
        run.pop(0)
    if not run or not any(_is_title_noun(w.text) for w in run):
        return [], None
    roles = _split_roles(text, run)
    adjective = tokens(text, max(clause_start, run[0].start - 30), run[0].start)[-1:]  # 'Velorian' of 'Veloria'
    owner = next((ref.country_for(w.text) for w in run if _demonym(w.text)), None) or next((
        p.name for w in adjective for p in index.placed if ref.adjective_of(w.text, p.name)), None)
    if owner is None:
        before = index.owner_ending_at(run[0].start)
        if before is not None and text[before.end:run[0].start].strip(" '’s") == "":  # 'Orion's chief X'
            owner = before.name
            # 'Its Xland researcher': Xland is what the research is about; 'its' names whose researcher
            owner = _anaphoric_owner(text, before.start, index) or owner
    return roles, owner or _anaphoric_owner(text, run[0].start, index)


_DETERMINERS = frozenset({"", "the"}) | lexicon.PARTY_POSSESSIVES


def _title_before_comma(text: str, sentence_start: int, start: int, index: RoleIndex) -> list:
    """'The bank's governor, X': a title that ends the clause right before the name's comma.

    Only when the name opens its clause and the title run fills the end of the clause before
    it (a run of title words ending at the comma, the word before it not a title).
    """
    gap = _P["COMMA_BEFORE_NAME"].search(text, max(sentence_start, start - 3), start)
    if not gap or gap.start() <= sentence_start:
        return []
    comma = gap.start()
    previous = index.clause_start(sentence_start, comma)
    run = _title_run(text, previous, comma)
    while run and index.spans.overlaps(run[0].start, run[0].end):
        run.pop(0)  # 'A Kestrel Mining spokesman,': 'Mining' is a word of the owner's name, not of the title
    if not run:
        return []
    before = tokens(text, previous, run[0].start)[-2:]  # 'The Acme group leader,', 'The opposition leader,'
    while before and not all(w.text.islower() and w.text not in _DETERMINERS | {"a", "an"} for w in before):
        before.pop(0)
    run = (before if before and text[before[-1].end:run[0].start].isspace() else []) + run
    lead = text[previous:run[0].start].strip()
    # the clause is the title itself: 'The bank's governor,', 'Its chief executive,' (not 'Asked
    # about the president,', where the title is the object of another clause)
    if lead.lower() in _DETERMINERS or (_P["POSSESSIVE"].search(lead) and len(lead.split()) <= 5) \
            or _P["ANAPHOR"].search(lead + " "):
        return run
    owner = index.owner_ending_at(run[0].start)  # 'An Acme spokeswoman, X,': the owner names the title's body
    if owner is not None and text[previous:owner.start].strip().lower() in _DETERMINERS | {"a", "an"}:
        return run
    return []


def _demonym(word: str) -> bool:
    return country_kind(word) == "demonym"


def _bare_word(word: str) -> str:
    """A word without its punctuation and possessive ('bank's,' -> 'bank'); its own letters kept
    ('spokeswoman' stays whole: stripping a set of characters would eat its leading 's')."""
    return _P["POSSESSIVE"].sub("", word.strip(",.;:"))


def _is_title_noun(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in ref.TITLE_WORDS and (lower in ref.TITLES or lower not in ref.ROLE_MODIFIERS) \
        or bool(ref.TITLE_ABBREVIATIONS.get(lower))


def _split_roles(text: str, run: list) -> list[str]:
    """Split a run of title words where one title ends and another begins ('minister admiral')."""
    roles, current = [], [run[0]]
    for prev, word in zip(run, run[1:]):
        a, b = prev.text.lower(), word.text.lower()
        ends_title = a in ref.TITLES and a not in ref.ROLE_MODIFIERS
        if ends_title and b in ref.TITLES and f"{a} {b}" not in ref.TITLES:
            roles.append(current)
            current = [word]
        else:
            current.append(word)
    roles.append(current)
    return [_spelled_out(text, part) for part in roles]


def _spelled_out(text: str, words: list) -> str:
    """The text of a run of title words, abbreviated titles spelled out ('Lt. Gen.' -> 'Lieutenant General')."""
    pieces, at = [], words[0].start
    for word in words:
        title = ref.TITLE_ABBREVIATIONS.get(word.text.lower().rstrip("."))
        if title:
            end = word.end + text.startswith(".", word.end)
            pieces += [text[at:word.start], title.title() if word.text[:1].isupper() else title]
            at = end
    return "".join(pieces) + text[at:words[-1].end]


def _role_after(text: str, end: int, sentence_end: int, index: RoleIndex) -> tuple[list[str], str | None]:
    """'X, an analyst at Y' -> (['analyst'], 'Y')."""
    quoted = _P["QUOTED_AS"].match(text, end, sentence_end)
    if quoted:
        return _quoted_role(quoted, index)
    m = _P["ROLE_APPOSITION"].match(text, end, sentence_end)
    if not m:
        return [], _owner_after(text, end, index)
    phrase_start = m.start("phrase")
    relative = _P["RELATIVE_ROLE"].match(m.group("phrase"))
    if relative:  # 'X, who heads the Y': the role the verb gives, and Y
        named_at = phrase_start + relative.end()
        owner = next((p for p in index.spans.starting_in(named_at, named_at + 1) if p.type in (COUNTRY, ORGANIZATION)),
                     None)
        role = _RELATIVE_ROLES[" ".join(relative["verb"].split())]
        return ([role] if role != "-" else []), owner.name if owner else None
    copula = _P["RELATIVE_COPULA"].match(m.group("phrase"))  # 'X, who is the chief executive of Y'
    phrase_start += copula.end() if copula else 0
    phrase = m.group("phrase")[copula.end() if copula else 0:]
    relative = _P["RELATIVE"].search(phrase)
    phrase = phrase[:relative.start()] if relative else phrase
    phrase_words = phrase.split()
    # not '…, the Y club announced': that phrase is the subject of what follows, no apposition
    if not phrase_words or len(phrase_words) > 12 or relative and relative["said"] and not ref.title_headed(phrase):
        return [], None
    title_at = next((k for k, w in enumerate(phrase_words[:5]) if _is_title_noun(_bare_word(w))), None)
    if title_at is None:
        return [], None
    # 'X, the Xlandian president', 'X, Acme's CEO', 'X, UK Foreign Secretary': capitalised words
    # before the title qualify it; a name or a lower-case word there ('Y and the chief') does not
    if phrase_words[0][:1].isupper() and not _is_title_noun(phrase_words[0]) and (
            any(not w[:1].isupper() and w.lower() not in ref.ROLE_MODIFIERS for w in phrase_words[:title_at])
            or any(p.type == PERSON and p.start == phrase_start and text[p.end:p.end + 1] not in "'’"
                   for p in index.spans.starting_in(phrase_start, phrase_start + 1))):
        return [], None
    owner = None
    for item in index.spans.within(phrase_start, phrase_start + len(phrase)):
        if item.type not in (COUNTRY, ORGANIZATION):
            continue
        lead = text[phrase_start:item.start]
        preposition = _P["AFFILIATION_PREPOSITION"].search(lead)
        if preposition:
            role = lead[:preposition.start()].strip()
            if any(_is_title_noun(w) for w in role.split()):
                return [role], item.name
        if owner is None and (item.start == phrase_start or _demonym(text[item.start:item.end])):
            owner = item.name
    if owner is None:
        owner = next((ref.country_for(_bare_word(w)) for w in phrase_words[:title_at] if _demonym(_bare_word(w))), None)
    possessor = _P["TITLE_POSSESSOR"].match(phrase) if title_at else None  # "Acme's CEO" -> "CEO", of Acme
    if possessor and owner is None:
        owner = _anaphoric_owner(text, phrase_start + possessor.end(), index)
    return [phrase[possessor.end():] if possessor else phrase.strip()], owner


def _anaphoric_owner(text: str, at: int, index: RoleIndex) -> str | None:
    """The owner 'the country's' or 'the company's' right before ``at`` refers to: the last country
    (or organisation) named before it."""
    m = _P["ANAPHOR"].search(text, max(0, at - 24), at)
    if not m or m.end() != at:
        return None
    kinds = (COUNTRY, ORGANIZATION) if m["its"] else (COUNTRY,) if m["noun"] in ("country", "nation") \
        else (ORGANIZATION,) if m["noun"] in ORG_NOUNS else ()
    named = [p for p in index.spans.starting_in(0, m.start()) if p.type in kinds and p.end <= m.start()]
    return named[-1].name if named else None


def _owner_after(text: str, end: int, index: RoleIndex) -> str | None:
    """'X of Acme said', 'X of the Kenyan Bar's ethics board', 'X at the UN', 'X (UP)', 'X from Acme': the
    organisation or country right after the name (a place there is where X is from, not whom X works for)."""
    m = _P["OWNER_AFTER"].match(text, end)
    bracketed = bool(m and m["bracket"])
    kinds = (ORGANIZATION,) if m and m["from"] else (COUNTRY, ORGANIZATION)  # 'X from Kenya' is where X is from
    while m:
        owner = next((p for p in index.spans.starting_in(m.end(), m.end() + 1) if p.type in kinds), None)
        if owner is None or bracketed and not (text.startswith(")", owner.end) or party_and_state(text, m.end() - 1)):
            return None
        m = _P["GAP_TO_NAME"].match(text, owner.end) if text.startswith(("'", "’"), owner.end) else None
        if m is None:
            return owner.name
    return None


def _quoted_role(match: re.Match, index: RoleIndex) -> tuple[list[str], str | None]:
    """'X, OUTLET quoted an expert on Y as saying': the role the outlet gives the person named first."""
    phrase = match.group("phrase").strip()
    words = phrase.split()
    if not any(_is_title_noun(_bare_word(w)) for w in words[:4]):
        return [], None
    start = match.start("phrase")
    owner = next((item.name for item in index.spans.within(start, start + len(phrase)) if item.type in (
        COUNTRY, ORGANIZATION) and _P["WORKPLACE_PREPOSITION"].search(match.string, start, item.start)), None)
    return [phrase], owner


def government_affiliation(roles: tuple[str, ...]) -> bool:
    """True when a role is a state office whose holder belongs to a country."""
    return any(word in _GOVERNMENT_TITLES for role in roles for word in role.lower().split())
