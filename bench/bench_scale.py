"""Archive scale (#20): extraction speed on one core and on all, and full / no-change / one-seed rebuilds.

For each size (synthetic briefs with distinct people and organisations, bench/make_briefs.py) it runs
``build_briefs.py build`` four times in a fresh project — a full build (empty cache), a rebuild with
nothing changed, and two rebuilds each after one seed changed (the second one starts from the site the first
replaced, as every later rebuild does) — and a plain ``mkdocs build`` of as many Markdown
pages with the same theme and plugins. Each run is its own process: time, peak memory (its maximum
resident set) and site size, and after the full build the bytes one search downloads (a surname typed into
the search box of the served site in a headless chromium, as bench/bench_search.py does); ratios are to plain MkDocs and, for extraction, to one core. Prints figures,
asserts nothing. Run from the project root: ``.venv/bin/python bench/bench_scale.py [--briefs 1000 10000]``.
"""
from __future__ import annotations

import argparse
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_search import CHROMIUM, material_page_bytes, query_bytes  # noqa: E402
from bench.make_briefs import copy_project, invented_name, write_seeds  # noqa: E402
from briefing import pagefind  # noqa: E402
from briefing.extract import ExtractOptions  # noqa: E402
from briefing.load import load_seeds  # noqa: E402
from briefing.parallel import Workers, available_cores, extract_articles  # noqa: E402


def run(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run ``command``; its wall time (s), peak memory (MiB) and processor time (s, with the processes it ran:
    on a shared machine the wall time says more about the other users than about the build)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return took, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def one_search(site_dir: Path, query: str) -> str:
    """What a visitor downloads to run one query on the built site, served on 127.0.0.1 to a headless chromium."""
    if not Path(CHROMIUM).exists():
        return f"one search: not measured ({CHROMIUM} is not installed: make system-deps)"
    search = "pagefind" if (site_dir / pagefind.BUNDLE_DIR).is_dir() else "material"
    sent, requests, _, found = query_bytes(site_dir, search, query)
    if search == "material":
        sent = material_page_bytes(site_dir)
    return f"one search ({search}, '{query}'): {sent / 1e6:.3f} MB in {requests} requests, {found} results shown"


def extraction(count: int, folder: Path) -> None:
    seeds = write_seeds(count, folder / "extract-seeds", distinct=True)
    articles = load_seeds(seeds[0].parent).articles
    words = sum(len(a.body.split()) + len(a.title.split()) for a in articles)
    cores = available_cores()
    extract_articles(articles[:1], ExtractOptions(), Workers(jobs=1))  # loads the word lists once, untimed
    rates = {}
    for jobs in sorted({1, cores}):
        started = time.perf_counter()
        extract_articles(articles, ExtractOptions(), Workers(jobs=jobs))
        rates[jobs] = words / (time.perf_counter() - started)
    print(f"extraction, {count} articles, {words:,} words: one core {rates[1]:,.0f} words/s; "
          f"{cores} cores {rates[cores]:,.0f} words/s = {rates[cores] / cores:,.0f} per core "
          f"(x{rates[cores] / rates[1]:.2f} one core)", flush=True)


def print_profile(path: Path, title: str, rows: int = 25) -> None:
    """The functions of a profiled build that took most time, with what they called (cumulative) and alone."""
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(str(path), stream=out).sort_stats(order).print_stats(rows)
        table = out.getvalue()
        print(f"--- {title}, by {order} ---\n{table[table.find('   ncalls'):].rstrip()}", flush=True)


def scale(count: int, folder: Path, *, plain_mkdocs: bool = True, profile: bool = False) -> None:
    project = copy_project(folder / "briefing")
    seeds = write_seeds(count, project / "seeds", distinct=True)
    arguments = [str(ROOT / "build_briefs.py"), "build", "--seeds", "seeds", "--config-file", "mkdocs.yml"]
    build = [sys.executable, *arguments]
    full = run(build, project)
    full_size = size_mib(project / "site")
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    print(f"{count:>6} briefs: site {full_size:.1f} MiB; "
          f"{one_search(project / 'site', invented_name(2 * (count // 4)))}", flush=True)
    unchanged = run(build, project)
    profiled = folder / "one-seed.prof"
    # profiled, the one-seed rebuilds take longer than the figures printed for them would be without the profiler
    edit = [sys.executable, "-m", "cProfile", "-o", str(profiled), *arguments] if profile else build
    seeds[count // 2].write_text(seeds[count // 2].read_text(encoding="utf-8").replace("next month", "next week"),
                                 encoding="utf-8")
    one_seed = run(edit, project)
    if profile:
        print_profile(profiled, f"{count} briefs, one-seed rebuild")
    other = seeds[count // 3]  # a second edit: this rebuild starts from the site the first one replaced
    other.write_text(other.read_text(encoding="utf-8").replace("next month", "next week"), encoding="utf-8")
    one_seed_again = run(edit, project)
    if profile:
        print_profile(profiled, f"{count} briefs, one-seed rebuild, next")
    if not plain_mkdocs:
        for name, (took, memory, cpu) in (("full build", full), ("no-change rebuild", unchanged),
                                          ("one-seed rebuild", one_seed), ("one-seed, next", one_seed_again)):
            print(f"{count:>6} briefs, {pages:>6} pages: {name:<17} {took:7.1f} s = {took / full[0]:6.1%} of the full "
                  f"build; CPU {cpu:7.1f} s; peak {memory:6.0f} MiB", flush=True)
        return

    plain = copy_project(folder / "plain")
    (plain / "briefing").unlink()
    config = plain / "mkdocs.yml"
    config.write_text("\n".join(line for line in config.read_text(encoding="utf-8").splitlines()
                                if "briefing/mkdocs_hooks.py" not in line and line != "hooks:") + "\n",
                      encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):  # the same pages, as plain Markdown files of the same size
        target = plain / "docs" / page.relative_to(project / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# Page {target.stem}\n\n" + "Plain text of the page. " * (page.stat().st_size // 24),
                          encoding="utf-8")
    mkdocs = run([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
    for name, (took, memory, cpu) in (("full build", full), ("no-change rebuild", unchanged),
                                      ("one-seed rebuild", one_seed), ("one-seed, next", one_seed_again)):
        print(f"{count:>6} briefs, {pages:>6} pages: {name:<17} {took:7.1f} s = x{took / mkdocs[0]:5.2f} plain "
              f"MkDocs, {took / full[0]:6.1%} of the full build; CPU {cpu:7.1f} s; peak {memory:6.0f} MiB", flush=True)
    print(f"{count:>6} briefs: plain MkDocs on {pages} pages {mkdocs[0]:.1f} s, peak {mkdocs[1]:.0f} MiB, site "
          f"{size_mib(plain / 'site'):.1f} MiB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[1000, 10000], metavar="N")
    parser.add_argument("--extract", type=int, default=400, metavar="N", help="articles for the extraction figures (0: none)")
    parser.add_argument("--no-plain", dest="plain", action="store_false",
                        help="leave out plain MkDocs (and the ratios to it), for the build figures alone")
    parser.add_argument("--profile", action="store_true",
                        help="run the one-seed rebuilds under cProfile and print their top costs (their times then "
                             "include the profiler's)")
    args = parser.parse_args()
    if args.extract:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
            extraction(args.extract, Path(folder))
    for count in args.briefs:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
            scale(count, Path(folder), plain_mkdocs=args.plain, profile=args.profile)


if __name__ == "__main__":
    main()
