"""Rendering briefs to site pages (Markdown files for MkDocs) through the Jinja templates.

Every page is a small YAML front matter block that we write ourselves (``title`` HTML-escaped
once, because Material prints page titles as HTML) followed by Markdown section headings of our
own and raw HTML blocks in which every piece of article text went through Jinja autoescaping.
Markdown is not processed inside block-level HTML, so article text can never become markup,
a link, an image, an admonition or a template expression.

Links inside raw HTML are not rewritten by MkDocs, so this module asks MkDocs' own files for them
(see :func:`relative_href`).

Only what changed is rendered (:func:`render_changes`). The pages come in units (a page, or files made
together such as a brief's exports or a feed's two files), each keyed by what it is rendered from: the
templates, the code and the settings, and the unit's own inputs (a brief by the fingerprint of its whole JSON,
an actor page by everything it holds). What a template asks the cross-brief index while rendering (the page of
an actor a brief names, the countries of a brief, its tags) is recorded with the answer. The next render keeps
a unit whose key is the same and whose questions get the same answers, without rendering it; anything else is
rendered again, so a changed template, code version or setting renders every page.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import html
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping, Sequence

import jinja2
import yaml

from . import changes as build_changes
from . import exports as site_exports
from . import feeds as site_feeds
from . import lists, tracker
from .crossbrief import (ActorPage, Cited, Mention, SiteIndex, Timeline, actor_section, actor_spellings,
                         build_index, fold_name, sort_name)
from .engine import File
from .load import slugify
from .memo import SameObject
from .model import Brief, Evidence, Quote
from .pipeline import code_version
from .templating import TEMPLATES_DIR, make_env
from .timeline import build_timeline
from .verify import CATEGORIES, article_view, page_items, source_of

#: Top-level paths of ``docs/`` that the renderer owns; everything else there is hand-written.
GENERATED_PATHS = ("index.md", "all-briefs.md", "all-briefs", "briefs", "actors", "countries", "agreements",
                   "figures", "quotes", "timeline", "tags", "find.md", "feeds", "exports")


def is_generated(src: str) -> bool:
    """Whether the docs source ``src`` (``briefs/x.md``) is one of the generated pages, not a hand-written one."""
    return src.split("/", 1)[0] in GENERATED_PATHS


def is_beside(src: str) -> bool:
    """Whether the generated file ``src`` is one MkDocs never reads: a brief's exports (``exports/briefs/``), six
    files a brief, most of the generated files of a large archive. They are written into a folder of their own and
    put into the site as they are, beside the MkDocs build (:func:`briefing.site.publish_beside`), so that MkDocs
    does not list, check and copy them all again on every build."""
    return src.startswith(site_exports.BRIEFS_DIR + "/")

#: Statuses of an agreement that is not yet concluded (shown as "open" on the home page).
OPEN_STATUSES = ("proposed", "under negotiation", "agreed", "approved")

#: The folder of the site that the ``pdf`` command writes the PDFs into (``pdf/<id>.pdf``).
PDF_DIR = "pdf"

HOME_BRIEFS = 20
HOME_TOP_ACTORS = 12

_WHITESPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- links

@functools.lru_cache(maxsize=1 << 16)  # a page links to the same few indexes, actors and briefs as many others
def site_file(src: str, *, directory_urls: bool = True) -> File:
    """MkDocs' own file of the site source ``src`` (``a/b.md``, or any other file such as ``pdf/x.pdf``)."""
    return File(src, src_dir=None, dest_dir="", use_directory_urls=directory_urls)


@functools.lru_cache(maxsize=1 << 18)  # list pages link to thousands of pages, the same links from build to build
def relative_href(from_src: str, target: str, anchor: str = "", *, directory_urls: bool = True) -> str:
    """A link from page ``from_src`` to ``target`` (a page ``.md`` source or any other site file), as MkDocs
    makes it (:meth:`mkdocs.structure.files.File.url_relative_to`)."""
    if target == from_src and anchor:
        return f"#{anchor}"
    here, there = (site_file(src, directory_urls=directory_urls) for src in (from_src, target))
    return there.url_relative_to(here) + (f"#{anchor}" if anchor else "")


def sentence_number(index: int) -> int:
    """The number a reader sees for the sentence with ``index`` (the JSON index, from 0): counted from 1.

    The page, its anchors (``#s1``) and the PDF all use this number.
    """
    return index + 1


def sentence_anchor(evidence: tuple[Evidence, ...]) -> str:
    """``s12``: the anchor of the sentence an item came from (empty without evidence)."""
    return f"s{sentence_number(evidence[0].sentence)}" if evidence else ""


def brief_src(brief_id: str) -> str:
    return f"briefs/{brief_id}.md"


# --------------------------------------------------------------------------- pages

@dataclass(frozen=True)
class RenderedPage:
    """A generated Markdown page: its path under ``docs/`` and its text."""

    src: str
    text: str


def front_matter(title: str, *, tags: Iterable[str] = (), searched: bool = True,
                 feeds: Iterable[Mapping[str, str]] = ()) -> str:
    """YAML front matter that MkDocs reads back as exactly these values.

    The title is HTML-escaped once here because Material prints page titles as HTML
    (header, ``<title>``, tag listings, search results). A page that only repeats the briefs'
    items (``searched=False``) is left out of the search index, so results point to the briefs.
    ``feeds`` are the page's own feeds (:meth:`briefing.feeds.Feed.head_link`), linked from its head.
    """
    meta: dict[str, Any] = {"title": html.escape(_WHITESPACE.sub(" ", title).strip(), quote=False)}
    tag_list = list(tags)
    if tag_list:
        meta["tags"] = tag_list
    if not searched:
        meta["search"] = {"exclude": True}
    if feed_list := [dict(feed) for feed in feeds]:
        meta["feeds"] = feed_list
    dumped = yaml.dump(meta, Dumper=_FrontMatterDumper, allow_unicode=True, default_style='"', sort_keys=False,
                       width=1 << 30)
    return f"---\n{dumped}---\n"


class _FrontMatterDumper(yaml.SafeDumper):
    """Strings double-quoted (no YAML in a title is ever read as YAML), booleans plain: ``exclude: true``, which
    every reader takes as a boolean (Zensical ignores ``!!bool "true"``)."""


_FrontMatterDumper.add_representer(
    bool, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:bool", "true" if value else "false", style=""))


# --------------------------------------------------------------------------- render only what changed

@dataclass(frozen=True)
class UnitRecord:
    """What one unit of rendering (a page, or files made together such as a brief's exports) was made from.

    ``lookups`` are the questions the templates asked the cross-brief index while rendering it, with their
    answers: ``(question, brief id, name, answer)``. The next render keeps the unit when its key is the same
    and every question gets the same answer again.
    """

    key: str
    lookups: tuple[tuple[str, str, str, str], ...]
    srcs: tuple[str, ...]


@dataclass(frozen=True)
class RenderedSite:
    """The pages rendered now and the sources of those kept from the previous render (unchanged, not rendered)."""

    pages: tuple[RenderedPage, ...]
    kept: tuple[str, ...]
    units: Mapping[str, UnitRecord]


def templates_version(templates_dir: Path = TEMPLATES_DIR) -> str:
    """A hash of every template; a changed template (``serve`` reloads it) renders every page again."""
    files = sorted(p for p in templates_dir.rglob("*") if p.is_file())
    return _hash_templates(templates_dir, tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))


@functools.lru_cache(maxsize=4)  # read again only when a template's size or modification time changed
def _hash_templates(templates_dir: Path, signature: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in signature:
        digest.update(str(Path(name).relative_to(templates_dir)).encode() + b"\0" + Path(name).read_bytes())
    return digest.hexdigest()


_PLAIN = frozenset((str, int, float, bool, type(None)))
_SHORT = 20  # hex digits of a brief's or a page's hash inside a key: 80 bits, no collision at any archive size


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


#: The key of each brief's timeline (by brief id) with the timeline keyed: a timeline that is the same object
#: (briefing/crossbrief.py keeps it from build to build) is keyed once in a process, not by every unit showing it.
_TIMELINE_KEYS: dict[str, tuple[tuple[Any, ...], str]] = {}
#: The key of each actor page (by source) with the page keyed: the index keeps a page that is made of the same
#: objects from build to build, and it is keyed once in a process.
_PAGE_KEYS: dict[str, tuple[ActorPage, str]] = {}
#: The key of each unit (by name) with its settings and inputs, for a unit whose inputs are made of the same
#: objects again (a brief that was not edited, its timeline, the rows of a list page): keyed once in a process,
#: not after every edit.
_UNIT_KEYS: dict[str, tuple[tuple[Any, ...], tuple[Any, ...], str]] = {}


def _same(new: Any, old: Any) -> bool:
    """Whether ``new`` keys as ``old`` did (:meth:`_Inputs._token`), told without keying it: the same brief, actor
    page or tuple (immutable, and kept from build to build while its inputs are), equal plain values, containers
    of such things. A brief counts as its fingerprint, and a brief that is the same object has the same one; an
    item of a brief as its place, the same for the same item of the same brief (its timeline is that brief's)."""
    kind = type(new)
    if kind is not type(old):
        return False
    if kind in _PLAIN:
        return new == old and (kind is not float or repr(new) == repr(old))  # 0.0 == -0.0, keyed apart
    if kind is tuple:
        return new is old or (len(new) == len(old) and all(map(_same, new, old)))
    if kind is list:
        return len(new) == len(old) and all(map(_same, new, old))
    if kind is Cited:
        return new.brief is old.brief and new.item is old.item
    if kind is Mention:
        return new.brief is old.brief and new.actor is old.actor
    if kind is Brief or kind is ActorPage:
        return new is old
    if kind is partial:
        return new.func is old.func and _same(new.args, old.args) and _same(new.keywords, old.keywords)
    if dataclasses.is_dataclass(new):
        if new is old and kind.__dataclass_params__.frozen:
            return True
        return all(_same(getattr(new, name), getattr(old, name)) for name in _field_names(kind))
    if isinstance(new, Mapping):
        return len(new) == len(old) and all(map(_same, new, old)) and all(map(_same, new.values(), old.values()))
    if isinstance(new, (set, frozenset)):
        return kind is frozenset and new is old
    return callable(new)  # every helper keys alike (see _token)


class _Inputs:
    """Keys of what a unit is rendered from: a brief counts as its fingerprint (its whole JSON), an item of a
    brief as its place in the brief, an actor page as everything it holds (once per render)."""

    def __init__(self, index: SiteIndex, brief_prints: Mapping[str, str]) -> None:
        self.index = index
        self.brief_prints = brief_prints
        self._places: dict[str, dict[int, int]] = {}
        self._timelines: dict[int, tuple[str, str]] = {}  # id of a brief's timeline (held by the index) -> its token
        for brief_id, entries in index.timelines.items():
            known = _TIMELINE_KEYS.get(brief_id)
            if known is None or known[0] is not entries:
                known = _TIMELINE_KEYS[brief_id] = (entries, self.key(entries))
            if entries:
                self._timelines[id(entries)] = ("timeline", known[1][:_SHORT])

    def key(self, *values: Any) -> str:
        return hashlib.sha256(repr(self._token(values)).encode()).hexdigest()

    def brief(self, brief: Brief) -> str:
        found = self.brief_prints.get(brief.id)
        return found if found is not None else build_changes.fingerprint(brief)

    def unit(self, name: str, settings: tuple[Any, ...], inputs: tuple[Any, ...]) -> str:
        """The key of the unit ``name`` made with ``settings`` from ``inputs``: that of the last unit of this
        name when the settings are equal and the inputs key alike (:func:`_same`)."""
        known = _UNIT_KEYS.get(name)
        if known is not None and known[0] == settings and _same(inputs, known[1]):
            return known[2]
        key = self.key(settings, *inputs)
        _UNIT_KEYS[name] = (settings, inputs, key)
        return key

    def page(self, page: ActorPage) -> str:
        known = _PAGE_KEYS.get(page.src)
        if known is None or known[0] is not page:
            known = _PAGE_KEYS[page.src] = (page, self.key(*(getattr(page, name) for name in _field_names(ActorPage))))
        return known[1]

    def _place(self, brief: Brief, item: Any) -> int | None:
        places = self._places.get(brief.id)
        if places is None:
            items = (*brief.actors, *brief.agreements, *brief.figures, *brief.quotes, *brief.reported_speech,
                     *self.index.timelines.get(brief.id, ()))
            places = self._places[brief.id] = {id(one): n for n, one in enumerate(items)}
        return places.get(id(item))

    def _token(self, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is tuple or kind is list:
            known = self._timelines.get(id(value))
            return known if known is not None else tuple(map(self._token, value))
        if kind is Cited or kind is Mention:
            item = value.item if kind is Cited else value.actor
            place = self._place(value.brief, item)
            return ("item", self.brief(value.brief)[:_SHORT], place if place is not None else repr(item))
        if kind is Brief:
            return ("brief", self.brief(value)[:_SHORT])
        if kind is ActorPage:
            return ("page", self.page(value)[:_SHORT])
        if kind is partial:
            return ("partial", value.func.__qualname__, self._token(value.args), self._token(value.keywords))
        if dataclasses.is_dataclass(value):
            return (kind.__name__, *(self._token(getattr(value, name)) for name in _field_names(kind)))
        if isinstance(value, Mapping):
            return tuple((self._token(k), self._token(v)) for k, v in value.items())
        if isinstance(value, (set, frozenset)):
            return tuple(sorted(repr(self._token(one)) for one in value))
        if callable(value):  # the helpers given to a template answer from the page's own inputs and the lookups
            return "callable"
        raise TypeError(f"cannot key a page input of type {type(value).__name__}")


class SiteRenderer:
    """Renders every page of the site from a :class:`SiteIndex` and the templates in ``templates/site/``."""

    def __init__(self, index: SiteIndex, *, directory_urls: bool = True,
                 env: jinja2.Environment | None = None, pdf_ids: Collection[str] = (),
                 book_pdf: str | None = None, redirects: Mapping[str, str] | None = None,
                 state: build_changes.BuildState | None = None, site_url: str = "",
                 period_rows: int = lists.PERIOD_ROWS, previous: Mapping[str, UnitRecord] | None = None) -> None:
        self.index = index
        self.state = state or build_changes.next_state(None, index.briefs, built="")
        self.site_url = site_url
        self.period_rows = period_rows
        self._countries_of_person: dict[str, list[str]] | None = None
        self.redirects = dict(redirects or {})
        self.directory_urls = directory_urls
        self.env = env or make_env()
        self.pdf_ids = frozenset(pdf_ids)
        self.book_pdf = book_pdf
        self._tracked: tuple[tracker.Record, ...] | None = None
        # Units are kept only against these templates: a renderer given its own environment renders everything.
        self.previous = previous or {} if env is None else {}
        self.units: dict[str, UnitRecord] = {}
        self.kept: list[str] = []
        self._asked: list[tuple[str, str, str, str]] | None = None
        self._answers: dict[tuple[str, str, str], str | None] = {}  # units share questions (a brief's countries)
        self._by_id = {brief.id: brief for brief in index.briefs}
        self._inputs = _Inputs(index, {brief_id: s.fingerprint for brief_id, s in self.state.briefs.items()})
        self._settings = (templates_version(), code_version(), directory_urls, site_url, period_rows, book_pdf)

    def render_all(self) -> tuple[RenderedPage, ...]:
        """Every page whose unit changed since :attr:`previous` (every page when there is none); the sources
        of the others are in :attr:`kept` once this returns, and the record of every unit in :attr:`units`."""
        return tuple(self.pages())

    def pages(self) -> Iterator[RenderedPage]:
        """The pages of :meth:`render_all`, one at a time, as they are rendered (so that whoever writes them need not
        hold the text of every page at once); :attr:`kept` and :attr:`units` are whole once it is exhausted."""
        index = self.index
        everything, country_feeds, tag_feeds = site_feeds.site_feeds(index)
        feed_of = {feed.page_src: feed for feed in country_feeds}
        yield from self._page_unit("index.md", "home.md.j2", partial(front_matter, "Home"),
                                   whats_new=build_changes.whats_new(self.state.changes, index.briefs), feed=everything,
                                   limit=HOME_BRIEFS,
                                   briefs=index.briefs[:HOME_BRIEFS], brief_count=len(index.briefs),
                                   book_pdf=f"{PDF_DIR}/{self.book_pdf}" if self.book_pdf else None,
                                   top_actors=self._top(lambda p: p.type != "country"),
                                   top_countries=self._top(lambda p: p.type == "country"),
                                   open_agreements=[r for r in self._records() if r.status in OPEN_STATUSES])
        yield from self._list_pages("all-briefs.md", "all_briefs.md.j2", "All briefs", index.briefs,
                                    lambda b: b.published, lambda rows: {"briefs": rows})
        for brief in index.briefs:
            yield from self._unit(brief_src(brief.id), (brief, index.timelines[brief.id], brief.id in self.pdf_ids),
                                  partial(self._brief_pages, brief))
        for p in index.actor_pages:
            yield from self._page_unit(
                p.src, "actor.md.j2", partial(front_matter, p.name, feeds=[feed_of[p.src].head_link()] if p.src in feed_of else ()),
                actor=p, feed=feed_of.get(p.src), index_src=f"{actor_section(p.type)}/index.md",
                index_title="All countries" if p.type == "country" else "All actors")
        yield from self._actor_index("actors/index.md", "Actors", [p for p in index.actor_pages if p.type != "country"])
        yield from self._actor_index("countries/index.md", "Countries",
                                     [p for p in index.actor_pages if p.type == "country"])
        yield from self._page_unit("agreements/index.md", "agreements.md.j2",
                                   partial(front_matter, "Agreements", searched=False), records=self._records())
        yield from self._page_unit("tags/index.md", "tags.md.j2", partial(front_matter, "Tags", searched=False))
        yield from self._page_unit("feeds/index.md", "feeds.md.j2", partial(front_matter, "Feeds", searched=False),
                                   everything=everything, countries=country_feeds, tags=tag_feeds,
                                   limit=site_feeds.FEED_ENTRIES)
        yield from self._page_unit("exports/index.md", "exports.md.j2",
                                   partial(front_matter, "Downloads", searched=False),
                                   columns=site_exports.COLUMNS, undated=site_exports.UNDATED,
                                   parts=[(part, site_exports.downloads(part=part))
                                          for part, _ in site_exports.site_parts(index.briefs)])
        yield from self._list_pages("figures/index.md", "figures.md.j2", "Figures",
                                    [Cited(b, f) for b in index.briefs for f in b.figures],
                                    lambda c: c.brief.published, lambda rows: {"figures": rows})
        yield from self._list_pages("quotes/index.md", "quotes.md.j2", "Quotes",
                                    [Cited(b, q) for b in index.briefs for q in (*b.quotes, *b.reported_speech)
                                     if not q.partial],
                                    lambda c: c.brief.published,
                                    lambda rows: {"speakers": self._quotes_by_speaker(rows)}, searched=True)
        yield from self._list_pages("timeline/index.md", "timeline.md.j2", "Timeline",
                                    sorted((Cited(b, e) for b in index.briefs for e in index.timelines[b.id]),
                                           key=lambda c: (c.item.date, c.brief.id)),
                                    lambda c: c.item.date,
                                    lambda rows: {"months": lists.by_period(rows, lambda c: c.item.date)})
        for brief in index.briefs:
            yield from self._unit(f"{site_exports.BRIEFS_DIR}/{brief.id}", (brief, index.timelines[brief.id]),
                                  partial(site_exports.brief_exports, brief, index.timelines[brief.id]))
        for part, briefs in site_exports.site_parts(index.briefs):
            timelines = {brief.id: index.timelines[brief.id] for brief in briefs}
            yield from self._unit(f"{site_exports.EXPORT_DIR}/{part}" if part else site_exports.EXPORT_DIR,
                                  (briefs, list(timelines.values())),
                                  partial(site_exports.site_exports, briefs, timelines, part=part))
        for feed in (everything, *country_feeds, *tag_feeds):
            changed = [(index.tags[b.id], self.state.briefs[b.id].changed if b.id in self.state.briefs else None)
                       for b in feed.briefs]
            yield from self._unit(feed.path, (feed, changed), partial(
                site_feeds.render_feeds, index, [feed], site_url=self.site_url, directory_urls=self.directory_urls,
                state=self.state))
        yield from self.render_redirects()

    def _unit(self, name: str, inputs: tuple[Any, ...],
              render: Callable[[], Iterable[RenderedPage]]) -> list[RenderedPage]:
        """The pages of the unit ``name``, rendered from ``inputs``; none when :attr:`previous` has the unit made
        from the same inputs and the index answers its questions as it did then (its pages are then kept)."""
        key = self._inputs.unit(name, self._settings, inputs)
        before = self.previous.get(name)
        if before is not None and before.key == key and all(self._answer(*asked[:3]) == asked[3]
                                                            for asked in before.lookups):
            self.units[name] = before
            self.kept.extend(before.srcs)
            return []
        self._asked = []
        try:
            pages = list(render())
            self.units[name] = UnitRecord(key, tuple(dict.fromkeys(self._asked)), tuple(p.src for p in pages))
        finally:
            self._asked = None
        return pages

    def _page_unit(self, src: str, template: str, header: Callable[[], str], **context: Any) -> list[RenderedPage]:
        """A page that is its own unit, its inputs being its context; ``header`` makes its front matter."""
        return self._unit(src, (template, header, context), lambda: [self._page(src, template, header(), **context)])

    def _answer(self, question: str, brief_id: str, name: str) -> str | None:
        asked = (question, brief_id, name)
        if asked not in self._answers:
            self._answers[asked] = self._answer_now(question, brief_id, name)
        return self._answers[asked]

    def _answer_now(self, question: str, brief_id: str, name: str) -> str | None:
        """What the index answers to a question a template asked; ``None`` for a brief that is gone.

        An answer holds what the templates show of it: of an actor page its source (a link), of a brief's
        countries their sources and names (links), not all that the pages hold, so that a new brief on a
        country's page does not render again every page that links to the country."""
        if question == "person":
            return repr(self._countries_of_person_src().get(name, []))
        brief = self._by_id.get(brief_id)
        if brief is None:
            return None
        if question == "actor":
            page = self.index.actor_page(brief, name)
            return page.src if page else ""
        if question == "countries":
            return repr([(page.src, page.name) for page in self.index.countries_of(brief)])
        return repr(self.index.tags[brief.id])

    def _ask(self, question: str, brief: Brief | None, name: str = "") -> None:
        if self._asked is not None:
            brief_id = brief.id if brief is not None else ""
            self._asked.append((question, brief_id, name, self._answer(question, brief_id, name) or ""))

    def _countries_of(self, brief: Brief) -> tuple[ActorPage, ...]:
        self._ask("countries", brief)
        return self.index.countries_of(brief)

    def _tags_of(self, brief: Brief) -> tuple[str, ...]:
        self._ask("tags", brief)
        return self.index.tags[brief.id]

    def _brief_pages(self, brief: Brief) -> list[RenderedPage]:
        return [self.render_brief(brief)]

    def _list_pages(self, src: str, template: str, title: str, rows: Sequence[Any],
                    date_of: Callable[[Any], str | None], shape: Callable[[Sequence[Any]], dict[str, Any]], *,
                    searched: bool = False) -> list[RenderedPage]:
        """A list page, or, past :attr:`period_rows` rows, an index of months and one page per month.

        ``shape`` gives the template's context for some rows (e.g. the quotes grouped by speaker).
        """
        folder = src.removesuffix("/index.md").removesuffix(".md")
        periods = lists.split_by_period(rows, date_of, folder=folder, limit=self.period_rows)
        if periods is None:
            return self._page_unit(src, template, partial(front_matter, title, searched=searched), period=None, previous=None,
                                   next=None, index_src=src, **shape(rows))
        pages = self._page_unit(src, "periods.md.j2", partial(front_matter, title, searched=False), title=title,
                                years=lists.periods_by_year(periods), count=len(rows))
        # A page links to its neighbours (source and label) and shows none of their rows: without them, an edit
        # in one month renders again that month's page only, not its neighbours too.
        links = [dataclasses.replace(period, rows=()) for period in periods]
        for n, period in enumerate(periods):
            neighbours = {"previous": links[n - 1] if n else None,
                          "next": links[n + 1] if n + 1 < len(periods) else None}
            pages += self._page_unit(period.src, template, partial(front_matter, f"{title}: {period.label}", searched=searched),
                                     period=period, index_src=src, **neighbours, **shape(period.rows))
        return pages

    def _actor_index(self, src: str, title: str, pages: list[ActorPage]) -> list[RenderedPage]:
        """The index of actor (or country) pages, or, past :attr:`period_rows` pages, an index of initials and one
        page per initial of each type: an edit that changes one actor's row renders again that initial's page."""
        what = src.split("/", 1)[0]
        groups = _by_type_and_letter(pages)
        if len(pages) <= self.period_rows:
            return self._page_unit(src, "actor_index.md.j2", partial(front_matter, title), what=what, groups=groups,
                                   index_src=None)
        initials = [(heading, [(letter, _initial_src(src, heading, letter), listed) for letter, listed in letters])
                    for heading, letters in groups]
        # the index shows each initial's count, and is keyed by the counts, not by every row
        rendered = self._page_unit(src, "actor_initials.md.j2", partial(front_matter, title), what=what,
                                   count=len(pages), groups=[(heading, [(letter, page_src, len(listed))
                                                                        for letter, page_src, listed in letters])
                                                             for heading, letters in initials])
        for heading, letters in initials:
            for letter, page_src, listed in letters:
                rendered += self._page_unit(page_src, "actor_index.md.j2",
                                            partial(front_matter, f"{title}: {heading}, {letter}"), what=what,
                                            groups=[(heading, [(letter, listed)])], index_src=src)
        return rendered

    def render_redirects(self) -> list[RenderedPage]:
        """A small HTML page at the old URL of each brief whose id changed, sending the reader on."""
        by_id = {brief.id: brief for brief in self.index.briefs}
        pages = []
        for old, new in sorted(self.redirects.items()):
            if new not in by_id or old in by_id:
                continue
            pages += self._unit(f"redirect:{old}", (old, by_id[new]), partial(self._redirect, old, by_id[new]))
        return pages

    def _redirect(self, old: str, brief: Brief) -> list[RenderedPage]:
        src = site_file(brief_src(old), directory_urls=self.directory_urls).dest_uri
        target = relative_href(src, brief_src(brief.id), directory_urls=self.directory_urls)
        return [RenderedPage(src=src, text=self.env.get_template("site/redirect.html.j2").render(brief=brief,
                                                                                                  target=target))]

    def render_brief(self, brief: Brief) -> RenderedPage:
        direct = [q for q in brief.quotes if q.kind == "direct" and not q.partial]
        timeline = self.index.timelines[brief.id]
        anchors, placed = page_items(brief, timeline)
        items = (*brief.actors, *brief.agreements, *brief.figures, *brief.quotes, *brief.reported_speech)
        return self._page(
            brief_src(brief.id), "brief.md.j2", front_matter(brief.title, tags=self._tags_of(brief)),
            brief=brief, timeline=timeline, anchor_of=lambda item: anchors[id(item)],
            downloads=site_exports.downloads(brief.id), brief_json=site_exports.json_src(brief_id=brief.id),
            article=article_view(brief, placed), categories=CATEGORIES,
            low_count=sum(item.confidence == "low" for item in items),
            pdf=f"{PDF_DIR}/{brief.id}.pdf" if brief.id in self.pdf_ids else None,
            direct_quotes=direct, partial_quotes=[q for q in brief.quotes if q.kind == "direct" and q.partial],
            indirect_quotes=[*(q for q in brief.quotes if q.kind != "direct"), *brief.reported_speech],
            countries=self._countries_of(brief),
            actor_groups=[(heading, [a for a in brief.actors if a.type == actor_type])
                          for actor_type, heading in _TYPE_HEADINGS.items()
                          if any(a.type == actor_type for a in brief.actors)],
        )

    def _page(self, src: str, template: str, header: str, **context: Any) -> RenderedPage:
        href = partial(relative_href, src, directory_urls=self.directory_urls)

        def actor_href(brief: Brief, name: str | None) -> str | None:
            self._ask("actor", brief, name or "")
            page = self.index.actor_page(brief, name)
            return href(page.src) if page else None

        def brief_href(brief: Brief, evidence: tuple[Evidence, ...] = ()) -> str:
            return href(brief_src(brief.id), sentence_anchor(evidence))

        body = self.env.get_template(f"site/{template}").render(
            src=src, href=href, actor_href=actor_href, brief_href=brief_href,
            countries_of=self._countries_of, speaker_role=speaker_role,
            source_of=source_of, row=self._row_attrs, page_row=self._page_row, **context)
        return RenderedPage(src=src, text=header + "\n" + body)

    def _row_attrs(self, brief: Brief, *, date: str | None = None, actors: Iterable[str] | None = None,
                   **values: str | Iterable[str] | None) -> Any:
        """The filter attributes of a row from ``brief`` (its date, countries, tags and actors unless given)."""
        return lists.row_attrs(date=date or brief.published,
                               country=[page.name for page in self._countries_of(brief)],
                               actor=[a.name for a in brief.actors] if actors is None else actors,
                               tag=self._tags_of(brief), **values)

    def _page_row(self, page: Listed) -> Any:
        """The filter attributes of an actor in the actor index: its spellings and the countries it is of."""
        self._ask("person", None, page.src)
        return lists.row_attrs(actor=(page.name, *page.spellings),
                               country=self._countries_of_person_src().get(page.src, []))

    def _countries_of_person_src(self) -> Mapping[str, list[str]]:
        """Person page source -> the names of the countries whose page lists the person."""
        if self._countries_of_person is None:
            self._countries_of_person = defaultdict(list)
            for country in self.index.actor_pages:
                for member in country.people:
                    self._countries_of_person[member.src].append(country.name)
        return self._countries_of_person

    def _top(self, keep: Callable[[ActorPage], bool]) -> list[ActorPage]:
        pages = [p for p in self.index.actor_pages if keep(p)]
        pages.sort(key=lambda p: (-len(p.briefs), -sum(m.actor.mentions for m in p.mentions), p.name))
        return pages[:HOME_TOP_ACTORS]

    def _records(self) -> tuple[tracker.Record, ...]:
        """The agreements of all briefs, one record per agreement (briefing/tracker.py)."""
        if self._tracked is None:
            self._tracked = tracker.track(self.index.briefs, self._party_key)
        return self._tracked

    def _party_key(self, brief: Brief, name: str) -> str:
        page = self.index.actor_page(brief, name)
        return page.slug if page else slugify(name)

    def _quotes_by_speaker(self, quotes: Iterable[Cited]) -> list[tuple[PageLink | None, str, list[Cited]]]:
        """(link to the speaker's page or None, speaker name, quotes) sorted by name; unattributed quotes last."""
        by_speaker: dict[str, tuple[PageLink | None, str, list[Cited], str]] = {}
        for cited in quotes:
            said_by = cited.item.speaker or cited.item.speaker_text
            page = self.index.actor_page(cited.brief, said_by)
            key = page.src if page else fold_name(said_by or "")
            if key not in by_speaker:
                name = page.name if page else (said_by or "")
                by_speaker[key] = (PageLink(page.slug, page.src, page.name) if page else None, name, [],
                                   sort_name(page) if page else fold_name(name))
            by_speaker[key][2].append(cited)
        return [speaker[:3] for speaker in sorted(by_speaker.values(), key=lambda s: (not s[1], s[3]))]


def speaker_role(brief: Brief, quote: Quote) -> str:
    """The role the quote gives its speaker, else the speaker's first role in the brief."""
    if quote.role:
        return quote.role
    said_by = fold_name(quote.speaker or quote.speaker_text or "")
    for actor in brief.actors:
        if said_by and said_by in {fold_name(s) for s in actor_spellings(actor)}:
            return actor.roles[0] if actor.roles else ""
    return ""


_TYPE_HEADINGS = {"person": "People", "organization": "Organizations", "country": "Countries", "place": "Places"}


@dataclass(frozen=True)
class PageLink:
    """What a quotes page shows of a speaker's page: a quotes page is keyed by it, so it is not rendered again
    whenever the speaker's page changes (a new brief of theirs changes their page and every page they speak on)."""

    slug: str
    src: str
    name: str


@dataclass(frozen=True)
class Listed:
    """What the actor and country indexes show of an actor page. An index is keyed by these, so it is rendered
    again when a name, a spelling or a brief count it shows changes, not whenever an edit reaches a page it lists
    (almost every edit reaches some, and an index lists every actor)."""

    src: str
    name: str
    spellings: tuple[str, ...]
    briefs: tuple[str, ...]  # the ids of the page's briefs: the index shows how many


def _listed(page: ActorPage) -> Listed:
    return Listed(page.src, page.name, page.spellings, tuple(brief.id for brief in page.briefs))


#: The row of each actor page (by source) in its index, made again only for a page that is a new object: a page's
#: briefs are told from all its mentions, and a country's are most of the briefs.
_LISTED = SameObject(_listed)


def _by_type_and_letter(pages: list[ActorPage]) -> list[tuple[str, list[tuple[str, list[Listed]]]]]:
    """[(type heading, [(letter, pages A–Z)])] in the order of :data:`_TYPE_HEADINGS`."""
    result = []
    for actor_type, heading in _TYPE_HEADINGS.items():
        typed = sorted((p for p in pages if p.type == actor_type), key=sort_name)
        letters: dict[str, list[Listed]] = {}
        for page in typed:
            initial = sort_name(page)[:1].upper()
            letters.setdefault(initial if initial.isalpha() else "#", []).append(_LISTED(page.src, page))
        if letters:
            result.append((heading, list(letters.items())))
    return result


def _initial_src(index_src: str, heading: str, letter: str) -> str:
    """``actors/initials/people-a.md``: the page of one initial of one type in a split index (``other`` for
    names that begin with no letter, the code point for a letter outside ASCII, which no other initial shares)."""
    initial = "other" if letter == "#" else letter.lower() if letter.isascii() else f"u{ord(letter):04x}"
    return f"{index_src.removesuffix('index.md')}initials/{heading.lower()}-{initial}.md"


def render_site(briefs: Iterable[Brief], *, directory_urls: bool = True, timeline: Timeline = build_timeline,
                pdf_ids: Collection[str] = (), book_pdf: str | None = None,
                redirects: Mapping[str, str] | None = None, state: build_changes.BuildState | None = None,
                site_url: str = "", period_rows: int = lists.PERIOD_ROWS) -> tuple[RenderedPage, ...]:
    """Every generated page of the site for ``briefs``, and its feeds.

    Args:
        pdf_ids: the ids of the briefs whose PDF is in the site (``pdf/<id>.pdf``): only their
            pages link to it, so a link to a PDF is never broken.
        book_pdf: the file name of the briefing book in ``pdf/`` when the site holds it; the home
            page links to it.
        redirects: old brief id -> current id: a redirect page stays at each old URL.
        state: the state of this build (:mod:`briefing.changes`): what the home page says is new and when
            the feeds say each brief changed; ``None`` for a first build (every brief new, no times).
        site_url: the site's address, for absolute links in the feeds ("" for links relative to the feed).
        period_rows: a list page with more rows is split into one page per month (:mod:`briefing.lists`).
    """
    return render_changes(briefs, directory_urls=directory_urls, timeline=timeline, pdf_ids=pdf_ids,
                          book_pdf=book_pdf, redirects=redirects, state=state, site_url=site_url,
                          period_rows=period_rows).pages


def render_changes(briefs: Iterable[Brief], *, previous: Mapping[str, UnitRecord] | None = None,
                   directory_urls: bool = True, timeline: Timeline = build_timeline, pdf_ids: Collection[str] = (),
                   book_pdf: str | None = None, redirects: Mapping[str, str] | None = None,
                   state: build_changes.BuildState | None = None, site_url: str = "",
                   period_rows: int = lists.PERIOD_ROWS) -> RenderedSite:
    """The pages of :func:`render_site` (same arguments) but those whose unit ``previous`` (the units of the
    previous render, :attr:`RenderedSite.units`) shows unchanged: their sources are in :attr:`RenderedSite.kept`,
    and whoever keeps the previous pages keeps them."""
    renderer = changes_renderer(briefs, previous=previous, directory_urls=directory_urls, timeline=timeline,
                                pdf_ids=pdf_ids, book_pdf=book_pdf, redirects=redirects, state=state,
                                site_url=site_url, period_rows=period_rows)
    pages = renderer.render_all()
    return RenderedSite(pages=pages, kept=tuple(renderer.kept), units=renderer.units)


def changes_renderer(briefs: Iterable[Brief], *, previous: Mapping[str, UnitRecord] | None = None,
                     timeline: Timeline = build_timeline, **options: Any) -> SiteRenderer:
    """The renderer of :func:`render_changes` (same arguments): its :meth:`SiteRenderer.pages` gives the pages one
    at a time."""
    return SiteRenderer(build_index(briefs, timeline=timeline), previous=previous, **options)
