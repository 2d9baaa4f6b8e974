"""Spelling variants of one name (Kowalsky/Kowalski): a bounded edit distance."""
from __future__ import annotations


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
