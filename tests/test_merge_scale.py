"""The linear surname merge (blocking keys) gives exactly what the rule stated pair by pair gives.

``_pairwise_merge_people_by_surname`` compares every pair of people and is the oracle; the
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
from briefing.spelling import deletion_variants, edit_distance, similar_pairs, within_edit_distance

BRIEF = Brief(id="b", title="B", published=None, source=Source(path="b.txt"), summary="")


def _pairwise_merge_people_by_surname(mentions: list[Mention], groups: _Groups) -> None:
    """The surname rule stated pair by pair, every pair of people compared: the full names sharing an initial
    and a similar surname unite; then a surname-only mention joins the one full-name group within reach, or,
    with none within reach, unites with the surname-only mentions of a similar surname in the same case."""
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
    near = lambda a, b: any(_similar_surnames(s, t) for s in surnames[a] for t in surnames[b])  # noqa: E731
    full = [root for root in surnames if initials[root]]
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            if initials[a] & initials[b] and near(a, b):
                groups.union(a, b)
    joins, alone = [], []
    for root in surnames:
        if not initials[root]:
            reach = {groups.find(other) for other in full if near(root, other)}
            if len(reach) == 1:
                joins.append((root, reach.pop()))
            elif not reach:
                alone.append(root)
    for i, a in enumerate(alone):
        for b in alone[i + 1:]:
            if near(a, b):
                groups.union(a, b)
    for root, group in joins:
        groups.union(root, group)


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


def _table_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def test_edit_distance_equals_the_table():
    rng = random.Random(11)
    pairs = [("", ""), ("", "ab"), ("ab", ""), ("a", "a"), ("kitten", "sitting"), ("ŁódźÉ", "lodze")]
    pairs += [tuple("".join(rng.choice("abcé") for _ in range(rng.randrange(0, 70))) for _ in range(2))
              for _ in range(3000)]
    for a, b in pairs:
        assert edit_distance(a, b) == _table_distance(a, b), (a, b)


def test_long_words_that_only_start_alike_are_not_compared():
    words = ["zorvadelmunik", "zorvadelpatrix", "zorvadelquosbe", "zorvadelmunix"]
    compared = []

    def similar(a: str, b: str) -> bool:
        compared.append((a, b))
        return within_edit_distance(a, b, 2)

    assert list(similar_pairs(words, lambda word: 2, similar)) == [("zorvadelmunik", "zorvadelmunix")]
    assert compared == [("zorvadelmunik", "zorvadelmunix")]


def _person(name: str) -> Mention:
    return Mention(BRIEF, Actor(id=fold_name(name), name=name, type="person"))


def _names(mentions: list[Mention]) -> set[frozenset[str]]:
    return {frozenset(m.actor.name for m in group) for group in merge_actors(mentions)}


def test_many_people_of_one_surname_merge_by_initial_only():
    tails = ("ella", "oran", "usti")
    mentions = [_person(f"{initial}{tail} Quennard") for initial in "ABCDEFGH" for tail in tails]
    groups = _names([*mentions, _person("Quennard")])
    assert groups == {frozenset({"Quennard"}),
                      *(frozenset(f"{initial}{tail} Quennard" for tail in tails) for initial in "ABCDEFGH")}


def test_a_surname_alone_stays_apart_from_two_groups_it_could_join():
    groups = _names([_person("Quennard"), _person("Ada Quennard"), _person("Bo Quenard")])
    assert groups == {frozenset({"Ada Quennard"}), frozenset({"Bo Quenard"}), frozenset({"Quennard"})}


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0), (2, 0, 1)])
def test_a_surname_alone_joins_full_names_that_merge_whatever_the_order(order):
    people = [_person("Quennard"), _person("Ada Quennard"), _person("Alba Quenard")]
    assert _names([people[n] for n in order]) == {frozenset({"Quennard", "Ada Quennard", "Alba Quenard"})}


def test_surnames_alone_do_not_chain_into_a_group_out_of_reach():
    groups = _names([_person("Iva Drobnicka"), _person("Drobnicki"), _person("Drobnyckiy")])
    assert groups == {frozenset({"Drobnyckiy"}), frozenset({"Iva Drobnicka", "Drobnicki"})}
