"""The text layer every extractor reads: sentences, tokens from one tokenizer, one name key.

:func:`extract` builds one :class:`ArticleText` per article and hands it to every stage in place of the plain
:class:`~briefing.model.Document`: the sentences are split once (by :mod:`briefing.sentences`), and the text is cut once
into *atoms*, each a run of letters and digits or a single other character. The tokens of the stages are read off the
atoms, not off the text: :meth:`Tokenized.words` (names: a word keeps its inner ``-``, ``.``, ``&`` and apostrophes),
:meth:`Tokenized.clause_tokens` (agreements: numbers keep their ``,`` and ``.``), :meth:`Tokenized.attribution_tokens`
(quotations). Any stretch can be asked for, and the answer is what tokenizing that stretch alone gives: an atom cut by
the stretch's ends is cut too.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Document

_ATOM = re.compile(r"[^\W_]+|\S")  # [^\W_] is what str.isalnum accepts
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_INITIALISM_DOT = re.compile(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.")
_NON_WORD = re.compile(r"[^\w]+")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets (a named tuple: a document makes very many)."""

    start: int
    end: int
    text: str
    index: int = 0  # position among the words of its stretch (names only)
    possessive: bool = False  # an 's was split off ('Lisbon's')
    closed: bool = False  # a name cannot go on past this word ('Lisbon's', 'Oslo-based')

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        """A word or a number, currency signs included ('$5'); not a punctuation mark."""
        return self.text[0].isalnum() or self.text[0] in "$€£¥"

    @property
    def capitalised(self) -> bool:
        """Starts with a capital and holds no digit ('Lisbon', 'UN'; not 'X5')."""
        return self.text[:1].isupper() and not any(c.isdigit() for c in self.text)


_NUMBER_CHARS = frozenset("_$€£¥%")  # with letters and digits, the characters of a clause token
_CLAUSE_JOINERS = frozenset(".,'’&/-")  # kept inside a clause token, between two of its characters
_ATTRIBUTION_JOINERS = frozenset("_'’&.-")
_WORD_JOINERS = frozenset("_&'’")
_WORD_LINKS = frozenset("-.")  # inside a word only when a letter or digit follows


class Tokenized:
    """A text cut into atoms once, answering the tokens of any stretch of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        atoms = [m.span() for m in _ATOM.finditer(text)]
        self._starts = [s for s, _ in atoms]
        self._ends = [e for _, e in atoms]

    def _atoms(self, start: int, end: int | None) -> list[tuple[int, int]]:
        """The atoms in ``start``-``end``, those cut by the ends cut too."""
        end = len(self.text) if end is None else end
        if start >= end:
            return []
        first, last = bisect_right(self._ends, start), bisect_left(self._starts, end)
        atoms = list(zip(self._starts[first:last], self._ends[first:last]))
        if atoms:
            atoms[0] = (max(atoms[0][0], start), atoms[0][1])
            atoms[-1] = (atoms[-1][0], min(atoms[-1][1], end))
        return atoms

    def _run(self, atoms: list[tuple[int, int]], i: int, joins) -> int:
        """The last atom of the run from atom ``i`` whose atoms touch and each pass ``joins``."""
        text = self.text
        while i + 1 < len(atoms) and atoms[i + 1][0] == atoms[i][1] and joins(text[atoms[i + 1][0]], i + 1):
            i += 1
        return i

    def words(self, start: int = 0, end: int | None = None) -> list[Token]:
        """The words: letters and digits, with ``_ & '`` and with ``-`` or ``.`` before a letter or
        digit inside them, and one period after ('Mr.', 'U.S.', 'Oslo-based', 'Hale&Dorsey')."""
        text, atoms = self.text, self._atoms(start, end)

        def joins(char: str, k: int) -> bool:
            if char.isalnum() or char in _WORD_JOINERS:
                return True
            if char == "/":  # 'A/S': a slash joins two capital letters that stand alone
                return k + 1 < len(atoms) and atoms[k + 1][0] == atoms[k][1] and all(
                    atoms[j][1] - atoms[j][0] == 1 and text[atoms[j][0]].isupper() for j in (k - 1, k + 1)) \
                    and (k + 2 == len(atoms) or atoms[k + 2][0] != atoms[k + 1][1]
                         or not text[atoms[k + 2][0]].isalnum())
            return (char in _WORD_LINKS and k + 1 < len(atoms) and atoms[k + 1][0] == atoms[k][1]
                    and text[atoms[k + 1][0]].isalnum())

        found, i = [], 0
        while i < len(atoms):
            if not text[atoms[i][0]].isalnum():
                i += 1
                continue
            last = self._run(atoms, i, joins)
            if last + 1 < len(atoms) and atoms[last + 1][0] == atoms[last][1] and text[atoms[last + 1][0]] == ".":
                last += 1
            found.append(Token(atoms[i][0], atoms[last][1], text[atoms[i][0]:atoms[last][1]]))
            i = last + 1
        return found

    def clause_tokens(self, start: int, end: int) -> tuple[Token, ...]:
        """Words, numbers and punctuation marks: a token of letters, digits and ``_ $ € £ ¥ %``
        keeps the ``. , ' & / -`` between them ('1,200', '$4.5bn', 'U.S', 'joint-venture')."""
        return tuple(self._joined(start, end, _NUMBER_CHARS, _CLAUSE_JOINERS))

    def attribution_tokens(self, start: int, end: int) -> list[Token]:
        """Words (with any ``_ ' & . -`` inside them) and single punctuation marks but ``_``."""
        return [t for t in self._joined(start, end, frozenset(), _ATTRIBUTION_JOINERS) if t.text != "_"]

    def _joined(self, start: int, end: int, core: frozenset[str], joiners: frozenset[str]) -> list[Token]:
        """Single atoms, and runs of touching atoms that open with a letter, digit or ``core`` character and go on
        through those and ``joiners``, up to the last that is no joiner."""
        text, atoms = self.text, self._atoms(start, end)
        found, i = [], 0
        while i < len(atoms):
            last = i
            if text[atoms[i][0]].isalnum() or text[atoms[i][0]] in core:
                last = self._run(atoms, i, lambda char, _: char.isalnum() or char in core or char in joiners)
                while not (text[atoms[last][0]].isalnum() or text[atoms[last][0]] in core):
                    last -= 1
            found.append(Token(atoms[i][0], atoms[last][1], text[atoms[i][0]:atoms[last][1]]))
            i = last + 1
        return found

    def letter_runs(self, start: int, end: int) -> list[Token]:
        """The runs of the letters a-z (either case): the words number words are read from
        ('thirty-four' gives 'thirty' and 'four'; '2nd' gives 'nd')."""
        text, found = self.text, []
        for s, e in self._atoms(start, end):
            atom = text[s:e]
            if atom.isascii() and atom.isalpha():
                found.append(Token(s, e, atom))
            elif atom[0].isalnum():  # letters mixed with digits or other scripts: the a-z runs inside
                found.extend(Token(m.start(), m.end(), m.group()) for m in _ASCII_LETTERS.finditer(text, s, e))
        return found


@functools.lru_cache(maxsize=4)
def tokenized(text: str) -> Tokenized:
    """The atoms of ``text``, cut once: the body an :class:`ArticleText` holds, or a title."""
    return Tokenized(text)


@dataclass(frozen=True)
class ArticleText(Document):
    """A document with its text layer: what :func:`~briefing.extract.extract` gives every stage."""

    @property
    def tokens(self) -> Tokenized:
        return tokenized(self.text)

    @classmethod
    def of(cls, doc: Document) -> ArticleText:
        return doc if isinstance(doc, ArticleText) else cls(article=doc.article, sentences=doc.sentences)


def name_key(text: str) -> str:
    """Names compare on this key: no accents, case, punctuation or leading 'the'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _INITIALISM_DOT.sub("", text)
    text = _NON_WORD.sub(" ", text.replace("’s", "").replace("'s", "")).strip()
    return text[4:] if text.startswith("the ") else text
