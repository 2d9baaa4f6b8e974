"""Figures: amounts of money, percentages, physical quantities and counted things.

A number becomes a figure only when the words around it say what it counts: a currency (``$718 million``,
``350 million Swedish kronor``, ``7.2 mln dlrs``), a percent sign or word (``4.5 pct``, ``3 percentage points``), a unit
of measurement (``12,408.5 km``, ``nine litres``) or a plural noun (``45,000 workers``, ``12 T-90s``). Bare numbers --
years, times, ordinals, identifiers (``clause 7``, ``T-90``), phone numbers, list numbering -- are left out. What a
figure measures, when and on whose word are read from its sentence (``figures_context``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import takewhile

from .. import lexicon
from ..model import Actor, DateMention, Document, Figure
from ..pubdate import MONTHS, WEEKDAYS
from . import figures_units as ref
from .figures_context import WIRE_FILLER, WIRE_LABELS, WIRE_LINE, dates_by_sentence, describe_sentence
from .numbers import LETTER_SCALES, ONES, SCALES, Number, find_numbers, plain_value
from .spans import SpanIndex

_IDIOMATIC_UNITS = lexicon.words("figures_idiomatic_units.txt")
# 'a $5 bill', "the company's $5 million": a word before a spaced '$' is not a dollar prefix
_NOT_DOLLAR_PREFIXES = frozenset({"a", "s", "us"})
_COMPOUND_ONLY_SYMBOLS = frozenset("s N V J W h K A".split())
_IRREGULAR_PLURALS = lexicon.words("figures_irregular_plurals.txt")
_NOT_PLURAL_NOUNS = lexicon.words("figures_not_plural_nouns.txt")
_FUNCTION_WORDS = lexicon.words("figures_function_words.txt")
_LEADING_COUNT_MODIFIERS = frozenset("more additional other extra further".split())
_LABELS = frozenset(label.lower() for label in lexicon.entries("figures_labels.txt"))
_REFERENTS = lexicon.phrases("figures_referents.txt")
_TOLL_ROWS = lexicon.rows("figures_toll_words.txt")
_TOLL_AFTER_UNITS = {word: unit for unit, after, *_others in _TOLL_ROWS for word in after.split()}
_TOLL_BEFORE_UNITS = {word: unit for unit, _after, before, _nouns in _TOLL_ROWS for word in before.split()}
_TOLL_NOUN_UNITS = {noun.replace("_", " "): unit for unit, *_words, nouns in _TOLL_ROWS for noun in nouns.split()}
_P = lexicon.compiled("figures_patterns.txt", {
    "APPROXIMATORS": lexicon.alternation(ref.APPROXIMATORS),
    "APPROXIMATORS_EXACT": lexicon.alternation(ref.APPROXIMATORS, exact=True),
    "UNIT_WORDS": ref.UNIT_WORD_PATTERN,
    "LETTER_DOLLARS": lexicon.alternation((s[:-1] for s in ref.CURRENCY_SYMBOLS if s.endswith("$") and s[:-1]),
                                          exact=True),
    "SIGNS": lexicon.alternation((s for s in ref.CURRENCY_SYMBOLS if not (s[0].isascii() and s[0].isalpha())),
                                 exact=True),
    "LETTER_SIGNS": lexicon.alternation((s for s in ref.CURRENCY_SYMBOLS if s[0].isascii() and s[0].isalpha()
                                         and not s.endswith("$") and len(s) > 2), exact=True),
    "SHORT_SIGNS": lexicon.alternation((form for symbol in ref.CURRENCY_SYMBOL_FORMS if symbol[0].isascii()
                                        and symbol[0].isalpha() and not symbol.endswith("$") and len(symbol) <= 2
                                        for form in (symbol, symbol.upper())), exact=True),
    "CODES": "|".join(sorted(ref.ISO_CODES)),
    "CURRENCY_WORDS": lexicon.alternation(ref.CURRENCY_WORDS, exact=True),
    "SUBUNITS": lexicon.alternation(ref.SUBUNITS, exact=True),
    "LETTER_SCALES": "|".join(LETTER_SCALES),
    "TOLL_AFTER_WORDS": lexicon.alternation(_TOLL_AFTER_UNITS),
    "TOLL_BEFORE_WORDS": lexicon.alternation(_TOLL_BEFORE_UNITS),
    "TOLL_NOUNS": lexicon.alternation(_TOLL_NOUN_UNITS),
    "DIGIT_WORDS": lexicon.alternation(word for word, value in ONES.items() if value),  # 'one' to 'nine'
})
_POWER = r"(?:\^?(?P<{0}>[-−]?[123])(?![\d.,])|(?P<{0}u>[²³¹])|(?:\s(?P<{0}w>squared|cubed)\b))"
_UNIT = (r"(?:(?P<{0}area>square|sq\.?|cubic|cu\.?)\s+)?"
         r"(?:(?P<{0}word>" + ref.UNIT_WORD_PATTERN + r")(?![\w-])"
         r"|(?P<{0}sym>" + ref.UNIT_SYMBOL_PATTERN + r")(?![A-Za-z]))")
_UNIT_AFTER = re.compile(
    r"(?P<gap>\s?-\s?|\s*)" + _UNIT.format("a") + "(?:" + _POWER.format("pa") + ")?"
    r"(?:(?P<per>\s?/\s?|\s+per\s+)" + _UNIT.format("b") + "(?:" + _POWER.format("pb") + ")?)?",
    re.I)


def _year_like(value: Decimal) -> bool:
    return value == value.to_integral_value() and 1000 <= value < 3000


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts, before its context (measure, date, source) is read."""

    start: int
    end: int
    value: Decimal
    unit: str
    kind: str  # money | percent | unit | count
    value_high: Decimal | None = None
    approx: str | None = None  # the approximating words ('about', 'more than')
    shown_unit: str = ""  # the unit as it should be displayed after the number
    scale: Decimal = Decimal(1)  # the scale word's factor (million, ...), for display
    factor: Decimal = Decimal(1)  # what the unit multiplies the written number by (cents: 0.01)


@dataclass(frozen=True)
class _Money:
    code: str
    end: int
    factor: Decimal = Decimal(1)


def find_figures(doc: Document, *, dates: tuple[DateMention, ...], actors: tuple[Actor, ...]) -> tuple[Figure, ...]:
    """The figures of ``doc`` in text order: a date mention of a figure's sentence gives its ``date``, and
    ``actors`` resolve whom it is attributed to (``source``)."""
    dollar = _article_dollar(doc.text)
    sentence_dates = dates_by_sentence(dates)
    models: dict[str, str | None] = {}  # what the article calls each model designation ('T-90' -> 'tanks')
    figures = []
    carried: Quantity | None = None  # the paragraph's last count: what a bare '2.7 million' goes on counting
    paragraph = None
    for sentence in doc.sentences:
        if sentence.paragraph != paragraph:
            carried, paragraph = None, sentence.paragraph
        quantities = [_named_model(doc.text, q, models) for q in quantities_in(doc.text, sentence.start, sentence.end,
                                                                                dollar=dollar, carried=carried)]
        counts = [q for q in quantities if q.kind == "count"]
        carried = counts[-1] if counts else carried
        figures.extend(describe_sentence(doc, sentence, quantities, [display(q) for q in quantities],
                                         actors=actors, sentence_dates=sentence_dates))
    return tuple(figures)


def quantities_in(text: str, start: int, end: int, *, dollar: str = "USD",
                  carried: Quantity | None = None) -> list[Quantity]:
    """The quantities of the sentence ``text[start:end]``, in order; ``dollar`` is the ISO code a bare ``$``
    stands for, ``carried`` the last count of the paragraph's earlier sentences ('4.8 million refugees'):
    a bare '2.7 million' at the end of a clause counts the same thing as the last count before it."""
    numbers = find_numbers(text, start, end)
    quantities: list[Quantity] = []
    i = 0
    while i < len(numbers):
        found = _read(text, start, end, numbers, i, dollar)
        if found is None:
            compared = _compared(text, start, end, numbers, i, quantities, dollar, carried)
            quantities.extend(compared)
            carried = next((q for q in reversed(compared) if q.kind == "count"), carried)
            i += len(compared) or 1
            continue
        quantity, i = found
        quantities.append(quantity)
        carried = quantity if quantity.kind == "count" else carried
    quantities.extend(_single_units(text, start, end, quantities))
    if len(quantities) == 1 and quantities[0].kind == "unit" and quantities[0].unit in ref.TIME_UNITS \
            and not text[start:quantities[0].start].strip() and not text[quantities[0].end:end].strip(" .:"):
        return []  # 'Nine mths' alone on its line: the heading of a wire-service table, not a figure
    return sorted(quantities, key=lambda q: q.start)


def _compared(text: str, start: int, end: int, numbers: list[Number], i: int, quantities: list[Quantity],
              dollar: str, carried: Quantity | None = None) -> list[Quantity]:
    """Wire-copy comparisons: in 'Shr 2.10 dlrs vs 1.85' and '6.1 mln vs 4.9 mln dlrs' the bare number
    takes the unit of the number it is compared with. Returns the quantities read at ``numbers[i]``."""
    number = numbers[i]
    wire = _wire_amount(text, start, number, dollar)
    if wire:
        return [wire]
    previous = quantities[-1] if quantities else None
    if previous and _P["VERSUS"].fullmatch(text, previous.end, number.start) and number.start - previous.end < 8:
        return [_like(previous, number)]
    if number.plain and _year_like(number.value) or number.spelled and number.value <= 1:
        return []
    if i + 1 < len(numbers) and (_P["VERSUS"].fullmatch(text, number.end, numbers[i + 1].start)
                                 or _P["FROM_BEFORE"].search(text, max(start, number.start - 12), number.start)
                                 and _P["TO"].fullmatch(text, number.end, numbers[i + 1].start)
                                 or _P["OF_THE"].fullmatch(text, number.end, numbers[i + 1].start)):
        # 'X vs Y dlrs', 'from 5 to 7 percent', '47 of the 81 seats': the bare number shares the other's unit
        found = _read(text, start, end, numbers, i + 1, dollar)
        if found and found[0].start == numbers[i + 1].start and found[0].value_high is None \
                and (found[0].kind == "count" or not _P["OF_THE"].fullmatch(text, number.end, numbers[i + 1].start)):
            return [_like(found[0], number), found[0]]
    if previous and previous.kind != "fraction" and previous.unit not in ref.TIME_UNITS \
            and _P["FROM_BEFORE"].search(text, max(start, number.start - 20), number.start) \
            and not _P["NAME_AFTER"].match(text, number.end, end) \
            and not (i + 1 < len(numbers) and _P["TO"].fullmatch(text, number.end, numbers[i + 1].start)):
        # 'rose 12 pct to 3.4 bln yen, from 3.04 bln', 'slumped to 21 seats from 34': the earlier level
        return [_like(previous, number)]
    elided = _elided_count(text, start, end, number, carried, quantities)
    if elided:
        return [elided]
    unsigned = not number.spelled and not _P["PREFIX"].search(text, max(start, number.start - 6), number.start)
    money = next((q for q in reversed(quantities) if q.kind == "money" and q.scale == number.scale), None)
    if money and number.scale >= SCALES["thousand"] and unsigned:
        return [_like(money, number)]  # '450 mln dlrs in sales and a 107 mln loss': the same currency
    if _P["MIXED_FRACTION"].fullmatch(text, number.start, number.end) and _P["SHARE_PRICE"].search(text, start, end):
        return [Quantity(number.start, number.end, number.value, dollar, "money")]  # 'Acme closed at 62-3/4'
    # carried: the last count read so far, in this sentence or the paragraph's earlier ones
    if carried and number.scale >= SCALES["million"] and carried.scale == number.scale and unsigned \
            and _P["CLAUSE_END"].match(text, number.end, end):
        return [_like(carried, number)]  # '4.8 million refugees ... Turkey alone hosts 2.7 million.'
    return []


def _elided_count(text: str, start: int, end: int, number: Number, carried: Quantity | None,
                  quantities: list[Quantity]) -> Quantity | None:
    """A bare number counting what the sentence or paragraph just counted ('of the 54 nations, only 27 have')."""
    before = text[max(start, number.start - 24):number.start]
    if number.spelled and number.value <= 1 or number.start > start and text[number.start - 1].isalpha() \
            or _P["DIGITS_GO_ON"].match(text, number.end) \
            or _is_not_a_quantity(text, start, end, number, before) \
            or _designation_number(text, start, number.start, number):
        return None
    approx = _approx_word(_P["APPROX"].search(text, max(start, number.start - 24), number.start))
    toll = _P["TOLL_AFTER"].match(text, number.end, end)
    if toll:  # 'a total of 39 are confirmed dead': the verb says what is counted
        unit = _TOLL_AFTER_UNITS[toll["word"].lower()]
        return Quantity(number.start, toll.end(), number.value, unit, "count", approx=approx, shown_unit=unit,
                        scale=number.scale)
    toll = _P["TOLL_BEFORE"].search(text, max(start, number.start - 60), number.start)
    if toll and _P["TOLL_END"].match(text, number.end, end):
        unit = _TOLL_NOUN_UNITS[" ".join(toll["toll"].lower().split())] if toll["toll"] \
            else _TOLL_BEFORE_UNITS[toll["word"].lower()]
        return Quantity(number.start, number.end, number.value, unit, "count", approx=approx, shown_unit=unit,
                        scale=number.scale)
    unit = carried.unit if carried else None
    of = _P["ELIDED_OF"].match(text, number.end, end)
    if of:  # 'two of them', '80 of other people's ballots'
        head = _counted_after(text, of.end() - len(of.group(0).split()[-1]) - 1, end, number, number.start, start)
        unit = head[0] if head else unit
    else:
        cue = _P["ELIDED_BEFORE"].search(before)
        if not cue or cue.group("joined") and not (quantities and quantities[-1].kind == "count") \
                or not (_P["CLAUSE_END"] if cue.group("final") else _P["ELIDED_AFTER"]).match(text, number.end, end):
            return None
    if not unit:
        return None
    return Quantity(number.start, number.end, number.value, unit, "count", approx=approx, shown_unit=unit,
                    scale=number.scale)


def _wire_amount(text: str, start: int, number: Number, dollar: str) -> Quantity | None:
    """A bare amount on a wire-service table line ('Net loss 2.6 mln vs profit 0.9 mln', 'Avg shrs 41.2 mln')."""
    label = WIRE_LINE.match(text, start)
    if not label or not WIRE_FILLER.fullmatch(text, label.end(), number.start):
        return None
    if number.spelled or (number.plain and _year_like(number.value)):
        return None
    if WIRE_LABELS[label.group(1).lower()][1] == "shares":
        return Quantity(number.start, number.end, number.value, "shares", "count", shown_unit="shares",
                        scale=number.scale)
    return Quantity(number.start, number.end, number.value, dollar, "money", scale=number.scale)


def _like(model: Quantity, number: Number) -> Quantity:
    return replace(model, start=number.start, end=number.end, value=number.value * model.factor, value_high=None,
                   approx=None, scale=number.scale * model.factor if model.factor >= 1 else number.scale)


def _read(text: str, start: int, end: int, numbers: list[Number], i: int, dollar: str) -> tuple[Quantity, int] | None:
    """The quantity that ``numbers[i]`` begins, and the index of the next unread number."""
    number = numbers[i]
    if number.fraction:  # 'cut by a third': the share of a change
        return Quantity(number.start, number.end, number.value, "fraction", "fraction",
                        shown_unit=re.sub(r"\s+", " ", text[number.start:number.end].lower())), i + 1
    if number.of_point and (point := _P["POINT_AFTER"].match(text, number.end, end)):
        return Quantity(number.start, point.end(), number.value, "percentage points", "percent",
                        shown_unit="percentage points"), i + 1
    before = text[max(start, number.start - 24):number.start]
    if _is_not_a_quantity(text, start, end, number, before):
        return None
    prefix = _P["PREFIX"].search(before)
    if prefix and prefix.group("letters") in _NOT_DOLLAR_PREFIXES and " " in prefix.group(0).rstrip():
        prefix = _P["PREFIX"].search(before, prefix.start("letters") + len(prefix.group("letters")))
    code = prefix.group("code") if prefix else None
    if code and (code in ref.WORDLIKE_CODES and before.endswith(" ") or not code.isupper()):
        prefix = None
    if prefix and prefix.group("lsign") and len(prefix.group("lsign")) == 1 and number.scale == 1 \
            and not _P["MONEY_SCALE"].match(text, number.end, end):
        prefix = None  # 'G7', 'Q3': a lone letter is a currency only before a scaled amount ('R4bn', 'R2 million')
    if not prefix and number.start > start and text[number.start - 1].isalpha():
        return None  # part of a name or a code: 'B52', 'K300'
    first = prefix.start() + (number.start - len(before)) if prefix else number.start
    approx = _P["APPROX"].search(text, max(start, first - 24), first)
    value, scale, after, nxt = number.value, number.scale, number.end, i + 1
    high = None
    ranged = _range_end(text, numbers, i, end, between=bool(_P["BETWEEN"].search(text, max(start, first - 12), first)),
                        change=bool(_P["CHANGE_BEFORE"].search(text, max(start, first - 40), first))
                        and not _P["RANGING"].search(text, max(start, first - 24), first))
    if ranged:
        high_number = numbers[i + 1]
        high, after, nxt = high_number.value, high_number.end, i + 2
        if scale == 1 and high_number.scale != 1:
            scale = high_number.scale
            value = value * scale
    uncertainty = _P["UNCERTAINTY"].match(text, after, end)
    if uncertainty and nxt < len(numbers) and numbers[nxt].start == uncertainty.end():
        after, nxt = numbers[nxt].end, nxt + 1
    money = _money_before(prefix, dollar) if prefix else None
    if money:
        money = _money_scale_after(text, after, end, money)
    else:
        money = _money_after(text, after, end, number, scale, dollar)
    if money and number.spelled and number.value == 1 and scale == 1 and _P["RATE_AFTER"].match(text, money.end, end):
        return None  # 'one bitcoin is worth $8,000': the currency's unit in a rate, not an amount
    if money:
        value, high = value * money.factor, high * money.factor if high is not None else None
        stop = money.end
        if scale == 1 and high is None:
            cents = _cents_continuation(text, numbers, nxt, money, end)
            if cents:
                value, stop, nxt = value + cents[0], cents[1], cents[2]
        nxt = _skip_to(numbers, nxt, stop)
        if _P["ACCOUNTING_NEGATIVE"].search(text, max(start, first - 12), first) and text[stop:stop + 1] == ")":
            first, stop, value = first - 1, stop + 1, -value  # 'revenue was ($99.99)': brackets write a loss
        return Quantity(first, stop, value, money.code, "money", high, _approx_word(approx),
                        scale=scale * money.factor if money.factor >= 1 else scale, factor=money.factor), nxt
    if prefix:
        return None
    percent = _P["PERCENT"].match(text, after, end)
    if percent:
        unit = "percentage points" if percent.group("points") else "basis points" if percent.group("bp") else "%"
        return Quantity(number.start, percent.end(), value, unit, "percent", high, _approx_word(approx),
                        shown_unit=unit), _skip_to(numbers, nxt, percent.end())
    measured = _unit_after(text, after, end, number)
    if measured:
        unit_name, unit_end = measured
        return Quantity(number.start, unit_end, value, unit_name, "unit", high, _approx_word(approx),
                        shown_unit=re.sub(r"\s+", " ", text[after:unit_end].strip(" -")), scale=scale), \
            _skip_to(numbers, nxt, unit_end)
    counted = _counted_after(text, after, end, number, first, start)
    if counted:
        unit, count_end = counted
        return Quantity(number.start, count_end, value, unit, "count", high, _approx_word(approx),
                        shown_unit=unit, scale=scale), _skip_to(numbers, nxt, count_end)
    return None


def _single_units(text: str, start: int, end: int, taken: list[Quantity]) -> list[Quantity]:
    """'a litre of milk', 'an acre': one of a unit of measurement (not of time, and not a rate like '$4 a litre')."""
    found = []
    taken_spans = SpanIndex(taken)
    for m in _P["SINGLE_UNIT"].finditer(text, start, end):
        unit = ref.UNIT_WORDS[m.group("word").lower()]
        if unit.time or unit.name in _IDIOMATIC_UNITS or taken_spans.holds(m.start()):
            continue
        if _P["RATE_BEFORE"].search(text, max(start, m.start() - 16), m.start()):
            continue
        found.append(Quantity(m.start(), m.end(), Decimal(1), unit.name, "unit", shown_unit=m.group("word")))
    return found


def _skip_to(numbers: list[Number], index: int, offset: int) -> int:
    while index < len(numbers) and numbers[index].start < offset:
        index += 1
    return index


def _approx_word(match: re.Match | None) -> str | None:
    return match.group(1).lower() if match else None


def _is_not_a_quantity(text: str, start: int, end: int, number: Number, before: str) -> bool:
    """Years-as-labels, times, ordinals, ages, identifiers, phone numbers and list numbering."""
    after = number.end  # the patterns read text[number.end:end] in place, without copying it
    if not number.spelled:
        if _P["TIME_AFTER"].match(text, after, end) or _P["ORDINAL_AFTER"].match(text, after, end) \
                or _P["PHONE_LIKE"].match(text, after, end):
            return True
        if number.start - 2 >= start and (text[number.start - 1] in "-." and text[number.start - 2].isdigit()
                                          or text[number.start - 1] == "+" and text[number.start - 2].isalnum()):
            return True  # the tail of '7788-9911' or '6 . 2', or of a name such as 'G4+1'
        if number.start == start and _P["LIST_NUMBER"].match(text, number.start) and number.scale == 1:
            return True
    if _P["AGE"].match(text, after, end):
        return True
    word = _P["WORD_BEFORE"].search(before)
    # 'Flight 370', not 'fined the ferry line 3 million euros': a scale word makes an amount, never a label
    if word and word.group(1).lower() in _LABELS and not number.spelled and number.scale == 1:
        return True
    # 'the March 3 strikes': the day of a date, not a count
    return bool(word and word.group(1).lower() in MONTHS and number.plain and 1 <= number.value <= 31)


def _range_end(text: str, numbers: list[Number], i: int, end: int, *, between: bool, change: bool = False) -> bool:
    """Whether ``numbers[i]`` and the next number form a range: '25-30', '6 to 8', 'between 5 and 6', '12% to 15%'.

    After 'from' or a verb of change, 'X to Y' is a change from one level to another ('fell $2 to $80',
    'from 5% to 7%'): two figures, not a range.
    """
    if i + 1 >= len(numbers):
        return False
    number, nxt = numbers[i], numbers[i + 1]
    gap = text[number.end:nxt.start]
    joiner = _P["RANGE_AND"] if between else _P["RANGE_DASH"] if change else _P["RANGE_TO"]
    if not joiner.fullmatch(gap):
        return False
    if gap.strip() == "-" and gap != "-":
        return False  # '5 - 3' with spaces is arithmetic or a score, not a range
    return nxt.value >= number.value or nxt.scale != number.scale


# --- money -------------------------------------------------------------------------------------------------

def _money_before(prefix: re.Match, dollar: str) -> _Money | None:
    end = prefix.end()
    if prefix.group("letters") is not None:
        code = ref.CURRENCY_SYMBOLS.get(prefix.group("letters").lower() + "$")
        return _Money(code, end) if code else None
    if prefix.group("sign"):
        code = ref.CURRENCY_SYMBOLS[prefix.group("sign").lower()]
        return _Money(dollar if code == "USD" and prefix.group("sign") == "$" else code, end)
    if prefix.group("lsign"):
        return _Money(ref.CURRENCY_SYMBOLS[prefix.group("lsign").lower()], end)
    code = prefix.group("code").upper()
    return _Money(code, end, SCALES["million"] if prefix.group("mega") else Decimal(1))


def _money_scale_after(text: str, pos: int, end: int, money: _Money) -> _Money:
    """'$5m', '£1.5bn', '$50k' (when the number has no scale word yet): the end of the money phrase."""
    m = _P["MONEY_SCALE"].match(text, pos, end)
    if m:
        return _Money(money.code, m.end(), money.factor * LETTER_SCALES[m.group("scale").lower()])
    return _Money(money.code, pos, money.factor)


def _money_after(text: str, pos: int, end: int, number: Number, scale: Decimal, dollar: str) -> _Money | None:
    """A currency written after the number: 'dollars', 'Danish kroner', 'USD', '€', 'cents', 'MEUR'."""
    code = _P["CODE_AFTER"].match(text, pos, end)
    if code and code.group("code").isupper() and code.group("mega") in (None, "M") \
            and (code.group("code") not in ref.WORDLIKE_CODES or text[pos:code.start("code")] == ""):
        return _Money(code.group("code"), code.end(), SCALES["million"] if code.group("mega") else Decimal(1))
    sign = _P["SIGN_AFTER"].match(text, pos, end)
    if sign:
        symbol = ref.CURRENCY_SYMBOLS[sign.group("sign").lower()]
        return _Money(dollar if sign.group("sign") == "$" else symbol, sign.end())
    money = _currency_word(text, pos, end, scale, dollar)
    if money:
        return money
    sub = _P["SUBUNIT_AFTER"].match(text, pos, end)
    if sub and (sub.group("word") or sub.start() == pos):
        if sub.group("short"):
            code, share = ("USD", Decimal("0.01")) if sub.group("short").lower() == "c" else ("GBP", Decimal("0.01"))
            if number.spelled:
                return None
        else:
            code, share = ref.SUBUNITS[sub.group("word").lower()]
            adjective = sub.group("adj")
            if adjective and adjective.lower() == "euro":
                code = "EUR"
            elif adjective:
                return None
        if code == "USD" and dollar != "USD" and share == Decimal("0.01"):
            code = dollar
        return _Money(code, sub.end(), share)
    return None


def _currency_word(text: str, pos: int, end: int, scale: Decimal, dollar: str) -> _Money | None:
    """A currency word after the number ('dollars', 'Norwegian kroner', 'swedish kronor', 'pounds sterling')."""
    word = _P["WORD_AFTER"].match(text, pos, end)
    if word and word.group("adj"):
        code = ref.currency_for(word.group("word"), word.group("adj"))
        if code:
            return _Money(code, word.end())
        word = _P["WORD_AFTER_BARE"].match(text, pos, end)
    if not word:
        return None
    entry = ref.CURRENCY_WORDS[word.group("word").lower()]
    if not entry.code or entry.ambiguous and scale == 1:
        return None
    return _Money(dollar if entry.code == "USD" else entry.code, word.end())


def _cents_continuation(text: str, numbers: list[Number], nxt: int, money: _Money, end: int) -> tuple | None:
    """'eleven dollars twenty', '12 dollars and 40', '$ 200 and forty', '20 $ 45 cent': the cents."""
    if nxt >= len(numbers):
        return None
    number = numbers[nxt]
    gap = text[money.end:number.start]
    if not re.fullmatch(r"\s+(?:and\s+)?", gap) or number.value >= 100 or number.value != int(number.value) \
            or number.value < 1:
        return None
    tail = _P["CENTS_WORD"].match(text, number.end, end)
    stop = tail.end() if tail else number.end
    if not tail and not _P["CLAUSE_END"].match(text, stop, end):
        return None
    return number.value / 100, stop, nxt + 1


def _article_dollar(text: str) -> str:
    """The dollar a bare '$' stands for: the one non-US dollar the article names, else the US dollar."""
    named = {ref.currency_for("dollar", m.group(1)) for m in
             re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?|HK|NZ)\s+dollars?\b", text)}
    named.discard(None)
    if len(named) == 1 and "USD" not in named and not re.search(r"\bUS\$|\bU\.?S\.? dollars?\b", text):
        return named.pop()
    return "USD"


# --- units and counts ----------------------------------------------------------------------------------------

def _unit_after(text: str, pos: int, end: int, number: Number) -> tuple[str, int] | None:
    """A unit of measurement right after the number: its name and where it ends."""
    m = _UNIT_AFTER.match(text, pos, end)
    if not m:
        return None
    word, symbol = m.group("aword"), m.group("asym")
    unit = ref.UNIT_WORDS[word.lower()] if word else ref.UNIT_SYMBOLS.get(symbol)
    if unit is None:
        return None
    gap = m.group("gap")
    if "-" in gap and unit.time:
        return None  # 'a 10-year bond'
    if gap.strip() == "-" and number.spelled:
        return None
    if unit.time and number.spelled and number.value == 1:
        return None  # 'one day' is mostly 'some day'
    if unit.time and number.value != 1 and word and word.lower() == unit.name \
            and _P["TOKEN"].match(text, m.end(), end) and text[m.end() + 1:m.end() + 2].islower():
        return None  # 'a six month period', 'its 13 year mission': a compound adjective, not a figure
    if unit.time and (_P["SMALL_ALTERNATIVE"].search(text, max(0, number.start - 16), number.start)
                      or _P["PRISON_TERM"].search(text, max(0, number.start - 60), number.start)):
        return None  # 'in five or six years': a loose guess; 'sentenced him to 16 months': a prison term
    if unit.time and _P["OF_AFTER"].match(text, m.end(), end):
        return None  # 'three months of decline', '16 months of prison': a span of something, not a figure
    if unit.time and _P["RELATIVE_TIME"].match(text, m.end(), end):
        return None  # 'three weeks ago', 'seven years later': when, not how much
    if unit.time and _whole_period(text, m.end(), end, unit.name, number.value):
        return None  # 'seven days a week', '24 hours a day': always
    if unit.time and _P["DURATION_BEFORE"].search(text, max(0, number.start - 40), number.start) \
            and not _P["TIME_CHAIN"].match(text, m.end(), end):
        return None  # 'for 15 years', 'over the next two years', 'the highest in 15 years': how long, not a figure

    if m.end() < end and text[m.end()].isalnum():
        return None  # 'QX 41B7': letters and digits of a code
    if symbol and not word and re.match(r"-\d", text[m.end():m.end() + 2]):
        return None  # 'two F-16s': a model designation, not degrees Fahrenheit
    if symbol and not word:
        if symbol == "in" and not _P["INCH_CONTEXT"].match(text, m.end("asym"), end):
            return None  # '2 in 10 voters'
        if symbol in _COMPOUND_ONLY_SYMBOLS and not m.group("per") and not m.group("pa"):
            return None  # '5 s', '3 N': a unit only inside 'km/s', 'N/m2'
    if word and word.lower() in ("pound", "pounds"):
        return None  # money unless written 'lb'; see _money_after
    area = m.group("aarea")
    name = ("square " if area.lower().startswith("s") else "cubic ") + unit.name if area else unit.name
    name = _powered(name, m.group("pa") or m.group("pau") or m.group("paw"))
    if m.group("per"):
        second = ref.UNIT_WORDS[m.group("bword").lower()] if m.group("bword") else ref.UNIT_SYMBOLS.get(m.group("bsym"))
        if second is None:
            return name, m.start("per")
        name = f"{name} per {_powered(second.name, m.group('pb') or m.group('pbu') or m.group('pbw'))}"
    return name, m.end()


_PERIOD_LENGTHS = {("day", "week"): 7, ("hour", "day"): 24, ("day", "year"): 365, ("month", "year"): 12,
                   ("week", "year"): 52, ("minute", "hour"): 60, ("second", "minute"): 60}


def _whole_period(text: str, pos: int, end: int, unit: str, value: Decimal) -> bool:
    """'seven days a week', '24 hours a day', '365 days a year': the whole of the period, an idiom for 'always'."""
    m = _P["PER_PERIOD"].match(text, pos, end)
    return bool(m) and _PERIOD_LENGTHS.get((unit, m.group(1).lower())) == value


_POWER_WORDS = {"2": "square ", "²": "square ", "squared": "square ", "3": "cubic ", "³": "cubic ", "cubed": "cubic ",
                "-1": "inverse ", "¹": "inverse "}


def _powered(name: str, power: str | None) -> str:
    return _POWER_WORDS.get((power or "").lower().replace("−", "-"), "") + name


def _counted_after(text: str, pos: int, end: int, number: Number, first: int, start: int) -> tuple[str, int] | None:
    """A plural noun phrase right after the number -- the thing counted -- and where it ends."""
    if number.plain and _year_like(number.value) and not _P["APPROX"].search(text, max(start, first - 24), first):
        return None  # '1990 people' is rare, 'in 1990 people' is not; 'over 1800 people' is a count
    if number.spelled and number.value <= 1:
        return None
    if _P["NOT_A_COUNT_BEFORE"].search(text, max(start, first - 16), first):
        return None  # 'the top 10 firms', '4.2 per 100,000 people', 'one in five adults'
    if _designation_number(text, start, first, number):
        return None  # 'the Velmar 737 jets', 'Category 5 storms', 'Windows 11 machines': a model or grade, not a count
    if number.spelled and number.value <= 10 and _P["SMALL_ALTERNATIVE"].search(text, max(start, first - 16), first):
        return None  # 'three or four medicines', 'two or three times': a loose handful, not a figure
    modifiers: list[str] = []
    cursor = pos
    for _ in range(4):
        token = _P["TOKEN"].match(text, cursor, end)
        if not token:
            return None
        written = word = token.group(1)
        lower = word.lower()
        cursor = token.end()
        if _is_superlative(lower):
            return None  # 'its three biggest ports': which ones, not how many
        if lower in ref.UNIT_WORDS and ref.UNIT_WORDS[lower].time:
            return None  # a duration that _unit_after did not take ('three weeks ago', 'seven days a week')
        following = _P["TOKEN"].match(text, cursor, end)
        if lower in _NOMINAL_ADJECTIVES and (not following or not _is_plural_head(following.group(1))):
            word = lower  # '200 wounded', '37 dead'
        elif lower in _NOMINAL_ADJECTIVES or not (_is_plural_head(word) or _is_plural_name(word, following)
                                                 and not any(c.isdigit() for c in "".join(modifiers))):
            word = ""
        elif following and lower in _IRREGULAR_PLURALS and lower not in _PERSON_PLURALS \
                and _is_plural_head(following.group(1)) and following.group(1).lower() not in _IRREGULAR_PLURALS:
            word, cursor = f"{word} {following.group(1)}", following.end()  # 'six crew members', '300 police officers'
        if word:
            if _P["COUNT_THEN_TIME"].match(text, cursor, end):
                return None  # 'two seasons ago'
            if number.spelled and number.value <= 10 and (lower in _REFERENTS or _P["REFERENCE_DETERMINERS"].search(
                    text, max(start, first - 12), first)):
                return None  # 'the two countries', 'both sides': the ones spoken of, not a count
            return " ".join([m for m in modifiers if m.lower() not in _LEADING_COUNT_MODIFIERS] + [word]), cursor
        if lower in _FUNCTION_WORDS or lower in _NOT_PLURAL_NOUNS or lower in ref.CURRENCY_WORDS:
            return None
        model = _P["MODEL_NUMBER"].match(text, cursor, end) if written[0].isupper() else None
        if model:  # '30 Velmar 737 jets': the maker's name and its model number describe what is counted
            written, cursor = written + model.group(0), model.end()
        modifiers.append(written)
    return None


_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _designation_number(text: str, start: int, first: int, number: Number) -> bool:
    """A bare number right after a name inside a sentence ('Velmar 737', 'Category 5'): part of the name."""
    if not number.plain or number.value >= 10000:
        return False
    name = _P["NAME_THEN_NUMBER"].search(text, max(start, first - 30), first)
    if not name or name.group(1).lower() in _CALENDAR_WORDS:
        return False
    before = text[start:name.start()].rstrip()
    if not before or before[-1] in ".:;!?\"“‘'(—–-":
        return False  # the first word of a sentence or clause: 'Police 300 ...' is rare, 'Officials said' is not
    return not _P["PLACE_BEFORE"].search(text, max(start, name.start() - 16), name.start())


_PERSON_PLURALS = lexicon.words("actors_people_plurals.txt")
_NOMINAL_ADJECTIVES = lexicon.words("figures_nominal_adjectives.txt")
_NOT_SUPERLATIVES = lexicon.words("figures_not_superlatives.txt")


def _is_superlative(lower: str) -> bool:
    return lower in ("most", "least", "best", "worst") or len(lower) > 5 and lower.endswith("est") \
        and lower not in _NOT_SUPERLATIVES and not lower.endswith(("harvest", "forest", "test", "request", "west"))


def _is_plural_head(word: str) -> bool:
    if _P["DESIGNATION_PLURAL"].fullmatch(word):
        return True
    lower = word.lower()
    if not word[0].islower() or lower in _NOT_PLURAL_NOUNS:
        return False
    if lower in _IRREGULAR_PLURALS:
        return True
    if len(lower) > 4 and lower.endswith("men") and not lower.endswith(("imen", "omen", "umen")):
        return True  # 'seamen', 'gunmen', 'businessmen'
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))


def _is_plural_name(word: str, following: re.Match | None) -> bool:
    """'235 Democrats', '40 Xlanders': a capitalised plural that ends its phrase (not '3 Doors Down')."""
    return word[0].isupper() and _is_plural_head(word.lower()) and not word.isupper() \
        and not (following and following.group(1)[0].isupper())


def _named_model(text: str, quantity: Quantity, models: dict[str, str | None]) -> Quantity:
    """'12 T-90s' -> unit 'T-90 tanks' when the article says elsewhere what a T-90 is.

    ``models`` keeps what was found for each designation, so the article is read once per model.
    """
    if quantity.kind != "count" or not _P["DESIGNATION_PLURAL"].fullmatch(quantity.unit.split()[-1]):
        return quantity
    model = quantity.unit.split()[-1][:-1]
    if model not in models:
        models[model] = _model_head(text, model)
    head = models[model]
    if head is None:
        return quantity
    unit = quantity.unit[: -len(model) - 1] + f"{model} {head}"
    return replace(quantity, unit=unit, shown_unit=unit)


def _model_head(text: str, model: str) -> str | None:
    """The noun the article puts after a model designation ('T-90 tanks' -> 'tanks'), or None."""
    for mention in re.finditer(re.escape(model) + r"((?:\s+[a-z][a-z-]*){1,3})", text):
        kept = list(takewhile(lambda word: word not in _FUNCTION_WORDS, mention.group(1).split()))
        if kept:
            return next((w for w in kept if _is_plural_head(w)), None) or kept[-1] + "s"
    return None


# --- display ---------------------------------------------------------------------------------------------------

_DISPLAY_SIGNS = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "C$", "AUD": "A$", "HKD": "HK$",
                  "NZD": "NZ$", "SGD": "S$", "INR": "₹", "CNY": "CN¥"}
_SCALE_NAMES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def display(quantity: Quantity) -> str:
    """The figure written for reading: 'US$718 million', '4.5%', 'about 45,000 workers', 'US$25–30 million'."""
    if quantity.kind == "fraction":
        return quantity.shown_unit
    high = quantity.value_high
    largest = max(abs(quantity.value), abs(high) if high is not None else 0)
    scale_name, divisor = next(((name, size) for size, name in _SCALE_NAMES if largest >= size
                                and (quantity.kind == "money" or quantity.scale >= size)), ("", Decimal(1)))
    cents = quantity.kind == "money" and not scale_name and quantity.value != int(quantity.value)
    amount = _format(quantity.value / divisor, cents=cents)
    if high is not None:
        amount += "–" + _format(high / divisor, cents=cents)
    if scale_name:
        amount += " " + scale_name
    if quantity.kind == "money":
        sign = _DISPLAY_SIGNS.get(quantity.unit)
        text = f"{sign}{amount}" if sign else f"{quantity.unit} {amount}"
    elif quantity.unit == "%":
        text = f"{amount}%"
    else:
        text = f"{amount} {quantity.shown_unit or quantity.unit}"
    return f"{quantity.approx} {text}" if quantity.approx else text


def _format(value: Decimal, *, cents: bool = False) -> str:
    if cents:  # '$0.60', but an exchange rate or a unit price keeps its places: '$1.0612'
        places = max(2, -value.normalize().as_tuple().exponent)
        return f"{value:,.{places}f}"
    plain = plain_value(value)
    if isinstance(plain, int):
        return f"{plain:,}"
    return f"{value:,f}".rstrip("0").rstrip(".")
