"""What changed since the previous build: new and updated briefs, new agreements, status changes.

A build keeps a small state file (:data:`STATE_FILE`, ``.briefing/state.json`` in the project
folder, written atomically once the site is built): for each brief a fingerprint of its JSON,
when it was first seen and when it last changed, and the status of each of its agreements.
The next build compares its briefs with that state. A build that finds no change keeps the
changes of the last build that did, so the home page still says what was new then, and when.
A first build (or one whose state file is missing or unreadable) finds every brief new.

An agreement is known by its brief, its kind and its parties (see :func:`agreement_key`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .io import write_json_atomic
from .memo import SameObject
from .model import Agreement, Brief

#: The state of the last build, in the project folder.
STATE_FILE = Path(".briefing") / "state.json"
STATE_SCHEMA = 1


@dataclass(frozen=True)
class StatusChange:
    brief_id: str
    key: str  # agreement_key of the agreement
    old: str
    new: str


@dataclass(frozen=True)
class Changes:
    """What one build found changed since the build before it."""

    at: str | None = None  # when the build that found these changes ran (ISO, UTC); None: not recorded
    since: str | None = None  # when the build before it ran; None: it was the first build
    new_briefs: tuple[str, ...] = ()  # brief ids
    updated_briefs: tuple[str, ...] = ()
    removed_briefs: tuple[str, ...] = ()  # titles of the briefs no longer built
    new_agreements: tuple[tuple[str, str], ...] = ()  # (brief id, agreement key)
    status_changes: tuple[StatusChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.new_briefs or self.updated_briefs or self.removed_briefs or self.new_agreements
                    or self.status_changes)

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at, "since": self.since, "new_briefs": list(self.new_briefs),
                "updated_briefs": list(self.updated_briefs), "removed_briefs": list(self.removed_briefs),
                "new_agreements": [list(pair) for pair in self.new_agreements],
                "status_changes": [[c.brief_id, c.key, c.old, c.new] for c in self.status_changes]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Changes:
        return cls(at=data["at"], since=data["since"], new_briefs=tuple(data["new_briefs"]),
                   updated_briefs=tuple(data["updated_briefs"]), removed_briefs=tuple(data["removed_briefs"]),
                   new_agreements=tuple((str(b), str(k)) for b, k in data["new_agreements"]),
                   status_changes=tuple(StatusChange(*map(str, c)) for c in data["status_changes"]))


@dataclass(frozen=True)
class BriefState:
    title: str
    fingerprint: str
    first_seen: str
    changed: str
    agreements: dict[str, str] = field(default_factory=dict)  # agreement key -> status


@dataclass(frozen=True)
class BuildState:
    """The state file's content: the briefs of a build and the last changes found."""

    built: str
    briefs: dict[str, BriefState]
    changes: Changes

    def as_dict(self) -> dict[str, Any]:
        return {"schema": STATE_SCHEMA, "built": self.built, "changes": self.changes.as_dict(),
                "briefs": {brief_id: {"title": s.title, "fingerprint": s.fingerprint, "first_seen": s.first_seen,
                                      "changed": s.changed, "agreements": s.agreements}
                           for brief_id, s in sorted(self.briefs.items())}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BuildState:
        if data.get("schema") != STATE_SCHEMA:
            raise ValueError(f"schema {data.get('schema')!r}, not {STATE_SCHEMA}")
        return cls(built=str(data["built"]), changes=Changes.from_dict(data["changes"]),
                   briefs={str(brief_id): BriefState(title=str(s["title"]), fingerprint=str(s["fingerprint"]),
                                                     first_seen=str(s["first_seen"]), changed=str(s["changed"]),
                                                     agreements={str(k): str(v) for k, v in s["agreements"].items()})
                           for brief_id, s in data["briefs"].items()})


def agreement_key(agreement: Agreement) -> str:
    """``kind|party;party``: an agreement of a brief, the same from build to build while its kind and parties are."""
    parties = ";".join(sorted(" ".join(p.casefold().split()) for p in agreement.parties))
    return f"{' '.join(agreement.kind.casefold().split())}|{parties}"


def _fingerprint(brief: Brief) -> str:
    text = json.dumps(brief.as_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


#: Fingerprints made in this process, by brief id: ``serve`` gives the briefs of unchanged seeds again, the same
#: objects, so after an edit only the edited brief is turned into JSON again.
_FINGERPRINTS = SameObject(_fingerprint)


def fingerprint(brief: Brief) -> str:
    """A hash of the brief's whole JSON."""
    return _FINGERPRINTS(brief.id, brief)


def now() -> str:
    """The time of a build, as the state file and the feeds write it (UTC, to the second)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def read_state(path: Path) -> tuple[BuildState | None, str | None]:
    """The state of the previous build and, when the file is there but cannot be read, why.

    A missing state is a first build; an unreadable one is treated the same (every brief new),
    with the reason for a warning.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, RecursionError) as err:
        return None, f"{type(err).__name__}: {err}"
    try:
        return BuildState.from_dict(data), None
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        return None, f"not a state file of this version ({type(err).__name__}: {err})"


def next_state(previous: BuildState | None, briefs: Iterable[Brief], built: str) -> BuildState:
    """The state after a build at ``built`` of ``briefs``, with what changed since ``previous``."""
    old = previous.briefs if previous else {}
    states: dict[str, BriefState] = {}
    new, updated = [], []
    new_agreements: list[tuple[str, str]] = []
    status_changes: list[StatusChange] = []
    for brief in briefs:
        agreements = {agreement_key(a): a.status for a in brief.agreements}
        print_ = fingerprint(brief)
        before = old.get(brief.id)
        if before is None:
            new.append(brief.id)
            states[brief.id] = BriefState(brief.title, print_, built, built, agreements)
            new_agreements += [(brief.id, key) for key in agreements]
            continue
        changed = before.changed
        if before.fingerprint != print_:
            updated.append(brief.id)
            changed = built
            for key, status in agreements.items():
                if key not in before.agreements:
                    new_agreements.append((brief.id, key))
                elif before.agreements[key] != status:
                    status_changes.append(StatusChange(brief.id, key, before.agreements[key], status))
        states[brief.id] = BriefState(brief.title, print_, before.first_seen, changed, agreements)
    removed = tuple(sorted(s.title for brief_id, s in old.items() if brief_id not in states))
    found = Changes(at=built, since=previous.built if previous else None, new_briefs=tuple(new),
                    updated_briefs=tuple(updated), removed_briefs=removed,
                    new_agreements=tuple(new_agreements), status_changes=tuple(status_changes))
    if previous is not None and found.empty:
        found = previous.changes
    return BuildState(built=built, briefs=states, changes=found)


def write_state(path: Path, state: BuildState) -> None:
    write_json_atomic(path, state.as_dict())


@dataclass(frozen=True)
class WhatsNew:
    """The changes of :class:`Changes` with their briefs and agreements, for the home page."""

    changes: Changes
    new_briefs: tuple[Brief, ...]
    updated_briefs: tuple[Brief, ...]
    new_agreements: tuple[tuple[Brief, Agreement], ...]
    status_changes: tuple[tuple[Brief, Agreement, str], ...]  # (brief, agreement now, status before)

    @property
    def first_build(self) -> bool:
        return self.changes.since is None


def whats_new(changes: Changes, briefs: Iterable[Brief]) -> WhatsNew:
    """``changes`` resolved against the briefs built now (briefs and agreements gone since are left out), in the
    order of ``briefs`` (the site's: newest first)."""
    briefs = tuple(briefs)
    by_id = {brief.id: brief for brief in briefs}
    new_ids, updated_ids = set(changes.new_briefs), set(changes.updated_briefs)

    def agreement(brief_id: str, key: str) -> Agreement | None:
        brief = by_id.get(brief_id)
        return next((a for a in brief.agreements if agreement_key(a) == key), None) if brief else None

    found_new = ((by_id.get(b), agreement(b, k)) for b, k in changes.new_agreements)
    found_status = ((by_id.get(c.brief_id), agreement(c.brief_id, c.key), c.old) for c in changes.status_changes)
    return WhatsNew(
        changes=changes,
        new_briefs=tuple(b for b in briefs if b.id in new_ids),
        updated_briefs=tuple(b for b in briefs if b.id in updated_ids),
        new_agreements=tuple((b, a) for b, a in found_new if b is not None and a is not None),
        status_changes=tuple((b, a, old) for b, a, old in found_status if b is not None and a is not None))
