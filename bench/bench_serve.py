"""Benchmark the live preview: edit-to-rebuilt time of one seed at 100 and 1,000 briefs (goal: <= 2 s at 1,000).

Runs the build that ``serve`` (and plain ``mkdocs serve``) makes after an edit: the hook extracts the
seeds through the cache (only the edited one again), rewrites the pages that changed in .briefing/pages
and MkDocs rebuilds only those (a dirty build, as ``serve`` runs it). The
browser reload itself is not counted. Prints figures, asserts nothing. Run from the project root:
``.venv/bin/python bench/bench_serve.py [--briefs 100 1000]``.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_briefs import copy_project, write_seeds  # noqa: E402
from briefing.site import mkdocs_build, site_config  # noqa: E402


def preview_build(project: Path, *, dirty: bool) -> float:
    config = site_config(project / "mkdocs.yml", site_dir=project / "preview")
    started = time.perf_counter()
    config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        mkdocs_build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return time.perf_counter() - started


def bench(count: int, project: Path) -> None:
    copy_project(project)
    seeds = write_seeds(count, project / "seeds")
    cold = preview_build(project, dirty=False)
    warm = preview_build(project, dirty=True)
    seeds[count // 2].write_text(seeds[count // 2].read_text(encoding="utf-8") + "Lin Wei said the talks went on.\n",
                                 encoding="utf-8")
    edited = preview_build(project, dirty=True)
    print(f"{count:>5} briefs: first preview build {cold:6.2f} s, rebuild with nothing changed {warm:6.2f} s, "
          f"edit-to-rebuilt (one seed edited) {edited:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for count in args.briefs:
        with tempfile.TemporaryDirectory() as tmp:
            bench(count, Path(tmp))


if __name__ == "__main__":
    main()
