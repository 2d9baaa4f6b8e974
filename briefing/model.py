"""The brief and its items as frozen dataclasses (see ../shared/BRIEF_SCHEMA.md).

Every stage passes these objects, never loose dicts; ``as_dict()`` gives the JSON form
that the site, the PDF and the scorer read.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Callable

SCHEMA_VERSION = 1

ACTOR_TYPES = ("person", "organization", "country", "place")
# Every item ends with the same trust fields, all with defaults (a brief from older JSON still loads):
# ``confidence`` (one of CONFIDENCE_LEVELS) and ``why`` (its reasons) from briefing/confidence.py, and
# ``corrected`` with the analyst's ``correction_note`` and ``correction_author`` from briefing/corrections.py.
CONFIDENCE_LEVELS = ("high", "medium", "low")
AGREEMENT_STATUSES = (
    "proposed", "under negotiation", "agreed", "approved", "signed",
    "ratified", "in force", "suspended", "ended",
)


_SCALARS = frozenset((str, int, float, bool, type(None)))


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _dataclass_fields(kind)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@functools.cache
def _dataclass_fields(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (``None`` for any other type), looked up once per type: a brief's
    JSON, which every build makes of every brief (its fingerprint), is mostly the asking."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


class Record:
    """Mixin: ``as_dict()`` turns a dataclass tree into JSON-ready data, ``from_dict()`` back."""

    def as_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """Rebuild the record from its ``as_dict()`` form (missing fields take their defaults)."""
        return _from_plain(cls, data)


def _from_plain(kind: Any, value: Any) -> Any:
    """Rebuild a value of type ``kind`` (a model dataclass, tuple, optional...) from its ``as_dict()`` form."""
    build = _builder(kind)
    return value if build is None else build(value)


@functools.cache
def _builder(kind: Any) -> Callable[[Any], Any] | None:
    """What :func:`_from_plain` does for ``kind``, worked out once per type (``None``: the value as it is): every
    build reads back every cached brief, and asking ``typing`` about each field of each item was most of it."""
    if dataclasses.is_dataclass(kind):
        fields = {name: _builder(hint) for name, hint in _init_field_types(kind).items()}
        missing = object()

        def build_dataclass(value: Any) -> Any:
            if value is None:
                return None
            given = {}
            for name, item in value.items():
                build = fields.get(name, missing)
                if build is None:
                    given[name] = item
                elif build is not missing:
                    given[name] = build(item)
            return kind(**given)
        return build_dataclass
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        item_builder = _builder(args[0])
        if item_builder is None:
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(map(item_builder, value))
    if origin in (typing.Union, types.UnionType):
        model_type = next((arg for arg in args if dataclasses.is_dataclass(arg)), None)
        if model_type is not None:
            model_builder = _builder(model_type)
            return lambda value: model_builder(value) if isinstance(value, dict) else value
    return None


@functools.cache
def _init_field_types(kind: type) -> dict[str, Any]:
    """The type of each field of a model dataclass that ``__init__`` takes (resolved once: a cached brief is read
    back field by field, and resolving the string annotations costs more than the rest)."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind) if f.init}


@dataclass(frozen=True)
class Evidence(Record):
    """Where an item was found: sentence index and character offsets into the body."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence(Record):
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph (line of the body) that holds it


@dataclass(frozen=True)
class Article(Record):
    """One loaded article: what the loader read from a seed, before any extraction."""

    id: str
    title: str
    published: dt.date | None
    body: str
    path: str
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    english: bool = True  # False when the text does not look English: name-based stages are skipped
    id_given: bool = False  # the seed names its id (front matter id:, a feed record's id or guid)


@dataclass(frozen=True)
class Document:
    """An article split into sentences: what every extractor reads."""

    article: Article
    sentences: tuple[Sentence, ...]
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.sentences))

    @property
    def text(self) -> str:
        return self.article.body

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that holds character ``offset`` of the body."""
        if not self.sentences:
            return 0
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(sentence=self.sentence_index(start), start=start, end=end)


@dataclass(frozen=True)
class Actor(Record):
    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    mentions: int = 0
    in_title: bool = False
    evidence: tuple[Evidence, ...] = ()
    confidence: str = "high"
    why: tuple[str, ...] = ()
    corrected: bool = False
    correction_note: str | None = None
    correction_author: str | None = None



@dataclass(frozen=True)
class StatusStep(Record):
    """One state of an agreement that a text reports, with its date and the sentence that says so."""

    status: str  # one of AGREEMENT_STATUSES
    date: str | None
    evidence: tuple[Evidence, ...] = ()  # the sentence, as everywhere a list of evidence


@dataclass(frozen=True)
class Agreement(Record):
    kind: str
    parties: tuple[str, ...]
    status: str  # one of AGREEMENT_STATUSES
    date: str | None
    text: str
    evidence: tuple[Evidence, ...] = ()
    history: tuple[StatusStep, ...] = ()  # the states the article reports, in lifecycle order; the last is ``status``
    confidence: str = "high"
    why: tuple[str, ...] = ()
    corrected: bool = False
    correction_note: str | None = None
    correction_author: str | None = None



@dataclass(frozen=True)
class Figure(Record):
    text: str
    value: float | int
    unit: str | None
    value_high: float | int | None = None
    approx: bool = False
    measure: str | None = None
    date: str | None = None
    source: str | None = None
    display: str = ""
    evidence: tuple[Evidence, ...] = ()
    confidence: str = "high"
    why: tuple[str, ...] = ()
    corrected: bool = False
    correction_note: str | None = None
    correction_author: str | None = None



@dataclass(frozen=True)
class Quote(Record):
    text: str
    kind: str  # direct | indirect
    partial: bool = False
    speaker: str | None = None
    speaker_text: str | None = None
    role: str | None = None
    via: str | None = None
    date: str | None = None
    # how the speaker was found: named | description | pronoun | continuation | statement | none
    attribution: str | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: str = "high"
    why: tuple[str, ...] = ()
    corrected: bool = False
    correction_note: str | None = None
    correction_author: str | None = None



@dataclass(frozen=True)
class DateMention(Record):
    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD, or None when it cannot be resolved
    evidence: tuple[Evidence, ...] = ()
    confidence: str = "high"
    why: tuple[str, ...] = ()
    corrected: bool = False
    correction_note: str | None = None
    correction_author: str | None = None



@dataclass(frozen=True)
class Source(Record):
    path: str
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Brief(Record):
    id: str
    title: str
    published: str | None
    source: Source
    summary: str
    actors: tuple[Actor, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # reported speech (kind "indirect"): kept apart from `quotes`, whose gold lists direct quotes only
    reported_speech: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # the extraction stages that raised: their items are missing from this brief
    failed_stages: tuple[str, ...] = ()
    schema: int = SCHEMA_VERSION
