"""General reference data shared read-only by the extraction stages.

Countries (sovereign states) come from pycountry for the official names plus the lists in
``briefing/data/`` for short names, abbreviations, demonyms and capitals; the other lists
(titles, organisation heads, places, common given names) are plain text files there too.
Everything is loaded once at import into dicts and frozensets, so lookups are cheap.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import pycountry

from . import lexicon
from .io import write_bytes_atomic
from .lexicon import DATA_DIR, entries as _entries, words as _words


@dataclass(frozen=True)
class Country:
    """A sovereign state and the forms that name it."""

    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class CountryForm:
    """How a piece of text names a country: ``kind`` is ``name``, ``demonym`` or ``capital``."""

    country: str
    kind: str


_SPACES = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"'s$|'$")
_LEADING_THE = re.compile(r"^(?:the|The|THE) ")


def lookup_key(text: str) -> str:
    """The form under which names are looked up: NFC, single spaces, no leading 'the', no 's.

    All-capital abbreviations keep their case ('US' is not 'us') and lose their dots
    ('U.S.' -> 'US'); everything else is case-folded.
    """
    text = unicodedata.normalize("NFC", text).replace("’", "'").strip()
    text = _SPACES.sub(" ", text)
    text = _POSSESSIVE_END.sub("", text)
    text = _LEADING_THE.sub("", text)
    bare = text.replace(".", "")
    if bare.isupper() and len(bare) <= 5 and " " not in bare:
        return bare
    return text.casefold()


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "sh", "ch", "ss", "i")) and not demonym.endswith(("ani", "ali", "aqi", "udi")):
        return None
    if demonym.endswith(("an", "i", "ot", "ian", "er", "e", "k", "n", "b", "t", "g")):
        return demonym + "s"
    return None


def _load_countries() -> tuple[Country, ...]:
    countries = []
    for line in _entries("countries_sovereign.txt"):
        code, name, others, demonyms, capitals = (field.strip() for field in line.split("|"))
        names = [name] + [n.strip() for n in others.split(";") if n.strip()]
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(record, attr, None)
                if value and "," not in value and "(" not in value:
                    names.append(value)
        demonym_list = [d.strip() for d in demonyms.split(";") if d.strip()]
        demonym_list += [p for p in map(_plural, demonym_list) if p]
        countries.append(Country(
            code=code, name=name,
            names=tuple(dict.fromkeys(names)),
            demonyms=tuple(dict.fromkeys(demonym_list)),
            capitals=tuple(c.strip() for c in capitals.split(";") if c.strip()),
        ))
    return tuple(countries)


COUNTRIES: tuple[Country, ...] = _load_countries()
COUNTRY_NAMES: frozenset[str] = frozenset(c.name for c in COUNTRIES)
#: The states' names in their own languages ('Polska', 'España'; scripts/cldr_endonyms.py): in a firm's name
#: they name a subsidiary. Not country forms of text: some are English words or given names ('Maurice').
COUNTRY_ENDONYMS: frozenset[str] = frozenset(
    name.strip() for line in _entries("countries_endonyms.txt") for name in line.split("|", 1)[1].split(";"))



def _country_forms() -> dict[str, CountryForm]:
    forms: dict[str, CountryForm] = {}
    for country in COUNTRIES:
        # names are set last so that a name wins over a capital or demonym spelt the same
        for kind, values in (("capital", country.capitals), ("demonym", country.demonyms), ("name", country.names)):
            for value in values:
                forms[lookup_key(value)] = CountryForm(country.name, kind)
    return forms


_FORMS: dict[str, CountryForm] = _country_forms()
_SOVEREIGN_CODES = frozenset(c.code for c in COUNTRIES)


def _ascii_folded(name: str) -> str:
    """'João' -> 'Joao', 'Søren' -> 'Soren': the spelling of a name in text without its diacritics."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"})
#: Frequency steps of nam_dict.txt (a factor of two each; 10 is 2% of people, 1 is rare): the least a name needs in
#: some country to mark a person. Below are some 25,000 rare spellings, as often words or names of firms ('Orion').
GIVEN_NAME_MIN_FREQUENCY = 3


def _given_names() -> dict[str, tuple[str, int]]:
    """Given name -> ('male' | 'female' | 'unisex', frequency), from gender-guesser's nam_dict.txt (about 40,000
    names of some 55 countries, with sex and a frequency a country; data GNU FDL, read as is), less common English
    words, plus ``given_names_extra.txt``."""
    text = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    male: dict[str, int] = {}
    female: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        sex, name = line.split(None, 2)[:2]
        columns = line[30:].rstrip(" $\r").replace(" ", "")
        frequency = int(max(columns), 16) if columns else 0  # one hex digit a country: '1' < '9' < 'A' < 'D'
        for spelling in {name.replace("+", ""), name.replace("+", "-")}:  # 'Abd+al': Abdal, Abd-al
            for form in {spelling, _ascii_folded(spelling)} if not spelling.isascii() else (spelling,):
                if "M" in sex or sex == "?":
                    male[form] = max(male.get(form, 0), frequency)
                if "F" in sex or sex == "?":
                    female[form] = max(female.get(form, 0), frequency)
    # nor is a function word, which a folded spelling can become ('Thế' -> 'The')
    common_words = _words("given_names_common_words.txt") | {w.capitalize() for w in _words("english_function_words.txt")}
    table = {}
    for name in male.keys() - common_words | female.keys() - common_words:
        m, f = male.get(name, 0), female.get(name, 0)
        # each step is a factor of two: a name four times as often one sex's is that sex's
        table[name] = ("male" if m >= f + 2 else "female" if f >= m + 2 else "unisex", max(m, f))
    for name in _words("given_names_extra.txt"):
        sex, frequency = table.get(name, ("unisex", 0))
        table[name] = (sex, max(frequency, GIVEN_NAME_MIN_FREQUENCY))
    return table


def _cached(name: str, inputs: tuple[str, ...], build):
    """``build()`` (a tuple of strings), kept as JSON in the user's cache folder under a key of ``inputs`` (versions, data files).

    Some reference tables take a few hundred milliseconds to derive from their package's data; read back they take
    a few. A cache that cannot be read or written is rebuilt in memory, never an error.
    """
    digest = hashlib.sha256()
    for part in (GIVEN_NAME_MIN_FREQUENCY, *inputs):
        digest.update(str(part).encode() + b"\0")
    for data_file in sorted(f for f in inputs if f.endswith(".txt")):
        digest.update((DATA_DIR / data_file).read_bytes())
    path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing" / \
        f"{name}-{digest.hexdigest()[:16]}.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(table, list) and all(isinstance(part, str) for part in table):
            return tuple(table)
    except (OSError, ValueError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, json.dumps(table, ensure_ascii=False).encode("utf-8"))
        for stale in path.parent.glob(f"{name}-*.json"):  # tables of other versions
            if stale != path:
                stale.unlink()
    except OSError:
        pass
    return table


def _names_and_places() -> tuple[dict[str, str], frozenset[str]]:
    """(given name -> sex, place keys): a place's name that is also a common given name is left to the names."""
    given = _given_names()
    common_given = frozenset(lookup_key(name) for name, (_, frequency) in given.items()
                             if frequency >= GIVEN_NAME_MIN_FREQUENCY)
    places = frozenset(
        {key for key in map(lookup_key, _entries("places_geonames.txt")) if key not in common_given}
        - _FORMS.keys()
        | {lookup_key(p) for p in _entries("places.txt")}
        | {lookup_key(getattr(c, "common_name", None) or c.name) for c in pycountry.countries
           if c.alpha_2 not in _SOVEREIGN_CODES and "," not in c.name})
    return {name: sex for name, (sex, frequency) in given.items() if frequency >= GIVEN_NAME_MIN_FREQUENCY}, places


def _names_and_places_text() -> tuple[str, str, str, str]:
    """The male, female and unisex given names and the place keys, one a line: strings read back in a few ms."""
    sexes, places = _names_and_places()
    return (*("\n".join(n for n, s in sexes.items() if s == sex) for sex in ("male", "female", "unisex")),
            "\n".join(places))


*_NAMES_BY_SEX, _PLACES_TEXT = _cached(
    "names-and-places", ("gender-guesser " + metadata.version("gender-guesser"), "pycountry " + metadata.version("pycountry"),
                         "given_names_common_words.txt", "english_function_words.txt", "given_names_extra.txt", "places_geonames.txt", "places.txt",
                         "countries_sovereign.txt", "v7"), _names_and_places_text)
_GIVEN_NAME_SEXES: dict[str, str] = {name: sex for sex, text in zip(("male", "female", "unisex"), _NAMES_BY_SEX)
                                     for name in text.split("\n") if name}
#: Named places that are not sovereign states: GeoNames' cities of 100,000 people, US states and continents
#: (places_geonames.txt) less common given names and names of countries, the hand list places.txt (regions, seas,
#: districts) and pycountry's territories.
PLACE_NAMES: frozenset[str] = frozenset(_PLACES_TEXT.split("\n"))
#: Given names of many languages (gender-guesser's nam_dict.txt less rare ones and common English words, and
#: given_names_extra.txt); a capitalised word from this set starting a name marks a person.
FIRST_NAMES: frozenset[str] = frozenset(_GIVEN_NAME_SEXES)

#: Person titles and roles, lower case ("prime minister", "analyst").
TITLES: frozenset[str] = lexicon.marked("titles.txt") - lexicon.marked("titles.txt", "speaker-only")
#: The words that stand before a speaker's name in an attribution ("minister", "analyst", "sen.").
SPEAKER_TITLES: frozenset[str] = lexicon.marked("titles.txt", "speaker") | lexicon.marked(
    "titles.txt", "speaker-only") | lexicon.marked("quotes_honorific_forms.txt")
#: The speaker titles that are also ordinary name parts: titles only when two name words follow.
AMBIGUOUS_SPEAKER_TITLES: frozenset[str] = lexicon.marked("titles.txt", "~") | lexicon.marked(
    "quotes_honorific_forms.txt", "~")
#: Words that qualify a title ("former", "defence", "deputy").
ROLE_MODIFIERS: frozenset[str] = _words("role_modifiers.txt")
#: One-word names of languages ('Swahili'; scripts/iso_languages.py), which name no actor on their own.
LANGUAGES: frozenset[str] = _words("languages_iso639.txt")
_PARTY_ROWS = lexicon.rows("party_labels.txt")
#: Political labels before a politician's name ("Republican", "Labour").
PARTY_LABELS: frozenset[str] = frozenset(label for row in _PARTY_ROWS for label in row[0].split())
#: The party a label names on its own ("democrats" -> "Democratic Party").
PARTY_NAMES: dict[str, str] = {label: row[1] for row in _PARTY_ROWS if len(row) > 1
                               for label in row[0].split() + [row[1].lower()]}
#: The party of an initial in 'X (R-Texas)'.
PARTY_INITIALS: dict[str, str] = dict(lexicon.rows("party_initials.txt"))
#: Capitalised words that make a name an organisation ("Institute", "Ministry").
ORG_HEADS: frozenset[str] = _words("org_heads.txt")
#: Lower-case nouns after a name that make it a product, index or event ('the X index').
PRODUCT_NOUNS: frozenset[str] = frozenset(w.replace("_", " ") for w in _words("product_nouns.txt"))
#: Last words that make a capitalised name a place ("Airport", "Province").
PLACE_HEADS: frozenset[str] = _words("place_heads.txt")
#: Legal forms that end an organisation's name ("Inc.", "PLC").
ORG_SUFFIXES: frozenset[str] = _words("org_suffixes.txt")



#: Lower-case words that are capitalised only because they start a sentence or a headline.
COMMON_WORDS: frozenset[str] = _words("common_capitalised.txt")
#: Common lower-case English words from wordfreq (scripts/common_english_words.py): a capital alone does not
#: make one a name ('Cranes were used', 'Level 1'). Surnames that are words ('Smith') are among them.
COMMON_ENGLISH_WORDS: frozenset[str] = _words("common_english_words.txt")
#: Upper-case abbreviations that are not names of actors ("CEO", "GDP").
COMMON_ACRONYMS: frozenset[str] = _words("acronyms_common.txt") | frozenset(
    c.alpha_3 for c in pycountry.currencies)

#: Titles written abbreviated before a name ('sen'), each with the title it stands for ('senator'; None for 'hon').
TITLE_ABBREVIATIONS: dict[str, str | None] = {
    row[0]: row[1] if len(row) > 1 else None for row in lexicon.rows("title_abbreviations.txt")}
#: The words of the titles ('prime', 'minister'), without the small words inside some ('chief of staff').
TITLE_WORDS: frozenset[str] = frozenset(
    word for title in TITLES for word in title.split() if word not in ("of", "and", "the"))
#: Adjectives of regions and peoples that are not sovereign states ('European', 'Asian').
REGION_ADJECTIVES: frozenset[str] = _words("region_adjectives.txt")
#: Capitalised words that make a name an event, index, law or product line, not an actor.
NON_ACTOR_HEADS: frozenset[str] = _words("non_actor_heads.txt")
#: Clipped or short names in common use for an organisation -> its full name ('Fed' -> 'Federal Reserve').
ORG_SHORT_FORMS: dict[str, str] = dict(
    tuple(part.strip() for part in line.split("\t", 1)) for line in _entries("org_short_forms.txt"))


def country_form(text: str) -> CountryForm | None:
    """How ``text`` names a sovereign state, if it does.

    Args:
        text: a name, official name, abbreviation ('US', 'U.S.', 'UAE'), demonym
            ('Peruvian') or capital ('Lima'); a leading 'the' and a trailing 's are ignored.

    Returns:
        The country's canonical short name and the kind of form, or None.
    """
    key = lookup_key(text)
    form = _FORMS.get(key)
    if form is None and key.isupper():
        form = _FORMS.get(key.casefold())
    return form


def country_for(text: str) -> str | None:
    """The canonical short name of the country that ``text`` names, or None.

    ``text`` may be a name ('French Republic'), an abbreviation ('U.S.'), a demonym
    ('Peruvian') or a capital ('Lima').
    """
    form = country_form(text)
    return form.country if form else None


def is_place_name(text: str) -> bool:
    """True for a known named place that is not a sovereign state (a region, territory, city)."""
    return lookup_key(text) in PLACE_NAMES


def given_name_sex(name: str) -> str | None:
    """'male', 'female' or 'unisex' for a known given name ('Jane' -> 'female'), None for any other word.

    The sex is the one the name is given to at least four times as often in some country; else 'unisex'.
    """
    return _GIVEN_NAME_SEXES.get(name)


def is_title(text: str) -> bool:
    """True when ``text`` (any case) is a person title or role such as 'prime minister'."""
    return text.casefold().strip(".") in TITLES


def adjective_of(adjective: str, name: str) -> bool:
    """True when ``adjective`` is formed from place name ``name`` the regular way ('Velorian' of 'Veloria',
    'Osterlandian' of 'Osterland', 'Varnese' of 'Varn'), for places no list knows."""
    return adjective[len(name):] in ("n", "an", "ian", "i", "ese") and adjective.startswith(name) and name[:1].isupper()


def title_headed(phrase: str) -> bool:
    """True when a title heads ``phrase``: 'the president of Acme', 'Acme's chief executive' (not 'the Premier
    League club': a title word inside a name)."""
    head = re.split(r"\s+(?:of|for|at|in)\s+", phrase.strip(" ,."), maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().strip(".,") in TITLE_WORDS


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]\.?|[A-Z]{2,3}")
# a common noun after the abbreviation; the state's own institutions and people ('US government',
# 'UK troops') name the state acting, so they do not count ...
_COMMON_NOUN_AFTER = re.compile(
    r"\.?\s+(?!(?:government|administration|authorities|officials?|troops|forces|military|army|navy|embassy"
    r"|envoy|ambassador|diplomats?|president|leaders?|ministers?|state|treasury|congress|parliament"
    # ... nor do function words and verbs: 'the US and Canada', 'the US said'
    r"|and|or|but|nor|in|on|at|to|for|of|with|by|as|from|into|over|after|before|than|that|which|who"
    r"|is|was|are|were|be|been|has|had|have|will|would|could|should|can|may|might|must|does|did|do"
    r"|" + lexicon.alternation(lexicon.REPORTING_TENSED | lexicon.BELIEF_TENSED)
    + r"|wants?|plans?|needs?|agrees?)\b"
    r"|[a-z]+ed\b)[a-z]")


def abbreviation_as_modifier(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an abbreviation in front of a common noun ('US stocks', 'the U.S. car maker').

    Such a country abbreviation labels something else rather than naming a side of the story;
    in front of the state's own institutions or people ('US officials') it names the state.
    """
    return bool(_ABBREVIATION.fullmatch(text, start, end) and _COMMON_NOUN_AFTER.match(text, end))
