"""The Jinja environment shared by the site and the print templates.

``StrictUndefined`` makes a missing field fail the build instead of rendering blank, and
autoescaping makes article text (untrusted) appear as text, never as markup.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from .lists import period_label
from .model import Sentence

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def date_label(value: str | None) -> str:
    """``21 Nov 2014``, ``Nov 2014`` or ``2014`` for an ISO date of that precision ('' for none)."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return f"{day.day} {day:%b %Y}"
        if len(value) == 7:
            return f"{dt.date.fromisoformat(value + '-01'):%b %Y}"
    except ValueError:
        pass
    return value


def paragraphs(sentences: Iterable[Sentence]) -> list[list[Sentence]]:
    """The sentences of an article (or anything with their ``paragraph``) grouped into its paragraphs, in order.

    Consecutive sentences with the same ``paragraph`` form one paragraph. A brief read from JSON
    written before sentences had a paragraph (all 0) comes out as a single paragraph.
    """
    return [list(group) for _, group in itertools.groupby(sentences, key=lambda s: s.paragraph)]


@functools.cache
def make_env(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """The templates' environment, one per folder in a process: each template is compiled once (``serve``
    renders every page after each edit), and compiled again when its file changes (Jinja's auto_reload)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=THEME_TEMPLATES,
    )
    env.filters["date_label"] = date_label
    env.filters["paragraphs"] = paragraphs
    env.filters["period_label"] = period_label
    return env


def _compile_settings(env: jinja2.Environment) -> tuple:
    """What a template's compiled code depends on besides its source: the syntax, extensions and policies."""
    return (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            tuple(sorted(env.extensions)), env.optimized, env.is_async, env.finalize, env.autoescape,
            getattr(env, "newstyle_gettext", None), repr(sorted(env.policies.items())))


class CompiledTemplates(jinja2.BytecodeCache):
    """The compiled code of templates, kept in memory for the life of the process and shared by environments that
    compile alike. MkDocs makes the theme's environment anew for each build, so without it ``serve`` compiles
    every template of the theme again after each edit. A template's code is taken again only for the same source
    (Jinja's checksum) and the same :func:`_compile_settings`."""

    def __init__(self) -> None:
        self._code: dict[tuple[tuple, str], tuple[str, Any]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        known = self._code.get((_compile_settings(bucket.environment), bucket.key))
        if known is not None and known[0] == bucket.checksum:
            bucket.code = known[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[(_compile_settings(bucket.environment), bucket.key)] = (bucket.checksum, bucket.code)


#: The templates compiled by the builds of this process: the theme's (briefing/mkdocs_hooks.py) and the site's.
THEME_TEMPLATES = CompiledTemplates()


#: The template names of each theme search path listed in this process: (search path, following links) ->
#: (each folder under it with its modification time, the names).
_LISTED: dict[tuple[tuple[str, ...], bool], tuple[tuple[tuple[str, int], ...], list[str]]] = {}
#: A folder changed this recently may change again within its clock's step unseen: its listing is not kept.
_SETTLED_NS = 2_000_000_000


def list_theme_once(get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    """``get_env`` (a MkDocs theme's), whose environments list the theme's files only when a folder of it changed,
    and leave out those of dot folders, which MkDocs never copies.

    MkDocs lists every file of the theme for each build (to copy its assets), some 14,500 with Material's icons:
    ``serve`` walked them all after every edit. A folder's modification time changes when a name in it is added,
    removed or renamed, which is all that a listing shows."""
    if getattr(get_env, "lists_once", False):
        return get_env

    def listing_env() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:
            loader.list_templates = functools.partial(_listed, loader)  # type: ignore[method-assign]
        return env
    listing_env.lists_once = True  # type: ignore[attr-defined]
    return listing_env


def _listed(loader: jinja2.FileSystemLoader) -> list[str]:
    key = (tuple(map(str, loader.searchpath)), loader.followlinks)
    known = _LISTED.get(key)
    if known is not None and all(_mtime(folder) == mtime for folder, mtime in known[0]):
        return list(known[1])
    started = time.time_ns()
    folders = tuple((folder, _mtime(folder)) for top in key[0]
                    for folder, _, _ in os.walk(top, followlinks=loader.followlinks))
    # MkDocs copies no file of a dot folder (its own filter drops them): 14,300 of Material's names are its icons
    names = [name for name in jinja2.FileSystemLoader.list_templates(loader)
             if not (name.startswith(".") or "/." in name)]
    if all(mtime < started - _SETTLED_NS for _, mtime in folders):
        _LISTED[key] = (folders, names)
    return list(names)


def _mtime(folder: str) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return -1
