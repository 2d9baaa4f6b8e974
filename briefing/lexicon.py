r"""The vocabulary of the extractors: one loader for every word list in ``briefing/data/``.

Every data file follows one rule: a line whose first character (after blanks) is ``#`` is a
comment, blank lines are skipped, and the other lines are entries, stripped (an entry that
starts with ``#`` is written ``\#``). Fields inside an
entry are separated by ``|`` (:func:`rows`) or a tab (:func:`pairs`, for lists whose entries
hold ``|`` themselves).

Verbs are written once, as lemmas (:func:`verbs`): the inflected forms are generated, with the
irregular ones given on the lemma's line, so that adding a verb is one line.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
_VOWELS = frozenset("aeiou")


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of data file ``name``, in file order."""
    lines = (line.strip() for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines())
    return tuple(line.removeprefix("\\") if line.startswith("\\#") else line
                 for line in lines if line and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """Every blank-separated word of data file ``name``."""
    return frozenset(word for line in entries(name) for word in line.split())


def phrases(name: str) -> frozenset[str]:
    """The entries of data file ``name``, one phrase each."""
    return frozenset(entries(name))


def rows(name: str, *, sep: str = "|") -> list[list[str]]:
    """The entries of data file ``name`` cut into stripped fields at ``sep``."""
    return [[cell.strip() for cell in line.split(sep)] for line in entries(name)]


@functools.cache
def marked(name: str, *marks: str) -> frozenset[str]:
    """The words of data file ``name`` (``word | marks``) that carry every one of ``marks`` (all of them when none)."""
    marked_rows = [(word, set(" ".join(given).split())) for word, *given in rows(name)]
    if unknown := set(marks).difference(*(given for _word, given in marked_rows)):
        raise ValueError(f"briefing/data/{name}: no entry is marked {', '.join(sorted(unknown))}")
    return frozenset(word for word, given in marked_rows if set(marks) <= given)


def pairs(name: str) -> list[tuple[str, str]]:
    """The entries of a two-column data file whose columns are separated by a tab."""
    return [(key.strip(), value.strip()) for key, _, value in (line.partition("\t") for line in entries(name))]


_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*|[a-z][a-z0-9_]*\.txt)(?::([a-z][a-z -]*))?\}")


def _block(named: dict[str, str], name: str, marks: str | None) -> str:
    if not name.endswith(".txt"):
        return named[name]
    return alternation(marked(name, *marks.split()) if marks else words(name))


def patterns(name: str, blocks: dict[str, str]) -> list[list[str]]:
    """The entries of a data file of regular expressions, cut into fields at tabs, the last field the regex:
    ``{NAME}`` in it stands for ``blocks[NAME]`` (or ``REPORTING_TENSED``, given to every file) or for the regex of an
    earlier entry ``pattern<TAB>NAME<TAB>regex``; ``{file.txt}`` for the words of a data file and ``{file.txt:mark}``
    for those with the marks (:func:`marked`), longest first."""
    named, found = {"REPORTING_TENSED": alternation(REPORTING_TENSED), **blocks}, []
    for number, fields in enumerate(rows(name, sep="\t"), 1):
        try:
            fields[-1] = _PLACEHOLDER.sub(lambda m: _block(named, m[1], m[2]), fields[-1])
        except KeyError as error:
            raise ValueError(f"briefing/data/{name}: entry {number}: {error} is no pattern above it and no block"
                             " given by the code; define it on an earlier line") from None
        if fields[0] == "pattern":
            named[fields[1]] = fields[-1]
        found.append(fields)
    return found


def compiled(name: str, blocks: dict[str, str], flags: int = 0) -> dict[str, re.Pattern[str]]:
    """The ``pattern`` entries of data file ``name`` (see :func:`patterns`) compiled with ``flags``, by name."""
    return {fields[1]: re.compile(fields[-1], flags) for fields in patterns(name, blocks) if fields[0] == "pattern"}


def plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


@functools.cache
def nouns(name: str) -> frozenset[str]:
    """The nouns of data file ``name`` and their plurals: ``singular`` or ``singular | plural`` (``-`` for none)."""
    forms = set()
    for singular, *given in rows(name):
        forms.add(singular)
        written = given[0] if given else plural(singular)
        if written != "-":
            forms.add(written)
    return frozenset(forms)


@dataclass(frozen=True)
class Verb:
    """A verb and its forms: ``present`` ('says'), ``past`` ('said'), ``participle``, ``gerund``."""

    lemma: str
    present: str
    past: str
    participle: str
    gerund: str
    flags: frozenset[str] = frozenset()

    @property
    def forms(self) -> frozenset[str]:
        return frozenset({self.lemma, self.present, self.past, self.participle, self.gerund})

    @property
    def tensed(self) -> frozenset[str]:
        """The past forms, and the -s form unless it is also a noun or adjective ('states', 'closes')."""
        return frozenset({self.past, self.participle} | ({self.present} if "ambiguous" not in self.flags else set()))


def third_person(lemma: str) -> str:
    if lemma == "have":
        return "has"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ied"
    return lemma + "ed"


def gerund(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    return lemma + "ing"


def _verb(line: list[str]) -> Verb:
    """``lemma | past | participle | gerund | flags``: every field after the lemma may be left out or empty."""
    lemma, *rest = line
    rest += [""] * (4 - len(rest))
    past, participle, ing, flags = rest[:4]
    multiword, _, particle = lemma.partition(" ")
    inflect = (lambda form: f"{form} {particle}") if particle else (lambda form: form)
    past = past or inflect(regular_past(multiword))
    return Verb(lemma=lemma, present=inflect(third_person(multiword)), past=past,
                participle=participle or past, gerund=ing or inflect(gerund(multiword)),
                flags=frozenset(flags.split()))


@functools.cache
def verbs(name: str) -> tuple[Verb, ...]:
    """The verbs of data file ``name``, one lemma per line (see :func:`_verb` for the fields)."""
    return tuple(_verb(line) for line in rows(name))


def verb_forms(name: str, *, flag: str | None = None, unambiguous: bool = False) -> frozenset[str]:
    """Every form of the verbs of data file ``name`` (only those with ``flag``, when given).

    With ``unambiguous``, a verb flagged ``ambiguous`` (its lemma is also a noun or an adjective:
    'close', 'state') gives only its past forms.
    """
    return frozenset().union(*(v.tensed if unambiguous and "ambiguous" in v.flags else v.forms
                               for v in verbs(name) if flag is None or flag in v.flags))


def alternation(forms, *, exact: bool = False) -> str:
    """A regular-expression alternation of ``forms``, longest first; blanks match any run of blanks unless
    ``exact`` (for forms whose match is looked up again as written)."""
    escaped = (re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return "|".join(escaped if exact else (e.replace(r"\ ", r"\s+") for e in escaped))


#: English prepositions ('of', 'during', 'despite').
PREPOSITIONS: frozenset[str] = marked("prepositions.txt")
#: 'of' and 'for', which join a head to what it names ('Bank of X', 'Minister for Y').
NAMING_PREPOSITIONS: frozenset[str] = marked("prepositions.txt", "naming")
#: Every form of the verbs that attribute words to a speaker ('said', 'tells', 'warning').
REPORTING_VERBS: frozenset[str] = verb_forms("reporting_verbs.txt")
#: The reporting verbs that also introduce reported speech ('said that ...').
INDIRECT_VERBS: frozenset[str] = verb_forms("reporting_verbs.txt", flag="reported")
#: Nouns of a person who speaks for someone else ('spokeswoman', 'representatives').
SPOKES_NOUNS: frozenset[str] = nouns("spokes_nouns.txt")
#: Nouns that describe an organisation ("airline", "car maker"): the name after one is an organisation's.
ORG_NOUNS: frozenset[str] = nouns("organisation_nouns.txt")
#: Verbs of belief and expectation that take a clause ('believes', 'hoped').
BELIEF_VERBS: frozenset[str] = verb_forms("belief_verbs.txt")
#: Reporting verbs, finite forms only (no gerund): what follows a speaker ('X said', 'X has told').
REPORTING_FINITE: frozenset[str] = frozenset().union(
    *({v.lemma, v.present, v.past, v.participle} for v in verbs("reporting_verbs.txt")))

def _tensed(name: str) -> frozenset[str]:
    return frozenset().union(*(v.tensed for v in verbs(name)))


#: Reporting verbs in forms that are not also nouns ('said', 'says', 'stated'; not 'states'): they end
#: the phrase before them.
REPORTING_TENSED: frozenset[str] = _tensed("reporting_verbs.txt")
BELIEF_TENSED: frozenset[str] = _tensed("belief_verbs.txt")
#: Determiners ('the', 'no', 'each'): the words that open a noun phrase.
DETERMINERS: frozenset[str] = marked("determiners.txt")
#: The cardinal number words below a hundred ('zero', 'seven', 'forty').
CARDINALS: frozenset[str] = frozenset(word for word, _value, *kind in rows("number_words.txt") if not kind)
#: Subject pronouns ('he', 'we', 'it').
SUBJECT_PRONOUNS: frozenset[str] = marked("pronouns.txt", "subject")
#: Possessive pronouns ('his', 'my', 'their').
POSSESSIVE_PRONOUNS: frozenset[str] = marked("pronouns.txt", "possessive")
#: The possessives that may stand for a party, an owner other than the one speaking or spoken to: those of the
#: third person and the plural ones ('its', 'their', 'our'; not 'my', 'your').
PARTY_POSSESSIVES: frozenset[str] = marked("pronouns.txt", "possessive", "third") | marked(
    "pronouns.txt", "possessive", "plural")
#: Honorifics before a name, lower case without the period ('mr', 'dame'): no part of the name or of a role.
HONORIFICS: frozenset[str] = words("honorifics.txt")
#: Lower-case particles inside a person's name ('van', 'bin', 'de la').
NAME_PARTICLES: frozenset[str] = words("name_particles.txt")
