"""The built-in name finder: capitalised spans of a text, cleaned and given a first type.

A span is a run of capitalised words joined by spaces (plus the connectors that live inside names: 'Bank of Valdoria',
'Ursula von der Leyen', 'Hale & Dorsey'). It is then trimmed of what only looks like a name: sentence-initial common
words, titles ('President', 'Gen.'), days and months, model designations ('X-35'), shouting. Each surviving span becomes
a :class:`Mention` with the type its own words or its context suggest and how sure that is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial

from .. import lexicon
from .. import reference as ref
from ..lexicon import HONORIFICS, NAME_PARTICLES, NAMING_PREPOSITIONS, ORG_NOUNS
from ..pubdate import CALENDAR_WORDS, WEEKDAYS
from .figures_units import currency_for
from .text import Token, tokenized

PERSON, ORGANIZATION, COUNTRY, PLACE = "person", "organization", "country", "place"

# How sure a mention's type is: a default guess, a hint from context, the name's own words, reference data.
GUESS, HINT, CUE, KNOWN = 0, 1, 2, 3


@dataclass(frozen=True)
class Mention:
    """One naming of a possible actor.

    Offsets are into the article body, or into the title when ``in_title`` is set. ``country`` is the state the form
    stands for (a country's name, demonym or capital), ``locative`` marks a form right after a place preposition or in
    an address ('in Lisbon', 'Porto, Portugal'). The last three flags let grouping drop what is not an actor after all.
    """

    text: str
    start: int
    end: int
    type: str
    certainty: int
    in_title: bool = False
    country: str | None = None
    locative: bool = False
    sentence_initial: bool = False
    designation: bool = False  # followed by a model number: 'Kestrel 300' (the maker, or the model itself)
    not_actor: bool = False  # names a product, index or event here: 'the X index', 'X laptops', 'X Average'
    unconfirmed: bool = False  # an unknown word seen only at sentence starts: a name only if it joins one
    party: str | None = None  # the party an initial stands for: 'R-Texas' in 'X (R-Texas)'


_TITLE_ABBREVIATIONS = frozenset(ref.TITLE_ABBREVIATIONS)
_KEEPS_PERIOD = _TITLE_ABBREVIATIONS | frozenset(
    word for kind, words, *marks in lexicon.rows("abbreviations.txt") if marks == ["name"] for word in words.split())
_OF_HEADS = lexicon.words("actors_of_heads.txt")
_TITLE_QUALIFIERS = lexicon.words("actors_title_qualifiers.txt")
#: Titles whose 'of' names a portfolio, not an actor: 'Minister of Industry', 'Secretary of State'.
_PORTFOLIO_TITLES = frozenset("minister secretary commissioner undersecretary under-secretary".split())
#: Honorifics that also begin the names of places and things ('Lord Howe Island', 'Lady Elliot Reef').
_PLACE_HONORIFICS = frozenset({"lord", "lady"})
#: What follows a person's surname as part of the name ('Jr.'); alone it names nobody.
NAME_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())
_TRAILING_WORDS = lexicon.NAMING_PREPOSITIONS | {"and", "the"}  # no '&': in 'X & Y' the ampersand is no token
_LOCATIVE = frozenset("in at near outside inside from to into across throughout around toward towards via".split())
_PLACE_PREPOSITIONS = frozenset("in near outside throughout".split())
_PLACE_NOUNS = lexicon.nouns("place_nouns.txt")
# 'Orion Group' is the firm 'Orion'; 'Halvard Group' a firm though 'Halvard' is a given name (no surname is one)
_FIRM_WORDS = lexicon.words("firm_words.txt")
_AUXILIARIES = lexicon.words("actors_subject_verbs.txt") | lexicon.marked("auxiliaries.txt", "subject")
_PERSON_VERBS = lexicon.REPORTING_TENSED | lexicon.BELIEF_TENSED | {"quoted", "wants"}
_P = lexicon.compiled("actors_patterns.txt", {
    "RELATIVE_VERBS": lexicon.alternation(dict(lexicon.rows("actors_relative_roles.txt"))),
    "ORG_NOUNS": lexicon.alternation(ORG_NOUNS),
    "PREPOSITIONS": lexicon.alternation(lexicon.PREPOSITIONS),
})


@dataclass(frozen=True)
class Dateline:
    """Where a dateline is (``start``-``end``, its dash included), its city and its agency (or None)."""

    start: int
    end: int
    city: tuple[int, int]
    agency: tuple[int, int] | None


def datelines(text: str) -> list[Dateline]:
    """The wire datelines of ``text``: a city in capitals with an agency in brackets, a state or a
    date after it, or a city that reference data knows ('LONDON -')."""
    found = []
    for m in _P["DATELINE"].finditer(text):
        city = m.group("city")
        if len(city.replace(".", "")) < 3 or city in ref.COMMON_ACRONYMS or not (
                m.group("agency") or m.group("region") or m.group("date") or known_place(city.title())):
            continue
        agency = m.span("agency") if m.group("agency") else None
        found.append(Dateline(m.start(), m.end(), m.span("city"), agency))
    return found


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets; possessive 's and sentence periods split off."""
    found = []
    for word_token in tokenized(text).words(start, end):
        word = word_token.text
        if word.endswith(".") and not _keeps_period(word[:-1]):
            word = word[:-1]
        # the patterns below need an apostrophe (POSSESSIVE) or a hyphen (HYPHEN_MODIFIER)
        apostrophe = ("'" in word or "’" in word) and not _P["CONTRACTIONS"].search(word)
        trimmed = _P["POSSESSIVE"].sub("", word) if apostrophe else ""
        possessive = bool(trimmed) and trimmed != word
        word = trimmed if possessive else word
        modifier = _P["HYPHEN_MODIFIER"].match(word) if "-" in word and not possessive else None
        word = modifier.group(1) if modifier else word
        found.append(Token(word_token.start, word_token.start + len(word), word, len(found), possessive,
                           possessive or modifier is not None))
    return found


def _keeps_period(word: str) -> bool:
    return "." in word or len(word) == 1 or word.lower() in _KEEPS_PERIOD


def _is_name_word(token: Token) -> bool:
    return token.capitalised and not _P["CONTRACTIONS"].search(token.text) and token.text != "I"


def _is_particle_name(token: Token) -> bool:
    """'al-Rashidi', 'bin-Talib': a lower-case particle fused to a capitalised name."""
    head, _, rest = token.text.partition("-")
    return head.lower() in NAME_PARTICLES and rest[:1].isupper()


def _joined(text: str, left: Token, right: Token, *, hyphen: bool = False) -> bool:
    gap = text[left.end:right.start]
    if left.closed:
        return False
    if gap in (" ", " & ", "&"):
        return True
    return hyphen and gap.strip() == "-" and "\n" not in gap


def midsentence_capitalised(text: str, sentence_starts: frozenset[int], words: list[Token]) -> frozenset[str]:
    """The capitalised words of ``text`` (its ``tokens``) seen somewhere other than at a sentence start,
    and the pairs of capitalised words seen there ('United Nations'): a common word that opens such a
    pair at a sentence start begins the name."""
    inside = [(k, w) for k, w in enumerate(words) if w.capitalised and not _sentence_initial(text, w, sentence_starts)]
    pairs = (f"{w.text} {words[k + 1].text}" for k, w in inside
             if k + 1 < len(words) and words[k + 1].capitalised and text[w.end:words[k + 1].start] == " ")
    return frozenset(w.text for _k, w in inside) | frozenset(pairs)


def find_mentions(text: str, *, in_title: bool = False, lowercase_words: frozenset[str],
                  sentence_starts: frozenset[int], confirmed_words: frozenset[str],
                  words: list[Token] | None = None) -> list[Mention]:
    """The name mentions of ``text`` (a body or a title, its ``tokens`` if the caller has them), in text order.

    A sentence-initial capitalised word among ``lowercase_words`` (seen in lower case elsewhere) is a common
    word; an unknown word seen only at sentence starts, never among ``confirmed_words`` (the capitalised
    words the article uses inside sentences), is not taken for a name.
    """
    words = tokens(text) if words is None else words
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        if not (_is_name_word(words[i]) or _is_particle_name(words[i])):
            i += 1
            continue
        j = _span_end(text, words, i)
        mentions.extend(_clean_span(text, words, i, j, in_title=in_title, lowercase_words=lowercase_words,
                                    sentence_starts=sentence_starts, confirmed_words=confirmed_words))
        i = j
    return mentions


def _span_end(text: str, words: list[Token], i: int) -> int:
    """The index after the last word of the name span that starts at ``i``."""
    j = i + 1
    while j < len(words):
        prev, word = words[j - 1], words[j]
        if prev.possessive and _inner_possessive(text, words, i, j):
            j += 1
            continue
        # 'Export–Import Bank': an unspaced dash between two capitalised words inside a name
        dashed = text[prev.end:word.start] in ("-", "–") and not prev.closed
        if (_joined(text, prev, word, hyphen=j == i + 1) or dashed) and (_is_name_word(word)
                                                                          or _is_particle_name(word)):
            if text[prev.end:word.start] != " " and (known_place(prev.text) or known_place(word.text)):
                break  # 'Brelsk-Orion talks', 'Xland & Yland': a place joined to a name is a name of its own
            j += 1
            continue
        connector = _connector_length(text, words, i, j)
        if connector:
            j += connector
            continue
        break
    return j


_PEOPLE_PLURALS = lexicon.words("actors_people_plurals.txt")
_CONTINENTS = frozenset("Europe Asia Africa America Americas Oceania Australasia Eurasia".split())
_SAINT = frozenset(["St", "St.", "Saint", "Ste", "Ste."])


def _inner_possessive(text: str, words: list[Token], i: int, j: int) -> bool:
    """Whether the possessive word at ``j - 1`` lies inside a name that goes on at ``j``.

    "St. Jude's Hospital", "the Teachers' Union", "the Attorney General's Office": a saint's name, a plural
    possessive or an office holder's title, followed by capitalised words that end in an organisation's head word.
    """
    prev = words[j - 1]
    saint = j - 2 >= i and words[j - 2].text in _SAINT
    plural = (bool(_P["PLURAL_OF_PEOPLE"].search(prev.text)) and text[prev.end:prev.end + 2] in ("' ", "’ ")
              or prev.text.lower() in _PEOPLE_PLURALS) \
        and not ref.country_form(prev.text) and not ref.is_place_name(prev.text)
    office = prev.text.lower() in ref.TITLE_WORDS  # "the Attorney General's Office"
    if not (saint or plural or office) or text[prev.end:words[j].start].strip() not in ("'s", "’s", "'", "’"):
        return False
    k = j
    while k < len(words) and k - j < 3 and _is_name_word(words[k]) and not words[k].possessive \
            and (k == j or text[words[k - 1].end:words[k].start] == " "):
        if words[k].text in ref.ORG_HEADS:
            return True
        k += 1
    return False


def _connector_length(text: str, words: list[Token], i: int, j: int) -> int:
    """How many lower-case connector words at ``j`` continue the name ('of the', 'von der', 'and')."""
    word = words[j].text
    lower = word.lower()
    if not _joined(text, words[j - 1], words[j]):
        return 0
    if lower in NAME_PARTICLES and word == lower:
        k = j
        while k < len(words) and words[k].text in NAME_PARTICLES and k - j < 3 \
                and _joined(text, words[k - 1], words[k]):
            k += 1
        return k - j if k < len(words) and _joined(text, words[k - 1], words[k]) and _is_name_word(words[k]) else 0
    span_words = [w.text for w in words[i:j]]
    n = 1
    if lower in NAMING_PREPOSITIONS and j + 1 < len(words) and words[j + 1].text == "the":
        n = 2
    if j + n >= len(words) or not _joined(text, words[j + n - 1], words[j + n]) or not _is_name_word(words[j + n]):
        return 0
    if lower in NAMING_PREPOSITIONS and word == lower:
        headed = span_words[-1] in _OF_HEADS or _org_head(span_words[-1])
        if not any(w in _OF_HEADS or _org_head(w) for w in span_words) \
                or not headed and any(w in ref.FIRST_NAMES for w in span_words):
            return 0  # not 'Governor Jane Doe of the Bank of X': a person of a body
        if _names_a_place(text, words, j + n) and (span_words[-1] not in _OF_HEADS
                                                   or any(w in ref.ORG_SUFFIXES for w in span_words)):
            return 0  # 'Kestrel Leasing of Valdoria': the firm and where it is, not 'Bank of Valdoria'
        return n
    if lower == "in" and word == lower:
        # 'Organization for Security and Co-operation in Europe': a long name with its 'for' and
        # 'and' goes on through 'in' to a continent
        has_for_and = not NAMING_PREPOSITIONS.isdisjoint(span_words) and "and" in span_words \
            and any(w in ref.ORG_HEADS for w in span_words)
        return n if has_for_and and words[j + 1].text in _CONTINENTS else 0
    if lower == "and" and word == lower:
        candidate = " ".join(span_words + ["and", words[j + 1].text])
        # 'Bank of X and Y', 'Organization for Security and Co-operation': an organisation's name
        # that already has its 'of' or 'for' goes on through 'and'
        has_of = not NAMING_PREPOSITIONS.isdisjoint(span_words) and any(_org_head(w) for w in span_words)
        if known_place(candidate):
            return n
        if has_of:
            cut = max(k for k, w in enumerate(span_words) if w in NAMING_PREPOSITIONS)
            where = " ".join(span_words[cut + 1:])
            if known_place(where) and not known_place(f"{where} and {words[j + 1].text}"):
                return 0  # 'the University of Brelsk and Orion College': the first name ends with its place
            return n if words[j + 1].text not in ref.FIRST_NAMES else 0
        # 'Food and Drug Administration', 'the Brelsk and Kestow Tribes': two words sharing the head after them
        ahead = [w.text for w in words[j + 1:j + 4]]
        head_at = next((k for k, w in enumerate(ahead) if _org_head(w)), None)
        return n if head_at is not None and len(span_words) <= 2 and all(
            _joined(text, words[j + k], words[j + k + 1]) and _is_name_word(words[j + k + 1])
            for k in range(head_at + 1)) and not any(
            _org_head(w) or known_place(w) or w in ref.ORG_SUFFIXES for w in span_words + ahead[:head_at]) \
            and span_words[0] not in ref.FIRST_NAMES else 0
    return 0


def known_place(name: str) -> bool:
    """A country's name, demonym or capital, or a known place."""
    return ref.country_form(name) is not None or ref.is_place_name(name)


def _org_head(word: str) -> bool:
    """An organisation's head word, or its plural ('Centers for ...')."""
    return word in ref.ORG_HEADS or word.endswith("s") and word[:-1] in ref.ORG_HEADS


#: Connectors left out of a name's initials.
ACRONYM_SKIP = lexicon.marked("prepositions.txt", "acronym") | frozenset("the and & de du la le von van".split())


def initials(names: list[str]) -> str:
    """The initials of a name's words, small connectors left out ('Bank of Valdoria' -> 'BV')."""
    return "".join(w[0] for w in names if w.lower() not in ACRONYM_SKIP).upper()


def _acronym_after(span: list[Token]) -> bool:
    """True when the last word of ``span`` is the acronym of the words before it."""
    last = span[-1].text.replace(".", "")
    if not (last.isupper() and len(last) >= 2) or last in ref.COMMON_ACRONYMS:
        return False
    names = [w.text for w in span[:-1]]
    return last == initials(names) or last == "".join(w[0] for w in names).upper()


def _names_a_place(text: str, words: list[Token], k: int) -> bool:
    """Whether the capitalised words from ``k`` on begin with a country's or a known place's name."""
    end = k + 1
    while end < len(words) and end - k < 4 and _joined(text, words[end - 1], words[end]) and _is_name_word(words[end]):
        end += 1
    return any(known_place(" ".join(w.text for w in words[k:stop])) for stop in range(end, k, -1))


def _clean_span(text: str, words: list[Token], i: int, j: int, *, in_title: bool,
                lowercase_words: frozenset[str], sentence_starts: frozenset[int],
                confirmed_words: frozenset[str]) -> list[Mention]:
    clean_part = partial(_clean_span, text, words, in_title=in_title, lowercase_words=lowercase_words,
                         sentence_starts=sentence_starts, confirmed_words=confirmed_words)
    named_person = partial(_typed, text, words, in_title=in_title, titled=True, initial=False)
    span = list(words[i:j])
    if _speaker_label(text, span):
        return _labelled_speaker(text, span, in_title)
    if _table_header(text, span) or sum(len(w.text) <= 2 and w.text.isalpha() and w.text.isupper() for w in span) >= 3:
        return []  # '| Party | Votes |' over '|---|---|', 'Pos Team P W D L Pts': the heads of a table's columns
    initial = _sentence_initial(text, span[0], sentence_starts)
    cell = len(span) > 1 and _table_cell(text, span)
    # leading common words ('Despite', 'Next week', 'The'), unless they begin a known name ('New York')
    # or one the article writes inside a sentence too ('the United Nations'), or fill a table's cell
    while span and _common_word(span[0]) and not _known_prefix(span) and not _written_inside(span, confirmed_words) \
            and not cell and not (span[0].possessive and len(span) > 1):  # 'Teachers' Union', 'People's Bank'
        span.pop(0)
        initial = False
    # 'On Monday Acme said': when, then who (a month may open a name: 'in May Department Stores')
    while len(span) > 1 and span[0].text.lower() in WEEKDAYS:
        span.pop(0)
        initial = False
    if initial and len(span) >= 2 and _common_adjective_before(text, span, confirmed_words) and not cell:
        span.pop(0)  # 'Previous SpaceX pods': a common word before a name the article writes without it
        initial = False
    if initial and len(span) >= 2 and _modifier_of_a_name(text, span):
        span.pop(0)  # 'Thirteen Xlandic soldiers': the name is used without the number too
        initial = False
    cut = next((k for k in range(1, len(span)) if span[k - 1].text.endswith(".") and len(span[k - 1].text) > 2
                and span[k].text.lower() in ref.COMMON_WORDS), None)
    if cut is not None:
        span = span[:cut]  # 'in Washington, D.C. They also said': a new sentence after the abbreviation
    while len(span) > 1 and span[0].text.lower() in _TITLE_QUALIFIERS:
        span.pop(0)  # 'Former Orion CEO X': the modifier belongs to the title
        initial = False
    if span and initial and _verb_form(span[0]) and not _known_prefix(span) \
            and not _written_inside(span, confirmed_words) and not cell:
        span.pop(0)
        initial = False
    dated = bool(span) and span[-1].text.lower() in CALENDAR_WORDS
    while span and span[-1].text.lower() in CALENDAR_WORDS:
        span.pop()
    if dated and len(span) == 1 and span[0].text.lower() in ref.COMMON_ENGLISH_WORDS:
        return []  # 'Black Friday', 'Super Tuesday': a day's name, not 'Black'
    while span and (span[-1].text in NAME_PARTICLES or span[-1].text.lower() in _TRAILING_WORDS):
        span.pop()  # a particle ends a name only in lower case: 'Mark N. Das', 'Kim Le' keep their surname
    while len(span) > 1 and _trailing_title(span) and not _org_words(span[-1:]) \
            and span[0].text not in ref.FIRST_NAMES and span[-2].text not in _TRAILING_WORDS:
        span.pop()  # 'the Harbour Board Press Secretary': the title after an organisation
    while len(span) > 1 and span[-1].text.lower() in ref.ROLE_MODIFIERS and _trailing_title(words[i:j]) \
            and span[-2].text not in _TRAILING_WORDS:
        span.pop()
    while span and span[-1].text in _TRAILING_WORDS:
        span.pop()  # a name never ends in 'of', 'for' or 'and'
    if not span or _shouting(span) or _only_titles(span) or len(span) == 1 and span[0].text in ref.PLACE_HEADS:
        return []
    if len(span) == 1 and _region_adjective(span[0].text):
        return []
    if initial and len(span) == 1 and _common_at_start(span[0], lowercase_words):
        return []
    if initial and len(span) == 1 and _unconfirmed(text, span[0], confirmed_words):
        return [replace(m, unconfirmed=True) for m in _typed(text, words, span, in_title=in_title, titled=False,
                                                             initial=True)]
    cut = next((k for k in range(1, len(span) - 1) if span[k].text in ref.ORG_SUFFIXES
                and span[k + 1].text in ref.FIRST_NAMES), None)
    if cut is not None:
        # 'the founder of Orion Inc. Mara Lind' (a comma lost): the firm's name ends with its legal form
        return clean_part(span[0].index, span[cut].index + 1) + clean_part(span[cut + 1].index, span[-1].index + 1)
    named_at = next((k for k in range(max(1, len(span) - 3), len(span) - 1) if span[k].text in ref.FIRST_NAMES
                     and (span[k - 1].text in ref.ORG_HEADS or span[k - 1].text.lower() in ref.ROLE_MODIFIERS)
                     and (any(_is_title_word(w.text) for w in span[:k]) or k >= 2 and len(span) - k == 2)), None)
    if named_at is not None:
        # 'Director of Harbour Communications Tom Reyes': the office, then the person holding it
        return clean_part(span[0].index, span[named_at].index) + named_person(span[named_at:])
    if len(span) >= 3 and _acronym_after(span):
        # 'Valdoria Farm Workers VFW' (brackets lost in the text): the name, then its acronym
        return clean_part(span[0].index, span[-1].index) + [_mention(text, span[-1:], ORGANIZATION, HINT, in_title)]
    portfolio = next((t for t in range(len(span) - 2) if span[t].text.lower() in _PORTFOLIO_TITLES
                      and span[t + 1].text in NAMING_PREPOSITIONS), None)
    if portfolio is not None and not (portfolio and _org_words(span[:portfolio])):
        named = next((k for k in range(portfolio + 3, len(span) - 1) if span[k].text in ref.FIRST_NAMES), None)
        if named is None:  # 'Minister for Health Navi Pillay': a name of words no portfolio is made of
            named = next((k for k in range(max(portfolio + 3, len(span) - 3), len(span) - 1)
                          if all(_uncommon_name_word(w.text) for w in span[k:])), len(span))
        held = " ".join(w.text for w in span[portfolio + 2:named])
        if not known_place(held):
            # 'the Xland Secretary of State (Jane Doe)', 'Minister for Health': a title and its portfolio, no
            # actor but the state before it and the person after it
            title_start = portfolio
            while title_start and span[title_start - 1].text.lower() in ref.ROLE_MODIFIERS:
                title_start -= 1  # 'UN High Commissioner for X': the modifier belongs to the title
            state = clean_part(span[0].index, span[title_start].index) if title_start else []
            return state + (named_person(span[named:]) if named < len(span) else [])
    split = _inner_title(span)
    if split:
        first = span[0].index
        title_start, name_start = split
        before_title = span[:title_start]
        if span[name_start - 1].text.lower() in _PORTFOLIO_TITLES and not _org_words(before_title) \
                and not any(known_place(w.text) for w in before_title):
            # 'Emergency Situations Minister Jane Doe': the words before the title are its portfolio
            return named_person(span[name_start:])
        return clean_part(first, first + title_start) + named_person(span[name_start:])
    found: list[Mention] = []
    prefix_end = _title_prefix_end(span)
    for word in span[:prefix_end]:
        form = ref.country_form(word.text)
        if form is not None and form.kind != "capital":
            found.append(_mention(text, [word], COUNTRY, KNOWN, in_title, form.country))
    rest = span[prefix_end:]
    titled = prefix_end > 0 and any(_is_title_word(w.text) and w.text.lower().rstrip(".") not in _PLACE_HONORIFICS
                                    or _party_label(span, k) for k, w in enumerate(span[:prefix_end]))
    if rest and rest[0].text in NAMING_PREPOSITIONS:
        # 'Minister of Industry' names a portfolio; 'President of Valdoria', 'Chairman of Orion Ltd.' who he serves
        titled = False
        name = " ".join(w.text for w in rest[1:])
        if span[prefix_end - 1].text.lower() in _PORTFOLIO_TITLES and not known_place(name):
            rest = []
    if rest:
        typed = _typed(text, words, rest, in_title=in_title, titled=titled, initial=initial and prefix_end == 0)
        if found and len(rest) <= 2 and all(w.text.lower() in ref.COMMON_ENGLISH_WORDS and not (
                _org_head(w.text) or w.text in ref.FIRST_NAMES or ref.is_place_name(w.text)) for w in rest):
            typed = [replace(m, unconfirmed=True) for m in typed]  # 'the Xlandic Constitution', 'Xland Federal'
        found.extend(typed)
    return [replace(m, unconfirmed=True) if _bare_common_word(text, m) else m for m in found]


def _table_cell(text: str, span: list[Token]) -> bool:
    """'| Farmers Bloc |': the span fills a cell of a Markdown table."""
    return text[:span[0].start].rstrip(" \t").endswith("|") and text[span[-1].end:].lstrip(" \t").startswith("|")


def _table_header(text: str, span: list[Token]) -> bool:
    """A cell of the row above a Markdown table's '|---|---|' line: a column's head."""
    line_end = text.find("\n", span[-1].end)
    return _table_cell(text, span) and line_end >= 0 and _P["TABLE_RULE"].match(text, line_end + 1) is not None


def _speaker_label(text: str, span: list[Token]) -> bool:
    """A transcript's speaker label: capitals that open a line, then a colon ('MINISTER JO LEE: Thank you.')."""
    line_start = text.rfind("\n", 0, span[0].start) + 1
    return not text[line_start:span[0].start].strip() and text.startswith(": ", span[-1].end) \
        and all(w.text.isupper() for w in span)


def _labelled_speaker(text: str, span: list[Token], in_title: bool) -> list[Mention]:
    """The person a speaker label names, without the title before the name; a label that names a part
    ('MODERATOR', 'Q', 'Q&A', 'UNIDENTIFIED MALE') is no actor. A title makes the rest a name even if it is a word."""
    name_start = 0
    while name_start < len(span) - 1 and (_title_or_modifier(span[name_start].text)
                                          or _is_demonym_or_country(span[name_start])):
        name_start += 1
    name = span[name_start:]
    if not name_start and all(len(w.text) == 1 or w.text in ref.NON_ACTOR_HEADS or w.text.lower()
                              in ref.COMMON_ENGLISH_WORDS and w.text.title() not in ref.FIRST_NAMES for w in name):
        return []
    return [_mention(text, name, PERSON, CUE, in_title)]


def _stage_direction(text: str, span: list[Token]) -> bool:
    """'[CROSSTALK]', '(LAUGHTER)': what a transcript heard, in capitals alone in brackets."""
    inside = text[span[0].start - 1:span[-1].end + 1]
    word = inside[1:-1].lower()
    return inside[:1] + inside[-1:] in ("[]", "()") and len(span) == 1 \
        and (len(word) >= 4 and word in ref.COMMON_ENGLISH_WORDS or word in _TRANSCRIPT_DIRECTIONS)


_TRANSCRIPT_DIRECTIONS = lexicon.words("transcript_directions.txt")


def _bare_common_word(text: str, mention: Mention) -> bool:
    """A common English word cut from a longer capitalised name by a connector or a number ('Use of Unregistered
    Drugs', 'Unite the Right', 'Level 1 Centre'): a piece of that name, not an actor of its own, unless a surer
    mention of the same name joins it."""
    word = mention.text
    if mention.certainty > GUESS or " " in word or "-" in word or word.isupper() or word.lower() not in \
            ref.COMMON_ENGLISH_WORDS or word in ref.FIRST_NAMES or known_place(word):
        return False
    return bool(_P["CAPITALISED_BEFORE_CONNECTOR"].search(text, max(0, mention.start - 60), mention.start)
                or _P["CONNECTOR_BEFORE_CAPITALISED"].match(text, mention.end))


_NUMBER_WORDS = lexicon.CARDINALS | lexicon.marked("amount_words.txt", "round") | lexicon.marked(
    "amount_words.txt", "vague")


def _modifier_of_a_name(text: str, span: list[Token]) -> bool:
    """A number opening a sentence before a state's demonym or a name the article also writes without it
    ('Thirteen Xlandic soldiers'); a common word there may begin the name ('Current Events Ltd.'), so it stays."""
    if span[0].text.lower() not in _NUMBER_WORDS or _known_prefix(span):
        return False
    rest = text[span[1].start:span[-1].end]
    # mid-sentence after a lower-case word, without the number
    return ref.country_form(rest) is not None or re.search(
        r"(?<![\w'’.-])[a-z][a-z'’-]*,? " + re.escape(rest) + r"\b", text) is not None


def _sentence_initial(text: str, token: Token, sentence_starts: frozenset[int]) -> bool:
    """True at a sentence start or right after an opening quote, bracket or colon, or after the
    end of a sentence inside a quotation ('"We are ready. Talks resume today," he said')."""
    if token.start in sentence_starts:
        return True
    before = text[max(0, token.start - 3):token.start].rstrip()
    return before.endswith(("\"", "“", "‘", "(", ":", "|")) \
        or bool(_P["QUOTED_SENTENCE_END"].search(text, max(0, token.start - 4), token.start))


def _trailing_title(span: list[Token]) -> bool:
    """'the Harbour Board Press Secretary': the span ends in a title (a title of its own, or the
    last word of a two-word title), not in a word that only appears inside titles ('Associated Press')."""
    last = span[-1].text.lower().rstrip(".")
    if last in ref.TITLES or last in HONORIFICS or last in _TITLE_ABBREVIATIONS:
        return True
    return len(span) > 2 and f"{span[-2].text.lower()} {last}" in ref.TITLES


def _common_word(token: Token) -> bool:
    """A word that opens a span without being part of the name ('Despite', 'The'); an honorific is not one."""
    word = token.text
    lower = word.lower().rstrip(".")
    return word in ("The", "A", "An") or lower in ref.COMMON_WORDS and not word.isupper() and lower not in HONORIFICS


def _known_prefix(span: list[Token]) -> bool:
    """True when the first words of ``span`` make a known country or place ('New York', 'United States')."""
    if span[0].text in ("The", "A", "An"):
        return False
    return any(known_place(" ".join(w.text for w in span[:k])) for k in range(min(len(span), 4), 1, -1))


def _common_adjective_before(text: str, span: list[Token], confirmed_words: frozenset[str]) -> bool:
    """A common English word (no title, name, place or organisation word) before an uncommon name word that the
    article also writes inside a sentence after a lower-case word, the pair never."""
    first, second = span[0].text, span[1].text
    return first.lower() in ref.COMMON_ENGLISH_WORDS and second in confirmed_words and _uncommon_name_word(second) \
        and first not in ref.FIRST_NAMES and not _title_or_modifier(first) and not _org_head(first) \
        and not known_place(first) and not _is_demonym_or_country(span[0]) and not _known_prefix(span) \
        and not _written_inside(span, confirmed_words) \
        and re.search(r"(?<![\w'’.-])[a-z][\w'’-]* " + re.escape(second) + r"\b", text) is not None


def _uncommon_name_word(word: str) -> bool:
    """A capitalised word that is no English word, place or organisation word: a word of a person's name."""
    return word.lower() not in ref.COMMON_ENGLISH_WORDS and not known_place(word) and not _org_head(word)


def _written_inside(span: list[Token], confirmed_words: frozenset[str]) -> bool:
    """True when the first two words of ``span`` are a pair the article also capitalises inside a sentence."""
    return len(span) > 1 and span[0].text not in ("The", "A", "An") \
        and f"{span[0].text} {span[1].text}" in confirmed_words


def _region_adjective(word: str) -> bool:
    return word in ref.REGION_ADJECTIVES or word.endswith("s") and word[:-1] in ref.REGION_ADJECTIVES


def _is_title_word(word: str) -> bool:
    """A word of a title, or its plural ('Presidents X and Y')."""
    lower = word.lower().rstrip(".")
    if lower.endswith("s") and lower[:-1] in ref.TITLE_WORDS and lower[:-1] not in ref.ROLE_MODIFIERS:
        lower = lower[:-1]
    return lower in ref.TITLE_WORDS or lower in HONORIFICS or lower in _TITLE_ABBREVIATIONS


def _title_or_modifier(word: str) -> bool:
    """A word of a title or a word that qualifies one ('deputy', 'acting', 'former')."""
    return _is_title_word(word) or word.lower().rstrip(".") in ref.ROLE_MODIFIERS


def _party_label(span: list[Token], k: int) -> bool:
    """'Republican' in 'Republican Jane Doe': a political label before a given name."""
    return span[k].text.lower() in ref.PARTY_LABELS and k + 1 < len(span) and span[k + 1].text in ref.FIRST_NAMES


def _only_titles(span: list[Token]) -> bool:
    """'Chief Executive Officer', 'Officer': a title with no name."""
    return any(_is_title_word(w.text) for w in span) and all(_title_or_modifier(w.text) for w in span)


def _inner_title(span: list[Token]) -> tuple[int, int] | None:
    """Where a title inside a span begins and the name after it begins: 'Orion Ltd. CEO Mara Lind' -> (2, 3)."""
    for t in range(len(span) - 2, 0, -1):
        word = span[t].text
        if not _is_title_word(word) or word.lower() in ref.ROLE_MODIFIERS and word.lower() not in ref.TITLES:
            continue
        rest = span[t + 1:]
        if all(w.text in NAME_SUFFIXES for w in rest):
            continue  # 'Tom King Jr.': a surname that is also a title, before the suffix
        if _org_words(rest) or _is_title_word(rest[0].text) or len(rest) > 4 or rest[0].text.islower():
            continue  # 'Secretary of State': a portfolio after the title, no name
        title_start = t
        while title_start > 0 and _title_or_modifier(span[title_start - 1].text):
            title_start -= 1
        return (title_start, t + 1) if title_start else None
    return None


def _unconfirmed(text: str, token: Token, confirmed_words: frozenset[str]) -> bool:
    """A sentence-initial word the article never capitalises elsewhere, unknown and not a speaker."""
    word = token.text
    if word in confirmed_words or word.isupper() or not word[1:].islower() or word in ref.FIRST_NAMES \
            or known_place(word):
        return False
    next_word = text[token.end:token.end + 20].split(None, 1)
    if word.lower() in ref.COMMON_ENGLISH_WORDS:
        return not (next_word and next_word[0].strip(",.") in _PERSON_VERBS)  # 'Cranes were used'; 'Smith said'
    if _P["PLURAL_NOUN"].search(word) and next_word and next_word[0] in _PLURAL_VERBS:
        return True  # 'Retailers had warned', 'Deliveries will begin': a common noun in the plural
    return not (next_word and (next_word[0].strip(",.") in _PERSON_VERBS | _AUXILIARIES or next_word[0].endswith("ed")))


_PLURAL_VERBS = lexicon.marked("auxiliaries.txt", "plural")


def _verb_form(token: Token) -> bool:
    """'Visiting', 'Praising', 'Asked', 'Clearly' at a sentence start: not a name."""
    word = token.text
    return word.endswith(("ing", "ed", "ly")) and len(word) > 4 and word[1:].islower() \
        and not (word in ref.FIRST_NAMES or known_place(word))


def _names_an_organisation(name: str) -> bool:
    """An acronym ('VELCOM') or a name with an organisation's word, and no place: whom a person works for."""
    if known_place(name):
        return False
    words = name.split()
    return len(words) == 1 and name.isupper() and len(name) >= 2 and name not in ref.COMMON_ACRONYMS \
        or any(w in ref.ORG_HEADS for w in words) or words[-1] in ref.ORG_SUFFIXES


def _shouting(span: list[Token]) -> bool:
    """ALL CAPS text of several words ('BREAKING NEWS FROM'), not an acronym."""
    letters = [w for w in span if len(w.text) > 1]
    return len(letters) >= 3 and all(w.text.isupper() for w in letters)


def _common_at_start(token: Token, lowercase_words: frozenset[str]) -> bool:
    word = token.text
    if known_place(word) or word in ref.FIRST_NAMES:
        return False
    if word.isupper() and len(word) > 1:
        return word in ref.COMMON_ACRONYMS
    lower = word.lower().rstrip(".")
    return lower in lowercase_words or lower in ref.COMMON_WORDS or word.endswith("ly")


def _title_prefix_end(span: list[Token]) -> int:
    """How many leading words are a title before a name ('French President', 'Gen.', 'Mr.').

    A span that ends in an organisation word keeps its prefix ('General Lumber Works', 'Finance
    Ministry', 'Chilean Navy'): there the words are part of the name.
    """
    whole = " ".join(w.text for w in span)
    if len(span) < 2 or known_place(whole):
        return 0  # 'Saudi Arabia', 'South Sudanese': a demonym that begins a state's own name
    if _org_words(_outside_titles(span)):
        return 1 if _is_demonym_or_country(span[0]) and not _org_words(span[1:]) else 0
    k = 0
    while k < len(span) - 1 and (_title_or_modifier(span[k].text) or _party_label(span, k)
                                 or _is_demonym_or_country(span[k])):
        k += 1
    if k and not any(_is_title_word(span[m].text) or _party_label(span, m) for m in range(k)):
        # only demonyms/modifiers before the name: 'French Pierre' is not a title
        return 1 if _is_demonym_or_country(span[0]) else 0
    return k


def _outside_titles(span: list[Token]) -> list[Token]:
    """The words of ``span`` without those that name a portfolio before a title ('Finance' in
    'Finance Minister X', 'Trade' in 'Trade Secretary X'), which are no organisation words there."""
    return [w for k, w in enumerate(span) if not (k + 1 < len(span) - 1 and span[k + 1].text.lower() in ref.TITLES)]


def _is_demonym_or_country(token: Token) -> bool:
    return country_kind(token.text) in ("demonym", "name")


def _org_words(span: list[Token]) -> bool:
    return any(w.text in ref.ORG_HEADS for w in span) or span[-1].text in ref.ORG_SUFFIXES


def people_of_place(name: str) -> str | None:
    """The place whose people a plural demonym names ('Montanans' -> 'Montana'), for places named in -a."""
    return name[:-2] if name.endswith("ans") and " " not in name and ref.is_place_name(name[:-2]) else None


def _mention(text: str, span: list[Token], type_: str, certainty: int, in_title: bool,
             country: str | None = None, locative: bool = False, initial: bool = False) -> Mention:
    start, end = span[0].start, span[-1].end
    return Mention(text=text[start:end], start=start, end=end, type=type_, certainty=certainty,
                   in_title=in_title, country=country, locative=locative, sentence_initial=initial)


def _typed(text: str, words: list[Token], span: list[Token], *, in_title: bool, titled: bool,
           initial: bool, numbered: bool = True, checked: bool = False) -> list[Mention]:
    """Type a cleaned span from its own words, reference data and its context."""
    while span and span[0].text.islower():
        span = span[1:]
    if not span or text.startswith("$", span[-1].end) or _after_model_number(text, words, span[0]):
        return []
    if len(span) >= 2 and span[-1].text == "Flight" and _P["DESIGNATION_AFTER"].match(text, span[-1].end):
        return [_mention(text, span[:-1], ORGANIZATION, CUE, in_title)]
    if len(span) == 1 and (span[0].text in ref.ORG_SUFFIXES or span[0].text in NAME_SUFFIXES):
        return []  # 'X Partners, LLC', 'X, Sr.': a legal form or a name suffix on its own names no one
    party = party_and_state(text, span[0].start - 1)
    if party is not None:  # 'Sen. X (R-Texas)': the legislator's party (none for an independent) and state
        return [replace(_mention(text, span, ORGANIZATION, KNOWN, in_title), party=party)] if party else []
    name = text[span[0].start:span[-1].end]
    again = partial(_typed, text, words, span, in_title=in_title, titled=titled, initial=initial)
    if not checked and not ref.country_form(name) and _names_a_thing(text, span):
        return [replace(m, not_actor=True) for m in again(numbered=numbered, checked=True)]
    before = _words_before(text, words, span[0], 3)
    after = text[span[-1].end:span[-1].end + 40]
    locative = bool(before) and before[-1] in _LOCATIVE and not _after_shares_in(text, span[0].start) \
        or in_address(text, span[0].start, span[-1].end)
    form = ref.country_form(name)
    if form is not None:
        currency = _P["NEXT_WORD"].match(after)
        if currency and currency_for(currency.group(1), name):
            return []  # 'Xlandic dollars', 'Slovak euros': the money a state uses, not the state
        return [_mention(text, span, COUNTRY, KNOWN, in_title, form.country, locative, initial)]
    if len(span) == 1 and _not_a_name_word(name):
        return []
    if people_of_place(name):
        return [_mention(text, span, PLACE, KNOWN, in_title, initial=initial)]  # 'Xlandians' of the region
    if len(span) >= 2 and _a_people(span):
        return []
    if numbered and _P["DESIGNATION_AFTER"].match(after):
        return [replace(m, designation=True) for m in again(numbered=False)]
    if any(_is_model_designation(w) for w in span):
        return []
    if ref.is_place_name(name):
        return [_mention(text, span, PLACE, KNOWN, in_title, initial=initial)]
    if _P["BASED_AFTER"].match(text, span[-1].end) and not _org_words(span):
        return [_mention(text, span, PLACE, CUE, in_title, initial=initial)]  # 'the Brelsk-based maker
    if span[-1].text in ref.PLACE_HEADS and len(span) >= 2 and not _org_words(span[:-1]) \
            and not (span[0].text in ref.FIRST_NAMES and _described_as_a_person(after)):
        return [_mention(text, span, PLACE, CUE, in_title, initial=initial)]  # not 'Jo Park, a member of X
    if _org_words(span) and not (span[0].text in ref.FIRST_NAMES and len(span) == 2 and span[-1].text in ref.ORG_HEADS
                                 and not span[-1].text.endswith("s") and span[-1].text not in _FIRM_WORDS):
        return [_mention(text, span, ORGANIZATION, CUE, in_title, initial=initial)]
    if name.endswith("s") and name[:-1].replace(".", "") in ref.COMMON_ACRONYMS:
        return []  # 'SUVs', 'CEOs'
    if name.isupper() and len(name.replace(".", "").replace("-", "")) >= 2:
        if _stage_direction(text, span) or len(span) == 1 and _P["CLOCK_BEFORE"].search(text, 0, span[0].start):
            return []  # '[CROSSTALK]'; '3:45 p.m. ET': a time zone
        acronym = name.replace(".", "") in ref.COMMON_ACRONYMS  # 'CEO', 'GDP': a common noun's acronym
        return [] if acronym else [_mention(text, span, ORGANIZATION, HINT, in_title, initial=initial)]
    spelled = name.replace(" & ", " and ")
    if spelled != name and not ref.country_form(spelled) and not ref.is_place_name(spelled):
        return [_mention(text, span, ORGANIZATION, CUE, in_title, initial=initial)]  # 'Orr & Pryce': a firm
    type_, certainty = _context_type(span, before, after, titled=titled, locative=locative,
                                     preceding=text[max(0, span[0].start - 30):span[0].start])
    return [_mention(text, span, type_, certainty, in_title, locative=locative, initial=initial)]


def party_and_state(text: str, start: int) -> str | None:
    """The party of '(R-Texas)', '(D-N.Y.)' when those brackets open at ``start``; '' for an independent."""
    m = _P["PARTY_AND_STATE"].match(text, start) if start >= 0 else None
    return ref.PARTY_INITIALS.get(m[1], "") if m else None


#: First words that make a capitalised name a weather system ('Storm X', 'Typhoon X').
_WEATHER_EVENTS = frozenset("Storm Hurricane Typhoon Cyclone Tornado Blizzard".split())


def in_address(text: str, start: int, end: int) -> bool:
    """'Austin, Texas' / 'Porto, Portugal': the name at ``text[start:end]`` is a place in a 'City, Region' address."""
    before = _P["ADDRESS_BEFORE"].search(text, max(0, start - 40), start)
    city = before.group().rstrip(", ") if before else ""
    return bool(before) and (ref.is_place_name(city) or country_kind(city) == "capital") or _region_after(text, end)


def _region_after(text: str, end: int) -> bool:
    """', Portugal', ', Texas': a known place or country after a comma at ``end`` (not 'Xland's', 'X and Y')."""
    after = _P["ADDRESS_AFTER"].match(text, end)
    return bool(after) and known_place(after.group(1).rstrip(".")) \
        and not text.startswith(("'", "’", " and"), after.end())


def country_kind(word: str) -> str | None:
    """What kind of a country's form ``word`` is ('name', 'demonym', 'capital'), if it is one."""
    form = ref.country_form(word)
    return form.kind if form is not None else None


def _after_shares_in(text: str, start: int) -> bool:
    """'shares in X', 'a stake in X': the name at ``start`` is the firm's."""
    return _P["SHARES_IN"].search(text, max(0, start - 20), start) is not None


def _names_a_thing(text: str, span: list[Token]) -> bool:
    """'Nordic Industrial Average', 'the X index', 'X laptops', 'X fell 2%', 'browser X', 'X, the latest
    version of', 'iWidget Store', a name in quotes: a product, index, event or plan."""
    if span[-1].text in ref.NON_ACTOR_HEADS or _P["INDEX_MOVE_AFTER"].match(text, span[-1].end) \
            and not _after_shares_in(text, span[0].start):
        return True  # not 'shares in X fell 7%': X is the firm
    head = next((k for k in range(len(span) - 1) if span[k + 1].text in NAMING_PREPOSITIONS or _P["ROMAN"].fullmatch(
        span[k + 1].text) and k + 2 == len(span)), None)
    if head is not None and span[head].text in ref.NON_ACTOR_HEADS:
        return True  # 'the Valdoria Prize for Poetry', 'the Great War II', 'the Treaty of Brelsk'
    if len(span) >= 2 and span[0].text in _WEATHER_EVENTS:
        return True  # 'Storm X', 'Hurricane X': a named weather system
    noun = _P["PRODUCT_AFTER"].match(text, span[-1].end)
    if noun and (noun.group(1) in ref.PRODUCT_NOUNS or f"{noun.group(1)} {noun.group(2)}" in ref.PRODUCT_NOUNS
                 or noun.group(1) in _INDEX_MODIFIERS and _INDEX_WORDS & {noun.group(2), noun.group(3)}):
        return True
    start, end = span[0].start, span[-1].end
    before = _P["THING_BEFORE"].search(text, max(0, start - 40), start)
    if before and before.group(1) in _THING_NOUNS_BEFORE:
        return True  # 'the web browser X', 'the stock index X', 'the main index, the X 100'
    if _P["BRAND_BEFORE"].search(text, max(0, start - 30), start):
        return True  # 'the iWidget Developer Program': a line of a product brand
    apposition = _P["APPOSITION"].match(text, end)
    if apposition and apposition.group(2).lower() in _THING_APPOSITIONS:
        return True
    quoted = start > 0 and text[start - 1] in "\"“" and text[end:end + 1] in ("\"", "”")
    return quoted and not _org_words(span) and span[0].text not in ref.FIRST_NAMES \
        and not (len(span) == 1 and span[0].text.isupper())


#: Nouns before 'index' or 'average' that make a name before them an index: 'the X stock market index'.
_INDEX_MODIFIERS = frozenset("stock share market equity benchmark composite blue-chip".split())
_INDEX_WORDS = frozenset("index indices indexes average".split())
#: Nouns right before a name that make it a product or an index ('the browser X'); not event nouns
#: ('at a news conference X said').
_THING_NOUNS_BEFORE = (ref.PRODUCT_NOUNS | _INDEX_WORDS | {"model"}) - frozenset(
    "summit conference festival programme player players computer computers software".split())
_THING_APPOSITIONS = frozenset("version edition release update successor sequel index".split())


def _a_people(span: list[Token]) -> bool:
    """'Native Xlanders', 'Highland Kenyans': words before a demonym or a region's adjective name a people or
    qualify something else ('Central European time'), never an actor."""
    last = span[-1].text
    if span[0].text.lower() in _COMPASS:
        return False  # 'North Xlandic', 'Eastern Mediterranean': a region
    kind = country_kind(last) or country_kind(last.removesuffix("s"))
    return (kind == "demonym" or _region_adjective(last)) \
        and not _org_words(span) and not any(ref.country_form(w.text) for w in span[:-1])


_COMPASS = lexicon.words("compass_words.txt")


def _not_a_name_word(word: str) -> bool:
    """A language ('Swahili'), a compound of demonyms ('Xlandic-Ylandic' talks) or a class word ('Kestrel-class')."""
    if word in ref.LANGUAGES and not (ref.is_place_name(word) or word in ref.FIRST_NAMES):
        return True
    parts = word.split("-")
    if len(parts) < 2 or _is_particle_name(Token(0, 0, word)):
        return False
    return parts[-1].islower() or all(ref.country_form(part) for part in parts)


def _after_model_number(text: str, words: list[Token], first: Token) -> bool:
    """'300 Kestrel', 'T5 Max': a capitalised word right after a model number names the model."""
    if first.index == 0:
        return False
    previous = words[first.index - 1]
    return text[previous.end:first.start] == " " and _is_model_designation(previous) \
        and not _P["SMALL_NUMBER_OR_YEAR"].fullmatch(previous.text) and not _list_number(text, previous)


def _list_number(text: str, token: Token) -> bool:
    """'1.', '12)' opening a line: the number of an item in a list, not a model number."""
    line_start = text.rfind("\n", 0, token.start) + 1
    return bool(_P["LIST_NUMBER"].fullmatch(token.text)) and not text[line_start:token.start].strip()


def _is_model_designation(token: Token) -> bool:
    return any(c.isdigit() for c in token.text)


def _words_before(text: str, words: list[Token], first: Token, n: int) -> list[str]:
    """Up to ``n`` words right before ``first`` in its clause (no clause mark from the word on), lower-cased."""
    found: list[str] = []
    for word in reversed(words[max(0, first.index - n):first.index]):
        if _P["CLAUSE_MARK"].search(text, word.start, first.start):
            break
        found.insert(0, word.text.lower())
    return found


#: Lower-case nouns of land, water and areas that make the name before them a place's ('the X river').
_FEATURE_NOUNS = lexicon.nouns("place_feature_nouns.txt")


_CREDIT_WORDS = lexicon.words("credit_words.txt")  # 'Reporting by X', 'Editing by Y'


def _middle_initial(span: list[Token]) -> bool:
    """'Krishna N. Das', 'J. R. Tolvik', 'P. Quist': a given name or initials, then the surname, the shape of a
    person's name."""
    given = len(span) - 1
    while given and _P["INITIAL"].fullmatch(span[given - 1].text):
        given -= 1
    return 0 < len(span) - 1 - given <= 3 and _P["NAME_WORD"].fullmatch(span[-1].text) is not None \
        and (given == 0 or given == 1 and len(span) == 3 and _P["NAME_WORD"].fullmatch(span[0].text) is not None)


def _described_as_a_person(after: str) -> bool:
    """', 52,', ', who', ', a member of': what follows a name describes a person."""
    apposition = _P["APPOSITION"].match(after)
    return bool(_P["AGE"].match(after) or _P["WHO_AFTER"].match(after)
                or apposition and apposition.group(2).lower() in ref.TITLE_WORDS)


def _context_type(span: list[Token], before: list[str], after: str, *, titled: bool,
                  locative: bool, preceding: str = "") -> tuple[str, int]:
    first_name = len(span) >= 2 and (span[0].text in ref.FIRST_NAMES or all(
        part in ref.FIRST_NAMES for part in span[0].text.split("-")))  # 'Jean-Yves Le Bras
    if titled:
        return PERSON, CUE
    second, last = ([""] * 2 + before)[-2:]  # the two words right before the name ("" for none)
    if (last in ref.TITLE_WORDS or " ".join(before[-2:]) in ref.TITLES) and (last not in (
            "head", "chief", "leader", "partner", "owner", "player") or ref.country_form(second.capitalize())):
        return PERSON, CUE  # 'foreign minister X', 'Xlandic leader X' (not 'market leader X')
    if last in ORG_NOUNS and not re.search(r"['’]s?\s+$", preceding):
        return ORGANIZATION, CUE  # 'carmaker X', not 'the Orion Fund's X'
    if last in _PLACE_NOUNS or last == "of" and second in _PLACE_NOUNS:
        return PLACE, CUE  # 'the towns of X', 'the village X'
    if _P["POLITY_BEFORE"].search(preceding) or _P["POLITY_AFTER"].match(after):
        return PLACE, CUE  # 'the government of X', 'X's prime minister': a state or territory the data lack
    title = _P["TITLE_BEFORE_COMMA"].search(preceding) if not before else None
    if title and (title[2] in ref.TITLES and title[2] not in ref.ROLE_MODIFIERS
                  or f"{title[1]} {title[2]}" in ref.TITLES):
        return PERSON, CUE  # 'the prime minister, X, said', 'its chief executive, X'
    if title and (place := _P["THE_NOUN_BEFORE_COMMA"].search(preceding)) and place[1] in _PLACE_NOUNS:
        return PLACE, CUE  # 'in the capital, X', 'the port city, X'
    if (_P["AGE"].match(after) or _P["WHO_AFTER"].match(after)) and not (last == "the" and span[-1].text[-1] == "s"):
        return PERSON, CUE  # 'X, 52, said', 'X, who chairs the union' (not 'the Social Democrats, who won')
    if (feature := _P["NEXT_WORD"].match(after)) and feature.group(1) in _FEATURE_NOUNS:
        return PLACE, CUE  # 'the Orlen river', 'the Kessa region'
    apposition = _P["APPOSITION"].match(after)
    if apposition:
        head = apposition.group(2).lower()
        if head in ORG_NOUNS:
            return ORGANIZATION, CUE
        if head in ref.TITLE_WORDS:
            return PERSON, CUE
    member_of = _P["MEMBER_OF"].match(after)
    if member_of and not _org_words(span) and _names_an_organisation(member_of.group(1)):
        return PERSON, HINT  # 'Mara Lind of the Orion Institute said', 'X of VELCOM observed'
    if last == "by" and second in _CREDIT_WORDS:
        return PERSON, CUE  # '(Reporting by X; Editing by Y)', 'Photograph by X'
    if first_name or _middle_initial(span):
        return PERSON, HINT
    if _region_after(after, 0):
        return PLACE, HINT
    if locative and last in _PLACE_PREPOSITIONS:
        return PLACE, HINT
    return ORGANIZATION, GUESS
