"""Looking up the spans (anything with ``start`` and ``end`` offsets) that lie in a stretch of text.

Built once per document: lookups bisect over the starts when the spans are in text order, so
a stage that asks about every clause of a long article stays linear.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Generic, Protocol, Sequence, TypeVar


class Span(Protocol):
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
        if not self.in_order:
            return [s for s in self.spans if start <= s.start and s.end <= end]
        spans = self.spans
        return [spans[k] for k in range(bisect_left(self.starts, start), bisect_right(self.starts, end))
                if spans[k].end <= end]

    def starting_in(self, start: int, end: int) -> list[S]:
        """The spans with ``start <= s.start < end``."""
        if not self.in_order:
            return [s for s in self.spans if start <= s.start < end]
        return list(self.spans[bisect_left(self.starts, start):bisect_left(self.starts, end)])
