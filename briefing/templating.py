"""The Jinja environment shared by the site and the print templates.

``StrictUndefined`` makes a missing field fail the build instead of rendering blank, and
autoescaping makes article text (untrusted) appear as text, never as markup.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable
from pathlib import Path

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
    )
    env.filters["date_label"] = date_label
    env.filters["paragraphs"] = paragraphs
    env.filters["period_label"] = period_label
    return env
