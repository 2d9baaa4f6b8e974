"""Attribution: who the text says spoke a quotation, and through which outlet.

Rules over words, not a parser: a reporting verb ("said", "told", "added" ...) next to a quotation, and the noun phrase
that is its subject, found by walking over the words around the verb. The phrase is returned as a :class:`Mention` with
its offsets, so the caller can resolve it to an actor of the brief.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import groupby

from .. import lexicon
from .. import reference as ref
from ..lexicon import NAME_PARTICLES, POSSESSIVE_PRONOUNS, REPORTING_VERBS, SPOKES_NOUNS, SUBJECT_PRONOUNS
from ..pubdate import CALENDAR_WORDS
from ..reference import AMBIGUOUS_SPEAKER_TITLES as AMBIGUOUS_TITLES, SPEAKER_TITLES as TITLES
from ..sentences import TITLE_ABBREVIATIONS, TRAILING_ABBREVIATIONS
from .text import Token, tokenized

#: Head words and legal forms of organisation names, lower case ('ministry', 'institute', 'inc.').
ORG_WORDS = frozenset(word.lower() for word in ref.ORG_HEADS | ref.ORG_SUFFIXES)
OUTLET_WORDS = lexicon.phrases("quotes_outlet_words.txt")
#: The forms of "tell", whose object is the addressee ("X told Outlet that ...").
TELL_FORMS = next(verb.forms for verb in lexicon.verbs("reporting_verbs.txt") if verb.lemma == "tell")
PAST_VERBS = lexicon.phrases("quotes_past_verbs.txt")

PERSON_PRONOUNS = lexicon.marked("pronouns.txt", "subject", "person")
GROUP_PRONOUNS = lexicon.marked("pronouns.txt", "subject", "group")
#: The articles, not every determiner (lexicon.DETERMINERS): "that", "this", "no" also open clauses and
#: time phrases ("said that cats ...", "this week"), which must not be read as a speaker.
ARTICLES = lexicon.marked("determiners.txt", "article")
# Words that link the parts of a long name: "Bank of England", "Secretary of the Navy".
CONNECTORS = lexicon.marked("prepositions.txt", "connector") | {"the", "and", "&"}
# Capitalised words that open a sentence without being part of a name.
_LEADING_WORDS = lexicon.words("quotes_leading_words.txt")
# Words between a subject and its verb: "Smith also said", "the ministry has said".
_SKIPPABLE = lexicon.words("quotes_skippable.txt")
GROUP_NOUNS = lexicon.phrases("speaking_groups.txt")
MESSAGE_NOUNS = lexicon.nouns("message_nouns.txt")

_P = lexicon.compiled("quotes_patterns.txt", {})
_ABBREVIATIONS = TITLE_ABBREVIATIONS | TRAILING_ABBREVIATIONS | {"asst", "dept"}
RELATIVES = lexicon.marked("conjunctions.txt", "relative")
_COORDINATING = lexicon.marked("conjunctions.txt", "coordinating")
# "Every morning at seven, Jane Doe ...": the subject follows the comma
_EVERY = lexicon.marked("determiners.txt", "distributive")
_OBJECT_PREPOSITIONS = lexicon.marked("prepositions.txt", "object")
_SPOKES_PREPOSITIONS = lexicon.marked("prepositions.txt", "spokes")
_TIME_OR_PLACE_PREPOSITIONS = lexicon.marked("prepositions.txt", "time-place")
_PARTICIPLE_SUBJECTLESS = frozenset({",", "and", "before", "after", "while", "when", "by", "as"})
_SPOKES_MODIFIERS = lexicon.words("quotes_spokes_modifiers.txt")
# Words that end a description opened by an article: "a spokesman for the ministry said in ...".
_PHRASE_ENDS = lexicon.words("quotes_phrase_ends.txt")
# Words that open an introductory phrase ("In a speech on Monday, ...").
_INTRODUCERS = lexicon.words("quotes_introducers.txt")
_AUXILIARIES = lexicon.marked("auxiliaries.txt", "finite")
_QUESTIONED = lexicon.words("quotes_questioned.txt")
_LEAD_WORDS = ARTICLES | OUTLET_WORDS | ORG_WORDS
_NOT_PRESENT_VERBS = GROUP_NOUNS | TITLES | ORG_WORDS | MESSAGE_NOUNS  # nouns, in -s too ("analysts")
_CARRIER_VERBS = lexicon.words("quotes_carrier_verbs.txt")
_ATTRIBUTING_VERBS = REPORTING_VERBS | _CARRIER_VERBS
_TRANSLATION_VERBS = lexicon.words("quotes_translation_verbs.txt")
_TALK_NOUNS = lexicon.words("quotes_talk_nouns.txt")
_SIGNING_DASHES = ("—", "–", "--")  # before a name that signs a quotation; a hyphen never does
_DASHES = frozenset(_SIGNING_DASHES) | {"-"}
_SHORT_SUBJECT = 10  # words of an opening subject in general
_LONG_SUBJECT = 16  # ... and before a reporting verb ("A spokesman for the International Committee of ... said")


@dataclass(frozen=True)
class Mention:
    """How the text names a speaker or an outlet; the offsets span the whole noun phrase, titles included."""

    text: str  # the name without titles ("Ada Brook"), the pronoun, or the description ("a ministry official")
    start: int
    end: int
    kind: str  # name | pronoun | description
    role: str | None = None  # a title or appositive the text gives ("Oregon senator", "analyst")


@dataclass(frozen=True)
class Attribution:
    """The attribution found for one quotation: who spoke (None when the text names nobody), through which outlet."""

    speaker: Mention | None
    via: Mention | None = None
    # the attribution names only the carrier ("an agency rendered the words as"): the speaker is the one before
    inherits: bool = False


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; a period stays only on abbreviations and initials ("Mr.")."""
    tokens: list[Token] = []
    for token in tokenized(text).attribution_tokens(start, end):
        word = tokens[-1].text + "." if tokens and token.text == "." and tokens[-1].end == token.start else None
        if word is not None and (_P["INITIALS"].match(word) or word[:-1].lower() in _ABBREVIATIONS):
            tokens[-1] = Token(tokens[-1].start, token.end, word)
        else:
            tokens.append(token)
    return tokens


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or bool(_P["MIXED_CASE"].match(word))


def is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


# --- noun phrases ---------------------------------------------------------------------


def subject_before(tokens: list[Token], end: int, *, stop: int = 0) -> Mention | None:
    """The subject of the verb ``tokens[end]``, past auxiliaries and adverbs ("has also said"). When the words
    right before the verb are not a name, an earlier comma-separated part that is one speaks ("Jane Doe, an
    analyst, said")."""
    k = end
    while k > stop and tokens[k - 1].lower in _SKIPPABLE:
        k -= 1
    # 'The minister on Monday said', 'The court in May 2019 ruled': when is no part of who
    k = next((i for i in range(k - 2, stop, -1) if tokens[i].lower in _TIME_OR_PLACE_PREPOSITIONS
              and tokens[i + 1].lower in CALENDAR_WORDS
              and all(t.lower in CALENDAR_WORDS or t.text.isdigit() for t in tokens[i + 1:k])), k)
    bracket = k - 1 if k > stop and tokens[k - 1].text == "," else k  # 'the Kessa Forces (KF), said': the Forces
    if bracket - 3 >= stop and [t.text for t in tokens[bracket - 3:bracket:2]] == ["(", ")"] \
            and tokens[bracket - 2].text.isupper():
        k = bracket - 3
    clause = _clause_start(tokens, k, stop)
    if k - 1 > clause and tokens[k - 1].lower in _COORDINATING:  # 'X backed the accord but warned': X
        return leading_subject(tokens[clause:k - 1])
    parts = _comma_parts(tokens, clause, k)
    if len(parts) > 1 and tokens[parts[-1][0]].lower in _COORDINATING and tokens[k - 1].text != "," \
            and parts[-1][1] > parts[-1][0] + 1:
        parts = [(parts[-1][0] + 1, parts[-1][1])]  # '…, but later tests indicated': a clause of its own
    if not parts:
        return None
    relative = next((part for part in parts[1:] if tokens[part[0]].lower in RELATIVES - {"that"}), None)
    if relative is not None and (relative is parts[-1] or tokens[k - 1].text == ","):
        own = noun_phrase_ending(tokens, k, stop=relative[0] + 1) if relative[1] == k else None
        if own is not None and own.start == tokens[relative[0] + 1].start:
            return own  # 'the flight, which Acme said might go ahead': the relative clause has its own subject
        # "Jane Doe, who is in Xton, Yland meeting with …, said": the relative clause holds commas of its own
        # (not "X, who denies it, will appeal, his lawyer Y said", where Y is the subject)
        return subject_before(tokens, relative[0] - 1, stop=clause)
    last_start, last_end = parts[-1]
    # 'X speaking to the Y Council called it': the subject ends before its participle
    last_end = next((k for k in range(last_start + 1, last_end) if tokens[k].lower.endswith("ing")
                     and tokens[k].lower in REPORTING_VERBS and is_capitalised(tokens[k - 1].text)), last_end)
    mention = _name_led_clause(tokens, last_start, last_end) or noun_phrase_ending(tokens, last_end, stop=last_start)
    appositive_last = len(parts) > 1 and (tokens[last_start].lower in ARTICLES | RELATIVES
                                          or tokens[last_start].text.islower()
                                          and (mention is None or _object_of_preposition(tokens, mention,
                                                                                         last_start + 1)))
    holder = _holder_of_object(tokens, last_start, mention)
    if mention is not None and mention.kind in ("name", "pronoun") and not appositive_last:
        return holder or mention
    if mention is not None and mention.kind != "name" and tokens[k - 1].text != "," \
            and tokens[last_start].lower in ARTICLES and not ref.title_headed(mention.text):
        return mention  # 'X, the club announced': that phrase is the subject ('X, an analyst, said': X)
    for index in range(len(parts) - 2, -1, -1):
        named = _whole_name(tokens, *parts[index])
        if named is not None:
            role_tokens = _without_article(tokens[slice(*parts[index + 1])])
            role = _span_text(role_tokens) if role_tokens and role_tokens[0].lower not in RELATIVES else None
            return replace(named, role=role or named.role)
    if appositive_last and tokens[k - 1].text == ",":  # 'The firm, based in Xton, said': not the aside's object
        return noun_phrase_ending(tokens, parts[-2][1], stop=parts[-2][0]) or mention
    return holder or mention


def _holder_of_object(tokens: list[Token], start: int, mention: Mention | None) -> Mention | None:
    """``officials in Xton``, ``the mayor of Xton``: a name that is the object of a preposition after a few
    lower-case words from ``tokens[start]`` on, headed by a title or a group of people, is not who spoke; the whole
    phrase is, a description. Not 'the armed wing of Acme' (a part of Acme speaks as Acme), nor a spokesperson's
    body, whose mention is the body already."""
    if mention is None or mention.kind != "name" or mention.role and mention.role.split()[-1].lower() in SPOKES_NOUNS:
        return None
    at = next((i for i in range(start + 1, len(tokens)) if tokens[i].start == mention.start), None)
    if at is None or tokens[at - 1].lower not in _OBJECT_PREPOSITIONS - {"at"}:
        return None  # 'researchers at Acme' speak for Acme
    lead = tokens[start:at - 1]
    if not 1 <= len(lead) <= 4 or not all(t.text.isalpha() and t.text.islower() for t in lead[1:]) \
            or lead[-1].lower not in TITLES | GROUP_NOUNS or not (lead[0].lower in ARTICLES or lead[0].text.islower()):
        return None
    phrase = [t for t in tokens[start:] if t.end <= mention.end]
    return Mention(_span_text(phrase), phrase[0].start, mention.end, "description")


def _object_of_preposition(tokens: list[Token], mention: Mention | None, start: int = 1) -> bool:
    """``prime minister of Xland``, ``appeared on Outlet``: the mention follows a preposition at ``start`` or later."""
    index = next((i for i in range(start, len(tokens)) if mention and tokens[i].start == mention.start), 0)
    return index > 0 and tokens[index - 1].lower in _OBJECT_PREPOSITIONS


def _clause_start(tokens: list[Token], end: int, stop: int = 0) -> int:
    """Index after the last ``;``, ``:`` or bracket before ``end``."""
    return next((i + 1 for i in range(end - 1, stop - 1, -1) if tokens[i].text in ";:()[]"), stop)


def _comma_parts(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) token ranges between the commas of ``tokens[start:end]``, empty ones dropped."""
    commas = [i for i in range(start, end) if tokens[i].text == ","]
    return [(a, b) for a, b in zip([start] + [c + 1 for c in commas], commas + [end]) if b > a]


def _whole_name(tokens: list[Token], start: int, end: int) -> Mention | None:
    """The name that makes up ``tokens[start:end]`` (titles allowed before it), or None."""
    mention = noun_phrase_ending(tokens, end, stop=start)
    if mention is None or mention.kind != "name" or tokens[start].lower in lexicon.PREPOSITIONS \
            or any(t.lower in CALENDAR_WORDS for t in tokens[start:end]):
        return None  # 'In Xtown, the minister said', 'Late on Sunday, the Forces said': where or when, not who
    before = [t for t in tokens[start:end] if t.end <= mention.start]
    if len(before) > 4 or any(not (t.lower in TITLES or is_capitalised(t.text) or t.lower in ARTICLES) for t in before):
        return None
    return mention


def _name_led_clause(tokens: list[Token], start: int, end: int) -> Mention | None:
    """``Jane Doe an analyst at Acme``: a name followed by an article opens the phrase."""
    k = start
    while k < end and (is_capitalised(tokens[k].text) or tokens[k].lower in NAME_PARTICLES):
        k += 1
    if k == start or k + 1 >= end or tokens[k].lower not in {"a", "an"} or not tokens[k + 1].text.islower():
        return None
    name = noun_phrase_ending(tokens, k, stop=start)
    return replace(name, role=_span_text(tokens[k + 1:end])) if name is not None and name.kind == "name" else None


def noun_phrase_ending(tokens: list[Token], end: int, *, stop: int = 0) -> Mention | None:
    """The noun phrase made of ``tokens[..end]``: a pronoun, a name or a description."""
    if end <= stop or not is_word(tokens[end - 1]):
        return None
    last = tokens[end - 1]
    if last.lower in SUBJECT_PRONOUNS:
        return Mention(last.text, last.start, last.end, "pronoun")
    phrase_ending = _name_ending if is_capitalised(last.text) else _description_ending
    return _spoken_for(tokens, phrase_ending(tokens, end, stop), stop)


def _spoken_for(tokens: list[Token], mention: Mention | None, stop: int) -> Mention | None:
    """A spokesperson speaks for the body they represent: ``a spokeswoman for the ministry`` is the
    ministry, ``a Acme spokesman`` / ``a ministry spokeswoman`` is Acme / the ministry; the mention keeps
    the spokesperson as its role (so that a later "she" is that body)."""
    if mention is None or mention.role is not None and mention.role.split()[-1].lower() in SPOKES_NOUNS:
        return mention
    words = mention.text.split()
    if mention.kind == "description" and len(words) >= 2 and words[-1].lower() in SPOKES_NOUNS:
        inner = [t for t in tokens if mention.start <= t.start and t.end <= mention.end][:-1]
        while inner and (inner[0].lower in ARTICLES or inner[0].lower in _SPOKES_MODIFIERS):
            inner = inner[1:]
        if inner and all(is_word(t) for t in inner):
            kind = "name" if all(is_capitalised(t.text) or t.lower in CONNECTORS for t in inner) else "description"
            return Mention(_span_text(inner), inner[0].start, inner[-1].end, kind, role=words[-1])
        return mention
    index = next((i for i, t in enumerate(tokens) if t.start == mention.start), None)
    if index is None:
        return mention
    j = index - 1  # "a spokesman for the rebel Front": skip a few modifiers back to "for"
    while j > max(stop, index - 4) and is_word(tokens[j]) and tokens[j].lower not in _SPOKES_PREPOSITIONS:
        j -= 1
    if j - 1 >= stop and tokens[j].lower in _SPOKES_PREPOSITIONS and tokens[j - 1].lower in SPOKES_NOUNS:
        return replace(mention, role=tokens[j - 1].text)
    return mention


def noun_phrase_starting(tokens: list[Token], begin: int, *, limit: int = 12) -> Mention | None:
    """The noun phrase that starts at ``tokens[begin]`` (after a verb: ``said X, the Y``): a name (with lower-case
    titles among its words: "American president Doe") or a description opened by an article ("a senior official");
    a description followed by ``, Name`` gives the name, with the description as role."""
    if begin >= len(tokens) or not is_word(tokens[begin]):
        return None
    first = tokens[begin]
    if first.lower in SUBJECT_PRONOUNS:
        return Mention(first.text, first.start, first.end, "pronoun")
    if first.text.islower() and first.lower not in TITLES and not _counted_one(tokens, begin):
        named = _named_after_role(tokens, begin, limit)
        if named is not None:
            return named
    stop = min(len(tokens), begin + limit)
    k = begin
    if first.lower in ARTICLES or _counted_one(tokens, begin):
        k += 1
        while k < stop and is_word(tokens[k]) and tokens[k].lower not in _PHRASE_ENDS:
            k += 1
    else:
        while k < stop and is_word(tokens[k]) and (
                is_capitalised(tokens[k].text) or tokens[k].lower in TITLES or tokens[k].lower in NAME_PARTICLES
                or tokens[k].lower in CONNECTORS and k + 1 < stop and is_capitalised(tokens[k + 1].text)):
            k += 1
        if begin < k < stop and _is_possessive(tokens[k - 1]) and tokens[k].text.islower():
            k = _owned_description_end(tokens, k, stop)  # "said Xland's transport minister, Jane Doe"
    while k > begin and tokens[k - 1].lower in CONNECTORS:
        k -= 1
    if k == begin:
        return None
    mention = noun_phrase_ending(tokens, k, stop=begin)
    if mention is None:
        return None
    if k + 1 < len(tokens) and tokens[k].text == "," and is_word(tokens[k + 1]):
        if mention.kind == "description":
            named = noun_phrase_starting(tokens, k + 1, limit=limit)
            if named is not None and named.kind == "name" and is_capitalised(tokens[k + 1].text):
                owner = max((i for i in range(begin, k) if _is_possessive(tokens[i])), default=None)
                role = _span_text(tokens[owner + 1:k]) if owner is not None else mention.text.split(" ", 1)[-1]
                return replace(named, role=role)
        if mention.kind == "name" and (role := _span_text(_appositive(tokens, k + 1))):
            return replace(mention, role=role)
    return mention


def _is_possessive(token: Token) -> bool:
    """``Xland's`` / ``Nations'``: a word that owns the words after it."""
    return token.text.endswith(("'s", "’s", "'", "’")) and len(token.text) > 1


def _owned_description_end(tokens: list[Token], begin: int, stop: int) -> int:
    """Where the words owned by the name before ``tokens[begin]`` end when they describe someone who can speak
    (``Xland's transport minister``); ``begin`` when they do not (``Acme's announcement``: Acme speaks)."""
    end = begin
    while end < stop and is_word(tokens[end]) and tokens[end].lower not in _PHRASE_ENDS:
        end += 1
    return end if end > begin and _description_ending(tokens, end, begin - 1) is not None else begin


def _named_after_role(tokens: list[Token], begin: int, limit: int) -> Mention | None:
    """``said former party chair Jane Doe``: a few lower-case role words, then a name of two or
    more words; the name speaks and the words are its role."""
    j = begin
    while (j < min(len(tokens), begin + 4) and tokens[j].text.isalpha() and tokens[j].text.islower()
           and tokens[j].lower not in _PHRASE_ENDS | CONNECTORS | RELATIVES | REPORTING_VERBS | ARTICLES):
        j += 1
    if j == begin or j >= len(tokens) or not is_capitalised(tokens[j].text):
        return None
    named = noun_phrase_starting(tokens, j, limit=limit)
    if named is None or named.kind != "name" or len(named.text.split()) < 2:
        return None
    return replace(named, role=_span_text(tokens[begin:j]) + (" " + named.role if named.role else ""))


def _counted_one(tokens: list[Token], i: int) -> bool:
    """``one senior lawmaker``, ``another official``: "one"/"another" used as an article."""
    return (tokens[i].lower in {"one", "another"} and i + 1 < len(tokens) and tokens[i + 1].text.isalpha()
            and tokens[i + 1].text.islower() and tokens[i + 1].lower not in {"of", "who", "which", "that"})


def _appositive(tokens: list[Token], begin: int) -> list[Token]:
    """``the Y of Z`` after ``said X,``: up to the next comma, period or relative pronoun."""
    k = begin
    while k < len(tokens) and is_word(tokens[k]) and tokens[k].lower not in RELATIVES:
        k += 1
    words = _without_article(tokens[begin:k])
    return words if len(words) <= 10 else []


def _without_article(tokens: list[Token]) -> list[Token]:
    return tokens[1:] if tokens and tokens[0].lower in ARTICLES else tokens


def _span_text(tokens: list[Token]) -> str | None:
    """The tokens' words, one blank between two (none before a token that touches the one before it: "Workers'")."""
    return "".join(("" if k == 0 or tokens[k - 1].end == t.start and not is_word(t) else " ") + t.text
                   for k, t in enumerate(tokens)) or None


def _name_ending(tokens: list[Token], end: int, stop: int) -> Mention | None:
    """A capitalised name that ends at ``tokens[end - 1]``, titles split off."""
    k = end - 1
    while k - 1 >= stop and ((is_word(tokens[k - 1]) or tokens[k - 1].text == "&") and (
            is_capitalised(tokens[k - 1].text) or tokens[k - 1].lower in NAME_PARTICLES
            or tokens[k - 1].lower in CONNECTORS and k - 2 >= stop
            and (is_capitalised(tokens[k - 2].text) or tokens[k - 2].lower in CONNECTORS))
            or _plural_possessive(tokens, k - 1, stop)):
        k -= 1
    while k < end - 1 and (tokens[k].lower in _LEADING_WORDS or tokens[k].lower in CONNECTORS):
        k += 1
    run = tokens[k:end]
    if len(run) == 1 and run[0].lower in _LEADING_WORDS:
        return None
    name, title = split_title(run)
    role = _role_before(tokens, k, stop, title)
    return Mention(_span_text(name), name[0].start, name[-1].end, "name", role=role)


def _plural_possessive(tokens: list[Token], at: int, stop: int) -> bool:
    """The apostrophe of a plural possessive inside a name: 'Workers' Union', 'Farmers’ Party'."""
    return tokens[at].text in ("'", "’") and at - 1 >= stop and tokens[at - 1].end == tokens[at].start \
        and tokens[at - 1].text.endswith("s") and is_capitalised(tokens[at - 1].text) \
        and is_capitalised(tokens[at + 1].text)


def _role_before(tokens: list[Token], k: int, stop: int, title: list[Token]) -> str | None:
    """Lower-case title words right before a name ("Oregon senator Jane Doe")."""
    j = k
    while j - 1 >= stop and j > k - 4 and is_word(tokens[j - 1]) and tokens[j - 1].lower not in CONNECTORS:
        j -= 1
    before = tokens[j:k]
    while before and before[-1].lower not in TITLES and not title:
        before = before[:-1]
    while before and before[0].lower in ARTICLES | _LEADING_WORDS:
        before = before[1:]
    return _span_text(before + title if before and before[-1].lower in TITLES else title)


def split_title(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split a capitalised run into (name, title): ``Defence Minister Jane Doe``.

    The name is what follows the last title or organisation word, when what follows looks
    like a person's name; a run such as ``Bank of England`` stays whole.
    """
    pieces = [list(words) for connector, words in groupby(run, key=lambda t: t.lower in CONNECTORS) if not connector]
    if not pieces:
        return run, []
    if len(pieces) > 1 and pieces[0][-1].lower in TITLES and len(pieces[-1]) >= 3:
        # "High Commissioner for Human Rights Jane Doe": the office runs up to the person's name
        name = next((pieces[-1][i:] for i in range(len(pieces[-1]) - 1) if pieces[-1][i].text in ref.FIRST_NAMES),
                    pieces[-1][-2:])
        return name, run[:run.index(name[0])]
    first_name, first_title = _strip_title(pieces[0])
    titled = any(t.lower in TITLES for piece in pieces[1:] for t in piece)
    if len(pieces) > 1 and first_name and not any(t.lower in ORG_WORDS for t in first_name) and (
            first_title or len(first_name) >= 2 and not titled):
        return first_name, first_title  # "Jane Doe of the Central Bank"
    last_name, last_title = _strip_title(pieces[-1])
    if last_title and last_name:
        head = run[:run.index(last_name[0])]
        return last_name, [t for t in head if t.lower not in CONNECTORS]
    return run, []


def _strip_title(piece: list[Token]) -> tuple[list[Token], list[Token]]:
    """(name, title) of ``Defence Minister Jane Doe``: the name follows the last title or organisation word."""
    for i in range(len(piece) - 2, -1, -1):
        word, rest = piece[i].lower, piece[i + 1:]
        if not is_word(rest[0]):
            continue  # "Workers' Union": a possessive's apostrophe opens no name
        # a title that is also a name part ("Lord") or an organisation word needs two name words after it
        if word in TITLES and word not in AMBIGUOUS_TITLES or (word in TITLES or word in ORG_WORDS) and len(rest) >= 2:
            return rest, piece[:i + 1]
    return piece, []


def _description_ending(tokens: list[Token], end: int, stop: int) -> Mention | None:
    """``the tailor``, ``a senior ministry official``, ``Acme police``: a speaker without a name."""
    k = end - 1
    head = tokens[k].lower
    limit = max(stop, end - 7)
    j = k
    while j - 1 >= limit and is_word(tokens[j - 1]):
        word = tokens[j - 1].lower
        if word in ARTICLES or _counted_one(tokens, j - 1):
            j -= 1
            break
        if word in REPORTING_VERBS or word in _SKIPPABLE or word in {"that", "who", "which", "to", "and", "but"}:
            break
        j -= 1
    phrase = tokens[j:end]
    has_determiner = phrase[0].lower in ARTICLES or _counted_one(tokens, j)
    if not has_determiner:
        while phrase and not is_capitalised(phrase[0].text) and phrase[0] is not tokens[k]:
            phrase = phrase[1:]
        org_head = head in ORG_WORDS and any(is_capitalised(t.text) for t in phrase)
        if head not in GROUP_NOUNS and head not in TITLES and not org_head:
            return None
    if head in MESSAGE_NOUNS or len(phrase) > 6 or (has_determiner and len(phrase) < 2):
        return None
    return Mention(_span_text(phrase), phrase[0].start, phrase[-1].end, "description")


def leading_subject(tokens: list[Token]) -> Mention | None:
    """The subject that opens a clause (``The driver was laughing``): up to the first comma, auxiliary, reporting
    verb or past-tense word."""
    k = _timestamp_end(tokens)  # "22:31 - The minister said ...": a live-blog time opens the line
    while k < len(tokens) and (tokens[k].lower in _INTRODUCERS or tokens[k].lower.endswith("ing")
                               or tokens[k].lower in _EVERY or tokens[k].lower in _QUESTIONED):
        comma = next((i for i in range(k, min(len(tokens), k + 15)) if tokens[i].text == ","), None)
        if comma is None:
            return None
        k = comma + 1  # "In a speech on Monday, the minister ...": the subject follows the comma
    while k < len(tokens) and (tokens[k].lower in _LEADING_WORDS - ARTICLES
                               or tokens[k].text == "," and k and tokens[k - 1].lower in _LEADING_WORDS):
        k += 1  # "Moreover, the minister …"
    j = k
    while j < len(tokens) and j < k + _LONG_SUBJECT and (is_word(tokens[j]) or _possessive_mark(tokens, j)):
        word = tokens[j]
        if j > k and word.text.islower() and (word.lower in _AUXILIARIES or word.lower in REPORTING_VERBS
                                              or word.lower.endswith("ed") or word.lower in PAST_VERBS
                                              or _present_verb_after_name(tokens, k, j)):
            break
        j += 1
    if j == k or j >= len(tokens) or (j == k + _LONG_SUBJECT and is_word(tokens[j])):
        return None
    if j - k > _SHORT_SUBJECT and tokens[j].lower not in REPORTING_VERBS:
        return None  # a long subject only before a reporting verb: "A spokesman for the ... Committee said"
    close = next((i for i in range(j + 1, min(len(tokens), j + 8)) if tokens[i].text == ","), None)
    if tokens[j].text == "," and close is not None:
        # "The party leader, Jane Doe, accused ...": the name set off by commas is the subject
        named = _whole_name(tokens, j + 1, close)
        role = _set_off_role(tokens, k, j)
        if named is not None and role is not None:
            return replace(named, role=named.role or role)
    return subject_before(tokens, j, stop=k)


def _timestamp_end(tokens: list[Token]) -> int:
    """The index of the first token after a leading clock time and its dash ("22:31 -", "9.05am:")."""
    if not tokens or not tokens[0].text[:1].isdigit():
        return 0
    for i in range(1, min(len(tokens), 6)):
        if tokens[i].text in ("-", "–", "—", ":", "|") and (i > 1 or tokens[i].start > tokens[0].end
                                                            or not tokens[0].text.isdigit()):
            raw = "".join((" " if n and t.start > tokens[n - 1].end else "") + t.text for n, t in enumerate(tokens[:i]))
            if _P["CLOCK"].fullmatch(raw) and i + 1 < len(tokens):
                return i + 1
    return 0


def _possessive_mark(tokens: list[Token], j: int) -> bool:
    """The apostrophe of a plural possessive inside a subject: ``Supporters' trust chairman Jane Doe``."""
    if j == 0 or j + 1 >= len(tokens) or tokens[j].text not in ("'", "’"):
        return False
    before, after = tokens[j - 1], tokens[j + 1]
    return (before.end == tokens[j].start and before.lower.endswith("s") and is_word(after)
            and after.start > tokens[j].end)


def _present_verb_after_name(tokens: list[Token], k: int, j: int) -> bool:
    """``Jane Doe unlocks ...``: a lower-case word ending in -s right after a run of two or more
    capitalised words is the verb (not a plural noun such as "analysts", a title or an org word)."""
    word = tokens[j].lower
    if j - k < 2 or not word.endswith("s") or word.endswith("ss") or len(word) < 4 or word in _NOT_PRESENT_VERBS:
        return False
    return all(is_capitalised(t.text) and t.lower not in ARTICLES for t in tokens[k:j])


# --- attribution patterns -------------------------------------------------------------


def attribution_after(tokens: list[Token]) -> Attribution | None:
    """The attribution in the words after a quotation, up to the end of the sentence (or the next quotation):
    ``"…," said X`` / ``"…," X said`` / ``"…," he added`` / ``"…" last week, according to X``."""
    begin = next((i for i, t in enumerate(tokens) if is_word(t)), len(tokens))
    if begin >= len(tokens):
        return None
    if any(dash in "".join(t.text for t in tokens[:begin]) for dash in _SIGNING_DASHES):
        signed = noun_phrase_starting(tokens, begin)
        if signed is not None and signed.kind == "name":
            return Attribution(signed)  # '"We are ready" — Jane Doe, head of the institute.'
    # 'X – a banker – said': dashes that set words off read as commas
    tokens = tokens[:begin] + [t._replace(text=",") if t.text in _DASHES else t for t in tokens[begin:]]
    first = tokens[begin].lower
    if first in REPORTING_VERBS and first not in _CARRIER_VERBS:
        speaker = noun_phrase_starting(tokens, begin + 1)
        return Attribution(speaker) if speaker else _according_to(tokens)
    for v in range(begin + 1, min(len(tokens), begin + 16)):
        if not is_word(tokens[v]) and tokens[v].text != ",":
            break
        verb = tokens[v].lower
        if verb not in _ATTRIBUTING_VERBS or verb.endswith("ing") or is_capitalised(tokens[v].text):
            continue  # 'the United States': a capitalised word inside a name is no verb
        subject = subject_before(tokens, v, stop=begin)
        lead_end = subject.start if subject else 0
        if subject is not None and subject.role and subject.role.split()[-1].lower() in SPOKES_NOUNS:
            # "a spokesman for the rebel Front said": the phrase opens at the spokesperson
            spokes = next((t for t in tokens[begin:v] if t.lower == subject.role.split()[-1].lower()), None)
            lead_end = min(lead_end, spokes.start) if spokes is not None else lead_end
        lead = [t for t in tokens[begin:v] if t.end <= lead_end]
        if subject is not None and subject.kind == "name" and not subject.role and lead[-1:] and lead[-1].text == ",":
            role = _set_off_role(tokens, begin, begin + len(lead) - 1)
            if role:  # "his chief of staff, Jane Doe, told reporters": the description is her role
                subject, lead = replace(subject, role=role), []
        if subject is None or any(not (is_capitalised(t.text) or t.lower in TITLES or t.lower in _LEAD_WORDS)
                                  for t in lead):
            if subject is not None and subject.kind != "description" and lead[-1:] and lead[-1].text == "," \
                    and _ends_sentence(tokens, v + 1):
                return Attribution(subject)  # "… the "main difference" between the two, he added."
            described = _described_speaker(tokens, begin, v)  # the subject must open the words after the quotation
            if described is None and subject is not None and subject.kind != "pronoun":
                # 'a senior official at the ministry, who asked not to be named, told': the description ends at
                # the subject found inside it
                after_subject = next((j for j in range(begin, v) if tokens[j].start >= subject.end), v)
                described = _described_speaker(tokens, begin, after_subject)
            if described is not None:
                return _said_by(tokens, v, described.speaker)
            continue  # "… between the two states, she added": a later verb may still be the attribution
        return _said_by(tokens, v, subject)
    return _according_to(tokens)


def _said_by(tokens: list[Token], verb: int, subject: Mention) -> Attribution:
    """``Outlet quoted X as saying`` (X spoke, the outlet carried it), or ``X said`` / ``X told Outlet``."""
    if tokens[verb].lower in _CARRIER_VERBS:
        return _carried(tokens, verb, subject)
    return Attribution(subject, via=addressee_outlet(tokens, verb))


def _used_as_noun(tokens: list[Token], verb: int) -> bool:
    """'wrote in a blog post', 'in his report': a reporting verb's base form after 'a' or a possessive is a noun."""
    word = tokens[verb].lower
    if word.endswith(("ed", "ing")) or word in TELL_FORMS or word in ("said", "says", "say"):
        return False
    return any(tokens[k].lower in POSSESSIVE_PRONOUNS | {"a", "an"} for k in range(max(0, verb - 2), verb))


def _ends_sentence(tokens: list[Token], begin: int) -> bool:
    """Whether at most a short phrase ("on Tuesday", "in a statement") follows ``tokens[begin]`` to the end."""
    rest = [t for t in tokens[begin:] if t.text not in ".!?"]
    return len(rest) <= 4 and all(is_word(t) for t in rest)


def _set_off_role(tokens: list[Token], start: int, comma: int) -> str | None:
    """``his chief of staff,`` / ``The party leader,`` before a name set off by a comma: the role it
    gives, a description opened by an article or possessive, with no capitalised head."""
    if tokens[start].lower not in ARTICLES | POSSESSIVE_PRONOUNS:
        return None
    words = tokens[start + 1:comma]
    if not 1 <= len(words) <= 8 or not all(is_word(t) or t.text in ("'", "’") for t in words) \
            or is_capitalised(words[-1].text):
        return None
    return _span_text(words)


def _described_speaker(tokens: list[Token], begin: int, verb: int) -> Attribution | None:
    """``one official familiar with the talks said``: a description opened by an article, with the
    words that qualify it, runs from the quotation up to the verb."""
    span = tokens[begin:verb]
    if not (tokens[begin].lower in ARTICLES or _counted_one(tokens, begin)) or not 3 <= len(span) <= 8:
        return None
    if not all(is_word(t) for t in span) or any(t.lower in MESSAGE_NOUNS | RELATIVES | _AUXILIARIES for t in span):
        return None
    return Attribution(Mention(_span_text(span), span[0].start, span[-1].end, "description"))


def attribution_before(tokens: list[Token], *, sentence_start: bool = True) -> Attribution | None:
    """The attribution in the words that lead into a quotation from the start of its sentence (or the previous
    quotation): ``X said: "…"``, ``according to X, "…"``, ``X told Y that "…"``, ``Outlet quoted X as saying: "…"``,
    ``X: "…"``. Only words that open their sentence (``sentence_start``) may give its subject as the speaker of a
    quotation with no reporting verb before it."""
    words = [i for i, t in enumerate(tokens) if is_word(t)]
    if not words:
        return None
    appeared_on = None
    for v in reversed(words):
        verb = tokens[v].lower
        if verb in _TRANSLATION_VERBS:
            outlet = subject_before(tokens, v)
            return Attribution(None, via=outlet, inherits=True) if outlet else None
        participle = verb.endswith("ing") and verb not in _CARRIER_VERBS
        if verb not in _ATTRIBUTING_VERBS or v and is_capitalised(tokens[v].text) \
                or _used_as_noun(tokens, v) or participle and (
                v == 0 or tokens[v - 1].lower in MESSAGE_NOUNS or tokens[v - 1].text in _PARTICIPLE_SUBJECTLESS):
            continue  # "issuing a statement saying", ", saying": the subject is earlier
        subject = subject_before(tokens, v)
        if subject is not None and participle and _object_of_preposition(tokens, subject):
            preposition = next((t.lower for t in reversed(tokens) if t.end <= subject.start), "")
            if preposition == "on" and is_outlet_name(subject.text, addressee_of_told=True):
                appeared_on = subject
            continue  # "X appeared on Outlet saying": the outlet is where X spoke
        if subject is not None and participle and subject.kind == "description":
            opening = leading_subject(tokens)  # 'X appeared in court saying': X, not 'X appeared in court'
            if opening is not None and opening.kind == "name" and opening.start == subject.start:
                subject = opening
        if subject is not None:
            return _said_by(tokens, v, subject)
    if according := _according_to(tokens):
        return according
    if tokens[-1].text == ":":
        label = noun_phrase_ending(tokens, len(tokens) - 1, stop=_clause_start(tokens, len(tokens) - 1))
        if label and label.kind == "name":
            return Attribution(label)
    if by := _agent(tokens):
        return Attribution(by)
    told = next((o for i in words if tokens[i].lower in TELL_FORMS and (o := _told_outlet(tokens, i))), appeared_on)
    subject = leading_subject(tokens) if sentence_start else None
    if subject and (subject.kind != "pronoun" or subject.text.lower() in PERSON_PRONOUNS):
        return Attribution(subject, via=told)
    return Attribution(None, via=told) if told else None  # 'One of them told Outlet, "…"'


def _according_to(tokens: list[Token]) -> Attribution | None:
    """``according to X, "…"`` / ``According to X, the plan is "…"``: X speaks."""
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i].lower == "to" and tokens[i - 1].lower == "according":
            speaker = noun_phrase_starting(tokens, i + 1)
            return Attribution(speaker) if speaker else None
    return None


def _agent(tokens: list[Token]) -> Mention | None:
    """``was praised by X as "…"``: the agent of a passive right before the quotation."""
    end = next((i + 1 for i in range(len(tokens) - 1, -1, -1) if is_word(tokens[i])), 0)
    if end and tokens[end - 1].lower == "as":
        end -= 1
    by = next((i for i in range(end - 1, max(-1, end - 6), -1) if tokens[i].lower == "by"), None)
    if by is None:
        return None
    first = by + 1
    while first < end and tokens[first].lower in ARTICLES:
        first += 1
    mention = noun_phrase_ending(tokens, end, stop=by + 1)
    if mention is None or mention.kind != "name" or first >= end or mention.start != tokens[first].start:
        return None  # "by telling the outlet": a verb after "by", so no agent
    return mention


def _carried(tokens: list[Token], verb: int, outlet: Mention) -> Attribution:
    """``Outlet quoted X as saying``: X spoke, the outlet carried it."""
    end = verb + 1
    while end < len(tokens) and is_word(tokens[end]) and tokens[end].lower != "as":
        end += 1
    speaker = noun_phrase_ending(tokens, end, stop=verb + 1) if end > verb + 1 else None
    if speaker is not None and speaker.start != tokens[verb + 1].start and speaker.kind == "name":
        # "quoted a specialist in Chilean wine as saying": the description starts the phrase
        phrase = tokens[verb + 1:end]
        speaker = Mention(_span_text(phrase), phrase[0].start, phrase[-1].end, "description")
    return Attribution(speaker, via=outlet)


def addressee_outlet(tokens: list[Token], verb: int) -> Mention | None:
    """``X told Outlet`` / ``X said in an interview with Outlet`` / ``X spoke out by telling Outlet`` /
    ``In remarks to Outlet, X said``: the outlet, when it looks like one."""
    for i in range(verb, min(len(tokens) - 1, verb + 8)):
        if tokens[i].lower in TELL_FORMS and (addressee := _told_outlet(tokens, i)) is not None:
            return addressee
    for i in range(verb + 1, min(len(tokens) - 1, verb + 8)):
        if tokens[i].lower in {"with", "to"} and tokens[i - 1].lower in _TALK_NOUNS:
            outlet = noun_phrase_starting(tokens, i + 1, limit=6)
            if outlet and outlet.kind == "name":
                return outlet
    return next((o for i in range(1, verb) if tokens[i].lower in {"with", "to"} and tokens[i - 1].lower in _TALK_NOUNS
                 and (o := _outlet_at(tokens, i + 1))), None)


def _outlet_at(tokens: list[Token], begin: int) -> Mention | None:
    """The outlet named at ``tokens[begin]`` ('the Xland Times', 'the Xland Press news service'), if it is one."""
    while begin < len(tokens) and tokens[begin].lower in ARTICLES:
        begin += 1
    end = begin
    while end < len(tokens) and is_word(tokens[end]) and (
            is_capitalised(tokens[end].text)
            or tokens[end].lower == "of" and is_capitalised(tokens[min(end + 1, len(tokens) - 1)].text)):
        end += 1
    if end == begin:
        return None
    name = Mention(_span_text(tokens[begin:end]), tokens[begin].start, tokens[end - 1].end, "name")
    outlet_word_after = end < len(tokens) and tokens[end].lower in OUTLET_WORDS
    return name if outlet_word_after or is_outlet_name(name.text) else None


def _told_outlet(tokens: list[Token], told: int) -> Mention | None:
    """The outlet a form of "tell" at ``told`` addresses, without a time or place after it ('told Outlet on Monday')."""
    addressee = noun_phrase_starting(tokens, told + 1, limit=6)
    if addressee is None or addressee.kind != "name":
        return None
    name = [t for t in tokens if addressee.start <= t.start and t.end <= addressee.end]
    cut = next((k for k, t in enumerate(name[:-1]) if k and t.lower in _TIME_OR_PLACE_PREPOSITIONS
                and _time_or_place(name[k + 1].text)), len(name))
    if cut < len(name):
        addressee = Mention(_span_text(name[:cut]), name[0].start, name[cut - 1].end, "name")
    return addressee if is_outlet_name(addressee.text, addressee_of_told=True) else None


def _time_or_place(word: str) -> bool:
    lower = word.lower()
    return lower in CALENDAR_WORDS or ref.is_place_name(word) or ref.country_form(word) is not None


def is_outlet_name(name: str, *, addressee_of_told: bool = False) -> bool:
    """Whether a name looks like a news outlet: outlet words, a web address, or (as the
    addressee of "told") a single word, which for a person would be a bare surname."""
    words = name.lower().split()
    if any(w in OUTLET_WORDS for w in words) or re.search(r"\.(?:com|net|org|co\.\w+)$", name.lower()):
        return True
    return addressee_of_told and len(words) == 1 and name not in ref.ORG_HEADS  # 'told the Council': a body
