"""Benchmark the live preview: edit-to-rebuilt time of one seed at 100 and 1,000 briefs (goal: <= 2 s at 1,000).

Runs the build that ``serve`` (and plain ``mkdocs serve``) makes after an edit: the hook extracts the
seeds through the cache (only the edited one again), rewrites the pages that changed in .briefing/pages
and MkDocs rebuilds only those (a dirty build, as ``serve`` runs it). The
browser reload itself is not counted. With ``--profile`` the edit build runs again, under cProfile, and the
seconds of each stage are printed (cProfile's overhead makes them larger than the bare times). Prints figures,
asserts nothing. ``--edits N`` prints the medians of N rebuilds and N edits (a busy machine varies). Run from the
project root: ``.venv/bin/python bench/bench_serve.py [--briefs 100 1000] [--edits 5]``.
"""
from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_briefs import copy_project, write_seeds  # noqa: E402
from briefing.site import mkdocs_build, site_config  # noqa: E402

#: The stages of a preview build shown by ``--profile``: (label, file of the function, function name).
STAGES = (
    ("load the seeds", "briefing/load.py", "load_seeds"),
    ("keep the brief ids", "briefing/ids.py", "stable_ids"),
    ("cache look-ups", "briefing/pipeline.py", "fresh"),
    ("extract changed seeds", "briefing/parallel.py", "extract_articles"),
    ("rate the briefs", "briefing/confidence.py", "rate_brief"),
    ("what changed (next_state)", "briefing/changes.py", "next_state"),
    ("cross-brief index", "briefing/crossbrief.py", "build_index"),
    ("render the changed units", "briefing/render.py", "render_all"),
    ("read the render record", "briefing/site.py", "read_rendered"),
    ("write the changed pages", "briefing/site.py", "replace_generated_docs"),
    ("all of the hook's pages", "briefing/site.py", "add_preview_pages"),
    ("dirty-build preparation", "briefing/incremental.py", "prepare"),
    ("dirty-build finish", "briefing/incremental.py", "finish"),
    ("MkDocs build, in all", "mkdocs/commands/build.py", "build"),
)


@dataclass(frozen=True)
class Took:
    """The wall time of a build and the CPU time of this process in it (on a busy machine, the steadier one)."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s (CPU {self.cpu:6.2f} s)"


def preview_build(project: Path, *, dirty: bool) -> Took:
    config = site_config(project / "mkdocs.yml", site_dir=project / "preview")
    started, cpu = time.perf_counter(), time.process_time()
    config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        mkdocs_build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return Took(time.perf_counter() - started, time.process_time() - cpu)


def edit(seed: Path, line: str) -> None:
    seed.write_text(seed.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def stage_seconds(profile: cProfile.Profile) -> list[tuple[str, float]]:
    """The cumulative seconds of each of :data:`STAGES` in ``profile`` (0 for a stage that did not run)."""
    stats = pstats.Stats(profile).stats  # (file, line, function) -> (calls, primitive calls, tottime, cumtime, ...)
    found = []
    for label, file, function in STAGES:
        seconds = [row[3] for (path, _, name), row in stats.items()
                   if name == function and Path(path).as_posix().endswith(file)]
        found.append((label, max(seconds, default=0.0)))
    return found


def median(runs: list[Took]) -> Took:
    return Took(statistics.median(run.wall for run in runs), statistics.median(run.cpu for run in runs))


def bench(count: int, project: Path, *, profile: bool, edits: int) -> None:
    copy_project(project)
    seeds = write_seeds(count, project / "seeds")
    cold = preview_build(project, dirty=False)
    warm = [preview_build(project, dirty=True) for _ in range(edits)]
    edited = []
    for n in range(edits):  # a different seed each time
        edit(seeds[(count // 2 + 7 * n) % count], f"Lin Wei said the talks went on, for the {n + 1}th time.")
        edited.append(preview_build(project, dirty=True))
    print(f"{count:>5} briefs: first preview build {cold}, rebuild with nothing changed {median(warm)}, "
          f"edit-to-rebuilt (one seed edited) {median(edited)}" + (f" (medians of {edits})" if edits > 1 else ""))
    if profile:
        edit(seeds[count // 3], "Lin Wei said the talks would go on.")
        profiler = cProfile.Profile()
        took = profiler.runcall(preview_build, project, dirty=True)
        print(f"{count:>5} briefs: one edit under cProfile, {took} in all; seconds per stage:")
        for label, seconds in stage_seconds(profiler):
            print(f"        {label:<28} {seconds:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--profile", action="store_true", help="also print the seconds of each stage of an edit")
    parser.add_argument("--edits", type=int, default=1, metavar="N",
                        help="N rebuilds with nothing changed and N edits, each a different seed: their medians")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for count in args.briefs:
        with tempfile.TemporaryDirectory() as tmp:
            bench(count, Path(tmp), profile=args.profile, edits=args.edits)


if __name__ == "__main__":
    main()
