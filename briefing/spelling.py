"""Spelling variants of one name (Kowalsky/Kowalski): a bounded edit distance."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Iterator

PREFIX_LENGTH = 8


def within_edit_distance(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of ``a`` and ``b`` is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    return edit_distance(a, b) <= limit


def edit_distance(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b``, a column of the table at a time as bits (Myers 1999, in
    Hyyrö's form): a few integer operations per character of ``b``, not a Python step per cell of the table.
    The surname merge compares hundreds of thousands of near names at archive size."""
    if not a or not b:
        return len(a) + len(b)
    matches: dict[str, int] = {}
    for position, char in enumerate(a):
        matches[char] = matches.get(char, 0) | 1 << position
    ones, last = (1 << len(a)) - 1, 1 << (len(a) - 1)
    plus, minus, distance = ones, 0, len(a)  # the vertical deltas of the column: +1 and -1 bits
    for char in b:
        equal = matches.get(char, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        up, down = minus | ~(horizontal | plus) & ones, plus & horizontal
        distance += 1 if up & last else -1 if down & last else 0
        up, down = (up << 1 | 1) & ones, down << 1 & ones
        plus, minus = down | ~(vertical | up) & ones, up & vertical
    return distance


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
    a long word, at the price of comparing words that only start alike; the same holds of the last
    ``PREFIX_LENGTH`` letters (the distance of two words is that of the two read backwards), so two long
    words of a block are compared only when their ends share a variant too.
    """
    unique = list(dict.fromkeys(words))
    neighbourhoods = [deletion_variants(word[:PREFIX_LENGTH], budget(word)) for word in unique]
    ends = {word: deletion_variants(word[-PREFIX_LENGTH:], budget(word)) for word in unique
            if len(word) > PREFIX_LENGTH}
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
                    if (a not in ends or b not in ends or not ends[a].isdisjoint(ends[b])) and similar(a, b):
                        yield pair
