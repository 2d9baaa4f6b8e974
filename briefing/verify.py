"""Verification at a glance: what the brief page needs to show each item next to its source.

- :func:`source_of`: an item's source sentence cut into (before, span, after), so the template can
  highlight the extracted span in place;
- :func:`article_view`: every sentence of the article cut into segments, each with the categories of
  the items whose span covers it, and the links from the sentence back to its items.

Only plain strings come out: the templates escape them (article text is untrusted) and hold the markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .model import Brief, Evidence, Sentence

#: The categories of extracted spans, in the order the page shows their back links.
CATEGORIES = ("actor", "agreement", "figure", "quote", "speech", "date")


@dataclass(frozen=True)
class SourceView:
    number: int  # the sentence number a reader sees (from 1)
    before: str
    span: str
    after: str


@dataclass(frozen=True)
class BackLink:
    anchor: str  # the id of the item on the page
    category: str
    label: str


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    segments: tuple[tuple[str, tuple[str, ...]], ...]  # (text, categories covering it)
    links: tuple[BackLink, ...]

    @property
    def paragraph(self) -> int:  # for the ``paragraphs`` filter of the templates
        return self.sentence.paragraph


def source_of(brief: Brief, evidence: tuple[Evidence, ...]) -> SourceView | None:
    """The first evidence of an item within its sentence; ``None`` without evidence or sentence."""
    if not evidence or not 0 <= evidence[0].sentence < len(brief.sentences):
        return None
    sentence = brief.sentences[evidence[0].sentence]
    start = min(max(evidence[0].start - sentence.start, 0), len(sentence.text))
    end = min(max(evidence[0].end - sentence.start, start), len(sentence.text))
    return SourceView(sentence.index + 1, sentence.text[:start], sentence.text[start:end], sentence.text[end:])


@dataclass(frozen=True)
class Placed:
    """An item of the page: its anchor, category, label and evidence."""

    anchor: str
    category: str
    label: str
    evidence: tuple[Evidence, ...]


def page_items(brief: Brief, timeline: Iterable[Any]) -> tuple[dict[int, str], list[Placed]]:
    """The anchor of every item the brief page lists (keyed by ``id()`` of the item), and the items placed.

    Anchors count from 1 in each list: ``item-actor-1``, ``item-quote-2``, ``item-time-3``. Dates link to
    their timeline row, which holds the dated items.
    """
    anchors: dict[int, str] = {}
    placed: list[Placed] = []

    def place(items: Iterable[Any], prefix: str, category: str, label) -> None:
        for number, item in enumerate(items, 1):
            anchor = f"item-{prefix}-{number}"
            anchors[id(item)] = anchor
            placed.append(Placed(anchor, category, label(item), tuple(item.evidence)))

    place(brief.actors, "actor", "actor", lambda a: a.name)
    place(brief.agreements, "agreement", "agreement", lambda a: a.kind)
    place(brief.figures, "figure", "figure", lambda f: f.display or f.text)
    place(brief.quotes, "quote", "quote", lambda q: "quote")
    place(brief.reported_speech, "speech", "speech", lambda q: "reported speech")
    place(timeline, "time", "date", lambda e: e.label)
    return anchors, placed


def article_view(brief: Brief, placed: list[Placed]) -> list[SentenceView]:
    """Every sentence cut at the edges of the extracted spans in it, with its back links."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    links: dict[int, dict[str, BackLink]] = {}
    for item in placed:
        for evidence in item.evidence:
            spans.setdefault(evidence.sentence, []).append((evidence.start, evidence.end, item.category))
            links.setdefault(evidence.sentence, {}).setdefault(item.anchor, BackLink(item.anchor, item.category,
                                                                                     item.label))
    for date in brief.dates:  # dates are marked in the text even when the timeline leaves them out
        for evidence in date.evidence:
            spans.setdefault(evidence.sentence, []).append((evidence.start, evidence.end, "date"))
    views = []
    for sentence in brief.sentences:
        ordered = sorted(links.get(sentence.index, {}).values(), key=lambda l: CATEGORIES.index(l.category))
        views.append(SentenceView(sentence, _segments(sentence, spans.get(sentence.index, [])), tuple(ordered)))
    return views


def _segments(sentence: Sentence, spans: list[tuple[int, int, str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    length = len(sentence.text)
    clipped = [(max(s - sentence.start, 0), min(e - sentence.start, length), c) for s, e, c in spans]
    clipped = [(s, e, c) for s, e, c in clipped if s < e]
    cuts = sorted({0, length, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    segments = []
    for left, right in zip(cuts, cuts[1:]):
        covering = tuple(c for c in CATEGORIES if any(s <= left and right <= e and k == c for s, e, k in clipped))
        segments.append((sentence.text[left:right], covering))
    return tuple(segments)
