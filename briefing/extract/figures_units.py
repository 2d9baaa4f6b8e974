"""Reference data for figures: currencies, units of measurement and approximators, built once at import.

Currencies come from CLDR (``briefing/data/currencies_cldr.txt``, written from babel by ``scripts/cldr_currencies.py``:
names, plurals, symbols and the territories that use each ISO 4217 currency), with what CLDR does not say in
``currencies_extra.txt`` (wire abbreviations, shared words) and sub-units in ``currencies_subunits.txt``; units from
``briefing/data/figures_units.txt``; country adjectives from ``briefing/data/countries_sovereign.txt``.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pycountry

from .. import lexicon

SI_PREFIXES = {"k": "kilo", "K": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "E": "exa",
               "h": "hecto", "d": "deci", "c": "centi", "m": "milli", "µ": "micro", "u": "micro", "n": "nano"}
#: Words before a number that make it approximate ('about 300', 'more than 40%'), one phrase each.
APPROXIMATORS = lexicon.phrases("figures_approximators.txt")
# Currency codes that are also capitalised English words ("ALL 3 options", "TOP 20"): money only when attached.
WORDLIKE_CODES = frozenset("ALL TOP CUP MOP BOB SOS PEN TRY GEL CHE COP".split())


# --- countries -----------------------------------------------------------------------------------------

def _country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(adjective or name -> ISO alpha-2, lower-case name -> demonym)."""
    by_word, demonym_by_name = {}, {}
    for code, name, others, demonyms, *_ in lexicon.rows("countries_sovereign.txt"):
        names = [name, *[n.strip() for n in others.split(";") if n.strip()]]
        adjectives = [d.strip() for d in demonyms.split(";") if d.strip()]
        for word in names + adjectives:
            by_word.setdefault(word.lower(), code)
        if adjectives:
            for n in names:
                demonym_by_name.setdefault(n.lower(), adjectives[0])
    return by_word, demonym_by_name


COUNTRY_BY_WORD, DEMONYM_BY_NAME = _country_tables()
# short forms that name a country as an adjective in money phrases ("US dollars", "HK dollars")
COUNTRY_BY_WORD.update({"us": "US", "u.s.": "US", "hong kong": "HK", "hk": "HK", "taiwan": "TW", "new taiwan": "TW"})


# --- currencies ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CurrencyWord:
    """A currency written as a word after the number: its default code and whether it needs support."""

    code: str  # '' for a word of several currencies that only a country adjective decides ('Czech crowns')
    ambiguous: bool  # also an ordinary word: money only after a scale word or a country adjective


@dataclass(frozen=True)
class _Currency:
    code: str
    name: str
    plurals: tuple[str, ...]
    symbols: tuple[str, ...]
    territories: tuple[str, ...]  # using it now
    former_territories: tuple[str, ...]


def _cldr_currencies() -> list[_Currency]:
    """The rows of currencies_cldr.txt, written from babel's CLDR data by scripts/cldr_currencies.py."""
    return [_Currency(code, name, tuple(p.strip() for p in plurals.split(";") if p.strip()), tuple(symbols.split()),
                      tuple(now.split()), tuple(before.split()))
            for code, name, plurals, symbols, now, before in lexicon.rows("currencies_cldr.txt")]


def _extra_rows(kind: str) -> list[list[str]]:
    return [row[1:] for row in lexicon.rows("currencies_extra.txt") if row[0] == kind]


def _forms(cell: str) -> list[str]:
    """The forms of a cell: split at ';' when it has one (forms of several words), else at spaces."""
    return [f.strip().lower() for f in (cell.split(";") if ";" in cell else cell.split()) if f.strip()]


_ALIASES = {form: targets.split() for forms, targets in _extra_rows("alias") for form in _forms(forms)}
_COMMON_CURRENCY_WORDS = frozenset(w for (words,) in _extra_rows("common") for w in words.split())


def _head(name: str) -> str:
    """The currency word of a name, as its canonical singular: 'South African Rand' -> 'rand'."""
    word = name.split()[-1].lower()
    return _ALIASES.get(word, [word])[0] if word in _ALIASES and len(_ALIASES[word]) == 1 else word


def _currency_tables():
    currencies = _cldr_currencies()
    by_country_word: dict[tuple[str, str], str] = {}
    by_name: dict[str, str] = {}
    heads: dict[str, str] = {}  # any written form -> canonical singular word
    codes_by_head: dict[str, list[str]] = {}
    current_by_head: dict[str, list[str]] = {}
    # the currencies in use now first: one wins over a former one of the same country and word
    for currency in sorted(currencies, key=lambda c: not c.territories):
        head = _head(currency.name)
        for form in (currency.name, *currency.plurals):
            heads.setdefault(form.split()[-1].lower(), head)
            qualifier = " ".join(form.split()[:-1]).lower()
            by_name.setdefault(f"{qualifier} {head}".strip(), currency.code)
        codes_by_head.setdefault(head, []).append(currency.code)
        if currency.territories:
            current_by_head.setdefault(head, []).append(currency.code)
        for territory in currency.territories + currency.former_territories:
            by_country_word.setdefault((territory, head), currency.code)
    for names, code in _extra_rows("name"):
        for name in _forms(names):
            word = name.split()[-1].lower()
            heads.setdefault(word, _head(name))
            codes_by_head.setdefault(_head(name), [code])
            by_name.setdefault(" ".join(name.lower().split()[:-1] + [_head(name)]), code)
    defaults = {word: code for word, code in _extra_rows("default")}
    words = {}
    for form, head in heads.items():
        code = defaults.get(head)
        if code is None:
            candidates = current_by_head.get(head) or codes_by_head.get(head, [])
            if len(candidates) != 1:
                continue  # several currencies, none of them the usual one: only with a country adjective
            code = candidates[0]
        words[form] = CurrencyWord(code, form in _COMMON_CURRENCY_WORDS or head in _COMMON_CURRENCY_WORDS)
    for alias, targets in _ALIASES.items():
        target = targets[0]
        # an alias of several currencies ('crowns') is money only with a country adjective ('Czech crowns')
        code = (defaults.get(target) or codes_by_head.get(target, [""])[0]) if len(targets) == 1 else ""
        words.setdefault(alias, CurrencyWord(code, alias in _COMMON_CURRENCY_WORDS))
        heads.setdefault(alias, target)
    return currencies, by_country_word, by_name, heads, words


def _currency_symbols(currencies: list[_Currency]) -> tuple[dict[str, str], frozenset[str]]:
    """Lower-case symbol -> ISO code; a symbol CLDR gives to several currencies only where the hand data says."""
    owners: dict[str, set[str]] = {}
    written: set[str] = set()
    for currency in (c for c in currencies if c.territories):
        for symbol in currency.symbols:
            owners.setdefault(symbol.lower(), set()).add(currency.code)
            written.add(symbol)
    table = {symbol: codes.pop() for symbol, codes in owners.items() if len(codes) == 1}
    for symbols, code in _extra_rows("symbol"):
        for symbol in symbols.split():
            table[symbol.lower()] = code
            written.add(symbol)
    table["$"] = "USD"
    return table, frozenset(written | {"$"})


def _singular(word: str) -> str:
    word = word.lower()
    for plural, singular in (("ies", "y"), ("kaa", "ka"), ("ae", "a"), ("oner", "one"), ("ner", "ne"),
                             ("ire", "ira"), ("ais", "al"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + singular
    return word


_CURRENCIES, CURRENCY_BY_COUNTRY_WORD, CURRENCY_BY_NAME, CURRENCY_HEADS, CURRENCY_WORDS = _currency_tables()
ISO_CODES = frozenset(c.alpha_3 for c in pycountry.currencies) | {c.code for c in _CURRENCIES} | {"BTC", "XBT", "RMB"}
#: lower-case symbol -> ISO code, and the symbols as CLDR and the hand data write them (for case-sensitive matching)
CURRENCY_SYMBOLS, CURRENCY_SYMBOL_FORMS = _currency_symbols(_CURRENCIES)
_TERRITORIES = {currency.code: currency.territories for currency in _CURRENCIES}
SUBUNITS = {form: (code, Decimal(share)) for code, share, forms in lexicon.rows("currencies_subunits.txt")
            for form in forms.split()}


def currency_for(word: str, adjective: str | None) -> str | None:
    """The ISO code of currency ``word`` ('dollars') qualified by country ``adjective`` ('Canadian'), if known.

    The adjective may name any territory that uses or used the currency ('Slovak euros': Slovakia uses the euro).
    """
    if not adjective:
        return None
    lower = word.lower()
    heads = _ALIASES.get(lower) or [CURRENCY_HEADS.get(lower) or CURRENCY_HEADS.get(_singular(lower), _singular(lower))]
    country = COUNTRY_BY_WORD.get(adjective.lower(), adjective.lower())
    codes = [code for head in heads if (code := CURRENCY_BY_COUNTRY_WORD.get((country, head))
                                        or CURRENCY_BY_NAME.get(f"{adjective} {head}".lower()))]
    # 'Norwegian crowns': the krone Norway uses, not the krona it used once
    return next((code for code in codes if country in _TERRITORIES.get(code, ())), codes[0] if codes else None)


# --- units ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    name: str
    time: bool = False  # a duration: not a figure as an adjective ("a 10-year bond")


TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def _unit_tables() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """(symbol -> unit, lower-case word -> unit), prefixed forms included."""
    symbols, words = {}, {}
    for name, symbol_cell, word_cell, prefix_cell in lexicon.rows("figures_units.txt"):
        unit = Unit(name, time=name in TIME_UNITS)
        unit_symbols = [s.strip() for s in symbol_cell.split(",") if s.strip()]
        unit_words = [w.strip().lower() for w in word_cell.split(",") if w.strip()]
        symbols.update(dict.fromkeys(unit_symbols, unit))
        words.update(dict.fromkeys(unit_words, unit))
        for prefix in prefix_cell.split():
            prefixed = Unit(SI_PREFIXES[prefix] + name)
            for symbol in unit_symbols[:1]:
                symbols.setdefault(prefix + symbol, prefixed)
            for word in unit_words:
                words.setdefault(SI_PREFIXES[prefix] + word, prefixed)
    return symbols, words


UNIT_SYMBOLS, UNIT_WORDS = _unit_tables()
UNIT_SYMBOL_PATTERN = lexicon.alternation(UNIT_SYMBOLS, exact=True)
UNIT_WORD_PATTERN = lexicon.alternation(UNIT_WORDS, exact=True)
