"""Sentence splitting with character offsets into the article body.

Rules, not a model: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets that follow) when the next word starts a new sentence. Abbreviations (Mr., Gen.,
Jan., U.S.), initials (George W. Bush), decimals and a quotation that goes on after its
attribution (``"Yes," he said.``) do not end one. Paragraphs (lines) always do.
"""
from __future__ import annotations

import re

from .model import Article, Document, Sentence

# Abbreviations that are followed by a name or a number, so never end a sentence.
TITLE_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov pres rev hon st sr jr
messrs mme mlle fr supt insp det amb sec gens brig lieut
no nos vol fig op art sect ch pp p para
jan feb mar apr jun jul aug sep sept oct nov dec
mt ft
vs v cf approx ca
""".split())
# Abbreviations that may end a sentence: they end one only before a capitalised word that is
# not itself a name-like continuation (checked by the caller).
TRAILING_ABBREVIATIONS = frozenset("inc ltd co corp plc llc bros etc jr sr".split())

_CLOSERS = "\"'”’»)]"
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'-]*)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: the article body; each line is a paragraph.

    Returns:
        ``(start, end)`` character offsets of each sentence, surrounding blanks excluded.
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        base = para.start()
        line = para.group()
        start = 0
        quoted = _quoted_regions(line)
        for m in _BOUNDARY.finditer(line):
            inside_quote = any(open_ < m.end() <= close for open_, close in quoted)
            if not inside_quote and _ends_sentence(line, m.start(), m.end()):
                spans.append((base + start, base + m.end()))
                start = m.end()
        spans.append((base + start, base + len(line)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _quoted_regions(line: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions of the balanced double quotations of a line.

    A boundary inside one does not end the sentence, so a quotation of several sentences
    stays with its attribution. An unclosed quotation is not a region.
    """
    regions, open_at = [], None
    for m in re.finditer(r'["“”]', line):
        mark = m.group()
        if open_at is None and mark in '"“':
            open_at = m.start()
        elif open_at is not None and mark in '"”':
            regions.append((open_at, m.start()))
            open_at = None
    return regions


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
    before = _WORD_BEFORE.search(line, 0, mark_start)
    if not before:
        return True
    word = before.group(1)
    bare = word.lower().rstrip(".")
    if "." in word.strip("."):
        # U.S. / U.K. / a.m.: an initialism; it ends a sentence only before a common sentence start
        return bool(opener) or _looks_like_sentence_start(line, nxt.start(2))
    if len(bare) == 1 and word[0].isupper():
        return False  # an initial: 'George W. Bush'
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
    word = re.match(r"[A-Za-z']+", line[pos:])
    return bool(word) and word.group().lower() in _SENTENCE_STARTERS


def segment(article: Article) -> Document:
    """Split an article's body into sentences: the input every extractor reads."""
    text = article.body
    sentences = tuple(
        Sentence(index=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(split_sentences(text))
    )
    return Document(article=article, sentences=sentences)
