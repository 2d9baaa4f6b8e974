"""The linear surname merge (blocking keys) gives exactly what the former pairwise merge gave.

``_pairwise_merge_people_by_surname`` is the former quadratic code, kept here as the oracle; the
generated mentions hold near-miss surnames (one and two edits, long and short, other first
letters), shared surnames, first names with equal and other initials, and surname-only mentions.
"""
from __future__ import annotations

import random
import string
from collections import defaultdict

import pytest

from briefing import crossbrief
from briefing.model import Actor, Brief, Source
from briefing.crossbrief import Mention, _Groups, _similar_surnames, actor_spellings, fold_name, merge_actors
from briefing.spelling import deletion_variants, similar_pairs, within_edit_distance

BRIEF = Brief(id="b", title="B", published=None, source=Source(path="b.txt"), summary="")


def _pairwise_merge_people_by_surname(mentions: list[Mention], groups: _Groups) -> None:
    """The merge as it was before blocking keys: every pair of surnames with the same first letter compared."""
    surnames: dict[int, set[str]] = defaultdict(set)
    initials: dict[int, set[str]] = defaultdict(set)
    for node, mention in enumerate(mentions):
        if mention.actor.type != "person":
            continue
        root = groups.find(node)
        for spelling in actor_spellings(mention.actor):
            words = fold_name(spelling).split()
            if words:
                surnames[root].add(words[-1])
            if len(words) > 1:
                initials[root].add(words[0][0])
    by_surname: dict[str, set[int]] = defaultdict(set)
    for root, names in surnames.items():
        for surname in names:
            by_surname[surname].add(root)
    by_letter: dict[str, list[str]] = defaultdict(list)
    for surname in by_surname:
        by_letter[surname[0]].append(surname)
    candidates: dict[int, set[int]] = defaultdict(set)
    for bucket in by_letter.values():
        for i, surname in enumerate(bucket):
            for other in bucket[i:]:
                if _similar_surnames(surname, other):
                    for a in by_surname[surname]:
                        candidates[a] |= by_surname[other] - {a}
                    for b in by_surname[other]:
                        candidates[b] |= by_surname[surname] - {b}
    for root, others in sorted(candidates.items()):
        if initials[root]:
            for other in sorted(others):
                if initials[other] & initials[root]:
                    groups.union(root, other)
        else:
            full_names = {groups.find(o) for o in others if initials[o]}
            if len(full_names) == 1:
                groups.union(root, full_names.pop())
            elif not full_names:
                for other in others:
                    groups.union(root, other)


def _mutate(word: str, rng: random.Random) -> str:
    position = rng.randrange(len(word))
    letter = rng.choice("abcdeiou")
    edit = rng.choice(("substitute", "insert", "delete"))
    if edit == "substitute":
        return word[:position] + letter + word[position + 1:]
    if edit == "insert":
        return word[:position] + letter + word[position:]
    return word[:position] + word[position + 1:] if len(word) > 2 else word


def _generated_mentions(count: int, seed: int) -> list[Mention]:
    rng = random.Random(seed)
    stems = ["".join(rng.choice(string.ascii_lowercase[:6]) for _ in range(rng.randrange(3, 11)))
             for _ in range(count // 4)]
    mentions = []
    for _ in range(count):
        surname = rng.choice(stems)
        for _ in range(rng.choice((0, 0, 1, 2))):
            surname = _mutate(surname, rng)
        surname = surname.capitalize()
        shape = rng.random()
        if shape < 0.3:
            actor = Actor(id="x", name=surname, type="person")
        else:
            given = rng.choice(("Ann", "Alan", "Bo", "Bea", "Cy", "Dee"))
            aliases = (surname,) if shape < 0.6 else ()
            actor = Actor(id="x", name=f"{given} {surname}", type="person", aliases=aliases)
        mentions.append(Mention(BRIEF, actor))
    return mentions


def _groups(mentions: list[Mention]) -> list[list[int]]:
    positions = {id(m): n for n, m in enumerate(mentions)}
    return sorted(sorted(positions[id(m)] for m in group) for group in merge_actors(mentions))


@pytest.mark.parametrize("count, seed", [(50, 1), (300, 2), (1000, 3), (3000, 4)])
def test_blocking_merge_equals_the_pairwise_merge(count, seed, monkeypatch):
    mentions = _generated_mentions(count, seed)
    linear = _groups(mentions)
    monkeypatch.setattr(crossbrief, "_merge_people_by_surname", _pairwise_merge_people_by_surname)
    pairwise = _groups(mentions)
    assert linear == pairwise
    assert len(linear) < count  # the data does merge: the test compares merges, not singletons


@pytest.mark.parametrize("word, deletions, variants", [
    ("abc", 0, {"abc"}),
    ("abc", 1, {"abc", "bc", "ac", "ab"}),
    ("aab", 1, {"aab", "ab", "aa"}),
    ("abc", 2, {"abc", "bc", "ac", "ab", "a", "b", "c"}),
])
def test_deletion_variants(word, deletions, variants):
    assert deletion_variants(word, deletions) == variants


@pytest.mark.parametrize("longest", [8, 16])  # 16: words past spelling.PREFIX_LENGTH, blocked by their prefix
def test_similar_pairs_finds_every_pair_within_the_budget(longest):
    rng = random.Random(7)
    words = sorted({"".join(rng.choice("abc") for _ in range(rng.randrange(1, longest + 1))) for _ in range(400)})
    budget = {w: 2 if len(w) >= 6 else 1 for w in words}
    within = lambda a, b: within_edit_distance(a, b, min(budget[a], budget[b]))  # noqa: E731
    expected = {(a, b) for i, a in enumerate(words) for b in words[i + 1:] if within(a, b)}
    assert set(similar_pairs(words, budget.__getitem__, within)) == expected
    assert len(expected) > 100
