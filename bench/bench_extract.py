"""Extraction speed and memory: every stage over the seed and the dev corpora.

Prints words per second (one core) per stage and overall, the peak memory, and the whole extraction
(``extract_articles``, as ``extract`` runs it) on one job and on every core (``--jobs``), as words/s, per core,
and as a ratio to one job. Figures only: nothing here is asserted. Run: .venv/bin/python bench/bench_extract.py
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.extract import STAGES, ExtractOptions  # noqa: E402
from briefing.load import load_seeds  # noqa: E402
from briefing.model import Article  # noqa: E402
from briefing.parallel import Workers, available_cores, extract_articles  # noqa: E402
from briefing.sentences import segment  # noqa: E402


def corpora() -> list[Path]:
    shared = ROOT.parent / "shared"
    dirs = [ROOT / "seeds", shared / "corpus", *sorted((shared / "dev").glob("*/corpus"))]
    return [d for d in dirs if d.is_dir()]


def main(repeat: int = 3) -> None:
    docs = []
    for folder in corpora():
        docs.extend(segment(article) for article in load_seeds(folder).articles)
    words = sum(len(d.text.split()) for d in docs)
    timings = {stage.name: 0.0 for stage in STAGES}
    started = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            found = {}
            for stage in STAGES:
                t0 = time.perf_counter()
                found[stage.adds] = stage.run(doc, **{n: found[n] for n in stage.needs})
                timings[stage.name] += time.perf_counter() - t0
    total = time.perf_counter() - started
    print(f"extraction: {len(docs)} articles, {words:,} words, {repeat} passes")
    for name, seconds in timings.items():
        print(f"  {name:<16} {words * repeat / seconds:>12,.0f} words/s")
    print(f"  {'all stages':<16} {words * repeat / total:>12,.0f} words/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory {peak:,.0f} MiB")
    jobs(repeat)


def jobs(repeat: int) -> None:
    """The whole extraction of every article on one job and on every core, best of ``repeat``."""
    articles = [article for folder in corpora() for article in load_seeds(folder).articles]
    words = sum(len((article.body or "").split()) + len(article.title.split()) for article in articles)
    cores = available_cores()
    rates = {}
    for count in sorted({1, cores}):
        best = min(_timed(articles, count) for _ in range(repeat))
        rates[count] = words / best
    print(f"whole extraction, {len(articles)} articles, {words:,} words: one job {rates[1]:,.0f} words/s; "
          f"{cores} jobs {rates[cores]:,.0f} words/s = {rates[cores] / cores:,.0f} per core "
          f"(x{rates[cores] / rates[1]:.2f} one job)")


def _timed(articles: list[Article], count: int) -> float:
    started = time.perf_counter()
    extract_articles(articles, ExtractOptions(), Workers(jobs=count))
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
