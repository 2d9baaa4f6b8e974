"""The timeline of a brief: every dated item (agreement, figure period, quote, date mention), oldest first."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Brief, Evidence, Record


@dataclass(frozen=True)
class TimelineEntry(Record):
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    label: str
    kind: str  # agreement | figure | quote | date
    evidence: tuple[Evidence, ...] = ()


def build_timeline(brief: Brief) -> tuple[TimelineEntry, ...]:
    """The dated items of ``brief``, oldest first. (First version: date mentions only.)"""
    entries = [
        TimelineEntry(date=d.value, label=d.text, kind="date", evidence=d.evidence)
        for d in brief.dates if d.value
    ]
    return tuple(sorted(entries, key=lambda e: e.date))
