"""Sentence splitting with character offsets into the article body.

Rules, not a model: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets that follow) when the next word starts a new sentence. Abbreviations (Mr., Gen.,
Jan., U.S.), initials (Jane Q. Doe), decimals and a quotation that goes on after its
attribution (``"Yes," he said.``) do not end one. Paragraphs (lines) always do.
"""
from __future__ import annotations

import bisect
import re

from . import lexicon
from .model import Article, Document, Sentence

_ABBREVIATIONS = lexicon.rows("abbreviations.txt")
# Abbreviations that are followed by a name or a number, so never end a sentence.
TITLE_ABBREVIATIONS = frozenset(row[0] for row in lexicon.rows("title_abbreviations.txt")) | frozenset(
    word for kind, words, *_ in _ABBREVIATIONS if kind == "before" for word in words.split())
# Abbreviations that may end a sentence: they end one only before a capitalised word that is
# not itself a name-like continuation (checked by the caller).
TRAILING_ABBREVIATIONS = frozenset(
    word for kind, words, *_ in _ABBREVIATIONS if kind == "trailing" for word in words.split())

_CLOSERS = "\"'”’»)]"
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.'-")
_LETTERS = re.compile(r"[A-Za-z]")
_LEADING_WORD = re.compile(r"[A-Za-z']+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: the article body; each line is a paragraph.

    Returns:
        ``(start, end)`` character offsets of each sentence, surrounding blanks excluded.
    """
    spans: list[tuple[int, int]] = []
    if not _BOUNDARY.search(text):  # one sentence a line: no need to find the quotations (long quoted lines)
        return [_strip(text, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for para in re.finditer(r"[^\n]+", text):
        base = para.start()
        line = para.group()
        start = 0
        quoted = _quoted_regions(line)
        opens = [open_ for open_, _ in quoted]
        for m in _BOUNDARY.finditer(line):
            if not _inside(quoted, opens, m.end()) and _ends_sentence(line, m.start(), m.end()):
                spans.append((base + start, base + m.end()))
                start = m.end()
        spans.append((base + start, base + len(line)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _quoted_regions(line: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions of the balanced double quotations of a line.

    A boundary inside one does not end the sentence, so a quotation of several sentences
    stays with its attribution. An unclosed quotation is not a region. A straight mark after a
    word and before a blank, with no quotation open, closes one opened in an earlier paragraph
    (the last paragraph of a quotation of several): it opens none.
    """
    regions, open_at = [], None
    for m in re.finditer(r'["“”]', line):
        mark = m.group()
        if open_at is None and mark == '"' and _closes_earlier(line, m.start()):
            continue
        if open_at is None and mark in '"“':
            open_at = m.start()
        elif open_at is not None and mark in '"”':
            regions.append((open_at, m.start()))
            open_at = None
    return regions


def _closes_earlier(line: str, at: int) -> bool:
    return at > 0 and not line[at - 1].isspace() and (at + 1 == len(line) or line[at + 1].isspace())


def _inside(regions: list[tuple[int, int]], opens: list[int], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, disjoint ``regions`` (open, close]."""
    i = bisect.bisect_left(opens, offset) - 1
    return i >= 0 and offset <= regions[i][1]


def _word_before(line: str, end: int) -> str | None:
    """The word (letters, dots, apostrophes, hyphens; starting with a letter) that ends at ``end``.

    Scans back from ``end`` only, so a long line costs no more than its short words.
    """
    start = end
    while start > 0 and line[start - 1] in _WORD_CHARS:
        start -= 1
    first_letter = _LETTERS.search(line, start, end)
    return line[first_letter.start():end] if first_letter else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(line: str, mark_start: int, mark_end: int) -> bool:
    nxt = _NEXT_WORD.match(line, mark_end)
    if not nxt:
        return False
    opener, first = nxt.group(1), nxt.group(2)
    if first.islower() or first in ",;:)-–—":
        return False  # '"Yes," he said.' / 'e.g. the' / 'Inc. said'
    if line[mark_start] != ".":
        return True
    if mark_end - mark_start > 1 and line[mark_start + 1] not in ".…":
        return True  # '."' or '.)': a closing mark after the period
    word = _word_before(line, mark_start)
    if not word:
        return True
    bare = word.lower().rstrip(".")
    if "." in word.strip("."):
        # U.S. / U.K. / a.m.: an initialism; it ends a sentence only before a common sentence start
        return bool(opener) or _looks_like_sentence_start(line, nxt.start(2))
    if len(bare) == 1 and word[0].isupper():
        return False  # an initial: 'Jane Q. Doe'
    if bare in TITLE_ABBREVIATIONS and not opener:
        return False
    if bare in TRAILING_ABBREVIATIONS:
        return bool(opener) or _looks_like_sentence_start(line, nxt.start(2))
    return True


_SENTENCE_STARTERS = frozenset("""
the a an he she it they we i you this that these those there its his her their our but and
in on at for as if when while after before since however meanwhile also yet so then
according some many most one two three no not officials analysts
""".split())


def _looks_like_sentence_start(line: str, pos: int) -> bool:
    word = _LEADING_WORD.match(line, pos)
    return bool(word) and word.group().lower() in _SENTENCE_STARTERS


def segment(article: Article) -> Document:
    """Split an article's body into sentences: the input every extractor reads."""
    text = article.body
    paragraph_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    sentences = tuple(
        Sentence(index=i, start=s, end=e, text=text[s:e],
                 paragraph=bisect.bisect_right(paragraph_starts, s) - 1)
        for i, (s, e) in enumerate(split_sentences(text))
    )
    return Document(article=article, sentences=sentences)
