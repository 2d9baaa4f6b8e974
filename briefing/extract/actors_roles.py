"""Roles and affiliations of the people an article names.

A role is read from the words right before a name ('Chilean finance minister admiral X',
'prime minister X', 'Orion CEO X'), from an apposition after it ('X, an analyst at Y',
'X, chief executive of Y'). The affiliation is
the actor a role belongs to: a demonym or country inside it, 'at/of Y', or a named
organisation or country right before it ('Portugal's prime minister').
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import reference as ref
from .actors_mentions import COUNTRY, ORGANIZATION, tokens

_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
_GOVERNMENT_TITLES = frozenset("""president prime minister premier chancellor minister king queen emir sultan
sheikh foreign secretary ambassador""".split())
_CLAUSE_MARKS = re.compile(r"[,;:()\"“”\n]|\.\s")
_APPOSITION = re.compile(r"\s*,\s*(?:\d{1,3}\s*,\s*)?(?:(?:a|an|the)\s+)?(?P<phrase>[^,;()\"“”]+?)\s*(?=[,;()\"“”]|\.(?:\s|$)|$)")
_RELATIVE = re.compile(r"\s+(?:who|which|that|whose|said|says|told|added)\b.*$")
_AFFILIATION_PREPOSITION = re.compile(r"\s+(?:at|of|for|with|from)\s+(?:the\s+)?$")
# 'X, the Daily Planet quoted an analyst at Y as saying': the person named first is the one quoted
_QUOTED_AS = re.compile(r"\s*,\s*(?:the\s+|The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}\s+"
                        r"(?:quoted|cited)\s+(?:a|an|the)\s+(?P<phrase>[^,;()\"“”]{2,80}?)\s+as\s+"
                        r"(?:saying|telling|stating|writing|warning|arguing|explaining|adding)\b")


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


def describe(text: str, spans: list[tuple[int, int]], placed: list[Placed], *,
             sentence_bounds: list[tuple[int, int]]) -> Description:
    """The roles and affiliation of one person from the context of each of their mentions.

    Args:
        text: the article body.
        spans: ``(start, end)`` of the person's mentions in the body.
        placed: every resolved mention of the body (to name affiliations).
        sentence_bounds: ``(start, end)`` of each sentence.

    Returns:
        The roles in text order (no repeats) and the first affiliation found.
    """
    roles: list[str] = []
    affiliation = None
    for start, end in spans:
        sentence_end = next((e for s, e in sentence_bounds if s <= start < e), len(text))
        sentence_start = next((s for s, e in sentence_bounds if s <= start < e), 0)
        for role, owner in (_role_before(text, start, sentence_start, placed),
                            _role_after(text, end, sentence_end, placed)):
            if role:
                for part in role:
                    if part.lower() not in (r.lower() for r in roles):
                        roles.append(part)
                affiliation = affiliation or owner
    return Description(tuple(roles), affiliation)


def _placed_ending_at(placed: list[Placed], end: int, text: str) -> Placed | None:
    for item in placed:
        gap = text[item.end:end]
        if item.type in (COUNTRY, ORGANIZATION) and re.fullmatch(r"(?:['’]s?)?\s*", gap):
            return item
    return None


def _placed_within(placed: list[Placed], start: int, end: int) -> list[Placed]:
    return [p for p in placed if start <= p.start and p.end <= end]


def _role_before(text: str, start: int, sentence_start: int,
                 placed: list[Placed]) -> tuple[list[str], str | None]:
    """'Chilean finance minister admiral X' -> (['Chilean finance minister', 'admiral'], 'Chile')."""
    clause_start = sentence_start
    for m in _CLAUSE_MARKS.finditer(text, sentence_start, start):
        clause_start = m.end()
    words = tokens(text, clause_start, start)
    run: list = []
    for word in reversed(words):
        lower = word.text.lower().rstrip(".")
        if lower in _HONORIFICS and not run:
            continue
        if lower in ref.TITLE_WORDS or lower in ref.ROLE_MODIFIERS or _demonym(word.text):
            if word.possessive:
                break
            run.insert(0, word)
            continue
        break
    while run and not _is_title_noun(run[-1].text):
        run.pop()
    while run and run[0].text.lower() in ("and", "of"):
        run.pop(0)
    if not run or not any(_is_title_noun(w.text) for w in run):
        return [], None
    roles = _split_roles(text, run)
    owner = next((ref.country_for(w.text) for w in run if _demonym(w.text)), None)
    if owner is None:
        before = _placed_ending_at(placed, run[0].start, text)
        if before is not None and text[before.end:run[0].start].strip(" '’s") == "":
            owner = before.name
    return roles, owner


def _demonym(word: str) -> bool:
    form = ref.country_form(word)
    return form is not None and form.kind == "demonym"


def _is_title_noun(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in ref.TITLE_WORDS and (lower in ref.TITLES or lower not in ref.ROLE_MODIFIERS)


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
    return [text[part[0].start:part[-1].end] for part in roles]


def _role_after(text: str, end: int, sentence_end: int, placed: list[Placed]) -> tuple[list[str], str | None]:
    """'X, an analyst at Y' -> (['analyst'], 'Y')."""
    quoted = _QUOTED_AS.match(text, end, sentence_end)
    if quoted:
        return _quoted_role(quoted, placed)
    m = _APPOSITION.match(text, end, sentence_end)
    if not m:
        return [], None
    phrase_start = m.start("phrase")
    phrase = _RELATIVE.sub("", m.group("phrase"))
    phrase_words = phrase.split()
    if not phrase_words or len(phrase_words) > 12 or not phrase_words[0][:1].islower() and not _is_title_noun(phrase_words[0]):
        return [], None
    title_at = next((k for k, w in enumerate(phrase_words[:5]) if _is_title_noun(w.strip(",.'’s"))), None)
    if title_at is None:
        return [], None
    owner = None
    for item in _placed_within(placed, phrase_start, phrase_start + len(phrase)):
        if item.type not in (COUNTRY, ORGANIZATION):
            continue
        lead = text[phrase_start:item.start]
        preposition = _AFFILIATION_PREPOSITION.search(lead)
        if preposition:
            role = lead[:preposition.start()].strip()
            if any(_is_title_noun(w) for w in role.split()):
                return [role], item.name
        if owner is None and (item.start == phrase_start or _demonym(text[item.start:item.end])):
            owner = item.name
    return [phrase.strip()], owner


def _quoted_role(match: re.Match, placed: list[Placed]) -> tuple[list[str], str | None]:
    """'X, OUTLET quoted an expert on Y as saying': the role the outlet gives the person named first."""
    phrase = match.group("phrase").strip()
    words = phrase.split()
    if not any(_is_title_noun(w.strip(",.'’s")) for w in words[:4]):
        return [], None
    start = match.start("phrase")
    owner = None
    for item in _placed_within(placed, start, start + len(phrase)):
        lead = match.string[start:item.start]
        if item.type in (COUNTRY, ORGANIZATION) and _AFFILIATION_PREPOSITION.search(lead) \
                and lead.rstrip().split()[-1] in ("at", "for", "with", "from"):
            owner = item.name
            break
    return [phrase], owner


def government_affiliation(roles: tuple[str, ...]) -> bool:
    """True when a role is a state office whose holder belongs to a country."""
    return any(word in _GOVERNMENT_TITLES for role in roles for word in role.lower().split())
