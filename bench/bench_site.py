"""Benchmark the site: full build time (render + MkDocs) for 100 and 1,000 synthetic briefs.

The cost per page should stay flat as the number of briefs grows (no page lists every page in
its navigation). Prints figures, asserts nothing. Run from the project root:
``.venv/bin/python bench/bench_site.py [--briefs 100 1000]``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_briefs import copy_project, make_briefs  # noqa: E402
from briefing.render import render_site  # noqa: E402
from briefing.site import build_site, mark_rendered, replace_generated_docs, site_config  # noqa: E402


def bench(count: int, project: Path) -> None:
    copy_project(project)
    briefs = make_briefs(count)
    config = site_config(project / "mkdocs.yml")

    started = time.perf_counter()
    pages = render_site(briefs)
    rendered = time.perf_counter()
    replace_generated_docs(project / "docs", pages)
    written = time.perf_counter()
    mark_rendered(config)  # the pages are in docs/: the hook adds none
    build_site(config)
    built = time.perf_counter()

    total = built - started
    print(f"{count:>6} briefs {len(pages):>6} pages: total {total:6.1f} s "
          f"(render {rendered - started:5.2f} s, write {written - rendered:5.2f} s, "
          f"mkdocs {built - written:6.1f} s) | {1000 * total / count:6.1f} ms/brief, "
          f"{1000 * total / len(pages):5.1f} ms/page", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[100, 1000], metavar="N")
    args = parser.parse_args()
    for count in args.briefs:
        with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
            bench(count, Path(folder))


if __name__ == "__main__":
    main()
