"""Actors: the people, organisations, countries and places an article names.

The finder (built-in rules, or a spaCy pipeline) gives name mentions in the title and the body; they are then grouped
into one actor per real-world entity (surnames, transliterations, acronyms, short and official state names, demonyms and
capitals standing for a state), typed, given roles and affiliations, and ordered by salience.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from .. import reference as ref
from ..load import slugify
from ..model import Actor, Document
from ..spelling import within_edit_distance
from .actors_mentions import (
    _FIRM_WORDS, _OF_HEADS, _P, ACRONYM_SKIP, COUNTRY, GUESS, HINT, KNOWN, NAME_SUFFIXES, ORGANIZATION, PERSON, PLACE,
    Mention,
    country_kind, datelines, find_mentions, in_address, initials, known_place, midsentence_capitalised,
    people_of_place, tokens,
)
from .actors_roles import Placed, RoleIndex, describe, government_affiliation
from .figures_units import CURRENCY_SYMBOLS, UNIT_WORDS
from .spans import SpanIndex
from .text import name_key


def find_actors(doc: Document, *, ner: str = "builtin") -> tuple[Actor, ...]:
    """One actor per entity of ``doc``, most salient first, its evidence offsets into the body; ``ner`` is
    ``"builtin"`` for the rule-based finder, or ``"spacy:<model>"`` (a package name or a path) for a spaCy pipeline."""
    lowercase = frozenset(re.findall(r"\b[a-z][a-z-]+\b", doc.text + "\n" + doc.article.title))  # seen in lower case
    body_mentions, title_mentions = _mentions(doc, ner, lowercase)
    groups = _group(doc.text, body_mentions, title_mentions, lowercase)
    return tuple(actor for actor in _actors(doc, groups) if not _only_a_label(doc.text, actor))


def _only_a_label(text: str, actor: Actor) -> bool:
    """A country named only by its abbreviation in front of a noun ('US stocks', 'UK lenders')
    labels something else and takes no part in the story; named as a noun anywhere, it does."""
    return actor.type == "country" and not actor.in_title and bool(actor.evidence) and all(
        ref.abbreviation_as_modifier(text, e.start, e.end) for e in actor.evidence)


def _mentions(doc: Document, ner: str, lowercase: frozenset[str]) -> tuple[list[Mention], list[Mention]]:
    if ner == "builtin":
        # the word after a dateline ('PARIS — Talks resumed') opens its sentence
        starts = frozenset(s.start for s in doc.sentences) | {line.end for line in datelines(doc.text)}
        words = tokens(doc.text)
        confirmed = midsentence_capitalised(doc.text, starts, words)
        body = find_mentions(doc.text, lowercase_words=lowercase, sentence_starts=starts, confirmed_words=confirmed,
                             words=words)
        title = find_mentions(doc.article.title, in_title=True, lowercase_words=lowercase,
                              sentence_starts=frozenset({0}), confirmed_words=confirmed)
        body = _in_datelines(doc.text, body)
        body = [m for m in body if not _currency_symbol(doc.text, m) and not _unit_word(doc.text, m)]
        body = _places_in_lists(doc.text, body)
        defined = _defined_acronyms(doc.text, body)
        body = _with_acronyms(doc.text, body, defined, in_title=False)
        title = _with_acronyms(doc.article.title, title, defined, in_title=True)
        return body, _title_mentions(doc.article.title, title, body)
    if ner.startswith("spacy:"):
        from .ner_spacy import spacy_mentions

        return spacy_mentions(doc, ner.removeprefix("spacy:"))
    raise ValueError(f"unknown actor finder {ner!r}: use 'builtin' or 'spacy:<model>'")


def _places_in_lists(text: str, body: list[Mention]) -> list[Mention]:
    """'the towns of Brelsk, Orvane and Kestrel': an unknown name listed right after a place is a place too."""
    kept: list[Mention] = []
    for mention in body:
        prev = kept[-1] if kept else None
        if prev is not None and mention.type == ORGANIZATION and mention.certainty == GUESS and prev.type == PLACE \
                and not prev.in_title and _P["PLACE_LIST_GAP"].fullmatch(text, prev.end, mention.start):
            mention = replace(mention, type=PLACE, certainty=HINT, locative=True)
        kept.append(mention)
    return kept


def _unit_word(text: str, mention: Mention) -> bool:
    """'44 degrees Celsius', '90 Fahrenheit': the capitalised word of a unit after a number, not a name."""
    m = _P["NUMBER_BEFORE"].search(text, max(0, mention.start - 40), mention.start)
    return m is not None and f"{m['words']}{mention.text}".lower() in UNIT_WORDS


def _currency_symbol(text: str, mention: Mention) -> bool:
    """'Rs 1,200 crore', 'KSh 40m': a currency's letters before an amount, not a name."""
    return mention.text.lower() in CURRENCY_SYMBOLS and _P["AMOUNT_AFTER"].match(text, mention.end) is not None


def _in_datelines(text: str, body: list[Mention]) -> list[Mention]:
    """A wire dateline names where the story was filed and the agency that filed it: its city is
    a place (not the state a capital may stand for), the name in brackets an organisation."""
    lines = datelines(text)
    if not lines:
        return body
    line_starts = [d.start for d in lines]
    kept = []
    for mention in body:
        k = bisect_right(line_starts, mention.start) - 1
        line = lines[k] if k >= 0 and mention.start < lines[k].end else None
        if line is None:
            kept.append(mention)
        elif line.city[0] <= mention.start and mention.end <= line.city[1]:
            shown = " ".join(w.capitalize() for w in mention.text.split()) if mention.text.isupper() else mention.text
            kept.append(replace(mention, text=shown, type=PLACE if mention.type != COUNTRY or mention.country is None
                                or country_kind(mention.text) == "capital" else mention.type,
                                certainty=max(mention.certainty, KNOWN), locative=True, unconfirmed=False))
        elif line.agency and line.agency[0] <= mention.start and mention.end <= line.agency[1]:
            kept.append(replace(mention, type=ORGANIZATION, certainty=max(mention.certainty, KNOWN), country=None,
                                unconfirmed=False, sentence_initial=False))
        else:
            kept.append(replace(mention, locative=True))
    starts = sorted(m.start for m in kept)
    for line in lines:
        if line.agency and bisect_left(starts, line.agency[0]) == bisect_left(starts, line.agency[1]):
            start, end = line.agency  # no mention starts inside the brackets
            kept.append(Mention(text[start:end], start, end, ORGANIZATION, KNOWN))
    return sorted(kept, key=lambda m: m.start)


def _defined_acronyms(text: str, body: list[Mention]) -> frozenset[str]:
    """Abbreviations that usually mean something else, defined here as a name's: 'Gamma Motors (GM)'."""
    defined = set()
    for mention in body:
        m = _P["ACRONYM_AFTER"].match(text, mention.end)
        if not m or mention.type not in (ORGANIZATION, PLACE) or mention.country or mention.not_actor:
            continue
        acronym = m.group(1).replace(".", "")
        if acronym in ref.COMMON_ACRONYMS and acronym.lower() not in ref.COMMON_WORDS \
                and acronym == initials(_display(mention.text).split()):
            defined.add(m.group(1))
    return frozenset(defined)


def _with_acronyms(text: str, mentions: list[Mention], defined: frozenset[str], *, in_title: bool) -> list[Mention]:
    """Add a mention for every use of an acronym the article defines that no mention covers."""
    covered = SpanIndex(mentions).overlaps
    added = [Mention(m.group(), m.start(), m.end(), ORGANIZATION, HINT, in_title=in_title)
             for acronym in defined for m in re.finditer(r"(?<![\w.-])" + re.escape(acronym) + r"(?![\w-])", text)
             if not covered(m.start(), m.end())]
    return sorted(mentions + added, key=lambda m: m.start)


def _title_mentions(title: str, found: list[Mention], body: list[Mention]) -> list[Mention]:
    """Title mentions worth keeping: in a Title Case headline only names the body confirms."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", title) if len(w) > 3]
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    known = {name_key(m.text) for m in body}
    kept = []
    for mention in found:
        pieces = _hyphen_pieces(mention, known)
        if pieces:
            kept.extend(pieces)  # 'Orion-Harbour Board talks': two names the body gives apart
        elif mention.certainty >= KNOWN or name_key(mention.text) in known or not (
                title_case or mention.sentence_initial and mention.certainty == GUESS and " " not in mention.text):
            kept.append(mention)
        elif title_case:
            kept.extend(_known_parts(title, mention, known))
    return kept


def _hyphen_pieces(mention: Mention, known: set[str]) -> list[Mention]:
    """The parts of a hyphenated name when each is a name the body gives on its own."""
    if "-" not in mention.text or name_key(mention.text) in known:
        return []
    pieces, offset = [], mention.start
    for part in mention.text.split("-"):
        key = name_key(part)
        if not key or not any(k == key or k.endswith(" " + key) for k in known):
            return []
        pieces.append(Mention(part, offset, offset + len(part), ORGANIZATION, HINT, in_title=mention.in_title))
        offset += len(part) + 1
    return pieces


def _known_parts(title: str, mention: Mention, known: set[str]) -> list[Mention]:
    """The body-confirmed names inside a longer Title Case span."""
    parts = []
    for m in re.finditer(r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*", mention.text):
        if name_key(m.group()) in known:
            start = mention.start + m.start()
            parts.append(Mention(m.group(), start, start + len(m.group()), mention.type, HINT, in_title=True))
    return parts


@dataclass
class _Group:
    """Mentions that name one entity while grouping runs (private to this module)."""

    key: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    owner: str | None = None  # the state whose institution this is, when two states' share a name
    party: str | None = None  # the party a label or initial names: 'the Democrats', 'X (R-Texas)'
    best: dict[str, int] = field(default_factory=dict)  # the highest certainty of its mentions of each type

    @cached_property
    def head(self) -> str:
        """The form of the first mention: what the group is known by while merging."""
        return _display(self.mentions[0].text)

    @property
    def forms(self) -> list[str]:
        return list(dict.fromkeys(_display(m.text) for m in self.mentions))

    @property
    def certainty(self) -> int:
        """The highest certainty of the mentions of the group's type."""
        return self.best.get(self.type, GUESS)

    def add(self, mentions: list[Mention]) -> None:
        self.mentions.extend(mentions)
        for m in mentions:
            self.best[m.type] = max(self.best.get(m.type, GUESS), m.certainty)


def _display(text: str) -> str:
    return _P["LEADING_THE"].sub("", _P["SPACED_HYPHEN"].sub("-", text))


def _group(text: str, body: list[Mention], title: list[Mention], lowercase_words: frozenset[str]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    capital_in_state_role = {name_key(m.text) for m in body if m.country and not m.locative}
    # 'flown to Kestia' in an article that names Xland: the capital counts as the state (not in a dateline)
    named_states = {m.country for m in body + title if m.country and country_kind(m.text) != "capital"}
    # a capital written only in addresses ('Kestia, Xland', 'Port Vex, Kestia') is the city, not its state
    apart_from_address = {name_key(m.text) for m in body if m.country and not in_address(text, m.start, m.end)}
    keys = [name_key(people_of_place(m.text) or m.text) for m in body + title]
    body_keys = set(keys[:len(body)])
    owners = _owners(text, body)  # only for mentions that stand for no state
    for mention, key in zip(body + title, keys):
        owner = owners.get(id(mention))
        state = _government_of(mention)
        if mention.country and (country_kind(mention.text) != "capital" or key in capital_in_state_role
                                or key not in body_keys
                                or mention.country in named_states and mention.type == COUNTRY
                                and key in apart_from_address):
            state = mention.country
        party = mention.party or ref.PARTY_NAMES.get(mention.text.lower())
        if state is not None:
            new = _Group("country:" + state, COUNTRY, country=state)
        elif party is not None and mention.type == ORGANIZATION:
            new = _Group("party:" + party, ORGANIZATION, party=party)
        elif owner is not None:
            new = _Group(f"{key}@{owner}", mention.type, owner=owner)
        else:
            new = _Group(key, PLACE if mention.country else mention.type)
        groups.setdefault(new.key, new).add([mention])
    for group in groups.values():
        if group.country is None and not all(m.country for m in group.mentions):
            group.type = _vote(group)
    things = [g for g in groups.values() if 2 * sum(m.not_actor for m in g.mentions) >= len(g.mentions)]
    thing_acronyms = _acronyms_of(text, things) | _common_noun_acronyms(text)
    named = [g for g in groups.values() if not _common_designation(g, lowercase_words)
             and g not in things and g.key not in thing_acronyms]
    merged = _merge_acronyms(text, body, named)
    merged = _merge_people(merged)
    merged = _merge_organisations(merged)
    return [g for g in merged if not all(m.unconfirmed for m in g.mentions)]


def _government_of(mention: Mention) -> str | None:
    """The state whose government a mention names: 'the Kenyan Government', 'Government of Peru'."""
    words = _display(mention.text).split()
    if mention.type != ORGANIZATION or mention.country or len(words) < 2:
        return None
    if words[-1].casefold() == "government":
        return ref.country_for(" ".join(words[:-1]))
    return ref.country_for(" ".join(words[2:])) if words[0] == "Government" and words[1] == "of" else None


def _acronyms_of(text: str, groups: list[_Group]) -> frozenset[str]:
    """The keys of the acronyms given in brackets after the mentions of ``groups``: 'Foo Index (FI)'."""
    after = ((m.text, _P["ACRONYM_AFTER"].match(text, m.end)) for g in groups for m in g.mentions if not m.in_title)
    return frozenset(name_key(acronym.group(1)) for name, acronym in after
                     if acronym and _acronym_of(acronym.group(1).replace(".", ""), name))


def _common_noun_acronyms(text: str) -> frozenset[str]:
    """The keys of acronyms the article defines by a common noun phrase: 'the exclusive economic zone (EEZ)',
    'a rocket-propelled grenade (RPG)'. Such an acronym names a thing, never an actor."""
    found = set()
    for m in _P["BRACKETED_ACRONYM"].finditer(text):
        acronym = m.group(1)
        before = re.split(r"[\s-]+", text[max(0, m.start() - 80):m.start()].strip())
        for n in range(len(acronym) - 1, len(acronym) + 2):
            phrase = [w for w in before[-n:] if w.lower() not in ACRONYM_SKIP] if n <= len(before) else []
            if len(phrase) == len(acronym) and "".join(w[:1] for w in phrase).upper() == acronym \
                    and phrase[-1].islower() and all(w.isalpha() for w in phrase):
                found.add(name_key(acronym))
                break
    return frozenset(found)


def _common_designation(group: _Group, lowercase_words: frozenset[str]) -> bool:
    """'Room 4', 'No. 1', 'Route 9': a common word numbered, never anything but a designation."""
    return all(m.designation for m in group.mentions) and all(
        w.lower().rstrip(".") in lowercase_words | ref.COMMON_WORDS for w in group.head.split())


def _owners(text: str, body: list[Mention]) -> dict[int, str]:
    """The state that owns each organisation mention ('Xland's Defence Ministry'), for the names that two
    states' institutions share in the article: those are two actors, never one."""
    owner_of: dict[int, tuple[str, str]] = {}
    states_of: dict[str, set[str]] = {}
    for mention in body:
        if mention.type != ORGANIZATION or mention.country:
            continue
        m = _P["STATE_POSSESSOR"].search(text, max(0, mention.start - 40), mention.start)
        words = m.group(1).split() if m else []
        state = next((ref.country_for(" ".join(words[k:])) for k in range(len(words))
                      if ref.country_for(" ".join(words[k:]))), None)  # 'Later Xland's': Xland
        if state:
            key = name_key(mention.text)
            owner_of[id(mention)] = (key, state)
            states_of.setdefault(key, set()).add(state)
    return {k: state for k, (key, state) in owner_of.items() if len(states_of[key]) > 1}


def _vote(group: _Group) -> str:
    """The type of the group's surest mentions; of the most mentions among those as sure."""
    counts = Counter(m.type for m in group.mentions)
    return max(group.best, key=lambda t: (group.best[t], counts[t]))


def _absorb(target: _Group, other: _Group) -> None:
    target.add(other.mentions)
    if other.type == PERSON and target.type != PERSON and other.certainty > target.certainty:
        target.type = PERSON


def _merge_acronyms(text: str, body: list[Mention], groups: list[_Group]) -> list[_Group]:
    """'Foo Bar Institute (FBI)': the acronym joins its expansion."""
    by_key = {g.key: g for g in groups}
    owner_of = {id(m): g for g in groups for m in g.mentions}
    agencies = {line.agency[0] for line in datelines(text) if line.agency}
    for mention in body:
        m = _P["ACRONYM_AFTER"].match(text, mention.end)
        if not m or m.start(1) in agencies:
            continue  # 'CITY (AP) -': the agency that filed the story, not the city's acronym
        acronym = by_key.get(name_key(m.group(1)))
        owner = owner_of.get(id(mention))
        if owner is not None and owner.type == PERSON \
                and m.group(1).replace(".", "") != initials(_name_words(owner.head)):
            continue  # 'Orla Venn (UP)': a person's party or firm in brackets, unless it is her initials
        if acronym is not None and owner is not None and acronym is not owner and owner.type != COUNTRY:
            _absorb(owner, acronym)
            owner_of.update((id(moved), owner) for moved in acronym.mentions)
            groups = [g for g in groups if g is not acronym]
            del by_key[acronym.key]
    return groups


def _name_words(text: str) -> list[str]:
    """The words a name is compared on: no 'Jr.', no particle fused to a surname ('al-Rashidi' is 'Rashidi')."""
    return [_P["FUSED_PARTICLE"].sub("", w) for w in _display(text).split() if w not in NAME_SUFFIXES]


def _close(a: str, b: str, *, shortest: int = 4) -> bool:
    """Transliteration variants: same first letter, a small edit distance (Kowalsky/Kowalski)."""
    a, b = a.casefold(), b.casefold()
    shorter = min(len(a), len(b))
    return a == b or a[0] == b[0] and shorter >= shortest and within_edit_distance(a, b, 1 if shorter < 6 else 2)


def _length_keys(word: str, reach: int) -> list[tuple[str, int]]:
    """(first letter, length) of the words as long as ``word`` give or take ``reach`` letters: with
    a reach of 2, the keys of every word that can be _close to it."""
    folded = word.casefold()
    return [(folded[:1], size) for size in range(len(folded) - reach, len(folded) + reach + 1)]


def _merge_people(groups: list[_Group]) -> list[_Group]:
    """Surnames, shorter forms and transliterations join the fullest form of a person's name."""
    name_words = cache(_name_words)  # a group's head never changes
    people = sorted((g for g in groups if g.type == PERSON and len(name_words(g.head)) >= 2),
                    key=lambda g: -len(name_words(g.head)))
    org_first_words = {name_words(g.head)[0] for g in groups if g.type == ORGANIZATION and len(name_words(g.head)) >= 2}
    # a group can only join a person whose surname is _close to its last word: same first letter, about
    # as long; groups are looked up by those (the checks below stay the judges). A group without name
    # words (a lone name suffix, 'Jr.') names nobody and joins no one.
    by_last: dict[tuple[str, int], list[int]] = {}
    for k, group in enumerate(groups):
        if group_words := name_words(group.head):
            [key] = _length_keys(group_words[-1], 0)
            by_last.setdefault(key, []).append(k)
    absorbed: set[int] = set()
    for person in people:
        if id(person) in absorbed:
            continue
        words = name_words(person.head)
        first, last = words[0], words[-1]
        candidates = sorted(k for near in _length_keys(last, 2) for k in by_last.get(near, ()))
        for other in (groups[k] for k in candidates):
            if other is person or id(other) in absorbed or other.type == COUNTRY \
                    or other.certainty >= KNOWN and other.type == PLACE:
                continue
            other_words = name_words(other.head)
            if len(other_words) == 1 and other.type != PERSON and other_words[0] in org_first_words:
                continue
            loose = other.type == PERSON or other.certainty < KNOWN  # an unsure type may be a person's
            if len(other_words) == 1:
                # a short word of another type is a person's only as written ('Velm' is not 'Tom Vell')
                same = loose and _close(other_words[0], last, shortest=4 if other.type == PERSON else 6)
            elif [w.casefold() for w in other_words] == [w.casefold() for w in words[-len(other_words):]]:
                # the whole name ('Omar Rashidi' for 'Omar al-Rashidi') or a surname of several words ('De la
                # Fuente', 'Ferreira Lopes' for 'Ana Ferreira Lopes')
                same = loose
            else:
                same = other.type == PERSON and _close(other_words[0], first) and _close(other_words[-1], last)
            if same:
                _absorb(person, other)
                absorbed.add(id(other))
    remaining = [g for g in groups if id(g) not in absorbed]
    return _merge_first_names(remaining)


def _merge_first_names(groups: list[_Group]) -> list[_Group]:
    """A given name alone ('Maria said') joins the most mentioned person of that given name."""
    people = [g for g in groups if g.type == PERSON and len(_name_words(g.head)) >= 2]
    people_by_first: dict[str, list[_Group]] = {}
    for person in people:
        people_by_first.setdefault(_name_words(person.head)[0], []).append(person)
    surnames = {_name_words(p.head)[-1] for p in people}
    absorbed: set[int] = set()
    for other in groups:
        words = _name_words(other.head)
        if len(words) != 1 or other.type in (COUNTRY, PLACE) or other.certainty >= KNOWN:
            continue
        namesakes = sorted(people_by_first.get(words[0], ()), key=lambda p: -len(p.mentions))
        if words[0] not in ref.FIRST_NAMES and (len(namesakes) != 1 or words[0] in surnames):
            continue  # a name put first that is no given name ('Sol' of 'Sol Ye-rin'): only the one person's
        if namesakes and (len(namesakes) == 1 or len(namesakes[0].mentions) > 2 * len(namesakes[1].mentions)):
            _absorb(namesakes[0], other)
            absorbed.add(id(other))
    return [g for g in groups if id(g) not in absorbed]


def _initials(text: str) -> str:
    return initials([w for w in re.split(r"[\s-]+", _display(text)) if w])


def _acronym_of(acronym: str, name: str) -> bool:
    """'NTC' of 'Northern Timber Company'; also with a state's abbreviation in front ('USCG' of 'Coast Guard')."""
    letters = _initials(name)
    return acronym == letters or any(acronym[k:] == letters and ref.country_for(acronym[:k]) for k in (2, 3))


def _merge_organisations(groups: list[_Group]) -> list[_Group]:
    """Acronyms of initials, shorter forms and forms without a state prefix join an organisation."""
    orgs = [g for g in groups if g.type in (ORGANIZATION, PLACE)]
    absorbed: set[int] = set()
    candidates = _OrgCandidates(orgs)
    for short in sorted(orgs, key=lambda g: -len(g.head)):
        form = _display(short.head)
        words = form.split()
        targets = [long for long in (orgs[k] for k in candidates.of(form, words))
                   if long is not short and id(long) not in absorbed and _shorter_form(short, long, form, words)]
        if len(targets) > 1:
            # 'Orion' with 'Orion Ltd.' and 'Orion Studios': the one that only adds a legal form
            targets = [t for t in targets if all(w in ref.ORG_SUFFIXES for w in _display(t.head).split()[len(words):])]
        if len(targets) == 1:
            _absorb(targets[0], short)
            absorbed.add(id(short))
    return [g for g in groups if id(g) not in absorbed]


def _shorter_form(short: _Group, long: _Group, form: str, words: list[str]) -> bool:
    """Whether ``short`` (its head ``form``, split into ``words``) is a shorter form of organisation ``long``."""
    long_form = _display(long.head)
    long_words = long_form.split()
    if short.type == PLACE and long.type == ORGANIZATION and short.certainty < KNOWN \
            and long_words[:len(words)] == words and long_words[len(words):] \
            and all(w in ref.ORG_SUFFIXES for w in long_words[len(words):]):
        return True  # 'Halvorsen ASA' and 'shares in Halvorsen': the firm, not a place
    if len(words) == len(long_words) == 1 and ref.adjective_of(form, long_form):
        return True  # 'Velorian' of 'Veloria': the adjective joins the place it is of
    if PLACE in (short.type, long.type):
        return _short_place_form(short, long, form, words, long_form, long_words)
    if len(words) > 1 and long_words[:-1] == words[:-1] and long_words[-1] == words[-1] + "s":
        return True  # 'the Defence Force' of the 'Defence Forces'
    if len(words) == 1 and long_form == form[:-1] + " Party":
        return True  # 'the Greens' of the 'Green Party'
    full = ref.ORG_SHORT_FORMS.get(form)
    if full and (long_form == full or long_form.endswith(" " + full)):
        return True  # 'the Fed' and the Federal Reserve
    if len(long_words) == len(words) > 1 and _firm_core(long_words) == _firm_core(words) \
            and _firm_core(words) and len(long_form) > len(form):
        return True  # 'Orion Motor Co.' and 'Orion Motor Company'
    if len(long_words) < len(words) or len(long_words) == len(words) > 1:
        return False
    if form.isupper() and len(form) >= 2 and _acronym_of(form.replace(".", ""), long_form) \
            or long_words[:len(words)] == words and _same_firm(form, long_words[len(words):]) \
            or long_words[-len(words):] == words and ref.country_for(" ".join(long_words[:-len(words)])):
        return True
    if len(words) == 1 and form in ref.ORG_HEADS | _OF_HEADS and (
            long_words[-1] == form or long_words[:2] == [form, "of"]):
        return True  # 'the Commission' for the only '... Commission' ('the House' of 'House of ...')
    if form in long_form.split("-") and form.isupper():
        return True
    return len(words) == len(long_words) == 1 and len(form) >= 5 and _close(form, long_form) \
        and len(long.mentions) >= len(short.mentions) and not ref.adjective_of(long_form, form)


def _short_place_form(short: _Group, long: _Group, form: str, words: list[str], long_form: str,
                      long_words: list[str]) -> bool:
    """'OSS' of the 'Orbital Survey Station', 'Vex Airport' of 'Vex International Airport', a one-letter
    slip in a town's name written once where the town is named often: forms of one place (places join nothing
    else: 'Brelsk' is not 'Brelsk Bay')."""
    if form.isupper() and len(form) >= 2 and len(long_words) > 1:
        return _acronym_of(form.replace(".", ""), long_form)
    if len(words) == len(long_words) == 1 and (short.type == long.type or short.certainty == GUESS):
        return len(form) >= 8 and form[0] == long_form[0] and within_edit_distance(form, long_form, 1) \
            and len(short.mentions) == 1 < 3 <= len(long.mentions) and not ref.is_place_name(form)
    return short.type == long.type and len(words) >= 2 and len(long_words) == len(words) + 1 \
        and long_words[0] == words[0] \
        and long_words[-1] == words[-1] and long_words[1].casefold() in _SHORTENED_WORDS


#: Words a place's or body's name is often written without: 'Vex Airport' for 'Vex International Airport'.
_SHORTENED_WORDS = frozenset("international national regional municipal general memorial".split())


class _OrgCandidates:
    """The organisations a shorter form may join, looked up by what the checks of
    ``_shorter_form`` compare (firm core, initials, leading and trailing words, hyphen
    pieces, a close single word), so that each form is not checked against every organisation."""

    def __init__(self, orgs: list[_Group]) -> None:
        self.by_key: dict[tuple, list[int]] = {}
        for k, org in enumerate(orgs):
            long_form = _display(org.head)
            long_words = long_form.split()
            if not long_words:
                continue  # no shorter form can join a form without words
            keys = {("core", len(long_words), _firm_core(long_words)), ("initials", _initials(long_form))}
            keys.update(("piece", piece) for piece in long_form.split("-"))
            for n in range(1, len(long_words) + 1):
                keys.update({("prefix", tuple(long_words[:n])), ("suffix", tuple(long_words[-n:]))})
            if len(long_words) == 1:
                keys.update(("single", key) for key in _length_keys(long_form, 0))
            for key in keys:
                self.by_key.setdefault(key, []).append(k)

    def of(self, form: str, words: list[str]) -> list[int]:
        """The indices, in order, of every organisation that any check could match ``form`` with."""
        acronym = form.replace(".", "")
        keys = [("core", len(words), _firm_core(words)), ("prefix", tuple(words[:-1] or words)),
                ("suffix", tuple(words)), ("piece", form)] + [("initials", acronym[cut:]) for cut in (0, 2, 3)]
        if form in ref.ORG_SHORT_FORMS:
            keys.append(("suffix", tuple(ref.ORG_SHORT_FORMS[form].split())))
        if len(words) == 1:
            # and what it may be a plural or an adjective of: 'Greens', 'Velorian', 'Osterlandian'
            keys += [("single", near) for near in _length_keys(form, 2)] + [("prefix", (form[:-k],)) for k in (1, 2, 3)]
        return sorted({k for key in keys for k in self.by_key.get(key, ())})


def _firm_core(words: list[str]) -> tuple[str, ...]:
    """A firm's name without the legal forms and firm words at its end ('Orion Motor Co.' -> 'Orion Motor')."""
    core = list(words)
    while core and (core[-1] in ref.ORG_SUFFIXES or core[-1].rstrip(".") in _FIRM_WORDS):
        core.pop()
    return tuple(core)


def _same_firm(short: str, rest: list[str]) -> bool:
    """Whether a name that is ``short`` followed by ``rest`` is the same firm as ``short``.

    It is when ``rest`` adds legal forms and firm words ('Orion Ltd.', 'Orion Group PLC') and at most one other word
    ('Orion Motors Co.', 'Orion Computer', 'Halden Pryce'); an acronym is the same firm as its spelled-out name ('KLF
    Kestrel Leasing & Finance'). Two or more other words name a division or subsidiary ('Orion Commercial Vehicles'),
    and a country or place another one ('Orion Canada', 'Orion Polska').
    """
    if known_place(" ".join(rest)) or ref.country_for(rest[-1]) or " ".join(rest) in ref.COUNTRY_ENDONYMS:
        return False
    other = [w for w in rest if w not in ref.ORG_SUFFIXES and w not in _FIRM_WORDS]
    if len(other) <= 1:
        return True
    if short.isupper() and len(short) >= 3:
        letters = iter(short)
        return all(w[0] in letters for w in other)  # the words' initials appear in order in the acronym
    return False


def _canonical(group: _Group) -> str:
    if group.type == COUNTRY and group.country:
        return group.country
    if group.party:
        return group.party
    if group.owner:
        return f"{group.owner}'s {max(group.forms, key=len)}"
    forms = group.forms
    if group.type == PERSON:
        return max(forms, key=lambda f: (len(_name_words(f)), len(f)))
    expansions = [f for f in forms if not f.isupper() and not people_of_place(f)  # nor 'Velorian' of 'Veloria'
                  and not any(ref.adjective_of(f, other) for other in forms)] \
        or [people_of_place(f) or f for f in forms]
    return max(expansions, key=lambda f: (len(f.split()), len(f)))


def _actors(doc: Document, groups: list[_Group]) -> tuple[Actor, ...]:
    names = {id(g): _canonical(g) for g in groups}
    placed = sorted((Placed(m.start, m.end, names[id(g)], g.type)
                     for g in groups for m in g.mentions if not m.in_title), key=lambda p: p.start)
    index = RoleIndex(doc.text, placed, [(s.start, s.end) for s in doc.sentences])
    actors = []
    for group in groups:
        body = sorted((m for m in group.mentions if not m.in_title), key=lambda m: m.start)
        in_title = any(m.in_title for m in group.mentions)
        name = names[id(group)]
        roles, affiliation = (), None
        if group.type == PERSON:
            description = describe([(m.start, m.end) for m in body], index)
            roles, affiliation = description.roles, description.affiliation
            if affiliation is None and government_affiliation(roles):
                affiliation = _state_of_office(body, index, group) or _dominant_state(placed)
        aliases = tuple(f for f in group.forms if name_key(f) != name_key(name))
        actors.append(Actor(
            id=slugify(name), name=name, type=group.type, aliases=aliases, roles=roles,
            affiliation=affiliation if affiliation != name else None,
            mentions=len(group.mentions), in_title=in_title,
            evidence=tuple(doc.evidence(m.start, m.end) for m in body),
        ))
    first = {a.name: (a.evidence[0].start if a.evidence else len(doc.text)) for a in actors}
    return tuple(sorted(actors, key=lambda a: (-a.mentions, not a.in_title, first[a.name])))


def _state_of_office(body: list[Mention], index: RoleIndex, group: _Group) -> str | None:
    """A state office with no country named: the one state of its sentence no one else holds.

    'Meeting the French envoy, foreign minister X said Chile ...': the French belongs to France,
    so X's office is Chile's.
    """
    person = _canonical(group)
    for mention in body:
        start, end = index.sentence(mention.start, (0, 0))
        states = [p for p in index.spans.starting_in(start, end) if p.type == COUNTRY]
        claimed = {p.name for p in states if _qualifies_other_person(p, index, person)}
        free = list(dict.fromkeys(p.name for p in states if p.name not in claimed))
        if len(free) == 1:
            return free[0]
    return None


def _dominant_state(placed: list[Placed]) -> str | None:
    """The one country an article names, when it names only one and more than once (so a bare
    'Prime Minister X' holds its office there); None when it names none, several, or one in passing."""
    states = [p.name for p in placed if p.type == COUNTRY]
    return states[0] if len(states) >= 2 and len(set(states)) == 1 else None


def _qualifies_other_person(state: Placed, index: RoleIndex, person: str) -> bool:
    """A state mention that qualifies another person named within the next few words."""
    return any(p.type == PERSON and p.name != person and 0 < p.start - state.end
               for p in index.spans.starting_in(state.end + 1, state.end + 40))
