"""Numbers as written in news copy: numerals, spelled-out numbers and scale words.

``find_numbers`` reads ``718``, ``35,000``, ``9,87,654.32``, ``9.1``, ``3 3/4``, ``3-3/4``, ``3¾``, ``7e12``,
``2.5x10-4``, ``6x2^8``, ``−40``, ``thirty-four``, ``a hundred and six``, ``three and a half``, ``half a billion``,
``five million``, ``2.4bn``, ``$9.1 billion``'s ``9.1 billion`` and ``mln``/``bln`` wire abbreviations. It does not
decide what a number counts; the figure extractor does that from the words around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import lexicon
from .text import tokenized

_SCALE_ROWS = lexicon.rows("scale_words.txt")
SCALES = {word: Decimal(10) ** int(power) for word, power, *_ in _SCALE_ROWS}
#: A scale letter stuck to a numeral ('1.5m', '200k', '£2bn' after a currency) -> its factor.
LETTER_SCALES = {"k": SCALES["thousand"], "m": SCALES["million"], "b": SCALES["billion"]}
#: Number words below a hundred (data/number_words.txt) by value: ones (with the "oh" of years), teens, tens, ordinals.
_NUMBER_WORDS = [(word, int(value), kind) for word, value, *kind in lexicon.rows("number_words.txt")]
ONES = {word: value for word, value, kind in _NUMBER_WORDS if value < 10 and kind != ["ordinal"]}
TEENS = {word: value for word, value, kind in _NUMBER_WORDS if 10 <= value < 20 and not kind}
TENS = {word: value for word, value, kind in _NUMBER_WORDS if value >= 20 and not kind}
ORDINALS = {word: value for word, value, kind in _NUMBER_WORDS if kind == ["ordinal"]}
_SMALL = {word: value for word, value in {**ONES, **TEENS}.items() if word != "oh"}
_UNICODE_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"),
                      "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3, "⅛": Decimal("0.125")}
_P = lexicon.compiled("numbers_patterns.txt", {})
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_NUMBER_STARTS = frozenset(_SMALL) | frozenset(TENS) | {"a", "an", "half"}
# 'half a million', 'a quarter million'
_SHARES_OF_SCALE = {("half", "a"): Decimal("0.5"), ("half", "an"): Decimal("0.5"), ("a", "quarter"): Decimal("0.25")}


@dataclass(frozen=True)
class Number:
    """A number found in a text: its span, its value and how it was written."""

    start: int
    end: int
    value: Decimal
    spelled: bool = False
    scale: Decimal = Decimal(1)  # the scale word folded in (million, bn, ...), 1 when none
    plain: bool = False  # a bare integer without separators: may be a year or an identifier
    fraction: bool = False  # 'by a third', 'by two-thirds': the share of a change
    of_point: bool = False  # 'half a' of 'half a percentage point': a share of one point


def plain_value(value: Decimal) -> int | float:
    """``value`` as an int when it is whole, else as a float (for JSON)."""
    return int(value) if value == value.to_integral_value() else float(value)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number in ``text[start:end]`` (``end`` defaults to the end), in order, not overlapping, with offsets
    into ``text`` and a scale word that follows it folded in."""
    end = len(text) if end is None else end
    found = [*_numerals(text, start, end), *_spelled(text, start, end), *_fractions(text, start, end)]
    found.sort(key=lambda n: (n.start, -n.end))
    result: list[Number] = []
    for number in found:
        if not result or number.start >= result[-1].end:
            result.append(number)
    return result


def _fractions(text: str, start: int, end: int) -> list[Number]:
    """'cut by a third', 'fell by two-thirds': the share of a change ('a third of the vote' is vague, no figure);
    'half a percentage point': a share of one point."""
    numbers = []
    for pattern, of_point in ((_P["FRACTION_BY"], False), (_P["FRACTION_POINT"], True)):
        for m in pattern.finditer(text, start, end):
            written, part = (m.group("count") or "a").lower(), m.group("part").lower()
            count = _COUNTS[written]
            if not (m.group("count") or part == "half") or (count == 1) != (not part.endswith("s")) \
                    or part == "half" and written not in ("a", "one"):
                continue  # 'by third', 'by one thirds', 'by two third', 'by an half'
            value = Decimal(count) / _PARTS[part.rstrip("s")]
            first = m.start("count") if m.group("count") else m.start("part")
            numbers.append(Number(first, m.end(), value, spelled=True, fraction=not of_point, of_point=of_point))
    return numbers


def _numerals(text: str, start: int, end: int) -> list[Number]:
    numbers = []
    for m in _P["NUMERAL"].finditer(text, start, end):
        value = _numeral_value(m)
        if m.group("sign"):
            value = -value
        plain = (m.group("int") or "").isdigit() and m.end() - m.start("int") == len(m.group("int"))
        number = Number(m.start(), m.end(), value, plain=plain)
        numbers.append(_with_scale(text, number, end))
    return numbers


def _numeral_value(m: re.Match) -> Decimal:
    if m.group("whole"):
        return Decimal(m.group("whole")) + Decimal(m.group("num")) / Decimal(m.group("den"))
    if m.group("fnum"):
        return Decimal(m.group("fnum")) / Decimal(m.group("fden")) if int(m.group("fden")) else Decimal(0)
    if m.group("lone"):
        return _UNICODE_FRACTIONS[m.group("lone")]
    value = Decimal(re.sub(r"[,\s]", "", m.group("int") + (m.group("dec") or "")))  # '35,000', '10 000', '9.1'
    if m.group("uni"):
        return value + _UNICODE_FRACTIONS[m.group("uni")]
    if m.group("exp") or m.group("exp10"):
        return value.scaleb(int((m.group("exp") or m.group("exp10")).replace("−", "-")))
    if m.group("base"):
        return value * Decimal(m.group("base")) ** int(m.group("power"))
    return value


def _with_scale(text: str, number: Number, limit: int) -> Number:
    """Fold a following scale word in: ``9.1 billion``, ``2.4bn``, ``5 mln``, ``half a billion``, ``1.5m people``."""
    m = _P["SCALE_AFTER"].match(text, number.end, limit)
    if not m and not number.spelled:
        m = _P["LETTER_SCALE"].match(text, number.end, limit)
        if m:
            factor = LETTER_SCALES[m.group(1)]
            return Number(number.start, m.end(), number.value * factor, scale=number.scale * factor)
    if not m:
        return number
    word = (m.group(1) or m.group(2)).lower()
    if word == "hundred" and number.scale != 1:
        return number
    scaled = Number(number.start, m.end(), number.value * SCALES[word], spelled=number.spelled,
                    scale=number.scale * SCALES[word])
    larger = _P["SCALE_AFTER"].match(text, m.end(), limit)  # 'Rs 4.5 lakh crore', '20 thousand crore'
    return _with_scale(text, scaled, limit) if larger and SCALES[(larger[1] or larger[2]).lower()] > SCALES[word] \
        else scaled


def _spelled(text: str, start: int, end: int) -> list[Number]:
    """Numbers written in words: ``thirty-four``, ``a hundred and six``, ``three and a half``, ``half a billion``."""
    tokens = [(t.start, t.end, t.lower) for t in tokenized(text).letter_runs(start, end)]
    words = [t[2] for t in tokens]
    numbers: list[Number] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_words(text, tokens, words, i) if words[i] in _NUMBER_STARTS else None
        if parsed:
            j, value = parsed
            numbers.append(_with_scale(text, Number(tokens[i][0], tokens[j - 1][1], value, spelled=True), end))
        i = parsed[0] if parsed else i + 1
    return numbers


def _joined(text: str, left: tuple, right: tuple) -> bool:
    """Two word tokens are one number phrase when only a space or a hyphen lies between them."""
    return text[left[1]:right[0]] in (" ", "-")


def _parse_words(text: str, tokens: list[tuple], words: list[str], i: int) -> tuple[int, Decimal] | None:
    """Parse a spelled number starting at token ``i``; returns (index after it, value) or None."""
    share = _SHARES_OF_SCALE.get(tuple(words[i:i + 2]))
    if share is not None and i + 2 < len(words) and words[i + 2] in SCALES \
            and _joined(text, tokens[i], tokens[i + 1]) and _joined(text, tokens[i + 1], tokens[i + 2]):
        return i + 3, share * SCALES[words[i + 2]]
    if words[i] == "half":
        return None
    total, current, last = Decimal(0), Decimal(0), None
    j = end_at = i
    if words[i] in ("a", "an"):
        # 'a hundred', 'a million': 'a' is one only before a scale word
        if not (i + 1 < len(words) and words[i + 1] in SCALES and _joined(text, tokens[i], tokens[i + 1])):
            return None
        current, last, j = Decimal(1), "small", i + 1
    while j < len(words):
        word = words[j]
        if j > i and not _joined(text, tokens[j - 1], tokens[j]):
            break
        if word in _SMALL and (last in (None, "hundred", "scale", "and") or last == "tens" and _SMALL[word] < 10):
            current += _SMALL[word]
            last = "small"
        elif word in TENS and last in (None, "hundred", "scale", "and"):
            current += TENS[word]
            last = "tens"
        elif word == "hundred" and last == "small" and current < 10:
            current *= 100
            last = "hundred"
        elif word in SCALES and word != "hundred" and last in ("small", "tens", "hundred"):
            total += current * SCALES[word]
            current, last = Decimal(0), "scale"
        elif word == "half" and last == "small" and current == 1:
            # 'one-half'
            current, end_at = Decimal("0.5"), j + 1
            break
        elif word == "and" and last in ("small", "tens") and words[j + 1:j + 3] in (["a", "half"], ["one", "half"]):
            # 'three and a half'
            current += Decimal("0.5")
            end_at = j + 3
            break
        elif word == "and" and last in ("hundred", "scale") and j + 1 < len(words) \
                and (words[j + 1] in _SMALL or words[j + 1] in TENS):
            last = "and"
            j += 1
            continue
        else:
            break
        j += 1
        end_at = j
    if last in (None, "and") or end_at == i:
        return None
    return end_at, total + current
