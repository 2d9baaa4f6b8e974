"""Clauses and tokens: the units the agreement extractor reads a sentence in."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..model import Sentence
from .agreements_lexicon import REPORTING_VERBS, SPEECH_VERBS
from .text import Token, tokenized


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence with one main verb, as far as rules can tell."""

    sentence: Sentence
    start: int
    end: int
    tokens: tuple[Token, ...]
    conditional: bool  # it depends on a condition ("if", "unless")


_REPORTING = lexicon.alternation(REPORTING_VERBS)
_SAID = lexicon.alternation(SPEECH_VERBS)
_BOUNDARY = re.compile(
    r";|:\s|\s-\s|\s--\s"
    r"|,?\s+(?=(?:but|although|though|however|whereas|while|because|after|when|where|unless|which|who|whom)\b)"
    r"|,\s+(?=(?:leaving|giving|making|allowing|causing|saying)\b)"
    r"|,?\s+(?=(?:ending|forcing|bringing|citing|prompting)\b)"
    r"|,\s+(?=(?:and|or)\s+(?:the|it|he|she|they|this|these)\b)"
    r"|[\"”]\s*,?\s*(?=(?:" + _REPORTING + r")\b)"
    r"|,\s+(?=[^,]{0,60}\b(?:" + _SAID + r")\b[^,]*$)"
    r"|\b(?:" + _REPORTING + r")\b(?:\s+\w+){0,3}?\s+that\b"
)
_FRONT_SUBORDINATE = re.compile(
    r"(?:When|After|Before|If|Although|Though|While|As|Since|Because|Unless|Once)\b[^,]{0,200}?,")
#: A dash that opens or closes an aside ("X and the P nations — A, B and C — reached a deal").
ASIDE_DASH = re.compile(r"—|\s–\s|\s--\s")
_CONDITION = re.compile(r"\b(?:if|unless|provided that|on condition that)\b", re.IGNORECASE)


def split_clauses(text: str, sentence: Sentence) -> list[Clause]:
    """Split ``sentence`` at subordinators, relative pronouns, reporting verbs and semicolons."""
    cuts = {sentence.start, sentence.end}
    front = _FRONT_SUBORDINATE.match(text, sentence.start, sentence.end)
    if front:
        cuts.add(front.end())
    dashes = [m.start() for m in ASIDE_DASH.finditer(text, sentence.start, sentence.end)]
    asides = list(zip(dashes[::2], dashes[1::2]))
    for match in _BOUNDARY.finditer(text, sentence.start, sentence.end):
        if match.group().startswith(";") and any(a < match.start() < b for a, b in asides):
            continue  # "X and the P nations — A; B; plus C — reached a deal": a list inside an aside
        cuts.add(match.end() if match.group().rstrip().endswith("that") else match.start())
    bounds = sorted(cuts)
    words = tokenized(text)
    fronted_condition = bool(front) and front.group().split()[0] in ("If", "Unless")
    clauses = []
    for start, end in zip(bounds, bounds[1:]):
        tokens = words.clause_tokens(start, end)
        if tokens:
            conditional = fronted_condition or bool(_CONDITION.search(text, start, end))
            clauses.append(Clause(sentence, tokens[0].start, tokens[-1].end, tokens, conditional))
    return clauses
