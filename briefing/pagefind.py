"""Search at archive size with Pagefind (``pagefind-bin`` ships its binary; MIT).

Material's search downloads one index of every page to every visitor (about 7 KB per brief). Pagefind
splits its index into chunks and a visitor fetches only the chunks a query needs, so the bytes of one
query stay small however many briefs the site holds. It runs after the MkDocs build, over the built
site, and indexes only the brief pages (:data:`INDEXED_PAGES`): the actor, country and list pages repeat
the briefs' items, and would only duplicate their text in the index.

Pagefind's search fetches its index and WebAssembly with ``fetch()``, which browsers refuse for
``file://`` pages, so a site built ``--offline`` (to open from disk) keeps Material's search.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

from .io import write_json_atomic

#: The modes of ``build --search``.
SEARCH_MODES = ("auto", "material", "pagefind")
#: ``--search auto`` uses Pagefind from this many briefs on (Material's index is then about 3.5 MB).
PAGEFIND_FROM_BRIEFS = 500
#: Where Pagefind writes its bundle in the site, and the page that holds its search box.
BUNDLE_DIR = "_pagefind"
SEARCH_PAGE = "find.md"
#: The pages Pagefind indexes (both URL styles: briefs/x/index.html and briefs/x.html), and what of them.
INDEXED_PAGES = "briefs/**/*.html"
ROOT_SELECTOR = "article.md-content__inner"
#: Page furniture a snippet should not read: heading permalinks, "¶ N" toggles, sentence numbers, back links.
EXCLUDED = ".headerlink, details.brief-source > summary, .brief-sentence-no, .brief-backlinks, .brief-cite"
#: Brief pages per shard bundle: a one-seed rebuild re-indexes one shard (Pagefind takes ~3.5 ms a page here), and
#: a query fetches every shard's entry, meta file and the index chunk of its word, ~15 KB a shard: 0.60 MB a query
#: at 10,000 briefs (20 shards, bench/bench_search.py), ~3.3 MB at 100,000 (200 shards, estimated).
SHARD_PAGES = 500
#: The list of shard bundles (read by the search page) and each one's signature (read by the next build).
SHARDS_FILE = "shards.json"
#: The search box's files, the same in every shard's bundle; the search page loads them from the bundle's top.
UI_ASSETS = ("pagefind-ui.js", "pagefind-ui.css")
#: Pagefind's run over a large site is long; past this it is stopped and the build fails.
TIMEOUT_SECONDS = 3600


class PagefindError(Exception):
    """Pagefind is missing or failed; the message says how to fix it."""


def search_mode(requested: str, *, briefs: int, offline: bool) -> str:
    """``material`` or ``pagefind`` for ``build --search requested``.

    Raises:
        PagefindError: Pagefind was asked for a site that opens from disk, where it cannot run.
    """
    if requested == "pagefind" and offline:
        raise PagefindError("Pagefind's search cannot run from disk (file://): browsers refuse its fetch() of the "
                            "index there (build without --offline/--zip, or with --search material)")
    if requested == "auto":
        return "pagefind" if briefs >= PAGEFIND_FROM_BRIEFS and not offline else "material"
    return requested


def executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as err:
        raise PagefindError("Pagefind is not installed (pip install pagefind-bin==1.5.2, or reinstall briefing: "
                            "pip install -e .)") from err
    try:
        return get_executable()
    except FileNotFoundError as err:
        raise PagefindError(f"the Pagefind binary is missing: {err} (reinstall it: pip install --force-reinstall "
                            "pagefind-bin==1.5.2)") from err


def shard_count(pages: int) -> int:
    """How many bundles :func:`index_site` splits ``pages`` brief pages into."""
    return max(1, math.ceil(pages / SHARD_PAGES))


def shard_of(brief_id: str, shards: int) -> int:
    """The shard of a brief: a hash of its id that stays the same across builds and machines."""
    return zlib.crc32(brief_id.encode("utf-8")) % shards


def index_site(site_dir: Path, *, links_dir: Path | None = None) -> None:
    """Index the brief pages of the built ``site_dir`` into shard bundles in ``site_dir/_pagefind``.

    The pages are split by :func:`shard_of` into :func:`shard_count` bundles, ``_pagefind/<n>/``, which
    the search page merges at query time (Pagefind's ``mergeIndex``), listed in :data:`SHARDS_FILE`. Pagefind
    has no incremental mode, so a rebuild re-indexes only the shards whose pages changed: a page the build
    did not write again is still the previous site's hard link, with the same inode, size and time.
    Pagefind reads each shard from a folder of links to its pages: kept in ``links_dir/<n>`` from build to
    build when given (only the links of changed pages are made again), else made and removed each time.

    Raises:
        PagefindError: Pagefind is missing, failed, or took longer than :data:`TIMEOUT_SECONDS`.
    """
    bundle = site_dir / BUNDLE_DIR
    pages = sorted(p for p in (site_dir / "briefs").glob("**/*.html")) if (site_dir / "briefs").is_dir() else []
    shards: dict[str, list[Path]] = {}
    count = shard_count(len(pages))
    for page in pages:
        brief_id = page.relative_to(site_dir / "briefs").parts[0].removesuffix(".html")
        shards.setdefault(str(shard_of(brief_id, count)), []).append(page)
    if not shards:
        shards["0"] = []  # a site with no brief yet still gets a search box (that finds nothing)
    previous = _read_shards(bundle)
    signatures = {name: _signature(site_dir, shard) for name, shard in sorted(shards.items())}
    for stale in (set(previous) - set(signatures)) | {n for n in signatures if previous.get(n) != signatures[n]}:
        shutil.rmtree(bundle / stale, ignore_errors=True)  # unlinks the previous site's links, never writes to them
    for name, shard in shards.items():
        if previous.get(name) != signatures[name] or not (bundle / name / "pagefind.js").is_file():
            _index_shard(site_dir, shard, bundle / name, links=None if links_dir is None else links_dir / name)
    for asset in UI_ASSETS:  # one copy of the search box for every shard (each run writes the same files)
        target = bundle / asset
        target.unlink(missing_ok=True)
        shutil.copyfile(bundle / min(shards, key=int) / asset, target)
    write_json_atomic(bundle / SHARDS_FILE, {"shards": sorted(signatures, key=int), "signatures": signatures})


def remove_bundle(site_dir: Path) -> None:
    """Remove the Pagefind bundle a previous build left in ``site_dir`` (a site with Material's search)."""
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)


def _read_shards(bundle: Path) -> dict[str, str]:
    try:
        signatures = json.loads((bundle / SHARDS_FILE).read_text(encoding="utf-8"))["signatures"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no bundle, or one this build cannot trust: every shard is indexed again
    return signatures if isinstance(signatures, dict) else {}


def _signature(site_dir: Path, pages: list[Path]) -> str:
    digest = hashlib.sha256()
    for page in pages:
        info = page.stat()
        digest.update(f"{page.relative_to(site_dir)}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _index_shard(site_dir: Path, pages: list[Path], output: Path, *, links: Path | None) -> None:
    """Run Pagefind over ``pages`` of ``site_dir`` alone: a folder of links to them, at the same paths (``links``,
    kept for the next build, else a temporary one)."""
    if links is None:
        with tempfile.TemporaryDirectory(prefix=".pagefind-shard-", dir=site_dir.parent) as folder:
            _link_pages(site_dir, pages, Path(folder))
            _run_pagefind(site_dir, Path(folder), output)
    else:
        links.mkdir(parents=True, exist_ok=True)
        _link_pages(site_dir, pages, links)
        _run_pagefind(site_dir, links, output)


def _link_pages(site_dir: Path, pages: list[Path], folder: Path) -> None:
    """Make ``folder`` hold exactly ``pages`` (paths in ``site_dir``) as hard links (copies where links fail),
    leaving alone a link that is already to its page."""
    wanted = {os.path.join(folder, page.relative_to(site_dir)): page for page in pages}
    for parent, _, names in os.walk(folder):
        for name in names:
            if os.path.join(parent, name) not in wanted:
                os.unlink(os.path.join(parent, name))
    for link, page in wanted.items():
        try:
            if os.path.samestat(os.lstat(link), page.stat()):
                continue
            os.unlink(link)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(link), exist_ok=True)
        try:
            os.link(page, link)
        except OSError:
            shutil.copyfile(page, link)


def _run_pagefind(site_dir: Path, folder: Path, output: Path) -> None:
    command = [str(executable()), "--site", str(folder), "--output-path", str(output), "--glob", INDEXED_PAGES,
               "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDED, "--quiet"]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as err:
        raise PagefindError(f"{site_dir}: Pagefind did not finish in {TIMEOUT_SECONDS} s") from err
    except OSError as err:
        raise PagefindError(f"{command[0]}: cannot run Pagefind: {err.strerror}") from err
    if run.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (run.stderr or run.stdout).strip().splitlines()
        raise PagefindError(f"{site_dir}: Pagefind failed (exit {run.returncode}): {detail[-1] if detail else 'no output'}")


def search_page(*, directory_urls: bool) -> "RenderedPage":
    """The page with Pagefind's search box (``find.md``), put in the nav by :func:`use_pagefind`."""
    from .render import RenderedPage, front_matter, relative_href
    from .templating import make_env

    def href(target: str) -> str:
        return relative_href(SEARCH_PAGE, target, directory_urls=directory_urls)

    body = make_env().get_template("site/find.md.j2").render(href=href, bundle=BUNDLE_DIR, shards_file=SHARDS_FILE)
    return RenderedPage(src=SEARCH_PAGE, text=front_matter("Search", searched=False) + "\n" + body)


def use_pagefind(config) -> None:
    """Turn Material's search off in ``config`` (no index of every page for every visitor) and put the
    Pagefind search page in its nav."""
    plugin = config.plugins.get("material/search")
    if plugin is not None:
        plugin.config.enabled = False
    if config.nav is not None:
        config.nav = [*config.nav, {"Search": SEARCH_PAGE}]
