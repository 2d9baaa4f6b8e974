"""Clauses and tokens: the units the agreement extractor reads a sentence in."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Sentence
from .agreements_lexicon import PATTERNS
from .text import Token, tokenized


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence with one main verb, as far as rules can tell."""

    sentence: Sentence
    start: int
    end: int
    tokens: tuple[Token, ...]
    conditional: bool  # it depends on a condition ("if", "unless")


def split_clauses(text: str, sentence: Sentence) -> list[Clause]:
    """Split ``sentence`` at subordinators, relative pronouns, reporting verbs and semicolons."""
    cuts = {sentence.start, sentence.end}
    front = PATTERNS["FRONT_SUBORDINATE"].match(text, sentence.start, sentence.end)
    if front:
        cuts.add(front.end())
    dashes = [m.start() for m in PATTERNS["ASIDE_DASH"].finditer(text, sentence.start, sentence.end)]
    asides = list(zip(dashes[::2], dashes[1::2]))
    for match in PATTERNS["CLAUSE_BOUNDARY"].finditer(text, sentence.start, sentence.end):
        if match.group().startswith(";") and any(a < match.start() < b for a, b in asides):
            continue  # "X and the P nations — A; B; plus C — reached a deal": a list inside an aside
        cuts.add(match.end() if match.group().rstrip().endswith("that") else match.start())
    bounds = sorted(cuts)
    words = tokenized(text)
    fronted_condition = bool(front) and front.group().split()[0] in ("If", "Unless")
    return [Clause(sentence, tokens[0].start, tokens[-1].end, tokens,
                   fronted_condition or bool(PATTERNS["CONDITION"].search(text, start, end)))
            for start, end in zip(bounds, bounds[1:]) if (tokens := words.clause_tokens(start, end))]
