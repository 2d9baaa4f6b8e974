"""What a build computed from each seed and brief, kept for the next ``build`` process (``.briefing/snapshot.pickle``).

``serve`` keeps in memory, from edit to edit, what it made from every seed and brief (the loaded articles, the
briefs read from the cache, their ratings, fingerprints, cross-brief pages, export rows, page keys: see
briefing/memo.py), and after an edit it computes again only what the edited seed changed. Each ``build`` is a new
process that had to compute all of it again, which grew with the number of briefs. The snapshot saves those
memos at the end of a build and gives them to the next one, which then works as the next edit of ``serve`` does.

A memo takes a result again only for the very same object (by identity) or a file of the same signature (size
and modification time); one pickle keeps which objects were the same, so a memo entry read back is valid exactly
when it was in the process that wrote it. The snapshot is kept for the code that wrote it (:func:`code_version`)
and is written atomically; a missing, spoiled or older one costs the time it saves, never a wrong page.
"""
from __future__ import annotations

import gc
import marshal
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2

from . import changes, crossbrief, exports, load, pipeline, render, site, templating
from .memo import SameObject

#: In the project folder: the memos of the last build.
SNAPSHOT_FILE = Path(".briefing") / "snapshot.pickle"
SCHEMA = 1

#: (module, attribute) of every memo a build fills and the next one may take.
_MEMOS = ((load, "_LOADED"), (pipeline, "_ARTICLE_DIGESTS"), (pipeline, "_READ_ENTRIES"),
          (changes, "_FINGERPRINTS"), (crossbrief, "_TOPICS"), (crossbrief, "_TIMELINES"),
          (crossbrief, "_MENTIONS"), (crossbrief, "_NAME_KEYS"), (crossbrief, "_ITEMS"),
          (crossbrief, "_GROUP_PAGES"), (crossbrief, "_ITEM_PAGES"), (crossbrief, "_PEOPLE_PAGES"),
          (exports, "_WRITTEN"), (render, "_TIMELINE_KEYS"), (render, "_PAGE_KEYS"), (render, "_UNIT_KEYS"),
          (render, "_LISTED"),
          (site, "_RENDERED"))


def _name(module: Any, attribute: str) -> str:
    return f"{module.__name__}.{attribute}"


def _contents(module: Any, attribute: str) -> Any:
    value = getattr(module, attribute)
    return value._known if isinstance(value, SameObject) else value


def _made_by() -> tuple[str, str, str]:
    """What the snapshot is valid for: this code, and the Python and Jinja that compiled its templates' code."""
    return pipeline.code_version(), sys.version, jinja2.__version__


def _compiled_templates() -> dict[tuple[tuple, str], tuple[str, bytes]]:
    """The templates' compiled code (:data:`templating.THEME_TEMPLATES`) as marshal bytes, as Jinja's own
    bytecode caches keep it on disk; a template compiled with settings that cannot be saved is compiled again."""
    kept = {}
    for (settings, key), (checksum, code) in templating.THEME_TEMPLATES._code.items():
        try:
            pickle.dumps(settings)
        except (pickle.PicklingError, TypeError, AttributeError):
            continue
        kept[(settings, key)] = (checksum, marshal.dumps(code))
    return kept


def _read(project: Path) -> dict | None:
    """The snapshot of ``project`` if it is one of this code."""
    try:
        with open(project / SNAPSHOT_FILE, "rb") as handle:
            data = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a snapshot is a cache: any fault in it costs time, never the build
        return None
    if not (isinstance(data, dict) and data.get("schema") == SCHEMA and data.get("made_by") == _made_by()
            and isinstance(data.get("memos"), dict) and isinstance(data.get("templates"), dict)):
        return None
    return data


def load_snapshot(project: Path) -> bool:
    """Fill this process's memos from the snapshot of ``project``; whether one of this code was read.

    A memo that already holds something (an earlier build of this process) is left as it is. What was read is
    frozen (:func:`gc.freeze`): the memos hold it to the end of the build, and the collector would otherwise walk
    all of it at its first collection and at each full one (0.7 s each at 3,000 briefs)."""
    gc.disable()  # the collector would walk the objects read so far again and again while they are read
    try:
        data = _read(project)
        if data is not None:
            gc.freeze()
    finally:
        gc.enable()
    if data is None:
        return False
    if not templating.THEME_TEMPLATES._code:
        templating.THEME_TEMPLATES._code = {key: (checksum, marshal.loads(code))
                                            for key, (checksum, code) in data["templates"].items()}
    for module, attribute in _MEMOS:
        saved = data["memos"].get(_name(module, attribute))
        if saved is None or _contents(module, attribute):
            continue
        if (module, attribute) == (crossbrief, "_GROUP_PAGES"):  # keyed by the ids of the mentions, new here
            saved = {tuple(map(id, members)): (members, name, page) for members, name, page in saved.values()}
        value = getattr(module, attribute)
        if isinstance(value, SameObject):
            value._known = saved
        else:
            setattr(module, attribute, saved)
    return True


def save_snapshot(project: Path) -> None:
    """Write this process's memos as the snapshot of ``project`` (atomically; a failure only costs the next build
    the time the snapshot would have saved)."""
    data = {"schema": SCHEMA, "made_by": _made_by(), "templates": _compiled_templates(),
            "memos": {_name(module, attribute): _contents(module, attribute) for module, attribute in _MEMOS}}
    path = project / SNAPSHOT_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, path)
        except BaseException:
            os.unlink(partial)
            raise
    except (OSError, pickle.PicklingError, RecursionError):
        pass
