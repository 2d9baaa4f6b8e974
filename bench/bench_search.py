"""Benchmark search at archive size: bytes a visitor downloads to run one query, Material against Pagefind.

For each count of synthetic briefs (bench/make_briefs.py), the site is built twice (``search="material"``
and ``search="pagefind"``), served on 127.0.0.1, and a headless chromium types one surname into the search
box. The server counts the bytes of every response from the moment the query is typed: for Material
that is its whole index (fetched when the search box opens) and its worker; for Pagefind its script,
worker, WebAssembly, shard list, every shard's entry and meta files, and the index chunks and result
fragments the query needs. Prints figures, asserts nothing. Run from the project root:
``.venv/bin/python bench/bench_search.py [--briefs 100 1000]``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_briefs import SURNAMES, copy_project, make_briefs  # noqa: E402
from briefing import pagefind, site  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
QUERY = SURNAMES[3]
WAIT = 60


class CountingHandler(SimpleHTTPRequestHandler):
    """Serves the site and adds the size of every file it sends to ``server.sent``."""

    def log_message(self, format, *args):
        pass

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        with self.server.lock:
            self.server.sent += source.tell() - start
            self.server.requests += 1
            name = self.path.rsplit("/", 1)[-1]
            if name.endswith(".pf_meta") or name == "pagefind-entry.json":
                self.server.shard_heads += source.tell() - start


def make_project(root: Path) -> Path:
    copy_project(root)
    return root / "mkdocs.yml"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--disk-cache-size=1"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def base_bundle(site_dir: Path) -> int:
    """Bytes of what the Pagefind search page fetches before a query: the shard list and the search box's files."""
    bundle = site_dir / pagefind.BUNDLE_DIR
    return sum((bundle / name).stat().st_size for name in (pagefind.SHARDS_FILE, *pagefind.UI_ASSETS))


def query_bytes(site_dir: Path, search: str, query: str = QUERY) -> tuple[int, int, int, int]:
    """(bytes, requests, bytes of the shards' entry and meta files, results) of one query on the served site."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CountingHandler, directory=str(site_dir)))
    server.sent, server.requests, server.shard_heads, server.lock = 0, 0, 0, threading.Lock()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = browser()
    try:
        if search == "pagefind":
            driver.get(base + "find/")
            box = WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
            server.sent, server.requests = base_bundle(site_dir), 1 + len(pagefind.UI_ASSETS)  # fetched at load
            box.send_keys(query)
            results = ".pagefind-ui__result-link"
        else:
            driver.get(base)
            box = WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, "input.md-search__input"))
            time.sleep(0.5)  # Material fetches its index at page load: count it, it is what search downloads
            box.click()
            box.send_keys(query)
            results = "a.md-search-result__link"
        found = WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
        time.sleep(1.0)  # let the fragments of the first results arrive
        return server.sent, server.requests, server.shard_heads, len(found)
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()


def material_page_bytes(site_dir: Path) -> int:
    """What Material's search downloads besides the page: its index and its worker."""
    index = site_dir / "search" / "search_index.json"
    workers = sum(p.stat().st_size for p in (site_dir / "assets" / "javascripts" / "workers").glob("search*.js"))
    return (index.stat().st_size if index.is_file() else 0) + workers


def bench(count: int, work: Path, searches: list[str]) -> None:
    briefs = make_briefs(count)
    for search in searches:
        project = work / f"{search}-{count}"
        config = make_project(project)
        started = time.perf_counter()
        site_dir = site.publish(briefs, config_file=config, search=search)
        built = time.perf_counter() - started
        size = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
        if search == "material":
            sent = material_page_bytes(site_dir)
            _, requests, heads, found = query_bytes(site_dir, search)
            shards = ""
        else:
            sent, requests, heads, found = query_bytes(site_dir, search)
            listed = json.loads((site_dir / pagefind.BUNDLE_DIR / pagefind.SHARDS_FILE).read_text())["shards"]
            shards = f"; {len(listed)} shards, their entry and meta files {heads / 1e6:.3f} MB"
        print(f"{count:>7,} briefs  {search:<9} one query '{QUERY}': {sent / 1e6:8.3f} MB in {requests:>3} "
              f"requests ({found} results shown{shards})  site {size / 1e6:8.1f} MB  build {built:6.1f} s",
              flush=True)
        shutil.rmtree(project, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[100, 1000], metavar="N",
                        help="counts of synthetic briefs (default: %(default)s)")
    parser.add_argument("--shard-pages", type=int, default=pagefind.SHARD_PAGES, metavar="N",
                        help="brief pages per Pagefind shard; fewer gives a small site the shards of a large one "
                             "(default: %(default)s)")
    parser.add_argument("--search", nargs="+", choices=("material", "pagefind"), default=["material", "pagefind"])
    args = parser.parse_args()
    pagefind.SHARD_PAGES = args.shard_pages
    with tempfile.TemporaryDirectory(prefix="bench-search-") as work:
        for count in args.briefs:
            bench(count, Path(work), args.search)


if __name__ == "__main__":
    main()
