"""Exports: the actors, figures, quotes, agreements and timeline of the briefs as CSV and JSON.

Site-wide, ``exports/<kind>.csv`` and ``exports/<kind>.json`` hold every brief's items, newest
brief first; past :data:`YEAR_FILES_PAST` briefs they are split by the year the briefs were published,
``exports/<year>/<kind>.csv`` (``exports/undated/`` for briefs without a date), so that no file grows with
the archive and a changed brief rewrites only its year's. Per brief, ``exports/briefs/<id>/<kind>.csv`` and
``exports/briefs/<id>.json`` (all five kinds in one object). Every row starts with its brief (id, title, date)
and ends with the number of its sentence (counted from 1, as on the page: ``#s3``).

CSV files are UTF-8 with a byte order mark (so spreadsheets read the accents) and are safe to
open in a spreadsheet: article text is untrusted, so a text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, which a spreadsheet would run as a formula, is written
with a leading ``'`` (OWASP's advice on CSV injection). Numbers are written as numbers. JSON
files keep the values as they are, lists as lists.
"""
from __future__ import annotations

import csv
import io
import json
import math
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from . import render
from .model import Actor, Agreement, Brief, Evidence, Figure, Quote
from .timeline import TimelineEntry

if TYPE_CHECKING:
    from .render import RenderedPage

EXPORT_DIR = "exports"
BRIEFS_DIR = f"{EXPORT_DIR}/briefs"
#: Past this many briefs, the site-wide files are one set per year of publication.
YEAR_FILES_PAST = 1000
UNDATED = "undated"
KINDS = ("actors", "figures", "quotes", "agreements", "timeline")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BRIEF_COLUMNS = ("brief_id", "brief_title", "published")
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "actors": ("name", "type", "roles", "affiliation", "aliases", "mentions", "confidence", "corrected", "sentence"),
    "figures": ("text", "display", "value", "value_high", "unit", "approx", "measure", "date", "source",
                "confidence", "corrected", "sentence"),
    "quotes": ("kind", "text", "speaker", "speaker_text", "role", "via", "partial", "date", "confidence",
               "corrected", "sentence"),
    "agreements": ("kind", "parties", "status", "date", "text", "confidence", "corrected", "sentence"),
    "timeline": ("date", "label", "kind", "sentence"),
}
Row = dict[str, Any]


def _sentence(evidence: tuple[Evidence, ...]) -> int | None:
    return render.sentence_number(evidence[0].sentence) if evidence else None


def _actor(actor: Actor) -> Row:
    return {"name": actor.name, "type": actor.type, "roles": list(actor.roles), "affiliation": actor.affiliation,
            "aliases": list(actor.aliases), "mentions": actor.mentions, "confidence": actor.confidence,
            "corrected": actor.corrected, "sentence": _sentence(actor.evidence)}


def _figure(figure: Figure) -> Row:
    return {"text": figure.text, "display": figure.display or figure.text, "value": figure.value,
            "value_high": figure.value_high, "unit": figure.unit, "approx": figure.approx, "measure": figure.measure,
            "date": figure.date, "source": figure.source, "confidence": figure.confidence,
            "corrected": figure.corrected, "sentence": _sentence(figure.evidence)}


def _quote(quote: Quote, kind: str) -> Row:
    return {"kind": kind, "text": quote.text, "speaker": quote.speaker, "speaker_text": quote.speaker_text,
            "role": quote.role, "via": quote.via, "partial": quote.partial, "date": quote.date,
            "confidence": quote.confidence, "corrected": quote.corrected, "sentence": _sentence(quote.evidence)}


def _agreement(agreement: Agreement) -> Row:
    return {"kind": agreement.kind, "parties": list(agreement.parties), "status": agreement.status,
            "date": agreement.date, "text": agreement.text, "confidence": agreement.confidence,
            "corrected": agreement.corrected, "sentence": _sentence(agreement.evidence)}


def _entry(entry: TimelineEntry) -> Row:
    return {"date": entry.date, "label": entry.label, "kind": entry.kind, "sentence": _sentence(entry.evidence)}


def brief_rows(brief: Brief, timeline: Iterable[TimelineEntry]) -> dict[str, list[Row]]:
    """The rows of each kind of one brief, each led by the brief's id, title and date."""
    made: dict[str, list[Row]] = {
        "actors": [_actor(a) for a in brief.actors],
        "figures": [_figure(f) for f in brief.figures],
        "quotes": [*(_quote(q, q.kind) for q in brief.quotes), *(_quote(q, "reported") for q in brief.reported_speech)],
        "agreements": [_agreement(a) for a in brief.agreements],
        "timeline": [_entry(e) for e in timeline],
    }
    head = {"brief_id": brief.id, "brief_title": brief.title, "published": brief.published}
    return {kind: [{**head, **row} for row in rows] for kind, rows in made.items()}


def csv_cell(value: Any) -> str | int | float:
    """A value as a CSV cell: lists joined with "; ", booleans as true/false, text starting like a formula
    prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(kind: str, rows: Iterable[Row]) -> str:
    out = io.StringIO()
    columns = (*BRIEF_COLUMNS, *COLUMNS[kind])
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row[column]) for column in columns])
    return "\ufeff" + out.getvalue()


def to_json(data: Any) -> str:
    return _indented(data, "\n") + "\n"


_STRING = json.encoder.encode_basestring  # noqa: the C encoder of json.dumps(..., ensure_ascii=False)


def _indented(value: Any, newline: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)`` at the depth whose line break and indent is
    ``newline``: given an indent, json encodes in Python step by step, which was most of writing the exports of
    every brief (the site-wide files hold them all, rewritten by every build that changes a brief)."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if value is None or kind is bool:
        return "null" if value is None else "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return float.__repr__(value) if math.isfinite(value) else json.dumps(value)
    if kind is dict and all(type(key) is str for key in value):
        if not value:
            return "{}"
        inner = newline + " "
        return "{" + inner + ("," + inner).join(f"{_STRING(key)}: {_indented(item, inner)}"
                                               for key, item in value.items()) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + " "
        return "[" + inner + ("," + inner).join(_indented(item, inner) for item in value) + newline + "]"
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", newline)


def csv_src(kind: str, brief_id: str | None = None, *, part: str | None = None) -> str:
    """The CSV file of ``kind``: of one brief, of one year's briefs (``part``), or of every brief."""
    if brief_id:
        return f"{BRIEFS_DIR}/{brief_id}/{kind}.csv"
    return f"{EXPORT_DIR}/{part}/{kind}.csv" if part else f"{EXPORT_DIR}/{kind}.csv"


def json_src(kind: str | None = None, brief_id: str | None = None, *, part: str | None = None) -> str:
    if brief_id:
        return f"{BRIEFS_DIR}/{brief_id}.json"
    return f"{EXPORT_DIR}/{part}/{kind}.json" if part else f"{EXPORT_DIR}/{kind}.json"


def site_parts(briefs: Sequence[Brief]) -> list[tuple[str | None, list[Brief]]]:
    """The site-wide files' parts, newest first, each with its briefs in the order given: one part (``None``) of
    every brief, or past :data:`YEAR_FILES_PAST` briefs one per year of publication (:data:`UNDATED` last)."""
    if len(briefs) <= YEAR_FILES_PAST:
        return [(None, list(briefs))]
    years: dict[str, list[Brief]] = {}
    for brief in briefs:
        years.setdefault(brief.published[:4] if brief.published else UNDATED, []).append(brief)
    return sorted(years.items(), key=lambda part: (part[0] == UNDATED, _descending(part[0])))


def _descending(year: str) -> tuple[int, str]:
    return (-int(year), year) if year.isdigit() else (0, year)


def brief_exports(brief: Brief, timeline: Iterable[TimelineEntry]) -> list[RenderedPage]:
    """The CSV files and the JSON file of one brief."""
    rows = brief_rows(brief, timeline)
    return [*(render.RenderedPage(csv_src(kind, brief.id), to_csv(kind, rows[kind])) for kind in KINDS),
            render.RenderedPage(json_src(brief_id=brief.id), to_json(rows))]


def site_exports(briefs: Sequence[Brief], timelines: Mapping[str, tuple[TimelineEntry, ...]], *,
                 part: str | None = None) -> list[RenderedPage]:
    """The CSV and JSON files of each kind with the items of ``briefs``: of every brief, or of the year ``part``.

    Each file is the rows of every brief, written brief by brief (:func:`_written_rows`, kept for the next
    render when the files hold every brief: no more than :data:`YEAR_FILES_PAST`), exactly as :func:`to_csv` and
    :func:`to_json` write all of them at once.
    """
    rows_of = _written_rows if part is None else _rows
    written = [rows_of(brief, timelines[brief.id]) for brief in briefs]
    pages = []
    for kind in KINDS:
        csv_rows = "".join(rows[kind][0] for rows in written)
        json_rows = [item for rows in written for item in rows[kind][1]]
        pages.append(render.RenderedPage(csv_src(kind, part=part), to_csv(kind, ()) + csv_rows))
        pages.append(render.RenderedPage(json_src(kind, part=part), "[\n" + ",\n".join(json_rows) + "\n]\n"
                                         if json_rows else to_json([])))
    return pages


#: What :func:`_written_rows` wrote for each brief (by id) of this process, with its brief and timeline.
_WRITTEN: dict[str, tuple[Brief, tuple[TimelineEntry, ...], dict[str, tuple[str, tuple[str, ...]]]]] = {}


def _written_rows(brief: Brief, timeline: tuple[TimelineEntry, ...]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """:func:`_rows`, kept for the same brief (``serve`` rewrites the site files after each edit, and writing every
    brief's rows again was most of the time of it)."""
    known = _WRITTEN.get(brief.id)
    if known is not None and known[0] is brief and known[1] == timeline:
        return known[2]
    written = _rows(brief, timeline)
    _WRITTEN[brief.id] = (brief, timeline, written)
    return written


def _rows(brief: Brief, timeline: tuple[TimelineEntry, ...]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The rows of each kind of one brief as the site files hold them: CSV lines, and JSON items (each as a
    JSON list one level deep writes it)."""
    rows = brief_rows(brief, timeline)
    written = {}
    for kind in KINDS:
        lines = to_csv(kind, rows[kind]).removeprefix(to_csv(kind, ()))
        items = tuple(" " + _indented(row, "\n ") for row in rows[kind])
        written[kind] = (lines, items)
    return written


def downloads(brief_id: str | None = None, *, part: str | None = None) -> list[tuple[str, str, str]]:
    """(kind, CSV source, JSON source) for the download links of a brief page (one JSON), of a year of the site's
    briefs or of all of them."""
    return [(kind, csv_src(kind, brief_id, part=part), json_src(kind, brief_id, part=part)) for kind in KINDS]
