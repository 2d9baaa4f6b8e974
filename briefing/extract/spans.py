"""Looking up the spans (anything with ``start`` and ``end`` offsets) that lie in a stretch of text.

Built once per document: lookups bisect over the starts when the spans are in text order, so
a stage that asks about every clause of a long article stays linear.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate
from typing import Generic, NamedTuple, Protocol, Sequence, TypeVar


class Span(Protocol):
    start: int
    end: int


class Extent(NamedTuple):
    """A bare ``start``-``end`` stretch, for spans that are not items of their own."""

    start: int
    end: int


S = TypeVar("S", bound=Span)


class SpanIndex(Generic[S]):
    """The spans of a document, in the order given, answering which lie in ``start``-``end``."""

    def __init__(self, spans: Sequence[S]) -> None:
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.in_order = all(a <= b for a, b in zip(self.starts, self.starts[1:]))

    def within(self, start: int, end: int) -> list[S]:
        """The spans with ``start <= s.start and s.end <= end``."""
        return [s for s in self.starting_in(start, end + 1) if s.end <= end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``start``-``end`` (``s.start < end and start < s.end``)."""
        starts, max_ends = self._by_start
        below = bisect_left(starts, end)  # the spans that start before ``end``
        return below > 0 and max_ends[below - 1] > start

    def holds(self, offset: int) -> bool:
        """Whether a span holds ``offset`` (``s.start <= offset < s.end``)."""
        return self.overlaps(offset, offset + 1)

    @cached_property
    def _by_start(self) -> tuple[list[int], list[int]]:
        """The starts in order, and for each the largest end of the spans up to it."""
        ordered = sorted(self.spans, key=lambda s: s.start)
        return [s.start for s in ordered], list(accumulate((s.end for s in ordered), max))

    def ending_before(self, text: str, position: int, blanks: str | None = None) -> list[S]:
        """The spans, in the order given, that end at ``position`` or with only whitespace (or only
        characters of ``blanks``) between them and it."""
        start = position
        while start > 0 and (text[start - 1] in blanks if blanks else text[start - 1].isspace()):
            start -= 1
        ends, order = self._by_end
        return [self.spans[k] for k in sorted(order[bisect_left(ends, start):bisect_right(ends, position)])]

    @cached_property
    def _by_end(self) -> tuple[list[int], list[int]]:
        """The ends in order, and the position of each span among those given."""
        order = sorted(range(len(self.spans)), key=lambda k: self.spans[k].end)
        return [self.spans[k].end for k in order], order

    def last_ending_by(self, offset: int) -> S | None:
        """The span that ends last at or before ``offset`` (the last given, among those that end there)."""
        ends, order = self._by_end
        i = bisect_right(ends, offset)
        return self.spans[order[i - 1]] if i else None

    def first_starting_from(self, offset: int) -> S | None:
        """The span that starts first at or after ``offset`` (the first given, among those that start there)."""
        if not self.in_order:
            return min((s for s in self.spans if s.start >= offset), key=lambda s: s.start, default=None)
        i = bisect_left(self.starts, offset)
        return self.spans[i] if i < len(self.spans) else None

    def starting_in(self, start: int, end: int) -> list[S]:
        """The spans with ``start <= s.start < end``."""
        if not self.in_order:
            return [s for s in self.spans if start <= s.start < end]
        return list(self.spans[bisect_left(self.starts, start):bisect_left(self.starts, end)])
