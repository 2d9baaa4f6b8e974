"""Reference data for figures: currencies and units of measurement, as lookup tables built once at import.

Currencies come from pycountry (ISO 4217 names, with the ISO 3166 country whose numeric code a national
currency shares) and from the lists in ``briefing/data/currencies_*.txt``; units from
``briefing/data/figures_units.txt``; country adjectives from ``briefing/data/countries_sovereign.txt``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "data"

SI_PREFIXES = {"k": "kilo", "K": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "E": "exa",
               "h": "hecto", "d": "deci", "c": "centi", "m": "milli", "µ": "micro", "u": "micro", "n": "nano"}
# Currency codes that are also capitalised English words ("ALL 3 options", "TOP 20"): money only when attached.
WORDLIKE_CODES = frozenset("ALL TOP CUP MOP BOB SOS PEN TRY GEL CHE COP".split())


def data_rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("|")])
    return rows


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


# --- countries -----------------------------------------------------------------------------------------

def _country_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(adjective or name -> ISO alpha-2, alpha-2 -> demonym, lower-case name -> demonym)."""
    by_word, demonym_of, demonym_by_name = {}, {}, {}
    for row in data_rows("countries_sovereign.txt"):
        code, name, others, demonyms = row[0], row[1], row[2], row[3]
        names = [name, *[n.strip() for n in others.split(";") if n.strip()]]
        adjectives = [d.strip() for d in demonyms.split(";") if d.strip()]
        for word in names + adjectives:
            by_word.setdefault(word.lower(), code)
        if adjectives:
            demonym_of[code] = adjectives[0]
            for n in names:
                demonym_by_name.setdefault(n.lower(), adjectives[0])
    return by_word, demonym_of, demonym_by_name


COUNTRY_BY_WORD, DEMONYM_BY_CODE, DEMONYM_BY_NAME = _country_tables()
# short forms that name a country as an adjective in money phrases ("US dollars", "HK dollars")
COUNTRY_BY_WORD.update({"us": "US", "u.s.": "US", "hong kong": "HK", "hk": "HK", "taiwan": "TW", "new taiwan": "TW"})


# --- currencies ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CurrencyWord:
    """A currency written as a word after the number: its default code and whether it needs support."""

    code: str
    ambiguous: bool  # also an ordinary word: money only after a scale word or a country adjective


def _currency_words() -> dict[str, CurrencyWord]:
    words = {}
    for code, forms in data_rows("currencies_words.txt"):
        for form in (f.strip() for f in forms.split(",")):
            words[form.lstrip("!").lower()] = CurrencyWord(code, form.startswith("!"))
    return words


def _currency_by_country_word() -> dict[tuple[str, str], str]:
    """(country alpha-2, currency word singular) -> ISO code, from pycountry and the withdrawn currencies."""
    by_numeric = {c.numeric: c for c in pycountry.currencies}
    table = {}
    for country in pycountry.countries:
        currency = by_numeric.get(country.numeric)
        if currency:
            table[(country.alpha_2, currency.name.split()[-1].lower())] = currency.alpha_3
    for code in ("EUR",):
        for country in ("DE", "FR", "IT", "ES", "NL", "BE", "AT", "FI", "IE", "PT", "GR"):
            table.setdefault((country, "euro"), code)
    for code, adjectives, forms in data_rows("currencies_historic.txt"):
        for adjective in re.split(r"\s+(?=[A-Z])", adjectives):
            country = COUNTRY_BY_WORD.get(adjective.lower())
            for form in forms.split():
                table[(country or adjective.lower(), _singular(form))] = code
    return table


def _singular(word: str) -> str:
    word = word.lower()
    for plural, singular in (("ies", "y"), ("kaa", "ka"), ("ae", "a"), ("oner", "one"), ("ner", "ne"),
                             ("ire", "ira"), ("ais", "al"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + singular
    return word


CURRENCY_WORDS = _currency_words()
CURRENCY_BY_COUNTRY_WORD = _currency_by_country_word()
CURRENCY_BY_NAME = {c.name.lower(): c.alpha_3 for c in pycountry.currencies}
ISO_CODES = frozenset(c.alpha_3 for c in pycountry.currencies) | {row[0] for row in data_rows("currencies_historic.txt")} \
    | {"BTC", "XBT", "RMB"}
CURRENCY_SYMBOLS = {symbol.lower(): code for symbol, code in data_rows("currencies_symbols.txt")}
SUBUNITS = {form: (code, Decimal(share)) for code, share, forms in data_rows("currencies_subunits.txt")
            for form in forms.split()}


def currency_for(word: str, adjective: str | None) -> str | None:
    """The ISO code of currency ``word`` ('dollars') qualified by country ``adjective`` ('Canadian'), if known."""
    singular = _singular(word)
    if adjective:
        country = COUNTRY_BY_WORD.get(adjective.lower(), adjective.lower())
        code = CURRENCY_BY_COUNTRY_WORD.get((country, singular))
        if code:
            return code
        code = CURRENCY_BY_NAME.get(f"{adjective} {singular}".lower())
        if code:
            return code
    return None


# --- units ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    name: str
    time: bool = False  # a duration: not a figure as an adjective ("a 10-year bond")


_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
TIME_UNITS = frozenset(_TIME_UNITS)


def _unit_tables() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """(symbol -> unit, lower-case word -> unit), prefixed forms included."""
    symbols, words = {}, {}
    for name, symbol_cell, word_cell, prefix_cell in data_rows("figures_units.txt"):
        unit = Unit(name, time=name in _TIME_UNITS)
        unit_symbols = [s.strip() for s in symbol_cell.split(",") if s.strip()]
        unit_words = [w.strip().lower() for w in word_cell.split(",") if w.strip()]
        for symbol in unit_symbols:
            symbols[symbol] = unit
        for word in unit_words:
            words[word] = unit
        for prefix in prefix_cell.split():
            prefixed = Unit(SI_PREFIXES[prefix] + name)
            for symbol in unit_symbols[:1]:
                symbols.setdefault(prefix + symbol, prefixed)
            for word in unit_words:
                words.setdefault(SI_PREFIXES[prefix] + word, prefixed)
    return symbols, words


UNIT_SYMBOLS, UNIT_WORDS = _unit_tables()
UNIT_SYMBOL_PATTERN = _alternation(UNIT_SYMBOLS)
UNIT_WORD_PATTERN = _alternation(UNIT_WORDS)
