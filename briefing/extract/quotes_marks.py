"""Quotation marks: the stretches of an article body that stand between quote marks.

Marks are paired per paragraph (line) with a small state machine rather than by counting, so stray marks (apostrophes,
inch marks, an unclosed quotation) never swallow the rest of the article: an unclosed quotation ends at its paragraph's
end, unless the next paragraph reopens it (news style) or closes it before opening anything else (text broken into one
line per sentence). Single quote marks delimit a quotation only outside double-quoted text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes_attribution import _P
from .spans import Extent, SpanIndex


@dataclass(frozen=True)
class QuotedStretch:
    """The words between one pair of quote marks: ``start``-``end`` holds them without the blanks inside the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when the quotation was never closed and ends at its paragraph's end
    paragraph: int  # the paragraph (line) that holds the opening mark
    single: bool = False  # between single quote marks

    @property
    def after(self) -> int:
        """Offset just past the stretch, its closing mark included."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


DOUBLE_MARK = re.compile(r"``|''|[\"“”„«»]")
_OPENING_ONLY = {"“", "„", "«", "``"}
_CLOSING_ONLY = {"”", "»"}
_OPEN_BEFORE = set(" \t([{—–-:/")


def find_quoted_stretches(text: str) -> tuple[QuotedStretch, ...]:
    """The non-empty quoted stretches of an article body (one paragraph per line), in text order."""
    paragraphs = [(m.start(), m.end()) for m in _P["PARAGRAPH"].finditer(text)]
    stretches: list[QuotedStretch] = []
    carried: tuple[int, int, int, int] | None = None  # (open mark, paragraph, content start, bound) of one left open
    # an empty paragraph past the end ends a quotation left open in the last one
    for index, (para_start, para_end) in enumerate([*paragraphs, (len(text), len(text))]):
        marks = [m for m in DOUBLE_MARK.finditer(text, para_start, para_end) if not _is_inch_mark(text, m)]
        open_at: tuple[int, int] | None = None
        first = 0
        if carried is not None:
            close = _closing_of_carried(text, para_start, marks)  # None: it ends with its own paragraph
            stretches.append(_stretch(text, carried[0], carried[2], close, carried[1], bound=carried[3]))
            first = int(close is not None)  # the closing mark is the paragraph's first
        carried = None
        for mark in marks[first:]:
            token = mark.group()
            if open_at is not None:
                reopens = token in _OPENING_ONLY  # the quotation before was never closed
                stretches.append(_stretch(text, *open_at, None if reopens else mark.start(), index, bound=mark.start()))
                open_at = mark.span() if reopens else None
            elif not (token in _CLOSING_ONLY or token not in _OPENING_ONLY and _shape(text, mark) == (False, True)):
                open_at = mark.span()  # not a stray closing mark: shaped like one and not like an opening mark
        if open_at is not None:
            carried = (open_at[0], index, open_at[1], para_end)
    stretches = [s for s in stretches if s.end > s.start]
    stretches.extend(_single_quoted(text, paragraphs, stretches))
    return tuple(sorted(stretches, key=lambda s: s.start))


def _stretch(text: str, open_mark: int, content_start: int, close_mark: int | None, paragraph: int,
             bound: int | None = None, single: bool = False) -> QuotedStretch:
    inside = text[content_start:close_mark if close_mark is not None else bound]
    start = content_start + len(inside) - len(inside.lstrip())
    return QuotedStretch(start, start + len(inside.strip()), open_mark, close_mark, paragraph, single)


def _closing_of_carried(text: str, para_start: int, marks: list[re.Match]) -> int | None:
    """Where a quotation left open by the previous paragraph closes in this one: at its first mark when that is
    shaped like a closing mark; None when the paragraph starts with a mark, which reopens the quotation."""
    if not marks or not text[para_start:marks[0].start()].strip() or marks[0].group() in _OPENING_ONLY:
        return None
    return marks[0].start() if _shape(text, marks[0])[1] else None


def _shape(text: str, mark: re.Match) -> tuple[bool, bool]:
    """Whether a mark is shaped like an opening mark (a blank or bracket before it, no blank after) and
    whether it is shaped like a closing mark (no blank before it, a blank or punctuation after)."""
    before = text[mark.start() - 1] if mark.start() else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    return ((before.isspace() or before in _OPEN_BEFORE) and not after.isspace(),
            not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-"))


def _is_inch_mark(text: str, mark: re.Match) -> bool:
    """``5'11"`` or ``a 12" screen``: a double mark right after a number is a unit."""
    before = text[max(0, mark.start() - 12):mark.start()]
    if mark.group() != '"' or not _P["INCH_MARK"].search(before):
        return False
    return "'" in before[-6:] or bool(re.match(r"[\s-][a-z0-9]", text[mark.end():mark.end() + 2]))


def _single_quoted(text: str, paragraphs: list[tuple[int, int]], doubles: list[QuotedStretch]) -> list[QuotedStretch]:
    """Stretches between single marks, outside double-quoted text, within one paragraph."""
    inside = SpanIndex([Extent(s.open_mark, s.after) for s in doubles])
    found = []
    for index, (para_start, para_end) in enumerate(paragraphs):
        pos = para_start
        while opening := _P["SINGLE_OPEN"].search(text, pos, para_end):
            pos = opening.end()
            closing = None if inside.holds(opening.start()) \
                else _P["SINGLE_CLOSE"].search(text, opening.end(), para_end)
            if closing and not inside.holds(closing.start()):
                found.append(_stretch(text, opening.start(), opening.end(), closing.start(), index, single=True))
                pos = closing.end()
    return [s for s in found if s.end > s.start]


