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

import subprocess
from pathlib import Path

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


def index_site(site_dir: Path) -> None:
    """Run Pagefind over the built ``site_dir``: its bundle goes to ``site_dir/_pagefind``.

    Raises:
        PagefindError: Pagefind is missing, failed, or took longer than :data:`TIMEOUT_SECONDS`.
    """
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--glob", INDEXED_PAGES,
               "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDED, "--quiet"]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as err:
        raise PagefindError(f"{site_dir}: Pagefind did not finish in {TIMEOUT_SECONDS} s") from err
    except OSError as err:
        raise PagefindError(f"{command[0]}: cannot run Pagefind: {err.strerror}") from err
    if run.returncode != 0 or not (site_dir / BUNDLE_DIR / "pagefind.js").is_file():
        detail = (run.stderr or run.stdout).strip().splitlines()
        raise PagefindError(f"{site_dir}: Pagefind failed (exit {run.returncode}): {detail[-1] if detail else 'no output'}")


def search_page(*, directory_urls: bool) -> "RenderedPage":
    """The page with Pagefind's search box (``find.md``), put in the nav by :func:`use_pagefind`."""
    from .render import RenderedPage, front_matter, relative_href
    from .templating import make_env

    def href(target: str) -> str:
        return relative_href(SEARCH_PAGE, target, directory_urls=directory_urls)

    body = make_env().get_template("site/find.md.j2").render(href=href, bundle=BUNDLE_DIR)
    return RenderedPage(src=SEARCH_PAGE, text=front_matter("Search", searched=False) + "\n" + body)


def use_pagefind(config) -> None:
    """Turn Material's search off in ``config`` (no index of every page for every visitor) and put the
    Pagefind search page in its nav."""
    plugin = config.plugins.get("material/search")
    if plugin is not None:
        plugin.config.enabled = False
    if config.nav is not None:
        config.nav = [*config.nav, {"Search": SEARCH_PAGE}]
