"""Extraction over several cores (``--jobs N``) or on a Dask cluster (``--scheduler ADDRESS``).

Each article is extracted on its own by :func:`extract_article`, a plain function that a process
pool or Dask workers run as is; the results come back in the order of the articles, so the briefs,
the problems and the cache are exactly those of one job. Dask (``pip install -e '.[dask]'``) is
imported only when a scheduler is given.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Sequence

from .extract import ExtractOptions, extract
from .model import Article, Brief
from .sentences import segment

#: Below this many articles to extract, one process does it: starting workers costs more.
MIN_PARALLEL_ARTICLES = 16
DASK_SCHEMES = ("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")
#: How long to try to reach a Dask scheduler before giving up.
DASK_CONNECT_SECONDS = 10


class SchedulerUnreachable(Exception):
    """No Dask scheduler answers at the address given; the message says how to fix it."""


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no sched_getaffinity (macOS)
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Workers:
    """Where extraction runs: ``jobs`` local processes, or the Dask scheduler at ``scheduler``."""

    jobs: int = 1
    scheduler: str | None = None


def dask_address(text: str) -> str:
    """A Dask scheduler address: ``tcp://host:8786``; ``dask://host:8786`` is taken as ``tcp://host:8786``."""
    if text.startswith("dask://"):
        text = "tcp://" + text.removeprefix("dask://")
    if not text.startswith(DASK_SCHEMES) or len(text.split("://", 1)[1]) == 0:
        raise ValueError(f"{text!r} is not a Dask scheduler address: write it like tcp://HOST:8786 "
                         "(or dask://HOST:8786)")
    return text


#: What extracting one article gave: its brief, or the exception's type and message.
Outcome = Brief | tuple[str, str]


def extract_article(article: Article, options: ExtractOptions) -> Outcome:
    """The brief of ``article``, or ``(exception type, message)`` when extraction raised (never raises)."""
    try:
        return extract(segment(article), options)
    except Exception as err:  # an extractor bug must not stop the other seeds
        return (type(err).__name__, str(err))


def extract_articles(articles: Sequence[Article], options: ExtractOptions, workers: Workers) -> list[Outcome]:
    """:func:`extract_article` of every article, in their order, where ``workers`` says."""
    if workers.scheduler is not None:
        return _on_dask(articles, options, workers.scheduler)
    jobs = min(workers.jobs, len(articles))
    if jobs <= 1 or len(articles) < MIN_PARALLEL_ARTICLES:
        return [extract_article(article, options) for article in articles]
    # forkserver: the serve command forks from a process with server threads, where plain fork is unsafe
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        chunk = max(1, len(articles) // (jobs * 8))
        return list(pool.map(extract_article, articles, [options] * len(articles), chunksize=chunk))


def _on_dask(articles: Sequence[Article], options: ExtractOptions, address: str) -> list[Outcome]:
    from distributed import Client  # the command line checked that it is installed

    try:
        client = Client(address, set_as_default=False, timeout=DASK_CONNECT_SECONDS)
    except OSError as err:
        raise SchedulerUnreachable(
            f"--scheduler {address}: no Dask scheduler answers there ({err}); start one with `dask scheduler` and "
            "workers with `dask worker ADDRESS`, give the address it prints, or leave out --scheduler to extract "
            "on this machine's cores") from None
    with client:
        futures = client.map(extract_article, list(articles), options=options, pure=False)
        return client.gather(futures)
