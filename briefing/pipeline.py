"""The pipeline, top to bottom: load → extract → render → publish.

Each stage is a plain function with typed input and output; side effects (files, MkDocs)
happen only in the publish stage and in ``write_briefs``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .extract import ExtractOptions, extract
from .io import write_json_atomic
from .load import load_seeds
from .model import Brief
from .sentences import segment


@dataclass
class ExtractResult:
    briefs: list[Brief] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def extract_briefs(seeds_dir: Path, *, options: ExtractOptions = ExtractOptions(),
                   display_root: Path | None = None) -> ExtractResult:
    """Load every seed and extract its brief; one bad seed never stops the others."""
    loaded = load_seeds(seeds_dir, display_root=display_root)
    result = ExtractResult(problems=list(loaded.problems))
    for article in loaded.articles:
        try:
            result.briefs.append(extract(segment(article), options))
        except Exception as err:  # an extractor bug must not stop the other seeds
            result.problems.append(Problem(article.path, f"extraction failed: {type(err).__name__}: {err}",
                                           hint="please report this with the seed attached"))
    return result


def write_briefs(briefs: list[Brief], out_dir: Path) -> list[Path]:
    """Write one JSON file per brief, atomically; returns the paths written."""
    paths = []
    for brief in briefs:
        path = out_dir / f"{brief.id}.json"
        write_json_atomic(path, brief.as_dict())
        paths.append(path)
    return paths
