"""Benchmark Zensical against MkDocs on the same generated pages: time, peak memory, pages, problems.

Zensical (the successor of Material for MkDocs) reads mkdocs.yml but ignores ``hooks:``, so the pages
are rendered into docs/ first, as ``build_briefs.py build`` does, and each engine then builds that
same folder in a child process. Zensical is not a dependency of Briefing: the figures are printed
when it is installed (``make bench-zensical`` installs the pinned version into ``.venv-zensical``),
and the script says how to get it otherwise. Prints figures, asserts nothing. Run from the project
root: ``.venv/bin/python bench/bench_zensical.py [--briefs 100 1000] [--zensical PATH]``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_briefs import make_briefs  # noqa: E402
from briefing.render import render_site  # noqa: E402
from briefing.site import replace_generated_docs  # noqa: E402

ZENSICAL_ENV = "BRIEFING_ZENSICAL"
DEFAULT_ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_SEARCH_SECTION_LIMIT = 32 * 1024  # Zensical rejects a search section larger than this
HOOKS = "hooks:\n  - briefing/mkdocs_hooks.py\n"
ENGINE_NOISE = ("Build started", "Build finished", "No issues found", "INFO")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    pages: int
    problems: list[str]
    status: int


def timed(command: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall time, peak resident memory (MiB) and exit status of ``command``, from GNU time."""
    report = cwd / ".time"
    result = subprocess.run(["/usr/bin/time", "-o", str(report), "-f", "%e %M", *command], cwd=cwd,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds, kib = report.read_text().split()[-2:]
    return float(seconds), int(kib) / 1024, result.returncode, result.stdout + result.stderr


def build(command: list[str], project: Path) -> Run:
    shutil.rmtree(project / "site", ignore_errors=True)
    seconds, peak, status, output = timed(command, project)
    problems = [line.strip() for line in output.splitlines()
                if line.strip() and not line.strip().startswith(ENGINE_NOISE)]
    site_dir = project / "site"
    pages = sum(1 for _ in site_dir.rglob("*.html")) if site_dir.exists() else 0
    return Run(seconds, peak, pages, problems, status)


def largest_search_section(project: Path) -> int:
    """Bytes of the largest section of MkDocs' search index (Zensical refuses any over 32 KiB)."""
    index = project / "site" / "search" / "search_index.json"
    if not index.exists():
        return 0
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return max((len(d["title"].encode()) + len(d["text"].encode()) for d in docs), default=0)


def make_project(count: int, project: Path) -> None:
    (project / "docs").mkdir(parents=True)
    # Both engines build the rendered docs/ as they are: without the hook, which would render them again.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if HOOKS not in config:
        raise SystemExit(f"mkdocs.yml: no '{HOOKS.strip()}' block to leave out; update bench_zensical.HOOKS")
    (project / "mkdocs.yml").write_text(config.replace(HOOKS, ""), encoding="utf-8")
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder)
    shutil.copytree(ROOT / "overrides", project / "overrides")  # theme.custom_dir
    replace_generated_docs(project / "docs", render_site(make_briefs(count)))


def describe(engine: str, run: Run) -> str:
    outcome = "ok" if run.status == 0 else f"exit {run.status}"
    return (f"  {engine:<9} {run.seconds:7.1f} s  peak {run.peak_mib:7.0f} MiB  {run.pages:>6} pages  "
            f"{len(run.problems)} problem line(s)  {outcome}")


def bench(count: int, zensical: Path, project: Path) -> None:
    make_project(count, project)
    mkdocs = build([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], project)
    section = largest_search_section(project)
    zensical_run = build([str(zensical), "build", "-f", "mkdocs.yml"], project)
    print(f"{count:>6} briefs", flush=True)
    print(describe("MkDocs", mkdocs))
    print(describe("Zensical", zensical_run))
    if mkdocs.seconds and zensical_run.status == 0:
        print(f"  Zensical/MkDocs: time {zensical_run.seconds / mkdocs.seconds:.2f}x, "
              f"memory {zensical_run.peak_mib / mkdocs.peak_mib:.2f}x")
    print(f"  largest search section {section:,} bytes "
          f"({'under' if section <= ZENSICAL_SEARCH_SECTION_LIMIT else 'OVER'} Zensical's 32 KiB)")
    for line in zensical_run.problems[:10]:
        print(f"    zensical: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, nargs="+", default=[100, 1000], metavar="N")
    parser.add_argument("--zensical", type=Path, default=Path(os.environ.get(ZENSICAL_ENV, DEFAULT_ZENSICAL)),
                        help=f"the zensical executable (default: ${ZENSICAL_ENV}, else {DEFAULT_ZENSICAL})")
    args = parser.parse_args()
    if not args.zensical.exists():
        print(f"Zensical is not installed at {args.zensical}, so there is no Zensical figure; "
              "run 'make bench-zensical' to install it into .venv-zensical and run this bench")
        return 0
    version = subprocess.run([str(args.zensical), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Zensical {version} against MkDocs on the same rendered docs/ (each a child process)")
    for count in args.briefs:
        with tempfile.TemporaryDirectory(prefix="bench-zensical-") as folder:
            bench(count, args.zensical, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
