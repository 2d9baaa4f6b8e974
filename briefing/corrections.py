"""Analyst corrections: YAML files in ``corrections/`` applied to the briefs after extraction.

Files (``.yml`` or ``.yaml``):

- ``corrections/all.yml``: corrections for every brief (e.g. one person's name across the site);
- ``corrections/<brief id>.yml``, or any other name with ``brief: <id>`` in it: corrections for one brief.

A file is a list of corrections, or a mapping with ``corrections:`` (the list) and optionally ``brief:``,
``author:`` and ``note:`` (defaults for each correction). A correction is a mapping with one operation key
and, optionally, ``note:`` and ``author:``::

    - rename: {actor: Buffett, to: Warren Buffett, type: person}
    - retype: {actor: Acme, type: organization}
    - alias: {actor: Warren Buffett, add: [W. Buffett]}
    - merge: {actors: [Acme, Acme Corp], into: Acme Corp}
    - split: {actor: Doe, into: [{name: John Doe}, {name: Jane Doe, type: person}]}
    - drop: {actor: Colonel}           # or quote:, reported_speech:, figure:, date:, agreement: (their text)
    - speaker: {quote: We will not sign, speaker: Jane Doe}
    - agreement: {agreement: defence pact, parties: [Xland, Yland], status: signed, date: 2014-11-20}
    - add: {figure: "US$5 million", value: 5000000, unit: USD, measure: the loan}

``add`` quotes the item's text from the article (it must be inside one sentence); the evidence is where
that text is. Items are found by name or alias (actors) or by their text (``display`` or ``kind`` too),
case and spacing aside, whole text first, then a unique part of it.

A correction that does not apply (its actor or text is no longer in the brief, or its brief is gone) is
an error naming the file and line: nothing is applied silently or dropped silently. An item a correction
changed or added carries ``corrected: true``, the note and the author, and confidence ``high``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor

from .errors import Problem
from .model import ACTOR_TYPES, AGREEMENT_STATUSES, Actor, Agreement, Brief, DateMention, Evidence, Figure, Quote

#: The name of the file of corrections for every brief.
GLOBAL_NAMES = ("all.yml", "all.yaml")
SUFFIXES = (".yml", ".yaml")
CORRECTED_WHY = ("corrected by analyst",)
#: The kinds of item a correction can drop or add, and the brief field that holds them.
ITEM_FIELDS = {"actor": "actors", "agreement": "agreements", "figure": "figures", "quote": "quotes",
               "reported_speech": "reported_speech", "date": "dates"}
OPERATIONS = ("rename", "retype", "alias", "merge", "split", "drop", "speaker", "agreement", "add")


class NotApplicable(Exception):
    """The correction does not match this brief (what it names is not there)."""


class BadCorrection(Exception):
    """The correction itself is wrong (a missing or unknown field); the message says how to fix it."""


@dataclass(frozen=True)
class Correction:
    """One correction as written: where (file, line), for which brief (``None``: every brief), what."""

    path: str
    line: int
    brief: str | None
    operation: str
    fields: dict[str, Any]
    note: str | None = None
    author: str | None = None

    def describe(self) -> str:
        f = self.fields
        match self.operation:
            case "rename":
                return f"rename actor {f.get('actor')!r} to {f.get('to')!r}"
            case "merge":
                return f"merge actors {', '.join(map(repr, f.get('actors') or ()))}"
            case "add" | "drop":
                kind = next((k for k in ITEM_FIELDS if k in f), "item")
                return f"{self.operation} {kind.replace('_', ' ')} {f.get(kind)!r}"
            case "speaker":
                kind = "reported_speech" if "reported_speech" in f else "quote"
                return f"set the speaker of {kind.replace('_', ' ')} {f.get(kind)!r} to {f.get('speaker')!r}"
            case "agreement":
                return f"set agreement {f.get('agreement')!r}"
            case _:
                return f"{self.operation} actor {f.get('actor')!r}"


@dataclass
class CorrectionSet:
    corrections: list[Correction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """Whether a correction applied: the briefs it changed, or why it did not apply."""

    correction: Correction
    briefs: tuple[str, ...] = ()
    reason: str | None = None

    @property
    def applies(self) -> bool:
        return bool(self.briefs)


@dataclass
class Applied:
    briefs: list[Brief]
    outcomes: list[Outcome]
    problems: list[Problem]


# --------------------------------------------------------------------------- reading

def correction_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith("."))


def load_corrections(folder: Path, *, display_root: Path | None = None) -> CorrectionSet:
    """Every correction in ``folder`` (none when it does not exist), with the problems of the files."""
    result = CorrectionSet()
    for path in correction_files(folder):
        shown = _shown(path, display_root)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            result.problems.append(Problem(shown, f"cannot read the corrections: {err}",
                                           hint="save the file as UTF-8 text"))
            continue
        _read_file(text, shown, path, result)
    return result


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def _read_file(text: str, shown: str, path: Path, result: CorrectionSet) -> None:
    def problem(message: str, node: yaml.Node | None, hint: str) -> None:
        result.problems.append(Problem(shown, message, line=node.start_mark.line + 1 if node else None, hint=hint))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        result.problems.append(Problem(shown, f"not valid YAML: {getattr(err, 'problem', None) or err}",
                                       line=mark.line + 1 if mark else None,
                                       hint="fix the YAML; no correction of this file is applied"))
        return
    if root is None:
        return
    brief = None if path.name in GLOBAL_NAMES else path.stem
    defaults: dict[str, Any] = {}
    items = root
    if isinstance(root, yaml.MappingNode):
        header = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
        unknown = sorted(set(header) - {"brief", "author", "note", "corrections"})
        if unknown:
            problem(f"unknown key {unknown[0]!r}", root, "the keys of a file are brief, author, note, corrections")
        for key in ("brief", "author", "note"):
            if key in header:
                defaults[key] = _text(_construct(header[key]))
        brief = defaults.pop("brief", None) or brief
        items = header.get("corrections")
        if items is None:
            problem("no 'corrections:' list", root, "put the corrections in a list under 'corrections:'")
            return
    if not isinstance(items, yaml.SequenceNode):
        problem("the corrections must be a list", items, "write each correction as '- operation: {...}'")
        return
    for node in items.value:
        try:
            result.corrections.append(_correction(node, shown, brief, defaults))
        except BadCorrection as err:
            problem(str(err), node, "see 'Corrections' in the README for the operations and their fields")


def _construct(node: yaml.Node) -> Any:
    return SafeConstructor().construct_document(node)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _correction(node: yaml.Node, shown: str, brief: str | None, defaults: dict[str, Any]) -> Correction:
    value = _construct(node)
    if not isinstance(value, dict):
        raise BadCorrection(f"a correction is a mapping like 'rename: {{actor: A, to: B}}', not {value!r}")
    operations = [key for key in value if key in OPERATIONS]
    if len(operations) != 1:
        raise BadCorrection(f"a correction needs exactly one of {', '.join(OPERATIONS)}; found "
                            f"{', '.join(map(str, value)) or 'nothing'}")
    extra = sorted(set(value) - {operations[0], "note", "author"}, key=str)
    if extra:
        raise BadCorrection(f"unknown key {extra[0]!r} beside {operations[0]!r}")
    operation = operations[0]
    fields = value[operation]
    if not isinstance(fields, dict):
        raise BadCorrection(f"{operation!r} takes a mapping of fields, e.g. "
                            f"'{operation}: {{actor: Jane Doe, ...}}', not {fields!r}")
    fields = {str(k): v for k, v in fields.items()}
    _check_fields(operation, fields)
    return Correction(path=shown, line=node.start_mark.line + 1, brief=brief, operation=operation, fields=fields,
                      note=_text(value.get("note", defaults.get("note"))),
                      author=_text(value.get("author", defaults.get("author"))))


_REQUIRED = {"rename": ("actor", "to"), "retype": ("actor", "type"), "alias": ("actor", "add"),
             "merge": ("actors",), "split": ("actor", "into"), "agreement": ("agreement",)}


def _check_fields(operation: str, fields: dict[str, Any]) -> None:
    missing = [name for name in _REQUIRED.get(operation, ()) if fields.get(name) in (None, "", [])]
    if missing:
        raise BadCorrection(f"{operation!r} needs {' and '.join(missing)}")
    if operation in ("drop", "add"):
        kinds = [k for k in ITEM_FIELDS if k in fields]
        if len(kinds) != 1 or not isinstance(fields[kinds[0]], str) or not fields[kinds[0]].strip():
            raise BadCorrection(f"{operation!r} needs one of {', '.join(ITEM_FIELDS)} with the item's text")
    if operation == "speaker" and ("speaker" not in fields or not ({"quote", "reported_speech"} & set(fields))):
        raise BadCorrection("'speaker' needs quote (or reported_speech) and speaker")
    if "type" in fields and fields["type"] not in ACTOR_TYPES:
        raise BadCorrection(f"unknown actor type {fields['type']!r}: use one of {', '.join(ACTOR_TYPES)}")
    if "status" in fields and fields["status"] not in AGREEMENT_STATUSES:
        raise BadCorrection(f"unknown status {fields['status']!r}: use one of {', '.join(AGREEMENT_STATUSES)}")
    if operation == "merge" and (not isinstance(fields["actors"], list) or len(fields["actors"]) < 2):
        raise BadCorrection("'merge' needs a list of two actors or more under 'actors'")
    if operation == "split" and (not isinstance(fields["into"], list) or len(fields["into"]) < 2
                                 or not all(isinstance(p, dict) and p.get("name") for p in fields["into"])):
        raise BadCorrection("'split' needs 'into:' a list of two actors or more, each with a name")


# --------------------------------------------------------------------------- applying

def apply_corrections(briefs: list[Brief], corrections: CorrectionSet) -> Applied:
    """Apply every correction: global ones (file order) first, then those of each brief (file order).

    Returns:
        The corrected briefs, the outcome of every correction, and the problems: those of the files,
        and one error (file and line) for each correction that applies to no brief.
    """
    by_id = {brief.id: brief for brief in briefs}
    order = sorted(corrections.corrections, key=lambda c: (c.brief is not None, c.path, c.line))
    outcomes = []
    for correction in order:
        targets = list(by_id) if correction.brief is None else [correction.brief]
        changed, reasons = [], []
        for brief_id in targets:
            if brief_id not in by_id:
                reasons.append(f"no brief has the id {brief_id!r}")
                continue
            try:
                by_id[brief_id] = _HANDLERS[correction.operation](by_id[brief_id], correction)
                changed.append(brief_id)
            except (NotApplicable, BadCorrection) as err:
                reasons.append(str(err))
        reason = None
        if not changed:
            reason = (reasons[0] if correction.brief is not None or len(reasons) == 1
                      else f"matches no brief ({len(reasons)} looked at)" if reasons else "there are no briefs")
        outcomes.append(Outcome(correction, tuple(changed), reason))
    problems = list(corrections.problems)
    for outcome in outcomes:
        if not outcome.applies:
            c = outcome.correction
            problems.append(Problem(c.path, f"{c.describe()} does not apply: {outcome.reason}", line=c.line,
                                    hint="the seed may have changed: update or delete this correction"))
    return Applied([by_id[brief.id] for brief in briefs], outcomes, problems)


def _mark(item, correction: Correction):
    notes = [n for n in (item.correction_note, correction.note) if n] if item.corrected else [correction.note]
    authors = [a for a in (item.correction_author, correction.author) if a] if item.corrected else [correction.author]
    return replace(item, corrected=True, confidence="high", why=CORRECTED_WHY,
                   correction_note="; ".join(dict.fromkeys(n for n in notes if n)) or None,
                   correction_author=", ".join(dict.fromkeys(a for a in authors if a)) or None)


def _fold(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _find_actor(brief: Brief, name: str) -> int:
    key = _fold(name)
    for position, actor in enumerate(brief.actors):
        if key in {_fold(s) for s in (actor.name, *actor.aliases)}:
            return position
    raise NotApplicable(f"no actor {name!r} in brief {brief.id}")


def _renamed_references(brief: Brief, old_names: set[str], new: str) -> Brief:
    """Quotes' speakers, agreements' parties and actors' affiliations that named an old name now name ``new``."""
    folded = {_fold(n) for n in old_names}

    def rename(name: str | None) -> str | None:
        return new if name is not None and _fold(name) in folded else name

    def parties(agreement: Agreement) -> Agreement:
        renamed = tuple(dict.fromkeys(rename(p) for p in agreement.parties))
        return agreement if renamed == agreement.parties else replace(agreement, parties=renamed)

    return replace(
        brief,
        actors=tuple(replace(a, affiliation=rename(a.affiliation)) for a in brief.actors),
        agreements=tuple(parties(a) for a in brief.agreements),
        quotes=tuple(replace(q, speaker=rename(q.speaker)) for q in brief.quotes),
        reported_speech=tuple(replace(q, speaker=rename(q.speaker)) for q in brief.reported_speech),
    )


def _merged(actors: list[Actor], name: str, c: Correction) -> Actor:
    first = actors[0]
    spellings = dict.fromkeys(s for a in actors for s in (a.name, *a.aliases))
    spellings.pop(name, None)
    evidence = sorted({e for a in actors for e in a.evidence}, key=lambda e: (e.start, e.end))
    return _mark(replace(
        first, name=name, type=c.fields.get("type", first.type), aliases=tuple(spellings),
        roles=tuple(dict.fromkeys(r for a in actors for r in a.roles)),
        affiliation=next((a.affiliation for a in actors if a.affiliation), None),
        mentions=sum(a.mentions for a in actors), in_title=any(a.in_title for a in actors),
        evidence=tuple(evidence)), c)


def _merge_positions(brief: Brief, positions: list[int], name: str, c: Correction) -> Brief:
    positions = list(dict.fromkeys(positions))
    group = [brief.actors[p] for p in positions]
    merged = _merged(group, name, c)
    actors = [merged if p == positions[0] else a for p, a in enumerate(brief.actors) if p not in positions[1:]]
    old_names = {s for a in group for s in (a.name, *a.aliases)} - {name}
    return _renamed_references(replace(brief, actors=tuple(actors)), old_names, name)


def _rename(brief: Brief, c: Correction) -> Brief:
    position, new = _find_actor(brief, c.fields["actor"]), str(c.fields["to"])
    try:
        other = _find_actor(brief, new)
    except NotApplicable:
        other = None
    if other is not None and other != position:  # the new name is another actor's: they are one
        return _merge_positions(brief, [other, position], new, c)
    return _merge_positions(brief, [position], new, c)


def _retype(brief: Brief, c: Correction) -> Brief:
    position = _find_actor(brief, c.fields["actor"])
    return _replace_at(brief, "actors", position, _mark(replace(brief.actors[position], type=c.fields["type"]), c))


def _alias(brief: Brief, c: Correction) -> Brief:
    position = _find_actor(brief, c.fields["actor"])
    actor = brief.actors[position]
    added = c.fields["add"] if isinstance(c.fields["add"], list) else [c.fields["add"]]
    aliases = tuple(dict.fromkeys((*actor.aliases, *(str(a) for a in added if str(a) != actor.name))))
    return _replace_at(brief, "actors", position, _mark(replace(actor, aliases=aliases), c))


def _merge(brief: Brief, c: Correction) -> Brief:
    positions = [_find_actor(brief, str(name)) for name in c.fields["actors"]]
    name = str(c.fields.get("into") or brief.actors[positions[0]].name)
    return _merge_positions(brief, positions, name, c)


def _split(brief: Brief, c: Correction) -> Brief:
    position = _find_actor(brief, c.fields["actor"])
    original = brief.actors[position]
    parts = []
    for part in c.fields["into"]:
        spellings = [str(part["name"]), *(str(a) for a in part.get("aliases") or ())]
        evidence = tuple(e for s in spellings for e in _occurrences(brief, s, whole_words=True))
        if not evidence:
            raise NotApplicable(f"{part['name']!r} is not in the text of brief {brief.id}")
        kind = part.get("type", original.type)
        if kind not in ACTOR_TYPES:
            raise BadCorrection(f"unknown actor type {kind!r}: use one of {', '.join(ACTOR_TYPES)}")
        parts.append(_mark(Actor(id=f"{original.id}-{len(parts) + 1}", name=spellings[0], type=kind,
                                 aliases=tuple(spellings[1:]), roles=tuple(part.get("roles") or ()),
                                 affiliation=part.get("affiliation"), mentions=len(evidence),
                                 evidence=tuple(sorted(set(evidence), key=lambda e: e.start))), c))
    actors = [*brief.actors[:position], *parts, *brief.actors[position + 1:]]
    return replace(brief, actors=tuple(actors))


def _item_texts(kind: str, item) -> list[str]:
    if kind == "actor":
        return [item.name, *item.aliases]
    if kind == "figure":
        return [item.text, item.display]
    if kind == "agreement":
        return [item.text, item.kind]
    return [item.text]


def _find_item(brief: Brief, kind: str, text: str) -> int:
    """The position of the one item of ``kind`` whose text is ``text`` (else holds it); raises when none or many."""
    if kind == "actor":
        return _find_actor(brief, text)
    items = getattr(brief, ITEM_FIELDS[kind])
    key = _fold(text)
    whole = [p for p, item in enumerate(items) if key in {_fold(t) for t in _item_texts(kind, item) if t}]
    found = whole or [p for p, item in enumerate(items) if any(key in _fold(t) for t in _item_texts(kind, item) if t)]
    label = kind.replace("_", " ")
    if not found:
        raise NotApplicable(f"no {label} {text!r} in brief {brief.id}")
    if len(found) > 1:
        raise NotApplicable(f"{len(found)} {label} items of brief {brief.id} hold {text!r}; quote more of the text")
    return found[0]


def _replace_at(brief: Brief, field_name: str, position: int, item) -> Brief:
    items = list(getattr(brief, field_name))
    items[position] = item
    return replace(brief, **{field_name: tuple(items)})


def _drop(brief: Brief, c: Correction) -> Brief:
    kind = next(k for k in ITEM_FIELDS if k in c.fields)
    position = _find_item(brief, kind, c.fields[kind])
    items = getattr(brief, ITEM_FIELDS[kind])
    return replace(brief, **{ITEM_FIELDS[kind]: items[:position] + items[position + 1:]})


def _speaker(brief: Brief, c: Correction) -> Brief:
    kind = "reported_speech" if "reported_speech" in c.fields else "quote"
    position = _find_item(brief, kind, c.fields[kind])
    quote = getattr(brief, ITEM_FIELDS[kind])[position]
    speaker = _text(c.fields["speaker"])
    changed = replace(quote, speaker=speaker, speaker_text=quote.speaker_text or speaker,
                      role=_text(c.fields.get("role", quote.role)))
    return _replace_at(brief, ITEM_FIELDS[kind], position, _mark(changed, c))


def _agreement(brief: Brief, c: Correction) -> Brief:
    position = _find_item(brief, "agreement", c.fields["agreement"])
    agreement = brief.agreements[position]
    changes: dict[str, Any] = {}
    if "parties" in c.fields:
        parties = c.fields["parties"]
        changes["parties"] = tuple(str(p) for p in (parties if isinstance(parties, list) else [parties]))
    for name in ("status", "kind"):
        if name in c.fields:
            changes[name] = str(c.fields[name])
    if "date" in c.fields:
        changes["date"] = _text(c.fields["date"])
    return _replace_at(brief, "agreements", position, _mark(replace(agreement, **changes), c))


def _occurrences(brief: Brief, text: str, *, whole_words: bool = False) -> list[Evidence]:
    """Where ``text`` is in the article, inside one sentence (case-insensitive), as evidence."""
    pattern = re.escape(" ".join(text.split())).replace(r"\ ", r"\s+")
    if whole_words:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    found = []
    for sentence in brief.sentences:
        for match in re.finditer(pattern, sentence.text, re.IGNORECASE):
            start = sentence.start + match.start()
            found.append(Evidence(sentence=sentence.index, start=start, end=start + len(match.group())))
    return found


def _quoted(brief: Brief, text: str) -> tuple[str, Evidence]:
    """The article's own words for ``text`` and their evidence (the first place they are)."""
    found = _occurrences(brief, text)
    if not found:
        raise NotApplicable(f"{text!r} is not in the text of brief {brief.id} (quote it from one sentence)")
    evidence = found[0]
    sentence = brief.sentences[bisect.bisect_right([s.start for s in brief.sentences], evidence.start) - 1]
    return sentence.text[evidence.start - sentence.start:evidence.end - sentence.start], evidence


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _add(brief: Brief, c: Correction) -> Brief:
    kind = next(k for k in ITEM_FIELDS if k in c.fields)
    f = c.fields
    words, evidence = _quoted(brief, f[kind])
    if kind == "actor":
        spellings = _occurrences(brief, words, whole_words=True) or [evidence]
        name = _text(f.get("name")) or words
        item = Actor(id=re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "actor", name=name,
                     type=f.get("type", "person"), aliases=() if name == words else (words,),
                     roles=tuple(str(r) for r in f.get("roles") or ()), affiliation=_text(f.get("affiliation")),
                     mentions=len(spellings), evidence=tuple(spellings))
    elif kind in ("quote", "reported_speech"):
        item = Quote(text=words, kind="direct" if kind == "quote" else "indirect", speaker=_text(f.get("speaker")),
                     speaker_text=_text(f.get("speaker")), role=_text(f.get("role")), evidence=(evidence,))
    elif kind == "figure":
        value = f.get("value")
        if value is None:
            number = _NUMBER.search(words)
            if not number:
                raise BadCorrection(f"no number in {words!r}: give the figure's value:")
            value = float(number.group().replace(",", ""))
            value = int(value) if value.is_integer() else value
        item = Figure(text=words, value=value, unit=_text(f.get("unit")), measure=_text(f.get("measure")),
                      date=_text(f.get("date")), display=_text(f.get("display")) or words, evidence=(evidence,))
    elif kind == "date":
        item = DateMention(text=words, value=_text(f.get("value")), evidence=(evidence,))
    else:
        parties = f.get("parties") or []
        item = Agreement(kind=_text(f.get("kind")) or words, parties=tuple(str(p) for p in parties),
                         status=_text(f.get("status")) or "agreed", date=_text(f.get("date")), text=words,
                         evidence=(evidence,))
    items = getattr(brief, ITEM_FIELDS[kind])
    if kind != "actor" and any(_fold(i.text) == _fold(words) and i.evidence[:1] == (evidence,) for i in items):
        raise NotApplicable(f"brief {brief.id} already has this {kind.replace('_', ' ')}")
    return replace(brief, **{ITEM_FIELDS[kind]: (*items, _mark(item, c))})


_HANDLERS: dict[str, Callable[[Brief, Correction], Brief]] = {
    "rename": _rename, "retype": _retype, "alias": _alias, "merge": _merge, "split": _split, "drop": _drop,
    "speaker": _speaker, "agreement": _agreement, "add": _add,
}
