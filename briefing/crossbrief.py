"""The cross-brief index: the actors of all briefs merged into one page each, with what they said, agreed and
are counted in, the briefs' tags and timelines.

Rendering (:mod:`briefing.render`), the feeds and the exports read a :class:`SiteIndex`; nothing here makes markup.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping

from .load import slugify
from .memo import SameObject
from .model import Actor, Agreement, Brief, Figure, Quote
from .spelling import similar_pairs, within_edit_distance
from .timeline import TimelineEntry, build_timeline

Timeline = Callable[[Brief], tuple[TimelineEntry, ...]]

# Topic tags: a topic applies when one of its words (or their plural) is in the title or twice in the text.
TOPIC_WORDS: Mapping[str, tuple[str, ...]] = {
    "defence": ("military", "defence", "defense", "army", "armed forces", "navy", "air force", "troops",
                "weapon", "arms", "missile", "warship", "combat"),
    "trade": ("trade", "export", "import", "tariff", "customs"),
    "economy": ("economy", "economic", "investment", "inflation", "gdp", "budget", "growth", "bank",
                "market", "shares", "revenue", "profit"),
    "energy": ("energy", "oil", "gas", "pipeline", "electricity", "nuclear power", "coal", "renewable"),
    "diplomacy": ("diplomat", "embassy", "ambassador", "summit", "foreign minister", "bilateral", "treaty",
                  "state visit"),
    "security": ("terrorism", "terrorist", "counterterrorism", "security", "insurgent", "insurgency", "militant",
                 "narcotics", "trafficking"),
    "politics": ("election", "parliament", "president", "prime minister", "government", "party", "vote"),
    "health": ("health", "hospital", "disease", "vaccine", "virus", "medical"),
    "environment": ("climate", "emission", "environment", "pollution", "flood", "drought"),
    "technology": ("technology", "software", "internet", "digital", "computer", "smartphone"),
}
_TOPIC_PATTERNS = {topic: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")(?:e?s)?\b", re.I)
                   for topic, words in TOPIC_WORDS.items()}
_TAG_UNSAFE = re.compile(r"[^\w .'-]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9.&-]*[A-Z0-9]\.?")
_EDIT_LIMIT_SHORT, _EDIT_LIMIT_LONG, _LONG_NAME = 1, 2, 8


@dataclass(frozen=True)
class Mention:
    """One actor as one brief names it."""

    brief: Brief
    actor: Actor


@dataclass(frozen=True)
class Cited:
    """An item of a brief (quote, agreement, figure, timeline entry) shown on a cross-brief page."""

    brief: Brief
    item: Quote | Agreement | Figure | TimelineEntry


@dataclass(frozen=True, eq=False)  # a page is itself: compared and hashed by identity, not by its briefs
class ActorPage:
    """One actor across all briefs: the actors of several briefs merged by name, alias and spelling."""

    slug: str
    src: str
    name: str
    type: str
    mentions: tuple[Mention, ...]
    spellings: tuple[str, ...]
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]
    quotes: tuple[Cited, ...] = ()
    agreements: tuple[Cited, ...] = ()
    figures: tuple[Cited, ...] = ()
    people: tuple[ActorPage, ...] = ()  # of a country: the people affiliated with it

    @property
    def briefs(self) -> tuple[Brief, ...]:
        return tuple({m.brief.id: m.brief for m in self.mentions}.values())

    @property
    def other_spellings(self) -> tuple[str, ...]:
        """The spellings besides the page's name, each once whatever its case."""
        seen, others = {self.name.casefold()}, []
        for spelling in self.spellings:
            if spelling.casefold() not in seen:
                seen.add(spelling.casefold())
                others.append(spelling)
        return tuple(others)


@dataclass(frozen=True)
class SiteIndex:
    """Everything the pages need to know about all briefs at once."""

    briefs: tuple[Brief, ...]  # newest first
    actor_pages: tuple[ActorPage, ...]
    timelines: Mapping[str, tuple[TimelineEntry, ...]]
    tags: Mapping[str, tuple[str, ...]]
    _pages_by_name: Mapping[tuple[str, str], ActorPage]
    _countries: Mapping[str, tuple[ActorPage, ...]] = field(default_factory=dict)  # brief id -> its countries

    def actor_page(self, brief: Brief, name: str | None) -> ActorPage | None:
        """The page of the actor that ``brief`` calls ``name`` (a name or alias), if any."""
        if not name:
            return None
        return self._pages_by_name.get((brief.id, fold_name(name)))

    def countries_of(self, brief: Brief) -> tuple[ActorPage, ...]:
        known = self._countries.get(brief.id)
        return known if known is not None else _countries(brief, self._pages_by_name)


def _countries(brief: Brief, pages_by_name: Mapping[tuple[str, str], ActorPage]) -> tuple[ActorPage, ...]:
    pages = (pages_by_name.get((brief.id, fold_name(a.name))) for a in brief.actors if a.type == "country")
    return tuple(dict.fromkeys(p for p in pages if p is not None))


@functools.lru_cache(maxsize=1 << 18)  # the same few names are folded again for every brief, page and link
def fold_name(text: str) -> str:
    """A spelling-insensitive key of a name: ASCII, lower case, no dots or a leading "the"."""
    ascii_text = (text if text.isascii() else
                  unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text.replace(".", "").replace("'", "").replace("\u2019", ""))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words) or " ".join(text.casefold().split())


def actor_spellings(actor: Actor) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for s in (actor.name, *actor.aliases) if s and s.strip()))


def _surname_edit_budget(surname: str) -> int:
    """The most edits :func:`_similar_surnames` allows between ``surname`` and any other."""
    return _EDIT_LIMIT_LONG if len(surname) >= _LONG_NAME else _EDIT_LIMIT_SHORT


def _similar_surnames(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    limit = _EDIT_LIMIT_LONG if min(len(a), len(b)) >= _LONG_NAME else _EDIT_LIMIT_SHORT
    return within_edit_distance(a, b, limit)


class SurnamePairs:
    """The similar pairs of each bucket of surnames (those of one first letter), by a hash of the bucket.

    One seed changes a bucket or none, and comparing the surnames of every bucket again was most of the
    cross-brief index at archive size. ``serve`` keeps this in memory; ``build`` keeps it in the project
    between its processes (:func:`briefing.site.publish`, with the code version it was made by).
    """

    def __init__(self) -> None:
        self.known: dict[str, tuple[tuple[str, str], ...]] = {}
        self.changed = False  # since the last load: a new bucket found, or an unused one dropped
        self._used: set[str] = set()

    def of(self, bucket: list[str]) -> tuple[tuple[str, str], ...]:
        key = hashlib.sha256("\0".join(sorted(bucket)).encode()).hexdigest()[:32]
        self._used.add(key)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = tuple(similar_pairs(bucket, _surname_edit_budget, _similar_surnames))
            self.changed = True
        return found

    def keep_only_used(self) -> None:
        """Forget the buckets that the last merge did not have (memory stays bounded by the archive)."""
        if self._used != self.known.keys():
            self.known = {key: self.known[key] for key in self._used}
            self.changed = True
        self._used = set()

    def load(self, data: object) -> None:
        """Take the buckets of :meth:`dump`'s form; anything else leaves the memo as it is."""
        if isinstance(data, dict) and all(
                isinstance(key, str) and isinstance(pairs, list)
                and all(isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)
                        for pair in pairs)
                for key, pairs in data.items()):
            self.known = {key: tuple((a, b) for a, b in pairs) for key, pairs in data.items()}
            self.changed = False

    def dump(self) -> dict[str, list[list[str]]]:
        return {key: [list(pair) for pair in pairs] for key, pairs in self.known.items()}


SURNAME_PAIRS = SurnamePairs()


class _Groups:
    """Union-find over actor mentions."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def merge_actors(mentions: list[Mention]) -> list[list[Mention]]:
    """Group the actor mentions of all briefs that name the same actor.

    Mentions of one type merge when their names are the same (spelling-insensitive), or when
    the name of one is an alias of the other. Two actors that only share an alias merge only
    when it is an acronym: a generic alias (``Navy``) is shared by different actors, and an
    alias claimed by several actors links none of them to an actor of that name.

    A person's one-word name is only a surname: two people merge through their surnames when
    those are equal or a small edit apart with the same first letter (``Petrovsky``/``Petrovski``)
    and their first names, when both are known, share an initial; a surname-only mention joins
    a full name only when exactly one candidate fits (the full names merged first, so the order of
    ``mentions`` does not matter), and surname-only mentions with no full name to join merge
    with each other.

    Returns:
        The groups, each in the order of ``mentions``.
    """
    groups = _Groups(len(mentions))
    named: dict[tuple[str, str], int] = {}
    for node, mention in enumerate(mentions):
        if key := _merge_key(mention.actor, mention.actor.name):
            groups.union(named.setdefault(key, node), node)
    claims: dict[tuple[str, str], list[int]] = defaultdict(list)
    acronyms: set[tuple[str, str]] = set()
    for node, mention in enumerate(mentions):
        for alias in mention.actor.aliases:
            if key := _merge_key(mention.actor, alias):
                claims[key].append(node)
                if _ACRONYM.fullmatch(alias):
                    acronyms.add(key)
    for key, nodes in claims.items():
        if key in acronyms or len({groups.find(n) for n in nodes}) == 1:
            for node in nodes[1:] + ([named[key]] if key in named else []):
                groups.union(nodes[0], node)
    _merge_people_by_surname(mentions, groups)
    merged: dict[int, list[Mention]] = defaultdict(list)
    for node, mention in enumerate(mentions):
        merged[groups.find(node)].append(mention)
    return list(merged.values())


def _merge_key(actor: Actor, spelling: str) -> tuple[str, str] | None:
    """What a name or alias merges on; ``None`` for a person's one-word name (see the surname rule)."""
    key = fold_name(spelling)
    if not key or (actor.type == "person" and " " not in key):
        return None
    return (actor.type, key)


def _merge_people_by_surname(mentions: list[Mention], groups: _Groups) -> None:
    """The surname rule of :func:`merge_actors`, blocked by (surname, initial) so that many people sharing a
    surname cost no more than as many with distinct ones.

    The full names are united first; a surname-only mention is then judged against those final groups, so the
    result does not depend on the order of ``mentions``.
    """
    surnames: dict[int, set[str]] = defaultdict(set)
    initials: dict[int, set[str]] = defaultdict(set)
    for node, mention in enumerate(mentions):
        if mention.actor.type != "person":
            continue
        root = groups.find(node)
        for spelling in actor_spellings(mention.actor):
            words = fold_name(spelling).split()
            if words:
                surnames[root].add(words[-1])
            if len(words) > 1:
                initials[root].add(words[0][0])
    blocks: dict[tuple[str, str], int] = {}  # (surname, initial) -> a full name of that block
    block_initials: dict[str, set[str]] = defaultdict(set)
    surname_only: list[int] = []
    for root in sorted(surnames):
        if not initials[root]:
            surname_only.append(root)
            continue
        for surname in surnames[root]:
            block_initials[surname] |= initials[root]
            for initial in initials[root]:
                if (first := blocks.setdefault((surname, initial), root)) != root:
                    groups.union(first, root)
    by_letter: dict[str, list[str]] = defaultdict(list)
    for surname in {s for names in surnames.values() for s in names}:
        by_letter[surname[0]].append(surname)
    pairs = [pair for bucket in by_letter.values() for pair in SURNAME_PAIRS.of(bucket)]
    SURNAME_PAIRS.keep_only_used()
    similar: dict[str, list[str]] = defaultdict(list)
    for a, b in pairs:
        similar[a].append(b)
        similar[b].append(a)
        for initial in block_initials.get(a, set()) & block_initials.get(b, set()):
            groups.union(blocks[(a, initial)], blocks[(b, initial)])

    @functools.cache
    def fitting(surname: str) -> frozenset[int]:
        """The full-name groups a surname-only mention of ``surname`` could join: two say it is ambiguous."""
        found: set[int] = set()
        for other in (surname, *similar.get(surname, ())):
            for initial in block_initials.get(other, ()):
                found.add(groups.find(blocks[(other, initial)]))
                if len(found) > 1:
                    return frozenset(found)
        return frozenset(found)

    joins: list[tuple[int, int]] = []
    alone: dict[str, int] = {}  # surname -> a surname-only mention with no full name to join
    for root in surname_only:
        found = frozenset().union(*(fitting(s) for s in surnames[root]))
        if len(found) == 1:
            joins.append((root, next(iter(found))))
        elif not found:
            for surname in surnames[root]:
                groups.union(alone.setdefault(surname, root), root)
    for a, b in pairs:
        if a in alone and b in alone:
            groups.union(alone[a], alone[b])
    for root, group in joins:
        groups.union(root, group)


def _most_common(values: Iterable[str]) -> tuple[str, ...]:
    """The values, most frequent first, once each whatever their case (written as most often)."""
    counts = Counter(" ".join(v.split()) for v in values if v and v.strip())
    by_fold: dict[str, Counter[str]] = defaultdict(Counter)
    for value, n in counts.items():
        by_fold[value.casefold()][value] = n
    totals = {max(forms, key=lambda f: (forms[f], f)): sum(forms.values()) for forms in by_fold.values()}
    return tuple(sorted(totals, key=lambda v: (-totals[v], v)))


def _canonical_name(group: list[Mention]) -> str:
    """The name the texts give most often (counting every mention); among equals the longest (the fullest)."""
    names: Counter[str] = Counter()
    for mention in group:
        names[mention.actor.name] += max(mention.actor.mentions, 1)
    return max(names, key=lambda n: (names[n], len(n), n))


def sort_name(page: ActorPage) -> str:
    """The key a list sorts an actor by: a person by surname, then given names; anything else by its name."""
    words = fold_name(page.name).split()
    if page.type == "person" and len(words) > 1:
        words = [words[-1], *words[:-1]]
    return " ".join(words)


def actor_section(actor_type: str) -> str:
    return "countries" if actor_type == "country" else "actors"


def _actor_page(group: list[Mention], slug: str, name: str) -> ActorPage:
    actor_type = group[0].actor.type
    spellings = tuple(dict.fromkeys(s for m in group for s in actor_spellings(m.actor)))
    return ActorPage(
        slug=slug, src=f"{actor_section(actor_type)}/{slug}.md", name=name, type=actor_type,
        mentions=tuple(group),
        spellings=spellings,
        roles=_most_common(r for m in group for r in m.actor.roles),
        affiliations=_most_common(m.actor.affiliation or "" for m in group),
    )


def _names_in(text: str, spellings: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``spellings`` as whole words."""
    for spelling in spellings:
        start = text.find(spelling)
        while start >= 0:
            end = start + len(spelling)
            if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                return True
            start = text.find(spelling, start + 1)
    return False


def _brief_sort_key(brief: Brief) -> tuple[str, str]:
    return (brief.published or "", brief.id)


def topics_of(brief: Brief) -> tuple[str, ...]:
    """The topic tags of a brief (see :data:`TOPIC_WORDS`)."""
    return _TOPICS(brief.id, brief)


def _topics_of(brief: Brief) -> tuple[str, ...]:
    text = " ".join(s.text for s in brief.sentences) or brief.summary
    found = []
    for topic, pattern in _TOPIC_PATTERNS.items():
        if pattern.search(brief.title) or len(pattern.findall(text)) >= 2:
            found.append(topic)
    return tuple(found)


#: The topics of each brief of this process: searching every brief's text was most of the cross-brief index.
_TOPICS = SameObject(_topics_of)
#: The timeline of each brief of this process: the same object from build to build, so that the pages keyed by it
#: (briefing/render.py) key it once.
_TIMELINES = SameObject(lambda brief: tuple(build_timeline(brief)))


def clean_tag(text: str) -> str:
    """A tag name with only word characters, spaces, dots, hyphens and apostrophes."""
    return " ".join(_TAG_UNSAFE.sub(" ", text).split())


def build_index(briefs: Iterable[Brief], *, timeline: Timeline = build_timeline) -> SiteIndex:
    """Merge the actors of all briefs into actor pages and attach their quotes, agreements and figures.

    A page made of the same objects as a page of the previous index of this process (the same mentions, quotes,
    agreements, figures and people, compared by identity) is that very page: ``serve`` indexes again after each
    edit, and the pages of the briefs not edited, and what was computed from them, are kept.
    """
    ordered = tuple(sorted(briefs, key=_brief_sort_key, reverse=True))
    mentions = [mention for brief in ordered for mention in _MENTIONS(brief.id, brief)]
    pages = _named_pages(merge_actors(mentions))
    by_name = _pages_by_name(pages)
    pages = _with_people(_with_items(pages, ordered, by_name), by_name)
    by_src = {page.src: page for page in pages}
    by_name = {key: by_src[page.src] for key, page in by_name.items()}
    tags: dict[str, tuple[str, ...]] = {}
    countries: dict[str, tuple[ActorPage, ...]] = {}
    for brief in ordered:
        countries[brief.id] = _countries(brief, by_name)
        names = (clean_tag(t) for t in (*(page.name for page in countries[brief.id]), *topics_of(brief), *brief.tags))
        tags[brief.id] = tuple(dict.fromkeys(t for t in names if t))
    return SiteIndex(
        briefs=ordered, actor_pages=tuple(pages),
        timelines={brief.id: _TIMELINES(brief.id, brief) if timeline is build_timeline else tuple(timeline(brief))
                   for brief in ordered},
        tags=tags, _pages_by_name=by_name, _countries=countries,
    )


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


#: The pages of the previous index by their mentions' identities: (mentions, canonical name, page). Holding the
#: mentions keeps their ids from being reused, so an equal tuple of ids is the same mentions.
_GROUP_PAGES: dict[tuple[int, ...], tuple[tuple[Mention, ...], str, ActorPage | None]] = {}


def _named_pages(groups: list[list[Mention]]) -> list[ActorPage]:
    """One page per group, with a slug unique in its section (``actors/`` or ``countries/``)."""
    global _GROUP_PAGES
    previous, kept = _GROUP_PAGES, {}
    named = []
    for group in groups:
        ids = tuple(map(id, group))
        known = previous.get(ids) or (tuple(group), _canonical_name(group), None)
        named.append((group, ids, known))
    taken: set[tuple[str, str]] = set()
    pages = []
    for group, ids, (members, name, page) in sorted(named, key=lambda g: (g[0][0].actor.type,
                                                                          fold_name(g[0][0].actor.name))):
        base = slugify(name)
        slug, n = base, 2
        section = actor_section(group[0].actor.type)
        while (section, slug) in taken or slug == "index":
            slug, n = f"{base}-{n}", n + 1
        taken.add((section, slug))
        if page is None or page.slug != slug:
            page = _actor_page(group, slug, name)
        kept[ids] = (members, name, page)
        pages.append(page)
    _GROUP_PAGES = kept
    return pages


def _pages_by_name(pages: list[ActorPage]) -> dict[tuple[str, str], ActorPage]:
    """(brief id, folded name or alias) -> the page of the actor the brief calls so."""
    by_name: dict[tuple[str, str], ActorPage] = {}
    for page in pages:
        for key in _NAME_KEYS(page.src, page):
            by_name.setdefault(key, page)
    return by_name


def _name_keys(page: ActorPage) -> tuple[tuple[str, str], ...]:
    return tuple((mention.brief.id, fold_name(spelling))
                 for mention in page.mentions for spelling in actor_spellings(mention.actor))


@dataclass(frozen=True)
class _BriefItems:
    """What a brief gives the actor pages, found in the brief alone: the folded names its quotes and agreements
    name, and for each figure whether its sentence names each of the brief's actors (in their order)."""

    quotes: tuple[tuple[str, Cited], ...]
    agreements: tuple[tuple[frozenset[str], Cited], ...]
    actors: tuple[str, ...]  # the folded name of each actor
    figures: tuple[tuple[Cited, tuple[bool, ...]], ...]


def _brief_items(brief: Brief) -> _BriefItems:
    sentence_text = {s.index: s.text for s in brief.sentences}
    figures = []
    for figure in brief.figures:
        text = sentence_text.get(figure.evidence[0].sentence, "") if figure.evidence else figure.text
        figures.append((Cited(brief, figure), tuple(_names_in(text, actor_spellings(a)) for a in brief.actors)))
    return _BriefItems(
        quotes=tuple((fold_name(q.speaker or q.speaker_text or ""), Cited(brief, q))
                     for q in (*brief.quotes, *brief.reported_speech)),
        agreements=tuple((frozenset(map(fold_name, a.parties)), Cited(brief, a)) for a in brief.agreements),
        actors=tuple(fold_name(actor.name) for actor in brief.actors), figures=tuple(figures))


#: The mentions, the page keys and the items of each brief of this process, the same objects while the brief is
#: (see :func:`build_index`).
_MENTIONS = SameObject(lambda brief: tuple(Mention(brief, actor) for actor in brief.actors if actor.name.strip()))
_NAME_KEYS = SameObject(_name_keys)
_ITEMS = SameObject(_brief_items)
#: The pages of the previous index with their items: source -> (the page before, its items, the page with them).
_ITEM_PAGES: dict[str, tuple[ActorPage, tuple[tuple[Cited, ...], ...], ActorPage]] = {}


def _with_items(pages: list[ActorPage], briefs: tuple[Brief, ...],
                by_name: Mapping[tuple[str, str], ActorPage]) -> list[ActorPage]:
    """The pages with the quotes their actor said, the agreements it is party to and the figures about it.

    A figure is about an actor when the figure's sentence names the actor.
    """
    global _ITEM_PAGES
    quotes: dict[str, list[Cited]] = defaultdict(list)
    agreements: dict[str, list[Cited]] = defaultdict(list)
    figures: dict[str, list[Cited]] = defaultdict(list)
    for brief in briefs:
        items = _ITEMS(brief.id, brief)
        for speaker, cited in items.quotes:
            page = by_name.get((brief.id, speaker))
            if page is not None:
                quotes[page.src].append(cited)
        for parties, cited in items.agreements:
            for page in {by_name.get((brief.id, party)) for party in parties} - {None}:
                agreements[page.src].append(cited)
        if not items.figures:
            continue
        actor_pages = [by_name.get((brief.id, name)) for name in items.actors]
        for cited, named in items.figures:
            for src in dict.fromkeys(page.src for page, names in zip(actor_pages, named) if page and names):
                figures[src].append(cited)
    previous, kept = _ITEM_PAGES, {}
    result = []
    for page in pages:
        found = (tuple(quotes[page.src]), tuple(agreements[page.src]), tuple(figures[page.src]))
        known = previous.get(page.src)
        if known is not None and known[0] is page and all(map(_same, known[1], found)):
            kept[page.src] = known
        else:
            kept[page.src] = (page, found, replace(page, quotes=found[0], agreements=found[1], figures=found[2]))
        result.append(kept[page.src][2])
    _ITEM_PAGES = kept
    return result


#: The country pages of the previous index with their people: source -> (the page before, its people, the briefs
#: of each, the page with them).
_PEOPLE_PAGES: dict[str, tuple[ActorPage, tuple[ActorPage, ...], dict[str, set[str]], ActorPage]] = {}


def _with_people(pages: list[ActorPage], by_name: Mapping[tuple[str, str], ActorPage]) -> list[ActorPage]:
    """Country pages with the people a brief affiliates with the country, and what those people said and
    agreed in those briefs, besides the country's own quotes and agreements (newest brief first, each once)."""
    global _PEOPLE_PAGES
    people: dict[str, dict[str, set[str]]] = defaultdict(dict)  # country src -> person src -> brief ids
    for page in pages:
        if page.type != "person":
            continue
        for mention in page.mentions:
            country = by_name.get((mention.brief.id, fold_name(mention.actor.affiliation or "")))
            if country is not None and country.type == "country":
                people[country.src].setdefault(page.src, set()).add(mention.brief.id)
    by_src = {page.src: page for page in pages}
    previous, kept = _PEOPLE_PAGES, {}
    result = []
    for page in pages:
        members = people.get(page.src) if page.type == "country" else None
        if not members:
            result.append(page)
            continue
        persons = tuple(sorted((by_src[src] for src in members), key=sort_name))
        known = previous.get(page.src)
        if known is None or known[0] is not page or not _same(known[1], persons) or known[2] != members:
            said = [c for p in persons for c in p.quotes if c.brief.id in members[p.src]]
            agreed = [c for p in persons for c in p.agreements if c.brief.id in members[p.src]]
            known = (page, persons, members, replace(page, people=persons, quotes=_newest_once(page.quotes, said),
                                                     agreements=_newest_once(page.agreements, agreed)))
        kept[page.src] = known
        result.append(known[3])
    _PEOPLE_PAGES = kept
    return result



def _newest_once(*lists: Iterable[Cited]) -> tuple[Cited, ...]:
    items = {id(c.item): c for cited in lists for c in cited}
    return tuple(sorted(items.values(), key=lambda c: _brief_sort_key(c.brief), reverse=True))
