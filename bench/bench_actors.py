"""Actor-extraction speed, in words per second on one core, over the dev corpora.

Run from the project root: ``.venv/bin/python bench/bench_actors.py [--repeat N]``.
Loading and sentence splitting are done first and not timed; only ``find_actors`` is.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.extract.actors import find_actors  # noqa: E402
from briefing.load import load_seeds  # noqa: E402
from briefing.sentences import segment  # noqa: E402

SHARED = ROOT.parent / "shared"
GOAL_WORDS_PER_SECOND = 50_000


def corpora() -> list[Path]:
    """The seed corpus and every dev corpus that exists."""
    found = [SHARED / "corpus"] + sorted((SHARED / "dev").glob("*/corpus"))
    return [path for path in found if path.is_dir()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpora (the best one counts)")
    args = parser.parse_args(argv)
    docs = [segment(article) for corpus in corpora() for article in load_seeds(corpus).articles]
    words = sum(len(doc.text.split()) + len(doc.article.title.split()) for doc in docs)
    if not docs:
        print(f"no articles found under {SHARED}")
        return 1
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        for doc in docs:
            find_actors(doc)
        best = min(best, time.perf_counter() - started)
    rate = words / best
    verdict = "ok" if rate >= GOAL_WORDS_PER_SECOND else f"below the goal of {GOAL_WORDS_PER_SECOND:,}"
    print(f"{len(docs)} articles, {words:,} words in {best:.3f} s: {rate:,.0f} words/s ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
