"""Rendering briefs to site pages (Markdown files for MkDocs) through the Jinja templates.

Every page is a small YAML front matter block that we write ourselves (``title`` HTML-escaped
once, because Material prints page titles as HTML) followed by Markdown section headings of our
own and raw HTML blocks in which every piece of article text went through Jinja autoescaping.
Markdown is not processed inside block-level HTML, so article text can never become markup,
a link, an image, an admonition or a template expression.

Links inside raw HTML are not rewritten by MkDocs, so this module asks MkDocs' own files for them
(see :func:`relative_href`).
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Collection, Iterable, Mapping, Sequence

import jinja2
import yaml

from . import changes as build_changes
from . import exports as site_exports
from . import feeds as site_feeds
from . import lists, tracker
from .crossbrief import (ActorPage, Cited, SiteIndex, Timeline, actor_section, actor_spellings, build_index,
                         fold_name, sort_name)
from .engine import File
from .load import slugify
from .model import Brief, Evidence, Quote
from .templating import make_env
from .timeline import build_timeline
from .verify import CATEGORIES, article_view, page_items, source_of

#: Top-level paths of ``docs/`` that the renderer owns; everything else there is hand-written.
GENERATED_PATHS = ("index.md", "all-briefs.md", "all-briefs", "briefs", "actors", "countries", "agreements",
                   "figures", "quotes", "timeline", "tags", "find.md", "feeds", "exports")

#: Statuses of an agreement that is not yet concluded (shown as "open" on the home page).
OPEN_STATUSES = ("proposed", "under negotiation", "agreed", "approved")

#: The folder of the site that the ``pdf`` command writes the PDFs into (``pdf/<id>.pdf``).
PDF_DIR = "pdf"

HOME_BRIEFS = 20
HOME_TOP_ACTORS = 12

_WHITESPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- links

def site_file(src: str, *, directory_urls: bool = True) -> File:
    """MkDocs' own file of the site source ``src`` (``a/b.md``, or any other file such as ``pdf/x.pdf``)."""
    return File(src, src_dir=None, dest_dir="", use_directory_urls=directory_urls)


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


class SiteRenderer:
    """Renders every page of the site from a :class:`SiteIndex` and the templates in ``templates/site/``."""

    def __init__(self, index: SiteIndex, *, directory_urls: bool = True,
                 env: jinja2.Environment | None = None, pdf_ids: Collection[str] = (),
                 book_pdf: str | None = None, redirects: Mapping[str, str] | None = None,
                 state: build_changes.BuildState | None = None, site_url: str = "",
                 period_rows: int = lists.PERIOD_ROWS) -> None:
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

    def render_all(self) -> tuple[RenderedPage, ...]:
        index = self.index
        everything, country_feeds, tag_feeds = site_feeds.site_feeds(index)
        feed_of = {feed.page_src: feed for feed in country_feeds}
        pages = [self._page("index.md", "home.md.j2", front_matter("Home"),
                            whats_new=build_changes.whats_new(self.state.changes, index.briefs), feed=everything,
                            limit=HOME_BRIEFS,
                            briefs=index.briefs[:HOME_BRIEFS], brief_count=len(index.briefs),
                            book_pdf=f"{PDF_DIR}/{self.book_pdf}" if self.book_pdf else None,
                            top_actors=self._top(lambda p: p.type != "country"),
                            top_countries=self._top(lambda p: p.type == "country"),
                            open_agreements=[r for r in self._records() if r.status in OPEN_STATUSES])]
        pages += self._list_pages("all-briefs.md", "all_briefs.md.j2", "All briefs", index.briefs,
                                  lambda b: b.published, lambda rows: {"briefs": rows})
        pages += [self.render_brief(brief) for brief in index.briefs]
        pages += [self._page(p.src, "actor.md.j2",
                             front_matter(p.name, feeds=[feed_of[p.src].head_link()] if p.src in feed_of else ()),
                             actor=p, feed=feed_of.get(p.src),
                             index_src=f"{actor_section(p.type)}/index.md",
                             index_title="All countries" if p.type == "country" else "All actors")
                  for p in index.actor_pages]
        pages += [
            self._page("actors/index.md", "actor_index.md.j2", front_matter("Actors"), what="actors",
                       groups=_by_type_and_letter([p for p in index.actor_pages if p.type != "country"])),
            self._page("countries/index.md", "actor_index.md.j2", front_matter("Countries"), what="countries",
                       groups=_by_type_and_letter([p for p in index.actor_pages if p.type == "country"])),
            self._page("agreements/index.md", "agreements.md.j2", front_matter("Agreements", searched=False),
                       records=self._records()),
            self._page("tags/index.md", "tags.md.j2", front_matter("Tags", searched=False)),
            self._page("feeds/index.md", "feeds.md.j2", front_matter("Feeds", searched=False),
                       everything=everything, countries=country_feeds, tags=tag_feeds,
                       limit=site_feeds.FEED_ENTRIES),
            self._page("exports/index.md", "exports.md.j2", front_matter("Downloads", searched=False),
                       downloads=site_exports.downloads(), columns=site_exports.COLUMNS),
        ]
        pages += self._list_pages("figures/index.md", "figures.md.j2", "Figures",
                                  [Cited(b, f) for b in index.briefs for f in b.figures],
                                  lambda c: c.brief.published, lambda rows: {"figures": rows})
        pages += self._list_pages("quotes/index.md", "quotes.md.j2", "Quotes",
                                  [Cited(b, q) for b in index.briefs for q in (*b.quotes, *b.reported_speech)
                                   if not q.partial],
                                  lambda c: c.brief.published, lambda rows: {"speakers": self._quotes_by_speaker(rows)},
                                  searched=True)
        pages += self._list_pages("timeline/index.md", "timeline.md.j2", "Timeline",
                                  sorted((Cited(b, e) for b in index.briefs for e in index.timelines[b.id]),
                                         key=lambda c: (c.item.date, c.brief.id)),
                                  lambda c: c.item.date,
                                  lambda rows: {"months": lists.by_period(rows, lambda c: c.item.date)})
        pages += site_exports.render_exports(index)
        pages += site_feeds.render_feeds(index, [everything, *country_feeds, *tag_feeds], site_url=self.site_url,
                                         directory_urls=self.directory_urls, state=self.state)
        pages += self.render_redirects()
        return tuple(pages)

    def _list_pages(self, src: str, template: str, title: str, rows: Sequence[Any],
                    date_of: Callable[[Any], str | None], shape: Callable[[Sequence[Any]], dict[str, Any]], *,
                    searched: bool = False) -> list[RenderedPage]:
        """A list page, or, past :attr:`period_rows` rows, an index of months and one page per month.

        ``shape`` gives the template's context for some rows (e.g. the quotes grouped by speaker).
        """
        folder = src.removesuffix("/index.md").removesuffix(".md")
        periods = lists.split_by_period(rows, date_of, folder=folder, limit=self.period_rows)
        if periods is None:
            return [self._page(src, template, front_matter(title, searched=searched), period=None, previous=None,
                               next=None, index_src=src, **shape(rows))]
        pages = [self._page(src, "periods.md.j2", front_matter(title, searched=False), title=title,
                            years=lists.periods_by_year(periods), count=len(rows))]
        for n, period in enumerate(periods):
            neighbours = {"previous": periods[n - 1] if n else None,
                          "next": periods[n + 1] if n + 1 < len(periods) else None}
            pages.append(self._page(period.src, template, front_matter(f"{title}: {period.label}", searched=searched),
                                    period=period, index_src=src, **neighbours, **shape(period.rows)))
        return pages

    def render_redirects(self) -> list[RenderedPage]:
        """A small HTML page at the old URL of each brief whose id changed, sending the reader on."""
        by_id = {brief.id: brief for brief in self.index.briefs}
        pages = []
        for old, new in sorted(self.redirects.items()):
            if new not in by_id or old in by_id:
                continue
            src = site_file(brief_src(old), directory_urls=self.directory_urls).dest_uri
            target = relative_href(src, brief_src(new), directory_urls=self.directory_urls)
            text = self.env.get_template("site/redirect.html.j2").render(brief=by_id[new], target=target)
            pages.append(RenderedPage(src=src, text=text))
        return pages

    def render_brief(self, brief: Brief) -> RenderedPage:
        direct = [q for q in brief.quotes if q.kind == "direct" and not q.partial]
        timeline = self.index.timelines[brief.id]
        anchors, placed = page_items(brief, timeline)
        items = (*brief.actors, *brief.agreements, *brief.figures, *brief.quotes, *brief.reported_speech)
        return self._page(
            brief_src(brief.id), "brief.md.j2", front_matter(brief.title, tags=self.index.tags[brief.id]),
            brief=brief, timeline=timeline, anchor_of=lambda item: anchors[id(item)],
            downloads=site_exports.downloads(brief.id), brief_json=site_exports.json_src(brief_id=brief.id),
            article=article_view(brief, placed), categories=CATEGORIES,
            low_count=sum(item.confidence == "low" for item in items),
            pdf=f"{PDF_DIR}/{brief.id}.pdf" if brief.id in self.pdf_ids else None,
            direct_quotes=direct, partial_quotes=[q for q in brief.quotes if q.kind == "direct" and q.partial],
            indirect_quotes=[*(q for q in brief.quotes if q.kind != "direct"), *brief.reported_speech],
            countries=self.index.countries_of(brief),
            actor_groups=[(heading, [a for a in brief.actors if a.type == actor_type])
                          for actor_type, heading in _TYPE_HEADINGS.items()
                          if any(a.type == actor_type for a in brief.actors)],
        )

    def _page(self, src: str, template: str, header: str, **context: Any) -> RenderedPage:
        href = partial(relative_href, src, directory_urls=self.directory_urls)

        def actor_href(brief: Brief, name: str | None) -> str | None:
            page = self.index.actor_page(brief, name)
            return href(page.src) if page else None

        def brief_href(brief: Brief, evidence: tuple[Evidence, ...] = ()) -> str:
            return href(brief_src(brief.id), sentence_anchor(evidence))

        body = self.env.get_template(f"site/{template}").render(
            src=src, href=href, actor_href=actor_href, brief_href=brief_href,
            countries_of=self.index.countries_of, speaker_role=speaker_role,
            source_of=source_of, row=self._row_attrs, page_row=self._page_row, **context)
        return RenderedPage(src=src, text=header + "\n" + body)

    def _row_attrs(self, brief: Brief, *, date: str | None = None, actors: Iterable[str] | None = None,
                   **values: str | Iterable[str] | None) -> Any:
        """The filter attributes of a row from ``brief`` (its date, countries, tags and actors unless given)."""
        return lists.row_attrs(date=date or brief.published,
                               country=[page.name for page in self.index.countries_of(brief)],
                               actor=[a.name for a in brief.actors] if actors is None else actors,
                               tag=self.index.tags[brief.id], **values)

    def _page_row(self, page: ActorPage) -> Any:
        """The filter attributes of an actor in the actor index: its spellings and the countries it is of."""
        if self._countries_of_person is None:
            self._countries_of_person = defaultdict(list)
            for country in self.index.actor_pages:
                for member in country.people:
                    self._countries_of_person[member.src].append(country.name)
        return lists.row_attrs(actor=(page.name, *page.spellings), country=self._countries_of_person[page.src])

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

    def _quotes_by_speaker(self, quotes: Iterable[Cited]) -> list[tuple[ActorPage | None, str, list[Cited]]]:
        """(speaker page or None, speaker name, quotes) sorted by name; unattributed quotes last."""
        by_speaker: dict[str, tuple[ActorPage | None, str, list[Cited]]] = {}
        for cited in quotes:
            said_by = cited.item.speaker or cited.item.speaker_text
            page = self.index.actor_page(cited.brief, said_by)
            key = page.src if page else fold_name(said_by or "")
            name = page.name if page else (said_by or "")
            by_speaker.setdefault(key, (page, name, []))[2].append(cited)
        return sorted(by_speaker.values(), key=lambda s: (not s[1], sort_name(s[0]) if s[0] else fold_name(s[1])))


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


def _by_type_and_letter(pages: list[ActorPage]) -> list[tuple[str, list[tuple[str, list[ActorPage]]]]]:
    """[(type heading, [(letter, pages A–Z)])] in the order of :data:`_TYPE_HEADINGS`."""
    result = []
    for actor_type, heading in _TYPE_HEADINGS.items():
        typed = sorted((p for p in pages if p.type == actor_type), key=sort_name)
        letters: dict[str, list[ActorPage]] = {}
        for page in typed:
            initial = sort_name(page)[:1].upper()
            letters.setdefault(initial if initial.isalpha() else "#", []).append(page)
        if letters:
            result.append((heading, list(letters.items())))
    return result


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
    renderer = SiteRenderer(build_index(briefs, timeline=timeline), directory_urls=directory_urls,
                            pdf_ids=pdf_ids, book_pdf=book_pdf, redirects=redirects, state=state, site_url=site_url,
                            period_rows=period_rows)
    return renderer.render_all()

