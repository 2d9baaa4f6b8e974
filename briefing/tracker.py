"""The agreements tracker: one record per agreement over all briefs, with its dated status history.

A brief already merges the mentions of one deal (``Agreement.history`` holds the states its
article reports). Across briefs, the agreements of the same deal are joined into one
:class:`Record`: the same parties (the same actor pages, so "US" and "United States" are one)
and the same kind (a shared word of the kind, or a bare "deal" of those parties), or the same
name ("Treaty on Open Fisheries", whoever its parties). Each state of the history keeps the brief
and the sentence it came from; the record's status is the one the latest brief reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .model import AGREEMENT_STATUSES, Agreement, Brief, Evidence

#: Words of a kind that say nothing of which deal it is ("the first deal", "an agreement").
_EMPTY_KIND_WORDS = frozenset("""a an the of to on for and in with by from new first this that its their his her
agreement agreements deal deals accord accords pact pacts treaty treaties contract contracts arrangement
memorandum memoranda understanding""".split())


@dataclass(frozen=True)
class Step:
    """One state of a tracked agreement: what a brief's sentence says, and when."""

    brief: Brief
    status: str
    date: str | None  # the date the text gives the state, else None (``when`` falls back to the brief's)
    evidence: Evidence | None

    @property
    def when(self) -> str:
        return self.date or self.brief.published or ""


@dataclass(frozen=True)
class Record:
    """One agreement across briefs: its mentions (brief, agreement) oldest first, and its history."""

    mentions: tuple[tuple[Brief, Agreement], ...]
    history: tuple[Step, ...]

    @property
    def brief(self) -> Brief:
        """The brief of the latest state (the one the record's kind, parties and confidence come from)."""
        return self._latest[0]

    @property
    def item(self) -> Agreement:
        return self._latest[1]

    @property
    def status(self) -> str:
        return self.history[-1].status

    @property
    def date(self) -> str | None:
        return self.history[-1].date

    @property
    def _latest(self) -> tuple[Brief, Agreement]:
        last = self.history[-1]
        return next(m for m in reversed(self.mentions) if m[0] is last.brief)


PartyKey = Callable[[Brief, str], str]


def track(briefs: Iterable[Brief], party_key: PartyKey) -> tuple[Record, ...]:
    """The records of the agreements of ``briefs``, the latest state first.

    Args:
        briefs: the briefs, in any order.
        party_key: a key naming the same actor alike in every brief (its actor page).
    """
    dated = sorted(briefs, key=lambda b: (b.published or "", b.id))
    groups: list[dict] = []
    for brief in dated:
        for agreement in brief.agreements:
            parties = frozenset(party_key(brief, p) for p in agreement.parties)
            words, name = _kind_words(agreement.kind), _name(agreement.kind)
            group = next((g for g in groups if name and name == g["name"]
                          or parties == g["parties"] and (words & g["words"] or not words or not g["words"])), None)
            if group is None:
                group = {"parties": parties, "words": set(), "name": name, "mentions": []}
                groups.append(group)
            group["words"] |= words
            group["name"] = group["name"] or name
            group["mentions"].append((brief, agreement))
    records = [Record(tuple(g["mentions"]), _history(g["mentions"])) for g in groups]
    return tuple(sorted(records, key=lambda r: (r.history[-1].when, r.brief.id), reverse=True))


def _history(mentions: list[tuple[Brief, Agreement]]) -> tuple[Step, ...]:
    """Every state the briefs report: brief by brief, oldest first, each brief's states in its
    own order (which ends at its status); a state a later brief repeats is kept where it was first
    reported, unless it is that brief's status: the last state is what the latest brief reports."""
    steps: dict[str, Step] = {}
    for brief, agreement in mentions:
        # a brief written before agreements kept a history has its status alone, at its first
        # sentence (and a status an analyst corrected ends the history)
        states = [(s.status, s.date, s.evidence[0] if s.evidence else None) for s in agreement.history]
        if not states or states[-1][0] != agreement.status:
            states.append((agreement.status, agreement.date, agreement.evidence[0] if agreement.evidence else None))
        for k, (status, date, evidence) in enumerate(states):
            if k == len(states) - 1 and status in steps and list(steps)[-1] != status:
                del steps[status]  # signed, renegotiated, signed again: the brief's status comes last
            steps.setdefault(status, Step(brief, status, date, evidence))
    return tuple(steps.values())


def _kind_words(kind: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z-]+", kind.lower())
    return frozenset(w.rstrip("s") for w in words if w not in _EMPTY_KIND_WORDS)


def _name(kind: str) -> str | None:
    """The kind when it is a proper name ('Treaty on Open Fisheries', 'Southern Grain Pact'), folded."""
    words = kind.split()
    capitalised = [w for w in words if w[:1].isupper()]
    return " ".join(kind.lower().split()) if len(words) > 1 and len(capitalised) >= 2 else None
