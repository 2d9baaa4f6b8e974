"""MkDocs hooks (``hooks:`` in mkdocs.yml): plain ``mkdocs build`` and ``mkdocs serve`` build the whole site.

When the pages were not rendered by ``build_briefs.py build`` (which writes them into docs/ and
marks the configuration, see :func:`briefing.site.mark_rendered`), every build extracts the seeds
(the changed ones: the cache keeps the others) and adds the generated pages to the build as
in-memory files. Nothing is written into the watched docs/, so an edit costs one build. The
seeds are those of ``build_briefs.py serve`` (``BRIEFING_SEEDS`` and its options), else seeds/
of the project; ``mkdocs serve`` also watches them, the templates and the corrections.

A dirty build (``serve``, ``mkdocs build --dirty``, and ``build_briefs.py build`` over a whole previous
site) builds again only the pages whose source changed, and gives the site of a full build: stale
output removed, search index and tags lists complete (:mod:`briefing.incremental`).

Every build: a generated page's raw HTML blocks are set aside while Markdown converts the rest
(:mod:`briefing.raw_blocks`), and each page's HTML waits on disk (:class:`briefing.io.Spool`) from its
conversion to its writing, so that a build never holds the text of every page. A brief's exports never go
through MkDocs: once a preview is built they are put into its site as they are (:func:`briefing.site.publish_beside`).

Confinement: a file of docs/ that is a link to something outside docs/ (``ln -s /etc/passwd
docs/passwd.txt``) is left out of the site, for ``build`` and ``serve`` alike, with a warning.
"""
from __future__ import annotations

import functools
import gc
import os
from pathlib import Path

from briefing import incremental, raw_blocks, site, templating
from briefing.engine import CombinedEvent, Config, Files, Page, PluginError, event_priority
from briefing.io import Spool
from briefing.render import is_generated

_dirty = False  # of the builds that follow (set once by `serve`, by each `build`)
_serving = False  # the builds that follow are those of a live preview, one per edit
_frozen = False  # the objects left by the first preview build of this process are out of the collector's sight
_spool: Spool | None = None  # the HTML of the pages of this build between their conversion and their writing


def on_startup(command: str, dirty: bool) -> None:
    global _dirty, _serving
    _dirty = dirty
    _serving = command == "serve"


def on_config(config: Config) -> Config:
    config.theme.get_env = templating.list_theme_once(config.theme.get_env)
    return config


def on_files(files: Files, config: Config) -> Files:
    docs_dir = str(Path(config.docs_dir).resolve())
    real_folder = functools.cache(os.path.realpath)  # one resolution per folder, not one per file of the folder
    for file in list(files):
        if file.abs_src_path is None or file.src_dir is None or real_folder(file.src_dir) != docs_dir:
            continue  # generated, or a file of the theme
        folder, name = os.path.split(file.abs_src_path)
        # strings, not a Path per file: every page of the site, every build
        target = os.path.realpath(file.abs_src_path) if os.path.islink(file.abs_src_path) \
            else os.path.join(real_folder(folder), name)
        if not (target == docs_dir or target.startswith(docs_dir.rstrip(os.sep) + os.sep)):
            site.log.warning(f"{Path(config.docs_dir).name}/{file.src_uri}: is a link to {target}, outside the docs "
                             "folder; it is not published (copy the file into the docs folder instead)")
            files.remove(file)
    if not site.is_rendered(config):
        files = site.add_preview_pages(files, config)
    if _dirty:
        incremental.prepare(files, config)
    return files


@event_priority(150)  # before the tags plugin lists the pages and fills in its listings (100)
def on_env(env, config: Config, files: Files):
    if env.bytecode_cache is None:
        env.bytecode_cache = templating.THEME_TEMPLATES
    incremental.restore_tags(files, config)
    _take_back_listings(config)
    config.briefing_files = files
    return env


def _take_back_listings(config: Config) -> None:
    """The HTML of the pages with a tags listing, which the tags plugin fills in now (its env event), not when
    each is written."""
    plugin = config.plugins.get("material/tags")
    if plugin is None or not plugin.config.enabled:
        return
    for listing in plugin.listings:
        page = listing.page
        if page.briefing_spooled is not None:
            page.content, page.briefing_spooled = _spool.take(page.briefing_spooled), None


def on_pre_build(config: Config) -> None:
    global _spool
    _close_spool()
    _spool = Spool(Path(config.site_dir).parent)


@event_priority(-100)  # after every plugin's own page_markdown event: the page's Markdown is as it will be converted
def on_page_markdown(markdown: str, page: Page, config: Config, files: Files) -> str:
    """Set aside the raw HTML blocks of a generated page (:mod:`briefing.raw_blocks`): most of its text, which
    Markdown would pass through as it is after parsing all of it twice."""
    if not is_generated(page.file.src_uri):
        page.briefing_blocks = {}
        return markdown
    markdown, page.briefing_blocks = raw_blocks.set_aside(markdown)
    return markdown


@event_priority(100)  # before every plugin's own page_content event: they see the page's whole HTML
def _put_back_blocks(html: str, page: Page, config: Config, files: Files) -> str:
    if not page.briefing_blocks:
        return html
    try:
        html = raw_blocks.put_back(html, page.briefing_blocks)
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: {err}; remove that extension from markdown_extensions in "
                          f"{config.config_file_path}") from None
    page.present_anchor_ids |= raw_blocks.anchor_ids(page.briefing_blocks.values())
    page.briefing_blocks = {}
    return html


@event_priority(-100)  # after every plugin's own page_content event: the page's HTML is made
def _spool_html(html: str, page: Page, config: Config, files: Files) -> str:
    """Let go of the page's Markdown, and put its HTML aside on disk until the page is written. MkDocs reads and
    converts every page before it writes the first, so each page's text would be held to the end of the build;
    at archive size that was most of its memory. Empty, not ``None``: MkDocs gives a page with no Markdown no
    title, and one with no HTML the title of its Markdown's first heading."""
    page.markdown = ""
    page.briefing_spooled = _spool.put(html)
    return ""


on_page_content = CombinedEvent(_put_back_blocks, _spool_html)


@event_priority(100)  # before the search plugins index the page's HTML (0) and the theme shows it
def on_page_context(context, page: Page, config: Config, nav):
    if page.briefing_spooled is not None:  # else taken back already (a tags listing)
        page.content, page.briefing_spooled = _spool.take(page.briefing_spooled), None
    return context


@event_priority(-100)  # after every plugin's own post_page event: the page is written as it will stay
def on_post_page(output: str, page: Page, config: Config) -> str:
    """Let go of the page's HTML once it is written; what is read of a page after that (its URL, title, tags,
    anchors, the search entries taken from it already) is kept. Empty, not ``None``: MkDocs gives a page with no
    HTML the title of its Markdown's first heading."""
    page.content = ""
    return output


@event_priority(-50)  # after Material's search index is written (0), before the offline plugin copies it (-100)
def on_post_build(config: Config) -> None:
    _close_spool()
    incremental.finish(config.briefing_files, config)
    if not site.is_rendered(config):  # `build_briefs.py build` puts them in itself, once the site is built
        site.publish_beside(site.preview_sources(config).files, config, serving=_serving)
    if _serving:
        _freeze_first_build()


def on_build_error(error: Exception) -> None:
    _close_spool()


def _close_spool() -> None:
    global _spool
    if _spool is not None:
        _spool.close()
        _spool = None


def _freeze_first_build() -> None:
    """Once the first preview build is done, freeze what it left alive (every brief, the caches kept from edit to
    edit, the first build's configuration, which ``serve`` holds to the end): a full garbage collection during each
    later build would otherwise walk all of it again (0.1-0.3 s at 1,000 briefs). Objects made later are still
    collected; a cycle alive here that dies later is never freed, which is at most the first build's own, once."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def on_serve(server, config: Config, builder) -> None:
    for folder in site.preview_sources(config).watched():
        server.watch(str(folder))
