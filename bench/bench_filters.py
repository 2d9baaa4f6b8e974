"""Benchmark the list filters (docs/javascripts/filters.js) on one page of every brief: set-up time, one filter
and one sort, measured in headless chromium. The page is the rendered all-briefs list left whole
(``period_rows`` past the count), wrapped in a bare HTML page with the script: no MkDocs build needed.
Prints figures, asserts nothing. Run from the project root: ``.venv/bin/python bench/bench_filters.py [--briefs 5000]``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_search import browser  # noqa: E402
from bench.make_briefs import make_briefs  # noqa: E402
from briefing.render import render_site  # noqa: E402

MEASURE = """
var started = performance.now();
document.dispatchEvent(new Event('DOMContentLoaded'));
var ready = performance.now();
var select = document.querySelector('select[data-filter="country"]');
select.value = select.options[1].value;
select.dispatchEvent(new Event('change', {bubbles: true}));
var filtered = performance.now();
var shown = document.querySelectorAll('[data-row]:not([hidden])').length;
document.querySelector('th[data-sort="date"] button').click();
var sorted = performance.now();
return [ready - started, filtered - ready, sorted - filtered, shown, document.querySelectorAll('[data-row]').length];
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[5000], metavar="N")
    args = parser.parse_args()
    script = (ROOT / "docs" / "javascripts" / "filters.js").read_text(encoding="utf-8")
    for count in args.briefs:
        pages = render_site(make_briefs(count), period_rows=count + 1)
        body = next(p.text for p in pages if p.src == "all-briefs.md").split("---\n", 2)[2]
        with tempfile.TemporaryDirectory() as work:
            page = Path(work) / "list.html"
            page.write_text(f"<!doctype html><meta charset=utf-8><body>{body}</body>", encoding="utf-8")
            driver = browser()
            try:
                driver.get(page.as_uri())
                # the script then waits for DOMContentLoaded, which MEASURE fires to time the set-up
                driver.execute_script(script.replace('document.readyState === "loading"', "true"))
                setup, filtered, sorted_, shown, rows = driver.execute_script(MEASURE)
            finally:
                driver.quit()
        print(f"{count:>6,} briefs on one page ({rows:,} rows): "
              f"set-up {setup:.0f} ms, country filter {filtered:.0f} ms ({shown} shown), date sort {sorted_:.0f} ms")


if __name__ == "__main__":
    main()
