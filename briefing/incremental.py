"""Dirty MkDocs builds that make the site of a full build: only the pages whose source changed are built again.

MkDocs' own dirty build (what ``serve`` runs, and ``build`` when the previous site is whole) skips a page
whose output is newer than its source, and gets three things of a full build wrong, which this module,
run by the hook (briefing/mkdocs_hooks.py), puts right:

- stale output stays (the page of a removed seed): every file of the site folder that the build does not
  skip is removed before MkDocs writes anything, so the folder ends with exactly what a full build writes;
- Material's search index holds only the pages built again: the entries of the skipped pages are taken from
  the previous index, in the order of a full build;
- the tags plugin lists only the pages built again: the title and tags of every page are kept in the site
  (:data:`PAGES_FILE`) and given back to the plugin for the skipped ones, and a page with a tags listing is
  always built again.

A file is skipped only when the previous build of this folder was made with the same settings
(:func:`settings_stamp`), its source has the size and modification time that build recorded, and its output
is newer (MkDocs' own test). Anything else is built again, so a spoiled or foreign record costs time, never
a wrong page. ``build`` runs this in a new folder that starts as hard links to the previous site: every file
a build writes is unlinked first, so the previous site is never written to.
"""
from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any, Iterable

from . import engine, pagefind, pipeline
from .engine import Config, File, Files
from .exports import BRIEFS_DIR
from .io import write_text_atomic
from .templating import TEMPLATES_DIR

#: In a site folder: what its build read (settings, sources, each page's title and tags), for the next dirty build.
PAGES_FILE = ".briefing-pages.json"
PAGES_SCHEMA = 1
#: Folders of the site a build never writes: the PDFs of the ``pdf`` command, carried from site to site.
KEPT_FOLDERS = ("pdf",)
SEARCH_INDEX = Path("search") / "search_index.json"
#: MkDocs warns on every dirty build that the navigation may be wrong; here it is not, and strict mode must not fail.
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class DirtyBuild:
    """What the hook learnt before the pages were built (kept on the configuration for the later events)."""

    skipped: set[str] = field(default_factory=set)  # src_uri of the files whose output is kept
    previous_pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # url -> {"title", "tags"}
    previous_search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # page url -> its entries
    previous_search_json: dict[str, str] = field(default_factory=dict)  # page url -> its entries as written
    pruned_folders: set[str] = field(default_factory=set)
    sources: dict[str, list[int] | None] = field(default_factory=dict)  # abs_src_path -> signature, before reading


def settings_stamp(config: Config) -> str:
    """What the output of every page depends on besides its own source: equal stamps allow a dirty build."""
    plugins = sorted((name, bool(getattr(plugin, "config", {}).get("enabled", True)))
                     for name, plugin in config.plugins.items())
    nav = json.dumps(config.nav, sort_keys=True, default=str)
    return repr((Path(config.config_file_path).read_bytes(), config.site_url, config.use_directory_urls, plugins,
                 nav, pipeline.code_version(), engine.NAME, version(engine.NAME), version("mkdocs-material"),
                 str(TEMPLATES_DIR)))


def reusable(site_dir: Path) -> bool:
    """Whether ``site_dir`` holds the record of a build, so that a dirty build of it may skip pages."""
    return (site_dir / PAGES_FILE).is_file()


def _signature(path: str) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _read_record(site_dir: Path, stamp: str) -> dict[str, Any]:
    try:
        record = json.loads((site_dir / PAGES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("schema") != PAGES_SCHEMA or record.get("settings") != stamp:
        return {}
    return record


#: The entries of each search index that :func:`finish` wrote in this process, by page: path -> (the file's
#: identity, the entries, the entries as written), so that ``serve`` neither reads back after every edit the index
#: it wrote nor writes again the JSON of every page that was not built again.
_WRITTEN_SEARCH: dict[Path, tuple[tuple[int, int, int] | None, dict[str, list[dict[str, Any]]], dict[str, str]]] = {}


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _read_search(site_dir: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """The entries of the search index in ``site_dir`` by page, and those of them known as written."""
    path = site_dir / SEARCH_INDEX
    known = _WRITTEN_SEARCH.get(path)
    if known is not None and known[0] is not None and known[0] == _identity(path):
        return known[1], known[2]
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    return _by_page(index.get("docs", []) if isinstance(index, dict) else []), {}


def _by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_page: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_page.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
    return by_page


def prepare(files: Files, config: Config) -> None:
    """Before a dirty build writes anything: choose the files to skip and remove every other file of the site.

    Files whose output is kept are those MkDocs' dirty build skips, whose source is as the previous build
    recorded it; a page with a tags listing is never kept (its list depends on every page).
    """
    site_dir = Path(config.site_dir)
    record = _read_record(site_dir, settings_stamp(config))
    sources, listings = record.get("sources", {}), set(record.get("listings", []))
    previous_search, previous_search_json = _read_search(site_dir)
    state = DirtyBuild(previous_pages=record.get("pages", {}), previous_search=previous_search,
                       previous_search_json=previous_search_json)
    kept_outputs = set()
    for file in files:
        if not file.abs_src_path:
            continue
        signature = state.sources[file.abs_src_path] = _signature(file.abs_src_path)
        if (record and signature is not None and file.src_uri not in listings
                and sources.get(file.abs_src_path) == signature and _newer(file.abs_dest_path, signature[1])):
            state.skipped.add(file.src_uri)
            kept_outputs.add(os.path.normpath(file.abs_dest_path))
            file.is_modified = _unmodified  # MkDocs asks again for every file, twice for a page: two stats each
    for path in _site_files(config):
        if path not in kept_outputs:
            os.unlink(path)
            state.pruned_folders.add(os.path.dirname(path))
    search = config.plugins.get("material/search")
    if search is not None:
        search.search_index_prev = None  # Material's own merge of the previous index, which this one replaces
    config.briefing_dirty_build = state


def give_site_files(config: Config, paths: list[str]) -> None:
    """Tell :func:`prepare` which files the site folder of ``config`` holds (``build`` has just made it, so the
    prune need not list its folders again: a folder for every page)."""
    config.briefing_site_files = paths


def _site_files(config: Config) -> Iterable[str]:
    """The files of the site folder but those of :data:`KEPT_FOLDERS`, the search bundle and a brief's exports (no
    MkDocs output: briefing/pagefind.py updates the bundle, briefing.site.publish_beside the exports): as
    :func:`give_site_files` gave them for this folder, else listed."""
    site_dir = os.path.normpath(config.site_dir)
    left_out = tuple(os.path.join(site_dir, name) + os.sep
                     for name in (*KEPT_FOLDERS, pagefind.BUNDLE_DIR, BRIEFS_DIR))
    given = getattr(config, "briefing_site_files", None)
    config.briefing_site_files = None
    return [path for path in (given if given is not None else _listed_files(site_dir)) if not path.startswith(left_out)]


def _listed_files(folder: str) -> list[str]:
    return [os.path.join(parent, name) for parent, _, names in os.walk(folder) for name in names]


def _newer(output: str, source_mtime_ns: int) -> bool:
    """MkDocs' own test of a file with a source (``File.is_modified``, negated): its output is a file no older than
    the source. Told from one stat of the output and the source's time already read (MkDocs stats both again)."""
    try:
        info = os.stat(output)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_mtime_ns >= source_mtime_ns


def _unmodified() -> bool:
    return False


def _state(config: Config) -> DirtyBuild | None:
    return getattr(config, "briefing_dirty_build", None)


def restore_tags(files: Files, config: Config) -> None:
    """Give the tags plugin the tags of the pages that were not read again, in the order of a full build."""
    plugin = config.plugins.get("material/tags")
    state = _state(config)
    if state is None or plugin is None or not plugin.config.enabled or plugin.mappings is None:
        return
    read, ordered = plugin.mappings.data, {}
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        if page.url in read:
            ordered[page.url] = read[page.url]
        elif file.src_uri in state.skipped and page.url in state.previous_pages:
            previous = state.previous_pages[page.url]
            page.title = previous["title"]
            page.meta = {plugin.config.tags_name_property: previous["tags"]}
            mapping = plugin.mappings.add(page, "")
            if mapping is not None:
                ordered[page.url] = mapping
    plugin.mappings.data = ordered


def finish(files: Files, config: Config) -> None:
    """After the build: complete the search index, record what the next dirty build needs, drop empty folders."""
    state = _state(config)
    site_dir = Path(config.site_dir)
    pages = [file for file in files.documentation_pages() if file.page is not None]
    search = config.plugins.get("material/search")
    if state is not None and search is not None and search.config.enabled:
        _merge_search_index(site_dir / SEARCH_INDEX, pages, state)
    _write_record(site_dir, files, config, state)
    if state is not None:
        for folder in sorted(state.pruned_folders, key=len, reverse=True):
            while folder != str(site_dir) and os.path.isdir(folder) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        config.briefing_dirty_build = None


def _merge_search_index(path: Path, pages: list[File], state: DirtyBuild) -> None:
    """Write the index of every page, as Material writes it (``json.dumps(index, separators=(",", ":"))``), from
    the entries of the pages built again and those of the previous index; a page's entries already written are
    not encoded again."""
    index = json.loads(path.read_text(encoding="utf-8"))
    built = _by_page(index["docs"])
    entries, written = {}, {}
    for file in pages:
        url = file.page.url
        skipped = file.src_uri in state.skipped
        found = (state.previous_search if skipped else built).get(url)
        if found:
            entries[url] = found
            known = state.previous_search_json.get(url) if skipped else None
            written[url] = known if known is not None else _json(found)[1:-1]  # the list's items, "[" and "]" off
    docs = "[" + ",".join(written.values()) + "]"
    write_text_atomic(path, "{" + ",".join(f"{_json(key)}:{docs if key == 'docs' else _json(value)}"
                                           for key, value in index.items()) + "}")
    _WRITTEN_SEARCH[path] = (_identity(path), entries, written)


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), default=str)


def _write_record(site_dir: Path, files: Files, config: Config, state: DirtyBuild | None) -> None:
    plugin = config.plugins.get("material/tags")
    tagged: dict[str, dict[str, Any]] = {}
    listings: list[str] = []
    if plugin is not None and plugin.config.enabled and plugin.mappings is not None:
        name = plugin.config.tags_name_property
        tagged = {mapping.item.url: {"title": mapping.item.title, "tags": mapping.item.meta.get(name, [])}
                  for mapping in plugin.mappings if hasattr(mapping.item, "meta")}
        listings = sorted({listing.page.file.src_uri for listing in plugin.listings})
    # A dirty build records each source as it was before being read: one changed meanwhile is built again next time.
    known = state.sources if state is not None else {}
    sources = {file.abs_src_path: known[file.abs_src_path] if file.abs_src_path in known
               else _signature(file.abs_src_path) for file in files if file.abs_src_path}
    record = {"schema": PAGES_SCHEMA, "settings": settings_stamp(config), "sources": sources, "pages": tagged,
              "listings": listings}
    write_text_atomic(site_dir / PAGES_FILE, json.dumps(record, separators=(",", ":"), default=str))


class QuietDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)
