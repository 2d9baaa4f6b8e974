"""Publishing: render the briefs into docs/ and build the static site with MkDocs.

Nothing is lost when a build fails or is interrupted: the pages are rendered into a staging
folder and moved into ``docs/`` path by path, and MkDocs builds into a fresh folder next to
``site/`` that replaces it only once the build succeeded (keeping ``site/pdf/``, which the
``pdf`` command writes). The swap is one atomic exchange of the two folders where the system
has one (Linux ``renameat2``), else two renames; either way a build killed at any moment
(``kill -9``) leaves the last good site or the new one, and the next build finishes or undoes
what the killed one left (:func:`recover_site`). A brief page links to its PDF only when
``site/pdf/<id>.pdf`` exists at build time.

A site folder holds :data:`SITE_MARKER`; a build replaces only a folder that is empty, marked,
or a MkDocs site, never one that holds anything else (``--site-dir seeds``).
"""
from __future__ import annotations

import contextlib
import ctypes
import fcntl
import functools
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import jinja2

from . import changes, crossbrief, engine, ids, incremental, pipeline
from .engine import Abort, Config, EngineError, File, Files, load_config, set_exclusions
from .engine import build as mkdocs_build
from .extract import ExtractOptions
from .lists import PERIOD_ROWS
from . import pagefind
from .io import holds, sync_files, write_bytes_unsynced, write_json_atomic, write_text_atomic
from .model import Brief
from .parallel import Workers, available_cores
from .pdf import BOOK_FILENAME
from .exports import BRIEFS_DIR
from .render import GENERATED_PATHS, PDF_DIR, RenderedPage, UnitRecord, changes_renderer, is_beside, is_generated
from .templating import TEMPLATES_DIR

#: Set by ``serve`` for the MkDocs hook (briefing/mkdocs_hooks.py): regenerate pages before each build.
SEEDS_ENV, NER_ENV, CACHE_ENV = "BRIEFING_SEEDS", "BRIEFING_NER", "BRIEFING_CACHE"
CORRECTIONS_ENV = "BRIEFING_CORRECTIONS"
#: The MkDocs configuration; its folder is the project's.
DEFAULT_CONFIG_FILE = Path("mkdocs.yml")
#: The analyst's corrections (briefing/corrections.py), in the project folder.
CORRECTIONS_DIR = Path("corrections")
#: In every site folder a build makes: the folder is a site of ours, which the next build may replace.
SITE_MARKER = ".briefing-site"
#: In a site folder: the stamp of what it was built from (:func:`inputs_stamp`).
BUILT_FROM = ".briefing-built-from"
#: Where plain ``mkdocs build``/``serve`` (the hook) keep the generated pages, in the project folder.
PREVIEW_PAGES_DIR = Path(".briefing") / "pages"
#: The units of the last render into docs/ and into the preview pages (:func:`render_into`).
DOCS_RENDERED, PREVIEW_RENDERED = Path(".briefing") / "rendered-docs.json", Path(".briefing") / "rendered-pages.json"
#: Where the generated files MkDocs never reads (:func:`briefing.render.is_beside`) are written, for the built site
#: and for the preview: :func:`publish_beside` puts them into the site.
FILES_DIR, PREVIEW_FILES_DIR = Path(".briefing") / "files", Path(".briefing") / "preview-files"
RENDERED_SCHEMA = 1
#: The similar surnames of the last build (:class:`briefing.crossbrief.SurnamePairs`), for the next one.
SURNAME_PAIRS_FILE = Path(".briefing") / "surname-pairs.json"
#: Held by a build (and by ``pdf``) for its whole run, so two on one project take turns.
LOCK_FILE = Path(".briefing") / "build.lock"


class NotASiteError(Exception):
    """The site folder holds files that are not a site: a build would have replaced them."""


class LockError(Exception):
    """The project's lock file cannot be made or locked."""


@contextlib.contextmanager
def project_lock(project: Path) -> Iterator[None]:
    """Hold :data:`LOCK_FILE` of ``project``; a second holder waits for the first, saying so."""
    path = project / LOCK_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a")
    except OSError as err:
        raise LockError(f"{path}: cannot lock the project: {err.strerror} (check that the project folder is "
                        "writable)") from err
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"{path}: another build of this project is running; waiting for it to finish", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
#: Material's offline plugin (listed in mkdocs.yml, off unless ``build --offline``).
OFFLINE_PLUGIN = "material/offline"

log = logging.getLogger("mkdocs.briefing")


def project_dir(config_file: Path = DEFAULT_CONFIG_FILE) -> Path:
    """The project folder: the folder of the MkDocs configuration."""
    return config_file.resolve().parent


def ids_file(config_file: Path = DEFAULT_CONFIG_FILE) -> Path:
    """The manifest of brief ids (:data:`ids.MANIFEST`) in the project folder."""
    return project_dir(config_file) / ids.MANIFEST


def corrections_dir(corrections: Path | None, config_file: Path = DEFAULT_CONFIG_FILE) -> Path:
    """The analyst's corrections: ``corrections`` when given, else ``corrections/`` in the project folder."""
    return corrections or project_dir(config_file) / CORRECTIONS_DIR


def cache_dir(cache: Path | None, config_file: Path = DEFAULT_CONFIG_FILE) -> Path:
    """The brief cache: ``cache`` when given, else :data:`pipeline.CACHE_DIR` in the project folder."""
    return cache or project_dir(config_file) / pipeline.CACHE_DIR


def project_briefs(seeds: Path, *, config_file: Path = DEFAULT_CONFIG_FILE, ner: str = "builtin",
                   cache: Path | None = None, corrections: Path | None = None,
                   workers: Workers = Workers()) -> pipeline.ExtractResult:
    """The briefs of a project: load, extract (through its cache, on ``workers``), keep ids, correct.

    The one assembly of the pipeline that ``build``, ``deploy``, ``serve`` (and plain MkDocs), ``pdf`` and
    ``corrections check`` share: the project's cache, ids manifest and corrections, seeds named from the
    project folder.
    """
    folder = corrections_dir(corrections, config_file)
    return pipeline.extract_briefs(seeds, options=ExtractOptions(ner=ner), display_root=project_dir(config_file),
                                   cache_dir=cache_dir(cache, config_file), ids_file=ids_file(config_file),
                                   corrections_dir=folder if corrections is not None or folder.is_dir() else None,
                                   workers=workers)


def zip_site(site_dir: Path, target: Path) -> None:
    """Pack ``site_dir`` into the zip file ``target`` (written whole or not at all), under one top folder."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part-{os.getpid()}")
    top = target.stem
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(site_dir.rglob("*")):
                if path.is_file() and not path.name.startswith("."):  # not the marks of a build
                    bundle.write(path, f"{top}/{path.relative_to(site_dir).as_posix()}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def site_config(config_file: Path, *, strict: bool = False, site_dir: Path | None = None,
                site_url: str | None = None, offline: bool = False) -> Config:
    """The MkDocs configuration, with the command line's overrides.

    ``offline`` turns on Material's offline plugin (listed in the configuration) and the .html page
    URLs it needs, so the pages rendered for the build link the way MkDocs builds them.
    """
    overrides: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    if site_url is not None:
        overrides["site_url"] = site_url
    config = load_config(config_file=str(config_file), **overrides)
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    if plugin is not None and plugin.config.enabled:
        offline = True
    if offline:
        if plugin is None:
            raise EngineError(f"--offline needs Material's offline plugin: add '- offline' under plugins: in "
                                  f"{config_file}")
        plugin.config.enabled = True
        config.use_directory_urls = False
    return config


def publish(briefs: Iterable[Brief], *, config_file: Path, strict: bool = False,
            site_dir: Path | None = None, site_url: str | None = None,
            redirects: dict[str, str] | None = None, offline: bool = False,
            period_rows: int = PERIOD_ROWS, search: str = "material") -> Path:
    """Render ``briefs`` into the configuration's docs_dir and build the site; returns the site folder.

    ``redirects`` (old brief id -> current id) leave a redirect page at each old brief URL; a list of
    more than ``period_rows`` rows is split into month pages. ``search="pagefind"`` indexes the brief
    pages with Pagefind after the build instead of Material's search (:mod:`briefing.pagefind`). The
    state of the build (:data:`changes.STATE_FILE`, what the home page says is new) is written once the
    site is built.

    Raises:
        EngineError: when the configuration is wrong or MkDocs fails (in strict mode: warns);
            the previous site is then left as it was.
    """
    config = site_config(config_file, strict=strict, site_dir=site_dir, site_url=site_url, offline=offline)
    recover_site(Path(config.site_dir))
    pdf_dir = Path(config.site_dir) / PDF_DIR
    briefs = list(briefs)
    state_file = project_dir(config_file) / changes.STATE_FILE
    state = changes.next_state(read_build_state(state_file), briefs, changes.now())
    extra = ()
    if search == "pagefind":
        pagefind.use_pagefind(config)
        extra = (pagefind.search_page(directory_urls=config.use_directory_urls),)
    pairs_file = project_dir(config_file) / SURNAME_PAIRS_FILE
    _load_surname_pairs(pairs_file)
    files_dir = project_dir(config_file) / FILES_DIR
    render_into(Path(config.docs_dir), project_dir(config_file) / DOCS_RENDERED, briefs, extra=extra,
                files_dir=files_dir, directory_urls=config.use_directory_urls, pdf_ids=printed_ids(pdf_dir),
                book_pdf=BOOK_FILENAME if (pdf_dir / BOOK_FILENAME).is_file() else None,
                redirects=redirects, state=state, site_url=config.site_url or "", period_rows=period_rows)
    if crossbrief.SURNAME_PAIRS.changed:
        write_json_atomic(pairs_file, {"code": pipeline.code_version(), "buckets": crossbrief.SURNAME_PAIRS.dump()})
    mark_rendered(config)
    final = Path(config.site_dir)
    stamp = inputs_stamp(config, strict=strict, offline=offline, search=search, files_dir=files_dir)
    if _stamp_file(final).is_file() and _stamp_file(final).read_text(encoding="utf-8") == stamp:
        log.info("%s: up to date: no page, file or setting changed since it was built", final)
        return final
    links = final.with_name(f".{final.name}-pagefind")  # Pagefind's folders of links to each shard's pages
    if search != "pagefind":
        shutil.rmtree(links, ignore_errors=True)
    index = functools.partial(pagefind.index_site, links_dir=links) if search == "pagefind" else pagefind.remove_bundle
    built = build_site(config, index=index, stamp=stamp, files_dir=files_dir)
    changes.write_state(state_file, state)
    return built


def _load_surname_pairs(path: Path) -> None:
    """The similar surnames kept by the last build of this code; a missing or spoiled file costs their comparison."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return
    if isinstance(data, dict) and data.get("code") == pipeline.code_version():
        crossbrief.SURNAME_PAIRS.load(data.get("buckets"))


def read_build_state(path: Path) -> changes.BuildState | None:
    """The state of the previous build; an unreadable state file is a warning, and the build counts as a first."""
    state, problem = changes.read_state(path)
    if problem:
        log.warning("%s: cannot read the state of the previous build (%s); every brief is shown as new (the file "
                    "is written again by this build)", path, problem)
    return state


#: In a site folder: the stamp of the sources of the build that made it with no problem (:func:`sources_stamp`).
SOURCES_STAMP = ".briefing-sources"


def sources_stamp(seeds: Path, *, config_file: Path, corrections: Path | None, cache: Path | None,
                  settings: tuple, with_own: bool = True) -> str:
    """A hash of everything a build reads before MkDocs: equal stamps make equal briefs and pages.

    That is every seed, correction, template and hand-written file of docs_dir (by path, size and
    modification time), the configuration file, the command's ``settings`` and the code, and what the
    build writes itself (``with_own=False`` leaves it out): the ids manifest and the brief cache, so that
    a spoiled cache entry is rebuilt.
    """
    digest = hashlib.sha256()
    docs_dir = project_dir(config_file) / "docs"
    roots = [seeds, corrections_dir(corrections, config_file), TEMPLATES_DIR, docs_dir]
    if with_own:
        roots.append(cache_dir(cache, config_file))
    for root in roots:
        # the generated pages of docs_dir are left out unread: at archive size they are most of the files
        for path in _files_under(root, left_out=GENERATED_PATHS if root == docs_dir else ()):
            info = os.stat(path)
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for path in ((ids_file(config_file),) if with_own else ()) + (config_file,):
        digest.update(path.read_bytes() if path.is_file() else b"-")
    digest.update(repr((settings, pipeline.code_version(), engine.NAME)).encode())
    return digest.hexdigest()


def _files_under(root: Path, *, left_out: Iterable[str] = ()) -> Iterator[str]:
    """The files of the folder ``root`` (or ``root`` itself, a file), in a fixed order, but for its top entries
    ``left_out``; links to folders are not followed."""
    if root.is_file():
        yield str(root)
        return
    for folder, dirs, names in os.walk(root):
        if folder == str(root):
            dirs[:] = [name for name in dirs if name not in left_out]
            names = [name for name in names if name not in left_out]
        dirs.sort()
        for name in sorted(names):
            if os.path.isfile(os.path.join(folder, name)):
                yield os.path.join(folder, name)


def built_from(site_dir: Path, stamp: str) -> bool:
    """Whether ``site_dir`` is whole and was built, with no problem, from the sources of ``stamp``."""
    recorded = site_dir / SOURCES_STAMP
    return recorded.is_file() and recorded.read_text(encoding="utf-8") == stamp and _stamp_file(site_dir).is_file()


def record_sources(site_dir: Path, stamp: str) -> None:
    write_text_atomic(site_dir / SOURCES_STAMP, stamp)


def _stamp_file(site_dir: Path) -> Path:
    return site_dir / BUILT_FROM


def inputs_stamp(config: Config, *, strict: bool, offline: bool, search: str | None = None,
                 files_dir: Path | None = None) -> str:
    """A hash of everything a build of ``config`` reads: equal stamps build equal sites.

    That is every file of docs_dir and of ``files_dir`` (path, size, modification time: an unchanged generated
    page is not rewritten, see :func:`replace_generated_docs`), the configuration file and the settings given on the
    command line, the PDFs carried in, and the versions of briefing, MkDocs and the theme.
    """
    from importlib.metadata import version

    digest = hashlib.sha256()
    for number, root in enumerate((Path(config.docs_dir), *((files_dir,) if files_dir is not None else ()))):
        digest.update(f"{number}\n".encode())
        for folder, dirs, files in os.walk(root):  # strings, not a Path per file: every page, every build
            dirs.sort()
            prefix = os.path.relpath(folder, root) + os.sep
            prefix = "" if prefix == os.curdir + os.sep else prefix
            for name in sorted(files):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{prefix}{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    digest.update(Path(config.config_file_path).read_bytes())
    pdf_dir = Path(config.site_dir) / PDF_DIR
    pdfs = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in pdf_dir.glob("*.pdf")) \
        if pdf_dir.is_dir() else []
    settings = (config.site_url, config.use_directory_urls, strict, offline, search, pdfs, pipeline.code_version(),
                engine.NAME, version(engine.NAME), version("mkdocs-material"), str(TEMPLATES_DIR))
    digest.update(repr(settings).encode())
    return digest.hexdigest()


def printed_ids(pdf_dir: Path) -> frozenset[str]:
    """The ids of the briefs whose PDF (``<id>.pdf``, written by the ``pdf`` command) is in ``pdf_dir``.

    The build carries ``pdf_dir`` into the new site, so the brief pages link to exactly these PDFs.
    """
    if not pdf_dir.is_dir():
        return frozenset()
    return frozenset(path.stem for path in pdf_dir.glob("*.pdf")
                     if path.is_file() and not path.name.startswith(".") and path.name != BOOK_FILENAME)


@dataclass(frozen=True)
class DocsChanges:
    """What :func:`replace_generated_docs` changed: the pages written and the stale ones removed."""

    written: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


def render_into(pages_dir: Path, record: Path, briefs: Iterable[Brief], *, extra: Iterable[RenderedPage] = (),
                files_dir: Path | None = None, **options: Any) -> tuple[DocsChanges, tuple[str, ...]]:
    """Render the pages of ``briefs`` (and the ``extra`` pages) into ``pages_dir`` (the files MkDocs never reads
    into ``files_dir``, if given: :func:`replace_generated_docs`): only the units of pages
    whose inputs changed since the render kept in ``record`` (:func:`briefing.render.render_changes`, given
    ``options``); the others are neither rendered nor read, their files left as they are. Each page is written as
    it is rendered: the text of every page is never in memory at once.

    Returns what changed in ``pages_dir`` and the source of every page it holds now, in the order of a full render
    (MkDocs lists the pages in it: the search index, the sitemap).
    """
    previous = read_rendered(record, pages_dir, files_dir)
    renderer = changes_renderer(briefs, previous={name: unit for name, (unit, _) in previous.items()}, **options)
    rendered: list[str] = []

    def pages() -> Iterator[RenderedPage]:
        for page in renderer.pages():
            rendered.append(page.src)
            yield page
        yield from extra
    changed = replace_generated_docs(pages_dir, pages(), kept=renderer.kept, files_dir=files_dir)
    root_of = _root_of(pages_dir, files_dir)
    signatures = {src: signature for _, files in previous.values() for src, signature in files.items()}
    signatures.update((src, _file_signature(root_of(src) / src)) for src in rendered)
    units = {name: (unit, {src: signatures[src] for src in unit.srcs}) for name, unit in renderer.units.items()}
    data = {"schema": RENDERED_SCHEMA,
            "units": {name: [unit.key, unit.lookups, files] for name, (unit, files) in units.items()}}
    record.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(record, json.dumps(data, separators=(",", ":")))
    _RENDERED[record] = (_file_signature(record), units)
    return changed, (*(src for unit in renderer.units.values() for src in unit.srcs), *(page.src for page in extra))


_Units = dict[str, tuple[UnitRecord, dict[str, tuple[int, int] | None]]]
#: The record of each render this process made or read: path -> (the record file's signature, its units), so that
#: ``serve`` keeps it in memory from edit to edit.
_RENDERED: dict[Path, tuple[tuple[int, int] | None, _Units]] = {}


def read_rendered(record: Path, pages_dir: Path, files_dir: Path | None = None) -> _Units:
    """The units of the render kept in ``record`` whose files in ``pages_dir`` (and ``files_dir``, see
    :func:`render_into`) are as that render left them (size and modification time), with those. A missing or
    unreadable record renders every page again."""
    known = _RENDERED.get(record)
    units = known[1] if known is not None and known[0] == _file_signature(record) else _parse_rendered(record)
    # a file per page and export after every edit: no Path object for each
    pages, files = os.fspath(pages_dir), os.fspath(files_dir if files_dir is not None else pages_dir)
    return {name: (unit, signatures) for name, (unit, signatures) in units.items()
            if all(signature is not None
                   and _file_signature(os.path.join(files if is_beside(src) else pages, src)) == signature
                   for src, signature in signatures.items())}


def _parse_rendered(record: Path) -> _Units:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        if data.get("schema") != RENDERED_SCHEMA:
            return {}
        return {str(name): (UnitRecord(key=str(key), lookups=tuple(tuple(map(str, asked)) for asked in lookups),
                                       srcs=tuple(map(str, files))),
                            {str(src): tuple(signature) for src, signature in files.items()})
                for name, (key, lookups, files) in data["units"].items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError, RecursionError):
        return {}  # a record is a cache: a spoiled one costs a full render, never a wrong page


def _file_signature(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def replace_generated_docs(docs_dir: Path, pages: Iterable[RenderedPage], *, kept: Iterable[str] = (),
                           files_dir: Path | None = None) -> DocsChanges:
    """Make the generated paths of ``docs_dir`` hold exactly ``pages`` and the files ``kept`` (sources, left as
    they are; read once every page is given, so a renderer may fill it as it gives its pages), touching only
    what differs. With ``files_dir``, the files MkDocs never reads (:func:`briefing.render.is_beside`) go there
    instead, at the same paths (:func:`publish_beside` puts them into the site).

    A page whose file already holds its text is left alone (its modification time too, for MkDocs'
    ``--dirty`` and for watchers); a changed page is replaced atomically; a generated file that no page
    has any more is removed. Nothing in ``docs_dir`` is touched before the last page is given: a changed page is
    written as it comes into a folder beside ``docs_dir`` (so the text of every page is never in memory at once),
    and moved into place once all are.
    """
    root_of = _root_of(docs_dir, files_dir)
    roots = (docs_dir,) if files_dir is None else (docs_dir, files_dir)
    stagings: dict[Path, Path] = {}
    try:
        for root in roots:
            root.mkdir(parents=True, exist_ok=True)
            for leftover in root.parent.glob(f".{root.name}.render-*"):  # left by an interrupted render
                shutil.rmtree(leftover, ignore_errors=True)
            stagings[root] = Path(tempfile.mkdtemp(prefix=f".{root.name}.render-", dir=root.parent))
        written, wanted = [], set()
        for page in pages:
            wanted.add(page.src)
            data = page.text.encode("utf-8")
            if not holds(root_of(page.src) / page.src, data):
                write_bytes_unsynced(stagings[root_of(page.src)] / page.src, data)
                written.append(page.src)
        for root, staging in stagings.items():  # before any is moved into place
            sync_files(staging, [staging / src for src in written if root_of(src) == root])
        for src in written:
            root = root_of(src)
            target = root / src
            for parent in reversed(target.relative_to(root).parents[:-1]):
                if (root / parent).is_file():  # a generated file where a folder of pages now goes
                    (root / parent).unlink()
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stagings[root] / src, target)
    finally:
        for staging in stagings.values():
            shutil.rmtree(staging, ignore_errors=True)
    wanted.update(kept)
    removed = _remove_stale(docs_dir, GENERATED_PATHS, {src for src in wanted if root_of(src) == docs_dir})
    if files_dir is not None:
        removed += _remove_stale(files_dir, (BRIEFS_DIR,), {src for src in wanted if root_of(src) == files_dir})
    return DocsChanges(written=tuple(written), removed=tuple(removed))


def _root_of(docs_dir: Path, files_dir: Path | None) -> Callable[[str], Path]:
    """Where the generated file ``src`` is written: ``files_dir`` for one MkDocs never reads, if given; else docs_dir."""
    if files_dir is None:
        return lambda src: docs_dir
    return lambda src: files_dir if is_beside(src) else docs_dir


def _remove_stale(root: Path, names: Iterable[str], wanted: set[str]) -> list[str]:
    """Remove the files of ``root`` under the generated paths ``names`` that are not ``wanted``, then the folders
    left empty; returns the sources removed."""
    removed = []
    for name in names:
        current = root / name
        if current.is_file() or current.is_symlink():
            stale = [name] if name not in wanted else []
            folders = []
        else:
            files, folders = _files_and_folders(current, name) if current.is_dir() else ([], [])
            stale = sorted((src for src in files if src not in wanted), key=lambda src: src.split("/"))
        for src in stale:
            (root / src).unlink()
            removed.append(src)
        for folder in reversed(folders):  # the deepest first
            if not any(os.scandir(folder)):
                os.rmdir(folder)
    return removed


def _files_and_folders(top: Path, name: str) -> tuple[list[str], list[str]]:
    """The files (and links) under ``top`` as sources (``name/...``), and its folders, ``top`` first, parents
    before children. Listed with os.walk, which reads each folder once: thousands of pages, after every edit."""
    files, folders = [], []
    for folder, dirs, names in os.walk(top):
        folders.append(folder)
        prefix = Path(name, os.path.relpath(folder, top)).as_posix()
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]  # os.walk does not enter them
        files += [f"{prefix}/{entry}" for entry in (*names, *links)]
    return files, folders


def build_site(config: Config, *, index: Callable[[Path], None] | None = None, stamp: str | None = None,
               files_dir: Path | None = None) -> Path:
    """Build the site into a folder next to ``config.site_dir``, then put it in place by renames.

    The generated files of ``files_dir`` that MkDocs never reads are put into it beside the MkDocs build
    (:func:`publish_beside`). ``index`` runs over the new folder before it is put in place (Pagefind's index of the
    site).
    ``stamp`` (see :func:`inputs_stamp`) is kept in the site, so that a build with nothing changed is skipped.
    """
    final = Path(config.site_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{final.name}.build-", dir=final.parent))
    # The hook (briefing/mkdocs_hooks.py) makes a dirty build give the site of a full one; without it, build all.
    dirty = bool(config.hooks) and incremental.reusable(final)
    spare = spare_dir(final)
    if dirty and spare.is_dir() and not spare.is_symlink():
        os.replace(spare, fresh)  # onto the empty folder: the build starts from the site before the last one
    fresh.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; the published site must be readable by a web server
    quiet = incremental.QuietDirtyWarning()
    build_log = logging.getLogger(mkdocs_build.__module__)  # "mkdocs.commands.build", or ProperDocs' own
    try:
        if dirty:
            incremental.give_site_files(config, mirror_tree(final, fresh, left_out=incremental.KEPT_FOLDERS,
                                                            left_alone=(BRIEFS_DIR,)))
        config.site_dir = str(fresh)
        config.plugins.on_startup(command="build", dirty=dirty)
        build_log.addFilter(quiet)
        try:
            mkdocs_build(config, dirty=dirty)
        finally:
            build_log.removeFilter(quiet)
            config.plugins.on_shutdown()
        if files_dir is not None:
            publish_beside(files_dir, config)
        if index is not None:
            index(fresh)
        (fresh / SITE_MARKER).write_text("A site built by briefing: the next build replaces this folder.\n")
        if stamp is not None:
            _stamp_file(fresh).write_text(stamp, encoding="utf-8")
        _swap_in(fresh, final, retired_to=spare if dirty else None)
        if not dirty:  # a spare of an older site would have no file in common with this one
            shutil.rmtree(spare, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    finally:
        config.site_dir = str(final)
    if not dirty and config.hooks:
        _make_spare(final, spare)
    return final


def _make_spare(final: Path, spare: Path) -> None:
    """Make the spare of a site a full build made: hard links to all its files, so that the first dirty build after
    it makes no folder and no link but those of the pages that changed (a folder for every page, else). A spare only
    saves time: one that cannot be made is no spare."""
    making = Path(tempfile.mkdtemp(prefix=f".{final.name}.spare-", dir=final.parent))
    try:
        mirror_tree(final, making, left_out=incremental.KEPT_FOLDERS)
        os.replace(making, spare)
    except OSError:
        shutil.rmtree(making, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def spare_dir(final: Path) -> Path:
    """Where the site a dirty build replaced is kept (hard links, mostly to the files of ``final``): the next
    dirty build starts from it, so that it makes and removes only the files of the pages that changed, not a
    folder for every page (on many disks removing a folder costs milliseconds)."""
    return final.with_name(f".{final.name}-spare")


def publish_beside(files_dir: Path, config: Config, *, serving: bool = False) -> None:
    """Make the folder of the site of ``config`` that holds the files MkDocs never reads (``exports/briefs/``) hold
    exactly those of ``files_dir``, as hard links (copies where links fail): only the files that changed are
    touched. The configuration's ``exclude_docs`` and ``draft_docs`` (but when ``serving``) leave files out, as
    MkDocs would."""
    source, target = files_dir / BRIEFS_DIR, Path(config.site_dir) / BRIEFS_DIR
    if not source.is_dir():
        shutil.rmtree(target, ignore_errors=True)
        return
    target.mkdir(parents=True, exist_ok=True)
    mirror_tree(source, target, excluded=_excluded_by(config, serving=serving), within=BRIEFS_DIR)
    while target != Path(config.site_dir) and target.is_dir() and not any(target.iterdir()):  # all left out
        target.rmdir()
        target = target.parent


def _excluded_by(config: Config, *, serving: bool) -> Callable[[str], bool] | None:
    """Whether MkDocs would leave the docs source ``src`` out of the site of ``config`` (None: it leaves none out).
    Each answer is kept, as MkDocs' are for the pages (:func:`_page_file`): ``serve`` asks after every edit."""
    exclude, drafts = config.get("exclude_docs"), None if serving else config.get("draft_docs")
    if not exclude and not drafts:
        return None
    rules = (_rules(exclude), _rules(drafts))

    def excluded(src: str) -> bool:
        key = (rules, src)
        if key not in _EXCLUDED:
            _EXCLUDED[key] = bool(exclude and exclude.match_file(src) or drafts and drafts.match_file(src))
        return _EXCLUDED[key]
    return excluded


_EXCLUDED: dict[tuple[Any, str], bool] = {}


def mirror_tree(source: Path, target: Path, *, left_out: Iterable[str] = (), left_alone: Iterable[str] = (),
                excluded: Callable[[str], bool] | None = None, within: str = "") -> list[str]:
    """Make the folder ``target`` hold exactly the files of ``source`` as hard links (copies where links fail),
    but for the folders ``left_out`` (not copied, and removed from ``target``) and ``left_alone`` (neither copied
    nor removed), both paths in ``source`` (``pdf``, ``exports/briefs``), and the files ``excluded`` tells (given
    their path, after ``within/``: not copied, and removed); returns the paths of the files ``target``
    holds then, but those left alone. A file of ``target`` that is already a link to its file in ``source`` (or,
    across file systems, a copy of its size and time) is left as it is: over the site before the last one, only
    what the last build changed is touched."""
    # Two folders of one file system: a file of each is the same file when the folders list the same inode for it,
    # told without a stat of either (a stat of two files for every file of the site, every build).
    same_device = os.stat(source).st_dev == os.stat(target).st_dev
    files: list[str] = []
    alone = frozenset(left_alone)
    _mirror(os.fspath(source), os.fspath(target), frozenset(left_out) | alone, alone, excluded,
            f"{within}/" if within else "", "", same_device, files)
    return files


def _mirror(source: str, target: str, left_out: frozenset[str], left_alone: frozenset[str],
            excluded: Callable[[str], bool] | None, within: str, prefix: str, same_device: bool,
            files: list[str]) -> None:
    with os.scandir(source) as entries:
        wanted = {entry.name: entry for entry in entries if prefix + entry.name not in left_out
                  and not (excluded is not None and not entry.is_dir(follow_symlinks=False)
                           and excluded(within + prefix + entry.name))}
    with os.scandir(target) as entries:
        present = {entry.name: entry for entry in entries if prefix + entry.name not in left_alone}
    for name, entry in present.items():
        if name not in wanted or entry.is_dir(follow_symlinks=False) != wanted[name].is_dir(follow_symlinks=False):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            present[name] = None
    for name, entry in wanted.items():
        into = os.path.join(target, name)
        old = present.get(name)
        if entry.is_dir(follow_symlinks=False):
            if old is None:
                os.mkdir(into)
            _mirror(entry.path, into, left_out, left_alone, excluded, within, f"{prefix}{name}/", same_device, files)
            if excluded is not None and not os.listdir(into):  # its every file left out
                os.rmdir(into)
            continue
        files.append(into)
        if old is not None:
            if same_device and entry.inode() == old.inode() or not same_device and _same_copy(entry, old):
                continue
            os.unlink(into)
        try:
            os.link(entry.path, into, follow_symlinks=False)
        except OSError:
            shutil.copy2(entry.path, into, follow_symlinks=False)


def _same_copy(source: os.DirEntry, copy: os.DirEntry) -> bool:
    """Whether ``copy`` (made by :func:`shutil.copy2`, which keeps the time) is as ``source`` is now."""
    if source.is_symlink() or copy.is_symlink():
        return False
    made, now = copy.stat(follow_symlinks=False), source.stat(follow_symlinks=False)
    return made.st_size == now.st_size and made.st_mtime_ns == now.st_mtime_ns


def _swap_in(fresh: Path, final: Path, *, retired_to: Path | None = None) -> None:
    """Replace ``final`` by ``fresh`` (which holds :data:`SITE_MARKER`), carrying over the PDFs of ``final``.

    The replaced site is removed, or becomes ``retired_to`` (see :func:`spare_dir`) when that is given and free.
    Killed at any step, this leaves ``final`` whole (old or new, with its PDFs) or, between the
    two renames where there is no atomic exchange, the complete new site in ``fresh``, which
    :func:`recover_site` puts in place.
    """
    if (final / PDF_DIR).is_dir() and not (fresh / PDF_DIR).exists():
        _carry_pdfs(final / PDF_DIR, fresh / PDF_DIR)
    if not final.exists():
        os.replace(fresh, final)
        return
    if _exchange(fresh, final):
        _retire(fresh, retired_to)
        return
    retired = final.with_name(f".{final.name}.old-{os.getpid()}")
    os.replace(final, retired)
    try:
        os.replace(fresh, final)
    except BaseException:
        os.replace(retired, final)
        raise
    _retire(retired, retired_to)


def _retire(old: Path, spare: Path | None) -> None:
    if spare is not None and not os.path.lexists(spare):
        os.replace(old, spare)
    else:
        shutil.rmtree(old, ignore_errors=True)


def _carry_pdfs(old: Path, new: Path) -> None:
    """Give ``new`` the PDFs of ``old`` as hard links (a copy where links fail): ``old`` keeps them until the swap."""
    shutil.copytree(old, new, copy_function=_link_or_copy, symlinks=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def recover_site(final: Path) -> None:
    """Finish or undo what a killed build left next to ``final``, then check that ``final`` may be replaced.

    A build killed between its two renames left no ``final`` but a complete new site
    (``.site.build-*`` holding :data:`SITE_MARKER`) or the retired old one (``.site.old-*``):
    the newest complete one becomes ``final``; a ``final`` without PDFs takes those of a
    leftover. Then every leftover folder is removed, and a spare left half made. Runs under :func:`project_lock`, so no
    other build is using them.

    Raises:
        NotASiteError: ``final`` holds files but is neither marked as ours nor a MkDocs site.
    """
    leftovers = sorted((p for pattern in (f".{final.name}.build-*", f".{final.name}.old-*")
                        for p in final.parent.glob(pattern) if p.is_dir() and not p.is_symlink()),
                       key=lambda p: p.stat().st_mtime, reverse=True)
    if not final.exists():
        complete = [p for p in leftovers if (p / SITE_MARKER).is_file() or p.name.startswith(f".{final.name}.old-")]
        builds = [p for p in complete if ".build-" in p.name] or complete
        if builds:
            os.replace(builds[0], final)
            leftovers.remove(builds[0])
            log.warning("%s: put back the site left by an interrupted build", final)
    for leftover in leftovers:
        if (leftover / PDF_DIR).is_dir() and final.is_dir() and not (final / PDF_DIR).exists():
            os.replace(leftover / PDF_DIR, final / PDF_DIR)
        shutil.rmtree(leftover, ignore_errors=True)
    for unfinished in final.parent.glob(f".{final.name}.spare-*"):  # a spare being made (_make_spare)
        shutil.rmtree(unfinished, ignore_errors=True)
    check_site_dir(final)


def check_site_dir(final: Path) -> None:
    """Raise :class:`NotASiteError` unless ``final`` is missing, marked as ours, a MkDocs site, or empty
    but for the ``pdf/`` that the ``pdf`` command writes before the first build."""
    if not final.exists():
        return
    if not final.is_dir() or final.is_symlink():
        raise NotASiteError(str(final))
    ours = (final / SITE_MARKER).is_file()
    mkdocs_site = (final / "index.html").is_file() and (final / "search" / "search_index.json").is_file()
    if not (ours or mkdocs_site or {path.name for path in final.iterdir()} <= {str(PDF_DIR)}):
        raise NotASiteError(str(final))


@dataclass(frozen=True)
class PreviewSources:
    """Where the pages of a plain MkDocs build or a preview come from."""

    seeds: Path
    ner: str
    cache: Path
    corrections: Path
    ids: Path
    pages: Path  # where the generated pages are written, outside docs/
    files: Path  # where the generated files MkDocs never reads are written (publish_beside)

    def watched(self) -> list[Path]:
        return [folder for folder in (self.seeds, TEMPLATES_DIR, self.corrections) if folder.exists()]


def preview_sources(config: Config) -> PreviewSources:
    """The sources set by ``build_briefs.py serve`` (environment), else the project's own."""
    config_file = Path(config.config_file_path)
    env = os.environ
    return PreviewSources(
        seeds=Path(env.get(SEEDS_ENV) or project_dir(config_file) / "seeds"),
        ner=env.get(NER_ENV, "builtin"),
        cache=Path(env.get(CACHE_ENV) or cache_dir(None, config_file)),
        corrections=Path(env.get(CORRECTIONS_ENV) or corrections_dir(None, config_file)),
        ids=ids_file(config_file), pages=project_dir(config_file) / PREVIEW_PAGES_DIR,
        files=project_dir(config_file) / PREVIEW_FILES_DIR)


def mark_rendered(config: Config) -> None:
    """Tell the hook that docs/ already holds the pages of this build (rendered by :func:`publish`)."""
    config.briefing_rendered = True


def is_rendered(config: Config) -> bool:
    return getattr(config, "briefing_rendered", False)


def add_preview_pages(files: Files, config: Config) -> Files:
    """Extract the seeds and put the generated pages into ``files`` in memory (replacing any in docs/).

    Raises:
        Abort: no seeds folder, or a broken template: one line saying what to do.
    """
    sources = preview_sources(config)
    if not sources.seeds.exists():
        raise Abort(f"{sources.seeds}: no such folder of seeds, so no pages to build (put articles there, or run "
                    "'make site' / 'python build_briefs.py build --seeds DIR')")
    result = project_briefs(sources.seeds, config_file=Path(config.config_file_path), ner=sources.ner,
                            cache=sources.cache, corrections=sources.corrections if sources.corrections.is_dir() else None,
                            workers=Workers(jobs=available_cores()))
    for problem in result.problems:
        log.warning(str(problem))
    try:
        state = changes.next_state(read_build_state(project_dir(Path(config.config_file_path)) / changes.STATE_FILE),
                                   result.briefs, preview_time())  # a preview shows the changes but keeps no state
        # Written outside the watched docs/ (so an edit costs one build), and only when changed, so that a dirty
        # build (serve) rebuilds only the pages that changed.
        rewritten, srcs = render_into(sources.pages, project_dir(Path(config.config_file_path)) / PREVIEW_RENDERED,
                                      result.briefs, redirects=result.redirects, files_dir=sources.files,
                                      directory_urls=config.use_directory_urls, state=state,
                                      site_url=config.site_url or "")
    except jinja2.TemplateError as err:
        raise Abort(template_problem(err)) from None
    for file in list(files):  # what an earlier `build` left in docs/: these pages replace it, stale ones go
        if is_generated(file.src_uri):
            files.remove(file)
    inclusion_rules = (_rules(config.get("exclude_docs")), _rules(config.get("draft_docs")),
                       _rules(config.get("not_in_nav")))
    for src in srcs:
        if not is_beside(src):  # put into the site after the build (the hook)
            files.append(_page_file(src, str(sources.pages), config, inclusion_rules))
    log.info("briefing: %d brief(s) from %s; %d page(s) changed, %d removed", len(result.briefs), sources.seeds,
             len(rewritten.written), len(rewritten.removed))
    return files


#: What MkDocs works out once for a file (its paths and URL): functools.cached_property in its File class.
_WORKED_OUT = tuple(name for kind in File.__mro__ for name, value in vars(kind).items()
                    if isinstance(value, functools.cached_property))
#: A new File of each generated page of this process (by its arguments and the inclusion rules of the configuration)
#: with what MkDocs works out from them: ``serve`` gives MkDocs a new File for every page and export after every edit.
_PAGE_FILES: dict[tuple[Any, ...], dict[str, Any]] = {}


def _rules(spec: Any) -> tuple[tuple[bool, str], ...] | None:
    """The patterns of a gitignore-style setting (``exclude_docs``, ``draft_docs``, ``not_in_nav``), comparable."""
    return None if spec is None else tuple((pattern.include, pattern.regex.pattern) for pattern in spec.patterns
                                           if pattern.regex is not None)


def _page_file(src: str, src_dir: str, config: Config, inclusion_rules: tuple[Any, ...]) -> File:
    """``File(src, src_dir=src_dir, ...)`` of the site in ``config``, its paths, URL and inclusion (MkDocs'
    ``set_exclusions``) already worked out: they follow from these arguments and the rules alone."""
    key = (src, src_dir, config.site_dir, config.use_directory_urls, inclusion_rules)
    made = _PAGE_FILES.get(key)
    if made is None:
        new = File(src, src_dir=src_dir, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        for name in _WORKED_OUT:
            getattr(new, name)
        set_exclusions([new], config)
        made = _PAGE_FILES[key] = dict(vars(new))  # a File never given to MkDocs: no build or plugin changed it
    file = File.__new__(File)
    vars(file).update(made)
    return file


@functools.cache
def preview_time() -> str:
    """When this process began previewing: the time a preview gives the changes since the last build. The same
    for every rebuild of one ``serve``, so an edit rewrites only the pages it changes, not every feed and the
    home page for a new time."""
    return changes.now()


def template_problem(err: jinja2.TemplateError) -> str:
    """One line for a broken template: ``templates/site/x.md.j2: line 4: message (how to fix it)``."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        where = f"{err.filename or err.name}: line {err.lineno}: " if (err.filename or err.name) else ""
        return f"{where}{err.message} (fix the template and save it again)"
    return f"a template failed: {err} (fix the template named in the message and save it again)"
