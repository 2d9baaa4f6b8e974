"""Cross-brief actor merge at archive size: N people with distinct surnames, and N people sharing a few surnames.

Prints the time of ``merge_actors`` (goal: 100,000 people in at most 10 s, either way) and its CPU time,
which a loaded machine does not inflate. Asserts nothing.
Run from the project root: ``.venv/bin/python bench/bench_merge.py [--people 20000 100000] [--shared 20000 100000]``.
"""
from __future__ import annotations

import argparse
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.model import Actor, Brief, Source  # noqa: E402
from briefing.crossbrief import Mention, merge_actors  # noqa: E402

GIVEN = ("Amira", "Bruno", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo")


def distinct_people(count: int, *, seed: int = 0) -> list[Mention]:
    """``count`` people with distinct invented surnames (5-12 letters); every tenth also mentioned by surname."""
    rng = random.Random(seed)
    brief = Brief(id="bench", title="Bench", published=None, source=Source(path="bench.txt"), summary="")
    surnames: set[str] = set()
    while len(surnames) < count:
        surnames.add("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randrange(5, 13))).capitalize())
    mentions = []
    for number, surname in enumerate(sorted(surnames)):
        mentions.append(Mention(brief, Actor(id=str(number), name=f"{rng.choice(GIVEN)} {surname}", type="person")))
        if number % 10 == 0:
            mentions.append(Mention(brief, Actor(id=f"{number}s", name=surname, type="person")))
    return mentions


def shared_people(count: int, *, surnames: int = 50, seed: int = 0) -> list[Mention]:
    """``count`` people over ``surnames`` invented surnames, each with its own given name (any of 26 initials);
    every tenth also mentioned by surname alone."""
    rng = random.Random(seed)
    brief = Brief(id="bench", title="Bench", published=None, source=Source(path="bench.txt"), summary="")
    family = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randrange(5, 13))).capitalize()
                     for _ in range(surnames)})
    mentions = []
    for number in range(count):
        surname = family[number % len(family)]
        given = rng.choice(string.ascii_uppercase) + "".join(rng.choice(string.ascii_lowercase) for _ in range(6))
        mentions.append(Mention(brief, Actor(id=str(number), name=f"{given} {surname}", type="person")))
        if number % 10 == 0:
            mentions.append(Mention(brief, Actor(id=f"{number}s", name=surname, type="person")))
    return mentions


def _measure(label: str, mentions: list[Mention]) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    groups = merge_actors(mentions)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"{label} ({len(mentions):,} mentions): merged into {len(groups):,} actors in "
          f"{took:5.2f} s, {cpu:5.2f} s of CPU (goal for 100,000: <= 10 s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="*", default=[20_000, 100_000], metavar="N",
                        help="people with distinct surnames")
    parser.add_argument("--shared", type=int, nargs="*", default=[20_000, 100_000], metavar="N",
                        help="people sharing 50 surnames")
    args = parser.parse_args()
    for count in args.people:
        _measure(f"{count:>7,} distinct surnames", distinct_people(count))
    for count in args.shared:
        _measure(f"{count:>7,} people, 50 surnames", shared_people(count))


if __name__ == "__main__":
    main()
