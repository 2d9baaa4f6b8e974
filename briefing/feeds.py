"""Feeds of the briefs: an Atom feed (written by feedgen) and a JSON Feed 1.1 (written with json).

One pair for the whole site (``feeds/briefs.xml``, ``feeds/briefs.json``), one per country
(``feeds/countries/<slug>.*``) and one per tag (``feeds/tags/<slug>.*``), each holding the
newest :data:`FEED_ENTRIES` briefs, newest first.

Ids: an Atom id must be an absolute IRI, and a site may be built without its address
(``site_url``), so ids never come from the address: an entry's Atom id is
``urn:uuid:<uuid5 of the brief id>`` and a feed's ``urn:uuid:<uuid5 of its path>``, the same
whatever the address and wherever the site moves; the JSON Feed's item id is the brief id.
Links: with a ``site_url`` every link is absolute; without one, links are relative to the
feed file (``../briefs/x/``), which a reader resolves against the address it fetched the
feed from, and there is no ``feed_url``/``rel="self"`` address to give.

Dates: an entry is published on its article's date; it was updated when a build last saw the
brief change (:mod:`briefing.changes`), else on its article's date. Undated briefs without a
build state get :data:`UNDATED`.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence
from urllib.parse import urljoin

from . import render
from .crossbrief import fold_name
from .changes import BuildState
from .load import slugify
from .model import Brief

if TYPE_CHECKING:
    from .crossbrief import SiteIndex
    from .render import RenderedPage

FEED_ENTRIES = 50
FEED_DIR = "feeds"
ATOM_TYPE, JSON_FEED_TYPE = "application/atom+xml", "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
UNDATED = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
#: The namespace of the feeds' uuid5 ids (fixed: changing it would make every entry new to every reader).
ID_NAMESPACE = uuid.UUID("8f6b7d0e-2f6a-5c1e-9a57-3c2d1b0e4f19")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Feed:
    """One feed pair: its path without suffix under the site (``feeds/tags/energy``), title and page."""

    path: str
    title: str
    what: str  # "all briefs", "Xland", "energy": for the page that lists the feeds
    page_src: str  # the page the feed follows (its rel="alternate")
    briefs: tuple[Brief, ...]

    @property
    def atom(self) -> str:
        return f"{self.path}.xml"

    @property
    def json(self) -> str:
        return f"{self.path}.json"

    def head_link(self) -> dict[str, str]:
        """What a page's front matter carries for its ``<link rel="alternate">`` (overrides/main.html)."""
        return {"title": self.title, "atom": self.atom, "json": self.json}


def entry_id(brief_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'brief:' + brief_id)}"


def feed_id(path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed:' + path)}"


def site_feeds(index: SiteIndex, *, site_name: str = "Briefing") -> tuple[Feed, list[Feed], list[Feed]]:
    """(the site's feed, a feed per country, a feed per tag that is not a country's name)."""
    everything = Feed(f"{FEED_DIR}/briefs", f"{site_name}: all briefs", "all briefs", "index.md",
                      index.briefs[:FEED_ENTRIES])
    countries = [Feed(f"{FEED_DIR}/countries/{page.slug}", f"{site_name}: briefs on {page.name}", page.name,
                      page.src, page.briefs[:FEED_ENTRIES])
                 for page in sorted(index.actor_pages, key=lambda p: fold_name(p.name))
                 if page.type == "country"]
    country_names = {fold_name(page.name) for page in index.actor_pages if page.type == "country"}
    tagged: dict[str, list[Brief]] = defaultdict(list)
    names: dict[str, str] = {}
    for brief in index.briefs:
        for tag in index.tags[brief.id]:
            if fold_name(tag) not in country_names:
                slug = slugify(tag)
                names.setdefault(slug, tag)
                if not tagged[slug] or tagged[slug][-1] is not brief:  # two tags of one brief with one slug
                    tagged[slug].append(brief)
    tags = [Feed(f"{FEED_DIR}/tags/{slug}", f"{site_name}: briefs tagged {names[slug]}", names[slug],
                 "tags/index.md", tuple(tagged[slug][:FEED_ENTRIES]))
            for slug in sorted(tagged)]
    return everything, countries, tags


def render_feeds(index: SiteIndex, feeds: Sequence[Feed], *, site_url: str = "", directory_urls: bool = True,
                 state: BuildState | None = None, site_name: str = "Briefing") -> list[RenderedPage]:
    """The Atom and JSON files of ``feeds``."""
    links = _Links(site_url, directory_urls)
    changed = {brief_id: _datetime(s.changed) for brief_id, s in state.briefs.items() if s.changed} if state else {}
    pages = []
    for feed in feeds:
        pages.append(render.RenderedPage(feed.atom, atom_feed(feed, index.tags, links, changed, site_name)))
        pages.append(render.RenderedPage(feed.json, json_feed(feed, index.tags, links, changed, site_name)))
    return pages


@dataclass(frozen=True)
class _Links:
    site_url: str
    directory_urls: bool

    def to(self, from_src: str, target_src: str) -> str:
        """A link from the feed file ``from_src`` to the page or file ``target_src``."""
        if self.site_url:
            url = render.site_file(target_src, directory_urls=self.directory_urls).url
            return urljoin(self.site_url.rstrip("/") + "/", "" if url in (".", "./") else url)
        return render.relative_href(from_src, target_src, directory_urls=self.directory_urls)


def _published(brief: Brief) -> dt.datetime | None:
    if not brief.published:
        return None
    return dt.datetime.combine(dt.date.fromisoformat(brief.published), dt.time(), dt.timezone.utc)


def _updated(brief: Brief, changed: Mapping[str, dt.datetime]) -> dt.datetime:
    dates = [d for d in (_published(brief), changed.get(brief.id)) if d is not None]
    return max(dates, default=UNDATED)


def _datetime(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _text(value: str) -> str:
    """Article text as XML allows it (no control characters)."""
    return _NOT_XML.sub("", value)


def _feed_updated(feed: Feed, changed: Mapping[str, dt.datetime]) -> dt.datetime:
    return max((_updated(b, changed) for b in feed.briefs), default=UNDATED)


def atom_feed(feed: Feed, tags: Mapping[str, tuple[str, ...]], links: _Links,
              changed: Mapping[str, dt.datetime], site_name: str) -> str:
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.id(feed_id(feed.path))
    generator.title(_text(feed.title))
    generator.author(name=_text(site_name))
    generator.updated(_feed_updated(feed, changed))
    generator.link(href=links.to(feed.atom, feed.page_src), rel="alternate", type="text/html")
    if links.site_url:
        generator.link(href=links.to(feed.atom, feed.atom), rel="self", type=ATOM_TYPE)
    generator.generator(site_name)
    generator.language("en")
    for brief in feed.briefs:
        entry = generator.add_entry(order="append")
        entry.id(entry_id(brief.id))
        entry.title(_text(brief.title))
        entry.link(href=links.to(feed.atom, render.brief_src(brief.id)), rel="alternate", type="text/html")
        entry.updated(_updated(brief, changed))
        if published := _published(brief):
            entry.published(published)
        if brief.summary:
            entry.summary(_text(brief.summary))
        by = brief.source.author or brief.source.outlet
        if by:
            entry.author(name=_text(by))
        for tag in tags.get(brief.id, ()):
            entry.category(term=_text(tag))
    return generator.atom_str(pretty=True).decode("utf-8")


def json_feed(feed: Feed, tags: Mapping[str, tuple[str, ...]], links: _Links,
              changed: Mapping[str, dt.datetime], site_name: str) -> str:
    data: dict[str, object] = {
        "version": JSON_FEED_VERSION, "title": feed.title, "home_page_url": links.to(feed.json, feed.page_src),
        "authors": [{"name": site_name}], "language": "en",
    }
    if links.site_url:
        data["feed_url"] = links.to(feed.json, feed.json)
    items = []
    for brief in feed.briefs:
        item: dict[str, object] = {"id": brief.id, "url": links.to(feed.json, render.brief_src(brief.id)),
                                   "title": brief.title, "content_text": brief.summary or brief.title,
                                   "date_modified": _updated(brief, changed).isoformat()}
        if published := _published(brief):
            item["date_published"] = published.isoformat()
        if brief.summary:
            item["summary"] = brief.summary
        if by := brief.source.author or brief.source.outlet:
            item["authors"] = [{"name": by}]
        if brief_tags := tags.get(brief.id, ()):
            item["tags"] = list(brief_tags)
        items.append(item)
    data["items"] = items
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
