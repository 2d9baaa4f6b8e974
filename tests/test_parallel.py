"""Extraction on several cores (--jobs) and on a Dask cluster (--scheduler) gives exactly the briefs of one job."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from briefing import parallel
from briefing.cli import main
from briefing.extract import ExtractOptions
from briefing.model import Article
from briefing.parallel import MIN_PARALLEL_ARTICLES, Workers, dask_address, extract_articles

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_briefs import write_seeds  # noqa: E402

COUNT = MIN_PARALLEL_ARTICLES + 8


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "seeds"
    write_seeds(COUNT, folder)
    return folder


def extracted(seeds: Path, out: Path, *options: str) -> tuple[int, dict[str, bytes]]:
    status = main(["extract", "--seeds", str(seeds), "--out", str(out), *options])
    return status, {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


@pytest.fixture(scope="module")
def serial(seeds, tmp_path_factory):
    return extracted(seeds, tmp_path_factory.mktemp("serial"), "--jobs", "1")


def test_two_jobs_write_the_briefs_of_one(seeds, serial, tmp_path, capsys):
    status, briefs = extracted(seeds, tmp_path, "--jobs", "2")
    assert (status, briefs) == serial
    assert status == 0 and len(briefs) == COUNT


def test_parallel_outcomes_come_back_in_article_order_with_failures_in_place():
    articles = [Article(id=str(n), title=f"Council vote {n}", published=None, path=f"{n}.txt",
                        body=f"The Xland council approved {n} new ferries on Tuesday, Jane Doe said.")
                for n in range(COUNT)]
    articles.insert(5, Article(id="x", title="X", published=None, body=None, path="broken.txt"))  # raises
    one = extract_articles(articles, ExtractOptions(), Workers(jobs=1))
    two = extract_articles(articles, ExtractOptions(), Workers(jobs=2))
    assert one == two
    assert isinstance(one[5], tuple) and one[5][0] == "TypeError"
    assert [b.title for b in one[:5]] == [f"Council vote {n}" for n in range(5)]


def test_dask_local_cluster_writes_the_briefs_of_one_job(seeds, serial, tmp_path, capsys):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        status, briefs = extracted(seeds, tmp_path, "--scheduler", cluster.scheduler_address)
    assert (status, briefs) == serial


def test_an_unreachable_scheduler_is_one_line_naming_it_and_how_to_fix(seeds, tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "DASK_CONNECT_SECONDS", 1)
    status = main(["extract", "--seeds", str(seeds), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == 1 and len(lines) == 1
    assert lines[0].startswith("--scheduler tcp://127.0.0.1:1: no Dask scheduler answers there (")
    assert "start one with `dask scheduler`" in lines[0] and "leave out --scheduler" in lines[0]
    assert not list(tmp_path.glob("*.json"))


@pytest.mark.parametrize("given, address", [
    ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
    ("dask://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
    ("tls://scheduler:8786", "tls://scheduler:8786"),
])
def test_dask_address(given, address):
    assert dask_address(given) == address


@pytest.mark.parametrize("given", ["10.0.0.5:8786", "http://x:8786", "tcp://"])
def test_a_bad_scheduler_address_is_a_usage_error(given, seeds, tmp_path, capsys):
    assert main(["extract", "--seeds", str(seeds), "--out", str(tmp_path), "--scheduler", given]) == 2
    assert "is not a Dask scheduler address: write it like tcp://HOST:8786" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_a_bad_job_count_is_a_usage_error(jobs, seeds, tmp_path, capsys):
    assert main(["extract", "--seeds", str(seeds), "--out", str(tmp_path), "--jobs", jobs]) == 2
    assert "is not a number of jobs" in capsys.readouterr().err


def test_jobs_default_to_every_core_this_process_may_use():
    from briefing.cli import build_parser

    args = build_parser().parse_args(["extract", "--out", "x"])
    assert args.jobs == parallel.available_cores() >= 1
