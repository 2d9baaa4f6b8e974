"""Stable brief ids: a brief keeps its id, and so its URL, when its article's title changes.

A brief's id is, in this order of preference:

1. the id the seed names itself: ``id:`` in a Markdown seed's front matter, ``id`` or ``guid`` of a
   feed record (see :mod:`briefing.load`);
2. the id the seed was first given, kept in the manifest (``.briefing/ids.json``: seed path, or
   ``path#record`` for a feed record, to id);
3. the id made from the publication date and the title, for a seed the manifest does not know yet.

When the id of a seed changes (its ``id:`` was edited), the manifest keeps ``old id -> new id`` and
the site keeps a redirect page at the old URL.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import Problem
from .io import write_json_atomic
from .model import Article

#: Where build, serve and pdf keep the manifest of brief ids, in the project folder.
MANIFEST = Path(".briefing") / "ids.json"


@dataclass
class IdManifest:
    """Seed (``source.path``) to brief id, and the ids that changed (old id to new id)."""

    ids: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)


def read_manifest(path: Path, problems: list[Problem]) -> IdManifest:
    """The manifest at ``path``; an empty one when there is none yet, or (with a warning) when it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return IdManifest()
    except (OSError, ValueError) as err:
        problems.append(Problem(str(path), f"cannot read the manifest of brief ids ({err}); starting a new one",
                                severity="warning", hint="briefs whose title changed since may get a new URL"))
        return IdManifest()
    ids, redirects = (data.get(key) if isinstance(data, dict) else None for key in ("ids", "redirects"))
    return IdManifest(ids=_strings(ids), redirects=_strings(redirects))


def _strings(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def assign_ids(articles: list[Article], manifest: IdManifest) -> list[Article]:
    """The articles with their stable ids; updates ``manifest`` with new seeds and changed ids.

    Ids the seeds name themselves and ids already in the manifest are placed first, so a new
    seed whose title-made id is taken gets a ``-2`` suffix rather than taking another brief's URL.
    """
    wanted = [article.id if article.id_given else manifest.ids.get(article.path) for article in articles]
    taken = {brief_id for brief_id in wanted if brief_id}
    assigned = []
    for article, brief_id in zip(articles, wanted):
        if brief_id is None:
            brief_id = _unique(article.id, taken)
            taken.add(brief_id)
        old = manifest.ids.get(article.path)
        if old is not None and old != brief_id:
            _redirect(manifest, old, brief_id)
        manifest.ids[article.path] = brief_id
        assigned.append(article if brief_id == article.id else replace(article, id=brief_id))
    live = {article.id for article in assigned}
    for old in [old for old in manifest.redirects if old in live]:  # an old id in use again is a brief again
        del manifest.redirects[old]
    return assigned


def _redirect(manifest: IdManifest, old: str, new: str) -> None:
    """Send ``old`` and every id that led to it to ``new``."""
    for earlier, target in manifest.redirects.items():
        if target == old:
            manifest.redirects[earlier] = new
    manifest.redirects[old] = new
    manifest.redirects.pop(new, None)


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate = f"{wanted}-{n}"
        n += 1
    return candidate


def stable_ids(articles: list[Article], manifest_path: Path,
               problems: list[Problem]) -> tuple[list[Article], dict[str, str]]:
    """Read the manifest, give ``articles`` their stable ids, write the manifest back when it changed.

    Returns:
        The articles, and the redirects (old id to current id) the site keeps.
    """
    manifest = read_manifest(manifest_path, problems)
    before = (dict(manifest.ids), dict(manifest.redirects))
    articles = assign_ids(articles, manifest)
    if (manifest.ids, manifest.redirects) != before:
        try:
            write_json_atomic(manifest_path, {"ids": dict(sorted(manifest.ids.items())),
                                              "redirects": dict(sorted(manifest.redirects.items()))})
        except OSError as err:
            problems.append(Problem(str(manifest_path), f"cannot write the manifest of brief ids: {err.strerror}",
                                    severity="warning", hint="check that the folder is writable"))
    return articles, dict(manifest.redirects)
