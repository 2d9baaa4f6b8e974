"""Spelling variants of one name (Kowalsky/Kowalski): a bounded edit distance."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Iterator

PREFIX_LENGTH = 8


def within_edit_distance(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of ``a`` and ``b`` is at most ``limit``.

    Gives up as soon as every cell of a row of the table exceeds ``limit``: the distance only
    grows from a row's smallest value, so comparing two unlike names costs little.
    """
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def deletion_variants(word: str, deletions: int) -> set[str]:
    """``word`` and every string made from it by deleting at most ``deletions`` characters."""
    variants = {word}
    frontier = [(word, 0)]
    for _ in range(deletions):  # each set of positions once: the next deletion is at or after the last
        frontier = [(w[:i] + w[i + 1:], i) for w, first in frontier for i in range(first, len(w))]
        variants.update(w for w, _ in frontier)
    return variants


def similar_pairs(words: Iterable[str], budget: Callable[[str], int],
                  similar: Callable[[str, str], bool]) -> Iterator[tuple[str, str]]:
    """Every pair of distinct ``words`` for which ``similar`` holds, each once, in linear time.

    ``similar(a, b)`` must imply a Levenshtein distance of at most ``min(budget(a), budget(b))``. Two such
    words share a string made by at most that many deletions from each (the symmetric-delete blocking of
    SymSpell), so only words that share one are compared, not every pair. So do their first
    ``PREFIX_LENGTH`` letters (SymSpell's prefix): if each word keeps a prefix of what both keep, the longer
    kept prefix loses its tail, no more deletions than the other side made. Prefixes bound the variants of
    a long word, at the price of comparing words that only start alike.
    """
    unique = list(dict.fromkeys(words))
    neighbourhoods = [deletion_variants(word[:PREFIX_LENGTH], budget(word)) for word in unique]
    # Nearly every variant belongs to one word only; set operations find the shared ones without a
    # Python step per variant, and only those become blocks.
    seen: set[str] = set()
    shared: set[str] = set()
    for variants in neighbourhoods:
        shared |= seen & variants
        seen |= variants
    blocks: dict[str, list[str]] = defaultdict(list)
    for word, variants in zip(unique, neighbourhoods):
        for variant in shared & variants:
            blocks[variant].append(word)
    compared: set[tuple[str, str]] = set()
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair not in compared:
                    compared.add(pair)
                    if similar(a, b):
                        yield pair
