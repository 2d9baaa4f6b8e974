"""The timeline of a brief: every dated item (agreement, figure period, quote, date mention), oldest first.

Dates of different precision sort as their ISO text does, so a year comes before its months
and a month before its days (``2019`` < ``2019-08`` < ``2019-08-14``); items of the same date
keep their order in the text. A date mention is left out when an agreement, figure or quote
of the same sentence already carries its date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Agreement, Brief, DateMention, Evidence, Record, Sentence

CLAUSE_WORDS = 30  # a clause longer than this is cut to WINDOW_WORDS on each side of its date
WINDOW_WORDS = 12
MIN_CLAUSE_WORDS = 5  # a shorter clause says too little: the whole sentence is the label
# Where one clause of a sentence ends and the next begins: semicolons, dashes, and a comma before a
# conjunction that opens a clause of its own.
_CLAUSE_BREAK = re.compile(r"\s*;\s+|\s+[—–-]\s+|,\s+(?=(?:but|while|whereas|although|though|and then)\b)")
QUOTE_WORDS = 12  # words of a quote kept in its label


@dataclass(frozen=True)
class TimelineEntry(Record):
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    label: str
    kind: str  # agreement | figure | quote | date
    evidence: tuple[Evidence, ...] = ()


def build_timeline(brief: Brief) -> tuple[TimelineEntry, ...]:
    """The dated items of ``brief``, oldest first, same-date ties in text order.

    Args:
        brief: an extracted brief; its agreements, figures and quotes with a ``date`` and its
            date mentions with a value become entries.

    Returns:
        One :class:`TimelineEntry` per dated item, each with the evidence of its item.
    """
    entries = [
        *(TimelineEntry(a.date, _agreement_label(a), "agreement", a.evidence) for a in brief.agreements if a.date),
        *(TimelineEntry(f.date, _figure_label(f.text, f.measure), "figure", f.evidence)
          for f in brief.figures if f.date),
        *(TimelineEntry(q.date, _quote_label(q.text, q.speaker or q.speaker_text), "quote", q.evidence)
          for q in brief.quotes if q.date),
    ]
    covered = {(e.sentence, entry.date) for entry in entries for e in entry.evidence}
    entries.extend(
        TimelineEntry(d.value, _date_label(d, brief.sentences), "date", d.evidence)
        for d in brief.dates
        if d.value and not any((e.sentence, d.value) in covered for e in d.evidence)
    )
    return tuple(sorted(entries, key=lambda entry: (entry.date, _position(entry))))


def _position(entry: TimelineEntry) -> int:
    return min((e.start for e in entry.evidence), default=0)


def _agreement_label(agreement: Agreement) -> str:
    """``Xland and Yland: defence pact signed``."""
    parties = list(agreement.parties)
    who = ", ".join(parties[:-1]) + f" and {parties[-1]}" if len(parties) > 1 else "".join(parties)
    return f"{who}: {agreement.kind} {agreement.status}" if who else f"{agreement.kind} {agreement.status}"


def _figure_label(text: str, measure: str | None) -> str:
    return f"{measure}: {text}" if measure else text


def _quote_label(text: str, speaker: str | None) -> str:
    words = text.split()
    short = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    return f"{speaker}: “{short}”" if speaker else f"“{short}”"


def _date_label(mention: DateMention, sentences: tuple[Sentence, ...]) -> str:
    """The clause of the mention's sentence that holds the date: what happened on that date."""
    if not mention.evidence or not sentences:
        return mention.text
    evidence = mention.evidence[0]
    sentence = next((s for s in sentences if s.index == evidence.sentence), None)
    if sentence is None or not sentence.start <= evidence.start <= evidence.end <= sentence.end:
        return mention.text
    text = sentence.text
    start, end = evidence.start - sentence.start, evidence.end - sentence.start
    left, right = 0, len(text)
    for cut in _CLAUSE_BREAK.finditer(text):
        if cut.end() <= start:
            left = cut.end()
        elif cut.start() >= end:
            right = cut.start()
            break
    if len(text[left:right].split()) < MIN_CLAUSE_WORDS:
        left, right = 0, len(text)
    if len(text[left:right].split()) > CLAUSE_WORDS:
        before = [m.start() + left for m in re.finditer(r"\S+", text[left:start])]
        after = [m.end() + end for m in re.finditer(r"\S+", text[end:right])]
        head = "… " if len(before) > WINDOW_WORDS else ""
        tail = " …" if len(after) > WINDOW_WORDS else ""
        left = before[-WINDOW_WORDS] if len(before) >= WINDOW_WORDS else left
        right = after[WINDOW_WORDS - 1] if len(after) >= WINDOW_WORDS else right
        return head + text[left:right].strip() + tail
    return text[left:right].strip()
